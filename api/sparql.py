"""/sparql: the W3C SPARQL 1.1 Protocol, read-only, with content negotiation and a service description."""

from flask import Blueprint, Response, current_app, redirect, request, url_for
from rdflib import RDF, BNode, Graph, Literal, Namespace, URIRef

from api import guard
from api.errors import ApiError, BadParameter, NotAcceptable, UpdateRefused
from api.state import engine

bp = Blueprint("sparql", __name__)

SD = Namespace("http://www.w3.org/ns/sparql-service-description#")
FORMATS = Namespace("http://www.w3.org/ns/formats/")

# media type -> (format the worker writes, W3C format IRI); the first is the default
RESULT_TYPES = {
    "application/sparql-results+json": ("json", FORMATS.SPARQL_Results_JSON),
    "application/sparql-results+xml": ("xml", FORMATS.SPARQL_Results_XML),
    "text/csv": ("csv", FORMATS.SPARQL_Results_CSV),
    "text/tab-separated-values": ("tsv", FORMATS.SPARQL_Results_TSV),
    "application/json": ("json", None),
    "application/xml": ("xml", None),
}
GRAPH_TYPES = {
    "text/turtle": ("turtle", FORMATS.Turtle),
    "application/n-triples": ("ntriples", FORMATS["N-Triples"]),
    "application/ld+json": ("jsonld", FORMATS["JSON-LD"]),
    "application/rdf+xml": ("rdfxml", FORMATS.RDF_XML),
    "text/plain": ("ntriples", None),
    "text/n3": ("turtle", None),  # Turtle is N3
    "text/rdf+n3": ("turtle", None),
}
# the `format` parameter: a short name, or a media type
FORMAT_NAMES = {
    "json": ("application/sparql-results+json", "application/ld+json"),
    "xml": ("application/sparql-results+xml", "application/rdf+xml"),
    "csv": ("text/csv", None), "tsv": ("text/tab-separated-values", None),
    "turtle": (None, "text/turtle"), "ttl": (None, "text/turtle"),
    "ntriples": (None, "application/n-triples"), "nt": (None, "application/n-triples"),
    "jsonld": (None, "application/ld+json"), "json-ld": (None, "application/ld+json"),
    "rdfxml": (None, "application/rdf+xml"), "rdf+xml": (None, "application/rdf+xml"),
    "rdf": (None, "application/rdf+xml"), "n3": (None, "text/turtle"),
}
EXPOSED = "X-Result-Truncated, X-Result-Limit, X-Result-Count"


class UnsupportedMediaType(ApiError):
    status = 415
    code = "unsupported_media_type"


@bp.route("/sparql", methods=["GET", "POST"])
def sparql():
    query, default_graphs, named_graphs = _read_request()
    if query is None:
        if _prefers_html():
            return redirect(url_for("views.index"))
        return _service_description()
    form = guard.read(query).form or "SELECT"
    mime = _negotiate(form)
    fmt = (RESULT_TYPES | GRAPH_TYPES)[mime][0]
    result = engine().run(query, fmt=fmt, default_graphs=tuple(default_graphs), named_graphs=tuple(named_graphs))
    response = Response(result["body"], mimetype=mime)
    if mime.startswith("text/") or mime.endswith(("json", "xml")):
        response.charset = "utf-8"
    response.headers["X-Result-Truncated"] = "true" if result["truncated"] else "false"
    response.headers["X-Result-Limit"] = str(current_app.config["VNKG"].max_results)
    response.headers["X-Result-Count"] = str(result["count"])
    response.vary.add("Accept")
    return response


@bp.after_request
def cors(response: Response) -> Response:
    if request.method in ("GET", "HEAD"):
        response.headers["Access-Control-Allow-Origin"] = "*"
        response.headers["Access-Control-Expose-Headers"] = EXPOSED
    return response


def _read_request() -> tuple[str | None, list[str], list[str]]:
    """Return the query and the dataset of a protocol request, as GET or either kind of POST."""
    if request.method == "GET":
        params = request.args
        query = _single(params, "query")
        if "update" in params:
            raise UpdateRefused("This endpoint is read-only: updates are refused and the data is unchanged.")
        return query, params.getlist("default-graph-uri"), params.getlist("named-graph-uri")
    mimetype = request.mimetype
    if mimetype == "application/sparql-update" or "update" in request.form:
        raise UpdateRefused("This endpoint is read-only: updates are refused and the data is unchanged.")
    if mimetype == "application/x-www-form-urlencoded":
        query = _single(request.form, "query")
        if query is None:
            raise BadParameter("A POST of a form needs a `query` field.")
        return (query, request.form.getlist("default-graph-uri") + request.args.getlist("default-graph-uri"),
                request.form.getlist("named-graph-uri") + request.args.getlist("named-graph-uri"))
    if mimetype == "application/sparql-query":
        query = request.get_data(as_text=True)
        if not query.strip():
            raise BadParameter("The request body is empty: send the query as the body.")
        return query, request.args.getlist("default-graph-uri"), request.args.getlist("named-graph-uri")
    raise UnsupportedMediaType(
        f"POST a query as application/x-www-form-urlencoded or application/sparql-query, not {mimetype or 'nothing'}.")


def _single(params, name: str) -> str | None:
    values = params.getlist(name)
    if len(values) > 1:
        raise BadParameter(f"Give one `{name}` parameter, not {len(values)}.")
    return values[0] if values else None


def _negotiate(form: str) -> str:
    """Choose the media type of the response from `format` or Accept; 406 if none can be written.

    A `format` this endpoint does not know (clients send many) leaves the choice to Accept."""
    types = RESULT_TYPES if form in ("SELECT", "ASK") else GRAPH_TYPES
    if form == "ASK":
        types = {k: v for k, v in types.items() if v[0] in ("json", "xml")}
    wanted = request.values.get("format")
    if wanted and (wanted in RESULT_TYPES or wanted in GRAPH_TYPES or wanted.lower() in FORMAT_NAMES):
        if wanted in types:
            return wanted
        pair = FORMAT_NAMES.get(wanted.lower())
        choice = pair and (pair[0] if form in ("SELECT", "ASK") else pair[1])
        if choice in types:
            return choice
        raise NotAcceptable(f"format={wanted} cannot be written for a {form} query; use one of: "
                            + ", ".join(types), {"available": list(types)})
    if not request.accept_mimetypes:
        return next(iter(types))
    best = request.accept_mimetypes.best_match(list(types))
    if best is None:
        raise NotAcceptable(f"None of the types in Accept can be written for a {form} query; use one of: "
                            + ", ".join(types), {"available": list(types)})
    return best


def _prefers_html() -> bool:
    """Does the client ask for HTML by name (a browser), rather than take anything (*/*)?"""
    named = any(value == "text/html" for value, _ in request.accept_mimetypes)
    return named and request.accept_mimetypes.best_match(["text/html", *GRAPH_TYPES]) == "text/html"


def _service_description() -> Response:
    """Describe the endpoint with the SPARQL 1.1 Service Description vocabulary."""
    graph = Graph()
    graph.bind("sd", SD)
    graph.bind("formats", FORMATS)
    service, dataset, default = BNode(), BNode(), BNode()
    endpoint = URIRef(url_for("sparql.sparql", _external=True))
    graph.add((service, RDF.type, SD.Service))
    graph.add((service, SD.endpoint, endpoint))
    graph.add((service, SD.supportedLanguage, SD.SPARQL11Query))
    graph.add((service, SD.feature, SD.UnionDefaultGraph))
    for _, iri in (*RESULT_TYPES.values(), *GRAPH_TYPES.values()):
        if iri is not None:
            graph.add((service, SD.resultFormat, iri))
    graph.add((service, SD.defaultDataset, dataset))
    graph.add((dataset, RDF.type, SD.Dataset))
    graph.add((dataset, SD.defaultGraph, default))
    graph.add((default, RDF.type, SD.Graph))
    for row in engine().rows("SELECT DISTINCT ?g WHERE { GRAPH ?g { } }"):
        named = BNode()
        graph.add((dataset, SD.namedGraph, named))
        graph.add((named, RDF.type, SD.NamedGraph))
        graph.add((named, SD.name, URIRef(row["g"])))
    graph.add((service, URIRef("http://www.w3.org/2000/01/rdf-schema#comment"),
               Literal("Read-only SPARQL endpoint of the Vietnamese news knowledge graph (vnkg). The default "
                       "graph is the union of the named graphs, one per article.", lang="en")))
    mime = _negotiate("CONSTRUCT")
    rdflib_format = {"turtle": "turtle", "ntriples": "nt", "jsonld": "json-ld", "rdfxml": "xml"}[GRAPH_TYPES[mime][0]]
    response = Response(graph.serialize(format=rdflib_format), mimetype=mime)
    response.vary.add("Accept")
    return response
