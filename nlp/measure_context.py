"""Sentence look-ups for a figure's measure: what the sentence named before the number.

NLP stage (ingest → **nlp** → search), used by ``nlp.measure_choice`` when a figure's own
phrase names nothing: the last person noun before it (``people_before``), the set a 'X中，'
frame or a 'X中(…的)有' group draws from (``frame_set``, ``group_of``), what the sentence's
earlier figure of the same unit counted (``same_kind``), and the i-th item of a list matched to
the i-th amount after 分别 (``respectively``).
"""

from __future__ import annotations

import re
from bisect import bisect_left
from collections.abc import Sequence
from itertools import accumulate

from baoku.ingest.textclean import is_han
from baoku.nlp.cohesion import a_person
from baoku.nlp.measure_words import (
    ADVERBIAL,
    COMPARE,
    CONJ,
    NEGATION,
    NUMERALS,
    SCOPE,
    FigureLexicon,
    clause_start,
    figure_lexicon,
    nounish,
    word_tags,
)
from baoku.nlp.measures import subject_np
from baoku.nlp.places import find_places
from baoku.nlp.quantities import Quantity

# 入会司机中，… / 在已调解的案件中，…: the set the sentence's counts are drawn from.
_FRAME = re.compile(r"(?:在)?([\u4e00-\u9fff]{2,10}?)中[，,]")


# The paper's own staff (记者日前从…获悉) report the figures; they are never counted.
_NEWS_STAFF = frozenset({"记者", "通讯员", "本报记者", "见习记者"})


def people_before(text: str, s_start: int, offset: int, lex: FigureLexicon) -> str | None:
    """The last person noun printed before ``offset`` in the sentence (with one modifier:
    参保的|困难职工 → 困难职工)."""
    toks = word_tags(text[max(s_start, offset - 40) : offset], lex)
    k = max(
        (
            k
            for k, (w, t) in enumerate(toks)
            if a_person(w) and t[0] in "nl" and w not in _NEWS_STAFF
        ),
        default=-1,
    )
    if k < 0:
        return None
    word = toks[k][0]
    left = toks[k - 1] if k > 0 else ("", "x")
    if (left[1] in ("n", "a", "b") or (left[1] == "m" and nounish(*left, lex))) and left[
        0
    ] not in SCOPE:
        # 一线|职工 (a numeral-filed noun) is a modifier; 8900|余人次|职工 is a count
        word = toks[k - 1][0] + word  # 困难|职工, 一线|职工
    return word


def frame_set(text: str, s_start: int, offset: int, lex: FigureLexicon) -> str | None:
    """The set a 'X中，' frame names before ``offset``, opening the sentence or a clause
    after a report (据…统计，在办理的案件中，…)."""
    at = s_start
    while at < offset:
        frame = _FRAME.match(text, at)
        if frame is not None and frame.end() <= offset:
            return subject_np(word_tags(frame.group(1), lex), lex)
        comma = text.find("，", at, offset)
        if comma < 0:
            return None
        at = comma + 1
    return None


# 'X中有N' / 'X中…的有N' / 'X中已有N': a part of a group counted inside it.
_IN_GROUP = re.compile(r"中(?:(?:[^，。；：中]{0,12}的)?(?:已|共|还|仍)?有|的)$")
# 'X中，…的有N': the group as a frame of its own clause, before the part's clause.
_IN_GROUP_FRAME = re.compile(r"中，(?:[^，。；：中]{0,12}的)?有$")


_DEMONSTRATIVES = frozenset({"上述", "这些", "此类", "该类", "以上"})


def group_of(
    text: str, s_start: int, offset: int, lex: FigureLexicon, *, framed: bool = False
) -> str | None:
    """The group X of 'X中(…的)有N' right before ``offset`` (with ``framed``, of 'X中，…的有N'),
    from its clause's start (time and scope words left out); long groups keep what follows
    their last 的."""
    m = (_IN_GROUP_FRAME if framed else _IN_GROUP).search(text, max(s_start, offset - 16), offset)
    if m is None:
        return None
    toks = word_tags(text[clause_start(text, s_start, m.start()) : m.start()], lex)
    while toks and (toks[0][1] in ADVERBIAL or toks[0][0] in SCOPE or toks[0][1] == "m"):
        toks = toks[1:]  # 截至…，全区|已建会的非公企业中: time and scope say where and when
    last_p = max((k for k, (_, t) in enumerate(toks) if t == "p"), default=-1)
    toks = toks[last_p + 1 :]  # 检察院|对|上述案件中的7起: the group is the preposition's object
    while toks and (toks[0][1] in ("r", "rz") or toks[0][0] in _DEMONSTRATIVES):
        toks = toks[1:]  # 上述|案件: a demonstrative points at the group, it is no part of it
    if not toks or not (nounish(*toks[-1], lex) or a_person(toks[-1][0])):
        return None  # (获奖|选手 中有: jieba files 选手 as a verb)
    words = [w for w, _ in toks]
    while len("".join(words)) > 14 and "的" in words:
        words = words[words.index("的") + 1 :]
    word = "".join(words)
    return word if len(word) >= 2 and all(is_han(c) for c in word) else None


def a_place(word: str) -> bool:
    """Is ``word`` one place name, whole (石嘴山市)?"""
    places = find_places(word)
    return len(places) == 1 and places[0].start == 0 and places[0].end == len(word)


def _conjunct_pieces(word: str, tag: str) -> list[tuple[str, str]]:
    """A word of a coordination split where conjuncts line up: a kind's 类 stands apart
    (社会保险、劳动合同|类|投诉), and a list jieba's dictionary holds as one word is cut at its
    conjunctions (国家级、省级和市级)."""
    if len(word) > 2 and word.endswith("类"):
        return [(word[:-1], "n"), ("类", "q")]
    if "、" in word:
        return [(p, "c" if p in ("、", "和") else tag) for p in re.split("(、|和)", word) if p]
    return [(word, tag)]


def same_kind(
    q: Quantity, earlier: Sequence[tuple[str, str | None]], lex: FigureLexicon
) -> str | None:
    """What the sentence's last earlier figure of ``q``'s unit (people units as one) counted."""
    people = q.unit in lex.people_units
    for unit, measure in reversed(earlier):
        if measure and (unit == q.unit or (people and unit in lex.people_units)):
            return measure
    return None


def respectively(
    text: str,
    q: Quantity,
    quantities: Sequence[Quantity],
    starts: list[int],
    s_start: int,
    earlier: list[tuple[int, str | None]],
) -> str | None:
    """借阅量45万人次，人均借阅图书6.2本，分别比上年增长12%和8%: the i-th of the changes
    listed after 分别 and a comparison counts what the i-th of the figures before it counted."""
    at = text.rfind("分别", s_start, q.start)
    if at < 0:
        return None
    cs = clause_start(text, s_start, at)
    bare = not text[cs:at].strip() and cs > s_start  # ，分别有…: the list names no subjects
    spread = _SPREAD.search(text, clause_start(text, s_start, cs - 1), at) if bare else None
    if spread is not None and text[spread.end() : at].count("，") <= 1:
        # 劳务品牌主要集中在河池、百色、玉林等市，分别有21个…: the places say where; what each
        # of them has is the subject spread over them
        lex = figure_lexicon()
        subject = subject_np(word_tags(spread.group(1), lex), lex)
        if subject is not None:
            return subject
    k = bisect_left(starts, at)
    if not COMPARE.search(text, at, q.start):
        each = _each_subject(text, q, quantities, k, s_start, at)
        if each is not None or not COMPARE.search(text, clause_start(text, s_start, at), at):
            return each
        # 代理案件63件，挽回损失412.5万元，同比分别增长12.5%和20.3%: with no coordinated
        # subject before the comparison, the changes follow the figures before them in order
    group = [quantities[k]] if k < len(quantities) else []
    for o in quantities[k + 1 :]:
        if text[group[-1].end : o.start].strip("和及与、, ") != "":
            break
        group.append(o)
    before = [m for st, m in earlier if st < at]
    if q not in group or len(before) < len(group) or len(group) < 2:
        return None
    return before[len(before) - len(group) + group.index(q)]


# Linking verbs between 分别 and a list of amounts (分别占17%和9%, 分别为300元、500元), and
# change verbs after a comparison printed before 分别 (人数和金额同比分别增长46%和52%).
_LINKS = re.compile(
    r"(?:占|为|是|达|达到|有|约|超过|约占|支出|投入|发放|拨付|用于|占[\u4e00-\u9fff]{1,10}的)"
)


_CHANGES = re.compile(r"(?:增长|增加|提高|上升|下降|减少|降低)了?")

# A subject spread over places listed after it (劳务品牌主要集中在河池、百色…).
_SPREAD = re.compile(r"([\u4e00-\u9fff]{2,12}?)(?:主要|大多|多)?(?:集中在|集中于|分布在|分布于)")

# A predicate that ranks the clause's subjects (位居前三, 排名前五位, 最为集中), ending its clause.
_RANKING = re.compile(
    r"(?:(?:位居|位列|排名|排在|居)前[二三四五六七八九十]+(?:位|名)?|最为集中|较为集中|最多|居多"
    r"|是[两二三四五六七八九十](?:类|个|项|大)[\u4e00-\u9fff]{1,8})$"  # …是三类突出问题
)


def _joined(conjunct: str, shared: str) -> str:
    """A conjunct and the head it shares, without printing twice what it already ends with
    (市政工程 + 工程项目 → 市政工程项目, 煤矿事故 + 事故 → 煤矿事故)."""
    k = max((k for k in range(1, len(shared) + 1) if conjunct.endswith(shared[:k])), default=0)
    return conjunct + shared[k:]


def _each_subject(
    text: str, q: Quantity, quantities: Sequence[Quantity], k: int, s_start: int, at: int
) -> str | None:
    """困难帮扶和就业求助分别占17%和9%: with a linking verb after 分别, the i-th amount is of
    the i-th of the coordinated subjects; a quantity noun printed once after the last of them
    is shared (女职工和农民工入会人数 → 女职工入会人数, 农民工入会人数)."""
    if k >= len(quantities):
        return None
    link = text[at + 2 : quantities[k].start]
    compared = COMPARE.search(text, clause_start(text, s_start, at), at)
    if not (_LINKS.fullmatch(link) or (compared and _CHANGES.fullmatch(link))):
        return None
    group = [quantities[k]]
    for o in quantities[k + 1 :]:
        if text[group[-1].end : o.start].strip("和及与、, ") != "":
            break
        group.append(o)
    if q not in group or len(group) < 2:
        return None
    lex = figure_lexicon()
    cs = clause_start(text, s_start, at)
    subjects = text[cs:at]
    if not subjects.strip() and cs - 1 > s_start:
        # 确认劳动关系纠纷、…和劳动报酬纠纷位居前三，分别为986件、…: a ranking clause names
        # the subjects a bare 分别 list goes on to give
        prev = clause_start(text, s_start, cs - 1)
        ranked = _RANKING.search(text, prev, cs - 1)
        ranked_subjects = "" if ranked is None else text[prev : ranked.start()]
        if not any(t == "ns" for _, t in word_tags(ranked_subjects, lex)):
            # (广州、深圳、东莞投入资金位居前三: places rank by the one thing they share)
            subjects = ranked_subjects
    toks = [piece for w, t in word_tags(subjects, lex) for piece in _conjunct_pieces(w, t)]
    while toks and (toks[0][1] in ADVERBIAL or toks[0][0] in SCOPE or toks[0][0] in lex.filler_set):
        toks = toks[1:]  # 今年，全市|…: time and scope words are no conjunct
    while toks and COMPARE.fullmatch(toks[-1][0]):
        toks = toks[:-1]  # 人数和金额|同比|分别增长: the comparison is no conjunct
    conjuncts: list[list[str]] = [[]]
    bracket = False
    for w, t in toks:
        if w in "（(" or bracket:
            bracket = w not in "）)"  # 乡镇（街道）工会: a bracketed note stays in its conjunct
            conjuncts[-1].append(w)
        elif w in ("“", "”", "+", "＋"):
            conjuncts[-1].append(w)  # 和|“疗休养+技能研修”: a quoted name is one conjunct
        elif w in CONJ:
            conjuncts.append([])
        elif nounish(w, t, lex) or t.startswith("v") or t in ("a", "b"):
            conjuncts[-1].append(w)
        elif w in NEGATION and t == "d":
            conjuncts[-1].append(w)  # 未|签订书面劳动合同: a negated act is one conjunct
        elif w == "类" and conjuncts[-1]:
            conjuncts[-1].append(w)  # 工伤待遇|类|案件: a kind's word stays in its conjunct
        elif t == "m" and len(w) == 1 and w in NUMERALS:
            conjuncts[-1].append(w)  # 一、二、三等奖: ordinals sharing the rest of the last
        else:
            return None  # not a plain coordination of nouns
    if len(conjuncts) != len(group) or any(not c for c in conjuncts):
        return None
    if all(a_place("".join(c)) for c in conjuncts):
        return None  # 其中银川市、石嘴山市分别为…: places say where, not what is counted
    last = conjuncts[-1]
    shared = ""
    widths = {len("".join(c)) for c in conjuncts[:-1]}
    ends = list(accumulate(len(w) for w in last))
    if len(widths) == 1 and widths <= set(ends[:-1]):
        # 失业保险、工伤保险|参保人数: parallel modifiers print alike, so the last conjunct's
        # words past the length of the others (jieba may cut them apart: 生育|保险) are the head
        shared = "".join(last[ends.index(widths.pop()) + 1 :])
    elif all("".join(c).endswith("级") for c in conjuncts[:-1]) and "级" in "".join(last)[1:-1]:
        # 国家级、省级和市级|工作室: levels listed before the last one's noun share it
        shared = "".join(last).split("级", 1)[1]
    elif "类" in last[1:-1]:
        shared = "".join(last[last.index("类") :])  # 追索劳动报酬和工伤待遇|类案件: kinds
    elif all(len(c) == 1 and c[0] in NUMERALS for c in conjuncts[:-1]) and last[0][0] in NUMERALS:
        shared = "".join(last)[1:]  # 一、二、三等奖: numerals before the last share its rest
    elif len(last) > 1 and all(len(c) == 1 for c in conjuncts[:-1]):
        # 建筑业和餐饮业|一线职工工资平均增幅: one-word conjuncts before a longer last one are
        # coordinated modifiers; they share the rest of the last one, its head
        shared = "".join(last[1:])
    names = [_joined("".join(c), shared) for c in conjuncts[:-1]] + ["".join(last)]
    name = names[group.index(q)]
    return name if len(name) >= 2 else None
