"""Agreements: named ones from the gazetteer, others read from their heads ("Hiệp định ...", "FTA với ...")."""

import re

from kg.lexicon import Lexicon
from kg.model import AgreementInfo, EntityMention, Sentence
from kg.names import name_key, slug

_RESOLUTION_NUMBER = re.compile(r"\s+(?:số\s+)?(\d+(?:/\d{4}/[A-ZĐ0-9-]+|-NQ/TW)?)(?!\w)")
_STOP_WORDS = frozenset({"đã", "được", "sẽ", "đang", "mới", "các", "như", "này", "đó", "để", "nhằm", "cho",
                         "trong", "theo", "là", "cũng", "nhưng", "thì", "khi", "từ", "sau", "trước", "của",
                         "và", "hoặc", "với", "giữa", "về", "tại", "có", "đến", "tới", "sớm", "nhất"})
_KEEP_INSIDE = frozenset({"với", "giữa", "về", "tại", "và"})
_MAX_WORDS = 14


def extract_agreements(sentences: tuple[Sentence, ...], text: str,
                       lexicon: Lexicon) -> tuple[list[EntityMention], dict[str, AgreementInfo]]:
    """Return the agreement mentions of an article and what is known of each agreement."""
    mentions: list[EntityMention] = []
    infos: dict[str, AgreementInfo] = {}
    for sentence in sentences:
        taken: list[tuple[int, int]] = []
        for start, end, key in lexicon.agreement_matcher.finditer(text, sentence.start, sentence.end):
            taken.append((start, end))
            infos[key] = lexicon.agreements[key]
            mentions.append(EntityMention("agreement", key, text[start:end], start, end, sentence.index))
        for start, end, head in _heads(text, sentence, lexicon):
            if any(start < e and s < end for s, e in taken):
                continue
            found = _read_name(text, sentence, start, end, lexicon.agreement_heads[name_key(head)])
            if found is None:
                continue
            name_end, label, kind = found
            known = lexicon.agreement_matcher.match(label, 0)
            key = known[1] if known and known[0] == len(label) else slug(label)
            infos.setdefault(key, lexicon.agreements.get(key) or AgreementInfo(key=key, label=label, kind=kind))
            taken.append((start, name_end))
            mentions.append(EntityMention("agreement", key, text[start:name_end], start, name_end, sentence.index))
    return mentions, infos


def _heads(text: str, sentence: Sentence, lexicon: Lexicon):
    """Yield the agreement heads of a sentence, in either case for words, as written for acronyms."""
    lowered = text[:sentence.end].lower()
    seen = set()
    for start, end, head in lexicon.head_matcher.finditer(text, sentence.start, sentence.end):
        seen.add(start)
        yield start, end, head
    for head in lexicon.agreement_heads:
        if head.isupper() or head.upper() == head:
            continue
        for match in re.finditer(rf"(?<!\w){re.escape(head)}(?!\w)", lowered[sentence.start:]):
            start = sentence.start + match.start()
            if start not in seen:
                seen.add(start)
                yield start, start + len(head), head


def _read_name(text: str, sentence: Sentence, start: int, end: int, kind: str) -> tuple[int, str, str] | None:
    """Read an agreement's name from its head; None if the words after it name no particular one."""
    if kind == "resolution":
        number = _RESOLUTION_NUMBER.match(text, end)
        if not number or not text[start].isupper():
            return None
        return number.end(), f"{text[start:end]} {number.group(1)}", kind
    words = [w for w in sentence.words if w.start >= end]
    taken_end, count, depth = end, 0, 0
    for word in words:
        surface = word.text
        if surface == "(":
            depth += 1
            continue
        if surface == ")":
            if depth:
                depth -= 1
                taken_end = word.end
            continue
        if depth:
            if not surface.isupper():
                return _finish(text, start, end, taken_end, kind)
            taken_end = word.end
            continue
        if word.pos == "CH" or word.pos == "M" or count >= _MAX_WORDS:
            break
        if name_key(surface) in _STOP_WORDS and name_key(surface) not in _KEEP_INSIDE:
            break
        taken_end = word.end if name_key(surface) not in _KEEP_INSIDE else taken_end
        count += 1
    return _finish(text, start, end, taken_end, kind)


def _finish(text: str, start: int, head_end: int, end: int, kind: str) -> tuple[int, str, str] | None:
    if end <= head_end:
        return None  # a bare head ("các FTA", "thỏa thuận") names no particular agreement
    name = text[start:end].strip()
    rest = name.split(maxsplit=1)[1] if " " in name else ""
    specific = (text[start].isupper() or "(" in name or " với " in f" {rest} " or " giữa " in f" {rest} "
                or "thương mại" in rest or any(w[:1].isupper() for w in rest.split()))
    if not specific or len(name.split()) < 2 and not name.isupper():
        return None
    return end, name[0].upper() + name[1:], kind
