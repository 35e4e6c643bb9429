"""Normal forms of names: NFC text, matching keys, diacritic-free folds and slugs."""

import re
import unicodedata

_SPACES = re.compile(r"\s+")
_NON_SLUG = re.compile(r"[^a-z0-9]+")


def nfc(text: str) -> str:
    """Return text in Unicode NFC with runs of white space collapsed to one space."""
    return _SPACES.sub(" ", unicodedata.normalize("NFC", text)).strip()


def name_key(text: str) -> str:
    """Return the key names are compared by: NFC, lower case, collapsed spaces, diacritics kept."""
    return nfc(text).lower()


def fold(text: str) -> str:
    """Return text lower-cased and without diacritics ("Nguyễn Hồng Diên" -> "nguyen hong dien")."""
    text = unicodedata.normalize("NFD", nfc(text).replace("đ", "d").replace("Đ", "D"))
    return "".join(ch for ch in text if unicodedata.category(ch) != "Mn").lower()


def slug(text: str) -> str:
    """Return a readable IRI segment: folded, ASCII letters and digits joined by hyphens."""
    return _NON_SLUG.sub("-", fold(text)).strip("-")
