"""The `kg` command: arguments -> library calls; named errors -> a message and an exit code."""

import argparse
import csv
import io
import json
import logging
import os
import sys
import traceback
from collections.abc import Sequence
from pathlib import Path

from kg import __version__
from kg.errors import KgError, QueryError, StoreError, UsageError
from kg.ingest import MAX_BYTES

log = logging.getLogger("kg")

STORE_VARIABLE = "VNKG_STORE"
DEFAULT_INPUT = Path("seeds")
EXIT_SKIPPED = 2  # the build finished, but some inputs were skipped
EXIT_INTERNAL = 70


def default_store() -> Path:
    """$VNKG_STORE, else $XDG_DATA_HOME/vnkg/store (~/.local/share/vnkg/store)."""
    if os.environ.get(STORE_VARIABLE):
        return Path(os.environ[STORE_VARIABLE])
    data_home = Path(os.environ.get("XDG_DATA_HOME") or Path.home() / ".local" / "share")
    return data_home / "vnkg" / "store"


def main(argv: Sequence[str] | None = None) -> int:
    parser = make_parser()
    args = parser.parse_args(argv)
    logging.basicConfig(level=logging.DEBUG if args.verbose else logging.WARNING,
                        format="%(levelname)s %(name)s: %(message)s")
    try:
        return args.run(args)
    except KgError as error:
        print(f"kg {args.command}: {error}", file=sys.stderr)
        return error.exit_code
    except KeyboardInterrupt:
        print(f"kg {args.command}: interrupted; the store is as it was before.", file=sys.stderr)
        return 130
    except BrokenPipeError:
        return 0
    except Exception as error:  # a bug: say so plainly, show the traceback only when asked
        if args.verbose:
            traceback.print_exc()
        print(f"kg {args.command}: internal error: {error!r}. Run again with -v for the traceback, "
              "and please report it.", file=sys.stderr)
        return EXIT_INTERNAL


def make_parser() -> argparse.ArgumentParser:
    common = argparse.ArgumentParser(add_help=False)
    common.add_argument("--store", type=Path, default=None, metavar="DIR",
                        help=f"the store folder (default: ${STORE_VARIABLE}, else ~/.local/share/vnkg/store)")
    common.add_argument("-v", "--verbose", action="store_true", help="log what happens, with tracebacks")

    parser = argparse.ArgumentParser(
        prog="kg", description="Build and query a knowledge graph of who met whom, on what, when and where, "
                               "from Vietnamese news articles.")
    parser.add_argument("--version", action="version", version=f"kg {__version__}")
    commands = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")

    build = commands.add_parser(
        "build", parents=[common], help="build the graph from articles",
        description="Read articles (.txt, one per file, or .jsonl with one JSON object a line), extract "
                    "persons, organisations, agreements, topics and meetings, and store them, one named graph "
                    "per article: building an article again replaces its graph. Prints a summary and the "
                    f"who-met-whom table. Exits with {EXIT_SKIPPED} if some inputs were skipped.")
    build.add_argument("paths", nargs="*", type=Path, metavar="PATH",
                       help=f"article files or folders of them (default: {DEFAULT_INPUT}/)")
    build.add_argument("--max-bytes", type=int, default=MAX_BYTES, metavar="N",
                       help=f"skip input files larger than this (default: {MAX_BYTES})")
    build.add_argument("--jobs", type=int, default=os.cpu_count() or 1, metavar="N",
                       help="extract in N processes (default: the number of CPUs)")
    build.add_argument("--no-progress", action="store_true", help="do not show the progress bar")
    build.add_argument("--if-needed", action="store_true",
                       help="do nothing if the store is newer than every input and every file under ontology/")
    build.set_defaults(run=run_build)

    query = commands.add_parser(
        "query", parents=[common], help="run a SPARQL query",
        description="Run a SPARQL SELECT, ASK, CONSTRUCT or DESCRIBE query against the store (read-only). "
                    "The default graph is the union of all named graphs.")
    query.add_argument("query", metavar="QUERY|FILE", help="the query text, or a file that holds it")
    query.add_argument("--format", choices=("table", "json", "csv"), default="table",
                       help="how to print SELECT results (default: table)")
    query.set_defaults(run=run_query)

    export = commands.add_parser(
        "export", parents=[common], help="write the whole graph to a file",
        description="Serialise the store. TriG and N-Quads keep the named graphs; Turtle and JSON-LD write "
                    "their union.")
    export.add_argument("--format", choices=("trig", "nquads", "turtle", "jsonld"), default="trig",
                        help="the RDF syntax (default: trig)")
    export.add_argument("-o", "--output", type=Path, metavar="FILE", help="write here (default: standard output)")
    export.set_defaults(run=run_export)

    stats = commands.add_parser("stats", parents=[common], help="count what the store holds",
                                description="Count articles, persons, organisations, meetings and triples.")
    stats.set_defaults(run=run_stats)

    serve = commands.add_parser(
        "serve", help="serve the store: SPARQL endpoint, JSON API and pages",
        description="Serve the store with a production WSGI server (waitress): a read-only SPARQL 1.1 endpoint "
                    "at /sparql, the JSON API at /api (described at /api/openapi.json) and a query page at /. "
                    "Each setting can also be given by its environment variable.")
    serve.add_argument("-v", "--verbose", action="store_true", help="log what happens, with tracebacks")
    from api.settings import SETTINGS
    for setting in SETTINGS:
        default = "" if setting.default is None else f"; default: {setting.default}"
        serve.add_argument(setting.flag, dest=setting.name, type=setting.type, default=None,
                           metavar=setting.name.upper() if setting.name != "store" else "DIR",
                           help=f"{setting.help} (${setting.env}{default})")
    serve.set_defaults(run=run_serve)

    rank = commands.add_parser(
        "rank", parents=[common], help="rank entities by a centrality measure",
        description="Rank persons, organisations, topics or agreements by a network measure that the build "
                    "computed. Persons are measured in the meeting network (who met whom, weighted by the "
                    "number of meetings); the others in the entity network.")
    rank.add_argument("--measure", default="pagerank",
                      choices=("degree", "weighted_degree", "betweenness", "pagerank", "eigenvector"),
                      help="the measure to rank by (default: pagerank)")
    rank.add_argument("--type", default="Person", choices=("Person", "Organization", "Ministry", "Topic", "Agreement"),
                      help="the kind of entity (default: Person)")
    rank.add_argument("--top", type=int, default=10, metavar="N", help="how many to show (default: 10)")
    rank.set_defaults(run=run_rank)

    evaluate = commands.add_parser(
        "eval", parents=[common], help="score the store against gold annotations",
        description="Score the store against gold files (one JSON per article, as in tests/gold/) by the rules "
                    "in tests/gold/SCORING.md, and print each metric.")
    evaluate.add_argument("gold", type=Path, metavar="GOLD_DIR", help="a folder of gold .json files")
    evaluate.set_defaults(run=run_eval)
    return parser


def _store(args: argparse.Namespace):
    from kg.store import Store
    return Store(args.store or default_store())


def run_build(args: argparse.Namespace) -> int:
    from tqdm import tqdm

    from kg.pipeline import build
    from kg.queries import who_met_whom

    store = _store(args)
    paths = args.paths or [DEFAULT_INPUT]
    show = not args.no_progress and sys.stderr.isatty()

    def progress(items, total):
        return tqdm(items, total=total, desc="articles", unit="article", disable=not show, file=sys.stderr)

    if args.if_needed and _up_to_date(store, paths):
        print(f"The store {store.path} is up to date with {', '.join(map(str, paths))}; nothing to build.")
        return 0
    if args.jobs < 1:
        raise UsageError("--jobs must be 1 or more.")
    report = build(paths, store, max_bytes=args.max_bytes, jobs=args.jobs, progress=progress)
    for error in report.skipped:
        print(f"skipped: {error}", file=sys.stderr)
    print(f"Built {len(report.articles)} article(s) into {store.path}: {report.triples} triples, "
          f"{len(report.persons)} persons, {report.meetings} meetings.")
    if report.articles:
        print()
        print(_table(["participants", "topics", "place", "date", "article"],
                     [[" – ".join(r.participants), ", ".join(r.topics[:6]) + (" …" if len(r.topics) > 6 else ""),
                       r.place or "", str(r.date or ""), r.source_file] for r in who_met_whom(store.open())]))
    if report.skipped:
        print(f"{len(report.skipped)} input(s) skipped; see the messages above.", file=sys.stderr)
        return EXIT_SKIPPED
    return 0


def _up_to_date(store, paths: list[Path]) -> bool:
    from kg.lexicon import DEFAULT_ONTOLOGY_DIR

    current = store.current
    if current is None:
        return False
    built = current.stat().st_mtime
    files = [f for p in [*paths, DEFAULT_ONTOLOGY_DIR] for f in ([p] if p.is_file() else p.rglob("*")) if f.is_file()]
    return all(f.stat().st_mtime < built for f in files)


def run_serve(args: argparse.Namespace) -> int:
    import waitress

    from api import create_app
    from api.settings import SETTINGS, resolve

    config = resolve({s.name: getattr(args, s.name) for s in SETTINGS})
    app = create_app(config)
    if not app.extensions["vnkg"].store.exists():
        raise StoreError(f"{config.store}: no graph has been built here yet. Run `kg build --store {config.store}`.")
    url = f"http://{config.host if ':' not in config.host else f'[{config.host}]'}:{config.port}/"
    print(f"Serving the graph in {config.store}\n  query page   {url}\n  SPARQL       {url}sparql\n"
          f"  JSON API     {url}api/docs\nPress Ctrl+C to stop.", flush=True)
    try:
        waitress.serve(app, host=config.host, port=config.port, threads=config.threads, ident="vnkg")
    finally:
        app.extensions["vnkg"].engine.close()
    return 0


def run_query(args: argparse.Namespace) -> int:
    from kg.queries import run_query as execute

    text = args.query
    candidate = Path(text)
    if len(text) < 4096 and "\n" not in text and candidate.suffix in (".rq", ".sparql") or candidate.is_file():
        try:
            text = candidate.read_text(encoding="utf-8")
        except OSError as error:
            raise QueryError(f"{candidate}: cannot read the query file ({error.strerror}).") from None
    result = execute(_store(args).open(), text)
    if result.type == "ASK":
        print("true" if result.askAnswer else "false")
    elif result.type in ("CONSTRUCT", "DESCRIBE"):
        sys.stdout.write(result.graph.serialize(format="turtle"))
    else:
        columns = [str(v) for v in result.vars]
        rows = [[_cell(value) for value in row] for row in result]
        if args.format == "json":
            print(json.dumps([dict(zip(columns, row)) for row in rows], ensure_ascii=False, indent=2))
        elif args.format == "csv":
            out = io.StringIO()
            writer = csv.writer(out)
            writer.writerow(columns)
            writer.writerows(rows)
            sys.stdout.write(out.getvalue())
        else:
            print(_table(columns, rows))
    return 0


def run_export(args: argparse.Namespace) -> int:
    from rdflib import Dataset, Graph
    from rdflib.graph import DATASET_DEFAULT_GRAPH_ID

    stored = _store(args).open()
    if args.format in ("trig", "nquads"):  # the named graphs; the default graph is only their union
        out = Dataset()
        for graph in stored.graphs():
            if graph.identifier != DATASET_DEFAULT_GRAPH_ID:
                out.graph(graph.identifier).__iadd__(graph)
        data = out.serialize(format=args.format)
    else:
        union = Graph()
        union += stored.triples((None, None, None))
        data = union.serialize(format="json-ld" if args.format == "jsonld" else "turtle")
    if args.output:
        args.output.write_text(data, encoding="utf-8")
        print(f"Wrote {args.output}", file=sys.stderr)
    else:
        sys.stdout.write(data)
    return 0


def run_stats(args: argparse.Namespace) -> int:
    from kg.queries import rdflib_select, statistics

    counts = statistics(rdflib_select(_store(args).open()))
    print(_table(["what", "count"], [[kind.replace("_", " "), str(n)] for kind, n in counts.items()]))
    return 0


def run_rank(args: argparse.Namespace) -> int:
    from kg.queries import ranking_query, run_query as execute

    if args.top < 1:
        raise UsageError("--top must be 1 or more.")
    result = execute(_store(args).open(), ranking_query(args.measure, args.type, args.top))
    columns = ["rank", "name", "id"] + [str(v) for v in result.vars[2:]]
    rows = []
    for number, row in enumerate(result, start=1):
        values = [f"{float(v):.4f}" if v is not None and "." in str(v) else _cell(v) for v in row[2:]]
        rows.append([str(number), str(row[1]), str(row[0]).removeprefix("https://w3id.org/vnkg/id/"), *values])
    print(_table(columns, rows))
    return 0


def run_eval(args: argparse.Namespace) -> int:
    from kg.evaluate import evaluate, load_gold

    report = evaluate(_store(args).open(), load_gold(args.gold))
    print("\n".join(report.lines()))
    return 0


def _cell(value) -> str:
    return "" if value is None else str(value)


def _table(columns: list[str], rows: list[list[str]], width: int = 60) -> str:
    """A plain-text table, cells cut at width characters."""
    cut = [[c if len(c) <= width else c[:width - 1] + "…" for c in row] for row in rows]
    widths = [max([len(columns[i])] + [len(r[i]) for r in cut]) for i in range(len(columns))]
    lines = ["  ".join(c.ljust(w) for c, w in zip(columns, widths)).rstrip(),
             "  ".join("-" * w for w in widths)]
    lines += ["  ".join(c.ljust(w) for c, w in zip(row, widths)).rstrip() for row in cut]
    if not rows:
        lines.append("(no rows)")
    return "\n".join(lines)


if __name__ == "__main__":
    sys.exit(main())
