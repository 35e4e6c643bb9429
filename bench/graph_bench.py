"""Benchmark: computing every measure and rendering a view, for generated graphs of 1 k, 10 k and 50 k nodes.

Graphs are NetworkX power-law cluster graphs (seeded) with node types and meeting counts as weights.
Betweenness is exact up to 2 000 nodes and estimated from 500 sampled sources above (NetworkX's k);
for 1 k nodes both are timed. A view keeps the 300 most central nodes.

    .venv/bin/python bench/graph_bench.py
    .venv/bin/python bench/graph_bench.py --sizes 1000 10000
"""

import argparse
import random
import time

import networkx as nx

from kg.centrality import centrality, communities
from kg.visualize import render

TYPES = ("Person", "Person", "Person", "Ministry", "Topic", "Agreement")


def generate(n: int, seed: int = 7) -> nx.Graph:
    graph = nx.powerlaw_cluster_graph(n, 2, 0.1, seed=seed)
    rng = random.Random(seed)
    for node in graph:
        graph.nodes[node].update(type=rng.choice(TYPES), label=f"Node {node}", id=f"person/n{node}")
    for a, b in graph.edges:
        graph.edges[a, b].update(weight=rng.randint(1, 5), topics={"Năng lượng"}, dates={"2026-02-08"},
                                 articles={f"{a}.txt"}, meetings=[f"m{a}-{b}"])
    return graph


def timed(label: str, work):
    started = time.perf_counter()
    result = work()
    print(f"  {label:<42} {time.perf_counter() - started:8.2f} s")
    return result


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--sizes", type=int, nargs="+", default=[1000, 10000, 50000])
    args = parser.parse_args()
    for n in args.sizes:
        graph = generate(n)
        print(f"{n} nodes, {graph.number_of_edges()} edges")
        if n <= 2000:
            timed("betweenness, exact", lambda: nx.betweenness_centrality(graph, weight="weight"))
        values = timed("all measures (betweenness " + ("exact)" if n <= 2000 else "k=500 samples)"),
                       lambda: centrality(graph))
        timed("Louvain communities", lambda: communities(graph))
        view = timed("render a view (top 300 by PageRank)", lambda: render(graph, values["pagerank"]))
        print(f"  view: {view.shown} of {view.total} nodes, {len(view.html) / 1e3:.0f} kB of HTML")


if __name__ == "__main__":
    main()
