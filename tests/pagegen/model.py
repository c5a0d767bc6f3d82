"""Drawing primitives and gold records of a laid-out page (top-left origin, PDF points)."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from .fonts import ascent

BBox = tuple[float, float, float, float]  # x0, top, x1, bottom


@dataclass(frozen=True)
class TextRun:
    """One line of text drawn at a baseline; `char_space` justifies it."""

    text: str
    x: float
    baseline: float
    font: str
    size: float
    char_space: float = 0.0
    fake_bold: bool = False
    width: float = 0.0  # natural advance width without char_space

    @property
    def bbox(self) -> BBox:
        top = self.baseline - ascent(self.font) * self.size
        extra = self.char_space * max(len(self.text) - 1, 0)
        return (self.x, top, self.x + self.width + extra, top + self.size)


@dataclass(frozen=True)
class Rect:
    """A rectangle: gray fill for photo boxes, stroke for boxes around leads and ads."""

    bbox: BBox
    fill_gray: float | None = None
    stroke_width: float = 0.0


@dataclass(frozen=True)
class Rule:
    """A straight rule line."""

    x0: float
    y0: float
    x1: float
    y1: float
    width: float = 0.5


@dataclass
class Block:
    """A gold block: what a reader sees printed inside `bbox`."""

    role: str
    bbox: BBox
    text: str

    def as_dict(self) -> dict[str, Any]:
        return {"role": self.role, "bbox": [round(v, 2) for v in self.bbox], "text": self.text}


@dataclass
class Drawing:
    """Everything drawn on a page."""

    runs: list[TextRun] = field(default_factory=list)
    rects: list[Rect] = field(default_factory=list)
    rules: list[Rule] = field(default_factory=list)

    def extend(self, other: Drawing) -> None:
        self.runs.extend(other.runs)
        self.rects.extend(other.rects)
        self.rules.extend(other.rules)


def union(boxes: list[BBox]) -> BBox:
    """Smallest box holding all `boxes`."""
    return (
        min(b[0] for b in boxes),
        min(b[1] for b in boxes),
        max(b[2] for b in boxes),
        max(b[3] for b in boxes),
    )


def runs_block(role: str, runs: list[TextRun]) -> Block:
    """The gold block covering `runs` (deduplicating nothing: fake bold is one run)."""
    return Block(role, union([r.bbox for r in runs]), "".join(r.text for r in runs))
