"""Entities and meetings -> triples under the ontology; the only place where IRIs are minted."""

from collections.abc import Iterator

from rdflib import RDF, RDFS, SKOS, XSD, Graph, Literal, URIRef
from rdflib.namespace import DCTERMS, PROV
from rdflib.term import Node

from kg.extract.layout import VIETNAM
from kg.extract.persons import is_vietnamese_name
from kg.lexicon import Lexicon
from kg.model import AgreementInfo, Extraction, OrgInfo, PersonMention
from kg.names import name_key
from kg.namespaces import GRAPH, ID, VNKG

Triple = tuple[Node, Node, Node]

ONTOLOGY_GRAPH = GRAPH["ontology"]
TOPICS_GRAPH = GRAPH["topics"]
ANALYTICS_GRAPH = GRAPH["analytics"]  # centrality and communities, recomputed by every build


def article_iri(article_id: str) -> URIRef:
    return ID[f"article/{article_id}"]


def article_graph(article_id: str) -> URIRef:
    """The named graph that holds everything read from one article."""
    return GRAPH[f"article/{article_id}"]


def person_iri(key: str) -> URIRef:
    return ID[f"person/{key}"]


def organization_iri(key: str) -> URIRef:
    return ID[f"organization/{key}"]


def place_iri(key: str) -> URIRef:
    return ID[key]  # keys carry their kind: "country/us", "place/ha-noi"


def topic_iri(key: str) -> URIRef:
    return ID[f"topic/{key}"]


def agreement_iri(key: str) -> URIRef:
    return ID[f"agreement/{key}"]


def meeting_iri(article_id: str, number: int) -> URIRef:
    return ID[f"meeting/{article_id}-{number}"]


def membership_iri(article_id: str, person_key: str, org_key: str) -> URIRef:
    """A post as one article reports it: its evidence and provenance stay paired."""
    return ID[f"membership/{article_id}/{person_key}--{org_key}"]


def vocabulary_graphs(lexicon: Lexicon) -> dict[URIRef, Graph]:
    """The ontology and the topic scheme, each stored in a named graph of its own."""
    ontology = Graph()
    ontology.parse(lexicon.ontology_dir / "vnkg.ttl", format="turtle")
    return {ONTOLOGY_GRAPH: ontology, TOPICS_GRAPH: lexicon.topic_graph}


def article_quads(extraction: Extraction, person_ids: dict[tuple[str, str], str],
                  lexicon: Lexicon) -> tuple[URIRef, list[Triple]]:
    """Return the named graph of one article and the triples it holds."""
    return article_graph(extraction.article.id), list(_ArticleTriples(extraction, person_ids, lexicon))


class _ArticleTriples:
    def __init__(self, extraction: Extraction, person_ids: dict[tuple[str, str], str], lexicon: Lexicon) -> None:
        self.x, self.ids, self.lexicon = extraction, person_ids, lexicon
        self.article = article_iri(extraction.article.id)
        self.sentences = {s.index: s.text for s in extraction.sentences}

    def __iter__(self) -> Iterator[Triple]:
        yield from self.article_node()
        yield from self.persons()
        for org in self.x.organizations:
            yield from self.organization(org)
        yield from self.places()
        for agreement in self.x.agreements:
            yield from self.agreement(agreement)
        yield from self.meetings()

    def evidence(self, sentence: int) -> Literal:
        return Literal(self.sentences[sentence], lang="vi")

    def article_node(self) -> Iterator[Triple]:
        a, article = self.article, self.x.article
        yield a, RDF.type, VNKG.Article
        yield a, VNKG.sourceFile, Literal(article.source_file)
        yield a, RDFS.label, Literal(article.title or article.id, lang="vi")
        if article.title:
            yield a, DCTERMS.title, Literal(article.title, lang="vi")
        if article.date:
            yield a, VNKG.date, Literal(article.date, datatype=XSD.date)
        if article.source:
            yield a, DCTERMS.publisher, Literal(article.source)
        for author in article.authors:
            yield a, DCTERMS.creator, Literal(author)
        for mention in self.x.persons:
            yield a, VNKG.mentions, person_iri(self.ids[(article.id, mention.name)])
        for org in self.x.organizations:
            yield a, VNKG.mentions, organization_iri(org.key)
        for mention in self.x.entities:
            if mention.kind == "place":
                yield a, VNKG.mentions, place_iri(mention.key)
            elif mention.kind == "agreement":
                yield a, VNKG.mentions, agreement_iri(mention.key)
            elif mention.kind == "topic":
                yield a, VNKG.mentions, topic_iri(mention.key)
                yield a, VNKG.topic, topic_iri(mention.key)

    def persons(self) -> Iterator[Triple]:
        by_key: dict[str, list[PersonMention]] = {}
        for mention in self.x.persons:
            by_key.setdefault(self.ids[(self.x.article.id, mention.name)], []).append(mention)
        for key, mentions in by_key.items():
            p = person_iri(key)
            names = sorted({m.name for m in mentions}, key=lambda n: (-len(n.split()), n))
            yield p, RDF.type, VNKG.Person
            yield p, RDFS.label, Literal(names[0], lang="vi")
            for alias in names[1:]:
                yield p, SKOS.altLabel, Literal(alias, lang="vi")
            countries = set()
            for mention in mentions:
                for role in mention.roles:
                    yield p, VNKG.role, Literal(role.title, lang="vi")
                    yield p, VNKG.roleDescription, Literal(role.phrase, lang="vi")
                    org = self.org(role.org) if role.org else None
                    country = role.country or (org.country if org else None)
                    if country:
                        countries.add(country)
                    if org is not None:
                        yield from self.membership(key, org, role.title, mention.sentence)
            if not countries and is_vietnamese_name(names[0], self.lexicon):
                countries.add(VIETNAM)
            for country in sorted(countries):
                yield p, VNKG.country, place_iri(country)
                yield from self.place(country)

    def org(self, key: str) -> OrgInfo:
        return next(o for o in self.x.organizations if o.key == key)

    def membership(self, person_key: str, org: OrgInfo, title: str, sentence: int) -> Iterator[Triple]:
        m = membership_iri(self.x.article.id, person_key, org.key)
        p, o = person_iri(person_key), organization_iri(org.key)
        yield p, VNKG.memberOf, o
        yield m, RDF.type, VNKG.Membership
        yield m, VNKG.member, p
        yield m, VNKG.organization, o
        yield m, VNKG.role, Literal(title, lang="vi")
        yield m, PROV.wasDerivedFrom, self.article
        yield m, VNKG.evidence, self.evidence(sentence)

    def organization(self, org: OrgInfo) -> Iterator[Triple]:
        o = organization_iri(org.key)
        yield o, RDF.type, VNKG[org.kind]
        yield o, RDF.type, VNKG.Organization
        yield o, RDFS.label, Literal(org.label, lang="vi")
        if org.label_en:
            yield o, RDFS.label, Literal(org.label_en, lang="en")
        for alias in org.aliases:
            yield o, SKOS.altLabel, Literal(alias, lang="vi")
        if org.country:
            yield o, VNKG.country, place_iri(org.country)
            yield from self.place(org.country)

    def places(self) -> Iterator[Triple]:
        for key in sorted({m.key for m in self.x.entities if m.kind == "place"} |
                          {m.place for m in self.x.meetings if m.place}):
            yield from self.place(key)

    def place(self, key: str) -> Iterator[Triple]:
        info = self.lexicon.places[key]
        node = place_iri(key)
        yield node, RDF.type, VNKG.Place
        if info.is_country:
            yield node, RDF.type, VNKG.Country
        yield node, RDFS.label, Literal(info.label, lang="vi")
        if info.label_en:
            yield node, RDFS.label, Literal(info.label_en, lang="en")
        for alias in info.aliases:
            yield node, SKOS.altLabel, Literal(alias, lang="vi")

    def agreement(self, agreement: AgreementInfo) -> Iterator[Triple]:
        node = agreement_iri(agreement.key)
        yield node, RDF.type, VNKG.Agreement
        yield node, RDFS.label, Literal(agreement.label, lang="vi")
        if agreement.label_en:
            yield node, RDFS.label, Literal(agreement.label_en, lang="en")
        for alias in agreement.aliases:
            yield node, SKOS.altLabel, Literal(alias, lang="vi")
        yield node, VNKG.agreementKind, Literal(agreement.kind)
        written = {m.text for m in self.x.entities if m.kind == "agreement" and m.key == agreement.key}
        for text in sorted(written - {agreement.label, *agreement.aliases}):
            if name_key(text) != name_key(agreement.label):
                yield node, SKOS.altLabel, Literal(text, lang="vi")

    def meetings(self) -> Iterator[Triple]:
        article_id = self.x.article.id
        for number, meeting in enumerate(self.x.meetings, start=1):
            node = meeting_iri(article_id, number)
            yield node, RDF.type, VNKG.Meeting
            yield node, RDFS.label, Literal(" – ".join(meeting.participants), lang="vi")
            yield node, PROV.wasDerivedFrom, self.article
            for name in meeting.participants:
                yield node, VNKG.participant, person_iri(self.ids[(article_id, name)])
            for key in meeting.topics:
                yield node, VNKG.topic, topic_iri(key)
            if meeting.place:
                yield node, VNKG.place, place_iri(meeting.place)
            if meeting.date:
                yield node, VNKG.date, Literal(meeting.date, datatype=XSD.date)
            for sentence in meeting.sentences:
                yield node, VNKG.evidence, self.evidence(sentence)
