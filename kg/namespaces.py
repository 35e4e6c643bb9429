"""The project's vocabularies as closed namespaces: a misspelt term fails at import."""

from rdflib import Namespace, URIRef
from rdflib.namespace import DefinedNamespace


class VNKG(DefinedNamespace):
    """The vnkg ontology (ontology/vnkg.ttl)."""

    _fail = True
    _NS = Namespace("https://w3id.org/vnkg/ontology#")

    Article: URIRef
    Person: URIRef
    Organization: URIRef
    Ministry: URIRef
    GovernmentBody: URIRef
    PartyOrganization: URIRef
    Agency: URIRef
    Delegation: URIRef
    InternationalOrganization: URIRef
    Company: URIRef
    Association: URIRef
    Place: URIRef
    Country: URIRef
    Agreement: URIRef
    Topic: URIRef
    Meeting: URIRef
    Membership: URIRef

    participant: URIRef
    topic: URIRef
    place: URIRef
    memberOf: URIRef
    country: URIRef
    mentions: URIRef
    member: URIRef
    organization: URIRef
    party: URIRef

    sourceFile: URIRef
    date: URIRef
    role: URIRef
    roleDescription: URIRef
    evidence: URIRef
    agreementKind: URIRef
    shortName: URIRef
    keyword: URIRef

    degree: URIRef
    weightedDegree: URIRef
    betweenness: URIRef
    pagerank: URIRef
    eigenvector: URIRef
    community: URIRef


ID = Namespace("https://w3id.org/vnkg/id/")
GRAPH = Namespace("https://w3id.org/vnkg/graph/")
