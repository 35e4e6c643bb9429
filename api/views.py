"""Pages for people: the SPARQL query page, and the vendored front-end files it uses."""

from pathlib import Path

from flask import Blueprint, abort, render_template, send_from_directory

from kg.visualize import VIS_NETWORK

bp = Blueprint("views", __name__)

QUERIES = Path(__file__).parent / "queries"
VENDOR = Path(__file__).parent / "static" / "node_modules"
# The front-end packages the pages use, installed by the setup from api/static/package.json.
VENDORED = {"yasqe": VENDOR / "@zazuko" / "yasqe" / "build", "swagger-ui": VENDOR / "swagger-ui-dist",
            "vis-network": VIS_NETWORK}  # vis-network as pyvis ships it
PREFIXES = {"vnkg": "https://w3id.org/vnkg/ontology#", "id": "https://w3id.org/vnkg/id/",
            "rdf": "http://www.w3.org/1999/02/22-rdf-syntax-ns#", "rdfs": "http://www.w3.org/2000/01/rdf-schema#",
            "skos": "http://www.w3.org/2004/02/skos/core#", "prov": "http://www.w3.org/ns/prov#",
            "xsd": "http://www.w3.org/2001/XMLSchema#", "dcterms": "http://purl.org/dc/terms/"}


def example_queries() -> list[dict]:
    """The named example queries in api/queries/*.rq; the first line "# title" names each."""
    examples = []
    for path in sorted(QUERIES.glob("*.rq")):
        text = path.read_text(encoding="utf-8")
        first = text.splitlines()[0] if text else ""
        title = first.lstrip("# ").strip() if first.startswith("#") else path.stem.replace("-", " ")
        examples.append({"name": path.stem, "title": title, "query": text})
    return examples


@bp.get("/")
def index():
    return render_template("index.html", examples=example_queries(), prefixes=PREFIXES,
                           editor=(VENDORED["yasqe"] / "yasqe.min.js").is_file())


@bp.get("/vendor/<package>/<path:name>")
def vendor(package: str, name: str):
    folder = VENDORED.get(package)
    if folder is None or not folder.is_dir():
        abort(404)
    return send_from_directory(folder, name, max_age=86400)
