"""Draw a laid-out page into a PDF with reportlab, byte-stable (invariant mode)."""

from __future__ import annotations

from pathlib import Path

from reportlab import rl_config
from reportlab.pdfgen import canvas

from .fonts import register_fonts
from .model import Drawing

FAKE_BOLD_OFFSET = 0.3  # pt; the second pass is what makes extractors duplicate headline chars


def render_pdf(drawing: Drawing, width: float, height: float, path: Path, title: str) -> None:
    """Write `drawing` as a one-page PDF with embedded font subsets."""
    register_fonts()
    rl_config.invariant = 1  # fixed timestamps and ids: same input, same bytes
    c = canvas.Canvas(str(path), pagesize=(width, height), invariant=1, pageCompression=1)
    c.setTitle(title)
    c.setAuthor("baoku tests.pagegen")
    for rect in drawing.rects:
        x0, top, x1, bottom = rect.bbox
        if rect.fill_gray is not None:
            c.setFillGray(rect.fill_gray)
        c.setLineWidth(rect.stroke_width or 0.1)
        c.rect(
            x0,
            height - bottom,
            x1 - x0,
            bottom - top,
            stroke=1 if rect.stroke_width else 0,
            fill=1 if rect.fill_gray is not None else 0,
        )
    c.setFillGray(0)
    c.setStrokeGray(0)
    for rule in drawing.rules:
        c.setLineWidth(rule.width)
        c.line(rule.x0, height - rule.y0, rule.x1, height - rule.y1)
    for run in drawing.runs:
        passes = (0.0, FAKE_BOLD_OFFSET) if run.fake_bold else (0.0,)
        for dx in passes:
            t = c.beginText(run.x + dx, height - run.baseline)
            t.setFont(run.font, run.size)
            t.setCharSpace(run.char_space)
            t.textOut(run.text)
            c.drawText(t)
    c.showPage()
    c.save()
