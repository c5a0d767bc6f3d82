"""jieba's dictionary read as data: how often a word occurs in it.

NLP stage (ingest → **nlp** → search).  Places, agencies, people and initiatives ask whether a
run of characters is a dictionary word, and how common, to tell names from ordinary words
(大连 as a word of its own, 劳务 as an industry, 来说 after a name).  jieba loads its
dictionary lazily, so every read goes through here: a module asking first in a fresh process
would otherwise find the dictionary empty.
"""

from __future__ import annotations

import logging

import jieba


def word_freq(word: str) -> int:
    """jieba's count of ``word`` (0 when it is no dictionary word)."""
    if not jieba.dt.initialized:
        jieba.setLogLevel(logging.WARNING)
        jieba.dt.check_initialized()
    return jieba.dt.FREQ.get(word, 0) or 0
