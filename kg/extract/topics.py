"""Topics: keyword variants of the SKOS scheme, found on underthesea's word boundaries."""

from kg.lexicon import Lexicon
from kg.model import EntityMention, Sentence


def extract_topics(sentences: tuple[Sentence, ...], text: str, lexicon: Lexicon,
                   exclude: list[EntityMention]) -> list[EntityMention]:
    """Return topic mentions, skipping text inside excluded mentions (organisation names)."""
    mentions = []
    for sentence in sentences:
        starts = {w.start for w in sentence.words}
        ends = {w.end for w in sentence.words}
        blocked = [(m.start, m.end) for m in exclude if m.sentence == sentence.index]
        for matcher in (lexicon.topic_matcher, lexicon.topic_acronym_matcher):
            for start, end, key in matcher.finditer(text, sentence.start, sentence.end):
                if start not in starts or end not in ends:
                    continue  # "điều" inside "điều chỉnh" is no topic
                if any(start < e and s < end for s, e in blocked):
                    continue
                mentions.append(EntityMention("topic", key, text[start:end], start, end, sentence.index))
    return mentions
