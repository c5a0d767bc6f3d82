"""Figure records: the numbers a fact-checker looks up, typed and tied to measure, agency, period.

NLP stage (ingest → **nlp** → search).  ``build_figures`` turns ``find_quantities`` hits into
``FigureRecord``s: the type (money, cases, people, percent, count), what is counted
(``measure``), who the sentence credits (``agency``) and the period it covers.

Rules (lexicon in ``nlp/data/figures.toml``):

* Type: money and percent come from the unit; 件/宗/起… are cases when the measure names a
  case, dispute, complaint or aid (法律援助案件1276件), else counts (实事好事300件);
  名/人/人次/位/户 are people; every other count and physical measure is ``count``.
  Durations and ages are not figures (the period fields carry time).
* Measure: word-level (jieba words + tags on the clause piece, checked against the lexicon):
  the noun phrase after the unit (5893名职工|参加), else the object of the clause's predicate
  before the number — the predicate found by its place (after an adverb, opening the clause)
  or the verb lexicon, the object taken whole whatever jieba's tags (共|举办|农民工技能培训班) —
  else the word-by-word phrase back to a verb (挽回|经济损失1850万余元); a noun linked by
  超/达/近 wins; after 同比/较…提升, in a 、-list or under 分别 the figure counts what an earlier
  figure of the sentence counted (see docs/nlp.md).
* Agency: ``nlp.credit`` (the acting body of the sentence, or the body a report goes on
  about; see there).
* Period: the nearest date expression before the figure in the same sentence, else the first
  in the sentence, else none.
"""

from __future__ import annotations

import re
import tomllib
from bisect import bisect_left
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from functools import cache
from importlib import resources

import jieba.posseg as pseg

from baoku.ingest.textclean import is_han
from baoku.nlp.agencies import AgencyMatch
from baoku.nlp.cohesion import a_person
from baoku.nlp.credit import PIVOT, credited, references
from baoku.nlp.dates import DateMatch, period_bounds
from baoku.nlp.periods import figure_period
from baoku.nlp.quantities import Quantity
from baoku.nlp.records import FigureRecord, FigureType
from baoku.nlp.sentences import SentenceIndex


@dataclass(frozen=True, slots=True)
class FigureLexicon:
    case_words: tuple[str, ...]
    case_units: frozenset[str]
    people_units: frozenset[str]
    verbs: tuple[str, ...]
    after_verbs: tuple[str, ...]
    fillers: tuple[str, ...]
    after_stop: frozenset[str]
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


@cache
def figure_lexicon() -> FigureLexicon:
    raw = (resources.files("baoku.nlp") / "data" / "figures.toml").read_text(encoding="utf-8")
    d = tomllib.loads(raw)
    return FigureLexicon(
        tuple(d["case_words"]),
        frozenset(d["case_units"]),
        frozenset(d["people_units"]),
        tuple(sorted(set(d["verbs"]), key=len, reverse=True)),
        tuple(d["after_verbs"]),
        tuple(sorted(set(d["fillers"]), key=len, reverse=True)),
        frozenset(d["after_stop"]),
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
    )


# A causative verb in front (促使案件办结率) is not part of the rate's name.
# Proportion words name a share or a change in percent: 率, 比重, 占比, 比例, 增幅, 降幅….
_RATE = re.compile(
    r"(?:促使|使得|使|让|将|把)?([\u4e00-\u9fff]{2,6}?(?:率|比重|占比|比例|[增降涨]幅|增速)|占比)"
)
_BOUNDARY = frozenset("，。；：！？、,;:!?（）()“”‘’《》\n 　")


def _tags(window: str, lex: FigureLexicon) -> list[tuple[str, str]]:
    """jieba words with part-of-speech tags; windows are a clause piece, so this stays cheap.

    jieba keeps some verb-object pairs as one word (签订合同, 解决矛盾); a word that starts
    with a lexicon verb is split so the object can be the measure.
    """
    out: list[tuple[str, str]] = []
    for w in pseg.lcut(window, HMM=False):
        word, tag = w.word, w.flag
        # 培训|基地 stays whole: a facility noun after the verb names where it is done, it is
        # no object of it (培训基地, 代理中心 are places, 签订合同 a verb and its object)
        split = (
            word[:2] in lex.verb_set
            and word not in lex.verb_set
            and not word.endswith(_FACILITY_HEADS)
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
        else:
            out.append((word, tag))
    if len(out) >= 2 and out[-1][1] == "v" and len(out[-1][0]) == 1 and out[-2][1] == "a":
        # 清凉|包3000份: an adjective modifies a noun, so the one character after it that
        # jieba files as a verb, right before the number, is the head noun (清凉包)
        word = out.pop()[0]
        out[-1] = (out[-1][0] + word, "n")
    return _join_unknown(out)


# Heads of facility nouns (a base, centre, station, point, room, hall) and of a class formed
# for a course (班): a verb before one names the activity it is for (培训基地, 服务中心,
# 调解室, 培训班).
_FACILITY_HEADS = ("基地", "中心", "站", "点", "室", "馆", "所", "班")


# Characters that stand alone as function words; a run of single characters without them is
# a word jieba's dictionary lacks.
_FUNCTION_CHARS = frozenset(
    "的了在和与及为对等共已将又也都还并每各是有把被从向给让使于由以之而或其该本此这那个名人可能"
)

# Modal verbs (can, may, will): auxiliaries that stand before a predicate, never inside a
# noun phrase, so the word after them is the predicate (每人|可|领取|误餐补助).
_MODALS = frozenset({"可", "能", "可以", "能够", "会", "要", "应", "可望", "有望"})


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
            and toks[j][0] not in _NUMERALS
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


def _verbal_compound(word: str) -> bool:
    """立案查处 / 走访慰问: a long word jieba files as a noun that ends in a verb of its
    dictionary (立案|查处) acts as a verb; after a verbal noun it is a nominalized activity
    (劳动|保护 in 劳动保护监督检查员)."""
    tags = pseg.dt.word_tag_tab
    end = tags.get(word[-2:], "")
    # 工程|建设 (a verbal noun last) is a noun compound: 工程建设领域案件
    return (
        len(word) >= 4 and end.startswith("v") and end != "vn" and tags.get(word[:-2], "") != "vn"
    )


def _two_verbs(word: str) -> bool:
    """推广应用 / 走访慰问: two plain verbs of jieba's dictionary in one word, a verb phrase."""
    tags = pseg.dt.word_tag_tab
    return len(word) == 4 and tags.get(word[:2]) == "v" and tags.get(word[2:]) == "v"


def _verbal_word(word: str) -> bool:
    """新建 / 再建: an adverb or adjective character and a verb character, however jieba
    files the pair (新建 is also a county name), is a verb."""
    tags = pseg.dt.word_tag_tab
    return (
        len(word) == 2
        and tags.get(word[0], "") in ("a", "d", "ad")
        and tags.get(word[1], "").startswith("v")
    )


# One-character suffixes that make a noun of the verb before them (调解员, 慰问金, 劳动者, 筛查点).
_NOMINAL_SUFFIX = frozenset("员金费款者师品证点")


# A time word names a time by a deictic or calendar character (今年, 上年, 年底, 3月); 青年 and
# 老年 are people jieba files under time words.
_TIME_WORD = re.compile(r"^[今昨明去前当本全每近往同上下首年]|[月日天初底末季]|\d")
# Tags that can be part of a counted noun phrase (nouns, verbal nouns, idioms, abbreviations).
_NOUN_TAGS = ("n", "vn", "l", "j", "i", "an", "b", "g", "s", "k", "zg")
# Scope words name where, not what: 全区调解成功率 measures 调解成功率.
_SCOPE = frozenset({"全区", "全市", "全省", "全国", "全县", "各地", "全州", "全盟", "全部", "当天"})
_CLAUSE_END = "，。；：！？!?;:\n"


def _nounish(word: str, tag: str, lex: FigureLexicon) -> bool:
    if word in lex.nominal_verbs and word not in lex.verb_set:
        return True  # 社会|组织, 发出|要约: nouns jieba tags as verbs
    if word in lex.verb_set or word in _SCOPE:
        return False  # jieba tags 惠及/花费 as nouns; the verb lexicon knows better
    if tag == "ns" and _verbal_word(word):
        return False  # 新建|服务站: jieba files 新建 as a county
    if tag == "t":  # 结案|周期 is a noun jieba files under time words; 今年/去年 are times
        return not _TIME_WORD.search(word)
    if tag == "m" and len(word) >= 2 and word[-1] not in _NUMERALS:
        # 一线|职工: jieba files 一线 as a numeral; ending in a noun it names a kind (一批,
        # 一名 end in classifiers and stay numerals).
        return pseg.dt.word_tag_tab.get(word[-1], "") == "n"
    return tag.startswith(_NOUN_TAGS) or tag in ("nr", "ns", "nt", "nz", "ng")


def _verbish(word: str, tag: str, lex: FigureLexicon) -> bool:
    if word in lex.nominal_verbs and word not in lex.verb_set:
        return False
    return word in lex.verb_set or (tag.startswith("v") and tag != "vn")


def measure_after(
    text: str,
    end: int,
    lex: FigureLexicon,
    limit: int = 24,
    people: bool = False,
    nominal: bool = False,
) -> str | None:
    """Noun phrase printed right after the unit (5893名职工参加 → 职工).

    Word-level: modifiers (adjectives or verbs before any noun: 蹲点干部, 新就业形态劳动者)
    belong to the phrase; once a noun is taken, a verb ends it (374名专业成员|组成).
    Bracketed notes are skipped (6个企业（社区）职工法律服务点 → 企业职工法律服务点).
    """
    word, at = _np_after(text, end, lex, limit)
    if people and word is None:
        # 1200余名|选手|参赛: a classifier of persons is followed by its person noun, so a
        # word with a person ending there is that noun, however jieba files it (选手 as a verb)
        toks = _tags(text[end : end + 6], lex)
        if toks and toks[0][1] == "v" and a_person(toks[0][0]) and toks[0][0] not in lex.verb_set:
            word, at = toks[0][0], end + len(toks[0][0])
    if people and word:
        # 186名快递员、外卖骑手的子女: people of whom other people are counted (子女, 家属)
        owner = _OWNER.match(text, at)
        if owner is not None:
            head = _np_after(text, owner.end(), lex, limit)[0]
            if head is not None and a_person(head):
                word = head
    if people and word and not a_person(word):
        # 300名|年龄在50岁以上的|公益性岗位人员: the count's noun is the head after a relative
        # clause; the word right after the unit (年龄) is inside the clause
        clause = _RELATIVE_TO_HEAD.match(text, end)
        head = _np_after(text, clause.end(), lex, limit)[0] if clause else None
        if head is not None and a_person(head):
            word = head
    if word is None and nominal:
        # 不等的|资助, 的|建设|经费: after 的 the words up to a break are a noun phrase
        # whatever the verb lexicon says
        toks = _tags(text[end : end + 8], lex)
        taken = []
        for k, (w, t) in enumerate(toks):
            attributive = not k and t == "d" and len(w) >= 3  # 的|一次性|奖励: no adverb here
            if (
                not is_han(w[0])
                or (t in ("uj", "ul", "p", "c", "d", "r", "m") and not attributive)
                or w in _NEGATION
            ):
                break
            taken.append(w)
        word = "".join(taken) if taken and len(taken[0]) >= 2 else None
    if people and word:
        # 45名农民工|工资共计62万元: people are never money; the money noun is the next
        # figure's measure.
        toks = _tags(word, lex)
        k = next((k for k, (w, _) in enumerate(toks) if k and w[-1] in _MONEY_END), None)
        if k is not None:
            word = "".join(w for w, _ in toks[:k])
            toks = toks[:k]
        word = _person_head(word, toks)
    return word if word and (len(word) >= 2 or word in _DIVISION_NOUNS) else None


def _person_head(word: str, toks: list[tuple[str, str]]) -> str:
    """212名建筑工人|代理维权案件 / 接待|职工|来访咨询1380人次: people are counted by a person
    noun; what follows it is their business, however jieba tags it."""
    last = max((k for k, (w, _) in enumerate(toks) if a_person(w)), default=None)
    if last is not None and last < len(toks) - 1:
        return "".join(w for w, _ in toks[: last + 1])
    return word


# A relative clause after a people count, up to its 的 (年龄在50岁以上的, 工龄满20年的).
_RELATIVE_TO_HEAD = re.compile(r"[^，。；：的]{2,12}的(?=[\u4e00-\u9fff])")

# The rest of a coordination and 的 after a noun phrase: what follows 的 is its head.
_OWNER = re.compile(r"(?:[、和及与][\u4e00-\u9fff]{2,8}?)*的(?=[\u4e00-\u9fff])")

# Last characters of money nouns (工资, 报酬, 资金, 补贴, 欠款, 救助金, 经费).
_MONEY_END = frozenset("资酬金贴款费薪")


_NUMERALS = frozenset("零〇一二三四五六七八九十百千万亿两几")
_CONJ = frozenset({"和", "及", "与", "、", "以及"})
_NEGATION = frozenset("未不没别勿")
# Adverbs of scope and aspect (all, already, also): they open a predicate, never modify a noun.
_PREDICATE_ADVERBS = frozenset({"均", "都", "皆", "已", "已经", "也", "还", "曾", "均已", "都已"})


def _np_after(text: str, end: int, lex: FigureLexicon, limit: int) -> tuple[str | None, int]:
    """``measure_after`` and the offset where the phrase stopped."""
    stop = end
    while stop < len(text) and stop - end < limit and text[stop] not in _CLAUSE_END:
        stop += 1
    toks = _tags(text[end:stop], lex)

    def noun(k: int) -> bool:
        # After a classifier every word is read nominally: 16家社会|组织 is an organisation.
        if k >= len(toks):
            return False
        w, t = toks[k]
        if (
            k == 0
            and t == "v"
            and len(w) >= 2
            and w not in lex.verb_set
            and w not in lex.after_verb_set
        ):
            # 20名选手|获评: right after the classifier, a "verb" followed by a verb or a
            # boundary is the counted noun jieba mis-tags
            nxt = toks[1] if len(toks) > 1 else ("。", "x")
            if nxt[1].startswith("v") or nxt[1] in ("x", "d"):
                return True  # 326件提案|已|办结: an adverb opens the predicate
        return w in lex.nominal_verbs or _nounish(w, t, lex)

    def modifier(k: int) -> bool:
        w, t = toks[k]
        if t == "v" and len(w) == 1:
            return False  # 5批|赴|省内…: a one-character verb after the unit is the predicate
        if w in _PREDICATE_ADVERBS:
            return False  # 386人|均|已转诊: an adverb over the subject opens the predicate
        return t in ("a", "v", "vd", "b", "d", "f", "m", "q") and w not in lex.verb_set

    parts: list[str] = []
    noun_seen = False
    i = 0
    while i < len(toks):
        w, t = toks[i]
        if w in "（(":
            j = i
            while j < len(toks) and toks[j][0] not in "）)":
                j += 1
            inside = "".join(x for x, _ in toks[i + 1 : j]).split("、")
            if (
                len(parts) == 1
                and (parts[0] in _DIVISION_NOUNS or parts[0] in ("乡镇", "街道", "区县"))
                and j < len(toks)
                and all(x in _DIVISION_NOUNS or x in ("街道", "社区") for x in inside)
            ):
                # 14个县（市、区）|仲裁机构: divisions of the same level in brackets are one
                # level name with the noun before them, not a note to skip
                parts.extend(x for x, _ in toks[i : j + 1])
            i = j + 1
            continue
        if w == "“" and not parts:  # 4场“工会主席直播送岗”活动: the quoted name is the modifier
            j = i
            while j < len(toks) and toks[j][0] != "”":
                j += 1
            if j >= len(toks):
                break
            parts.extend(x for x, _ in toks[i : j + 1])
            i = j + 1
            continue
        last = (
            i == len(toks) - 1
            and (stop >= len(text) or text[stop] in _CLAUSE_END)
            and text[end - 1] not in _CONJ  # not the tail of a coordination (指导和帮扶)
        )
        if noun_seen and w in _GRANT_HEADS and text[end - 1] == "元":
            # 10万元|培养|补助: after money the grant word heads the noun (the money is a grant),
            # and the word before it says what for, however jieba files the two
            parts.append(w)
            i += 1
            continue
        if w in lex.after_verb_set or (
            w in lex.verb_set and w not in lex.nominal_verbs and not (last and not parts)
        ):
            break
        if last and not parts and w in lex.verb_set and len(w) >= 2:
            parts.append(w)  # 20万元|资助。: a word ending the clause is the noun
            noun_seen = True
            i += 1
            continue
        if noun_seen and _two_verbs(w):
            break  # 120家企业|推广应用: a pair of verbs jieba files as an idiom is the predicate
        if (
            noun_seen
            and w in lex.case_set
            and t.startswith("v")
            and w not in lex.verb_set
            and noun(i + 1)
        ):
            parts.append(w)  # 3家恶意|欠薪|企业: a case word filed as a verb modifies the noun
            i += 1
            continue
        if noun(i):
            parts.append(w)
            noun_seen = True
        elif (
            noun_seen
            and t.startswith("v")
            and w not in lex.verb_set
            and i + 1 < len(toks)
            and (
                toks[i + 1][0] in _FACILITY_HEADS
                # 2万元创业|扶持|资金: after money a verb before the money noun names the fund
                or (toks[i + 1][0][-1] in _MONEY_END and text[end - 1] == "元")
            )
        ):
            parts.append(w)  # 疗|休养|基地: a verb before a facility noun names its activity
        elif (
            noun_seen
            and len(w) == 1
            and is_han(w)
            and w not in _NUMERALS
            and t not in ("x", "uj", "ul", "p", "c", "r", "u", "v")
            and w not in _NEGATION  # 17家企业|未|按规定…: a negated predicate follows
            and (noun(i + 1) or (t in ("q", "zg", "k", "ng", "m") and t != "d"))
        ):
            # one character jieba splits off: 服务|圈, 工|亡|赔偿款, 网络|正|能量, 服务|点
            # (jieba tags 点 as a numeral and 正 as an adverb)
            parts.append(w)
        elif noun_seen and w in _CONJ and i + 1 < len(toks):
            # 政治安全和劳动关系监测点: a coordination that runs to the clause end is one phrase
            # (what the number counts is named last); 职工和家属参加 stays 职工.
            off = end + sum(len(x) for x, _ in toks[: i + 1])
            rest, stop_at = _np_after(text, off, lex, limit - (off - end))
            ends = stop_at >= len(text) or text[stop_at] in _CLAUSE_END
            counted = any(c.isdigit() or c in _NUMERALS for c in text[off:stop_at])
            if rest is not None and ends and not counted:  # 30家事务所、近百名律师: two figures
                parts += [w, rest]
                i = len(toks)
                stop = stop_at
            break
        elif not noun_seen and modifier(i):
            j = i
            while j < len(toks) and modifier(j) and not noun(j):
                j += 1
            if not noun(j):
                break
            parts.extend(x for x, _ in toks[i:j])  # modifiers in front of the head noun
            i = j
            continue
        else:
            break
        i += 1
    word = _LEVEL.sub("", "".join(parts))
    at = stop if i >= len(toks) else end + sum(len(x) for x, _ in toks[:i])
    # 12个县（区）|设立…: a one-character division noun is a whole word after a classifier
    whole = len(word) >= 2 or word in _DIVISION_NOUNS
    return (word if whole and noun_seen else None), at


def _money_noun(word: str) -> bool:
    """Does ``word`` name money (工资, 津贴, 体检费用, 生活补助)?"""
    return word[-1] in _MONEY_END or word.endswith(("费用", *_GRANT_HEADS))


# Grant words: verbs of giving money that head a money noun (培养补助, 技能奖励, 生活补贴).
_GRANT_HEADS = frozenset({"补助", "奖励", "资助", "救助", "补贴", "奖补"})


# One-character nouns of administrative divisions (12个县, 22个镇（街道）).
_DIVISION_NOUNS = frozenset("省市县区镇乡村旗盟州")


# Causative verbs whose object is people doing the next verb (带动1.2万人就业).
_CAUSATIVES = ("带动", "吸引", "促进")

# An enumeration closed by 等 right before a number (外卖骑手、快递员、网约车司机等).
_LIST_BEFORE = re.compile(
    r"((?:(?:(?![为向对给和与及])[\u4e00-\u9fff]){2,10}、)+[\u4e00-\u9fff]{2,8})等$"
)

# A subject, a link and the standard compared with, right before a share (租金为市场价的七成).
_RATIO_OF = re.compile(r"([\u4e00-\u9fff]{2,10}?)(?:约为|仅为|为|是|相当于)[^，。；为]{1,12}的")

# 占 + the whole + 的 right before a share (占务工总人数的28%).
_SHARE_OF_WHOLE = re.compile(r"[约近超逾仅]?占[^，。；]{1,12}的")

# The number of an age band (3岁以下, 50岁以上), printed right before its 岁.
_AGE_NUMBER = re.compile(r"[0-9０-９]+|[一二两三四五六七八九十]+")

_AGE_BAND = re.compile(r"(?:[0-9０-９]+|[一二两三四五六七八九十]+)岁以[上下]")

# 100个自治区级…监测点: an administrative level says where the items sit, not what they are.
_LEVEL = re.compile(r"^(?:全国|国家|自治区|省|市|县|区|镇|乡|村)级(?=[\u4e00-\u9fff]{2})")


def measure_before(
    text: str, start: int, floor: int, lex: FigureLexicon, limit: int = 20, people: bool = False
) -> str | None:
    """Noun phrase before the number, back to a verb or clause break (挽回经济损失 → 经济损失).

    Word-level: a verb right in front of the noun is its object's verb (安排|专项经费) unless
    nothing verbal precedes it, when it is a modifier (初步|就业意向, 调解成功率).  With no noun
    at all, the verb itself is what is counted (成功调解2936宗 → 调解, 发出要约 → 要约).
    """
    if start > floor and text[start - 1] in "）)":
        # 休息哺乳室（爱心妈妈小屋）1280个: a bracketed note after the noun is skipped
        opened = max(text.rfind("（", floor, start), text.rfind("(", floor, start))
        if opened > floor and start - opened <= 16:
            start = opened
    i = start
    # 、 joins nouns (劳模、工匠和…工作室); the list items of earlier figures stop at ``floor``.
    while i > floor and start - i < limit and (text[i - 1] not in _BOUNDARY or text[i - 1] == "、"):
        i -= 1
    toks = _tags(text[i:start], lex)
    if i > floor and text[i - 1] not in _BOUNDARY and toks:
        i += len(toks[0][0])  # the window was cut by the limit: its first word may be a piece
        toks = toks[1:]
    # Linking words right before the number (累计, 共计, 达, 超过) are not the measure; whole
    # words only, so 发出要约 keeps its 约.
    n_before = len(toks)
    while toks and (
        toks[-1][0] in lex.filler_set
        or toks[-1][1] in ("uj", "ul")
        or toks[-1][0][0] == "每"
        # 的岗位|有|1260个: an existential 有 after a noun links the noun to its number
        or (toks[-1][0] == "有" and len(toks) > 1 and _nounish(*toks[-2], lex))
        # 调整幅度|平均|为6.9%: 平均 before a link is an adverb of the link, not the noun's
        or (toks[-1][0] == "平均" and len(toks) < n_before and len(toks) > 1)
    ):
        toks.pop()  # 助学金为|每人每年|3000~5000元: a distributive word says per what
    if len(toks) > 1 and toks[-1][0] in ("价值", "总价值") and _nounish(*toks[-2], lex):
        toks.pop()  # 防暑降温物资|价值|30万元: the goods are what the amount is of
    gap = start - sum(len(w) for w, _ in toks) - i  # linking words popped
    n_toks = len(toks)
    toks = _after_preposition(toks, lex)
    # 处罚金额|达|1560万元: a phrase linked to the number is the clause's subject, so the
    # verb-object reading below does not apply to it.
    # (超过/逾 inside the figure link too: 借阅量|超过45万人次; 近/约 only qualify the number)
    linked = text[start - gap : start].strip("的等每人年月") != "" or text[start] in "超逾达"
    quoted = _QUOTED_BEFORE.search(text, max(floor, start - gap - 16), start - gap)
    if quoted is not None:
        return quoted.group(1)  # 建成“暖新驿站”156个: the quoted name is what is counted
    if toks and toks[-1][0] in lex.change_verbs:
        # 案件调处质量|提升|18%: before a change verb the whole subject is what changed.
        subject = _subject_np(toks[:-1], lex)
        if subject is not None:
            return subject
    modal = max((k for k, (w, _) in enumerate(toks) if w in _MODALS), default=None)
    if (
        modal
        and modal < len(toks) - 1
        and not any(_nounish(w, t, lex) for w, t in toks[modal + 1 :])
    ):
        # 工资|能|多|拿|400元: a predicate with no object after a modal says how much of
        # its subject there is, as a change verb does.
        subject = _subject_np(toks[:modal], lex)
        w, t = toks[modal - 1]
        if subject is None and len(w) >= 2 and t not in _ADVERBIAL and w not in lex.verb_set:
            subject = w  # 收入|能|多出: the word before a modal is its subject, however tagged
        if subject is not None:
            return subject
    if (
        len(toks) >= 2
        and (toks[-2][0] in _PER_WORDS or (toks[-2][0][0] == "每" and len(toks[-2][0]) == 2))
        and toks[-1][1] in ("v", "vn", "n")
        and len(toks[-1][0]) >= 2
        and toks[-1][0] not in lex.filler_set
        and toks[-1][0] not in lex.change_verbs
    ):
        # 每人|资助|5000元, 每户|补助|3000元: after a distributive a verb alone is the grant
        # itself (the predicate with no object names what the amount is)
        return toks[-1][0]
    # 在|全市|开办…: a verb right after a prepositional phrase opens the predicate
    opens = (i > 0 and text[i - 1] in "，。；：！？\n") or len(toks) < n_toks
    obj = _verb_object(toks, lex, linked, opens)
    if obj is not None:
        return obj
    if linked and len(toks) > 1 and toks[-1][0] in lex.verb_set - lex.nominal_verbs:
        toks = toks[:-1]  # 志愿者服务队|发展|到46支: the verb before the link is the predicate
        while toks and toks[-1][0] in lex.filler_set:
            toks.pop()
    parts: list[str] = []
    head_tag = ""
    first_tag = ""  # tag of the leftmost word taken so far
    coordinated = False
    k = len(toks) - 1
    while k >= 0:
        w, t = toks[k]
        head_tag = head_tag if parts else t
        money_head = bool(parts) and parts[-1][-1] in _MONEY_END
        if w in "）)":
            while k >= 0 and toks[k][0] not in "（(":
                k -= 1
            k -= 1
            continue
        left = toks[k - 1] if k > 0 else ("", "x")
        if w in lex.filler_set and parts:
            break  # 直播带岗|累计|观看: a filler inside the window ends the phrase
        if w in _HEAD_MARKS and parts:
            break  # 其|名下|银行账户: the owner before a possessive locative is no part of it
        if (
            w in _CHANNEL_ADVERBS
            and parts
            and (toks[k + 1][1].startswith("v") or toks[k + 1][0] in lex.docket_acts)
        ):
            break  # 网上|开庭: an adverbial of channel before an act makes it the predicate
        if (
            people
            and parts
            and t == "vn"
            and w not in lex.nominal_verbs
            and head_tag == "n"
            and w[-1] not in _MONEY_END  # 工资|集体协商指导员: jieba's vn 工资 is a noun
            and not (k > 0 and toks[k - 1][1] in ("n", "l", "nz"))  # 劳动保护|监督|检查员
        ):
            break  # 服务|职工3万余人: before the people counted, a verbal noun is the verb
        if w in _CONJ and parts:
            # 命名|劳模、工匠和高技能人才创新工作室107家: the coordinated nouns are one phrase
            j = k - 1
            while j >= 0 and (toks[j][0] in _CONJ or _nounish(*toks[j], lex)):
                j -= 1
            bounded = j >= 0 or i == floor or text[i - 1] in _BOUNDARY  # not cut by the limit
            if j < k - 1 and toks[j + 1][0] not in _CONJ and bounded:
                parts[:0] = [x for x, _ in toks[j + 1 : k + 1]]
                coordinated = True
            break
        if (
            parts
            and w in lex.case_set
            and t.startswith("v")
            and w not in lex.verb_set
            and not a_person(parts[-1])  # 认定|首席技师: people are no case
        ):
            # 农民工|欠薪|投诉|案件: case words jieba tags as verbs modify the case noun
            parts.insert(0, w)
            first_tag = t
        elif (
            parts
            and first_tag.startswith("v")
            and t in ("n", "l")
            and _verbal_compound(w)
            and w not in lex.nominal_verbs
        ):
            break  # 立案查处|欠薪|案件: a verb compound filed as a noun is the predicate
        elif (
            parts
            and not linked
            and _predicate_slot(left, lex)
            and (t.startswith("v") or left[1] == "d")
        ):
            # 共|排查|安全生产隐患: a verb (even one jieba files as vn) after an adverb is the
            # predicate; adverbs modify no nouns, so a "noun" there is a verb too (共|代理).
            break
        elif (
            _nounish(w, t, lex)
            or (parts and len(w) == 1 and t == "m" and w not in _NUMERALS)
            # 其中|零|就业|家庭成员: a lone zero opening a word is a morpheme (零就业, 零工),
            # not a number (no numeral or classifier before it)
            or (parts and w == "零" and left[1] != "m" and left[0][-1:] not in _NUMERALS)
            or (linked and not parts and w in lex.nominal_verbs)  # 女职工|组织|已达
        ):
            parts.insert(0, w)  # 点|赞数: jieba tags a lone 点 as a numeral
            first_tag = t
        elif money_head and _verbish(w, t, lex):
            # 督促|补缴|社会保险费: a money verb's object is the money; 投入|帮扶|资金: any
            # other verb names the fund, and nouns before it belong to it (专项|预算|资金).
            if w in lex.money_verbs or len(w) < 2 or t in _ADVERBIAL:
                break  # (其中|一线职工平均工资: a pronoun or preposition names no fund)
            parts.insert(0, w)
            first_tag = t
            if not _nounish(*left, lex):
                break
        elif not parts and w in lex.change_verbs:
            pass  # 纠纷处置期限下降16%: the changed quantity is named before the verb
        elif (
            not parts
            and w in _GRANT_HEADS
            # (一次性|创新|奖励: a verb outside the lexicon before it says what for)
            and (
                _nounish(*left, lex)
                or (left[1] == "v" and len(left[0]) >= 2 and left[0] not in lex.verb_set)
            )
            and left[0] not in _BODY_WORDS
            and not a_person(left[0])
        ):
            # 技能|奖励|5000元: a grant word after a noun heads a compound (the award for skill)
            parts.insert(0, w)
            first_tag = t
        elif _verbish(w, t, lex) or t in ("a", "ad", "b"):
            if len(parts) == 1 and parts[0] in _QUANTITY_NOUNS and len(w) >= 2:
                parts.insert(0, w)  # 户均|救助金额, 入会人数: a quantity noun takes its verb
                if left[0] in _PER_WORDS:
                    break  # (per what is no part of it)
                first_tag = t
                k -= 1
                continue
            if not parts:
                # 成功调解2936宗 → 调解; 争取到60万元 names no measure (a lexicon verb).
                if len(w) >= 2 and (
                    w in lex.nominal_verbs
                    or not (w in lex.verb_set or w in lex.filler_set or not _verbish(w, t, lex))
                ):
                    parts.insert(0, w)
                    if t in ("a", "ad", "b") or left[1] in ("a", "ad"):
                        parts.insert(0, left[0]) if left[1] in ("a", "ad") else None
                elif t == "a" and len(w) >= 2 and left[0] in lex.nominal_verbs:
                    parts[:0] = [left[0], w]  # 调解成功719件: a verb and its result
                break
            if t == "a" and len(w) == 1:
                parts.insert(0, w)  # 等|新|就业形态劳动者: a one-character adjective
                if left[0] in _CONJ and k > 1:
                    k -= 1  # 农民工和|新|就业形态劳动者: the coordination goes on
                    continue
                break
            if t == "v" and len(w) == 1 and _verbish(*left, lex):
                break  # 送|去|防暑降温物资: a one-character verb after a verb is a predicate
            if t == "v" and len(w) == 1 and w in lex.verbs:
                break  # 工作室|有|特邀调解员: a one-character lexicon verb is the predicate
            if _verbish(*left, lex) and w not in lex.verb_set:
                parts.insert(0, w)  # 投入|蹲点|工作专项资金: after a main verb, a modifier
                break
            opens = i == floor or text[i - 1] in _BOUNDARY
            if (
                t == "v"
                and not linked
                and len(w) >= 2
                and opens
                and k > 0
                and all(_nounish(x, y, lex) or x in _SCOPE or y == "t" for x, y in toks[:k])
            ):
                # 职工|提出|合理化建议, 今年|全市|实施|…项目: after the clause's subject (and its
                # time and scope words) a verb is its predicate
                break
            opens = i == floor or text[i - 1] in "，。；：！？\n"
            if t == "v" and k == 0 and opens and not linked and parts[-1] not in _QUANTITY_NOUNS:
                # ，冻结|银行账户17个: a verb opening the clause is its predicate; not before
                # a quantity noun, which names the verb's count (招聘人数7000多人).
                break
            if linked and w in lex.verb_set and _per_word(left[0]):
                # 每人每年|资助|标准|为5000元: in a subject linked to its number, a lexicon verb
                # after a distributive modifies the noun after it (the link is the predicate)
                parts.insert(0, w)
                if left[0][:1] == "每":
                    break  # 每人每年 says per what; 人均|补助标准 keeps its statistic's name
                first_tag = t
                k -= 1
                continue
            if w in lex.verb_set or _verbish(*left, lex) or left[0] in lex.filler_set:
                break
            if left[1] in _ADVERBIAL or (
                left[0] in ("新", "再", "另") and (w in lex.case_set or w in lex.serial_verbs)
            ):
                # 每年|发出|要约: after a time word or adverb the verb is the predicate (新|认定:
                # jieba files the adverb 'newly' as an adjective; only before an agency's act,
                # as 新|就业形态 is a term)
                break
            parts.insert(0, w)
        else:
            break
        k -= 1
    if k >= 0 and toks[k][0] in _DEMONSTRATIVES and len(parts) > 1 and parts[0] in _BODY_WORDS:
        parts.pop(0)  # 该公司|工会会员: the body referred back to owns what is counted
    while not coordinated and len("".join(parts)) > 12 and len(parts) > 1:
        parts.pop(0)  # long phrases keep their last whole words
    if len(parts) > 1 and pseg.lcut(parts[0], HMM=False)[0].flag == "ns":
        parts.pop(0)  # 广州市|户外劳动者总数: a place in front says where, like 全市
    at = text.rfind("".join(parts), floor, start) if parts else -1
    if len(parts) > 1 and at > 0 and text[at - 1] in "类類":
        parts.pop(0)  # 三类|地区|月最低工资标准: the noun after a category number is the label's
    age = _AGE_NUMBER.search(text, max(floor, at - 4), at) if parts and parts[0] == "岁" else None
    if age is not None and age.end() == at:
        parts.insert(0, age.group())  # 3|岁以下|婴幼儿占比: an age band is one modifier, whole
    word = "".join(parts)
    if not (len(word) >= 2 and all(is_han(c) or c == "、" for c in word)):
        return None
    return word


def _verb_object(
    toks: list[tuple[str, str]], lex: FigureLexicon, linked: bool, opens: bool = False
) -> str | None:
    """The object of the clause's predicate: every word between the predicate and the number
    (共|举办|农民工技能培训班85期, 累计|投入|帮扶资金, 开展|技术攻关), whatever tags jieba
    gives those words (培训|班, 攻关 and 行为 come out as verbs).

    The predicate is a word in a predicate's place (after an adverb: 共|查处) or else the
    first multi-character lexicon verb with words after it; a verb right after it is part
    of a serial predicate (组织|开展|…活动) unless it names a fund (投入|帮扶|资金).  With a
    linking word before the number (…达46支) the phrase is a subject and only a lexicon verb
    marks a predicate; a verb opening the clause is its predicate too (，拉动|消费).
    ``None`` leaves the phrase to the word-by-word reading."""
    pred = None
    if not linked:
        for k in range(1, len(toks) - 1):
            if _predicate_slot(toks[k - 1], lex) and not _predicate_slot(toks[k], lex):
                pred = k
                if toks[k][0] in _SCOPE and k + 2 < len(toks):
                    pred = k + 1  # 已|全部|开设…: after an adverb a scope word is one too
                break
    if pred is None:
        pred = next(
            (
                k
                for k in range(len(toks) - 1)
                if (
                    toks[k][0] in lex.verb_set
                    or (toks[k][0] in lex.money_verbs and len(toks[k][0]) > 1 and not linked)
                    or (toks[k][1] in ("n", "l") and _verbal_compound(toks[k][0]))  # 立案查处
                    # 检查|督办|用人单位: two field-work verbs in a row are a predicate
                    or (toks[k][0] in lex.serial_verbs and toks[k + 1][0] in lex.serial_verbs)
                )
                and toks[k][0] not in lex.nominal_verbs  # 社会|组织, 调解|成功率: nouns here
            ),
            None,
        )
        if linked and pred and _per_word(toks[pred - 1][0]):
            # 每人每年|资助|标准|为…: in a linked subject a verb after a distributive
            # modifies the noun after it; the word-by-word reading keeps them together
            return None
    if (
        pred is None
        and opens
        and not linked
        and len(toks) > 1
        # ，检查|用人单位: a field-work verb is a verb wherever jieba files it (vn)
        and (toks[0][1] == "v" or toks[0][0] in lex.serial_verbs)
        and len(toks[0][0]) >= 2
        and toks[0][0] not in lex.nominal_verbs
        and toks[-1][0] not in _QUANTITY_NOUNS  # ，招聘|人数7000多人: the verb's count
    ):
        pred = 0
    if pred is None and not linked:
        # 检查组|督促|整改|安全隐患: a pivot verb is a predicate wherever it stands
        pred = next(
            (k for k in range(len(toks) - 2) if toks[k][0] in PIVOT and toks[k][1] == "v"), None
        )
    if pred is None:
        # 检查组发现|并|督促|整改|事故隐患: a verb coordinated by 并 is a predicate
        pred = next(
            (
                k + 1
                for k in range(len(toks) - 2)
                if toks[k][0] in ("并", "并且") and toks[k + 1][1] == "v"
            ),
            None,
        )
        while pred is not None and pred + 2 < len(toks) and toks[pred + 1][1] == "v":
            pred += 1
    per = _after_distributive(toks, lex) if not linked else None
    pred = per if per is not None else pred
    if pred is None or not is_han(toks[pred][0][0]):
        return None
    money_head = toks[-1][0][-1] in _MONEY_END
    if toks[pred][0] in PIVOT:
        # 协助|农民工|申请|劳动仲裁: a pivot verb's object is a person who does the next verb;
        # what is counted is that verb's object
        j = pred + 1
        while j < len(toks) and _nounish(*toks[j], lex) and (toks[j][1] != "vn" or j == pred + 1):
            j += 1
        if (
            pred + 1 < j < len(toks) - 1
            # (督促|物业公司|补签|服务合同: a firm does the next verb as a person does)
            and (a_person(toks[j - 1][0]) or toks[j - 1][0].endswith(tuple(_BODY_WORDS)))
            and toks[j][1] == "v"
        ):
            pred = j
    while pred + 2 < len(toks):
        w = toks[pred + 1][0]
        if toks[pred][0] in PIVOT and toks[pred + 1][1] == "v":
            pred += 1  # 督促|整改|问题, 帮助|讨回|工资: a pivot verb takes a verb after it
            continue
        if w in lex.case_set:
            break  # 受理|欠薪|举报|投诉: a case word names the case, it is no second verb
        if toks[pred][0] in lex.serial_verbs and w in lex.serial_verbs:
            pred += 1  # 走访|调研|企业, 排查|整改|隐患: verbs of one kind in a row share the object
            continue
        if money_head and w not in lex.money_verbs:
            break  # 投入|帮扶|资金: a verb before a money noun names the fund
        if w not in lex.verb_set or w in lex.nominal_verbs:
            break
        pred += 1
    while (
        pred + 3 < len(toks)
        and toks[pred + 1][0] in ("并", "并且", "且", "和")
        and (toks[pred + 2][1] == "v")
    ):
        # 发现|并|督促|整改|事故隐患: coordinated predicates; the object follows the last
        pred += 2
        while pred + 2 < len(toks) and toks[pred + 1][1] == "v":
            pred += 1
    obj = toks[pred + 1 :]
    scoped = False
    while obj and (obj[0][1] in ("ul", "uz", "ug") or obj[0][0] in _SCOPE):
        scoped = scoped or obj[0][0] in _SCOPE
        obj = obj[1:]  # 吸引了|…, 排查|全市…
    if (
        scoped
        and len(obj) > 1
        and (obj[0][1] == "v" or obj[0][0] in lex.verb_set or _verbal_word(obj[0][0]))
        and obj[0][0] not in lex.nominal_verbs
    ):
        obj = obj[1:]  # 支持|各地|建设|职工公寓项目: the places act, their verb is no object
    if len(obj) == 1 and obj[0][0] in _QUANTITY_NOUNS and pred + 2 == len(toks):
        return None  # 救助|金额: a quantity noun names the verb's amount, it is no object
    # 困难职工的子女 / 热水、休息等服务: what follows 的 or an enumeration's 等 is the head
    # 被执行人名下|房产: 名下/手中 close the owner's phrase as 的 does (in someone's name)
    cut = max((k for k, (w, _) in enumerate(obj) if w in _HEAD_MARKS), default=-1)
    obj = obj[cut + 1 :]
    if len(obj) > 1 and obj[0][0] in _DEMONSTRATIVES:
        return None  # 该公司工会会员: the word-by-word reading drops the owner
    if any(
        (w in lex.verb_set or (money_head and w in lex.money_verbs and len(w) > 1))
        and w not in lex.nominal_verbs
        and len("".join(x for x, _ in obj[k + 1 :])) > 1
        for k, (w, _) in enumerate(obj)
        if k
    ):
        # 帮助|职工|解决|困难, 督促|用人单位|补缴|工会经费: a second predicate (培训|班 is
        # a noun's suffix); a money verb before the money is the money's own predicate
        return None
    if not obj or obj[-1][1] in ("d", "p", "c", "r", "u", "uj", "ul", "m", "x", "t"):
        return None  # 要求|各市总|将…: a phrase's head is at its end, and no function word is
    single = len(obj) == 1 and len(obj[0][0]) >= 2 and obj[0][1].startswith(("v", "n"))
    if (
        not single
        and not any(_nounish(w, t, lex) or t == "z" for w, t in obj)
        and obj[-1][0] not in lex.case_set  # 欠薪|举报|投诉: a case word names the case
    ):
        return None  # 调解|成功, 其中|今年|新建: no items named (劳资纠纷 is filed as z)
    words = [w for w, _ in obj]
    # the predicate bounds the phrase, so it may run longer than the word-by-word reading's
    while len("".join(words)) > 16 and len(words) > 1 and "、" not in words:
        words.pop(0)  # long phrases keep their last whole words
    word = "".join(words)
    if len(word) < 2 or not all(is_han(c) or c in "、“”" for c in word):
        return None
    if any(c in _NUMERALS for c in word[:1]):
        return None
    return word


# Words after which the head of a noun phrase follows: 的, an enumeration's 等, and the
# possessive locatives 名下 / 手中 / 手里 (被执行人名下房产 → 房产).
_HEAD_MARKS = frozenset({"的", "等", "名下", "手中", "手里"})


def _after_distributive(toks: list[tuple[str, str]], lex: FigureLexicon) -> int | None:
    """The predicate after a distributive (每人|补贴|参保费用, 每个|班|配备|管理员): what
    follows 每 says per what, so the word after it — after its noun, when 每 has taken only
    a classifier (每个, 每位) — is the verb, and what comes after that is the object."""
    per = max(
        (k for k, (w, _) in enumerate(toks) if (w[0] == "每" and len(w) >= 2) or w in _PER_WORDS),
        default=None,
    )
    if per is None:
        return None
    k = per + 1
    if k + 2 == len(toks) and toks[k + 1][0] in _QUANTITY_NOUNS:
        return None  # 户均|救助|金额: a verb before a quantity noun names it (救助金额)
    if (
        toks[per][0][-1] in "个位名只"
        and k + 1 < len(toks)
        and _nounish(*toks[k], lex)
        and toks[k + 1][1] == "v"
    ):
        k += 1  # 每个|班: the classifier's noun belongs to the distributive
    while k + 2 < len(toks) and (
        toks[k][0] in _MODALS or (toks[k][1] == "d" and len(toks[k][0]) == 1)
    ):
        k += 1  # 每期|还|可|领取|交通补贴: adverbs and modals stand before the verb
    return k if k + 1 < len(toks) and is_han(toks[k][0][0]) else None


# Verbs that act as prepositions before a noun and a main verb (面向|退役军人|开放…, 围绕|…):
# jieba files them as nouns or verbs.
_COVERBS = frozenset({"面向", "围绕", "依托", "借助", "联合", "会同", "携手"})


def _after_preposition(toks: list[tuple[str, str]], lex: FigureLexicon) -> list[tuple[str, str]]:
    """Drop a prepositional phrase and what precedes it: 通过|诉讼|方式|结案 → 结案.  The
    preposition's object runs to its first noun; what the number counts comes after it.
    Nothing is dropped when no word would be left (向|困难职工 …: the floor cut the verb)."""
    for k in range(len(toks) - 1, -1, -1):
        if toks[k][1] != "p" and toks[k][0] not in _COVERBS:
            continue
        j = k + 1
        # 在|全市|建成…: a scope word is a place's name, so it is the preposition's object
        while j < len(toks) and not _nounish(*toks[j], lex) and toks[j][0] not in _SCOPE:
            if toks[j][1] == "v" and j > k + 1 and j + 1 < len(toks):
                return toks[j:]  # 在|各县|建立…: the object ended before the verb
            j += 1
        while (
            j + 2 < len(toks)
            and toks[j + 1][1] in ("n", "nz", "l")
            and toks[j + 1][0] not in lex.nominal_verbs
        ):
            j += 1  # 通过|诉讼|方式: the object runs over its nouns, not into 结案 (a verb)
        if j + 1 < len(toks):
            return toks[j + 1 :]
        return toks
    return toks


def _predicate_slot(left: tuple[str, str], lex: FigureLexicon) -> bool:
    """Is the word after ``left`` in a predicate's place?  Adverbs and linking words (共, 已,
    还, 累计) modify verbs, never nouns, so a verb after them heads the clause's predicate and
    what follows it is the object (共|排查|隐患, 还|代理|案件)."""
    w, t = left
    if w in _MODALS or w in _MANNER_ADVERBS or w in _CHANNEL_ADVERBS or w in _INTENT:
        return True  # 可|领取, 主动|排查: a modal or a manner adverb is followed by its verb
    if w in lex.filler_set:
        # 现有|在册困难职工: an existential verb is the predicate itself
        return w not in ("的", "等") and not w.endswith("有")
    # One-character adverbs and sequence adverbs are about the event (共, 已, 还, 先后);
    # longer manner words (初步|就业意向) may modify a noun.
    return (t in ("d", "ad") and len(w) == 1) or w in _SEQUENCE_ADVERBS


# Manner adverbs (on one's own, promptly, regularly, by law, …) modify verbs only; jieba
# files them as adjectives, nouns or conjunctions (主动 b, 依法 n, 及时 c).  Words that also
# modify nouns (免费, 统一, 重点, 专门) are left out.
_MANNER_ADVERBS = frozenset(
    {"主动", "及时", "定期", "积极", "依法", "全力", "大力", "认真", "逐步", "切实", "着力", "随机"}
)
# Verbs of intention (plan to, strive to): like modals they stand before the predicate and
# take no noun object of their own (计划|培养|特级技师, 力争|培育|高技能人才).
_INTENT = frozenset({"计划", "力争", "拟", "预计", "准备"})

# Adverbials of channel and time (online, on site, in the same period, in step): they say how
# or when an act is done, so the word after them is the predicate (共|网上|立案|劳动争议案件,
# 同期|线上|签约|家政服务员), though jieba files them as place words or distinguishers.
_CHANNEL_ADVERBS = frozenset({"网上", "线上", "线下", "现场", "同期", "同步", "当场", "当面"})

_SEQUENCE_ADVERBS = frozenset({"先后", "陆续", "相继", "一共", "总共", "已经", "同时", "还将"})


# An amount given as a band (以上, 以下, 左右, 之间).
_BAND = re.compile(r"(?:以上|以下|左右|之间|上下)$")
# 占 as the verb of a share (not 占比, a proportion word, nor 占地 / 占用).
_SHARE = re.compile(r"[约近超逾仅]?占(?![比地用有])")
# Words between an amount and its 的 that say how it spreads (不等, 左右).
_SPREAD = re.compile(r"(?:不等|左右|上下|以上|以下)?")
_QUANTITY_NOUNS = frozenset({"人数", "数量", "总数", "次数", "人次", "金额", "总额", "规模", "数"})
_QUOTED_AFTER = re.compile(r"“([\u4e00-\u9fff]{2,12})”")
_VALUATION = frozenset({"价值", "总价", "金额", "总额"})
_QUOTED_BEFORE = re.compile(r"“([\u4e00-\u9fff]{2,12})”$")
# Tags of words that modify a verb: time words, pronouns like 每年, prepositions, conjunctions.
_ADVERBIAL = frozenset({"t", "r", "p", "c", "tg", "rz", "s", "f"})


def _subject_np(toks: list[tuple[str, str]], lex: FigureLexicon) -> str | None:
    """Nouns and the verbs between them back to a clause start (纠纷处置期限, 案件调处质量):
    the subject of a change verb.  Scope and filler words end it."""
    parts: list[str] = []
    toks = list(toks)
    cmp = next((k for k, (w, _) in enumerate(toks) if _COMPARE.fullmatch(w) and k), None)
    if cmp is not None:
        toks = toks[:cmp]  # 工会经费收入|较|上年|增长: the standard compared with is not it
    while toks and (
        toks[-1][0] in lex.filler_set
        or _COMPARE.fullmatch(toks[-1][0])
        or toks[-1][1] in ("a", "ad", "d")  # 职工工资|平均|增长
    ):
        toks.pop()  # 拖欠工资投诉|同比|下降
    if len(toks) > 2 and toks[-2][0] == "每" and len(toks[-1][0]) == 1:
        toks = toks[:-2]  # 派件费|每|单|提高: per what the change is, not what changed
    for w, t in reversed(toks):
        if w in _PER_WORDS and not parts:
            continue  # 年终奖|人均|增加: a distributive word after the noun says per what
        if w in _PER_WORDS:
            parts.insert(0, w)  # 一线员工|年均|工资: a statistic's name keeps it
            continue
        if w in ("月", "年", "日", "周") and parts:
            parts.insert(0, w)  # 人均|月|收入: jieba splits 月收入
            continue
        if w in _DEMONSTRATIVES and len(parts) > 1 and parts[0] in _BODY_WORDS:
            parts.pop(0)  # 该公司|一线职工年均工资: the owner is not what changed
        if w in _SCOPE or t == "ns" or w in lex.filler_set or not all(is_han(c) for c in w):
            break  # 顺德区|女职工人数: a place in front says where, like 全区
        if _nounish(w, t, lex) or _verbish(w, t, lex) or (parts and t in ("a", "b", "i")):
            parts.insert(0, w)  # 平均|结案周期: an adjective in front belongs to it
            continue
        break
    if not any(_nounish(w, t, lex) for w, t in toks if w in parts):
        return None
    while parts and not _nounish(parts[0], "n", lex) and parts[0] in lex.verb_set:
        parts.pop(0)  # a leading verb is the clause's own (提升|…)
    word = "".join(parts)[-12:]
    return word if len(word) >= 2 and parts else None


_PERCENT_UNITS = frozenset({"%", "百分点"})
_COMPARE = re.compile(r"同比|环比|相比|较|比(?![照如赛例重拼武])")  # not 比照, 比赛, 比例
# A change that follows the start amount: 由3000元|提高到4500元.
_CHANGE_AFTER = re.compile(
    r"[^，。；]{0,12}?(?:提高|增加|增长|上升|下降|减少|降低|缩短|延长|增至|降至|到|至)"
    r"|[\u4e00-\u9fff]{1,2}为(?=[0-9一二两三四五六七八九十百千万亿])"  # 由6项|精简为|2项
)
_PER_WORDS = frozenset({"人均", "每人", "户均", "年均", "月均", "日均", "平均每人"})
# 由2019年的8000元 / 由…提高到去年的1.2万元: a change of one quantity from one amount to another.
# 由6项精简为2项, 由4个扩充到10个: any verb with a resultative 为/到/至 between two amounts is
# such a change, whatever the verb.
_FROM_TO = re.compile(
    r"由(?:(?:[^，。；由]{0,8}的|(?:每[\u4e00-\u9fff]{1,2}){1,2}|人均)?|[^，。；由]{0,24}?(?:提高|增加|增长|上升|下降|减少|降低|缩短|延长|增至|降至)"
    r"(?:到|至)?(?:[^，。；]{0,8}的)?"
    r"|[^，。；由]{0,8}?[0-9一二两三四五六七八九十百千万亿][^，。；由]{0,4}?[\u4e00-\u9fff]{1,2}[为到至])$"
)


def clause_start(text: str, s_start: int, offset: int) -> int:
    """Start of the clause holding ``offset`` (after the last ，；： in its sentence)."""
    return max(s_start, max(text.rfind(c, s_start, offset) for c in "，；：") + 1)


# 该公司工会会员 / 本单位职工: a body referred back to by a demonstrative owns the counted items.
_DEMONSTRATIVES = frozenset({"该", "此", "本", "其"})
_BODY_WORDS = frozenset({"公司", "集团", "企业", "单位", "院", "局", "中心", "协会", "厂", "学校"})


def _adjacent(text: str, start: int, before: str, lex: FigureLexicon) -> bool:
    """Is ``before`` printed right before ``start``, with only linking words between?"""
    k = text.rfind(before, max(0, start - len(before) - 6), start)
    if k < 0:
        return False
    gap = text[k + len(before) : start]
    return gap == "" or gap in lex.filler_set


def _whole_words(text: str, m: re.Match[str], clause: int) -> str:
    """The rate name of ``m`` widened to whole jieba words (农民工实名制覆盖率, not
    工实名制覆盖率), when the wider name stays short."""
    start = m.start(1)
    age = _AGE_NUMBER.search(text, max(clause, start - 3), start) if m.group(1)[0] == "岁" else None
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
    return m.group(1)


def _content(name: str) -> str | None:
    """``name`` without leading function words (其中|女性会员占比 → 女性会员占比)."""
    words = pseg.lcut(name, HMM=False)
    k = 0
    while k < len(words) - 1 and (
        words[k].flag in ("r", "c", "p", "u", "uj", "f")
        or (words[k].flag == "d" and len(words[k].word) == 1)
    ):
        k += 1  # 以上|企业建会率: a localizer belongs to the phrase before; 非公 (jieba's d)
        # is a modifier, a one-character adverb is not
    out = "".join(w.word for w in words[k:])
    return out if len(out) >= 2 else None


# Proportion words that name a measure on their own (占比, 比例, 增幅); 率 is bound and needs
# the predicate it rates (建会|率, 调解成功|率).
_FREE_RATE = re.compile(r"(?:比重|占比|比例|[增降涨]幅|增速)$")
# Tags of words that stand inside a noun phrase in front of its head (新|就业形态, 在建|工程).
_INSIDE_NP = ("n", "nz", "vn", "a", "b", "v", "l", "j")


def _cut_owner(before: str, lex: FigureLexicon) -> bool:
    """Does the word right before a rate name belong to the same noun phrase (新|就业形态岗位占比,
    在建|工程项目开户率), so the pattern's length limit cut the owner in two?"""
    words = pseg.lcut(before, HMM=False)
    if not words:
        return False
    w, t = words[-1].word, words[-1].flag
    predicate = w in lex.verb_set or w in lex.filler_set or w in lex.change_verbs
    return is_han(w[-1]) and t in _INSIDE_NP and not predicate and w not in _SCOPE


def _rate_core(rate: str) -> str:
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
    while k > 0 and words[k - 1].flag in ("v", "vd") and words[k - 1].word not in _SCOPE:
        k -= 1  # 调解|成功|率, 建|会|率: the predicate's verbs before it are part of the name
    return "".join(w.word for w in words[k:]) + "率"


def _unowned_amount(measure: str | None) -> str | None:
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


def _unscoped(rate: str) -> str:
    """全区调解成功率 → 调解成功率: the scope says where, the rate is what is measured."""
    for scope in _SCOPE:
        if rate.startswith(scope) and len(rate) - len(scope) >= 2:
            return rate[len(scope) :]
    return rate


def figure_type(q: Quantity, measure: str | None, lex: FigureLexicon) -> FigureType | None:
    if q.kind == "money":
        return FigureType.MONEY
    if q.kind == "percent":
        return FigureType.PERCENT
    if q.kind in ("duration", "age"):
        return None
    if q.unit in lex.people_units:
        return FigureType.PEOPLE
    if q.unit in lex.case_units and measure and _names_cases(measure, lex):
        return FigureType.CASES
    return FigureType.COUNT


def _names_cases(measure: str, lex: FigureLexicon) -> bool:
    """Does ``measure`` name cases?  Decided by its head word, as a compound's head decides
    what it is (劳动争议|案件, 欠薪|投诉, 法律咨询, 信访件; 欠薪|问题 is a problem and 举报箱 a
    box): the head ends in a case word, or is a procedural paper (申请, 结论) that a procedure
    modifies (工伤|认定|申请).  A result after a verb (调解|成功) is no head; a bare 案 only
    leads a word (案件, 欠薪|案): in 提案, 方案 or 议案 it ends a word for a document."""
    words = [p.word for p in pseg.lcut(measure, HMM=False) if is_han(p.word[0])]
    while len(words) > 1 and (words[-1] in _RESULTS or words[-1] == "件"):
        words.pop()  # 调解|成功: the verb is the head, its result is not; 投诉|件: the paper
    if not words:
        return False
    word = words[-1]
    head = word.removesuffix("件") or word  # 信访件, 投诉件: 件 is the paper itself
    if word.startswith("案") or any(h.endswith(w) for h in (word, head) for w in lex.case_heads):
        return True
    return any(head.endswith(d) for d in lex.case_documents) and any(
        p in w for w in words for p in lex.procedures
    )


# Results printed after a verb (调解成功): they complete the verb and name nothing counted.
_RESULTS = frozenset({"成功", "完毕", "到位", "完成"})


# 每周来上三四次: a count of times under 每+period is a habit's frequency, not an amount.
_HABIT = re.compile(r"每(?:周|天|日|月|年|星期|季度|个月)")
_TIMES = frozenset({"次", "回", "趟", "遍"})
_RATINGS = frozenset({"千伏", "千瓦", "兆瓦"})


def _stated_amount(
    text: str, q: Quantity, quantities: Sequence[Quantity], starts: list[int], s_start: int
) -> bool:
    """Is ``q`` an amount the paper states, rather than a habit, a rating or a slogan?"""
    clause = max(s_start, max(text.rfind(c, s_start, q.start) for c in "，；：") + 1)
    if q.unit in _TIMES and _HABIT.search(text, clause, q.start):
        return False
    if q.unit in _RATINGS and q.end < len(text) and is_han(text[q.end]):
        # 500千伏松桃巡维中心, 10千瓦光伏电站: voltage or power glued to a noun is the rating
        # of equipment (its class), not an amount; 4600万亩耕地 is an amount.
        word = pseg.lcut(text[q.end : q.end + 6], HMM=False)[0]
        if word.flag.startswith(("n", "vn")) or word.flag in ("j", "l"):
            return False
    # 两个百分百 / 三个100%: a count of percentages is a slogan; neither number is a figure.
    k = bisect_left(starts, q.start)
    for o in quantities[max(0, k - 1) : k + 2]:
        pair = (o, q) if o.end == q.start else (q, o) if q.end == o.start else None
        if pair and pair[0].unit == "个" and pair[1].kind == "percent":
            return False
    return True


def build_figures(
    text: str,
    quantities: Sequence[Quantity],
    index: SentenceIndex,
    agencies: Sequence[AgencyMatch],
    dates: Sequence[DateMatch],
    pub_date: date | None = None,
) -> list[FigureRecord]:
    """Figures of ``text``; a to-date period reaching past ``pub_date`` (今年) is cut at it."""
    lex = figure_lexicon()
    out: list[FigureRecord] = []
    sents = index.sentences
    prev_in_sentence: dict[int, tuple[int, str | None, str | None]] = {}
    measures_in_sentence: dict[int, list[tuple[int, str | None]]] = {}
    units_in_sentence: dict[int, list[tuple[str, str | None]]] = {}
    last_count: dict[int, tuple[str | None, str | None]] = {}
    credited_by = sorted([*agencies, *references(text, agencies)], key=lambda a: a.start)
    starts = [q.start for q in quantities]  # find_quantities returns them in text order
    for q in quantities:
        si = index.sentence_of(q.start)
        s = sents[si] if sents else None
        s_start = s.start if s else 0
        s_end = s.end if s else len(text)
        prev_end, prev_measure, prev_unit = prev_in_sentence.get(si, (s_start, None, None))
        # 受理投诉1126件，同比下降21.3%，办结1098件: a percentage comments on the figure before
        # it, so a later count continues the sentence's last count, not the percentage
        kin_measure, kin_unit = (
            last_count.get(si, (None, None))
            if prev_unit in _PERCENT_UNITS and q.kind != "percent"
            else (prev_measure, prev_unit)
        )
        floor = max(s_start, prev_end)
        after = measure_after(text, q.end, lex, people=q.unit in lex.people_units)
        if (
            after
            and q.unit in lex.people_units
            and (after[-1] in _MONEY_END or after.endswith(("薪", "收入")))
        ):
            after = None  # 其中96人|月薪提高…: a money noun is the people's, it counts no one
        if after and q.unit in lex.people_units:
            words = _tags(after, lex)
            if (
                words[0][1] == "v"
                and words[0][0] not in lex.nominal_verbs
                and len(words) > 1
                and not any(a_person(w) for w, _ in words)
            ):
                # 劳动者1.2万人|加入|工会: a verb and its object after a count of people, with
                # no person noun, is what they do; the people are named before the number
                after = None
        rel = _RELATIVE_HEAD.match(text, q.end)
        rel_toks = _tags(rel.group()[:-1], lex) if rel is not None else []
        opens_verb = (
            rel is not None
            and rel_toks[0][1] == "v"
            and (
                not any(
                    w in lex.verb_set or w in lex.money_verbs or w in lex.after_verb_set
                    for w, _ in rel_toks
                )
                # 320名|参加技能比武的|一线职工: a verb with its own object before 的 lacks
                # only its subject, which is the head noun the number counts (120人参加的|培训:
                # a verb with no object lacks its object, and the number is its subject)
                or (
                    q.kind != "money"  # 14万元|用于…: an amount is no classifier of a noun
                    and len(rel_toks) >= 2
                    and _nounish(*rel_toks[-1], lex)  # (由56名|兼职|仲裁员|组成的: N V)
                    and not text.endswith("由", 0, q.start)
                )
            )
            and (after is None or rel.group().startswith(after))
        )
        if rel is not None and opens_verb:
            # 1.5万名|接触职业病危害因素的|劳动者: a relative clause before the head noun
            after = measure_after(text, rel.end(), lex, people=q.unit in lex.people_units)
        if (
            after is None
            and rel is not None
            and q.unit in lex.people_units
            and not text.endswith("由", 0, q.start)
        ):
            # 860名|在一线坚守的|医护人员: persons are counted by a person noun, so a person
            # noun heading the 的-phrase after the unit is what the number counts
            head = measure_after(text, rel.end(), lex, people=True)
            after = head if head is not None and a_person(head) else None
        if after is None and text.startswith(("、", "和"), q.end):
            # 给予每人2万元、5000元奖励: listed amounts share the noun after the last one
            k = starts.index(q.start)
            last = q
            for o in quantities[k + 1 :]:
                if o.unit != q.unit or text[last.end : o.start] not in ("、", "和", "及"):
                    break
                last = o
            if last is not q:
                after = measure_after(text, last.end, lex, people=q.unit in lex.people_units)
        before = measure_before(text, q.start, floor, lex, people=q.unit in lex.people_units)
        if before is not None and q.unit in lex.people_units:
            # 接待|职工|来访咨询1380人次: the people are counted, not their visit; only a
            # person noun followed by verbs alone (职工网友 is one noun, 招工 a verb)
            toks = _tags(before, lex)
            last = max(
                (k for k, (w, t) in enumerate(toks) if a_person(w) and t[0] == "n"), default=-1
            )
            if 0 <= last < len(toks) - 1 and all(t in ("v", "vn") for _, t in toks[last + 1 :]):
                before = "".join(w for w, _ in toks[: last + 1])
        # 职工网友超200万人次线上…: a noun linked to the number by 超/达/近 is the subject the
        # figure is predicated of; otherwise (为5893名职工, 中心3个日常维权窗口, 等6个部门)
        # the noun after the unit is what is counted.
        direct = (
            before is not None
            and not _verbish(before, "n", lex)
            and _adjacent(text, q.start, before, lex)
            and (q.text[0] in "超近逾约达" or text[q.start - 1] in "达超约")
        )
        if (
            prev_measure
            and before
            and before.startswith(prev_measure)
            and before != prev_measure
            and not any(c in "，；：" for c in text[prev_end : q.start])  # 会员|总数: a new clause
        ):
            # 为1.1万名劳动者|追讨|工资待遇: the noun right after the previous figure is its own
            # measure; what this figure counts is the object after the verb.
            rest = _tags(before[len(prev_measure) :], lex)
            while rest and _verbish(*rest[0], lex):
                rest = rest[1:]
            tail = "".join(w for w, _ in rest)
            before = tail if len(tail) >= 2 else before
        listing = _LIST_BEFORE.search(text, max(s_start, q.start - 40), q.start)
        if listing is not None and q.unit in lex.people_units:
            # 为外卖骑手、快递员、网约车司机等|1.26万人|投保: a list of people closed by 等 right
            # before the count names who is counted; the word after the unit is the predicate
            toks = _tags(listing.group(1), lex)
            while len(toks) > 1 and (
                toks[0][1] in ("p", "d", "m", "r", "c", "t") or toks[0][0] in lex.verb_set
            ):
                toks = toks[1:]  # (今年|共|帮扶|…: the list starts after time, adverbs and verbs)
            listed_people = "".join(w for w, _ in toks)
            if "、" in listed_people and a_person(listed_people.rpartition("、")[2]):
                before, direct = listed_people, True
        measure = before if direct else after or before
        listed = q
        for o in quantities[bisect_left(starts, q.start) + 1 :]:
            if o.unit != q.unit or text[listed.end : o.start] not in ("、", "和", "及", "与"):
                break
            listed = o  # 分别给予2000元、3000元|的一次性奖励: the list shares what follows it
        of_at = listed.end + len(_SPREAD.match(text, listed.end).group())  # 3000元至5000元不等|的
        valued = text.endswith(("价值", "总价值"), 0, q.start)  # 赠送价值100元的保险
        before_toks = _tags(before, lex) if before is not None else []
        verbal = bool(before_toks) and (
            before in lex.money_verbs
            or all(t == "v" for _, t in before_toks)
            or (len(before_toks) > 1 and before_toks[-1][0] in lex.money_verbs)
        )  # 给予|3000元至1万元的启动经费, 职工分别给予|…: a phrase ending in a verb names nothing
        if text.startswith("的", of_at) and (
            before is None or before in _VALUATION or valued or verbal
        ):
            # 价值5万元的“暖心包” / 不少于70%的资金: what the amount is of follows 的
            of = _QUOTED_AFTER.match(text, of_at + 1)
            noun = of.group(1) if of else measure_after(text, of_at + 1, lex, nominal=True)
            measure = noun or measure
        standard = _STANDARD.match(text, of_at)
        if (
            q.kind == "money"
            and standard is not None
            and _BY.search(text, clause_start(text, s_start, q.start), q.start)
        ):
            # 按每人每月1800元的标准|给予见习单位|生活补贴: an amount that sets a standard is
            # of the money the clause then pays
            topic = re.match(
                r"([\u4e00-\u9fff]{2,8}?)由", text[clause_start(text, s_start, q.start) :]
            )
            measure = (
                _paid_money(text[standard.end() : _clause_end(text, standard.end())], lex)
                # 岗位津贴由用人单位按…的标准发放: with nothing paid after the standard, the
                # money the clause opens with is paid by it
                or (topic.group(1) if topic and _money_noun(topic.group(1)) else None)
                or measure
            )
        if q.kind != "percent" and text.endswith("在", 0, q.start) and _BAND.search(q.text):
            # 单笔支出在5000元以上的项目 / 月工资在3000元以下的职工: the amount is a band of the
            # noun before 在, whatever the 的 after it describes
            lead = max(s_start, clause_start(text, s_start, q.start))
            subject = text[lead : q.start - 1]
            named = _subject_np(_tags(subject, lex), lex)
            if named is None and 2 <= len(subject) <= 8 and all(is_han(c) for c in subject):
                named = subject  # 单|次|采购: a short subject is taken whole, whatever its tags
            measure = named or measure
        moved = _FROM_TO.search(text, max(s_start, clause_start(text, s_start, q.start)), q.start)
        if (
            moved is not None
            and moved.end() - moved.start() <= 3
            and not _CHANGE_AFTER.match(text, q.end)
        ):
            moved = None  # 由56名仲裁员组成: a bare 由 names an agent, not a change's start
        if moved is not None and q.kind != "percent":
            # 人均收入由2019年的8000元提高到去年的1.2万元: both amounts are of the subject
            # before 由
            lead = clause_start(text, s_start, q.start)
            subject = _subject_np(_tags(text[lead : moved.start()], lex), lex)
            measure = subject or measure
        qualifier = q.qualifier
        if q.kind == "percent":
            # 办结率由过去的95%提高到98%: a rate named earlier in the clause is the measure.
            clause = max(text.rfind(c, s_start, q.start) for c in "，；：、") + 1
            found = list(_RATE.finditer(text, max(s_start, clause), q.start))
            rate = _unscoped(_whole_words(text, found[-1], clause)) if found else None
            rate = _content(rate.rpartition("的")[2]) if rate else None
            if rate and _cut_owner(text[max(s_start, clause) : found[-1].end(1) - len(rate)], lex):
                rate = _rate_core(rate)
            share = _SHARE.search(text, max(s_start, clause), q.start)
            if rate is None and share is not None:
                # 农民工子女占62% / 女职工人数约占职工总数的45%: with no linking verb, the
                # part named before 占 is what the share is of
                part = text[max(s_start, clause) : share.start()].removeprefix("其中")
                if part.endswith("的") and 3 <= len(part) <= 12 and all(is_han(c) for c in part):
                    # 其中|通过调解结案的|占六成: a headless 的-phrase is the part itself
                    rate = part
                else:
                    rate = _subject_np(_tags(part, lex), lex)
            if share is not None and share.group()[0] in "约近" and qualifier == "exact":
                # 约占…的45%: the approximation printed before 占 is the share's
                qualifier = "approx" if share.group()[0] == "约" else "under"
            measure = rate or (measure if text.startswith("的", q.end) else before)
        between = text[prev_end : q.start] if si in prev_in_sentence else ""
        compared = _COMPARE.search(between)
        if compared and measure and measure in between[compared.start() :]:
            measure = None  # 同比增加近5000件: 同比 is the comparison, not what is counted
        granted = bool(measure) and text.endswith(
            tuple(p + measure for p in ("每人", "每户", "人均", "户均")), 0, q.start
        )  # 每人|奖励|2000元: a grant of its own, not the previous figure's items
        if (
            kin_measure
            and (kin_unit == q.unit or {kin_unit, q.unit} <= set(lex.case_units))
            and not granted
            and (
                not measure
                or measure in lex.verb_set
                or _verbal_word(measure)
                # 受理调解申请1375件，调解|成功1108件: a verb and its result count the same
                or (measure.endswith(tuple(_RESULTS)) and measure[:-2] in lex.verb_set)
                or (  # 责令|整改156户: a verb printed right before the number
                    measure == before
                    and text.endswith(measure, 0, q.start)
                    and all(t == "v" for _, t in _tags(measure, lex))
                )
                or text.startswith("被" + measure, q.start - len(measure) - 1)
                # 立案…486件，网上开庭312宗: a docket act alone (件 and 宗 alike)
                # 受理…案件1200件，开庭审理860件: docket acts alone (件 and 宗 alike)
                or (q.unit in lex.case_units and _docket_acts_only(measure, lex))
                or _predicate_only(measure, lex)
            )
        ):
            # 受理…案件6843件，审结6512件 / 建成服务站48个，其中今年新建12个: a verb alone
            # counts the same items as before
            measure = kin_measure
        if (
            prev_measure
            and (not measure or measure in lex.change_verbs)
            and (_COMPARE.search(between) or between.strip("、和及与，, ") == "")
        ):
            # 调解劳动争议3.48万件，同比增加近5000件 / 受理案件5643宗，较2022年提升279% /
            # 分别为120件、98件: the later figure counts what the earlier one counted.
            measure = prev_measure
        lead = clause_start(text, s_start, q.start)
        if measure in ("价值", "总价值", "总价") and lead > s_start:
            # 运动装备3000套，价值约90万元: the goods just counted; 送去慰问品，总价值…:
            # the goods the clause before named
            counted = prev_measure if prev_measure and prev_end >= lead - 2 else None
            measure = counted or measure_before(text, lead - 1, floor, lex) or measure
        alone = text[lead : q.start]
        if lead > s_start and (
            (measure is None and alone in lex.filler_set)
            or ((measure is None or measure == alone) and alone in _PER_WORDS)
        ):
            # …开设农民工工资专用账户，共计1432个 / …发放助学金，人均1500元: a clause of a
            # total or a per-word alone counts what the clause before it named
            measure = measure_before(text, lead - 1, floor, lex, people=q.unit in lex.people_units)
            if measure is None and prev_measure and prev_unit == q.unit and prev_end >= lead - 2:
                # 发放互助保障金520万元，人均4000元: the clause before ends in its own figure,
                # whose noun the per-word divides
                measure = prev_measure
        if (
            q.kind == "money"
            and measure in lex.money_verbs
            and measure not in _GRANTS
            and lead > s_start
        ):
            # 活动经费由…承担，每场|投入|约2万元: a money verb alone names no money (发放,
            # 投入 are acts, 资助/补贴 grants); the amount is of the money the sentence named
            measure = _paid_money(text[s_start : lead - 1], lex) or measure
        topic = _TOPIC.match(text, s_start)
        if (
            topic is not None
            and q.kind != "percent"
            and topic.end() <= q.start
            and (measure is None or all(t == "v" for _, t in _tags(measure, lex)))
        ):
            # 对检查中发现的问题，已督促整改295个: the object is put up front as a topic
            head = topic.group(1).rpartition("的")[2]
            named = _subject_np(_tags(head, lex), lex)
            if named is None and 2 <= len(head) <= 6:
                named = head  # 诉求 is filed as a verb; after 的 it is the head noun
            measure = named or measure
        bare = text[clause_start(text, s_start, q.start) : q.start]
        if (
            q.unit in lex.people_units
            and measure is not None
            and (
                _no_people(measure, lex)
                or (measure == bare and len(_tags(bare, lex)) == 1 and not a_person(measure))
            )
        ):
            # ，结业|2900人: a clause of one non-person word and the number is a verb and its
            # count (jieba files 结业, 毕业 as nouns); it names no people either.
            # 共|补贴|4.1万人 / 组织一线职工、劳动模范|疗休养|2.8万人次: a verb names no people;
            # the people counted are the last ones the sentence named before the number
            measure = _people_before(text, s_start, q.start, lex) or measure
        if (
            q.unit in lex.people_units
            and measure is None
            and after is None
            and any(text.endswith(v, 0, q.start) for v in _CAUSATIVES)
        ):
            # 吸纳当地农牧民群众务工，已带动|1.2万余人|就近就业: a causative's people are the
            # people the sentence named before
            measure = _people_before(text, s_start, q.start, lex)
        earlier = measures_in_sentence.setdefault(si, [])
        mapped = _respectively(text, q, quantities, starts, s_start, earlier)
        measure = mapped or measure
        group = None if mapped or after else _group_of(text, s_start, q.start, lex)
        if group is not None:
            # 已建会的非公企业中有486家 / 已建会企业中实行厂务公开的有452家: a count inside
            # 'X中(…的)有' is a part of the group X, and counts X's members
            measure = group
            mapped = group
        if (
            after is None
            and not mapped
            and q.kind != "percent"
            and _HEADLESS.search(text, max(0, q.start - 3), q.start)
        ):
            # 其中认定为工伤的4385件 / 考入专科院校的1700余人 / …以上的有23件: a 的-phrase
            # with no noun after the number leaves its head out; it is the set the sentence
            # draws from (在…案件中，) or what an earlier figure of its kind counted
            measure = (
                _frame_set(text, s_start, q.start, lex)
                or _same_kind(q, units_in_sentence.get(si, []), lex)
                # 考入本科院校的学生2100人…；考入专科院校的1700余人: a clause after ； goes on
                # with the items of the clause before it
                or (
                    text[s_start - 1 : s_start] == "；"
                    and _same_kind(q, units_in_sentence.get(si - 1, []), lex)
                )
                # 评聘特级技师27名。加上首批评聘的19名，…: or of the sentence before in the
                # same paragraph
                or (
                    si > 0
                    and sents[si - 1].paragraph == s.paragraph  # type: ignore[union-attr]
                    and _same_kind(q, units_in_sentence.get(si - 1, []), lex)
                )
                or measure
            )
        if (
            after is None
            and not mapped
            and q.kind != "percent"
            and text.startswith("其中", s_start)
            and _HEADLESS.search(text, max(0, q.start - 3), q.start)
        ):
            # 其中，涉及工程建设领域的744件: a sentence opening with 其中 draws a part from what
            # was just counted; the 的-phrase only says which part, the head is left out
            measure = (
                _same_kind(q, units_in_sentence.get(si, []), lex)
                or _same_kind(q, units_in_sentence.get(si - 1, []), lex)
                or measure
            )
        lead = clause_start(text, s_start, q.start)
        ratio = _RATIO_OF.fullmatch(text, lead, q.start) if q.kind == "percent" else None
        if ratio is not None:
            # 公寓租金为市场租金的七成: the share is the subject's, the standard after 为 is
            # what it is compared with
            measure = _subject_np(_tags(ratio.group(1), lex), lex) or measure
        if measure is None and text.startswith("每", lead) and earlier and earlier[-1][1]:
            # 公寓租金为…七成左右，每套每月400元至900元不等: a clause of distributives and an
            # amount with no noun goes on with what the clause before measured
            measure = earlier[-1][1]
        if q.kind == "percent" and _SHARE_OF_WHOLE.fullmatch(text, lead, q.start) and prev_measure:
            # 其中脱贫人口3400余人，占务工总人数的28%: a share printed after a part is that
            # part's share of the whole
            measure = prev_measure if lead > s_start else measure
        earlier.append((q.start, measure))
        if measure is None and text.endswith("其中", 0, q.start):
            # 为毕业学员推荐岗位260个，帮助|其中|96人…: 其中 takes a part of what the sentence
            # named of the figure's kind; for people, the people it named last
            measure = _same_kind(q, units_in_sentence.get(si, []), lex) or (
                _people_before(text, s_start, q.start, lex) if q.unit in lex.people_units else None
            )
        if measure is None and prev_measure and text.startswith("其中", lead):
            measure = prev_measure  # 培训农民工1.6万人次，其中…的有9800人: a part of them
        if measure is None:
            # 入会司机中，…的有1860人: a 'X中，' frame names the set the count is drawn from;
            # people are drawn from a set of people only (竞赛中，… frames an event)
            frame = _frame_set(text, s_start, q.start, lex)
            people = q.unit in lex.people_units
            if frame is not None and (not people or a_person(frame)):
                measure = frame
            elif lead > s_start and text[lead : q.start] in ("", "共", "共有", "另有", "有"):
                # …280名职工取得证书，23人被授予…: a clause opening with its number counts
                # what the sentence's earlier figure of its kind counted
                measure = _same_kind(q, units_in_sentence.get(si, []), lex)
            elif people and after is None and _opens_verb(text, q.end, lex):
                # 培训农民工3100余人次，帮助1260人|取得证书: a bare count of people doing
                # something counts the people the sentence named before
                measure = _same_kind(q, units_in_sentence.get(si, []), lex)
        if measure and measure[0] == "级" and len(measure) > 2:
            measure = measure[1:]  # 全国|级示范书屋: the scope went, its level goes too
        measure = _unowned_amount(measure)
        units_in_sentence.setdefault(si, []).append((q.unit, measure))
        prev_in_sentence[si] = (q.end, measure, q.unit)
        if q.kind != "percent":
            last_count[si] = (measure, q.unit)
        ftype = figure_type(q, measure, lex)
        if ftype is None or not _stated_amount(text, q, quantities, starts, s_start):
            continue
        agency = credited(text, credited_by, sents, si, q.start)
        period = figure_period(text, dates, index, si, q.start, pub_date)
        p_first, p_last = period_bounds(period, pub_date) if period else (None, None)
        out.append(
            FigureRecord(
                type=ftype,
                text=q.text,
                value=float(q.value),
                value_max=float(q.value_max) if q.value_max is not None else None,
                qualifier=qualifier,
                unit=q.unit,
                measure=measure,
                agency=agency,
                period_text=period.text if period else None,
                period_start=p_first.isoformat() if p_first else None,
                period_end=p_last.isoformat() if p_last else None,
                start=q.start,
                end=q.end,
                paragraph=index.paragraph_of(q.start),
                sentence=text[s_start:s_end],
            )
        )
    return out


# …元的标准 / …元的补助标准 after 按/按照: the amount is a rate the clause goes on to pay.
_STANDARD = re.compile(r"的[\u4e00-\u9fff]{0,4}标准")
_BY = re.compile(r"按照|按|依照")
# Money nouns a standard pays that do not end in a money character.
_GRANTS = frozenset({"奖励", "补助", "资助", "救助", "奖金"})


def _clause_end(text: str, at: int) -> int:
    ends = [k for k in (text.find(c, at) for c in _CLAUSE_END) if k >= 0]
    return min(ends, default=len(text))


def _paid_money(rest: str, lex: FigureLexicon) -> str | None:
    """The money noun a clause pays (给予见习单位|生活补贴, 向律师团支付|办案补贴): its last
    money word with the one modifier before it (a recipient before that is not the money)."""
    toks = _tags(rest, lex)
    k = max((k for k, (w, _) in enumerate(toks) if w[-1] in _MONEY_END or w in _GRANTS), default=-1)
    if k < 0:
        return None
    word = toks[k][0]
    if k > 0 and len(word) == 2:  # 岗位补贴 is whole already; 生活|补贴 takes its modifier
        w, t = toks[k - 1]
        if len(w) >= 2 and t[0] in "nvb" and w not in lex.verb_set and w not in lex.money_verbs:
            word = w + word
    return word if len(word) >= 2 else None


# 对…的问题，… / 针对…，…: an object put up front as the sentence's topic.
_TOPIC = re.compile(r"(?:对于|对|针对)([\u4e00-\u9fff]{2,20})[，,]")
# A relative clause right after the unit: verb phrase + 的, no number or break inside.
_RELATIVE_HEAD = re.compile(r"[\u4e00-\u9fff]{2,14}?的(?=[\u4e00-\u9fff])")
# 入会司机中，… / 在已调解的案件中，…: the set the sentence's counts are drawn from.
_FRAME = re.compile(r"(?:在)?([\u4e00-\u9fff]{2,10}?)中[，,]")
# A 的-phrase ending right before the number (…的4385件, …的有23件): its head noun is left out.
_HEADLESS = re.compile(r"[\u4e00-\u9fff]的有?$")


def _docket_acts_only(measure: str, lex: FigureLexicon) -> bool:
    """开庭审理, 网上立案: docket acts and lexicon verbs only (however jieba joins them), at
    least one a docket act: they name the cases' handling, not the cases."""
    rest, act = measure, False
    while rest:
        word = next((w for w in (*lex.docket_acts, *lex.verb_set) if rest.startswith(w)), None)
        if word is None:
            return False
        act = act or word in lex.docket_acts
        rest = rest[len(word) :]
    return act


def _per_word(word: str) -> bool:
    """人均, 每人, 每年: a distributive word (per head, per year)."""
    return word in _PER_WORDS or (len(word) >= 2 and word[0] == "每")


def _predicate_only(measure: str, lex: FigureLexicon) -> bool:
    """今年|新开设: time words, adverbs and a verb (an adverb or adjective character glued to
    it counts as an adverb), no noun: a predicate that names nothing (其中今年新开设30个
    counts the items counted before)."""
    toks = _tags(measure, lex)
    if len(toks) < 2 or toks[-1][0] in lex.nominal_verbs:
        return False
    w, t = toks[-1]
    tags = pseg.dt.word_tag_tab
    verb = t == "v" or (
        len(w) >= 3 and tags.get(w[0], "") in ("a", "d") and tags.get(w[1:], "").startswith("v")
    )
    return verb and all(t in ("t", "d") or (t == "a" and len(w) == 1) for w, t in toks[:-1])


def _no_people(measure: str, lex: FigureLexicon) -> bool:
    """A measure made of verbs only (补贴, 休养): it names no people (服务, a verbal noun
    after 等, names the services counted)."""
    toks = _tags(measure, lex)
    return all(t == "v" or w in lex.verb_set or w in lex.money_verbs for w, t in toks) and not any(
        a_person(w) for w, _ in toks
    )


def _people_before(text: str, s_start: int, offset: int, lex: FigureLexicon) -> str | None:
    """The last person noun printed before ``offset`` in the sentence (with one modifier:
    参保的|困难职工 → 困难职工)."""
    toks = _tags(text[max(s_start, offset - 40) : offset], lex)
    k = max((k for k, (w, t) in enumerate(toks) if a_person(w) and t[0] in "nl"), default=-1)
    if k < 0:
        return None
    word = toks[k][0]
    left = toks[k - 1] if k > 0 else ("", "x")
    if (left[1] in ("n", "a", "b") or (left[1] == "m" and _nounish(*left, lex))) and left[
        0
    ] not in _SCOPE:
        # 一线|职工 (a numeral-filed noun) is a modifier; 8900|余人次|职工 is a count
        word = toks[k - 1][0] + word  # 困难|职工, 一线|职工
    return word


def _frame_set(text: str, s_start: int, offset: int, lex: FigureLexicon) -> str | None:
    """The set a 'X中，' frame names before ``offset``, opening the sentence or a clause
    after a report (据…统计，在办理的案件中，…)."""
    at = s_start
    while at < offset:
        frame = _FRAME.match(text, at)
        if frame is not None and frame.end() <= offset:
            return _subject_np(_tags(frame.group(1), lex), lex)
        comma = text.find("，", at, offset)
        if comma < 0:
            return None
        at = comma + 1
    return None


# 'X中有N' / 'X中…的有N': a part of a group counted inside it.
_IN_GROUP = re.compile(r"中(?:[^，。；：中]{0,12}的)?有$")


def _group_of(text: str, s_start: int, offset: int, lex: FigureLexicon) -> str | None:
    """The group X of 'X中(…的)有N' right before ``offset``, from its clause's start (time
    and scope words left out); long groups keep what follows their last 的."""
    m = _IN_GROUP.search(text, max(s_start, offset - 16), offset)
    if m is None:
        return None
    toks = _tags(text[clause_start(text, s_start, m.start()) : m.start()], lex)
    while toks and (toks[0][1] in _ADVERBIAL or toks[0][0] in _SCOPE or toks[0][1] == "m"):
        toks = toks[1:]  # 截至…，全区|已建会的非公企业中: time and scope say where and when
    if not toks or not _nounish(*toks[-1], lex):
        return None
    words = [w for w, _ in toks]
    while len("".join(words)) > 14 and "的" in words:
        words = words[words.index("的") + 1 :]
    word = "".join(words)
    return word if len(word) >= 2 and all(is_han(c) for c in word) else None


def _opens_verb(text: str, at: int, lex: FigureLexicon) -> bool:
    """Is the first word at ``at`` a verb (帮助1260人|取得…)?"""
    toks = _tags(text[at : at + 4], lex)
    return bool(toks) and toks[0][1] == "v"


def _same_kind(
    q: Quantity, earlier: Sequence[tuple[str, str | None]], lex: FigureLexicon
) -> str | None:
    """What the sentence's last earlier figure of ``q``'s unit (people units as one) counted."""
    people = q.unit in lex.people_units
    for unit, measure in reversed(earlier):
        if measure and (unit == q.unit or (people and unit in lex.people_units)):
            return measure
    return None


def _respectively(
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
    k = bisect_left(starts, at)
    if not _COMPARE.search(text, at, q.start):
        each = _each_subject(text, q, quantities, k, s_start, at)
        if each is not None or not _COMPARE.search(text, clause_start(text, s_start, at), at):
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
_LINKS = re.compile(r"(?:占|为|是|达|达到|有|约|超过|约占)")
_CHANGES = re.compile(r"(?:增长|增加|提高|上升|下降|减少|降低)了?")


def _each_subject(
    text: str, q: Quantity, quantities: Sequence[Quantity], k: int, s_start: int, at: int
) -> str | None:
    """困难帮扶和就业求助分别占17%和9%: with a linking verb after 分别, the i-th amount is of
    the i-th of the coordinated subjects; a quantity noun printed once after the last of them
    is shared (女职工和农民工入会人数 → 女职工入会人数, 农民工入会人数)."""
    if k >= len(quantities):
        return None
    link = text[at + 2 : quantities[k].start]
    compared = _COMPARE.search(text, clause_start(text, s_start, at), at)
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
    toks = _tags(text[clause_start(text, s_start, at) : at], lex)
    while toks and (
        toks[0][1] in _ADVERBIAL or toks[0][0] in _SCOPE or toks[0][0] in lex.filler_set
    ):
        toks = toks[1:]  # 今年，全市|…: time and scope words are no conjunct
    while toks and _COMPARE.fullmatch(toks[-1][0]):
        toks = toks[:-1]  # 人数和金额|同比|分别增长: the comparison is no conjunct
    conjuncts: list[list[str]] = [[]]
    for w, t in toks:
        if w in _CONJ:
            conjuncts.append([])
        elif _nounish(w, t, lex) or t.startswith("v") or t in ("a", "b"):
            conjuncts[-1].append(w)
        else:
            return None  # not a plain coordination of nouns
    if len(conjuncts) != len(group) or any(not c for c in conjuncts):
        return None
    last = conjuncts[-1]
    shared = ""
    if len(last) > 1 and all(len(c) == 1 for c in conjuncts[:-1]):
        # 建筑业和餐饮业|一线职工工资平均增幅: one-word conjuncts before a longer last one are
        # coordinated modifiers; they share the rest of the last one, its head
        shared = "".join(last[1:])
    names = ["".join(c) + shared for c in conjuncts[:-1]] + ["".join(last)]
    name = names[group.index(q)]
    return name if len(name) >= 2 else None
