"""The graph as the JSON API and the pages show it: entities by name, meetings, profiles, statistics.

Request values never enter query text: names are looked up in an index of the store's labels
(folded, so "nguyen hong dien" finds Nguyễn Hồng Diên), and values are bound by substitution.
Only IRIs read from the store itself are written into VALUES blocks.
"""

import re
from collections import Counter, defaultdict
from dataclasses import dataclass, field

from api.engine import QueryEngine
from kg.names import fold
from kg.queries import PREFIXES

ID = "https://w3id.org/vnkg/id/"
VNKG = "https://w3id.org/vnkg/ontology#"
TYPES = {  # the `type` parameter -> the class
    "person": "Person", "organization": "Organization", "ministry": "Ministry", "topic": "Topic",
    "agreement": "Agreement", "place": "Place", "country": "Country", "meeting": "Meeting", "article": "Article",
}
_SAFE_IRI = re.compile(r"^[^<>\"{}|^`\\\s]+$")
_BATCH = 400

_LABELS = PREFIXES + """
SELECT ?x ?type ?label WHERE {
  ?x a ?type ; rdfs:label|skos:prefLabel|skos:altLabel ?label .
  FILTER(STRSTARTS(STR(?x), "https://w3id.org/vnkg/id/") && STRSTARTS(STR(?type), "https://w3id.org/vnkg/ontology#"))
}"""


@dataclass
class Entity:
    iri: str
    types: set[str] = field(default_factory=set)
    labels: dict[str, list[str]] = field(default_factory=lambda: defaultdict(list))  # lang -> labels
    folded: set[str] = field(default_factory=set)

    @property
    def id(self) -> str:
        return self.iri[len(ID):]

    @property
    def name(self) -> str:
        for lang in ("vi", "", "en"):
            if self.labels.get(lang):
                return self.labels[lang][0]
        return self.id

    def summary(self) -> dict:
        return {"id": self.id, "iri": self.iri, "type": _main_type(self.types), "name": self.name,
                "labels": {"vi": self.labels.get("vi", []), "en": self.labels.get("en", [])}}


class EntityIndex:
    """Every entity of the store by IRI and by folded name."""

    def __init__(self, engine: QueryEngine) -> None:
        self.by_iri: dict[str, Entity] = {}
        for row in engine.run(_LABELS, mode="rows", capped=False)["rows"]:
            iri, kind, label = row[0]["value"], row[1]["value"], row[2]
            entity = self.by_iri.setdefault(iri, Entity(iri))
            entity.types.add(kind[len(VNKG):])
            names = entity.labels[label.get("xml:lang", "")]
            if label["value"] not in names:
                names.append(label["value"])
            entity.folded.add(fold(label["value"]))

    def get(self, entity_id: str) -> Entity | None:
        return self.by_iri.get(ID + entity_id)

    def search(self, text: str, kind: str | None = None, limit: int = 50) -> list[Entity]:
        """Entities whose names contain every word of text, ignoring case and diacritics; best first."""
        query = fold(text)
        words = query.split()
        found = []
        for entity in self.by_iri.values():
            if kind and TYPES[kind] not in entity.types:
                continue
            if not words:
                found.append((2, entity.name, entity))
                continue
            if query in entity.folded:
                found.append((0, entity.name, entity))
            elif any(all(w in name for w in words) for name in entity.folded):
                found.append((1, entity.name, entity))
        return [e for _, _, e in sorted(found, key=lambda t: (t[0], t[1]))][:limit]

    def resolve(self, value: str, kind: str) -> list[Entity]:
        """The entities a request names, by id ("person/nguyen-hong-dien") or by name."""
        entity = self.get(value.strip())
        if entity is not None:
            return [entity]
        matches = self.search(value, kind, limit=1000)
        exact = [e for e in matches if fold(value) in e.folded]
        return exact or matches


def values_block(variable: str, iris: list[str]) -> str:
    """A VALUES block of IRIs read from the store (checked, never request text)."""
    for iri in iris:
        if not _SAFE_IRI.match(iri):
            raise ValueError(f"not an IRI that can stand in a query: {iri!r}")
    return f"VALUES ?{variable} {{ {' '.join(f'<{i}>' for i in iris)} }}"


def meeting_ids(engine: QueryEngine, *, participant: str | None = None, topic: str | None = None,
                place: str | None = None) -> set[str]:
    """The meetings a person took part in, that were about a topic, or that took place somewhere."""
    if participant:
        query, variable, value = "SELECT ?m ?x WHERE { ?m a vnkg:Meeting ; vnkg:participant ?x }", "x", participant
    elif topic:
        query, variable, value = "SELECT ?m ?x WHERE { ?m a vnkg:Meeting ; vnkg:topic ?x }", "x", topic
    elif place:
        query, variable, value = "SELECT ?m ?x WHERE { ?m a vnkg:Meeting ; vnkg:place ?x }", "x", place
    else:
        return {r["m"] for r in engine.rows(PREFIXES + "SELECT ?m WHERE { ?m a vnkg:Meeting }")}
    return {r["m"] for r in engine.rows(PREFIXES + query, {variable: {"type": "uri", "value": value}})}


def meetings(engine: QueryEngine, iris: set[str] | list[str]) -> list[dict]:
    """Meetings in full: participants with roles and organisations, topics, date, place, article, evidence."""
    result: dict[str, dict] = {}
    iris = sorted(iris)
    for start in range(0, len(iris), _BATCH):
        block = values_block("m", iris[start:start + _BATCH])
        for r in engine.rows(PREFIXES + f"""PREFIX dcterms: <http://purl.org/dc/terms/>
            SELECT ?m ?article ?file ?title ?published ?date ?place ?placeName WHERE {{ {block}
              ?m prov:wasDerivedFrom ?article . ?article vnkg:sourceFile ?file .
              OPTIONAL {{ ?article dcterms:title ?title }} OPTIONAL {{ ?article vnkg:date ?published }}
              OPTIONAL {{ ?m vnkg:date ?date }}
              OPTIONAL {{ ?m vnkg:place ?place . ?place rdfs:label ?placeName FILTER(lang(?placeName) = "vi") }} }}"""):
            result[r["m"]] = {
                "id": r["m"][len(ID):], "iri": r["m"], "participants": [], "topics": [], "evidence": [],
                "date": r["date"], "place": _ref(r["place"], r["placeName"]),
                "article": {"id": r["article"][len(ID):], "iri": r["article"], "file": r["file"],
                            "title": r["title"], "date": r["published"]}}
        people: dict[tuple[str, str], dict] = {}
        for r in engine.rows(PREFIXES + f"""SELECT ?m ?p ?name ?role ?org ?orgName WHERE {{ {block}
              ?m vnkg:participant ?p . ?p rdfs:label ?name .
              OPTIONAL {{ ?p vnkg:role ?role }}
              OPTIONAL {{ ?p vnkg:memberOf ?org . ?org rdfs:label ?orgName FILTER(lang(?orgName) = "vi") }} }}"""):
            if r["m"] not in result:
                continue
            person = people.get((r["m"], r["p"]))
            if person is None:
                person = {"id": r["p"][len(ID):], "iri": r["p"], "name": r["name"], "roles": [], "organizations": []}
                people[(r["m"], r["p"])] = person
                result[r["m"]]["participants"].append(person)
            if r["role"] and r["role"] not in person["roles"]:
                person["roles"].append(r["role"])
            org = _ref(r["org"], r["orgName"])
            if org and org not in person["organizations"]:
                person["organizations"].append(org)
        for r in engine.rows(PREFIXES + f"""SELECT ?m ?t ?vi ?en WHERE {{ {block} ?m vnkg:topic ?t .
              OPTIONAL {{ ?t skos:prefLabel ?vi FILTER(lang(?vi) = "vi") }}
              OPTIONAL {{ ?t skos:prefLabel ?en FILTER(lang(?en) = "en") }} }}"""):
            if r["m"] in result:
                result[r["m"]]["topics"].append({"id": r["t"][len(ID):], "iri": r["t"], "vi": r["vi"], "en": r["en"]})
        for r in engine.rows(PREFIXES + f"SELECT ?m ?e WHERE {{ {block} ?m vnkg:evidence ?e }}"):
            if r["m"] in result:
                result[r["m"]]["evidence"].append(r["e"])
    for meeting in result.values():
        meeting["participants"].sort(key=lambda p: p["name"])
        meeting["topics"].sort(key=lambda t: t["vi"] or "")
        meeting["evidence"].sort()
    return sorted(result.values(), key=lambda m: (-_day(m["date"] or m["article"]["date"]), m["id"]))


def profile(engine: QueryEngine, index: EntityIndex, entity: Entity) -> dict:
    """What the graph says of one entity, with the meetings, counterparts and articles behind it."""
    bound = {"x": {"type": "uri", "value": entity.iri}}
    out = entity.summary()
    out["types"] = sorted(entity.types)
    out["labels"]["alt"] = sorted({label for lang, labels in entity.labels.items() for label in labels}
                                  - set(out["labels"]["vi"]) - set(out["labels"]["en"]))
    rows = engine.rows(PREFIXES + """SELECT ?x ?p ?o WHERE { ?x ?p ?o .
        FILTER(?p IN (vnkg:role, vnkg:roleDescription, vnkg:agreementKind, vnkg:country, vnkg:memberOf,
                      skos:broader, vnkg:sourceFile, vnkg:date)) }""", bound)
    facts = defaultdict(list)
    for r in rows:
        values = facts[r["p"].rsplit("#", 1)[-1]]
        if r["o"] not in values:
            values.append(r["o"])
    out["roles"] = sorted(facts.get("role", []))
    out["role_descriptions"] = sorted(facts.get("roleDescription", []))
    out["organizations"] = [_entity_ref(index, iri) for iri in sorted(facts.get("memberOf", []))]
    out["country"] = next((_entity_ref(index, iri) for iri in facts.get("country", [])), None)
    out["broader"] = [_entity_ref(index, iri) for iri in facts.get("broader", [])]
    if facts.get("agreementKind"):
        out["agreement_kind"] = facts["agreementKind"][0]

    ids = set()
    if "Person" in entity.types or "Organization" in entity.types:
        ids = meeting_ids(engine, participant=entity.iri)
    elif "Topic" in entity.types:
        ids = meeting_ids(engine, topic=entity.iri)
    elif "Place" in entity.types:
        ids = meeting_ids(engine, place=entity.iri)
    elif "Meeting" in entity.types:
        ids = {entity.iri}
    found = meetings(engine, ids) if ids else []
    out["meetings"] = found
    counterparts, topics = Counter(), Counter()
    for meeting in found:
        for person in meeting["participants"]:
            if person["iri"] != entity.iri:
                counterparts[(person["id"], person["name"])] += 1
        for topic in meeting["topics"]:
            topics[(topic["id"], topic["vi"])] += 1
    out["counterparts"] = [{"id": i, "name": n, "meetings": c} for (i, n), c in counterparts.most_common()]
    out["topics"] = [{"id": i, "vi": n, "meetings": c} for (i, n), c in topics.most_common()]
    out["members"] = [{"id": r["p"][len(ID):], "name": r["name"]} for r in engine.rows(
        PREFIXES + "SELECT ?x ?p ?name WHERE { ?p vnkg:memberOf ?x ; rdfs:label ?name } ORDER BY ?name", bound)]
    out["articles"] = [{"id": r["a"][len(ID):], "iri": r["a"], "file": r["file"]} for r in engine.rows(
        PREFIXES + "SELECT ?x ?a ?file WHERE { ?a vnkg:mentions ?x ; vnkg:sourceFile ?file } ORDER BY ?file", bound)]
    out["evidence"] = _evidence(engine, entity)
    out["mentions"] = []
    if "Article" in entity.types:
        out["meetings"] = meetings(engine, {r["m"] for r in engine.rows(
            PREFIXES + "SELECT ?x ?m WHERE { ?m a vnkg:Meeting ; prov:wasDerivedFrom ?x }", bound)})
        for r in engine.rows(PREFIXES + "SELECT ?x ?e WHERE { ?x vnkg:mentions ?e }", bound):
            mentioned = index.by_iri.get(r["e"])
            if mentioned is not None:
                out["mentions"].append(mentioned.summary())
        out["mentions"].sort(key=lambda m: (m["type"], m["name"]))
    return out


def _evidence(engine: QueryEngine, entity: Entity) -> list[dict]:
    """Sentences that state facts about the entity (its memberships and meetings), with their articles."""
    rows = engine.rows(PREFIXES + """SELECT ?x ?fact ?sentence ?article ?file WHERE {
        { ?fact vnkg:member ?x } UNION { ?fact vnkg:organization ?x } UNION { ?fact vnkg:participant ?x }
        UNION { ?fact a vnkg:Meeting ; vnkg:topic ?x }
        ?fact vnkg:evidence ?sentence ; prov:wasDerivedFrom ?article . ?article vnkg:sourceFile ?file }
        ORDER BY ?file ?sentence""", {"x": {"type": "uri", "value": entity.iri}})
    seen, out = set(), []
    for r in rows:
        if (r["sentence"], r["article"]) not in seen:
            seen.add((r["sentence"], r["article"]))
            out.append({"sentence": r["sentence"], "article": r["article"][len(ID):], "file": r["file"]})
    return out


def _ref(iri: str | None, name: str | None) -> dict | None:
    return {"id": iri[len(ID):], "iri": iri, "name": name} if iri else None


def _entity_ref(index: EntityIndex, iri: str) -> dict:
    entity = index.by_iri.get(iri)
    return {"id": iri[len(ID):] if iri.startswith(ID) else iri, "iri": iri, "name": entity.name if entity else iri}


def _main_type(types: set[str]) -> str:
    for kind in ("Ministry", "Country", "Person", "Meeting", "Agreement", "Topic", "Article", "Place", "Organization"):
        if kind in types:
            return kind
    return sorted(types)[0] if types else "Thing"


def _day(value: str | None) -> int:
    return int(value.replace("-", "")) if value and re.fullmatch(r"\d{4}-\d{2}-\d{2}", value) else 0
