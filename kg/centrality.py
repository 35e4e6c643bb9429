"""Centrality and communities of a network: plain {node: value} dicts, the graph never modified."""

import logging

import networkx as nx

log = logging.getLogger(__name__)

MEASURES = ("degree", "weighted_degree", "betweenness", "pagerank", "eigenvector")
EXACT_BETWEENNESS_LIMIT = 2000  # above this many nodes, betweenness is estimated from samples
BETWEENNESS_SAMPLES = 500
SEED = 42


def centrality(graph: nx.Graph, weight: str = "weight", *, seed: int = SEED,
               exact_limit: int = EXACT_BETWEENNESS_LIMIT, samples: int = BETWEENNESS_SAMPLES) -> dict[str, dict]:
    """Every measure of MEASURES for every node: {measure: {node: value}}.

    Betweenness treats a stronger tie (more meetings) as a shorter path; above exact_limit nodes it
    is estimated from `samples` source nodes (NetworkX's k), with a fixed seed.
    """
    if graph.number_of_nodes() == 0:
        return {measure: {} for measure in MEASURES}
    timed = graph.copy()  # new attribute dicts: the caller's graph is not modified
    for _, _, data in timed.edges(data=True):
        data["distance"] = 1 / max(data.get(weight, 1), 1e-9)
    k = samples if graph.number_of_nodes() > exact_limit else None
    return {
        "degree": nx.degree_centrality(graph) if graph.number_of_nodes() > 1 else {n: 0.0 for n in graph},
        "weighted_degree": {n: float(d) for n, d in graph.degree(weight=weight)},
        "betweenness": nx.betweenness_centrality(timed, k=k, weight="distance", seed=seed),
        "pagerank": nx.pagerank(graph, weight=weight),
        "eigenvector": eigenvector(graph, weight),
    }


def eigenvector(graph: nx.Graph, weight: str = "weight") -> dict:
    """Eigenvector centrality; where the power iteration does not converge on the whole graph, each
    connected component is solved alone (scaled by its share of the nodes), and failing that the
    component falls back to its normalised weighted degree."""
    try:
        return nx.eigenvector_centrality(graph, weight=weight, max_iter=1000)
    except nx.PowerIterationFailedConvergence:
        log.warning("eigenvector centrality did not converge on the whole graph; solving each component")
    result = {}
    total = graph.number_of_nodes()
    for nodes in nx.connected_components(graph):
        part = graph.subgraph(nodes)
        share = len(nodes) / total
        try:
            values = nx.eigenvector_centrality(part, weight=weight, max_iter=1000) if len(nodes) > 1 else {
                next(iter(nodes)): 0.0}
        except nx.PowerIterationFailedConvergence:
            log.warning("eigenvector centrality did not converge on a component of %d nodes; "
                        "using its weighted degree", len(nodes))
            degrees = dict(part.degree(weight=weight))
            top = max(degrees.values()) or 1
            values = {n: d / top for n, d in degrees.items()}
        result.update({n: v * share for n, v in values.items()})
    return result


def communities(graph: nx.Graph, weight: str = "weight", *, seed: int = SEED) -> dict:
    """Louvain communities with a fixed seed: {node: community number}, the largest community first."""
    if graph.number_of_nodes() == 0:
        return {}
    found = nx.community.louvain_communities(graph, weight=weight, seed=seed)
    ordered = sorted(found, key=lambda c: (-len(c), min(map(str, c))))
    return {node: number for number, members in enumerate(ordered) for node in members}
