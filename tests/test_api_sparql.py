import csv
import io
import json
import socket
import threading
import time
import xml.etree.ElementTree as ET

import pytest
from rdflib import Graph, Namespace

SD = Namespace("http://www.w3.org/ns/sparql-service-description#")
PERSONS = ("SELECT DISTINCT ?p ?name WHERE { ?p a <https://w3id.org/vnkg/ontology#Person> ; "
           "<http://www.w3.org/2000/01/rdf-schema#label> ?name } ORDER BY ?name")
CONSTRUCT = "CONSTRUCT { ?p a <https://w3id.org/vnkg/ontology#Person> } WHERE { ?p a <https://w3id.org/vnkg/ontology#Person> }"
COUNT = "SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }"


def error_of(response, status, code):
    assert response.status_code == status, response.get_data(as_text=True)
    body = response.get_json()
    assert set(body["error"]) == {"status", "code", "message", "detail"}
    assert body["error"]["status"] == status and body["error"]["code"] == code
    return body["error"]


@pytest.mark.parametrize("accept, check", [
    ("application/sparql-results+json", lambda t: len(json.loads(t)["results"]["bindings"]) == 13),
    ("application/sparql-results+xml",
     lambda t: len(ET.fromstring(t).findall(".//{http://www.w3.org/2005/sparql-results#}result")) == 13),
    ("text/csv", lambda t: list(csv.reader(io.StringIO(t)))[0] == ["p", "name"] and len(t.splitlines()) == 14),
    ("text/tab-separated-values", lambda t: t.splitlines()[0] == "?p\t?name" and '"Jacob Helberg"@vi' in t),
])
def test_sparql_select_in_each_result_format(client, accept, check):
    response = client.get("/sparql", query_string={"query": PERSONS}, headers={"Accept": accept})
    assert response.status_code == 200 and response.mimetype == accept
    assert check(response.get_data(as_text=True))


@pytest.mark.parametrize("accept, rdflib_format", [
    ("text/turtle", "turtle"), ("application/n-triples", "nt"), ("application/ld+json", "json-ld"),
    ("application/rdf+xml", "xml"),
])
def test_sparql_construct_in_each_rdf_format(client, accept, rdflib_format):
    response = client.get("/sparql", query_string={"query": CONSTRUCT}, headers={"Accept": accept})
    assert response.status_code == 200 and response.mimetype == accept
    assert len(Graph().parse(data=response.get_data(as_text=True), format=rdflib_format)) == 13


@pytest.mark.parametrize("method, kwargs", [
    ("get", {"query_string": {"query": PERSONS}}),
    ("post", {"data": {"query": PERSONS}}),
    ("post", {"data": PERSONS, "content_type": "application/sparql-query"}),
])
def test_sparql_query_by_get_and_both_posts(client, method, kwargs):
    response = getattr(client, method)("/sparql", **kwargs)
    assert response.status_code == 200 and response.mimetype == "application/sparql-results+json"
    assert len(response.get_json()["results"]["bindings"]) == 13


@pytest.mark.parametrize("fmt, mime", [("csv", "text/csv"), ("xml", "application/sparql-results+xml"),
                                       ("text/tab-separated-values", "text/tab-separated-values")])
def test_sparql_format_parameter_overrides_accept(client, fmt, mime):
    response = client.get("/sparql", query_string={"query": PERSONS, "format": fmt}, headers={"Accept": "text/html"})
    assert response.mimetype == mime


def test_sparql_ask(client):
    response = client.get("/sparql", query_string={"query": "ASK { ?s a <https://w3id.org/vnkg/ontology#Meeting> }"})
    assert response.get_json() == {"head": {}, "boolean": True}


@pytest.mark.parametrize("query, accept", [(PERSONS, "image/png"), (CONSTRUCT, "text/csv"),
                                           ("ASK { ?s ?p ?o }", "text/csv")])
def test_sparql_not_acceptable(client, query, accept):
    error = error_of(client.get("/sparql", query_string={"query": query}, headers={"Accept": accept}), 406,
                     "not_acceptable")
    assert error["detail"]["available"]


def test_sparql_default_and_named_graph_uri(client):
    graph = "https://w3id.org/vnkg/graph/article/003_970878c4d8d396b1"
    everything = client.get("/sparql", query_string={"query": PERSONS}).get_json()
    one = client.get("/sparql", query_string={"query": PERSONS, "default-graph-uri": graph}).get_json()
    names = {b["name"]["value"] for b in one["results"]["bindings"]}
    assert names == {"Lê Mạnh Hùng", "Jacob Helberg", "James Danly", "Stephen Vaden"}
    assert len(everything["results"]["bindings"]) > len(names)
    named = client.get("/sparql", query_string={
        "query": "SELECT DISTINCT ?g WHERE { GRAPH ?g { ?s ?p ?o } }", "named-graph-uri": graph}).get_json()
    assert [b["g"]["value"] for b in named["results"]["bindings"]] == [graph]


def test_sparql_service_description(client):
    response = client.get("/sparql", headers={"Accept": "text/turtle"})
    graph = Graph().parse(data=response.get_data(as_text=True), format="turtle")
    assert (None, SD.endpoint, None) in graph and (None, SD.supportedLanguage, SD.SPARQL11Query) in graph
    assert len(list(graph.objects(None, SD.name))) == 8  # 5 articles, ontology, topics, analytics


def test_sparql_browser_without_query_gets_the_page(client):
    response = client.get("/sparql", headers={"Accept": "text/html,application/xhtml+xml,*/*;q=0.8"})
    assert response.status_code == 302 and response.location.endswith("/")


def test_sparql_cors_on_get_only(client):
    assert client.get("/sparql", query_string={"query": PERSONS}).headers["Access-Control-Allow-Origin"] == "*"
    assert "Access-Control-Allow-Origin" not in client.post("/sparql", data={"query": PERSONS}).headers


@pytest.mark.parametrize("method, kwargs", [
    ("get", {"query_string": {"update": "CLEAR ALL"}}),
    ("post", {"data": {"update": "CLEAR ALL"}}),
    ("post", {"data": "CLEAR ALL", "content_type": "application/sparql-update"}),
    ("post", {"data": {"query": "INSERT DATA { <urn:a> <urn:b> <urn:c> }"}}),
    ("get", {"query_string": {"query": "DROP ALL"}}),
    ("get", {"query_string": {"query": "LOAD <http://127.0.0.1:9/data.ttl>"}}),
])
def test_sparql_updates_are_refused_and_data_unchanged(client, method, kwargs):
    before = client.get("/sparql", query_string={"query": COUNT}).get_json()
    error = error_of(getattr(client, method)("/sparql", **kwargs), 403, "read_only")
    assert "read-only" in error["message"]
    assert client.get("/sparql", query_string={"query": COUNT}).get_json() == before


def test_sparql_malformed_query_gives_parser_message_and_position(client):
    error = error_of(client.get("/sparql", query_string={"query": "SELECT ?x WHERE { ?x ?y }"}), 400,
                     "malformed_query")
    assert "1:" in error["detail"]["parser"]


@pytest.mark.parametrize("query", [
    "SELECT * FROM <http://example.org/data.ttl> WHERE { ?s ?p ?o }",
    "SELECT * FROM NAMED <https://example.org/g> WHERE { GRAPH ?g { ?s ?p ?o } }",
])
def test_sparql_from_a_remote_graph_is_refused(client, query):
    error_of(client.get("/sparql", query_string={"query": query}), 400, "remote_access_refused")


def test_sparql_service_makes_no_connection(client):
    listener = socket.socket()
    listener.bind(("127.0.0.1", 0))
    listener.listen(1)
    listener.settimeout(0.5)
    port = listener.getsockname()[1]
    try:
        query = f"SELECT * WHERE {{ SERVICE <http://127.0.0.1:{port}/sparql> {{ ?s ?p ?o }} }}"
        error = error_of(client.get("/sparql", query_string={"query": query}), 400, "remote_access_refused")
        assert "SERVICE" in error["message"]
        with pytest.raises(socket.timeout):
            listener.accept()
    finally:
        listener.close()


def test_sparql_results_are_capped_and_the_cap_is_reported(client):
    response = client.get("/sparql", query_string={"query": "SELECT ?s ?p ?o WHERE { ?s ?p ?o }"})
    assert response.headers["X-Result-Truncated"] == "true" and response.headers["X-Result-Limit"] == "50"
    assert len(response.get_json()["results"]["bindings"]) == 50
    small = client.get("/sparql", query_string={"query": PERSONS})
    assert small.headers["X-Result-Truncated"] == "false" and small.headers["X-Result-Count"] == "13"


def test_sparql_runaway_query_is_stopped_while_others_are_answered(app):
    runaway = "SELECT (COUNT(*) AS ?n) WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i . ?j ?k ?l }"
    outcome = {}

    def slow():
        started = time.monotonic()
        outcome["response"] = app.test_client().get("/sparql", query_string={"query": runaway})
        outcome["seconds"] = time.monotonic() - started

    thread = threading.Thread(target=slow)
    thread.start()
    time.sleep(0.5)
    started = time.monotonic()
    quick = app.test_client().get("/sparql", query_string={"query": PERSONS})
    quick_seconds = time.monotonic() - started
    assert quick.status_code == 200 and thread.is_alive()  # answered while the runaway still runs
    thread.join(timeout=30)
    error_of(outcome["response"], 503, "query_timeout")
    assert 2.5 < outcome["seconds"] < 10 and quick_seconds < 2.5
    assert app.test_client().get("/sparql", query_string={"query": PERSONS}).status_code == 200


def test_sparql_request_errors_share_the_shape(client):
    error_of(client.post("/sparql", data="x", content_type="text/plain"), 415, "unsupported_media_type")
    error_of(client.get("/sparql", query_string=[("query", PERSONS), ("query", PERSONS)]), 400, "bad_parameter")
    error_of(client.post("/sparql", data={"nothing": "here"}), 400, "bad_parameter")
    error_of(client.get("/no-such-page"), 404, "not_found")
    error_of(client.delete("/sparql"), 405, "method_not_allowed")
