"""What a sentence opens with, and whether that takes up the previous paragraph's topic.

NLP stage (ingest → **nlp** → search), used by ``nlp.figures`` for agency credit.  A
paragraph that names no body may go on reporting the previous paragraph's activity: its
opening subject takes up something that paragraph named (驿站运行以来… after
建成职工心灵驿站…; 托管班共招募… after 开办…爱心托管班…; 通过履约检查，… after
开展履约情况检查), so the body acting there is still the one credited.  A subject that is an
area (全市…, 银川市现有…) is a statistic of that area, which no body is credited with.
Word tags are unreliable on such openings (jieba files 托管, 审计 and 互助 as verbs), so the
opening is read by position and compared by two-character pieces.
``subject_kind`` (round 10b) classes a sentence's subject by its head: an unnamed firm, 各X,
people acting, a set of people, the counted items changing, an organization noun, an area.
"""

from __future__ import annotations

import itertools
import re
from dataclasses import dataclass
from functools import lru_cache

import jieba.posseg as pseg

# Pieces every report shares (who is served, who reports): they tie no two paragraphs.
_COMMON = frozenset(
    {"职工", "工会", "企业", "单位", "工作", "全市", "全区", "全省", "全县", "全国", "今年"}
)
# Scope words and place names opening a subject make it an area's statistic.
_SCOPE = re.compile(r"全(?:市|区|省|县|国|州|盟|镇|旗|地区)|各地|各级")
# A first clause that only says when (截至8月底，/今年一季度，/目前，) frames the sentence.
_TIME_TAGS = frozenset({"t", "m", "mq", "eng", "f", "q", "tg"})
_TIME_LEAD = ("截至", "截止", "到", "自", "从", "在")
# Discourse openers that carry a report on (其中，/据了解，); the subject follows them.
_OPENER = re.compile(
    r"(?:其中|据(?:悉|了解|介绍|统计)|此外|另外|同时|与此同时|同期|目前|当前|记者了解到)[，,]"
)
# A first clause that adds items to the subject's (加上首批评聘的19名，全市特级技师已达46名):
# the subject follows it.
ADDING = re.compile(r"(?:加上|连同|算上|包括)[^，。；]{1,20}[，,]")
_DETERMINER = frozenset("首第这该此")
_DEMONSTRATIVES = frozenset({"这些", "这", "该", "此", "上述", "这个", "这批", "这项", "此项"})
# How nouns for people end (职工, 农民工, 志愿者, 律师, 学生, 工匠, 法官, 职工代表, 货车司机).
_PERSON_END = frozenset("工员者人师生手匠警官")
_PERSON_END2 = frozenset({
    "代表", "干部", "司机", "骨干", "模范", "家属", "子女", "群众", "青年",
    # Round 16: residents and villagers, women and children
    "村民", "居民", "市民", "农民", "牧民", "渔民", "妇女", "儿童",
    # Round 18: streamers, seafarers, the elderly, apprentices
    "主播", "船员", "老人", "徒弟", "学徒", "劳模",
})  # fmt: skip
# Characters that open an adverb (已有, 共计, 累计, 还将): no subject starts with them.
_ADVERB_CHARS = frozenset("已共还又再均都也累将正")
# Prepositions that open a frame the clause is about (对…，/经过…，/为…，/围绕…，).
_FRAMING = frozenset(
    {"对", "针对", "经过", "经", "为", "为了", "围绕", "按照", "根据", "依托", "借助"}
)
_HAN = re.compile(r"[\u4e00-\u9fff]")
# A time word names a time by a deictic or calendar character (今年, 上半年, 年底); 青年 does not.
_TIME_WORD = re.compile(r"^[今昨明去前当本每近往同上下首]|[年月日天初底末季]$")
# A span up to now that jieba files as one idiom (今年以来/i): it says when, like 今年.
_SINCE = re.compile(r"(?:[今去前近]年|近期|年初|入[春夏秋冬])以来")


def _time_piece(word: str, tag: str) -> bool:
    """Is ``word`` (tagged ``tag``) a piece of a time frame (今年, 8月底, 以来, 今年以来)?"""
    return tag in _TIME_TAGS or word in "年月日底初" or bool(_SINCE.fullmatch(word))


@dataclass(frozen=True, slots=True)
class Opening:
    """The subject a sentence opens with: its text, whether it is an area, and whether it
    came as the means of the clause (通过X，: the result is X's)."""

    subject: str
    area: bool
    means: bool
    zero: bool = False  # no subject at all (已为…, 共…): the topic goes on from before
    anaphor: bool = False  # 这些驿站 / 该项目: a demonstrative points back
    frame: str = ""  # 对检查中发现的问题，/经过协商，: a prepositional frame's words
    people: bool = False  # 执行干警先后…: people are the subject, they act themselves
    full: str = ""  # the whole subject phrase (参与协商的企业 → 企业), not cut at four


@lru_cache(maxsize=4096)
def _words(piece: str) -> tuple[tuple[str, str], ...]:
    return tuple((w.word, w.flag) for w in pseg.lcut(piece, HMM=False))


def opening(text: str, start: int, end: int) -> Opening:
    """The subject ``text[start:end]`` opens with, after discourse openers and time frames:
    the words before its first adverb, preposition or break, or before a verb once a noun
    is taken (驿站|运行以来 → 驿站, 托管|班|共 → 托管班); at most four characters, which is
    enough to compare and keeps a verb chain (互助保障累计给付) from reading as a topic."""
    pos = start
    m = _OPENER.match(text, pos) or ADDING.match(text, pos)
    if m is not None:
        pos = m.end()
    words = _words(text[pos : min(end, pos + 16)])
    clause = []
    for w, t in words:
        if w in "，,：:":
            break
        clause.append((w, t))
    timed = bool(clause) and all(
        _time_piece(w, t) or (k == 0 and w in _TIME_LEAD) for k, (w, t) in enumerate(clause)
    )
    if timed and len(clause) < len(words):
        # 截至8月底，|互助保障…: the subject opens the next clause
        pos += sum(len(w) for w, _ in clause) + 1
        words = _words(text[pos : min(end, pos + 16)])
        clause = list(itertools.takewhile(lambda wt: wt[0] not in "，,：:", words))
    frame = ""
    if clause and clause[0][0] in _FRAMING and len(clause) < len(words):
        # 对检查中发现的问题，|已督促整改…: a prepositional frame says what the clause is
        # about; its words may take up the topic, and the subject opens the next clause
        frame = "".join(w for w, _ in clause[1:])[:4]
        pos += sum(len(w) for w, _ in clause) + 1
        words = _words(text[pos : min(end, pos + 16)])
    k = 0
    while (
        k < len(words) - 1
        and words[k][1] in _TIME_TAGS
        and (words[k][1] != "t" or _TIME_WORD.search(words[k][0]))
    ):
        k += 1
    if any(t in ("t", "mq", "tg") for _, t in words[:k]):
        # 今年|还首次…, 今年|前|三季度|全区…: a time phrase says when; the subject (or none)
        # follows it
        words = words[k:]
    means = bool(words) and words[0][0] == "通过"
    if means:
        words = words[1:]
    anaphor = bool(words) and words[0][0] in _DEMONSTRATIVES
    if anaphor:
        words = words[1:]
    elif words and words[0][0][0] in "该此这" and words[0][1] == "r" and len(words[0][0]) > 1:
        # 该项目 filed as one pronoun-led word: the rest of it is the noun
        anaphor = True
        words = ((words[0][0][1:], "n"), *words[1:])
    # 西宁市|首个“零工之家”: a place before a determiner picks out one item, not an area
    particular = len(words) > 1 and words[1][0][0] in _DETERMINER
    area = bool(words) and (bool(_SCOPE.match(words[0][0])) or words[0][1] == "ns")
    area = area and not particular
    taken: list[str] = []
    noun = False
    for w, t in words:
        if t in ("d", "p", "c", "uj", "x", "r", "f", "t") or not _HAN.match(w):
            break
        if noun and ((t.startswith("v") and t != "vn") or t in ("l", "i")):
            break  # (环卫工人|发生意外/l: an idiom after the noun is its predicate)
        taken.append(w)
        noun = noun or t.startswith("n") or t in ("vn", "j")
    de = next((j for j, (w, _) in enumerate(words) if w in "的，,：:"), len(words))
    relative = (
        taken
        and de < len(words)
        and words[de][0] == "的"
        and all(t not in ("d", "p", "x") for _, t in words[len(taken) : de])
    )
    if relative:
        # 涉及新就业形态劳动者的|案件… / 劳动者胜诉的|案件占比…: a relative clause; its
        # head noun is the subject
        head = list(
            itertools.takewhile(
                lambda wt: wt[1].startswith("n") or wt[1] in ("vn", "j"), words[de + 1 :]
            )
        )
        if head:
            taken = [w for w, _ in head]
    framed = len(taken) < len(words) and words[len(taken)][0] == "中" and not means
    if framed and a_person("".join(taken)):
        # 入会司机中，…: a frame of people opens a statement of the set's make-up, which is
        # no body's doing; 活动中，… frames an event, which the topic test decides on
        return Opening("", area, means)
    # 已为职工提供…: no subject, the topic goes on; 已有1.1万名职工…: an existential
    # brings in a subject of its own (the people counted)
    zero = (
        not means
        and bool(words)
        and not words[0][0].endswith("有")
        and ((not taken and words[0][1] in ("d", "v")) or words[0][0][0] in _ADVERB_CHARS)
    )
    people = a_person("".join(taken))
    full = "".join(taken)
    return Opening(full[:4], area, means, zero, anaphor, frame, people, full)


def a_person(word: str) -> bool:
    """Is ``word`` a noun for people (by how such nouns end)?"""
    return len(word) >= 2 and (word[-1] in _PERSON_END or word[-2:] in _PERSON_END2)


def takes_up(subject: str, previous: str) -> bool:
    """Does ``subject`` share a two-character piece with ``previous`` (the paragraph before)
    that is not one every report shares (职工, 工会, 全市)?"""
    pieces = {subject[k : k + 2] for k in range(len(subject) - 1)}
    return any(
        p not in _COMMON and _HAN.fullmatch(p[0]) and _HAN.fullmatch(p[1]) and p in previous
        for p in pieces
    )


# --- Round 10b: what kind of thing a clause's subject is, by its head and its frame ----------

# An indefinite determiner before an organization noun: an unnamed firm or a part of a class
# (一家纺织企业, 某电子公司, 部分企业, 不少用人单位) is no named body, and its doings are its own.
_INDEFINITE = re.compile(
    r"(?:[\u4e00-\u9fff]{1,6}?[省市区县镇乡])?(?:当地|本地|辖区|区内|市内|县内|省内)?"
    r"(?:一家|一些|部分|不少|许多|多家|有的|个别|少数|某些|某)"
    r"[\u4e00-\u9fff]{0,10}?(?:企业|公司|工厂|单位|门店|商户|厂|店|机构|平台|协会|学校|医院)"
)
# 各 + a class of bodies or units (各基层工会, 各成员单位, 各县区人社部门): every one of them, no
# named body; 广大/所有 + people or units likewise.
_EACH = re.compile(
    r"(?:各|所有|广大)[\u4e00-\u9fff]{0,8}?"
    r"(?:工会|单位|企业|部门|机构|组织|法院|检察院|街道|乡镇|镇街|县区|区县|会员|职工|站点)"
)
# A subject followed by a change of its count from one amount to another (…的职工之家由去年的
# 420家增加到610家): the counted items are the subject (a rate's change, 办结率由95%提高到98%,
# is the activity's result and is not meant).
_CHANGE_OF_ITEMS = re.compile(
    r"[^，。；：:！？]{1,20}?(?:由|从)(?:[^，。；：:]{0,8}?的)?"
    r"(?:\d+(?:\.\d+)?|[一二两三四五六七八九十百千万]+)(?:余|多)?[万亿]?(?:余|多)?"
    r"(?:名|人|位|家|个|支|对|项|件|户|所|座|场|批|条|间|处|台|门|套|份|期|宗|起)"
)
# A frame of people (首批学员中，/参训职工中已有…): the make-up of that set of people.
_PEOPLE_SET = re.compile(r"([\u4e00-\u9fff]{2,10}?)中[，,]?")
# People are a subject only when an adverb or a time word follows them (参保职工今年共获得…,
# 执行干警先后…); a number after them (惠及职工13万人) or a verb (接待职工来访…) makes them a
# verb's object, and a linking adverb (共, 累计 + 达/有) their size.
# An area's unnamed bodies acting (全区非公企业职代会共审议…, 全市企业工会累计开展…): a plural of
# bodies no name picks out, a generic collective like 各基层工会.
_AREA_BODIES = re.compile(
    r"全(?:市|区|省|县|州|盟|镇)[\u4e00-\u9fff]{0,8}?(?:企业|单位|职代会|工会|机构|组织)"
    r"(?:共|累计|已|均|都|先后|普遍)"
)
# A set frame of firms or units, counts allowed inside (在新增的300家参保企业中，).
_UNIT_SET = re.compile(r"在([^，。；]{2,24}?)中[，,]")
_PEOPLE_NEXT = frozenset({"d", "ad", "t", "tg"})
# The same read on the characters, for openings jieba runs together (参|训|职工|全部|通过考核
# are all nouns to it): a noun for people, then an adverb, a time word or a distributive.
_PEOPLE_THEN_ADVERB = re.compile(
    r"[\u4e00-\u9fff]{0,6}?(?:[工员者人师生手匠警官]|代表|干部|司机|骨干|模范|家属|子女|群众|青年)"
    r"们?(?:全部|全都|都|均|已|也|纷纷|共|累计|先后|陆续|每人|人均|今年|去年|普遍"
    r"|可以|可|能够|能|需|应|将)"
)


def subject_kind(text: str, start: int, end: int) -> str:
    """What ``text[start:end]`` (a sentence or clause) opens with, after discourse openers and
    time frames: ``indefinite`` (一家企业, 某公司), ``each`` (各基层工会), ``people-set``
    (学员中…), ``people`` (a noun for people acting with a verb of their own: 参保职工共获得),
    ``change`` (the counted items changing: …由420家增加到610家), ``area`` (全市…, 包头市…),
    ``amount`` (a price or fee linked to its amount: 租金为…) or ``""`` (an activity, a
    thing, nothing: the topic may go on).  A set frame of firms (在…企业中，) is a
    ``people-set`` too: its members are the subject."""
    at = _subject_at(text, start, end)
    o = opening(text, at, end)
    piece = text[at:end]
    if piece.startswith("被"):
        # 被约谈企业均…/被帮扶职工已…: a passive participle opens the subject (jieba files 被
        # as a preposition, so the head is read on the characters)
        m = _PASSIVE_SUBJECT.match(piece)
        if m is not None:
            return "people" if a_person(m.group(1)) else "organization"
    if _INDEFINITE.match(piece):
        return "indefinite"
    if _EACH.match(piece) or _AREA_BODIES.match(piece):
        return "each"
    m = _PEOPLE_SET.match(piece)
    if m is not None and a_person(m.group(1).rpartition("的")[2]):
        return "people-set"
    m = _UNIT_SET.match(piece)
    if m is not None and m.group(1).rpartition("的")[2].endswith(_ORG_HEADS):
        # 在去年新增的620家…企业中，中小微企业占比…: the make-up of a set of firms
        return "people-set"
    if (_CHANGE_OF_ITEMS.match(piece) or _items_changing(piece)) and not o.zero:
        return "change"
    if o.anaphor and o.full[:1] in _DIVISION_CHARS and len(o.full) == 1:
        return "area"  # 该市今年新增…: a place referred back to
    if o.full.endswith(_ORG_HEADS) and o.full in piece and not tool_reference(text, at, end):
        # 涉事企业已补发…, 这些企业今年…, 参与协商的企业今年…: organizations with no name
        # act for themselves; one linked to a count (…的企业有37家) is the counted items
        rest = piece[piece.find(o.full) + len(o.full) :]
        timed = len(_TIME_PREFIX.match(rest).group())
        rest = rest[timed:]
        verb_first = _words(o.full)[0][1] == "v" and "的" not in piece[: piece.find(o.full)]
        # (a verb first, 督促施工企业补发…/深入企业开展…, makes the firms its object unless an
        # adverb or a time word follows them as it follows a subject: 涉事企业已补发…)
        adverb = bool(rest) and (timed > 0 or _words(rest[:4])[0][1] in _PEOPLE_NEXT)
        if (
            rest
            and not rest.startswith(_ORG_LINKING)
            and not rest[0].isdigit()
            and (adverb or not verb_first)
        ):
            return "organization"
    if o.people and o.subject and o.subject in piece:
        rest = _words(piece[piece.find(o.subject) + len(o.subject) :].lstrip("们")[:8])
        full = o.subject
        while rest and a_person(full + rest[0][0]) and rest[0][1] not in _PEOPLE_NEXT:
            full, rest = full + rest[0][0], rest[1:]  # the rest of a person noun cut at four
        if rest and rest[0][1] in _PEOPLE_NEXT:
            return "people"
    m = _PEOPLE_THEN_ADVERB.match(piece)
    if m is not None and ("的" in m.group() or _words(m.group())[0][1] not in ("v", "vd")):
        # (a verb first, 帮扶困难职工共…, makes the people its object, unless a 的 makes it
        # a relative clause: 投保的环卫工人每人…)
        return "people"
    if _AMOUNT_SUBJECT.match(piece):
        return "amount"
    if o.area and not o.means and piece:
        word = _words(piece[:8])[0][0]  # 全市, 九江市: the area word itself
        if len(o.full) > len(word) or _STATE_AFTER_AREA.match(piece, len(word)):
            return "area"
    return ""


# The counted items as subject with a change of their number (职工意见建议同比增长18%, 举报线索
# 较去年同期下降…): a noun phrase, then a comparison and a verb of change before the amount.
_ITEMS_CHANGE = re.compile(
    r"([\u4e00-\u9fff]{2,10}?)(?:同比|环比|较去年(?:同期)?|比去年(?:同期)?|较上年)"
    r"(?:增长|下降|增加|减少|上升|提高|降低)了?(?:\d|[一二两三四五六七八九十百千万]+(?:成|倍)|$)"
)


def _items_changing(piece: str) -> bool:
    """Does ``piece`` open with a noun phrase whose number changes (…线索同比增长62.5%; the
    piece may stop right before the amount)?  An adverb or a preposition first (共…) makes
    it no subject; a verb first heads a noun for items only when a noun that is not for
    people closes it (欠薪投诉案件, 参保人数): 接待职工同比增长… is the activity's result."""
    m = _ITEMS_CHANGE.match(piece)
    if m is None:
        return False
    words = _words(m.group(1))
    if not words or words[0][1][:1] in ("d", "p", "r", "c"):
        return False
    last, tag = words[-1]
    return not words[0][1].startswith("v") or (tag.startswith("n") and not a_person(last))


# A bare head noun (平台, 系统) that takes up a quoted name printed before it (依托“欠薪预警监测
# 平台”): the activity's own tool, which acts for the body running it.
_TOOL_HEADS = ("平台", "系统", "小程序", "热线", "专线")


def tool_reference(text: str, start: int, end: int) -> bool:
    """Does ``text[start:end]``'s subject refer back, by its bare head, to a quoted tool or
    platform named before ``start`` (“职工之家服务平台” … 平台已注册…, “X”服务平台 … 平台…)?"""
    o = opening(text, _subject_at(text, start, end), end)
    if o.full not in _TOOL_HEADS or o.anaphor:
        return False
    # the head inside the quotes (“欠薪预警监测平台”) or after them (“闵行职工学堂”服务平台,
    # “莆薪通”工资支付监控预警平台)
    named = r"“[^”]{1,20}" + o.full + "”|“[^”]{1,20}”[\u4e00-\u9fff]{0,10}?" + o.full
    return bool(re.search(named, text[:start]))


# After an area opening its sentence, a noun (全市企业…率, 全市已建会企业…覆盖率) or a verb
# of change or state (新增, 达到, 现有) makes the area the subject of a statistic; an act
# (全市累计录入…, 全市共受理…) has the area as its scope and is the doing of the body
# reporting it.
_STATE_AFTER_AREA = re.compile(
    r"(?:今年|去年|目前|当前|已|共|累计|总计|现)?"
    r"(?:新增|增加|增长|达到|达|减少|下降|提高|提升|现有|拥有|有|共有|[\u4e00-\u9fff]{0,12}?(?:率|数|量|比例|人数|总数))"
)


# A price or fee linked to its amount opens the sentence (公寓租金为…七成, 托育费用约为…): the
# amount itself is the subject.
_AMOUNT_SUBJECT = re.compile(
    r"[\u4e00-\u9fff]{0,8}?(?:租金|房租|价格|收费|费用|票价|售价)(?:标准)?(?:约为|仅为|为|是|约)"
)


_PASSIVE_SUBJECT = re.compile(
    r"被[\u4e00-\u9fff]{1,4}?((?:企业|公司|单位|工厂|商户|门店|平台)|[\u4e00-\u9fff]{0,3}"
    r"(?:[工员者人师生手匠]|代表|干部|司机|家属|子女|群众))"
    r"(?:全部|全都|都|均|已|也|纷纷|共|累计|先后|陆续|今年|可|将)"
)
# Heads of a noun for organizations that no name picks out (企业, 用人单位, 公司).
_ORG_HEADS = ("企业", "公司", "单位", "工厂", "商户", "门店", "平台", "医院", "学校")
# Links from a subject to its count or share, not an action (…的企业有37家, 企业占…).
_ORG_LINKING = ("有", "为", "达", "占", "是", "共有", "共计", "合计", "约", "数", "、", "和", "的")
_TIME_PREFIX = re.compile(r"(?:今年|去年|目前|当前|[一二三四上下]半年|全年|已经)?")
_DIVISION_CHARS = frozenset("省市区县镇乡州盟旗")


def _subject_at(text: str, start: int, end: int) -> int:
    """Where the subject starts: after a discourse opener and a first clause that only says
    when (其中，/据了解，/截至8月底，/今年以来，)."""
    pos = start
    m = _OPENER.match(text, pos) or ADDING.match(text, pos)
    if m is not None:
        pos = m.end()
    comma = min((k for k in (text.find(c, pos, end) for c in "，,") if k >= 0), default=-1)
    if comma > pos:
        clause = _words(text[pos:comma])
        if all(
            _time_piece(w, t) or w in "来以至到" or w in _TIME_LEAD or w == "以来"
            for w, t in clause
        ):  # (今年1至5月: 至 between two numbers of months)
            pos = comma + 1
    words = _words(text[pos : min(end, pos + 8)])
    for w, t in words:  # 今年|一季度|… before the subject says when
        if t in ("t", "mq", "tg") or (t == "m" and _TIME_WORD.search(w)):
            pos += len(w)
        else:
            break
    return pos
