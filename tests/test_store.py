import subprocess
import sys
import textwrap

from kg.pipeline import build
from kg.store import Store

from conftest import SEEDS

COUNT = "SELECT (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } }"


def count(store: Store) -> int:
    (n,), = store.open().query(COUNT)
    return int(n)


def test_store_rebuilding_an_article_replaces_its_graph(tmp_path):
    store = Store(tmp_path / "store")
    build([SEEDS / "003_970878c4d8d396b1.txt"], store)
    first = count(store)
    build([SEEDS / "003_970878c4d8d396b1.txt"], store)
    assert count(store) == first
    build([SEEDS / "004_0752c72360714cb8.txt"], store)
    assert count(store) > first
    files = {str(f) for (f,) in store.open().query(
        "SELECT ?f WHERE { ?a <https://w3id.org/vnkg/ontology#sourceFile> ?f }")}
    assert files == {"003_970878c4d8d396b1.txt", "004_0752c72360714cb8.txt"}


def test_store_failed_build_leaves_previous_graph(tmp_path):
    store = Store(tmp_path / "store")
    build([SEEDS / "003_970878c4d8d396b1.txt"], store)
    before = count(store)
    try:
        with store.writer() as writer:
            writer.replace_graph(next(iter(writer.dataset.graphs())).identifier, [])
            raise RuntimeError("half-way")
    except RuntimeError:
        pass
    assert count(store) == before


def test_store_killed_build_leaves_previous_graph_intact_and_queryable(tmp_path):
    store = Store(tmp_path / "store")
    build([SEEDS / "003_970878c4d8d396b1.txt"], store)
    before = count(store)
    script = textwrap.dedent(f"""
        import os, signal
        from pathlib import Path
        from rdflib import URIRef
        from kg.store import Store
        store = Store(Path({str(store.path)!r}))
        with store.writer() as writer:
            for graph in list(writer.dataset.graphs()):
                writer.replace_graph(graph.identifier, [])
            os.kill(os.getpid(), signal.SIGKILL)
    """)
    result = subprocess.run([sys.executable, "-c", script], capture_output=True)
    assert result.returncode == -9
    assert count(store) == before
    build([SEEDS / "004_0752c72360714cb8.txt"], store)  # the next build cleans up and goes on
    assert count(store) > before
    assert len(list((store.path / "generations").iterdir())) <= 2


def test_store_default_graph_is_the_set_union_of_named_graphs(seed_dataset):
    (in_graphs,), = seed_dataset.query("SELECT (COUNT(*) AS ?n) WHERE { SELECT DISTINCT ?s ?p ?o WHERE { GRAPH ?g { ?s ?p ?o } } }")
    (in_default,), = seed_dataset.query("SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }")
    assert int(in_default) == int(in_graphs)
    rows = list(seed_dataset.query("SELECT ?n WHERE { <https://w3id.org/vnkg/id/person/jacob-helberg> "
                                   "<http://www.w3.org/2000/01/rdf-schema#label> ?n }"))
    assert len(rows) == 1  # Helberg is described in two articles' graphs, but once in the default graph
