"""A fact table as a folder of JSON Lines shards, for corpora too big for one SQLite file.

`kastfacts extract PATH --out DIR` has each worker write the chunk it extracted as its own shard;
the client only sees a receipt. The corpus pass (extraction.resolve_corpus) then reads the shards
as a stream and writes the resolved facts, one file per shard. Layout (all UTF-8 JSON Lines):

    DIR/kastfacts-shards.json              what this folder is, its parts, its counts
    DIR/extracted/part-NNNNNN.docs.jsonl   per document: its record (no text) and its time clues
    DIR/extracted/part-NNNNNN.facts.jsonl.gz   the facts as extracted, with their raw fields
    DIR/extracted/part-NNNNNN.text.jsonl.gz    {"doc", "text"}: the texts, for the report
    DIR/facts/part-NNNNNN.jsonl            the resolved facts: the fact contract, one per line
    DIR/documents.jsonl                    the documents with their writing dates (`documents` contract)
    DIR/issues.jsonl                       the inputs skipped or read with a problem

Any tool that reads JSON Lines reads the results: `pandas.read_json(f, lines=True)`, DuckDB's
`read_json('DIR/facts/*.jsonl')`, jq. `ShardSet` also reads them back for `kastfacts facts`,
`conflicts`, `documents` and `report` (`--db DIR`). Like the store, a document read again (same
id or path) replaces the earlier one, a later run into the same folder adds parts, and a document
whose text an earlier one (by id) has is `copy_of` that one.
"""
from __future__ import annotations

import gzip
import json
import os
import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field, fields
from pathlib import Path

from .contract import Rejected, fact_problem
from .documents import SHARD_MANIFEST
from .records import MENTION_FIELDS, Document, Fact, InputIssue, SkippedBlock
from .store import RAW_FIELDS, StoreError

MANIFEST = SHARD_MANIFEST
FORMAT = "kastfacts-shards"
VERSION = 1
_PART = re.compile(r"^(part-\d{6})\.docs\.jsonl$")


def _dumps(value) -> str:
    return json.dumps(value, ensure_ascii=False, sort_keys=True)


def _write_atomically(path: Path, lines: Iterable[str], compress: bool = False) -> None:
    """Write a whole file or nothing: a worker that dies mid-write leaves only a temporary file,
    and a retried chunk simply writes the same part again."""
    tmp = path.with_name(f".{path.name}.{os.getpid()}.tmp")
    opener = gzip.open if compress else open
    with opener(tmp, "wt", encoding="utf-8", newline="\n") as out:
        for line in lines:
            out.write(line)
            out.write("\n")
    os.replace(tmp, path)


def _read_lines(path: Path) -> Iterator[dict]:
    """The JSON objects of a shard file; a damaged file (edited, truncated) is a StoreError naming it."""
    opener = gzip.open if path.name.endswith(".gz") else open
    n = 0
    try:
        with opener(path, "rt", encoding="utf-8") as lines:
            for n, line in enumerate(lines, 1):
                if line.strip():
                    record = json.loads(line)
                    if not isinstance(record, dict):
                        raise ValueError("not a JSON object")
                    yield record
    except (OSError, EOFError, ValueError, RecursionError) as exc:
        raise StoreError(f"{path}: line {n}: damaged ({exc}). Extract again into a new folder with --out") from None


_DOCUMENT_FIELDS = frozenset(f.name for f in fields(Document)) - {"text", "skipped_blocks"}


def _document(record: dict, text: str = "") -> Document:
    blocks = [SkippedBlock(**{"lang": None, **b}) for b in record.get("skipped_blocks", [])]
    return Document(**{k: v for k, v in record.items() if k in _DOCUMENT_FIELDS}, text=text, skipped_blocks=blocks)


@dataclass
class ShardReceipt:
    """What a worker sends back for a chunk written as a shard: small, whatever the chunk's size."""
    part: str
    documents: list[str]
    facts: int
    issues: list[InputIssue] = field(default_factory=list)


def write_shard(out_dir: str, item: tuple[int, list[Document]]) -> ShardReceipt:
    """Extract one chunk and write it as part `index` of the shards (runs on the worker).

    Each document's lines are made first, on their own: one that cannot be written as UTF-8 JSON
    is reported and left out, and the rest of the chunk is written."""
    from .extraction import process_safely

    index, docs = item
    part = f"part-{index:06d}"
    folder = Path(out_dir) / "extracted"
    results = process_safely(docs)
    issues = [i for r in results for i in r.issues]
    kept = []                           # (result, its fact lines, its text line, its document line)
    for r in results:
        if r.failed:
            continue
        try:
            facts = [_dumps({**f.to_dict(), "raw": {k: getattr(f, k) for k in RAW_FIELDS}}) for f in r.facts]
            text = _dumps({"doc": r.document.doc, "text": r.document.text})
            document = _dumps({"document": r.document.to_dict(), "frame": r.frame})
            for line in (*facts, text, document):
                line.encode("utf-8")
        except (TypeError, ValueError, RecursionError) as exc:
            issues.append(InputIssue(r.document.path, f"could not be stored ({type(exc).__name__}: {exc}); "
                                                      "the other documents were"))
            continue
        kept.append((r, facts, text, document))
    _write_atomically(folder / f"{part}.facts.jsonl.gz", (line for _, facts, _, _ in kept for line in facts), compress=True)
    _write_atomically(folder / f"{part}.text.jsonl.gz", (text for _, _, text, _ in kept), compress=True)
    # the documents file last: a part counts as written when it exists
    _write_atomically(folder / f"{part}.docs.jsonl", (document for _, _, _, document in kept))
    return ShardReceipt(part, [r.document.doc for r, *_ in kept], sum(len(r.facts) for r, *_ in kept), issues)


def is_shard_folder(path: str | Path) -> bool:
    try:
        return (Path(path) / MANIFEST).is_file()
    except OSError:                 # a name too long for the system, say: not a shard folder either
        return False


class ShardSet:
    """A shard folder, read as a fact table (the corpus pass writes to it; the CLI reads it)."""

    def __init__(self, path: str | Path, create: bool = False):
        self.path = Path(path)
        manifest = self.path / MANIFEST
        if manifest.is_file():
            try:
                info = json.loads(manifest.read_text(encoding="utf-8"))
            except (OSError, ValueError) as exc:
                raise StoreError(f"{manifest}: unreadable ({exc}); extract into a new folder with --out") from None
            if info.get("format") != FORMAT:
                raise StoreError(f"{manifest}: not a kastfacts shard folder")
            if info.get("version", 0) > VERSION:
                raise StoreError(f"{self.path}: written by a newer kastfacts (shards {info['version']}, this one knows "
                                 f"{VERSION}). Upgrade kastfacts.")
        elif not create:
            raise StoreError(f"{self.path}: no kastfacts shards here. Run `kastfacts extract PATH... --out {self.path}` first.")
        elif self.path.exists() and (not self.path.is_dir() or any(self.path.iterdir())):
            raise StoreError(f"{self.path}: exists and is not a kastfacts shard folder; --out needs a new or empty folder")
        else:
            (self.path / "extracted").mkdir(parents=True, exist_ok=True)
            self._write_manifest(documents=0, facts=0)
        (self.path / "extracted").mkdir(exist_ok=True)
        (self.path / "facts").mkdir(exist_ok=True)
        self._holders: dict[str, tuple[str, str | None]] = {}     # doc -> (path, sha256) of its live version
        self._originals: dict[str, str] = {}     # text digest -> the first live document (by id) with it
        self._holders_before: dict[str, tuple[str, str | None]] | None = None
        self.rejected = Rejected()      # lines of facts/ that are not facts of the contract (an edited folder)
        self._anchors: dict[str, tuple] | None = None     # doc -> (anchor, method, confidence)
        self._facts_written = 0
        self._live: dict[str, str] | None = None      # doc -> the part holding its live version
        self._live_parts: list[str] = []              # ... as of these parts (a run adds parts as it goes)
        self._page_part: str | None = None

    def _write_manifest(self, **counts) -> None:
        _write_atomically(self.path / MANIFEST, [json.dumps({"format": FORMAT, "version": VERSION, **counts},
                                                            indent=1, sort_keys=True)])

    def _manifest(self) -> dict:
        return json.loads((self.path / MANIFEST).read_text(encoding="utf-8"))

    # -- the corpus pass: pending from the first part a run writes until finish() ------------------
    def mark_pending(self) -> None:
        info = self._manifest()
        info.pop("format", None), info.pop("version", None)
        self._write_manifest(**{**info, "pending": True})

    def pending(self) -> bool:
        return bool(self._manifest().get("pending"))

    def begin_pass(self) -> None:
        pass

    def end_pass(self) -> None:
        pass                # finish() writes the manifest that says the folder is resolved

    def holder(self, doc_id: str) -> tuple[str, str | None] | None:
        """(path, sha256) of the live document with this id before this run, or None (the run's
        own documents are the reader's to keep apart: the parts it adds are not looked at here)."""
        if self._holders_before is None:
            self._live_versions()
            self._holders_before = dict(self._holders)
        return self._holders_before.get(doc_id)

    def close(self) -> None:
        pass

    def __enter__(self) -> "ShardSet":
        return self

    def __exit__(self, *exc) -> None:
        self.close()

    # -- parts ---------------------------------------------------------------------------------
    def parts(self) -> list[str]:
        names = (m.group(1) for p in (self.path / "extracted").iterdir() if (m := _PART.match(p.name)))
        return sorted(names)

    def next_part_index(self) -> int:
        parts = self.parts()
        return int(parts[-1][5:]) + 1 if parts else 0

    def has_part(self, part: str) -> bool:
        return (self.path / "extracted" / f"{part}.docs.jsonl").is_file()

    def _live_versions(self) -> dict[str, str]:
        """Which part holds each document: a later one (same id, path or content) replaces an earlier one."""
        parts = self.parts()
        if self._live is None or parts != self._live_parts:
            try:
                self._live, self._live_parts = self._read_live_versions(parts), parts
            except (KeyError, TypeError, AttributeError) as exc:
                raise StoreError(f"{self.path}: a documents file of extracted/ is damaged ({type(exc).__name__}: {exc}). "
                                 "Extract again into a new folder with --out") from None
        return self._live

    def _read_live_versions(self, parts: list[str]) -> dict[str, str]:
        """doc -> part, and the (path, sha256) of each live document, from the parts' documents files.
        (A moved file was given its earlier id when it was read: the id replaces it.)"""
        live: dict[str, str] = {}
        owner: dict[str, str] = {}          # id / path -> doc id that has it now
        for part in parts:
            for record in _read_lines(self.path / "extracted" / f"{part}.docs.jsonl"):
                d = record["document"]
                keys = (d["doc"], "path:" + d["path"])
                for key in keys:
                    if key in owner:
                        live.pop(owner[key], None)
                live[d["doc"]] = part
                self._holders[d["doc"]] = (d["path"], d.get("sha256"))
                for key in keys:
                    owner[key] = d["doc"]
        self._holders = {doc: self._holders[doc] for doc in live}
        self._originals = {}
        for doc in sorted(live):
            digest = self._holders[doc][1]
            if digest:
                self._originals.setdefault(digest, doc)
        return live

    def _extracted(self, part: str, kind: str) -> Iterator[dict]:
        suffix = {"docs": ".docs.jsonl", "facts": ".facts.jsonl.gz", "text": ".text.jsonl.gz"}[kind]
        live = self._live_versions()
        for record in _read_lines(self.path / "extracted" / f"{part}{suffix}"):
            doc = record["document"]["doc"] if kind == "docs" else record["doc"]
            if live.get(doc) == part:
                yield record

    # -- what the corpus pass reads and writes -----------------------------------------------------
    def entity_mentions(self) -> Iterator[tuple]:
        """(doc, start, end, text, fields) of every person/place/organization mention, as extracted
        (`fields`: its raw MENTION_FIELDS, as Store.entity_mentions gives them)."""
        for part in self.parts():
            for f in self._extracted(part, "facts"):
                raw = f["raw"]
                if raw["kind"] in ("person", "place", "organization"):
                    yield f["doc"], f["start"], f["end"], f["text"], tuple(map(raw.get, MENTION_FIELDS))

    def documents(self, with_text: bool = False) -> Iterator[tuple[Document, dict | None]]:
        """Documents and their time clues, in the order they were read, with their writing dates
        once a corpus pass has inferred them."""
        if self._anchors is None:
            path = self.path / "documents.jsonl"
            self._anchors = {r["doc"]: (r.get("anchor"), r.get("anchor_method"), r.get("anchor_confidence"))
                             for r in _read_lines(path)} if path.exists() else {}
        for part in self.parts():
            texts = (r["text"] for r in self._extracted(part, "text")) if with_text else None
            for record in self._extracted(part, "docs"):
                doc = _document(record["document"], next(texts) if texts is not None else "")
                doc.anchor, doc.anchor_method, doc.anchor_confidence = self._anchors.get(doc.doc, (None, None, None))
                original = self._originals.get(doc.sha256 or "")
                doc.copy_of = original if original and original != doc.doc else None
                yield doc, record["frame"]

    def update_anchors(self, anchors: dict[str, tuple]) -> None:
        self._anchors = dict(anchors)

    def document_pages(self) -> Iterator[list[tuple[str, list[tuple[int, Fact, dict]]]]]:
        """The facts as extracted, one part at a time, grouped by document."""
        from itertools import groupby

        for part in self.parts():
            self._page_part = part
            rows = []
            for n, record in enumerate(self._extracted(part, "facts")):
                raw = record.pop("raw")
                rows.append((n, Fact.from_dict(record), raw))
            yield [(doc, list(group)) for doc, group in groupby(rows, key=lambda r: r[1].doc)]

    def write_resolved(self, rows: list[tuple[int, Fact, bool]]) -> None:
        """The corpus pass's output for the current part: all its facts, resolved."""
        self._facts_written += len(rows)
        _write_atomically(self.path / "facts" / f"{self._page_part}.jsonl", (_dumps(f.to_dict()) for _, f, _ in rows))

    def finish(self, issues: list[InputIssue], corpora: Iterable[str] = ()) -> None:
        """After the corpus pass: the documents with their anchors, the issues (what was said before
        of the lines of `corpora`, read again, is replaced by what this run says), the manifest."""
        parts = set(self.parts())
        for stale in (self.path / "facts").iterdir():      # a part replaced wholesale leaves nothing behind
            if stale.suffix == ".jsonl" and stale.stem not in parts:
                stale.unlink()
        documents = 0

        def document_lines():
            nonlocal documents
            for doc, _frame in self.documents():
                documents += 1
                yield _dumps(doc.to_dict())
        _write_atomically(self.path / "documents.jsonl", document_lines())
        stale = tuple(c + ":" for c in corpora)
        known = {i.path: i for i in self.issues() if not (stale and i.path.startswith(stale))}
        for issue in issues:
            if issue.severity == "skipped":
                known[issue.path] = issue
        read = {d.path for d, _ in self.documents()}
        _write_atomically(self.path / "issues.jsonl",
                          (_dumps(i.to_dict()) for p, i in sorted(known.items()) if p not in read))
        self._write_manifest(documents=documents, facts=self._facts_written, parts=sorted(parts))

    # -- reading, like Store -------------------------------------------------------------------
    def facts(self, kind: str | None = None, doc: str | None = None, lang: str | None = None,
              entity: str | None = None) -> Iterator[Fact]:
        """The resolved facts, part by part (documents in the order they were read), filtered."""
        for part in self.parts():
            path = self.path / "facts" / f"{part}.jsonl"
            if not path.exists():
                continue
            for record in _read_lines(path):
                problem = fact_problem(record)
                if problem:
                    self.rejected.add(f"{path.name}: {record.get('doc')!r}", problem)
                    continue
                if (kind and record["kind"] != kind) or (doc and record["doc"] != doc) or (lang and record["lang"] != lang):
                    continue
                if entity and record.get("entity") != entity and str(record.get("value", "")).lower() != entity.lower():
                    continue
                yield Fact.from_dict(record)

    def issues(self) -> list[InputIssue]:
        path = self.path / "issues.jsonl"
        return [InputIssue(**r) for r in _read_lines(path)] if path.exists() else []

    def count(self, table: str = "facts") -> int:
        return int(self._manifest().get(table, 0))
