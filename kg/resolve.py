"""Mentions -> entities across articles: one person, one key, whichever article names them."""

from collections.abc import Iterable

from kg.model import Extraction
from kg.names import name_key, slug


def resolve_persons(extractions: Iterable[Extraction], known_names: Iterable[str] = ()) -> dict[tuple[str, str], str]:
    """Map (article id, name as the article gives it) to the person's key, the slug of the full name.

    A one-word name ("Helberg") joins the only full name, in any article or already in the store,
    that ends with it; names that differ only in the placement of tone marks share one key.
    """
    extractions = list(extractions)
    full_names = {name_key(name): name for name in known_names if len(name.split()) >= 2}
    for extraction in extractions:
        for mention in extraction.persons:
            if len(mention.name.split()) >= 2:
                full_names.setdefault(name_key(mention.name), mention.name)
    by_last: dict[str, set[str]] = {}
    for name in full_names.values():
        by_last.setdefault(name_key(name.split()[-1]), set()).add(slug(name))

    result = {}
    for extraction in extractions:
        for mention in extraction.persons:
            key = slug(mention.name)
            if len(mention.name.split()) == 1:
                owners = by_last.get(name_key(mention.name), set())
                if len(owners) == 1:
                    key = next(iter(owners))
            result[(extraction.article.id, mention.name)] = key
    return result
