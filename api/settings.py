"""The server's settings: one table that drives the code, `kg serve --help` and the README."""

import os
from collections.abc import Mapping
from dataclasses import dataclass, fields
from pathlib import Path
from typing import Any


@dataclass(frozen=True)
class Setting:
    name: str
    env: str
    default: Any
    type: type
    help: str

    @property
    def flag(self) -> str:
        return "--" + self.name.replace("_", "-")


SETTINGS: tuple[Setting, ...] = (
    Setting("store", "VNKG_STORE", None, Path,
            "the store folder (default: ~/.local/share/vnkg/store)"),
    Setting("host", "VNKG_HOST", "127.0.0.1", str, "the address to listen on"),
    Setting("port", "VNKG_PORT", 5000, int, "the port to listen on"),
    Setting("query_timeout", "VNKG_QUERY_TIMEOUT", 10.0, float,
            "seconds a SPARQL query may run before it is stopped"),
    Setting("max_results", "VNKG_MAX_RESULTS", 10_000, int,
            "rows (or triples) a query returns at most; a cut result says so in its headers"),
    Setting("query_workers", "VNKG_QUERY_WORKERS", 2, int,
            "processes that run SPARQL queries, so that a runaway one can be stopped"),
    Setting("query_memory_mb", "VNKG_QUERY_MEMORY_MB", 4096, int,
            "address space one query process may use, in MiB"),
    Setting("threads", "VNKG_THREADS", 8, int, "request threads of the WSGI server (waitress)"),
    Setting("graph_max_nodes", "VNKG_GRAPH_MAX_NODES", 300, int,
            "nodes a graph view shows at most; above it a view keeps the most central and says so"),
)


@dataclass(frozen=True)
class Config:
    """Resolved settings of one app."""

    store: Path
    host: str = "127.0.0.1"
    port: int = 5000
    query_timeout: float = 10.0
    max_results: int = 10_000
    query_workers: int = 2
    query_memory_mb: int = 4096
    threads: int = 8
    graph_max_nodes: int = 300


def resolve(given: Mapping[str, Any] | None = None, environ: Mapping[str, str] | None = None) -> Config:
    """Settings from given values (arguments), else the environment, else the defaults."""
    from kg.cli import default_store

    given = {k: v for k, v in (given or {}).items() if v is not None}
    environ = os.environ if environ is None else environ
    values: dict[str, Any] = {}
    for setting in SETTINGS:
        if setting.name in given:
            value = given[setting.name]
        elif environ.get(setting.env):
            value = environ[setting.env]
        else:
            value = setting.default
        values[setting.name] = setting.type(value) if value is not None else None
    values["store"] = values["store"] or default_store()
    known = {f.name for f in fields(Config)}
    return Config(**{k: v for k, v in values.items() if k in known})


def markdown_table() -> str:
    """The settings as a Markdown table, for the README."""
    rows = ["| setting | `kg serve` flag | environment variable | default | meaning |", "|---|---|---|---|---|"]
    for s in SETTINGS:
        default = "see meaning" if s.default is None else f"`{s.default}`"
        rows.append(f"| {s.name} | `{s.flag}` | `{s.env}` | {default} | {s.help} |")
    return "\n".join(rows)
