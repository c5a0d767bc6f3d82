"""Gold answers of generated pages, assembled into whole articles for the ingest benchmarks.

The page generator (``tests.pagegen``) writes one ``<stem>.gold.json`` per page, with one entry
per article *part*; this module joins the parts of each article across pages the way a reader
would, so benchmarks compare whole articles with what the store returns.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

_WS = re.compile(r"\s+")


def squash(text: str) -> str:
    """Whitespace removed: the form in which benchmark texts are compared."""
    return _WS.sub("", text)


@dataclass(slots=True)
class GoldArticle:
    article_id: str
    newspaper: str
    date: str
    headline: str
    pages: list[int]
    paragraphs: list[str]
    captions: list[str] = field(default_factory=list)

    @property
    def text(self) -> str:
        return "".join(self.paragraphs)


@dataclass(slots=True)
class GoldSet:
    pages: int
    articles: list[GoldArticle]
    captions: list[str]  # every photo caption text printed (without credits)
    ads: int


def _join_parts(parts: list[dict[str, Any]]) -> list[str]:
    paras: list[str] = []
    for part in parts:
        ps = list(part.get("paragraphs") or [])
        if part.get("starts_mid_paragraph") and paras and ps:
            paras[-1] += ps.pop(0)
        paras.extend(ps)
    return paras


def load_gold(folder: Path) -> GoldSet:
    by_id: dict[str, list[tuple[int, dict[str, Any], dict[str, Any]]]] = {}
    captions: list[str] = []
    ads = 0
    files = sorted(folder.glob("*.gold.json"))
    for f in files:
        page = json.loads(f.read_text(encoding="utf-8"))
        for art in page["articles"]:
            kind = art.get("type", "article")
            if kind == "photo":
                if art.get("caption"):
                    captions.append(art["caption"])
                continue
            if kind == "ad":
                ads += 1
                continue
            key = f"{page['newspaper']}|{page['date']}|{art.get('article_id') or art['key']}"
            by_id.setdefault(key, []).append((int(page["page_no"]), page, art))
    articles: list[GoldArticle] = []
    for key, parts in by_id.items():
        parts.sort(key=lambda t: t[0])
        head = next((a for _, _, a in parts if not a.get("continued_from")), parts[0][2])
        page0 = parts[0][1]
        articles.append(
            GoldArticle(
                article_id=key,
                newspaper=page0["newspaper"],
                date=page0["date"],
                headline=head.get("headline", ""),
                pages=[p for p, _, _ in parts],
                paragraphs=_join_parts([a for _, _, a in parts]),
            )
        )
    return GoldSet(pages=len(files), articles=articles, captions=captions, ads=ads)
