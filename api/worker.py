"""A query process: runs SPARQL queries against a read-only store and returns serialised results.

It runs in a process of its own so that the server can stop a runaway query by ending the process.
It imports nothing but pyoxigraph and the standard library, so that it starts quickly.
"""

import io
import json
import resource
from multiprocessing.connection import Connection
from xml.sax.saxutils import escape, quoteattr

import pyoxigraph as ox

XSD_STRING = "http://www.w3.org/2001/XMLSchema#string"
RDF_LANG_STRING = "http://www.w3.org/1999/02/22-rdf-syntax-ns#langString"
RDF_FORMATS = {"turtle": ox.RdfFormat.TURTLE, "ntriples": ox.RdfFormat.N_TRIPLES,
               "jsonld": ox.RdfFormat.JSON_LD, "rdfxml": ox.RdfFormat.RDF_XML}


def serve(conn: Connection, memory_mb: int) -> None:
    """Answer requests from the server, one at a time, until the connection closes."""
    limit = memory_mb * 1024 * 1024
    resource.setrlimit(resource.RLIMIT_AS, (limit, limit))
    store, opened = None, None
    while True:
        try:
            request = conn.recv()
        except (EOFError, KeyboardInterrupt):
            return
        try:
            if request["generation"] != opened:
                store, opened = None, None
                store, opened = ox.Store.read_only(request["generation"]), request["generation"]
            response = execute(store, request)
        except SyntaxError as error:
            response = {"error": "syntax", "message": str(error)}
        except MemoryError:
            response = {"error": "memory", "message": f"the query needed more than {memory_mb} MiB"}
        except (OSError, RuntimeError, ValueError, TypeError) as error:
            response = {"error": "runtime", "message": str(error)}
        conn.send(response)


def execute(store: ox.Store, request: dict) -> dict:
    """Run one query; return its results, cut at request["limit"] rows or triples (None: no cut)."""
    options = {}  # the store's default graph is the union of its named graphs (kg.store)
    if request.get("default_graphs"):
        options["default_graph"] = [ox.NamedNode(g) for g in request["default_graphs"]]
    if request.get("named_graphs"):
        options["named_graphs"] = [ox.NamedNode(g) for g in request["named_graphs"]]
    if request.get("bindings"):
        options["substitutions"] = {ox.Variable(k): _term(v) for k, v in request["bindings"].items()}
    result = store.query(request["query"], **options)
    limit, fmt = request["limit"], request.get("format")

    if isinstance(result, ox.QueryBoolean):
        value = bool(result)
        if request.get("mode") == "rows":
            return {"form": "ASK", "boolean": value}
        return {"form": "ASK", "body": _boolean(value, fmt), "truncated": False, "count": 1}
    if isinstance(result, ox.QuerySolutions):
        names = [v.value for v in result.variables]
        rows, truncated = [], False
        for solution in result:
            if len(rows) == limit:
                truncated = True
                break
            rows.append([solution[i] for i in range(len(names))])
        if request.get("mode") == "rows":
            return {"form": "SELECT", "vars": names, "truncated": truncated,
                    "rows": [[_json_term(t) for t in row] for row in rows]}
        return {"form": "SELECT", "body": _solutions(names, rows, fmt), "truncated": truncated, "count": len(rows)}
    triples, truncated = [], False
    for triple in result:
        if len(triples) == limit:
            truncated = True
            break
        triples.append(triple)
    body = ox.serialize(triples, format=RDF_FORMATS[fmt or "turtle"])
    return {"form": "CONSTRUCT", "body": body, "truncated": truncated, "count": len(triples)}


def _term(value: dict):
    if value["type"] == "uri":
        return ox.NamedNode(value["value"])
    if "xml:lang" in value:
        return ox.Literal(value["value"], language=value["xml:lang"])
    if "datatype" in value:
        return ox.Literal(value["value"], datatype=ox.NamedNode(value["datatype"]))
    return ox.Literal(value["value"])


def _json_term(term) -> dict | None:
    """A term as SPARQL 1.1 Query Results JSON writes it."""
    if term is None:
        return None
    if isinstance(term, ox.NamedNode):
        return {"type": "uri", "value": term.value}
    if isinstance(term, ox.BlankNode):
        return {"type": "bnode", "value": term.value}
    if isinstance(term, ox.Literal):
        out = {"type": "literal", "value": term.value}
        if term.language:
            out["xml:lang"] = term.language
        elif term.datatype.value != XSD_STRING:
            out["datatype"] = term.datatype.value
        return out
    return {"type": "triple", "value": {"subject": _json_term(term.subject),
                                        "predicate": _json_term(term.predicate),
                                        "object": _json_term(term.object)}}


def _boolean(value: bool, fmt: str) -> bytes:
    if fmt == "xml":
        return (f'<?xml version="1.0"?>\n<sparql xmlns="http://www.w3.org/2005/sparql-results#">'
                f"<head/><boolean>{'true' if value else 'false'}</boolean></sparql>\n").encode()
    return json.dumps({"head": {}, "boolean": value}).encode()


def _solutions(names: list[str], rows: list[list], fmt: str) -> bytes:
    if fmt == "xml":
        return _xml(names, rows)
    if fmt == "csv":
        return _csv(names, rows)
    if fmt == "tsv":
        return _tsv(names, rows)
    bindings = [{n: _json_term(t) for n, t in zip(names, row) if t is not None} for row in rows]
    return json.dumps({"head": {"vars": names}, "results": {"bindings": bindings}}, ensure_ascii=False).encode()


def _xml(names: list[str], rows: list[list]) -> bytes:
    out = io.StringIO()
    out.write('<?xml version="1.0"?>\n<sparql xmlns="http://www.w3.org/2005/sparql-results#">\n<head>')
    out.write("".join(f"<variable name={quoteattr(n)}/>" for n in names))
    out.write("</head>\n<results>\n")
    for row in rows:
        out.write("<result>")
        for name, term in zip(names, row):
            if term is not None:
                out.write(f"<binding name={quoteattr(name)}>{_xml_term(term)}</binding>")
        out.write("</result>\n")
    out.write("</results>\n</sparql>\n")
    return out.getvalue().encode()


def _xml_term(term) -> str:
    if isinstance(term, ox.Triple):
        return (f"<triple><subject>{_xml_term(term.subject)}</subject><predicate>{_xml_term(term.predicate)}"
                f"</predicate><object>{_xml_term(term.object)}</object></triple>")
    data = _json_term(term)
    if data["type"] == "uri":
        return f"<uri>{escape(data['value'])}</uri>"
    if data["type"] == "bnode":
        return f"<bnode>{escape(data['value'])}</bnode>"
    attribute = (f" xml:lang={quoteattr(data['xml:lang'])}" if "xml:lang" in data
                 else f" datatype={quoteattr(data['datatype'])}" if "datatype" in data else "")
    return f"<literal{attribute}>{escape(data['value'])}</literal>"


def _csv(names: list[str], rows: list[list]) -> bytes:
    def cell(term) -> str:
        if term is None:
            return ""
        text = term.value if hasattr(term, "value") else str(term)
        return '"' + text.replace('"', '""') + '"' if any(c in text for c in ',"\r\n') else text
    lines = [",".join(names)] + [",".join(cell(t) for t in row) for row in rows]
    return ("\r\n".join(lines) + "\r\n").encode()


def _tsv(names: list[str], rows: list[list]) -> bytes:
    lines = ["\t".join("?" + n for n in names)] + ["\t".join("" if t is None else str(t) for t in row) for row in rows]
    return ("\n".join(lines) + "\n").encode()
