"""The docs stay true: the ontology picture is made from ontology/, and the README names what exists."""

import importlib.util
import re
from pathlib import Path

from kg.cli import make_parser

ROOT = Path(__file__).resolve().parent.parent


def load_script(name: str):
    spec = importlib.util.spec_from_file_location(name, ROOT / "scripts" / f"{name}.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_docs_ontology_diagram_draws_every_class(tmp_path):
    diagram = load_script("ontology_diagram")
    classes, parents, links = diagram.read(ROOT / "ontology" / "vnkg.ttl")
    assert set(diagram.layout(classes, parents)) == set(classes)
    assert ("Meeting", "vnkg:participant", "Person") in links
    diagram.draw(ROOT / "ontology" / "vnkg.ttl", tmp_path / "ontology.png")
    assert (tmp_path / "ontology.png").stat().st_size > 10_000
    assert (ROOT / "docs" / "ontology.png").is_file()


def test_docs_readme_names_every_command():
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    commands = make_parser()._subparsers._group_actions[0].choices
    for name in commands:
        assert f"kg {name}" in readme, name


def test_docs_readme_commands_exist():
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    for script in set(re.findall(r"\./scripts/\w+", readme)):
        assert (ROOT / script).is_file(), script
    for path in set(re.findall(r"`((?:kg|api|ontology|tests|notebooks|docs|bench|scripts)/[\w./*-]+)`", readme)):
        if "*" not in path and "{" not in path:
            assert (ROOT / path).exists(), path
