"""Lines → blocks with roles: the page's layout analysis.

Fourth step of ingest (lines → **layout** → articles). Lines stacked in one column with a
regular leading become a block; blocks get a role from size relative to the page's body size,
from what surrounds them (rules, gray photo boxes, bordered boxes, the header strip) and from
their text (bylines, 下转/上接 markers, photo credits). Title lines stacked together form a
title cluster whose largest line is the headline, with the kicker above and the subheadline
below it, so headlines are found by size and weight rather than by position.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, field

from baoku.ingest.byline import is_byline_line, parse_photo_credit
from baoku.ingest.markers import parse_continuation
from baoku.ingest.pdf_reader import RawPage, RawRect
from baoku.ingest.records import BBox, Block, BlockRole, TextLine


@dataclass(frozen=True, slots=True)
class LayoutSettings:
    title_ratio: float = 1.25  # lines this much larger than body text are title lines
    line_gap: float = 0.95  # × size: widest gap between two lines of one block
    header_band: float = 0.16  # share of page height searched for the header rule
    footer_band: float = 0.06
    min_photo: float = 24.0  # points: smaller gray boxes are decoration

    def __post_init__(self) -> None:
        if self.title_ratio <= 1 or self.line_gap <= 0:
            raise ValueError("LayoutSettings: title_ratio must be > 1 and line_gap > 0")
        if not 0 < self.header_band < 0.5 or not 0 <= self.footer_band < 0.5:
            raise ValueError("LayoutSettings: header_band and footer_band are page-height shares")


@dataclass(slots=True)
class PageLayout:
    """Blocks with roles plus the page furniture the article step needs."""

    blocks: list[Block]
    body_size: float
    photos: list[BBox] = field(default_factory=list)
    hrules: list[BBox] = field(default_factory=list)
    vrules: list[BBox] = field(default_factory=list)
    header_bottom: float = 0.0
    footer_top: float = 0.0
    # Title clusters: indices into ``blocks`` of one article's kicker/headline/subheadline.
    titles: list[list[int]] = field(default_factory=list)
    # Title clusters printed over a photo (index into ``photos`` → block indices): the
    # picture's own title, not an article's headline.
    photo_titles: dict[int, list[int]] = field(default_factory=dict)
    lead_boxes: list[BBox] = field(default_factory=list)
    ad_boxes: list[BBox] = field(default_factory=list)


def body_font_size(lines: Sequence[TextLine]) -> float:
    """The size most characters on the page are set in."""
    weights: Counter[float] = Counter()
    for ln in lines:
        weights[round(ln.size * 2) / 2] += len(ln.text)
    return weights.most_common(1)[0][0] if weights else 10.0


def _inside(inner: BBox, outer: BBox, tol: float = 2.0) -> bool:
    return (
        inner.x0 >= outer.x0 - tol
        and inner.x1 <= outer.x1 + tol
        and inner.top >= outer.top - tol
        and inner.bottom <= outer.bottom + tol
    )


def _rule_between(upper: BBox, lower: BBox, hrules: Sequence[BBox]) -> bool:
    """A horizontal rule crossing the gap between two vertically stacked boxes."""
    lo, hi = upper.bottom - 1, lower.top + 1
    span = BBox(max(upper.x0, lower.x0), 0, min(upper.x1, lower.x1), 0)
    for r in hrules:
        mid = (r.top + r.bottom) / 2
        if lo <= mid <= hi and r.h_overlap(span) > 0.5 * max(span.width, 1.0):
            return True
    return False


def _header_bottom(page: RawPage, lines: Sequence[TextLine], s: LayoutSettings) -> float:
    band = page.height * s.header_band
    wide = [r for r in page.hrules if r.width >= 0.6 * page.width and r.bottom <= band]
    if wide:
        return max(r.bottom for r in wide)
    return 0.0


def _footer_top(page: RawPage, s: LayoutSettings) -> float:
    band = page.height * (1 - s.footer_band)
    wide = [r for r in page.hrules if r.width >= 0.6 * page.width and r.top >= band]
    return min((r.top for r in wide), default=page.height)


def _photo_boxes(page: RawPage, lines: Sequence[TextLine], s: LayoutSettings) -> list[BBox]:
    """Pictures: embedded images, and filled boxes with no text inside (a tinted box with
    text in it is a frame around a lead or a boxed item, not a photo)."""
    out = [im for im in page.images if im.width >= s.min_photo and im.height >= s.min_photo]
    for r in page.boxes:
        if not r.filled or r.bbox.width < s.min_photo or r.bbox.height < s.min_photo:
            continue
        if r.gray is not None and r.gray >= 0.97:
            continue  # white fill: a frame's background
        if any(_inside(ln.bbox, r.bbox) for ln in lines):
            continue
        out.append(r.bbox)
    return out


def _frames(page: RawPage, photos: Sequence[BBox]) -> list[RawRect]:
    """Bordered or tinted boxes that are not photos: a lead box, an ad or a boxed item."""
    return [r for r in page.boxes if (r.stroked or r.filled) and r.bbox not in photos]


def _group_lines(
    lines: Sequence[TextLine], hrules: Sequence[BBox], containers: Sequence[BBox], s: LayoutSettings
) -> list[list[TextLine]]:
    """Stack lines into column blocks: same size, overlapping horizontally, regular leading."""

    def container_of(b: BBox) -> int:
        for i, c in enumerate(containers):
            if _inside(b, c):
                return i
        return -1

    groups: list[list[TextLine]] = []
    group_box: list[BBox] = []
    group_container: list[int] = []
    open_idx: list[int] = []
    for ln in sorted(lines, key=lambda ln: (ln.bbox.top, ln.bbox.x0)):
        cont = container_of(ln.bbox)
        best = -1
        best_gap = 1e9
        still_open: list[int] = []
        for gi in open_idx:
            last = groups[gi][-1]
            gap = ln.bbox.top - last.bbox.bottom
            if gap > 3 * max(ln.size, last.size):
                continue  # too far above: this group can never grow again
            still_open.append(gi)
            # A change of weight at one size starts a new block: bylines, intertitles and
            # photo credits are set bold against the body face.
            if (
                abs(ln.size - last.size) > 0.6
                or ln.bold != last.bold
                or group_container[gi] != cont
            ):
                continue
            if gap > s.line_gap * ln.size or gap < -0.3 * ln.size:
                continue
            box = group_box[gi]
            overlap = ln.bbox.h_overlap(box)
            if overlap < 0.5 * min(ln.bbox.width, box.width):
                continue
            if _rule_between(last.bbox, ln.bbox, hrules):
                continue
            if gap < best_gap:
                best, best_gap = gi, gap
        open_idx = still_open
        if best >= 0:
            groups[best].append(ln)
            group_box[best] = group_box[best].union(ln.bbox)
        else:
            groups.append([ln])
            group_box.append(ln.bbox)
            group_container.append(cont)
            open_idx.append(len(groups) - 1)
    return groups


_CONTINUATION_ONLY = re.compile(r"^[（(]?\s*(?:下转|上接|紧转|转)\s*第?\s*\S{1,3}\s*版\s*[）)]?$")
_AD_WORDS = ("广告", "公益广告", "讲文明树新风")


def analyze_page(
    page: RawPage, lines: Sequence[TextLine], settings: LayoutSettings | None = None
) -> PageLayout:
    s = settings or LayoutSettings()
    body = body_font_size(lines)
    header_bottom = _header_bottom(page, lines, s)
    footer_top = _footer_top(page, s)
    photos = _photo_boxes(page, lines, s)
    frames = _frames(page, photos)
    frame_boxes = [f.bbox for f in frames]

    header_lines = [ln for ln in lines if ln.bbox.bottom <= header_bottom + 1]
    footer_lines = [ln for ln in lines if ln.bbox.top >= footer_top - 1]
    content = [
        ln
        for ln in lines
        if ln.bbox.bottom > header_bottom + 1
        and ln.bbox.top < footer_top - 1
        and not any(_inside(ln.bbox, p) for p in photos)
    ]
    blocks: list[Block] = []
    if header_lines:
        blocks.append(_block(BlockRole.HEADER, header_lines, page.index))
    if footer_lines:
        blocks.append(_block(BlockRole.FOOTER, footer_lines, page.index))

    groups = _group_lines(content, page.hrules, frame_boxes, s)
    lead_boxes: list[BBox] = []
    ad_boxes: list[BBox] = []
    framed: dict[int, list[int]] = {}
    for gi, g in enumerate(groups):
        box = BBox.enclosing([ln.bbox for ln in g])
        for fi, f in enumerate(frame_boxes):
            if _inside(box, f):
                framed.setdefault(fi, []).append(gi)
                break
    frame_role: dict[int, BlockRole] = {}
    for fi, gis in framed.items():
        text = "".join(ln.text for gi in gis for ln in groups[gi]).replace(" ", "")
        big = sum(
            len(ln.text) for gi in gis for ln in groups[gi] if ln.size >= body * s.title_ratio
        )
        total = sum(len(ln.text) for gi in gis for ln in groups[gi])
        if "阅读提示" in text or "导读" in text[:6]:
            frame_role[fi] = BlockRole.LEAD_BOX
            lead_boxes.append(frame_boxes[fi])
        elif any(w in text for w in _AD_WORDS) or (total and big / total > 0.6 and total < 80):
            frame_role[fi] = BlockRole.AD
            ad_boxes.append(frame_boxes[fi])
    role_of_group: dict[int, BlockRole] = {}
    for fi, role in frame_role.items():
        for gi in framed[fi]:
            role_of_group[gi] = role

    for gi, g in enumerate(groups):
        role = role_of_group.get(gi) or _role(g, body, photos, s)
        blocks.append(_block(role, g, page.index))
    _attach_credits(blocks, body)
    titles = _title_clusters(blocks, page.hrules)
    photo_titles = _photo_titles(blocks, titles, photos, body)
    titles = [cl for cl in titles if not any(cl == pt for pt in photo_titles.values())]
    _mark_bylines(blocks, titles, body)
    return PageLayout(
        blocks=blocks,
        body_size=body,
        photos=photos,
        hrules=list(page.hrules),
        vrules=list(page.vrules),
        header_bottom=header_bottom,
        footer_top=footer_top,
        titles=titles,
        photo_titles=photo_titles,
        lead_boxes=lead_boxes,
        ad_boxes=ad_boxes,
    )


def _block(role: BlockRole, lines: list[TextLine], page_index: int) -> Block:
    return Block(role, lines, BBox.enclosing([ln.bbox for ln in lines]), page_index)


def _role(
    group: list[TextLine], body: float, photos: Sequence[BBox], s: LayoutSettings
) -> BlockRole:
    size = max(ln.size for ln in group)
    text = "".join(ln.text for ln in group)
    box = BBox.enclosing([ln.bbox for ln in group])
    if _CONTINUATION_ONLY.match(text.replace(" ", "")) and parse_continuation(text):
        return BlockRole.CONTINUATION
    if size >= body * s.title_ratio:
        return BlockRole.HEADLINE  # refined into kicker/subheadline by title clustering
    for p in photos:
        # Captions sit under the picture; a short one may sit over it. Long text ending just
        # above a picture is an article's column, not a caption.
        below = 0 <= box.top - p.bottom <= 2.5 * body and len(group) <= 20
        credited = text.rstrip("）) ").endswith("摄")
        above = 0 <= p.top - box.bottom <= 1.5 * body and len(group) <= 3 and credited
        if (below or above) and box.h_overlap(p) >= 0.6 * box.width:
            return BlockRole.CAPTION
    if len(group) <= 3 and len(text) <= 60 and size < body * 1.08 and is_byline_line(text):
        return BlockRole.BYLINE
    bold_share = sum(len(ln.text) for ln in group if ln.bold) / max(1, len(text))
    if size >= body * 1.08 or (bold_share > 0.8 and len(group) <= 3 and len(text) <= 80):
        return BlockRole.SUBHEADLINE  # a title line near body size; clustering decides
    _, credits = parse_photo_credit(text)
    if credits and len(text) < 200 and text.rstrip("）) ").endswith("摄"):
        return BlockRole.CAPTION
    return BlockRole.BODY


def _title_clusters(blocks: list[Block], hrules: Sequence[BBox]) -> list[list[int]]:
    """Stack title blocks (HEADLINE/SUBHEADLINE candidates) that touch vertically into clusters.

    In each cluster the largest block is the headline, those above it kickers, those below it
    subheadlines. A body-size bold line alone is an intertitle inside an article: body text.
    """
    cand = [
        i for i, b in enumerate(blocks) if b.role in (BlockRole.HEADLINE, BlockRole.SUBHEADLINE)
    ]
    cand.sort(key=lambda i: blocks[i].bbox.top)
    clusters: list[list[int]] = []
    for i in cand:
        b = blocks[i]
        size = max(ln.size for ln in b.lines)
        joined = False
        for cl in clusters:
            last = blocks[cl[-1]]
            gap = b.bbox.top - last.bbox.bottom
            if (
                -1 <= gap <= 1.6 * size
                and b.bbox.h_overlap(BBox.enclosing([blocks[j].bbox for j in cl])) > 0
                and not _rule_between(last.bbox, b.bbox, hrules)
            ):
                cl.append(i)
                joined = True
                break
        if not joined:
            clusters.append([i])
    out: list[list[int]] = []
    for cl in clusters:
        sizes = [max(ln.size for ln in blocks[i].lines) for i in cl]
        head_pos = max(range(len(cl)), key=lambda k: (sizes[k], -k))
        if all(blocks[i].role == BlockRole.SUBHEADLINE for i in cl) and len(cl) == 1:
            blocks[cl[0]].role = BlockRole.BODY
            continue
        for k, i in enumerate(cl):
            if k < head_pos:
                blocks[i].role = BlockRole.KICKER
            elif k == head_pos:
                blocks[i].role = BlockRole.HEADLINE
            else:
                blocks[i].role = BlockRole.SUBHEADLINE
        out.append(cl)
    return out


def _mark_bylines(blocks: list[Block], titles: list[list[int]], body: float) -> None:
    """A short body block right under a title cluster that reads like a byline is one."""
    for cl in titles:
        tbox = BBox.enclosing([blocks[i].bbox for i in cl])
        for b in blocks:
            if b.role != BlockRole.BODY or len(b.lines) > 3:
                continue
            near = 0 <= b.bbox.top - tbox.bottom <= 2.5 * body and b.bbox.h_overlap(tbox) > 0
            if near and is_byline_line(b.text):
                b.role = BlockRole.BYLINE


def _attach_credits(blocks: list[Block], body: float) -> None:
    """A credit line (…摄) set apart under a caption belongs to that caption."""
    captions = [b for b in blocks if b.role == BlockRole.CAPTION]
    for b in blocks:
        if b.role not in (BlockRole.BODY, BlockRole.CAPTION, BlockRole.BYLINE):
            continue
        if len(b.lines) > 2 or not b.text.rstrip("）) ").endswith("摄"):
            continue
        for c in captions:
            if c is b:
                continue
            gap = b.bbox.top - c.bbox.bottom
            if -0.5 * body <= gap <= 1.2 * body and b.bbox.h_overlap(c.bbox) > 0:
                c.lines.extend(b.lines)
                c.bbox = c.bbox.union(b.bbox)
                b.lines = []  # consumed: dropped below
                break
    blocks[:] = [b for b in blocks if b.lines]


def _photo_titles(
    blocks: list[Block], titles: list[list[int]], photos: Sequence[BBox], body: float
) -> dict[int, list[int]]:
    """Title clusters sitting right on top of a photo box, keyed by the photo's index."""
    out: dict[int, list[int]] = {}
    for cl in titles:
        box = BBox.enclosing([blocks[i].bbox for i in cl])
        for pi, p in enumerate(photos):
            gap = p.top - box.bottom
            if -1 <= gap <= 2 * body and box.h_overlap(p) >= 0.8 * box.width and pi not in out:
                out[pi] = cl
                break
    return out
