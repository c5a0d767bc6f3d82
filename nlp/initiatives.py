"""Named initiatives (programmes, mechanisms, campaigns) printed in quotation marks.

NLP stage (ingest → **nlp** → search).  A quoted phrase is an initiative when any of:

1. it is followed by a programme head word (“工会+法院”联动机制, “要约季”活动), right after the
   quote or after a short modifier (“126”工会工作体系, “321”法律服务工作模式);
2. it carries structure that ordinary words do not: an operator joining two parts
   (“工会+法院”, “中国梦·劳动美”) or digits among words (“暖心365”);
3. it itself ends in a programme head word (“保障农民工工资支付法律服务站”);
4. a naming verb sits just before it (推出“职等你来”, 开展“…”), unless it is one common
   dictionary word used figuratively (建立“身份证”, 筑牢“防火墙”).

A phrase that is only a number (“126”) or ends in a dangling operator (“工会+”) is a
fragment of a name: it counts only with a head word after it (rule 1; “互联网+”行动 needs the
head right after the quote).  Quoted speech (sentence punctuation inside, or longer than 40
characters) and figurative words (“淬火”, “对症下药”, “碎片化”: short quotes that meet none
of the rules) are not.  An idiom followed by a head word (“双管齐下”联动机制) names that
mechanism and counts; on its own (坚持“双管齐下”) it does not.
The key a researcher follows across years is the quoted text with NFKC width folding,
whitespace removed, and ``+ · —`` variants unified; letters keep their printed case
(“法院+工会+人社+N”); the head word goes to ``extra["head"]``.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from typing import Final

import jieba

_QUOTE: Final[re.Pattern[str]] = re.compile(r"[“「『\"](?P<body>[^“”「」『』\"\n]{2,40})[”」』\"]")
_SPEECH: Final[frozenset[str]] = frozenset("，。！？；：,!?;")
_HEADS: Final[tuple[str, ...]] = tuple(sorted((
    "机制", "模式", "行动", "活动", "工程", "计划", "平台", "体系", "品牌", "项目", "专项",
    "工作法", "工作室", "驿站", "服务站", "联盟", "主题", "大赛", "竞赛", "论坛", "工作体系",
    "专场", "系列",
    "协作机制", "联动机制", "行动计划", "工作站", "试点", "课堂", "讲堂", "基地", "制度", "战略",
    "热线", "主题馆", "国际主题馆", "国际合作论坛", "直播",
), key=len, reverse=True))  # fmt: skip
_OWN_HEADS: Final[tuple[str, ...]] = (
    "机制",
    "模式",
    "行动",
    "活动",
    "工程",
    "计划",
    "服务站",
    "工作站",
    "工作室",
    "驿站",
    "平台",
    "联盟",
    "论坛",
    "大赛",
    "竞赛",
    "专项",
    "工作法",
    "日",
    "季",
    "节",
)
_VERBS: Final[tuple[str, ...]] = (
    "开展",
    "推出",
    "启动",
    "实施",
    "打造",
    "建立",
    "创建",
    "举办",
    "推行",
    "探索",
    "构建",
    "成立",
    "创新",
    "名为",
    "称为",
    "品牌",
    "发起",
    "首届",
    "开通",
    "举办",
    "开展",
)
_OPS: Final[str] = "+＋·•・×"
# An operator with a part on each side (工会+法院, 中国梦·劳动美), or digits next to a letter or
# character that is not an operator (暖心365, 24小时不打烊).
_JOINED_OP: Final[re.Pattern[str]] = re.compile(rf"[^{_OPS}\s][{_OPS}]+[^{_OPS}\s]")
_DIGIT: Final[re.Pattern[str]] = re.compile(r"[0-9０-９]")
_ONLY_NUMBER: Final[re.Pattern[str]] = re.compile(rf"[0-9０-９{_OPS}\s.．、，,-]+")
_DANGLING_OP: Final[re.Pattern[str]] = re.compile(rf"^\s*[{_OPS}]|[{_OPS}]\s*$")
# A head after a short modifier: 工会工作|体系, 法律服务工作|模式 (no function words between).
_MODIFIED_HEAD: Final[re.Pattern[str]] = re.compile(
    r"(?P<mod>[\u4e00-\u9fff]{1,6}?)(?P<head>" + "|".join(map(re.escape, _HEADS)) + r")"
)
_FUNCTION: Final[frozenset[str]] = frozenset("的和与及等在是为了把被将从对向")


@dataclass(frozen=True, slots=True)
class InitiativeMatch:
    start: int  # of the quoted text including quotes
    end: int
    text: str
    key: str
    head: str | None


def initiative_key(text: str) -> str:
    """One key for all printed variants: width-folded, no spaces, unified + · —.

    Letters keep their printed case (“1+N” stays 1+N): the key is also the name shown and
    filtered on, and Chinese programme names print their letters one way.
    """
    t = unicodedata.normalize("NFKC", text)
    t = "".join(t.split()).strip("“”\"'‘’「」『』")
    t = re.sub(r"[•・‧∙·]", "·", t)
    t = re.sub(r"[—–―-]{1,2}", "—", t)
    return t


def _head_after(text: str, at: int) -> tuple[str | None, str | None]:
    """The programme head right after ``at``, or after a short modifier: (right, modified)."""
    after = text[at : at + 6]
    right = next((h for h in _HEADS if after.startswith(h)), None)
    if right:
        return right, right
    m = _MODIFIED_HEAD.match(text, at, at + 6 + 6)
    mod = m.group("mod") if m else ""
    # 开展|行动 after a figurative quote is a new predicate, not a modifier of the head
    if m is None or any(c in _FUNCTION for c in mod) or any(v in mod for v in _VERBS):
        return None, None
    return None, m.group("head")


def _figurative_word(body: str) -> bool:
    """One common dictionary word (身份证, 防火墙): quoted as a figure of speech, not a name."""
    jieba.dt.check_initialized()  # the dictionary loads lazily
    return jieba.dt.FREQ.get(body, 0) > 0


def find_initiatives(text: str) -> list[InitiativeMatch]:
    out: list[InitiativeMatch] = []
    for m in _QUOTE.finditer(text):
        body = m.group("body")
        if any(c in _SPEECH for c in body):
            continue
        right, head = _head_after(text, m.end())
        if _DANGLING_OP.search(body):
            ok = (
                right is not None
            )  # “互联网+”行动: a fragment names a programme only as its head's modifier
        elif _ONLY_NUMBER.fullmatch(body):
            ok = head is not None  # “126”工会工作体系, never a bare “126”
        else:
            before = text[max(0, m.start() - 4) : m.start()]
            named = any(before.endswith(v) for v in _VERBS) and not _figurative_word(body)
            own = any(body.endswith(h) for h in _OWN_HEADS) and len(body) >= 4
            structured = bool(_JOINED_OP.search(body) or _DIGIT.search(body))
            ok = head is not None or own or named or structured
        if ok:
            out.append(InitiativeMatch(m.start(), m.end(), m.group(), initiative_key(body), head))
    return out
