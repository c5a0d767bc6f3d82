"""Compose one broadsheet page: header strip, bands of article modules, rules, footer, gold."""

from __future__ import annotations

import random
from dataclasses import dataclass, field, replace
from datetime import date
from typing import Any

from .content import Story, StorySupply
from .fonts import HEI, SONG, text_width
from .model import Block, Drawing, Rule, TextRun, runs_block
from .module import DoesNotFit, Placed, Style, lay_ad, lay_article, lay_photo, natural_lines

WEEKDAYS = "一二三四五六日"
PAGE_NAMES = ["新闻", "评论", "法治", "地方", "经济", "社会", "文化", "综合", "职工生活", "工会"]
EDITORS = ["张宁", "王芳", "刘洋", "陈静", "杨光", "赵敏", "黄涛", "周洁"]


@dataclass(frozen=True)
class PageSpec:
    """What a page is: paper, date, page number and name, size and grid."""

    newspaper: str
    code: str
    day: date
    page_no: int
    page_name: str
    width: float
    height: float
    columns: int
    margin: float
    style: Style


@dataclass
class Continuation:
    """The rest of an article that page `from_page` sent on to page `to_page`."""

    story: Story
    from_page: int
    to_page: int


@dataclass
class PageLayout:
    """A composed page: what to draw and its gold answer."""

    spec: PageSpec
    drawing: Drawing
    placed: list[Placed]
    furniture: list[Block]
    outgoing: list[Continuation] = field(default_factory=list)


def date_text(d: date) -> str:
    return f"{d.year}年{d.month}月{d.day}日 星期{WEEKDAYS[d.weekday()]}"


def make_spec(
    rng: random.Random, newspaper: str, code: str, day: date, page_no: int, page_name: str
) -> PageSpec:
    """Seeded page geometry: broadsheet size varied a little, 5-8 columns."""
    width = round(842 + rng.uniform(-6, 6), 1)
    height = round(1191 + rng.uniform(-8, 8), 1)
    margin = round(rng.uniform(32, 40), 1)
    columns = rng.randint(5, 8)
    gutter = round(rng.uniform(9, 12), 1)
    col_w = (width - 2 * margin - (columns - 1) * gutter) / columns
    body = rng.choice([9.0, 9.5, 10.0])
    style = Style(
        col_w=col_w,
        gutter=gutter,
        body_size=body,
        leading=round(body * 1.42, 2),
        headline_size=rng.uniform(20, 28),
        fake_bold=False,
    )
    return PageSpec(newspaper, code, day, page_no, page_name, width, height, columns, margin, style)


def _header(spec: PageSpec) -> tuple[Drawing, list[Block], float]:
    d = Drawing()
    blocks: list[Block] = []
    m, w = spec.margin, spec.width
    y = m

    def put(text: str, x: float, base: float, font: str, size: float, role: str) -> TextRun:
        r = TextRun(text, x, base, font, size, 0.0, False, text_width(text, font, size))
        d.runs.append(r)
        blocks.append(runs_block(role, [r]))
        return r

    if spec.page_no == 1:
        put(spec.newspaper, m, y + 44, HEI, 48.0, "header")
        right = [
            date_text(spec.day),
            f"第{spec.page_no}版 {spec.page_name}",
            f"国内统一连续出版物号 CN11-{sum(map(ord, spec.newspaper)) % 9000 + 1000:04d}",
        ]
        base = y + 12
        for t in right:
            put(t, w - m - text_width(t, SONG, 9.5), base, SONG, 9.5, "header")
            base += 16
        y += 60
    else:
        base = y + 16
        put(date_text(spec.day), m, base, SONG, 9.5, "header")
        name = spec.page_name
        put(name, (w - text_width(name, HEI, 18.0)) / 2, base + 2, HEI, 18.0, "header")
        right = f"第{spec.page_no}版 {spec.newspaper}"
        put(right, w - m - text_width(right, SONG, 9.5), base, SONG, 9.5, "header")
        y += 26
    d.rules.append(Rule(m, y, w - m, y, 2.0))
    d.rules.append(Rule(m, y + 3, w - m, y + 3, 0.5))
    return d, blocks, y + 12


def _footer(rng: random.Random, spec: PageSpec) -> tuple[Drawing, list[Block], float]:
    d = Drawing()
    m, w, h = spec.margin, spec.width, spec.height
    t = f"本版编辑：{rng.choice(EDITORS)}  校对：{rng.choice(EDITORS)}  美编：{rng.choice(EDITORS)}"
    base = h - m + 2
    r = TextRun(t, m, base, SONG, 8.0, 0.0, False, text_width(t, SONG, 8.0))
    d.runs.append(r)
    d.rules.append(Rule(m, base - 11, w - m, base - 11, 0.5))
    return d, [runs_block("footer", [r])], base - 16


def _partition(rng: random.Random, n: int) -> list[int]:
    spans: list[int] = []
    rem = n
    while rem > 0:
        if 2 <= rem <= 5 and (rem <= 3 or rng.random() < 0.3):
            spans.append(rem)
            break
        s = rng.randint(2, min(5, rem - 2))
        spans.append(s)
        rem -= s
    return spans


def _choose(cands: list[Story], st: Style, cap: int, want_overflow: bool) -> list[Story]:
    """Order candidates by how well they fill `cap` lines (or overflow it, for continuations)."""
    scored = [(natural_lines(s, st), i, s) for i, s in enumerate(cands)]
    if want_overflow:
        over = [t for t in scored if t[0] > cap * 1.25]
        return [s for _, _, s in sorted(over, key=lambda t: (-t[0], t[1]))]
    fill = sorted([t for t in scored if t[0] >= cap * 0.85], key=lambda t: (t[0], t[1]))
    short = sorted([t for t in scored if t[0] < cap * 0.85], key=lambda t: (-t[0], t[1]))
    return [s for _, _, s in fill + short]


def compose(
    rng: random.Random,
    spec: PageSpec,
    supply: StorySupply,
    incoming: list[Continuation],
    send_to: list[int],
    allow_ad: bool,
) -> PageLayout:
    """Lay out the page; `send_to` lists pages this page should continue articles onto."""
    drawing = Drawing()
    hd, furniture, content_top = _header(spec)
    drawing.extend(hd)
    content_bottom = spec.height - spec.margin
    if rng.random() < 0.6:
        fd, fb, content_bottom = _footer(rng, spec)
        drawing.extend(fd)
        furniture += fb
    st = spec.style
    n_bands = rng.choice([2, 3, 3, 4])
    weights = [rng.uniform(0.8, 1.3) for _ in range(n_bands)]
    if spec.page_no == 1:
        weights[0] *= 1.3
    gap = 14.0
    avail = content_bottom - content_top - gap * (n_bands - 1)
    heights = [avail * w / sum(weights) for w in weights]
    pending = sorted(incoming, key=lambda c: c.from_page)
    outgoing: list[Continuation] = []
    sends = list(send_to)
    placed_all: list[Placed] = []
    ad_done = not allow_ad
    y = content_top
    for b, bh in enumerate(heights):
        spans = _partition(rng, spec.columns)
        if b == 0 and spec.page_no == 1 and len(spans) > 1:
            spans.sort(reverse=True)  # the lead story takes the widest module
        x = spec.margin
        order = sorted(range(len(spans)), key=lambda i: -spans[i])
        kinds: dict[int, str | Continuation] = {}
        for i in order:
            if pending and spans[i] >= 2:
                kinds[i] = pending.pop(0)
            elif (
                len(sends) > sum(k == "send" for k in kinds.values())
                and spans[i] >= 2
                and b < n_bands - 1
            ):
                kinds[i] = "send"
            elif not ad_done and spans[i] <= 3 and b == n_bands - 1 and rng.random() < 0.5:
                kinds[i] = "ad"
                ad_done = True
            elif spans[i] <= 3 and rng.random() < 0.2:
                kinds[i] = "photo"
            else:
                kinds[i] = "article"
        xs = []
        for s in spans:
            w = s * st.col_w + (s - 1) * st.gutter
            xs.append((x, x + w))
            x += w + st.gutter
        for i, s in enumerate(spans):
            big = spec.page_no == 1 and b == 0 and i == 0
            top = y
            kind: str | Continuation = kinds[i]
            # keep filling the module downwards while a useful amount of room is left
            while y + bh - top >= 110:
                box = (xs[i][0], top, xs[i][1], y + bh)
                hsize = rng.uniform(30, 36) if big else min(st.headline_size + s, 28.0)
                if top > y:
                    hsize = min(hsize, 20.0)
                st_i = replace(st, fake_bold=rng.random() < 0.25)
                placed = _fill(rng, kind, box, s, st_i, hsize, supply, sends, outgoing, spec)
                if placed is None:
                    break
                placed_all.append(placed)
                top = placed.bbox[3] + 12
                if y + bh - top >= 110:
                    drawing.rules.append(Rule(xs[i][0], top - 6, xs[i][1], top - 6, 0.5))
                kind = "photo" if rng.random() < 0.2 else "article"
                big = False
            if i < len(spans) - 1:
                gx = xs[i][1] + st.gutter / 2
                drawing.rules.append(Rule(gx, y + 2, gx, y + bh - 2, 0.5))
        y += bh
        if b < n_bands - 1:
            drawing.rules.append(
                Rule(spec.margin, y + gap / 2, spec.width - spec.margin, y + gap / 2, 0.6)
            )
        y += gap
    if pending:
        raise RuntimeError(f"page {spec.page_no}: no room for continued articles")
    for p in placed_all:
        drawing.extend(p.drawing)
    return PageLayout(spec, drawing, placed_all, furniture, outgoing)


def _fill(
    rng: random.Random,
    kind: str | Continuation,
    box: tuple[float, float, float, float],
    span: int,
    st: Style,
    hsize: float,
    supply: StorySupply,
    sends: list[int],
    outgoing: list[Continuation],
    spec: PageSpec,
) -> Placed | None:
    if isinstance(kind, Continuation):
        cont = kind
        return lay_article(
            cont.story,
            box,
            span,
            st,
            hsize,
            photo=supply.inline_photo() if rng.random() < 0.5 else None,
        )
    if kind == "ad":
        try:
            h = min(box[3] - box[1] - 8, (box[2] - box[0]) * rng.uniform(0.6, 0.9))
            return lay_ad(supply.ad(), (box[0], box[1] + 4, box[2], box[1] + 4 + h))
        except DoesNotFit:
            kind = "article"
    if kind == "photo":
        try:
            return lay_photo(supply.photo(), box, st)
        except DoesNotFit:
            kind = "article"
    est_cap = int((box[3] - box[1] - hsize * 2.6 - 30) // st.leading) * span
    cands = supply.candidates(10)
    want = kind == "send" and bool(sends)
    order = _choose(cands, st, est_cap, want)
    if want and not order:
        order = _choose(cands, st, est_cap, False)
        want = False
    for story in order:
        try:
            if want:
                target = sends[0]
                placed = lay_article(story, box, span, st, hsize, continue_to=target)
                if placed.continues_to is None:
                    continue
            else:
                photo = supply.inline_photo() if rng.random() < 0.7 else None
                placed = lay_article(story, box, span, st, hsize, photo=photo)
        except DoesNotFit:
            continue
        story = supply.take(story)
        placed.story = story
        if placed.continues_to is not None and placed.remainder is not None:
            sends.pop(0)
            short = (
                story.headline
                if len(story.headline) <= 14 or rng.random() < 0.5
                else story.headline[: max(6, len(story.headline) // 2)]
            )
            part = replace(
                story,
                key=f"{story.article_id}-p{placed.continues_to}",
                kicker="",
                subheadline="",
                lead="",
                headline=short,
                paragraphs=placed.remainder,
                starts_mid_paragraph=placed.remainder_mid,
                continued_from=spec.page_no,
            )
            outgoing.append(Continuation(part, spec.page_no, placed.continues_to))
        return placed
    return None


def gold(layout: PageLayout, seed: int, file_name: str) -> dict[str, Any]:
    """The page's gold answer (see the package docstring for the format)."""
    spec = layout.spec
    arts = []
    for p in layout.placed:
        s = p.story
        arts.append(
            {
                "key": s.key,
                "type": s.type,
                "kicker": s.kicker if s.type == "article" else "",
                "headline": s.headline if s.type != "ad" else "",
                "subheadline": s.subheadline,
                "byline": s.byline if s.continued_from is None else "",
                "reporters": s.reporters if s.continued_from is None else [],
                "correspondents": s.correspondents if s.continued_from is None else [],
                "lead": s.lead,
                "paragraphs": p.paragraphs,
                "caption": p.caption,
                "credit": p.credit,
                "photographers": p.photographers,
                "fake_bold": p.fake_bold and s.type == "article",
                "bbox": [round(v, 2) for v in p.bbox],
                "blocks": [b.as_dict() for b in p.blocks],
                "continues_to": p.continues_to,
                "continued_from": s.continued_from,
                "article_id": s.article_id,
                "starts_mid_paragraph": s.starts_mid_paragraph,
            }
        )
    return {
        "file": file_name,
        "seed": seed,
        "newspaper": spec.newspaper,
        "date": spec.day.isoformat(),
        "page_no": spec.page_no,
        "page_name": spec.page_name,
        "width": spec.width,
        "height": spec.height,
        "columns": spec.columns,
        "furniture": [b.as_dict() for b in layout.furniture],
        "articles": arts,
    }
