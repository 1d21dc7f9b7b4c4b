"""The cross-document steps on a growing fact table: memory and time, in one run (not a test).

    python bench/corpus_pass.py [--docs 200] [--scales 1,4,16]

Extracts --docs synthetic documents once, then makes stores of 1x, 4x, 16x that many documents by
copying them under new ids in SQL (no NLP: the cross-document steps read only the fact table).
For each store, in a fresh process each: (a) the corpus pass (entity resolution, anchoring, date
resolution: extraction.resolve_corpus); (b) conflicts over the stored facts as a stream; and, for
scale, (c) what merely holding the fact table as a list of Facts costs. Memory is the peak of
Python's allocations during the step (tracemalloc), after kastfacts and its gazetteer are loaded.
Copies share their names, so the Resolver's tallies stay the size of the base corpus: what grows
is what each document adds (anchoring keeps each document's time clues and names). Every copy
cites the same subjects, the worst case for conflicts: their work grows with the distinct figures
and dates, but the facts about one subject (and the evidence listing every report) are held.
"""
from __future__ import annotations

import argparse
import shutil
import sqlite3
import subprocess
import sys
import tempfile
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
sys.path.insert(0, str(HERE.parent))

from corpus import write_corpus  # noqa: E402

STEPS = {
    "corpus pass": "from kastfacts.extraction import resolve_corpus; resolve_corpus(store)",
    "conflicts": "from kastfacts.conflicts import find_conflicts; n = len(find_conflicts(store.facts()))",
    "fact table as a list": "facts = list(store.facts())",
}


def measure(db: Path, step: str) -> tuple[float, float]:
    """(peak MB allocated, seconds) of one step, each in a fresh process: tracing allocations
    slows Python down several times, so the time comes from a run without it."""
    def run(traced: bool) -> float:
        code = ("import sys, time, tracemalloc\nfrom kastfacts.store import Store\nfrom kastfacts import gazetteer, "
                "entities, timeline, conflicts\ngazetteer.lookup_place('Chile', 'en')\nstore = Store(sys.argv[1])\n"
                f"{'tracemalloc.start()' if traced else ''}\nt0 = time.perf_counter()\n{STEPS[step]}\n"
                "print(tracemalloc.get_traced_memory()[1] / 2**20 if tracemalloc.is_tracing() "
                "else time.perf_counter() - t0)\n")
        out = subprocess.run([sys.executable, "-c", code, str(db)], capture_output=True, text=True, check=True)
        return float(out.stdout)
    return run(traced=True), run(traced=False)


def replicate(base: Path, target: Path, copies: int) -> tuple[int, int]:
    """target: base's documents and facts `copies` times, each copy under new ids and content hashes."""
    shutil.copy(base, target)
    conn = sqlite3.connect(target, isolation_level=None)
    conn.execute("BEGIN")
    for k in range(1, copies):
        conn.execute("INSERT INTO documents SELECT 'copy' || ?1 || '/' || doc, 'copy' || ?1 || '/' || path, "
                     "sha256 || '-' || ?1, lang, lang_source, published, anchor, anchor_method, anchor_confidence, "
                     "encoding, source, title, meta, skipped_blocks, frame, text FROM documents WHERE doc NOT LIKE 'copy%'",
                     (k,))
        conn.execute('INSERT INTO facts (doc, lang, kind, text, start, "end", sentence, value, entity, code, subject, '
                     "attribute, extra, raw) SELECT 'copy' || ?1 || '/' || doc, lang, kind, text, start, \"end\", "
                     "sentence, value, entity, code, subject, attribute, extra, raw FROM facts WHERE doc NOT LIKE 'copy%'",
                     (k,))
    conn.execute("COMMIT")
    docs, facts = (conn.execute(f"SELECT count(*) FROM {t}").fetchone()[0] for t in ("documents", "facts"))
    conn.close()
    return docs, facts


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--docs", type=int, default=200)
    ap.add_argument("--scales", default="1,4,16")
    args = ap.parse_args()
    from kastfacts.extraction import extract_to_store
    from kastfacts.store import Store

    with tempfile.TemporaryDirectory() as tmp:
        tmp = Path(tmp)
        write_corpus(tmp / "c", args.docs, seed=3)
        with Store(tmp / "base.db") as store:
            extract_to_store([str(tmp / "c")], store, jobs=2)
        rows = []
        for scale in (int(s) for s in args.scales.split(",")):
            db = tmp / f"x{scale}.db"
            docs, facts = replicate(tmp / "base.db", db, scale)
            row = [docs, facts]
            for step in ("corpus pass", "conflicts", "fact table as a list"):
                row += measure(db, step)
            rows.append(row)
            print(f"{docs:>6} documents {facts:>8} facts | corpus pass {row[2]:7.0f} MB {row[3]:6.1f} s | "
                  f"conflicts {row[4]:6.0f} MB {row[5]:6.1f} s | the table as a list {row[6]:6.0f} MB", flush=True)
        first, last = rows[0], rows[-1]
        growth = last[1] / first[1]
        for name, i in (("corpus pass", 2), ("conflicts", 4), ("table as a list", 6)):
            print(f"{name}: memory x{last[i] / max(first[i], 1):.1f}, time x{last[i + 1] / max(first[i + 1], 1e-9):.1f}"
                  f" for x{growth:.0f} facts")


if __name__ == "__main__":
    main()
