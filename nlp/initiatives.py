"""Named initiatives (programmes, mechanisms, campaigns) printed in quotation marks.

NLP stage (ingest → **nlp** → search).  A quoted phrase is an initiative when any of:

1. it is followed by a programme head word (“工会+法院”联动机制, “321”模式, “要约季”);
2. it carries structure that ordinary words do not: ``+ · ×`` or digits (“工会+法院”, “126”);
3. it itself ends in a programme head word (“保障农民工工资支付法律服务站”);
4. a naming verb sits just before it (推出“职等你来”, 开展“…”).

Quoted speech (sentence punctuation inside, or longer than 40 characters) and figurative
words (“淬火”, “对症下药”, “碎片化”: short quotes that meet none of the rules) are not.
The key a researcher follows across years is the quoted text with NFKC width folding,
whitespace removed, and ``+ · —`` variants unified; the head word goes to ``extra["head"]``.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from typing import Final

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
_STRUCTURE: Final[re.Pattern[str]] = re.compile(r"[+＋·•・×0-9０-９]")


@dataclass(frozen=True, slots=True)
class InitiativeMatch:
    start: int  # of the quoted text including quotes
    end: int
    text: str
    key: str
    head: str | None


def initiative_key(text: str) -> str:
    """One key for all printed variants: width-folded, no spaces, unified + · —."""
    t = unicodedata.normalize("NFKC", text)
    t = "".join(t.split()).strip("“”\"'‘’「」『』")
    t = re.sub(r"[•・‧∙·]", "·", t)
    t = re.sub(r"[—–―-]{1,2}", "—", t)
    return t.lower()


def find_initiatives(text: str) -> list[InitiativeMatch]:
    out: list[InitiativeMatch] = []
    for m in _QUOTE.finditer(text):
        body = m.group("body")
        if any(c in _SPEECH for c in body):
            continue
        after = text[m.end() : m.end() + 6]
        head = next((h for h in _HEADS if after.startswith(h)), None)
        before = text[max(0, m.start() - 4) : m.start()]
        named = any(before.endswith(v) for v in _VERBS)
        own = any(body.endswith(h) for h in _OWN_HEADS) and len(body) >= 4
        if head or own or named or _STRUCTURE.search(body):
            out.append(InitiativeMatch(m.start(), m.end(), m.group(), initiative_key(body), head))
    return out
