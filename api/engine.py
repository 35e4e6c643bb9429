"""Runs SPARQL queries in worker processes, each with a time limit that really stops it."""

import logging
import multiprocessing
import queue
import threading
from dataclasses import dataclass

from api import guard
from api.errors import (MalformedQuery, QueryFailed, QueryTimeout, RemoteAccessRefused, Unavailable,
                        UpdateRefused)
from api.worker import serve
from kg.store import Store

log = logging.getLogger(__name__)


@dataclass
class _Worker:
    process: multiprocessing.process.BaseProcess
    conn: multiprocessing.connection.Connection


class QueryEngine:
    """A pool of query processes over one store; a query past its time limit ends its process."""

    def __init__(self, store: Store, *, workers: int = 2, timeout: float = 10.0, max_results: int = 10_000,
                 memory_mb: int = 4096) -> None:
        self.store, self.timeout, self.max_results, self.memory_mb = store, timeout, max_results, memory_mb
        self._size = max(1, workers)
        self._idle: queue.Queue[_Worker] = queue.Queue()
        self._started = False
        self._lock = threading.Lock()
        self._context = multiprocessing.get_context("spawn")

    def run(self, text: str, *, fmt: str | None = None, mode: str = "serialize", bindings: dict | None = None,
            default_graphs: tuple[str, ...] = (), named_graphs: tuple[str, ...] = (),
            timeout: float | None = None, capped: bool = True) -> dict:
        """Run a read-only query; raise a named ApiError for what cannot be answered.

        Results are cut at max_results unless capped is False (the app's own queries)."""
        reading = guard.read(text)
        if reading.is_update:
            raise UpdateRefused("This endpoint is read-only: SPARQL updates (INSERT, DELETE, LOAD, CLEAR, ...) "
                                "are refused and the data is unchanged. Rebuild the store with `kg build` instead.")
        if reading.uses_service:
            raise RemoteAccessRefused("SERVICE is refused: this endpoint answers from its own store and never "
                                      "connects elsewhere. Query the other endpoint yourself.")
        unknown = [g for g in (*reading.from_graphs, *default_graphs, *named_graphs) if not self.has_graph(g)]
        if unknown:
            raise RemoteAccessRefused(f"{unknown[0]} is no graph of this store, and the endpoint does not fetch "
                                      "remote data. Name graphs of the store in full (see the service description).",
                                      {"graphs": unknown})
        return self._send({"query": text, "format": fmt, "mode": mode, "bindings": bindings or {},
                           "default_graphs": list(default_graphs), "named_graphs": list(named_graphs),
                           "limit": self.max_results if capped else None}, timeout or self.timeout)

    def rows(self, text: str, bindings: dict | None = None) -> list[dict]:
        """Run one of our own SELECT queries and return its rows as {variable: value} dicts."""
        result = self.run(text, mode="rows", bindings=bindings, capped=False)
        return [{name: term["value"] if term else None for name, term in zip(result["vars"], row)}
                for row in result["rows"]]

    def has_graph(self, iri: str) -> bool:
        result = self._send({"query": "SELECT ?g WHERE { GRAPH ?g { ?s ?p ?o } } LIMIT 1", "mode": "rows",
                             "format": None, "bindings": {"g": {"type": "uri", "value": iri}}, "limit": 1},
                            self.timeout)
        return bool(result["rows"])

    def close(self) -> None:
        with self._lock:
            while not self._idle.empty():
                self._stop(self._idle.get_nowait())
            self._started = False

    # -- the pool ------------------------------------------------------------------------

    def _send(self, request: dict, timeout: float) -> dict:
        generation = self.store.current
        if generation is None:
            raise Unavailable(f"No graph has been built in {self.store.path} yet. Run `kg build`.")
        request["generation"] = str(generation)
        self._start()
        try:
            worker = self._idle.get(timeout=timeout)
        except queue.Empty:
            raise Unavailable("Every query process is busy. Try again shortly.") from None
        try:
            worker.conn.send(request)
            if not worker.conn.poll(timeout):
                self._replace(worker)
                worker = None
                raise QueryTimeout(f"The query ran past the {timeout:g} s limit and was stopped. "
                                   "Narrow it (a LIMIT, more specific patterns) and try again.",
                                   {"timeout_seconds": timeout})
            response = worker.conn.recv()
        except (EOFError, OSError, BrokenPipeError):
            self._replace(worker)
            worker = None
            raise QueryFailed("The query process ended unexpectedly (perhaps out of memory).") from None
        finally:
            if worker is not None:
                self._idle.put(worker)
        if "error" in response:
            if response["error"] == "syntax":
                raise MalformedQuery(f"The query is not valid SPARQL: {response['message']}",
                                     {"parser": response["message"]})
            raise QueryFailed(f"The query failed: {response['message']}")
        return response

    def _start(self) -> None:
        with self._lock:
            if not self._started:
                for _ in range(self._size):
                    self._idle.put(self._spawn())
                self._started = True

    def _spawn(self) -> _Worker:
        ours, theirs = self._context.Pipe()
        process = self._context.Process(target=serve, args=(theirs, self.memory_mb), daemon=True,
                                        name="vnkg-query")
        process.start()
        theirs.close()
        return _Worker(process, ours)

    def _replace(self, worker: _Worker) -> None:
        self._stop(worker)
        self._idle.put(self._spawn())

    @staticmethod
    def _stop(worker: _Worker) -> None:
        worker.process.kill()
        worker.process.join(timeout=5)
        worker.conn.close()

