"""A synthetic but realistic news corpus for benchmarks and scale tests.

Documents are recombinations of the paragraphs of the bundled seed articles (French, Spanish,
English), several per document, in a deterministic order: real news sentences, real entities,
dates and percentages, in the three languages, with every document's content distinct.
"""
from __future__ import annotations

import random
from pathlib import Path

from kastfacts.language import split_blocks

SEEDS = Path(__file__).resolve().parent.parent / "seeds"


def seed_paragraphs() -> dict[str, list[str]]:
    """Paragraphs of the seeds by language (the English page's Yoruba lines included: real furniture)."""
    by_file = {"000": "fr", "002": "es", "004": "en"}
    out: dict[str, list[str]] = {"fr": [], "es": [], "en": []}
    for path in sorted(SEEDS.glob("*.txt")):
        text = path.read_text(encoding="utf-8")
        out[by_file[path.name[:3]]] += [text[b.start:b.end] for b in split_blocks(text)]
    return out


def write_corpus(folder: Path, n: int, seed: int = 7) -> list[Path]:
    """Write n documents (a third per language) into folder; returns their paths."""
    rng = random.Random(seed)
    paragraphs = seed_paragraphs()
    langs = sorted(paragraphs)
    folder.mkdir(parents=True, exist_ok=True)
    paths = []
    for i in range(n):
        lang = langs[i % len(langs)]
        pool = paragraphs[lang]
        chosen = rng.sample(pool, k=min(len(pool), rng.randint(5, 9)))
        path = folder / f"{lang}-{i:06d}.txt"
        path.write_text("\n\n".join(chosen) + "\n", encoding="utf-8")
        paths.append(path)
    return paths


def word_count(paths) -> int:
    return sum(len(Path(p).read_text(encoding="utf-8").split()) for p in paths)
