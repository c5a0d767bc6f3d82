"""baoku (报库): union newspaper pages in, clean articles, facts and search out.

The flow runs one way: ``ingest`` (PDF/image → pages → blocks → articles) → ``nlp``
(articles → entities and figure records) → ``search`` (SQLite store of record, FTS and
Elasticsearch). ``cli`` and ``api`` call into those packages, never the reverse.
"""

__version__ = "0.1.0"
