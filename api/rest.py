"""/api: the JSON API that answers "who met whom, on what, when and where" without SPARQL."""

import datetime

from flask import Blueprint, jsonify, render_template, request

from api import catalog, params
from api.errors import BadParameter, NotFound
from api.openapi import document
from api.state import engine, state
from kg.queries import RANK_MEASURES, RANK_TYPES, ranking_query, statistics

bp = Blueprint("api", __name__, url_prefix="/api")
MAX_LIMIT = 1000


def index() -> catalog.EntityIndex:
    return state().cached("entity-index", lambda: catalog.EntityIndex(engine()))


@bp.get("/meetings")
def meetings():
    """Meetings, filtered by person, counterpart, topic and date range."""
    limit, offset = _page()
    start, end = params.date("from"), params.date("to")
    if start and end and start > end:
        raise BadParameter("`from` is after `to`.", {"from": str(start), "to": str(end)})
    chosen: set[str] | None = None
    resolved = {}
    for name, kind, key in (("person", "person", "participant"), ("counterpart", "person", "participant"),
                            ("topic", "topic", "topic")):
        value = request.args.get(name)
        if value is None:
            continue
        if not value.strip():
            raise BadParameter(f"`{name}` is empty: give an entity id or a name.")
        entities = index().resolve(value, kind)
        resolved[name] = [e.summary() for e in entities]
        ids = set().union(*(catalog.meeting_ids(engine(), **{key: e.iri}) for e in entities)) if entities else set()
        chosen = ids if chosen is None else chosen & ids
    found = catalog.meetings(engine(), chosen if chosen is not None else catalog.meeting_ids(engine()))
    if "person" in resolved and "counterpart" in resolved:
        people = {e["iri"] for e in resolved["person"]}
        others = {e["iri"] for e in resolved["counterpart"]}
        found = [m for m in found if _pair(m, people, others)]
    found = [m for m in found if _in_range(m, start, end)]
    return jsonify({"count": len(found), "limit": limit, "offset": offset, "resolved": resolved,
                    "meetings": found[offset:offset + limit]})


@bp.get("/entities")
def entities():
    """Entities whose names contain the words of q, ignoring case and diacritics."""
    limit, offset = _page()
    kind = request.args.get("type")
    if kind is not None and kind not in catalog.TYPES:
        raise BadParameter(f"`type` must be one of: {', '.join(catalog.TYPES)}.", {"type": kind})
    found = index().search(request.args.get("q", ""), kind, limit=offset + limit)
    return jsonify({"count": len(found), "limit": limit, "offset": offset,
                    "entities": [e.summary() for e in found[offset:offset + limit]]})


@bp.get("/entities/<path:entity_id>")
def entity(entity_id: str):
    """Everything about one entity; its id is its IRI's path after /id/."""
    found = index().get(entity_id)
    if found is None:
        raise NotFound(f"No entity has the id {entity_id!r}. Search with /api/entities?q=...", {"id": entity_id})
    return jsonify(catalog.profile(engine(), index(), found))


@bp.get("/stats")
def stats():
    """How much the store holds."""
    return jsonify(state().cached("stats", lambda: statistics(engine().rows)))


@bp.get("/centrality")
def centrality():
    """Entities ranked by a network measure, as `kg rank` prints them."""
    measure = params.choice("measure", tuple(RANK_MEASURES), "pagerank")
    kind = params.choice("type", RANK_TYPES, "Person")
    top = params.integer("top", 10)
    if not 1 <= top <= MAX_LIMIT:
        raise BadParameter(f"`top` must be between 1 and {MAX_LIMIT}.", {"top": top})
    rows = engine().rows(ranking_query(measure, kind, top))
    ranked = []
    for number, row in enumerate(rows, start=1):
        values = {m: float(row[m]) for m in RANK_MEASURES if row.get(m) is not None}
        ranked.append({"rank": number, "id": row["x"][len(catalog.ID):], "iri": row["x"], "name": row["name"],
                       "community": int(row["community"]) if row.get("community") else None, **values})
    return jsonify({"measure": measure, "type": kind, "network": "meetings" if kind == "Person" else "entities",
                    "entities": ranked})


@bp.get("/openapi.json")
def openapi():
    return jsonify(document())


@bp.get("/docs")
def docs():
    return render_template("docs.html")


def _page() -> tuple[int, int]:
    limit, offset = params.integer("limit", 100), params.integer("offset", 0)
    if not 1 <= limit <= MAX_LIMIT:
        raise BadParameter(f"`limit` must be between 1 and {MAX_LIMIT}.", {"limit": limit})
    if offset < 0:
        raise BadParameter("`offset` must be 0 or more.", {"offset": offset})
    return limit, offset


def _pair(meeting: dict, people: set[str], others: set[str]) -> bool:
    present = {p["iri"] for p in meeting["participants"]}
    return any(p in present and any(o in present and o != p for o in others) for p in people)


def _in_range(meeting: dict, start: datetime.date | None, end: datetime.date | None) -> bool:
    if start is None and end is None:
        return True
    when = meeting["date"] or meeting["article"]["date"]
    if when is None:
        return False
    day = datetime.date.fromisoformat(when[:10])
    return (start is None or day >= start) and (end is None or day <= end)
