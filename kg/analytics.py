"""RDF -> NetworkX -> centrality and communities -> triples, in a named graph of their own.

Persons are measured in the meeting network (who met whom); organisations, topics and agreements,
which meet no one, in the entity network (membership, meetings, topics, mentions).
"""

from collections.abc import Iterator

from rdflib import XSD, Literal, URIRef

from kg.centrality import MEASURES, centrality, communities
from kg.namespaces import VNKG
from kg.network import entities, entity_network, meeting_network
from kg.queries import Select

PREDICATES = {"degree": VNKG.degree, "weighted_degree": VNKG.weightedDegree, "betweenness": VNKG.betweenness,
              "pagerank": VNKG.pagerank, "eigenvector": VNKG.eigenvector}
IN_MEETING_NETWORK = ("Person",)


def measure(select: Select) -> dict[str, dict[str, float | int]]:
    """{node IRI: {measure: value, "community": n}} for every person, organisation, topic and agreement."""
    result: dict[str, dict] = {}
    meetings = meeting_network(select)
    for node, data in entities(select).items():  # persons who met no one are measured too, as isolates
        if data["type"] in IN_MEETING_NETWORK and node not in meetings:
            meetings.add_node(node, **data)
    linked = entity_network(select)
    for graph, wanted in ((meetings, lambda t: t in IN_MEETING_NETWORK),
                          (linked, lambda t: t not in IN_MEETING_NETWORK)):
        values = centrality(graph)
        groups = communities(graph)
        for node, data in graph.nodes(data=True):
            if wanted(data["type"]) and node not in result:
                result[node] = {m: values[m][node] for m in MEASURES} | {"community": groups[node]}
    return result


def analytics_triples(select: Select) -> Iterator[tuple[URIRef, URIRef, Literal]]:
    """The measures as triples: <node> vnkg:pagerank "0.12"^^xsd:double, ... vnkg:community 3."""
    for node, values in measure(select).items():
        subject = URIRef(node)
        for name, predicate in PREDICATES.items():
            yield subject, predicate, Literal(float(values[name]), datatype=XSD.double)
        yield subject, VNKG.community, Literal(int(values["community"]), datatype=XSD.integer)



def stored_measure(select: Select, measure: str) -> dict[str, float]:
    """The values of one measure that the last build wrote: {node IRI: value}."""
    predicate = PREDICATES[measure]  # a KeyError for an unknown measure: callers check it
    return {row["x"]: float(row["v"]) for row in select(f"SELECT ?x ?v WHERE {{ ?x {predicate.n3()} ?v }}")}
