"""Serializing records for machines: JSON Lines, JSON and CSV (tables for people live in cli.py)."""
from __future__ import annotations

import csv
import json
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


def dumps(record: dict[str, Any]) -> str:
    return json.dumps(record, ensure_ascii=False)


def write_jsonl(records: Iterable[dict[str, Any]], out: TextIO) -> int:
    n = 0
    for n, record in enumerate(records, 1):
        out.write(dumps(record) + "\n")
    return n


def write_json(records: Iterable[dict[str, Any]], out: TextIO) -> int:
    """A JSON array, written as it streams (no list of the whole table in memory)."""
    n = 0
    out.write("[")
    for n, record in enumerate(records, 1):
        out.write(("\n  " if n == 1 else ",\n  ") + dumps(record))
    out.write("\n]\n" if n else "]\n")
    return n


def _cell(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, list) and all(isinstance(v, str) for v in value):
        return "|".join(value)
    if isinstance(value, (list, dict)):
        return dumps(value)
    return str(value)


def write_csv(records: Iterable[dict[str, Any]], out: TextIO, columns: Iterable[str]) -> int:
    columns = list(columns)
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(columns)
    n = 0
    for n, record in enumerate(records, 1):
        writer.writerow([_cell(record.get(c)) for c in columns])
    return n


def write(records: Iterable[dict[str, Any]], fmt: str, out: TextIO, columns: Iterable[str] = ()) -> int:
    """Write dict records in a machine format; returns how many were written."""
    if fmt == "jsonl":
        return write_jsonl(records, out)
    if fmt == "json":
        return write_json(records, out)
    if fmt == "csv":
        return write_csv(records, out, columns)
    raise ValueError(f"unknown format {fmt!r} (expected one of {', '.join(FORMATS[1:])})")
