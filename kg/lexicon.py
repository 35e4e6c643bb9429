"""The knowledge kept as data under ontology/: gazetteers, topics, titles and cue words."""

import re
import tomllib
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from functools import cache
from pathlib import Path

from rdflib import RDF, RDFS, SKOS, Graph, Literal, URIRef

from kg.errors import LexiconError
from kg.model import AgreementInfo, OrgInfo
from kg.names import name_key
from kg.namespaces import ID, VNKG

DEFAULT_ONTOLOGY_DIR = Path(__file__).resolve().parent.parent / "ontology"

_ORG_KINDS = ("Ministry", "GovernmentBody", "PartyOrganization", "Agency", "Delegation",
              "InternationalOrganization", "Company", "Association")


class Matcher:
    """Finds any of a set of phrases in text, longest first, on word boundaries."""

    def __init__(self, phrases: Iterable[tuple[str, str]], *, ignore_case: bool) -> None:
        self._payload: dict[str, str] = {}
        surfaces = []
        for surface, payload in phrases:
            key = name_key(surface) if ignore_case else surface
            self._payload.setdefault(key, payload)
            surfaces.append(surface)
        self._ignore_case = ignore_case
        alternation = "|".join(re.escape(s) for s in sorted(set(surfaces), key=len, reverse=True))
        flags = re.IGNORECASE if ignore_case else 0
        self._regex = re.compile(rf"(?<!\w)(?:{alternation})(?!\w)", flags) if surfaces else None

    def finditer(self, text: str, pos: int = 0, endpos: int | None = None) -> Iterator[tuple[int, int, str]]:
        """Yield (start, end, payload) for each phrase found in text[pos:endpos]."""
        if self._regex is None:
            return
        endpos = len(text) if endpos is None else endpos
        for match in self._regex.finditer(text, pos, endpos):
            yield match.start(), match.end(), self.payload(match.group())

    def match(self, text: str, pos: int) -> tuple[int, str] | None:
        """Return (end, payload) of the longest phrase starting exactly at pos."""
        if self._regex is None:
            return None
        match = self._regex.match(text, pos)
        return (match.end(), self.payload(match.group())) if match else None

    def payload(self, surface: str) -> str:
        return self._payload[name_key(surface) if self._ignore_case else surface]


@dataclass(frozen=True)
class Title:
    text: str
    en: str
    scope: str
    org: str | None = None


@dataclass(frozen=True)
class MeetingVerb:
    text: str
    object: str | None = None


@dataclass(frozen=True)
class TopicInfo:
    key: str
    label: str
    label_en: str
    variants: tuple[str, ...]


@dataclass(frozen=True)
class PlaceInfo:
    key: str  # "country/us" or "place/ha-noi"
    label: str
    label_en: str | None
    aliases: tuple[str, ...]
    is_country: bool


class Lexicon:
    """Everything extraction knows besides the text, loaded from one ontology folder."""

    def __init__(self, ontology_dir: Path) -> None:
        self.ontology_dir = ontology_dir
        data = _read_toml(ontology_dir / "lexicon.toml")
        self.titles = {name_key(t["text"]): Title(**t) for t in data["title"]}
        self.honorifics = tuple(data["honorifics"])
        self.pronouns = frozenset(data["pronouns"])
        self.meeting_verbs = {name_key(v["text"]): MeetingVerb(**v) for v in data["meeting_verb"]}
        self.joint_verbs = frozenset(name_key(v) for v in data["joint_verbs"])
        self.meeting_nouns = tuple(data["meeting_nouns"])
        self.attendance_verbs = frozenset(name_key(v) for v in data["attendance_verbs"])
        self.attendance_alone = frozenset(name_key(v) for v in data["attendance_alone"])
        self.episode_markers = tuple(sorted((name_key(m) for m in data["episode_markers"]), key=len, reverse=True))
        self.cited_cues = tuple(sorted(data["cited_cues"], key=len, reverse=True))
        self.surnames = frozenset(data["surnames"])
        self.agreement_heads = {name_key(h["text"]): h["kind"] for h in data["agreement_head"]}

        organizations = _read_graph(ontology_dir / "gazetteer" / "organizations.ttl")
        self.organizations = _read_organizations(organizations)
        self.places = _read_places(_read_graph(ontology_dir / "gazetteer" / "places.ttl"))
        self.agreements = _read_agreements(_read_graph(ontology_dir / "gazetteer" / "agreements.ttl"))
        self.topic_graph = _read_graph(ontology_dir / "topics.ttl")
        self.topics = _read_topics(self.topic_graph)

        self.title_matcher = Matcher(((t.text, k) for k, t in self.titles.items()), ignore_case=False)
        self.org_matcher = Matcher(
            ((name, o.key) for o in self.organizations.values() for name in (o.label, *o.aliases)),
            ignore_case=True)
        self.short_names: dict[str, list[OrgInfo]] = {}
        for org, short in _short_names(organizations):
            self.short_names.setdefault(name_key(short), []).append(self.organizations[org])
        portfolios = [(p, p) for p in data.get("portfolios", ())]
        self.portfolio_matcher = Matcher(
            [(short, short) for short in self.short_names] + portfolios, ignore_case=True)
        self.place_matcher = Matcher(
            ((name, p.key) for p in self.places.values() for name in (p.label, *p.aliases)), ignore_case=False)
        self.agreement_matcher = Matcher(
            ((name, a.key) for a in self.agreements.values() for name in (a.label, *a.aliases)), ignore_case=True)
        self.head_matcher = Matcher(((h["text"], h["text"]) for h in data["agreement_head"]), ignore_case=False)
        self.honorific_matcher = Matcher(((h, h) for h in self.honorifics), ignore_case=True)
        self.meeting_noun_matcher = Matcher(((n, n) for n in self.meeting_nouns), ignore_case=True)
        self.topic_matcher = Matcher(
            ((v, t.key) for t in self.topics.values() for v in t.variants if not _is_acronym(v)), ignore_case=True)
        self.topic_acronym_matcher = Matcher(
            ((v, t.key) for t in self.topics.values() for v in t.variants if _is_acronym(v)), ignore_case=False)


@cache
def load_lexicon(ontology_dir: Path = DEFAULT_ONTOLOGY_DIR) -> Lexicon:
    """Load (once per folder) the lexicon under ontology_dir."""
    return Lexicon(Path(ontology_dir))


def _is_acronym(text: str) -> bool:
    letters = [c for c in text if c.isalpha()]
    return len(letters) >= 2 and sum(c.isupper() for c in letters) >= 2


def _read_toml(path: Path) -> dict:
    try:
        with path.open("rb") as handle:
            return tomllib.load(handle)
    except FileNotFoundError:
        raise LexiconError(f"{path}: not found. Point --ontology at the project's ontology/ folder.") from None
    except tomllib.TOMLDecodeError as error:
        raise LexiconError(f"{path}: not valid TOML ({error}). Fix the file and run again.") from None


def _read_graph(path: Path) -> Graph:
    graph = Graph()
    try:
        graph.parse(path, format="turtle")
    except FileNotFoundError:
        raise LexiconError(f"{path}: not found. Point --ontology at the project's ontology/ folder.") from None
    except Exception as error:  # rdflib raises many parser-specific types
        raise LexiconError(f"{path}: not valid Turtle ({error}). Fix the file and run again.") from None
    return graph


def _local_key(iri: URIRef) -> str:
    """Return the part of an entity IRI after /id/, e.g. "organization/bo-cong-thuong"."""
    text = str(iri)
    if not text.startswith(str(ID)):
        raise LexiconError(f"{iri}: gazetteer IRIs must start with {ID}. Fix the entry.")
    return text[len(str(ID)):]


def _labels(graph: Graph, node: URIRef, predicate: URIRef, lang: str | None = None) -> list[str]:
    values = [o for o in graph.objects(node, predicate) if isinstance(o, Literal)]
    return sorted(str(o) for o in values if lang is None or o.language == lang)


def _first(values: list[str]) -> str | None:
    return values[0] if values else None


def _read_organizations(graph: Graph) -> dict[str, OrgInfo]:
    result = {}
    for kind in _ORG_KINDS:
        for node in graph.subjects(RDF.type, VNKG[kind]):
            key = _local_key(node).split("/", 1)[1]
            label = _first(_labels(graph, node, RDFS.label, "vi"))
            if label is None:
                raise LexiconError(f"organizations.ttl: {node} has no rdfs:label in Vietnamese. Add one.")
            country = graph.value(node, VNKG.country)
            result[key] = OrgInfo(
                key=key, kind=kind, label=label, label_en=_first(_labels(graph, node, RDFS.label, "en")),
                aliases=tuple(_labels(graph, node, SKOS.altLabel)),
                country=_local_key(country) if country is not None else None)
    return result


def _short_names(graph: Graph) -> Iterator[tuple[str, str]]:
    for node, short in graph.subject_objects(VNKG.shortName):
        yield _local_key(node).split("/", 1)[1], str(short)


def _read_places(graph: Graph) -> dict[str, PlaceInfo]:
    result = {}
    for cls, is_country in ((VNKG.Country, True), (VNKG.Place, False)):
        for node in graph.subjects(RDF.type, cls):
            key = _local_key(node)
            result[key] = PlaceInfo(
                key=key, label=_first(_labels(graph, node, RDFS.label, "vi")) or key,
                label_en=_first(_labels(graph, node, RDFS.label, "en")),
                aliases=tuple(_labels(graph, node, SKOS.altLabel)), is_country=is_country)
    return result


def _read_agreements(graph: Graph) -> dict[str, AgreementInfo]:
    result = {}
    for node in graph.subjects(RDF.type, VNKG.Agreement):
        key = _local_key(node).split("/", 1)[1]
        result[key] = AgreementInfo(
            key=key, label=_first(_labels(graph, node, RDFS.label, "vi")) or key,
            kind=str(graph.value(node, VNKG.agreementKind) or "agreement"),
            label_en=_first(_labels(graph, node, RDFS.label, "en")),
            aliases=tuple(_labels(graph, node, SKOS.altLabel)))
    return result


def _read_topics(graph: Graph) -> dict[str, TopicInfo]:
    result = {}
    for node in graph.subjects(RDF.type, VNKG.Topic):
        key = _local_key(node).split("/", 1)[1]
        label = _first(_labels(graph, node, SKOS.prefLabel, "vi")) or key
        variants = (label, *_labels(graph, node, SKOS.altLabel, "vi"))
        result[key] = TopicInfo(key=key, label=label,
                                label_en=_first(_labels(graph, node, SKOS.prefLabel, "en")) or label,
                                variants=tuple(variants))
    return result
