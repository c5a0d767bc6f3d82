"""Locate and register the CJK fonts the page generator draws with, and measure text in them."""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path

from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont

SONG = "PGSong"  # body text: AR PL UMing (a Ming/Song serif)
HEI = "PGHei"  # headlines and kickers: WenQuanYi Zen Hei (a Hei sans)

_FONTS: dict[str, tuple[str, str]] = {
    SONG: ("uming.ttc", "fonts-arphic-uming"),
    HEI: ("wqy-zenhei.ttc", "fonts-wqy-zenhei"),
}
_FONT_DIRS = (Path("/usr/share/fonts"), Path("/usr/local/share/fonts"))


class FontMissingError(RuntimeError):
    """A font the generator needs is not installed."""


def _find(file_name: str, package: str) -> Path:
    for root in _FONT_DIRS:
        if root.is_dir():
            for hit in sorted(root.rglob(file_name)):
                return hit
    raise FontMissingError(
        f"font file {file_name} not found under {', '.join(map(str, _FONT_DIRS))}; "
        f"install the Debian package {package} "
        "(apt-get install fonts-arphic-uming fonts-wqy-zenhei)"
    )


@lru_cache(maxsize=1)
def register_fonts() -> dict[str, Path]:
    """Register both fonts with reportlab once; return where each was found."""
    found: dict[str, Path] = {}
    for name, (file_name, package) in _FONTS.items():
        path = _find(file_name, package)
        # subfont 0 of both collections is the simplified-Chinese face (UMing CN, Zen Hei)
        pdfmetrics.registerFont(TTFont(name, str(path), subfontIndex=0))
        found[name] = path
    return found


def text_width(text: str, font: str, size: float) -> float:
    """Advance width of `text` in points, from the font's real glyph metrics."""
    register_fonts()
    return pdfmetrics.stringWidth(text, font, size)


@lru_cache(maxsize=8)
def ascent(font: str) -> float:
    """Ascent as a fraction of the font size; pdfplumber puts a char's top at baseline - ascent."""
    register_fonts()
    return pdfmetrics.getFont(font).face.ascent / 1000.0
