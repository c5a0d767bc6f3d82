"""People: reporters from the byline and named officials with their titles.

NLP stage (ingest → **nlp** → search).  Reporters and correspondents come from the byline the
ingest stage already parsed (``Article.reporters``/``correspondents``); they are located in
the text when printed there, else their offsets are -1 (the byline is not part of the text).
Officials are found as *title + name* (奉贤区总工会劳动关系部部长李凤英): a job title from
``nlp/data/people.toml``, then a two- or three-character name starting with a known surname
and ending before a word such as 介绍/说/表示/看来 or punctuation.  The title runs left from the
title word to a boundary, so it keeps the unit (奉贤区人社局执法大队副大队长).
"""

from __future__ import annotations

import tomllib
from dataclasses import dataclass
from functools import cache
from importlib import resources

import jieba.posseg as pseg

from baoku.ingest.textclean import is_han
from baoku.nlp.agencies import AgencyMatch

_LEFT_STOP = frozenset("，。；：！？、,;:!?（）()“”‘’《》\n 　在据由和与及向对为是")


@dataclass(frozen=True, slots=True)
class PeopleLexicon:
    titles: tuple[str, ...]
    surnames: frozenset[str]
    compound: tuple[str, ...]
    after_name: frozenset[str]


@cache
def people_lexicon() -> PeopleLexicon:
    raw = (resources.files("baoku.nlp") / "data" / "people.toml").read_text(encoding="utf-8")
    d = tomllib.loads(raw)
    return PeopleLexicon(
        tuple(sorted(set(d["titles"]), key=len, reverse=True)),
        frozenset(d["surnames"].strip()),
        tuple(d["compound_surnames"]),
        frozenset(d["after_name"]),
    )


# Last characters of words for documents and cards (白皮书, 蓝皮书, 倡议书, 联系卡): jieba
# files some of them as personal names, which no given name ends in.
_THING_END = frozenset("书报册表单证卡函")


def a_name(word: str) -> bool:
    """Could ``word``, which jieba tags as a personal name, be one?  A name opens with a
    family name of the lexicon and has one or two characters after it, none of them ending
    a word for a document (白皮书 is a report, not Mr 白)."""
    lex = people_lexicon()
    sur = next((c for c in lex.compound if word.startswith(c)), word[:1])
    given = word[len(sur) :]
    return (
        (sur in lex.surnames or sur in lex.compound)
        and 1 <= len(given) <= 2
        and word[-1] not in _THING_END
    )


@dataclass(frozen=True, slots=True)
class OfficialMatch:
    start: int  # of the name
    end: int
    name: str
    title: str
    title_start: int
    agency: str | None


# jieba tags of words that are never a name's start (time, numeral, adverb, preposition…).
_FUNCTION_TAGS = frozenset({"t", "m", "d", "p", "c", "r", "f"})


def _tag(word: str) -> set[str]:
    """jieba's dictionary tag of ``word`` (empty when it is no dictionary word)."""
    tag = pseg.dt.word_tag_tab.get(word)
    return {tag} if tag else set()


def _name_at(text: str, i: int, lex: PeopleLexicon) -> int | None:
    """End of a personal name starting at ``i``, or None."""
    sur = next((c for c in lex.compound if text.startswith(c, i)), None)
    base = i + (len(sur) if sur else 1)
    if sur is None and (i >= len(text) or text[i] not in lex.surnames):
        return None
    if _FUNCTION_TAGS.intersection(_tag(text[i : i + 2])):
        return None  # 调解员|全年参与…: 全年 is a time word, not 全 + a given name
    for given in (1, 2):  # prefer the shorter name when the next char is a boundary
        end = base + given
        if end > len(text) or not all(is_han(c) for c in text[i:end]):
            return None
        if end == len(text) or text[end] in lex.after_name or not is_han(text[end]):
            return end
    return None


def find_officials(text: str, agencies: list[AgencyMatch]) -> list[OfficialMatch]:
    lex = people_lexicon()
    out: list[OfficialMatch] = []
    first_chars = {t[-1] for t in lex.titles}
    i = 0
    while i < len(text):
        if text[i] not in first_chars:
            i += 1
            continue
        title = next((t for t in lex.titles if text.startswith(t, i - len(t) + 1)), None)
        if title is None:
            i += 1
            continue
        name_start = i + 1
        end = _name_at(text, name_start, lex)
        if end is None:
            i += 1
            continue
        t_start = i - len(title) + 1
        while t_start > 0 and text[t_start - 1] not in _LEFT_STOP and i - t_start < 30:
            t_start -= 1
        agency = next((a.canonical for a in agencies if t_start <= a.start < name_start), None)
        out.append(OfficialMatch(name_start, end, text[name_start:end], text[t_start:name_start],
                                 t_start, agency))  # fmt: skip
        i = end
    return out
