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

import tomllib
import unicodedata
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, field
from functools import cache
from importlib import resources
from typing import Final

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


@dataclass(frozen=True, slots=True)
class PlaceContext:
    """The article's places per level, used to expand 区/市/省/县 prefixes."""

    province: Division | None = None
    city: Division | None = None
    county: Division | None = None
    known: tuple[Division, ...] = ()

    def for_level(self, char: str) -> Division | None:
        if char == "省":
            return self.province
        if char == "市":
            return self.city
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
        city = top[1]
        if city is None and top[0] is not None and top[0].name.endswith("市"):
            city = top[0]  # a municipality is its own city (上海市总工会)
        county = top[2]
        if county is not None and city is not None and not county.within(city.path):
            county = None
        return PlaceContext(top[0], city, county, tuple(known))


def place_prefix(div: Division) -> str:
    """Official prefix: city and below (佛山市南海区); a province, or municipality, kept whole."""
    parts = div.path.split("/")
    if len(parts) == 1 or (len(parts) == 2 and parts[0].endswith("市")):
        return "".join(parts)  # a province, or a municipality's district (上海市奉贤区)
    return "".join(parts[1:])


_PUNCT: Final[str] = "，。、；：？！“”‘’「」『』（）()《》〈〉【】—…·,.;:?!\"' \t\n"
# Characters that end the name of an organization when scanning left from its suffix.
_STOP: Final[frozenset[str]] = frozenset(
    _PUNCT + "在的由与和及向对为是将从到把被给让等了以于经据同跟并又也还都就已说称即"
)
# A level character glued after these is part of a word (城市, 社区, 园区), not a prefix.
_NOT_LEVEL_AFTER: Final[frozenset[str]] = frozenset("城都社园街小景辖地")
# 总 directly followed by these is a word (总体, 总量, 总结), not the 总工会 abbreviation.
_NOT_ZONG_BEFORE: Final[frozenset[str]] = frozenset(
    "体量数结计值额和产经裁监规部队署理书统督站公院厂局务共台价要长"
)
_DETERMINERS: Final[frozenset[str]] = frozenset("该本各这那一每某其此两几多")


def _cjk(ch: str) -> bool:
    return "\u4e00" <= ch <= "\u9fff"


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


def _left_name(text: str, end: int, limit: int = 20) -> int:
    """Start of an organization name that ends at ``end`` (scan left to a boundary)."""
    i = end
    while i > 0 and end - i < limit and text[i - 1] not in _STOP and not text[i - 1].isspace():
        i -= 1
    return i


def _orgs(text: str, lex: Lexicon) -> list[AgencyMatch]:
    out: list[AgencyMatch] = []
    suffixes = sorted(lex.org_suffixes, key=len, reverse=True)
    taken_until = -1
    for i in range(len(text)):
        for suf in suffixes:
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
            name = text[start:end]
            if i - start < 2 or text[start] in _DETERMINERS or not _cjk(text[start]):
                break
            if not _plausible_org(text, start, name, suf):
                break
            kind = lex.org_suffixes[suf]
            if text.startswith("工会", end):  # 长江产业投资集团工会: the company's union
                end += 2
                name, kind = text[start:end], "union"
            places = find_places(name)
            div = places[0].division if places else None
            out.append(AgencyMatch(start, end, name, _norm(name), kind, div, True))
            taken_until = end
            break
    return out


_FORMAL = ("有限公司", "有限责任公司", "股份有限公司")


def _plausible_org(text: str, start: int, name: str, suffix: str) -> bool:
    """Guard against clauses that merely end in 公司/协会 (张贴公告通知职工公司).

    Registered names (…有限公司) pass; a bare 公司 needs a place or 中国/全国 in front; other
    suffixes need that or a name that starts right after punctuation, at most 12 characters.
    """
    if suffix in _FORMAL:
        return True
    lead = find_places(name[:6])
    if (lead and lead[0].start == 0 and not lead[0].short_only) or name.startswith(
        ("中国", "全国", "中华")
    ):
        return True
    if suffix == "公司":
        return False
    return len(name) <= 12 and (start == 0 or text[start - 1] in _PUNCT)


def _norm(name: str) -> str:
    return "".join(unicodedata.normalize("NFKC", name).split())


def find_agencies(text: str, places: list[PlaceMatch], context: PlaceContext) -> list[AgencyMatch]:
    """Every agency mention in ``text``; ``places`` are ``find_places(text)``."""
    lex = lexicon()
    by_end = {p.end: p for p in places}
    quoted = _quoted_spans(text)
    out: list[AgencyMatch] = []
    i, n = 0, len(text)
    while i < n:
        hit = lex.longest_at(text, i)
        zong = text[i] == "总" and (i + 1 >= n or text[i + 1] not in _NOT_ZONG_BEFORE)
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
        m = _prefixed(text, i, end, body, by_end, context)
        if m is None and printed != "总" and body.kind == "institution":
            inside_quote = any(a < i < b for a, b in quoted)
            div = context.county
            # A bare 仲裁院/职工服务中心 is the local one only in a county-level story, and only
            # when it starts a word: 劳动争议联合|调解中心, 3个职工|法律服务站, 人民|调解委员会
            # are other or generic bodies, not the district's 调解中心/法律服务站.
            if not inside_quote and div is not None and _starts_word(text, i):
                m = AgencyMatch(i, end, printed, place_prefix(div) + body.canonical, body.kind,
                                div, True)  # fmt: skip
        if m is not None:
            out.append(m)
        i = end
    out.extend(_orgs(text, lex))
    return _dedupe(out)


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
    if i == 0 or not _cjk(text[i - 1]) or text[i - 1] in _STOP:
        return True
    return text[max(0, i - 2) : i] in _GOVERNING


def _prefixed(
    text: str,
    start: int,
    end: int,
    body: Body,
    by_end: dict[int, PlaceMatch],
    context: PlaceContext,
) -> AgencyMatch | None:
    place = by_end.get(start)
    if place is not None:
        div = supported(place, context.known)
        if div is None and len(place.candidates) == 1 and not place.short_only:
            div = place.candidates[0]
        if div is None:
            # 西海岸新区总工会: the printed name runs further left than any known division.
            left = _left_name(text, place.start)
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
    if level not in "省市区县":
        return None
    before = text[start - 2] if start >= 2 else ""
    if before in _NOT_LEVEL_AFTER:
        return None
    div = context.for_level(level)
    if div is None:
        return AgencyMatch(start - 1, end, text[start - 1 : end], level + body.canonical,
                           body.kind, None, False)  # fmt: skip
    return AgencyMatch(start - 1, end, text[start - 1 : end], place_prefix(div) + body.canonical,
                       body.kind, div, True)  # fmt: skip


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
