"""The spaCy pipeline of the NLP stage: every component is registered here, in one place.

NLP stage (ingest → **nlp** → search).  ``build_pipeline`` returns ``spacy.blank("zh")`` with
the jieba segmenter and the baoku components, cached per process (batch workers call it once).
Each component is a plain class with keyword-only settings; it reads ``doc.text``, runs one
extractor module (places, agencies, dates, people, initiatives, figures) and writes typed
matches to a ``Doc._`` extension plus a span group (``doc.spans["AGENCY"]`` …, each span's
``kb_id_`` holding the canonical form) for spaCy-native consumers and displaCy.

The extractors work on characters, not tokens: jieba's cuts cross name boundaries
(区人社局 → 区人 | 社局 in some contexts), so token-based matchers would miss names the
character grammar finds.  Tokens still give the span groups their boundaries.
"""

from __future__ import annotations

import logging
from functools import cache
from typing import Any

import numpy
import spacy
from spacy.attrs import SENT_START
from spacy.language import Language
from spacy.tokens import Doc

from baoku.nlp.agencies import PlaceContext, find_agencies
from baoku.nlp.dates import find_dates
from baoku.nlp.figures import build_figures
from baoku.nlp.initiatives import find_initiatives
from baoku.nlp.people import find_officials
from baoku.nlp.places import find_places
from baoku.nlp.quantities import find_quantities
from baoku.nlp.sentences import SentenceIndex

_EXTENSIONS: dict[str, Any] = {
    "pub_date": None,  # datetime.date the relative dates resolve against
    "context_text": "",  # headline/kicker/lead: names the place 区法院 refers to
    "sentence_index": None,
    "places": None,
    "place_context": None,
    "agencies": None,
    "dates": None,
    "officials": None,
    "initiatives": None,
    "figures": None,
}
for _name, _default in _EXTENSIONS.items():
    if not Doc.has_extension(_name):
        Doc.set_extension(_name, default=_default)


def _text(doc: Doc) -> str:
    """The doc's text, built once: spaCy's ``Doc.text`` joins every token on each access, and
    every component reads it."""
    text = doc.user_data.get("baoku_text")
    if text is None:
        text = doc.user_data["baoku_text"] = doc.text
    return text


def _spans(doc: Doc, group: str, items: list[tuple[int, int, str]]) -> None:
    spans = []
    for start, end, kb in items:
        span = doc.char_span(start, end, label=group, kb_id=kb, alignment_mode="expand")
        if span is not None:
            spans.append(span)
    doc.spans[group] = spans


class SentenceComponent:
    def __init__(self, *, set_token_starts: bool = True) -> None:
        self.set_token_starts = set_token_starts

    def __call__(self, doc: Doc) -> Doc:
        index = SentenceIndex(_text(doc))
        doc._.sentence_index = index
        if self.set_token_starts and len(doc):
            starts = {s.start for s in index.sentences}
            # One array write: setting token.is_sent_start one by one is quadratic in spaCy.
            flags = numpy.array(
                [[1 if tok.i == 0 or tok.idx in starts else -1] for tok in doc], dtype="int64"
            ).astype("uint64")  # spaCy's own arrays hold -1 wrapped to uint64
            doc.from_array([SENT_START], flags)
        return doc


class PlaceComponent:
    def __init__(self, *, span_group: str = "PLACE") -> None:
        self.span_group = span_group

    def __call__(self, doc: Doc) -> Doc:
        places = find_places(_text(doc))
        doc._.places = places
        doc._.place_context = PlaceContext.from_places(places + find_places(doc._.context_text))
        _spans(doc, self.span_group, [(p.start, p.end, p.division.path if p.division else "")
                                      for p in places])  # fmt: skip
        return doc


class AgencyComponent:
    def __init__(self, *, span_group: str = "AGENCY") -> None:
        self.span_group = span_group

    def __call__(self, doc: Doc) -> Doc:
        ctx = doc._.place_context or PlaceContext()
        places = doc._.places if doc._.places is not None else find_places(_text(doc))
        doc._.agencies = find_agencies(_text(doc), places, ctx)
        _spans(doc, self.span_group, [(a.start, a.end, a.canonical) for a in doc._.agencies])
        return doc


class DateComponent:
    def __init__(self, *, span_group: str = "DATE") -> None:
        self.span_group = span_group

    def __call__(self, doc: Doc) -> Doc:
        doc._.dates = find_dates(_text(doc), doc._.pub_date)
        _spans(doc, self.span_group, [(d.start, d.end, d.canonical) for d in doc._.dates])
        return doc


class PeopleComponent:
    def __init__(self, *, span_group: str = "PERSON") -> None:
        self.span_group = span_group

    def __call__(self, doc: Doc) -> Doc:
        doc._.officials = find_officials(_text(doc), doc._.agencies or [])
        _spans(doc, self.span_group, [(o.start, o.end, o.name) for o in doc._.officials])
        return doc


class InitiativeComponent:
    def __init__(self, *, span_group: str = "INITIATIVE") -> None:
        self.span_group = span_group

    def __call__(self, doc: Doc) -> Doc:
        doc._.initiatives = find_initiatives(_text(doc))
        _spans(doc, self.span_group, [(m.start, m.end, m.key) for m in doc._.initiatives])
        return doc


class FigureComponent:
    def __init__(self, *, span_group: str = "FIGURE") -> None:
        self.span_group = span_group

    def __call__(self, doc: Doc) -> Doc:
        index = doc._.sentence_index or SentenceIndex(_text(doc))
        doc._.figures = build_figures(
            _text(doc),
            find_quantities(_text(doc)),
            index,
            doc._.agencies or [],
            doc._.dates or [],
            doc._.pub_date,
        )
        _spans(doc, self.span_group, [(f.start, f.end, f.type.value) for f in doc._.figures])
        return doc


# The one place components are registered.  spaCy reads each factory's signature to
# validate the settings, so every factory spells its settings out.
@Language.factory("baoku_sentences", default_config={"set_token_starts": True})
def make_sentences(nlp: Language, name: str, set_token_starts: bool) -> SentenceComponent:
    return SentenceComponent(set_token_starts=set_token_starts)


@Language.factory("baoku_places", default_config={"span_group": "PLACE"})
def make_places(nlp: Language, name: str, span_group: str) -> PlaceComponent:
    return PlaceComponent(span_group=span_group)


@Language.factory("baoku_agencies", default_config={"span_group": "AGENCY"})
def make_agencies(nlp: Language, name: str, span_group: str) -> AgencyComponent:
    return AgencyComponent(span_group=span_group)


@Language.factory("baoku_dates", default_config={"span_group": "DATE"})
def make_dates(nlp: Language, name: str, span_group: str) -> DateComponent:
    return DateComponent(span_group=span_group)


@Language.factory("baoku_people", default_config={"span_group": "PERSON"})
def make_people(nlp: Language, name: str, span_group: str) -> PeopleComponent:
    return PeopleComponent(span_group=span_group)


@Language.factory("baoku_initiatives", default_config={"span_group": "INITIATIVE"})
def make_initiatives(nlp: Language, name: str, span_group: str) -> InitiativeComponent:
    return InitiativeComponent(span_group=span_group)


@Language.factory("baoku_figures", default_config={"span_group": "FIGURE"})
def make_figures(nlp: Language, name: str, span_group: str) -> FigureComponent:
    return FigureComponent(span_group=span_group)


# Order matters: agencies need places, people need agencies, figures need all of them.
COMPONENTS: tuple[str, ...] = (
    "baoku_sentences", "baoku_places", "baoku_agencies", "baoku_dates",
    "baoku_people", "baoku_initiatives", "baoku_figures",
)  # fmt: skip


@cache
def build_pipeline() -> Language:
    """``spacy.blank("zh")`` + jieba + the baoku components; one instance per process."""
    import jieba

    jieba.setLogLevel(logging.WARNING)
    nlp = spacy.blank("zh", config={"nlp": {"tokenizer": {"segmenter": "jieba"}}})
    for name in COMPONENTS:
        nlp.add_pipe(name)
    return nlp
