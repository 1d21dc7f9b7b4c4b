"""kastfacts' date and percentage recognizers as a candidate for the Recognizers-Text scorer.

    cd /work/shared/peer-specs && /work/main/.venv/bin/python score.py \
        /work/main/bench/recognizers.py:candidate --kind date,percentage --skip-flag dotnet

Dates come from kastfacts.dates.find_dates, resolved with resolve(timex, ref.date(), direction)
(the timex itself when the case has no reference date). Two adapters to Recognizers-Text
conventions live here, not in kastfacts: two neighbouring dates joined by "from .. to",
"du .. au", "entre .. y" become one {"start", "end"} range, and counted offsets with a week,
month or year unit ("two weeks ago") are given as a day, as Recognizers-Text does.
"""
from __future__ import annotations

import datetime as dt
import re
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from kastfacts.dates import find_dates, resolve  # noqa: E402

RANGE_LINK = {
    "fr": r"\s*(?:-|–|au|à|a|jusqu['’]au|jusqu['’]à|et)\s*(?:le\s+)?",
    "es": r"\s*(?:-|–|al|a|hasta(?:\s+el)?|y)\s*(?:el\s+)?",
    "en": r"\s*(?:-|–|to|through|thru|till|until|and)\s*(?:the\s+)?",
}
RANGE_OPEN = {
    "fr": r"(?:du|de|d['’]|entre|depuis)\s*(?:le\s+)?$",
    "es": r"(?:del|de|desde|entre)\s+(?:el\s+)?$",
    "en": r"(?:from|between)\s+(?:the\s+)?$",
}
_LINK = {k: re.compile(v + "$", re.IGNORECASE) for k, v in RANGE_LINK.items()}
_OPEN = {k: re.compile(r"(?<!\w)" + v, re.IGNORECASE) for k, v in RANGE_OPEN.items()}
_AND = re.compile(r"\s*(?:et|y|and)\s", re.IGNORECASE)
_COUNTED = re.compile(r"REF([+-])P(\d+)([WMY])$")
_OFFSET_WORDS = re.compile(r"\b(?:ago|in|il\s+y\s+a|dans|hace|dentro)\b", re.IGNORECASE)


def _first_day(value: str) -> dt.date | None:
    """First day of a resolved value: 2016-11-07, 2016-11, 2016, 2016-W45."""
    try:
        if re.fullmatch(r"\d{4}-\d{2}-\d{2}", value):
            return dt.date.fromisoformat(value)
        if re.fullmatch(r"\d{4}-\d{2}", value):
            return dt.date(int(value[:4]), int(value[5:]), 1)
        if re.fullmatch(r"\d{4}", value):
            return dt.date(int(value), 1, 1)
        m = re.fullmatch(r"(\d{4})-W(\d{2})", value)
        if m:
            return dt.date.fromisocalendar(int(m.group(1)), int(m.group(2)), 1)
    except ValueError:
        return None
    return None


def _shift(anchor: dt.date, sign: str, n: int, unit: str) -> dt.date:
    n = n if sign == "+" else -n
    if unit == "W":
        return anchor + dt.timedelta(weeks=n)
    months = n * (12 if unit == "Y" else 1)
    y, m = divmod(anchor.month - 1 + months, 12)
    day = min(anchor.day, [31, 29 if (anchor.year + y) % 4 == 0 else 28, 31, 30, 31, 30, 31, 31,
                           30, 31, 30, 31][m])
    return dt.date(anchor.year + y, m + 1, day)


def _value(mention, anchor: dt.date | None):
    if anchor is None:
        return mention.timex
    counted = _COUNTED.match(mention.timex)
    if counted and _OFFSET_WORDS.search(mention.text):
        sign, n, unit = counted.groups()
        return _shift(anchor, sign, int(n), unit).isoformat()
    return resolve(mention.timex, anchor, mention.direction)[0]


def _with_year(timex: str, year: str) -> str:
    return year + timex[4:] if timex.startswith("XXXX-") and "W" not in timex else timex


def _range(first, second, anchor):
    """{"start", "end"} for two dates joined as a range; a year written once serves both."""
    t1, t2 = first.timex, second.timex
    if t1.startswith("XXXX") and re.match(r"\d{4}-", t2):
        t1 = _with_year(t1, t2[:4])
        if t1[5:] > t2[5:]:
            t1 = f"{int(t2[:4]) - 1:04d}{t1[4:]}"
    if anchor is None:
        return {"start": t1, "end": t2}
    v1 = resolve(t1, anchor, first.direction)[0]
    d1 = _first_day(v1)
    if t2.startswith("XXXX") and d1 and re.match(r"XXXX-\d{2}", t2):
        v2 = resolve(t2, d1, "future")[0] if t2 != t1 else v1
    else:
        v2 = resolve(t2, anchor, second.direction or first.direction)[0]
    d2 = _first_day(v2)
    if not d1 or not d2:
        return None
    return {"start": d1.isoformat(), "end": d2.isoformat()}


def dates(text: str, lang: str, ref: dt.datetime | None) -> list[dict]:
    anchor = ref.date() if ref else None
    mentions = find_dates(text, lang)
    out, i = [], 0
    while i < len(mentions):
        m = mentions[i]
        if i + 1 < len(mentions):
            n = mentions[i + 1]
            gap = text[m.end:n.start]
            opener = _OPEN[lang].search(text[max(0, m.start - 12):m.start])
            if _LINK[lang].fullmatch(gap) and (opener or not _AND.match(gap)):
                value = _range(m, n, anchor)
                if value:
                    start = m.start - (len(opener.group(0)) if opener else 0)
                    out.append({"text": text[start:n.end], "start": start, "end": n.end,
                                "kind": "date", "value": value})
                    i += 2
                    continue
        out.append({"text": m.text, "start": m.start, "end": m.end, "kind": "date",
                    "value": _value(m, anchor)})
        i += 1
    return out


def percentages(text: str, lang: str) -> list[dict]:
    try:
        from kastfacts.percentages import find_percentages
    except ImportError:
        return []
    return [{"text": p.text, "start": p.start, "end": p.end, "kind": "percentage",
             "value": p.value} for p in find_percentages(text, lang)]


def candidate(text: str, lang: str, reference_datetime: dt.datetime | None) -> list[dict]:
    return dates(text, lang, reference_datetime) + percentages(text, lang)
