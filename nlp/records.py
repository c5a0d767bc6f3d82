"""Typed records the NLP stage hands to the search stage: entity mentions and figure records.

Offsets are character offsets into the article part's text (``"\\n".join(paragraphs)``), so a
mention can be highlighted in the stored text and traced to the paragraph's block on the page.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from enum import StrEnum

from baoku.ingest.records import IngestedDocument


class EntityLabel(StrEnum):
    AGENCY = "AGENCY"
    PLACE = "PLACE"
    PERSON = "PERSON"
    INITIATIVE = "INITIATIVE"
    DATE = "DATE"


class FigureType(StrEnum):
    MONEY = "money"
    CASES = "cases"
    PEOPLE = "people"
    PERCENT = "percent"
    COUNT = "count"


@dataclass(frozen=True, slots=True)
class EntityMention:
    label: EntityLabel
    text: str  # surface form as printed
    canonical: str  # resolved full name / normalized key (e.g. 上海市奉贤区总工会, 2024-07-12)
    # AGENCY: union|court|procuratorate|government|party|institution|company|association;
    # PLACE: province|city|district|county; PERSON: reporter|correspondent|official;
    # DATE: day|month|year
    kind: str | None
    start: int
    end: int
    paragraph: int  # index into the part's paragraphs
    extra: dict[str, str] = field(default_factory=dict)  # e.g. PERSON title, PLACE parent chain


@dataclass(frozen=True, slots=True)
class FigureRecord:
    type: FigureType
    text: str  # surface, e.g. 24万余元
    value: float  # normalized value (lower bound for 余/多/超/逾)
    value_max: float | None  # upper end of a range
    qualifier: str  # exact|over|under|approx|range
    unit: str  # 元, %, 件, 名, ...
    measure: str | None  # what is counted: 法律援助案件, 经济损失, 调解成功率 ...
    agency: str | None  # canonical name of who the sentence credits
    period_text: str | None  # 2023年, 今年1月~7月, 截至今年9月 ...
    period_start: str | None  # ISO date
    period_end: str | None  # ISO date
    start: int
    end: int
    paragraph: int
    sentence: str  # the sentence it was found in, for people checking it


@dataclass(slots=True)
class ArticleFacts:
    """What the NLP stage found in one article part (same order as the document's articles)."""

    entities: list[EntityMention] = field(default_factory=list)
    figures: list[FigureRecord] = field(default_factory=list)


@dataclass(slots=True)
class AnalyzedDocument:
    """An ingested document plus the facts of each article (``facts[i]`` ↔ ``articles[i]``)."""

    document: IngestedDocument
    facts: list[ArticleFacts] = field(default_factory=list)
