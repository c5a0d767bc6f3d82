"""Sentence and paragraph boundaries of an article part, as character offsets.

NLP stage (ingest → **nlp** → search).  Figures carry the sentence they were found in and
every record carries its paragraph index; both come from here so all components agree.
A sentence ends after 。！？； (and any closing quotes or brackets after it) or at a
paragraph break; a 。 inside a quotation still ends a sentence, as printed.
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass
from typing import Final

# An ellipsis ends a sentence only with a stop after it: 打造10家工人文化宫……在吉林省总的统筹下
# closes a list inside one sentence, whose agent comes after it.
_END: Final[re.Pattern[str]] = re.compile(r"[。！？；!?;]+[”’」』）)]*|…+[”’」』）)]+|\n")


@dataclass(frozen=True, slots=True)
class Sentence:
    start: int
    end: int
    paragraph: int


def split_sentences(text: str) -> list[Sentence]:
    """Sentences of ``text`` (paragraphs joined by newlines), trimmed of whitespace."""
    out: list[Sentence] = []
    para, pos = 0, 0
    for m in _END.finditer(text):
        end = m.end() if m.group() != "\n" else m.start()
        _add(out, text, pos, end, para)
        if m.group() == "\n":
            para += 1
        pos = m.end()
    _add(out, text, pos, len(text), para)
    return out


def _add(out: list[Sentence], text: str, start: int, end: int, para: int) -> None:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    if end > start:
        out.append(Sentence(start, end, para))


class SentenceIndex:
    """Find the sentence and paragraph of an offset in O(log n)."""

    def __init__(self, text: str) -> None:
        self.text = text
        self.sentences = split_sentences(text)
        self._starts = [s.start for s in self.sentences]
        self._para_starts = [0] + [i + 1 for i, ch in enumerate(text) if ch == "\n"]

    def paragraph_of(self, offset: int) -> int:
        return max(0, bisect.bisect_right(self._para_starts, offset) - 1)

    def sentence_of(self, offset: int) -> int:
        """Index of the sentence containing ``offset`` (the nearest one before it otherwise)."""
        return max(0, bisect.bisect_right(self._starts, offset) - 1)
