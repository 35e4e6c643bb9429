"""The values that flow between stages: articles, sentences, mentions, entities and meetings.

Every mention carries character offsets into its article's text, so that
``article.text[m.start:m.end] == m.text`` always holds.
"""

from dataclasses import dataclass
import datetime


@dataclass(frozen=True)
class Segment:
    """A stretch of an article's text: its title, a body paragraph or an image caption."""

    start: int
    end: int
    kind: str  # "title" | "body" | "caption"


@dataclass(frozen=True)
class Article:
    """One article, read and cleaned: NFC text with the title first, then the body."""

    id: str
    source_file: str
    text: str
    segments: tuple[Segment, ...]
    title: str | None = None
    date: datetime.date | None = None
    source: str | None = None  # the outlet prefix, e.g. "TPO"
    authors: tuple[str, ...] = ()


@dataclass(frozen=True)
class Word:
    """A word as underthesea segments it (one or more syllables) with its POS tag."""

    text: str
    start: int
    end: int
    pos: str


@dataclass(frozen=True)
class Sentence:
    """A sentence of an article with its words; offsets are into the article's text."""

    index: int
    start: int
    end: int
    text: str
    kind: str  # the kind of the segment it lies in
    words: tuple[Word, ...]


@dataclass(frozen=True)
class Role:
    """A title phrase as written ("Thứ trưởng Năng lượng Hoa Kỳ") and what it says."""

    title: str  # the title as written, e.g. "Thứ trưởng"
    phrase: str  # the whole phrase, e.g. "Thứ trưởng Năng lượng Hoa Kỳ"
    start: int
    end: int
    scope: str  # the lexicon's scope of the title
    org: str | None = None  # organisation key, when the phrase names one
    country: str | None = None  # country key, when the phrase names one
    portfolio: str | None = None  # a ministry named with "Bộ" elided ("Năng lượng")


@dataclass(frozen=True)
class PersonMention:
    """A person named or referred to in a sentence."""

    name: str  # the full name as the article gives it
    start: int
    end: int
    sentence: int
    roles: tuple[Role, ...] = ()
    via: str = "name"  # "name" | "title" (a title standing for the person) | "pronoun"
    cited: bool = False  # only cited ("theo chỉ đạo của ..."), not present


@dataclass(frozen=True)
class EntityMention:
    """A mention of an organisation, place, agreement or topic, resolved to its key."""

    kind: str  # "organization" | "place" | "agreement" | "topic"
    key: str
    text: str
    start: int
    end: int
    sentence: int


@dataclass(frozen=True)
class DateMention:
    """A date written in the text ("ngày 26/10"), completed with a year where one is known."""

    value: datetime.date
    text: str
    start: int
    end: int
    sentence: int


@dataclass(frozen=True)
class OrgInfo:
    """An organisation: from the gazetteer, or minted from text (a foreign ministry)."""

    key: str
    kind: str  # the vnkg class local name: "Ministry", "GovernmentBody", ...
    label: str
    label_en: str | None = None
    aliases: tuple[str, ...] = ()
    country: str | None = None


@dataclass(frozen=True)
class AgreementInfo:
    """An agreement: from the gazetteer, or read from its head and name in the text."""

    key: str
    label: str
    kind: str
    label_en: str | None = None
    aliases: tuple[str, ...] = ()


@dataclass(frozen=True)
class Meeting:
    """Two or more persons who met, as one article reports it."""

    participants: tuple[str, ...]  # person names, as in PersonMention.name
    sentences: tuple[int, ...]  # the sentences it was read from
    topics: tuple[str, ...] = ()
    place: str | None = None
    date: datetime.date | None = None


@dataclass(frozen=True)
class Extraction:
    """Everything read from one article."""

    article: Article
    sentences: tuple[Sentence, ...]
    persons: tuple[PersonMention, ...] = ()
    entities: tuple[EntityMention, ...] = ()
    dates: tuple[DateMention, ...] = ()
    meetings: tuple[Meeting, ...] = ()
    organizations: tuple[OrgInfo, ...] = ()  # every organisation mentioned, gazetteer or minted
    agreements: tuple[AgreementInfo, ...] = ()
