"""Reading documents: files and folders in, `Document` records (or `InputIssue`s) out.

Text is decoded once here and never changes afterwards, so every offset kastfacts reports refers
to the decoded text. Bad inputs are reported as `InputIssue` records and the stream goes on.
"""
from __future__ import annotations

import codecs
import datetime as dt
import hashlib
import json
import os
from collections.abc import Iterable, Iterator
from pathlib import Path

from .records import Document, InputIssue

TEXT_SUFFIXES = (".txt", ".md")
META_SUFFIX = ".meta.json"
DEFAULT_MAX_BYTES = 20_000_000          # a 20 MB text file is a book or a dump, not an article
SUPPORTED_LANGS = ("fr", "es", "en")
_BOMS = (                               # longest first: the UTF-32 LE BOM starts like UTF-16 LE's
    (codecs.BOM_UTF32_LE, "utf-32"), (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF8, "utf-8-sig"), (codecs.BOM_UTF16_LE, "utf-16"), (codecs.BOM_UTF16_BE, "utf-16"),
)
_MAGIC = {b"%PDF": "a PDF file: convert it to text first (e.g. `pdftotext FILE.pdf`)",
          b"PK\x03\x04": "a ZIP/Office file: export it as plain text first",
          b"{\\rtf": "an RTF file: export it as plain text first"}


class InputError(ValueError):
    """A file that cannot be read as a document; the message says why and what to do."""


def parse_iso_date(value: str) -> str:
    """'2025-12-21' -> '2025-12-21'; anything else raises ValueError with a readable message."""
    try:
        return dt.date.fromisoformat(str(value).strip()[:10]).isoformat()
    except ValueError:
        raise ValueError(f"{value!r} is not an ISO date (YYYY-MM-DD)") from None


def decode(data: bytes) -> tuple[str, str]:
    """Bytes -> (text, encoding). BOMs first, then strict UTF-8, then charset detection.

    Legacy single-byte files (Windows-1252/Latin-1, common in French and Spanish newsrooms) fail
    strict UTF-8 and are identified by charset-normalizer; binary data raises InputError.
    """
    for magic, why in _MAGIC.items():
        if data.startswith(magic):
            raise InputError(why)
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            try:
                text = data.decode(encoding)
            except UnicodeDecodeError as exc:
                raise InputError(f"starts with a {encoding} byte-order mark but is not valid {encoding}: {exc.reason}") from None
            return text.lstrip("\ufeff"), encoding.replace("-sig", "") + ("-bom" if encoding != "utf-8-sig" else "-sig")
    if b"\x00" in data[:4096]:
        raise InputError("binary data (NUL bytes): not a text file")
    try:
        return data.decode("utf-8"), "utf-8"
    except UnicodeDecodeError:
        pass
    legacy = _western_legacy(data)
    if legacy is not None:
        return legacy, "cp1252"
    from charset_normalizer import from_bytes  # imported here: most files are UTF-8

    best = from_bytes(data).best()
    if best is None or best.encoding is None:
        raise InputError("not text in any encoding kastfacts can detect")
    text = str(best)
    if _looks_binary(text):
        raise InputError("binary data: not a text file")
    return text, best.encoding


_WESTERN = set("ÀÁÂÃÄÅÆÇÈÉÊËÌÍÎÏÑÒÓÔÕÖØÙÚÛÜÝàáâãäåæçèéêëìíîïñòóôõöøùúûüýÿœŒšŠžŽ«»‘’‚“”„–—…€°ºª¿¡·•§©®×÷£¥¢\u00a0")


def _western_legacy(data: bytes) -> str | None:
    """Windows-1252 text whose non-ASCII characters are all French/Spanish/English ones, else None.

    Charset detectors weigh single-byte code pages by statistics that short Spanish texts fool
    (cp1250 turns "año" into "ańo"); for the languages kastfacts reads, cp1252 is the legacy
    encoding in practice, so it is tried first and kept only when every character is plausible.
    """
    try:
        text = data.decode("cp1252")
    except UnicodeDecodeError:
        return None
    foreign = [c for c in text if ord(c) > 127 and c not in _WESTERN]
    return text if not foreign and not _looks_binary(text) else None


def _looks_binary(text: str) -> bool:
    sample = text[:4096]
    control = sum(1 for c in sample if c < " " and c not in "\t\n\r\f\v")
    return bool(sample) and control / len(sample) > 0.05


def read_meta(path: Path) -> tuple[dict, list[str]]:
    """NAME.meta.json beside NAME.txt: (metadata, problems). A bad file is reported and ignored."""
    meta_path = path.with_name(path.stem + META_SUFFIX) if path.suffix else path.with_name(path.name + META_SUFFIX)
    if not meta_path.exists():
        return {}, []
    try:
        meta = json.loads(meta_path.read_text(encoding="utf-8-sig"))
    except (OSError, UnicodeDecodeError, json.JSONDecodeError) as exc:
        return {}, [f"{meta_path.name}: not valid JSON ({exc}); metadata ignored"]
    if not isinstance(meta, dict):
        return {}, [f"{meta_path.name}: expected a JSON object; metadata ignored"]
    problems = []
    if "lang" in meta and str(meta["lang"]).lower() not in SUPPORTED_LANGS:
        problems.append(f"{meta_path.name}: unknown language {meta['lang']!r} (expected one of {', '.join(SUPPORTED_LANGS)}); ignored")
        meta.pop("lang")
    if "published" in meta:
        try:
            meta["published"] = parse_iso_date(meta["published"])
        except ValueError as exc:
            problems.append(f"{meta_path.name}: published: {exc}; ignored")
            meta.pop("published")
    return meta, problems


def read_document(path: Path, doc_id: str, max_bytes: int = DEFAULT_MAX_BYTES) -> tuple[Document, list[str]]:
    """Read one file as a Document; raises InputError for a file that cannot be one."""
    try:
        size = path.stat().st_size
        if size > max_bytes:
            raise InputError(f"{size:,} bytes, over the limit of {max_bytes:,} (raise it with --max-bytes)")
        data = path.read_bytes()
    except FileNotFoundError:
        raise InputError("no such file (it may have been removed during the run)") from None
    except PermissionError:
        raise InputError("permission denied") from None
    except IsADirectoryError:
        raise InputError("is a directory") from None
    except OSError as exc:
        raise InputError(f"cannot be read: {exc.strerror or exc}") from None
    text, encoding = decode(data)
    if not text.strip():
        raise InputError("empty (no text)")
    meta, problems = read_meta(path)
    known = {k: meta.pop(k) for k in ("lang", "published", "source", "title") if k in meta}
    lang = str(known["lang"]).lower() if known.get("lang") else None
    doc = Document(doc=doc_id, path=str(path), text=text, encoding=encoding,
                   sha256=hashlib.sha256(data).hexdigest(), lang=lang,
                   lang_source="metadata" if lang else None, published=known.get("published"),
                   source=known.get("source"), title=known.get("title"), meta=meta)
    return doc, problems


def find_files(paths: Iterable[str | os.PathLike]) -> Iterator[tuple[Path, str] | InputIssue]:
    """Expand files and folders (recursively, sorted) into (path, doc id) pairs, or issues."""
    for raw in paths:
        root = Path(raw)
        if root.is_dir():
            for path in sorted(p for p in root.rglob("*") if not p.is_dir()):
                rel = path.relative_to(root).as_posix()
                if path.name.endswith(META_SUFFIX) or any(part.startswith(".") for part in path.relative_to(root).parts):
                    continue                    # sidecar metadata and hidden files are not documents
                if path.suffix.lower() in TEXT_SUFFIXES:
                    yield path, rel
                else:
                    yield InputIssue(str(path), f"not a {' or '.join(TEXT_SUFFIXES)} file")
        elif root.exists():
            if root.suffix.lower() in TEXT_SUFFIXES:
                yield root, root.name
            else:
                yield InputIssue(str(root), f"not a {' or '.join(TEXT_SUFFIXES)} file")
        else:
            yield InputIssue(str(root), "no such file or folder")


def read_documents(paths: Iterable[str | os.PathLike], max_bytes: int = DEFAULT_MAX_BYTES,
                   lang: str | None = None, published: str | None = None) -> Iterator[Document | InputIssue]:
    """Stream the documents under `paths`; bad files come out as InputIssue and the stream goes on.

    `lang` (--lang) forces the language, over metadata and detection; `published` (--published) is
    the publication date of every document whose own metadata gives none (a file's own
    `.meta.json` is more specific than a run-wide option).
    """
    for item in find_files(paths):
        if isinstance(item, InputIssue):
            yield item
            continue
        path, doc_id = item
        try:
            doc, problems = read_document(path, doc_id, max_bytes)
        except InputError as exc:
            yield InputIssue(str(path), str(exc))
            continue
        for problem in problems:
            yield InputIssue(str(path), problem, severity="warning")
        if lang:
            doc.lang, doc.lang_source = lang, "option"
        if published and not doc.published:
            doc.published = published
        yield doc
