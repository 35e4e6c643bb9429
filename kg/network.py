"""RDF -> NetworkX: the meeting network and the entity network, read with a few SPARQL queries.

Both readers take `select`, a function from a SPARQL SELECT query to rows ({variable: value or None}),
so the same projection serves a build (rdflib over the store being written), the CLI and the server
(its query processes). Nodes are entity IRIs with `type`, `label` and `id` attributes.
"""

from collections import defaultdict
from collections.abc import Iterable

import networkx as nx
from kg.queries import PREFIXES, Select

ID = "https://w3id.org/vnkg/id/"
VNKG = "https://w3id.org/vnkg/ontology#"
TYPE_ORDER = ("Ministry", "Country", "Person", "Meeting", "Agreement", "Topic", "Article", "Place", "Organization")

_MEETING_PAIRS = PREFIXES + """
SELECT ?m ?a ?b ?file ?date ?published WHERE {
  ?m a vnkg:Meeting ; vnkg:participant ?a , ?b ; prov:wasDerivedFrom ?article .
  ?article vnkg:sourceFile ?file .
  OPTIONAL { ?m vnkg:date ?date } OPTIONAL { ?article vnkg:date ?published }
  FILTER(STR(?a) < STR(?b))
}"""
_MEETING_TOPICS = PREFIXES + """
SELECT ?m ?t ?label WHERE { ?m a vnkg:Meeting ; vnkg:topic ?t . ?t skos:prefLabel ?label FILTER(lang(?label) = "vi") }"""
_ENTITIES = PREFIXES + """
SELECT ?x ?type ?label WHERE {
  VALUES ?type { vnkg:Person vnkg:Organization vnkg:Ministry vnkg:Topic vnkg:Agreement vnkg:Country vnkg:Place }
  ?x a ?type ; rdfs:label ?label FILTER(lang(?label) = "vi")
}"""
_MEMBERSHIPS = PREFIXES + "SELECT ?p ?o WHERE { ?p a vnkg:Person ; vnkg:memberOf ?o }"
_PERSON_TOPICS = PREFIXES + "SELECT ?p ?t ?m WHERE { ?m a vnkg:Meeting ; vnkg:participant ?p ; vnkg:topic ?t }"
_AGREEMENT_MENTIONS = PREFIXES + """
SELECT ?g ?x ?article WHERE {
  ?article vnkg:mentions ?g , ?x . ?g a vnkg:Agreement . { ?x a vnkg:Person } UNION { ?x a vnkg:Organization }
}"""


def main_type(types: Iterable[str]) -> str:
    """The most telling of an entity's vnkg classes (local names)."""
    types = set(types)
    return next((t for t in TYPE_ORDER if t in types), sorted(types)[0] if types else "Thing")


def meeting_network(select: Select) -> nx.Graph:
    """Persons (and organisations) who took part in meetings; an edge for each pair who met.

    Edges carry `weight` (the number of meetings), and the `meetings`, `topics`, `dates` and `articles`.
    """
    graph = nx.Graph()
    known = entities(select)
    topics: dict[str, set[str]] = defaultdict(set)
    for row in select(_MEETING_TOPICS):
        topics[row["m"]].add(row["label"])
    for row in select(_MEETING_PAIRS):
        a, b = row["a"], row["b"]
        for node in (a, b):
            if node not in graph:
                graph.add_node(node, **known.get(node, _unknown(node)))
        if not graph.has_edge(a, b):
            graph.add_edge(a, b, weight=0, meetings=[], topics=set(), dates=set(), articles=set())
        edge = graph.edges[a, b]
        if row["m"] not in edge["meetings"]:
            edge["meetings"].append(row["m"])
            edge["weight"] += 1
        edge["topics"] |= topics[row["m"]]
        if row["date"] or row["published"]:
            edge["dates"].add(row["date"] or row["published"])
        edge["articles"].add(row["file"])
    return graph


def entity_network(select: Select) -> nx.Graph:
    """Persons, organisations, topics and agreements, linked by membership, meeting, topic and mention.

    Edges carry `weight` and `kinds` (a set of "membership", "met", "topic", "mention").
    """
    known = entities(select)
    graph = nx.Graph()

    def link(a: str, b: str, kind: str, weight: int = 1) -> None:
        for node in (a, b):
            if node not in graph:
                graph.add_node(node, **known.get(node, _unknown(node)))
        if graph.has_edge(a, b):
            graph.edges[a, b]["weight"] += weight
            graph.edges[a, b]["kinds"].add(kind)
        else:
            graph.add_edge(a, b, weight=weight, kinds={kind})

    for row in select(_MEMBERSHIPS):
        link(row["p"], row["o"], "membership")
    for a, b, data in meeting_network(select).edges(data=True):
        link(a, b, "met", data["weight"])
        graph.edges[a, b]["dates"] = set(data["dates"])
        graph.edges[a, b]["topics"] = set(data["topics"])
    person_topics: dict[tuple[str, str], set[str]] = defaultdict(set)
    for row in select(_PERSON_TOPICS):
        person_topics[(row["p"], row["t"])].add(row["m"])
    for (person, topic), meetings in person_topics.items():
        link(person, topic, "topic", len(meetings))
    mentions: dict[tuple[str, str], set[str]] = defaultdict(set)
    for row in select(_AGREEMENT_MENTIONS):
        mentions[(row["g"], row["x"])].add(row["article"])
    for (agreement, other), articles in mentions.items():
        link(agreement, other, "mention", len(articles))
    return graph


def entities(select: Select) -> dict[str, dict]:
    """Every person, organisation, topic, agreement and place: {IRI: {type, label, id}}."""
    types: dict[str, set[str]] = defaultdict(set)
    labels: dict[str, str] = {}
    for row in select(_ENTITIES):
        types[row["x"]].add(row["type"][len(VNKG):])
        labels.setdefault(row["x"], row["label"])
    return {x: {"type": main_type(t), "label": labels[x], "id": x[len(ID):]} for x, t in types.items()}


def _unknown(iri: str) -> dict:
    return {"type": "Thing", "label": iri.rsplit("/", 1)[-1], "id": iri[len(ID):] if iri.startswith(ID) else iri}
