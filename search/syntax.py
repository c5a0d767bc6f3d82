"""User query syntax: what a reader types in the search box, parsed into a small typed AST.

Search stage (ingest → nlp → **search**). ``parse`` is the only door from user text to a
backend: ``fts_compile`` and ``es_compile`` turn its AST into FTS5 MATCH strings and
Elasticsearch query DSL, so nothing a user types ever reaches a query parser raw.

The syntax (docs/search.md has examples):

* words separated by spaces are ANDed: ``工会 欠薪``;
* a word is matched as contiguous text: ``欠薪`` never matches 欠…薪, ``covid-19`` is the
  phrase covid 1 9 (punctuation inside a word is dropped, not an operator);
* ``"…"``, ``“…”``, ``「…」``, ``『…』`` quote a phrase, spaces included; an unclosed quote
  runs to the end of the query;
* ``OR`` (uppercase, standing alone) between two words or phrases means either; it binds
  tighter than the implicit AND (``工会 欠薪 OR 讨薪`` is 工会 AND (欠薪 OR 讨薪));
* ``AND`` (uppercase, standing alone) is what a space already means: ``工会 AND 法院``;
* ``-word`` / ``-"phrase"`` excludes, and so does ``NOT word`` (uppercase, standing alone);
  a ``-`` with nothing after it is ignored.

An operator with nothing to apply to is ignored: ``欠薪 OR`` is ``欠薪``, and so are an ``OR``
next to an exclusion, a doubled ``OR``/``AND`` and a trailing ``NOT``; a query of operators
only holds nothing searchable. The full-width forms (``ＯＲ``, ``ＡＮＤ``, ``ＮＯＴ``) are
operators too; lower-case ``or``/``and``/``not`` are words. Everything else is plain text:
``NEAR``, ``*``, ``^``, ``:``, parentheses, ``headline:``. ``parse`` never raises for those;
it returns ``None`` when nothing searchable is left (empty, only punctuation). A query of only
exclusions has no meaning on its own (it would list the whole archive), so it raises
``QuerySyntaxError`` with a message telling the reader what to type instead.
"""

from __future__ import annotations

import unicodedata
from dataclasses import dataclass
from typing import Final

from baoku.search.cjk import phrase_tokens

# Opening quote → the quotes that close it. A plain " also closes the typographic ones,
# because input methods and copy-paste mix them freely.
_QUOTES: Final[dict[str, str]] = {
    '"': '"',
    "“": '”"',
    "「": "」",
    "『": "』",
}

# Full-width forms of the operator characters, as Chinese input methods type them. Only these
# are narrowed here: the rest of the text is normalised by cjk.phrase_tokens, which must see
# the original ，。 to keep clause boundaries.
_OPERATOR_FORMS: Final = str.maketrans({"－": "-", "﹣": "-", "＂": '"'})

MAX_QUERY_CHARS: Final = 1000


class QuerySyntaxError(ValueError):
    """The query cannot be searched as typed; ``str(error)`` is meant for the reader."""


@dataclass(frozen=True, slots=True)
class Term:
    """A bare word as typed; matches its index tokens contiguously (欠薪 is 欠 then 薪)."""

    text: str
    tokens: tuple[str, ...]

    def __post_init__(self) -> None:
        if not self.tokens or any(not t or " " in t for t in self.tokens):
            raise ValueError(f"Term needs non-empty tokens without spaces: {self.tokens!r}")


@dataclass(frozen=True, slots=True)
class Phrase:
    """A quoted phrase; matches its index tokens contiguously, across the typed spaces."""

    text: str
    tokens: tuple[str, ...]

    def __post_init__(self) -> None:
        if not self.tokens or any(not t or " " in t for t in self.tokens):
            raise ValueError(f"Phrase needs non-empty tokens without spaces: {self.tokens!r}")


@dataclass(frozen=True, slots=True)
class Or:
    items: tuple[Term | Phrase, ...]

    def __post_init__(self) -> None:
        if len(self.items) < 2:
            raise ValueError("Or needs at least two items")


@dataclass(frozen=True, slots=True)
class Not:
    item: Term | Phrase | Or


@dataclass(frozen=True, slots=True)
class And:
    """All positive items must match and no ``Not`` item may; at least one is positive."""

    items: tuple[Term | Phrase | Or | Not, ...]

    def __post_init__(self) -> None:
        if len(self.items) < 2:
            raise ValueError("And needs at least two items")
        if all(isinstance(i, Not) for i in self.items):
            raise ValueError("And needs at least one positive item")


Node = Term | Phrase | Or | Not | And
Positive = Term | Phrase | Or


# Operator words, compared after NFKC (so ＯＲ is OR) and only in upper case: or/and/not
# stay words.
_OPERATORS: Final[dict[str, str]] = {"OR": "or", "AND": "and", "NOT": "not"}


@dataclass(frozen=True, slots=True)
class _Lexeme:
    kind: str  # "word", "phrase", or an operator: "or", "and", "not"
    text: str
    negated: bool


def _lex(query: str) -> list[_Lexeme]:
    out: list[_Lexeme] = []
    i, n = 0, len(query)
    while i < n:
        ch = query[i]
        if ch.isspace():
            i += 1
            continue
        negated = False
        if ch == "-":
            negated = True
            i += 1
            # A lone "-" (or a run of them) before a space or the end is noise.
            while i < n and query[i] == "-":
                i += 1
            if i >= n or query[i].isspace():
                continue
            ch = query[i]
        if ch in _QUOTES:
            closers = _QUOTES[ch]
            j = i + 1
            while j < n and query[j] not in closers:
                j += 1
            out.append(_Lexeme("phrase", query[i + 1 : j], negated))
            i = j + 1
            continue
        j = i
        while j < n and not query[j].isspace() and query[j] not in _QUOTES:
            j += 1
        word = query[i:j]
        # "-OR" is the excluded word or, not an operator.
        operator = None if negated else _OPERATORS.get(unicodedata.normalize("NFKC", word))
        out.append(_Lexeme(operator or "word", word, negated))
        i = j
    return out


def _atom(lexeme: _Lexeme) -> Term | Phrase | None:
    tokens = tuple(phrase_tokens(lexeme.text))
    if not tokens:
        return None
    if lexeme.kind == "phrase":
        return Phrase(lexeme.text, tokens)
    return Term(lexeme.text, tokens)


def parse(query: str) -> Node | None:
    """The AST of ``query``, or ``None`` when it holds nothing searchable.

    Raises ``QuerySyntaxError`` only when every searchable part is excluded (``-`` or NOT).
    Input longer than ``MAX_QUERY_CHARS`` is cut there; a search box needs no more.
    """
    text = query[:MAX_QUERY_CHARS].translate(_OPERATOR_FORMS)

    # Each clause is (negated, [atoms]) where atoms are ORed. An OR joins the next atom to the
    # current clause only when both are positive; AND is the implicit AND; NOT negates the
    # next atom. An operator left with nothing to apply to is dropped.
    clauses: list[tuple[bool, list[Term | Phrase]]] = []
    pending_or = False
    pending_not = False
    for lexeme in _lex(text):
        if lexeme.kind == "or":
            pending_or = bool(clauses) and not clauses[-1][0] and not pending_not
            continue
        if lexeme.kind == "and":
            pending_or = False
            continue
        if lexeme.kind == "not":
            pending_not = True
            continue
        atom = _atom(lexeme)
        if atom is None:
            continue
        negated = lexeme.negated or pending_not
        if pending_or and not negated:
            clauses[-1][1].append(atom)
        else:
            clauses.append((negated, [atom]))
        pending_or = pending_not = False

    items: list[Positive | Not] = []
    for negated, atoms in clauses:
        positive: Positive = atoms[0] if len(atoms) == 1 else Or(tuple(atoms))
        items.append(Not(positive) if negated else positive)
    if not items:
        return None
    if all(isinstance(i, Not) for i in items):
        raise QuerySyntaxError(
            "A search cannot consist only of excluded words (-word or NOT word). Add at least "
            "one word to look for, e.g. 工会 -欠薪, or remove the minus signs and NOTs."
        )
    if len(items) == 1:
        return items[0]
    return And(tuple(items))


def positive_phrases(node: Node | None) -> list[tuple[str, ...]]:
    """Token phrases the reader is looking for (not the excluded ones), for highlighting."""
    if node is None or isinstance(node, Not):
        return []
    if isinstance(node, Term | Phrase):
        return [node.tokens]
    found: list[tuple[str, ...]] = []
    for item in node.items:
        found += positive_phrases(item)
    return found
