"""Sentences and POS-tagged words, from underthesea; the only module that imports it."""

import logging
import re

from kg.model import Article, Sentence, Word

log = logging.getLogger(__name__)

_SPACE = re.compile(r"\s+")


def split_sentences(article: Article) -> tuple[Sentence, ...]:
    """Split each segment of the article into sentences, and each sentence into tagged words."""
    from underthesea import pos_tag, sent_tokenize  # imported here: loading takes a second

    sentences: list[Sentence] = []
    for segment in article.segments:
        text = article.text[segment.start:segment.end]
        cursor = 0
        for piece in sent_tokenize(text):
            offset = _find(text, piece, cursor)
            if offset is None:
                log.debug("%s: sentence not found in its segment: %r", article.id, piece[:60])
                continue
            start, end = offset
            cursor = end
            absolute = segment.start + start
            sentence_text = article.text[absolute:segment.start + end]
            words = tuple(_align_words(sentence_text, pos_tag(sentence_text), absolute))
            sentences.append(Sentence(index=len(sentences), start=absolute, end=segment.start + end,
                                      text=sentence_text, kind=segment.kind, words=words))
    return tuple(sentences)


def _align_words(text: str, tagged: list[tuple[str, str]], offset: int) -> list[Word]:
    """Give each tagged word its character offsets into the article."""
    words, cursor = [], 0
    for surface, pos in tagged:
        found = _find(text, surface, cursor)
        if found is None:
            continue
        start, end = found
        words.append(Word(text=text[start:end], start=offset + start, end=offset + end, pos=pos))
        cursor = end
    return words


def _find(text: str, piece: str, cursor: int) -> tuple[int, int] | None:
    """Find piece in text from cursor, tolerating differences in white space."""
    index = text.find(piece, cursor)
    if index >= 0:
        return index, index + len(piece)
    pattern = r"\s*".join(re.escape(part) for part in _SPACE.split(piece.strip()) if part)
    match = re.compile(pattern).search(text, cursor) if pattern else None
    return (match.start(), match.end()) if match else None
