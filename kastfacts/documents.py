"""Reading documents: files and folders in, `Document` records (or `InputIssue`s) out.

Text is decoded once here and never changes afterwards, so every offset kastfacts reports refers
to the decoded text. Bad inputs are reported as `InputIssue` records and the stream goes on.
Only regular files are read, and never more than the size limit allows: a link to /dev/zero or a
named pipe is reported, not read.
"""
from __future__ import annotations

import codecs
import datetime as dt
import hashlib
import json
import os
import stat
import unicodedata
from collections.abc import Iterable, Iterator
from pathlib import Path

from .records import Document, InputIssue

TEXT_SUFFIXES = (".txt", ".md")
META_SUFFIX = ".meta.json"
DEFAULT_MAX_BYTES = 20_000_000          # a 20 MB text file is a book or a dump, not an article
META_MAX_BYTES = 1_000_000              # metadata is a few keys; a megabyte of it is not metadata
SUPPORTED_LANGS = ("fr", "es", "en")
# A publication date outside these years is a typo or a placeholder (0001-01-01, 9999-12-31), not
# news; date arithmetic near the ends of the calendar would fail, so such a date is refused.
PUBLISHED_YEARS = (1800, 2200)
META_STRINGS = ("lang", "published", "source", "title")   # the metadata kastfacts reads: strings
_BOMS = (                               # longest first: the UTF-32 LE BOM starts like UTF-16 LE's
    (codecs.BOM_UTF32_LE, "utf-32"), (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF8, "utf-8-sig"), (codecs.BOM_UTF16_LE, "utf-16"), (codecs.BOM_UTF16_BE, "utf-16"),
)
_MAGIC = {b"%PDF": "a PDF file: convert it to text first (e.g. `pdftotext FILE.pdf`)",
          b"PK\x03\x04": "a ZIP/Office file: export it as plain text first",
          b"{\\rtf": "an RTF file: export it as plain text first"}
_NOT_REGULAR = ((stat.S_ISDIR, "is a directory"), (stat.S_ISFIFO, "a named pipe (FIFO), not a file"),
                (stat.S_ISCHR, "a device, not a file"), (stat.S_ISBLK, "a device, not a file"),
                (stat.S_ISSOCK, "a socket, not a file"))


class InputError(ValueError):
    """A file that cannot be read as a document; the message says why and what to do."""


def parse_iso_date(value: str) -> str:
    """'2025-12-21' -> '2025-12-21'; anything else (or a year outside PUBLISHED_YEARS) raises
    ValueError with a readable message."""
    try:
        date = dt.date.fromisoformat(str(value).strip()[:10])
    except ValueError:
        raise ValueError(f"{value!r} is not an ISO date (YYYY-MM-DD)") from None
    low, high = PUBLISHED_YEARS
    if not low <= date.year <= high:
        raise ValueError(f"{value!r} is outside the years {low}-{high}: not a publication date") from None
    return date.isoformat()


def published_date(value: str | None) -> dt.date | None:
    """A stored publication date as a date, or None when it is missing or not a plausible one
    (a store written before dates were checked may hold 9999-12-31)."""
    if not value:
        return None
    try:
        return dt.date.fromisoformat(parse_iso_date(value))
    except ValueError:
        return None


# -- names ----------------------------------------------------------------------------------------
def printable_name(name: str) -> str:
    """A file name as text every output can carry: bytes that are not UTF-8 (which Python keeps as
    lone surrogates) are written as \\xNN, so the name stays unique and readable."""
    try:
        name.encode("utf-8")
        return name
    except UnicodeEncodeError:
        return os.fsencode(name).decode("utf-8", "backslashreplace")


def id_candidates(doc_id: str, path: str) -> Iterator[str]:
    """`doc_id`, then the same id under more and more of the folders that hold the file
    ("article1.txt", "elpais/article1.txt", "news/elpais/article1.txt"...): the ids a document
    may take when a shorter one belongs to another file. Every candidate ends with the file's name."""
    yield doc_id
    depth = doc_id.count("/") + 1
    parents = Path(os.path.abspath(path)).parts[:-depth]
    for n in range(1, len(parents)):
        yield "/".join(printable_name(p) for p in parents[-n:]) + "/" + doc_id


# -- decoding -------------------------------------------------------------------------------------
def decode(data: bytes) -> tuple[str, str]:
    """Bytes -> (text, encoding); see `decode_with_notes`."""
    text, encoding, _ = decode_with_notes(data)
    return text, encoding


def decode_with_notes(data: bytes) -> tuple[str, str, list[str]]:
    """Bytes -> (text, encoding, notes). BOMs first, then strict UTF-8, then UTF-8 with a few
    legacy lines repaired, then charset detection. Notes say what was repaired, and where.

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
            return text.lstrip("\ufeff"), encoding.replace("-sig", "") + ("-bom" if encoding != "utf-8-sig" else "-sig"), []
    if b"\x00" in data[:4096]:
        raise InputError("binary data (NUL bytes): not a text file")
    try:
        return data.decode("utf-8"), "utf-8", []
    except UnicodeDecodeError:
        pass
    repaired = _utf8_with_legacy_bytes(data)
    if repaired is not None:
        return repaired
    legacy = _western_legacy(data)
    if legacy is not None:
        return legacy, "cp1252", []
    from charset_normalizer import from_bytes  # imported here: most files are UTF-8

    best = from_bytes(data).best()
    if best is None or best.encoding is None:
        raise InputError("not text in any encoding kastfacts can detect")
    text = str(best)
    if _looks_binary(text):
        raise InputError("binary data: not a text file")
    return text, best.encoding, []


def _as_cp1252(error: UnicodeDecodeError) -> tuple[str, int]:
    """Codec error handler: a byte that is not UTF-8 is read as Windows-1252."""
    return error.object[error.start:error.end].decode("cp1252", "replace"), error.end


codecs.register_error("kastfacts-cp1252", _as_cp1252)


def _utf8_with_legacy_bytes(data: bytes) -> tuple[str, str, list[str]] | None:
    """A UTF-8 file with some Windows-1252 lines pasted in (one quote copied from an old page):
    UTF-8 everywhere, the bytes that are not UTF-8 read as Windows-1252, and a note naming the
    lines. None when no line is UTF-8 with accents: a legacy file, decoded whole elsewhere (read
    whole as Windows-1252, the UTF-8 lines would turn into "JosÃ©")."""
    utf8_lines, bad_lines, parts = 0, [], []
    for n, line in enumerate(data.splitlines(keepends=True), 1):
        try:
            parts.append(line.decode("utf-8"))
            utf8_lines += not line.isascii()
        except UnicodeDecodeError:
            bad_lines.append(n)
            parts.append(line.decode("utf-8", "kastfacts-cp1252"))
    if not utf8_lines:
        return None
    text = "".join(parts)
    if _looks_binary(text):
        return None
    shown = ", ".join(map(str, bad_lines[:5])) + (f" and {len(bad_lines) - 5} more" if len(bad_lines) > 5 else "")
    note = (f"line{'s' if len(bad_lines) > 1 else ''} {shown} not UTF-8 (the rest is): "
            "bytes read as Windows-1252; check the characters there")
    return text, "utf-8+cp1252", [note]


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


# -- reading files --------------------------------------------------------------------------------
def read_regular_file(path: Path, max_bytes: int) -> bytes:
    """The bytes of a regular file, at most `max_bytes` of them; InputError for anything else.

    Opened without blocking (a named pipe would wait forever for a writer) and read up to one byte
    past the limit, whatever the file says its size is (/dev/zero says 0 and never ends).
    """
    try:
        kind = _not_regular(os.stat(path).st_mode)
        if kind:
            raise InputError(kind)
        fd = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_NOCTTY", 0))
    except FileNotFoundError:
        raise InputError("no such file (it may have been removed during the run, or be a broken link)") from None
    except PermissionError:
        raise InputError("permission denied") from None
    except OSError as exc:
        raise InputError(f"cannot be read: {exc.strerror or exc}") from None
    try:
        info = os.fstat(fd)
        kind = _not_regular(info.st_mode)
        if kind:                        # replaced by something else between the two looks
            raise InputError(kind)
        if info.st_size > max_bytes:
            raise InputError(f"{info.st_size:,} bytes, over the limit of {max_bytes:,} (raise it with --max-bytes)")
        chunks, left = [], max_bytes + 1
        while left > 0:
            chunk = os.read(fd, min(left, 1 << 20))
            if not chunk:
                break
            chunks.append(chunk)
            left -= len(chunk)
    except OSError as exc:
        raise InputError(f"cannot be read: {exc.strerror or exc}") from None
    finally:
        os.close(fd)
    data = b"".join(chunks)
    if len(data) > max_bytes:
        raise InputError(f"over the limit of {max_bytes:,} bytes (raise it with --max-bytes)")
    return data


def _not_regular(mode: int) -> str | None:
    return next((why for test, why in _NOT_REGULAR if test(mode)), None if stat.S_ISREG(mode) else "not a regular file")


def meta_path_of(path: Path) -> Path:
    return path.with_name(path.stem + META_SUFFIX) if path.suffix else path.with_name(path.name + META_SUFFIX)


def _reject_constant(name: str):
    raise ValueError(f"{name} is not a JSON number")


def read_meta(path: Path) -> tuple[dict, list[str]]:
    """NAME.meta.json beside NAME.txt: (metadata, problems). A bad file, or a bad key, is reported
    and ignored; the keys kastfacts reads must be strings, any other key is kept as it is."""
    meta_path = meta_path_of(path)
    name = printable_name(meta_path.name)
    try:
        if not os.path.lexists(meta_path):
            return {}, []
        raw = read_regular_file(meta_path, META_MAX_BYTES)
    except InputError as exc:
        return {}, [f"{name}: {exc}; metadata ignored"]
    except OSError as exc:
        return {}, [f"{name}: cannot be read ({exc.strerror or exc}); metadata ignored"]
    try:
        meta = json.loads(raw.decode("utf-8-sig"), parse_constant=_reject_constant)
    except (UnicodeDecodeError, ValueError, RecursionError) as exc:
        return {}, [f"{name}: not valid JSON ({exc}); metadata ignored"]
    if not isinstance(meta, dict):
        return {}, [f"{name}: expected a JSON object; metadata ignored"]
    problems = []
    for key in META_STRINGS:
        if key in meta and not isinstance(meta[key], str):
            problems.append(f"{name}: {key}: expected a string, not {type(meta[key]).__name__}; ignored")
            meta.pop(key)
    if "lang" in meta and meta["lang"].lower() not in SUPPORTED_LANGS:
        problems.append(f"{name}: unknown language {meta['lang']!r} (expected one of {', '.join(SUPPORTED_LANGS)}); ignored")
        meta.pop("lang")
    if "published" in meta:
        try:
            meta["published"] = parse_iso_date(meta["published"])
        except ValueError as exc:
            problems.append(f"{name}: published: {exc}; ignored")
            meta.pop("published")
    return meta, problems


def read_document(path: Path, doc_id: str, max_bytes: int = DEFAULT_MAX_BYTES) -> tuple[Document, list[str]]:
    """Read one file as a Document; raises InputError for a file that cannot be one."""
    data = read_regular_file(path, max_bytes)
    text, encoding, problems = decode_with_notes(data)
    if not text.strip():
        raise InputError("empty (no text)")
    meta, meta_problems = read_meta(path)
    known = {k: meta.pop(k) for k in META_STRINGS if k in meta}
    lang = known["lang"].lower() if known.get("lang") else None
    doc = Document(doc=doc_id, path=printable_name(str(path)), text=text, encoding=encoding,
                   sha256=hashlib.sha256(data).hexdigest(), lang=lang,
                   lang_source="metadata" if lang else None, published=known.get("published"),
                   source=known.get("source"), title=known.get("title"), meta=meta)
    return doc, problems + meta_problems


def _is_text_file(path: Path) -> bool:
    return path.suffix.lower() in TEXT_SUFFIXES


def find_files(paths: Iterable[str | os.PathLike]) -> Iterator[tuple[Path, str] | InputIssue]:
    """Expand files and folders (recursively, sorted) into (path, doc id) pairs, or issues.

    A folder's files are named by their path inside it; a file given by itself, by its name.
    Links to files inside the folders given are followed; links to folders, and links to files
    elsewhere, are reported and not read (a link can lead anywhere, /dev/zero included).
    """
    roots = [Path(raw) for raw in paths]
    folders = []
    for root in roots:
        try:
            if root.is_dir():
                folders.append(Path(os.path.realpath(root)))
        except OSError:
            pass
    for root in roots:
        shown = printable_name(str(root))
        try:
            is_dir, exists = root.is_dir(), os.path.lexists(root)
        except OSError as exc:
            yield InputIssue(shown, f"cannot be read: {exc.strerror or exc}")
            continue
        if is_dir:
            yield from _walk(root, folders)
        elif not exists:
            yield InputIssue(shown, "no such file or folder")
        elif _is_text_file(root):
            yield root, printable_name(root.name)
        else:
            yield InputIssue(shown, f"not a {' or '.join(TEXT_SUFFIXES)} file")


def _walk(root: Path, folders: list[Path]) -> Iterator[tuple[Path, str] | InputIssue]:
    """The files under one folder, sorted by their path inside it (hidden ones and sidecar
    metadata left out), with what cannot be read reported where it sits."""
    found: list[tuple[tuple[str, ...], tuple[Path, str] | InputIssue]] = []

    def unreadable(exc: OSError) -> None:
        where = Path(exc.filename) if exc.filename else root
        found.append((_parts(where, root), InputIssue(printable_name(str(where)),
                                                      f"folder cannot be read: {exc.strerror or exc}")))

    for folder, subfolders, files in os.walk(root, onerror=unreadable):
        base = Path(folder)
        kept = []
        for name in subfolders:
            if name.startswith("."):
                continue                # hidden folders (.git, .cache) hold no documents
            path = base / name
            if path.is_symlink():
                found.append((_parts(path, root), InputIssue(printable_name(str(path)),
                              "a link to a folder: not followed (give the folder itself to read it)")))
            else:
                kept.append(name)
        subfolders[:] = sorted(kept)
        for name in files:
            if name.startswith(".") or name.endswith(META_SUFFIX):
                continue                # sidecar metadata and hidden files are not documents
            path = base / name
            parts = _parts(path, root)
            item: tuple[Path, str] | InputIssue
            if not _is_text_file(path):
                item = InputIssue(printable_name(str(path)), f"not a {' or '.join(TEXT_SUFFIXES)} file")
            elif path.is_symlink() and path.exists() and not _inside(Path(os.path.realpath(path)), folders):
                item = InputIssue(printable_name(str(path)), f"a link to {printable_name(os.path.realpath(path))}, "
                                  "outside the folders given: not read (give that file itself to read it)")
            else:
                item = (path, printable_name("/".join(parts)))
            found.append((parts, item))
    for _, item in sorted(found, key=lambda pair: pair[0]):
        yield item


def _parts(path: Path, root: Path) -> tuple[str, ...]:
    return path.relative_to(root).parts


def _inside(path: Path, folders: list[Path]) -> bool:
    return any(path.is_relative_to(folder) for folder in folders)


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
        shown = printable_name(str(path))
        try:
            doc, problems = read_document(path, doc_id, max_bytes)
        except InputError as exc:
            yield InputIssue(shown, str(exc))
            continue
        if shown != str(path):
            problems.append(f"the file name is not valid UTF-8: its id is {doc_id!r}")
        for problem in problems:
            yield InputIssue(shown, problem, severity="warning")
        if lang:
            doc.lang, doc.lang_source = lang, "option"
        if published and not doc.published:
            doc.published = published
        yield doc


# -- the text facts are matched on -------------------------------------------------------------
class MatchText:
    """A document's text as the recognizers see it: NFC, without format characters (zero-width
    spaces and joiners, soft hyphens, direction marks), with offsets that map back to the text.

    Web copy leaves such characters inside words and figures ("5\\u200b8.5 %", "Ka\\u200dst") and
    some systems write accents decomposed ("Jose\\u0301"); the models and the grammars read them as
    breaks. Facts found in `text` are mapped back with `span`, so `fact.text` is the original's.
    """

    def __init__(self, original: str):
        self.original = original
        self.text = original
        self._starts: list[int] | None = None
        self._ends: list[int] | None = None
        if original.isascii():
            return
        special = {c for c in set(original) if not c.isascii() and unicodedata.category(c) == "Cf"}
        if not special and unicodedata.is_normalized("NFC", original):
            return
        out: list[str] = []
        starts: list[int] = []
        ends: list[int] = []
        i, n = 0, len(original)
        while i < n:
            if original[i] in special:
                i += 1
                continue
            j = i + 1                   # a character and the combining marks on it
            while j < n and unicodedata.combining(original[j]):
                j += 1
            cluster = original[i:j]
            if not cluster.isascii():
                cluster = unicodedata.normalize("NFC", cluster)
            out.append(cluster)
            starts += [i] * len(cluster)
            ends += [j] * len(cluster)
            i = j
        self.text = "".join(out)
        self._starts, self._ends = starts, ends

    @property
    def identity(self) -> bool:
        return self._starts is None

    def span(self, start: int, end: int) -> tuple[int, int]:
        """Offsets [start, end) of `text` -> the offsets of the same characters in the original."""
        if self._starts is None:
            return start, end
        size = len(self._starts)
        begin = self._starts[start] if start < size else len(self.original)
        if end <= start:
            return begin, begin
        return begin, self._ends[min(end, size) - 1]
