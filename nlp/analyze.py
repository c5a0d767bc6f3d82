"""Entry points of the NLP stage: article → ``ArticleFacts``, document → ``AnalyzedDocument``.

NLP stage (ingest → **nlp** → search).  ``analyze_article`` runs the spaCy pipeline of
``nlp.pipeline`` over ``article.text`` (paragraphs joined by newlines, the offsets every
record uses) with the headline, kicker and lead as place context, and converts the
components' matches into ``EntityMention``/``FigureRecord``s.  ``analyze_document`` takes each
article's date from its first page's meta.  Ads get no facts; photo items are analyzed like
articles (their caption is their text).  Nothing here raises on odd text: a failure inside an
extractor is logged and that article gets empty facts, so one bad page never stops a batch.
"""

from __future__ import annotations

import logging
from dataclasses import replace
from datetime import date

from spacy.tokens import Doc

from baoku.ingest.records import Article, ArticleType, IngestedDocument
from baoku.nlp.dates import parse_pub_date
from baoku.nlp.pipeline import build_pipeline
from baoku.nlp.places import is_zone, supported
from baoku.nlp.records import (
    AnalyzedDocument,
    ArticleFacts,
    EntityLabel,
    EntityMention,
    FigureRecord,
)

log = logging.getLogger(__name__)

# Longer texts are analyzed in slices at paragraph breaks: spaCy's default max_length guards
# memory, and facts never span paragraphs.
_SLICE = 200_000


def analyze_article(
    article: Article,
    *,
    pub_date: str | None,
    newspaper: str | None = None,
    context: str = "",
    lead_in: str = "",
) -> ArticleFacts:
    """Entities and figures of one article part; offsets index ``article.text``.

    ``context``: more text whose places the article's short names may refer to, e.g. the
    head of an article whose continuation this part is (it names the 区 of 区总工会).
    ``lead_in``: the start of a sentence the previous part broke off (…为职工追 | 回经济损失
    1850万余元): read before the text, so a figure just after the jump gets its whole
    sentence and period; nothing found inside it is kept (it is the other part's)."""
    if article.type == ArticleType.AD:
        return ArticleFacts()
    lead_in = lead_in.replace("\n", "")
    text = lead_in + article.text
    context = " ".join(
        x
        for x in (article.kicker, article.headline, article.subheadline, article.lead, context)
        if x
    )
    facts = ArticleFacts()
    try:
        for offset, para0, chunk in _slices(text):
            _collect(facts, _run(chunk, context, pub_date), offset, para0)
    except Exception:
        log.exception("NLP failed on article %r (%s)", article.headline[:40], newspaper or "?")
        return ArticleFacts()
    if lead_in:
        facts = _without_lead_in(facts, len(lead_in))
    facts.entities.extend(_byline_people(article, article.text))
    return facts


def _without_lead_in(facts: ArticleFacts, n: int) -> ArticleFacts:
    """Facts of the part itself, offsets back on its own text (the lead-in holds no newline,
    so paragraph numbers are unchanged)."""
    entities = [replace(e, start=e.start - n, end=e.end - n) for e in facts.entities]
    figures = [replace(f, start=f.start - n, end=f.end - n) for f in facts.figures]
    return ArticleFacts(
        entities=[e for e in entities if e.start >= 0],
        figures=[f for f in figures if f.start >= 0],
    )


def analyze_document(doc: IngestedDocument) -> AnalyzedDocument:
    """Facts for every article of ``doc``, in the same order as ``doc.articles``."""
    out = AnalyzedDocument(document=doc)
    for article in doc.articles:
        page_index = article.parts[0].page_index if article.parts else None
        page = next((p for p in doc.pages if p.index == page_index), None)
        meta = page.meta if page is not None else None
        out.facts.append(
            analyze_article(
                article,
                pub_date=meta.date if meta else None,
                newspaper=meta.newspaper if meta else None,
            )
        )
    return out


def _slices(text: str) -> list[tuple[int, int, str]]:
    if len(text) <= _SLICE:
        return [(0, 0, text)]
    out: list[tuple[int, int, str]] = []
    start, para = 0, 0
    while start < len(text):
        end = min(len(text), start + _SLICE)
        if end < len(text):
            cut = text.rfind("\n", start, end)
            end = cut if cut > start else end
        out.append((start, para, text[start:end]))
        para += text.count("\n", start, end + 1)
        start = end + 1 if end < len(text) and text[end] == "\n" else end
    return out


def _run(text: str, context: str, pub_date: str | None) -> Doc:
    nlp = build_pipeline()
    doc = nlp.make_doc(text)
    doc._.pub_date = parse_pub_date(pub_date)
    doc._.context_text = context
    for _name, proc in nlp.pipeline:
        doc = proc(doc)
    return doc


# 近日 / 日前 ("recently") name no day: dates.py resolves them to the week before the page
# date so a figure's period has a bound, but they are no DATE mention.
_VAGUE_DATES: frozenset[str] = frozenset({"近日", "日前"})


def _collect(facts: ArticleFacts, doc: Doc, offset: int, para0: int) -> None:
    index = doc._.sentence_index
    ents = facts.entities

    def para(pos: int) -> int:
        return para0 + index.paragraph_of(pos)

    agency_spans = [(a.start, a.end) for a in doc._.agencies]
    ctx = doc._.place_context
    for p in doc._.places:
        if any(a <= p.start and p.end <= b for a, b in agency_spans):
            continue  # the place is part of an agency name; the agency carries its path
        if p.embedded:
            continue  # inside another name (福建工会, 《…》, a prize): context only, no mention
        div = supported(p, ctx.known)
        if div is None and (p.short_only or len(p.text) < 3):
            continue  # 资源/新区 as a bare word with nothing in the article to support it
        if div is not None and is_zone(div):
            continue  # a development zone is context for agencies, not a division
        extra = (
            {"path": div.path} if div else {"candidates": "|".join(c.path for c in p.candidates)}
        )
        canonical = div.path.replace("/", "") if div else p.text
        mention = EntityMention(
            EntityLabel.PLACE,
            p.text,
            canonical,
            div.level if div else None,
            p.start + offset,
            p.end + offset,
            para(p.start),
            extra,
        )
        ents.append(mention)
    for a in doc._.agencies:
        extra = {"path": a.place.path} if a.place else {}
        if not a.resolved:
            extra["unresolved"] = "1"
        mention = EntityMention(
            EntityLabel.AGENCY,
            a.text,
            a.canonical,
            a.kind,
            a.start + offset,
            a.end + offset,
            para(a.start),
            extra,
        )
        ents.append(mention)
    for d in doc._.dates:
        if d.text in _VAGUE_DATES:
            continue  # a week's guess that periods may use, but no date a reader could cite
        ents.append(EntityMention(EntityLabel.DATE, d.text, d.canonical or d.text, d.kind,
                                  d.start + offset, d.end + offset, para(d.start),
                                  _date_extra(d.first, d.last)))  # fmt: skip
    for o in doc._.officials:
        extra = {"title": o.title}
        if o.agency:
            extra["agency"] = o.agency
        mention = EntityMention(
            EntityLabel.PERSON,
            o.name,
            o.name,
            o.kind,  # official with a post, other for people named without one
            o.start + offset,
            o.end + offset,
            para(o.start),
            extra,
        )
        ents.append(mention)
    for m in doc._.initiatives:
        extra = {"head": m.head} if m.head else {}
        mention = EntityMention(
            EntityLabel.INITIATIVE,
            m.text,
            m.key,
            None,
            m.start + offset,
            m.end + offset,
            para(m.start),
            extra,
        )
        ents.append(mention)
    for f in doc._.figures:
        if offset or para0:
            f = _shift(f, offset, para0)
        facts.figures.append(f)


def _date_extra(first: date | None, last: date | None) -> dict[str, str]:
    extra: dict[str, str] = {}
    if first is not None:
        extra["start"] = first.isoformat()
    if last is not None:
        extra["end"] = last.isoformat()
    return extra


def _shift(f: FigureRecord, offset: int, para0: int) -> FigureRecord:
    return replace(f, start=f.start + offset, end=f.end + offset, paragraph=f.paragraph + para0)


def _byline_people(article: Article, text: str) -> list[EntityMention]:
    out: list[EntityMention] = []
    roles = (
        [("reporter", n) for n in article.reporters]
        + [("correspondent", n) for n in article.correspondents]
        + [("photographer", n) for n in article.photographers]
    )
    for kind, name in roles:
        pos = text.find(name) if name else -1
        para = text.count("\n", 0, pos) if pos >= 0 else -1
        end = pos + len(name) if pos >= 0 else -1
        out.append(EntityMention(EntityLabel.PERSON, name, name, kind, pos, end, para,
                                 {"byline": article.byline}))  # fmt: skip
    return out
