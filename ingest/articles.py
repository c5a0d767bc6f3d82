"""Blocks → articles: which blocks belong to which headline, in reading order, as clean text.

Fifth step of ingest (layout → **articles**). Each title cluster anchors an article. A block
belongs to whatever sits directly above it in its column (an anchor, or a block whose owner is
known, or a photo and its caption), so ownership flows down columns; a block with a rule or
nothing above it takes the owner of its neighbour at the same height (text resuming beside a
photo), and blocks with no owner at all form headline-less articles (e.g. the top of a page
continued from another). Captions and ads become items of their own, never article text.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from baoku.ingest.byline import parse_byline, parse_photo_credit, split_lead_byline
from baoku.ingest.layout import PageLayout
from baoku.ingest.markers import Continuation, strip_continuations
from baoku.ingest.records import (
    Article,
    ArticlePart,
    ArticleType,
    BBox,
    Block,
    BlockRole,
    TextLine,
    TextSource,
)
from baoku.ingest.textclean import clean_heading, clean_text, collapse_spaced, join_lines

_MEMBER_ROLES = (
    BlockRole.BODY,
    BlockRole.BYLINE,
    BlockRole.LEAD_BOX,
    BlockRole.CONTINUATION,
    BlockRole.CAPTION,
)


@dataclass(slots=True)
class _Elem:
    bbox: BBox
    block: int | None  # index into layout.blocks; None for a photo box
    owner: tuple[str, int] | None = None


def _vrule_between(
    left: BBox, right: BBox, vrules: Sequence[BBox], top: float, bottom: float
) -> bool:
    for r in vrules:
        x = (r.x0 + r.x1) / 2
        if left.x1 - 1 <= x <= right.x0 + 1 and r.top < bottom and r.bottom > top:
            return True
    return False


def _above(upper: BBox, lower: BBox, tol: float, share: float) -> bool:
    """``upper`` ends above ``lower`` and shares enough of its width to be in its column."""
    if upper.bottom > lower.top + tol:
        return False
    return upper.h_overlap(lower) >= share * min(upper.width, lower.width)


def _nearest_above(
    box: BBox, anchors: Sequence[BBox], done: Sequence[_Elem], hrules: Sequence[BBox], tol: float
) -> tuple[float, str, int] | None:
    """What sits directly above ``box`` in its column: (its bottom, kind, index)."""
    found: list[tuple[float, str, int]] = []
    found += [(a.bottom, "anchor", i) for i, a in enumerate(anchors) if _above(a, box, tol, 0.3)]
    found += [
        (d.bbox.bottom, "elem", i) for i, d in enumerate(done) if _above(d.bbox, box, tol, 0.3)
    ]
    found += [
        (r.bottom, "rule", 0)
        for r in hrules
        if r.bottom <= box.top + tol and r.h_overlap(box) >= 0.5 * box.width
    ]
    return max(found, key=lambda t: t[0]) if found else None


def _assign_owners(layout: PageLayout) -> tuple[list[_Elem], list[BBox]]:
    blocks = layout.blocks
    body = layout.body_size
    anchors = [BBox.enclosing([blocks[i].bbox for i in cl]) for cl in layout.titles]
    elems = [_Elem(b.bbox, i) for i, b in enumerate(blocks) if b.role in _MEMBER_ROLES]
    elems += [_Elem(p, None) for p in layout.photos]
    elems.sort(key=lambda e: (e.bbox.top, e.bbox.x0))
    tol = 0.5 * body
    done: list[_Elem] = []
    for e in elems:
        best = _nearest_above(e.bbox, anchors, done, layout.hrules, tol)
        if best is not None and best[1] == "anchor":
            e.owner = ("A", best[2])
        elif best is not None and best[1] == "elem":
            e.owner = done[best[2]].owner
        done.append(e)
    # Blocks under a rule or a photo with no owner: take the owner of the nearest neighbour at
    # the same height (left first, as text reads left to right), unless a vertical rule divides.
    for e in elems:
        if e.owner is not None:
            continue
        band = BBox(e.bbox.x0, e.bbox.top, e.bbox.x1, e.bbox.top + 3 * body)
        for side in ("left", "right"):
            cands = []
            for d in elems:
                if d is e or d.owner is None or d.bbox.v_overlap(band) <= 0:
                    continue
                if side == "left" and d.bbox.x1 <= e.bbox.x0 + tol:
                    left, right = d.bbox, e.bbox
                elif side == "right" and d.bbox.x0 >= e.bbox.x1 - tol:
                    left, right = e.bbox, d.bbox
                else:
                    continue
                if not _vrule_between(left, right, layout.vrules, band.top, band.bottom):
                    cands.append((right.x0 - left.x1, d))
            if cands:
                gap, d = min(cands, key=lambda t: t[0])
                if gap < 4 * max(e.bbox.width, 12 * body):
                    e.owner = d.owner
                    break
    # Still unowned: headline-less articles, one per chain of blocks stacked in a column.
    orphan_id = 0
    for e in elems:
        if e.owner is None:
            e.owner = ("O", orphan_id)
            orphan_id += 1
            for d in elems:
                if (
                    d.owner is None
                    and d.bbox.top >= e.bbox.bottom - tol
                    and d.bbox.h_overlap(e.bbox) > 0
                ):
                    d.owner = e.owner
    return elems, anchors


def _column_edges(lines: Sequence[TextLine], tol: float) -> list[tuple[float, float]]:
    """Left/right edges of the columns an article's body lines sit in."""
    cols: list[list[float]] = []  # [left, right]
    for ln in sorted(lines, key=lambda ln: ln.bbox.x0):
        for c in cols:
            if abs(ln.bbox.x0 - c[0]) <= tol or (c[0] <= ln.bbox.x0 <= c[1] - tol):
                c[0] = min(c[0], ln.bbox.x0)
                c[1] = max(c[1], ln.bbox.x1)
                break
        else:
            cols.append([ln.bbox.x0, ln.bbox.x1])
    return [(c[0], c[1]) for c in cols]


def _column_of(ln: TextLine, cols: Sequence[tuple[float, float]]) -> tuple[float, float]:
    return max(cols, key=lambda c: ln.bbox.h_overlap(BBox(c[0], 0, c[1], 0)))


def _paragraphs(blocks: Sequence[Block], body: float) -> tuple[list[list[str]], list[BBox], bool]:
    """Body lines → paragraphs (lists of visual lines) with the box of each paragraph's first
    column piece (its provenance on the page); also whether the first line continues a
    paragraph (no first-line indent)."""
    lines = [ln for b in blocks for ln in b.lines]
    if not lines:
        return [], [], False
    cols = _column_edges(lines, 2.6 * body)
    paras: list[list[str]] = []
    boxes: list[BBox] = []
    first_continues = False
    for k, ln in enumerate(lines):
        left, _ = _column_of(ln, cols)
        indented = ln.bbox.x0 - left >= 1.2 * ln.size
        if k == 0 or indented:
            if k == 0:
                first_continues = not indented
            paras.append([ln.text])
            boxes.append(ln.bbox)
        else:
            paras[-1].append(ln.text)
            if ln.bbox.top >= boxes[-1].top:  # same column piece: grow the box downwards
                boxes[-1] = boxes[-1].union(ln.bbox)
    return paras, boxes, first_continues


def _clean(lines: Sequence[str]) -> str:
    return clean_text(collapse_spaced(join_lines(lines)))


def _reading_order(blocks: list[Block], body: float) -> list[Block]:
    """Columns left to right, each top to bottom (Chinese horizontal layout)."""
    cols: list[float] = []
    for b in sorted(blocks, key=lambda b: b.bbox.x0):
        if not cols or b.bbox.x0 - cols[-1] > 3 * body:
            cols.append(b.bbox.x0)

    def col(b: Block) -> int:
        return max(i for i, x in enumerate(cols) if x <= b.bbox.x0 + 3 * body)

    return sorted(blocks, key=lambda b: (col(b), b.bbox.top))


def build_articles(
    layout: PageLayout, page_index: int, page_no: int | None, source: TextSource
) -> list[Article]:
    blocks = layout.blocks
    body = layout.body_size
    elems, _anchors = _assign_owners(layout)
    members: dict[tuple[str, int], list[int]] = {}
    captions: list[int] = []
    for e in elems:
        if e.block is None or e.owner is None:
            continue
        if blocks[e.block].role == BlockRole.CAPTION:
            captions.append(e.block)
        else:
            members.setdefault(e.owner, []).append(e.block)
    articles: list[Article] = []
    owners = [("A", i) for i in range(len(layout.titles))] + sorted(
        k for k in members if k[0] == "O"
    )
    for owner in owners:
        title_idx = layout.titles[owner[1]] if owner[0] == "A" else []
        art = _assemble(
            [blocks[i] for i in title_idx],
            [blocks[i] for i in members.get(owner, [])],
            body,
            page_index,
            page_no,
            source,
        )
        if art is not None:
            articles.append(art)
    for ci in sorted(captions, key=lambda i: (blocks[i].bbox.top, blocks[i].bbox.x0)):
        title = _photo_title(layout, blocks[ci])
        articles.append(_photo_item(blocks[ci], title, page_index, page_no, source))
    articles.extend(_ad_items(layout, page_index, page_no, source))
    return articles


def _assemble(
    titles: list[Block],
    members: list[Block],
    body: float,
    page_index: int,
    page_no: int | None,
    source: TextSource,
) -> Article | None:
    art = Article(type=ArticleType.ARTICLE, text_source=source)
    for b in titles:
        # Titles keep the space between their word groups (到基层蹲点 在一线“淬火”).
        text = clean_heading(join_lines([ln.text.strip() for ln in b.lines]))
        if b.role == BlockRole.KICKER:
            art.kicker = f"{art.kicker} {text}".strip() if art.kicker else text
        elif b.role == BlockRole.HEADLINE:
            art.headline = text
        else:
            art.subheadline = f"{art.subheadline} {text}".strip() if art.subheadline else text
    ordered = _reading_order(members, body)
    body_blocks: list[Block] = []
    bylines: list[str] = []
    for b in ordered:
        if b.role == BlockRole.BYLINE:
            # Names are told apart by the gaps between them, so keep the spaced form.
            bylines.append(" ".join(ln.text.strip() for ln in b.lines))
        elif b.role == BlockRole.LEAD_BOX:
            text = _clean([ln.text for ln in b.lines])
            text = text.removeprefix("阅读提示").strip()
            art.lead = f"{art.lead}{text}" if art.lead else text
        elif b.role == BlockRole.CONTINUATION:
            _, marks = strip_continuations(b.text)
            _apply_marks(art, marks)
        else:
            body_blocks.append(b)
    paras, para_boxes, first_continues = _paragraphs(body_blocks, body)
    cleaned: list[str] = []
    sources: list[tuple[int, BBox]] = []
    for p, box in zip(paras, para_boxes, strict=True):
        text, marks = strip_continuations(_clean(p))
        _apply_marks(art, marks)
        if text.strip():
            cleaned.append(text.strip())
            sources.append((page_index, box))
    if bylines:
        raw = " ".join(bylines)
        parsed = parse_byline(raw)
        art.byline = " ".join(raw.split())
        if parsed is not None:
            art.reporters = list(parsed.reporters)
            art.correspondents = list(parsed.correspondents)
    elif cleaned:
        lead_byline, rest = split_lead_byline(cleaned[0])
        if lead_byline is not None:
            art.byline = lead_byline.raw
            art.reporters = list(lead_byline.reporters)
            art.correspondents = list(lead_byline.correspondents)
            cleaned[0] = rest.strip()
            if not cleaned[0]:
                cleaned.pop(0)
                sources.pop(0)
    art.paragraphs = cleaned
    art.paragraph_sources = sources
    art.starts_mid_paragraph = bool(body_blocks) and first_continues and not titles
    if art.continued_from is not None and first_continues:
        art.starts_mid_paragraph = True
    if not art.paragraphs and not art.lead:
        return None
    boxes = [b.bbox for b in titles + members]
    art.parts = [ArticlePart(page_index, page_no, boxes)]
    return art


def _apply_marks(art: Article, marks: Sequence[Continuation]) -> None:
    for m in marks:
        if m.direction == "to":
            art.continues_to = m.page
        else:
            art.continued_from = m.page


def _photo_title(layout: PageLayout, caption: Block) -> list[Block]:
    """The title printed over the photo this caption sits under (or over), if any."""
    body = layout.body_size
    for pi, p in enumerate(layout.photos):
        near = (
            -1 <= caption.bbox.top - p.bottom <= 3 * body
            or -1 <= p.top - caption.bbox.bottom <= 2 * body
        )
        if (
            near
            and p.h_overlap(caption.bbox) > 0.5 * caption.bbox.width
            and pi in layout.photo_titles
        ):
            return [layout.blocks[i] for i in layout.photo_titles[pi]]
    return []


def _photo_item(
    block: Block, title: list[Block], page_index: int, page_no: int | None, source: TextSource
) -> Article:
    caption, photographers = parse_photo_credit(" ".join(ln.text.strip() for ln in block.lines))
    text = _clean([caption])
    credit = " ".join(ln.text.strip() for ln in block.lines)[len(caption) :]
    art = Article(type=ArticleType.PHOTO, text_source=source)
    art.headline = "".join(_clean([ln.text for ln in b.lines]) for b in title)
    art.paragraphs = [text] if text else []
    art.photographers = list(photographers)
    if photographers:
        art.byline = " ".join(credit.split())
    art.parts = [ArticlePart(page_index, page_no, [b.bbox for b in title] + [block.bbox])]
    return art


def _ad_items(
    layout: PageLayout, page_index: int, page_no: int | None, source: TextSource
) -> list[Article]:
    out: list[Article] = []
    for box in layout.ad_boxes:
        inside = [
            b
            for b in layout.blocks
            if b.role == BlockRole.AD
            and b.bbox.x0 >= box.x0 - 2
            and b.bbox.x1 <= box.x1 + 2
            and b.bbox.top >= box.top - 2
            and b.bbox.bottom <= box.bottom + 2
        ]
        if not inside:
            continue
        inside.sort(key=lambda b: (b.bbox.top, b.bbox.x0))
        biggest = max(inside, key=lambda b: max(ln.size for ln in b.lines))
        art = Article(type=ArticleType.AD, text_source=source)
        art.headline = _clean([ln.text for ln in biggest.lines])
        art.paragraphs = [_clean([ln.text for ln in b.lines]) for b in inside if b is not biggest]
        art.parts = [ArticlePart(page_index, page_no, [box])]
        out.append(art)
    return out
