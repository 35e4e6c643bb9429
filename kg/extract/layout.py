"""A sentence laid out as items: title phrases, organisations, places, names, honorifics, words.

Gazetteer phrases are found first (organisations, then titles with what follows them), so that
"Bộ trưởng Bộ Công Thương Nguyễn Hồng Diên" lays out as one title item and one name item, and
"Thứ trưởng Năng lượng Hoa Kỳ James Danly" as a title item (the US Department of Energy) and a name.
Capitalised runs of syllables left over are names, once places are peeled off their front.
"""

import re
from dataclasses import dataclass

from kg.lexicon import Lexicon
from kg.model import EntityMention, OrgInfo, Role, Sentence
from kg.names import name_key, slug

_SYLLABLE = re.compile(r"\w[\w'’\-]*(?:\.\w+)*\.?")
_LIST_JOIN = re.compile(r"(?:\s*,\s*|\s+và\s+)")
_GAP = re.compile(r"\s*")
VIETNAM = "country/vn"


@dataclass(frozen=True)
class Item:
    """One unit of a laid-out sentence."""

    kind: str  # "title" | "org" | "place" | "name" | "hon" | "word" | "punct"
    start: int
    end: int
    text: str
    key: str | None = None  # organisation, place or honorific key
    pos: str | None = None  # underthesea's tag, for words
    role: Role | None = None  # for title items


@dataclass(frozen=True)
class Layout:
    sentence: Sentence
    items: tuple[Item, ...]
    mentions: tuple[EntityMention, ...]  # organisations and places
    minted: tuple[OrgInfo, ...]  # organisations the gazetteer lacks, minted from the text


def lay_out(sentence: Sentence, text: str, lexicon: Lexicon) -> Layout:
    """Lay out one sentence of text (the whole article's text; offsets are absolute)."""
    builder = _Builder(sentence, text, lexicon)
    builder.find_organizations()
    builder.find_titles()
    builder.find_honorifics()
    builder.find_names_and_places()
    return builder.layout()


def ministry_for(lexicon: Lexicon, portfolio: str, country: str | None) -> OrgInfo | None:
    """Return the ministry of a portfolio ("Năng lượng") in a country, minting a foreign one if needed."""
    candidates = lexicon.short_names.get(name_key(portfolio), [])
    if country is None:
        local = [o for o in candidates if o.country == VIETNAM]
        return local[0] if local else None
    for org in candidates:
        if org.country == country:
            return org
    place = lexicon.places.get(country)
    if place is None:
        return None
    label = f"Bộ {portfolio[0].upper()}{portfolio[1:]} {place.label}"
    return OrgInfo(key=slug(label), kind="Ministry", label=label, country=country)


class _Builder:
    def __init__(self, sentence: Sentence, text: str, lexicon: Lexicon) -> None:
        self.sentence, self.text, self.lexicon = sentence, text, lexicon
        self.items: list[Item] = []
        self.mentions: list[EntityMention] = []
        self.minted: dict[str, OrgInfo] = {}

    # -- helpers -------------------------------------------------------------------------

    def free(self, start: int, end: int) -> bool:
        return all(end <= item.start or start >= item.end for item in self.items)

    def mention(self, kind: str, key: str, start: int, end: int) -> None:
        self.mentions.append(EntityMention(kind, key, self.text[start:end], start, end, self.sentence.index))

    def org(self, org: OrgInfo, start: int, end: int) -> None:
        if org.key not in self.lexicon.organizations:
            self.minted[org.key] = org
        self.mention("organization", org.key, start, end)

    def skip_space(self, pos: int) -> int:
        return _GAP.match(self.text, pos).end()

    def country_at(self, pos: int) -> tuple[int, str] | None:
        found = self.lexicon.place_matcher.match(self.text, pos)
        if found and found[0] <= self.sentence.end and found[1].startswith("country/"):
            return found
        return None

    def portfolio_at(self, pos: int) -> tuple[int, str] | None:
        if pos >= self.sentence.end or not self.text[pos].isupper():
            return None
        found = self.lexicon.portfolio_matcher.match(self.text, pos)
        if found and found[0] <= self.sentence.end:
            return found[0], self.text[pos:found[0]]
        return None

    # -- passes --------------------------------------------------------------------------

    def find_organizations(self) -> None:
        s, lexicon = self.sentence, self.lexicon
        for start, end, key in lexicon.org_matcher.finditer(self.text, s.start, s.end):
            if not self.text[start].isupper() or not self.free(start, end):
                continue
            org = lexicon.organizations[key]
            if org.kind == "Ministry":
                after = self.skip_space(end)
                country = self.country_at(after)
                if country and country[1] != org.country:
                    swapped = ministry_for(lexicon, _short_name(lexicon, org), country[1])
                    if swapped:
                        org, end = swapped, country[0]
            self.items.append(Item("org", start, end, self.text[start:end], key=org.key))
            self.org(org, start, end)
            if org.kind == "Ministry":
                self.coordinated_ministries(end, org.country)

    def coordinated_ministries(self, pos: int, country: str | None) -> None:
        """Read "Bộ Ngoại giao, Tài chính, Xây dựng": ministries listed with "Bộ" elided."""
        while join := _LIST_JOIN.match(self.text, pos):
            found = self.portfolio_at(join.end())
            if not found:
                return
            org = ministry_for(self.lexicon, found[1], country)
            if org is None or not self.free(join.end(), found[0]):
                return
            self.items.append(Item("org", join.end(), found[0], found[1], key=org.key))
            self.org(org, join.end(), found[0])
            pos = found[0]

    def find_titles(self) -> None:
        s, lexicon = self.sentence, self.lexicon
        for start, end, key in lexicon.title_matcher.finditer(self.text, s.start, s.end):
            if not self.free(start, end):
                continue
            title = lexicon.titles[key]
            pos, org, country, portfolio = end, None, None, None
            after = self.skip_space(pos)
            org_item = next((i for i in self.items if i.kind == "org" and i.start == after), None)
            if org_item is not None:
                org, pos = self.known_org(org_item.key), org_item.end
            elif title.scope in ("ministry", "foreign-minister") and (found := self.portfolio_at(after)):
                pos, portfolio = found
            after = self.skip_space(pos)
            if found_country := self.country_at(after):
                pos, country = found_country
                self.mention("place", country, after, pos)
            if title.scope == "foreign-minister":
                portfolio = portfolio or "Ngoại giao"
            if portfolio and org_item is None:
                org = ministry_for(lexicon, portfolio, country)
                if org is not None and org.key not in lexicon.organizations:
                    self.minted[org.key] = org
            pos = self.embassy_post(pos)
            self.items = [i for i in self.items if not (start <= i.start and i.end <= pos)]
            role = Role(title=self.text[start:end], phrase=self.text[start:pos], start=start, end=pos,
                        scope=title.scope, org=org.key if org else None, country=country, portfolio=portfolio)
            self.items.append(Item("title", start, pos, self.text[start:pos], key=key, role=role))

    def known_org(self, key: str) -> OrgInfo:
        return self.lexicon.organizations.get(key) or self.minted[key]

    def embassy_post(self, pos: int) -> int:
        """Extend "Đại sứ Hoa Kỳ tại Việt Nam" over its "tại <place>"."""
        after = self.skip_space(pos)
        if self.text.startswith("tại ", after):
            found = self.lexicon.place_matcher.match(self.text, after + 4)
            if found and found[0] <= self.sentence.end:
                self.mention("place", found[1], after + 4, found[0])
                return found[0]
        return pos

    def find_honorifics(self) -> None:
        s = self.sentence
        for start, end, key in self.lexicon.honorific_matcher.finditer(self.text, s.start, s.end):
            if self.free(start, end) and not self.lexicon.place_matcher.match(self.text, start):
                self.items.append(Item("hon", start, end, self.text[start:end], key=key))

    def find_names_and_places(self) -> None:
        s = self.sentence
        runs: list[list[tuple[int, int]]] = []
        last_end = None
        for match in _SYLLABLE.finditer(self.text, s.start, s.end):
            start, end = match.start(), match.end()
            if self.text[end - 1] == "." and "." not in self.text[start:end - 1]:
                end -= 1
            if not self.text[start].isupper() or not self.free(start, end):
                last_end = None
                continue
            if last_end is not None and self.text[last_end:start] == " ":
                runs[-1].append((start, end))
            else:
                runs.append([(start, end)])
            last_end = end
        for run in runs:
            self.read_run(run)

    def read_run(self, run: list[tuple[int, int]]) -> None:
        run = self.drop_initial_common_words([(a, b) for a, b in run if self.free(a, b)])
        while run:
            found = self.lexicon.place_matcher.match(self.text, run[0][0])
            if not found or found[0] > self.sentence.end or not self.free(run[0][0], found[0]):
                break
            if found[0] < run[-1][1] and not any(e == found[0] for _, e in run):
                break
            self.items.append(Item("place", run[0][0], found[0], self.text[run[0][0]:found[0]], key=found[1]))
            self.mention("place", found[1], run[0][0], found[0])
            run = [(a, b) for a, b in run if a >= found[0]]
        if not run:
            return
        start, end = run[0][0], run[-1][1]
        if len(run) == 1 and (self.text[start:end].isupper() or end - start == 1):
            return  # an acronym or an initial, not a name
        self.items.append(Item("name", start, end, self.text[start:end]))

    def drop_initial_common_words(self, run: list[tuple[int, int]]) -> list[tuple[int, int]]:
        """Drop capitalised words that only open the sentence ("Tại", "Phía", "Hai")."""
        while run and self.opens_sentence(run[0][0]):
            word = next((w for w in self.sentence.words if w.start <= run[0][0] < w.end), None)
            if word is None or word.pos == "Np":
                break
            run = [(a, b) for a, b in run if a >= word.end]
        return run

    def opens_sentence(self, pos: int) -> bool:
        before = self.text[self.sentence.start:pos].strip(" \"“'‘(-–")
        return before == "" or before.endswith((":", "."))

    def layout(self) -> Layout:
        for word in self.sentence.words:
            if self.free(word.start, word.end):
                kind = "punct" if word.pos == "CH" else "word"
                self.items.append(Item(kind, word.start, word.end, word.text, pos=word.pos))
        items = tuple(sorted(self.items, key=lambda i: i.start))
        return Layout(self.sentence, items, tuple(self.mentions), tuple(self.minted.values()))


def _short_name(lexicon: Lexicon, org: OrgInfo) -> str:
    for short, orgs in lexicon.short_names.items():
        if org in orgs:
            return short
    return org.label.removeprefix("Bộ ").strip()
