"""Continuation linking in the store of record (search stage): 下转第X版 ↔ 上接第Y版.

A part ending on page p with ``continues_to = q`` and a part starting on page q with
``continued_from = p``, same newspaper and date, belong together. Parts are grouped by
(newspaper, date, p, q); each group is re-solved from scratch whenever one of its members is
saved or replaced, so the result does not depend on ingestion order.
"""

from __future__ import annotations

import re
import sqlite3
import unicodedata
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from rapidfuzz import fuzz

# Only used when a group has several candidates; a lone pair is linked on page numbers alone
# because the continued part often carries no headline at all.
MIN_SCORE = 40.0
# Best pair must beat every rival for either side by this much, or the group is a tie and
# we refuse to guess: a wrong merge corrupts two articles, a missing link loses nothing.
MARGIN = 10.0

GroupKey = tuple[str, str, int, int]  # newspaper, date, from page p, to page q

_MARKER = re.compile(r"[（(]?\s*[上下][接转]\s*第?\s*[0-9０-９一二三四五六七八九十]+\s*版\s*[）)]?")


@dataclass(frozen=True, slots=True)
class Candidate:
    id: str
    headline: str


def normalize_headline(text: str) -> str:
    """Headline without jump markers, punctuation or spaces, for similarity scoring."""
    text = _MARKER.sub("", unicodedata.normalize("NFKC", text))
    return "".join(ch for ch in text if not (ch.isspace() or unicodedata.category(ch)[0] == "P"))


def headline_similarity(a: str, b: str) -> float:
    """0..100; WRatio scores a shortened repeat (共享发展成果 in 让劳动者共享发展成果) high."""
    na, nb = normalize_headline(a), normalize_headline(b)
    if not na or not nb:
        return 0.0
    return float(fuzz.WRatio(na, nb))


def choose_links(
    sources: Sequence[Candidate],
    targets: Sequence[Candidate],
    *,
    min_score: float = MIN_SCORE,
    margin: float = MARGIN,
) -> list[tuple[str, str, float]]:
    """Pairs (source id, target id, score) to link within one group; ambiguous ties are left
    out. Deterministic: ties in iteration order are broken by id, never by insertion order."""
    if not sources or not targets:
        return []
    if len(sources) == 1 and len(targets) == 1:
        s, t = sources[0], targets[0]
        return [] if s.id == t.id else [(s.id, t.id, headline_similarity(s.headline, t.headline))]
    scores = {
        (s.id, t.id): headline_similarity(s.headline, t.headline)
        for s in sources
        for t in targets
        if s.id != t.id
    }
    ranked = sorted(scores.items(), key=lambda kv: (-kv[1], kv[0]))
    done_s: set[str] = set()
    done_t: set[str] = set()
    links: list[tuple[str, str, float]] = []
    changed = True
    # Taking a pair removes its rivals, which can settle another pair: repeat to a fixpoint.
    while changed:
        changed = False
        for (s_id, t_id), score in ranked:
            if score < min_score:
                break
            if s_id in done_s or t_id in done_t:
                continue
            rival = max(
                (
                    v
                    for (s2, t2), v in scores.items()
                    if (s2 == s_id) != (t2 == t_id) and s2 not in done_s and t2 not in done_t
                ),
                default=float("-inf"),
            )
            if score - rival >= margin:
                links.append((s_id, t_id, score))
                done_s.add(s_id)
                done_t.add(t_id)
                changed = True
    return links


def groups_of_document(conn: sqlite3.Connection, document_id: int) -> set[GroupKey]:
    """Every link group one document's articles take part in, as source or as target."""
    groups: set[GroupKey] = set()
    for row in conn.execute(
        "SELECT newspaper, date, last_page_no, continues_to FROM articles "
        "WHERE document = ? AND continues_to IS NOT NULL AND newspaper IS NOT NULL "
        "AND date IS NOT NULL AND last_page_no IS NOT NULL",
        (document_id,),
    ):
        groups.add((row[0], row[1], row[2], row[3]))
    for row in conn.execute(
        "SELECT newspaper, date, continued_from, page_no FROM articles "
        "WHERE document = ? AND continued_from IS NOT NULL AND newspaper IS NOT NULL "
        "AND date IS NOT NULL AND page_no IS NOT NULL",
        (document_id,),
    ):
        groups.add((row[0], row[1], row[2], row[3]))
    return groups


def _would_cycle(conn: sqlite3.Connection, source: str, target: str) -> bool:
    # Garbage page numbers (p→q and q→p) could close a loop; a loop has no head to export
    # from, so its parts would vanish from iter_articles. Refuse such a link.
    row = conn.execute(
        "WITH RECURSIVE chain(id) AS (SELECT ? UNION "
        "SELECT c.to_article FROM continuations c JOIN chain ON c.from_article = chain.id) "
        "SELECT 1 FROM chain WHERE id = ? LIMIT 1",
        (target, source),
    ).fetchone()
    return row is not None


def relink_group(conn: sqlite3.Connection, key: GroupKey) -> int:
    """Drop and re-solve the links of one group; returns the number of links made."""
    newspaper, date, p, q = key
    sources = [
        Candidate(r[0], r[1])
        for r in conn.execute(
            "SELECT id, headline FROM articles WHERE newspaper = ? AND date = ? "
            "AND last_page_no = ? AND continues_to = ? ORDER BY id",
            (newspaper, date, p, q),
        )
    ]
    targets = [
        Candidate(r[0], r[1])
        for r in conn.execute(
            "SELECT id, headline FROM articles WHERE newspaper = ? AND date = ? "
            "AND page_no = ? AND continued_from = ? ORDER BY id",
            (newspaper, date, q, p),
        )
    ]
    conn.executemany("DELETE FROM continuations WHERE from_article = ?", [(s.id,) for s in sources])
    conn.executemany("DELETE FROM continuations WHERE to_article = ?", [(t.id,) for t in targets])
    made = 0
    for s_id, t_id, score in choose_links(sources, targets):
        if _would_cycle(conn, s_id, t_id):
            continue
        conn.execute(
            "INSERT INTO continuations (from_article, to_article, score) VALUES (?, ?, ?)",
            (s_id, t_id, score),
        )
        made += 1
    return made


def relink(conn: sqlite3.Connection, groups: Iterable[GroupKey]) -> int:
    """Re-solve several groups (sorted, so the outcome does not depend on set order)."""
    return sum(relink_group(conn, key) for key in sorted(groups))
