"""Text-layer quality check: is a page's text layer usable, or does the page need OCR?

Runs on a ``RawPage`` before layout. A page is ``needs_ocr`` when it has no text but has
images (a scan), or when its text is garbled: private-use or replacement characters, glyphs
pdfminer could only name as ``(cid:N)`` (a CID font without a ToUnicode map), mojibake, or
Chinese text made mostly of rare characters (a broken font encoding maps to random code
points, which are rarely in the common GB2312 set).
"""

from __future__ import annotations

from dataclasses import dataclass

from baoku.ingest.pdf_reader import RawPage
from baoku.ingest.records import PageStatus


@dataclass(frozen=True, slots=True)
class QualitySettings:
    min_chars: int = 20  # fewer real chars than this on a page with images → treat as a scan
    max_bad_share: float = 0.05  # private-use/replacement/cid share that marks a layer garbled
    min_common_cjk_share: float = 0.6  # of CJK chars, the share in GB2312 below which it is garbled
    min_cjk_for_common_check: int = 50
    max_mojibake_share: float = 0.3  # Latin-1 supplement letters (¸Ö¹¤) among all chars

    def __post_init__(self) -> None:
        for name in ("max_bad_share", "min_common_cjk_share", "max_mojibake_share"):
            v = getattr(self, name)
            if not 0.0 <= v <= 1.0:
                raise ValueError(f"QualitySettings.{name} must be within 0..1, got {v}")
        if self.min_chars < 0 or self.min_cjk_for_common_check < 1:
            raise ValueError("QualitySettings counts must be positive")


@dataclass(frozen=True, slots=True)
class QualityVerdict:
    status: PageStatus
    reason: str | None = None


def _is_cjk(ch: str) -> bool:
    o = ord(ch)
    return 0x4E00 <= o <= 0x9FFF or 0x3400 <= o <= 0x4DBF or 0x20000 <= o <= 0x2FFFF


def _is_bad(ch: str) -> bool:
    o = ord(ch)
    return ch == "\ufffd" or 0xE000 <= o <= 0xF8FF or 0xF0000 <= o <= 0x10FFFF


def _is_common(ch: str) -> bool:
    try:
        ch.encode("gb2312")
    except UnicodeEncodeError:
        return False
    return True


def check_page(page: RawPage, settings: QualitySettings | None = None) -> QualityVerdict:
    s = settings or QualitySettings()
    texts = [c.text for c in page.chars]
    n = len(texts)
    has_images = bool(page.images) or any(
        b.filled and b.bbox.width * b.bbox.height > 0.25 * page.width * page.height
        for b in page.boxes
    )
    if n == 0:
        if has_images:
            return QualityVerdict(PageStatus.NEEDS_OCR, "no text layer (image-only page)")
        return QualityVerdict(PageStatus.EMPTY, "blank page: no text and no images")
    if n < s.min_chars and has_images:
        return QualityVerdict(PageStatus.NEEDS_OCR, f"almost no text layer ({n} chars) over images")
    joined = "".join(texts)
    bad = sum(1 for ch in joined if _is_bad(ch))
    if bad / len(joined) > s.max_bad_share:
        what = (
            "CID font without ToUnicode map"
            if page.fonts_without_unicode
            else "private-use/replacement characters"
        )
        return QualityVerdict(
            PageStatus.NEEDS_OCR, f"garbled text layer: {bad / len(joined):.0%} {what}"
        )
    mojibake = sum(1 for ch in joined if 0xC0 <= ord(ch) <= 0xFF or 0xA1 <= ord(ch) <= 0xBF)
    if mojibake / len(joined) > s.max_mojibake_share:
        return QualityVerdict(
            PageStatus.NEEDS_OCR,
            f"garbled text layer: {mojibake / len(joined):.0%} mojibake characters",
        )
    cjk = [ch for ch in joined if _is_cjk(ch)]
    if len(cjk) >= s.min_cjk_for_common_check:
        common = sum(1 for ch in cjk if _is_common(ch)) / len(cjk)
        if common < s.min_common_cjk_share:
            return QualityVerdict(
                PageStatus.NEEDS_OCR,
                f"garbled text layer: only {common:.0%} of Chinese characters are common ones",
            )
    return QualityVerdict(PageStatus.OK)
