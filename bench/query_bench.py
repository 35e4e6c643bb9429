"""Benchmark: latency (p50, p95) of the example queries (api/queries/*.rq) through a real server.

Over the seed graph and over a graph of about a million triples (the seeds replicated under new ids,
as in build_bench.py, scaled up). Each query runs --runs times after one warm-up run.

    .venv/bin/python bench/query_bench.py                  # seeds, then ~1 M triples
    .venv/bin/python bench/query_bench.py --copies 100     # a smaller large graph
"""

import argparse
import statistics
import tempfile
import threading
import time
import urllib.parse
import urllib.request
from pathlib import Path

from waitress.server import create_server

from api import create_app
from api.settings import Config
from api.views import example_queries
from build_bench import make_corpus
from kg.pipeline import build
from kg.queries import rdflib_select, statistics
from kg.store import Store

ROOT = Path(__file__).resolve().parent.parent


def measure(store: Store, runs: int) -> None:
    app = create_app(Config(store=store.path, query_timeout=120, max_results=10_000, query_workers=2))
    server = create_server(app, host="127.0.0.1", port=0, threads=4)
    threading.Thread(target=server.run, daemon=True).start()
    url = f"http://127.0.0.1:{server.effective_port}/sparql"
    try:
        for example in example_queries():
            times = []
            for run in range(runs + 1):
                data = urllib.parse.urlencode({"query": example["query"]}).encode()
                request = urllib.request.Request(url, data=data, headers={"Accept": "application/sparql-results+json"})
                started = time.perf_counter()
                with urllib.request.urlopen(request) as response:
                    response.read()
                    rows = response.headers["X-Result-Count"]
                if run:
                    times.append((time.perf_counter() - started) * 1000)
            times.sort()
            p95 = times[min(len(times) - 1, round(0.95 * (len(times) - 1)))]
            print(f"  {example['title'][:58]:<58} p50 {statistics.median(times):8.1f} ms  p95 {p95:8.1f} ms"
                  f"  ({rows} rows)")
    finally:
        server.close()
        app.extensions["vnkg"].engine.close()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--copies", type=int, default=570, help="copies of the seeds for the large graph")
    parser.add_argument("--runs", type=int, default=20, help="timed runs of each query (default: 20)")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="vnkg-query-bench-") as tmp:
        seeds = Store(Path(tmp) / "seeds")
        build([ROOT / "seeds"], seeds)
        print(f"seed graph: {statistics(rdflib_select(seeds.open()))['triples']} triples in named graphs")
        measure(seeds, args.runs)

        corpus = Path(tmp) / "corpus"
        corpus.mkdir()
        make_corpus(corpus, args.copies)
        large = Store(Path(tmp) / "large")
        started = time.perf_counter()
        build([corpus], large, jobs=2)
        print(f"large graph: {statistics(rdflib_select(large.open()))['triples']} triples in named graphs "
              f"({args.copies * 5} articles, built in {time.perf_counter() - started:.0f} s)")
        measure(large, args.runs)


if __name__ == "__main__":
    main()
