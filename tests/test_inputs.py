"""News as newsrooms have it: saved web pages, scraped corpora (JSON Lines, standard input), wire
copies, publication dates in the forms they come in, and a progress bar a person can read."""
import json
import os
import shutil
import subprocess
import sys
from decimal import Decimal
from pathlib import Path

import pytest
from typer.testing import CliRunner

import seeds_scorer
from kastfacts.cli import app
from kastfacts.documents import parse_published, read_documents
from kastfacts.pages import NotAnArticle, read_page
from kastfacts.records import Document, InputIssue
from newsroom_pages import FURNITURE_FACTS, page

ROOT = Path(__file__).resolve().parent.parent
SEEDS = ROOT / "seeds"
# each seed, its language, and when the page says it was published (the day a careful reader dates it)
SEED_PAGES = {"000_dff806b68d89388f": ("fr", "2025-12-21T09:30:00-03:00"),
              "002_3be740355aa4a783": ("es", "2025-12-23T18:05:00-03:00"),
              "004_2776c4c1bfc5371a": ("en", "2025-12-22T20:15:00-03:00")}
runner = CliRunner()


def run(*args, input=None):
    return runner.invoke(app, [str(a) for a in args], input=input)


def jsonl(text):
    return [json.loads(line) for line in text.splitlines() if line.strip()]


def documents(db):
    return {d["doc"]: d for d in json.loads(run("documents", "--db", db, "--format", "json").stdout)}


def comparable(facts, keep_offsets=False):
    """Facts keyed by document stem, without offsets (a page's main text is laid out differently
    from the .txt: the same lines, other blank lines between them)."""
    out = []
    for f in facts:
        f = dict(f, doc=f["doc"].rsplit(".", 1)[0])
        if not keep_offsets:
            f.pop("start"), f.pop("end")
        out.append(json.dumps(f, sort_keys=True, ensure_ascii=False))
    return sorted(out)


def dated_seed_folder(folder: Path) -> Path:
    """The .txt seeds, each with a .meta.json giving the publication date its page gives."""
    folder.mkdir()
    for stem, (_, published) in SEED_PAGES.items():
        shutil.copy(SEEDS / f"{stem}.txt", folder / f"{stem}.txt")
        (folder / f"{stem}.meta.json").write_text(json.dumps({"published": published[:10]}), encoding="utf-8")
    return folder


@pytest.fixture(scope="module")
def seeds_both_ways(tmp_path_factory):
    """The seeds extracted as saved pages, and as dated .txt files."""
    base = tmp_path_factory.mktemp("pages")
    pages = base / "pages"
    pages.mkdir()
    for stem, (lang, published) in SEED_PAGES.items():
        text = (SEEDS / f"{stem}.txt").read_text(encoding="utf-8")
        (pages / f"{stem}.html").write_text(page(text, lang, published, slug=stem), encoding="utf-8")
    extracted = {}
    for name, folder in (("pages", pages), ("txt", dated_seed_folder(base / "txt"))):
        db = base / f"{name}.db"
        result = run("extract", folder, "--db", db, "--format", "jsonl", "-j", "1")
        assert result.exit_code == 0, result.output
        extracted[name] = (db, jsonl(result.stdout))
    return extracted


# -- saved web pages -------------------------------------------------------------------------------
SHORT_STORY = ("José Antonio Kast a remporté dimanche le second tour de l'élection présidentielle chilienne.\n"
               "Le candidat de droite a obtenu 58,1 % des voix, selon le décompte du Service électoral.\n"
               "Sa rivale, Jeannette Jara, a reconnu sa défaite dans la soirée devant ses partisans à Santiago.\n")
def test_a_saved_page_gives_the_facts_of_its_text_dated_by_the_page(seeds_both_ways):
    (pages_db, page_facts), (_, txt_facts) = seeds_both_ways["pages"], seeds_both_ways["txt"]
    assert comparable(page_facts) == comparable(txt_facts)
    docs = documents(pages_db)
    for stem, (lang, published) in SEED_PAGES.items():
        d = docs[f"{stem}.html"]
        assert (d["published"], d["published_source"], d["lang"]) == (published[:10], "page", lang)
        assert d["source"] == f"https://news.example/{lang}/{published[:10].replace('-', '/')}/{stem}"     # canonical
        assert d["title"] and d["anchor_method"] == "metadata"


def test_a_saved_page_gives_no_fact_from_its_furniture_and_scores_as_the_seeds(seeds_both_ways):
    _, facts = seeds_both_ways["pages"]
    for f in facts:
        assert not any(word in f["sentence"] for word in FURNITURE_FACTS), f
    gold = json.loads((ROOT / "tests" / "data" / "seeds_gold.json").read_text(encoding="utf-8"), parse_float=Decimal)
    report = seeds_scorer.score_facts(facts, gold)
    assert report["forbidden_produced"] == []
    for kind in ("person", "place", "date", "percentage"):
        assert report[kind]["recall"] == 1.0 and report[kind]["norm_accuracy"] == 1.0, (kind, report[kind])


def test_offsets_are_into_the_pages_main_text_which_documents_text_prints(seeds_both_ways):
    db, facts = seeds_both_ways["pages"]
    texts = {}
    for stem in SEED_PAGES:
        shown = run("documents", "--db", db, "--doc", f"{stem}.html", "--text")
        assert shown.exit_code == 0, shown.output
        assert "<" not in shown.stdout and "cookie" not in shown.stdout.lower()
        texts[f"{stem}.html"] = shown.stdout
    for f in facts:
        assert texts[f["doc"]][f["start"]:f["end"]] == f["text"]
    as_json = json.loads(run("documents", "--db", db, "--doc", "002_3be740355aa4a783.html", "--text",
                             "--format", "json").stdout)
    assert [d["text"] for d in as_json] == [texts["002_3be740355aa4a783.html"].rstrip("\n")]
    assert run("documents", "--db", db, "--doc", "nope.html").exit_code == 2
    assert run("documents", "--db", db, "--text").exit_code == 2           # which one?


def test_the_page_says_its_language_and_date_and_guesses_neither():
    text = "Jeannette Jara reconoció su derrota el 14 de diciembre de 2025 en Santiago, ante sus partidarios. " * 3
    shell = ('<html lang="{lang}"><head>{meta}</head><body><main><article><p>{text}</p><p>{text}</p></article>'
             '</main></body></html>')
    modified = ('<meta property="article:modified_time" content="2025-12-16T08:00:00Z">'
                '<meta property="article:published_time" content="2025-12-15T23:40:00-03:00">')
    got = read_page(shell.format(lang="es-CL", meta=modified, text=text))
    assert (got.lang, got.published) == ("es", "2025-12-15")         # the original date, as its zone writes it
    undated = read_page(shell.format(lang="pt-BR", meta="", text=text))
    assert (undated.lang, undated.published) == (None, None)         # no date guessed from the words
    with pytest.raises(NotAnArticle):
        read_page("")


def test_a_page_without_an_article_is_reported_and_the_run_goes_on(tmp_path):
    (tmp_path / "empty.html").write_text("<html><head><script>load()</script></head><body></body></html>", encoding="utf-8")
    (tmp_path / "a.htm").write_text(page(SHORT_STORY, "fr", "2025-12-15T10:00:00+01:00"), encoding="utf-8")
    items = list(read_documents([tmp_path]))
    docs = [i for i in items if isinstance(i, Document)]
    issues = [i for i in items if isinstance(i, InputIssue)]
    assert [d.doc for d in docs] == ["a.htm"] and docs[0].text.strip() == SHORT_STORY.strip()
    assert [i.path.endswith("empty.html") for i in issues] == [True] and issues[0].severity == "skipped"


def test_a_page_saved_as_text_is_read_as_a_page(tmp_path):
    (tmp_path / "a.txt").write_text(page(SHORT_STORY, "fr", "2025-12-15T10:00:00+01:00"), encoding="utf-8")
    items = list(read_documents([tmp_path]))
    doc, = [i for i in items if isinstance(i, Document)]
    assert doc.text.strip() == SHORT_STORY.strip() and doc.published_source == "page"
    assert any("HTML page" in i.reason for i in items if isinstance(i, InputIssue))


def test_metadata_beside_a_page_wins_over_the_page(tmp_path):
    (tmp_path / "a.html").write_text(page(SHORT_STORY, "fr", "2025-12-15T10:00:00+01:00"), encoding="utf-8")
    (tmp_path / "a.meta.json").write_text('{"published": "16 décembre 2025", "source": "AFP"}', encoding="utf-8")
    doc, = [i for i in read_documents([tmp_path]) if isinstance(i, Document)]
    assert (doc.published, doc.published_source, doc.source) == ("2025-12-16", "metadata", "AFP")


# -- publication dates -----------------------------------------------------------------------------
@pytest.mark.parametrize("value, lang, day", [
    ("2025-12-15", None, "2025-12-15"),
    ("2025-12-15T23:30:00-03:00", None, "2025-12-15"),        # the publisher's day, not UTC's
    ("2025-12-15T02:30:00Z", None, "2025-12-15"),
    ("2025-12-15 10:30", None, "2025-12-15"),
    ("Mon, 15 Dec 2025 23:30:00 -0300", None, "2025-12-15"),   # RSS
    ("15 décembre 2025", "fr", "2025-12-15"),
    ("lundi 15 décembre 2025 à 10h30", "fr", "2025-12-15"),
    ("15 de diciembre de 2025", "es", "2025-12-15"),
    ("lunes, 15 de diciembre de 2025 18:05", None, "2025-12-15"),
    ("Dec 15, 2025", "en", "2025-12-15"),
    ("December 15, 2025 10:30 PM EST", None, "2025-12-15"),
    ("03/04/2025", "fr", "2025-04-03"),                        # day first, as French and Spanish write it
    ("15/12/2025", None, "2025-12-15"),                        # no month 15: not ambiguous
])
def test_publication_dates_are_read_in_the_forms_they_come_in(value, lang, day):
    assert parse_published(value, lang) == day


@pytest.mark.parametrize("value, why", [
    ("yesterday", "not a date"), ("hier", "not a date"), ("hace dos días", "not a date"),    # relative to what?
    ("15 décembre", "needs a day, a month and a year"), ("December 2025", "needs a day"),
    ("03/04/2025", "ambiguous"), ("2025-02-30", "not a valid date"), ("1700-01-01", "outside the years"),
    ("1734262200", "not a date"), ("", "empty"),
])
def test_a_publication_date_that_cannot_be_read_says_why(value, why):
    with pytest.raises(ValueError, match=why):
        parse_published(value, "en" if value == "03/04/2025" else None)


def test_published_option_takes_the_same_forms_and_refuses_the_rest(tmp_path):
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "a.txt").write_text("Kast a remporté 58,1 % des voix dimanche.", encoding="utf-8")
    db = tmp_path / "k.db"
    assert run("extract", folder, "--db", db, "--published", "Mon, 15 Dec 2025 10:30:00 -0300", "-j", "1",
               "--format", "jsonl").exit_code == 0
    assert (documents(db)["a.txt"]["published"], documents(db)["a.txt"]["published_source"]) == ("2025-12-15", "option")
    refused = run("extract", folder, "--db", db, "--published", "la semaine dernière")
    assert refused.exit_code == 2 and "la semaine dernière" in refused.output


# -- corpora: JSON Lines ---------------------------------------------------------------------------
WRITTEN_DATES = {"000_dff806b68d89388f": ("Sun, 21 Dec 2025 09:30:00 -0300", None),
                 "002_3be740355aa4a783": ("23 de diciembre de 2025", "es"),
                 "004_2776c4c1bfc5371a": ("December 22, 2025", None)}


def seed_corpus(bad_line: str | None = None) -> str:
    lines = []
    for stem, (published, lang) in WRITTEN_DATES.items():
        record = {"id": f"{stem}.txt", "text": (SEEDS / f"{stem}.txt").read_text(encoding="utf-8"),
                  "published": published, "lang": lang, "outlet": "seed desk"}     # null: absent; unknown keys kept
        lines.append(json.dumps(record, ensure_ascii=False))
        if bad_line is not None and len(lines) == 2:
            lines.append(bad_line)
    return "\n".join(lines) + "\n"


def store_dump(db):
    facts = jsonl(run("facts", "--db", db, "--format", "jsonl").stdout)
    docs = [{k: d.get(k) for k in ("doc", "lang", "published", "anchor", "anchor_method", "copy_of", "skipped_blocks")}
            for d in documents(db).values()]
    conflicts = json.loads(run("conflicts", "--db", db, "--format", "json").stdout)
    return facts, docs, conflicts


@pytest.fixture(scope="module")
def dated_folder_store(tmp_path_factory):
    base = tmp_path_factory.mktemp("folder")
    db = base / "k.db"
    assert run("extract", dated_seed_folder(base / "seeds"), "--db", db, "-j", "1", "-q", "--format", "jsonl").exit_code == 0
    return store_dump(db)


def test_a_corpus_of_the_seeds_gives_the_same_store_as_their_folder(tmp_path, dated_folder_store):
    corpus = tmp_path / "seeds.jsonl"
    corpus.write_text(seed_corpus(bad_line='{"id": "broken", "text": "unterminated'), encoding="utf-8")
    db = tmp_path / "k.db"
    result = run("extract", corpus, "--db", db, "-j", "1", "--format", "jsonl")
    assert result.exit_code == 3                                      # a line was skipped ...
    assert f"{corpus}:3: not JSON" in " ".join(result.stderr.split())  # ... and named by its number
    assert store_dump(db) == dated_folder_store
    assert documents(db)["002_3be740355aa4a783.txt"]["meta"] == {"outlet": "seed desk"}
    assert run("extract", corpus, "--db", db, "-j", "1", "-q", "--format", "jsonl").exit_code == 3
    assert store_dump(db) == dated_folder_store                      # read again: replaced, not duplicated


def test_a_corpus_on_standard_input_gives_the_same_store(tmp_path, dated_folder_store):
    db = tmp_path / "k.db"
    result = run("extract", "-", "--db", db, "-j", "1", "--format", "jsonl", input=seed_corpus(bad_line="[1, 2]"))
    assert result.exit_code == 3 and "<stdin>:3" in result.stderr
    assert store_dump(db) == dated_folder_store


def test_corpus_lines_are_checked_one_by_one(tmp_path):
    text = "Kast a remporté 58,1 % des voix au second tour dimanche."
    lines = [{"url": "https://a.example/1", "text": text, "published": "15 décembre 2025", "lang": "fr-FR"},
             {"id": 7, "text": "Jara obtuvo el 41,8 % de los votos.", "published": "el martes pasado"},
             {"text": "no id"},
             {"id": "x"},
             {"id": "https://a.example/1", "text": "another article under an id already read"},
             {"id": "dup", "text": text},
             {"id": "dup", "text": text},
             {"id": "page", "html": page(SHORT_STORY, "fr", "2025-12-14T20:00:00+01:00"), "url": "https://b.example/p"},
             {"id": "big", "text": "x" * 20000}]
    corpus = tmp_path / "c.jsonl"
    corpus.write_text("\n".join(json.dumps(line) for line in lines) + "\n\n", encoding="utf-8")
    items = list(read_documents([corpus], max_bytes=10000))
    docs = {d.doc: d for d in items if isinstance(d, Document)}
    said = {(i.path.rsplit(":", 1)[-1], i.severity): i.reason for i in items if isinstance(i, InputIssue)}
    assert list(docs) == ["https://a.example/1", "7", "dup", "page"]
    first = docs["https://a.example/1"]
    assert (first.lang, first.published, first.published_source, first.source) == ("fr", "2025-12-15", "metadata",
                                                                                   "https://a.example/1")
    assert first.path == f"{corpus}#https://a.example/1"
    assert docs["7"].published is None and "el martes pasado" in said[("2", "warning")]    # read without its date
    assert "no id or url" in said[("3", "skipped")] and 'no "text" or "html"' in said[("4", "skipped")]
    assert "line 1's already" in said[("5", "skipped")] and "read once" in said[("7", "warning")]
    assert (docs["page"].published, docs["page"].published_source) == ("2025-12-14", "page")
    assert docs["page"].text.strip() == SHORT_STORY.strip() and docs["page"].source == "https://b.example/p"   # record first
    assert "over the limit" in said[("9", "skipped")]


def test_records_of_two_corpora_with_the_same_ids_keep_apart(tmp_path):
    for name, figure in (("a", "58,1"), ("b", "58,4")):
        (tmp_path / f"{name}.jsonl").write_text(json.dumps({"id": "1", "text": f"Kast a obtenu {figure} % des voix."}) + "\n",
                                                encoding="utf-8")
    db = tmp_path / "k.db"
    result = run("extract", tmp_path / "a.jsonl", tmp_path / "b.jsonl", "--db", db, "-j", "1", "--format", "jsonl")
    assert result.exit_code == 0, result.output
    assert sorted(documents(db)) == ["1", "b.jsonl/1"]


def test_a_shard_folder_met_in_a_walk_is_not_read_as_articles(tmp_path):
    (tmp_path / "shards").mkdir()
    (tmp_path / "shards" / "kastfacts-shards.json").write_text("{}", encoding="utf-8")
    (tmp_path / "shards" / "documents.jsonl").write_text('{"doc": "a.txt"}\n', encoding="utf-8")
    (tmp_path / "a.txt").write_text("Kast a remporté 58,1 % des voix.", encoding="utf-8")
    items = list(read_documents([tmp_path]))
    assert [i.doc for i in items if isinstance(i, Document)] == ["a.txt"]
    assert [(i.severity, "shards" in i.reason) for i in items if isinstance(i, InputIssue)] == [("warning", True)]


# -- wire copies -----------------------------------------------------------------------------------
DISPATCHES = ("Kast obtuvo el 58,2 % de los votos en la segunda vuelta del domingo en Chile.",
              "Jeannette Jara reconoció su derrota en Santiago el 14 de diciembre de 2025.",
              "Daniel Noboa recibirá a José Antonio Kast en Quito el martes.")


def test_three_hundred_copies_are_three_hundred_reports_and_re_extracting_keeps_the_store(tmp_path):
    folder = tmp_path / "wire"
    folder.mkdir()
    for outlet in range(100):
        for n, text in enumerate(DISPATCHES):
            (folder / f"outlet{outlet:03d}-dispatch{n}.txt").write_text(text, encoding="utf-8")
    db = tmp_path / "k.db"
    first = run("extract", folder, "--db", db, "-j", "1", "--format", "jsonl")
    assert first.exit_code == 0, first.output
    docs = documents(db)
    assert len(docs) == 300 and sum(1 for d in docs.values() if d.get("copy_of")) == 297
    assert docs["outlet042-dispatch1.txt"]["copy_of"] == "outlet000-dispatch1.txt"
    assert "297 of them copies" in " ".join(first.stderr.split())
    before = store_dump(db)
    again = run("extract", folder, "--db", db, "-j", "1", "--format", "jsonl")
    assert again.stdout == first.stdout and store_dump(db) == before


def test_a_file_moved_is_the_same_document_and_a_file_copied_is_another(tmp_path):
    db = tmp_path / "k.db"
    for outlet in ("lemonde", "elpais"):
        (tmp_path / outlet).mkdir()
        (tmp_path / outlet / "afp.txt").write_text(DISPATCHES[0], encoding="utf-8")
        assert run("extract", tmp_path / outlet, "--db", db, "-j", "1", "-q", "--format", "jsonl").exit_code == 0
    assert {d: v.get("copy_of") for d, v in documents(db).items()} == {"afp.txt": None, "elpais/afp.txt": "afp.txt"}
    (tmp_path / "archive").mkdir()
    os.replace(tmp_path / "elpais" / "afp.txt", tmp_path / "archive" / "afp.txt")      # moved: its old place is empty
    assert run("extract", tmp_path / "archive", "--db", db, "-j", "1", "-q", "--format", "jsonl").exit_code == 0
    docs = documents(db)
    assert sorted(docs) == ["afp.txt", "archive/afp.txt"] and docs["archive/afp.txt"]["copy_of"] == "afp.txt"
    assert docs["archive/afp.txt"]["path"].endswith(os.path.join("archive", "afp.txt"))


# -- progress --------------------------------------------------------------------------------------
def test_progress_is_a_bar_on_a_terminal_and_nothing_elsewhere(tmp_path):
    folder = tmp_path / "in"
    folder.mkdir()
    for n, text in enumerate(DISPATCHES):
        (folder / f"d{n}.txt").write_text(text, encoding="utf-8")
    piped = run("extract", folder, "--db", tmp_path / "piped.db", "-j", "1", "--format", "jsonl")
    said = " ".join(piped.stderr.split())
    assert said.startswith("11 facts from 3 documents into") and "━" not in said    # the summary alone: no bar
    import pty
    import threading

    leader, follower = pty.openpty()
    proc = subprocess.Popen([sys.executable, "-m", "kastfacts", "extract", str(folder), "--db", str(tmp_path / "tty.db"),
                             "-j", "1", "--format", "jsonl"], stdout=subprocess.PIPE, stderr=follower,
                            env={**os.environ, "COLUMNS": "160", "TERM": "xterm"})
    os.close(follower)
    shown = []

    def read_screen():              # read as it comes: a full terminal buffer would block the bar
        try:
            while chunk := os.read(leader, 65536):
                shown.append(chunk)
        except OSError:             # the other end closed
            pass
    reader = threading.Thread(target=read_screen)
    reader.start()
    proc.communicate(timeout=600)
    reader.join(timeout=60)
    os.close(leader)
    assert proc.returncode == 0
    screen = b"".join(shown).decode("utf-8", "replace")
    assert "/3" in screen and "documents" in screen and "from 3 documents" in screen
