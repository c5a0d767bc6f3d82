"""Rate names: what a percentage measures.

NLP stage (ingest → **nlp** → search), used by ``nlp.measure_choice`` for percentages.  A
percentage measures the rate named before it in its clause (办结率, 女性会员占比, 增幅),
widened to whole words, without its scope (全区) or leading function words, and cut to its
rate word and predicate when the owner in front was cut by the pattern's length; with no rate
named, the part before 占 (农民工子女占62%).  ``unowned_amount`` drops the owner in front of an
amount of activity (书屋|年均借阅量) for every figure.
"""

from __future__ import annotations

import re

import jieba.posseg as pseg

from baoku.ingest.textclean import is_han
from baoku.nlp.measure_words import AGE_NUMBER, SCOPE, FigureLexicon, passive_verb, word_tags
from baoku.nlp.measures import subject_np

# A causative or aiming verb in front (促使案件办结率, 确保来电接通率) is not part of the
# rate's name.
# Proportion words name a share or a change in percent: 率, 比重, 占比, 比例, 增幅, 降幅….
RATE = re.compile(
    r"(?:促使|使得|使|让|将|把|确保|保证|力争|争取)*"
    r"([\u4e00-\u9fff]{2,6}?(?:率|比重|占比|比例|[增降涨]幅|增速)|占比)"
)


# 占 as the verb of a share (not 占比, a proportion word, nor 占地 / 占用).
_SHARE = re.compile(r"[约近超逾仅]?占(?![比地用有])")

# An age band whose number opens it (60岁以上, 3岁以下).
_AGE_BAND = re.compile(r"(?:[0-9０-９]+|[一二两三四五六七八九十]+)岁以[上下]")


def whole_words(text: str, m: re.Match[str], clause: int) -> str:
    """The rate name of ``m`` widened to whole jieba words (农民工实名制覆盖率, not
    工实名制覆盖率), when the wider name stays short."""
    start = m.start(1)
    age = AGE_NUMBER.search(text, max(clause, start - 3), start) if m.group(1)[0] == "岁" else None
    if age is not None and age.end() == start:
        return text[age.start() : m.end(1)]  # 3|岁以下婴幼儿占比: an age band is kept whole
    band = _AGE_BAND.search(text, max(clause, start - 8), m.end(1))
    if band is not None and band.start() < start <= band.end():
        return text[band.start() : m.end(1)]  # 60岁以上|老年会员占比: so is one before the name
    at = max(0, clause)
    for w in pseg.lcut(text[at : m.end(1)], HMM=False):
        if at < start < at + len(w.word):
            return text[at : m.end(1)] if m.end(1) - at <= 10 else text[at + len(w.word) : m.end(1)]
        at += len(w.word)
    if start > clause and text[start - 1] == "被":
        first = pseg.lcut(m.group(1), HMM=False)[0]
        if passive_verb(first.word, first.flag):
            return "被" + m.group(1)  # 被|征地农民参保率: the passive 被 opens the owner
    return m.group(1)


def rate_content(name: str) -> str | None:
    """``name`` without leading function words (其中|女性会员占比 → 女性会员占比)."""
    words = pseg.lcut(name, HMM=False)
    disposal = max((k for k, w in enumerate(words) if w.word in ("将", "把")), default=-1)
    if 0 <= disposal < len(words) - 1:
        words = words[disposal + 1 :]  # 平台|将|最高抽成比例: the subject is no part of the rate
    k = 0
    while (
        k < len(words) - 1
        and (
            words[k].flag in ("r", "c", "p", "u", "uj", "f")
            or (words[k].flag == "d" and len(words[k].word) == 1)
        )
        and not _passive(words, k)
    ):
        k += 1  # 以上|企业建会率: a localizer belongs to the phrase before; 非公 (jieba's d)
        # is a modifier, a one-character adverb is not
    out = "".join(w.word for w in words[k:])
    return out if len(out) >= 2 else None


def _passive(words: list[pseg.pair], k: int) -> bool:
    """被|派遣|劳动者占比: 被 before a verb is a passive participle inside the owner phrase
    (the dispatched workers), no preposition to drop."""
    return words[k].word == "被" and k + 1 < len(words) and passive_verb(*words[k + 1])


# Proportion words of a share of a whole (its owner is the part).
_SHARE_WORDS = ("占比", "比重", "比例")


# Proportion words that name a measure on their own (占比, 比例, 增幅); 率 is bound and needs
# the predicate it rates (建会|率, 调解成功|率).
_FREE_RATE = re.compile(r"(?:比重|占比|比例|[增降涨]幅|增速)$")


# Tags of words that stand inside a noun phrase in front of its head (新|就业形态, 在建|工程).
_INSIDE_NP = ("n", "nz", "vn", "a", "b", "v", "l", "j")


def cut_owner(before: str, lex: FigureLexicon, *, share: bool = False) -> bool:
    """Does the word right before a rate name belong to the same noun phrase (新|就业形态岗位占比,
    在建|工程项目开户率), so the pattern's length limit cut the owner in two?"""
    words = pseg.lcut(before, HMM=False)
    if not words:
        return False
    w, t = words[-1].word, words[-1].flag
    if share and (w in _MISFILED_MODIFIERS or w in ("和", "及", "与")):
        # a share's owner (占比): 一线/m, 外来/f are modifiers jieba files as a numeral or a
        # localizer; 一线职工和|农民工学员占比: a conjunction joins the owner to a conjunct the
        # pattern left out.  (A rate keeps its nearest owner: 一线|职工平均工资增幅.)
        return True
    predicate = w in lex.verb_set or w in lex.filler_set or w in lex.change_verbs
    return is_han(w[-1]) and t in _INSIDE_NP and not predicate and w not in SCOPE


# Modifiers of a noun that jieba files as numerals or localizers (一线|职工, 外来|务工人员).
_MISFILED_MODIFIERS = frozenset({"一线", "外来", "外地", "本地", "外省"})


def rate_core(rate: str) -> str:
    """就业形态岗位占比 → 占比, 工程项目开户率 → 开户率: a rate named by its rate word and the
    predicate it rates; the nouns in front say whose rate it is.  Used when the owner was cut,
    since half an owner names nothing."""
    free = _FREE_RATE.search(rate)
    if free is not None:
        return free.group()
    if not rate.endswith("率") or len(rate) < 3:
        return rate
    words = pseg.lcut(rate[:-1], HMM=False)
    k = len(words) - 1  # 率 always takes the word before it (开户|率, 认定|率)
    while k > 0 and words[k - 1].flag in ("v", "vd") and words[k - 1].word not in SCOPE:
        k -= 1  # 调解|成功|率, 建|会|率: the predicate's verbs before it are part of the name
    return "".join(w.word for w in words[k:]) + "率"


def unowned_amount(measure: str | None) -> str | None:
    """书屋|年均借阅量 → 年均借阅量: a verb + 量 names an amount of activity; nouns in front say
    whose it is (the owner, like the owner of a rate), modifiers (年均, 直播) stay."""
    if not measure or not measure.endswith("量") or len(measure) < 4:
        return measure
    words = pseg.lcut(measure, HMM=False)
    if len(words) < 3 or words[-1].word != "量" or words[-2].flag != "v":
        return measure  # 案件调处|质量, 用工|量: no verb's amount
    k = 0
    while k < len(words) - 2 and words[k].flag in ("n", "nz", "ns", "nr"):
        k += 1
    return "".join(w.word for w in words[k:])


def unscoped(rate: str) -> str:
    """全区调解成功率 → 调解成功率: the scope says where, the rate is what is measured."""
    for scope in SCOPE:
        if rate.startswith(scope) and len(rate) - len(scope) >= 2:
            return rate[len(scope) :]
    return rate


def rate_of_percent(
    text: str, s_start: int, offset: int, lex: FigureLexicon
) -> tuple[str | None, str | None]:
    """What the percentage at ``offset`` measures, read in its clause (a 、 bounds it too),
    and the 占 phrase before it if any (约占: the caller reads its approximation)."""
    clause = max(text.rfind(c, s_start, offset) for c in "，；：、") + 1
    found = list(RATE.finditer(text, max(s_start, clause), offset))
    rate = unscoped(whole_words(text, found[-1], clause)) if found else None
    share_word = bool(rate) and rate.endswith(_SHARE_WORDS)  # type: ignore[union-attr]
    # 涉及平台用工的|案件占比: a share whose owner a relative clause opens was cut at its 的
    # (a rate after 的 names itself whole: 全省农民工的|工资支付率)
    owner_cut = share_word and "的" in rate[:-2]  # type: ignore[index]
    rate = rate_content(rate.rpartition("的")[2]) if rate else None
    if rate and (
        owner_cut
        or cut_owner(
            text[max(s_start, clause) : found[-1].end(1) - len(rate)], lex, share=share_word
        )
    ):
        rate = rate_core(rate)
    share = _SHARE.search(text, max(s_start, clause), offset)
    if rate is None and share is not None:
        # 农民工子女占62% / 女职工人数约占职工总数的45%: with no linking verb, the part named
        # before 占 is what the share is of
        part = text[max(s_start, clause) : share.start()].removeprefix("其中")
        if part.endswith("的") and 3 <= len(part) <= 12 and all(is_han(c) for c in part):
            # 其中|通过调解结案的|占六成: a headless 的-phrase is the part itself
            rate = part
        else:
            rate = subject_np(word_tags(part, lex), lex)
    return rate, share.group() if share is not None else None
