"""Meetings: who met whom (làm việc với, tiếp, hội đàm ...), on what, where and when.

A sentence states a meeting when it has a meeting verb ("A làm việc với B"), a meeting noun with
its counterpart ("Tại cuộc làm việc với B, ..."), or a joint subject ("A và B đã trao đổi"); and it
adds people to the meeting under discussion when they attend a meeting named by a noun ("Tham dự
cuộc họp có ...", "X phát biểu kết luận cuộc họp", "Tại buổi làm việc, X ..."). A person only cited
never takes part. The sentences that follow a meeting, up to the next one, give its topics.
"""

from dataclasses import dataclass, field

from kg.lexicon import Lexicon
from kg.model import DateMention, EntityMention, Meeting, PersonMention, Sentence
from kg.names import name_key


_CLASSIFIERS = ("cuộc ", "buổi ", "phiên ")


@dataclass
class _Draft:
    participants: list[str]
    place: str | None  # a place the text gives for this meeting
    kind: str  # the verb or noun that named it: "làm việc", "điện đàm", "họp" ...
    sentences: list[int] = field(default_factory=list)  # where the meeting is stated
    scope: list[int] = field(default_factory=list)  # where it is discussed

    def add(self, names: list[str]) -> None:
        self.participants.extend(n for n in names if n not in self.participants)

    def is_kind(self, kind: str) -> bool:
        return kind.startswith(self.kind) or self.kind.startswith(kind)


def extract_meetings(sentences: tuple[Sentence, ...], persons: tuple[PersonMention, ...],
                     entities: list[EntityMention], dates: list[DateMention], text: str,
                     lexicon: Lexicon) -> list[Meeting]:
    """Return the meetings of one article: two or more persons each."""
    drafts: list[_Draft] = []
    current: _Draft | None = None
    host: str | None = None
    titles = [(r.start, r.end) for m in persons for r in m.roles]
    places = [m for m in entities if m.kind == "place" and not any(s <= m.start < e for s, e in titles)]
    for sentence in sentences:
        present = [m for m in persons if m.sentence == sentence.index and not m.cited]
        names = list(dict.fromkeys(m.name for m in present))
        place = _place_after_tai(sentence, places, text)
        if name_key(sentence.text).startswith(lexicon.episode_markers):
            current = None  # another episode of the story begins
        trigger = _meeting_trigger(sentence, present, lexicon)
        if trigger is not None and names:
            position, kind = trigger
            subject = [m.name for m in present if m.start < position]
            if len(names) == 1 and not subject:
                names += _counterparts(names[0], drafts, host)
            if len(names) >= 2:
                draft = _find(drafts, names, place)
                recalled = draft is None and any(set(d.participants) == set(names) for d in drafts)
                if draft is None:
                    draft = _Draft(participants=[], place=place, kind=kind)
                    drafts.append(draft)
                draft.add(names)
                draft.sentences.append(sentence.index)
                host = subject[0] if subject else host
                if recalled and current is not None:
                    current.scope.append(sentence.index)  # recalled in passing: the talk goes on
                else:
                    current = draft
                continue
        noun = _named_meeting(sentence, text, lexicon)
        if names and noun is not None:
            kind, definite = noun
            joined = next((d for d in reversed(drafts) if d.is_kind(kind)), None)
            if joined is None and definite and current is not None:
                joined = current
            if joined is None:
                joined = _Draft(participants=[], place=place, kind=kind)
                drafts.append(joined)
            current = joined
            current.add(names)
            current.sentences.append(sentence.index)
            continue
        if names and current is not None and any(name_key(w.text) in lexicon.attendance_alone
                                                 for w in sentence.words):
            current.add(names)
            current.sentences.append(sentence.index)
            continue
        if current is not None:
            current.scope.append(sentence.index)

    lead_place = _lead_place(sentences, places, text)
    meetings = []
    for draft in drafts:
        if len(draft.participants) < 2:
            continue
        stated = set(draft.sentences)
        discussed = stated | set(draft.scope)
        topics = list(dict.fromkeys(m.key for m in entities if m.kind == "topic" and m.sentence in discussed))
        when = next((d.value for d in dates if d.sentence in stated), None)
        meetings.append(Meeting(participants=tuple(draft.participants), sentences=tuple(sorted(stated)),
                                topics=tuple(topics), place=draft.place or lead_place, date=when))
    return meetings


def _meeting_trigger(sentence: Sentence, present: list[PersonMention], lexicon: Lexicon) -> tuple[int, str] | None:
    """Return where the sentence states a meeting and the word that states it, or None."""
    words = sentence.words
    for i, word in enumerate(words):
        key = name_key(_strip_name_syllables(word.text))
        following = name_key(words[i + 1].text) if i + 1 < len(words) else ""
        verb = lexicon.meeting_verbs.get(key)
        noun_use = i > 0 and f"{name_key(words[i - 1].text)} " in _CLASSIFIERS  # "buổi tiếp" names, not states
        unambiguous = word.pos == "V" or verb is not None and (verb.object or " " in verb.text)
        if verb is not None and not noun_use and unambiguous and (verb.object is None or following == verb.object):
            return word.start, key
        if key in lexicon.joint_verbs and _joint_subject(words, i, present):
            return word.start, key
        if following == "với" and _ends_meeting_noun(words, i, lexicon):
            return word.start, key
    return None


def _strip_name_syllables(word: str) -> str:
    """Drop capitalised syllables that word segmentation glued to a verb ("Bình hội kiến" -> "hội kiến")."""
    syllables = word.split()
    while len(syllables) > 1 and syllables[0][:1].isupper():
        syllables.pop(0)
    while len(syllables) > 1 and syllables[-1][:1].isupper():
        syllables.pop()
    return " ".join(syllables)


def _ends_meeting_noun(words, i: int, lexicon: Lexicon) -> bool:
    """Does words[i] end a meeting noun ("cuộc làm việc", "buổi gặp")?"""
    for noun in lexicon.meeting_nouns:
        parts = noun.split()
        span = " ".join(w.text for w in words[max(0, i - len(parts) + 1):i + 1])
        if name_key(span).endswith(name_key(noun)):
            return True
    return False


def _joint_subject(words, i: int, present: list[PersonMention]) -> bool:
    """Is the verb at words[i] preceded by "A và B" ("ông và Bộ trưởng X đã trao đổi")?"""
    before = [m for m in present if m.end <= words[i].start]
    joins = [w for w in words[:i] if name_key(w.text) == "và"]
    return len({m.name for m in before}) >= 2 and any(
        any(m.end <= j.start for m in before) and any(m.start >= j.end for m in before) for j in joins)


def _named_meeting(sentence: Sentence, text: str, lexicon: Lexicon) -> tuple[str, bool] | None:
    """If someone in the sentence attends a meeting it names ("Tại buổi làm việc, ...", "X chủ trì cuộc
    họp"), return what kind of meeting it is and whether the sentence opens with it (so it is the one
    under discussion)."""
    nouns = list(lexicon.meeting_noun_matcher.finditer(text, sentence.start, sentence.end))
    if not nouns:
        return None
    start, end, noun = nouns[0]
    kind = name_key(noun)
    for classifier in _CLASSIFIERS:
        kind = kind.removeprefix(classifier)
    opening = name_key(text[sentence.start:start])
    if opening in ("tại", "trong", "tham dự", "dự", "phát biểu tại", "bên lề"):
        return kind, True
    if any(name_key(w.text) in lexicon.attendance_verbs for w in sentence.words):
        return kind, False
    return None


def _counterparts(name: str, drafts: list[_Draft], host: str | None) -> list[str]:
    """Who met a person named alone: their partner in an earlier meeting, or the article's host."""
    for draft in reversed(drafts):
        if name in draft.participants:
            return [p for p in draft.participants if p != name]
    return [host] if host and host != name else []


def _find(drafts: list[_Draft], names: list[str], place: str | None) -> _Draft | None:
    for draft in reversed(drafts):
        if draft.place != place:
            continue
        if set(names) <= set(draft.participants) or set(draft.participants) <= set(names):
            return draft
    return None


def _place_after_tai(sentence: Sentence, places: list[EntityMention], text: str) -> str | None:
    for mention in places:
        if mention.sentence == sentence.index and text[max(0, mention.start - 4):mention.start] == "tại ":
            return mention.key
    return None


def _lead_place(sentences: tuple[Sentence, ...], places: list[EntityMention], text: str) -> str | None:
    """The place the article's lead sentence sets its story in ("... làm việc tại Washington D.C")."""
    lead = next((s for s in sentences if s.kind == "body"), None)
    return _place_after_tai(lead, places, text) if lead is not None else None

