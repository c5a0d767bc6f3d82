"""Page metadata: newspaper, date, page number and page name.

Read from the header strip's text first; the file-name convention (``grrb20240712006.pdf`` =
paper code + date + page) fills what the header lacks; explicit overrides win over both.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import replace
from datetime import date
from pathlib import Path

import cn2an

from baoku.ingest.records import PageMeta

# Paper codes seen in archive file names, and the names printed on the pages.
PAPER_CODES: dict[str, str] = {
    "grrb": "工人日报",
    "zggrb": "中国工人报",
    "ldb": "劳动报",
    "ldwb": "劳动午报",
    "grsb": "工人时报",
    "rmrb": "人民日报",
    "gmrb": "光明日报",
    "jjrb": "经济日报",
}
KNOWN_PAPERS: tuple[str, ...] = tuple(
    sorted(
        set(PAPER_CODES.values())
        | {"中国工会报", "南方工报", "江苏工人报", "天津工人报", "深圳特区报"},
        key=len,
        reverse=True,
    )
)

_DATE = re.compile(r"(\d{4})\s*年\s*(\d{1,2})\s*月\s*(\d{1,2})\s*日")
_ISO_DATE = re.compile(r"(\d{4})[-./](\d{1,2})[-./](\d{1,2})")
_PAGE = re.compile(r"第\s*([0-9０-９]{1,3}|[一二三四五六七八九十]{1,3})\s*版")
_PAGE_NAME = re.compile(r"(?:版\s*[：:·|]?\s*|版名\s*[：:]\s*)([\u4e00-\u9fff]{2,6})")
_FILE = re.compile(r"([a-z]{2,8})[_-]?(\d{4})(\d{2})(\d{2})[_-]?(\d{1,3})?", re.IGNORECASE)
_WEEKDAY = re.compile(r"星期[一二三四五六日天]|周[一二三四五六日]")


def _valid_date(y: int, m: int, d: int) -> str | None:
    try:
        return date(y, m, d).isoformat()
    except ValueError:
        return None


def _page_int(token: str) -> int | None:
    token = token.translate(str.maketrans("０１２３４５６７８９", "0123456789"))
    if token.isdigit():
        return int(token)
    try:
        return int(cn2an.cn2an(token, "smart"))
    except (ValueError, KeyError):
        return None


_PAPER_LIKE = re.compile(r"[\u4e00-\u9fff]{1,8}(?:日报|晚报|早报|时报|工人报|工报|报)")
_NOT_PAGE_NAME = re.compile(r"星期|出版|统一|刊号|第.*版|^\d|年|月|日$")


def meta_from_header(lines: Sequence[tuple[str, float]]) -> PageMeta:
    """Whatever the header strip says, from its lines as (text, font size); fields it does
    not carry stay None. The masthead is the largest line; page names follow 第N版 or stand
    alone as a short line."""
    meta = PageMeta()
    texts = [re.sub(r"\s+", " ", t).strip() for t, _ in lines]
    squeezed = [t.replace(" ", "") for t in texts]
    joined = " ".join(texts)
    meta.newspaper = _paper_name(squeezed, [size for _, size in lines])
    if m := _DATE.search(joined):
        meta.date = _valid_date(int(m[1]), int(m[2]), int(m[3]))
    if m := _PAGE.search(joined):
        meta.page_no = _page_int(m[1])
    for t in squeezed:
        m = _PAGE_NAME.search(_WEEKDAY.sub(" ", t))
        if m and m[1] != meta.newspaper and not _PAPER_LIKE.fullmatch(m[1]):
            meta.page_name = m[1]
            break
    if meta.page_name is None:
        for t in squeezed:
            if (
                2 <= len(t) <= 6
                and re.fullmatch(r"[\u4e00-\u9fff·]+", t)
                and t != meta.newspaper
                and not _NOT_PAGE_NAME.search(t)
                and not _PAPER_LIKE.fullmatch(t)
            ):
                meta.page_name = t
                break
    return meta


def _paper_name(texts: Sequence[str], sizes: Sequence[float]) -> str | None:
    """The masthead (largest header line) when it reads like a paper's name, else the longest
    paper-like name printed in the header (so 四川工人日报 wins over the 工人日报 inside it)."""
    if texts:
        top = max(range(len(texts)), key=lambda i: sizes[i])
        if (m := _PAPER_LIKE.fullmatch(texts[top])) and not _NOT_PAGE_NAME.search(m[0]):
            return m[0]
    found: list[str] = []
    for t in texts:
        bare = _WEEKDAY.sub(" ", _PAGE.sub(" ", _DATE.sub(" ", t)))
        found += [m[0] for m in _PAPER_LIKE.finditer(bare) if not _NOT_PAGE_NAME.search(m[0])]
    known = [f for f in found if any(k in f for k in KNOWN_PAPERS)]
    pool = known or found
    return max(pool, key=len) if pool else None


def meta_from_filename(path: str | Path) -> PageMeta:
    stem = Path(path).stem
    meta = PageMeta()
    if m := _FILE.search(stem):
        meta.newspaper = PAPER_CODES.get(m[1].lower())
        meta.date = _valid_date(int(m[2]), int(m[3]), int(m[4]))
        if m[5]:
            meta.page_no = int(m[5])
    return meta


def merge_meta(*metas: PageMeta) -> PageMeta:
    """First non-empty value per field, in the order given (most trusted first)."""
    out = PageMeta()
    for field in ("newspaper", "date", "page_no", "page_name"):
        for m in metas:
            v = getattr(m, field)
            if v not in (None, ""):
                out = replace(out, **{field: v})
                break
    return out


def parse_date_override(value: str) -> str:
    """``--date`` accepts 2024-07-12, 2024/7/12, 20240712 or 2024年7月12日."""
    v = value.strip()
    m = _ISO_DATE.fullmatch(v) or _DATE.fullmatch(v)
    if m is None and re.fullmatch(r"\d{8}", v):
        m = re.fullmatch(r"(\d{4})(\d{2})(\d{2})", v)
    if m is None or (iso := _valid_date(int(m[1]), int(m[2]), int(m[3]))) is None:
        raise ValueError(f"not a date: {value!r} (use YYYY-MM-DD)")
    return iso
