"""Seeded generator of 工人日报-like broadsheet PDF pages with a gold answer, for tests.

`generate_page(seed, out_dir)` and `generate_issue(seed, out_dir, pages=N)` lay out articles from
the hand-checked corpus split (tests/data/corpus_articles.json) and seeded recombinations of it,
render text-layer PDFs with embedded font subsets, and write `<stem>.gold.json` beside each PDF:
the page's paper, date, page number and grid, and per article its fields, printed paragraphs,
bbox (PDF points, top-left origin as in pdfplumber) and blocks (role, bbox, exact text).
With `scanned=True` an image-only `<stem>.scan.pdf` and `<stem>.scan.jpg` are written too.
"""

from .issue import NEWSPAPERS, IssueResult, PageResult, generate_issue, generate_page

__all__ = ["NEWSPAPERS", "IssueResult", "PageResult", "generate_issue", "generate_page"]
