"""Questions the graph answers, asked in SPARQL: who met whom on what, and the store's statistics."""

import datetime
from collections.abc import Callable, Iterable
from dataclasses import dataclass

from rdflib import Dataset
from rdflib.query import Result

from kg.errors import QueryError

PREFIXES = """PREFIX vnkg: <https://w3id.org/vnkg/ontology#>
PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>
PREFIX skos: <http://www.w3.org/2004/02/skos/core#>
PREFIX prov: <http://www.w3.org/ns/prov#>
PREFIX xsd: <http://www.w3.org/2001/XMLSchema#>
"""

WHO_MET_WHOM = PREFIXES + """
SELECT ?meeting ?file
       (GROUP_CONCAT(DISTINCT ?name; separator=" | ") AS ?participants)
       (GROUP_CONCAT(DISTINCT ?topicLabel; separator=", ") AS ?topics)
       (SAMPLE(?placeLabel) AS ?place) (SAMPLE(?when) AS ?date)
WHERE {
  ?meeting a vnkg:Meeting ; prov:wasDerivedFrom ?article ; vnkg:participant ?person .
  ?article vnkg:sourceFile ?file .
  ?person rdfs:label ?name .
  OPTIONAL { ?meeting vnkg:topic ?topic . ?topic skos:prefLabel ?topicLabel . FILTER(lang(?topicLabel) = "vi") }
  OPTIONAL { ?meeting vnkg:place ?p . ?p rdfs:label ?placeLabel . FILTER(lang(?placeLabel) = "vi") }
  OPTIONAL { ?meeting vnkg:date ?when }
}
GROUP BY ?meeting ?file
ORDER BY ?file ?meeting
"""

STATS = PREFIXES + """
SELECT ?kind (COUNT(DISTINCT ?x) AS ?count) WHERE {
  VALUES ?kind { vnkg:Article vnkg:Person vnkg:Organization vnkg:Ministry vnkg:Meeting vnkg:Agreement
                 vnkg:Topic vnkg:Place vnkg:Membership }
  ?x a ?kind .
} GROUP BY ?kind
"""


Select = Callable[[str], Iterable[dict[str, str | None]]]  # a SELECT query -> rows of {variable: value}


def rdflib_select(dataset: Dataset) -> Select:
    """A `select` over an rdflib Dataset (the server's query processes give one too: QueryEngine.rows)."""
    def select(query: str):
        result = run_query(dataset, query)
        names = [str(v) for v in result.vars]
        for row in result:
            yield {name: (str(value) if value is not None else None) for name, value in zip(names, row)}
    return select


@dataclass(frozen=True)
class MeetingRow:
    """One meeting, flattened for a table."""

    meeting: str
    source_file: str
    participants: tuple[str, ...]
    topics: tuple[str, ...]
    place: str | None
    date: datetime.date | None


def run_query(dataset: Dataset, query: str) -> Result:
    """Run a SPARQL query; a malformed one raises QueryError with the parser's message."""
    try:
        return dataset.query(query)
    except SyntaxError as error:
        raise QueryError(f"the query is not valid SPARQL: {error}. Fix the query and run again.") from None
    except (ValueError, RuntimeError, OSError) as error:
        raise QueryError(f"the query failed: {error}.") from None


def select_rows(dataset: Dataset, query: str) -> list[dict[str, object]]:
    """Run a SELECT query; return its rows as {variable: Python value} dicts (None where unbound)."""
    result = run_query(dataset, query)
    names = [str(v) for v in result.vars]
    return [{n: (v.toPython() if v is not None else None) for n, v in zip(names, row)} for row in result]


def who_met_whom(dataset: Dataset) -> list[MeetingRow]:
    """Every meeting in the store: participants, topics, place and date, with its source file."""
    rows = []
    for row in run_query(dataset, WHO_MET_WHOM):
        rows.append(MeetingRow(
            meeting=str(row.meeting), source_file=str(row.file),
            participants=tuple(str(row.participants).split(" | ")),
            topics=tuple(t for t in str(row.topics or "").split(", ") if t),
            place=str(row.place) if row.place else None,
            date=row.date.toPython() if row.date is not None else None))
    return rows


def statistics(select: Select) -> dict[str, int]:
    """How many of each kind of entity the store holds, and how many triples in how many named graphs."""
    counts = {row["kind"].rsplit("#", 1)[1]: int(row["count"]) for row in select(STATS)}
    counts = {kind: counts.get(kind, 0) for kind in ("Article", "Person", "Organization", "Ministry", "Meeting",
                                                     "Agreement", "Topic", "Place", "Membership")}
    (triples,) = select("SELECT (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } }")
    (graphs,) = select("SELECT (COUNT(DISTINCT ?g) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } }")
    counts["triples"], counts["named_graphs"] = int(triples["n"]), int(graphs["n"])
    return counts


RANK_MEASURES = {"degree": "vnkg:degree", "weighted_degree": "vnkg:weightedDegree",
                 "betweenness": "vnkg:betweenness", "pagerank": "vnkg:pagerank", "eigenvector": "vnkg:eigenvector"}
RANK_TYPES = ("Person", "Organization", "Ministry", "Topic", "Agreement")


def ranking_query(measure: str, kind: str, top: int) -> str:
    """The SPARQL that ranks entities of a kind by a measure (both checked against fixed lists)."""
    if measure not in RANK_MEASURES:
        raise QueryError(f"unknown measure {measure!r}; use one of: {', '.join(RANK_MEASURES)}.")
    if kind not in RANK_TYPES:
        raise QueryError(f"unknown type {kind!r}; use one of: {', '.join(RANK_TYPES)}.")
    if not isinstance(top, int) or top < 1:
        raise QueryError("top must be a whole number of 1 or more.")
    columns = "".join(f" OPTIONAL {{ ?x {p} ?{m} }}" for m, p in RANK_MEASURES.items() if m != measure)
    return PREFIXES + f"""
SELECT ?x ?name (?value AS ?{measure}) {' '.join('?' + m for m in RANK_MEASURES if m != measure)} ?community
WHERE {{
  ?x a vnkg:{kind} ; {RANK_MEASURES[measure]} ?value ; rdfs:label ?name FILTER(lang(?name) = "vi")
  {columns} OPTIONAL {{ ?x vnkg:community ?community }}
}}
ORDER BY DESC(?value) ?name
LIMIT {top}"""
