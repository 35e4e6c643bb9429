import json

import pytest
from rdflib import Dataset, Graph

from kg.cli import main

from conftest import SEED_GOLD, SEEDS

PERSONS = ("PREFIX vnkg: <https://w3id.org/vnkg/ontology#> PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#> "
           "SELECT DISTINCT ?name WHERE { ?p a vnkg:Person ; rdfs:label ?name } ORDER BY ?name")


def run(capsys, *argv):
    code = main([str(a) for a in argv])
    out, err = capsys.readouterr()
    return code, out, err


@pytest.mark.parametrize("command", [[], ["build"], ["query"], ["export"], ["stats"], ["eval"]])
def test_cli_help_for_each_command(capsys, command):
    with pytest.raises(SystemExit) as exit_:
        main([*command, "--help"])
    assert exit_.value.code == 0
    out = capsys.readouterr().out
    assert "usage: kg" in out and ("--store" in out or not command)


def test_cli_build_prints_summary_and_who_met_whom(capsys, tmp_path):
    code, out, _ = run(capsys, "build", SEEDS / "003_970878c4d8d396b1.txt", "--store", tmp_path / "s")
    assert code == 0
    assert "Built 1 article(s)" in out
    assert any("James Danly" in line and "Lê Mạnh Hùng" in line for line in out.splitlines())


def test_cli_build_skips_bad_inputs_and_says_so(capsys, tmp_path):
    (tmp_path / "in").mkdir()
    (tmp_path / "in" / "empty.txt").write_text("")
    (tmp_path / "in" / "good.txt").write_text((SEEDS / "004_0752c72360714cb8.txt").read_text(encoding="utf-8"),
                                              encoding="utf-8")
    code, out, err = run(capsys, "build", tmp_path / "in", "--store", tmp_path / "s")
    assert code == 2
    assert "Built 1 article(s)" in out
    assert f"{tmp_path / 'in' / 'empty.txt'}: is empty" in err and "Traceback" not in err


def test_cli_store_from_environment(capsys, tmp_path, monkeypatch):
    monkeypatch.setenv("VNKG_STORE", str(tmp_path / "env-store"))
    code, _, _ = run(capsys, "build", SEEDS / "004_0752c72360714cb8.txt")
    assert code == 0 and (tmp_path / "env-store" / "current").is_symlink()


@pytest.mark.parametrize("fmt, check", [
    ("table", lambda out: "Jacob Helberg" in out and out.splitlines()[1].startswith("----")),
    ("json", lambda out: {"name": "Jacob Helberg"} in json.loads(out)),
    ("csv", lambda out: out.splitlines()[0] == "name" and "Jacob Helberg" in out.splitlines()),
])
def test_cli_query_formats(capsys, seed_store, fmt, check):
    code, out, _ = run(capsys, "query", PERSONS, "--format", fmt, "--store", seed_store.path)
    assert code == 0 and check(out)


def test_cli_query_from_file_ask_and_construct(capsys, seed_store, tmp_path):
    query = tmp_path / "q.rq"
    query.write_text("ASK { ?m a <https://w3id.org/vnkg/ontology#Meeting> }")
    assert run(capsys, "query", query, "--store", seed_store.path)[1].strip() == "true"
    code, out, _ = run(capsys, "query", "CONSTRUCT { ?m a ?t } WHERE { ?m a ?t } LIMIT 3", "--store", seed_store.path)
    assert code == 0 and len(Graph().parse(data=out, format="turtle")) == 3


@pytest.mark.parametrize("argv, code, message", [
    (["query", "SELEC ?x"], 4, "not valid SPARQL"),
    (["stats", "--store", "{missing}"], 3, "no graph has been built here yet"),
])
def test_cli_errors_are_messages_with_exit_codes(capsys, seed_store, tmp_path, argv, code, message):
    argv = [a.format(missing=tmp_path / "none") for a in argv]
    if "--store" not in argv:
        argv += ["--store", str(seed_store.path)]
    result, out, err = run(capsys, *argv)
    assert result == code and message in err and "Traceback" not in err


@pytest.mark.parametrize("fmt, parse", [
    ("trig", lambda path: Dataset().parse(path, format="trig")),
    ("nquads", lambda path: Dataset().parse(path, format="nquads")),
    ("turtle", lambda path: Graph().parse(path, format="turtle")),
    ("jsonld", lambda path: Graph().parse(path, format="json-ld")),
])
def test_cli_export_formats_parse_back(capsys, seed_store, tmp_path, fmt, parse):
    path = tmp_path / f"out.{fmt}"
    code, _, _ = run(capsys, "export", "--format", fmt, "-o", path, "--store", seed_store.path)
    assert code == 0 and len(parse(path)) > 1000


def test_cli_stats_and_eval(capsys, seed_store):
    code, out, _ = run(capsys, "stats", "--store", seed_store.path)
    assert code == 0 and "Meeting" in out and "named graphs" in out
    code, out, _ = run(capsys, "eval", SEED_GOLD, "--store", seed_store.path)
    assert code == 0 and out.splitlines()[0].startswith("persons") and "F1=1.000" in out
