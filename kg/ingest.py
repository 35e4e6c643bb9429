"""Files -> Article: metadata lines, titles, captions, outlet prefixes and bylines, as NFC text."""

import json
import re
import unicodedata
from collections.abc import Iterable, Iterator
from datetime import date
from pathlib import Path

from kg.errors import InputError
from kg.model import Article, Segment

MAX_BYTES = 5 * 1024 * 1024  # one article; news articles are tens of kilobytes
TEXT_SUFFIXES = (".txt",)
JSONL_SUFFIXES = (".jsonl", ".ndjson")

_DATE_LINE = re.compile(r"^\s*date\s+(\d{4}-\d{2}-\d{2})\s*(.*)$")
_IMAGE_LINE = re.compile(r"^\s*!\[[^\]]*\]\([^)]*\)\s*\|?\s*$")
_CAPTION_LINE = re.compile(r"^(.*\S)\s*\|\s*$")
_PHOTO_CREDIT = re.compile(r"\s*\(?\b(?:Ảnh|Nguồn ảnh|Photo)\s*:\s*[^.()]{1,40}\.?\)?\s*$")
_OUTLET_PREFIX = re.compile(r"^\(?((?:[A-ZĐ]{2,10})|(?:[A-Za-z]+\.vn))\)?\s*[-–—]\s+")
_BYLINE = re.compile(r"^(?:Theo\s+)?([A-ZĐÀ-Ỹ][^\d.!?:;,]{1,40})$")
_SAFE_ID = re.compile(r"^[A-Za-z0-9_.-]{1,200}$")


def read_inputs(paths: Iterable[Path], *, max_bytes: int = MAX_BYTES) -> Iterator[Article | InputError]:
    """Yield each article under paths (files or folders), or the InputError that skipped it."""
    for path in paths:
        if path.is_dir():
            files = sorted(p for p in path.rglob("*") if p.is_file() and p.suffix in TEXT_SUFFIXES + JSONL_SUFFIXES)
            if not files:
                yield InputError(str(path), "holds no .txt or .jsonl articles", "Point kg build at article files.")
        elif path.exists():
            files = [path]
        else:
            yield InputError(str(path), "does not exist", "Check the path.")
            continue
        for file in files:
            if file.suffix in JSONL_SUFFIXES:
                yield from read_jsonl(file, max_bytes=max_bytes)
            else:
                try:
                    yield read_article(file, max_bytes=max_bytes)
                except InputError as error:
                    yield error


def read_article(path: Path, *, max_bytes: int = MAX_BYTES) -> Article:
    """Read one plain-text article (UTF-8, one per file); its id is the file's stem."""
    text = _read_text(path, max_bytes)
    return parse_article(text, article_id=_article_id(path.stem, str(path)), source_file=path.name, origin=str(path))


def read_jsonl(path: Path, *, max_bytes: int = MAX_BYTES) -> Iterator[Article | InputError]:
    """Yield the articles of a JSON Lines file, {"id", "title", "date", "source", "text"} a line."""
    try:
        raw = _read_text(path, max_bytes * 1000)
    except InputError as error:
        yield error
        return
    for number, line in enumerate(raw.splitlines(), start=1):
        if not line.strip():
            continue
        try:
            yield _article_from_json(line, path, number)
        except InputError as error:
            yield error


def parse_article(text: str, *, article_id: str, source_file: str, origin: str = "",
                  title: str | None = None, published: date | None = None, source: str | None = None) -> Article:
    """Clean raw article text into an Article: title first, then body paragraphs and captions."""
    origin = origin or source_file
    lines = [unicodedata.normalize("NFC", line).strip() for line in text.splitlines()]
    lines = [line for line in lines if line and not _IMAGE_LINE.match(line)]
    if not lines:
        raise InputError(origin, "has no text", "Give the article's text, one article per file.")

    if match := _DATE_LINE.match(lines[0]):
        published = published or _parse_date(match.group(1), origin)
        title = title or (match.group(2).strip() or None)
        lines = lines[1:]
    elif title is None and len(lines) > 1 and _looks_like_title(lines[0]):
        title, lines = lines[0], lines[1:]

    authors: list[str] = []
    if lines and (byline := _byline(lines[-1])):
        authors.append(byline)
        lines = lines[:-1]

    pieces: list[tuple[str, str]] = []
    if title:
        pieces.append((title, "title"))
    for line in lines:
        kind = "body"
        if caption := _CAPTION_LINE.match(line):
            line, kind = caption.group(1), "caption"
        if _PHOTO_CREDIT.search(line):
            line, kind = _PHOTO_CREDIT.sub("", line), "caption"
        if kind == "body" and source is None and (prefix := _OUTLET_PREFIX.match(line)):
            source, line = prefix.group(1), line[prefix.end():]
        if line.strip():
            pieces.append((" ".join(line.split()), kind))
    if not any(kind != "title" for _, kind in pieces):
        raise InputError(origin, "has a title but no body text", "Give the article's body after its title.")

    body, segments, cursor = [], [], 0
    for piece, kind in pieces:
        segments.append(Segment(cursor, cursor + len(piece), kind))
        body.append(piece)
        cursor += len(piece) + 2
    return Article(id=article_id, source_file=source_file, text="\n\n".join(body), segments=tuple(segments),
                   title=title, date=published, source=source, authors=tuple(authors))


def _read_text(path: Path, max_bytes: int) -> str:
    try:
        size = path.stat().st_size
        if size > max_bytes:
            raise InputError(str(path), f"is {size / 1e6:.1f} MB, over the {max_bytes / 1e6:.1f} MB limit for one input",
                             "Split it into one article per file, or raise the limit with --max-bytes.")
        data = path.read_bytes()
    except OSError as error:
        raise InputError(str(path), f"cannot be read ({error.strerror})", "Check the file's permissions.") from None
    if not data.strip():
        raise InputError(str(path), "is empty", "Remove it or give it the article's text.")
    if b"\x00" in data[:8192]:
        raise InputError(str(path), "looks like a binary file, not text", "Give articles as UTF-8 text files.")
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        raise InputError(str(path), f"is not UTF-8 text (invalid byte at offset {error.start})",
                         "Convert it to UTF-8, e.g. with iconv -f WINDOWS-1258 -t UTF-8.") from None
    return text


def _article_from_json(line: str, path: Path, number: int) -> Article:
    fix = 'Give one JSON object a line: {"id", "title", "date", "source", "text"}.'
    try:
        record = json.loads(line)
    except json.JSONDecodeError as error:
        raise InputError(str(path), f"is not valid JSON ({error.msg} at column {error.colno})", fix, number) from None
    if not isinstance(record, dict):
        raise InputError(str(path), "is not a JSON object", fix, number)
    text = record.get("text")
    if not isinstance(text, str) or not text.strip():
        raise InputError(str(path), 'has no "text"', fix, number)
    origin = f"{path}:{number}"
    raw_id = str(record.get("id") or f"{path.stem}-{number}")
    published = _parse_date(record["date"], origin) if record.get("date") else None
    title = record.get("title") or None
    return parse_article(text, article_id=_article_id(raw_id, origin), source_file=path.name, origin=origin,
                         title=unicodedata.normalize("NFC", title) if title else None,
                         published=published, source=record.get("source") or None)


def _article_id(raw: str, origin: str) -> str:
    if _SAFE_ID.match(raw):
        return raw
    raise InputError(origin, f"has the id {raw!r}, which is not usable in an IRI",
                     "Use letters, digits, '.', '_' and '-' only.")


def _parse_date(value: str, origin: str) -> date:
    try:
        return date.fromisoformat(str(value)[:10])
    except ValueError:
        raise InputError(origin, f"has the date {value!r}, not YYYY-MM-DD", "Write dates as ISO 8601.") from None


def _looks_like_title(line: str) -> bool:
    return len(line) < 250 and not line.endswith((".", ";", ":", ",", "…", '"', "”"))


def _byline(line: str) -> str | None:
    """Return the author's name if the line is a byline ("KIM DUNG", "Theo Kim Dung")."""
    match = _BYLINE.match(line)
    if not match:
        return None
    words = match.group(1).split()
    if not 1 <= len(words) <= 5:
        return None
    if line.isupper() or line.startswith("Theo ") or all(w[0].isupper() for w in words) and len(words) <= 3:
        return " ".join(w.capitalize() for w in words) if line.isupper() else " ".join(words)
    return None
