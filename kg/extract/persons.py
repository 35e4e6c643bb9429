"""Persons: names with their titles, and titles, short names and pronouns that stand for them.

The grammar, over laid-out items:
    TITLE (, TITLE)* [phụ trách ...] [HON] NAME        "Thứ trưởng Năng lượng Hoa Kỳ James Danly"
    TITLE (, TITLE)* : NAME (, NAME)*                  "các đồng chí ..., Phó Thủ tướng Chính phủ: A, B, C"
    NAME (,|-) TITLE (, TITLE)*                        "ông Stephen Vaden, Thứ trưởng Nông nghiệp Mỹ"
    HON NAME                                           "ông Helberg", "đồng chí Nguyễn Hòa Bình"
    NAME shaped like a Vietnamese name                 "Nguyễn Chí Dũng"
    TITLE alone                                        "Thủ tướng", "Quyền Bộ trưởng Bộ Công Thương"
    HON alone                                          "ông" (a pronoun)
A title alone, a short name or a pronoun is resolved, within the article, to a person named in full.
"""

import re
from dataclasses import dataclass, field, replace

from kg.extract.layout import VIETNAM, Item, Layout
from kg.lexicon import Lexicon
from kg.model import PersonMention, Role
from kg.names import name_key

_CLAUSE_END = frozenset({".", ";", ":", "!", "?"})


@dataclass
class _Raw:
    start: int  # where the phrase begins (its first title, or its honorific)
    end: int
    sentence: int
    name: Item | None
    roles: list[Role] = field(default_factory=list)
    via: str = "name"  # "name" | "bare" | "title" | "pronoun"


def extract_persons(layouts: list[Layout], text: str, lexicon: Lexicon) -> tuple[PersonMention, ...]:
    """Find every person mention in an article's laid-out sentences and resolve it in the article."""
    raws = [raw for layout in layouts for raw in _read_sentence(layout, text, lexicon)]
    return tuple(_resolve(raws, layouts, text, lexicon))


def is_vietnamese_name(name: str, lexicon: Lexicon) -> bool:
    """Is the name shaped like a Vietnamese one: a family name and one to three more syllables?"""
    parts = name.split()
    return 2 <= len(parts) <= 4 and parts[0] in lexicon.surnames


def _read_sentence(layout: Layout, text: str, lexicon: Lexicon) -> list[_Raw]:
    items, index = layout.items, layout.sentence.index
    raws: list[_Raw] = []
    i = 0
    while i < len(items):
        item = items[i]
        if item.kind == "title":
            i = _read_title_chain(items, i, index, raws, text)
        elif item.kind == "hon":
            if i + 1 < len(items) and items[i + 1].kind == "name":
                name = items[i + 1]
                raws.append(_Raw(item.start, name.end, index, name))
                i += 2
                continue
            if item.text in lexicon.pronouns:
                raws.append(_Raw(item.start, item.end, index, None, via="pronoun"))
            i += 1
        elif item.kind == "name":
            raws.append(_Raw(item.start, item.end, index, item, via="bare"))
            i += 1
        else:
            i += 1
    return raws


def _read_title_chain(items: tuple[Item, ...], i: int, index: int, raws: list[_Raw], text: str) -> int:
    chain = [items[i].role]
    j = i + 1
    while j + 1 < len(items) and items[j].text == "," and items[j + 1].kind == "title":
        chain.append(items[j + 1].role)
        j += 2
    if j < len(items) and name_key(items[j].text) == "phụ trách":
        k = j
        while k < len(items) and k - j < 25 and items[k].kind not in ("name", "title") \
                and items[k].text not in _CLAUSE_END:
            k += 1
        if k < len(items) and items[k].kind == "name":
            last = chain[-1]
            chain[-1] = replace(last, phrase=text[last.start:items[k - 1].end], end=items[k - 1].end)
            j = k
    if j + 1 < len(items) and items[j].kind == "hon" and items[j + 1].kind == "name":
        j += 1
    if j < len(items) and items[j].kind == "name":
        raws.append(_Raw(chain[0].start, items[j].end, index, items[j], list(chain)))
        return j + 1
    if j < len(items) and items[j].text == ":":
        k, names = j + 1, []
        while k < len(items):
            if items[k].kind == "name":
                names.append(items[k])
            elif items[k].kind != "hon" and items[k].text not in (",", "và"):
                break
            k += 1
        if names:
            raws.extend(_Raw(chain[0].start, n.end, index, n, list(chain)) for n in names)
            return k
    if i >= 2 and items[i - 1].text in (",", "-", "–") and items[i - 2].kind == "name":
        named = items[i - 2]
        owner = next((r for r in reversed(raws) if r.name is not None and r.name.start == named.start), None)
        if owner is None:
            owner = _Raw(named.start, named.end, index, named)
            raws.append(owner)
        owner.via = "name"
        owner.roles.extend(chain)
        return j
    raws.append(_Raw(chain[0].start, chain[-1].end, index, None, list(chain), via="title"))
    return j


def _resolve(raws: list[_Raw], layouts: list[Layout], text: str, lexicon: Lexicon) -> list[PersonMention]:
    full_names = {name_key(r.name.text): r.name.text for r in raws
                  if r.name is not None and len(r.name.text.split()) >= 2
                  and (r.via != "bare" or is_vietnamese_name(r.name.text, lexicon))}
    by_last: dict[str, set[str]] = {}
    for name in full_names.values():
        by_last.setdefault(name.split()[-1], set()).add(name)

    named: list[PersonMention] = []
    pending: list[_Raw] = []
    for raw in raws:
        if raw.name is None:
            pending.append(raw)
            continue
        name = raw.name.text
        if len(name.split()) == 1:
            owners = by_last.get(name, set())
            if len(owners) == 1:
                name = next(iter(owners))
            elif raw.via == "bare":
                continue
        elif raw.via == "bare" and name_key(name) not in full_names:
            continue
        roles = tuple(_fit_role(role, name, lexicon) for role in raw.roles)
        named.append(PersonMention(name=name, start=raw.start, end=raw.end, sentence=raw.sentence, roles=roles,
                                   cited=_is_cited(text, layouts[raw.sentence], raw.start, lexicon)))

    result = list(named)
    for raw in pending:
        if raw.via == "title":
            owner = _owner_of_title(raw, named)
            if owner is not None:
                result.append(PersonMention(name=owner.name, start=raw.start, end=raw.end, sentence=raw.sentence,
                                            roles=tuple(raw.roles), via="title",
                                            cited=_is_cited(text, layouts[raw.sentence], raw.start, lexicon)))
        elif raw.via == "pronoun":
            earlier = [m for m in result if m.sentence < raw.sentence and not m.cited and m.via != "pronoun"]
            if earlier:
                last_sentence = max(m.sentence for m in earlier)
                subject = min((m for m in earlier if m.sentence == last_sentence), key=lambda m: m.start)
                result.append(PersonMention(name=subject.name, start=raw.start, end=raw.end, sentence=raw.sentence,
                                            via="pronoun",
                                            cited=_is_cited(text, layouts[raw.sentence], raw.start, lexicon)))
    return sorted(result, key=lambda m: m.start)


def _fit_role(role: Role, name: str, lexicon: Lexicon) -> Role:
    """Give a role its organisation where the title implies one or the name tells the country."""
    if role.portfolio and role.country is None and not is_vietnamese_name(name, lexicon):
        foreign = [o for o in lexicon.short_names.get(name_key(role.portfolio), []) if o.country != VIETNAM]
        if len(foreign) == 1:
            return replace(role, org=foreign[0].key, country=foreign[0].country)
    title = lexicon.titles.get(name_key(role.title))
    if role.org is None and title is not None and title.org is not None:
        implied = lexicon.organizations[title.org]
        country = role.country or (VIETNAM if is_vietnamese_name(name, lexicon) else None)
        if country == implied.country:  # "Thủ tướng" of Viet Nam, "Đại diện Thương mại Hoa Kỳ"
            return replace(role, org=implied.key)
    return role


def _owner_of_title(raw: _Raw, named: list[PersonMention]) -> PersonMention | None:
    """Return the named person a bare title stands for: the same title, compatible organisation."""
    wanted = raw.roles[-1]

    def fits(mention: PersonMention) -> bool:
        for role in mention.roles:
            if name_key(role.title) != name_key(wanted.title):
                continue
            if wanted.org and role.org and wanted.org != role.org:
                continue
            if wanted.country and role.country and wanted.country != role.country:
                continue
            return True
        return False

    candidates = [m for m in named if fits(m)]
    before = [m for m in candidates if m.start < raw.start]
    if before:
        return before[-1]
    return candidates[0] if candidates else None


def _is_cited(text: str, layout: Layout, start: int, lexicon: Lexicon) -> bool:
    """Is the person at start only cited ("theo chỉ đạo của Bộ Chính trị, Tổng Bí thư Tô Lâm")?"""
    before = text[layout.sentence.start:start]
    orgs = [m for m in layout.mentions if m.kind == "organization" and m.end <= start]
    for org in sorted(orgs, key=lambda m: m.start, reverse=True):
        tail = before[org.end - layout.sentence.start:]
        if re.fullmatch(r"[\s,]*(?:và\s*)?", tail):
            before = before[:org.start - layout.sentence.start]
    before = before.rstrip(" ,").lower()
    return any(before.endswith(cue) and (len(before) == len(cue) or not before[-len(cue) - 1].isalnum())
               for cue in lexicon.cited_cues)
