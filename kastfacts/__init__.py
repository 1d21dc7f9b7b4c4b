"""kastfacts: people, places, dates and vote percentages from fr/es/en news, and where reports disagree.

    import kastfacts
    facts = kastfacts.extract(["seeds/"])
    conflicts = kastfacts.find_conflicts(facts)
    df = kastfacts.to_dataframe(facts)          # needs pandas, which kastfacts does not require

Importing kastfacts is cheap: spaCy and the models load on the first extraction.
"""
from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from .records import Conflict, ConflictValue, Document, Fact, InputIssue

__version__ = "0.1.0"
__all__ = ["extract", "find_conflicts", "to_dataframe", "Fact", "Conflict", "ConflictValue", "Document",
           "InputIssue", "__version__"]


def extract(paths: str | Iterable[str], *, db: str = ":memory:", lang: str | None = None,
            published: str | None = None, jobs: int = 1) -> list[Fact]:
    """Extract the facts of the documents under `paths`: files, folders, saved web pages, JSON Lines
    corpora (`-` for one on standard input); `published` in any form kastfacts reads.

    `db` keeps them in a SQLite store (default: in memory only); the facts returned are those of
    the documents read in this call, resolved against everything in the store.
    """
    from .extraction import extract_to_store
    from .store import Store

    paths = [paths] if isinstance(paths, str) else list(paths)
    with Store(db) as store:
        done = set(extract_to_store(paths, store, lang=lang, published=published, jobs=jobs))
        return [f for f in store.facts() if f.doc in done]


def find_conflicts(facts: Iterable[Fact], include_precision: bool = False) -> list[Conflict]:
    """The disagreements among `facts` (see kastfacts.conflicts)."""
    from .conflicts import find_conflicts as _find

    return _find((f if isinstance(f, Fact) else Fact.from_dict(f) for f in facts), include_precision=include_precision)


def to_dataframe(records: Iterable[Any]):
    """Facts or conflicts as a pandas DataFrame (pandas imported only here)."""
    import pandas as pd

    return pd.DataFrame([r.to_dict() if hasattr(r, "to_dict") else dict(r) for r in records])
