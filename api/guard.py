"""What a SPARQL request asks for, read from its tokens before anything runs.

A lexical reading is enough, and exact, for what the endpoint must refuse: SPARQL keywords are
reserved words, so a bare SERVICE, LOAD or INSERT token (outside IRIs, strings, comments, variables
and prefixed names) is that keyword. The query itself is parsed by Oxigraph, which reports syntax
errors with their position.
"""

import re
from dataclasses import dataclass

_TOKEN = re.compile(r"""
    (?P<comment>\#[^\n]*)
  | (?P<iri><[^<>"{}|^`\\\x00-\x20]*>)
  | (?P<string>'''(?:[^'\\]|\\.|'(?!''))*'''|\"\"\"(?:[^"\\]|\\.|"(?!""))*\"\"\"|'(?:[^'\\\n]|\\.)*'|"(?:[^"\\\n]|\\.)*")
  | (?P<variable>[?$]\w+)
  | (?P<pname>[\w.-]*:[\w.:%-]*)
  | (?P<word>[A-Za-z_]\w*)
  | (?P<other>\S)
""", re.VERBOSE)

QUERY_FORMS = ("SELECT", "ASK", "CONSTRUCT", "DESCRIBE")
UPDATE_WORDS = frozenset({"INSERT", "DELETE", "LOAD", "CLEAR", "CREATE", "DROP", "COPY", "MOVE", "ADD"})


@dataclass(frozen=True)
class Reading:
    form: str | None  # "SELECT", "ASK", "CONSTRUCT", "DESCRIBE", or None when it is no query
    is_update: bool
    uses_service: bool
    from_graphs: tuple[str, ...]  # IRIs of FROM and FROM NAMED


def read(text: str) -> Reading:
    """Read a request's SPARQL text: its query form, and whether it updates or reaches out."""
    words: list[str] = []
    iris_after_from: list[str] = []
    expect_from_iri = False
    for match in _TOKEN.finditer(text):
        kind = match.lastgroup
        if kind == "word":
            word = match.group().upper()
            words.append(word)
            expect_from_iri = word in ("FROM", "NAMED") and (word == "FROM" or words[-2:-1] == ["FROM"])
        elif kind in ("iri", "pname"):
            if expect_from_iri:  # a prefixed name stays unexpanded, so it names no graph of the store
                iris_after_from.append(match.group()[1:-1] if kind == "iri" else match.group())
            expect_from_iri = False
        elif kind != "comment":
            expect_from_iri = False
    form = next((w for w in words if w in QUERY_FORMS), None)
    update = any(w in UPDATE_WORDS for w in words)
    return Reading(form=None if update else form, is_update=update, uses_service="SERVICE" in words,
                   from_graphs=tuple(iris_after_from))
