"""Agencies (government bodies, courts, unions, party bodies, institutions, companies) in text.

NLP stage (ingest → **nlp** → search).  Names are found by a small grammar over the lexicon
in ``nlp/data/agencies.toml``: *prefix + body*, where the prefix is a printed place chain
(奉贤区人社局), a bare level character resolved from the article's places (区法院 in an article
about 奉贤区), or a named organization (长江产业投资集团工会); national bodies (全总) and named
organizations ending in 公司/集团/协会/联盟… are found on their own.

Canonical names follow official usage: place prefix from the prefecture-level city down
(上海市奉贤区总工会, 佛山市南海区人民法院), the province only for province-level bodies
(广东省总工会), and the body's full form (人社局 → 人力资源和社会保障局).  Bare generic words
(工会, 法院, 政府 with no prefix) are references to a kind of body, not mentions.
"""

from __future__ import annotations

import logging
import re
import tomllib
import unicodedata
from bisect import bisect_left
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, field, replace
from functools import cache
from importlib import resources
from typing import Final

import jieba

from baoku.ingest.textclean import is_han
from baoku.nlp.jieba_words import word_freq
from baoku.nlp.places import (
    Division,
    PlaceMatch,
    find_places,
    gazetteer,
    resolve_place,
    supported,
)


@dataclass(frozen=True, slots=True)
class Body:
    canonical: str
    kind: str


@dataclass(frozen=True, slots=True)
class Lexicon:
    bodies: dict[str, Body]
    abbreviations: dict[str, Body]
    national: dict[str, Body]
    org_suffixes: dict[str, str]
    lengths: dict[str, tuple[int, ...]] = field(default_factory=dict)

    def longest_at(self, text: str, i: int) -> tuple[str, Body, bool] | None:
        """Longest lexicon word starting at ``i``: (printed, body, is_national)."""
        for n in self.lengths.get(text[i], ()):
            word = text[i : i + n]
            if word in self.national:
                return word, self.national[word], True
            if word in self.bodies:
                return word, self.bodies[word], False
        return None


@cache
def lexicon() -> Lexicon:
    raw = (resources.files("baoku.nlp") / "data" / "agencies.toml").read_text(encoding="utf-8")
    data = tomllib.loads(raw)

    def bodies(table: dict[str, list[str]]) -> dict[str, Body]:
        return {k: Body(v[0], v[1]) for k, v in table.items()}

    lex = Lexicon(
        bodies(data["bodies"]),
        bodies(data["abbreviations"]),
        bodies(data["national"]),
        dict(data["org_suffixes"]),
    )
    lengths: dict[str, set[int]] = {}
    for word in [*lex.bodies, *lex.national]:
        lengths.setdefault(word[0], set()).add(len(word))
    lex.lengths.update({c: tuple(sorted(s, reverse=True)) for c, s in lengths.items()})
    return lex


@dataclass(frozen=True, slots=True)
class AgencyMatch:
    start: int
    end: int
    text: str
    canonical: str
    kind: str
    place: Division | None  # the division the name is anchored to, if any
    resolved: bool  # False when a level prefix (区法院) found no place in context
    # False for a name known only from its long description (农民工欠薪案件联合速调中心 with no
    # printed place): usually the place people go to, not the body a figure is credited to.
    actor: bool = True


@dataclass(frozen=True, slots=True)
class PlaceContext:
    """The article's places per level, used to expand 区/市/省/县 prefixes."""

    province: Division | None = None
    city: Division | None = None
    county: Division | None = None
    known: tuple[Division, ...] = ()
    city_printed: bool = True  # False when the city is only the parent of a printed county

    def for_level(self, char: str) -> Division | None:
        if char == "省":
            return self.province
        if char == "市":
            # in a story about a county-level city (昆山市) whose prefecture is never printed,
            # or is a 州/盟/地区 (昌吉州 → 昌吉市), 市 is the county-level city
            city, county = self.city, self.county
            if (
                city
                and county
                and county.name.endswith("市")
                and (not city.name.endswith("市") or not self.city_printed)
            ):
                return county
            return city
        return self.county  # 区 / 县

    @staticmethod
    def from_places(matches: Iterable[PlaceMatch]) -> PlaceContext:
        ms = list(matches)
        mentioned = [m.division for m in ms if m.division is not None and not m.short_only]
        unique = list(dict.fromkeys(mentioned))
        # Short forms (奉贤) and ambiguous names count once something settles their reading.
        for m in ms:
            if m.division is None or m.short_only:
                d = supported(m, unique)
                if d is not None:
                    mentioned.append(d)
        known = list(dict.fromkeys(mentioned))
        counts: dict[int, Counter[str]] = {0: Counter(), 1: Counter(), 2: Counter()}
        by_path = gazetteer().by_path
        for d in mentioned:
            parts = d.path.split("/")
            for k in range(1, len(parts) + 1):
                anc = by_path.get("/".join(parts[:k]))
                if anc is not None:
                    counts[anc.depth][anc.path] += 1
        top = {lvl: by_path[c.most_common(1)[0][0]] if c else None for lvl, c in counts.items()}
        if top[0] is not None and top[0].name.endswith("市"):
            # a municipality has no city level: 安徽阜阳 in a worker's story does not make 阜阳
            # the city of a story about 上海市闵行区 (elsewhere a partner province's cities may
            # outnumber the home province's, and the counts decide)
            inside = Counter({p: k for p, k in counts[1].items() if by_path[p].within(top[0].path)})
            top[1] = by_path[inside.most_common(1)[0][0]] if inside else None
        city = top[1]
        if city is None and top[0] is not None and top[0].name.endswith("市"):
            city = top[0]  # a municipality is its own city (上海市总工会)
        county = top[2]
        if county is not None and city is not None and not county.within(city.path):
            county = None
        # printed in full (泰州市), not only as the short form opening a firm's name (泰州鼎盛…)
        printed = city is not None and any(
            m.division is not None
            and not m.short_only
            and not m.embedded
            and m.division.path == city.path
            for m in ms
        )
        return PlaceContext(top[0], city, county, tuple(known), printed)


def place_prefix(div: Division) -> str:
    """Official prefix: city and below (佛山市南海区); a province, or municipality, kept whole."""
    parts = div.path.split("/")
    if len(parts) >= 2 and _restates_parent(parts[-2], parts[-1]):
        parts = [*parts[:-2], parts[-1]]  # 郑州市|郑州航空港经济综合实验区: named once
    if len(parts) == 1 or (len(parts) == 2 and parts[0].endswith("市")):
        return "".join(parts)  # a province, or a municipality's district (上海市奉贤区)
    return "".join(parts[1:])


def _restates_parent(parent: str, child: str) -> bool:
    """Does a zone's own name open with its city's (郑州航空港经济综合实验区 in 郑州市)?  Short
    names that merely share it (通化县 in 通化市, 长春新区) keep the city in front."""
    stem = parent.removesuffix("市")
    return (
        stem != parent and len(stem) >= 2 and child.startswith(stem) and len(child) - len(stem) >= 5
    )


_PUNCT: Final[str] = "，。、；：？！“”‘’「」『』（）()《》〈〉【】—…·,.;:?!\"' \t\n"
# Characters that end the name of an organization when scanning left from its suffix.
_STOP: Final[frozenset[str]] = frozenset(
    _PUNCT + "在的由与和及向对为是将从到把被给让等了以于经据同跟并又也还都就已说称即"
)
# A level character glued after these is part of a word (城市, 社区, 园区), not a prefix.
_NOT_LEVEL_AFTER: Final[frozenset[str]] = frozenset("城都社园街小景辖地全")  # 全市法院: all
# 总 directly followed by these is a word (总体, 总量, 总结), not the 总工会 abbreviation.
_NOT_ZONG_BEFORE: Final[frozenset[str]] = frozenset(
    "体量数结计值额和产经裁监规部队署理书统督站公院厂局务共台价要长"
)
_DETERMINERS: Final[frozenset[str]] = frozenset("该本各这那一每某其此两几多")
_LEVEL_CHARS: Final[str] = "省市区县"


def _quoted_spans(text: str) -> list[tuple[int, int]]:
    spans: list[tuple[int, int]] = []
    depth_start: int | None = None
    for i, ch in enumerate(text):
        if ch == "“":
            depth_start = i
        elif ch == "”" and depth_start is not None:
            spans.append((depth_start, i + 1))
            depth_start = None
    return spans


# Zone words that name the story's own zone when printed bare (新区人社局 in a 滨海新区 story).
_ZONE_WORDS: Final = frozenset({"新区", "高新区", "开发区", "经开区"})


def _after_governor(text: str, left: int, start: int) -> int:
    """Where a name scanned back from ``start`` to ``left`` really starts: after the last
    verb that takes a body as object (联合, 依托…) or body word (总工会) inside the scan."""
    lex = lexicon()
    for verb in _GOVERNING:
        k = text.rfind(verb, left, start)
        if k >= 0:
            left = max(left, k + len(verb))
    for i in range(left, start):
        hit = lex.longest_at(text, i)
        if hit is not None and i + len(hit[0]) <= start:
            left = max(left, i + len(hit[0]))
    return left


def _left_name(text: str, end: int, limit: int = 20) -> int:
    """Start of an organization name that ends at ``end`` (scan left to a boundary).  A place
    name ending at the boundary opens the name even when its first character is a stop
    character (于都|鑫源服装有限公司: 于 and 都 are function words elsewhere)."""
    i = end
    while i > 0 and end - i < limit and text[i - 1] not in _STOP and not text[i - 1].isspace():
        i -= 1
    if i < end:
        for k in (2, 3, 4):
            hit = gazetteer().longest_at(text, i - k) if i - k >= 0 else None
            if hit is not None and len(hit[0]) == k:
                return i - k  # the place ends exactly where the scan stopped
    return i


@cache
def _by_first_char(words: tuple[str, ...]) -> dict[str, tuple[str, ...]]:
    """``words`` grouped by their first character, in their given order: a scan tries at each
    position only the words that can start there."""
    groups: dict[str, list[str]] = {}
    for w in words:
        groups.setdefault(w[0], []).append(w)
    return {c: tuple(ws) for c, ws in groups.items()}


def _orgs(text: str, lex: Lexicon, context: PlaceContext | None = None) -> list[AgencyMatch]:
    out: list[AgencyMatch] = []
    suffixes = sorted(lex.org_suffixes, key=len, reverse=True)
    by_first = _by_first_char(tuple(suffixes))
    taken_until = -1
    for i in range(len(text)):
        for suf in by_first.get(text[i], ()):
            if not text.startswith(suf, i):
                continue
            end = i + len(suf)
            if end <= taken_until:
                break
            # 有限公司 ends on 公司 too: only stop at the last, longest suffix.
            if any(
                text.startswith(s, end) for s in suffixes if s.startswith("公司") or s == "公司"
            ):
                break
            start = _left_name(text, i)
            start += len(_CLAUSE_LEAD.match(text, start, i).group())  # 今年|集团将…: a time
            name = text[start:end]
            if i - start < 2 or text[start] in _DETERMINERS or not is_han(text[start]):
                break
            leveled = (
                context is not None
                and name[0] in _LEVEL_CHARS
                and context.for_level(name[0]) is not None
            )
            if not _plausible_org(text, start, name, suf, leveled=leveled):
                break
            kind = lex.org_suffixes[suf]
            if suf == "大学" and text.startswith(("（", "("), end):  # 中国矿业大学（北京）
                close = text.find("）" if text[end] == "（" else ")", end, end + 6)
                if close > 0:
                    end = close + 1
                    name = text[start:end]
            branch = _BRANCH.match(text, end)
            if branch is not None:  # 顺丰速运有限公司深圳分公司, 北大荒集团九三分公司
                end = branch.end()
                name = text[start:end]
            if text.startswith("工会", end):  # 长江产业投资集团工会: the company's union
                end += 2
                name, kind = text[start:end], "union"
            if suf in _FORMAL or kind == "company":
                start = _company_start(text, start, i)
                name = text[start:end]
            places = find_places(name)
            div = places[0].division if places else None
            canonical = _norm(name)
            lead = places[0] if places and places[0].start == 0 else None
            if (
                lead is not None
                and kind != "company"
                and not any(w in name for w in ("公司", "集团"))
                and lead.text[-1] in "市县区旗"
                and not lead.short_only
                and context
            ):
                # 北流市陶瓷行业协会: a body named after its county-level city takes the city's
                # full prefix (玉林市北流市…), as its 总工会 and 人社局 do
                d = supported(lead, context.known) or lead.division
                if d is not None:
                    canonical, div = place_prefix(d) + _norm(name[lead.end :]), d
            if context is not None and name[0] in "省市" and not (places and places[0].start == 0):
                lvl = context.for_level(name[0])  # 省广播影视集团 in a 福建 story
                if lvl is not None:
                    canonical, div = place_prefix(lvl) + canonical[1:], lvl
            out.append(AgencyMatch(start, end, name, canonical, kind, div, True))
            taken_until = end
            break
    return out


_FORMAL = ("有限公司", "有限责任公司", "股份有限公司")
# Verbs of courts and agencies that take a firm as object (依法判决|重庆某配送服务有限公司).
_FIRM_VERBS: Final = (
    "判决",
    "判令",
    "裁决",
    "责令",
    "起诉",
    "督促",
    "约谈",
    "要求",
    "处罚",
    "执行",
    "来自",
    # a body's partner, and the operator of a named product (市人社局联合|江西…有限公司,
    # 工惠卡平台运营方|重庆…科技有限公司): the firm's name starts after them
    "联合",
    "会同",
    "携手",
    "运营方",
)


def _company_start(text: str, start: int, end: int) -> int:
    """Where a company's name really starts inside the run ``text[start:end]``: after a verb
    taking it as object (依法判决|重庆某…公司), and at a place that restarts the name after a
    full place chain (吉林省四平市铁东区|四平恒通…有限公司: the address, then the name)."""
    run = text[start:end]
    cut = max(
        (run.rfind(v) + len(v) for v in (*_FIRM_VERBS, *descriptive_lexicon().clause_verbs)
         if v in run),
        default=0,
    )  # fmt: skip
    start += cut
    places = find_places(text[start:end])
    if len(places) >= 2 and places[0].start == 0 and places[1].start == places[0].end:
        chain = places[0].division
        if chain is not None and any(
            d == chain or chain.within(d.path) for d in places[1].candidates
        ):
            start += places[1].start  # (the restart names a place of the chain again: 四平)
    return start


# Time words and connectives that open a clause before a bare organization word (今年集团将
# 投入…, 其中区总工会资助…): no name starts with them.
_CONNECTIVES: Final = ("其中", "同时", "此外", "另外", "随后", "为此", "对此", "因此")
_CLAUSE_LEAD = re.compile(
    rf"(?:{'|'.join(_CONNECTIVES)}|[今明去前]年|目前|当前|近日|日前|近期|今后|下一步|此后)?"
)
# A branch printed after its company: a short place or name and 分公司/子公司/分局/分院.
_BRANCH = re.compile(r"[\u4e00-\u9fff]{1,4}?(?:分公司|子公司|分局|分院)")


# An indefinite count inside a run (一家, 几个, 某): the run describes a firm, naming none.
_INDEFINITE = re.compile(r"[一两几数多某][家个所]|某")


def _plausible_org(text: str, start: int, name: str, suffix: str, *, leveled: bool) -> bool:
    """Guard against clauses that merely end in 公司/协会 (张贴公告通知职工公司).

    Registered names (…有限公司) pass; a bare 公司 needs a place or 中国/全国 in front; other
    suffixes need that, a level prefix the story resolves (与市医药行业协会), or a name that
    starts right after punctuation, at most 12 characters, with no adverb in it: names hold
    no 不/再/就 (“…不用再请假跑医院。” is a clause ending in 医院).
    """
    if suffix in _FORMAL:
        return True
    if _INDEFINITE.search(name):
        return False  # 北京一家家政公司: a firm described, not named
    if any(v in name for v in descriptive_lexicon().clause_verbs):
        return False  # 家庭幸福融入集团: a clause that ends in 集团, not a name
    if leveled and len(name) <= 12 and name[1] not in _NOT_LEVEL_AFTER:
        return True
    if _pos(name[-4:-2]) == "v":
        return False
    lead = find_places(name[:6])
    if (lead and lead[0].start == 0 and not lead[0].short_only) or name.startswith(
        ("中国", "全国", "中华")
    ):
        return True
    if suffix == "公司" or len(name) > 12:
        return False
    if any(flag == "d" for _, flag in _tagged(name[: -len(suffix)])):
        return False
    return start == 0 or text[start - 1] in _PUNCT


# NFKC turns full-width brackets into ASCII ones; Chinese official names print them
# full-width (中国矿业大学（北京）), so canonical forms keep (or get) the full-width pair.
_BRACKETS = str.maketrans("()", "（）")


def _norm(name: str) -> str:
    return "".join(unicodedata.normalize("NFKC", name).split()).translate(_BRACKETS)


def find_agencies(text: str, places: list[PlaceMatch], context: PlaceContext) -> list[AgencyMatch]:
    """Every agency mention in ``text``; ``places`` are ``find_places(text)``."""
    lex = lexicon()
    by_end = {p.end: p for p in places}
    quoted = _quoted_spans(text)
    units = find_units(text, places, context)
    local = _local_unit([u for u in units if _ZONE.search(text, u.name_start, u.end)], places,
                        context)  # fmt: skip
    unit_by_end = {u.end: u for u in units}
    streets = [u for u in units if text.endswith(("街道", "镇", "乡"), u.start, u.end)]
    out: list[AgencyMatch] = []
    i, n = 0, len(text)
    while i < n:
        hit = lex.longest_at(text, i)
        zong = text[i] == "总" and (
            i + 1 >= n
            or text[i + 1] not in _NOT_ZONG_BEFORE
            or text.startswith("统计", i + 1)  # 据市总|统计: the union and a verb, no 总统
        )
        if hit is None and not zong:
            i += 1
            continue
        if hit is None:
            printed, body, national = "总", lex.abbreviations["总"], False
        else:
            printed, body, national = hit
        end = i + len(printed)
        if national:
            out.append(AgencyMatch(i, end, printed, body.canonical, body.kind, None, True))
            i = end
            continue
        m = _unit_body(text, i, end, body, unit_by_end, streets)
        if m is None and printed in _STREET_ONLY:
            i = end  # 某公司北京办事处: an office is a government body only of a street
            continue
        if m is None:
            m = _prefixed(text, i, end, body, by_end, context, local)
        if m is None and printed != "总" and body.kind == "institution":
            inside_quote = any(a < i < b for a, b in quoted)
            # A bare 仲裁院/职工服务中心 is the local one only in a county-level story, and only
            # when it starts a word: 劳动争议联合|调解中心, 3个职工|法律服务站, 人民|调解委员会
            # are other or generic bodies, not the district's 调解中心/法律服务站.
            # 奖励成绩突出的法律服务站: after a 的-modifier the bare name is a class of bodies.
            classed = i > 0 and text[i - 1] == "的"
            # 依托|职工法律援助中心: a centre named for the workers it serves is one of a kind
            # unless its union or place is printed before it
            classed = classed or printed.startswith("职工法律")
            if not inside_quote and not classed and local is not None and _starts_word(text, i):
                m = AgencyMatch(i, end, printed, local.prefix + body.canonical, body.kind,
                                local.anchor, True)  # fmt: skip
        if m is not None and not _generic_list(text, m):
            out.append(m)
        i = end
    out.extend(_orgs(text, lex, context))
    out.extend(_party_committees(text, by_end, context, lex))
    found = _dedupe(out)
    named = _descriptive(text, places, units, streets, context, local, found)
    found = _dedupe(found + named)
    named = [m for m in named if m in found]  # only names that won give short forms
    found = _dedupe(found + _aliases(text, named, found))
    found = _police_branches(_dedupe(found + _company_short_forms(text, found)))
    found = _dedupe(found + _company_unions(text, found))
    found = _nearest_level(text, found, places, context)
    return [_special_court(m) for m in found if not _counted_kind(text, m)]


# Courts of special jurisdiction are named by their seat without its level (宁波海事法院,
# 北京互联网法院, 上海金融法院), whatever place prefix the general rule gives a court.
_SPECIAL_COURT = re.compile(r"^(.{2,4}?)市(海事法院|互联网法院|金融法院|铁路运输法院|知识产权法院)")


def _special_court(m: AgencyMatch) -> AgencyMatch:
    """宁波市海事法院 → 宁波海事法院 (and its 舟山法庭 after it)."""
    sc = _SPECIAL_COURT.match(m.canonical)
    if sc is None:
        return m
    return replace(m, canonical=sc.group(1) + m.canonical[sc.end(1) + 1 :], kind="court")


# A district's or county's police is a branch of the city's bureau, and is named so officially
# (安顺市西秀区公安分局 → 安顺市公安局西秀分局).
_POLICE_BRANCH = re.compile(r"^(.+[市州盟])(.+?)[区县]公安分局$")


def _police_branches(found: list[AgencyMatch]) -> list[AgencyMatch]:
    out = []
    for m in found:
        branch = _POLICE_BRANCH.match(m.canonical)
        if branch is not None:
            m = replace(m, canonical=f"{branch[1]}公安局{branch[2]}分局")
        out.append(m)
    return out


_FORMAL_UNIONS: Final = tuple(f + "工会" for f in _FORMAL)
_FORMAL_LONGEST_FIRST: Final = tuple(sorted(_FORMAL, key=len, reverse=True))


def _brand(own: str) -> bool:
    """Does a company's own name open with a brand (鑫源|矿业, 恒泰|冶金设备), not with a common
    word of industry (劳务|派遣, 建筑|工程)?  jieba knows brands rarely or not at all."""
    first = jieba.lcut(own, HMM=False)[0]
    return len(first) < 2 or word_freq(first) < _INDUSTRY_FREQ


# jieba's count of a word as common as an industry name (劳务 855, 建筑 14397; brands such as
# 宏达 275 or 鑫源 stay below it).
_INDUSTRY_FREQ: Final = 500


def _company_short_forms(text: str, found: list[AgencyMatch]) -> list[AgencyMatch]:
    """Later short forms of a registered company name: 鑫源矿业公司 (or 白银鑫源矿业公司) after
    白银鑫源矿业有限公司, 宏达集团 after 宏达集团有限公司.  The name without its legal form
    and its opening place keeps the company's own words, which no other body shares."""
    out: list[AgencyMatch] = []
    taken = [(f.start, f.end) for f in found]
    for m in found:
        name, canonical = m.text, m.canonical
        if m.kind == "union" and name.endswith(_FORMAL_UNIONS) and canonical.endswith("工会"):
            name, canonical = name[:-2], canonical[:-2]  # (…有限公司工会 names the company)
        elif m.kind != "company":
            continue
        form = next((f for f in _FORMAL_LONGEST_FIRST if name.endswith(f)), None)
        if form is None:
            continue
        core = name[: -len(form)]
        lead = next(iter(find_places(core)), None)
        own = core[lead.end :] if lead is not None and lead.start == 0 else core
        if len(own) < 3 or not _brand(own):
            continue  # (劳务派遣有限公司: an industry alone names every firm of it)
        shorts = {core + "公司", own + "公司"} if not own.endswith("集团") else {core, own}
        for short in sorted(shorts, key=len, reverse=True):
            pos = text.find(short, m.end)
            while pos >= 0:
                e = pos + len(short)
                free = all(e <= a or pos >= b for a, b in taken)
                opens = pos == 0 or text[pos - 1] in _STOP or not is_han(text[pos - 1])
                if free and opens and not text.startswith("工会", e):
                    out.append(AgencyMatch(pos, e, short, canonical, "company", m.place,
                                           m.resolved, m.actor))  # fmt: skip
                    taken.append((pos, e))
                pos = text.find(short, e)
    return out


# 公司工会 / 集团工会 opening a clause: the union of the company last named.
_COMPANY_UNIONS = ("公司工会", "集团工会")
_COMPANY_UNION = re.compile("|".join(_COMPANY_UNIONS))


def _company_unions(text: str, found: list[AgencyMatch]) -> list[AgencyMatch]:
    """公司工会还在…, …”公司工会主席X说: after a named company, a bare 公司工会 is that
    company's union, as 该公司 is that company (a body word with no name of its own)."""
    # a company's own union named in full (…有限公司工会) names the company too
    companies = [
        m
        for m in found
        if m.kind == "company" or (m.kind == "union" and m.canonical.endswith(_COMPANY_UNIONS))
    ]
    out: list[AgencyMatch] = []
    for hit in _COMPANY_UNION.finditer(text):
        k = hit.start()
        if k > 0 and is_han(text[k - 1]) and text[k - 1] not in _STOP:
            continue  # 有限公司工会, 某集团工会: part of a longer name
        before = [m for m in companies if m.end <= k]
        if not before:
            continue
        company = before[-1]
        union = company.canonical + ("工会" if company.kind == "company" else "")
        out.append(AgencyMatch(k, hit.end(), hit.group(), union, "union", company.place, True))
    return out


_PARTY = re.compile(r"([省市区县])委(?!员)")
# Bodies that exist only under a printed street or town (光明桥街道|办事处).
_STREET_ONLY: Final = frozenset({"办事处"})


def _party_committees(
    text: str, by_end: dict[int, PlaceMatch], context: PlaceContext, lex: Lexicon
) -> list[AgencyMatch]:
    """四川省委 / 省委网信办: a place's (or the story's level's) party committee, with a
    department printed right after it taking the committee as its prefix."""
    out: list[AgencyMatch] = []
    for m in _PARTY.finditer(text):
        level, start, end = m.group(1), m.start(), m.end()
        place = by_end.get(m.start() + 1)
        div = supported(place, context.known) if place is not None else None
        league = start > 0 and text[start - 1] == "团" and _starts_word(text, start - 1)
        if league:
            # 团市委: the Communist Youth League committee of the story's city
            div = context.for_level(level)
            if div is not None:
                canonical = "共青团" + place_prefix(div) + "委员会"
                out.append(AgencyMatch(start - 1, end, text[start - 1 : end], canonical, "party",
                                       div, True))  # fmt: skip
            continue
        if div is not None and place is not None and place.text.endswith(level):
            start = place.start
        elif start > 0 and is_han(text[start - 1]) and text[start - 1] not in _STOP:
            continue  # 社区委…, 党委: part of another word
        else:
            div = context.for_level(level)
        if div is None:
            continue
        canonical, kind = place_prefix(div) + "委", "party"
        for n in (3, 4, 2):
            dept = lex.bodies.get(text[end : end + n])
            if dept is not None and dept.kind == "party":
                canonical, end = canonical + dept.canonical, end + n
                break
        out.append(AgencyMatch(start, end, text[start:end], canonical, kind, div, True))
    return out


_LEVEL_DEPTH: Final[dict[str, int]] = {"市": 1, "区": 2, "县": 2}
# Words before a person's home place (来自…, 家住…, 老家…), with up to eight characters of
# larger divisions between them and the place (来自四川省成都市|武侯区).
_ORIGIN = re.compile(r"(?:来自|家住|老家|祖籍)[\u4e00-\u9fff]{0,8}$")


def _nearest_level(
    text: str, found: list[AgencyMatch], places: list[PlaceMatch], context: PlaceContext
) -> list[AgencyMatch]:
    """绵阳市总工会设立…，形成市总全面领导…: in a story about several cities, a level prefix
    is the place of that level printed last before it in the same sentence, not the story's
    most mentioned one."""
    out: list[AgencyMatch] = []
    ends = [p.end for p in places]  # find_places returns them in text order
    for m in found:
        depth = _LEVEL_DEPTH.get(m.text[0])
        # a level form the story's context left unresolved (在深圳市宝安区，区总工会… in a
        # story about a whole province) takes the place printed before it in its sentence
        unresolved = m.place is None and not m.resolved and m.canonical.startswith(m.text[0])
        if depth is None or (
            not unresolved and (m.place is None or m.place != context.for_level(m.text[0]))
        ):
            out.append(m)
            continue
        sent = max(text.rfind(c, 0, m.start) for c in "。！？\n") + 1
        near = county_city = None
        k = bisect_left(ends, m.start)  # places ending before the prefix, newest first
        while k > 0 and places[k - 1].start >= sent:
            k -= 1
            if unresolved and _ORIGIN.search(text, max(0, places[k].start - 12), places[k].start):
                continue  # 来自四川省成都市武侯区的农民工…，区总工会…: a worker's home is no scene
            d = supported(places[k], context.known)
            if d is not None and d.depth == depth:
                near = d
                break
            if (
                county_city is None
                and m.text[0] == "市"
                and d is not None
                and d.name.endswith("市")
            ):
                county_city = d
        # a county-level city is a 市 too (醴陵市总工会…告诉记者，市总工会联合…), when the
        # sentence prints no prefecture (金华市总工会和义乌市总工会联合市人社局: 金华)
        near = near or county_city or _scene_place(text, m.start, places, context, depth)
        old = m.text[0] if m.place is None else place_prefix(m.place)
        if near is None or near == m.place or not m.canonical.startswith(old):
            out.append(m)
            continue
        canonical = place_prefix(near) + m.canonical[len(old) :]
        out.append(AgencyMatch(m.start, m.end, m.text, canonical, m.kind, near, True, m.actor))
    return out


def _scene_place(
    text: str, start: int, places: list[PlaceMatch], context: PlaceContext, depth: int
) -> Division | None:
    """在朝阳区，区总工会…。1月以来，区总联合…: a paragraph that opens by naming its place
    (在X，) sets the level of every level form in it."""
    para = text.rfind("\n", 0, start) + 1
    if not text.startswith("在", para):
        return None
    for p in places:
        if p.start == para + 1 and p.end < start and text[p.end : p.end + 1] == "，":
            d = supported(p, context.known)
            return d if d is not None and d.depth == depth else None
    return None


_COUNT_BEFORE = re.compile(r"[\d一二两三四五六七八九十百千万]+(?:多|余)?[个家所座支]$")
_COUNT_AFTER = re.compile(r"[\d一二两三四五六七八九十百千万]+(?:多|余)?[个家所座支][，。；、]")


def _counted_kind(text: str, m: AgencyMatch) -> bool:
    """16个市总工会 / 创建创新工作室联盟5个: a body name with a count is a kind of body
    being counted, not one body."""
    return bool(
        _COUNT_BEFORE.search(text, max(0, m.start - 6), m.start) or _COUNT_AFTER.match(text, m.end)
    )


def _unit_body(
    text: str, start: int, end: int, body: Body, unit_by_end: dict[int, Unit], streets: list[Unit]
) -> AgencyMatch | None:
    """辛安街道总工会 (a printed unit before the body) or 街道总工会 (the street last named)."""
    unit = unit_by_end.get(start)
    if unit is not None:
        return AgencyMatch(unit.start, end, text[unit.start : end], unit.prefix + body.canonical,
                           body.kind, unit.anchor, True)  # fmt: skip
    for word in ("街道", "镇", "乡"):
        if text.endswith(word, 0, start) and body.kind == "union":
            before = [u for u in streets if u.end <= start and text.endswith(word, 0, u.end)]
            if before:
                u = before[-1]
                s = start - len(word)
                return AgencyMatch(s, end, text[s:end], u.prefix + body.canonical, body.kind,
                                   u.anchor, True)  # fmt: skip
    return None


def _generic_list(text: str, m: AgencyMatch) -> bool:
    """各设区市、县总工会: a level prefix inside a list opened by 各 names a kind of body;
    so does one right after 各 (各市总, 各区法院)."""
    if m.text[0] not in "省市区县":
        return False
    if m.start > 0 and text[m.start - 1] == "各":
        return True
    clause = text[max(0, m.start - 12) : m.start]
    for ch in "，。；：\n":
        clause = clause.rsplit(ch, 1)[-1]
    return "各" in clause and "、" in clause


# Verbs that take a body as object: 依托|仲裁院 starts the name right after them.
_GOVERNING: Final[tuple[str, ...]] = (
    "依托",
    "联合",
    "委托",
    "通过",
    "协调",
    "会同",
    "联系",
    "对接",
)


def _starts_word(text: str, i: int) -> bool:
    if i == 0 or not is_han(text[i - 1]) or text[i - 1] in _STOP:
        return True
    return text[max(0, i - 2) : i] in _GOVERNING


def _splits_connective(text: str, at: int) -> bool:
    """Does a connective word run across ``at`` (其|中区: a place read inside 其中)?"""
    return any(text.startswith(w, at - k) for w in _CONNECTIVES for k in range(1, len(w)))


def _prefixed(
    text: str,
    start: int,
    end: int,
    body: Body,
    by_end: dict[int, PlaceMatch],
    context: PlaceContext,
    local: Unit | None = None,
) -> AgencyMatch | None:
    place = by_end.get(start)
    if place is not None and _splits_connective(text, place.start):
        place = None  # 其|中区总工会: 其中 opens the clause, and 区 is a level character
    if place is not None:
        div = supported(place, context.known)
        if div is None and len(place.candidates) == 1 and not place.short_only:
            div = place.candidates[0]
        printed = text[place.start : place.end]
        if (
            div is None
            and local is not None
            and printed in _ZONE_WORDS
            and local.prefix.endswith(printed)
            and _starts_word(text, place.start)
        ):
            # 滨海新区… 联合|新区人社局: the bare zone word is the story's own zone
            canonical = local.prefix + body.canonical
            return AgencyMatch(
                place.start, end, text[place.start : end], canonical, body.kind, local.anchor, True
            )
        if div is None:
            # 西海岸新区总工会: the printed name runs further left than any known division,
            # but not over a verb governing it or another body (…总工会近日联合|新区人社局)
            left = _after_governor(text, _left_name(text, place.start), place.start)
            name = text[left:end]
            anchor, rest = context.city, name
            lead = find_places(name)
            if lead and lead[0].start == 0 and lead[0].end < len(name) - len(text[start:end]) + 1:
                d = supported(lead[0], context.known) or lead[0].division
                if d is not None:  # 山东青岛|西海岸新区总工会
                    anchor, rest = d, name[lead[0].end :]
            canonical = _norm(rest) if anchor is None else place_prefix(anchor) + _norm(rest)
            return AgencyMatch(left, end, name, canonical, body.kind, anchor, False)
        return AgencyMatch(
            place.start, end, text[place.start : end], place_prefix(div) + body.canonical,
            body.kind, div, True,
        )  # fmt: skip
    if start == 0:
        return None
    level = text[start - 1]
    if level not in "省市区县州盟旗":
        return None
    # 自治区总工会 / 自治州总工会: the province- or city-level autonomous unit of the article.
    for word, div in (("自治区", context.province), ("自治州", context.city)):
        if text.endswith(word, 0, start):
            s = start - len(word)
            if div is None or not div.name.endswith(word):
                return AgencyMatch(s, end, text[s:end], word + body.canonical, body.kind, None,
                                   False)  # fmt: skip
            return AgencyMatch(s, end, text[s:end], place_prefix(div) + body.canonical,
                               body.kind, div, True)  # fmt: skip
    if level in "州盟旗":
        # 州总工会, 盟总工会, 旗人社局: the story's autonomous prefecture, league (prefecture
        # level, Inner Mongolia) or banner (county level) when its name ends in that word
        div = context.county if level == "旗" else context.city
        if (
            div is None
            or not div.name.endswith(level)
            or text[start - 2 : start - 1] in _NOT_LEVEL_AFTER
        ):
            return None
        canonical = place_prefix(div) + body.canonical
        named = by_end.get(start - 1)
        # 延边|州总工会: the prefecture's short name printed before its level word
        s = named.start if named is not None and div in named.candidates else start - 1
        return AgencyMatch(s, end, text[s:end], canonical, body.kind, div, True)
    before = text[start - 2] if start >= 2 else ""
    if text.endswith("地区", 0, start):
        # 地区人社局: the story's prefecture when it is a 地区 (阿克苏地区) and 地区 stands
        # alone; else it is the common word "area" (全地区, 南疆地区法院, 其他地区人社局)
        div = context.city
        alone = start == 2 or text[start - 3] in _STOP or not is_han(text[start - 3])
        if div is None or not div.name.endswith("地区") or not alone:
            return None
        canonical = place_prefix(div) + body.canonical
        return AgencyMatch(start - 2, end, text[start - 2 : end], canonical, body.kind, div, True)
    if before in _NOT_LEVEL_AFTER:
        return None
    prefix = _level_prefix(level, context, local)
    if prefix is None:
        return AgencyMatch(start - 1, end, text[start - 1 : end], level + body.canonical,
                           body.kind, None, False)  # fmt: skip
    return AgencyMatch(start - 1, end, text[start - 1 : end], prefix[0] + body.canonical,
                       body.kind, prefix[1], True)  # fmt: skip


def _level_prefix(
    level: str, context: PlaceContext, local: Unit | None
) -> tuple[str, Division | None] | None:
    """Canonical prefix for a bare level character: 区 is the article's new area when that
    outweighs its county (see ``_local_unit``)."""
    if level == "区" and local is not None:
        return local.prefix, local.anchor
    div = context.for_level(level)
    return None if div is None else (place_prefix(div), div)


def _dedupe(matches: list[AgencyMatch]) -> list[AgencyMatch]:
    """Drop matches inside a longer one (集团 inside 集团工会)."""
    matches.sort(key=lambda m: (m.start, -(m.end - m.start)))
    out: list[AgencyMatch] = []
    for m in matches:
        if out and m.start < out[-1].end:
            continue
        out.append(m)
    return out


def canonical_agency(name: str, context_place: str | None = None) -> str:
    """Canonical full name for a user's agency filter, resolved as articles are.

    ``canonical_agency("区总", "奉贤")`` → 上海市奉贤区总工会; ``canonical_agency("全总")`` →
    中华全国总工会.  A name the grammar does not recognise comes back whitespace-normalized.
    """
    text = _norm(name)
    if not text:
        return ""
    ctx = PlaceContext()
    if context_place:
        path = resolve_place(context_place)
        div = gazetteer().by_path.get(path) if path else None
        if div is not None:
            ctx = PlaceContext.from_places([PlaceMatch(0, 0, div.name, (div,), False)])
    found = find_agencies(text, find_places(text), ctx)
    whole = [m for m in found if m.start == 0 and m.end == len(text)]
    if whole:
        return whole[0].canonical
    lex = lexicon()
    if text in lex.bodies and ctx.county is not None:
        return place_prefix(ctx.county) + lex.bodies[text].canonical
    return text


# --- Units below or beside the county: new areas, streets and towns, descriptive names -----


@dataclass(frozen=True, slots=True)
class Descriptive:
    heads: tuple[str, ...]
    unions: frozenset[str]
    word_after: frozenset[str]
    long_run: int
    unprefixed: bool
    clause_verbs: frozenset[str]
    generic_runs: frozenset[str]


@cache
def descriptive_lexicon() -> Descriptive:
    raw = (resources.files("baoku.nlp") / "data" / "agencies.toml").read_text(encoding="utf-8")
    d = tomllib.loads(raw)["descriptive"]
    return Descriptive(
        tuple(sorted(d["heads"], key=len, reverse=True)),
        frozenset(d["unions"]),
        frozenset(d["word_after"]),
        int(d["long_run"]),
        bool(d.get("unprefixed_centres", False)),
        frozenset(d["clause_verbs"]),
        frozenset(d["generic_runs"]),
    )


@dataclass(frozen=True, slots=True)
class Unit:
    """A printed local unit that is no division of the table: 西海岸新区, 辛安街道, 里水镇."""

    start: int  # where the printed name starts, a printed place chain in front included
    name_start: int  # where the unit's own name starts (辛安 of 南海区辛安街道)
    end: int
    prefix: str  # canonical prefix for bodies of this unit: 青岛市西海岸新区, 佛山市南海区里水镇
    anchor: Division | None  # the nearest table division above it


_ZONE = re.compile(r"(?:高新技术产业开发区|经济技术开发区|新区|高新区|开发区|经开区)")
_STREET = re.compile(r"(?:街道|镇|乡)")
# Words that end in 镇/乡 or 街道 without naming one (城乡, 乡镇, 各街道).
_NOT_UNIT_NAME: Final[frozenset[str]] = frozenset({"城乡", "乡镇", "城镇", "村镇", "小镇", "古镇"})


def _city_of(div: Division | None) -> Division | None:
    if div is None:
        return None
    parts = div.path.split("/")
    by_path = gazetteer().by_path
    if parts[0].endswith("市") or len(parts) < 2:  # a municipality is its own city
        return by_path.get(parts[0])
    return by_path.get("/".join(parts[:2]))


def _unit_name_start(text: str, k: int, by_end: dict[int, PlaceMatch], size: int) -> int | None:
    """Start of the unit name printed before position ``k`` (its suffix starts there): after a
    printed place or a boundary within ``size`` characters, else None (too long to trust)."""
    for j in range(k, max(-1, k - size - 1), -1):
        if j in by_end or j == 0:
            return j
        ch = text[j - 1]
        if ch in _STOP or ch in _DETERMINERS or not is_han(ch):
            return j
    return None


def _is_name(word: str) -> bool:
    if len(word) < 2 or word in _NOT_UNIT_NAME or any(c in _DETERMINERS for c in word):
        return False
    if word in descriptive_lexicon().clause_verbs or any(_digitish(c) for c in word):
        return False
    return _pos(word) not in {"v", "p", "d", "c", "r", "m", "f"}


def _digitish(ch: str) -> bool:
    return ch.isdigit() or ch in "一二三四五六七八九十百千两几多个"


@cache
def _tagged(run: str) -> list[tuple[str, str]]:
    """jieba's (word, tag) pairs for ``run`` (imported lazily: it is slow to load)."""
    import jieba
    import jieba.posseg  # the pipeline's segmenter already loads it; bare callers pay once

    jieba.setLogLevel(logging.WARNING)  # its dictionary-loading notes are not ours to print
    return [(w.word, w.flag) for w in jieba.posseg.cut(run)]


def _pos(word: str) -> str:
    """jieba's tag when ``word`` is one token, else ""."""
    toks = _tagged(word)
    return toks[0][1] if len(toks) == 1 else ""


# Bodies of a town's own (镇总工会, 镇人民政府): printed right after 镇/乡, they make the two
# characters before it the town's name even with no place printed before it.
_TOWN_BODIES: Final = ("总工会", "人民政府", "党委")
# jieba's count of a word too common to be a town's name before 镇/乡 (小城 495, 重点 12694;
# town names such as 小榄 or 塘厦 are rare or unknown).
_COMMON_BEFORE_TOWN: Final = 200
_TOWN_BODY_NAMED: Final = {
    w: re.compile(w + "(?:" + "|".join(_TOWN_BODIES) + ")") for w in ("镇", "乡")
}


def find_units(text: str, places: list[PlaceMatch], context: PlaceContext) -> list[Unit]:
    """New areas (青岛西海岸新区) and streets/towns (辛安街道, 南海区里水镇) printed in ``text``.

    A zone's name runs from the printed place before it (or a boundary, at most 4 characters)
    to its suffix; a street's name is the 2–3 characters before 街道/镇/乡 and must be a name
    word (not 引导, 城乡).  A town (镇/乡) needs a printed place right before it, as 里水 in
    南海区里水镇 does: bare 镇 is too often part of a word.
    """
    by_end = {p.end: p for p in places}
    # Only a place the article supports ends a zone's name: 江北 in 南京江北新区 is the zone's
    # own name (a short form of other cities' 江北区), 南京 is its city.
    settled = {p.end: p for p in places if supported(p, context.known) is not None}
    out: list[Unit] = []
    for m in _ZONE.finditer(text):
        k = m.start()
        if m.end() in settled and settled[m.end()].end - settled[m.end()].start > len(m.group()):
            continue  # 天津市滨海新区: a division of the table, not a new area to build
        ns = _unit_name_start(text, k, settled, 5)
        if ns is None:
            continue
        place = settled.get(ns)
        anchor = supported(place, context.known) if place else None
        if place is not None and anchor is None and place.candidates:
            anchor = place.candidates[0] if len(place.candidates) == 1 else None
        if ns == k and place is None:
            continue  # a bare 新区 names no area
        if ns < k and not _is_name(text[ns:k]) and len(text[ns:k]) == 2:
            continue
        city = _city_of(anchor) or context.city
        prefix = (place_prefix(city) if city else "") + text[ns : m.end()]
        out.append(Unit(place.start if place else ns, ns, m.end(), prefix, city))
    local = _local_unit(out, places, context)
    zones = {u.end: u for u in out}
    # where the story names a town's or a township's own body (镇总工会, 乡党委): once per text
    town_bodies = {w: [b.start() for b in p.finditer(text)] for w, p in _TOWN_BODY_NAMED.items()}
    for m in _STREET.finditer(text):
        k = m.start()
        place = by_end.get(k - 2) or by_end.get(k - 3)
        zone = zones.get(k - 2) or zones.get(k - 3)
        if place is not None or zone is not None:
            ns = place.end if place is not None else zone.end  # type: ignore[union-attr]
        elif m.group() == "街道" and k >= 2:
            ns = k - 2
            after_verb = text[max(0, ns - 2) : ns] in descriptive_lexicon().clause_verbs
            if ns > 0 and text[ns - 1] not in _STOP and is_han(text[ns - 1]) and not after_verb:
                continue  # the 2 characters may be the end of a longer word
        elif (
            k >= 2
            and m.group() != "街道"
            and (k == 2 or text[k - 3] in _STOP or not is_han(text[k - 3]))
            and (
                text.startswith(_TOWN_BODIES, m.end())
                # (重点|镇, 特色|镇: a common word before 镇 names no town; 小榄 is rare)
                or (
                    word_freq(text[k - 2 : k]) < _COMMON_BEFORE_TOWN
                    and any(b >= m.end() for b in town_bodies[m.group()])
                )
            )
        ):
            # ，塘厦镇总工会: a town's own body names it; 贺村镇是… opening a clause names the
            # town whose bodies the story goes on to name (镇总工会牵头…)
            ns = k - 2
        else:
            continue
        name = text[ns:k]
        if not all(is_han(c) for c in name) or not _is_name(name):
            continue  # (今年1至10月，|街道总工会: punctuation and digits name no street)
        if zone is not None:
            parent, anchor, start = zone.prefix, zone.anchor, zone.start
        elif place is not None:
            d = supported(place, context.known)
            if d is None or (d.depth < 2 and not _without_counties(d)):
                continue  # a town sits under a county-level division (or 中山市, 东莞市)
            parent, anchor, start = place_prefix(d), d, place.start
        elif local is None and context.city is not None and _without_counties(context.city):
            # 塘厦镇 alone in a 东莞 story: the towns of a city without counties are its own
            parent, anchor, start = place_prefix(context.city), context.city, ns
        else:  # 辛安街道 alone: a street of the article's county-level unit
            parent, anchor, start = (
                local.prefix if local else "",
                local.anchor if local else None,
                ns,
            )
        out.append(Unit(start, ns, m.end(), parent + text[ns : m.end()], anchor))
    out.sort(key=lambda u: u.start)
    return out


@cache
def _without_counties(div: Division) -> bool:
    """A prefecture-level city with towns right under it (中山市, 东莞市, 儋州市, 嘉峪关市)."""
    if div.depth != 1:
        return False
    below = div.path + "/"
    return not any(path.startswith(below) for path in gazetteer().by_path)


def _local_unit(zones: list[Unit], places: list[PlaceMatch], context: PlaceContext) -> Unit | None:
    """The article's county-level unit: a new area printed at least as often as the county
    (青岛西海岸新区 stories: 区法院 is the new area's court, not 黄岛区's), else the county."""
    county = context.county
    n_county = sum(
        1 for p in places if county is not None and supported(p, context.known) == county
    )
    counts = Counter(z.prefix for z in zones)
    if counts:
        prefix, n = counts.most_common(1)[0]
        if n >= 2 and n >= n_county:
            z = next(z for z in zones if z.prefix == prefix)
            return Unit(-1, -1, -1, prefix, z.anchor)
    if county is None:
        return None
    return Unit(-1, -1, -1, place_prefix(county), county)


def _descriptive(
    text: str,
    places: list[PlaceMatch],
    units: list[Unit],
    streets: list[Unit],
    context: PlaceContext,
    local: Unit | None,
    found: list[AgencyMatch],
) -> list[AgencyMatch]:
    """Names made of a descriptive run and a head word (see ``[descriptive]`` in the toml).

    The run goes left from the head to a boundary (punctuation, a function word, a
    determiner).  With a printed place, unit, level character or body right before it the
    name is that prefix's (南海区调裁审一体化中心, 区职工法律服务中心, 南海区工人文化宫里水宫);
    without one only a long run names a particular body (农民工欠薪案件联合速调中心), which
    then belongs to the street last named, else the article's county-level unit.
    """
    dl = descriptive_lexicon()
    lex = lexicon()
    anchors: dict[int, tuple[int, str, Division | None]] = {}
    for p in places:
        div = supported(p, context.known)
        if div is not None:
            anchors[p.end] = (p.start, place_prefix(div), div)
    for u in units:
        anchors[u.end] = (u.start, u.prefix, u.anchor)
    for f in found:
        anchors[f.end] = (f.start, f.canonical, f.place)
    bodies = frozenset(f.end for f in found)
    unions = frozenset(f.end for f in found if f.kind == "union")
    placed = frozenset(p.end for p in places)
    heads_by_first = _by_first_char(tuple(dl.heads))
    out: list[AgencyMatch] = []
    n = len(text)
    i = 0
    while i < n:
        head = next((h for h in heads_by_first.get(text[i], ()) if text.startswith(h, i)), None)
        if head is None:
            i += 1
            continue
        end = i + len(head)
        if len(head) == 1 and end < n and text[end] in dl.word_after:
            i += 1
            continue
        j = i
        while j > 0 and i - j < 14 and j not in anchors:
            ch = text[j - 1]
            # numerals with a classifier count bodies (23个镇街法律服务工作站), naming none
            if not is_han(ch) or ch in _STOP:
                break
            if (
                ch in "个家座名位所"
                and j >= 2
                and (text[j - 2].isdigit() or text[j - 2] in _COUNTING)
            ):
                break  # (家电行业, 家政协会: 家 after no numeral opens a word)
            if ch in _DETERMINERS and not _in_word(text, j - 1):
                break
            if text[j] in _LEVEL_CHARS and text[max(0, j - 2) : j] in _GOVERNING:
                break  # 联合|市退休职工管理服务中心: the verb's object starts at the level
            j -= 1
        if any(text[k:end] in lex.bodies and k in placed for k in range(max(0, i - 3), i)):
            i += 1
            continue  # 合肥|中院: a place and a lexicon body (中院), which the prefix rule reads
        m = _name_at(text, j, i, end, head, anchors, context, local, streets, dl, bodies)
        if m is not None and j in unions and head == "委员会":
            # 区总工会|女职工委员会: a union's committee is one of its organs (its centres and
            # stations, 法律援助中心, are institutions it runs)
            m = replace(m, kind="union")
        if m is None and j in bodies and j < i:
            # 河北省工会|系统法律服务团: too long for a sub-unit of 河北省工会, so the name
            # runs on to the place before that body.
            k = anchors[j][0]
            if k in anchors and k < j and not any(c in _STOP for c in text[k:i]):
                m = _name_at(text, k, i, end, head, anchors, context, local, streets, dl)
        if m is not None and (lex.longest_at(text, m.start) or ("", None, 0))[0] != m.text:
            out.append(m)
            i = end
            continue
        i += 1
    return out


# Words that open with a level character without being a level (区域, 市场, 县域).
_LEVEL_WORDS: Final = frozenset(
    {"区域", "市场", "市民", "县域", "省内", "市内", "区内", "县城", "省外"}
)
# Numerals and counting words before a classifier (23个, 几家, 多座).
_COUNTING: Final = frozenset("一二两三四五六七八九十百千万几多数余")


def _name_at(
    text: str,
    j: int,
    i: int,
    end: int,
    head: str,
    anchors: dict[int, tuple[int, str, Division | None]],
    context: PlaceContext,
    local: Unit | None,
    streets: list[Unit],
    dl: Descriptive,
    bodies: frozenset[int] = frozenset(),
) -> AgencyMatch | None:
    # 宝安区人力资源局: a 局 is a government bureau, whatever its name; a federation or
    # committee of unions (医药行业工会联合会, 公司工会委员会) is a union
    union = head in dl.unions or (head in ("联合会", "委员会") and text[i - 2 : i] == "工会")
    kind = "union" if union else "government" if head == "局" else "institution"
    actor = True
    if j in anchors and j < i:
        start, prefix, div = anchors[j]
        run = text[j:i]
        if j in bodies and len(run) > 3 and run + head not in lexicon().bodies:
            # a sub-unit of a body is short (工人文化宫|里水宫) or an institution of the
            # lexicon (总工会|法律援助中心); anything longer is a clause
            return None
        if j in bodies and "v" in (_pos(run), _pos(run[:2])):
            return None  # 市总工会|派驻|法院: the body acts on the other, it has no sub-unit
    elif (
        text[j] in _LEVEL_CHARS
        and j < i - 1
        and _starts_word(text, j)
        and text[j : j + 2] not in _LEVEL_WORDS  # 区域性联合工会: 区域 is a word, no level
    ):
        got = _level_prefix(text[j], context, local)
        if got is None:
            return None
        start, (prefix, div), run = j, got, text[j + 1 : i]
    else:
        run = text[j:i]
        cut = max((run.rfind(v) + len(v) for v in dl.clause_verbs if v in run), default=0)
        j, run = j + cut, run[cut:]  # 成立|农民工欠薪案件联合速调中心
        # Only a centre: stations and offices (…法律服务站, …工作室) come in networks, so an
        # unprefixed one names a kind of body.
        if not dl.unprefixed or len(run) < dl.long_run or head != "中心":
            return None
        before = [u for u in streets if u.end <= j]
        unit = Counter(before).most_common(1)[0][0] if before else local
        start, prefix, div = j, (unit.prefix if unit else ""), (unit.anchor if unit else None)
        actor = False
    if not run or (len(head) == 1 and len(run) < 2) or run in dl.generic_runs or run[0] == "级":
        return None
    if any(v in run for v in dl.clause_verbs) or run.endswith(("总", "的")):
        return None
    lex = lexicon()
    if any(lex.longest_at(run, k) for k in range(len(run))) and j not in anchors:
        return None  # a run holding a whole body (法院设立…) is a clause, not a name
    return AgencyMatch(start, end, text[start:end], prefix + run + head, kind, div, True, actor)


# Heads printed abbreviated in later mentions of the same body.
_HEAD_ABBREVIATIONS: Final = (("工会联合会", "工联会"),)


def _aliases(text: str, named: list[AgencyMatch], found: list[AgencyMatch]) -> list[AgencyMatch]:
    """Later short forms of a descriptive name: 速调中心 after 农民工欠薪案件联合速调中心,
    职工法律服务中心 after 区职工法律服务中心.  A short form is a tail of the name's own part
    (no prefix) of at least 4 characters, printed at the start of a word."""
    dl = descriptive_lexicon()
    out: list[AgencyMatch] = []
    taken = [(f.start, f.end) for f in found]
    # the latest name first: a short form is the nearest such name's before it
    for m in sorted(named, key=lambda m: -m.start):
        head = next((h for h in dl.heads if m.text.endswith(h)), "")
        k = 0
        while not m.canonical.endswith(m.text[k:]):
            k += 1
        own = m.text[k:]  # the printed part the canonical name ends with
        tails = sorted({own[k:] for k in range(len(own)) if len(own) - k >= max(4, len(head) + 2)},
                       key=len, reverse=True)  # fmt: skip
        # the printed abbreviation of a head (工会联合会 → 工联会: 行业工联会) is a short form too
        tails += [
            t.replace(full, short)
            for t in tails
            for full, short in _HEAD_ABBREVIATIONS
            if full in t
        ]
        for tail in tails:
            if tail not in m.text and not any(short in tail for _, short in _HEAD_ABBREVIATIONS):
                continue
            pos = text.find(tail, m.end)
            while pos >= 0:
                e = pos + len(tail)
                # a bare body inside the short form (调解中心 in 联合调解中心) gives way to it
                free = all(e <= a or pos >= b or (pos <= a and b <= e) for a, b in taken)
                if free and _starts_word(text, pos):
                    out.append(AgencyMatch(pos, e, tail, m.canonical, m.kind, m.place, m.resolved,
                                           m.actor))  # fmt: skip
                    taken.append((pos, e))
                pos = text.find(tail, e)
    return out


def _in_word(text: str, k: int) -> bool:
    """Does the character at ``k`` start a dictionary word (一体化, 多元), so it is no
    determiner (一个, 多名)?"""
    return any(word_freq(text[k : k + n]) > 0 for n in (3, 2)) and not _digitish(
        text[k + 1 : k + 2] or "x"
    )
