"""The OpenAPI 3.1 description of /api and /sparql, served at /api/openapi.json."""

from kg import __version__

_ERROR = {"$ref": "#/components/schemas/Error"}


def _errors(*codes: int) -> dict:
    names = {400: "Bad parameters or a malformed query", 403: "An update was sent to the read-only endpoint",
             404: "No such entity", 406: "No acceptable result format", 415: "Unsupported request body",
             503: "The query ran past its time limit, or no graph is built"}
    return {str(c): {"description": names[c], "content": {"application/json": {"schema": _ERROR}}} for c in codes}


def _param(name: str, description: str, schema: dict | None = None, required: bool = False, where: str = "query"):
    return {"name": name, "in": where, "required": required, "description": description,
            "schema": schema or {"type": "string"}}


_PAGE = [_param("limit", "How many to return (1–1000).", {"type": "integer", "default": 100}),
         _param("offset", "How many to skip.", {"type": "integer", "default": 0})]


def document() -> dict:
    ref = {"type": "object", "properties": {"id": {"type": "string"}, "iri": {"type": "string"},
                                            "name": {"type": ["string", "null"]}}}
    return {
        "openapi": "3.1.0",
        "info": {"title": "vnkg — who met whom, on what, when and where", "version": __version__,
                 "description": "A read-only JSON API and SPARQL endpoint over a knowledge graph built from "
                                "Vietnamese news. Names match ignoring case and diacritics. Entity ids are the "
                                "path of the entity's IRI after https://w3id.org/vnkg/id/."},
        "paths": {
            "/api/meetings": {"get": {
                "summary": "Meetings: who met whom, on what, when and where",
                "parameters": [
                    _param("person", "An entity id or a name; meetings this person took part in."),
                    _param("counterpart", "An entity id or a name; with person, meetings of the two together."),
                    _param("topic", "A topic id or name (Vietnamese or English)."),
                    _param("from", "Earliest date (YYYY-MM-DD) of the meeting, or of its article.",
                           {"type": "string", "format": "date"}),
                    _param("to", "Latest date (YYYY-MM-DD).", {"type": "string", "format": "date"}), *_PAGE],
                "responses": {"200": {"description": "Matching meetings, newest first", "content": {
                    "application/json": {"schema": {"$ref": "#/components/schemas/Meetings"}}}}, **_errors(400, 503)}}},
            "/api/entities": {"get": {
                "summary": "Search entities by name",
                "parameters": [_param("q", "Words of the name; case and diacritics are ignored."),
                               _param("type", "Only entities of this kind.", {"enum": [
                                   "person", "organization", "ministry", "topic", "agreement", "place", "country",
                                   "meeting", "article"]}), *_PAGE],
                "responses": {"200": {"description": "Entities, best match first", "content": {
                    "application/json": {"schema": {"type": "object", "properties": {
                        "count": {"type": "integer"}, "entities": {"type": "array", "items": {
                            "$ref": "#/components/schemas/EntitySummary"}}}}}}}, **_errors(400, 503)}}},
            "/api/entities/{id}": {"get": {
                "summary": "An entity's profile: labels, roles, organisations, meetings, counterparts, topics, "
                           "source articles and sentences",
                "parameters": [_param("id", "The entity id, e.g. person/nguyen-hong-dien.", required=True,
                                      where="path")],
                "responses": {"200": {"description": "The profile", "content": {"application/json": {
                    "schema": {"$ref": "#/components/schemas/EntitySummary"}}}}, **_errors(404, 503)}}},
            "/api/centrality": {"get": {
                "summary": "Entities ranked by a network measure (persons in the meeting network, the others "
                           "in the entity network)",
                "parameters": [
                    _param("measure", "The measure to rank by.", {"enum": [
                        "degree", "weighted_degree", "betweenness", "pagerank", "eigenvector"], "default": "pagerank"}),
                    _param("type", "The kind of entity.", {"enum": [
                        "Person", "Organization", "Ministry", "Topic", "Agreement"], "default": "Person"}),
                    _param("top", "How many (1–1000).", {"type": "integer", "default": 10})],
                "responses": {"200": {"description": "Ranked entities with every measure and their community",
                                      "content": {"application/json": {"schema": {"type": "object"}}}},
                              **_errors(400, 503)}}},
            "/api/stats": {"get": {"summary": "Counts of what the store holds", "responses": {
                "200": {"description": "Counts by kind, triples and named graphs", "content": {
                    "application/json": {"schema": {"type": "object",
                                                    "additionalProperties": {"type": "integer"}}}}}}}},
            "/sparql": {
                "get": {"summary": "SPARQL 1.1 Protocol query (read-only); without a query, the service "
                                   "description", "parameters": [
                    _param("query", "The SPARQL query."),
                    _param("default-graph-uri", "A graph of the store to use as the default graph."),
                    _param("named-graph-uri", "A graph of the store to allow in GRAPH."),
                    _param("format", "json, xml, csv, tsv, turtle, ntriples, jsonld, rdfxml, or a media type; "
                                     "overrides Accept.")],
                        "responses": {"200": {"description": "Results in the negotiated format"},
                                      **_errors(400, 403, 406, 503)}},
                "post": {"summary": "SPARQL 1.1 Protocol query by POST",
                         "requestBody": {"content": {
                             "application/x-www-form-urlencoded": {"schema": {"type": "object", "properties": {
                                 "query": {"type": "string"}}}},
                             "application/sparql-query": {"schema": {"type": "string"}}}},
                         "responses": {"200": {"description": "Results in the negotiated format"},
                                       **_errors(400, 403, 406, 415, 503)}}},
        },
        "components": {"schemas": {
            "Error": {"type": "object", "properties": {"error": {"type": "object", "properties": {
                "status": {"type": "integer"}, "code": {"type": "string"}, "message": {"type": "string"},
                "detail": {"type": "object"}}}}},
            "EntitySummary": {"type": "object", "properties": {
                "id": {"type": "string"}, "iri": {"type": "string"}, "type": {"type": "string"},
                "name": {"type": "string"}, "labels": {"type": "object"}}},
            "Meetings": {"type": "object", "properties": {
                "count": {"type": "integer"}, "resolved": {"type": "object"},
                "meetings": {"type": "array", "items": {"$ref": "#/components/schemas/Meeting"}}}},
            "Meeting": {"type": "object", "properties": {
                "id": {"type": "string"}, "iri": {"type": "string"},
                "participants": {"type": "array", "items": {"type": "object", "properties": {
                    "id": {"type": "string"}, "iri": {"type": "string"}, "name": {"type": "string"},
                    "roles": {"type": "array", "items": {"type": "string"}},
                    "organizations": {"type": "array", "items": ref}}}},
                "topics": {"type": "array", "items": {"type": "object", "properties": {
                    "id": {"type": "string"}, "vi": {"type": "string"}, "en": {"type": "string"}}}},
                "date": {"type": ["string", "null"], "format": "date"}, "place": {"oneOf": [ref, {"type": "null"}]},
                "article": {"type": "object", "properties": {"id": {"type": "string"}, "file": {"type": "string"},
                                                             "title": {"type": ["string", "null"]},
                                                             "date": {"type": ["string", "null"]}}},
                "evidence": {"type": "array", "items": {"type": "string"}}}},
        }},
    }
