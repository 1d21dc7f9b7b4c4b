"""Parse-free tense and date events against the parse-based ones (not a test).

    python bench/tense_agreement.py [--show N] [--lang fr] [--source seeds]

Sentences holding dates come from the seeds, the test sentences of tests/test_timeline.py and
tests/test_claims.py, and the Recognizers-Text DateTime spec inputs (en/es/fr, field "Input";
read from ../shared when present). For each date found by `kastfacts.dates.find_dates`,
`tense.lexical_tense` is compared with `timeline.sentence_tense` on the parsed sentence, and
`claims.lexical_date_events` with `claims.date_events` (event type; participants set).
Prints agreement per language and source, the disagreements (--show), and the time per date.
The parse is not gold: disagreements are to be read, not counted as errors.
"""
from __future__ import annotations

import argparse
import importlib.util
import json
import sys
import time
import warnings
from collections import Counter, defaultdict
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
sys.path.insert(0, str(ROOT))
warnings.filterwarnings("ignore", message=r".*\[W095\]")

from kastfacts import claims, pipelines, tense, timeline  # noqa: E402
from kastfacts.dates import find_dates  # noqa: E402

SPECS = ROOT.parent / "shared" / "peer-specs" / "recognizers-text" / "Specs" / "DateTime"
SPEC_LANG = {"en": "English", "es": "Spanish", "fr": "French"}
SEED_LANG = {"000": "fr", "002": "es", "004": "en"}
KINDS = {"PER": "person", "PERSON": "person", "LOC": "place", "GPE": "place", "ORG": "organization",
         "NORP": None, "MISC": None}


def _test_module(name: str):
    spec = importlib.util.spec_from_file_location(name, ROOT / "tests" / f"{name}.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def collect() -> list[tuple[str, str, str]]:
    """(source, lang, sentence), deduplicated, in a stable order."""
    out: list[tuple[str, str, str]] = []
    for path in sorted((ROOT / "seeds").glob("*.txt")):
        lang = SEED_LANG.get(path.name[:3])
        if not lang:
            continue
        (doc, _), = pipelines.get(lang).entities([(path.read_text(encoding="utf-8"), None)])
        for sent in doc.sents:
            text = sent.text.strip()
            if text:
                out.append(("seeds", lang, text))
    timeline_tests = _test_module("test_timeline")
    for lang, table in (("fr", "FR_TENSES"), ("es", "ES_TENSES"), ("en", "EN_TENSES")):
        out += [("tests", lang, row[0]) for row in getattr(timeline_tests, table)]
    claims_tests = _test_module("test_claims")
    out += [("tests", row[0], row[1]) for row in claims_tests.DATES]
    out += [("tests", row[0], row[1]) for row in claims_tests.CLAIMS]
    for lang, folder in SPEC_LANG.items():
        path = SPECS / folder / "DateTimeModel.json"
        if path.exists():
            for case in json.loads(path.read_text(encoding="utf-8-sig")):
                out.append(("specs", lang, case["Input"]))
    seen, unique = set(), []
    for row in out:
        if row[1:] not in seen:
            seen.add(row[1:])
            unique.append(row)
    return unique


def entity_refs(ner_doc) -> list[claims.EntityRef]:
    refs = []
    for ent in ner_doc.ents:
        kind = KINDS.get(ent.label_)
        if kind:
            refs.append(claims.EntityRef(ent.start_char, ent.end_char, kind, ent.text))
    return refs


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--show", type=int, default=0, help="print up to N disagreements per language")
    ap.add_argument("--lang", default=None)
    ap.add_argument("--source", default=None)
    ap.add_argument("--events", action="store_true", help="show event disagreements, not tense")
    args = ap.parse_args()

    rows = [r for r in collect() if (not args.lang or r[1] == args.lang)
            and (not args.source or r[0] == args.source)]
    cases = []   # (source, lang, sentence, span, parse tense, parse event, entities)
    for lang in ("fr", "es", "en"):
        mine = [r for r in rows if r[1] == lang]
        if not mine:
            continue
        loaded = pipelines.get(lang)
        texts = [(r[2], None) for r in mine]
        for (source, _, text), (parsed, _), (ner_doc, _) in zip(mine, loaded.parses(texts), loaded.entities(texts)):
            dates = find_dates(text, lang)
            if not dates:
                continue
            refs = entity_refs(ner_doc)
            spans = [(d.start, d.end) for d in dates]
            events = claims.date_events(parsed, lang, spans, refs)
            for d, ev in zip(dates, events):
                cases.append((source, lang, text, (d.start, d.end),
                              timeline.sentence_tense(parsed, lang, d.start, d.end), ev, refs, spans))

    # speed: cold caches, every date of every sentence, tense + events
    tense.clear_caches()
    tense._word_class.cache_clear()
    t0 = time.perf_counter()
    lexical = [tense.lexical_tense(text, lang, s, e) for _, lang, text, (s, e), *_ in cases]
    t_tense = time.perf_counter() - t0
    tense.clear_caches()
    t0 = time.perf_counter()
    by_sentence = {}
    for source, lang, text, span, _, _, refs, spans in cases:
        key = (lang, text)
        if key not in by_sentence:
            by_sentence[key] = dict(zip(spans, claims.lexical_date_events(text, lang, spans, refs)))
    t_events = time.perf_counter() - t0
    lex_events = [by_sentence[(lang, text)][span] for _, lang, text, span, *_ in cases]

    stats = defaultdict(Counter)
    disagreements = defaultdict(list)
    for case, lt, le in zip(cases, lexical, lex_events):
        source, lang, text, (s, e), pt, pe, _, _ = case
        for key in ((lang, source), (lang, "all")):
            st = stats[key]
            st["n"] += 1
            st["tense"] += lt == pt
            st["event"] += le.event == pe.event
            st["people"] += set(le.participants) == set(pe.participants)
        if lt != pt:
            disagreements[("tense", lang)].append((text, text[s:e], pt, lt))
        if le.event != pe.event or set(le.participants) != set(pe.participants):
            disagreements[("event", lang)].append((text, text[s:e], (pe.event, pe.participants),
                                                   (le.event, le.participants)))

    print(f"{'lang':5}{'source':8}{'dates':>7}{'tense':>9}{'event':>9}{'people':>9}")
    for (lang, source), st in sorted(stats.items(), key=lambda kv: (kv[0][0], kv[0][1] != "all", kv[0][1])):
        n = st["n"]
        print(f"{lang:5}{source:8}{n:7d}{st['tense'] / n:9.1%}{st['event'] / n:9.1%}{st['people'] / n:9.1%}")
    n = max(1, len(cases))
    print(f"\nspeed: lexical_tense {1000 * t_tense / n:.4f} ms/date, lexical_date_events "
          f"{1000 * t_events / n:.4f} ms/date (cold caches, {len(cases)} dates)")

    if args.show:
        kind = "event" if args.events else "tense"
        for lang in ("fr", "es", "en"):
            rows = disagreements.get((kind, lang), [])
            if rows:
                print(f"\n--- {kind} disagreements {lang} ({len(rows)}): parse -> lexical")
            for text, date, p, l in rows[:args.show]:
                print(f"[{date}] {p} -> {l} | {text[:160]}")

    # the seeds, in full
    print("\nseeds:")
    for case, lt, le in zip(cases, lexical, lex_events):
        source, lang, text, (s, e), pt, pe, _, _ = case
        if source == "seeds":
            flag = "" if (lt == pt and le.event == pe.event and set(le.participants) == set(pe.participants)) else " *"
            print(f"  {lang} {text[s:e]!r:24} tense {pt}/{lt}  event {pe.event}/{le.event}  "
                  f"{sorted(pe.participants)} / {sorted(le.participants)}{flag}")


if __name__ == "__main__":
    main()
