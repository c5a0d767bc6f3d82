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
Round 11 adds: every other quoted printing of a name found so (“暖心送餐”行动 … “暖心送餐”
已覆盖…); a quoted numbered abbreviation of four or more characters with two numerals
(“三创争两提升”, “一函两书”; not a count such as “1个中心、2个服务站”, nor an idiom alone);
a quote right before another that names a programme, sharing its head (“春送岗位”“秋送温暖”
等活动; 等 may stand before the head); a quote in apposition to a programme word (集合计划
“渝惠年金”); a dangling operator before a mechanism word after a short modifier (“职代会+”
民主管理模式); names ending in 之家; more naming verbs (设立, 推行, 发出, 落实了…; 成立 names
bodies and is gone, as is 主题: themes are no programmes); and unquoted campaign names
(``find_campaigns``): jieba's words before 工程/行动 back to a naming verb or function word,
kept when at least four characters are not generic words (重点, 专项, 联合, 执法…): 凝心聚力工程,
根治欠薪冬季攻坚行动, not 省级重点工程, 联合执法行动, nor 海洋工程有限公司.
Round 14 adds the named national programmes reports print unquoted (``find_known``, from
``data/initiatives.toml``: 农民工工资专用账户制度, 产业工人队伍建设改革 and its short form 产改,
送温暖, 金秋助学…), each annotated so by at least two independent gold writers.
The key a researcher follows across years is the quoted text with NFKC width folding,
whitespace removed, and ``+ · —`` variants unified; letters keep their printed case
(“法院+工会+人社+N”); the head word goes to ``extra["head"]``.
"""

from __future__ import annotations

import re
import tomllib
import unicodedata
from dataclasses import dataclass
from functools import cache
from importlib import resources
from typing import Final

import jieba

from baoku.nlp.jieba_words import word_freq

_QUOTE: Final[re.Pattern[str]] = re.compile(r"[“「『\"](?P<body>[^“”「」『』\"\n]{2,40})[”」』\"]")
_SPEECH: Final[frozenset[str]] = frozenset("，。！？；：,!?;")
_HEADS: Final[tuple[str, ...]] = tuple(sorted((
    "机制", "模式", "行动", "活动", "工程", "计划", "平台", "体系", "品牌", "项目", "专项",
    "工作法", "工作室", "驿站", "服务站", "联盟", "大赛", "竞赛", "论坛", "工作体系",
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
    "之家",
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
    "创新",
    "名为",
    "称为",
    "品牌",
    "发起",
    "首届",
    "开通",
    "设立",
    "组建",
    "实行",
    "践行",
    "落实",
    "开设",
    "推广",
    "部署",
    "发出",
    "深化",
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
    """The programme head right after ``at``, or after a short modifier: (right, modified).
    A 等 closing a list of names stands before the head (“会员普惠月”“职工消费季”等活动)."""
    if text.startswith("等", at):
        at += 1
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
    return word_freq(body) > 0


_APPOSED: Final[tuple[str, ...]] = ("计划", "品牌", "项目", "平台", "工程", "行动")
# A numbered abbreviation opens with a Chinese numeral (三创争两提升, 一函两书, 双随机、一公开).
_NUMBERED: Final[re.Pattern[str]] = re.compile(r"[一二两三四五六七八九十百千万双]")
# A count of things (1个中心、2个服务站) describes a set-up; it names nothing.
_COUNTED: Final[re.Pattern[str]] = re.compile(r"[0-9０-９一二两三四五六七八九十]+个")
# Mechanism words a dangling fragment may stand before at a short distance (“职代会+”民主管理模式).
_MECHANISMS: Final[frozenset[str]] = frozenset({"机制", "模式", "体系", "工作机制", "工作体系"})
# Separators between two quoted names of one list (“春送岗位”“秋送温暖”, “A”、“B”, “A”和“B”).
_BETWEEN: Final[frozenset[str]] = frozenset({"", "、", "和", "与", "及"})


def _quoted_ok(text: str, m: re.Match[str]) -> tuple[bool, str | None]:
    """Is the quote ``m`` a programme's name on its own evidence?  (ok, head)."""
    body = m.group("body")
    if any(c in _SPEECH for c in body):
        return False, None
    right, head = _head_after(text, m.end())
    if _DANGLING_OP.search(body):
        # “互联网+”行动: a fragment names a programme only as its head's modifier
        return right is not None or head in _MECHANISMS, head
    if _ONLY_NUMBER.fullmatch(body):
        return head is not None, head  # “126”工会工作体系, never a bare “126”
    before = text[max(0, m.start() - 5) : m.start()].removesuffix("了")
    named = any(before.endswith(v) for v in _VERBS) and not _figurative_word(body)
    counted = bool(_COUNTED.search(body))
    own = any(body.endswith(h) for h in _OWN_HEADS) and len(body) >= 4 and not counted
    # A quote in apposition to a programme word names it (企业年金集合计划“渝惠年金”).
    named = named or any(before.removesuffix("——").endswith(h) for h in _APPOSED)
    structured = bool(_JOINED_OP.search(body) or _DIGIT.search(body)) and not counted
    # two numerals at least: 三创争两提升, 一函两书 count things; 八桂技术能手 is a place word
    numbered = bool(_NUMBERED.match(body)) and len(_NUMBERED.findall(body)) >= 2
    numbered = numbered and len(body) >= 4 and not counted
    numbered = numbered and not _figurative_word(body)  # 双管齐下 alone is an idiom
    return head is not None or own or named or structured or numbered, head


def find_initiatives(text: str) -> list[InitiativeMatch]:
    """Quoted names (rules in the module docstring) and unquoted campaign names, in order."""
    quotes = [m for m in _QUOTE.finditer(text) if not any(c in _SPEECH for c in m.group("body"))]
    verdicts = [_quoted_ok(text, m) for m in quotes]
    ok = [v[0] for v in verdicts]
    # A quote right before a found one is the same list's (“春送岗位”“秋送温暖”等活动).
    for k in range(len(quotes) - 2, -1, -1):
        if not ok[k] and ok[k + 1]:
            gap = text[quotes[k].end() : quotes[k + 1].start()]
            ok[k] = gap in _BETWEEN and not _DANGLING_OP.search(quotes[k].group("body"))
    keys = {initiative_key(m.group("body")) for m, good in zip(quotes, ok, strict=True) if good}
    out: list[InitiativeMatch] = []
    for m, good, (_, head) in zip(quotes, ok, verdicts, strict=True):
        key = initiative_key(m.group("body"))
        if good or key in keys:  # a name once found is the same name wherever it is quoted
            out.append(InitiativeMatch(m.start(), m.end(), m.group(), key, head))
    spans = [(x.start, x.end) for x in out]
    for c in find_campaigns(text) + find_known(text):
        if all(c.end <= a or b <= c.start for a, b in spans):
            out.append(c)
            spans.append((c.start, c.end))
    return sorted(out, key=lambda x: x.start)


@cache
def _known() -> tuple[re.Pattern[str], dict[str, str]]:
    raw = (resources.files("baoku.nlp") / "data" / "initiatives.toml").read_text(encoding="utf-8")
    d = tomllib.loads(raw)
    names = {n: n for n in d["known"]} | dict(d["aliases"])
    alts = "|".join(re.escape(n) for n in sorted(names, key=len, reverse=True))
    return re.compile(rf"“(?:{alts})”|(?:{alts})"), names


def find_known(text: str) -> list[InitiativeMatch]:
    """Named national programmes of the lexicon (``data/initiatives.toml``), printed quoted
    or not (农民工工资专用账户制度, “金秋助学”, 产改 → 产业工人队伍建设改革)."""
    pattern, names = _known()
    quoted = [(q.start(), q.end()) for q in _QUOTE.finditer(text)]
    out: list[InitiativeMatch] = []
    for m in pattern.finditer(text):
        if any(a < m.start() and m.end() < b for a, b in quoted):
            continue  # “秋送温暖”: inside another quoted name
        name = m.group().strip("“”")
        key = initiative_key(names[name])
        out.append(InitiativeMatch(m.start(), m.end(), m.group(), key, None))
    return out


# Heads of unquoted campaign names, not the first part of a longer word (工程师, 工程项目).
_CAMPAIGN: Final[re.Pattern[str]] = re.compile(
    r"(?:工程|行动)(?!师|项目|建设|款|领域|机械|队|公司|有限|股份|集团|局|院|部|计划|方案|前"
    r"|专业|量|技术|质量|造价|管理|施工|学)"  # (土木工程专业, 钢筋工程量: a discipline, a quantity)
)
# Words that cut the name on its left (jieba's words of the run before the head): naming
# and operating verbs, function words, determiners, areas and times; the rest is the name.
_CUT: Final[frozenset[str]] = frozenset({
    "开展", "推出", "启动", "实施", "打造", "建立", "创建", "举办", "推行", "构建", "发起",
    "开通", "设立", "组建", "实行", "践行", "落实", "开设", "推广", "部署", "深化", "推进",
    "参加", "参与", "纳入", "列入", "加入", "组织", "围绕", "通过", "结合", "依托", "聚焦",
    "持续", "深入", "全面", "继续", "正式", "积极", "通报", "名为", "称为", "首届", "作为",
    "了", "的", "和", "与", "及", "等", "在", "是", "为", "把", "被", "将", "从", "对", "向",
    "这", "该", "此", "各", "这一", "此次", "本次", "年度", "全省", "全市", "全县", "全区",
    "全国", "今年", "去年", "明年", "一项", "多项", "大", "项", "个", "情况", "以来", "已", "由",
    "于",
})  # fmt: skip
# Generic words that do not make a name distinctive (省级重点工程, 联合执法行动, 专项整治行动).
_GENERIC: Final[frozenset[str]] = frozenset({
    "重点", "重大", "民生", "示范", "专项", "集中", "联合", "执法", "检查", "整治", "清理",
    "攻坚", "冬季", "夏季", "春季", "秋季", "三年", "建设", "改造", "升级", "省级", "市级",
    "县级", "国家级", "国家", "系列", "主题", "宣传", "培训", "服务", "工作", "相关", "有关",
    "各类", "各项", "新一轮", "一系列", "统一", "省", "市", "县", "区",
})  # fmt: skip
_GENERIC_LONGEST: Final[tuple[str, ...]] = tuple(sorted(_GENERIC, key=len, reverse=True))
_MIN_OWN = 4


def find_campaigns(text: str) -> list[InitiativeMatch]:
    """Unquoted campaign names: a name of its own before 工程/行动 (凝心聚力工程)."""
    out: list[InitiativeMatch] = []
    for m in _CAMPAIGN.finditer(text):
        start = m.start()
        while start > 0 and "\u4e00" <= text[start - 1] <= "\u9fff" and m.start() - start < 24:
            start -= 1
        words = jieba.lcut(text[start : m.start()], HMM=False)
        kept: list[str] = []
        for w in reversed(words):
            if w in _CUT:
                break
            kept.insert(0, w)
        name = "".join(kept)
        own = len(name) - sum(len(g) * name.count(g) for g in _GENERIC_LONGEST if g in name)
        if own < _MIN_OWN or _figurative_word(name):
            continue
        s = m.start() - len(name)
        printed = text[s : m.end()]
        out.append(InitiativeMatch(s, m.end(), printed, initiative_key(printed), None))
    return out
