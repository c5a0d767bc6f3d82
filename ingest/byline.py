"""Byline and photo-credit parsing for the ingest stage.

Place in the flow: the layout/article code (ingest) asks ``is_byline_line`` about short
lines, splits a byline off an article's first paragraph with ``split_lead_byline`` and
the credit off a caption with ``parse_photo_credit``; the names end up on the article
record that nlp and search use.

Run these on text *before* ``textclean.clean_text``: that removes the spaces between
names. Glued names are split only when exactly one split makes every part a plausible
name (common surname + one or two characters); otherwise the run stays one name, since
a wrong split invents two people. A run of up to four characters is always one name
("欧阳娜娜" and "张三李四" cannot be told apart without a roster).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from baoku.ingest.textclean import CJK_CLASS, to_halfwidth_alnum

_H = f"[{CJK_CLASS}]"
_DOTS = "·•・‧∙"
_NAME = rf"{_H}+(?:[{_DOTS}]{_H}+)*"

_AGENCIES = (
    "本报|新华社|中新社|人民日报|工人日报|光明日报|经济日报|中国青年报|法治日报"
    "|人民网|新华网|中新网|央视网|央广网|中国新闻网"
)
# 本报讯 / 新华社北京11月20日电 / 本报北京3月5日电 / 新华社电 / 据新华社电
_HEAD = (
    rf"(?P<head>据?(?:本报讯|(?P<agency>{_AGENCIES})\s*"
    rf"(?P<dateline>(?:{_H}{{1,8}}?\s*)?(?:\d{{1,2}}\s*月\s*\d{{1,2}}\s*日\s*)?电)))"
)
# Roles a byline names; an outlet prefix (本报记者, 新华社记者) also tells the source.
_ROLE = (
    rf"(?:(?P<role_src>{_AGENCIES})?(?:特约|见习|实习|首席|摄影)?记者"
    r"|(?:本报)?(?:特约)?通讯员|实习生)"
)
_ROLE_RE = re.compile(_ROLE)
_ROLE_SPLIT_RE = re.compile(_ROLE.replace("(?P<role_src>", "(?:"))  # split() without groups
_SEP = re.compile(r"[\s、，,；;]+")

_OPEN, _CLOSE = "（(", "）)"
_BYLINE_RE = re.compile(
    rf"{_HEAD}?\s*(?:[{_OPEN}](?P<inner>[^{_OPEN}{_CLOSE}]*)[{_CLOSE}]|(?P<bare>.*?))"
    r"\s*(?:报道)?\s*",
    re.DOTALL,
)
_LEAD_PAREN_RE = re.compile(
    rf"\s*{_HEAD}?\s*[{_OPEN}](?P<inner>[^{_OPEN}{_CLOSE}]{{1,80}})[{_CLOSE}]"
)
_LEAD_HEAD_RE = re.compile(rf"\s*{_HEAD}[\s，,：:]*")
_QUICK_RE = re.compile(rf"\s*(?:据|{_AGENCIES}|记者|通讯员|特约|见习|实习|首席|摄影)")

_PHOTO_ROLE = rf"(?:{_ROLE}|(?:{_AGENCIES})发)"
# Bounded names: an unbounded run would read "无人机拍摄" as photographer 无人机拍.
_PHOTO_NAME = rf"{_H}{{2,4}}(?:[{_DOTS}]{_H}{{1,8}})*"
_PHOTO_NAMES = rf"{_PHOTO_NAME}(?:[ \t\u3000、]+{_PHOTO_NAME})*"
_PHOTO_CREDIT_RE = re.compile(
    rf"(?P<open>[{_OPEN}]\s*)?"
    rf"(?P<credit>(?:{_PHOTO_ROLE}[ \t\u3000]*(?:{_PHOTO_NAMES})?[ \t\u3000]*)+[/／]?"
    # Without a role the names must stand apart from the caption and from 摄.
    rf"|(?<![\w{CJK_CLASS}]){_PHOTO_NAMES}(?:[ \t\u3000]+|[ \t\u3000]*[/／]))"
    rf"\s*摄\s*(?(open)[{_CLOSE}])\s*$"
)

# Common single-character surnames, then compound ones: data for deciding whether a
# glued run of names splits one way only.
_SURNAMES_1 = frozenset(
    "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜"
    "叶程苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎"
    "贺顾毛郝龚邵万钱严覃武戴莫孔向汤常温康施文牛樊葛邢安齐易乔伍庞颜倪庄聂章鲁岳翟殷詹申"
    "欧耿关兰焦俞左柳甘祝包宁尚符舒阮柯纪梅童凌毕单季裴霍涂成苗谷盛曲翁冉骆蓝路游辛靳管柴"
    "蒙鲍华喻祁蒲房滕屈饶解牟艾尤阳时穆农司卓古吉缪简车项连芦麦褚娄窦戚岑景党宫费卜冷晏席"
    "卫米柏宗瞿桂全佟应臧闵苟邬边卞姬师和仇栾隋商刁沙荣巫寇桑郎甄丛仲虞敖巩明佘池查麻苑迟"
    "邝藏"
)
_SURNAMES_2 = frozenset(
    {
        "欧阳",
        "司马",
        "上官",
        "诸葛",
        "东方",
        "皇甫",
        "尉迟",
        "公孙",
        "慕容",
        "令狐",
        "司徒",
        "夏侯",
        "长孙",
        "宇文",
        "端木",
        "独孤",
        "南宫",
        "西门",
        "申屠",
        "轩辕",
        "呼延",
        "万俟",
    }
)
_MAX_NAME = 8  # longer glued runs without a middle dot are not names


@dataclass(frozen=True, slots=True)
class Byline:
    """Who wrote an article: ``source`` as printed (本报讯, 本报, 新华社; "" if none)."""

    raw: str
    source: str
    reporters: tuple[str, ...]
    correspondents: tuple[str, ...]
    interns: tuple[str, ...] = ()  # 实习生: neither reporter nor correspondent
    dateline: str = ""  # "北京11月20日电" of 新华社北京11月20日电


def parse_byline(text: str) -> Byline | None:
    """Parse ``text`` when it is a byline and nothing else; ``None`` otherwise.

    Accepts 本报讯 alone or followed by （记者X 通讯员Y Z）, agency datelines such as
    新华社北京11月20日电（记者 X Y）, and bare role lists (本报记者 X Y 本报通讯员 Z,
    本报特约记者 X, 记者 X, 通讯员 X), with half- or full-width brackets and an
    optional trailing 报道.
    """
    norm = _normalise(text)
    if not norm or len(norm) > 120:
        return None
    m = _BYLINE_RE.fullmatch(norm)
    if m is None:
        return None
    if m.group("inner") is not None:
        return _build(norm, m, m.group("inner"), bracketed=True)
    return _build(norm, m, m.group("bare"), bracketed=False)


def split_lead_byline(paragraph: str) -> tuple[Byline | None, str]:
    """Split a byline off the start of an article's first paragraph.

    "本报讯 （记者裴龙翔）刚揭牌成立不久，…" gives the byline and "刚揭牌成立不久，…"; a
    line break inside the brackets is joined over, as ``join_lines`` would.
    Also handled: a dateline head alone ("本报讯 近日…", "新华社北京11月20日电 …"), and a
    first line that is a whole byline followed by a line break. Without a byline the
    paragraph comes back unchanged with ``None``.
    """
    norm = to_halfwidth_alnum(paragraph)
    m = _LEAD_PAREN_RE.match(norm)
    if m is not None:
        # A line wrap inside the brackets ("徐小丽 郭\n彬）") joins as join_lines would.
        inner = re.sub(r"[^\S\n]*\n\s*", "", m.group("inner"))
        byline = _build(m.group().strip(), m, inner, bracketed=True)
        if byline is not None:
            return byline, norm[m.end() :].lstrip()
    first, nl, rest = norm.lstrip().partition("\n")
    if nl:
        byline = parse_byline(first)
        if byline is not None:
            return byline, rest.lstrip()
    m = _LEAD_HEAD_RE.match(norm)
    if m is not None:
        byline = _build(m.group("head"), m, "", bracketed=False)
        if byline is not None:
            return byline, norm[m.end() :]
    return None, paragraph


def is_byline_line(text: str) -> bool:
    """Quick test for a layout engine: is this whole (short) line a byline?"""
    if len(text) > 120 or _QUICK_RE.match(text) is None:
        return False
    return parse_byline(text) is not None


def parse_photo_credit(caption: str) -> tuple[str, list[str]]:
    """Split a photo credit off the end of a caption: (caption text, photographers).

    Handles "…比赛。 新华社记者 张三 摄", "本报记者 X 本报通讯员 Y 摄", "X 摄", "（X 摄）"
    and "X/摄". Without a credit the stripped caption comes back with an empty list.
    """
    text = to_halfwidth_alnum(caption).strip()
    m = _PHOTO_CREDIT_RE.search(text)
    if m is None:
        return text, []
    names: list[str] = []
    credit = _strip_agency_sent(m.group("credit")).rstrip(" \t\u3000/／")
    for part in _ROLE_SPLIT_RE.split(credit):
        for token in _SEP.split(part.strip()):
            if token:
                names.extend(_split_glued(_normalise_dots(token)))
    if not names:
        return text, []
    return text[: m.start()].rstrip(), names


def _strip_agency_sent(credit: str) -> str:
    return re.sub(rf"(?:{_AGENCIES})发", " ", credit)


def _normalise(text: str) -> str:
    return to_halfwidth_alnum(text).strip()


def _normalise_dots(name: str) -> str:
    return re.sub(f"[{_DOTS}]", "·", name)


def _build(raw: str, m: re.Match[str], roles_text: str | None, *, bracketed: bool) -> Byline | None:
    head = m.group("head")
    source = ""
    dateline = ""
    if head is not None:
        agency = m.group("agency")
        if agency is None:
            source = "本报讯"
        else:
            source = agency
            dateline = re.sub(r"\s+", "", m.group("dateline"))
            if dateline == "电":  # 新华社电: no place or date to keep
                dateline = ""
    roles = _parse_roles(roles_text or "")
    if roles is None:
        return None
    reporters, correspondents, interns, role_source = roles
    people = (*reporters, *correspondents, *interns)
    if head is None and not people:
        return None
    # A bare "记者…" line is weak evidence ("记者了解到" is a sentence): there every name
    # must start with a common surname (or be a transliterated name with a middle dot).
    weak = head is None and not bracketed and not role_source
    if weak and not all("·" in p or _starts_with_surname(p) for p in people):
        return None
    return Byline(
        raw=raw,
        source=source or role_source,
        reporters=reporters,
        correspondents=correspondents,
        interns=interns,
        dateline=dateline,
    )


def _parse_roles(
    text: str,
) -> tuple[tuple[str, ...], tuple[str, ...], tuple[str, ...], str] | None:
    """Names by role from "记者X Y 通讯员Z"; ``None`` when it is not such a list."""
    text = text.strip()
    reporters: list[str] = []
    correspondents: list[str] = []
    interns: list[str] = []
    source = ""
    if not text:
        return (), (), (), ""
    matches = list(_ROLE_RE.finditer(text))
    if not matches or text[: matches[0].start()].strip():
        return None
    for i, rm in enumerate(matches):
        end = matches[i + 1].start() if i + 1 < len(matches) else len(text)
        names: list[str] = []
        for token in _SEP.split(text[rm.end() : end].strip()):
            if not token:
                continue
            if not re.fullmatch(_NAME, token):
                return None
            token = _normalise_dots(token)
            if "·" not in token and len(token) > _MAX_NAME:
                return None
            names.extend(_split_glued(token))
        if not names:
            return None
        role = rm.group()
        if not source and rm.group("role_src"):
            source = rm.group("role_src")
        if "通讯员" in role:
            correspondents.extend(names)
        elif role == "实习生":
            interns.extend(names)
        else:
            reporters.extend(names)
    return tuple(reporters), tuple(correspondents), tuple(interns), source


def _split_glued(token: str) -> list[str]:
    """Split a glued run of names when exactly one split works; else keep it whole."""
    if "·" in token or len(token) <= 4:
        return [token]
    splits = _name_splits(token)
    if len(splits) == 1:
        return list(splits[0])
    return [token]


@lru_cache(maxsize=4096)
def _name_splits(token: str) -> tuple[tuple[str, ...], ...]:
    """Every way to cut ``token`` into surname + 1-2 character names (two or more)."""
    out: list[tuple[str, ...]] = []
    for length in (2, 3, 4):
        head, rest = token[:length], token[length:]
        if len(head) < length or not _plausible_name(head):
            continue
        if not rest:
            out.append((head,))
            continue
        out.extend((head, *tail) for tail in _name_splits(rest))
    return tuple(s for s in out if len(s) > 1 or len(token) <= 4)


def _starts_with_surname(name: str) -> bool:
    return name[:2] in _SURNAMES_2 or name[0] in _SURNAMES_1


def _plausible_name(name: str) -> bool:
    if name[:2] in _SURNAMES_2:
        return len(name) in (3, 4)
    return name[0] in _SURNAMES_1 and len(name) in (2, 3)
