from kg.pipeline import build
from kg.store import Store

from conftest import OWN_ARTICLES, SEEDS


def quads(store: Store) -> set:
    return set(store.open().quads((None, None, None, None)))


def test_pipeline_parallel_extraction_builds_the_same_graph(tmp_path):
    serial, parallel = Store(tmp_path / "serial"), Store(tmp_path / "parallel")
    report = build([SEEDS, OWN_ARTICLES], serial, jobs=1)
    build([SEEDS, OWN_ARTICLES], parallel, jobs=2)
    assert len(report.articles) == 10
    assert quads(serial) == quads(parallel)


def test_pipeline_short_name_joins_a_person_already_stored(tmp_path, extract):
    store = Store(tmp_path / "s")
    first = tmp_path / "first.txt"
    first.write_text("Thứ trưởng Jacob Helberg đến Hà Nội.", encoding="utf-8")
    second = tmp_path / "second.txt"
    second.write_text("Thứ trưởng Helberg làm việc với Bộ trưởng Nguyễn Hồng Diên.", encoding="utf-8")
    build([first], store)
    build([second], store)
    rows = store.open().query("""SELECT DISTINCT ?p WHERE {
        ?p a <https://w3id.org/vnkg/ontology#Person> ; <http://www.w3.org/2000/01/rdf-schema#label> ?n
        FILTER(CONTAINS(STR(?n), "Helberg")) }""")
    assert [str(p) for (p,) in rows] == ["https://w3id.org/vnkg/id/person/jacob-helberg"]
