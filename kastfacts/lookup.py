"""What a user names on the command line, found in a fact table: an entity, a document.

People type "Kast", "Équateur" or "000.txt", not `person:jose-antonio-kast`, `place:EC` or
`lemonde/000.txt`. An entity is found by its id, its canonical name, any spelling the reports
use, a place's name in any of the three languages, or a part of its name (a surname) that names
no other entity; a document by its id, its path or its file name. Names are compared folded
(case, accents and punctuation aside). When nothing is found, or a name fits several, the answer
carries the closest candidates, so the command can say "did you mean ...?".

Reads the table's facts as a stream (one pass per lookup): only the distinct entities are held.
"""
from __future__ import annotations

import os
from collections import Counter
from dataclasses import dataclass, field

from .gazetteer import fold, lookup_place

ENTITY_KINDS = ("person", "place", "organization")
SUGGESTIONS = 3
_SIMILAR = 70            # likeness (0-100) a suggestion needs: "Kats" for "Kast", not for "States"


@dataclass
class Found:
    """The ids a name stands for (none, or several when it is ambiguous), with candidates to
    suggest as (label, id): the closest ones when nothing matched, the rivals when it is ambiguous."""
    ids: list[str] = field(default_factory=list)
    ambiguous: bool = False
    candidates: list[tuple[str, str]] = field(default_factory=list)


@dataclass
class _Entity:
    kind: str
    names: Counter = field(default_factory=Counter)       # canonical values, by mentions
    spellings: set[str] = field(default_factory=set)      # folded surface forms and variants
    code: str | None = None

    @property
    def name(self) -> str:
        return min(self.names, key=lambda n: (-self.names[n], n)) if self.names else ""


def _entities(table) -> dict[str, _Entity]:
    found: dict[str, _Entity] = {}
    for kind in ENTITY_KINDS:
        for f in table.facts(kind=kind):
            if not f.entity:
                continue
            e = found.setdefault(f.entity, _Entity(kind))
            if f.value is not None:
                e.names[str(f.value)] += 1
            e.spellings.add(fold(f.text))
            e.spellings.update(fold(v) for v in f.variants or ())
            e.code = e.code or f.code
    return found


def _runs(words: list[str], size: int) -> set[tuple[str, ...]]:
    return {tuple(words[i:i + size]) for i in range(len(words) - size + 1)}


def _decide(ids: list[str], label) -> Found | None:
    """None when nothing matched; the match when every id bears one name; else ambiguous."""
    if not ids:
        return None
    if len({fold(label(i)) for i in ids}) == 1:
        return Found(sorted(ids))
    return Found([], True, sorted((label(i), i) for i in ids))


def _likeness(query: str, label: str) -> float:
    """0-100: how near `query` is to `label` as a whole, or to a run of as many of its words
    ("Kats" is near "José Antonio Kast" through "Kast"; "Bachelete" through "Bachelet")."""
    from rapidfuzz import fuzz

    size = len(query.split()) or 1
    words = label.split()
    parts = [label] + [" ".join(run) for run in _runs(words, size)] + [w for w in words if "/" in w or "." in w]
    return max(fuzz.ratio(query, part) for part in parts)


def _closest(query: str, choices: dict[str, str]) -> list[tuple[str, str]]:
    """(label, id) of the entries (id -> label) whose label is nearest to `query`, nearest first."""
    wanted = fold(query)
    scored = sorted(((-_likeness(wanted, fold(label)), label, ident) for ident, label in choices.items()))
    return [(label, ident) for score, label, ident in scored[:SUGGESTIONS] if -score >= _SIMILAR]


def find_entity(table, query: str) -> Found:
    """The entities `query` names in `table` (anything with `facts(kind=...)`: a Store, a ShardSet)."""
    entities = _entities(table)
    label = lambda ident: entities[ident].name or ident
    wanted = fold(query)
    exact = [i for i in entities if i.casefold() == query.strip().casefold()]
    if exact:
        return Found(exact)
    for level in (
        lambda e: wanted in {fold(n) for n in e.names},                 # the canonical name
        lambda e: wanted in e.spellings,                                # a spelling a report uses
    ):
        found = _decide([i for i, e in entities.items() if level(e)], label)
        if found:
            return found
    places = {p.name for p in (lookup_place(query, lang) for lang in ("fr", "es", "en")) if p is not None}
    found = _decide([i for i, e in entities.items() if e.kind == "place" and set(e.names) & places], label)
    if found:
        return found
    words = wanted.split()
    if words:
        found = _decide([i for i, e in entities.items()
                         if any(tuple(words) in _runs(s.split(), len(words)) for s in e.spellings | {fold(n) for n in e.names})],
                        label)
        if found:
            return found
    return Found(candidates=_closest(query, {i: label(i) for i in entities}))


def find_document(table, query: str) -> Found:
    """The document `query` names in `table`: its id, its path (as given or as it resolves) or its
    file name (when no other document has that name)."""
    docs = {d.doc: d.path for d, _ in table.documents()}
    if query in docs:
        return Found([query])
    try:
        real = os.path.realpath(query)
    except (OSError, ValueError):
        real = None
    by_path = [doc for doc, path in docs.items() if path == query or (real and _same_file(path, real))]
    if by_path:
        return Found(by_path) if len(by_path) == 1 else Found([], True, [(d, d) for d in sorted(by_path)])
    name = os.path.basename(query.rstrip("/"))
    by_name = [doc for doc in docs if doc.rsplit("/", 1)[-1] == name or os.path.basename(docs[doc] or "") == name]
    if not by_name:         # "Article.TXT", or the name without its extension
        by_name = [doc for doc in docs if fold(name) in (fold(doc.rsplit("/", 1)[-1]), fold(os.path.splitext(doc)[0]),
                                                         fold(os.path.splitext(doc.rsplit("/", 1)[-1])[0]))]
    if len(by_name) == 1:
        return Found(by_name)
    if by_name:
        return Found([], True, [(d, d) for d in sorted(by_name)])
    return Found(candidates=_closest(name, {d: d.rsplit("/", 1)[-1] for d in docs}))


def _same_file(path: str | None, real: str) -> bool:
    try:
        return bool(path) and os.path.realpath(path) == real
    except (OSError, ValueError):
        return False
