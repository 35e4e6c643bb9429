"""Score a store against gold annotations by the rules in tests/gold/SCORING.md.

Only what the gold articles mention is scored (a store may hold other articles too). Names are
compared after NFC, lower-casing and collapsing white space; diacritics are kept.
"""

import json
import re
from collections import defaultdict
from dataclasses import dataclass, field
from pathlib import Path

from rdflib import Dataset

from kg.errors import InputError
from kg.names import name_key
from kg.queries import PREFIXES

_ARTICLES = PREFIXES + "SELECT ?a ?file WHERE { ?a a vnkg:Article ; vnkg:sourceFile ?file }"
_NAMES = PREFIXES + """SELECT ?x ?name WHERE {
  VALUES ?type { vnkg:Person vnkg:Ministry vnkg:Agreement vnkg:Topic vnkg:Place }
  ?x a ?type ; rdfs:label|skos:prefLabel|skos:altLabel ?name }"""
_MENTIONS = PREFIXES + """SELECT ?a ?x ?type WHERE {
  VALUES ?type { vnkg:Person vnkg:Ministry vnkg:Agreement }
  ?a a vnkg:Article ; vnkg:mentions ?x . ?x a ?type }"""
_MEMBER_OF = PREFIXES + "SELECT ?p ?o WHERE { ?p a vnkg:Person ; vnkg:memberOf ?o . ?o a vnkg:Ministry }"
_MEETINGS = PREFIXES + """SELECT ?m ?a ?p WHERE {
  ?m a vnkg:Meeting ; prov:wasDerivedFrom ?a ; vnkg:participant ?p . ?p a vnkg:Person }"""
_MEETING_TOPICS = PREFIXES + "SELECT ?m ?t WHERE { ?m a vnkg:Meeting ; vnkg:topic ?t }"
_MEETING_PLACES = PREFIXES + "SELECT ?m ?pl WHERE { ?m a vnkg:Meeting ; vnkg:place ?pl }"
_ARTICLE_TOPICS = PREFIXES + """SELECT ?a ?t WHERE {
  { ?a a vnkg:Article ; vnkg:topic ?t } UNION { ?m prov:wasDerivedFrom ?a ; a vnkg:Meeting ; vnkg:topic ?t } }"""


@dataclass
class Score:
    """Precision, recall and F1 of one kind of fact, with the counts behind them."""

    true_positives: int = 0
    predicted: int = 0
    expected: int = 0

    @property
    def precision(self) -> float:
        return self.true_positives / self.predicted if self.predicted else 1.0

    @property
    def recall(self) -> float:
        return self.true_positives / self.expected if self.expected else 1.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0


@dataclass
class Report:
    """Every metric of one evaluation."""

    persons: Score = field(default_factory=Score)
    ministries: Score = field(default_factory=Score)
    member_of: Score = field(default_factory=Score)
    meetings: Score = field(default_factory=Score)
    participants: Score = field(default_factory=Score)
    agreement_recall: float = 1.0
    meeting_topic_recall: float = 1.0
    meeting_place_accuracy: float = 1.0
    article_topic_recall: float = 1.0
    split_persons: list[str] = field(default_factory=list)
    split_ministries: list[str] = field(default_factory=list)
    missing_articles: list[str] = field(default_factory=list)

    def lines(self) -> list[str]:
        """The report as lines of text, one metric a line."""
        rows = []
        for name in ("persons", "ministries", "member_of", "meetings", "participants"):
            s = getattr(self, name)
            rows.append(f"{name:<22} P={s.precision:.3f} R={s.recall:.3f} F1={s.f1:.3f} "
                        f"(tp={s.true_positives} predicted={s.predicted} gold={s.expected})")
        rows += [f"{'agreement recall':<22} {self.agreement_recall:.3f}",
                 f"{'meeting topic recall':<22} {self.meeting_topic_recall:.3f}",
                 f"{'meeting place accuracy':<22} {self.meeting_place_accuracy:.3f}",
                 f"{'article topic recall':<22} {self.article_topic_recall:.3f}",
                 f"{'split persons':<22} {len(self.split_persons)} {self.split_persons or ''}".rstrip(),
                 f"{'split ministries':<22} {len(self.split_ministries)} {self.split_ministries or ''}".rstrip()]
        if self.missing_articles:
            rows.append(f"{'articles not in store':<22} {len(self.missing_articles)} {self.missing_articles}")
        return rows


def load_gold(folder: Path) -> list[dict]:
    """Read the gold files (one JSON object per article) in a folder."""
    files = sorted(Path(folder).glob("*.json"))
    if not files:
        raise InputError(str(folder), "holds no gold .json files", "Point kg eval at a folder of gold annotations.")
    gold = []
    for file in files:
        try:
            gold.append(json.loads(file.read_text(encoding="utf-8")))
        except (json.JSONDecodeError, UnicodeDecodeError) as error:
            raise InputError(str(file), f"is not valid JSON ({error})", "Fix the gold file.") from None
    return gold


def evaluate(dataset: Dataset, gold: list[dict]) -> Report:
    """Score the graph in dataset against the gold annotations."""
    facts = _Facts(dataset)
    report = Report()
    articles = {}
    for entry in gold:
        iri = facts.article_by_stem.get(entry["id"])
        if iri is None:
            report.missing_articles.append(entry["id"])
        else:
            articles[entry["id"]] = iri
    in_scope = set(articles.values())

    people = _GoldIndex((p["name"], p.get("aliases", [])) for e in gold for p in e["persons"])
    ignored = {name_key(n) for e in gold for n in e.get("ignore_persons", [])}
    ministries = _GoldIndex((o["name"], o.get("aliases", [])) for e in gold for o in e["organizations"]
                            if o.get("kind") == "ministry")

    persons = {x for a, x in facts.mentions["Person"] if a in in_scope}
    person_match = _match(persons, facts.names, people, ignored, report.persons, report.split_persons)
    found_ministries = {x for a, x in facts.mentions["Ministry"] if a in in_scope}
    ministry_match = _match(found_ministries, facts.names, ministries, set(), report.ministries,
                            report.split_ministries)

    gold_pairs = set()
    for entry in gold:
        local = {name_key(o["name"]) for o in entry["organizations"] if o.get("kind") == "ministry"}
        for person in entry["persons"]:
            for org in person.get("orgs", []):
                if name_key(org) in local:
                    gold_pairs.add((people.canonical(person["name"]), ministries.canonical(org)))
    predicted_pairs = {(person_match.get(p, p), ministry_match.get(o, o))
                       for p, o in facts.member_of if p in persons}
    _count(report.member_of, predicted_pairs, gold_pairs)

    found, expected = 0, 0
    for entry in gold:
        if entry["id"] not in articles:
            continue
        names = [facts.names.get(x, set()) for a, x in facts.mentions["Agreement"] if a == articles[entry["id"]]]
        for agreement in entry.get("agreements", []):
            expected += 1
            patterns = [re.compile(p, re.IGNORECASE) for p in agreement["match"]]
            found += any(all(any(p.search(n) for n in ns) for p in patterns) for ns in names)
    report.agreement_recall = found / expected if expected else 1.0

    _score_meetings(report, facts, gold, articles, person_match, people)

    shares = []
    for entry in gold:
        if entry["id"] in articles and entry.get("topics"):
            labels = {n for t in facts.article_topics.get(articles[entry["id"]], ()) for n in facts.names.get(t, ())}
            shares.append(_covered(entry["topics"], labels))
    report.article_topic_recall = sum(shares) / len(shares) if shares else 1.0
    return report


class _Facts:
    """What the store says, read with a few SPARQL queries."""

    def __init__(self, dataset: Dataset) -> None:
        self.article_by_stem = {Path(str(f)).stem: a for a, f in dataset.query(_ARTICLES)}
        self.names: dict = defaultdict(set)
        for x, name in dataset.query(_NAMES):
            self.names[x].add(name_key(str(name)))
        self.mentions: dict[str, set] = defaultdict(set)
        for a, x, kind in dataset.query(_MENTIONS):
            self.mentions[str(kind).rsplit("#", 1)[1]].add((a, x))
        self.member_of = {(p, o) for p, o in dataset.query(_MEMBER_OF)}
        self.meetings: dict = defaultdict(lambda: (None, set()))
        for m, a, p in dataset.query(_MEETINGS):
            self.meetings[m] = (a, self.meetings[m][1] | {p})
        self.meeting_topics: dict = defaultdict(set)
        for m, t in dataset.query(_MEETING_TOPICS):
            self.meeting_topics[m].add(t)
        self.meeting_places = {m: pl for m, pl in dataset.query(_MEETING_PLACES)}
        self.article_topics: dict = defaultdict(set)
        for a, t in dataset.query(_ARTICLE_TOPICS):
            self.article_topics[a].add(t)


class _GoldIndex:
    """Gold entities by every name they go by, each mapped to its canonical name."""

    def __init__(self, entries) -> None:
        self.by_name: dict[str, str] = {}
        self.canonicals: set[str] = set()
        for name, aliases in entries:
            canonical = self.by_name.get(name_key(name), name_key(name))
            self.canonicals.add(canonical)
            for alias in (name, *aliases):
                self.by_name.setdefault(name_key(alias), canonical)

    def canonical(self, name: str) -> str:
        return self.by_name.get(name_key(name), name_key(name))


def _match(iris, names, index: _GoldIndex, ignored: set[str], score: Score, splits: list[str]) -> dict:
    """Match predicted entities to gold ones by name; count a second IRI for one gold entity as wrong."""
    matched: dict = {}
    taken: dict[str, object] = {}
    for iri in sorted(iris, key=str):
        own = names.get(iri, set())
        hits = sorted({index.by_name[n] for n in own if n in index.by_name})
        if not hits:
            if not own & ignored:
                score.predicted += 1
            continue
        score.predicted += 1
        canonical = hits[0]
        matched[iri] = canonical
        if canonical in taken:
            splits.append(canonical)
        else:
            taken[canonical] = iri
            score.true_positives += 1
    score.expected = len(index.canonicals)
    return matched


def _count(score: Score, predicted: set, expected: set) -> None:
    score.true_positives += len(predicted & expected)
    score.predicted += len(predicted)
    score.expected += len(expected)


def _covered(keywords: list[str], labels: set[str]) -> float:
    """The share of keywords that equal, contain or are contained in one of the labels."""
    if not keywords:
        return 1.0
    hits = sum(any(k == n or k in n or n in k for n in labels) for k in map(name_key, keywords))
    return hits / len(keywords)


def _score_meetings(report: Report, facts: _Facts, gold: list[dict], articles: dict, person_match: dict,
                    people: _GoldIndex) -> None:
    topic_shares, place_hits, place_total = [], 0, 0
    for entry in gold:
        article = articles.get(entry["id"])
        if article is None:
            continue
        predicted = [(m, {person_match.get(p, str(p)) for p in ps}) for m, (a, ps) in facts.meetings.items()
                     if a == article and len(ps) >= 2]
        expected = [(g, {people.canonical(n) for n in g["participants"]}) for g in entry.get("meetings", [])]
        pairs = []
        candidates = sorted(((_jaccard(ps, gs), i, j) for i, (_, ps) in enumerate(predicted)
                             for j, (_, gs) in enumerate(expected)), reverse=True)
        used_p, used_g = set(), set()
        for similarity, i, j in candidates:
            if similarity >= 0.5 and i not in used_p and j not in used_g:
                used_p.add(i)
                used_g.add(j)
                pairs.append((predicted[i], expected[j]))
        required = [g for g, _ in expected if not g.get("optional")]
        paired_optional = sum(1 for _, (g, _) in pairs if g.get("optional"))
        report.meetings.true_positives += len(pairs)
        report.meetings.predicted += len(predicted)
        report.meetings.expected += len(required) + paired_optional
        for (m, ps), (g, gs) in pairs:
            _count(report.participants, ps, gs)
            if g.get("topics"):
                labels = {n for t in facts.meeting_topics.get(m, ()) for n in facts.names.get(t, ())}
                topic_shares.append(_covered(g["topics"], labels))
            if g.get("place"):
                place_total += 1
                place = facts.meeting_places.get(m)
                place_hits += place is not None and name_key(g["place"]) in facts.names.get(place, set())
    report.meeting_topic_recall = sum(topic_shares) / len(topic_shares) if topic_shares else 1.0
    report.meeting_place_accuracy = place_hits / place_total if place_total else 1.0


def _jaccard(a: set, b: set) -> float:
    return len(a & b) / len(a | b) if a | b else 0.0
