"""The word level of measure reading: jieba words with their tags corrected, and word classes.

NLP stage (ingest → **nlp** → search), under ``nlp.measures`` and ``nlp.measure_choice``.
``word_tags`` segments a clause piece without HMM and mends the cuts that matter for measures
(a verb glued to its object, an unknown word left as single characters, a noun suffix filed as
a verb); ``nounish`` and ``verbish`` say whether a word can stand in a noun phrase or a
predicate, the lexicon (``FigureLexicon``, from ``nlp/data/figures.toml``) overruling jieba's
tags.  The word sets shared by the readings above (scope, linking, distributive, money words)
live here too.
"""

from __future__ import annotations

import re
import tomllib
from dataclasses import dataclass
from functools import cache
from importlib import resources

import jieba.posseg as pseg

from baoku.ingest.textclean import is_han


@dataclass(frozen=True, slots=True)
class FigureLexicon:
    case_words: tuple[str, ...]
    case_units: frozenset[str]
    people_units: frozenset[str]
    verbs: tuple[str, ...]
    after_verbs: tuple[str, ...]
    fillers: tuple[str, ...]
    verb_set: frozenset[str]
    after_verb_set: frozenset[str]
    filler_set: frozenset[str]
    change_verbs: frozenset[str]
    nominal_verbs: frozenset[str]
    money_verbs: frozenset[str]
    case_set: frozenset[str]
    case_heads: tuple[str, ...]
    case_documents: tuple[str, ...]
    procedures: tuple[str, ...]
    serial_verbs: frozenset[str]
    docket_acts: frozenset[str]
    terms: re.Pattern[str]
    object_verbs: frozenset[str]


@cache
def figure_lexicon() -> FigureLexicon:
    raw = (resources.files("baoku.nlp") / "data" / "figures.toml").read_text(encoding="utf-8")
    d = tomllib.loads(raw)
    d["verbs"] = [*d["verbs"], *d["object_verbs"]]
    return FigureLexicon(
        tuple(d["case_words"]),
        frozenset(d["case_units"]),
        frozenset(d["people_units"]),
        tuple(sorted(set(d["verbs"]), key=len, reverse=True)),
        tuple(d["after_verbs"]),
        tuple(sorted(set(d["fillers"]), key=len, reverse=True)),
        frozenset(v for v in d["verbs"] if len(v) > 1),
        frozenset(d["after_verbs"]),
        frozenset(d["fillers"]),
        frozenset(d["change_verbs"]),
        frozenset(d["nominal_verbs"]),
        frozenset(d["money_verbs"]),
        frozenset(d["case_words"]),
        # a bare 案 only leads a word; a docket act heads a case figure's measure too
        tuple(w for w in [*d["case_words"], *d["docket_acts"]] if w != "案"),
        tuple(d["case_documents"]),
        tuple(d["procedures"]),
        frozenset(d["serial_verbs"]),
        frozenset(d["docket_acts"]),
        _terms_pattern(d["terms"], d["modifier_terms"], d["verb_terms"]),
        frozenset(d["object_verbs"]),
    )


def noun_term(word: str, lex: FigureLexicon) -> bool:
    """Is ``word`` one of the lexicon's fixed noun terms (新就业形态, 疗休养)?  The terms pattern
    also holds modifiers, verbs and 其中, told apart by the group that matched."""
    m = lex.terms.fullmatch(word)
    return m is not None and m.lastgroup == "n"


def _terms_pattern(terms: list[str], modifiers: list[str], verbs: list[str]) -> re.Pattern[str]:
    """Fixed words, each group named by the tag it takes: noun terms (a legal term may carry
    涉嫌, suspected of), modifiers and verbs (regular expressions, as the lexicon guards some
    from the longer words they open), and 其中."""

    def alts(words: list[str], escape: bool) -> str:
        return "|".join(re.escape(w) if escape else w for w in sorted(words, key=len, reverse=True))

    return re.compile(
        rf"(?P<n>(?:涉嫌)?(?:{alts(terms, True)}))|(?P<b>{alts(modifiers, False)})"
        rf"|(?P<v>{alts(verbs, True)})|(?P<r>其中)"
    )


BOUNDARY = frozenset("，。；：！？、,;:!?（）()“”‘’《》\n 　")


# Times jieba glues to 较 (较前年, 较上年): the comparison is a preposition and its time.
_COMPARED_TIMES = frozenset({"前年", "去年", "上年", "往年", "今年", "明年", "上月", "同期"})


# Verbs jieba's dictionary files as proper names that modify a noun as often as they end a
# phrase (申报材料, 46家单位|申报|…), so they stay out of the verb lexicon.
_VERBS_FILED_AS_NAMES = frozenset({"申报"})


def word_tags(window: str, lex: FigureLexicon) -> list[tuple[str, str]]:
    """jieba words with part-of-speech tags; windows are a clause piece, so this stays cheap.

    jieba keeps some verb-object pairs as one word (签订合同, 解决矛盾); a word that starts
    with a lexicon verb is split so the object can be the measure.
    """
    term = lex.terms.search(window)
    if term is not None:
        # a fixed term is one noun however jieba cuts it (拒不|支付|劳动报酬), and 其中 one
        # word even where the dictionary reads 其|中外 (其中外地职工)
        return [
            *word_tags(window[: term.start()], lex),
            (term.group(), term.lastgroup or "n"),
            *word_tags(window[term.end() :], lex),
        ]
    out: list[tuple[str, str]] = []
    for w in pseg.lcut(window, HMM=False):
        word, tag = w.word, w.flag
        # 培训|基地 stays whole: a facility noun after the verb names where it is done, it is
        # no object of it (培训基地, 代理中心 are places, 签订合同 a verb and its object)
        split = (
            word[:2] in lex.verb_set
            and word not in lex.verb_set
            and not word.endswith(FACILITY_HEADS)
        )
        if len(word) >= 3 and split and word[2:] not in _NOMINAL_SUFFIX:  # 调解员 stays
            out += [(word[:2], "v"), (word[2:], "n")]
        elif _glued_verb(word, out):
            # 追|发工资: jieba glues a one-character verb to its object; the two verb
            # characters are one verb (追发) and the rest is the noun.
            out[-1] = (out[-1][0] + word[0], "v")
            out.append((word[1:], "n"))
        elif _resplit(word, tag, out):
            # 获奖|金 → 获|奖金: the longest-match segmenter took a verb too many characters;
            # the dictionary's noun right before what follows is the better cut.
            verb = out[-1][0]
            out[-1] = (verb[:-1], "v")
            out.append((verb[-1] + word, pseg.dt.word_tag_tab[verb[-1] + word]))
        elif (
            len(word) >= 4
            and word[2:] in lex.change_verbs
            and pseg.dt.word_tag_tab.get(word[:2], "") in ("d", "ad")
        ):
            # 普遍提高, 大幅增长: jieba keeps an adverb and a change verb as one idiom
            out += [(word[:2], "d"), (word[2:], "v")]
        elif len(word) >= 3 and word[0] in "再又还" and word[1:] in lex.change_verbs:
            out += [(word[0], "d"), (word[1:], "v")]  # 再压缩: again, and the change
        elif len(word) >= 3 and word[0] == "较" and word[1:] in _COMPARED_TIMES:
            out += [("较", "p"), (word[1:], "t")]  # 较前年: the comparison and its time
        elif len(word) > 2 and word[:2] in ("通过", "经过"):
            # 通过培训/nr: jieba's dictionary glues the preposition to its object
            out += [(word[:2], "p"), (word[2:], pseg.dt.word_tag_tab.get(word[2:], "n"))]
        elif word == "类" and out and out[-1][1][0] in "nvl" and len(out[-1][0]) >= 2:
            out[-1] = (out[-1][0] + word, "n")  # 社保补缴|类, 职业技能|类: a kind's name
        elif word in ("上", "下") and out and out[-1][0] == "线":
            out[-1] = ("线" + word, "s")  # 线|上 → 线上: online, jieba's dictionary lacks it
        elif (
            word in ("上", "下")
            and out
            and len(out[-1][0]) == 2
            and out[-1][0][1] == "线"
            and pseg.dt.word_tag_tab.get(out[-1][0][0], "") in ("d", "p")
        ):
            # 共线|上 → 共|线上: an adverb or preposition glued to 线 by the dictionary (共线)
            out[-1] = (out[-1][0][0], pseg.dt.word_tag_tab[out[-1][0][0]])
            out.append(("线" + word, "s"))
        elif word != "补" and len(word) == 1 and tag == "v" and out and out[-1] == ("补", "v"):
            out[-1] = ("补" + word, "v")  # 补|签, 补|交: 补 (make up for) and a verb are one verb
        elif (
            word == "位"
            and out
            and out[-1][1] == "v"
            and len(out[-1][0]) == 1
            and out[-1][0] not in "有是为"
        ):
            out[-1] = (out[-1][0] + word, "n")  # 托|位, 床|位: a verb and 位 name a slot
        elif word in _NOMINAL_SUFFIX and out and out[-1][1] in ("v", "vn") and len(out[-1][0]) == 2:
            out[-1] = (out[-1][0] + word, "n")  # 调解|员, 慰问|金: a verb and a noun suffix
        elif (
            word in _NOMINAL_SUFFIX
            and (tag.startswith("v") or tag == "m")
            and out
            and out[-1][1] in ("n", "l")
        ):
            # 医疗保险|费, 风险|点: jieba files the suffix as a verb or a numeral
            out[-1] = (out[-1][0] + word, "n")
        elif tag in ("ns", "nr", "nz", "nt") and (
            word in lex.verb_set
            # (申报企业 opens with its verb as a modifier; after a noun it is the predicate)
            or (word in _VERBS_FILED_AS_NAMES and out and out[-1][1].startswith("n"))
        ):
            out.append((word, "v"))  # 新建/ns, 单位|申报/nz: a verb is no proper name
        else:
            out.append((word, tag))
    if len(out) >= 2 and out[-1][1] == "v" and len(out[-1][0]) == 1 and out[-2][1] == "a":
        # 清凉|包3000份: an adjective modifies a noun, so the one character after it that
        # jieba files as a verb, right before the number, is the head noun (清凉包)
        word = out.pop()[0]
        out[-1] = (out[-1][0] + word, "n")
    for k in range(len(out) - 1):
        if out[k] in (("多", "m"), ("少", "m")) and out[k + 1][1] == "v":
            out[k] = (out[k][0], "d")  # 多|存入|公积金: more or less of an act is an adverb
    return _join_unknown(_retag_pieces(out))


def _retag_pieces(out: list[tuple[str, str]]) -> list[tuple[str, str]]:
    """Pieces jieba's dictionary cuts or files wrongly inside a noun phrase."""
    fixed: list[tuple[str, str]] = []
    for k, (w, t) in enumerate(out):
        nxt = out[k + 1] if k + 1 < len(out) else ("", "x")
        if (w, t) in (("涉", "v"), ("外", "f")) and nxt[1].startswith("n"):
            fixed.append((w, "b"))  # 涉|薪|案件, 外|省籍|船员: a modifier of the noun after it
        elif len(w) >= 3 and w[0] in "可能" and pseg.dt.word_tag_tab.get(w[1:], "").startswith("v"):
            fixed += [(w[0], "v"), (w[1:], "v")]  # 可兑换: the modal and its verb, glued
        elif w[0] == "零" and len(w) >= 3 and t in ("m", "mq"):
            fixed.append((w, "n"))  # 零部件, 零配件: a noun, not the numeral zero
        elif fixed and fixed[-1] == ("新", "a") and w == "设":
            fixed[-1] = ("新设", "v")  # 新|设: one verb (newly set up), as 新建 is
        elif (
            (w, t) == ("一次性", "d")
            and nxt[1] in ("n", "a", "b", "nz", "l")
            and not (out[k + 2][1] if k + 2 < len(out) else "").startswith("v")
        ):
            # 一次性|伤残|补助金: a modifier of a noun phrase; before a verb (一次性|奖励,
            # 一次性|技能|提升|奖励) jieba's adverb reading is kept
            fixed.append((w, "b"))
        elif (
            t == "m"
            and len(w) == 2
            and w[1] == "类"
            and w[0] in NUMERALS
            and nxt[1] == "n"
            and not (fixed and fixed[-1][0] in ("、", "和", "及"))
        ):
            # 一类|地区: a numbered category labels the noun after it; the last of a list of
            # them (一类、二类、三类|地区) stays a numeral, so the list is no part of the measure
            fixed.append((w, "b"))
        elif (
            w.endswith("级")
            and len(w) <= 4
            and len(fixed) >= 2
            and fixed[-1][0] in ("、", "和", "及", "与")
            and (fixed[-2][0] in _LEVELS or fixed[-2][0].endswith("级"))
        ):
            # 省、市级 / 全国和省部级 (劳动模范): coordinated levels are one modifier
            lead = fixed[-2][0]
            fixed[-2:] = [(lead + fixed[-1][0] + w, "b")]
        elif w in ("出", "去", "掉") and t == "v" and fixed and fixed[-1][1] == "v":
            # 评选|出, 花|去: a verb and its directional complement are one verb
            fixed[-1] = (fixed[-1][0] + w, "v")
        elif fixed and fixed[-1] == ("并", "c") and t in ("n", "vn"):
            fixed.append((w, "v"))  # 查找并|报告: 并 joins predicates, so a verb follows it
        elif fixed and fixed[-1] == ("全", "a") and w in ("地区", "旗"):
            fixed[-1] = ("全" + w, "n")  # 全|地区, 全|旗: the whole area, as 全市 is
        elif fixed and w == "户" and t == "q" and fixed[-1][1] == "v" and len(fixed[-1][0]) == 2:
            fixed[-1] = (fixed[-1][0] + w, "n")  # 脱贫|户, 养殖|户: a household noun
        else:
            fixed.append((w, t))
    return fixed


# Levels of government a level word (省级, 市级) may be coordinated with (省、市级, 全国和省部级).
_LEVELS = frozenset({"全国", "国家", "省", "市", "县", "区", "乡", "镇", "中央"})


# Heads of facility nouns (a base, centre, station, point, room, hall) and of a class formed
# for a course (班): a verb before one names the activity it is for (培训基地, 服务中心,
# 调解室, 培训班).
FACILITY_HEADS = ("基地", "中心", "站", "点", "室", "馆", "所", "班")


# Characters that stand alone as function words; a run of single characters without them is
# a word jieba's dictionary lacks.
_FUNCTION_CHARS = frozenset(
    "的了在和与及为对等共已将又也都还并每各是有把被从向给让使于由以之而或其该本此这那个名人可能就"
)


# Modal verbs (can, may, will): auxiliaries that stand before a predicate, never inside a
# noun phrase, so the word after them is the predicate (每人|可|领取|误餐补助).
MODALS = frozenset({"可", "能", "可以", "能够", "会", "要", "应", "可望", "有望"})


_LINKING_CHARS = frozenset("达超逾近约至到")


def _join_unknown(toks: list[tuple[str, str]]) -> list[tuple[str, str]]:
    """网|约|车 → 网约车: without HMM, jieba leaves a word it does not know as single
    characters; three or more in a row, none a function word, are one noun."""
    out: list[tuple[str, str]] = []
    k = 0
    while k < len(toks):
        j = k
        while (
            j < len(toks)
            and len(toks[j][0]) == 1
            and is_han(toks[j][0])
            and toks[j][0] not in _FUNCTION_CHARS
            and toks[j][0] not in NUMERALS
        ):
            j += 1
        while j - k >= 3 and toks[j - 1][0] in _LINKING_CHARS:
            j -= 1  # 点|赞|数|达: a linking verb before the number ends the run
        if j - k >= 3:
            out.append(("".join(w for w, _ in toks[k:j]), "n"))
            k = j
        else:
            out.append(toks[k])
            k += 1
    return out


def _resplit(word: str, tag: str, out: list[tuple[str, str]]) -> bool:
    """Is ``word`` a stray character (jieba tags it a name or a bound morpheme) that forms a
    dictionary noun with the last character of the verb before it (获奖|金: 获|奖金)?"""
    if len(word) != 1 or not is_han(word) or tag not in ("nr", "ng", "g", "n") or not out:
        return False
    prev, ptag = out[-1]
    if len(prev) != 2 or not ptag.startswith("v"):
        return False
    tags = pseg.dt.word_tag_tab
    return tags.get(prev[-1] + word, "") in ("n", "nz") and tags.get(prev[0], "").startswith("v")


def _glued_verb(word: str, out: list[tuple[str, str]]) -> bool:
    """Is ``word`` a one-character verb glued to a noun, right after another one-character
    verb (追|发工资)?"""
    if len(word) < 3 or not out or len(out[-1][0]) != 1 or not out[-1][1].startswith("v"):
        return False
    tags = pseg.dt.word_tag_tab
    return tags.get(word[0], "").startswith("v") and tags.get(word[1:], "").startswith(("n", "vn"))


def verbal_compound(word: str) -> bool:
    """立案查处 / 走访慰问: a long word jieba files as a noun that ends in a verb of its
    dictionary (立案|查处) acts as a verb; after a verbal noun it is a nominalized activity
    (劳动|保护 in 劳动保护监督检查员)."""
    tags = pseg.dt.word_tag_tab
    end = tags.get(word[-2:], "")
    # 工程|建设 (a verbal noun last) is a noun compound: 工程建设领域案件
    return (
        len(word) >= 4 and end.startswith("v") and end != "vn" and tags.get(word[:-2], "") != "vn"
    )


def two_verbs(word: str) -> bool:
    """推广应用 / 走访慰问: two plain verbs of jieba's dictionary in one word, a verb phrase."""
    tags = pseg.dt.word_tag_tab
    return len(word) == 4 and tags.get(word[:2]) == "v" and tags.get(word[2:]) == "v"


def verbal_word(word: str) -> bool:
    """新建 / 再建: an adverb or adjective character and a verb character, however jieba
    files the pair (新建 is also a county name), is a verb."""
    tags = pseg.dt.word_tag_tab
    return (
        len(word) == 2
        and tags.get(word[0], "") in ("a", "d", "ad")
        and tags.get(word[1], "").startswith("v")
    )


# One-character suffixes that make a noun of the verb before them (调解员, 慰问金, 劳动者, 筛查点).
_NOMINAL_SUFFIX = frozenset("员金费款者师品证点服庭")


# A time word names a time by a deictic or calendar character (今年, 上年, 年底, 3月); 青年 and
# 老年 are people jieba files under time words.
_TIME_WORD = re.compile(r"^[今昨明去前当本全每近往同上下首年]|[月日天初底末季]|\d")


# Tags that can be part of a counted noun phrase (nouns, verbal nouns, idioms, abbreviations).
_NOUN_TAGS = ("n", "vn", "l", "j", "i", "an", "b", "g", "s", "k", "zg")


# Scope words name where, not what: 全区调解成功率 measures 调解成功率.
SCOPE = frozenset(
    {
        "全区",
        "全市",
        "全省",
        "全国",
        "全县",
        "各地",
        "全州",
        "全盟",
        "全旗",
        "全地区",
        "全部",
        "当天",
        # Round 17: the area an office covers (区内|工伤事故发生起数)
        "区内",
        "市内",
        "县内",
        "省内",
    }
)


CLAUSE_END = "，。；：！？!?;:\n"


def nounish(word: str, tag: str, lex: FigureLexicon) -> bool:
    if word in lex.nominal_verbs and word not in lex.verb_set:
        return True  # 社会|组织, 发出|要约: nouns jieba tags as verbs
    if word in lex.verb_set or word in SCOPE:
        return False  # jieba tags 惠及/花费 as nouns; the verb lexicon knows better
    if tag == "ns" and verbal_word(word):
        return False  # 新建|服务站: jieba files 新建 as a county
    if tag == "t":  # 结案|周期 is a noun jieba files under time words; 今年/去年 are times
        return not _TIME_WORD.search(word)
    if tag == "m" and len(word) >= 2 and word[-1] not in NUMERALS:
        # 一线|职工: jieba files 一线 as a numeral; ending in a noun it names a kind (一批,
        # 一名 end in classifiers and stay numerals).
        return pseg.dt.word_tag_tab.get(word[-1], "") == "n"
    return tag.startswith(_NOUN_TAGS) or tag in ("nr", "ns", "nt", "nz", "ng")


def verbish(word: str, tag: str, lex: FigureLexicon) -> bool:
    if word in lex.nominal_verbs and word not in lex.verb_set:
        return False
    return word in lex.verb_set or (tag.startswith("v") and tag != "vn")


# Last characters of money nouns (工资, 报酬, 资金, 补贴, 欠款, 救助金, 经费).
MONEY_END = frozenset("资酬金贴款费薪")


NUMERALS = frozenset("零〇一二三四五六七八九十百千万亿两几")


CONJ = frozenset({"和", "及", "与", "、", "以及"})


NEGATION = frozenset("未不没别勿")


def money_noun(word: str) -> bool:
    """Does ``word`` name money (工资, 津贴, 体检费用, 生活补助)?"""
    return word[-1] in MONEY_END or word.endswith(("费用", *GRANT_HEADS))


# Grant words: verbs of giving money that head a money noun (培养补助, 技能奖励, 生活补贴).
GRANT_HEADS = frozenset({"补助", "奖励", "资助", "救助", "补贴", "奖补"})


# The number of an age band (3岁以下, 50岁以上), printed right before its 岁.
AGE_NUMBER = re.compile(r"[0-9０-９]+|[一二两三四五六七八九十]+")


QUANTITY_NOUNS = frozenset({"人数", "数量", "总数", "次数", "人次", "金额", "总额", "规模", "数"})


# Tags of words that modify a verb: time words, pronouns like 每年, prepositions, conjunctions.
ADVERBIAL = frozenset({"t", "r", "p", "c", "tg", "rz", "s", "f"})


COMPARE = re.compile(r"同比|环比|相比|较|比(?![照如赛例重拼武])")  # not 比照, 比赛, 比例


PER_WORDS = frozenset({"人均", "每人", "户均", "年均", "月均", "日均", "平均每人"})


def clause_start(text: str, s_start: int, offset: int) -> int:
    """Start of the clause holding ``offset`` (after the last ，；： in its sentence)."""
    return max(s_start, max(text.rfind(c, s_start, offset) for c in "，；：") + 1)


# Money nouns a standard pays that do not end in a money character.
GRANTS = frozenset({"奖励", "补助", "资助", "救助", "奖金"})


def clause_end(text: str, at: int) -> int:
    ends = [k for k in (text.find(c, at) for c in CLAUSE_END) if k >= 0]
    return min(ends, default=len(text))


def per_word(word: str) -> bool:
    """人均, 每人, 每年: a distributive word (per head, per year)."""
    return word in PER_WORDS or (len(word) >= 2 and word[0] == "每")


def opens_with_verb(text: str, at: int, lex: FigureLexicon) -> bool:
    """Is the first word at ``at`` a verb (帮助1260人|取得…)?"""
    toks = word_tags(text[at : at + 4], lex)
    return bool(toks) and toks[0][1] == "v"


# Results printed after a verb (调解成功): they complete the verb and name nothing counted.
RESULTS = frozenset({"成功", "完毕", "到位", "完成"})


def passive_verb(word: str, tag: str) -> bool:
    """Can ``word`` follow 被 as the verb of a passive participle (被|派遣|劳动者, 被|征地|农民)?
    A verb, or a two-character verb-object word jieba files as a noun (征地: 征 is a verb)."""
    if tag.startswith("v") and tag != "vn":
        return True
    return len(word) == 2 and pseg.dt.word_tag_tab.get(word[0], "") == "v"
