"""The SQLite store: replace-not-duplicate, transactions, foreign files, schema versions."""
import sqlite3
import threading

import pytest

from kastfacts.records import Document, Fact, InputIssue, SkippedBlock
from kastfacts.store import SCHEMA_VERSION, Store, StoreError


def doc(doc_id="a.txt", path="/x/a.txt", sha="s1", text="Kast a remporté 58,1 % des voix."):
    return Document(doc=doc_id, path=path, text=text, sha256=sha, lang="fr", meta={"desk": "latam"},
                    skipped_blocks=[SkippedBlock(0, 3, "yo", "language yo")])


def fact(doc_id="a.txt", start=0, kind="person", value="José Antonio Kast", **kw):
    return Fact(doc_id, "fr", kind, "Kast", start, start + 4, "Kast a remporté 58,1 % des voix.", value, **kw)


def test_round_trip_keeps_every_field(tmp_path):
    with Store(tmp_path / "k.db") as store:
        pct = Fact("a.txt", "fr", "percentage", "58,1 %", 16, 22, "s", 58.1, subject="José Antonio Kast",
                   attribute="vote_share", decimals=1, unit="percent", context="round=2")
        store.write_batch([(doc(), [fact(entity="person:jose-antonio-kast", variants=["Kast"]), pct], {"k": 1})])
        got = list(store.facts())
        assert got == [fact(entity="person:jose-antonio-kast", variants=["Kast"]), pct]
        (d, frame), = store.documents(with_text=True)
        assert (d.meta, frame, d.skipped_blocks[0].lang, d.text) == ({"desk": "latam"}, {"k": 1}, "yo", doc().text)


def test_same_path_or_same_file_moved_replaces_and_the_same_text_renamed_is_a_copy(tmp_path):
    with Store(tmp_path / "k.db") as store:
        store.write_batch([(doc(), [fact(), fact(start=5)], None)])
        store.write_batch([(doc(), [fact()], None)])                                   # same id and path
        assert store.count() == 1 and store.count("documents") == 1
        store.write_batch([(doc("a.txt", "/y/a.txt", sha="s1"), [fact("a.txt")], None)])  # same name and text, moved
        assert [d.path for d, _ in store.documents()] == ["/y/a.txt"] and store.count() == 1
        store.write_batch([(doc("b.txt", "/y/b.txt", sha="s1"), [fact("b.txt")], None)])  # same text, another name
        assert [(d.doc, d.copy_of) for d, _ in store.documents()] == [("a.txt", None), ("b.txt", "a.txt")]
        store.write_batch([(doc("c.txt", "/y/c.txt", sha="s2"), [fact("c.txt")], None)])
        assert store.count("documents") == 3
        store.write_batch([(doc("a.txt", "/y/a.txt", sha="s3"), [], None)])            # the original edited
        assert [(d.doc, d.copy_of) for d, _ in store.documents()] == [("a.txt", None), ("b.txt", None), ("c.txt", None)]


def test_filters(tmp_path):
    with Store(tmp_path / "k.db") as store:
        store.write_batch([(doc(), [fact(entity="person:jose-antonio-kast"),
                                    fact(start=10, kind="place", value="Chile", entity="place:CL")], None)])
        assert [f.kind for f in store.facts(kind="place")] == ["place"]
        assert len(list(store.facts(entity="person:jose-antonio-kast"))) == 1
        assert len(list(store.facts(entity="chile"))) == 1          # canonical name, any case
        assert list(store.facts(doc="nope.txt")) == [] and len(list(store.facts(lang="fr"))) == 2


def test_a_document_that_cannot_be_stored_is_reported_and_its_batch_neighbours_stored(tmp_path):
    with Store(tmp_path / "k.db") as store:
        store.write_batch([(doc(), [fact()], None)])
        bad = fact("a.txt")
        bad.start = None            # violates NOT NULL: this document's new version must roll back whole
        unbindable = doc("c.txt", "/x/c.txt", sha="s3")
        unbindable.title = {"not": "a string"}          # SQLite cannot bind a dict
        outcomes = store.write_batch([(doc(text="changed"), [fact(), bad], None), (doc("b.txt", "/x/b.txt", sha="s2"),
                                      [fact("b.txt")], None), (unbindable, [fact("c.txt")], None)])
        assert outcomes[1] == "b.txt"
        assert [o.path for o in (outcomes[0], outcomes[2])] == ["/x/a.txt", "/x/c.txt"]
        assert all("could not be stored" in o.reason for o in (outcomes[0], outcomes[2]))
        assert store.count("documents") == 2 and store.document_text("a.txt") == doc().text   # the old version stays


def test_an_id_another_file_holds_is_lengthened_under_its_folders(tmp_path):
    with Store(tmp_path / "k.db") as store:
        assert store.write_batch([(doc("a.txt", "/news/lemonde/a.txt", sha="s1"), [fact()], None)]) == ["a.txt"]
        outcome = store.write_batch([(doc("a.txt", "/news/elpais/a.txt", sha="s2"), [fact()], None)])
        assert outcome == ["elpais/a.txt"]
        assert sorted(f.doc for f in store.facts()) == ["a.txt", "elpais/a.txt"]
        # the same path, or the same text moved elsewhere, is the same document: replaced
        assert store.write_batch([(doc("a.txt", "/news/elpais/a.txt", sha="s9"), [], None)]) == ["elpais/a.txt"]
        assert store.write_batch([(doc("a.txt", "/moved/a.txt", sha="s1"), [], None)]) == ["a.txt"]
        assert store.count("documents") == 2


def test_the_corpus_pass_is_pending_until_it_completes_and_a_stale_one_stops(tmp_path):
    from kastfacts.store import StalePass

    path = tmp_path / "k.db"
    with Store(path) as store, Store(path) as other:
        assert not store.pending()
        store.write_batch([(doc(), [fact()], None)])
        assert store.pending() and other.pending()
        store.begin_pass()
        store.write_resolved([])
        store.end_pass()
        assert not other.pending()
        store.begin_pass()
        other.write_batch([(doc("b.txt", "/x/b.txt", sha="s2"), [fact("b.txt")], None)])   # another run, meanwhile
        with pytest.raises(StalePass):
            store.write_resolved([])
        store.end_pass()
        assert store.pending()


def test_a_store_of_the_previous_schema_is_migrated_and_kept(tmp_path):
    path = tmp_path / "k.db"
    with Store(path) as store:
        store.write_batch([(doc(), [fact()], None)])
    con = sqlite3.connect(path)                     # as kastfacts' first schema left it
    con.executescript("DROP TABLE state; DROP INDEX documents_path; ALTER TABLE documents DROP COLUMN copy_of; "
                      "ALTER TABLE documents DROP COLUMN published_source; PRAGMA user_version = 1;")
    con.close()
    with Store(path, create=False) as store:
        assert [f.doc for f in store.facts()] == ["a.txt"] and not store.pending()
        assert [(d.doc, d.copy_of, d.published_source) for d, _ in store.documents()] == [("a.txt", None, None)]
    assert sqlite3.connect(path).execute("PRAGMA user_version").fetchone()[0] == SCHEMA_VERSION


def test_a_store_of_schema_2_on_read_only_media_is_read_without_the_newer_columns(tmp_path, monkeypatch):
    import os

    path = tmp_path / "k.db"
    with Store(path) as store:
        store.write_batch([(doc(), [fact()], None)])
    con = sqlite3.connect(path)                     # as the schema before copies and page dates left it
    con.executescript("ALTER TABLE documents DROP COLUMN copy_of; ALTER TABLE documents DROP COLUMN published_source; "
                      "PRAGMA user_version = 2; PRAGMA journal_mode = DELETE;")
    con.close()
    monkeypatch.setattr("kastfacts.store.os.access", lambda p, mode: not mode & os.W_OK)    # read-only media
    with Store(path, create=False) as store:
        assert store.read_only
        assert [(d.doc, d.copy_of) for d, _ in store.documents()] == [("a.txt", None)]


@pytest.mark.parametrize("content", [b"hello world, not a database" * 20, b"\x00" * 200])
def test_a_corrupt_file_is_refused_and_left_untouched(tmp_path, content):
    path = tmp_path / "k.db"
    path.write_bytes(content)
    with pytest.raises(StoreError, match="untouched"):
        Store(path)
    assert path.read_bytes() == content


def test_a_foreign_sqlite_database_is_refused(tmp_path):
    path = tmp_path / "other.db"
    con = sqlite3.connect(path)
    con.execute("CREATE TABLE invoices (id INTEGER)")
    con.commit()
    con.close()
    before = path.read_bytes()
    with pytest.raises(StoreError, match="did not create"):
        Store(path)
    assert path.read_bytes() == before


def test_newer_schema_is_refused_and_missing_database_explained(tmp_path):
    path = tmp_path / "k.db"
    Store(path).close()
    con = sqlite3.connect(path)
    con.execute(f"PRAGMA user_version = {SCHEMA_VERSION + 1}")
    con.commit()
    con.close()
    with pytest.raises(StoreError, match="newer kastfacts"):
        Store(path)
    with pytest.raises(StoreError, match="kastfacts extract"):
        Store(tmp_path / "none.db", create=False)


def test_concurrent_writers_lose_nothing(tmp_path):
    path = tmp_path / "k.db"
    Store(path).close()
    errors = []

    def writer(prefix):
        try:
            with Store(path) as store:
                for n in range(30):
                    d = doc(f"{prefix}{n}.txt", f"/{prefix}/{n}", sha=f"{prefix}{n}")
                    store.write_batch([(d, [fact(d.doc), fact(d.doc, start=5)], None)])
        except Exception as exc:  # pragma: no cover - reported below
            errors.append(exc)

    threads = [threading.Thread(target=writer, args=(p,)) for p in "ab"]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert errors == []
    with Store(path) as store:
        assert store.count("documents") == 60 and store.count() == 120


def test_issues_are_recorded_and_cleared_when_the_file_is_read(tmp_path):
    with Store(tmp_path / "k.db") as store:
        store.record_issues([InputIssue("/x/a.txt", "empty (no text)"), InputIssue("/x/b.pdf", "not a .txt or .md file")])
        store.write_batch([(doc(), [], None)])
        assert [i.path for i in store.issues()] == ["/x/b.pdf"]


def _open_and_count(job: tuple[str, float]) -> str | None:
    import time

    path, start = job
    time.sleep(max(0.0, start - time.time()))       # all together
    try:
        with Store(path) as store:
            store.count()
    except StoreError as exc:
        return str(exc)
    return None


def test_runs_creating_one_store_at_once_all_open_it():
    """Several runs opening a new store together: each waits for the one creating it (read apart,
    its header could be seen half-made: "not created by kastfacts", or "database is locked")."""
    import multiprocessing
    import tempfile

    import time

    with tempfile.TemporaryDirectory() as folder, multiprocessing.get_context("fork").Pool(6) as pool:
        for attempt in range(30):
            jobs = [(f"{folder}/k{attempt}.db", time.time() + 0.2)] * 6
            assert pool.map(_open_and_count, jobs, chunksize=1) == [None] * 6, attempt


def test_a_store_another_run_holds_says_so(tmp_path, monkeypatch):
    from kastfacts import store as store_module

    path = tmp_path / "k.db"
    with Store(path) as store:
        store.write_batch([(doc(), [fact()], None)])
    holder = sqlite3.connect(path, isolation_level=None)
    holder.execute("BEGIN IMMEDIATE")           # another run, mid-batch
    monkeypatch.setattr(store_module, "BUSY_TIMEOUT", 0.3, raising=False)
    try:
        with Store(path) as store:
            assert [f.doc for f in store.facts()] == ["a.txt"]     # reading is not blocked (WAL)
            with pytest.raises(StoreError, match="another kastfacts run"):
                store.write_batch([(doc("b.txt", "/x/b.txt", sha="s2"), [], None)])
    finally:
        holder.execute("ROLLBACK")
        holder.close()
