"""Who a figure's sentence credits: the acting body, or the one a report goes on about.

NLP stage (ingest → **nlp** → search), used by ``nlp.figures``.  The acting body printed
before the figure in its sentence (not one named as a place or as a counted item; X指导Y…
hands over to Y, a body reporting hands over to the body opening the next clause), else an
agent frame after it (在X的统筹下, 由X主办), else, when the sentence names no body and its
subject is not a generic collective, people or an area, the body of the sentence before —
in the same paragraph, or in the previous one when the paragraph opens with a connective,
has no subject of its own, points back, or takes up that paragraph's topic
(``nlp.cohesion``).  Bodies referred back to by their head word (该集团, 服务团…) credit too.

Round 10b: the subject decides, classified by its head and frame rather than by listed words —
a subject of its own that is no body (the counted people or items opening their clause with a
predicate, people with an adverb or modal after them, an organization noun with no name, 各X, a
set frame of people or firms, an area with a noun or a verb of state after it) credits nobody,
except where the body is the statistic's source (据X统计, 记者从X获悉, X表示) or an agent frame
(由X主办, 在X的…下) names it; a body that is only a verb's object stops nothing.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from functools import lru_cache

import jieba.posseg as pseg

from baoku.nlp.agencies import AgencyMatch
from baoku.nlp.cohesion import (
    ADDING,
    Opening,
    a_person,
    opening,
    subject_kind,
    takes_up,
    tool_reference,
)
from baoku.nlp.people import a_name
from baoku.nlp.sentences import Sentence

_CLAUSE_END = "，。；：！？!?;:\n"


# Head words a body is referred back to by (服务团成员包括…, 该集团各级工会…).
_REF_HEADS = (
    "公司工会",
    "集团工会",
    "服务团",
    "工作室",
    "服务站",
    "集团",
    "公司",
    "中心",
    "协会",
    "法院",
    "检察院",
    "院",
    "局",
    "厅",
    "委",
)  # fmt: skip  (longest first: 该公司工会 is the union, not the company; 院/局/厅/委 only as 该X)


def references(text: str, agencies: Sequence[AgencyMatch]) -> list[AgencyMatch]:
    """Later references to a named body by its head word, used for credit only (they are not
    mentions): 该集团 / 该院 anywhere, a bare head (服务团) opening a clause.  Each resolves
    to the last body printed before it whose name carries that head (北大荒集团九三分公司工会
    → 该集团 is 北大荒集团)."""
    out: list[AgencyMatch] = []
    covered: set[int] = set()
    for head in _REF_HEADS:
        if head.endswith("工会"):
            # 该集团工会 after 山西焦煤集团有限责任公司工会: a union whose name carries the
            # organization word, however long the legal form between them.
            org = head[: -len("工会")]
            named = [a for a in agencies if a.actor and org in a.text and a.text.endswith("工会")]
        else:
            named = [a for a in agencies if head in a.text and a.actor]
        if not named:
            continue
        pos = text.find(head, named[0].end)
        while pos >= 0:
            end = pos + len(head)
            inside = any(a.start <= pos < a.end for a in agencies)
            anaphor = text[max(0, pos - 1) : pos] in ("该", "此")
            lead = pos - len(_TIME_OPENER.search(text, max(0, pos - 4), pos).group())
            opens = lead == 0 or text[lead - 1] in _CLAUSE_END or text[lead - 1] in "，"
            body = [a for a in named if a.end <= pos]
            if len(head) == 1 and not anaphor:
                pos = text.find(head, end)
                continue  # 院 alone refers back only as 该院/此院 (局, 厅, 委 too)
            if body and not inside and (anaphor or opens) and pos not in covered:
                a = body[-1]
                cut = a.canonical.find(head)
                canonical = a.canonical
                if head in ("集团", "公司"):
                    # 北大荒集团九三分公司工会 → 该集团 is 北大荒集团; 鞍钢集团有限公司工会 →
                    # 集团 is 鞍钢集团有限公司 (the legal form belongs to the name)
                    cut += len(head)
                    legal = next((f for f in _LEGAL if a.canonical.startswith(f, cut)), "")
                    canonical = a.canonical[: cut + len(legal)]
                start = pos - 1 if anaphor else pos
                covered.update(range(pos, end))
                out.append(AgencyMatch(start, end, text[start:end], canonical, a.kind, a.place,
                                       a.resolved, True))  # fmt: skip
            pos = text.find(head, end)
    return out


# A time word between a clause break and a head word referred back to (，今年集团将…).
_TIME_OPENER = re.compile(r"(?:[今明去前]年|目前|当前|近日|日前|近期|今后|下一步|此后)?$")
_LEGAL = ("股份有限公司", "有限责任公司", "有限公司")
# 在区法院设立…/到速调中心求助: a body after a place preposition is where, not who.
_LOCATIVE = ("在", "到", "于", "赴", "至", "设在", "来到", "走进")
# 在吉林省总的统筹下 / 在南海区总指导下: a locative frame that names the agent after all.
_AGENT_FRAME = re.compile(r"^[^，。；]{0,3}(?:的)?[^，。；]{0,4}下")
# 在X的指导下，(今年)Y…: the rest of an agent frame, then a body opening the next clause.
_FRAME_THEN_BODY = re.compile(r"[^，。；]{0,8}下[，,](?:[今明去]年|目前|近日|日前|近年来)?")
# 西海岸新区总工会指导辛安街道总工会成立…: the guided body is the one that acts next.
PIVOT = ("指导", "引导", "推动", "督促", "支持", "帮助", "带领", "委托", "协助")
# 全市各级工会通过…/福建工会共征集: a generic collective is the subject, no named body is.
# 负责人说 / 主任魏光表示: a person speaking opens the sentence.
# The family is a title (any office ending: 副局长, 党组书记, 秘书长, 负责人; a people noun) and
# a reporting verb, with a name and an adverbial between them (副局长钟华在发布会上透露，).
_SPEECH = re.compile(
    r"(?:负责人|主任|主席|书记|部长|律师|记者|法官|职工|委员|干事|专干|经理|秘书长|工作人员|社工"
    r"|[\u4e00-\u9fff]{1,3}员"
    r"|[局处科会院庭队站所部厅馆校镇区市县村组社行团]长)"
    r"[^，。；：:！？!?“”\n]{0,14}?"
    r"(?:表示|介绍|(?<![来而])说|称|指出|坦言|透露|告诉记者|强调|谈到|提到|说道|坦承|解释|算了一笔账)"
    r"[，：:]"
)
# A body reporting (通报, 发布消息, 获悉) and a clause opening with another body: that one acts.
_REPORTS = re.compile(
    r"[^，。；]{0,8}?(?:发布消息|通报|公布|获悉|介绍|表示|透露|称|指出)[，：:]"
    r"(?:[今明去]年|目前|当前|近期|今后|下一步)?"
)
# A body's published statistics opening the sentence (X发布的数据显示，X日前公布数据显示，).
_PUBLISHED_DATA = re.compile(r"[^，。；]{0,6}?(?:发布|公布)的?(?:统计)?数据(?:显示|表明)[，,]")
# 由区总工会选派的12名 / 区法院派驻的3名: a body, a verb and 的 right before the figure.
_RELATIVE_AGENT = re.compile(r"[\u4e00-\u9fff]{1,4}的")
_GENERIC_SUBJECT = re.compile(
    r"各级工会|各地工会|各级.{0,4}组织|各地"
    r"|全(?:市|省|区|县|国)(?:各级)?[\u4e00-\u9fff]{0,8}?(?:机构|部门|单位|法院|检察院)"
    r"|[\u4e00-\u9fff]{2}(?<!总)工会(?:干部)?(?:共|将|通过|持续|紧扣|积极)"
)


def _generic(text: str, start: int, end: int) -> re.Match[str] | None:
    """The first generic collective between ``start`` and ``end`` that is a noun phrase:
    全市已检查用人单位 is a clause (an adverb, 已, sits only before a verb), not the collective
    全市…单位."""
    for m in _GENERIC_SUBJECT.finditer(text, start, end):
        inner = m.group()
        if not inner.startswith("全") or not any(
            w.flag in ("d", "p") for w in pseg.lcut(inner[2:-2], HMM=False)
        ):
            return m
    return None


def _generic_subject(text: str, start: int, end: int) -> re.Match[str] | None:
    """A generic collective between ``start`` and ``end`` in a subject's place: nothing verbal
    or prepositional before it in its clause (全市各级工会通过…); one after a verb or a
    preposition (还为全市各级工会会员办理…) is an object or a beneficiary, not who acted."""
    m = _generic(text, start, end)
    while m is not None:
        clause = max(start, max(text.rfind(c, start, m.start()) for c in "，；：") + 1)
        lead = pseg.lcut(text[clause : m.start()], HMM=False)
        if not any(w.flag[0] in "vp" for w in lead):
            return m
        m = _generic(text, m.end(), end)
    return None


def _actor(text: str, a: AgencyMatch) -> bool:
    """Could this mention be the one acting (not a place, not an item being counted)?"""
    if not a.actor:
        return False
    pre = text[max(0, a.start - 2) : a.start]
    if any(pre.endswith(w) for w in _LOCATIVE) and not _AGENT_FRAME.match(text[a.end : a.end + 10]):
        return False
    if "各" in text[max(0, a.start - 3) : a.start]:
        return False  # 各区县总工会: every body of a kind, no named one (the gold's plural kinds)
    # 七里河区牛肉面经营企业联合会等3家单位: an example of what is counted.
    return not re.match(r"等[\d一二两三四五六七八九十百千]", text[a.end : a.end + 3])


def _agent_frame(text: str, a: AgencyMatch) -> bool:
    pre = text[max(0, a.start - 1) : a.start]
    return pre == "由" or (pre == "在" and bool(_AGENT_FRAME.match(text[a.end : a.end + 10])))


def _subject(text: str, found: Sequence[AgencyMatch]) -> AgencyMatch | None:
    """The acting body among ``found`` (text order): the first, unless it hands over by a
    pivot verb to the next (X指导Y成立…: Y acts)."""
    if not found:
        return None
    cur = found[0]
    for nxt in found[1:]:
        gap = text[cur.end : nxt.start]
        if len(gap) <= 4 and any(gap.endswith(v) for v in PIVOT):
            cur = nxt
        elif text[max(0, cur.start - 1) : cur.start] == "在" and _FRAME_THEN_BODY.fullmatch(gap):
            cur = nxt  # 在X的指导下，Y组建…: X guides, the body opening the clause acts
        elif _REPORTS.fullmatch(gap):
            cur = nxt  # 市总工会日前发布消息，工匠学院成立以来…: the reporter is not the actor
    return cur


def credited(
    text: str,
    agencies: Sequence[AgencyMatch],
    sents: Sequence,
    si: int,
    offset: int,
    depth: int = 0,
) -> str | None:
    """Who the sentence credits with the figure at ``offset``.

    The acting body printed before the figure in its sentence; else one printed later in the
    sentence (打造10家工人文化宫……在吉林省总的统筹下); else, when the sentence names no
    body and its subject is not a generic collective, the body acting in the previous
    sentence of the paragraph (同时…/一方面…/服务站成立以来… continue it).
    """
    if not sents:
        return None
    if _in_quoted_speech(text, offset):
        return None  # “现在每月收入多了800多元。”快递员小刘说: a person's own words
    s = sents[si]
    actors = [a for a in agencies if s.start <= a.start < s.end and _actor(text, a)]
    first = _first_report(text, sents, si)
    if (
        first is not None
        and depth < 3
        # (法院…，联合|市总工会开展…: a partner or a beneficiary is no subject)
        and all(a.start > offset or text.endswith(_PARTNERS, 0, a.start) for a in actors)
    ):
        # 白皮书显示，…。…白皮书同时显示，…: a document's later findings are its report
        # too, credited as its first findings were (not to the body last named)
        return credited(text, agencies, sents, first, sents[first].end - 1, depth + 1)
    if _SPEECH.search(text, s.start, offset) is not None:
        # 区人社局…负责人说，今年…下降27% / 部长…介绍，市总工会今年已推动126家企业…: a
        # person's words credit nobody, even where a body is the subject of what is reported
        # (sets 22, 28, 30, 35, 39, 42, 45, 49, 52, 53, 55 and 56; the corpus item 001-10
        # credits the body after 介绍说, the one annotation that reads otherwise)
        return None
    before = [a for a in actors if a.start < offset]
    own_clause = max(s.start, max(text.rfind(c, s.start, offset) for c in "，；：") + 1)
    if (
        _STANDARD_SUBJECT.search(text, own_clause, offset)
        and not any(
            a.start >= own_clause or _subject_of_sentence(text, a) or _source(text, a)
            for a in before
        )
        and not _AGREED.search(text, s.start, offset)
        and text[s.start - 1 : s.start] not in ("；", ";")  # (…；小时标准为20元 goes on)
    ):
        # 费用标准为每人每天300元, 补助上限为8万元: the amount itself is the clause's subject
        # (but 合同约定，…标准为1880元: an agreement's terms are its signer's)
        return None
    at = _after_time_frame(text, s.start)
    workplace = _WORKPLACE.match(text, at)
    if workplace is not None:
        own = next((a for a in before if a.start == workplace.end()), None)
        if own is not None:
            return own.canonical  # 他所在的X公司今年已为…: the firm is the subject, not him
    if text.startswith(_PRONOUNS, at) and not any(a.start <= at for a in before):
        return None  # 今年5月，他还参加了区总工会组织的体检: the person acts, the body is inside
    if before:
        clause = max(text.rfind(c, s.start, offset) for c in "，；") + 1
        for a in before:
            gap = text[a.end : offset]
            if _RELATIVE_AGENT.fullmatch(gap):
                return a.canonical  # 区法院派驻的3名法官: the body in the figure's own phrase
        own = [a for a in before if a.start == clause]
        if own:
            # …，区总工会法律服务站现场解答40余人次: the clause's subject (handing over by a
            # pivot verb inside the clause: X指导Y建成… → Y)
            return _subject(text, [a for a in before if a.start >= clause]).canonical  # type: ignore[union-attr]
        chosen = _subject(text, before)
        if _generic(text, s.start, chosen.start):  # type: ignore[union-attr]
            return None  # 四川工会紧扣四川省委…: the subject is generic, the body an object
        generic = _generic(text, chosen.end, offset)  # type: ignore[union-attr]
        # (记者从X获悉, 据X统计: the body the reporter learned the figures from, or that
        # counted them, is credited; X通报，… and 据X介绍，… report what the collective did)
        pre = text[max(0, chosen.start - 3) : chosen.start]  # type: ignore[union-attr]
        learned = (
            pre.endswith("从")
            or (pre.endswith("据") and text.startswith("统计", chosen.end))  # type: ignore[union-attr]
            # 海口市中院发布的数据显示，全市两级法院…: the statistics are the body's own
            or _PUBLISHED_DATA.match(text, chosen.end) is not None  # type: ignore[union-attr]
        )
        if (
            generic
            and generic.start() > chosen.end  # type: ignore[union-attr]
            and not _agent_frame(text, chosen)  # type: ignore[arg-type]
            and not learned
        ):
            # 人社局通报，全市劳动保障监察机构共查处…: the collective acted.  Not 该集团各级工会
            # (the body's own unions) and not 在吉林省总的统筹下，各级工会… (an agent frame).
            return None
        framed = _agent_frame(text, chosen) or _source(text, chosen)  # type: ignore[arg-type]
        if not framed and _clauses_own_subject(text, chosen.end, offset, s.end):  # type: ignore[union-attr]
            # …举办联谊活动，320名单身职工参加 / 已有67个项目完成攻关，为企业创造…: a
            # later clause has the counted people or items (or an unnamed firm) as its
            # subject, and what they do is their own
            return None
        return chosen.canonical  # type: ignore[union-attr]
    if depth < 3 and _restates_part(text, sents, si):
        # 其中，两家企业因…重新组织了选举: a part of the items the sentence before counted,
        # so that sentence's credit (a body, or nobody after a generic collective) goes on
        return credited(text, agencies, sents, si - 1, sents[si - 1].end - 1, depth + 1)
    if _generic_subject(text, s.start, offset):
        return None
    opener = _PLAIN_OPENER.match(text, s.start)
    members = _SET_FRAME.match(text, opener.end() if opener else s.start)
    if members is not None and offset < members.end() and _members(members.group(1)):
        return None  # 在去年新增的620家…企业中，: the set's own count, restated in its frame
    kind = subject_kind(text, s.start, offset)
    if ADDING.match(text, s.start) and subject_kind(text, s.start, s.end) in _OWN_SUBJECTS:
        # 加上首批评聘的19名，全市特级技师已达46名: what the first clause adds to the subject
        # is the subject's too
        return None
    clause = max(s.start, max(text.rfind(c, s.start, offset) for c in "，；：") + 1)
    end = min((k for k in (text.find(c, offset, s.end) for c in "，；：") if k >= 0), default=s.end)
    # 检查发现，有21家单位…；另有9家…: what an inspection found is its report, existential
    # counts included, so the counts are no subject of their own there
    findings = _reports_findings(text, sents, si)
    if kind in _OWN_SUBJECTS or (
        not findings
        and (
            _count_is_subject(text, clause, end, scene=False)
            # 截至11月底，已有43名骑手获得理赔，赔付金额共计…: a clause before with the
            # counted people as subject, and the figure's clause going on with them
            or (clause > s.start and _clauses_own_subject(text, s.start, offset, s.end, False))
        )
    ):
        # (公告贴出后，52名职工不愿意随迁: the figure's own people open the clause and act;
        # 现场200多家企业提供… is a scene of the activity and goes on with it)
        # 一家纺织企业为…, 各基层工会共…, 参保职工共获得…, 学员中已有…, …由420家增加到…:
        # the sentence has a subject of its own that is no body
        return None
    # Only an agent frame after the figure credits it (在X的统筹下, 由X主办); a body merely
    # listed later in the sentence does not.
    later = [a for a in actors if a.start > offset and _agent_frame(text, a)]
    if later:
        return later[0].canonical
    anaphor = [a for a in actors if a.start > offset and a.text[:1] in "该此"]
    if anaphor and text.startswith("对", s.start):
        # 对…的98份合同，该局已全部退回: the fronted object's figure is the doing of the body
        # the sentence refers back to
        return anaphor[0].canonical
    tool = tool_reference(text, s.start, offset)
    if (
        not tool
        and not findings
        and any(s.start <= a.start < s.end and a.actor and not _object(text, a) for a in agencies)
    ):
        # a body acting in a later clause has its own report; the figure's clause before it
        # is no doing of it (but 平台共发出预警信息83条，县人社局据此约谈…: the platform acts
        # for the body running it, whoever acts next; 抽查发现，有7家机构…，市人社局已责令…:
        # the findings are the inspecting body's)
        return None
    if _person_subject(text, s.start, offset):
        return None  # 最终，赵利拿回…1万元: a person acted, not the body helping him before
    bare = _BARE_BODY.match(text, clause)
    if bare is not None and not any(a.kind == _BARE_KINDS[bare.group(1)] for a in agencies):
        # 目前，法院已判决…71件: a court no mention names (an unnamed one) is the subject,
        # not the procuratorate that reported before
        return None
    if _PEOPLE_SUBJECT.match(text, s.start) or _RECIPIENTS.match(text, s.start):
        # 决赛获奖选手共获奖金… / 获奖成果累计创造效益…: the people themselves, or the
        # items a body rewarded, are the subject; what they do is their own
        return None
    # (a centre known only by its long description is where people go: it blocks nothing)
    if si == 0:
        return None
    if depth < 3 and text[s.start - 1 : s.start] == "；":
        # …分别为1790元…；小时最低工资标准分别为18.6元: a clause after a semicolon is the
        # same sentence going on, so it keeps the credit the clause before it got, unless
        # after a frame (在线下招聘会上，) it has a subject of its own (用工企业收到…)
        framed = text.find("，", s.start, offset) if text.startswith("在", s.start) else -1
        if framed > 0 and (
            subject_kind(text, framed + 1, offset) in _OWN_SUBJECTS | {"area"}
            or _opens_own_subject(text, framed + 1, offset)
        ):
            return None
        return credited(text, agencies, sents, si - 1, sents[si - 1].end - 1, depth + 1)
    p = sents[si - 1]
    carry = p.paragraph == s.paragraph
    if carry and _place_subject(text, s.start, offset):
        return None  # 今年2月，桂林市充分发挥…: a place's own doing, no body's
    if carry and kind == "amount" and not _reports(text, agencies, p):
        # 公寓租金为市场租金的七成左右，每套每月…: the amount itself is the subject (a price,
        # a fee), a statistic of the items, not the doing of the body that acted before
        return None
    if carry and kind == "area" and not _reports(text, agencies, p):
        # 全市企业劳动合同签订率达到…: an area's statistic after a body acting, not one the
        # body before reports (X发布…情况。全市共… is its report)
        return None
    if not carry:
        # A new paragraph goes on with the previous one's body when it opens with a
        # connective (其中，/据悉，/在已调解的案件中，) or takes up what that paragraph
        # named (驿站运行以来… after 建成…心灵驿站); not when its subject is an area
        # (全市…/银川市现有…), which is that area's statistic, unless it is the means
        # of the clause (通过履约检查，全区…).
        subject = opening(text, s.start, offset)
        if (subject.area and not subject.means) or subject.people or kind == "area":
            return None  # an area's statistic, or people acting themselves
        frame = _CONTINUES.match(text, s.start)
        if frame is not None and not frame.group(1):
            frame = _CONTINUES.match(text, frame.end()) or frame  # 据介绍，在…中，
        if frame is not None and frame.group(1) and a_person(_head(frame.group(1))):
            return None  # 在参加体检的职工中，…: the make-up of a set of people
        if frame is not None and frame.group(1) and _head(frame.group(1)).endswith(_UNITS):
            return None  # 在参加培训的企业中，…: the make-up of the set of participating units
        first = next(
            k for k in range(si - 1, -1, -1) if k == 0 or sents[k - 1].paragraph != p.paragraph
        )
        linked = (
            bool(_CONTINUES.match(text, s.start) or _FINDINGS.match(text, s.start))
            or subject.zero
            or subject.anaphor
        )
        if not _acting_in(text, agencies, sents[first].start, p.end):
            # the paragraph before names no body (a quote, a person's story): the topic is
            # taken up from the one that named it (据了解，平台目前… after a worker's quote
            # takes up the platform two paragraphs up, linked or not)
            further = _taken_up_further(text, agencies, sents, si - 1, p.end, subject)
            if further is not None or not linked:
                return further
        carry = (
            linked
            or takes_up(subject.subject, text[sents[first].start : p.end])
            or takes_up(subject.frame, text[sents[first].start : p.end])
        )
    if not carry:
        return None
    k = _past_comments(text, agencies, sents, si - 1)
    p = sents[k]
    prev = _subject(text, [a for a in agencies if p.start <= a.start < p.end and _actor(text, a)])
    if prev is not None:
        return prev.canonical
    opener = k == 0 or sents[k - 1].paragraph != p.paragraph
    # a sentence with no subject of its own (另外，还为…; 今年共资助…) or with the activity's
    # tool as subject (平台已接入…) passes on what it got
    handed = (
        opener
        or _CONTINUES.match(text, p.start)
        or opening(text, p.start, p.end).zero
        or tool_reference(text, p.start, p.end)
    )
    if depth < 3 and handed and not any(p.start <= a.start < p.end for a in agencies):
        # 其中，…5710件；涉案金额…4.3亿元 / a paragraph's first sentence that took the
        # previous paragraph's body on: the sentence passes on the credit it got itself.
        # (One that got it from the sentence before does not: 用工企业收到简历… reports
        # the enterprises' doings, not the body's.)
        return credited(text, agencies, sents, k, p.end - 1, depth + 1)
    return None


# A document's findings opening a sentence: 白皮书显示, 年报同时显示, 报告还显示.
_DOCUMENT_SHOWS = re.compile(
    r"(白皮书|年报|报告|公报|调查|数据)(?:同时|还|也|另外|进一步)?(?:显示|表明)"
)


def _first_report(text: str, sents: Sequence, si: int) -> int | None:
    """The earlier sentence whose opening 'document 显示' the sentence ``si`` takes up again
    (the same document's findings), if any."""
    m = _DOCUMENT_SHOWS.match(text, sents[si].start)
    if m is None:
        return None
    for k in range(si):
        prev = _DOCUMENT_SHOWS.match(text, sents[k].start)
        if prev is not None and prev.group(1) == m.group(1):
            return k
    return None


# The amount itself as the clause's subject: a standard, a cap or a price (…标准为N元).
_STANDARD_SUBJECT = re.compile(
    r"(?:标准|上限|下限|限额|价格|单价|收费)(?:为|是)(?:每[\u4e00-\u9fff]{1,2}){0,2}$"
)
# An agreement's terms (合同约定, 协议明确): figures the signing body agreed.
_AGREED = re.compile(r"约定|协议|合同明确|确定|规定")


def _subject_of_sentence(text: str, a: AgencyMatch) -> bool:
    """Does ``a`` open a clause as its subject (not 漳州市总工会推出的…, a body inside a
    relative clause)?"""
    opens = (
        a.start == 0
        or text[a.start - 1] in "，。；：\n"
        or bool(_TIME_FRAME.fullmatch(text, max(0, text.rfind("，", 0, a.start - 1) + 1), a.start))
    )
    return opens and not re.match(r"[\u4e00-\u9fff]{1,3}的", text[a.end : a.end + 4])


# A bare court or procuratorate word opening a clause (no place, no name).
_BARE_BODY = re.compile(r"(?:目前|此前|随后|最终|最后)?，?(法院|检察院)")
_BARE_KINDS = {"法院": "court", "检察院": "procuratorate"}


def _in_quoted_speech(text: str, offset: int) -> bool:
    """Is ``offset`` inside a direct quotation (“…” holding a clause break or a sentence end,
    which a quoted name, “吹哨人”, does not)?  The speaker's words credit no body, whether
    the speaker is named before, after or in the next sentence."""
    opened = text.rfind("“", 0, offset)
    if opened < 0 or text.rfind("”", opened, offset) >= 0 or "\n" in text[opened:offset]:
        return False
    closed = text.find("”", offset)
    if closed < 0:
        return False
    return bool(re.search(r"[，。！？!?；]", text[opened:closed]))


# A sentence that only comments on the report (这是…连续第三年开展此类检查。): it names no
# actor and changes no topic.
_COMMENT = re.compile(r"(?:这是|这也是|这已是|此举|这一做法|这些举措)")


def _past_comments(text: str, agencies: Sequence[AgencyMatch], sents: Sequence, k: int) -> int:
    """The sentence a report goes on from, looking back from ``k`` past sentences of the same
    paragraph that only comment (这是…) and name no body."""
    while (
        k > 0
        and sents[k - 1].paragraph == sents[k].paragraph
        and _COMMENT.match(text, sents[k].start)
        and not any(sents[k].start <= a.start < sents[k].end for a in agencies)
    ):
        k -= 1
    return k


def _restates_part(text: str, sents: Sequence, si: int) -> bool:
    """Does sentence ``si`` open with 其中， inside a paragraph, so it picks out a part of
    what the sentence before counted?  (其中 inside a sentence, 其中3家企业已扭亏为盈, is a
    clause with a subject of its own; a paragraph opening with 其中 is ``_CONTINUES``'s.)"""
    s = sents[si]
    return (
        si > 0
        and sents[si - 1].paragraph == s.paragraph
        and text.startswith(("其中，", "其中,"), s.start)
    )


# What an inspection found (检查发现, 抽查中发现): the units found at fault are the findings
# of the body inspecting.  (A survey's or a check-up's results, 调查显示/体检发现, are states
# of the people surveyed, which stay their own.)
_INSPECTION_FOUND = re.compile(
    r"[\u4e00-\u9fff]{0,4}?(?:检查|抽查|督查|巡查|核查|排查|审计)(?:结果|中)?(?:发现|显示|表明)"
)


def _reports_findings(text: str, sents: Sequence, si: int) -> bool:
    """Does sentence ``si`` report what an inspection found (检查发现，…), itself or as a
    clause after a semicolon going on from one (…；另有9家单位…)?"""
    k = si
    while k > 0 and text[sents[k].start - 1 : sents[k].start] == "；":
        k -= 1
    return bool(_INSPECTION_FOUND.match(text, sents[k].start))


_OWN_SUBJECTS = frozenset({"indefinite", "each", "people-set", "people", "change", "organization"})
# Organizations as members of a set (在参加培训的企业中): participants like people.
_UNITS = ("企业", "单位", "公司", "工厂")

# A count of people or items (the units that count them, not money or shares).
_COUNT = re.compile(
    r"(?:\d+(?:\.\d+)?|[一二两三四五六七八九十百千万]+)(?:余|多)?[万亿]?(?:余|多)?"
    r"(?:人次|名|人|位|家|个|支|对|项|件|户|所|座|场|批|条|间|处|台|门|套|份|期|宗|起)"
)
# What may stand before a count that is its clause's subject: time words, adverbs, scene
# words and an existential verb (现场有57对嘉宾…, 已有46个项目…).
# (Not 共有/累计/共计 or a scope word: a total the report tallies, 共有5200余名司机加入…, and
# the units of the body's own area, 全省13个设区市参与…, are the activity's own result.)
_EXISTENTIAL = frozenset({"有", "已有", "还有", "另有", "现有", "尚有", "仍有", "仍"})
# A time given by an event (今年2月投用后, 整改结束后): it says when, like a time word.
_AFTER_EVENT = re.compile(r"[^，。；]{1,10}?(?:之后|以后|后)")
# 其中 before a count picks a part of the items just counted; with a predicate of its own
# (其中3家企业已扭亏为盈) the part is the subject.
_PART = frozenset({"其中"})
# Aspect adverbs jieba files as time words (11件案件|正在|执行中): they open a predicate.
_ASPECT = frozenset({"正在", "仍在", "尚在"})
_SCENE = re.compile(r"^(?:现场|会场|当天|当场|其间|期间)$")


def _count_is_subject(text: str, start: int, end: int, scene: bool = True) -> bool:
    """Does the clause ``text[start:end]`` hold a count in its subject's place, followed by a
    predicate of its own (52名职工不愿意随迁, 已有46个项目通过初审, 来自…的320名单身职工参加)?
    A count after a verb (共资助…1200名) or ending its clause (参赛队伍48支) is no subject."""
    for m in _COUNT.finditer(text, start, end):
        lead = text[start : m.start()]
        if lead.endswith("的"):
            # a relative clause opened by a verb (来自全市86家企事业单位的|320名) modifies the
            # counted noun; one opened otherwise (并推动其中的60项, 为…的) is no subject
            words = _tagged(lead)
            ok = bool(words) and words[0][1] == "v" and words[0][0] not in _EXISTENTIAL
        else:
            timed = _AFTER_EVENT.match(lead)
            lead = lead[timed.end() :] if timed else lead  # 今年2月投用后|已有1200余名职工…
            words = _tagged(lead)
            ok = all(
                t in ("t", "d", "ad", "m", "mq")
                or w in _EXISTENTIAL
                or w in _PART
                or (scene and _SCENE.match(w))
                for w, t in words
            )
            ok = ok or _counted_acts_itself(text, m.end(), end, words)
            # 全区已建会企业中有642家建立了…: a part of a group, counted, acts itself
            ok = ok or lead.endswith(("中有", "中的"))
        if not ok:
            continue
        rest = _tagged(text[m.end() : end])
        if rest and rest[0][1] == "v" and lead.endswith(("中有", "中的")):
            return True  # 企业中有642家|建立了…: the part's noun is the group's, elided
        k = 1  # the counted noun, then its coordinates (外卖骑手、快递员)
        while k < len(rest):
            if (
                a_person(rest[k - 1][0])
                and not a_person(rest[k - 1][0] + rest[k][0])
                and rest[k][0] not in "、和及与"
            ):
                # a noun for people heads its phrase: what follows, other than more of a
                # person noun (职工|子女), is the predicate, whatever jieba's tag (职工|参赛/n)
                break
            if (
                rest[k][1][:1] in ("n", "j")
                or rest[k][1] in ("zg", "ng", "q")
                or rest[k][0] in "、和及与之"
            ):  # (职工|之|家: jieba's pieces of one noun)
                k += 1
            elif k + 1 < len(rest) and rest[k + 1][1] in ("zg", "ng"):
                k += 2  # a word and a noun suffix jieba splits off (快递|员) are one noun
            else:
                break
        after_person = k < len(rest) and k > 0 and a_person(rest[k - 1][0])
        if (
            k < len(rest)
            and (rest[k][1][:1] in ("v", "d", "p") or rest[k][0] in _ASPECT or after_person)
            and rest[k - 1][0] not in "、和及与"
            and not rest[k][0].startswith(_LINKING_CHARS)
        ):
            return True  # (4场活动，2场招聘会、请9名专家…: a list of objects goes on)
    return False


# Scope words that may open a count of firms acting themselves (辖区3家平台企业分别将…).
_FIRM_SCOPE = frozenset({"辖区", "区内", "市内", "县内", "全市", "全区", "全县", "当地", "本地"})
# A passive after the counted noun (3家企业被列入名单): the items undergo, nobody is named.
_PASSIVE = re.compile(r"[\u4e00-\u9fff]{1,8}?被")


def _counted_acts_itself(text: str, at: int, end: int, lead: Sequence[tuple[str, str]]) -> bool:
    """Before a count whose lead is not only time words and adverbs: is the count its clause's
    subject anyway?  A tally (共有) of items then put in the passive (共有3家企业被列入名单)
    makes the items the subject; a scope word before a count of firms (辖区3家平台企业分别将…)
    leaves the unnamed firms acting for themselves.  (A tally of people joining, 共有5200余名
    司机加入, and the areas of the body's own scope, 全省13个设区市参与, stay the activity's.)"""
    rest = text[at:end]
    words = [w for w, t in lead if t not in ("t", "d", "ad")]
    if words == ["共有"] and _PASSIVE.match(rest):
        return True
    if len(words) == 1 and words[0] in _FIRM_SCOPE:
        noun = re.match(r"[\u4e00-\u9fff]{1,8}?(?:企业|公司|单位|工厂|商户|门店)", rest)
        return noun is not None and bool(
            re.match(r"(?:分别|均|都|已|也|先后|纷纷|将|主动)", rest[noun.end() :])
        )
    return False


# Linking words after a counted noun (…1200人次，其中…): no predicate of the count's own.
_LINKING_CHARS = ("等", "的", "（", "(", "以上", "以下", "左右")


@lru_cache(maxsize=4096)
def _tagged(piece: str) -> tuple[tuple[str, str], ...]:
    """jieba's words of ``piece`` with their tags (cached: clauses are read more than once)."""
    return tuple((w.word, w.flag) for w in pseg.lcut(piece, HMM=False))


_DISTRIBUTIVE = ("每", "人均", "户均", "单均")
# Nouns for an amount of the items a clause counted (已有43名骑手获得理赔，赔付金额共计…).
_AMOUNT_OF_ITEMS = ("金额", "总额", "人数", "数量", "总数")


# An area's items linked to their number (今年全市参赛企业达到|386家): the items' own tally.
_AREA_ITEMS_LINKED = re.compile(
    r"(?:今年|去年|目前|当年|全年)?全(?:市|区|县|省|州|旗|盟)(?![\u4e00-\u9fff]*总[数量])"
    r"[\u4e00-\u9fff]{2,8}?(?:达到|达|为|共有|有|超过|突破|增至)"
)  # (全市职工书屋总数已达620家: a running total of the body's own output goes on with it)


def _clauses_own_subject(text: str, start: int, offset: int, stop: int, scene: bool = True) -> bool:
    """Walking the clauses from ``start`` to the figure at ``offset`` (the sentence ends at
    ``stop``): is the figure's clause, or the last clause before it that has a subject, one
    whose subject is counted people or items (320名单身职工参加) or an unnamed firm?  A clause
    with no subject goes on with the one before (已有67个项目完成攻关，为企业创造…)."""
    own = False
    pos = start
    while pos <= offset:
        cut = min((k for k in (text.find(c, pos, stop) for c in "，；：,;:") if k >= 0), default=-1)
        end = cut if cut >= 0 else stop
        if pos > start or text[max(0, pos - 1) : pos] in ("，", "；", "：", ",", ";", ":"):
            kind = subject_kind(text, pos, end)
            o = opening(text, pos, end)
            if (
                kind in ("indefinite", "organization")
                or _count_is_subject(text, pos, end, scene)
                or _AREA_ITEMS_LINKED.fullmatch(text, pos, min(end, offset)) is not None
            ):
                own = True  # (a count in the subject's relative clause, 来自86家…的, too)
            elif (
                o.subject
                and not o.zero
                and not o.full.endswith(_AMOUNT_OF_ITEMS)
                and not o.full.startswith(_DISTRIBUTIVE)
            ):
                own = False  # a subject of another kind (活动, 赛事) takes the report back
                # (赔付金额, 人数: an amount of the items just counted goes on with them, as
                # does a rate per item, 每单补贴0.5元, 人均…)
        if cut < 0 or cut >= offset:
            break
        pos = cut + 1
    return own


def _source(text: str, a: AgencyMatch) -> bool:
    """Is ``a`` the source of the sentence's statistic (据X统计, 记者从X获悉, X公布的数据显示,
    X通报，, X表示，)?  Then it is credited whoever the clause's subject is."""
    pre = text[max(0, a.start - 3) : a.start]
    if pre.endswith(("据", "记者从", "从")):
        return True
    post = text[a.end : a.end + 14]
    cut = min((k for k in (post.find(c) for c in "，。；：:") if k >= 0), default=len(post))
    return bool(
        re.search(r"统计|介绍|获悉|了解到|通报|公布|发布|显示|数据|透露|表示|称", post[:cut])
    )


def _reports(text: str, agencies: Sequence[AgencyMatch], p: Sentence) -> bool:
    """Does the sentence ``p`` name a body as the source of a report (X发布…情况, 据X统计)?"""
    return any(_source(text, a) for a in agencies if p.start <= a.start < p.end and _actor(text, a))


def _object(text: str, a: AgencyMatch) -> bool:
    """Is ``a`` the object of a verb in its clause (已将案件移送市公安局)?  Then it is no
    subject, and a sentence naming no other body goes on with the body before."""
    lo = max(0, a.start - 60)
    clause = max(lo, max(text.rfind(c, lo, a.start) for c in "，。；：\n") + 1)
    return any(
        t.startswith("v") and t != "vn" and w not in _EXISTENTIAL
        for w, t in _tagged(text[clause : a.start])
    )


def _acting_in(
    text: str, agencies: Sequence[AgencyMatch], start: int, end: int
) -> list[AgencyMatch]:
    """The mentions between ``start`` and ``end`` that could be acting (see ``_actor``)."""
    return [a for a in agencies if start <= a.start < end and _actor(text, a)]


def _taken_up_further(
    text: str,
    agencies: Sequence[AgencyMatch],
    sents: Sequence,
    last: int,
    end: int,
    subject: Opening,
) -> str | None:
    """驿站运行以来… two paragraphs after 建成…驿站, with a worker's quote between: paragraphs
    that name no body (a quote, a person's story) do not end the report, so the topic may be
    taken up from the nearest paragraph before them that names one (the previous paragraph and
    up to three before it)."""
    k = last
    for _ in range(4):
        if k < 0:
            return None
        start = next(
            j for j in range(k, -1, -1) if j == 0 or sents[j - 1].paragraph != sents[k].paragraph
        )
        if not _SENTENCE_END.search(text, sents[start].start, sents[k].end):
            return None  # a heading (no sentence in it) opens a new section
        if _acting_in(text, agencies, sents[start].start, sents[k].end):
            window = text[sents[start].start : end]
            if not (takes_up(subject.subject, window) or takes_up(subject.frame, window)):
                return None
            j = next(
                j
                for j in range(k, start - 1, -1)
                if _acting_in(text, agencies, sents[j].start, sents[j].end)
            )
            chosen = _subject(text, _acting_in(text, agencies, sents[j].start, sents[j].end))
            return chosen.canonical if chosen is not None else None
        k = start - 1
    return None


_SENTENCE_END = re.compile(r"[。！？!?]")

# Discourse connectives that carry a report on into a new paragraph.
_CONTINUES = re.compile(
    r"(?:其中|据(?:悉|了解|介绍|统计)|此外|另外|同时|与此同时|同期|在([^，。；]{1,12})中)[，,]"
)


# A sentence opening with what an inspection, audit or survey found (检查发现…, 审计结果显示…):
# it reports the results of the activity the paragraph before described, so the body that
# acted there goes on.
_FINDINGS = re.compile(
    r"(?:[\u4e00-\u9fff]{0,4}?(?:检查|抽查|督查|巡查|核查|排查|审计|调查|调研|体检|评估|监测))"
    r"(?:结果|中)?(?:发现|显示|表明)"
)


# A sentence opening with people as its subject: a short noun phrase ending in a people
# suffix (选手, 会员, 职工, 劳动者), then an adverb that only a subject takes before its verb.
_PEOPLE_SUBJECT = re.compile(
    r"[\u4e00-\u9fff]{0,8}?[工员者手](?:们)?(?:共|均|都|也|纷纷|人均|累计|已)"
)


# A subject named by what it received or took part in (获奖成果, 受助学生, 参赛作品).
_RECIPIENTS = re.compile(
    r"(?:获奖|获评|受助|受益|受表彰|参赛|参评|入选)[\u4e00-\u9fff]{1,6}?(?:共|均|都|累计|已|人均)"
)


def _place_subject(text: str, start: int, end: int) -> bool:
    """Does the sentence's subject (after a time frame) open with a place name (桂林市,
    山东省烟台市), not a scope word (全市) or a place before a determiner (西宁市首个…)?"""
    subject = opening(text, start, end)
    if not subject.area or subject.means or not subject.subject:
        return False
    return pseg.lcut(subject.subject, HMM=False)[0].flag == "ns"


# A set frame opening the sentence (在新增的300家参保企业中，).
_SET_FRAME = re.compile(r"在([^，。；]{2,24}?)中[，,]")
# A report opener naming no body (据介绍，在受理的投诉中，…).
_PLAIN_OPENER = re.compile(r"(?:据介绍|据了解|据悉|据统计)[，,]")


def _members(phrase: str) -> bool:
    """Is ``phrase`` a set of people or firms (参加培训的企业, 参保职工)?"""
    head = _head(phrase)
    return a_person(head) or head.endswith(_UNITS)


def _opens_own_subject(text: str, start: int, end: int) -> bool:
    """Does ``text[start:end]`` open with a noun for firms or people acting (用工企业收到…)?"""
    subject = opening(text, start, end)
    return subject.people or subject.full.endswith(_UNITS) or a_person(_head(subject.full))


def _head(phrase: str) -> str:
    """The head of a noun phrase: what follows its last 的 (参加体检的|职工)."""
    return phrase.rpartition("的")[2]


_PRONOUNS = ("他", "她")
# A person's workplace named as the subject (他所在的|X公司): the body after it acts.
_WORKPLACE = re.compile(r"[他她]们?所在的")
# Partners and beneficiaries: a body after these is no subject (联合|市总工会开展…).
_PARTNERS = ("联合", "会同", "与", "和", "同", "向", "对", "为")
# A time frame opening a sentence (今年5月，), before its subject.
_TIME_FRAME = re.compile(
    r"(?:[今去明前]年|\d{4}年)?(?:\d{1,2}月)?(?:\d{1,2}日)?(?:以来|初|底|中旬)?，"
)


def _after_time_frame(text: str, start: int) -> int:
    """Where the subject starts after a time frame opening at ``start`` (今年5月，|他…)."""
    framed = _TIME_FRAME.match(text, start)
    return framed.end() if framed else start


def _person_subject(text: str, s_start: int, offset: int) -> bool:
    """Does the sentence, or the figure's clause, open with a person's name (jieba's nr) or
    a personal pronoun (今年，她的月工资涨了600元)?"""
    clause = max(s_start, max(text.rfind(c, s_start, offset) for c in "，；：") + 1)
    for at in {s_start, clause, _after_time_frame(text, s_start)}:
        if text.startswith(_PRONOUNS, at):
            return True
        words = pseg.lcut(text[at : min(offset, at + 6)])
        if words and words[0].flag == "nr" and len(words[0].word) >= 2 and a_name(words[0].word):
            return True  # (白皮书显示，… is jieba's nr too: a report, not a person)
    return False
