"""The fact store: one SQLite file holding documents, their facts and the skipped inputs.

Each batch of documents is written in one transaction, each document in a savepoint of its own,
so an interrupted run leaves every document complete or absent and one document SQLite refuses
does not take its neighbours with it. WAL mode and a busy timeout (on every connection, the
first schema check included) let several runs share one database. Every batch written makes the
corpus pass pending; the pass marks the store resolved when it ends, so a run that stopped in
between is seen, and finished, by the next command. A store that cannot be written (read-only
media) is opened read-only for reading.
"""
from __future__ import annotations

import json
import os
import sqlite3
import time
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from dataclasses import fields
from itertools import groupby
from operator import itemgetter
from pathlib import Path
from typing import NamedTuple

from .contract import Rejected, stored_fact_problem
from .documents import id_candidates, same_document
from .records import MENTION_FIELDS, Document, Fact, InputIssue, SkippedBlock

SCHEMA_VERSION = 3
APPLICATION_ID = 0x4B465354          # "KFST": marks the file as a kastfacts store
_FACT_COLUMNS = ("doc", "lang", "kind", "text", "start", "end", "sentence", "value",
                 "entity", "code", "subject", "attribute")
_FACT_EXTRA = tuple(f.name for f in fields(Fact) if f.name not in _FACT_COLUMNS)
# what the corpus pass rewrites; kept as extracted so the pass can always start again from it
RAW_FIELDS = ("kind", "value", "code", "place_type", "geonames_id", "label", "subject", "attribute", "participants")
_DOC_COLUMNS = ("doc", "path", "sha256", "lang", "lang_source", "published", "anchor", "anchor_method",
                "anchor_confidence", "encoding", "source", "title", "published_source", "copy_of")

_SCHEMA = """
CREATE TABLE IF NOT EXISTS documents (
    doc TEXT PRIMARY KEY, path TEXT, sha256 TEXT, lang TEXT, lang_source TEXT, published TEXT,
    anchor TEXT, anchor_method TEXT, anchor_confidence REAL, encoding TEXT, source TEXT, title TEXT,
    meta TEXT NOT NULL DEFAULT '{}', skipped_blocks TEXT NOT NULL DEFAULT '[]',
    frame TEXT, text TEXT NOT NULL
);
CREATE INDEX IF NOT EXISTS documents_sha ON documents(sha256);
CREATE TABLE IF NOT EXISTS facts (
    id INTEGER PRIMARY KEY, doc TEXT NOT NULL REFERENCES documents(doc) ON DELETE CASCADE,
    lang TEXT, kind TEXT NOT NULL, text TEXT NOT NULL, start INTEGER NOT NULL, "end" INTEGER NOT NULL,
    sentence TEXT, value TEXT, entity TEXT, code TEXT, subject TEXT, attribute TEXT, extra TEXT NOT NULL DEFAULT '{}',
    raw TEXT NOT NULL DEFAULT '{}'      -- the fact as extracted, before the corpus pass rewrote it
);
CREATE INDEX IF NOT EXISTS facts_doc ON facts(doc, start);
CREATE INDEX IF NOT EXISTS facts_kind ON facts(kind);
CREATE INDEX IF NOT EXISTS facts_entity ON facts(entity);
CREATE TABLE IF NOT EXISTS input_issues (path TEXT PRIMARY KEY, reason TEXT NOT NULL, severity TEXT NOT NULL);
"""
# version -> SQL that brings a store of the previous version to it (append only, never edit;
# a new store is _SCHEMA followed by every migration)
_MIGRATIONS: dict[int, str] = {
    2: """
CREATE TABLE IF NOT EXISTS state (key TEXT PRIMARY KEY, value INTEGER NOT NULL);  -- generation, resolved
CREATE INDEX IF NOT EXISTS documents_path ON documents(path);
""",
    3: """
ALTER TABLE documents ADD COLUMN published_source TEXT;   -- metadata | page | option
ALTER TABLE documents ADD COLUMN copy_of TEXT;            -- the first document (by id) with the same text
""",
}
BUSY_TIMEOUT = 60.0         # seconds a run waits for another one to release the store


_POSITIONAL = ("doc", "lang", "kind", "text", "start", "end", "sentence", "value", "entity", "code", "subject",
               "attribute")     # the Fact fields a row gives by position (see _fact)
assert tuple(f.name for f in fields(Fact))[:len(_POSITIONAL)] == _POSITIONAL
_FACT_UNSET = {f.name: None if f.name in _POSITIONAL else f.default for f in fields(Fact)}   # in field order
_EXTRA_NAMES = frozenset(_FACT_UNSET) - frozenset(_POSITIONAL)      # what `extra` may set
_SCALARS = frozenset({str, int, float, bool, type(None)})
_DECODED: dict = {}
_DECODED_SIZE = 4096


def _decoded(text):
    """json.loads of a stored JSON text. The same texts recur row after row (a name's value, a
    label's extra, an entity's raw fields), so those that decode to a scalar or to an object of
    scalars and lists of scalars are kept (a bounded memo). The lists are the caller's own; the
    objects are shared: copy one before changing it."""
    try:
        value, lists = _DECODED[text]
    except KeyError:
        value = json.loads(text)
        lists = _flat_lists(value)
        if lists is None:
            return value
        if len(_DECODED) >= _DECODED_SIZE:
            _DECODED.pop(next(iter(_DECODED)))
        _DECODED[text] = value, lists
    if lists:
        value = dict(value)
        for key in lists:
            value[key] = value[key][:]
    return value


def _flat_lists(value) -> tuple[str, ...] | None:
    """The keys of `value`'s lists when it is a scalar or an object of scalars and lists of
    scalars (what _decoded keeps), else None."""
    if type(value) in _SCALARS:
        return ()
    if type(value) is not dict:
        return None
    lists = []
    for key, item in value.items():
        if type(item) is list and all(type(v) in _SCALARS for v in item):
            lists.append(key)
        elif type(item) not in _SCALARS:
            return None
    return tuple(lists)


def _fact(row: tuple) -> Fact:
    """A Fact from a row selected as (id, doc, lang, kind, text, start, end, sentence, value, entity, code,
    subject, attribute, extra, ...)."""
    value = _decoded(row[8])
    extra = _decoded(row[13])
    if type(extra) is not dict or not extra.keys() <= _EXTRA_NAMES:
        return Fact(*row[1:8], value, *row[9:13], **extra)     # raises what the constructor says
    # the fields Fact.__init__ sets, in its order, without its keyword-argument parsing
    fact = object.__new__(Fact)
    fields_ = fact.__dict__
    fields_.update(_FACT_UNSET)
    fields_["doc"], fields_["lang"], fields_["kind"], fields_["text"], fields_["start"], fields_["end"], \
        fields_["sentence"] = row[1:8]
    fields_["value"] = value
    fields_["entity"], fields_["code"], fields_["subject"], fields_["attribute"] = row[9:13]
    fields_.update(extra)
    return fact


class Prepared(NamedTuple):
    """A document as write_batch stores it, its JSON and fact rows made ahead (see Store.prepare)."""
    document: Document
    meta: str
    skipped_blocks: str
    frame: str | None
    facts: list[tuple]          # each fact's row under the document's id, its raw fields last


class StoreError(RuntimeError):
    """The database cannot be used; the message says why and what to do. Nothing was written."""


class StalePass(RuntimeError):
    """Another run wrote documents while this corpus pass ran: that run's own pass resolves them all."""


def _statements(script: str) -> Iterator[str]:
    """The statements of an SQL script, one at a time (to run them inside a transaction of ours)."""
    pending = ""
    for piece in script.split(";"):
        pending += piece + ";"
        if sqlite3.complete_statement(pending):
            if pending.strip(" \n;"):
                yield pending
            pending = ""


def _short(path: str) -> str:
    return path if len(path) <= 120 else path[:60] + "…" + path[-40:]


def _uri(path: str, **options: str) -> str:
    from urllib.request import pathname2url

    return f"file:{pathname2url(os.path.abspath(path))}?" + "&".join(f"{k}={v}" for k, v in options.items())


_ENCODER = json.JSONEncoder(ensure_ascii=False, sort_keys=True)     # json.dumps would build one per call


def _dumps(value) -> str:
    return _ENCODER.encode(value)


def explain(path: str, exc: sqlite3.Error) -> str:
    """What an SQLite error on the store at `path` means for the user, and what to do."""
    why = str(exc)
    why = why if len(why) <= 160 else why[:160] + "…"      # a damaged page can make a long message
    low = why.lower()
    path = _short(str(path))
    if "locked" in low or "busy" in low:
        return (f"{path}: another kastfacts run is using it (still busy after {BUSY_TIMEOUT:.0f} s). "
                "Wait for it to finish, then run the same command again.")
    if "full" in low or "i/o error" in low:
        return (f"{path}: cannot be written ({why}: the disk is full, or failing). Nothing of the batch being "
                "written was kept and the documents stored before are intact: free some space and run the "
                "same command again.")
    if "readonly" in low or "read-only" in low:
        return f"{path}: cannot be written ({why}). Pass a writable file with --db."
    if any(word in low for word in ("malformed", "not a database", "encrypted", "corrupt", "could not decode")):
        return (f"{path}: not a usable SQLite database ({why}). "
                "Pass another file with --db; this one was left untouched.")
    return f"{path}: the database cannot be used ({why}). Pass another file with --db."


class Store:
    """Documents and facts in SQLite. Use as a context manager or call close()."""

    PAGE_DOCS = 200         # documents per page of the corpus pass (document_pages)

    def __init__(self, path: str | Path = "kastfacts.db", create: bool = True):
        self.path = str(path)
        self.read_only = False          # opened for reading only: the file or its folder cannot be written
        self._pass: int | None = None   # the generation the running corpus pass started from
        self._mentions: str | None = None   # the running pass's snapshot of the mentions (see entity_mentions)
        self._passing = False
        self._has_state = True
        self._missing_columns: set[str] = set()     # document columns an older store, read as it is, lacks
        self.rejected = Rejected()      # stored rows that are not facts of the contract (a tampered store)
        self.conn = None
        try:
            if self.path != ":memory:":
                self._check_file(create)
            self.conn = self._connect()
            self._check_and_migrate(create)
            self.conn.execute("PRAGMA foreign_keys = ON")
        except StoreError:
            self.close()
            raise
        except sqlite3.DatabaseError as exc:
            self.close()
            raise StoreError(self.explain(exc)) from None
        except OSError as exc:
            self.close()
            raise StoreError(f"{_short(self.path)}: cannot be opened ({exc.strerror or exc}). Pass another file with --db.") from None

    def _check_file(self, create: bool) -> None:
        """What the file system says, before SQLite is asked: missing, a folder, empty, writable."""
        path = Path(self.path)
        exists = path.exists()
        if not exists and not create:
            raise StoreError(f"{_short(self.path)}: no such database. Run `kastfacts extract PATH...` first, or pass --db FILE.")
        if exists and path.is_dir():
            raise StoreError(f"{_short(self.path)}: is a folder, not a database file")
        if exists and not create and path.stat().st_size == 0:
            raise StoreError(f"{_short(self.path)}: an empty file, not a kastfacts database yet. "
                             "Run `kastfacts extract PATH... --db FILE` to fill it.")
        folder = path.parent if str(path.parent) else Path(".")
        writable = os.access(folder, os.W_OK | os.X_OK) and (not exists or os.access(path, os.W_OK))
        if writable:
            return
        what = "file" if exists and not os.access(path, os.W_OK) else "folder"
        if create:
            raise StoreError(f"{_short(self.path)}: cannot be written (read-only {what}). "
                             "Pass a writable file with --db, or make this one writable.")
        self.read_only = True

    def _connect(self) -> sqlite3.Connection:
        if not self.read_only:
            conn = sqlite3.connect(self.path, timeout=BUSY_TIMEOUT, isolation_level=None)
            conn.execute(f"PRAGMA busy_timeout = {int(BUSY_TIMEOUT * 1000)}")
            return conn
        # Read-only media: SQLite cannot create the WAL index beside the file, so a store in WAL
        # mode opens only as immutable (nobody can write it there anyway).
        for options in ({"mode": "ro"}, {"mode": "ro", "immutable": "1"}):
            conn = sqlite3.connect(_uri(self.path, **options), uri=True, timeout=BUSY_TIMEOUT, isolation_level=None)
            try:
                conn.execute("SELECT count(*) FROM sqlite_master").fetchone()
                return conn
            except sqlite3.OperationalError:
                conn.close()
        raise StoreError(f"{_short(self.path)}: cannot be opened, even read-only. Check its permissions, or pass another file with --db.")

    def explain(self, exc: sqlite3.Error) -> str:
        return explain(self.path, exc)

    # -- schema -------------------------------------------------------------------------------
    def _header(self) -> tuple[int, set[str], int]:
        """(application id, tables, schema version), read in one transaction: a consistent view even
        while another run is creating the store (read apart, the three can straddle its commit)."""
        in_transaction = self.conn.in_transaction
        if not in_transaction:
            self.conn.execute("BEGIN")
        try:
            app_id = self.conn.execute("PRAGMA application_id").fetchone()[0]
            tables = {r[0] for r in self.conn.execute("SELECT name FROM sqlite_master WHERE type='table'")}
            version = self.conn.execute("PRAGMA user_version").fetchone()[0]
        except BaseException:
            if not in_transaction:
                self._rollback()
            raise
        if not in_transaction:
            self.conn.execute("COMMIT")
        return app_id, tables, version

    def _refuse(self, app_id: int, tables: set[str], version: int) -> None:
        if app_id != APPLICATION_ID and tables:
            raise StoreError(f"{_short(self.path)}: an SQLite database that kastfacts did not create "
                             f"(tables: {', '.join(sorted(tables)[:5])}). Pass another file with --db; this one was left untouched.")
        if version > SCHEMA_VERSION:
            raise StoreError(f"{_short(self.path)}: written by a newer kastfacts (schema {version}, this one knows {SCHEMA_VERSION}). Upgrade kastfacts.")
        if tables and version == 0:
            raise StoreError(f"{_short(self.path)}: marked as a kastfacts store but without a schema version (edited by "
                             "another tool?). Pass another file with --db; this one was left untouched.")

    def _check_and_migrate(self, create: bool) -> None:
        app_id, tables, version = self._header()
        self._refuse(app_id, tables, version)
        if not tables and not create:
            raise StoreError(f"{_short(self.path)}: holds no kastfacts data. Run `kastfacts extract PATH... --db FILE` first.")
        if self.read_only:
            self._has_state = "state" in tables      # an older store, read as it is
            if "documents" in tables:
                have = {r[1] for r in self.conn.execute("PRAGMA table_info(documents)")}
                self._missing_columns = {c for c in _DOC_COLUMNS if c not in have}
            return
        if self.path != ":memory:":
            self._busy_retry(self._wal)
        if version == SCHEMA_VERSION:
            return
        # one transaction, the write lock taken first: a store is migrated completely or not at all,
        # and two runs creating or migrating the same store do it once
        self._busy_retry(lambda: self.conn.execute("BEGIN IMMEDIATE"))
        try:
            app_id, tables, version = self._header()
            self._refuse(app_id, tables, version)
            if version < SCHEMA_VERSION:
                steps = ("" if tables else _SCHEMA) + "".join(_MIGRATIONS[v] for v in range(max(version, 1) + 1, SCHEMA_VERSION + 1))
                for statement in _statements(steps):
                    self.conn.execute(statement)
                self.conn.execute(f"PRAGMA application_id = {APPLICATION_ID}")
                self.conn.execute(f"PRAGMA user_version = {SCHEMA_VERSION}")
        except BaseException:
            self._rollback()
            raise
        self.conn.execute("COMMIT")

    def _wal(self) -> None:
        if self.conn.execute("PRAGMA journal_mode").fetchone()[0].lower() != "wal":
            self.conn.execute("PRAGMA journal_mode = WAL")

    @staticmethod
    def _busy_retry(step) -> None:
        """Run `step`, waiting out SQLITE_BUSY for as long as the busy timeout. SQLite returns it at
        once, without its busy handler, where waiting could deadlock (a journal mode change while
        another run creates the store): retrying from the start is safe there."""
        deadline = time.monotonic() + BUSY_TIMEOUT
        pause = 0.01
        while True:
            try:
                return step()
            except sqlite3.OperationalError as exc:
                if "locked" not in str(exc) and "busy" not in str(exc) or time.monotonic() > deadline:
                    raise
            time.sleep(pause)
            pause = min(pause * 2, 0.5)

    def close(self) -> None:
        if self.conn is not None:
            self.conn.close()
            self.conn = None

    def __enter__(self) -> "Store":
        return self

    def __exit__(self, *exc) -> None:
        self.close()

    # -- writing ------------------------------------------------------------------------------
    @contextmanager
    def _transaction(self):
        """One write transaction, taken at once (BEGIN IMMEDIATE): all of it lands or none of it.
        The store's own trouble (disk full, locked past the timeout, read-only) becomes a StoreError."""
        try:
            self.conn.execute("BEGIN IMMEDIATE")
            try:
                yield
            except BaseException:
                self._rollback()
                raise
            self.conn.execute("COMMIT")
        except sqlite3.OperationalError as exc:
            self._rollback()
            raise StoreError(self.explain(exc)) from None

    def _rollback(self) -> None:
        """Roll back what is left: after a failed write (a full disk) SQLite may have done it already."""
        if self.conn.in_transaction:
            try:
                self.conn.execute("ROLLBACK")
            except sqlite3.Error:
                pass

    def write_batch(self, batch: Iterable[tuple[Document, list[Fact], dict | None] | Prepared]) -> list[str | InputIssue]:
        """Replace each document (the same file, or one of the same name and text moved: see
        documents.same_document) and its facts; one transaction. Then mark the copies: every
        document whose text an earlier one (by id) has is `copy_of` that one. A document comes as
        (document, facts, frame) or Prepared (the same, serialized ahead, in a worker).

        Returns, for each document, the id it was stored under (its own, or a longer one when
        another run took that id meanwhile: see `free_id`) or an InputIssue saying why it could
        not be stored: each document has a savepoint of its own, so a bad one leaves the others.
        """
        outcomes: list[str | InputIssue] = []
        texts: set[str] = set()         # the digests whose copies may have changed
        with self._transaction():
            for item in batch:
                doc = item[0]
                self.conn.execute("SAVEPOINT document")
                try:
                    doc_id = self.free_id(doc)
                    texts |= self._write_document(doc_id, item)
                except sqlite3.OperationalError:
                    raise           # the store's trouble, not this document's: the whole batch rolls back
                except (sqlite3.Error, ValueError, TypeError, OverflowError, RecursionError) as exc:
                    self.conn.execute("ROLLBACK TO document")
                    outcomes.append(InputIssue(doc.path, f"could not be stored ({type(exc).__name__}: {exc}); "
                                                         "the other documents were"))
                else:
                    outcomes.append(doc_id)
                self.conn.execute("RELEASE document")
            self._mark_copies(texts)
            self.conn.execute("INSERT INTO state VALUES ('generation', 1) "
                              "ON CONFLICT(key) DO UPDATE SET value = value + 1")
        return outcomes

    @classmethod
    def prepare(cls, doc: Document, facts: list[Fact], frame: dict | None) -> Prepared:
        """What write_batch stores for a document, serialized: made in the worker that extracted
        it, so that the process writing the store only inserts. Raises what serializing raises."""
        return Prepared(doc, _dumps(doc.meta), _dumps([b.to_dict() for b in doc.skipped_blocks]),
                        _dumps(frame) if frame is not None else None, [cls._stored_row(f) for f in facts])

    @classmethod
    def _stored_row(cls, f: Fact) -> tuple:
        return cls._fact_row(f) + (_dumps({k: vars(f)[k] for k in RAW_FIELDS}),)

    def _write_document(self, doc_id: str, item: tuple[Document, list[Fact], dict | None] | Prepared) -> set[str]:
        """Write one document over its earlier version; returns the text digests it touched."""
        doc = item[0]
        moved = [d for d, path, digest in self.conn.execute(
                     "SELECT doc, path, sha256 FROM documents WHERE sha256 = ? AND path != ? AND doc != ?",
                     (doc.sha256, doc.path, doc_id)) if same_document(path, digest, doc)]
        replaced = [doc_id] + moved
        texts = {r[0] for r in self.conn.execute(
            f"SELECT sha256 FROM documents WHERE path = ? OR doc IN ({', '.join('?' * len(replaced))})",
            [doc.path] + replaced) if r[0]} | ({doc.sha256} if doc.sha256 else set())
        self.conn.execute(f"DELETE FROM documents WHERE path = ? OR doc IN ({', '.join('?' * len(replaced))})",
                          [doc.path] + replaced)
        prepared = item if type(item) is Prepared else self.prepare(*item)
        self.conn.execute(
            f"INSERT INTO documents ({', '.join(_DOC_COLUMNS)}, meta, skipped_blocks, frame, text) "
            f"VALUES ({', '.join('?' * (len(_DOC_COLUMNS) + 4))})",
            [doc_id if c == "doc" else getattr(doc, c) for c in _DOC_COLUMNS]
            + [prepared.meta, prepared.skipped_blocks, prepared.frame, doc.text])
        rows = prepared.facts
        if any(row[0] != doc_id for row in rows):     # stored under another id (free_id), or a fact of another
            rows = [(doc_id,) + row[1:] for row in rows]
        self.conn.executemany(
            'INSERT INTO facts (doc, lang, kind, text, start, "end", sentence, value, entity, code, '
            "subject, attribute, extra, raw) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?)", rows)
        self.conn.execute("DELETE FROM input_issues WHERE path = ?", (doc.path,))
        return texts

    def _mark_copies(self, texts: Iterable[str]) -> None:
        """For each text digest, the first document by id that has it is the original and every
        other one is `copy_of` it (only rows that change are written: a dispatch reprinted a
        thousand times costs one index scan per batch that touches it)."""
        for digest in sorted(texts):
            first = self.conn.execute("SELECT min(doc) FROM documents WHERE sha256 = ?", (digest,)).fetchone()[0]
            if first is None:
                continue
            self.conn.execute("UPDATE documents SET copy_of = NULL WHERE doc = ? AND copy_of IS NOT NULL", (first,))
            self.conn.execute("UPDATE documents SET copy_of = ? WHERE sha256 = ? AND doc != ? AND copy_of IS NOT ?",
                              (first, digest, first, first))

    def holder(self, doc_id: str) -> tuple[str, str | None] | None:
        """(path, sha256) of the document stored under `doc_id`, or None."""
        row = self.conn.execute("SELECT path, sha256 FROM documents WHERE doc = ?", (doc_id,)).fetchone()
        return (row[0], row[1]) if row else None

    def free_id(self, doc: Document) -> str:
        """The document's id, or the first longer one (under its folders) that no other file holds:
        an id held by an earlier version of the document (documents.same_document) is its to replace."""
        for candidate in id_candidates(doc.doc, doc.path):
            held = self.holder(candidate)
            if held is None or same_document(held[0], held[1], doc):
                return candidate
        return doc.path             # every id under its folders is another file's: its path is its own

    @staticmethod
    def _fact_row(f: Fact) -> tuple:
        fields_ = vars(f)           # one dict look-up per field, not two getattr calls
        extra = {k: v for k in _FACT_EXTRA if (v := fields_[k]) is not None}
        return (f.doc, f.lang, f.kind, f.text, f.start, f.end, f.sentence, _dumps(f.value),
                f.entity, f.code, f.subject, f.attribute, _dumps(extra))

    def record_issues(self, issues: Iterable[InputIssue], corpora: Iterable[str] = ()) -> None:
        """Keep the inputs skipped; `corpora` were read again, so what was said of their lines
        before (`CORPUS:N`) is replaced by what this run says."""
        rows = [(i.path, i.reason, i.severity) for i in issues]
        stale = [(len(c) + 1, c + ":") for c in corpora]
        if rows or stale:
            with self._transaction():
                self.conn.executemany("DELETE FROM input_issues WHERE substr(path, 1, ?) = ?", stale)
                self.conn.executemany("INSERT OR REPLACE INTO input_issues VALUES (?,?,?)", rows)

    # -- the corpus pass ----------------------------------------------------------------------
    def _state(self, key: str) -> int:
        row = self.conn.execute("SELECT value FROM state WHERE key = ?", (key,)).fetchone()
        return row[0] if row else 0

    def pending(self) -> bool:
        """Documents were written since the last complete corpus pass (a run stopped in between)."""
        return self._has_state and self._state("generation") != self._state("resolved")

    def begin_pass(self) -> None:
        self._pass = self._state("generation") if self._has_state else None
        self._drop_mentions()
        self._passing = True

    def _drop_mentions(self) -> None:
        if self._mentions is not None:
            self.conn.execute(f"DROP TABLE IF EXISTS temp.{self._mentions}")
            self._mentions = None

    def _check_pass(self) -> None:
        if self._pass is not None and self._state("generation") != self._pass:
            self._pass = None
            self._passing = False
            self._drop_mentions()
            raise StalePass(f"{self.path}: another run wrote documents during this corpus pass")

    def end_pass(self) -> None:
        """The pass is complete: the store is resolved as of the documents it started from."""
        self._passing = False
        self._drop_mentions()
        if self._pass is None:
            return
        with self._transaction():
            self._check_pass()
            self.conn.execute("INSERT INTO state VALUES ('resolved', ?) ON CONFLICT(key) DO UPDATE SET value = ?",
                              (self._pass, self._pass))
        self._pass = None

    def write_resolved(self, rows: list[tuple[int, Fact, bool]]) -> None:
        """The corpus pass's output for a page of facts: (id, fact, changed); only changed ones are
        rewritten, and only in the columns the pass can change: a fact's document, language,
        offsets, text and sentence are its mention's, which the pass never moves (leaving them
        out spares the document index and the longest values)."""
        self.write_resolved_rows(self.resolved_rows(rows))

    @classmethod
    def resolved_rows(cls, rows: list[tuple[int, Fact, bool]]) -> list[tuple]:
        """What write_resolved writes for these, as SQL parameters (made in a worker of the pass)."""
        return [cls._resolved_row(f) + (fid,) for fid, f, changed in rows if changed]

    def write_resolved_rows(self, rows: list[tuple]) -> None:
        with self._transaction():
            self._check_pass()
            self.conn.executemany(
                "UPDATE facts SET kind=?, value=?, entity=?, code=?, subject=?, attribute=?, extra=? WHERE id=?", rows)

    @classmethod
    def _resolved_row(cls, f: Fact) -> tuple:
        """The columns write_resolved sets, as _fact_row writes them (kind, value ... extra)."""
        row = cls._fact_row(f)
        return (row[2], *row[7:])

    def update_anchors(self, anchors: dict[str, tuple[str | None, str, float]]) -> None:
        """Each document's writing date as the corpus pass inferred it: doc -> (anchor, method, confidence)."""
        with self._transaction():
            self._check_pass()
            self.conn.execute("UPDATE documents SET anchor = NULL, anchor_method = NULL, anchor_confidence = NULL")
            self.conn.executemany("UPDATE documents SET anchor=?, anchor_method=?, anchor_confidence=? WHERE doc=?",
                                  [(*a, doc) for doc, a in anchors.items()])

    # -- reading ------------------------------------------------------------------------------
    def facts(self, kind: str | None = None, doc: str | None = None, lang: str | None = None,
              entity: str | None = None, with_ids: bool = False,
              docs: tuple[str, str] | None = None) -> Iterator[Fact] | Iterator[tuple[int, Fact]]:
        """Stored facts in document order, filtered; `entity` matches the id or the value (case-insensitive);
        `docs`, the documents from the first to the last id given (a page, see page_spans)."""
        where, args = [], []
        if docs:
            where.append("doc >= ? AND doc <= ?")
            args += docs
        for column, value in (("kind", kind), ("doc", doc), ("lang", lang)):
            if value:
                where.append(f"{column} = ?")
                args.append(value)
        if entity:
            where.append("(entity = ? OR lower(value) = lower(?) OR lower(value) = lower(?))")
            args += [entity, entity, _dumps(entity)]
        sql = ('SELECT id, doc, lang, kind, text, start, "end", sentence, value, entity, code, subject, attribute, extra '
               "FROM facts" + (" WHERE " + " AND ".join(where) if where else "") + ' ORDER BY doc, start, "end", kind, id')
        for row in self.conn.execute(sql, args):
            fact = self._checked(row)
            if fact is not None:
                yield (row[0], fact) if with_ids else fact

    def _checked(self, row: tuple) -> Fact | None:
        """The row as a Fact, or None (counted in `rejected`) when it is not one of the contract."""
        try:
            fact = _fact(row)
        except (ValueError, TypeError, RecursionError) as exc:
            self.rejected.add(f"fact {row[0]} of {row[1]!r}", f"unreadable ({exc})")
            return None
        problem = stored_fact_problem(fact)
        if problem:
            self.rejected.add(f"fact {row[0]} of {row[1]!r}", problem)
            return None
        return fact

    def entity_mentions(self) -> Iterator[tuple]:
        """(doc, start, end, text, fields) of every person/place/organization mention, as extracted:
        `fields` are its raw MENTION_FIELDS, read by SQLite (the corpus pass reads them three times;
        decoding each raw fact in Python cost more than the rest of the read). During a pass
        (begin_pass) the first read keeps what it picks in a temporary table of SQLite's, which
        the next ones scan: the raw records are taken apart once, and every read of the pass sees
        the same mentions."""
        picked = ", ".join(f"json_extract(raw, '$.{name}')" for name in MENTION_FIELDS)
        sql = (f'SELECT doc, start, "end", text, {picked} FROM facts WHERE json_extract(raw, \'$.kind\') '
               "IN ('person', 'place', 'organization') ORDER BY doc, start, id")
        if self._passing and not self.read_only:
            if self._mentions is None:
                self._mentions = "pass_mentions"
                self.conn.execute(f"DROP TABLE IF EXISTS temp.{self._mentions}")
                self.conn.execute(f"CREATE TEMP TABLE {self._mentions} AS {sql}")
            sql = f"SELECT * FROM temp.{self._mentions} ORDER BY rowid"
        for doc, start, end, text, *values in self.conn.execute(sql):
            yield doc, start, end, text, tuple(values)

    def document_pages(self, docs_per_page: int | None = None) -> Iterator[list[tuple[str, list[tuple[int, Fact, dict]]]]]:
        """Every fact with its id and its as-extracted fields, grouped by document, a page of whole
        documents at a time (memory stays flat; the corpus pass may write between pages)."""
        last = ""
        while True:
            docs = [r[0] for r in self.conn.execute("SELECT doc FROM documents WHERE doc > ? ORDER BY doc LIMIT ?",
                                                    (last, docs_per_page or self.PAGE_DOCS))]
            if not docs:
                return
            last = docs[-1]
            yield self.read_page(docs[0], docs[-1])

    def page_spans(self, docs_per_page: int | None = None) -> list[tuple[str, str]]:
        """(first, last) document id of each page document_pages gives, in order: what a worker
        of the pass reads the page by (read_page), on a connection of its own (page_reader)."""
        docs_per_page = docs_per_page or self.PAGE_DOCS
        spans, first, last, n = [], None, None, 0
        for (doc,) in self.conn.execute("SELECT doc FROM documents ORDER BY doc"):
            first, last, n = (doc if n == 0 else first), doc, n + 1
            if n == docs_per_page:
                spans.append((first, last))
                n = 0
        if n:
            spans.append((first, last))
        return spans

    def read_page(self, first: str, last: str) -> list[tuple[str, list[tuple[int, Fact, dict]]]]:
        """The page of documents `first` to `last` (see document_pages)."""
        rows = self.conn.execute(
            'SELECT id, doc, lang, kind, text, start, "end", sentence, value, entity, code, subject, attribute, '
            "extra, raw FROM facts WHERE doc >= ? AND doc <= ? ORDER BY doc, id", (first, last)).fetchall()
        return [(doc, [item for r in group if (item := self._page_row(r)) is not None])
                for doc, group in groupby(rows, key=itemgetter(1))]

    @contextmanager
    def disconnected(self):
        """This store's connection closed for the time of the block, then opened again. An SQLite
        connection must not cross a fork (the child would inherit SQLite's record of its locks,
        not the locks): the pass forks its page workers inside this, and they open their own
        (page_reader). Temporary tables go with the connection."""
        self._drop_mentions()
        self.conn.close()
        self.conn = None
        try:
            yield
        finally:
            self.conn = self._connect()
            self.conn.execute("PRAGMA foreign_keys = ON")

    def page_reader(self) -> "Store":
        """This store for reading pages (read_page, resolved_rows) in a forked worker of the pass:
        a connection of its own, its own count of rejected rows."""
        from copy import copy

        reader = copy(self)
        reader.conn = self._connect()
        reader.rejected = Rejected()
        return reader

    def _page_row(self, row: tuple) -> tuple[int, Fact, dict] | None:
        fact = self._checked(row)
        try:
            raw = _decoded(row[14])
        except ValueError:
            raw = None
        if fact is None or not isinstance(raw, dict) or not isinstance(raw.get("kind"), str):
            return None             # left as it is; the commands that read the store leave it out
        return row[0], fact, dict(raw)      # the caller's own copy of the shared decoding

    def documents(self, with_text: bool = False) -> Iterator[tuple[Document, dict | None]]:
        """The stored documents by id, with their time clues."""
        cols = ", ".join("NULL" if c in self._missing_columns else c for c in _DOC_COLUMNS)
        cols += ", meta, skipped_blocks, frame" + (", text" if with_text else "")
        for row in self.conn.execute(f"SELECT {cols} FROM documents ORDER BY doc"):
            n = len(_DOC_COLUMNS)
            stored = Document(**dict(zip(_DOC_COLUMNS, row[:n])), text=row[n + 3] if with_text else "",
                              meta=json.loads(row[n]),
                              skipped_blocks=[SkippedBlock(**{"lang": None, **b}) for b in json.loads(row[n + 1])])
            yield stored, (json.loads(row[n + 2]) if row[n + 2] else None)

    def document_text(self, doc: str) -> str | None:
        row = self.conn.execute("SELECT text FROM documents WHERE doc = ?", (doc,)).fetchone()
        return row[0] if row else None

    def issues(self) -> list[InputIssue]:
        return [InputIssue(*r) for r in self.conn.execute("SELECT path, reason, severity FROM input_issues ORDER BY path")]

    def count(self, table: str = "facts") -> int:
        assert table in ("facts", "documents")
        return self.conn.execute(f"SELECT count(*) FROM {table}").fetchone()[0]
