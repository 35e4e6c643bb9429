import re
from pathlib import Path

import pyshacl
import pytest
from rdflib import RDF, Graph, URIRef

from kg.lexicon import DEFAULT_ONTOLOGY_DIR
from kg.namespaces import VNKG

ROOT = Path(__file__).resolve().parent.parent


@pytest.fixture(scope="module")
def ontology():
    return Graph().parse(DEFAULT_ONTOLOGY_DIR / "vnkg.ttl")


def test_rdf_seed_graph_conforms_to_shapes(seed_dataset, ontology):
    data = Graph()
    for triple in seed_dataset.triples((None, None, None)):
        data.add(triple)
    shapes = Graph().parse(DEFAULT_ONTOLOGY_DIR / "shapes.ttl")
    conforms, _, text = pyshacl.validate(data, shacl_graph=shapes, ont_graph=ontology, inference="rdfs")
    assert conforms, text


def test_rdf_every_vnkg_term_in_code_is_declared(ontology):
    declared = {str(s) for s in ontology.subjects(RDF.type, None)}
    used = set()
    for path in [*ROOT.joinpath("kg").rglob("*.py"), *ROOT.joinpath("ontology").rglob("*.ttl")]:
        text = path.read_text(encoding="utf-8")
        used |= {str(VNKG._NS) + term for term in re.findall(r"\bVNKG\.(\w+)", text)}
        used |= {str(VNKG._NS) + term for term in re.findall(r"\bvnkg:(\w+)", text)}
    assert used - declared == set()


def test_rdf_labels_in_vietnamese_and_english(seed_dataset):
    iri = URIRef("https://w3id.org/vnkg/id/organization/bo-nang-luong-hoa-ky")
    labels = {(str(o), o.language) for o in seed_dataset.objects(iri, URIRef("http://www.w3.org/2000/01/rdf-schema#label"))}
    assert labels == {("Bộ Năng lượng Hoa Kỳ", "vi"), ("US Department of Energy", "en")}


def test_rdf_one_iri_per_person_across_articles(seed_dataset):
    rows = seed_dataset.query("""PREFIX vnkg: <https://w3id.org/vnkg/ontology#>
        SELECT ?p (COUNT(DISTINCT ?a) AS ?n) WHERE { ?a vnkg:mentions ?p . ?p a vnkg:Person } GROUP BY ?p""")
    counts = {str(p).rsplit("/", 1)[1]: int(n) for p, n in rows}
    assert counts["nguyen-hong-dien"] == 3 and counts["jacob-helberg"] == 2


def test_rdf_meetings_carry_provenance_and_evidence(seed_dataset):
    rows = list(seed_dataset.query("""PREFIX vnkg: <https://w3id.org/vnkg/ontology#>
        PREFIX prov: <http://www.w3.org/ns/prov#>
        SELECT ?m ?file ?evidence WHERE {
          ?m a vnkg:Meeting ; prov:wasDerivedFrom ?a ; vnkg:evidence ?evidence ; vnkg:participant ?p .
          ?a vnkg:sourceFile ?file . ?p <http://www.w3.org/2000/01/rdf-schema#label> "James Danly"@vi }"""))
    assert {str(f) for _, f, _ in rows} == {"003_970878c4d8d396b1.txt"}
    assert any("James Danly" in str(e) for _, _, e in rows)
