"""Codes of the records said in words, for the tables and the report people read.

JSON, JSON Lines and CSV keep the codes (`anchor_method`): scripts filter on them.
Where a person reads, `corpus:shared-entities(a.txt:0.24)+weekday+past-event` is "inferred from
a related report and its own clues: the weekday it names and events it tells as past".
"""
from __future__ import annotations

import re

# How a writing date was found (timeline.py writes these codes: `metadata`, `option`,
# `inferred:<clues>`, `inferred(year-hint):<clues>`, `corpus:shared-entities(<doc:weight>,...)+<clues>`).
_GIVEN = {"metadata": "given by the document's metadata", "option": "given with --published"}
_CLUES = {"weekday": "the weekday it names", "past-event": "events it tells as past",
          "explicit-date": "a date it writes in full", "url": "the date in its web address",
          "year": "the years it names, which give the year only",
          "bare-year": "a year it names alone, which gives the year only"}
_DROPPED = re.compile(r"dropped-(\d+)")
_RELATED = re.compile(r"shared-entities\(([^)]*)\)")
_NUMBER_WORDS = ("no", "a", "two", "three")


def _count(n: int, one: str, many: str) -> str:
    return f"{_NUMBER_WORDS[n] if n < len(_NUMBER_WORDS) else f'{n:,}'} {one if n == 1 else many}"


def _join(words: list[str]) -> str:
    return words[0] if len(words) == 1 else ", ".join(words[:-1]) + " and " + words[-1]


def _clue(code: str) -> str | None:
    dropped = _DROPPED.fullmatch(code)
    if dropped:
        n = int(dropped.group(1))
        return _count(n, "contradicting clue", "contradicting clues") + " set aside"
    return _CLUES.get(code)


def related_reports(method: str | None) -> list[str]:
    """The related reports a corpus-inferred writing date leans on, most related first."""
    found = _RELATED.search(method or "")
    if not found:
        return []
    return [item.rpartition(":")[0] or item for item in found.group(1).split(",") if item]


def anchor_words(method: str | None, confidence: float | None = None) -> str:
    """How a document's writing date was found, in a sentence's words (empty when it was not)."""
    if not method:
        return ""
    confidence_words = f" (confidence {confidence:.2f})" if confidence is not None else ""
    if method in _GIVEN:
        return _GIVEN[method]
    source, _, clues = method.partition(":")
    if source.startswith("corpus"):
        related = related_reports(method)
        clues = _RELATED.sub("", clues).lstrip("+")
        lead = f"inferred from {_count(len(related), 'related report', 'related reports')}"
    elif source.startswith("inferred"):
        lead = "inferred from its text"
        if "year-hint" in source:
            lead += ", with the year of related reports"
    else:
        return method.replace("-", " ").replace("_", " ") + confidence_words    # a code this module does not know
    words = [w for w in (_clue(c) for c in clues.split("+") if c) if w]
    if words:
        lead += (" and its own clues: " if source.startswith("corpus") else ": ") + _join(words)
    return lead + confidence_words
