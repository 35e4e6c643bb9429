"""A real server on a free loopback port, queried with SPARQLWrapper in every result format."""

import threading

import pytest
from rdflib import Graph
from SPARQLWrapper import CSV, JSON, JSONLD, N3, RDFXML, TSV, TURTLE, XML, SPARQLWrapper
from waitress.server import create_server

PERSONS = ("SELECT DISTINCT ?name WHERE { ?p a <https://w3id.org/vnkg/ontology#Person> ; "
           "<http://www.w3.org/2000/01/rdf-schema#label> ?name } ORDER BY ?name")
CONSTRUCT = ("CONSTRUCT { ?p <http://www.w3.org/2000/01/rdf-schema#label> ?n } WHERE { "
             "?p a <https://w3id.org/vnkg/ontology#Person> ; <http://www.w3.org/2000/01/rdf-schema#label> ?n }")


@pytest.fixture(scope="module")
def endpoint(app):
    server = create_server(app, host="127.0.0.1", port=0, threads=4)
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.effective_port}/sparql"
    server.close()


def ask(endpoint, query, fmt, method="GET"):
    client = SPARQLWrapper(endpoint)
    client.setQuery(query)
    client.setReturnFormat(fmt)
    client.setMethod(method)
    return client.query().convert()


@pytest.mark.parametrize("method", ["GET", "POST"])
@pytest.mark.parametrize("fmt, count", [
    (JSON, lambda r: len(r["results"]["bindings"])),
    (XML, lambda r: len(r.getElementsByTagName("result"))),
    (CSV, lambda r: len(r.decode().strip().splitlines()) - 1),
    (TSV, lambda r: len(r.decode().strip().splitlines()) - 1),
])
def test_server_select_in_every_format(endpoint, method, fmt, count):
    assert count(ask(endpoint, PERSONS, fmt, method)) == 13


@pytest.mark.parametrize("fmt", [JSON, XML])
def test_server_ask(endpoint, fmt):
    result = ask(endpoint, "ASK { ?m a <https://w3id.org/vnkg/ontology#Meeting> }", fmt)
    value = result["boolean"] if fmt == JSON else result.getElementsByTagName("boolean")[0].firstChild.data == "true"
    assert value is True


@pytest.mark.parametrize("fmt", [TURTLE, N3, RDFXML, JSONLD])
def test_server_construct_in_every_format(endpoint, fmt):
    result = ask(endpoint, CONSTRUCT, fmt)
    graph = result if isinstance(result, Graph) else Graph().parse(
        data=result, format={TURTLE: "turtle", N3: "n3"}.get(fmt, "turtle"))
    assert len(graph) == 13
