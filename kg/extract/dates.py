"""Dates written in the text: "ngày 26/10", "26/10/2025", "ngày 26 tháng 10 năm 2025"."""

import datetime
import re

from kg.model import DateMention, Sentence

_NUMERIC = re.compile(r"(?<!\w)(?:ngày\s+)?(\d{1,2})/(\d{1,2})(?:/(\d{4}))?(?![\w/])")
_WORDED = re.compile(r"(?<!\w)ngày\s+(\d{1,2})\s+tháng\s+(\d{1,2})(?:\s+năm\s+(\d{4}))?(?!\w)", re.IGNORECASE)


def extract_dates(sentences: tuple[Sentence, ...], text: str,
                  published: datetime.date | None) -> list[DateMention]:
    """Return the dates of the text; a date without a year takes the article's year, if known."""
    mentions = []
    for sentence in sentences:
        for pattern in (_WORDED, _NUMERIC):
            for match in pattern.finditer(text, sentence.start, sentence.end):
                if any(m.start <= match.start() < m.end for m in mentions):
                    continue
                value = _to_date(match, published)
                if value is not None:
                    mentions.append(DateMention(value, match.group(), match.start(), match.end(), sentence.index))
    return mentions


def _to_date(match: re.Match, published: datetime.date | None) -> datetime.date | None:
    day, month = int(match.group(1)), int(match.group(2))
    if match.group(3):
        year = int(match.group(3))
    elif published is not None:
        year = published.year
        if (month, day) > (published.month, published.day):
            year -= 1  # news reports what has happened: "ngày 26/12" in a January article is last year's
    else:
        return None
    try:
        return datetime.date(year, month, day)
    except ValueError:
        return None
