"""kastfacts' date and percentage recognizers as a candidate for the Recognizers-Text scorer.

    cd /work/shared/peer-specs && /work/main/.venv/bin/python score.py \
        /work/main/bench/recognizers.py:candidate --kind date,percentage --skip-flag dotnet

Dates come from kastfacts.dates.find_dates, resolved with resolve(timex, ref.date(), direction)
(the timex itself when the case has no reference date). Two adapters to Recognizers-Text
conventions live here, not in kastfacts: two neighbouring dates joined by "from .. to",
"du .. au", "entre .. y" become one {"start", "end"} range, and counted offsets with a week,
month or year unit ("two weeks ago") are given as a day, as Recognizers-Text does.

Further conventions of Recognizers-Text that kastfacts deliberately does not share, converted here:
- "last Tuesday" / "mardi dernier" / "el próximo viernes": Recognizers-Text takes the weekday of
  the previous / next calendar week; kastfacts' resolve() takes the nearest such day strictly
  before / after the anchor, which is what news means ("mardi dernier" written on a Sunday is the
  Tuesday five days before, not twelve).
- "Monday 21" / "lundi 21": kastfacts gives the day of the month (XXXX-XX-21) and the weekday;
  here the nearest month whose 21st is a Monday is chosen, as Recognizers-Text does.
- "since X", "after X", "before X", "until X" and "early / mid / late X" (a month): kastfacts gives
  X itself; Recognizers-Text gives an open range or a part of the month, and includes the word.
- "within two weeks" / "dentro de dos semanas": the span from the anchor to the offset.
- Periods (weeks, months, quarters, years) are given as {"start", "end"} ranges.
"""
from __future__ import annotations

import datetime as dt
import re
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from kastfacts.dates import find_dates, resolve  # noqa: E402

RANGE_LINK = {
    "fr": r"\s*(?:-|–|~|au|à|a|jusqu['’]au|jusqu['’]à|jusqu['’]en|et)\s*(?:le\s+)?",
    "es": r"\s*(?:-|–|~|al|a|hasta(?:\s+el)?|y)\s*(?:el\s+)?",
    "en": r"\s*(?:-|–|~|to|through|thru|till|until|and)\s*(?:the\s+)?",
}
RANGE_OPEN = {
    "fr": r"(?:du|de|d['’]|entre|depuis)\s*(?:le\s+)?$",
    "es": r"(?:del|de|desde|entre)\s+(?:el\s+)?$",
    "en": r"(?:from|between)\s+(?:the\s+)?$",
}
_LINK = {k: re.compile(v + "$", re.IGNORECASE) for k, v in RANGE_LINK.items()}
_OPEN = {k: re.compile(r"(?<!\w)" + v, re.IGNORECASE) for k, v in RANGE_OPEN.items()}
_AND = re.compile(r"\s*(?:et|y|and)\s", re.IGNORECASE)
_COUNTED = re.compile(r"REF([+-])P(\d+)([WMYQ])$")
_OFFSET_WORDS = re.compile(r"\b(?:ago|in|il\s+y\s+a|dans|hace|dentro|en)\b", re.IGNORECASE)


def _period(value: str):
    """(first day, first day after) of a resolved period value, or None for a day / a TIMEX."""
    start = _first_day(value)
    if start is None or re.fullmatch(r"\d{4}-\d{2}-\d{2}", value):
        return None
    if re.fullmatch(r"\d{4}-W\d{2}", value):
        return start, start + dt.timedelta(weeks=1)
    if re.fullmatch(r"\d{3}", value):
        return start, dt.date(start.year + 10, 1, 1)
    months = {7: 1, 4: 12}.get(len(value), 0)
    q = re.fullmatch(r"\d{4}-([QH])\d", value)
    if q:
        months = 3 if q.group(1) == "Q" else 6
    y, m = divmod(start.month - 1 + months, 12)
    return start, dt.date(start.year + y, m + 1, 1)


def _first_day(value: str) -> dt.date | None:
    """First day of a resolved value: 2016-11-07, 2016-11, 2016, 2016-W45, 2016-Q3, 199."""
    try:
        if re.fullmatch(r"\d{3}", value):
            return dt.date(int(value) * 10, 1, 1)
        q = re.fullmatch(r"(\d{4})-([QH])([1-4])", value)
        if q:
            step = 3 if q.group(2) == "Q" else 6
            return dt.date(int(q.group(1)), 1 + step * (int(q.group(3)) - 1), 1)
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
    months = n * {"Y": 12, "Q": 3}.get(unit, 1)
    y, m = divmod(anchor.month - 1 + months, 12)
    day = min(anchor.day, [31, 29 if (anchor.year + y) % 4 == 0 else 28, 31, 30, 31, 30, 31, 31,
                           30, 31, 30, 31][m])
    return dt.date(anchor.year + y, m + 1, day)


_WEEKDAY_TIMEX = re.compile(r"XXXX-WXX-([1-7])")
_DAY_TIMEX = re.compile(r"XXXX-XX-(\d{2})")
# Words before a date that make it an open range: (start) "since X", (end) "before X".
BOUND_BEFORE = {
    "en": (r"(?:since|after|from|starting(?:\s+on)?|beginning(?:\s+on)?|as\s+early\s+as)",
           r"(?:before|until|till|by|no\s+later\s+than|as\s+late\s+as|prior\s+to)"),
    "es": (r"(?:desde|despu[eé]s\s+del?|a\s+partir\s+del?|comenzando(?:\s+el)?"
           r"|empezando(?:\s+el)?|tan\s+pronto\s+como)",
           r"(?:antes\s+del?|hasta|no\s+m[aá]s\s+tarde\s+que|tan\s+tarde\s+como)"),
    "fr": (r"(?:depuis|apr[eè]s|[àa]\s+partir\s+d[eu]|dès)", r"(?:avant)"),
}
# "after 2016" starts when 2016 is over; "since 2016" when it begins.
_AFTER = re.compile(r"^(?:after|despu[eé]s|apr[eè]s)", re.I)
_UNIT_BEFORE = re.compile(r"(?:days?|weeks?|months?|years?|d[ií]as|semanas?|mes(?:es)?|a[ñn]os?"
                          r"|jours?|semaines?|mois|ans?|ann[ée]es?)\s+$", re.I)
_BOUND = {lang: (re.compile(rf"(?<!\w){a}\s+(?:(?:the|el|le|la|l['’])\s*)?$", re.I),
                 re.compile(rf"(?<!\w){b}\s+(?:(?:the|el|le|la|l['’])\s*)?$", re.I))
          for lang, (a, b) in BOUND_BEFORE.items()}
# Parts of a month: (first day, first day after) as Recognizers-Text cuts them.
MONTH_PART = {
    "en": [(r"early\s+", 1, 16), (r"mid-?\s*", 10, 21), (r"late\s+", 16, None),
           (r"(?:the\s+)?(?:beginning|start)\s+of\s+", 1, 16),
           (r"(?:the\s+)?middle\s+of\s+", 10, 21), (r"(?:the\s+)?end\s+of\s+", 16, None)],
    "es": [(r"principios\s+de\s+", 1, 16), (r"inicios\s+de\s+", 1, 16),
           (r"mediados\s+de\s+", 10, 21), (r"finales\s+de\s+", 16, None),
           (r"fines\s+de\s+", 16, None)],
    "fr": [(r"d[ée]but\s+", 1, 16), (r"mi-\s*", 10, 21), (r"fin\s+", 16, None),
           (r"au\s+d[ée]but\s+(?:de\s+|d['’])", 1, 16), (r"[àa]\s+la\s+mi-\s*", 10, 21),
           (r"[àa]\s+la\s+fin\s+(?:de\s+|d['’])", 16, None)],
}
_MONTH_PART = {lang: [(re.compile(rf"(?<!\w){rx}$", re.I), a, b) for rx, a, b in parts]
               for lang, parts in MONTH_PART.items()}
_WITHIN = re.compile(r"^(?:within|dentro\s+de|d['’]ici)\s", re.I)


def _weekday_in_week(anchor: dt.date, weekday: int, weeks: int) -> dt.date:
    return anchor + dt.timedelta(days=weekday - anchor.isoweekday() + 7 * weeks)


def _day_on_weekday(anchor: dt.date, day: int, weekday: int) -> dt.date | None:
    """The date nearest the anchor that is the `day` of some month and falls on `weekday`."""
    best = None
    for k in range(-14, 15):
        y, m = divmod(anchor.month - 1 + k, 12)
        try:
            d = dt.date(anchor.year + y, m + 1, day)
        except ValueError:
            continue
        if d.isoweekday() == weekday and (best is None or abs((d - anchor).days) < abs((best - anchor).days)):
            best = d
    return best


def _value(mention, anchor: dt.date | None):
    if anchor is not None:
        wd = _WEEKDAY_TIMEX.fullmatch(mention.timex)
        if wd and mention.direction in ("past", "future"):
            return _weekday_in_week(anchor, int(wd.group(1)),
                                    -1 if mention.direction == "past" else 1).isoformat()
        day = _DAY_TIMEX.fullmatch(mention.timex)
        if day and mention.weekday:
            found = _day_on_weekday(anchor, int(day.group(1)), mention.weekday)
            if found:
                return found.isoformat()
    years = _years_interval(mention.timex)
    if years:
        return years
    if anchor is None or re.fullmatch(r"\d{3}", mention.timex):     # a decade: its days
        period = re.fullmatch(r"\d{4}-[QH]\d|\d{3}", mention.timex) and _period(mention.timex)
        return {"start": period[0].isoformat(), "end": period[1].isoformat()} if period \
            else mention.timex
    counted = _COUNTED.match(mention.timex) or re.fullmatch(r"REF([+-])P(\d+)(D)", mention.timex)
    if counted and _WITHIN.match(mention.text) and counted.group(1) == "+":
        sign, n, unit = counted.groups()
        end = anchor + dt.timedelta(days=int(n)) if unit == "D" else _shift(anchor, sign, int(n), unit)
        return {"start": anchor.isoformat(), "end": end.isoformat()}
    if counted and counted.group(3) != "D" and _OFFSET_WORDS.search(mention.text):
        sign, n, unit = counted.groups()
        return _shift(anchor, sign, int(n), unit).isoformat()
    value = resolve(mention.timex, anchor, mention.direction)[0]
    if "/" in value:                                     # "the past five years": an interval
        first, last = value.split("/")
        return {"start": first, "end": last}
    period = _period(value)
    # A month, week or year given as a TIMEX string matches Recognizers-Text's TIMEX exactly when
    # the text named the year or the offset; a year-less month ("November") is given as its days.
    if period and (mention.timex.startswith("XXXX") or re.fullmatch(r"\d{4}-[QH]\d|\d{3}", value)
                   or (value != mention.timex and not mention.timex.startswith("REF"))):
        return {"start": period[0].isoformat(), "end": period[1].isoformat()}
    return value


def _years_interval(timex: str) -> dict | None:
    """kastfacts' span of years ("2014/2018") as Recognizers-Text gives it: from the first day of
    the first year to the first day of the last."""
    m = re.fullmatch(r"(\d{4})/(\d{4})", timex)
    return {"start": f"{m.group(1)}-01-01", "end": f"{m.group(2)}-01-01"} if m else None


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
    if t2.startswith("XXXX") and d1:
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
        opener = _OPEN[lang].search(text[max(0, m.start - 12):m.start])
        if re.fullmatch(r"\d{4}/\d{4}", m.timex) and opener:     # "from 2014 to 2018": the range with its word
            start = m.start - len(opener.group(0))
            out.append({"text": text[start:m.end], "start": start, "end": m.end, "kind": "date",
                        "value": _years_interval(m.timex)})
        else:
            out.append(_single(m, text, lang, anchor))
        i += 1
    return out


def _single(m, text: str, lang: str, anchor: dt.date | None) -> dict:
    """One mention, widened to a month part ("mid-November") or an open range ("since August")."""
    start, value = m.start, _value(m, anchor)
    before = text[max(0, m.start - 30):m.start]
    if anchor is not None and re.fullmatch(r"(?:XXXX|\d{4})-\d{2}", m.timex) and isinstance(value, dict):
        for rx, first, after in _MONTH_PART[lang]:
            part = rx.search(before)
            if part:
                month = dt.date.fromisoformat(value["start"])
                end = dt.date.fromisoformat(value["end"]) if after is None \
                    else month.replace(day=after)
                value = {"start": month.replace(day=first).isoformat(), "end": end.isoformat()}
                start = m.start - len(part.group(0))
                before = text[max(0, start - 30):start]
                break
    if anchor is not None:
        for side, rx in zip(("start", "end"), _BOUND[lang]):
            bound = rx.search(before)
            if bound and not _UNIT_BEFORE.search(before[:bound.start()]):
                first = value["start"] if isinstance(value, dict) else value
                if isinstance(value, dict) and value.get("end") and _AFTER.match(bound.group(0)):
                    first = value["end"]
                if _first_day(str(first)) is None:
                    break
                value = {"start": None, "end": None, side: _first_day(str(first)).isoformat()}
                start -= len(bound.group(0))
                break
    return {"text": text[start:m.end], "start": start, "end": m.end, "kind": "date",
            "value": value}


def percentages(text: str, lang: str) -> list[dict]:
    try:
        from kastfacts.percentages import find_percentages
    except ImportError:
        return []
    return [{"text": p.text, "start": p.start, "end": p.end, "kind": "percentage",
             "value": p.value} for p in find_percentages(text, lang)]


def candidate(text: str, lang: str, reference_datetime: dt.datetime | None) -> list[dict]:
    return dates(text, lang, reference_datetime) + percentages(text, lang)
