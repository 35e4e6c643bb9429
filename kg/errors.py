"""Named errors: each says what happened, where, and what to do."""


class KgError(Exception):
    """Base class of the errors the library raises on purpose."""

    exit_code = 1


class InputError(KgError):
    """An input file or line cannot be read as an article."""

    exit_code = 2

    def __init__(self, source: str, problem: str, fix: str, line: int | None = None) -> None:
        where = f"{source}:{line}" if line is not None else source
        super().__init__(f"{where}: {problem}. {fix}")
        self.source = source
        self.line = line


class StoreError(KgError):
    """The store cannot be opened, read or written."""

    exit_code = 3


class QueryError(KgError):
    """A SPARQL query is malformed or cannot be answered."""

    exit_code = 4


class LexiconError(KgError):
    """The ontology data under ontology/ is missing or malformed."""

    exit_code = 5


class UsageError(KgError):
    """A command was given arguments it cannot use."""

    exit_code = 64
