"""Serializing records for machines: JSON Lines, JSON and CSV (tables for people live in cli.py)."""
from __future__ import annotations

import csv
import json
from collections.abc import Iterable
from typing import Any, TextIO

FORMATS = ("table", "jsonl", "json", "csv")
FACT_COLUMNS = ("doc", "lang", "kind", "text", "start", "end", "value", "entity", "code", "subject",
                "attribute", "sentence", "label", "place_type", "geonames_id", "variants", "decimals", "unit",
                "low", "high", "context", "resolution", "timex", "tense", "participants")
CONFLICT_COLUMNS = ("id", "subject", "attribute", "kind", "severity", "explanation", "values")


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
