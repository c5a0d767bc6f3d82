"""Which continued parts need their facts made again with their article's head in view (search
stage, the store of record).

An article continued on another page (下转第3版) is stored as parts, each analysed by the NLP
stage on its own, often in different files and batches. The later part says 区总工会 or
西海岸新区总工会 where the head named the place (山东青岛西海岸新区), so alone it cannot resolve
the short names the way the whole article does. Once parts are linked, the batch runner
analyses such a part again with the head's text as context and replaces its facts
(``Store.replace_part_facts``); ``articles.facts_context`` records which head that was, so a
link made, changed or undone by a later file is noticed here, in whatever order files come.
"""

from __future__ import annotations

import json
import re
import sqlite3
from dataclasses import dataclass
from typing import Final

from baoku.ingest.records import Article, ArticleType

# The end of a sentence: its final mark, then any closing quotes or brackets.
_SENTENCE_END: Final = re.compile(r"[。！？!?…][”’」』）)]*")


@dataclass(frozen=True, slots=True)
class ContextTask:
    part: str  # the stored part whose facts are out of date
    head: str | None  # the head part to read it with; None: it now stands alone
    sha256: str  # the file the part is stored from (for Elasticsearch sync)


@dataclass(frozen=True, slots=True)
class StoredPart:
    """A stored part as the NLP stage reads it: its text fields and its issue."""

    article: Article
    date: str | None
    newspaper: str | None

    def as_context(self) -> str:
        """The text another part of the same article is read with."""
        a = self.article
        return "\n".join(x for x in (a.kicker, a.headline, a.subheadline, a.lead, a.text) if x)


def stale_continued_parts(conn: sqlite3.Connection) -> list[ContextTask]:
    """Parts whose facts were made with another context than their whole article's head
    now gives: linked continuations read alone (or with a former head), and parts read with
    a head they no longer follow."""
    linked = conn.execute(
        "SELECT c.to_article, d.head, f.sha256 FROM continuations c "
        "JOIN search_members m ON m.article = c.to_article "
        "JOIN search_docs d ON d.id = m.doc "
        "JOIN articles a ON a.id = c.to_article "
        "JOIN documents f ON f.id = a.document "
        "WHERE d.head <> c.to_article AND a.facts_context IS NOT d.head "
        "ORDER BY c.to_article"
    ).fetchall()
    unlinked = conn.execute(
        "SELECT a.id, f.sha256 FROM articles a JOIN documents f ON f.id = a.document "
        "WHERE a.facts_context IS NOT NULL "
        "AND NOT EXISTS (SELECT 1 FROM continuations c WHERE c.to_article = a.id) "
        "ORDER BY a.id"
    ).fetchall()
    return [ContextTask(str(p), str(h), str(s)) for p, h, s in linked] + [
        ContextTask(str(p), None, str(s)) for p, s in unlinked
    ]


def load_part(conn: sqlite3.Connection, part_id: str) -> StoredPart | None:
    row = conn.execute(
        "SELECT type, headline, kicker, subheadline, byline, reporters, correspondents, "
        "photographers, lead, paragraphs, date, newspaper FROM articles WHERE id = ?",
        (part_id,),
    ).fetchone()
    if row is None:
        return None
    article = Article(
        type=ArticleType(row[0]),
        headline=row[1],
        kicker=row[2],
        subheadline=row[3],
        byline=row[4],
        reporters=json.loads(row[5]),
        correspondents=json.loads(row[6]),
        photographers=json.loads(row[7]),
        lead=row[8],
        paragraphs=json.loads(row[9]),
    )
    return StoredPart(article, row[10], row[11])


def unfinished_sentence(text: str) -> str:
    """The start of a sentence ``text`` breaks off in (a part ending …为职工追 before 下转), or
    "" when it ends a sentence or a paragraph."""
    text = text.rstrip()
    ends = [m.end() for m in _SENTENCE_END.finditer(text)]
    start = max(ends[-1] if ends else 0, text.rfind("\n") + 1)
    return text[start:]


def previous_part(conn: sqlite3.Connection, part_id: str) -> str | None:
    """The part this one continues (上接), if linked."""
    row = conn.execute(
        "SELECT from_article FROM continuations WHERE to_article = ?", (part_id,)
    ).fetchone()
    return str(row[0]) if row else None
