"""A shareable, self-contained HTML report of a corpus's facts and conflicts.

One HTML5 page, no network and no external assets: inline CSS, inline SVG charts, content readable
without JavaScript (a few lines of inline JS only open the collapsed sections before printing).
Entity highlighting is done the displaCy way, from the facts' offsets: spans coloured by kind with a
visible text label. Output is deterministic: same input, same bytes (no timestamps, no set order).
"""
from __future__ import annotations

import json
import math
import os
import re
import stat
from bisect import bisect_left
from collections import Counter, defaultdict
from dataclasses import dataclass, replace
from html import escape
from itertools import islice
from typing import Any, Iterable

from .describe import anchor_words
from .records import KINDS, Conflict, ConflictValue, Document, Fact

ENTITY_KINDS = ("person", "place", "organization")
SEVERITIES = ("substantive", "minor", "different_stages", "spelling", "accent", "precision")
LANGUAGE_NAMES = {"fr": "French", "es": "Spanish", "en": "English", "de": "German", "it": "Italian",
                  "pt": "Portuguese", "nl": "Dutch", "ca": "Catalan", "yo": "Yoruba"}
# Bar colours of the charts: one per distinct value, all >= 4.5:1 against white.
CHART_COLOURS = ("#1d4ed8", "#b45309", "#047857", "#7c3aed", "#be123c", "#374151")

_SLUG_UNSAFE = re.compile(r"[^A-Za-z0-9_.-]+")
_NUMBER_SEPARATORS = frozenset(".,'\u202f\u00a0 ")
_LINE = re.compile(r"[^\n]+")
_UNBROKEN_MENTION = 24   # shorter mentions never break across lines ("58,2 %" stays whole)
_WEB_ADDRESS = re.compile(r"https?://\S+$")


@dataclass(frozen=True)
class _Span:
    """A highlighted span relative to the text being rendered."""
    start: int
    end: int
    kind: str
    title: str = ""


# ---------------------------------------------------------------- small formatting helpers

def _e(value: Any) -> str:
    return escape(str(value), quote=True)


def _token(value: Any) -> str:
    """`value` as a safe class name or id part: letters, digits, `_.-` (a kind is one already)."""
    return _SLUG_UNSAFE.sub("-", str(value)).strip("-") or "x"


def _td(label: str, content: str, cls: str = "", attrs: str = "") -> str:
    """A table cell that names its column, shown before it when narrow screens stack the table."""
    class_attr = f' class="{_e(cls)}"' if cls else ""
    return f'<td data-label="{_e(label)}"{class_attr}{attrs}>{content}</td>'


def _language(code: str | None) -> str:
    if not code:
        return "unknown"
    name = LANGUAGE_NAMES.get(code)
    return f"{name} ({code})" if name else code


def _humanize(name: str | None) -> str:
    return (name or "").replace("_", " ").replace("-", " ")


def _plural(n: int, word: str) -> str:
    if n == 1:
        return f"1 {word}"
    return f"{n:,} " + (word[:-1] + "ies" if word.endswith("y") and word[-2:-1] not in "aeiou" else word + "s")


def _is_number(value: Any) -> bool:
    return isinstance(value, (int, float)) and not isinstance(value, bool)


def _number(value: float | int, decimals: int | None = None) -> str:
    if decimals is not None and isinstance(value, float):
        return f"{value:.{decimals}f}"
    if isinstance(value, float):
        return format(value, ".10g")
    return str(value)


def _decimals(value: float | int) -> int:
    text = _number(value)
    return len(text.split(".", 1)[1]) if "." in text and "e" not in text else 0


def _format_value(value: Any, fact: Fact | None = None) -> str:
    """The normalized value as a reader wants it: decimals as written, unit, range."""
    if value is None:
        return "—"
    if isinstance(value, bool):
        return "yes" if value else "no"
    if _is_number(value):
        decimals = fact.decimals if fact is not None and fact.value == value else None
        text = _number(value, decimals)
        if fact is not None and fact.low is not None and fact.high is not None:
            text = f"{_number(fact.low)}–{_number(fact.high)} (mid {text})"
        unit = fact.unit if fact is not None else None
        if unit == "percent":
            text += " %"
        elif unit == "points":
            text += " points"
        return text
    if isinstance(value, (dict, list)):
        return json.dumps(value, ensure_ascii=False, sort_keys=True)
    return str(value)


class _Slugs:
    """Document id -> HTML id (`doc-<id>`), unique and safe in a URL fragment."""

    def __init__(self, doc_ids: Iterable[str]):
        self._ids: dict[str, str] = {}
        taken: set[str] = set()
        for doc in doc_ids:
            base = "doc-" + (_SLUG_UNSAFE.sub("-", doc).strip("-") or "x")
            slug, n = base, 2
            while slug in taken:
                slug, n = f"{base}-{n}", n + 1
            taken.add(slug)
            self._ids[doc] = slug

    def __getitem__(self, doc: str) -> str:
        return self._ids[doc]

    def link(self, doc: str) -> str:
        return f'<a class="doc-link" href="#{self[doc]}">{_e(doc)}</a>'


# ---------------------------------------------------------------- highlighting (displaCy-like)

def _non_overlapping(spans: Iterable[_Span]) -> list[_Span]:
    """Keep the longest of overlapping spans (displaCy shows no nesting either)."""
    kept: list[_Span] = []
    for span in sorted(spans, key=lambda s: (s.start, -(s.end - s.start), s.kind, s.title)):
        if span.end <= span.start:
            continue
        if kept and span.start < kept[-1].end:
            continue
        kept.append(span)
    return kept


def _plain(text: str, offset: int, diff: tuple[int, int] | None) -> str:
    """Escape `text` (which starts at `offset`), emphasizing the part inside `diff`."""
    if diff is None or diff[1] <= offset or diff[0] >= offset + len(text):
        return escape(text, quote=False)
    lo, hi = max(diff[0] - offset, 0), min(diff[1] - offset, len(text))
    return (escape(text[:lo], quote=False) + '<strong class="diff">'
            + escape(text[lo:hi], quote=False) + "</strong>" + escape(text[hi:], quote=False))


def _render_marked(text: str, spans: Iterable[_Span], diff: tuple[int, int] | None = None,
                   focus: tuple[int, int] | None = None) -> str:
    """Text with its spans as `<mark class="ent KIND">…<span class="label">KIND</span></mark>`."""
    out: list[str] = []
    cursor = 0
    for span in _non_overlapping(spans):
        out.append(_plain(text[cursor:span.start], cursor, diff))
        classes = f"ent {_token(span.kind)}" + (" focus" if focus == (span.start, span.end) else "")
        if span.end - span.start <= _UNBROKEN_MENTION:
            classes += " nowrap"
        title = f' title="{_e(span.title)}"' if span.title else ""
        out.append(f'<mark class="{_e(classes)}"{title}>{_plain(text[span.start:span.end], span.start, diff)}'
                   f'&nbsp;<span class="label">{_e(span.kind)}</span></mark>')
        cursor = span.end
    out.append(_plain(text[cursor:], cursor, diff))
    return "".join(out)


def _fact_title(fact: Fact) -> str:
    if fact.kind in ENTITY_KINDS:
        title = str(fact.value) if fact.value is not None else ""
        return f"{title} ({fact.code})" if fact.code and title else title
    return _format_value(fact.value, fact)


def _sentence_base(doc_text: str, sentence: str, start: int, end: int) -> int | None:
    """Offset of `sentence` in the document, the occurrence that contains [start, end)."""
    if not doc_text or not sentence:
        return None
    pos = doc_text.find(sentence, max(0, end - len(sentence)))
    if pos != -1 and pos <= start:
        return pos
    return None


def _locate(sentence: str, text: str, guess: int) -> int | None:
    """Where `text` sits in `sentence`: at `guess` if it is there, else its nearest occurrence."""
    if not text:
        return None
    if 0 <= guess and sentence[guess:guess + len(text)] == text:
        return guess
    best = None
    pos = sentence.find(text)
    while pos != -1:
        if best is None or abs(pos - guess) < abs(best - guess):
            best = pos
        pos = sentence.find(text, pos + 1)
    return best


def _sentence_spans(sentence: str, doc_text: str, doc_facts: list[Fact], start: int, end: int,
                    text: str) -> tuple[list[_Span], tuple[int, int] | None]:
    """The entity spans of the sentence around document offsets [start, end), and that mention's span.

    The sentence is found in the document near `start`; when it cannot be (no text, or a sentence
    normalized differently), positions are recovered from the mention's own text.
    """
    base = _sentence_base(doc_text, sentence, start, end)
    if base is None:
        rel = _locate(sentence, text, 0)
        base = start - rel if rel is not None else None
    spans: list[_Span] = []
    focus = None
    if base is not None:
        focus_rel = _locate(sentence, text, start - base)
        focus = (focus_rel, focus_rel + len(text)) if focus_rel is not None else None
        limit = base + len(sentence)
        for fact in doc_facts:
            if fact.sentence != sentence and not (base <= fact.start and fact.end <= limit):
                continue
            rel = _locate(sentence, fact.text, fact.start - base)
            if rel is not None:
                spans.append(_Span(rel, rel + len(fact.text), fact.kind, _fact_title(fact)))
    if focus is not None and not any((s.start, s.end) == focus for s in spans):
        # The claim is not one of the facts: mark it anyway, and drop what overlaps it.
        spans = [s for s in spans if s.end <= focus[0] or s.start >= focus[1]]
        spans.append(_Span(focus[0], focus[1], "claim"))
    return spans, focus


# ---------------------------------------------------------------- the differing part of competing values

def _same_char(a: str, b: str, numeric: bool) -> bool:
    return a == b or (numeric and a in _NUMBER_SEPARATORS and b in _NUMBER_SEPARATORS)


def _diff_ranges(texts: list[str], numeric: bool) -> list[tuple[int, int]]:
    """For each surface text, the part that differs from the others ("1" of "58,1" vs "2" of "58.2").

    Common prefix and suffix are trimmed (decimal separators count as equal for numbers); when
    nothing sensible remains, the whole text is emphasized.
    """
    whole = [(0, len(t)) for t in texts]
    if len(texts) < 2 or len(set(texts)) < 2:
        return whole
    shortest = min(len(t) for t in texts)
    prefix = 0
    while prefix < shortest and all(_same_char(texts[0][prefix], t[prefix], numeric) for t in texts[1:]):
        prefix += 1
    suffix = 0
    while (suffix < shortest - prefix
           and all(_same_char(texts[0][-1 - suffix], t[-1 - suffix], numeric) for t in texts[1:])):
        suffix += 1
    ranges = []
    for text in texts:
        lo, hi = prefix, len(text) - suffix
        while lo < hi and text[lo].isspace():
            lo += 1
        while hi > lo and text[hi - 1].isspace():
            hi -= 1
        ranges.append((lo, hi) if hi > lo else (0, len(text)))
    return ranges


# ---------------------------------------------------------------- the report

# Past these, a corpus's worth is no page to read: tables longer than OPEN_ROWS are collapsed
# behind their count, and no table shows more than TABLE_MAX_ROWS rows (the command that lists
# them all is named, as at the terminal); conflict cards past OPEN_CARDS are collapsed; documents
# are shown in full when a card quotes them, and others, by name, until SECTION_BUDGET are.
OPEN_ROWS = 25
TABLE_MAX_ROWS = 1000
OPEN_CARDS = 50
SECTION_BUDGET = 100
# A card gives each report its own side up to CARD_MAX_SIDES; past it (a figure many reports
# repeat), a side per figure, quoting its first report and naming CARD_NAMED of the others.
CARD_MAX_SIDES = 4
CARD_NAMED = 10
ENTITY_DOCS_NAMED = 10


def _fact_order(fact: Fact) -> tuple:
    return (fact.doc, fact.start, fact.end, fact.kind)


def _excerpt(text: str, start: int, end: int) -> str:
    excerpt = text[start:end].strip() if text else ""
    return excerpt[:89].rstrip() + "…" if len(excerpt) > 90 else excerpt


def _figure_groups(conflict: Conflict) -> list[list[ConflictValue]]:
    """The card's sides: each value alone, or, past CARD_MAX_SIDES, the values grouped by figure
    (in the order they first appear), the first of each group quoted."""
    if len(conflict.values) <= CARD_MAX_SIDES:
        return [[v] for v in conflict.values]
    groups: dict[str, list[ConflictValue]] = {}
    for v in conflict.values:
        groups.setdefault(json.dumps(v.value, ensure_ascii=False, sort_keys=True), []).append(v)
    return list(groups.values())


def _card_values(conflict: Conflict) -> list[ConflictValue]:
    return [vs[0] for vs in _figure_groups(conflict)]


class _EntityTally:
    """One entity of the entity table, tallied from its mentions as they stream by."""

    def __init__(self) -> None:
        self.names: Counter = Counter()
        self.codes: set[str] = set()
        self.variants: set[str] = set()
        self.per_doc: Counter = Counter()
        self.lang_of: dict[str, tuple] = {}      # spelling -> (first mention's place, its language)
        self.mentions = 0

    def add(self, fact: Fact) -> None:
        self.mentions += 1
        if fact.value is not None:
            self.names[str(fact.value)] += 1
        if fact.code:
            self.codes.add(fact.code)
        self.variants.add(fact.text)
        self.variants.update(fact.variants or ())
        self.per_doc[fact.doc] += 1
        where = _fact_order(fact)
        if fact.text not in self.lang_of or where < self.lang_of[fact.text][0]:
            self.lang_of[fact.text] = (where, fact.lang)


class _Report:
    """The page's parts, from the corpus read once: the conflicts first (they decide which documents
    the page shows in full), then the documents, then the facts as a stream, of which only the
    shown documents' facts are kept; the rest is tallied (counts, entities)."""

    def __init__(self, documents: Iterable[Document], facts: Iterable[Fact],
                 conflicts: Iterable[Conflict], skipped_files: Iterable[tuple[str, str]]):
        self.conflicts = list(conflicts)
        self.conflict_ids = [c.id if c.id is not None else i for i, c in enumerate(self.conflicts, 1)]
        self.skipped_files = sorted((str(p), str(r)) for p, r in skipped_files)
        self.documents: dict[str, Document] = {d.doc: d for d in sorted(documents, key=lambda d: d.doc)}
        for doc in (v.doc for c in self.conflicts for v in c.values):
            self.documents.setdefault(doc, Document(doc=doc, path=doc, text=""))
        self.conflicts_by_doc: dict[str, list[int]] = defaultdict(list)
        for cid, conflict in zip(self.conflict_ids, self.conflicts):
            for doc in sorted({v.doc for v in conflict.values}):
                self.conflicts_by_doc[doc].append(cid)
        # shown in full: the documents the cards quote, then others by id up to the budget
        cited = {v.doc for c in self.conflicts for v in _card_values(c)}
        others = [d for d in sorted(self.documents) if d not in cited][:max(0, SECTION_BUDGET - len(cited))]
        self.shown = cited | set(others)
        wanted = {(v.doc, v.start, v.end) for c in self.conflicts for v in c.values}
        self.fact_at: dict[tuple[str, int, int], Fact] = {}
        self.facts_by_doc: dict[str, list[Fact]] = defaultdict(list)
        self.kind_counts: dict[str, Counter] = defaultdict(Counter)
        self.fact_langs: Counter = Counter()
        self.entity_groups: dict[tuple[str, str], _EntityTally] = {}
        self.fact_count = 0
        for fact in facts:
            self._tally(fact, wanted)
        for doc_facts in self.facts_by_doc.values():
            doc_facts.sort(key=_fact_order)
        for doc in list(self.kind_counts):
            if doc not in self.documents:     # facts may name documents not given: a section, so links resolve
                self.documents[doc] = Document(doc=doc, path=doc, text="")
                self.shown.add(doc)
        self.documents = dict(sorted(self.documents.items()))
        self.block_text = {(d.doc, b.start, b.end): _excerpt(d.text, b.start, b.end)
                           for d in self.documents.values() for b in d.skipped_blocks}
        for doc_id, doc in self.documents.items():
            if doc_id not in self.shown and doc.text:
                self.documents[doc_id] = replace(doc, text="")      # its text is not on the page
        self.slugs = _Slugs(self.documents)

    def _tally(self, fact: Fact, wanted: set) -> None:
        self.fact_count += 1
        self.kind_counts[fact.doc][fact.kind] += 1
        self.fact_langs[fact.lang] += 1
        key = (fact.doc, fact.start, fact.end)
        if key in wanted:
            held = self.fact_at.get(key)
            if held is None or _fact_order(fact) < _fact_order(held):
                self.fact_at[key] = fact
        if fact.doc in self.shown or fact.doc not in self.documents:
            self.facts_by_doc[fact.doc].append(fact)
        if fact.kind in ENTITY_KINDS:
            name = fact.entity if fact.entity else str(fact.value if fact.value is not None else fact.text)
            self.entity_groups.setdefault((fact.kind, name), _EntityTally()).add(fact)

    def link(self, doc: str) -> str:
        """A document's name, a link to its section when the page shows it in full."""
        return self.slugs.link(doc) if doc in self.shown else f'<span class="doc-name">{_e(doc)}</span>'

    # ---- header and summary

    def summary(self) -> str:
        """How many conflicts, of which severities, in words: the page's first line."""
        if not self.conflicts:
            return "No conflict: the reports agree on everything compared."
        severities = Counter(c.severity for c in self.conflicts)
        order = [s for s in SEVERITIES if s in severities] + sorted(s for s in severities if s not in SEVERITIES)
        kinds = ", ".join(f"{severities[s]:,} {_humanize(s)}" for s in order)
        docs = len({v.doc for c in self.conflicts for v in c.values})
        return (f"{_plural(len(self.conflicts), 'conflict')} ({kinds}) across {_plural(docs, 'report')} "
                f"of {len(self.documents):,}.")

    def header(self, title: str) -> str:
        languages = sorted({d.lang for d in self.documents.values() if d.lang})
        stats = [
            ("Conflicts", f"{len(self.conflicts):,}"),
            ("Documents", f"{len(self.documents):,}"),
            ("Facts", f"{self.fact_count:,}"),
            ("Languages", _e(", ".join(languages) or "—")),
        ]
        items = "".join(f'<div><dt>{k}</dt><dd>{v}</dd></div>' for k, v in stats)
        nav = "".join(f'<li><a href="#{i}">{t}</a></li>' for i, t in (
            ("conflicts", "Conflicts"), ("overview", "Corpus at a glance"),
            ("entities", "Entities"), ("documents", "Documents")))
        return (f'<header class="page-header"><div class="wrap"><h1>{_e(title)}</h1>'
                f'<p class="summary">{_e(self.summary())}</p><dl class="stats">{items}</dl>'
                f'<nav aria-label="Sections"><ul>{nav}</ul></nav></div></header>')

    # ---- long tables: a count, collapsed, at most TABLE_MAX_ROWS rows

    def _long_table(self, ident: str, label: str, table_open: str, rows: list[str], total: int,
                    listing: str, unit: str = "row") -> str:
        """A table region; collapsed behind its count when it has more than OPEN_ROWS rows, and cut
        at TABLE_MAX_ROWS with the command that lists them all."""
        shown = rows[:TABLE_MAX_ROWS]
        region = (f'<div class="table-wrap" role="region" aria-label="{_e(label)}" tabindex="0">{table_open}'
                  f'<tbody>{"".join(shown)}</tbody></table></div>')
        if total > len(shown):
            region += (f'<p class="more">The first {len(shown):,} of {_plural(total, unit)}; '
                       f'<code>{_e(listing)}</code> lists them all.</p>')
        if total <= OPEN_ROWS:
            return region
        return (f'<details class="long" id="{ident}"><summary>{_e(label)} '
                f'<span class="count">({_plural(total, unit)})</span></summary>{region}</details>')

    def _published(self, doc: Document) -> str:
        if doc.published:
            how = "given with --published" if doc.anchor_method == "option" else "from metadata"
            return f'<time datetime="{_e(doc.published)}">{_e(doc.published)}</time> <span class="muted">{how}</span>'
        if doc.anchor:
            how = anchor_words(doc.anchor_method or "inferred", doc.anchor_confidence)
            return (f'<time datetime="{_e(doc.anchor)}">{_e(doc.anchor)}</time> '
                    f'<span class="muted" title="{_e(doc.anchor_method or "")}">{_e(how)}</span>')
        return '<span class="muted">unknown</span>'

    def overview(self) -> str:
        head = "".join(f'<th scope="col" class="num">{_e(k)}</th>' for k in KINDS)
        rows = []
        for doc_id, doc in islice(self.documents.items(), TABLE_MAX_ROWS):
            counts = self.kind_counts.get(doc_id, Counter())
            cells = "".join(_td(k, str(counts[k]), "num") for k in KINDS)
            lang = _e(_language(doc.lang)) + (f' <span class="muted">{_e(doc.lang_source)}</span>'
                                              if doc.lang_source else "")
            rows.append(f'<tr><th scope="row">{self.link(doc_id)}</th>{_td("Language", lang)}'
                        f'{_td("Publication date", self._published(doc))}{cells}'
                        f'{_td("skipped blocks", str(len(doc.skipped_blocks)), "num")}</tr>')
        table_open = (f'<table class="stack documents"><caption>Documents, with facts by kind</caption>'
                      f'<thead><tr><th scope="col">Document</th><th scope="col">Language</th>'
                      f'<th scope="col">Publication date</th>{head}<th scope="col" class="num">skipped blocks</th>'
                      f'</tr></thead>')
        table = self._long_table("documents-table", "Documents, with facts by kind", table_open, rows,
                                 len(self.documents), "kastfacts documents", "document")
        return (f'<section id="overview" aria-labelledby="overview-title"><h2 id="overview-title">Corpus at a glance</h2>'
                f'{table}{self._languages()}{self._skipped_blocks()}{self._skipped_files()}</section>')

    def _languages(self) -> str:
        docs = Counter(d.lang for d in self.documents.values())
        facts = self.fact_langs
        skipped = Counter(b.lang for d in self.documents.values() for b in d.skipped_blocks)
        langs = sorted(set(docs) | set(facts) | set(skipped), key=lambda x: (x is None, x or ""))
        items = []
        for lang in langs:
            parts = [_plural(docs[lang], "document") if docs[lang] else "",
                     _plural(facts[lang], "fact") if facts[lang] else "",
                     _plural(skipped[lang], "skipped block") if skipped[lang] else ""]
            items.append(f'<li><strong>{_e(_language(lang))}</strong>: {_e(", ".join(p for p in parts if p))}</li>')
        return f'<h3>Languages</h3><ul class="languages">{"".join(items) or "<li>none</li>"}</ul>'

    def _skipped_blocks(self) -> str:
        rows, total = [], 0
        for doc_id, doc in self.documents.items():
            for block in doc.skipped_blocks:
                total += 1
                if len(rows) >= TABLE_MAX_ROWS:
                    continue
                excerpt = self.block_text.get((doc_id, block.start, block.end), "")
                lang_attr = f' lang="{_e(block.lang)}"' if block.lang else ""
                rows.append(f'<tr><th scope="row">{self.link(doc_id)}</th>'
                            f'{_td("Characters", f"{block.start}–{block.end}", "num")}'
                            f'{_td("Language", _e(_language(block.lang)))}{_td("Reason", _e(_humanize(block.reason)))}'
                            f'{_td("Beginning", _e(excerpt), attrs=lang_attr)}</tr>')
        if not rows:
            return '<h3>Skipped blocks</h3><p>No block was skipped.</p>'
        table_open = ('<table class="stack"><thead><tr><th scope="col">Document</th><th scope="col" class="num">Characters</th>'
                      '<th scope="col">Language</th><th scope="col">Reason</th><th scope="col">Beginning</th></tr></thead>')
        return ('<h3>Skipped blocks</h3><p>Paragraphs read but not mined for facts (other language, boilerplate).</p>'
                + self._long_table("skipped-blocks", "Skipped blocks", table_open, rows, total,
                                   "kastfacts documents --format json", "block"))

    def _skipped_files(self) -> str:
        if not self.skipped_files:
            return '<h3>Skipped files</h3><p>No file was skipped.</p>'
        rows = [f'<tr><th scope="row"><code>{_e(p)}</code></th>{_td("Reason", _e(r))}</tr>'
                for p, r in self.skipped_files[:TABLE_MAX_ROWS]]
        table_open = ('<table class="stack"><thead><tr><th scope="col">File</th><th scope="col">Reason</th></tr></thead>')
        return '<h3>Skipped files</h3>' + self._long_table("skipped-files", "Skipped files", table_open, rows,
                                                           len(self.skipped_files), "kastfacts documents", "file")

    # ---- conflicts

    def conflicts_section(self) -> str:
        cards = [self.conflict_card(cid, c) for cid, c in zip(self.conflict_ids, self.conflicts)]
        if not cards:
            body = "<p>No conflict found: the documents agree.</p>"
        else:
            body = "".join(cards[:OPEN_CARDS])
            if len(cards) > OPEN_CARDS:
                body += (f'<details class="long more-conflicts"><summary>The other {len(cards) - OPEN_CARDS:,} conflicts'
                         f'</summary>{"".join(cards[OPEN_CARDS:])}</details>')
        return (f'<section id="conflicts" aria-labelledby="conflicts-title"><h2 id="conflicts-title">Conflicts</h2>'
                f'<p class="intro">Claims about the same subject that cannot all be true, each with its sources. '
                f'The part of a figure that differs is <strong class="diff">emphasized</strong>.</p>{body}</section>')

    def conflict_card(self, cid: int, conflict: Conflict) -> str:
        anchor = _token(f"conflict-{cid}")
        groups = _figure_groups(conflict)
        values = [vs[0] for vs in groups]
        facts = [self.fact_at.get((v.doc, v.start, v.end)) for v in values]
        numeric = all(_is_number(v.value) for v in values)
        diffs = _diff_ranges([v.text for v in values], numeric or conflict.kind in ("value", "arithmetic", "precision"))
        grouped = len(groups) != len(conflict.values)
        sides = "".join(self._conflict_value(vs[0], f, d, vs[1:] if grouped else None)
                        for vs, f, d in zip(groups, facts, diffs))
        plottable = numeric and len(values) >= 2 and all(math.isfinite(v.value) for v in values)
        chart = self._chart(anchor, conflict, groups, facts) if plottable else ""
        severity = _e(_token(conflict.severity).replace("_", "-"))
        return (f'<article class="conflict sev-{severity}" id="{anchor}" aria-labelledby="{anchor}-title">'
                f'<header><h3 id="{anchor}-title"><span class="num-id">#{_e(cid)}</span> {_e(conflict.subject)} '
                f'<span class="attr">— {_e(_humanize(conflict.attribute))}</span></h3>'
                f'<p class="badges"><span class="badge severity sev-{severity}">Severity: {_e(_humanize(conflict.severity))}</span> '
                f'<span class="badge kind">Kind: {_e(_humanize(conflict.kind))}</span> '
                f'<span class="badge count">{_plural(len({v.doc for v in conflict.values}), "source")}</span></p></header>'
                f'<p class="explanation">{_e(conflict.explanation)}</p>'
                f'{chart}<div class="values">{sides}</div></article>')

    def _conflict_value(self, value: ConflictValue, fact: Fact | None, diff: tuple[int, int],
                        also: list[ConflictValue] | None = None) -> str:
        doc = self.documents[value.doc]
        lang = value.lang or (fact.lang if fact else None) or doc.lang
        spans, focus = _sentence_spans(value.sentence, doc.text, self.facts_by_doc.get(value.doc, []),
                                       value.start, value.end, value.text)
        sentence_diff = (focus[0] + diff[0], focus[0] + diff[1]) if focus is not None else None
        sentence = _render_marked(value.sentence, spans, sentence_diff, focus)
        lang_attr = f' lang="{_e(lang)}"' if lang else ""
        data = f' value="{_e(value.value)}"' if _is_number(value.value) else ""
        surface = _plain(value.text, 0, diff)
        reports = ""
        if also is not None:
            count = len({v.doc for v in [value] + also})
            reports = f'<p class="reports">{_plural(count, "report")}{self._also(also)}</p>'
        return (f'<div class="side"><p class="source">{self.link(value.doc)} '
                f'<span class="muted">{_e(_language(lang))}</span></p>{reports}'
                f'<p class="value"><data{data}>{_e(_format_value(value.value, fact))}</data> '
                f'<span class="surface">as written: “<span{lang_attr}>{surface}</span>”</span></p>'
                f'<blockquote class="sentence"{lang_attr}>{sentence}</blockquote></div>')

    def _also(self, values: list[ConflictValue]) -> str:
        docs = list(dict.fromkeys(v.doc for v in values))
        if not docs:
            return ""
        named = ", ".join(_e(d) for d in docs[:CARD_NAMED])      # named, not linked: most are not shown in full
        more = f" and {len(docs) - CARD_NAMED:,} more" if len(docs) > CARD_NAMED else ""
        return f': the first shown, also {named}{more}'

    def _chart(self, anchor: str, conflict: Conflict, groups: list[list[ConflictValue]],
               facts: list[Fact | None]) -> str:
        """A horizontal bar per source (per figure, with its count of reports, when many reports
        share figures), from zero (honest scale), values written next to the bars."""
        values = [vs[0] for vs in groups]
        grouped = len(groups) != len(conflict.values)
        numbers = [float(v.value) for v in values]
        top = max(abs(n) for n in numbers) or 1.0
        if grouped:
            labels = [_plural(len({v.doc for v in vs}), "report") for vs in groups]
        else:
            labels = [v.doc if len(v.doc) <= 24 else v.doc[:23] + "…" for v in values]
        texts = [_format_value(v.value, f) for v, f in zip(values, facts)]
        # Narrow enough to stay legible when scaled down to a phone's width.
        label_w = 16 + 8 * max(len(label) for label in labels)
        value_w = 12 + 8 * max(len(t) for t in texts)
        bar_w, row_h, pad = 200, 28, 6
        width, height = label_w + bar_w + value_w, pad * 2 + row_h * len(values)
        colours = {}
        for n in sorted(set(numbers)):
            colours[n] = CHART_COLOURS[len(colours) % len(CHART_COLOURS)]
        rows = []
        for i, (label, n, text) in enumerate(zip(labels, numbers, texts)):
            y = pad + i * row_h
            w = max(2.0, bar_w * abs(n) / top)
            rows.append(f'<text x="{label_w - 8}" y="{y + 19}" text-anchor="end" class="chart-label">{_e(label)}</text>'
                        f'<rect x="{label_w}" y="{y + 5}" width="{w:.1f}" height="{row_h - 10}" rx="2" '
                        f'fill="{colours[n]}"/>'
                        f'<text x="{label_w + w + 6:.1f}" y="{y + 19}" class="chart-value">{_e(text)}</text>')
        desc = "; ".join(f"{label}: {t}" if grouped else f"{v.doc}: {t}" for label, v, t in zip(labels, values, texts))
        decimals = max(_decimals(n) for n in numbers)
        spread = _number(round(max(numbers) - min(numbers), decimals), decimals if decimals else None)
        per = "values per figure" if grouped else "values per source"
        title = f"{conflict.subject}, {_humanize(conflict.attribute)}: {per}"
        return (f'<figure class="chart"><svg role="img" aria-labelledby="{anchor}-chart-title {anchor}-chart-desc" '
                f'viewBox="0 0 {width} {height}" width="{width}" height="{height}" preserveAspectRatio="xMinYMin meet">'
                f'<title id="{anchor}-chart-title">{_e(title)}</title><desc id="{anchor}-chart-desc">{_e(desc)}</desc>'
                f'<line x1="{label_w}" y1="{pad - 2}" x2="{label_w}" y2="{height - pad + 2}" class="chart-axis"/>'
                f'{"".join(rows)}</svg>'
                f'<figcaption>{"Values per figure, with how many reports give it" if grouped else "Values per source"} '
                f'(bars from zero). Difference between extremes: {_e(spread)}.'
                f'</figcaption></figure>')

    # ---- entities

    def entities(self) -> str:
        def order(item):
            (kind, key), tally = item
            return (ENTITY_KINDS.index(kind), -len(tally.per_doc), -tally.mentions, key)

        ranked = sorted(self.entity_groups.items(), key=order)
        rows = []
        for (kind, key), tally in ranked[:TABLE_MAX_ROWS]:
            names = tally.names
            name = min(names, key=lambda n: (-names[n], n)) if names else key
            docs = sorted(tally.per_doc)
            listed = ", ".join(f'{self.link(d)}&nbsp;({tally.per_doc[d]})' for d in docs[:ENTITY_DOCS_NAMED])
            if len(docs) > ENTITY_DOCS_NAMED:
                listed += f" and {len(docs) - ENTITY_DOCS_NAMED:,} more"
            variant_html = ", ".join(f'<span lang="{_e(tally.lang_of[v][1])}">{_e(v)}</span>' if tally.lang_of.get(v, (0, None))[1]
                                     else _e(v) for v in sorted(tally.variants))
            rows.append(f'<tr><th scope="row"><mark class="ent {_e(_token(kind))}">{_e(name)}</mark></th>{_td("Kind", _e(kind))}'
                        f'{_td("Code", _e(", ".join(sorted(tally.codes))) or "—")}{_td("Spellings", variant_html)}'
                        f'{_td("Mentions", str(tally.mentions), "num")}{_td("Documents", listed)}</tr>')
        if not rows:
            table = "<p>No person, place or organization was found.</p>"
        else:
            table_open = ('<table class="stack"><caption>People, places and organizations, with the spellings seen</caption>'
                          '<thead><tr><th scope="col">Name</th><th scope="col">Kind</th><th scope="col">Code</th>'
                          '<th scope="col">Spellings</th><th scope="col" class="num">Mentions</th>'
                          '<th scope="col">Documents (mentions)</th></tr></thead>')
            table = self._long_table("entities-table", "People, places and organizations", table_open, rows,
                                     len(ranked), "kastfacts facts --kind person", "entity")
        return (f'<section id="entities" aria-labelledby="entities-title"><h2 id="entities-title">Entities</h2>'
                f'{table}</section>')

    # ---- documents

    def documents_section(self) -> str:
        shown = [doc for doc_id, doc in self.documents.items() if doc_id in self.shown]
        note = ""
        if len(shown) < len(self.documents):
            note = (f'<p class="intro">In full: the {len(shown):,} documents the conflicts quote or, past them, the first '
                    f'by name, of {len(self.documents):,}. <code>kastfacts facts --doc ID</code> prints any '
                    f'document\'s facts.</p>')
        sections = "".join(self.document(doc) for doc in shown)
        return (f'<section id="documents" aria-labelledby="documents-title"><h2 id="documents-title">Documents</h2>'
                f'{note}{sections or "<p>No document.</p>"}</section>')

    def document(self, doc: Document) -> str:
        slug = self.slugs[doc.doc]
        meta = [("Path", f"<code>{_e(doc.path)}</code>")]
        if doc.title:
            meta.append(("Title", _e(doc.title)))
        if doc.source:
            source = _e(doc.source)
            # A link the reader may follow, never an asset the page loads.
            meta.append(("Source", f'<a href="{source}" rel="noopener noreferrer">{source}</a>'
                         if _WEB_ADDRESS.match(doc.source) else source))
        meta.append(("Language", _e(_language(doc.lang)) + (f" ({_e(doc.lang_source)})" if doc.lang_source else "")))
        meta.append(("Publication date", self._published(doc)))
        if doc.anchor and doc.published and doc.anchor != doc.published:
            meta.append(("Writing date", f'{_e(doc.anchor)} ({_e(anchor_words(doc.anchor_method, doc.anchor_confidence))})'))
        if doc.encoding:
            meta.append(("Encoding", _e(doc.encoding)))
        conflicts = self.conflicts_by_doc.get(doc.doc)
        if conflicts:
            meta.append(("Conflicts", ", ".join(f'<a href="#{_token(f"conflict-{c}")}">#{_e(c)}</a>' for c in conflicts)))
        dl = "".join(f"<div><dt>{k}</dt><dd>{v}</dd></div>" for k, v in meta)
        facts = self.facts_by_doc.get(doc.doc, [])
        by_kind = defaultdict(list)
        for fact in facts:
            by_kind[fact.kind].append(fact)
        kinds = [k for k in KINDS if by_kind[k]] + sorted(k for k in by_kind if k not in KINDS)
        tables = "".join(self._fact_table(slug, kind, by_kind[kind]) for kind in kinds)
        if not tables:
            tables = "<p>No fact was found in this document.</p>"
        elif len(facts) > OPEN_ROWS:
            counts = ", ".join(f"{len(by_kind[k]):,} {k}" for k in kinds)
            tables = (f'<details class="long facts"><summary>Facts by kind <span class="count">({counts})</span></summary>'
                      f'{tables}</details>')
        return (f'<section class="document" id="{slug}" aria-labelledby="{slug}-title">'
                f'<h3 id="{slug}-title">{_e(doc.doc)}</h3><dl class="meta">{dl}</dl>{tables}'
                f'{self._annotated_text(doc, facts)}</section>')

    def _fact_table(self, slug: str, kind: str, facts: list[Fact]) -> str:
        rows = []
        for fact in facts:
            details = []
            for name in ("entity", "code", "subject", "attribute", "unit", "place_type", "resolution",
                         "timex", "tense", "label", "context"):
                value = getattr(fact, name)
                if value is not None and not (name == "entity" and value == fact.value):
                    details.append(f"{_humanize(name)}: {value}")
            if fact.participants:
                details.append("participants: " + ", ".join(fact.participants))
            rows.append(f'<tr><th scope="row" lang="{_e(fact.lang)}">{_e(fact.text)}</th>'
                        f'{_td("Value", _e(_format_value(fact.value, fact)))}{_td("Offset", str(fact.start), "num")}'
                        f'{_td("Details", _e("; ".join(details)), "details")}</tr>')
        caption_id = _e(f"{slug}-{_token(kind)}")
        return (f'<h4 id="{caption_id}"><mark class="ent {_e(_token(kind))}">{_e(kind)}</mark> {len(facts)}</h4>'
                f'<div class="table-wrap" role="region" aria-labelledby="{caption_id}" tabindex="0"><table class="facts stack">'
                f'<thead><tr><th scope="col">Mention</th><th scope="col">Value</th>'
                f'<th scope="col" class="num">Offset</th><th scope="col">Details</th></tr></thead>'
                f'<tbody>{"".join(rows)}</tbody></table></div>')

    def _annotated_text(self, doc: Document, facts: list[Fact]) -> str:
        """The whole text, paragraph by paragraph, with its facts highlighted and skipped blocks marked."""
        if not doc.text:
            return ""
        starts = [f.start for f in facts]   # facts are sorted by start
        paragraphs = []
        for match in _LINE.finditer(doc.text):
            lo, hi = match.span()
            if not match.group().strip():
                continue
            inside = facts[bisect_left(starts, lo):bisect_left(starts, hi)]
            spans = [_Span(f.start - lo, f.end - lo, f.kind, _fact_title(f))
                     for f in inside if f.end <= hi and doc.text[f.start:f.end] == f.text]
            block = next((b for b in doc.skipped_blocks if b.start < hi and lo < b.end), None)
            if block is not None:
                lang = f' lang="{_e(block.lang)}"' if block.lang else ""
                paragraphs.append(f'<p class="skipped"><span class="skip-note">skipped: {_e(_humanize(block.reason))}'
                                  f'{", " + _e(block.lang) if block.lang else ""}</span> '
                                  f'<span{lang}>{_render_marked(match.group(), spans)}</span></p>')
            else:
                paragraphs.append(f"<p>{_render_marked(match.group(), spans)}</p>")
        lang = f' lang="{_e(doc.lang)}"' if doc.lang else ""
        return (f'<details class="text"><summary>Annotated text ({_plural(len(facts), "fact")})</summary>'
                f'<div class="annotated"{lang}>{"".join(paragraphs)}</div></details>')


CSS = """
:root{color-scheme:light;--ink:#1a1a1a;--muted:#4b5563;--line:#d1d5db;--bg:#f6f7f9;--card:#ffffff;--focus:#1d4ed8;
--person:#e9ddff;--person-ink:#4c1d95;--place:#ffe7c2;--place-ink:#7c2d12;--organization:#d3eefc;--organization-ink:#0c4a6e;
--date:#d8f3d0;--date-ink:#14532d;--percentage:#ffdfe3;--percentage-ink:#881337;--claim:#eceff3;--claim-ink:#1f2937}
*{box-sizing:border-box}
html{-webkit-text-size-adjust:100%}
body{margin:0;font:16px/1.55 system-ui,-apple-system,"Segoe UI",Roboto,"Noto Sans","Liberation Sans",Arial,sans-serif;
color:var(--ink);background:var(--bg);overflow-wrap:break-word}
.wrap,main{max-width:76rem;margin:0 auto;padding:0 1rem}
a{color:#1d4ed8}a:visited{color:#5b21b6}
:focus-visible{outline:3px solid var(--focus);outline-offset:2px;border-radius:2px}
.skip{position:absolute;left:.5rem;top:-3rem;background:#fff;color:#1d4ed8;padding:.5rem 1rem;border:2px solid #1d4ed8;z-index:10}
.skip:focus{top:.5rem}
.page-header{background:#111827;color:#f9fafb;padding:1.25rem 0 .75rem;margin-bottom:1.5rem}
.page-header h1{margin:0 0 .75rem;font-size:1.75rem;line-height:1.2}
.page-header a{color:#bfdbfe}
.stats{display:grid;grid-template-columns:repeat(auto-fit,minmax(10rem,1fr));gap:.5rem;margin:0 0 .75rem}
.stats div{background:#1f2937;border-radius:6px;padding:.5rem .75rem}
.stats dt{font-size:.8rem;text-transform:uppercase;letter-spacing:.04em;color:#d1d5db}
.stats dd{margin:0;font-size:1.35rem;font-weight:600;line-height:1.3}
.page-header .summary{margin:0 0 .75rem;font-size:1.1rem;color:#f9fafb}
nav ul{list-style:none;display:flex;flex-wrap:wrap;gap:.25rem 1.25rem;margin:0;padding:0}
h2{font-size:1.45rem;margin:2rem 0 .75rem;padding-bottom:.25rem;border-bottom:2px solid var(--line)}
h3{font-size:1.15rem;margin:1.5rem 0 .5rem}h4{font-size:1rem;margin:1rem 0 .4rem}
.muted{color:var(--muted);font-size:.9em}
.table-wrap{overflow-x:auto;margin:.5rem 0 1rem;background:var(--card);border:1px solid var(--line);border-radius:6px}
table{border-collapse:collapse;width:100%;font-size:.93rem}
caption{text-align:left;padding:.5rem .75rem;font-weight:600}
th,td{text-align:left;vertical-align:top;padding:.4rem .75rem;border-top:1px solid var(--line)}
thead th{background:#eef0f3;border-top:0;white-space:nowrap}
tbody th{font-weight:600}
.num{text-align:right;font-variant-numeric:tabular-nums}
td.details{color:var(--muted);font-size:.88rem}
table.facts{table-layout:fixed}table.facts thead th:nth-child(1){width:26%}
table.facts thead th:nth-child(2){width:24%}table.facts thead th:nth-child(3){width:6rem}
.intro{max-width:48rem}
details.long{margin:.5rem 0 1rem}details.long>summary{cursor:pointer;font-weight:600;padding:.35rem 0}
details.long .count{color:var(--muted);font-weight:400}
.more{color:var(--muted);font-size:.9rem;margin:0 0 1rem}
table.stack th,table.stack td{overflow-wrap:anywhere}
.reports{margin:0 0 .35rem;font-size:.9rem;color:var(--muted)}
.conflict{background:var(--card);border:1px solid var(--line);border-left:6px solid #6b7280;border-radius:8px;
padding:1rem 1.25rem;margin:0 0 1.25rem;box-shadow:0 1px 3px rgba(0,0,0,.08)}
.conflict.sev-substantive{border-left-color:#b91c1c}.conflict.sev-minor{border-left-color:#b45309}
.conflict.sev-different-stages{border-left-color:#047857}.conflict.sev-spelling{border-left-color:#1d4ed8}
.conflict header h3{margin:0 0 .35rem}.conflict .num-id{color:var(--muted);font-weight:500}
.conflict .attr{font-weight:500}
.badges{margin:0 0 .5rem;display:flex;flex-wrap:wrap;gap:.35rem}
.badge{display:inline-block;font-size:.8rem;font-weight:600;padding:.1rem .55rem;border-radius:999px;border:1px solid currentColor;
background:#f3f4f6;color:#374151}
.badge.sev-substantive{background:#b91c1c;color:#ffffff;border-color:#b91c1c}
.badge.sev-minor{background:#fef3c7;color:#78350f}
.badge.sev-different-stages{background:#d1fae5;color:#064e3b}
.badge.sev-spelling{background:#dbeafe;color:#1e3a8a}
.badge.sev-precision{background:#e5e7eb;color:#1f2937}
.badge.sev-accent{background:#e0e7ff;color:#312e81}
.explanation{margin:.25rem 0 .75rem;max-width:60rem}
.values{display:grid;grid-template-columns:repeat(auto-fit,minmax(min(100%,19rem),1fr));gap:.75rem}
.side{border:1px solid var(--line);border-radius:6px;padding:.6rem .8rem;background:#fafafa;min-width:0}
.side p{margin:0 0 .35rem}
.side .value data{font-size:1.3rem;font-weight:700;font-variant-numeric:tabular-nums}
.surface{color:var(--muted);font-size:.9rem}
blockquote.sentence{margin:.4rem 0 0;padding:.2rem 0 .2rem .75rem;border-left:3px solid var(--line);line-height:2}
strong.diff{background:#111827;color:#ffffff;padding:0 .12em;border-radius:2px;font-weight:700;
-webkit-print-color-adjust:exact;print-color-adjust:exact}
figure.chart{margin:.25rem 0 .85rem;max-width:30rem}
figure.chart svg{width:100%;height:auto;display:block}
figure.chart figcaption{font-size:.85rem;color:var(--muted)}
.chart-label{font-size:13px;fill:#1f2937;font-family:ui-monospace,"DejaVu Sans Mono",monospace}
.chart-value{font-size:13px;fill:#111827;font-weight:700}
.chart-axis{stroke:#6b7280;stroke-width:1}
mark.ent{padding:.1em .3em;border-radius:4px;line-height:1;color:var(--ink);box-decoration-break:clone;
-webkit-box-decoration-break:clone;-webkit-print-color-adjust:exact;print-color-adjust:exact;background:var(--claim)}
mark.ent .label{font-size:.62em;font-weight:700;text-transform:uppercase;letter-spacing:.03em;vertical-align:middle;
margin-left:.2em;color:var(--claim-ink)}
mark.person{background:var(--person)}mark.person .label{color:var(--person-ink)}
mark.place{background:var(--place)}mark.place .label{color:var(--place-ink)}
mark.organization{background:var(--organization)}mark.organization .label{color:var(--organization-ink)}
mark.date{background:var(--date)}mark.date .label{color:var(--date-ink)}
mark.percentage{background:var(--percentage)}mark.percentage .label{color:var(--percentage-ink)}
mark.nowrap{white-space:nowrap}
mark.focus{outline:2px solid #111827;outline-offset:1px;margin:0 .2em}
.document{background:var(--card);border:1px solid var(--line);border-radius:8px;padding:.25rem 1.25rem 1rem;margin:0 0 1.25rem}
.document>h3{margin-top:.75rem}
.meta{display:grid;grid-template-columns:repeat(auto-fit,minmax(14rem,1fr));gap:.25rem 1rem;margin:.25rem 0 .75rem}
.meta dt{font-size:.8rem;color:var(--muted);text-transform:uppercase;letter-spacing:.03em}.meta dd{margin:0}
details.text{margin:.75rem 0 0}details.text summary{cursor:pointer;font-weight:600}
.annotated p{line-height:2.1;max-width:60rem}
.annotated p.skipped{color:var(--muted);border-left:3px dashed #9ca3af;padding-left:.6rem}
.skip-note{font-size:.75rem;font-weight:700;text-transform:uppercase;color:#374151;background:#eceff3;padding:0 .3rem;border-radius:3px}
footer{color:var(--muted);font-size:.85rem;padding:1.5rem 1rem 2rem;text-align:center}
@media (max-width:40rem){body{font-size:15px}.page-header h1{font-size:1.4rem}.conflict,.document{padding:.75rem}
th,td{padding:.35rem .5rem}
table.stack,table.stack tbody,table.stack tr,table.stack th,table.stack td{display:block;width:auto}
table.stack thead{position:absolute;width:1px;height:1px;overflow:hidden;clip:rect(0 0 0 0);white-space:nowrap}
table.stack tr{border-top:1px solid var(--line);padding:.45rem .75rem}
table.stack th,table.stack td{border:0;padding:.1rem 0;text-align:left}
table.stack caption{display:block;padding:.5rem .75rem 0}
table.stack td{display:flow-root;padding-left:7.5rem}
table.stack td::before{content:attr(data-label);float:left;width:7rem;margin-left:-7.5rem;padding-top:.15rem;
font-size:.78rem;font-weight:600;color:var(--muted);text-transform:uppercase;letter-spacing:.02em}}
@media print{body{background:#fff;font-size:11pt}.skip,nav{display:none}
.page-header{background:#fff;color:#000;border-bottom:2px solid #000;padding:0 0 .5rem}
.stats div{background:#fff;border:1px solid #999}.stats dt,.page-header .summary{color:#000}.page-header a{color:#000}
.conflict,.document,.table-wrap,.side{box-shadow:none}.conflict,.side,figure.chart,tr{break-inside:avoid;page-break-inside:avoid}
h2,h3,h4{break-after:avoid;page-break-after:avoid}.table-wrap{overflow:visible}
table{font-size:9pt}thead th{white-space:normal}th,td{padding:.25rem .4rem}
a{color:#000;text-decoration:none}strong.diff{text-decoration:underline double}}
"""

# Enhancement only: opens the collapsed parts before printing, so the paper copy is complete, and
# the ones holding a link's target (a conflict past the first ones), so the link lands on it.
SCRIPT = ('window.addEventListener("beforeprint",function(){'
          'document.querySelectorAll("details").forEach(function(d){d.open=true;});});'
          'function kfOpen(){var t=location.hash&&document.getElementById(decodeURIComponent(location.hash.slice(1)));'
          'var opened=false;for(var d=t&&t.parentElement;d;d=d.parentElement){'
          'if(d.tagName==="DETAILS"&&!d.open){d.open=true;opened=true;}}'
          'if(opened){t.scrollIntoView();}}'
          'window.addEventListener("hashchange",kfOpen);kfOpen();')


GENERATOR = '<meta name="generator" content="kastfacts">'


def is_report(path) -> bool:
    """Whether the file at `path` is an HTML report kastfacts wrote (and so may be replaced)."""
    try:
        if not stat.S_ISREG(os.stat(path).st_mode):
            return False
        with open(path, "rb") as f:
            head = f.read(1024).decode("utf-8", "replace")
    except OSError:
        return False
    return head.startswith("<!DOCTYPE html>") and GENERATOR in head


def render_report(documents: Iterable[Document], facts: Iterable[Fact], conflicts: Iterable[Conflict],
                  title: str = "kastfacts report", skipped_files: Iterable[tuple[str, str]] = ()) -> str:
    """One self-contained HTML5 page: the conflict cards first (after a line saying how many, of
    which severities), then the corpus overview, the entity table and the documents in full.

    Readable whatever the corpus: long tables are collapsed behind their count and cut at
    TABLE_MAX_ROWS, many reports sharing a figure make one side of a card, and only the documents
    the cards quote (and a few more) are shown in full. `facts` is read once, as a stream: only
    the shown documents' facts are held. Deterministic (same input, same bytes); documents and
    facts are ordered by id and offset, conflicts keep the order given (the detector's ranking).
    """
    report = _Report(documents, facts, conflicts, skipped_files)
    body = (report.conflicts_section() + report.overview() + report.entities() + report.documents_section())
    return ("<!DOCTYPE html>\n"
            '<html lang="en">\n<head>\n<meta charset="utf-8">\n'
            '<meta name="viewport" content="width=device-width, initial-scale=1">\n'
            f"{GENERATOR}\n"
            f"<title>{_e(title)}</title>\n<style>{CSS}</style>\n</head>\n<body>\n"
            '<a class="skip" href="#main">Skip to content</a>\n'
            f"{report.header(title)}\n"
            f'<main id="main" tabindex="-1">\n{body}\n</main>\n'
            "<footer>Generated by kastfacts. Self-contained page: it loads nothing from the network.</footer>\n"
            f"<script>{SCRIPT}</script>\n</body>\n</html>\n")
