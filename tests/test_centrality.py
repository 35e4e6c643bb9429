import networkx as nx
import pytest

from kg.centrality import centrality, communities, eigenvector


def path(*weights):
    graph = nx.Graph()
    nodes = "abcdefgh"
    for i, w in enumerate(weights):
        graph.add_edge(nodes[i], nodes[i + 1], weight=w)
    return graph


def test_centrality_path_of_three_by_hand():
    values = centrality(path(1, 1))
    assert values["degree"] == pytest.approx({"a": 0.5, "b": 1.0, "c": 0.5})
    assert values["weighted_degree"] == pytest.approx({"a": 1.0, "b": 2.0, "c": 1.0})
    assert values["betweenness"] == pytest.approx({"a": 0.0, "b": 1.0, "c": 0.0})
    # PageRank, alpha 0.85: x = 0.05 + 0.425 y, y = 0.05 + 1.7 x  ->  x = 0.07125 / 0.2775
    x = 0.07125 / 0.2775
    assert values["pagerank"] == pytest.approx({"a": x, "b": 0.05 + 1.7 * x, "c": x}, abs=1e-5)
    # the leading eigenvector of the path's adjacency is (1, sqrt 2, 1), of norm 2
    assert values["eigenvector"] == pytest.approx({"a": 0.5, "b": 2 ** 0.5 / 2, "c": 0.5}, abs=1e-4)


def test_centrality_stronger_ties_are_shorter_paths():
    graph = nx.Graph()
    graph.add_edge("a", "b", weight=4)
    graph.add_edge("b", "c", weight=4)
    graph.add_edge("a", "c", weight=1)
    # a-b-c costs 1/4 + 1/4 < 1 for a-c directly: b lies on the only shortest path between a and c
    assert centrality(graph)["betweenness"] == pytest.approx({"a": 0.0, "b": 1.0, "c": 0.0})
    assert nx.betweenness_centrality(graph) == pytest.approx({"a": 0.0, "b": 0.0, "c": 0.0})


def test_centrality_leaves_the_graph_unchanged():
    graph = path(2, 3)
    before = nx.to_dict_of_dicts(graph)
    centrality(graph)
    assert nx.to_dict_of_dicts(graph) == before


def test_centrality_samples_betweenness_on_large_graphs():
    graph = nx.path_graph(60)
    exact = centrality(graph)["betweenness"]
    sampled = centrality(graph, exact_limit=10, samples=30)["betweenness"]
    assert sampled != exact and max(sampled, key=sampled.get) in (28, 29, 30, 31)


def test_centrality_empty_and_single_node():
    assert centrality(nx.Graph()) == {m: {} for m in ("degree", "weighted_degree", "betweenness", "pagerank",
                                                      "eigenvector")}
    single = nx.Graph()
    single.add_node("x")
    assert centrality(single)["degree"] == {"x": 0.0}


def test_eigenvector_falls_back_per_component(monkeypatch):
    graph = nx.union(path(1, 1), nx.relabel_nodes(path(1), {"a": "p", "b": "q"}))
    real = nx.eigenvector_centrality

    def fails_on_the_whole_graph(g, **kwargs):
        if g.number_of_nodes() == 5:
            raise nx.PowerIterationFailedConvergence(1000)
        return real(g, **kwargs)

    monkeypatch.setattr(nx, "eigenvector_centrality", fails_on_the_whole_graph)
    values = eigenvector(graph)
    assert values["b"] == pytest.approx(2 ** 0.5 / 2 * 3 / 5, abs=1e-4)
    assert values["p"] == pytest.approx(2 ** -0.5 * 2 / 5, abs=1e-4)


def test_communities_two_triangles_joined_by_one_edge():
    graph = nx.Graph([("a", "b"), ("b", "c"), ("a", "c"), ("x", "y"), ("y", "z"), ("x", "z"), ("c", "x")])
    groups = communities(graph)
    assert groups["a"] == groups["b"] == groups["c"] != groups["x"] == groups["y"] == groups["z"]
    assert communities(graph) == groups  # the seed is fixed
