"""The embedded store: Oxigraph, through rdflib's oxrdflib plugin, changed a whole build at a time.

A store is a folder. Each build writes a new generation (a cheap hard-linked backup of the current
one, then its changes) and, only when it has succeeded, points ``current`` at it with one atomic
rename. A build that fails or is killed half-way leaves the previous generation current, intact
and queryable; its unfinished folder is removed by the next build. Each article's triples live in a
named graph of its own; the default graph is their set union, made at the end of each build.
"""

import fcntl
import gc
import logging
import os
import shutil
import time
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from pathlib import Path

import pyoxigraph as ox
from oxrdflib import OxigraphStore
from rdflib import RDFS, Dataset, URIRef
from rdflib.term import Node

from kg.errors import StoreError
from kg.namespaces import VNKG

log = logging.getLogger(__name__)

CURRENT = "current"
GENERATIONS = "generations"
KEEP_GENERATIONS = 2  # the current one and the one before, which open readers may still use


class Writer:
    """The store being written by one build: replace named graphs, read what is already there."""

    def __init__(self, store: ox.Store) -> None:
        self._ox: ox.Store | None = store
        # Queries read the default graph: the union of the named graphs as of the last refresh
        # (the previous build's, until refresh_default_graph() is called).
        self.dataset: Dataset | None = Dataset(store=OxigraphStore(store=store), default_union=False)

    def refresh_default_graph(self) -> None:
        """Make the default graph the set union of the named graphs.

        Oxigraph's own union default graph is a multiset (a triple in two graphs comes twice), so
        the build materialises the union once; queries of the default graph then see an RDF graph.
        """
        self._ox.update("DROP SILENT DEFAULT ; INSERT { ?s ?p ?o } WHERE { GRAPH ?g { ?s ?p ?o } }")

    def close(self) -> None:
        """Flush and let go of the store, so that RocksDB closes it before it becomes current."""
        if self._ox is not None:
            self._ox.flush()
        self._ox = self.dataset = None

    def replace_graph(self, name: URIRef, triples: Iterable[tuple[Node, Node, Node]]) -> None:
        """Replace the named graph's triples with these (so rebuilding an article never duplicates)."""
        graph = self.dataset.graph(name)
        self._ox.remove_graph(ox.NamedNode(str(name)))
        self.dataset.addN((s, p, o, graph) for s, p, o in triples)

    def person_names(self) -> set[str]:
        """The labels of the persons already stored, for resolving short names against them."""
        rows = self.dataset.query(
            f"SELECT DISTINCT ?name WHERE {{ ?p a <{VNKG.Person}> ; <{RDFS.label}> ?name }}")
        return {str(row[0]) for row in rows}


class Store:
    """An Oxigraph store in a folder."""

    def __init__(self, path: Path) -> None:
        self.path = Path(path)

    @property
    def current(self) -> Path | None:
        """The folder of the current generation, or None before the first build."""
        link = self.path / CURRENT
        return link.resolve() if link.is_symlink() and link.resolve().is_dir() else None

    def exists(self) -> bool:
        return self.current is not None

    def open(self) -> Dataset:
        """Open the current generation read-only, as an rdflib Dataset; its default graph is the union."""
        current = self.current
        if current is None:
            raise StoreError(f"{self.path}: no graph has been built here yet. Run `kg build --store {self.path}`.")
        try:
            inner = ox.Store.read_only(str(current))
        except (OSError, RuntimeError) as error:
            raise StoreError(f"{current}: cannot open the store ({error}). Rebuild it with `kg build`.") from None
        return Dataset(store=OxigraphStore(store=inner), default_union=False)

    @contextmanager
    def writer(self) -> Iterator[Writer]:
        """Write a new generation; make it current only if the block ends without an error."""
        try:
            (self.path / GENERATIONS).mkdir(parents=True, exist_ok=True)
        except OSError as error:
            raise StoreError(f"{self.path}: cannot create the store folder ({error.strerror}). "
                             "Choose another --store.") from None
        with _locked(self.path / ".lock"):
            self._remove_stale_generations()
            target = self.path / GENERATIONS / f"{time.strftime('%Y%m%dT%H%M%S')}-{time.time_ns() % 10**9:09d}"
            current = self.current
            try:
                if current is not None:
                    ox.Store.read_only(str(current)).backup(str(target))
                writer = Writer(ox.Store(str(target)))
            except (OSError, RuntimeError) as error:
                shutil.rmtree(target, ignore_errors=True)
                raise StoreError(f"{target}: cannot write the store ({error}).") from None
            try:
                yield writer
                writer.refresh_default_graph()
                writer.close()
            except BaseException:
                writer.close()
                gc.collect()
                shutil.rmtree(target, ignore_errors=True)
                raise
            gc.collect()  # the last references to the RocksDB instance may sit in reference cycles
            self._point_current_at(target)
            self._remove_stale_generations()

    def _point_current_at(self, target: Path) -> None:
        link = self.path / CURRENT
        temporary = self.path / f".{CURRENT}.{os.getpid()}"
        if temporary.is_symlink() or temporary.exists():
            temporary.unlink()
        temporary.symlink_to(Path(GENERATIONS) / target.name)
        os.replace(temporary, link)  # atomic: readers see the old generation or the new one

    def _remove_stale_generations(self) -> None:
        """Remove generations older than the last few and any that a killed build left unfinished."""
        current = self.current
        folders = sorted((p for p in (self.path / GENERATIONS).iterdir() if p.is_dir()), key=lambda p: p.name)
        finished = [p for p in folders if current is not None and p.name <= current.name]
        keep = set(finished[-KEEP_GENERATIONS:])
        for folder in folders:
            if folder not in keep:
                shutil.rmtree(folder, ignore_errors=True)


@contextmanager
def _locked(path: Path) -> Iterator[None]:
    with open(path, "a") as handle:
        try:
            fcntl.flock(handle, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            raise StoreError(f"{path.parent}: another build is writing this store. Wait for it to finish.") from None
        try:
            yield
        finally:
            fcntl.flock(handle, fcntl.LOCK_UN)

