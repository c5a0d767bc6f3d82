"""Lay out one story inside a rectangle of the page: headline block, lead box, body columns."""

from __future__ import annotations

import math
from dataclasses import dataclass, field

from .content import Story
from .fonts import HEI, SONG, text_width
from .model import BBox, Block, Drawing, Rect, TextRun, runs_block
from .textflow import Line, break_paragraph, fit_lines


@dataclass(frozen=True)
class Style:
    """Typographic settings of one page."""

    col_w: float
    gutter: float
    body_size: float
    leading: float
    headline_size: float
    fake_bold: bool


@dataclass
class Placed:
    """A story laid out in its module."""

    story: Story
    drawing: Drawing
    blocks: list[Block]
    paragraphs: list[str]  # exactly what was printed, byline and markers excluded
    remainder: list[str] | None = None  # text left for a continuation
    remainder_mid: bool = False  # the remainder starts inside a paragraph
    continues_to: int | None = None
    fake_bold: bool = False
    caption: str = ""
    credit: str = ""
    photographers: list[str] = field(default_factory=list)

    @property
    def bbox(self) -> BBox:
        from .model import union

        return union([b.bbox for b in self.blocks])


class DoesNotFit(Exception):
    """The story cannot be printed in this module (not even its first paragraph)."""


def _centered(
    lines: list[Line],
    font: str,
    size: float,
    x0: float,
    x1: float,
    top: float,
    lead: float,
    fake_bold: bool = False,
) -> tuple[list[TextRun], float]:
    runs = []
    y = top
    for ln in lines:
        y += size * 0.92
        x = x0 + (x1 - x0 - ln.width) / 2
        runs.append(TextRun(ln.text, x, y, font, size, 0.0, fake_bold, ln.width))
        y += lead - size * 0.92
    return runs, y


def _head(
    story: Story, x0: float, x1: float, top: float, st: Style, hsize: float
) -> tuple[Drawing, list[Block], float]:
    """Kicker, headline and subheadline centred over the module; returns the y below them."""
    d = Drawing()
    blocks: list[Block] = []
    y = top
    w = x1 - x0
    if story.kicker:
        ks, lines = fit_lines(story.kicker, HEI, min(14.0, hsize * 0.5), w, 2, 9.0)
        runs, y = _centered(lines, HEI, ks, x0, x1, y, ks * 1.3)
        d.runs += runs
        blocks.append(runs_block("kicker", runs))
        y += 3
    hs, lines = fit_lines(story.headline, HEI, hsize, w, 2, 14.0)
    if len(lines) > 2:
        hs, lines = fit_lines(story.headline, HEI, hs, w, 3, 10.0)
    if len(lines) == 2:  # balance a two-line headline instead of leaving a short orphan
        half = text_width(story.headline, HEI, hs) / 2 + hs
        balanced = break_paragraph(story.headline, HEI, hs, min(w, half), 0.0)
        if len(balanced) == 2:
            lines = balanced
    runs, y = _centered(lines, HEI, hs, x0, x1, y, hs * 1.22, st.fake_bold)
    d.runs += runs
    blocks.append(runs_block("headline", runs))
    if story.subheadline:
        y += 3
        ss, lines = fit_lines(story.subheadline, HEI, min(13.0, hsize * 0.45), w, 2, 9.0)
        runs, y = _centered(lines, HEI, ss, x0, x1, y, ss * 1.3)
        d.runs += runs
        blocks.append(runs_block("subheadline", runs))
    return d, blocks, y + 7


def _wrap_tokens(text: str, font: str, size: float, width: float) -> list[str]:
    """Break a byline at its spaces so names stay whole."""
    out: list[str] = []
    cur = ""
    for tok in text.split(" "):
        cand = f"{cur} {tok}" if cur else tok
        if cur and text_width(cand, font, size) > width:
            out.append(cur)
            cur = tok
        else:
            cur = cand
    out.append(cur)
    final: list[str] = []
    for ln in out:  # a single over-long token still has to fit: break it by chars
        final.extend(x.text for x in break_paragraph(ln, font, size, width, 0.0))
    return final


def _lead_box(
    story: Story, x0: float, x1: float, top: float, st: Style
) -> tuple[Drawing, Block, float]:
    d = Drawing()
    pad = 6.0
    size = st.body_size
    heading = "阅读提示"
    hsize = size + 1.5
    cs = hsize * 0.9  # printed letter-spaced, as on real pages
    hw = text_width(heading, HEI, hsize) + cs * 3
    y = top + pad + hsize * 0.92
    d.runs.append(
        TextRun(
            heading,
            x0 + (x1 - x0 - hw) / 2,
            y,
            HEI,
            hsize,
            cs,
            False,
            text_width(heading, HEI, hsize),
        )
    )
    y += size * 0.6
    lines = break_paragraph(story.lead, SONG, size, x1 - x0 - 2 * pad, 2.0)
    for ln in lines:
        y += st.leading
        d.runs.append(_justified(ln, x0 + pad, y, x1 - x0 - 2 * pad, SONG, size))
    bottom = y + size * 0.3 + pad
    box = (x0, top, x1, bottom)
    d.rects.append(Rect(box, None, 0.8))
    return d, Block("lead_box", box, heading + story.lead), bottom + 8


def _justified(
    ln: Line, x: float, baseline: float, width: float, font: str, size: float
) -> TextRun:
    cs = 0.0
    n = len(ln.text)
    if not ln.last and n > 1:
        cs = (width - ln.indent - ln.width) / (n - 1)
        if cs > size * 0.5:  # a very loose line reads better ragged than stretched
            cs = 0.0
    return TextRun(ln.text, x + ln.indent, baseline, font, size, cs, False, ln.width)


def _para_lines(paras: list[str], st: Style, first_mid: bool) -> list[tuple[int, Line]]:
    out: list[tuple[int, Line]] = []
    for i, p in enumerate(paras):
        ind = 0.0 if (i == 0 and first_mid) else 2.0
        out.extend((i, ln) for ln in break_paragraph(p, SONG, st.body_size, st.col_w, ind))
    return out


def natural_lines(story: Story, st: Style) -> int:
    """How many body lines the whole story needs at this column width."""
    paras = _printed(story, story.paragraphs)
    return len(_para_lines(paras, st, story.starts_mid_paragraph))


def _printed(story: Story, paras: list[str]) -> list[str]:
    # an inline byline is printed at the start of the first paragraph
    if story.inline_byline and story.byline and paras and story.continued_from is None:
        return [story.byline + paras[0], *paras[1:]]
    return list(paras)


def lay_article(
    story: Story,
    box: BBox,
    ncols: int,
    st: Style,
    hsize: float,
    continue_to: int | None = None,
    photo: Story | None = None,
) -> Placed:
    """Lay out an article; with `continue_to` the overflow is carried to that page."""
    x0, top, x1, bottom = box
    d, blocks, y = _head(story, x0, x1, top, st, hsize)
    if story.lead:
        ld, lb, y = _lead_box(story, x0, x1, y, st)
        d.extend(ld)
        blocks.append(lb)
    col_x = [x0 + k * (st.col_w + st.gutter) for k in range(ncols)]
    body_top = y
    cap = int((bottom - body_top - st.body_size * 0.3) // st.leading)
    pre: list[tuple[str, str]] = []  # (role, text) lines at the head of column 1
    if story.continued_from is not None:
        pre.append(("continuation", f"（上接第{story.continued_from}版）"))
    if story.byline and not story.inline_byline and story.continued_from is None:
        for t in _wrap_tokens(story.byline, HEI, st.body_size, st.col_w):
            pre.append(("byline", t))
    lines_all = _para_lines(_printed(story, story.paragraphs), st, story.starts_mid_paragraph)
    first_cap = cap - len(pre)
    if first_cap < 2 or cap < 3:
        raise DoesNotFit(story.key)
    total_cap = first_cap + cap * (ncols - 1)
    remainder: list[str] | None = None
    remainder_mid = False
    if continue_to is not None and len(lines_all) > total_cap - 1:
        printed = lines_all[: total_cap - 1]  # the last slot holds （下转第X版）
        per_col = [first_cap] + [cap] * (ncols - 1)
        per_col[-1] -= 1
        nxt_para, nxt_line = lines_all[len(printed)]
        paras_src = _printed(story, story.paragraphs)
        mid = nxt_line.start > 0
        if nxt_para == 0 and story.inline_byline and nxt_line.start < len(story.byline):
            raise DoesNotFit(story.key)  # a split inside the byline would print half a byline
        rest = paras_src[nxt_para:]
        rest[0] = rest[0][nxt_line.start :]
        remainder = rest
        remainder_mid = mid
    else:
        continue_to = None
        # shorten by whole paragraphs until everything fits
        n_para = len(story.paragraphs)
        while True:
            paras = _printed(story, story.paragraphs[:n_para])
            lines_all = _para_lines(paras, st, story.starts_mid_paragraph)
            if len(lines_all) <= total_cap:
                break
            n_para -= 1
            if n_para == 0:
                raise DoesNotFit(story.key)
        printed = lines_all
        # balance the columns: same number of lines in each (column 1 minus its head lines)
        target = max(math.ceil((len(printed) + len(pre)) / ncols), len(pre) + 1)
        per_col = [target - len(pre)] + [target] * (ncols - 1)
    # flow the printed lines down the columns
    idx = 0
    body_bottom = body_top
    for k in range(ncols):
        y = body_top
        runs: list[TextRun] = []
        head_runs: list[tuple[str, TextRun]] = []
        if k == 0:
            for role, t in pre:
                y += st.leading
                font = SONG if role == "continuation" else HEI
                head_runs.append(
                    (
                        role,
                        TextRun(
                            t,
                            col_x[0],
                            y,
                            font,
                            st.body_size,
                            0.0,
                            False,
                            text_width(t, font, st.body_size),
                        ),
                    )
                )
        for _ in range(per_col[k]):
            if idx >= len(printed):
                break
            y += st.leading
            runs.append(_justified(printed[idx][1], col_x[k], y, st.col_w, SONG, st.body_size))
            idx += 1
        for role, r in head_runs:
            d.runs.append(r)
            blocks.append(runs_block(role, [r]))
        if runs:
            d.runs += runs
            blocks.append(runs_block("body", runs))
        if continue_to is not None and k == ncols - 1:
            t = f"（下转第{continue_to}版）"
            y += st.leading
            w = text_width(t, SONG, st.body_size)
            r = TextRun(t, col_x[k] + st.col_w - w, y, SONG, st.body_size, 0.0, False, w)
            d.runs.append(r)
            blocks.append(runs_block("continuation", [r]))
        body_bottom = max(body_bottom, y)
    # gold paragraphs: the printed slices, without the inline byline
    got: dict[int, str] = {}
    for pi, ln in printed:
        got[pi] = got.get(pi, "") + ln.text
    paragraphs = [got[i] for i in sorted(got)]
    if story.inline_byline and story.continued_from is None and paragraphs:
        paragraphs[0] = paragraphs[0][len(story.byline) :]
    placed = Placed(
        story, d, blocks, paragraphs, remainder, remainder_mid, continue_to, st.fake_bold
    )
    # fill a large leftover at the foot of the module with a photo and its caption
    free = bottom - (body_bottom + st.body_size * 0.3)
    if photo is not None and continue_to is None and free > 110:
        _add_photo(placed, photo, (x0, body_bottom + 10, x1, bottom), st)
    return placed


def _caption_runs(
    photo: Story, x0: float, x1: float, top: float, st: Style
) -> tuple[list[TextRun], float]:
    size = st.body_size - 0.5
    lead = size * 1.4
    runs: list[TextRun] = []
    y = top
    for ln in break_paragraph(photo.caption, SONG, size, x1 - x0, 2.0):
        y += lead
        runs.append(_justified(ln, x0, y, x1 - x0, SONG, size))
    w = text_width(photo.credit, HEI, size)
    if runs and runs[-1].bbox[2] + size + w <= x1:  # credit fits after the last line
        runs.append(TextRun(photo.credit, x1 - w, y, HEI, size, 0.0, False, w))
    else:
        y += lead
        runs.append(TextRun(photo.credit, x1 - w, y, HEI, size, 0.0, False, w))
    return runs, y + size * 0.3


def _add_photo(placed: Placed, photo: Story, box: BBox, st: Style) -> None:
    x0, top, x1, bottom = box
    _, ybot = _caption_runs(photo, x0, x1, 0.0, st)
    cap_h = ybot
    ph = bottom - top - cap_h - 4
    if ph < 60:
        return
    ph = min(ph, (x1 - x0) * 0.75)
    photo_box = (x0, top, x1, top + ph)
    placed.drawing.rects.append(Rect(photo_box, 0.78, 0.0))
    placed.blocks.append(Block("photo_box", photo_box, ""))
    runs, _ = _caption_runs(photo, x0, x1, top + ph + 2, st)
    placed.drawing.runs += runs
    placed.blocks.append(runs_block("caption", runs))
    placed.caption = photo.caption
    placed.credit = photo.credit
    placed.photographers = list(photo.photographers)


def lay_photo(story: Story, box: BBox, st: Style) -> Placed:
    """A standalone photo item: title, gray photo box, caption ending in the credit."""
    x0, top, x1, bottom = box
    d = Drawing()
    blocks: list[Block] = []
    y = top
    if story.headline:
        hs, lines = fit_lines(story.headline, HEI, 15.0, x1 - x0, 2, 10.0)
        runs, y = _centered(lines, HEI, hs, x0, x1, y, hs * 1.25)
        d.runs += runs
        blocks.append(runs_block("headline", runs))
        y += 4
    placed = Placed(story, d, blocks, [], fake_bold=False)
    _, cap_h = _caption_runs(story, x0, x1, 0.0, st)
    ph = min(bottom - y - cap_h - 4, (x1 - x0) * 0.8)
    if ph < 50:
        raise DoesNotFit(story.key)
    _add_photo(placed, story, (x0, y, x1, y + ph + cap_h + 4), st)
    if not placed.caption:
        raise DoesNotFit(story.key)
    return placed


def lay_ad(story: Story, box: BBox) -> Placed:
    """A bordered 公益广告 box with a few large words."""
    x0, top, x1, bottom = box
    d = Drawing()
    label_size = 8.0
    words = story.paragraphs
    inner_w = x1 - x0 - 16
    size = min(28.0, (bottom - top - 30) / (len(words) * 1.5))
    for wd in words:
        size = min(size, inner_w / max(len(wd), 1) * 0.98)
    if size < 10:
        raise DoesNotFit(story.key)
    lw = text_width(story.headline, SONG, label_size)
    d.runs.append(
        TextRun(story.headline, x1 - 6 - lw, bottom - 6, SONG, label_size, 0.0, False, lw)
    )
    y = top + (bottom - top - len(words) * size * 1.5) / 2
    for wd in words:
        y += size * 1.2
        w = text_width(wd, HEI, size)
        d.runs.append(TextRun(wd, x0 + (x1 - x0 - w) / 2, y, HEI, size, 0.0, False, w))
        y += size * 0.3
    d.rects.append(Rect((x0, top, x1, bottom), 0.93, 1.2))
    text = "".join(words) + story.headline
    return Placed(story, d, [Block("ad", (x0, top, x1, bottom), text)], list(words))
