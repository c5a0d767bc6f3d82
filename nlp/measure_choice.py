"""The measure of each figure, chosen in its sentence.

NLP stage (ingest → **nlp** → search), called by ``nlp.figures`` for each quantity in text
order.  ``nlp.measures`` reads the noun phrase after the unit and the one before the number;
``choose_measure`` picks between them and corrects the pick by what the sentence says around
the number (a 的-phrase after it, a standard, a band, a change from one amount to another, a
rate, a share) and by what earlier figures of the sentence counted (``nlp.measure_context``):
a verb alone, a comparison, a total, a 分别 list or a part drawn with 其中 count what was
counted before.  ``SentenceMemory`` keeps those earlier figures.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from collections.abc import Sequence
from dataclasses import dataclass, field

import jieba.posseg as pseg

from baoku.ingest.textclean import is_han
from baoku.nlp.cohesion import a_person
from baoku.nlp.jieba_words import word_freq
from baoku.nlp.measure_context import (
    a_place,
    frame_set,
    group_of,
    people_before,
    respectively,
    same_kind,
)
from baoku.nlp.measure_edges import Figure, adjusted_measure
from baoku.nlp.measure_words import (
    COMPARE,
    GRANT_HEADS,
    GRANTS,
    MONEY_END,
    PER_WORDS,
    QUANTITY_NOUNS,
    RESULTS,
    FigureLexicon,
    clause_end,
    clause_start,
    money_noun,
    noun_term,
    nounish,
    opens_with_verb,
    verbal_word,
    verbish,
    word_tags,
)
from baoku.nlp.measures import measure_after, measure_before, paid_money, subject_np
from baoku.nlp.people import a_name
from baoku.nlp.places import find_places
from baoku.nlp.quantities import Quantity
from baoku.nlp.rates import rate_of_percent, unowned_amount
from baoku.nlp.sentences import Sentence

# Causative verbs whose object is people doing the next verb (带动1.2万人就业), and verbs of
# reaching people (惠及|2300余人): their people are those the sentence named before.
_CAUSATIVES = ("带动", "吸引", "促进", "惠及", "受益", "覆盖", "服务")

# An enumeration closed by 等 right before a number (外卖骑手、快递员、网约车司机等).
_LIST_BEFORE = re.compile(
    r"((?:(?:(?![为向对给和与及])[\u4e00-\u9fff]){2,10}、)+[\u4e00-\u9fff]{2,8})等$"
)

# A subject, a link and the standard compared with, right before a share (租金为市场价的七成).
_RATIO_OF = re.compile(r"([\u4e00-\u9fff]{2,10}?)(?:约为|仅为|为|是|相当于)[^，。；为]{1,12}的")

# 占 + the whole + 的 right before a share (占务工总人数的28%).
_SHARE_OF_WHOLE = re.compile(r"[约近超逾仅]?占[^，。；]{1,12}的")

# An amount given as a band (以上, 以下, 左右, 之间).
_BAND = re.compile(r"(?:以上|以下|左右|之间|上下)$")
# Words between an amount and its 的 that say how it spreads (不等, 左右).
_SPREAD = re.compile(r"(?:不等|左右|上下|以上|以下)?")
_QUOTED_AFTER = re.compile(r"“([\u4e00-\u9fff]{2,12})”")
_VALUATION = frozenset({"价值", "总价", "金额", "总额"})

PERCENT_UNITS = frozenset({"%", "百分点"})
# A change that follows the start amount: 由3000元|提高到4500元.
_CHANGE_AFTER = re.compile(
    r"[^，。；]{0,12}?(?:提高|增加|增长|上升|下降|减少|降低|缩短|延长|增至|降至|上涨|涨|到|至)"
    r"|[\u4e00-\u9fff]{1,2}为(?=[0-9一二两三四五六七八九十百千万亿])"  # 由6项|精简为|2项
)
# 由2019年的8000元 / 由去年的每人100元 / 由…提高到去年的1.2万元: a change of one quantity
# from one amount to another.
# 由6项精简为2项, 由4个扩充到10个: any verb with a resultative 为/到/至 between two amounts is
# such a change, whatever the verb.
# 从 opens such a change as 由 does (夜班补贴从每班15元提高到25元, 工资从3200元左右涨到了…).
_FROM_TO = re.compile(
    r"(?:由|从(?![事业严而中]))(?:(?:[^，。；由从]{0,8}的)?(?:(?:每[\u4e00-\u9fff]{1,2}){1,2}|人均)?|[^，。；由从]{0,24}?"
    r"(?:提高|增加|增长|上升|下降|减少|降低|缩短|延长|增至|降至|上涨|涨)"
    r"(?:到|至)?了?(?:[^，。；]{0,8}的)?"
    r"|[^，。；由从]{0,8}?[0-9一二两三四五六七八九十百千万亿][^，。；由从]{0,4}?[\u4e00-\u9fff]{1,2}[为到至])$"
)

# …元的标准 / …元的补助标准 after 按/按照: the amount is a rate the clause goes on to pay.
_STANDARD = re.compile(r"的[\u4e00-\u9fff]{0,4}标准")
_BY = re.compile(r"按照|按|依照")
# 对…的问题，… / 针对…，…: an object put up front as the sentence's topic.
_TOPIC = re.compile(r"(?:对于|对|针对|像这样的|这样的|类似的)([\u4e00-\u9fff]{2,20})[，,]")
# A relative clause right after the unit: verb phrase + 的, no number or break inside.
_RELATIVE_HEAD = re.compile(r"[\u4e00-\u9fff]{2,20}?的(?=[\u4e00-\u9fff])")
# A 的-phrase ending right before the number (…的4385件, …的有23件): its head noun is left out.
_HEADLESS = re.compile(r"[\u4e00-\u9fff]的(?:有|分别为|分别有|分别是|分别达)?$")


@dataclass(slots=True)
class SentenceMemory:
    """What the article's earlier figures counted, by sentence index: the last figure's end,
    measure and unit; every (start, measure); every (unit, measure); the last count's (not a
    percentage's) measure and unit."""

    last: dict[int, tuple[int, str | None, str | None]] = field(default_factory=dict)
    measures: dict[int, list[tuple[int, str | None]]] = field(default_factory=dict)
    units: dict[int, list[tuple[str, str | None]]] = field(default_factory=dict)
    last_count: dict[int, tuple[str | None, str | None]] = field(default_factory=dict)
    # the count a sentence's last count is a part of (共受理1386件，其中追索…867件)
    whole_count: dict[int, tuple[str | None, str | None]] = field(default_factory=dict)

    def remember(self, si: int, q: Quantity, measure: str | None, *, part: bool) -> None:
        self.units.setdefault(si, []).append((q.unit, measure))
        self.last[si] = (q.end, measure, q.unit)
        if q.kind != "percent":
            whole = self.whole_count.get(si)
            if not part and whole is not None and whole[1] == q.unit:
                del self.whole_count[si]  # a new count of the whole's kind ends the parts
            elif part and whole is None and si in self.last_count:
                self.whole_count[si] = self.last_count[si]
            self.last_count[si] = (measure, q.unit)


@dataclass(frozen=True, slots=True)
class Spot:
    """One quantity in its sentence, with what the figures before it in the sentence left."""

    text: str
    q: Quantity
    quantities: Sequence[Quantity]
    starts: list[int]
    sents: Sequence[Sentence]
    si: int
    s_start: int
    lead: int  # start of the number's clause
    prev_end: int  # end of the sentence's previous figure (the sentence start if none)
    prev_measure: str | None
    prev_unit: str | None
    kin_measure: str | None  # what the figure this one may continue counted
    kin_unit: str | None
    seen: bool  # the sentence had figures before this one
    people: bool  # counted in people units
    lex: FigureLexicon

    @property
    def floor(self) -> int:
        return max(self.s_start, self.prev_end)


def spot_of(
    text: str,
    q: Quantity,
    quantities: Sequence[Quantity],
    starts: list[int],
    sents: Sequence[Sentence],
    si: int,
    s_start: int,
    memory: SentenceMemory,
    lex: FigureLexicon,
) -> Spot:
    prev_end, prev_measure, prev_unit = memory.last.get(si, (s_start, None, None))
    # 受理投诉1126件，同比下降21.3%，办结1098件: a percentage comments on the figure before
    # it, so a later count continues the sentence's last count, not the percentage
    kin_measure, kin_unit = (
        memory.last_count.get(si, (None, None))
        if prev_unit in PERCENT_UNITS and q.kind != "percent"
        else (prev_measure, prev_unit)
    )
    if si not in memory.last and si > 0 and text[s_start - 1 : s_start] in ("；", ";"):
        # 受理劳动争议案件532件，同比下降11.3%；审结518件: a clause after a semicolon goes
        # on with the count before it, and with the whole where that count was a part of it
        # (共受理1386件，其中追索劳动报酬案件867件；已审结1302件)
        kin_measure, kin_unit = memory.last_count.get(si - 1, (None, None))
        whole = memory.whole_count.get(si - 1)
        if whole is not None and whole[1] == q.unit:
            kin_measure, kin_unit = whole  # (…，涉及金额3000万元；已审结1302件: the cases)
    return Spot(
        text=text,
        q=q,
        quantities=quantities,
        starts=starts,
        sents=sents,
        si=si,
        s_start=s_start,
        lead=clause_start(text, s_start, q.start),
        prev_end=prev_end,
        prev_measure=prev_measure,
        prev_unit=prev_unit,
        kin_measure=kin_measure,
        kin_unit=kin_unit,
        seen=si in memory.last,
        people=q.unit in lex.people_units,
        lex=lex,
    )


def choose_measure(spot: Spot, memory: SentenceMemory) -> tuple[str | None, str]:
    """The measure of ``spot``'s figure and its qualifier (a share's 约占 makes it approximate);
    ``memory`` learns the figure."""
    q = spot.q
    after = _noun_after_unit(spot)
    before = _noun_before_number(spot)
    measure, before = _after_or_before(spot, after, before)
    measure = _of_phrase(spot, measure, before)
    measure = _paid_by_standard(spot, measure)
    measure = _band_subject(spot, measure)
    measure = _changed_subject(spot, measure)
    qualifier = q.qualifier
    if q.kind == "percent":
        measure, qualifier = _percent_measure(spot, measure, before, qualifier)
        # 把平台抽成上限|由25%下调至22%: with no rate named, what changed is the subject
        measure = measure or _changed_subject(spot, None)
        measure = _share_borne(spot, measure)
        # 行业最低工资标准|比当地标准|高出|15%: the subject compared, before the count goes on
        measure = _compared_subject(spot, measure)
        measure = _set_by_rate(spot, measure)
    measure = _continued_count(spot, measure, before)
    measure = _valued_goods(spot, measure)
    measure = _clause_of_total(spot, measure)
    measure = _money_of_verb(spot, measure)
    measure = _cost_of_subject(spot, measure)
    if q.kind == "money" and measure in spot.lex.money_verbs and after and money_noun(after):
        measure = after  # 每家给予|5万元建设经费: the money named after the amount
    measure = _withheld_money(spot, measure)
    measure = _grant_of_body(spot, measure)
    measure = _drawn_from_fund(spot, measure)
    measure = _compared_subject(spot, measure)
    measure = _distributed_grant(spot, measure)
    measure = _object_of_repeated_verb(spot, measure)
    measure = _topic_object(spot, measure)
    measure = _people_counted(spot, measure, after)
    measure = _named_person_dropped(spot, measure)
    measure = _recipient_dropped(spot, measure)
    earlier = memory.measures.setdefault(spot.si, [])
    mapped = respectively(spot.text, q, spot.quantities, spot.starts, spot.s_start, earlier)
    measure = mapped or measure
    group = None if mapped else group_of(spot.text, spot.s_start, q.start, spot.lex)
    if group is not None and after and word_tags(after, spot.lex)[0][1] != "v":
        group = None  # (上述案件中的7起|提起公诉: only a verb after the unit leaves the group)
    if group is not None:
        # 已建会的非公企业中有486家 / 已建会企业中实行厂务公开的有452家: a count inside
        # 'X中(…的)有' is a part of the group X, and counts X's members
        measure = mapped = group
    if after is None and not mapped and q.kind != "percent":
        measure = _headless_head(spot, measure, memory)
    if measure is None and not mapped:
        # 全市新开工…项目中，按项目参加工伤保险的有412个: a group framing the clause before
        # names the items only where nothing nearer does
        measure = group_of(spot.text, spot.s_start, q.start, spot.lex, framed=True)
    if not mapped:
        measure = _grant_paid(spot, measure)
    measure = _money_per_person(spot, measure, memory)
    measure = _share_of_subject(spot, measure, earlier)
    earlier.append((q.start, measure))
    measure = _part_or_frame(spot, measure, after, memory)
    if measure and measure[0] == "级" and len(measure) > 2:
        measure = measure[1:]  # 全国|级示范书屋: the scope went, its level goes too
    measure = _bare_of_frame_words(spot, measure)
    measure = _after_listed_kinds(spot, measure)
    measure = unowned_amount(measure)
    measure = _ranked_subject(spot, measure)
    measure = _classes_held(spot, measure)
    measure = _headless_phrase(spot, measure)
    measure = _money_topic(spot, measure)
    measure = _learned_edges(spot, measure)
    memory.remember(spot.si, q, measure, part=_opens(spot, "其中"))
    return measure, qualifier


# Words closing an 、-list of kinds of work (冷库作业、分拣、装卸等|岗位): the list's head.
_LISTED_KIND_HEADS = ("岗位", "行业", "领域", "工种")


def _after_listed_kinds(spot: Spot, measure: str | None) -> str | None:
    """冷库作业、分拣、装卸等岗位|一线职工: the head closing a list with 等 belongs to the list;
    the measure is the people or the pay after it."""
    if not measure or not measure.startswith(_LISTED_KIND_HEADS) or len(measure) < 4:
        return measure
    at = spot.text.rfind(measure, spot.s_start, spot.q.start)
    if at <= spot.s_start or spot.text[at - 1] != "等":
        return measure
    rest = measure[2:]
    # (…等行业|工会联合会, …等岗位|信息: the head names the things counted)
    return rest if a_person(rest) or money_noun(rest) else measure


def _learned_edges(spot: Spot, measure: str | None) -> str | None:
    """The rules' phrase with its edges moved where the learned scorer prefers a neighbour
    (``nlp.measure_edges``)."""
    q = spot.q
    end = spot.sents[spot.si].end if spot.sents else len(spot.text)
    kind = q.kind if q.kind in ("money", "percent") else "people" if spot.people else "count"
    figure = Figure(q.start - spot.s_start, q.end - spot.s_start, q.unit, kind)
    return adjusted_measure(spot.text[spot.s_start : end], figure, measure)


# Money nouns that end in no money character (房租, 收入).
_MONEY_TOPICS = ("租", "收入", "价")


def _money_topic(spot: Spot, measure: str | None) -> str | None:
    """光房租就能省下7000多元 / 岗位津贴不降反增，每月多了300多元: an amount nothing names is
    of the last money noun its clause prints, or, where the clause names neither a noun nor
    an act of its own (每月多了), of the last one the clause before prints."""
    if measure is not None or spot.q.kind != "money":
        return measure
    text, lex = spot.text, spot.lex
    lead = spot.lead
    end = spot.q.start
    for _ in range(2):
        toks: list[tuple[str, str]] = []
        for w, t in word_tags(text[lead:end], lex):
            if w in MONEY_END and toks and nounish(*toks[-1], lex):
                toks[-1] = (toks[-1][0] + w, "n")  # 场地|费: jieba leaves the money suffix apart
            else:
                toks.append((w, t))
        last = max(
            (
                k
                for k, (w, t) in enumerate(toks)
                if len(w) >= 2
                and (money_noun(w) or w.endswith(_MONEY_TOPICS))
                and (nounish(w, t, lex) or w in lex.nominal_verbs)
            ),
            default=-1,
        )
        if (
            last < 0
            and "其中" not in text[lead:end]  # (挪用了其中的36万元: a part of the money before)
            and any(
                (nounish(w, t, lex) or (t.startswith("v") and w not in lex.change_verbs))
                and not w.startswith("每")
                and not (k and toks[k - 1][0] == "每")  # (每|单|0.04元: per what)
                for k, (w, t) in enumerate(toks)
            )
        ):
            return None  # (工会为他争取到2万元: the clause names its own actors; no topic)
        if last >= 0:
            first = last
            while first > 0 and nounish(*toks[first - 1], lex) and toks[first - 1][0] != "光":
                first -= 1  # (发放|补贴, 足额拨付|人工费: the noun run, no verb before it)
            # (现在|工资: a time word opening the noun run is tidied away)
            return _edges_tidied("".join(w for w, _ in toks[first : last + 1]), lex)
        if lead <= spot.s_start:
            return None
        end = lead - 1
        lead = clause_start(text, spot.s_start, end)
    return None


# Linking words between a headless 的-phrase and its number (…学历的|不足|两成, …的|占|37.6%).
_HEADLESS_LINK = re.compile(r"的(?:有|占|约占|为|达|达到|不足|不到|超过|超|近|约|逾)?$")


def _headless_phrase(spot: Spot, measure: str | None) -> str | None:
    """其中具有大专以上学历的不足两成: a 的-phrase right before the number, with no head noun
    after it, is the part counted, and is named with its 的 (as 其中认定为工伤的4385件 is)."""
    if not measure:
        return measure
    text, q = spot.text, spot.q
    link = _HEADLESS_LINK.search(text, spot.lead, q.start)
    bare = measure.removesuffix("的")
    if link is None or not text.endswith(bare, spot.lead, link.start()):
        return measure
    kept, measure = measure, bare
    opening = text[spot.lead : link.start() - len(measure)]
    first = word_tags(measure, spot.lex)[0][1]
    if opening.endswith("、") and opening.startswith("其中"):
        # 其中以调解、|撤诉方式结案的|占37.6%: the 、 cut the phrase; it runs from 其中
        opening, measure = "其中", text[spot.lead + 2 : link.start()]
    elif opening.endswith("、") and text.endswith("其中，", 0, spot.lead):
        opening, measure = "", text[spot.lead : link.start()]  # (其中，以调解、撤诉方式…)
        first = word_tags(measure, spot.lex)[0][1]
    if opening not in ("", "其中", "而", "另有") or first not in ("v", "p"):
        return kept  # (占工资总额的|8%, 为市场价的|五成: 的 of a whole, not a relative clause)
    return measure + "的"


def _opens(spot: Spot, word: str) -> bool:
    """The figure's clause opens with ``word``."""
    return spot.text.startswith(word, spot.lead)


def _noun_after_unit(spot: Spot) -> str | None:
    """The noun phrase after the unit that can be what is counted: past a relative clause to
    its head, and for listed amounts the noun after the last of them."""
    text, q, lex = spot.text, spot.q, spot.lex
    fund = _FUND_SET_UP.match(text, q.end) if q.kind == "money" else None
    if fund is not None:
        return fund.group(1)  # 拿出50万元|设立|职工帮扶基金: the money is the fund it sets up
    after = measure_after(text, q.end, lex, people=spot.people)
    if after and spot.people and (after[-1] in MONEY_END or after.endswith(("薪", "收入"))):
        after = None  # 其中96人|月薪提高…: a money noun is the people's, it counts no one
    if after and spot.people:
        words = word_tags(after, lex)
        if (
            words[0][1] == "v"
            and words[0][0] not in lex.nominal_verbs
            and len(words) > 1
            and not any(a_person(w) for w, _ in words)
        ):
            # 劳动者1.2万人|加入|工会: a verb and its object after a count of people, with
            # no person noun, is what they do; the people are named before the number
            after = None
    if after is None or (after.endswith("级") and text.startswith("“", q.end + len(after))):
        # 15家|区级|“最美职工书屋”: a level before a quoted name says which; the name is counted
        after = _quoted_after_unit(spot, skip=len(after) if after else 0) or after
    rel = _RELATIVE_HEAD.match(text, q.end)
    if rel is not None and _relative_before_head(spot, rel.group(), after):
        # 1.5万名|接触职业病危害因素的|劳动者: a relative clause before the head noun
        after = measure_after(text, rel.end(), lex, people=spot.people)
    if after is None and rel is not None and spot.people and not text.endswith("由", 0, q.start):
        # 860名|在一线坚守的|医护人员: persons are counted by a person noun, so a person
        # noun heading the 的-phrase after the unit is what the number counts
        head = measure_after(text, rel.end(), lex, people=True)
        after = head if head is not None and a_person(head) else None
    if after is None and text.startswith(("、", "和"), q.end):
        # 给予每人2万元、5000元奖励: listed amounts share the noun after the last one
        k = spot.starts.index(q.start)
        last = q
        for o in spot.quantities[k + 1 :]:
            if o.unit != q.unit or text[last.end : o.start] not in ("、", "和", "及"):
                break
            last = o
        if last is not q:
            after = measure_after(text, last.end, lex, people=spot.people)
    return after


# A fund an amount sets up (…50万元设立职工帮扶基金).
_FUND_SET_UP = re.compile(
    r"(?:用于|专门)?(?:设立|建立|成立|设置|组建)了?([\u4e00-\u9fff]{0,10}?(?:基金|资金池|专项资金))"
)


_QUOTED_NAME = re.compile(r"“([\u4e00-\u9fff＋+·]{2,16})”")


def _quoted_after_unit(spot: Spot, skip: int = 0) -> str | None:
    """建成36个“小哥驿站” / 依托3100余个“工会户外劳动者服务站”推出…: a quoted name right after
    the unit is what is counted, with the noun printed after it when there is one (3个“工会+”
    服务站)."""
    text, q, lex = spot.text, spot.q, spot.lex
    quoted = _QUOTED_NAME.match(text, q.end + skip)
    if quoted is None or spot.people:
        return None
    head = measure_after(text, quoted.end(), lex)
    return quoted.group(1) + head if head else quoted.group(1)


def _relative_before_head(spot: Spot, rel: str, after: str | None) -> bool:
    """Is the 的-phrase ``rel`` right after the unit a relative clause in front of the noun
    the number counts (rather than a phrase the number's noun is the subject of)?"""
    q, lex = spot.q, spot.lex
    rel_toks = word_tags(rel[:-1], lex)
    while len(rel_toks) > 1 and (rel_toks[0][1] in ("t", "f") or rel_toks[0][0] in ("已", "已经")):
        # 23家|春节期间|坚持生产的|重点企业, 326家|已|建立…制度的|企业: a time or an aspect
        # adverb opens the clause
        rel_toks = rel_toks[1:]
    if rel_toks[0][1] != "v":
        return False
    clause = not any(
        w in lex.verb_set or w in lex.money_verbs or w in lex.after_verb_set for w, _ in rel_toks
    ) or (
        # 320名|参加技能比武的|一线职工: a verb with its own object before 的 lacks only its
        # subject, which is the head noun the number counts (120人参加的|培训: a verb with no
        # object lacks its object, and the number is its subject)
        q.kind != "money"  # 14万元|用于…: an amount is no classifier of a noun
        and len(rel_toks) >= 2
        and nounish(*rel_toks[-1], lex)  # (由56名|兼职|仲裁员|组成的: N V)
        and not spot.text.endswith("由", 0, q.start)
    )
    return clause and (after is None or rel.startswith(after))


def _noun_before_number(spot: Spot) -> str | None:
    """The noun phrase before the number; for people, the person noun without the verbs
    after it (接待|职工|来访咨询1380人次: the people are counted, not their visit)."""
    text, q, lex = spot.text, spot.q, spot.lex
    before = measure_before(text, q.start, spot.floor, lex, people=spot.people)
    if before is not None and all(a_place(item) for item in before.split("、")):
        return None  # 其中银川市、石嘴山市|分别为…: places say where, not what is counted
    if before is not None and spot.people:
        # only a person noun followed by verbs alone (职工网友 is one noun, 招工 a verb)
        toks = word_tags(before, lex)
        last = max((k for k, (w, t) in enumerate(toks) if a_person(w) and t[0] == "n"), default=-1)
        if 0 <= last < len(toks) - 1 and all(t in ("v", "vn") for _, t in toks[last + 1 :]):
            before = "".join(w for w, _ in toks[: last + 1])
    return before


def _adjacent(text: str, start: int, before: str, lex: FigureLexicon) -> bool:
    """Is ``before`` printed right before ``start``, with only linking words between?"""
    k = text.rfind(before, max(0, start - len(before) - 6), start)
    if k < 0:
        return False
    gap = text[k + len(before) : start]
    return gap == "" or gap in lex.filler_set


def _after_or_before(
    spot: Spot, after: str | None, before: str | None
) -> tuple[str | None, str | None]:
    """The first pick between the two phrases, and the phrase before as later steps read it."""
    text, q, lex = spot.text, spot.q, spot.lex
    # 职工网友超200万人次线上…: a noun linked to the number by 超/达/近 is the subject the
    # figure is predicated of; otherwise (为5893名职工, 中心3个日常维权窗口, 等6个部门)
    # the noun after the unit is what is counted.
    direct = (
        before is not None
        and not verbish(before, "n", lex)
        and _adjacent(text, q.start, before, lex)
        and (q.text[0] in "超近逾约达" or text[q.start - 1] in "达超约")
    )
    prev = spot.prev_measure
    if (
        prev
        and before
        and before.startswith(prev)
        and before != prev
        and not any(c in "，；：" for c in text[spot.prev_end : q.start])  # 会员|总数: a new clause
    ):
        # 为1.1万名劳动者|追讨|工资待遇: the noun right after the previous figure is its own
        # measure; what this figure counts is the object after the verb.
        rest = word_tags(before[len(prev) :], lex)
        while rest and verbish(*rest[0], lex):
            rest = rest[1:]
        tail = "".join(w for w, _ in rest)
        before = tail if len(tail) >= 2 else before
    listing = _LIST_BEFORE.search(text, max(spot.s_start, q.start - 40), q.start)
    if listing is not None and spot.people:
        # 为外卖骑手、快递员、网约车司机等|1.26万人|投保: a list of people closed by 等 right
        # before the count names who is counted; the word after the unit is the predicate
        toks = word_tags(listing.group(1), lex)
        verb = False
        while len(toks) > 1 and (
            toks[0][1] in ("p", "d", "m", "r", "c", "t")
            or toks[0][0] in lex.verb_set
            # 累计|服务|货车司机: verbs one after another (施工|作业|人员 names a trade)
            or (toks[0][1] == "v" and toks[1][1] in ("v", "vn") and not _staffed(toks, 1))
            or (verb and toks[0][1] == "vn" and not _staffed(toks, 0))
        ):
            verb = toks[0][1] == "v" or toks[0][0] in lex.verb_set
            toks = toks[1:]  # (今年|共|帮扶|…: the list starts after time, adverbs and verbs)
        listed_people = "".join(w for w, _ in toks)
        if "、" in listed_people and a_person(listed_people.rpartition("、")[2]):
            before, direct = listed_people, True
    if (
        q.kind == "money"
        and after
        and before
        and before[-1] in MONEY_END
        and _adjacent(text, q.start, before, lex)
        and _opens_predicate(after, lex)
    ):
        # 投入资金|26万元|改造职工食堂: a verb and its object after the amount say what the
        # money is for; the money noun right before it is what it is
        direct = True
    return (before if direct else after or before), before


def _staffed(toks: list[tuple[str, str]], k: int) -> bool:
    """Does the list item from ``toks[k]`` end in a staff noun (施工|作业|人员: the verbs
    before it name a trade, where 服务|环卫工人 is an act and its people)?"""
    if k >= len(toks) or not toks[k][1].startswith("v"):
        return False
    return "".join(w for w, _ in toks[k:]).split("、")[0].endswith("人员")


def _opens_predicate(phrase: str, lex: FigureLexicon) -> bool:
    """Does ``phrase`` open with a verb that is no noun (改造|职工食堂)?"""
    word, tag = word_tags(phrase, lex)[0]
    return tag == "v" and word not in lex.nominal_verbs


def _of_at(spot: Spot) -> int:
    """Where a 的 that the amount (or the list it ends) modifies would stand."""
    text, q = spot.text, spot.q
    listed = q
    for o in spot.quantities[bisect_left(spot.starts, q.start) + 1 :]:
        if o.unit != q.unit or text[listed.end : o.start] not in ("、", "和", "及", "与"):
            break
        listed = o  # 分别给予2000元、3000元|的一次性奖励: the list shares what follows it
    return listed.end + len(_SPREAD.match(text, listed.end).group())  # 3000元至5000元不等|的


def _of_phrase(spot: Spot, measure: str | None, before: str | None) -> str | None:
    """价值5万元的“暖心包” / 不少于70%的资金: what the amount is of follows 的, when nothing
    (or only a valuation or a verb) names it before the number."""
    text, q, lex = spot.text, spot.q, spot.lex
    of_at = _of_at(spot)
    valued = text.endswith(("价值", "总价值"), 0, q.start)  # 赠送价值100元的保险
    before_toks = word_tags(before, lex) if before is not None else []
    verbal = bool(before_toks) and (
        before in lex.money_verbs
        or all(t == "v" for _, t in before_toks)
        or (len(before_toks) > 1 and before_toks[-1][0] in lex.money_verbs)
    )  # 给予|3000元至1万元的启动经费, 职工分别给予|…: a phrase ending in a verb names nothing
    after_event = before is not None and before.endswith("后")  # 约谈后|90%以上的欠费企业
    if text.startswith("的", of_at) and (
        before is None
        or before in _VALUATION
        or valued
        or verbal
        or after_event
        or _takes_object(spot)
    ):
        of = _QUOTED_AFTER.match(text, of_at + 1)
        noun = of.group(1) if of else measure_after(text, of_at + 1, lex, nominal=True)
        listed = _EXAMPLES.match(text, of_at + 1)
        if listed is not None and not of:
            # 价值42万元的|棉衣、棉帽、手套等|冬季保暖物资: examples closed by 等 name the
            # kind after them, which is what the amount is of
            noun = measure_after(text, listed.end(), lex, nominal=True) or noun
        paid = _MONEY_OF.match(text, of_at + 1) if q.kind == "money" and not of else None
        if paid is not None and (
            noun is None or not (money_noun(noun) or noun.startswith(paid.group()))
        ):
            noun = paid.group()  # 给予…的|图书和设备补助: the money head ends a coordination
        measure = noun or measure
    elif q.kind == "money" and text.startswith("的", of_at) and not money_noun(before or "x"):
        # 给予每个项目工会|3000元至5000元的启动经费, 每家给予…的图书和设备补助: a recipient
        # before the amount, the money it is named after 的
        paid = _MONEY_OF.match(text, of_at + 1)
        measure = paid.group() if paid else measure
    return measure


def _takes_object(spot: Spot) -> bool:
    """可|享受|5%至15%的折扣优惠: is the word right before the amount a verb taking the phrase
    after its 的 (not a change verb, nor a linking verb: 年收入|达到|10万元的职工)?"""
    text, q, lex = spot.text, spot.q, spot.lex
    if q.start <= spot.lead:
        return False
    word, tag = word_tags(text[spot.lead : q.start], lex)[-1]
    return (
        tag == "v"
        and word not in lex.change_verbs
        and word not in lex.filler_set
        and word not in ("低于", "高于", "超过", "是", "为", "等于")
    )


# A money noun phrase after 的, up to its money head (启动经费, 图书和设备补助).
_MONEY_OF = re.compile(
    r"[\u4e00-\u9fff、和及]{0,10}?(?:补助|补贴|经费|资金|奖励|奖金|费用|津贴|救助金|慰问金|助学金)"
)


# An enumeration of examples closed by 等 (棉衣、棉帽、手套等), right after 的.
_EXAMPLES = re.compile(r"[\u4e00-\u9fff]{1,8}(?:、[\u4e00-\u9fff]{1,8}){1,6}等(?=[\u4e00-\u9fff])")


# The rest of a list of categories and amounts (、中级工1500元、高级工2000元) before its 的标准.
_LISTED_STANDARD = re.compile(r"(?:[、和及][\u4e00-\u9fff]{1,8}?[0-9.]+(?:万)?元)+")


def _paid_by_standard(spot: Spot, measure: str | None) -> str | None:
    """按每人每月1800元的标准|给予见习单位|生活补贴: an amount that sets a standard is of the
    money the clause then pays."""
    text, q, lex = spot.text, spot.q, spot.lex
    standard = _STANDARD.match(text, _of_at(spot))
    if standard is None and q.kind == "money":
        # 按初级工1000元、中级工1500元、高级工2000元的标准|申领补贴: a list of amounts by
        # category sets one standard, printed after the last of them
        listed = _LISTED_STANDARD.match(text, q.end)
        standard = _STANDARD.match(text, listed.end()) if listed else None
    if q.kind != "money" or standard is None or not _BY.search(text, spot.lead, q.start):
        return measure
    topic = re.match(r"([\u4e00-\u9fff]{2,8}?)由", text[spot.lead :])
    return (
        paid_money(text[standard.end() : clause_end(text, standard.end())], lex)
        # 岗位津贴由用人单位按…的标准发放: with nothing paid after the standard, the money the
        # clause opens with is paid by it
        or (topic.group(1) if topic and money_noun(topic.group(1)) else None)
        or measure
    )


_BAND_ADVERB = re.compile(r"(?:多|大多|普遍|一般|基本|都|大都|大体)$")  # (not 均: 人均)


def _band_subject(spot: Spot, measure: str | None) -> str | None:
    """单笔支出在5000元以上的项目 / 月工资在3000元以下的职工: the amount is a band of the noun
    before 在, whatever the 的 after it describes."""
    text, q, lex = spot.text, spot.q, spot.lex
    between = q.value_max is not None and text.startswith("之间", q.end)
    if (
        q.kind == "percent"
        or not text.endswith("在", 0, q.start)
        or not (_BAND.search(q.text) or between)
    ):
        return measure
    # (月薪多在4000元至6500元之间: how often the band holds says nothing of what it bands)
    subject = _BAND_ADVERB.sub("", text[spot.lead : q.start - 1])
    named = subject_np(word_tags(subject, lex), lex)
    if named is None and 2 <= len(subject) <= 8 and all(is_han(c) for c in subject):
        named = subject  # 单|次|采购: a short subject is taken whole, whatever its tags
    return named or measure


def _changed_subject(spot: Spot, measure: str | None) -> str | None:
    """人均收入由2019年的8000元提高到去年的1.2万元: both amounts are of the subject before 由."""
    text, q, lex = spot.text, spot.q, spot.lex
    moved = _FROM_TO.search(text, spot.lead, q.start)
    if (
        moved is not None
        and moved.end() - moved.start() <= 3
        and not _CHANGE_AFTER.match(text, q.end)
    ):
        moved = None  # 由56名仲裁员组成: a bare 由 names an agent, not a change's start
    if moved is None or (q.kind == "percent" and measure is not None):
        return measure  # (a rate named before its percentages is theirs: 办结率由95%…)
    toks = word_tags(text[spot.lead : moved.start()], lex)
    disposal = max((k for k, (w, _) in enumerate(toks) if w in ("把", "将")), default=-1)
    if 0 <= disposal < len(toks) - 1:
        # 把|抽成上限|由…: what is disposed of changed (not 标准|将|从…: a future 将 ends it)
        toks = toks[disposal + 1 :]
    return subject_np(toks, lex) or measure


# A clause that ranks its subject (政策法律咨询占比最高, 投入资金位居前三): the level printed in
# the next clause is the subject's.
_RANKED = re.compile(r"(?:最高|最多|最大|居首|位居第一|排名第一|位?居前[二三四五])$")
_RANK_LINKS = frozenset(
    {"达", "达到", "为", "约", "约为", "占", "约占", "分别为", "分别达", "分别占"}
)


def _ranked_subject(spot: Spot, measure: str | None) -> str | None:
    """政策法律咨询占比最高，达46.2% / 投入资金位居前三，分别为1860万元、…: with only a
    linking verb before it, the level is of the ranked clause's subject."""
    text, q, lex = spot.text, spot.q, spot.lex
    lead = spot.lead
    if measure is not None or lead <= spot.s_start or text[lead - 1] not in "，,":
        return measure
    link = text[lead : q.start]
    first = next((o for o in spot.quantities if o.start >= lead), q)
    if first is not q:
        link = text[lead : first.start]  # (分别为1860万元、1520万元: the list's first)
    if link not in _RANK_LINKS:
        return measure
    start = clause_start(text, spot.s_start, lead - 1)
    ranked = _RANKED.search(text, start, lead - 1)
    if ranked is None:
        return measure
    end = ranked.start()
    share = text.endswith("占比", start, end)
    subject = subject_np(word_tags(text[start : end - 2 if share else end], lex), lex)
    if subject is None:
        return measure
    words = word_tags(subject, lex)
    if len(words) >= 3 and words[-1][0] in QUANTITY_NOUNS and words[-2][1].startswith("v"):
        # 某公司|获奖|人数最多: the ranked owner is who has most; the verb's amount is counted
        return words[-2][0] + words[-1][0]
    # (纠纷占比最高，达1226件，…: the cases are the subject's; a percentage is its share)
    return subject + "占比" if share and q.kind == "percent" else subject


_CLASS_KINDS = re.compile(r"(?:培训|研修|训练|学习|技能)班")


def _start(m: re.Match[str]) -> int:
    return m.start()


def _classes_held(spot: Spot, measure: str | None) -> str | None:
    """举办…培训班，去年共办班6期 / 开设拉面技能培训班，去年共举办38期 / 已开班21期: sessions
    (期) of a course count its classes, named by the class noun printed before them."""
    text, q = spot.text, spot.q
    if q.unit != "期" or measure not in (None, "开班", "办班", "举办", "开设", "开办"):
        return measure
    named = max(_CLASS_KINDS.finditer(text, spot.s_start, q.start), key=_start, default=None)
    if named is not None and "“" in text[named.end() : q.start]:
        return measure  # (开设了…培训班，同时推出的“劳模大讲堂”已举办12期: the quoted name's)
    if named is not None:
        return named.group()
    return "班" if measure in ("开班", "办班") else measure


def _percent_measure(
    spot: Spot, measure: str | None, before: str | None, qualifier: str
) -> tuple[str | None, str]:
    """A percentage measures the rate named earlier in its clause (办结率由过去的95%提高到98%),
    else the part before 占; 约占 makes the share approximate."""
    text, q = spot.text, spot.q
    rate, share = rate_of_percent(text, spot.s_start, q.start, spot.lex)
    if share is not None and share[0] in "约近" and qualifier == "exact":
        # 约占…的45%: the approximation printed before 占 is the share's
        qualifier = "approx" if share[0] == "约" else "under"
    people = _SHARE_OF_PEOPLE.match(text, q.end) if rate is None and before is None else None
    if people is not None and a_person(people.group(1)):
        return people.group(1), qualifier  # 近六成|受访派遣工|认为…: the people's share
    return rate or (measure if text.startswith("的", q.end) else before), qualifier


# A quantity set at a percentage of a standard (月工资|按|当地最低工资标准的|120%以上确定).
_BY_RATE_OF = re.compile(r"([\u4e00-\u9fff]{2,12}?)(?:按照|按|依照)[^，。；按]{1,16}的$")


def _set_by_rate(spot: Spot, measure: str | None) -> str | None:
    """环卫工人月工资按当地最低工资标准的120%以上确定: a quantity set at a percentage of a
    standard is what the percentage measures; the standard is its base."""
    by = _BY_RATE_OF.search(spot.text, spot.lead, spot.q.start)
    if by is None:
        return measure
    subject = subject_np(word_tags(by.group(1), spot.lex), spot.lex)
    if subject is None or not (subject[-1] in MONEY_END or subject.endswith(("收入", "薪酬"))):
        return measure  # (企业|按工资总额的2%提取: an agent sets it; the base is measured)
    return subject


# A cost or a fund, whose shares are borne by the parties paying it.
_COST = re.compile(r"(?:费用|经费|资金|成本)")
_BORNE = ("承担", "负担", "分担")


def _share_borne(spot: Spot, measure: str | None) -> str | None:
    """费用由市总工会和单位共同承担，其中市总工会|承担|60%: a share a party bears is of the
    cost the sentence named before."""
    text, q, lex = spot.text, spot.q, spot.lex
    if not text.endswith((*_BORNE, "出资"), spot.lead, q.start):
        return measure
    if text.startswith("的", q.end):
        return measure  # (承担10%的交通费: the share names its own cost)
    by = text.rfind("由", spot.s_start, spot.lead)
    if by < 0 or not any(v in text[by : spot.lead] for v in _BORNE):
        return measure  # only a cost the sentence says is borne by parties (费用由…承担)
    costs = list(_COST.finditer(text, spot.s_start, by))
    if not costs:
        return measure
    cost = subject_np(word_tags(text[spot.s_start : costs[-1].end()], lex), lex)
    return cost or costs[-1].group()


def _continued_count(spot: Spot, measure: str | None, before: str | None) -> str | None:
    """A figure whose own phrase names nothing (a verb alone, a comparison, a change verb)
    counts what the figure before it in the sentence counted."""
    text, q, lex = spot.text, spot.q, spot.lex
    between = text[spot.prev_end : q.start] if spot.seen else ""
    compared = COMPARE.search(between)
    if compared and measure and measure in between[compared.start() :]:
        measure = None  # 同比增加近5000件: 同比 is the comparison, not what is counted
    granted = bool(measure) and text.endswith(
        tuple(p + measure for p in ("每人", "每户", "人均", "户均")), 0, q.start
    )  # 每人|奖励|2000元: a grant of its own, not the previous figure's items
    # 给予1万元至5万元不等的|奖励: a grant word printed after the amount is its noun
    after = _AMOUNT_OF.match(text, q.end)  # (always matches: every part is optional)
    granted = granted or (
        bool(measure) and after is not None and text.startswith(measure, after.end())
    )
    kin_unit = spot.kin_unit
    if (
        spot.kin_measure
        and (kin_unit == q.unit or {kin_unit, q.unit} <= set(lex.case_units))
        and not granted
        and (not measure or _names_nothing(spot, measure, before))
    ):
        # 受理…案件6843件，审结6512件 / 建成服务站48个，其中今年新建12个: a verb alone
        # counts the same items as before
        measure = spot.kin_measure
    if (
        spot.prev_measure
        and (not measure or measure in lex.change_verbs)
        and (
            COMPARE.search(between)
            or between.strip("、和及与，, ") == ""
            # 增长8%，达到10.6万元: a level reached after a change is of the same quantity
            or (between.startswith("，") and between.strip("，, ") in _REACHED)
            # 其中国有企业41家，占六成以上: a bare share after a count is that count's share
            or _BARE_SHARE.fullmatch(between) is not None
        )
    ):
        # 调解劳动争议3.48万件，同比增加近5000件 / 受理案件5643宗，较2022年提升279% /
        # 分别为120件、98件: the later figure counts what the earlier one counted.
        measure = spot.prev_measure
    return measure


# People right after a share, saying or choosing something (近六成受访职工认为…).
_SHARE_OF_PEOPLE = re.compile(
    r"(?!的)((?:受访|被调查|参与调查的)?[\u4e00-\u9fff]{1,8}?)"
    r"(?:认为|表示|希望|选择|反映|期待|期盼|愿意|赞成|支持|满意|担心|不满)"
)
_BARE_SHARE = re.compile(r"[，,]?[约近超逾仅]?占")
# What may stand between an amount and the grant noun after it (不等的奖励, 的补助).
_AMOUNT_OF = re.compile(r"(?:不等|左右)?的?")


_REACHED = frozenset({"达到", "达", "增至", "升至", "提高到", "提高至", "增加到", "增长到"})


def _names_nothing(spot: Spot, measure: str, before: str | None) -> bool:
    """Is ``measure`` a verb or an act that names no items (审结, 调解成功, 网上开庭)?"""
    text, q, lex = spot.text, spot.q, spot.lex
    if measure in lex.nominal_verbs:
        return False  # 人均月收入 names money, whatever jieba's tag on 收入
    if q.kind == "money" and measure in GRANT_HEADS and measure != before:
        return False  # 分别给予5000元、3000元|奖励: after the amount a grant word is the grant
    body = next((e for e in _BODY_ENDS if e in measure[2:]), None)
    if body is not None:
        rest = measure[measure.index(body, 2) + len(body) :]
        if rest and all(t == "v" for _, t in word_tags(rest, lex)):
            return True  # 其中区总工会|移送38条: a body and its verb name no items
    return (
        measure in lex.verb_set
        or verbal_word(measure)
        # 受理调解申请1375件，调解|成功1108件: a verb and its result count the same
        or (measure.endswith(tuple(RESULTS)) and measure[:-2] in lex.verb_set)
        or (  # 责令|整改156户: a verb printed right before the number
            measure == before
            and text.endswith(measure, 0, q.start)
            and all(t == "v" for _, t in word_tags(measure, lex))
        )
        or text.startswith("被" + measure, q.start - len(measure) - 1)
        # 立案…486件，网上开庭312宗 / 受理…案件1200件，开庭审理860件: docket acts alone
        # (件 and 宗 alike)
        or (q.unit in lex.case_units and _docket_acts_only(measure, lex))
        or _predicate_only(measure, lex)
    )


def _valued_goods(spot: Spot, measure: str | None) -> str | None:
    """运动装备3000套，价值约90万元: the goods just counted; 送去慰问品，总价值…: the goods the
    clause before named."""
    if measure not in ("价值", "总价值", "总价") or spot.lead <= spot.s_start:
        return measure
    prev = spot.prev_measure
    counted = prev if prev and spot.prev_end >= spot.lead - 2 else None
    return counted or measure_before(spot.text, spot.lead - 1, spot.floor, spot.lex) or measure


def _clause_of_total(spot: Spot, measure: str | None) -> str | None:
    """…开设农民工工资专用账户，共计1432个 / …发放助学金，人均1500元: a clause of a total or a
    per-word alone counts what the clause before it named."""
    text, q, lex, lead = spot.text, spot.q, spot.lex, spot.lead
    alone = text[lead : q.start]
    if lead <= spot.s_start or not (
        (measure is None and alone in lex.filler_set)
        or ((measure is None or measure == alone) and alone in PER_WORDS)
    ):
        return measure
    measure = measure_before(text, lead - 1, spot.floor, lex, people=spot.people)
    if (
        measure is None
        and spot.prev_measure
        and spot.prev_unit == q.unit
        and spot.prev_end >= lead - 2
    ):
        # 发放互助保障金520万元，人均4000元: the clause before ends in its own figure, whose
        # noun the per-word divides
        measure = spot.prev_measure
    return measure


def _money_of_verb(spot: Spot, measure: str | None) -> str | None:
    """活动经费由…承担，每场|投入|约2万元: a money verb alone names no money (发放, 投入 are
    acts, 资助/补贴 grants); the amount is of the money the sentence named."""
    lex = spot.lex
    if (
        spot.q.kind == "money"
        and measure in lex.money_verbs
        and measure not in GRANTS
        and measure not in GRANT_HEADS  # (每单|补贴0.5元: 补贴 is a grant too)
        and spot.lead > spot.s_start
    ):
        return paid_money(spot.text[spot.s_start : spot.lead - 1], lex) or measure
    return measure


# A grant verb right before a money figure, after a verb's aspect or a pronoun object (奖励了
# 5000元, 补助他们2000元).
_GRANT_BEFORE = re.compile(
    rf"({'|'.join(sorted(GRANT_HEADS | GRANTS, key=len, reverse=True))})了?(?:[他她]们?)?$"
)


def _grant_paid(spot: Spot, measure: str | None) -> str | None:
    """公司还一次性奖励了5000元: with no noun found (or only the noun an earlier figure
    counted: 津贴涨了400元，公司还奖励了5000元), the money a grant verb pays is the grant."""
    if spot.q.kind != "money" or measure not in (None, spot.kin_measure, spot.prev_measure):
        return measure
    m = _GRANT_BEFORE.search(spot.text, spot.lead, spot.q.start)
    return m.group(1) if m else measure


# Verbs of withholding pay: before a money noun they modify a case noun (拖欠工资|投诉), but an
# amount printed after 拖欠工资 is the pay itself.
_WITHHOLDING = ("拖欠", "欠发", "克扣", "欠付", "少发")


def _withheld_money(spot: Spot, measure: str | None) -> str | None:
    """被拖欠工资41.5万元: the money is the pay withheld, not the act (工资)."""
    if spot.q.kind == "money" and measure and measure.startswith(_WITHHOLDING):
        rest = measure[2:]
        if len(rest) >= 2 and money_noun(rest):
            return rest
    return measure


# A subject and a verb of costing right before a money figure (车费就得七八百元, 医疗费花了
# 4万多元): the money is what the subject costs.  (The lazy subject leaves an adverb before the
# verb to its own group, so the subject ends on the noun.)
_COSTS = re.compile(
    r"([\u4e00-\u9fff]{2,10}?)(?:就|还|也|都|共|一共|总共|至少)?(?:花费了?|花了|花|需要|需|要|得)$"
)


def _cost_of_subject(spot: Spot, measure: str | None) -> str | None:
    """住院医疗费花了4万多元: with no noun found, a money noun as the subject of a verb of
    costing is what the amount pays for (a body as subject pays, it is not paid: 区总工会花了)."""
    if spot.q.kind != "money" or measure is not None:
        return measure
    m = _COSTS.search(spot.text, spot.lead, spot.q.start)
    if m is None:
        return measure
    nouns: list[str] = []
    for w, t in reversed(word_tags(m.group(1), spot.lex)):
        if not nounish(w, t, spot.lex):
            break
        nouns.insert(0, w)
    noun = "".join(nouns)
    return noun if len(noun) >= 2 and money_noun(noun) else measure


# Words that end a body's name: printed before a grant word, the body is the clause's subject.
_BODY_ENDS = ("工会", "政府", "局", "委", "院", "中心", "办", "协会", "基金会", "公司", "集团")


def _grant_of_body(spot: Spot, measure: str | None) -> str | None:
    """其中区总工会|资助3000元: a body printed right before a grant word is who pays it (the
    clause's subject); the money is the grant."""
    if spot.q.kind != "money" or not measure:
        return measure
    for head in GRANT_HEADS:
        body = measure[: -len(head)]
        if measure.endswith(head) and len(body) >= 3 and body.endswith(_BODY_ENDS):
            return head
    return measure


# 从X中列支/拿出: the fund money is drawn from (a preposition phrase before a money verb).
_FROM_FUND = re.compile(r"从([\u4e00-\u9fff]{2,10}?)中")


def _drawn_from_fund(spot: Spot, measure: str | None) -> str | None:
    """从工会经费中列支30万元: an amount drawn from a fund, with no money noun of its own, is
    an amount of that fund."""
    text, q, lex = spot.text, spot.q, spot.lex
    if q.kind != "money" or (measure is not None and measure not in lex.money_verbs):
        return measure
    fund = _FROM_FUND.search(text, spot.lead, q.start)
    if fund is None or not (fund.group(1)[-1] in MONEY_END or fund.group(1).endswith("经费")):
        return measure
    return measure_before(text, fund.end(1), fund.start(1), lex) or fund.group(1)


# X比Y多(了)/少(了)/高/低 before an amount: the amount is a difference in X.
_COMPARED = re.compile(r"比[^，。；]{1,10}?[多少高低]出?了?$")


def _compared_subject(spot: Spot, measure: str | None) -> str | None:
    """今年的收入比去年多了1万多元: a difference after 比…多 is a difference in the subject
    named before 比."""
    text, q, lex = spot.text, spot.q, spot.lex
    if measure is not None and not all(t == "v" for _, t in word_tags(measure, lex)):
        return measure  # (a verb alone, 高出, names no quantity)
    compared = _COMPARED.search(text, spot.lead, q.start)
    if compared is None:
        return measure
    return subject_np(word_tags(text[spot.lead : compared.start()], lex), lex) or measure


def _named_person_dropped(spot: Spot, measure: str | None) -> str | None:
    """农民工刘建国等8人: a name after the person noun is in apposition to it, and the number
    counts the noun (刘建国 and the others)."""
    text, q, lex = spot.text, spot.q, spot.lex
    if not spot.people or not text.endswith("等", 0, q.start):
        return measure
    bare = text[spot.lead : q.start - 1]
    at = 0
    for word, _ in word_tags(bare, lex):
        at += len(word)
        name = bare[at:]
        if a_person(word) and 2 <= len(name) <= 3 and a_name(name):
            return word if measure is None or measure.endswith(name) else measure
    return measure


def _recipient_dropped(spot: Spot, measure: str | None) -> str | None:
    """支付王建平|各项赔偿38.6万元: a person's name opening a money measure is who is paid (or
    whose it is), not what the money is."""
    if spot.q.kind != "money" or not measure or len(measure) < 5:
        return measure
    first, tag = word_tags(measure, spot.lex)[0]
    rest = measure[len(first) :].removeprefix("的")
    if tag.startswith("nr") and len(first) in (2, 3) and a_name(first) and len(rest) >= 2:
        return rest
    if tag == "n" and len(first) == 3 and word_freq(first) == 0 and a_name(first):
        return rest if len(rest) >= 2 else measure  # 柯志明/n: a name jieba does not know
    if tag.startswith("nr") and len(first) == 1:
        for k in (3, 2):
            # 柯/nr|明远/a: jieba cut the name after its surname; what follows it is a word
            name, rest = measure[:k], measure[k:].removeprefix("的")
            if a_name(name) and word_freq(name) < 20 and len(rest) >= 2 and word_freq(rest[:2]):
                return rest
    return measure


# Words that frame a measure rather than name it: X等方面|意见建议 (the topic), 市级以上|
# 书屋 (where the items sit, as 市级 alone does).
_FRAME_LEAD = re.compile(
    r"^(?:方面|(?:全国|国家|自治区|省|市|县|区)级(?:及)?以上)(?=[\u4e00-\u9fff]{2})"
)


# An industry's or a firm's people before a pay noun (纺织行业职工|月平均工资): the owner.
_PAY_OWNER = re.compile(
    r"^[\u4e00-\u9fff]*?(?:行业|业|公司|企业)(?:一线)?(?:职工|工人|员工)"
    r"(?=[\u4e00-\u9fff]*(?:工资|收入|薪酬|增幅)$)"
)
# A union or the workers owning a fund or a grant (总工会|配套资金, 职工|捐款): who holds it, not
# what it is; their pay (职工工资), the term 工会经费 and longer names (职工书屋建设资金) stay.
_FUND_OWNER = re.compile(
    r"^(?:职工|[\u4e00-\u9fff]{0,6}?工会)(?=(?:配套|帮扶|专项|互助)?(?:资金|基金|捐款|奖励|奖金)$)"
)
# A registered company before 'X最多' (…有限公司|获奖人数|最多): the owner, and the predicate.
_COMPANY_LEAD = re.compile(
    r"^[\u4e00-\u9fff]{2,20}?(?:有限公司|有限责任公司|集团)(?=[\u4e00-\u9fff]{2})"
)
_SUPERLATIVE_TAIL = re.compile(r"(?<=[\u4e00-\u9fff]{2})(?:最多|最高|最少|最低)$")


# Characters no noun phrase opens with: a list comma, a conjunction (或调解结案, 并报告…).
_LEADING_LINKS = "、，,和及与或并且而"


# Words that never open a measure: manner adverbs (依法|支持起诉), causatives that take an event
# or a quantity (推动|企业缴费比例), determiners of kind (各类|事故隐患), verbs of aiming
# (力争|参赛企业达到4000家).
_NO_OPENING = (
    "依法", "积极", "主动", "全额", "足额", "推动", "带动", "拉动", "促进", "督促", "各类",
    "各项", "各种", "目前", "当前", "现在", "给予", "力争", "确保", "经审查", "经核实", "经调查",
    "实施", "按照", "按",
)  # fmt: skip


# An ordinal batch, round or session in front of a noun (第二批, 首批, 新一轮).
_BATCH = re.compile(r"(?:第[一二三四五六七八九十0-9]+[批届轮]|首批|首届|新一批|新一轮)")

# A character cut off the word before the measure, and what that word's first part ends in
# (审结, 办结, 裁结, 执结; 日起, 月起; 全区, 全市).
_CUT_OFF = {"结": "审办裁执", "起": "日月年", "区": "全本该", "市": "全本该", "县": "全本该"}

# Verbs of guessing before a modal 会 (预计|会|增加).
_GUESSES = frozenset({"预计", "估计", "有望", "可能", "肯定", "势必", "应该", "必将"})

# One-character modals that may stand between a subject and its change (产能|能|提高,
# 试用期工资|应|为).
_TRAILING_MODALS = frozenset("能可会将应")

# Pronouns of people that open a double object (支付|她|加班费): no part of the money.
_PERSONAL_PRONOUNS = ("他们", "她们", "他", "她")


# Verbs of aiming before a target (参保职工|力争|突破30万人): they end the subject.
_AIMS = ("力争", "争取", "确保")


def _edges_tidied(measure: str, lex: FigureLexicon) -> str | None:
    """A phrase cut at a list comma or a conjunction starts after it (或|调解结案); a
    quotation mark with no partner is a piece of a quoted name cut off (“法律明白人); a word
    that opens no noun phrase is dropped, and a change verb after its subject; a verb of one
    character that takes an object (签, 评) opening the phrase is its predicate."""
    while measure and measure[0] in _LEADING_LINKS and word_freq(measure[:2]) == 0:
        measure = measure[1:]  # (和谐劳动关系示范企业: 和谐 is a word, its 和 no link)
    if measure.startswith("地") and len(measure) >= 3 and word_freq(measure[:2]) == 0:
        measure = measure[1:]  # 三江等|地|农副产品: 等地 was cut in two
    while measure.startswith(_PER_LEADS) and len(measure) >= 4:
        measure = measure[2:]  # 每人|每年|补助: per what is no part of what is paid
    per = max((measure.rfind(p) + 2 for p in _PER_LEADS if p in measure[2:]), default=0)
    if per and len(measure) - per >= 2:
        # 专业扑火队员|每人每天|补贴: who gets it and how often say what it is paid per
        measure = measure[per:]
    pronoun = next((p for p in _PERSONAL_PRONOUNS if measure.startswith(p)), None)
    if pronoun and len(measure) - len(pronoun) >= 2 and word_tags(measure, lex)[0][0] == pronoun:
        measure = measure[len(pronoun) :]  # 支付|她|加班费和夜班补贴 (他人 stays a word)
    if measure.count("“") != measure.count("”"):
        measure = measure.replace("“", "").replace("”", "")
    opening = _opening(measure)
    while opening and len(measure) - len(opening) >= 2:
        measure = measure[len(opening) :]  # (经审查|依法|支持起诉: one after another)
        opening = _opening(measure)
    for word in _TRAILING_TOTALS:
        if measure.endswith(word) and len(measure) - len(word) >= 2:
            measure = measure[: -len(word)]  # 示范工业园区|累计: a total's word, not the noun
            break
    # a change verb or a verb of aiming after its subject (…缴费额度|上浮, 参保职工|力争)
    for word in (*lex.change_verbs, *_AIMS):
        if measure.endswith(word) and len(measure) - len(word) >= 2:
            measure = measure[: -len(word)]
            break
    if len(measure) >= 3 and measure[-1] in _TRAILING_MODALS:
        toks = word_tags(measure, lex)
        event = (
            len(toks) >= 2
            and measure[-1] == "会"
            and toks[-2][1].startswith("v")
            and toks[-2][0] not in _GUESSES
        )  # 读书|分享|会 is a meeting (not 预计|会|增加: a modal)
        if len(toks) >= 2 and toks[-1][0] == measure[-1] and not event:
            measure = measure[:-1]  # 单班产能|能|提高: a modal before the change, no noun
            for word in _GUESSES:
                if measure.endswith(word) and len(measure) - len(word) >= 2:
                    measure = measure[: -len(word)]  # 年收入|预计|能: the guess goes too
                    break
    lead_toks = word_tags(measure, lex) if measure and money_noun(measure) else []
    if (
        len(lead_toks) >= 2
        and lead_toks[0][1].startswith("v")
        and (lead_toks[0][0] in lex.change_verbs or lead_toks[0][0] in lex.money_verbs)
        and not money_noun(lead_toks[0][0])
        and lead_toks[0][0] not in lex.nominal_verbs
        and money_noun(measure[len(lead_toks[0][0]) :])
    ):
        # 每月|增加|技能津贴300元, 补发|工资差额: the verb paying or changing the money
        measure = measure[len(lead_toks[0][0]) :]
    if len(measure) >= 4 and measure[0] in _ONE_CHARACTER_VERBS:
        toks = word_tags(measure, lex)
        if len(toks) >= 2 and toks[0] == (measure[0], "v"):
            # (签|行业集体合同, 评|出优秀成果, 另|发|持证津贴, 少|拿|加班费: 欠缴, 带徒 stay)
            measure = measure[1:]
    toks = word_tags(measure, lex)
    if (
        len(toks) > 2
        and toks[0][1] == "d"
        and len(toks[0][0]) == 1
        and toks[0][0] not in "未不没"  # (未签订书面劳动合同: a negated act is named)
        and "的" not in measure  # (已签订集体合同的企业: a relative clause keeps its verb)
        and (toks[1][0] in lex.verb_set or toks[1][0] in lex.money_verbs)
    ):
        # 就|领到|了|职业伤害保障待遇: an adverb and a verb are the predicate, not the noun
        cut = 3 if toks[2][0] == "了" else 2
        rest = "".join(w for w, _ in toks[cut:])
        measure = rest if len(rest) >= 2 else measure
    if (
        measure.startswith(("表彰", "评选"))
        and len(measure) >= 4
        and (a_person(measure[2:]) or measure.endswith(_HONOURS))
    ):
        measure = measure[2:]  # 评选|表彰|金牌工人: who is honoured (表彰大会, 表彰对象 stay)
    batch = _BATCH.match(measure)
    if batch and len(measure) - batch.end() >= 2:
        measure = measure[batch.end() :]  # 第二批|市级首席技师: which batch, not what is counted
    named = _NAMED_AT_LEVEL.match(measure)
    if named:
        measure = measure[named.end() :]  # 认定|省级职工疗休养基地: the verb names a title
    if not measure.endswith("率"):  # (中心|调解成功率: a rate names its act, the verb stays)
        for body in _BODY_ACTING.finditer(measure, 0, 12):
            rest = word_tags(measure[body.end() :], lex)
            adverb = len(rest[0][0]) if len(rest) >= 3 and rest[0][1] == "d" else 0
            if adverb:
                rest = rest[1:]  # 公司工会|也|送来|慰问金: an adverb before the act
            if len(rest) >= 2 and rest[0][1] == "v" and nounish(*rest[1], lex):
                # 县总工会|调解|劳动争议案件, 工会调解员|调解|…: a body acting on the thing
                measure = measure[body.end() + adverb + len(rest[0][0]) :]
                break
    if measure.startswith(("委托调解", "委托诉前调解", "委派调解")) and len(measure) >= 8:
        # 接受委派、委托|调解劳动争议案件: the entrusting opens the act, the cases are counted
        # (法院委托调解案件 names who entrusts them, and keeps it)
        measure = measure[2:]
    if _MEDIATED_CASES.fullmatch(measure):
        measure = measure[2:]  # 参与调解|劳动争议1870余件: the verb and its object, the cases
    return measure or None


def _opening(measure: str) -> str:
    """The word of ``_NO_OPENING`` that ``measure`` starts with, or ''."""
    if measure.startswith(("按期", "按时")):
        return ""  # 按期结案率: on time, a modifier of the rate (按 alone: by a standard)
    return next((w for w in _NO_OPENING if measure.startswith(w)), "")


# A verb of field work before the bodies it reaches (检查|生产经营单位, 走访|企业).
_VISITED_BODIES = re.compile(
    r"([\u4e00-\u9fff]{2})([\u4e00-\u9fff]{0,8}(?:企业|单位|商户|门店|工地|项目))"
)
# Verbs of one character that take an object (签 a contract, 发 an allowance).
_ONE_CHARACTER_VERBS = frozenset("签评发拿")
# Titles of people honoured (巾帼建功标兵, 技术能手).
_HONOURS = ("标兵", "能手", "模范", "工匠", "先进个人", "红旗手")
# A verb of naming before a title of a level (认定|省级…基地, 命名|自治区级劳务品牌).
_NAMED_AT_LEVEL = re.compile(
    r"新?(?:认定|命名|评选|评定|表彰|授予)(?=全国|国家|(?:省|市|县|区|自治区)级)"
)
# A body opening a measure, with the verb it does after it (县总工会|调解|…, 财政局|下达|…).
_BODY_ACTING = re.compile(r"(?:总工会|工会|局|院|委员会|部门|中心|调解员)(?=[\u4e00-\u9fff]{4})")
# Words of totalling left after a noun (园区|累计|达57个).
_TRAILING_TOTALS = ("累计", "共计", "合计", "总计")
# Distributive words opening a measure (每人|每年|补助).
_PER_LEADS = ("每人", "每年", "每月", "每天", "每日", "每户", "每家", "每个", "每次")
# 调解 opening a dispute noun is the verb taking it (调解|劳动争议), not a kind of dispute
# (调解成功率, 调解结案 stay whole).
_MEDIATED_CASES = re.compile(r"调解(?:劳动|劳动人事|劳资|欠薪)?(?:争议|纠纷)(?:案件)?")


def _bare_of_frame_words(spot: Spot, measure: str | None) -> str | None:
    """Tidy the edges (``_edges_tidied``), then drop what frames a measure (方面, 市级以上),
    the owner of a pay noun (纺织行业职工|月平均工资), a company owner and a superlative
    predicate (…有限公司|获奖人数|最多) and the 年 of a date printed before it (2022年|企业职工人均
    收入); X籍 takes back its place (庆阳|籍高校毕业生)."""
    if not measure:
        return measure
    measure = _edges_tidied(measure, spot.lex)
    if not measure:
        return None
    measure = _FRAME_LEAD.sub("", measure)
    measure = _PAY_OWNER.sub("", measure)
    if spot.q.kind == "money":
        measure = _FUND_OWNER.sub("", measure)
    if _SUPERLATIVE_TAIL.search(measure):
        measure = _COMPANY_LEAD.sub("", _SUPERLATIVE_TAIL.sub("", measure))
    if measure[0] == "籍":
        # 庆阳|籍高校毕业生: X籍 (native of X) is one modifier with the place before it
        at = spot.text.rfind(measure, spot.s_start, spot.q.start)
        window = spot.text[max(spot.s_start, at - 8) : at] if at > 0 else ""
        places = [p for p in find_places(window) if p.end == len(window)]
        if places:
            measure = places[-1].text + measure
    if measure[0] in "年月" and len(measure) > 2:
        at = spot.text.rfind(measure, spot.s_start, spot.q.start)
        if at > 0 and spot.text[at - 1].isdigit():
            measure = measure[1:]
    if measure[0] == "度" and len(measure) > 2:
        at = spot.text.rfind(measure, spot.s_start, spot.q.start)
        if at > 1 and spot.text[at - 1] == "年" and spot.text[at - 2].isdigit():
            measure = measure[1:]  # 2022年|度区级…企业: the year's 年度 was cut in two
    if len(measure) > 3 and measure[0] in _CUT_OFF:
        at = spot.text.rfind(measure, spot.s_start, spot.q.start)
        if at > 0 and spot.text[at - 1] in _CUT_OFF[measure[0]]:
            # 审|结欠薪案件, 自9月1日|起月工资, 全|区企业: the end of a word before it
            measure = measure[1:]
    if (
        spot.q.kind == "money"
        and measure.startswith(("代缴", "代发", "代付", "代扣"))
        and len(measure) >= 6
    ):
        measure = measure[2:]  # 代缴|城乡居民医疗保险个人缴费部分: paid on someone's behalf
    visit = _VISITED_BODIES.fullmatch(measure)
    if visit and spot.q.unit in ("家次", "户次") and visit.group(1) in spot.lex.serial_verbs:
        measure = measure[len(visit.group(1)) :]  # 检查|企业1870家次: bodies counted per visit
    place = next(iter(find_places(measure[:12])), None)
    if (
        place is not None
        and place.start == 0
        and not place.short_only
        and not place.embedded
        and place.text[-1] in "省市区县州盟旗"
        and len(measure) - place.end >= 3
        and measure[place.end] not in "籍内外级"
    ):
        measure = measure[place.end :]  # 焦作市|工伤保险参保人数: the place says where
    return measure


def _money_per_person(spot: Spot, measure: str | None, memory: SentenceMemory) -> str | None:
    """发放助学金129.4万元，其中资助…学生214名，每人5000元: an amount per person after a count
    of people is of the money the sentence named, not of the people."""
    text, q = spot.text, spot.q
    if q.kind != "money" or not (measure is None or a_person(measure)):
        return measure
    if text[spot.lead : q.start] not in PER_WORDS:
        return measure
    earlier = list(memory.units.get(spot.si, []))
    if spot.si > 0 and text[spot.s_start - 1 : spot.s_start] in ("；", ";"):
        earlier = memory.units.get(spot.si - 1, []) + earlier  # (…每人5000元；…每人2000元)
    money = [m for unit, m in earlier if unit.endswith("元") and m]
    return money[-1] if money else measure


def _distributed_grant(spot: Spot, measure: str | None) -> str | None:
    """每条被采纳的建议|奖励|100元至1000元: after a distributive phrase a grant word alone,
    right before the amount, is the grant (as 每人|资助|5000元 is)."""
    text, q = spot.text, spot.q
    if measure is not None or q.kind != "money":
        return measure
    clause = text[spot.lead : q.start]
    grant = next((g for g in GRANT_HEADS if clause.endswith(g)), None)
    if grant is None or "每" not in clause[: -len(grant)]:
        return measure
    return grant


def _object_of_repeated_verb(spot: Spot, measure: str | None) -> str | None:
    """发放爱心包…，共|发放|3200份: a verb printed again right before a bare number counts the
    object it took the first time in the sentence."""
    text, q, lex = spot.text, spot.q, spot.lex
    if spot.people:
        return measure  # (劳动者|入会|1.38万人: people are counted by who acts, not by an object)
    if measure is not None and not text.endswith(measure, 0, q.start):
        return measure  # (a measure other than the verb right before the number stays)
    toks = word_tags(text[spot.lead : q.start], lex)
    if not toks or len(toks[-1][0]) < 2 or toks[-1][1] != "v":
        return measure
    verb = toks[-1][0]
    if measure is not None and measure != verb:
        return measure
    # 建设“小哥驿站”，目前已|建成|36个: a verb of the same act counts it too; the nearest
    k, said = max(
        (text.rfind(v, spot.s_start, spot.lead), v) for v in (verb, *_KIN_VERBS.get(verb, ()))
    )
    if k < 0:
        return measure
    end = clause_end(text, k + len(said))
    obj = text[k + len(said) : end]
    if 2 <= len(obj) <= 8 and all(is_han(c) for c in obj):
        named = obj  # the object taken whole, whatever jieba's tags (爱心|包 as a verb)
    else:
        named = measure_before(text, end, k + len(said), lex)
    if said != verb and not (named or "").endswith(_KIN_HEADS):
        return measure  # (组织志愿者走进社区，…开展80余场: the kin verb's object is no event)
    return named or measure


# Events and places a kin verb counts (活动, 讲座; 驿站, 书屋).
_KIN_HEADS = (
    "活动", "会", "赛", "课堂", "讲座", "班", "站", "屋", "室", "中心", "基地", "点", "之家",
)  # fmt: skip
# Verbs of one act printed in turn (建设 a thing, then 建成 so many; 开展 an event, 举办 so many).
_KIN_VERBS: dict[str, tuple[str, ...]] = {
    "建成": ("建设", "建立", "新建", "打造"),
    "举办": ("开展", "组织"),
    "开展": ("举办", "组织"),
    "组织": ("开展", "举办"),
}


def _topic_object(spot: Spot, measure: str | None) -> str | None:
    """对检查中发现的问题，已督促整改295个 / 这样的驿站，全区目前共有48个: the object is put
    up front as a topic."""
    text, q, lex = spot.text, spot.q, spot.lex
    topic = _TOPIC.match(text, spot.s_start)
    if (
        topic is None
        or q.kind in ("percent", "money")  # (对…楼宇工会，…按每家2万元的标准给予补助)
        or topic.end() > q.start
        or not (measure is None or all(t in ("v", "t") for _, t in word_tags(measure, lex)))
    ):
        return measure
    head = topic.group(1).rpartition("的")[2]
    named = subject_np(word_tags(head, lex), lex)
    if named is None and 2 <= len(head) <= 6:
        named = head  # 诉求 is filed as a verb; after 的 it is the head noun
    return named or measure


def _people_counted(spot: Spot, measure: str | None, after: str | None) -> str | None:
    """People are counted by a person noun: a verb or a verbal clause names none, so the
    people counted are the last ones the sentence named before the number."""
    text, q, lex = spot.text, spot.q, spot.lex
    if not spot.people:
        return measure
    bare = text[spot.lead : q.start]
    toks = word_tags(measure, lex) if measure else []
    if measure is not None and (
        _no_people(measure, lex)
        or (measure == bare and len(toks) == 1 and not a_person(measure))
        # 通过…培训平台|参训|12.7万人次: a phrase ending in the people's activity, with no
        # person noun in it, names where or how they took part, not them
        or (
            len(toks) > 1
            and toks[-1][0] in lex.after_verb_set
            and toks[-1][0] not in ("就业", "再就业", "返乡")  # (新增|城镇就业: a statistic)
            and not any(a_person(w) for w, _ in toks)
        )
    ):
        # ，结业|2900人: a clause of one non-person word and the number is a verb and its
        # count (jieba files 结业, 毕业 as nouns); it names no people either.
        # 共|补贴|4.1万人 / 组织一线职工、劳动模范|疗休养|2.8万人次: a verb names no people
        measure = people_before(text, spot.s_start, q.start, lex) or measure
    if measure is not None:
        measure = _people_before_activity(measure, lex)
    if measure is None and after is None and any(text.endswith(v, 0, q.start) for v in _CAUSATIVES):
        # 吸纳当地农牧民群众务工，已带动|1.2万余人|就近就业: a causative's people are the
        # people the sentence named before
        measure = people_before(text, spot.s_start, q.start, lex)
    return measure


def _headless_head(spot: Spot, measure: str | None, memory: SentenceMemory) -> str | None:
    """其中认定为工伤的4385件 / 考入专科院校的1700余人 / …以上的有23件: a 的-phrase with no
    noun after the number leaves its head out; it is the set the sentence draws from
    (在…案件中，) or what an earlier figure of its kind counted."""
    text, q, lex, si = spot.text, spot.q, spot.lex, spot.si
    first = q
    k = spot.starts.index(q.start)
    while k > 0 and text[spot.quantities[k - 1].end : first.start] in ("、", "和", "及"):
        k -= 1  # (…建设的分别为46个、38个和52个: the list shares the first amount's phrase)
        first = spot.quantities[k]
    if not _HEADLESS.search(text, max(0, first.start - 5), first.start):
        return measure
    here, before = memory.units.get(si, []), memory.units.get(si - 1, [])
    measure = (
        frame_set(text, spot.s_start, q.start, lex)
        or same_kind(q, here, lex)
        # 考入本科院校的学生2100人…；考入专科院校的1700余人: a clause after ； goes on with
        # the items of the clause before it
        or (text[spot.s_start - 1 : spot.s_start] == "；" and same_kind(q, before, lex))
        # 评聘特级技师27名。加上首批评聘的19名，…: or of the sentence before in the same
        # paragraph
        or (
            si > 0
            and spot.sents[si - 1].paragraph == spot.sents[si].paragraph
            and same_kind(q, before, lex)
        )
        or measure
    )
    if text.startswith("其中", spot.s_start):
        # 其中，涉及工程建设领域的744件: a sentence opening with 其中 draws a part from what
        # was just counted; the 的-phrase only says which part, the head is left out
        measure = same_kind(q, here, lex) or same_kind(q, before, lex) or measure
    if measure and measure.endswith("总数") and len(measure) >= 4:
        measure = measure[:-2]  # 小屋总数93个，其中…的19个: the part counts 小屋, not the total
    return measure


def _share_of_subject(
    spot: Spot, measure: str | None, earlier: list[tuple[int, str | None]]
) -> str | None:
    """Shares and distributive clauses whose noun the clause before printed."""
    text, q, lex, lead = spot.text, spot.q, spot.lex, spot.lead
    ratio = _RATIO_OF.fullmatch(text, lead, q.start) if q.kind == "percent" else None
    if ratio is not None:
        # 公寓租金为市场租金的七成: the share is the subject's, the standard after 为 is
        # what it is compared with
        measure = subject_np(word_tags(ratio.group(1), lex), lex) or measure
    if measure is None and text.startswith("每", lead) and earlier and earlier[-1][1]:
        # 公寓租金为…七成左右，每套每月400元至900元不等: a clause of distributives and an
        # amount with no noun goes on with what the clause before measured
        measure = earlier[-1][1]
    if (
        q.kind == "percent"
        and _SHARE_OF_WHOLE.fullmatch(text, lead, q.start)
        and spot.prev_measure
        and lead > spot.s_start
    ):
        # 其中脱贫人口3400余人，占务工总人数的28%: a share printed after a part is that
        # part's share of the whole
        measure = spot.prev_measure
    return measure


def _part_or_frame(
    spot: Spot, measure: str | None, after: str | None, memory: SentenceMemory
) -> str | None:
    """A figure still without a measure: a part drawn with 其中, a count under a 'X中，'
    frame, or a clause opening with its number, counts what the sentence named before."""
    text, q, lex, lead, si = spot.text, spot.q, spot.lex, spot.lead, spot.si
    here = memory.units.get(si, [])
    if measure is None and text.endswith("其中", 0, q.start):
        # 为毕业学员推荐岗位260个，帮助|其中|96人…: 其中 takes a part of what the sentence
        # named of the figure's kind; for people, the people it named last
        measure = same_kind(q, here, lex) or (
            people_before(text, spot.s_start, q.start, lex) if spot.people else None
        )
        if measure is None and si > 0 and not here and not _names_a_set(spot):
            # …受理案件316件。通过…，该院将|其中|52件委托…: a sentence opening with no count
            # of its own draws the part from the count the sentence before ended with
            whole, unit = memory.last_count.get(si - 1, (None, None))
            measure = whole if unit == q.unit else None
    if measure is None and spot.prev_measure and text.startswith("其中", lead):
        # 培训农民工1.6万人次，其中…的有9800人: a part of them, of the sentence's last
        # figure of its kind (…案件3126件，涉案标的额1.7亿元，其中2024年受理1187件)
        measure = same_kind(q, here, lex) or spot.prev_measure
    if measure is None and si > 0 and lead == spot.s_start and text.startswith("其中", lead):
        # …受理…案件412件，涉案标的额1.86亿元；其中2022年受理186件: a sentence opening with
        # 其中 draws from the sentence before's last figure of its kind
        measure = same_kind(q, memory.units.get(si - 1, []), lex)
    if measure is not None:
        return measure
    # 入会司机中，…的有1860人: a 'X中，' frame names the set the count is drawn from;
    # people are drawn from a set of people only (竞赛中，… frames an event)
    frame = frame_set(text, spot.s_start, q.start, lex)
    if frame is not None and (not spot.people or a_person(frame)):
        return frame
    if lead > spot.s_start and text[lead : q.start] in ("", "共", "共有", "另有", "有", "已有"):
        # …280名职工取得证书，23人被授予…: a clause opening with its number counts what the
        # sentence's earlier figure of its kind counted; people, the people it named last
        # (为…困难职工家庭成员开发岗位85个…，已有93人通过培训…)
        kind = same_kind(q, here, lex)
        if kind is None and spot.people:
            kind = people_before(text, spot.s_start, q.start, lex)
        return kind
    if spot.people and after is None and opens_with_verb(text, q.end, lex):
        # 培训农民工3100余人次，帮助1260人|取得证书: a bare count of people doing something
        # counts the people the sentence named before
        return same_kind(q, here, lex)
    return None


# Heads of bodies' names (该院, 区总工会, 市人社局): they act, they are no set drawn from.
_BODY_ENDS = ("院", "局", "会", "中心", "所", "庭", "厅", "委", "办", "站", "队")


def _names_a_set(spot: Spot) -> bool:
    """Does the clause before 其中 (or, where 其中 opens its clause, the clause before that)
    name a set the part could be drawn from (…对辖区内的企业工会进行了考核，其中36个…)?"""
    text, lex = spot.text, spot.lex
    at = text.rfind("其中", spot.s_start, spot.q.start)
    start = clause_start(text, spot.s_start, at)
    if not text[start:at].strip() and start > spot.s_start:
        start = clause_start(text, spot.s_start, start - 1)
    return any(
        nounish(w, t, lex) and not w.endswith(_BODY_ENDS)
        for w, t in word_tags(text[start:at], lex)
        if t not in ("r", "t", "ns")
    )


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


def _predicate_only(measure: str, lex: FigureLexicon) -> bool:
    """今年|新开设: time words, adverbs and a verb (an adverb or adjective character glued to
    it counts as an adverb), no noun: a predicate that names nothing (其中今年新开设30个
    counts the items counted before)."""
    toks = word_tags(measure, lex)
    if len(toks) < 2 or toks[-1][0] in lex.nominal_verbs:
        return False
    w, t = toks[-1]
    tags = pseg.dt.word_tag_tab
    verb = t == "v" or (
        len(w) >= 3 and tags.get(w[0], "") in ("a", "d") and tags.get(w[1:], "").startswith("v")
    )
    return verb and all(t in ("t", "d") or (t == "a" and len(w) == 1) for w, t in toks[:-1])


def _people_before_activity(measure: str, lex: FigureLexicon) -> str:
    """劳模和职工|疗休养 2.3万人次: people counted by what they did are the people; the
    activity after the last person noun (verbs, or a fixed term such as 疗休养) names none."""
    toks = word_tags(measure, lex)
    last = max(
        (k for k, (w, t) in enumerate(toks) if a_person(w) and not t.startswith("v")), default=-1
    )
    rest = toks[last + 1 :]
    if last < 0 or not rest:
        return measure

    def activity(w: str, t: str) -> bool:
        return t.startswith("v") or noun_term(w, lex) or w in _ACTIVITY_NOUNS

    # (农民工|就业|创业, 劳动者|网上|入会: jieba files 创业 as a noun, 网上 as a place)
    if all(activity(w, t) or t in ("s", "d", "ad") for w, t in rest) and any(
        activity(w, t) for w, t in rest
    ):
        return "".join(w for w, _ in toks[: last + 1])
    return measure


_ACTIVITY_NOUNS = frozenset({"创业", "就业", "务工", "入会", "参保", "返岗"})


def _no_people(measure: str, lex: FigureLexicon) -> bool:
    """A measure made of verbs only (补贴, 休养): it names no people (服务, a verbal noun
    after 等, names the services counted)."""
    toks = word_tags(measure, lex)
    return all(t == "v" or w in lex.verb_set or w in lex.money_verbs for w, t in toks) and not any(
        a_person(w) for w, _ in toks
    )
