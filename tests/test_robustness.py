"""Bad input gets a clear message; the store never loses, duplicates or half-writes facts."""
import codecs
import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

from hypothesis import HealthCheck, given, settings, strategies as st

from kastfacts.extraction import process_documents
from kastfacts.records import Document
from kastfacts.store import Store

ROOT = Path(__file__).resolve().parent.parent
SEEDS = ROOT / "seeds"
FR_TEXT = (SEEDS / "000_dff806b68d89388f.txt").read_text(encoding="utf-8")
ES_TEXT = (SEEDS / "002_3be740355aa4a783.txt").read_text(encoding="utf-8")
EN_TEXT = (SEEDS / "004_2776c4c1bfc5371a.txt").read_text(encoding="utf-8")


def kastfacts(*args, **kw):
    return subprocess.run([sys.executable, "-m", "kastfacts", *map(str, args)], capture_output=True, text=True,
                          cwd=kw.pop("cwd", None), **kw)


def good_and_bad_folder(folder: Path) -> set[str]:
    """Every bad case of a real folder next to good files in several encodings; returns the good ids."""
    folder.mkdir()
    (folder / "fr-utf8-bom.txt").write_bytes(codecs.BOM_UTF8 + FR_TEXT.encode("utf-8"))
    (folder / "es-cp1252.txt").write_bytes(ES_TEXT.encode("cp1252"))
    (folder / "en-utf16.md").write_bytes(EN_TEXT.encode("utf-16"))
    (folder / "es-cp1252.meta.json").write_text("{broken json", encoding="utf-8")
    (folder / "binary.txt").write_bytes(bytes(range(256)) * 4)
    (folder / "empty.txt").write_bytes(b"")
    (folder / "blank.txt").write_text(" \n\t\n  ", encoding="utf-8")
    (folder / "huge.txt").write_text("mot " * 300_000, encoding="utf-8")
    (folder / "report.pdf").write_bytes(b"%PDF-1.7 not text")
    (folder / "fake.txt").write_bytes(b"%PDF-1.7 renamed pdf")
    os.symlink(folder / "gone.txt", folder / "vanished.txt")     # a file that disappears mid-run
    return {"fr-utf8-bom.txt", "es-cp1252.txt", "en-utf16.md"}


def facts_of(db: Path) -> list[dict]:
    with Store(db, create=False) as store:
        return [f.to_dict() for f in store.facts()]


def test_bad_folder_twice_and_concurrently_keeps_exactly_the_good_facts(tmp_path):
    good = good_and_bad_folder(tmp_path / "in")
    reference = tmp_path / "ref.db"
    first = kastfacts("extract", tmp_path / "in", "--db", reference, "--format", "jsonl", "--max-bytes", "1000000", "-j", "1")
    assert first.returncode == 3, first.stderr
    for bad in ("binary.txt", "empty.txt", "blank.txt", "huge.txt", "report.pdf", "fake.txt", "vanished.txt"):
        assert bad in first.stderr, bad
    assert "es-cp1252.meta.json" in first.stderr and "Traceback" not in first.stderr
    expected = facts_of(reference)
    assert {f["doc"] for f in expected} == good
    texts = {"fr-utf8-bom.txt": FR_TEXT, "es-cp1252.txt": ES_TEXT, "en-utf16.md": EN_TEXT}
    assert all(texts[f["doc"]][f["start"]:f["end"]] == f["text"] for f in expected)

    shared = tmp_path / "shared.db"
    runs = [subprocess.Popen([sys.executable, "-m", "kastfacts", "extract", str(tmp_path / "in"), "--db", str(shared),
                              "--format", "jsonl", "--max-bytes", "1000000", "-j", "1"],
                             stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True) for _ in range(2)]
    for run in runs:
        _, stderr = run.communicate(timeout=300)
        assert run.returncode == 3, stderr
    again = kastfacts("extract", tmp_path / "in", "--db", shared, "--format", "jsonl", "--max-bytes", "1000000", "-j", "1")
    assert again.returncode == 3
    assert facts_of(shared) == expected
    documents = json.loads(kastfacts("documents", "--db", shared, "--format", "json").stdout)
    encodings = {d["doc"]: d["encoding"] for d in documents}
    assert encodings["fr-utf8-bom.txt"] == "utf-8-sig" and encodings["en-utf16.md"] == "utf-16-bom"
    assert encodings["es-cp1252.txt"] == "cp1252"


def test_a_killed_run_leaves_complete_documents_and_a_rerun_finishes(tmp_path):
    folder = tmp_path / "in"
    folder.mkdir()
    for i in range(120):
        text = [FR_TEXT, ES_TEXT, EN_TEXT][i % 3]
        # a distinct line of punctuation makes each file's content distinct without adding facts
        (folder / f"{i:03d}.txt").write_text(f"{text}\n\n{'*' * (i + 1)}\n", encoding="utf-8")
    db = tmp_path / "k.db"
    proc = subprocess.Popen([sys.executable, "-m", "kastfacts", "extract", str(folder), "--db", str(db), "-q", "-j", "1"],
                            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    deadline = time.time() + 120
    while time.time() < deadline:
        if db.exists():
            with Store(db) as store:
                if store.count("documents") >= 32:
                    break
        time.sleep(0.2)
    proc.send_signal(signal.SIGKILL)
    proc.wait()
    with Store(db) as store:
        stored = [d.doc for d, _ in store.documents()]
        per_doc = {}
        for f in store.facts():
            per_doc[f.doc] = per_doc.get(f.doc, 0) + 1
    assert 0 < len(stored) < 120
    assert all(per_doc.get(d, 0) > 0 for d in stored)          # no document stored without its facts
    rerun = kastfacts("extract", folder, "--db", db, "-q", "-j", "1", "--format", "jsonl")
    assert rerun.returncode == 0
    with Store(db) as store:
        assert store.count("documents") == 120
        counts = {}
        for f in store.facts():
            counts[f.doc] = counts.get(f.doc, 0) + 1
    # documents of one language carry the same facts: nothing half-written, nothing duplicated
    for lang_group in range(3):
        assert len({counts[f"{i:03d}.txt"] for i in range(lang_group, 120, 3)}) == 1


unicode_text = st.text(
    alphabet=st.characters(blacklist_categories=("Cs",)), min_size=0, max_size=400)
news_like = st.lists(st.sampled_from([
    "Kast a remporté 58,1 % des voix mardi dernier.", "El 14 de diciembre, Noboa obtuvo el 41,8 %.",
    "On December 16, he visited Buenos Aires.", "مرحبا بالعالم", "שלום עולם", "🎉🇨🇱 Chile!!", "\u202e\u2066x\u2069",
    "\x00\x07\x1b[31m", "a" * 3000, "\r\n", "\n\n\n", "José Jerí, le 5 janvier 2026, à Lima.", "  \t "]),
    min_size=1, max_size=6).map(" ".join)


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(text=st.one_of(unicode_text, news_like), lang=st.sampled_from([None, "fr", "es", "en"]))
def test_any_text_extracts_without_error_and_offsets_hold(text, lang):
    doc = Document(doc="x.txt", path="x.txt", text=text, lang=lang, lang_source="option" if lang else None)
    (result,) = process_documents([doc])
    for fact in result.facts:
        assert text[fact.start:fact.end] == fact.text
        assert fact.kind in ("person", "place", "organization", "date", "percentage")
    for block in result.document.skipped_blocks:
        assert 0 <= block.start <= block.end <= len(text)
