"""People: reporters from the byline and named officials with their titles.

NLP stage (ingest → **nlp** → search).  Reporters and correspondents come from the byline the
ingest stage already parsed (``Article.reporters``/``correspondents``); they are located in
the text when printed there, else their offsets are -1 (the byline is not part of the text).
Officials are found as *title + name* (奉贤区总工会劳动关系部部长李凤英): a job title from
``nlp/data/people.toml``, then a two- or three-character name starting with a known surname
and ending before a word such as 介绍/说/表示/看来 or punctuation.  The title runs left from the
title word to a boundary, so it keeps the unit (奉贤区人社局执法大队副大队长).

Round 11: people named without a post (workers, riders, model workers, villagers) are found
by the cues a reader uses: a role noun right before the name (外卖骑手赵利, 焊工刘建军), an age
(58岁的李红旗), a reporting verb right after a name that follows a closing quote or opens a
clause (”张涛说, 对此，王明表示), the studio named after a person (赵晓辉创新工作室), and the
next names of a 、/和 list (司机郑国强、何文斌和邱丽华).  Once a full name is found, every other
printing of it in the article is a mention too (赵利 … 最终，赵利拿回…).  Such names have kind
``other`` and an empty title; a person given a post anywhere keeps kind ``official``.  Forms of
address (何师傅, 王女士, 张某) and dictionary words that open with a surname character (明确,
黄金周, 马上) are not names.
"""

from __future__ import annotations

import re
import tomllib
from collections.abc import Sequence
from dataclasses import dataclass
from functools import cache
from importlib import resources
from typing import Final

import jieba
import jieba.posseg as pseg

from baoku.ingest.textclean import is_han
from baoku.nlp.agencies import AgencyMatch
from baoku.nlp.jieba_words import word_freq

_LEFT_STOP = frozenset("，。；：！？、,;:!?（）()“”‘’《》\n 　在据由和与及向对为是的该这")


@dataclass(frozen=True, slots=True)
class PeopleLexicon:
    titles: tuple[str, ...]
    surnames: frozenset[str]
    compound: tuple[str, ...]
    after_name: frozenset[str]
    roles: tuple[str, ...] = ()
    address: tuple[str, ...] = ()
    reporting: tuple[str, ...] = ()


@cache
def people_lexicon() -> PeopleLexicon:
    raw = (resources.files("baoku.nlp") / "data" / "people.toml").read_text(encoding="utf-8")
    d = tomllib.loads(raw)

    def longest_first(words: list[str]) -> tuple[str, ...]:
        return tuple(sorted(set(words), key=len, reverse=True))

    return PeopleLexicon(
        longest_first(d["titles"]),
        frozenset(d["surnames"].strip()),
        tuple(d["compound_surnames"]),
        frozenset(d["after_name"]),
        longest_first(d["roles"]),
        longest_first(d["address"]),
        longest_first(d["reporting_verbs"]),
    )


# Last characters of words for documents and cards (白皮书, 蓝皮书, 倡议书, 联系卡): jieba
# files some of them as personal names, which no given name ends in.
_THING_END = frozenset("书报册表单证卡函")
# Last characters of facility words (托育园, 服务站, 活动室): no given name ends in them.
_PLACE_END = frozenset("园站室馆厅")


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
    """A person named in the text: an official (title + name) or, since round 11, anyone
    named with another cue (kind ``other``, empty title)."""

    start: int  # of the name
    end: int
    name: str
    title: str
    title_start: int
    agency: str | None
    kind: str = "official"


# jieba tags of words that are never a name's start (time, numeral, adverb, preposition…).
_FUNCTION_TAGS = frozenset({"t", "m", "d", "p", "c", "r", "f"})
# Characters that do not close a three-character name: adverbs and prepositions that follow
# a two-character one (陈妍|也坐…, 黄剑|正讲述…).
_NOT_GIVEN = frozenset("也都就又还却把被将已曾正便从对向给跟让是有到去每今昨近均仍共同再亦")
# A dictionary word this frequent that jieba does not tag as a name is a word (明确, 黄金).
_COMMON = 50


def _tag(word: str) -> set[str]:
    """jieba's dictionary tag of ``word`` (empty when it is no dictionary word)."""
    tag = pseg.dt.word_tag_tab.get(word)
    return {tag} if tag else set()


def _common_word(word: str) -> bool:
    """A frequent dictionary word that is not a name (明确, 黄金, 全市); jieba tags some
    common nouns as names (顾问), so a very frequent word is a word whatever its tag."""
    tag = pseg.dt.word_tag_tab.get(word, "")
    freq = word_freq(word)
    return (freq >= _COMMON and not tag.startswith("nr")) or freq >= 20 * _COMMON


def _name_at(text: str, i: int, lex: PeopleLexicon) -> int | None:
    """End of a personal name starting at ``i``, or None."""
    sur = next((c for c in lex.compound if text.startswith(c, i)), None)
    base = i + (len(sur) if sur else 1)
    if sur is None and (i >= len(text) or text[i] not in lex.surnames):
        return None
    if _FUNCTION_TAGS.intersection(_tag(text[i : i + 2])):
        return None  # 调解员|全年参与…: 全年 is a time word, not 全 + a given name
    head = text[i : i + 2]
    if sur is None and _common_word(head) and pseg.dt.word_tag_tab.get(head, "").startswith("v"):
        return None  # 特邀调解员|常驻: a common verb after a title, no name
    if any(text.startswith(a, base) for a in lex.address):
        return None  # 车间主任何师傅: a form of address, no full name
    for given in (1, 2):  # prefer the shorter name when the next char is a boundary
        end = base + given
        if end > len(text) or not all(is_han(c) for c in text[i:end]):
            return None
        if end == len(text) or text[end] in lex.after_name or not is_han(text[end]):
            return end
    return _bare_name_at(text, i, lex)  # 院长何寄华建议: the name's length read from after it


def _multi_word_at(text: str, k: int) -> bool:
    """Does a dictionary word of two or three characters start at ``k``?"""
    return word_freq(text[k : k + 2]) > 0 or word_freq(text[k : k + 3]) > 0


def _bare_name_at(text: str, i: int, lex: PeopleLexicon) -> int | None:
    """End of a name of two or three characters starting at ``i`` whatever follows it.

    The length is read from what comes after: a two-character name when its next character
    ends names (说, 和, punctuation), is an adverb (也, 正), opens a role or title (陈静|律师),
    or opens a word with nothing word-like after it (赵利|近日说, 李刚|今年考取); else three
    (刘建军|今年, 吴晓梅|每天).
    """
    n = len(text)
    sur = next((c for c in lex.compound if text.startswith(c, i)), None)
    if sur is None and (i >= n or text[i] not in lex.surnames):
        return None
    if text[i] in lex.after_name:
        return None  # 职工和新…: 和/与/向 after a role noun join or govern, they open no name
    base = i + (len(sur) if sur else 1)
    if base >= n or not is_han(text[base]) or text[base] in lex.after_name:
        return None
    if text[base] in _NOT_GIVEN or any(text.startswith(a, base) for a in lex.address):
        return None  # 何师傅, 王女士, 张某, 李也…
    head = text[i : base + 1]
    if _FUNCTION_TAGS.intersection(_tag(head)) or _common_word(head):
        return None  # 马上, 明确, 全市, 黄金周: words opening with a surname character
    nxt = base + 1
    if any(text.startswith(a, nxt) for a in lex.address):
        return None  # 和王|女士: a surname and a form of address one character on
    if (
        nxt + 1 < n
        and text[nxt] not in _NOT_GIVEN
        and text[nxt] not in lex.after_name
        and word_freq(text[nxt : nxt + 2]) < _COMMON_PART  # (李强|来说, 王丽|听说: a common word)
        and any(text.startswith(v, nxt + 1) for v in lex.reporting)
    ):
        return nxt + 1  # 周德明|说: a reporting verb right after three characters ends the name
    two = (
        nxt >= n
        or not is_han(text[nxt])
        or text[nxt] in lex.after_name
        or text[nxt] in _NOT_GIVEN
        or any(text.startswith(w, nxt) for w in lex.roles + lex.titles)
        or (word_freq(text[nxt : nxt + 2]) > 0 and not _multi_word_at(text, nxt + 1))
    )
    if two:
        return nxt
    three = text[i : nxt + 1]
    if word_freq(three) > 0 and not pseg.dt.word_tag_tab.get(three, "").startswith("nr"):
        return None  # 职工|高品质: a three-character dictionary word that is no name
    if three[-1] in _PLACE_END:
        return None  # 职工|托育园: a facility's name, which jieba's dictionary files as a name
    return nxt + 1


_COMMON_PART = 500
# Tags of what may follow a whole name: conjunctions, prepositions, verbs, adverbs, numbers,
# particles, time words, pronouns, punctuation.
_AFTER_NAME_TAGS = frozenset({"c", "p", "v", "vn", "d", "m", "x", "uj", "ul", "t", "r", "f"})
# jieba's tags for personal names (nrt: transliterated, as Tibetan, Mongolian, Uyghur names).
_NAME_TAGS = frozenset({"nr", "nrt", "nrfg"})


def _surnameless_name_at(text: str, i: int) -> int | None:
    """End of a name with no Han surname right after a role cue (村民次仁多吉, 来自宁城县的
    乌日娜): jieba's name tag on a word of three or four characters, which rules out the
    forms of address (小王, 老李) and two-character words."""
    head = text[i : i + 3]
    if len(head) < 3 or not all(is_han(c) for c in head):
        return None  # no three-character Han word can start here: spare the tagger
    toks = pseg.lcut(text[i : i + 8])
    word, flag = toks[0].word, toks[0].flag
    if flag not in _NAME_TAGS or not 3 <= len(word) <= 4 or not all(is_han(c) for c in word):
        return None
    if word[-1] in _PLACE_END:
        return None  # 职工|托育园: a facility's name, which jieba's dictionary files as a name
    # jieba also files some common compounds as names (法律援助, 宣传教育): a word made of
    # two common words is no transliterated name
    if any(word_freq(word[:k]) >= _COMMON_PART and word_freq(word[k:]) >= _COMMON_PART
           for k in range(1, len(word))):  # fmt: skip
        return None
    if len(toks) > 1 and toks[1].flag not in _AFTER_NAME_TAGS:
        return None  # 乌兰图|雅: jieba cut the name short
    return i + len(word)


# A transliterated name with its separating dot (买买提·艾力, 阿依古丽·买买提): the dot is
# printed in no other Chinese word, so the run of Han characters around it is a name.
_DOTTED = re.compile(r"[\u4e00-\u9fff]{1,6}[·•・][\u4e00-\u9fff]+")


# Tags of a word that ends a dotted name after its dot: what may follow a whole name, and
# idioms or set phrases (前不久/i), which no transliterated name is.
_AFTER_DOTTED_NAME_TAGS: Final = _AFTER_NAME_TAGS | {"i", "l"}
# jieba's count above which a word in a dotted span is a common word, not part of a
# transliterated name (驿站 271, 爱心 646; 买买提 272 passes only after a title or role).
_COMMON_IN_DOTTED: Final = 100


def _dotted_end(text: str, dot: int, end: int, lex: PeopleLexicon) -> int | None:
    """Where the name after the dot at ``dot`` ends: before a reporting verb or a character
    that ends names (买买提·艾力|介绍)."""
    k = dot + 1
    for w in jieba.lcut(text[dot + 1 : min(end, dot + 9)], HMM=False):
        if w[0] in lex.after_name or any(w.startswith(v) for v in lex.reporting):
            break
        if len(w) >= 2 and _tag(w) & _AFTER_DOTTED_NAME_TAGS:
            break  # 阿不都拉|上个月: a time word, verb or adverb after the name ends it
        if k + len(w) - dot - 1 > 6:
            break
        k += len(w)
    return k if k > dot + 1 else None


def _transliterated(side: str, strict: bool, common: int = _COMMON_IN_DOTTED) -> bool:
    """Could ``side`` be one part of a transliterated name?  Two characters or more and, where
    no title or role before it says a person follows (``strict``), no common word in it that
    is no name (中国梦·劳动美, 工会红娘·牵手有约 are slogans)."""
    if len(side) < 2:
        return False
    if not strict:
        return True
    for w in jieba.lcut(side, HMM=False):
        if len(w) >= 2 and word_freq(w) >= common and not _tag(w) & _NAME_TAGS:
            return False
    return True


def _dotted_ok(text: str, s: int, dot: int, e: int, *, strict: bool) -> bool:
    """A dotted span is a name when both sides read as one and it is not quoted (a quoted
    “X·Y” is a brand or a campaign)."""
    quoted = s > 0 and text[s - 1] == "“" and e < len(text) and text[e] == "”"
    # the part after the dot is checked even after a cue, for the commonest words (劳动者|
    # 港湾·爱心驿站 is a brand; 吐尔逊·买买提 keeps 买买提, which jieba counts 272 times)
    return (
        not quoted
        and _transliterated(text[s:dot], strict)
        and _transliterated(text[dot + 1 : e], True, _COMMON_IN_DOTTED if strict else _COMMON_PART)
    )


def _dot_in(m: re.Match[str]) -> int:
    """Where the separating dot of a ``_DOTTED`` match is."""
    return m.start() + next(k for k, c in enumerate(m.group()) if c in "·•・")


def _dotted_name_at(text: str, i: int, lex: PeopleLexicon) -> int | None:
    """End of a dotted name starting at ``i`` (after a title or a role), or None."""
    m = _DOTTED.match(text, i)
    if m is None:
        return None
    dot = _dot_in(m)
    end = _dotted_end(text, dot, m.end(), lex)
    return end if end is not None and _dotted_ok(text, i, dot, end, strict=False) else None


def _job_end(text: str, s: int) -> bool:
    """Does a job noun in 员 or 工 end right before ``s`` (安检员|买买提江), the character not
    opening a word with the next one (工|会爱心驿站)?"""
    return text[s - 1] in "员工" and word_freq(text[s - 1 : s + 1]) == 0


def _dotted_span(text: str, m: re.Match[str], lex: PeopleLexicon) -> tuple[int, int | None]:
    """A dotted name wherever printed: it starts after the title, role or stop character
    nearest the dot on its left (科长|买买提·艾力, 骑手|艾克拜尔·吐尔逊)."""
    dot = _dot_in(m)
    cues = lex.titles + lex.roles

    def cue_ends(s: int) -> bool:
        return any(text.endswith(w, 0, s) for w in cues) or _job_end(text, s)

    s = dot
    while s > m.start() and text[s - 1] not in _LEFT_STOP and not cue_ends(s):
        s -= 1
    end = _dotted_end(text, dot, m.end(), lex)
    cued = s > m.start() and cue_ends(s)  # a title or a role before the name: a person follows
    ok = end is not None and _dotted_ok(text, s, dot, end, strict=not cued)
    return s, end if ok else None


def _title_start(text: str, i: int, lex: PeopleLexicon, bodies: Sequence[AgencyMatch] = ()) -> int:
    """Where the title ending at ``i`` starts: left to a boundary, across a 、 between two
    posts (人大常委会副主任、省总工会主席), across a bracketed campus (大学（北京）) and across
    a 和 inside a body's name (人力资源和社会保障局局长)."""
    t = i
    while t > 0 and i - t < 40:
        c = text[t - 1]
        if c in "和与及" and any(b.start < t - 1 < b.end for b in bodies):
            t -= 1
            continue
        if c == "、" and any(text.endswith(w, 0, t - 1) for w in lex.titles):
            t -= 1
            continue
        if c in "）)":
            opening = max(text.rfind("（", 0, t - 1), text.rfind("(", 0, t - 1))
            if opening >= 0 and t - 1 - opening <= 6:
                t = opening
                continue
        if c in _LEFT_STOP:
            break
        t -= 1
    if t > 0 and text[t - 1] in "该此这" and text[t : t + 2] in _REFERRED:
        t += 2  # 该企业人力资源部经理: the body is referred to, not named
    return t


_REFERRED = frozenset({"企业", "公司", "单位", "集团", "工厂", "医院", "学校"})


def find_officials(text: str, agencies: list[AgencyMatch]) -> list[OfficialMatch]:
    """Every person named in ``text``: officials with their titles, then the people named
    with other cues (see the module docstring), then the repeats of all those names."""
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
        # a dotted name first: its first part may open with a surname character (艾尔肯·吐尔洪)
        end = _dotted_name_at(text, name_start, lex) or _name_at(text, name_start, lex)
        if end is None:
            i += 1
            continue
        t_start = _title_start(text, i - len(title) + 1, lex, agencies)
        agency = next((a.canonical for a in agencies if t_start <= a.start < name_start), None)
        out.append(OfficialMatch(name_start, end, text[name_start:end], text[t_start:name_start],
                                 t_start, agency))  # fmt: skip
        i = end
    return _with_repeats(text, out + _untitled(text, out, lex))


def _cue_patterns(lex: PeopleLexicon) -> tuple[re.Pattern[str], re.Pattern[str]]:
    return _patterns(lex.roles, lex.reporting)


@cache
def _patterns(
    roles: tuple[str, ...], verbs: tuple[str, ...]
) -> tuple[re.Pattern[str], re.Pattern[str]]:
    # Any job noun in 员 (设备员, 网格员) or 工 (钢筋工, 挡车工) or household noun in 户 (养殖户,
    # 脱贫户) is a role as the listed ones are; a 的 may close the role's phrase (在工地当安全员的
    # 孙建国, 在工地务工的王建军).
    before = re.compile(
        "(?:(?:" + "|".join(map(re.escape, roles)) + r"|[\u4e00-\u9fff][员户])的?|岁的"
        r"|来自[\u4e00-\u9fff]{2,8}?的)"
    )
    after = re.compile("(?:" + "|".join(map(re.escape, verbs)) + r"|(?:创新)?工作室)")
    return before, after


# An occupation in 工 (钢筋工, 挡车工, 务工的): a person's name may follow it.
_WORKER = re.compile(r"[\u4e00-\u9fff]工(的)?")


@cache
def _role_set(roles: tuple[str, ...]) -> frozenset[str]:
    """The listed roles ending in 工 as two-character words (职工, 员工, 民工 of 农民工)."""
    return frozenset(r[-2:] for r in roles if r.endswith("工"))


def _employment(m: re.Match[str]) -> bool:
    """Is the word ending in 工 a verb or noun of employment (用工, 务工, 招工), not a worker?"""
    return bool(_tag(m.group()[:2]) & {"v", "vn"}) or m.group()[:2] in ("用工", "招工", "复工")


# What opens the clause of a speaker named before a reporting verb: a closing quote, the
# end of a sentence or clause, a paragraph break.
_CLAUSE_OPEN = frozenset("”」。！？，；：\n")


def _untitled(text: str, titled: list[OfficialMatch], lex: PeopleLexicon) -> list[OfficialMatch]:
    """People named without a post: after a role noun or an age, before a reporting verb at
    a clause's start, before the studio named after them, and the rest of their list."""
    taken = [(o.start, o.end) for o in titled]

    def free(s: int, e: int) -> bool:
        return all(e <= a or b <= s for a, b in taken)

    found: list[tuple[int, int]] = []
    before, after = _cue_patterns(lex)
    for m in _DOTTED.finditer(text):
        s, e = _dotted_span(text, m, lex)
        if e is not None and free(s, e):
            found.append((s, e))
            taken.append((s, e))
    roles = _role_set(lex.roles)
    cues = list(before.finditer(text)) + [
        m
        for m in _WORKER.finditer(text)
        # 钢筋工的, 巡线工: 工 ends an occupation only where it opens no word (工|程项目,
        # 工|人) and the word before it is no verb of employment (用工|方); the listed roles
        # (职工, 员工) are cues already
        if text[m.start() : m.start() + 2] not in roles
        and (m.group(1) or (word_freq(text[m.end() - 1 : m.end() + 1]) == 0 and not _employment(m)))
    ]
    for m in cues:
        end = (
            _dotted_name_at(text, m.end(), lex)
            or _bare_name_at(text, m.end(), lex)
            or _surnameless_name_at(text, m.end())
        )
        if end is not None and free(m.end(), end):
            found.append((m.end(), end))
            taken.append((m.end(), end))
    for m in after.finditer(text):
        k = m.start()
        studio = m.group().endswith("工作室")
        for size in (3, 2, 4):
            s = k - size
            if s < 0 or _bare_name_at(text, s, lex) != k or not free(s, k):
                continue
            if not studio and s > 0 and text[s - 1] not in _CLAUSE_OPEN:
                continue
            if studio and s > 0 and word_freq(text[s - 1 : s + 1]) > 0:
                continue  # 有限公|司劳模工作室: the surname character ends a word
            found.append((s, k))
            taken.append((s, k))
            break
    for _s, e in list(found) + [(o.start, o.end) for o in titled]:
        while e < len(text) and text[e] in "、和":  # 郑国强、何文斌和邱丽华
            nxt = _bare_name_at(text, e + 1, lex)
            if nxt is None or not free(e + 1, nxt):
                break
            found.append((e + 1, nxt))
            taken.append((e + 1, nxt))
            e = nxt
    return [OfficialMatch(s, e, text[s:e], "", s, None, "other") for s, e in sorted(found)]


def _with_repeats(text: str, people: list[OfficialMatch]) -> list[OfficialMatch]:
    """All mentions in text order: the found ones plus every other printing of their names
    (kind ``official`` for a name given a post anywhere, title only where it was printed)."""
    official = {o.name for o in people if o.kind == "official"}
    taken = [(o.start, o.end) for o in people]
    out = [o if o.name not in official else _as_official(o) for o in people]
    for name in {o.name for o in people}:
        at = text.find(name)
        while at >= 0:
            end = at + len(name)
            if all(end <= a or b <= at for a, b in taken):
                kind = "official" if name in official else "other"
                out.append(OfficialMatch(at, end, name, "", at, None, kind))
                taken.append((at, end))
            at = text.find(name, end)
    return sorted(out, key=lambda o: o.start)


def _as_official(o: OfficialMatch) -> OfficialMatch:
    if o.kind == "official":
        return o
    return OfficialMatch(o.start, o.end, o.name, o.title, o.title_start, o.agency, "official")
