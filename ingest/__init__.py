"""Ingest stage: a PDF or image file becomes pages, layout blocks and articles.

First stage of the flow (ingest → nlp → search). Nothing here imports ``nlp``,
``search``, ``api`` or ``cli``.
"""
