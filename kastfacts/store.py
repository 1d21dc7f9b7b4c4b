"""The fact store: one SQLite file holding documents, their facts and the skipped inputs.

Each document is written in one transaction with its facts, so an interrupted run leaves every
document complete or absent. WAL mode and a busy timeout let two runs share one database.
"""
from __future__ import annotations

import json
import sqlite3
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from dataclasses import fields
from itertools import groupby
from operator import itemgetter
from pathlib import Path

from .records import Document, Fact, InputIssue, SkippedBlock

SCHEMA_VERSION = 1
APPLICATION_ID = 0x4B465354          # "KFST": marks the file as a kastfacts store
_FACT_COLUMNS = ("doc", "lang", "kind", "text", "start", "end", "sentence", "value",
                 "entity", "code", "subject", "attribute")
_FACT_EXTRA = tuple(f.name for f in fields(Fact) if f.name not in _FACT_COLUMNS)
# what the corpus pass rewrites; kept as extracted so the pass can always start again from it
RAW_FIELDS = ("kind", "value", "code", "place_type", "geonames_id", "label", "subject", "attribute", "participants")
_DOC_COLUMNS = ("doc", "path", "sha256", "lang", "lang_source", "published", "anchor", "anchor_method",
                "anchor_confidence", "encoding", "source", "title")

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
# version -> SQL that brings a store of the previous version to it (append only, never edit)
_MIGRATIONS: dict[int, str] = {}


def _fact(row: tuple) -> Fact:
    """A Fact from a row selected as (id, doc, lang, kind, text, start, end, sentence, value, entity, code,
    subject, attribute, extra, ...)."""
    return Fact(*row[1:8], json.loads(row[8]), *row[9:13], **json.loads(row[13]))


class StoreError(RuntimeError):
    """The database cannot be used; the message says why and what to do. Nothing was written."""


def _dumps(value) -> str:
    return json.dumps(value, ensure_ascii=False, sort_keys=True)


class Store:
    """Documents and facts in SQLite. Use as a context manager or call close()."""

    def __init__(self, path: str | Path = "kastfacts.db", create: bool = True):
        self.path = str(path)
        if self.path != ":memory:" and not Path(self.path).exists() and not create:
            raise StoreError(f"{self.path}: no such database. Run `kastfacts extract PATH...` first, or pass --db FILE.")
        if self.path != ":memory:" and Path(self.path).is_dir():
            raise StoreError(f"{self.path}: is a folder, not a database file")
        try:
            self.conn = sqlite3.connect(self.path, timeout=60, isolation_level=None)
            self.conn.execute("PRAGMA busy_timeout = 60000")
            self._check_and_migrate()
        except sqlite3.DatabaseError as exc:
            raise StoreError(f"{self.path}: not a usable SQLite database ({exc}). "
                             "Pass another file with --db; this one was left untouched.") from None
        self.conn.execute("PRAGMA foreign_keys = ON")

    # -- schema -------------------------------------------------------------------------------
    def _check_and_migrate(self) -> None:
        app_id = self.conn.execute("PRAGMA application_id").fetchone()[0]
        tables = {r[0] for r in self.conn.execute("SELECT name FROM sqlite_master WHERE type='table'")}
        if app_id != APPLICATION_ID and tables:
            raise StoreError(f"{self.path}: an SQLite database that kastfacts did not create "
                             f"(tables: {', '.join(sorted(tables)[:5])}). Pass another file with --db; this one was left untouched.")
        version = self.conn.execute("PRAGMA user_version").fetchone()[0]
        if version > SCHEMA_VERSION:
            raise StoreError(f"{self.path}: written by a newer kastfacts (schema {version}, this one knows {SCHEMA_VERSION}). Upgrade kastfacts.")
        if self.path != ":memory:":
            self.conn.execute("PRAGMA journal_mode = WAL")
        if version == SCHEMA_VERSION:
            return
        if tables:
            steps = "".join(_MIGRATIONS[v] for v in range(version + 1, SCHEMA_VERSION + 1))
        else:
            steps = _SCHEMA     # idempotent: a concurrent run creating the same store is harmless
        # one script, one transaction: a store is migrated completely or not at all
        self.conn.executescript(f"BEGIN IMMEDIATE; {steps}; PRAGMA application_id = {APPLICATION_ID}; "
                                f"PRAGMA user_version = {SCHEMA_VERSION}; COMMIT;")

    def close(self) -> None:
        self.conn.close()

    def __enter__(self) -> "Store":
        return self

    def __exit__(self, *exc) -> None:
        self.close()

    # -- writing ------------------------------------------------------------------------------
    @contextmanager
    def _transaction(self):
        """One write transaction, taken at once (BEGIN IMMEDIATE): all of it lands or none of it."""
        self.conn.execute("BEGIN IMMEDIATE")
        try:
            yield
        except BaseException:
            self.conn.execute("ROLLBACK")
            raise
        self.conn.execute("COMMIT")

    def write_batch(self, batch: Iterable[tuple[Document, list[Fact], dict | None]]) -> None:
        """Replace each document (same id, path or content) and its facts; one transaction."""
        with self._transaction():
            for doc, facts, frame in batch:
                self.conn.execute("DELETE FROM documents WHERE doc = ? OR path = ? OR sha256 = ?",
                                  (doc.doc, doc.path, doc.sha256))
                self.conn.execute(
                    f"INSERT INTO documents ({', '.join(_DOC_COLUMNS)}, meta, skipped_blocks, frame, text) "
                    f"VALUES ({', '.join('?' * (len(_DOC_COLUMNS) + 4))})",
                    [getattr(doc, c) for c in _DOC_COLUMNS]
                    + [_dumps(doc.meta), _dumps([b.to_dict() for b in doc.skipped_blocks]),
                       _dumps(frame) if frame is not None else None, doc.text])
                self.conn.executemany(
                    'INSERT INTO facts (doc, lang, kind, text, start, "end", sentence, value, entity, code, '
                    "subject, attribute, extra, raw) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?)",
                    [self._fact_row(f) + (_dumps({k: getattr(f, k) for k in RAW_FIELDS}),) for f in facts])
                self.conn.execute("DELETE FROM input_issues WHERE path = ?", (doc.path,))

    @staticmethod
    def _fact_row(f: Fact) -> tuple:
        extra = {k: getattr(f, k) for k in _FACT_EXTRA if getattr(f, k) is not None}
        return (f.doc, f.lang, f.kind, f.text, f.start, f.end, f.sentence, _dumps(f.value),
                f.entity, f.code, f.subject, f.attribute, _dumps(extra))

    def record_issues(self, issues: Iterable[InputIssue]) -> None:
        rows = [(i.path, i.reason, i.severity) for i in issues]
        if rows:
            with self.conn:
                self.conn.execute("BEGIN IMMEDIATE")
                self.conn.executemany("INSERT OR REPLACE INTO input_issues VALUES (?,?,?)", rows)

    def write_resolved(self, rows: list[tuple[int, Fact, bool]]) -> None:
        """The corpus pass's output for a page of facts: (id, fact, changed); only changed ones are rewritten."""
        with self._transaction():
            self.conn.executemany(
                'UPDATE facts SET doc=?, lang=?, kind=?, text=?, start=?, "end"=?, sentence=?, value=?, entity=?, '
                "code=?, subject=?, attribute=?, extra=? WHERE id=?",
                [self._fact_row(f) + (fid,) for fid, f, changed in rows if changed])

    def update_anchors(self, anchors: dict[str, tuple[str | None, str, float]]) -> None:
        """Each document's writing date as the corpus pass inferred it: doc -> (anchor, method, confidence)."""
        with self._transaction():
            self.conn.execute("UPDATE documents SET anchor = NULL, anchor_method = NULL, anchor_confidence = NULL")
            self.conn.executemany("UPDATE documents SET anchor=?, anchor_method=?, anchor_confidence=? WHERE doc=?",
                                  [(*a, doc) for doc, a in anchors.items()])

    # -- reading ------------------------------------------------------------------------------
    def facts(self, kind: str | None = None, doc: str | None = None, lang: str | None = None,
              entity: str | None = None, with_ids: bool = False) -> Iterator[Fact] | Iterator[tuple[int, Fact]]:
        """Stored facts in document order, filtered; `entity` matches the id or the value (case-insensitive)."""
        where, args = [], []
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
            fact = _fact(row)
            yield (row[0], fact) if with_ids else fact

    def entity_mentions(self) -> Iterator[tuple]:
        """(doc, start, end, text, raw) of every person/place/organization mention, as extracted."""
        sql = ('SELECT doc, start, "end", text, raw FROM facts WHERE json_extract(raw, \'$.kind\') '
               "IN ('person', 'place', 'organization') ORDER BY doc, start, id")
        for doc, start, end, text, raw in self.conn.execute(sql):
            yield doc, start, end, text, json.loads(raw)

    def document_pages(self, docs_per_page: int = 200) -> Iterator[list[tuple[str, list[tuple[int, Fact, dict]]]]]:
        """Every fact with its id and its as-extracted fields, grouped by document, a page of whole
        documents at a time (memory stays flat; the corpus pass may write between pages)."""
        last = ""
        while True:
            docs = [r[0] for r in self.conn.execute("SELECT doc FROM documents WHERE doc > ? ORDER BY doc LIMIT ?",
                                                    (last, docs_per_page))]
            if not docs:
                return
            last = docs[-1]
            rows = self.conn.execute(
                'SELECT id, doc, lang, kind, text, start, "end", sentence, value, entity, code, subject, attribute, '
                "extra, raw FROM facts WHERE doc >= ? AND doc <= ? ORDER BY doc, id", (docs[0], docs[-1])).fetchall()
            yield [(doc, [(r[0], _fact(r), json.loads(r[14]))
                          for r in group])
                   for doc, group in groupby(rows, key=itemgetter(1))]

    def documents(self, with_text: bool = False) -> Iterator[tuple[Document, dict | None]]:
        cols = ", ".join(_DOC_COLUMNS) + ", meta, skipped_blocks, frame" + (", text" if with_text else "")
        for row in self.conn.execute(f"SELECT {cols} FROM documents ORDER BY doc"):
            n = len(_DOC_COLUMNS)
            doc = Document(**dict(zip(_DOC_COLUMNS, row[:n])), text=row[n + 3] if with_text else "",
                           meta=json.loads(row[n]),
                           skipped_blocks=[SkippedBlock(**{"lang": None, **b}) for b in json.loads(row[n + 1])])
            yield doc, (json.loads(row[n + 2]) if row[n + 2] else None)

    def document_text(self, doc: str) -> str | None:
        row = self.conn.execute("SELECT text FROM documents WHERE doc = ?", (doc,)).fetchone()
        return row[0] if row else None

    def issues(self) -> list[InputIssue]:
        return [InputIssue(*r) for r in self.conn.execute("SELECT path, reason, severity FROM input_issues ORDER BY path")]

    def count(self, table: str = "facts") -> int:
        assert table in ("facts", "documents")
        return self.conn.execute(f"SELECT count(*) FROM {table}").fetchone()[0]
