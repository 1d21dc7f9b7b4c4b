"""Reading documents: files, folders and corpora in, `Document` records (or `InputIssue`s) out.

Text is decoded once here and never changes afterwards, so every offset kastfacts reports refers
to the decoded text (for a saved web page, to its main text as trafilatura extracts it: see
pages.py). Bad inputs are reported as `InputIssue` records and the stream goes on. Only regular
files are read, and never more than the size limit allows: a link to /dev/zero or a named pipe is
reported, not read. A corpus (JSON Lines, one article a line, or standard input) is streamed a
line at a time; a bad line is reported by its number.

A document is the same document as one read before when it is the same file (its path, however
it is written), or a file of the same name and text that has moved (its old place no longer holds
it). Two files with the same text and different names are two reports: the later is a copy
(`copy_of`, worked out by the store), as a wire dispatch reprinted by many outlets is.
"""
from __future__ import annotations

import codecs
import datetime as dt
import hashlib
import json
import os
import re
import stat
import sys
import unicodedata
from collections.abc import Iterable, Iterator
from pathlib import Path

from .records import Document, InputIssue

TEXT_SUFFIXES = (".txt", ".md")
PAGE_SUFFIXES = (".html", ".htm")           # saved web pages: their main text (pages.py)
CORPUS_SUFFIXES = (".jsonl", ".ndjson")     # one article a line: {"id"|"url", "text"|"html", ...}
READ_SUFFIXES = TEXT_SUFFIXES + PAGE_SUFFIXES + CORPUS_SUFFIXES
STDIN = "-"                                 # a corpus on standard input
STDIN_NAME = "<stdin>"                      # ... as messages and record paths name it
META_SUFFIX = ".meta.json"
SHARD_MANIFEST = "kastfacts-shards.json"    # marks a folder `extract --out` wrote: output, not input
DEFAULT_MAX_BYTES = 20_000_000          # a 20 MB text file is a book or a dump, not an article
META_MAX_BYTES = 1_000_000              # metadata is a few keys; a megabyte of it is not metadata
SUPPORTED_LANGS = ("fr", "es", "en")
# A publication date outside these years is a typo or a placeholder (0001-01-01, 9999-12-31), not
# news; date arithmetic near the ends of the calendar would fail, so such a date is refused.
PUBLISHED_YEARS = (1800, 2200)
META_STRINGS = ("lang", "published", "source", "title")   # the metadata kastfacts reads: strings
# The keys of a corpus record kastfacts reads; every other key is kept, as unknown metadata is.
RECORD_KEYS = ("id", "url", "text", "html") + META_STRINGS
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


# -- publication dates ------------------------------------------------------------------------
# dateparser reads written dates in the three languages; it is told never to read a relative date
# ("yesterday", "hace 2 días": relative to what?) nor a bare number, and resolves nothing against
# today: the reference date is fixed, and a date missing its day, month or year is refused.
_DATEPARSER_SETTINGS = {"PARSERS": ["absolute-time"], "RELATIVE_BASE": dt.datetime(2000, 1, 1),
                        "REQUIRE_PARTS": ["day", "month", "year"], "STRICT_PARSING": True,
                        "RETURN_AS_TIMEZONE_AWARE": True}
_ISO_LIKE = re.compile(r"\d{4}-\d{1,2}-\d{1,2}(?:[T ].*)?")
_NUMERIC_DAY_MONTH = re.compile(r"(\d{1,2})[./-](\d{1,2})[./-]\d{2,4}\b")
_DAY_FIRST_LANGS = ("fr", "es")     # 03/04/2025 is the 3rd of April there, and March 4 in the US
PUBLISHED_FORMS = ("2025-12-15, 2025-12-15T10:30:00-03:00, Mon, 15 Dec 2025 10:30:00 -0300, "
                   "15 décembre 2025, 15 de diciembre de 2025 or Dec 15, 2025")


def parse_published(value: str, lang: str | None = None) -> str:
    """A publication date in the forms it comes in -> 'YYYY-MM-DD', the day in the publisher's own
    time zone: ISO dates and datetimes with or without a zone, RFC 2822 as RSS writes it, written
    dates in French, Spanish and English (read with dateparser in `lang`, or in all three).
    Raises ValueError with a readable message for a value that is no date, is ambiguous (03/04/2025
    in English), lacks a day, month or year, or falls outside PUBLISHED_YEARS."""
    text = " ".join(str(value).split())
    if not text:
        raise ValueError("empty: expected a date such as 2025-12-15")
    day = _iso_day(text)
    if day is None:
        if _ISO_LIKE.fullmatch(text):
            raise ValueError(f"{text!r} is not a valid date (no such day, or a malformed time)")
        ambiguous = _NUMERIC_DAY_MONTH.search(text)
        if ambiguous and lang not in _DAY_FIRST_LANGS and ambiguous.group(1) != ambiguous.group(2) \
                and int(ambiguous.group(1)) <= 12 and int(ambiguous.group(2)) <= 12:
            raise ValueError(f"{text!r} is ambiguous (day/month or month/day?): write it as YYYY-MM-DD")
        day = _written_day(text, lang)
        if day is None:
            raise ValueError(f"{text!r} is not a date kastfacts can read (it needs a day, a month and a year: "
                             f"{PUBLISHED_FORMS})")
    low, high = PUBLISHED_YEARS
    if not low <= day.year <= high:
        raise ValueError(f"{text!r} is outside the years {low}-{high}: not a publication date")
    return day.isoformat()


def _iso_day(text: str) -> dt.date | None:
    for parse in (dt.date.fromisoformat, dt.datetime.fromisoformat):
        try:
            day = parse(text)
        except ValueError:
            continue
        return day.date() if isinstance(day, dt.datetime) else day
    return None


def _written_day(text: str, lang: str | None) -> dt.date | None:
    import dateparser       # imported here: most dates come as ISO

    languages = [lang] if lang in SUPPORTED_LANGS else list(SUPPORTED_LANGS)
    try:
        when = dateparser.parse(text, languages=languages, settings=_DATEPARSER_SETTINGS)
    except (ValueError, OverflowError, TypeError):
        return None
    return when.date() if when is not None else None      # the date as written, in its own zone


def published_date(value: str | None) -> dt.date | None:
    """A stored publication date as a date, or None when it is missing or not a plausible one
    (a store written before dates were checked may hold 9999-12-31)."""
    if not value:
        return None
    try:
        date = dt.date.fromisoformat(str(value)[:10])
    except ValueError:
        return None
    return date if PUBLISHED_YEARS[0] <= date.year <= PUBLISHED_YEARS[1] else None


# -- names ----------------------------------------------------------------------------------------
def printable_name(name: str) -> str:
    """A file name as text every output can carry: bytes that are not UTF-8 (which Python keeps as
    lone surrogates) are written as \\xNN, so the name stays unique and readable."""
    try:
        name.encode("utf-8")
        return name
    except UnicodeEncodeError:
        return os.fsencode(name).decode("utf-8", "backslashreplace")


def record_path(corpus: str, record_id: str) -> str:
    """The path of a corpus record: its corpus and its id ("scrape/day1.jsonl#https://..."), so that
    the same record read again (the corpus re-exported, its lines reordered) is the same document."""
    return f"{corpus}#{record_id}"


_RECORD_PATH = re.compile(rf"(.*?(?:{'|'.join(re.escape(s) for s in CORPUS_SUFFIXES)})|{re.escape(STDIN_NAME)})#(.+)",
                          re.IGNORECASE | re.DOTALL)


def split_record_path(path: str) -> tuple[str, str | None]:
    """(corpus, record id) of a record's path; (path, None) for a file's."""
    m = _RECORD_PATH.fullmatch(path)
    return (m.group(1), m.group(2)) if m else (path, None)


def id_candidates(doc_id: str, path: str) -> Iterator[str]:
    """`doc_id`, then the same id under more and more of the folders that hold the file
    ("article1.txt", "elpais/article1.txt", "news/elpais/article1.txt"...): the ids a document
    may take when a shorter one belongs to another file. Every candidate ends with the file's name
    (a corpus record's: with its own id, under its corpus's name and folders)."""
    yield doc_id
    corpus, record = split_record_path(path)
    if record is not None and (doc_id == record or doc_id.endswith("/" + record)):
        taken = doc_id[:len(doc_id) - len(record)].count("/")
        parts = ("", STDIN_NAME) if corpus == STDIN_NAME else Path(os.path.abspath(corpus)).parts
        parents = parts[:len(parts) - taken]
    else:
        depth = doc_id.count("/") + 1
        parents = Path(os.path.abspath(path)).parts[:-depth]
    for n in range(1, len(parents)):
        yield "/".join(printable_name(p) for p in parents[-n:]) + "/" + doc_id


def text_digest(text: str) -> str:
    """What makes two reports copies of one another: the SHA-256 of their text."""
    return hashlib.sha256(text.encode("utf-8", "surrogatepass")).hexdigest()


def same_document(path: str, digest: str | None, doc: Document) -> bool:
    """Whether the document stored from `path`, whose text has `digest`, is an earlier version of
    `doc` (to be replaced): the same file, however its path is written, or a file of the same name
    and text that has moved (nothing is left at its old path). Files of the same text under other
    names, or still in their place, are other reports: copies."""
    if path == doc.path:
        return True
    old_file, old_record = split_record_path(path)
    new_file, new_record = split_record_path(doc.path)
    if old_record != new_record or (old_record is None and os.path.basename(old_file) != os.path.basename(new_file)):
        return False
    try:
        if os.path.samefile(old_file, new_file):
            return True
    except (OSError, ValueError):
        pass
    try:
        gone = not os.path.lexists(old_file)
    except (OSError, ValueError):
        gone = False
    return digest is not None and digest == doc.sha256 and gone


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

    Read up to one byte past the limit, whatever the file says its size is (/dev/zero says 0 and
    never ends).
    """
    fd = _open_regular(path)
    try:
        size = os.fstat(fd).st_size
        if size > max_bytes:
            raise InputError(f"{size:,} bytes, over the limit of {max_bytes:,} (raise it with --max-bytes)")
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


def _open_regular(path: Path) -> int:
    """A file descriptor on a regular file; InputError for anything else. Opened without blocking
    (a named pipe would wait forever for a writer), and looked at again once open (it may have been
    replaced by something else between the two looks)."""
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
        kind = _not_regular(os.fstat(fd).st_mode)
    except OSError as exc:
        kind = f"cannot be read: {exc.strerror or exc}"
    if kind:
        os.close(fd)
        raise InputError(kind)
    return fd


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
    return meta, [f"{name}: {problem}" for problem in checked_metadata(meta)]


def checked_metadata(meta: dict) -> list[str]:
    """Check, in place, the keys kastfacts reads in metadata (a .meta.json, a corpus record): each
    must be a string, `lang` one kastfacts reads, `published` a date (parse_published, in the
    record's language). A bad key is dropped and said: the document is read without it."""
    problems = []
    for key in META_STRINGS:
        if key in meta and not isinstance(meta[key], str):
            problems.append(f"{key}: expected a string, not {type(meta[key]).__name__}; ignored")
            meta.pop(key)
    if "lang" in meta:
        code = re.split(r"[-_]", meta["lang"].strip().lower(), maxsplit=1)[0]     # "fr-FR" is French
        if code in SUPPORTED_LANGS:
            meta["lang"] = code
        else:
            problems.append(f"unknown language {meta['lang']!r} (expected one of {', '.join(SUPPORTED_LANGS)}); ignored")
            meta.pop("lang")
    if "published" in meta:
        try:
            meta["published"] = parse_published(meta["published"], meta.get("lang"))
        except ValueError as exc:
            problems.append(f"published: {exc}; ignored")
            meta.pop("published")
    return problems


def read_document(path: Path, doc_id: str, max_bytes: int = DEFAULT_MAX_BYTES) -> tuple[Document, list[str]]:
    """Read one file (text, or a saved web page) as a Document; raises InputError for a file that
    cannot be one. A page's own title, URL, language and date fill what its metadata leaves out."""
    data = read_regular_file(path, max_bytes)
    text, encoding, problems = decode_with_notes(data)
    if not text.strip():
        raise InputError("empty (no text)")
    page = None
    if _suffix(path) in PAGE_SUFFIXES:
        page = _page(text)
    elif _HTML_START.match(text[:2048]):        # a page saved as .txt: its tags are no sentences
        page = _page(text)
        problems.append("an HTML page, not text: its main text was read, as a .html file's is")
    meta, meta_problems = read_meta(path)
    doc = _document(doc_id, printable_name(str(path)), page.text if page else text, encoding, meta, page)
    return doc, problems + meta_problems


_HTML_START = re.compile(r"\s*(?:<\?xml[^>]*>\s*)?(?:<!--.*?-->\s*)*(?:<!doctype\s+html|<html[\s>])", re.IGNORECASE | re.DOTALL)


def _page(html: str, url: str | None = None):
    from .pages import NotAnArticle, read_page

    try:
        page = read_page(html, url)
    except NotAnArticle as exc:
        raise InputError(str(exc)) from None
    except (ValueError, TypeError, RecursionError) as exc:      # lxml on a page it cannot make a tree of
        raise InputError(f"not an HTML page kastfacts can read ({type(exc).__name__}: {exc})") from None
    if not page.text.strip():
        raise InputError("no article text found in the page")
    return page


def _document(doc_id: str, path: str, text: str, encoding: str | None, meta: dict, page=None) -> Document:
    """A Document from its text, its checked metadata (the keys kastfacts reads are taken out, the
    rest kept) and, for a web page, what the page declares (metadata wins: it is more specific)."""
    known = {k: meta.pop(k) for k in META_STRINGS if k in meta}
    lang, lang_source = (known["lang"], "metadata") if known.get("lang") else (None, None)
    published, published_source = (known["published"], "metadata") if known.get("published") else (None, None)
    if page is not None:
        if lang is None and page.lang:
            lang, lang_source = page.lang, "page"
        if published is None and page.published:
            published, published_source = page.published, "page"
    return Document(doc=doc_id, path=path, text=text, encoding=encoding, sha256=text_digest(text), lang=lang,
                    lang_source=lang_source, published=published, published_source=published_source,
                    source=known.get("source") or (page.url if page else None),
                    title=known.get("title") or (page.title if page else None), meta=meta)


def _suffix(path: Path) -> str:
    return path.suffix.lower()


def _readable(path: Path) -> bool:
    return _suffix(path) in READ_SUFFIXES


def _is_corpus(path: Path | None) -> bool:
    return path is None or _suffix(path) in CORPUS_SUFFIXES


_NOT_READ = f"not a {', '.join(READ_SUFFIXES[:-1])} or {READ_SUFFIXES[-1]} file"


def find_files(paths: Iterable[str | os.PathLike]) -> Iterator[tuple[Path | None, str] | InputIssue]:
    """Expand files and folders (recursively, sorted) into (path, doc id) pairs, or issues; `-`
    (standard input, a corpus) is (None, "<stdin>").

    A folder's files are named by their path inside it; a file given by itself, by its name.
    Links to files inside the folders given are followed; links to folders, and links to files
    elsewhere, are reported and not read (a link can lead anywhere, /dev/zero included).
    """
    roots = [Path(raw) for raw in paths]
    folders = []
    for root in roots:
        try:
            if str(root) != STDIN and root.is_dir():
                folders.append(Path(os.path.realpath(root)))
        except OSError:
            pass
    for root in roots:
        if str(root) == STDIN:
            yield None, STDIN_NAME
            continue
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
        elif _readable(root):
            yield root, printable_name(root.name)
        else:
            yield InputIssue(shown, _NOT_READ)


def _walk(root: Path, folders: list[Path]) -> Iterator[tuple[Path, str] | InputIssue]:
    """The files under one folder, sorted by their path inside it (hidden ones, sidecar metadata
    and the folders `extract --out` writes left out), with what cannot be read reported where it sits."""
    found: list[tuple[tuple[str, ...], tuple[Path, str] | InputIssue]] = []

    def unreadable(exc: OSError) -> None:
        where = Path(exc.filename) if exc.filename else root
        found.append((_parts(where, root), InputIssue(printable_name(str(where)),
                                                      f"folder cannot be read: {exc.strerror or exc}")))

    for folder, subfolders, files in os.walk(root, onerror=unreadable):
        base = Path(folder)
        if SHARD_MANIFEST in files:     # kastfacts' own output: its .jsonl files are facts, not articles
            found.append((_parts(base, root), InputIssue(printable_name(str(base)), "a folder of kastfacts shards "
                          "(written by extract --out), not articles: not read", "warning")))
            subfolders[:] = []
            continue
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
            if not _readable(path):
                item = InputIssue(printable_name(str(path)), _NOT_READ)
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


# -- corpora: JSON Lines, one article a line ------------------------------------------------------
def read_corpus(path: Path | None, max_bytes: int = DEFAULT_MAX_BYTES) -> Iterator[Document | InputIssue]:
    """The articles of a JSON Lines corpus (`path`, or standard input when None), a line at a time:
    `{"id" or "url", "text" or "html", "published", "lang", "source", "title", ...}`. A line that
    is not such an article is reported (`CORPUS:N`) and skipped; a bad key is said and dropped, and
    the article read without it; unknown keys are kept as metadata. A line longer than `max_bytes`
    is skipped without being held in memory."""
    shown = STDIN_NAME if path is None else printable_name(str(path))
    try:
        stream = sys.stdin.buffer if path is None else os.fdopen(_open_regular(path), "rb")
    except InputError as exc:
        yield InputIssue(shown, str(exc))
        return
    seen: dict[str, tuple[int, str]] = {}      # id -> (line, text digest): one article per id
    try:
        for n, line in _lines(stream, max_bytes):
            where = f"{shown}:{n}"
            if line is None:
                yield InputIssue(where, f"over the limit of {max_bytes:,} bytes (raise it with --max-bytes)")
                continue
            if not line.strip():
                continue
            try:
                doc, problems = _record(line, shown, n == 1)
            except InputError as exc:
                yield InputIssue(where, str(exc))
                continue
            first = seen.get(doc.doc)
            if first is not None:
                yield (InputIssue(where, f"the same article as line {first[0]}: read once", "warning")
                       if first[1] == doc.sha256 else
                       InputIssue(where, f"id {doc.doc!r} is line {first[0]}'s already: skipped (give each article its own id)"))
                continue
            seen[doc.doc] = (n, doc.sha256)
            for problem in problems:
                yield InputIssue(where, problem, "warning")
            yield doc
    except OSError as exc:
        yield InputIssue(shown, f"cannot be read: {exc.strerror or exc}")
    finally:
        if path is not None:
            stream.close()


def _lines(stream, limit: int) -> Iterator[tuple[int, bytes | None]]:
    """(number, bytes) of each line, or (number, None) for a line over `limit` bytes (read past, in
    pieces, never held whole)."""
    n = 0
    while True:
        line = stream.readline(limit + 1)
        if not line:
            return
        n += 1
        if len(line) > limit and not line.endswith(b"\n"):
            while line and not line.endswith(b"\n"):
                line = stream.readline(1 << 20)
            yield n, None
        else:
            yield n, line


def _record(line: bytes, corpus: str, first: bool) -> tuple[Document, list[str]]:
    try:
        data = json.loads(line.decode("utf-8-sig" if first else "utf-8"), parse_constant=_reject_constant)
    except UnicodeDecodeError:
        raise InputError("not UTF-8 (a JSON Lines corpus is UTF-8)") from None
    except (ValueError, RecursionError) as exc:
        raise InputError(f"not JSON ({exc})") from None
    if not isinstance(data, dict):
        raise InputError(f"a JSON {type(data).__name__}, not an article (an object with an id or url, and a text or html)")
    data = {k: v for k, v in data.items() if v is not None}      # tools write null for what they lack
    record_id = data.pop("id", None)
    url = data.pop("url", None)
    if record_id is None:
        record_id = url
    if isinstance(record_id, bool) or not isinstance(record_id, (str, int)) or not str(record_id).strip():
        raise InputError("no id or url (a string): each article needs one, its document id")
    record_id = printable_name(str(record_id).strip())
    text, html = data.pop("text", None), data.pop("html", None)
    page = None
    if isinstance(text, str) and text.strip():
        pass
    elif isinstance(html, str) and html.strip():
        page = _page(html, url if isinstance(url, str) else None)
        text = page.text
    else:
        raise InputError('no "text" or "html" (a string holding the article)')
    problems = checked_metadata(data)
    if isinstance(url, str) and url.strip():
        if not data.get("source"):
            data["source"] = url    # the article's address (a date in it dates the report), before the page's own
        elif url != record_id:
            data["url"] = url       # kept with the unknown keys
    return _document(record_id, record_path(corpus, record_id), text, "utf-8", data, page), problems


def read_documents(paths: Iterable[str | os.PathLike], max_bytes: int = DEFAULT_MAX_BYTES,
                   lang: str | None = None, published: str | None = None) -> Iterator[Document | InputIssue]:
    """Stream the documents under `paths` (files, folders, corpora, `-` for a corpus on standard
    input); bad inputs come out as InputIssue and the stream goes on.

    `lang` (--lang) forces the language, over metadata and detection; `published` (--published) is
    the publication date of every document whose own metadata or page gives none (a file's own
    `.meta.json` is more specific than a run-wide option), in any form parse_published reads.
    """
    if published:
        published = parse_published(published, lang)
    for item in find_files(paths):
        if isinstance(item, InputIssue):
            yield item
            continue
        path, doc_id = item
        if _is_corpus(path):
            items: Iterable[Document | InputIssue] = read_corpus(path, max_bytes)
        else:
            items = _read_file(path, doc_id, max_bytes)
        for doc in items:
            if isinstance(doc, Document):
                if lang:
                    doc.lang, doc.lang_source = lang, "option"
                if published and not doc.published:
                    doc.published, doc.published_source = published, "option"
            yield doc


def _read_file(path: Path, doc_id: str, max_bytes: int) -> Iterator[Document | InputIssue]:
    shown = printable_name(str(path))
    try:
        doc, problems = read_document(path, doc_id, max_bytes)
    except InputError as exc:
        yield InputIssue(shown, str(exc))
        return
    if shown != str(path):
        problems.append(f"the file name is not valid UTF-8: its id is {doc_id!r}")
    for problem in problems:
        yield InputIssue(shown, problem, severity="warning")
    yield doc


def count_inputs(paths: Iterable[str | os.PathLike]) -> int | None:
    """How many documents `paths` hold at most (files, and the lines of corpora), for a progress
    bar: a walk of the folders and a count of newlines, nothing decoded. None when one of them is
    standard input (it can only be read once)."""
    total = 0
    for item in find_files(paths):
        if isinstance(item, InputIssue):
            continue
        path = item[0]
        if path is None:
            return None
        if not _is_corpus(path):
            total += 1
            continue
        try:
            with os.fdopen(_open_regular(path), "rb") as stream:
                last = b"\n"
                while chunk := stream.read(1 << 20):
                    total += chunk.count(b"\n")
                    last = chunk[-1:]
                total += last != b"\n"
        except (InputError, OSError):
            pass
    return total


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
