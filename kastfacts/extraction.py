"""Extraction: documents in, facts out.

Two stages. `process_documents` works on one chunk of documents at a time (in this process or in
worker processes) and needs nothing but their text: language per block, NER, dates, percentages,
claims. `resolve_corpus` then runs over the stored fact table, not the text: it links mentions to
one entity across documents and languages, infers when each report was written, and resolves
relative dates against it. `extract_to_store` ties the two together with batched, streamed writes.
"""
from __future__ import annotations

import bisect
import errno
import os
import re
from collections import Counter, defaultdict
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, replace
from functools import partial
from itertools import chain, islice
from pathlib import Path
from typing import Any

from . import language
from .documents import (DEFAULT_MAX_BYTES, MatchText, id_candidates, published_date, read_documents, same_document,
                        split_record_path, STDIN_NAME)
from .records import MENTION_FIELDS, Document, Fact, InputIssue, SkippedBlock
from .store import StalePass, Store

CHUNK_SIZE = 32         # documents per unit of work: big enough to batch nlp.pipe, small enough to stream


@dataclass
class DocResult:
    document: Document
    facts: list[Fact]
    frame: dict | None
    issues: list[InputIssue]
    failed: bool = False        # extraction raised: reported as an issue, not stored


def _sentence_index(sentences: list[tuple[int, int]]):
    """Sorted sentence spans -> a lookup from a char offset to its sentence span."""
    starts = [s for s, _ in sentences]

    def find(start: int, end: int) -> tuple[int, int]:
        i = bisect.bisect_right(starts, start) - 1
        if i < 0:
            return start, end
        s, e = sentences[i]
        # a fact crossing a sentence boundary (a name split by a bad sentencizer cut) takes both
        while end > e and i + 1 < len(sentences):
            i += 1
            e = sentences[i][1]
        return s, max(e, end)
    return find


def _best_names(mentions) -> dict[str, str]:
    """Within one document: each person name -> the fullest name it shortens ("Kast" -> "José
    Antonio Kast"). A full name is its own ("Keiko Fujimori" is not "Alberto Fujimori"); a surname
    two people share goes to the one the document names most."""
    from .gazetteer import fold

    mentions = list(mentions)
    counts = Counter(m.value for m in mentions if m.kind == "person")
    first = {}
    for i, m in enumerate(mentions):
        if m.kind == "person":
            first.setdefault(m.value, i)
    people = sorted(counts, key=lambda v: (-len(v.split()), -len(v), v))
    best = {}
    for name in people:
        words = [fold(w) for w in name.split()]
        longer = [p for p in people if len(p.split()) > len(words)
                  and [fold(w) for w in p.split()][-len(words):] == words]
        best[name] = min(longer, key=lambda p: (-counts[p], first[p])) if longer else name
    return best


def _entity_refs(state: dict, start: int, end: int) -> list:
    """The entities inside one sentence, offsets relative to it, people under their fullest name.
    An organization named like a person of the document ("Orsi" tagged ORG beside "Yamandú
    Orsi") is that person."""
    from .claims import EntityRef
    from .gazetteer import fold

    surnames = state.setdefault("surnames", {fold(full.split()[-1]): full for full in state["best"].values()
                                             if len(full.split()) > 1})
    refs = []
    for _, m in state["mentions"]:
        if m.start < start or m.end > end:
            continue
        kind, name = m.kind, m.value
        if kind == "person":
            name = state["best"].get(m.value, m.value)
        elif kind == "organization" and len(m.text.split()) == 1 and fold(m.text) in surnames:
            kind, name = "person", surnames[fold(m.text)]
        refs.append(EntityRef(m.start - start, m.end - start, kind, name, m.place_type if kind == "place" else None))
    return refs


def _antecedent(state: dict, sentences: list[tuple[int, int]], start: int, latter: bool = False) -> str | None:
    """Who a pronoun or a role at the start of the sentence at `start` most likely stands for: the
    subject of the previous sentence's figures, else the first person that sentence names (its
    subject, as news write), else the last person named before; with `latter` ("ce dernier",
    "the latter"), the last person named before."""
    earlier = [m for _, m in state["mentions"] if m.kind == "person" and m.end <= start]
    if latter and earlier:
        return state["best"].get(earlier[-1].value, earlier[-1].value)
    previous = max((span for span in sentences if span[1] <= start), default=None)
    if previous and previous[0] in state.get("subjects", {}):
        return state["subjects"][previous[0]]
    if not earlier:
        return None
    first = next((m for m in earlier if previous and previous[0] <= m.start), None)
    figured = [k for k in state.get("subjects", ()) if k < start]
    if first is None and figured:
        # the previous sentence names nobody ("La diferencia es la más estrecha..."): the report's
        # subject so far, whose figures came last, not whoever was named last beside them
        return state["subjects"][max(figured)]
    chosen = first or earlier[-1]
    return state["best"].get(chosen.value, chosen.value)


_EARLIER_CONTEST = re.compile(r"vote_share_\d{4}")


def process_documents(docs: list[Document]) -> list[DocResult]:
    """Language, NER, dates, percentages and claims for a chunk of documents (no corpus knowledge).

    The recognizers read each text as `MatchText` gives it (NFC, no zero-width or other format
    characters); facts and skipped blocks are mapped back, so their offsets and `text` are the
    document's own.
    """
    views = [MatchText(d.text) for d in docs]
    work = [d if v.identity else replace(d, text=v.text, skipped_blocks=[]) for d, v in zip(docs, views)]
    results = _process_chunk(work)
    for doc, view, result in zip(docs, views, results):
        if view.identity:
            continue
        seen = result.document
        doc.lang, doc.lang_source = seen.lang, seen.lang_source
        for block in seen.skipped_blocks:
            start, end = view.span(block.start, block.end)
            doc.skipped_blocks.append(replace(block, start=start, end=end))
        for fact in result.facts:
            at = view.text.find(fact.sentence, max(0, fact.end - len(fact.sentence)))
            if fact.sentence and 0 <= at <= fact.start:       # the sentence as the document writes it
                start, end = view.span(at, at + len(fact.sentence))
                fact.sentence = doc.text[start:end]
            fact.start, fact.end = view.span(fact.start, fact.end)
            fact.text = doc.text[fact.start:fact.end]
        result.document = doc
    return results


def _process_chunk(docs: list[Document]) -> list[DocResult]:
    from . import claims, contests, dates, entities, percentages, pipelines, tense, timeline
    from . import vocabulary as V

    results = [DocResult(d, [], None, []) for d in docs]
    by_lang: dict[str, list[tuple[str, tuple[int, int]]]] = defaultdict(list)
    kept_blocks: list[list[tuple[int, int, str]]] = [[] for _ in docs]
    for i, doc in enumerate(docs):
        blocks = language.split_blocks(doc.text)
        forced = doc.lang if doc.lang_source in ("option", "metadata") else None
        detected = language.document_language(blocks) if not forced else None
        # a web page's declared language (CMS templates often declare one for every page) only
        # stands in where the text's own cannot be told
        doc_lang = forced or detected or (doc.lang if doc.lang_source == "page" else None)
        if not doc.lang or (doc.lang_source == "page" and detected):
            doc.lang, doc.lang_source = doc_lang, "detected" if detected else doc.lang_source
        for block in blocks:
            ok, lang = language.extractable(block, doc_lang, forced, every_block=doc.lang_source == "option")
            if ok and lang:
                kept_blocks[i].append((block.start, block.end, lang))
                # a wire story's dateline is read apart from its lead sentence (language.dateline_end)
                cut = language.dateline_end(doc.text, block.start, block.end)
                for s, e in ((block.start, cut), (cut, block.end)) if cut else ((block.start, block.end),):
                    by_lang[lang].append((doc.text[s:e], (i, s)))
            else:
                reason = block.boilerplate or (f"language {block.lang}" if block.lang else "language unknown")
                doc.skipped_blocks.append(SkippedBlock(block.start, block.end, block.lang, reason))
        if not kept_blocks[i]:
            nothing = (f"nothing to read as --lang {forced} says (another script, or page furniture only)"
                       if doc.lang_source == "option" else "no French, Spanish or English text found")
            results[i].issues.append(InputIssue(doc.path, f"{nothing}: no facts", "warning"))

    # 1. NER + sentences, batched per language across the whole chunk
    spans: list[dict[str, list]] = [defaultdict(list) for _ in docs]
    sentences: list[list[tuple[int, int]]] = [[] for _ in docs]
    for lang, items in by_lang.items():
        for sdoc, (i, offset) in pipelines.get(lang).entities(items, entities.name_anchors):
            spans[i][lang].extend((offset + e.start_char, offset + e.end_char, e.label_) for e in sdoc.ents)
            sentences[i].extend((offset + s.start_char, offset + s.end_char) for s in sdoc.sents)

    # 2. per document: entities, dates, percentages; collect sentences that need a parse
    to_parse: dict[str, list[tuple[str, tuple]]] = defaultdict(list)
    pending: list[dict] = []
    for i, doc in enumerate(docs):
        text = doc.text
        sentences[i].sort()
        sentence_of = _sentence_index(sentences[i])
        blocks_by_lang = defaultdict(list)
        for s, e, lang in kept_blocks[i]:
            blocks_by_lang[lang].append((s, e))
        mentions = []
        for lang, blocks in blocks_by_lang.items():
            mentions += [(lang, m) for m in entities.type_entities(text, lang, spans[i].get(lang, []), blocks)]
        mentions.sort(key=lambda lm: (lm[1].start, lm[1].end))
        best = _best_names([m for _, m in mentions])
        date_items, pct_items = [], []
        for s, e, lang in kept_blocks[i]:
            block_text = text[s:e]
            date_items += [(lang, replace(d, start=d.start + s, end=d.end + s)) for d in dates.find_dates(block_text, lang)
                           if not dates.measures_time(d, lang)]
            pct_items += [(lang, replace(p, start=p.start + s, end=p.end + s)) for p in percentages.find_percentages(block_text, lang)]
        cues = claims.document_cues(text, doc.lang or "", [best.get(m.value, m.value) for _, m in mentions if m.kind == "person"],
                                    [m.value for _, m in mentions if m.kind == "organization"]) if pct_items else None
        state = {"i": i, "mentions": mentions, "best": best, "dates": date_items, "pcts": pct_items,
                 "sentence_of": sentence_of, "tenses": {}, "claims": {}, "events": {}, "cues": cues}
        pending.append(state)
        by_sentence = defaultdict(lambda: {"dates": [], "pcts": []})
        for lang, d in date_items:
            by_sentence[(sentence_of(d.start, d.end), lang)]["dates"].append(d)
        for lang, p in pct_items:
            by_sentence[(sentence_of(p.start, p.end), lang)]["pcts"].append(p)
        for ((s, e), lang), what in sorted(by_sentence.items()):
            refs = _entity_refs(state, s, e)
            if what["dates"]:       # dates are read from the words: no parse (news is full of dates)
                sentence_text = text[s:e]
                spans_in_sentence = [(d.start - s, d.end - s) for d in what["dates"]]
                events = claims.lexical_date_events(sentence_text, lang, spans_in_sentence, refs)
                for d, (ds, de), event in zip(what["dates"], spans_in_sentence, events):
                    state["events"][d.start] = event
                    state["tenses"][d.start] = tense.lexical_tense(sentence_text, lang, ds, de)
            if what["pcts"]:        # whose share it is needs the dependency parse: the few such sentences get one
                to_parse[lang].append((text[s:e], (len(pending) - 1, s, e, what["pcts"], refs)))

    # 3. the parser, only on sentences holding a percentage
    for lang, items in to_parse.items():
        for sent, (k, s, e, pcts, refs) in pipelines.get(lang).parses(items):
            state = pending[k]
            first_figure = min(p.start for p in pcts) - s
            latter = V.regex(V.LATTER, lang).search(sent.text, 0, first_figure) is not None
            fallback = _antecedent(state, sentences[state["i"]], s, latter)
            if claims.names_the_winner(sent.text, lang, refs):
                # "le chef de l'État l'avait emporté avec 66 %": the report's leader so far
                fallback = claims.leader((p.value, state["claims"].get(p.start)) for _, p in state["pcts"]) or fallback
            got = claims.attribute_percentages(sent, lang, [(p.start - s, p.end - s) for p in pcts], refs, fallback,
                                               state["cues"])
            for p, claim in zip(pcts, got):
                state["claims"][p.start] = claim
            # the sentence's own subject, for a pronoun in the next one ("Elle devance ...")
            first = next((c.subject for c in got if c.subject and c.attribute in claims.VOTE_ATTRIBUTES), None)
            if first:
                state.setdefault("subjects", {})[s] = first

    # 4. facts
    for state in pending:
        i = state["i"]
        doc, text, sentence_of = docs[i], docs[i].text, state["sentence_of"]

        def sentence(start: int, end: int) -> str:
            s, e = sentence_of(start, end)
            return text[s:e].strip()

        facts = results[i].facts
        for lang, m in state["mentions"]:
            facts.append(Fact(doc.doc, lang, m.kind, m.text, m.start, m.end, sentence(m.start, m.end), m.value,
                              code=m.code, label=m.label, place_type=m.place_type, geonames_id=m.geonames_id))
        mentions_for_frame, tenses = [], []
        for lang, d in state["dates"]:
            tense = state["tenses"].get(d.start)
            event = state["events"].get(d.start)
            mentions_for_frame.append(d)
            tenses.append(tense)
            value, resolution = resolve_date(d.timex, None, d.direction, tense)
            facts.append(Fact(doc.doc, lang, "date", d.text, d.start, d.end, sentence(d.start, d.end), value,
                              timex=d.timex, direction=d.direction, tense=tense, resolution=resolution,
                              attribute=event.event if event else None,
                              participants=list(event.participants) if event and event.participants else None))
        figure_starts = [p.start for _, p in state["pcts"]]
        lead = [(s, e) for s, e in sentences[i][:3] if not any(s <= x < e for x in figure_starts)]
        completed = claims.document_claims([(p.value, state["claims"].get(p.start)) for _, p in state["pcts"]],
                                           claims.lead_stage(text, doc.lang, lead) if doc.lang in V.LANGUAGES else None)
        for (lang, p), claim in zip(state["pcts"], completed):
            facts.append(Fact(doc.doc, lang, "percentage", p.text, p.start, p.end, sentence(p.start, p.end), p.value,
                              decimals=p.decimals, unit=p.unit, low=p.low, high=p.high,
                              subject=claim.subject if claim else None,
                              attribute=claim.attribute if claim else "other",
                              context=claim.context if claim else None,
                              qualifier=claim.qualifier if claim else None,
                              counted=claim.counted if claim else None, stage=claim.stage if claim else None))
        facts.sort(key=lambda f: (f.start, f.end, f.kind))
        results[i].frame = timeline.document_frame(mentions_for_frame, tenses, doc.source).to_dict()
        # what the report says of its contest, for the corpus pass (a report with no figure and no
        # word of a vote is about none)
        named = [(m.start, m.end, state["best"].get(m.value, m.value)) for _, m in state["mentions"] if m.kind == "person"]
        orgs = [(m.start, m.end, m.value) for _, m in state["mentions"] if m.kind == "organization"]
        places = [(m.start, m.end, m.code, m.place_type) for _, m in state["mentions"] if m.kind == "place" and m.code]
        shares = [(c.subject, p.value, c.context) for (_, p), c in zip(state["pcts"], completed)
                  if c is not None and c.subject and c.attribute == "vote_share"]
        clues = contests.report_clues(text, doc.lang or "", named, orgs, places, sentences[i], shares)
        if state["pcts"] or clues["kinds"] or clues["rounds"]:
            results[i].frame["contest"] = clues
    return results


def resolve_date(timex: str, anchor, direction: str | None, tense: str | None, year: int | None = None) -> tuple[str, str]:
    """A date's value given the anchor (see dates.resolve_mention)."""
    from . import dates

    return dates.resolve_mention(timex, anchor, direction, tense, year)


def _worker_init() -> None:
    """Workers leave Ctrl-C to the parent, which stops them and reports once, without tracebacks."""
    import signal

    signal.signal(signal.SIGINT, signal.SIG_IGN)


def _chunks(items: Iterable, size: int) -> Iterator[list]:
    it = iter(items)
    while chunk := list(islice(it, size)):
        yield chunk


def process_safely(docs: list[Document]) -> list[DocResult]:
    """process_documents, but a document that makes it fail is reported, not fatal to its chunk."""
    from .pipelines import ModelMissing

    try:
        return process_documents(docs)
    except ModelMissing:
        raise                           # not the document's fault: the whole run needs the fix
    except Exception as exc:
        if isinstance(exc, OSError) and exc.errno in NO_SPACE:
            raise                       # nor is a full disk (the language model unpacks to a temporary file)
        if len(docs) == 1:
            import traceback

            doc = docs[0]
            why = traceback.format_exc(limit=-1).strip().splitlines()[-1]
            return [DocResult(doc, [], None, [InputIssue(doc.path, f"extraction failed ({why}); please report it")], failed=True)]
        return [r for d in docs for r in process_safely([d])]


NO_SPACE = frozenset({errno.ENOSPC, errno.EFBIG, errno.EDQUOT, errno.EROFS})     # the disk, not the document


def _process_for_store(writer: int, docs: list[Document]) -> list[tuple[DocResult, Any]]:
    """process_safely, each result with its store rows made here (Store.prepare) when this is not
    the process `writer` that writes the store: a worker's results then reach it as plain rows to
    unpickle and insert. In the writer itself, write_batch serializes as it goes (the same rows,
    without a detour). A result whose facts cannot be serialized goes as it is (None beside it):
    write_batch reports it as before."""
    results = process_safely(docs)
    if os.getpid() == writer:
        return [(r, None) for r in results]
    out = []
    for r in results:
        prepared = None
        if not r.failed:
            try:
                prepared = Store.prepare(r.document, r.facts, r.frame)
            except (ValueError, TypeError, OverflowError, RecursionError):
                pass
            else:
                r.facts, r.frame = [], None         # sent once, as rows
        out.append((r, prepared))
    return out


ENTITY_KINDS = ("person", "place", "organization")


def resolve_corpus(table, jobs: int = 1) -> None:
    """Corpus-wide pass over a fact table: one entity per real-world thing, anchors, dates.

    `table` is a Store, or a ShardSet (shards.py): anything that streams the entity mentions by
    document, the documents, and the facts a page of whole documents at a time. The pass always
    starts from the facts as extracted (kept beside them), so running it again after more documents
    arrive gives what one run over all of them gives. It never holds the fact table: the Resolver
    keeps tallies of distinct names, anchoring keeps each document's time clues and the names it
    cites, and facts are rewritten a page at a time. The table knows a pass is running
    (begin_pass/end_pass): it stays marked pending until the pass completes, and a pass that
    another run's writes made stale stops (StalePass) rather than write over newer results.
    With `jobs` > 1, forked workers resolve the pages of a Store (see _resolve_pages_forked).
    """
    import sys
    from itertools import groupby
    from operator import itemgetter

    from . import contests, entities, timeline
    from .gazetteer import country_name

    def mentions_by_document():
        for doc, rows in groupby(table.entity_mentions(), key=itemgetter(0)):
            yield doc, [entities.Mention.stored(s, e, t, fields) for _, s, e, t, fields in rows]

    table.begin_pass()
    frames, known, clues = {}, {}, {}
    for doc, frame in table.documents():
        if frame is not None and frame.get("contest"):
            clues[doc.doc] = frame["contest"]
        if frame is not None:
            frames[doc.doc] = timeline.TimeFrame.from_dict(frame)
        published = published_date(doc.published)       # None for a date outside the calendar we accept
        if published:
            known[doc.doc] = published
            if frame is not None:   # a dated report keeps only the past days it lends its siblings
                frames[doc.doc] = timeline.lent_clues(frames[doc.doc])

    resolver = entities.Resolver.from_documents(mentions_by_document)
    names_by_doc: dict[str, tuple[str, ...]] = {}     # one per document: tuples, a fraction of a set's size
    countries: dict[str, Counter] = {}                 # the countries each report names (its contest's)
    people_by_doc: dict[str, tuple[str, ...]] = {}     # the people and parties it names (its contest's too)
    for doc, mentions in mentions_by_document():
        view = resolver.document(doc, mentions)
        resolved = [view.resolve(m) for m in view.mentions]
        names_by_doc[doc] = tuple(sorted({sys.intern(r.value) for r in resolved}))
        people_by_doc[doc] = tuple(sorted({r.value for r in resolved if r.kind in ("person", "organization")}))
        named = contests.named_countries((r.code, r.place_type) for r in resolved if r.kind == "place")
        if named:
            countries[doc] = named
        if doc in clues:        # the report's party links and acronyms, under the corpus's names
            clue = clues[doc]
            kinds = {r.value: r.kind for r in resolved}

            def typed(pair):    # a party is an organization, a candidate a person, once the corpus typed them
                party, person = (view.resolve_name(n) or n for n in pair)
                return [party, person] if kinds.get(party) == "organization" and kinds.get(person) == "person" else None

            clue["parties"] = [p for p in map(typed, clue.get("parties") or ()) if p]
            clue["winner_party"] = typed(clue["winner_party"]) if clue.get("winner_party") else None
            clue["organizations"] = sorted({r.value for r in resolved if r.kind == "organization"})
            clue["acronyms"] = list(clue.get("acronyms") or ()) + sorted(
                {(m.text, r.value) for m, r in zip(view.mentions, resolved) if r.kind == "organization"
                 and re.fullmatch(r"[A-ZÀ-Ý]{2,8}", m.text) and m.text != r.value})

    anchors = timeline.anchor_corpus(frames, names_by_doc, known,
                                     mapper=partial(forked_map, jobs=jobs) if jobs > 1 else map)
    years = {d: ((a.date.year if a.date else a.year_for_dates), a.confidence) for d, a in anchors.items()}
    years.update({d: (day.year, 1.0) for d, day in known.items()})
    contest_map = contests.Contests.resolve(clues, countries, people_by_doc, years, country_name)
    del names_by_doc, frames, countries, clues, people_by_doc
    table.update_anchors({doc: (a.date.isoformat() if a.date else (str(a.year) if a.year else None), a.method,
                                round(a.confidence, 3)) for doc, a in anchors.items()})

    resolve_page = partial(_resolve_page, resolver, anchors, contest_map)
    if jobs > 1 and hasattr(table, "page_spans") and hasattr(os, "fork") and table.path != ":memory:":
        _resolve_pages_forked(table, resolve_page, jobs)
    else:
        for page in table.document_pages():
            table.write_resolved(resolve_page(page))
    table.end_pass()


def _resolve_page(resolver, anchors: dict, contest_map, page: list) -> list[tuple[int, Fact, bool]]:
    """The corpus pass's updates for a page of documents (Store.document_pages): (id, fact, changed)."""
    from . import entities
    from .dates import resolve_mention

    updates = []
    for doc, rows in page:
        # each entity fact's mention made once, for the view and for its own lookup
        made = [entities.Mention.stored(f.start, f.end, f.text, tuple(map(raw.get, MENTION_FIELDS)))
                if raw.get("kind") in ENTITY_KINDS else None
                for _, f, raw in rows]
        view = resolver.document(doc, [m for m in made if m is not None])
        a = anchors.get(doc)
        for (fid, f, raw), mention in zip(rows, made):
            new, changed = f, False
            if mention is not None:
                r = view.resolve(mention)
                new, changed = f.updated(kind=r.kind, value=r.value, entity=r.entity, code=r.code,
                                         place_type=r.place_type, geonames_id=r.geonames_id,
                                         variants=list(r.variants) if len(r.variants) > 1 else None)
            elif f.kind == "percentage":
                subject = raw.get("subject")
                if subject and not subject.startswith("@"):
                    subject = view.resolve_name(subject) or subject
                elif subject and subject.startswith("@party:") and "@" in subject[1:]:
                    members, owner = subject.rsplit("@", 1)      # "Merz's conservatives": Merz by his full name
                    subject = f"{members}@{view.resolve_name(owner) or owner}"
                contest, subject, attribute = contest_map.claim(doc, subject, raw.get("attribute") or f.attribute,
                                                                f.context)
                stage = {}
                if attribute == "vote_share_first_round" or _EARLIER_CONTEST.fullmatch(attribute or ""):
                    # an earlier round's or year's figure is that contest's result, not a stage of this count
                    stage = {"counted": None, "stage": None}
                new, changed = f.updated(subject=subject, attribute=attribute, contest=contest, **stage)
            elif f.kind == "date":
                value, resolution = resolve_mention(f.timex or str(raw["value"]), a.date if a else None, f.direction,
                                                    f.tense, a.year_for_dates if a else None)
                if resolution == "anchored" and a and a.method.startswith("corpus"):
                    resolution = "corpus_anchored"
                people = raw.get("participants")
                participants = sorted({view.resolve_name(p) or p for p in people}) if people else None
                new, changed = f.updated(value=value, resolution=resolution, participants=participants)
            updates.append((fid, new, changed))
    return updates


# The pass's pages are resolved by forked workers when there are at least this many (a page is
# 200 documents, about 0.2 s of work): they inherit the Resolver, anchors and contests
# copy-on-write, read their pages on connections of their own, and hand back SQL rows, which this
# process writes in page order while they work on the next ones.
PASS_MIN_PAGES = 2
_page_work: tuple | None = None     # (store, what to do with a page) of the running forked_pages, for its workers
_page_reader = None                 # a worker's own reader of the store


def _resolve_pages_forked(table, resolve_page: Callable, jobs: int) -> None:
    """Store.document_pages + write_resolved, the pages resolved by forked workers (forked_pages)."""
    spans = table.page_spans()
    if len(spans) < PASS_MIN_PAGES:
        for span in spans:
            table.write_resolved(resolve_page(table.read_page(*span)))
        return
    for rows in forked_pages(table, spans, partial(_resolved_page_rows, resolve_page), jobs):
        table.write_resolved_rows(rows)


def _resolved_page_rows(resolve_page: Callable, reader, span: tuple[str, str]) -> list[tuple]:
    return reader.resolved_rows(resolve_page(reader.read_page(*span)))


def forked_pages(table, spans: list[tuple[str, str]], work: Callable, jobs: int) -> Iterator:
    """work(reader, span) for each page span of a Store (Store.page_spans), in order, done by
    `jobs` workers forked from this process: they inherit what `work` holds copy-on-write, and
    each reads the store on a connection of its own (Store.page_reader; this process's own is
    closed while they fork, so that none crosses it: Store.disconnected). At most two pages per
    worker wait to be taken, so memory stays flat; rows a worker's reader left out
    (Store.rejected) are counted in `table`'s, as if it had read them."""
    import gc
    import multiprocessing as mp
    from collections import deque

    global _page_work
    _page_work = (table, work)
    gc.freeze()             # the inherited objects stay out of the workers' collections: their pages stay shared
    try:
        with table.disconnected():
            pool = mp.get_context("fork").Pool(max(1, min(jobs, len(spans))), initializer=_page_worker_init)
    finally:
        gc.unfreeze()
        _page_work = None
    try:
        waiting = deque()
        spans = iter(spans)
        while True:
            for span in spans:
                waiting.append(pool.apply_async(_page_worker, (span,)))
                if len(waiting) >= 2 * jobs:
                    break
            if not waiting:
                return
            result, (count, examples) = waiting.popleft().get()
            if count:
                rejected = table.rejected
                rejected.count += count
                rejected.examples += examples[:max(0, rejected.KEEP - len(rejected.examples))]
            yield result
    finally:
        pool.terminate()
        pool.join()


def serialized_facts(store, docs: set[str], jobs: int = 1) -> Iterator[str]:
    """output.dumps of each stored fact of `docs` as a dict, in Store.facts order: with `jobs` > 1
    and a store of more than a page, serialized a page at a time by forked workers (forked_pages),
    since a run's output is the last of its work this process does alone."""
    from .output import dumps

    spans = store.page_spans() if jobs > 1 and hasattr(os, "fork") and store.path != ":memory:" else []
    if len(spans) < PASS_MIN_PAGES:
        yield from (dumps(f.to_dict()) for f in store.facts() if f.doc in docs)
        return
    for texts in forked_pages(store, spans, partial(_page_texts, docs), jobs):
        yield from texts


def _page_texts(docs: set[str], reader, span: tuple[str, str]) -> list[str]:
    from .output import dumps

    return [dumps(f.to_dict()) for f in reader.facts(docs=span) if f.doc in docs]


# Items a forked_map needs before worker processes pay for themselves (a report's anchor is
# about a millisecond of work; forking a process holding the models, tens of milliseconds).
FORK_MIN_ITEMS = 100
_map_fn: Callable | None = None     # the function of the running forked_map, for its workers


def forked_map(fn: Callable, items: Iterable, jobs: int) -> list:
    """[fn(item) for item in items], by `jobs` workers forked from this process when there are
    enough items (FORK_MIN_ITEMS): they inherit `fn` and what it holds copy-on-write, so only the
    items and results travel (pickled). `fn` must not use an SQLite connection of this process."""
    import gc
    import multiprocessing as mp

    global _map_fn
    items = list(items)
    if jobs <= 1 or len(items) < FORK_MIN_ITEMS or not hasattr(os, "fork"):
        return list(map(fn, items))
    _map_fn = fn
    gc.freeze()
    try:
        pool = mp.get_context("fork").Pool(jobs, initializer=_worker_init)
    finally:
        gc.unfreeze()
        _map_fn = None
    try:
        return pool.map(_map_worker, items, chunksize=max(1, len(items) // (8 * jobs)))
    finally:
        pool.terminate()
        pool.join()


def _map_worker(item):
    return _map_fn(item)


def _page_worker_init() -> None:
    import signal

    global _page_reader
    signal.signal(signal.SIGINT, signal.SIG_IGN)        # Ctrl-C is the parent's (see _worker_init)
    try:
        _page_reader = _page_work[0].page_reader()
    except Exception as exc:        # said by the first page it was to read (a failing initializer is restarted forever)
        _page_reader = exc


def _page_worker(span: tuple[str, str]) -> tuple[Any, tuple[int, list[str]]]:
    from .contract import Rejected

    reader = _page_reader
    if isinstance(reader, Exception):
        raise reader
    result = _page_work[1](reader, span)
    rejected, reader.rejected = reader.rejected, Rejected()
    return result, (rejected.count, rejected.examples)


# Text to extract before worker processes pay for themselves: about 4 s of one process's work
# (60,000 characters a second on 2 cores). Forked workers start in tens of milliseconds, holding
# what the parent loaded; spawned ones (no fork on this system) import and load everything
# again, several seconds each.
POOL_MIN_CHARS = 250_000
POOL_MIN_CHARS_SPAWN = 20 * POOL_MIN_CHARS


def _map_chunks(fn: Callable, items: Iterator, jobs: int, cluster: str | None,
                docs_of: Callable[[Any], list[Document]] | None = None) -> Iterator:
    """fn over chunks, results in input order: in this process, over `jobs` worker processes, or
    on a Dask cluster.

    Workers are started only when the chunks read ahead hold at least POOL_MIN_CHARS of text
    (less is extracted here: workers would cost more than they give), never more of them than
    those chunks, and they never load what this process can load once for all: it extracts the
    first document (and throws the result away), which loads the pipelines of its languages,
    the language identifier, the gazetteer and the grammars, loads the pipelines of the other
    languages the chunks read ahead show, then forks the workers, which inherit all of it
    (copy-on-write). `docs_of` gives a chunk's documents (the chunk itself by default).
    """
    if cluster:
        from .cluster import cluster_map
        results = cluster_map(cluster, fn, items)
        try:
            yield from results
        finally:
            results.close()             # closes its client and cluster
        return
    import os

    language.preload_identifier()       # overlaps the imports that come before the first block
    items = iter(items)
    if jobs <= 1:
        yield from map(fn, items)
        return
    docs_of = docs_of or (lambda chunk: chunk)
    forking = hasattr(os, "fork")
    enough = POOL_MIN_CHARS if forking else POOL_MIN_CHARS_SPAWN
    ahead, chars = [], 0
    while chars < enough or len(ahead) < jobs:
        chunk = next(items, None)
        if chunk is None:
            break
        ahead.append(chunk)
        chars += sum(len(d.text) for d in docs_of(chunk))
    if chars < enough or len(ahead) < 2:        # all of the input is read: too little for workers
        yield from map(fn, ahead)
        return
    workers = min(jobs, len(ahead))
    pool = _fork_pool(workers, [d for chunk in ahead for d in docs_of(chunk)]) if forking else _spawn_pool(workers)
    try:
        yield from pool.imap(fn, chain(ahead, items))
    finally:
        pool.terminate()
        pool.join()


def _fork_pool(workers: int, upcoming: list[Document]):
    """Worker processes forked from this one once it holds what extracting `upcoming` needs."""
    import gc
    import multiprocessing as mp

    from . import pipelines

    if upcoming:        # a copy: extraction sets a document's language and skipped blocks
        process_safely([replace(upcoming[0], skipped_blocks=[])])
    for lang in sorted(_languages_of(upcoming) - set(pipelines.loaded())):
        pipelines.get(lang)
    language.preload_done()
    gc.freeze()         # the inherited objects stay out of the workers' collections: their pages stay shared
    try:
        return mp.get_context("fork").Pool(workers, initializer=_worker_init)
    finally:
        gc.unfreeze()


def _spawn_pool(workers: int):
    import multiprocessing as mp

    return mp.get_context("spawn").Pool(workers, initializer=_worker_init)


def _languages_of(docs: list[Document]) -> set[str]:
    """The pinned languages these documents are likely in: forced, or identified on their start
    (a cheap guess: a language it misses is loaded by each worker that meets it)."""
    from .pipelines import pins

    found = set()
    for doc in docs:
        if doc.lang_source in ("option", "metadata"):
            found.add(doc.lang)
        else:
            found.add(language.detect_language(doc.text[:1000])[0])
    return found & set(pins())


def _output_files(output: str | None) -> Callable[[str], bool]:
    """Whether a path is one of the run's own output files: the database and its -wal, -shm and
    -journal companions, or anything inside the shard folder."""
    if not output or output == ":memory:":
        return lambda path: False
    real = os.path.realpath(output)
    own = {real + suffix for suffix in ("", "-wal", "-shm", "-journal")}
    inside = real + os.sep if os.path.isdir(real) else None
    return lambda path: (os.path.realpath(path) in own) or bool(inside and os.path.realpath(path).startswith(inside))


class _Reader:
    """The documents under `paths`, read lazily; what cannot be read is reported as it is met.

    Each document gets an id no other file of the run holds (and, given `holder`, none that the
    table holds for another file): a clash takes the file's folders into its id, and says so.
    A file met twice (named twice, or through a link) is read once; the same text under another
    name is another report (a copy, which the table marks).
    """

    def __init__(self, paths, lang, published, max_bytes, on_issue, holder=None, output: str | None = None):
        self.args = (paths, max_bytes, lang, published)
        self.issues: list[InputIssue] = []
        self.on_issue = on_issue
        self.output = _output_files(output)
        self.holder = holder or (lambda doc_id: None)
        self._ids: dict[str, str] = {}          # id -> path, in this run
        self._files: dict[str, str] = {}        # the file (or corpus record) itself -> path, in this run
        self.corpora: set[str] = set()          # the corpora whose records this run read

    def report(self, issue: InputIssue) -> None:
        if issue.severity == "skipped" and self.output(issue.path):
            return                  # `extract .` meets its own store: not an input, not a skipped one
        self.issues.append(issue)
        if self.on_issue:
            self.on_issue(issue)

    def identify(self, doc: Document) -> bool:
        """Give `doc` an id of its own; False when this run has read the same file already."""
        corpus, record = split_record_path(doc.path)
        if record is not None:
            self.corpora.add(corpus)
        if record is None:
            key = os.path.realpath(doc.path)
        else:
            key = doc.path if corpus == STDIN_NAME else os.path.realpath(corpus) + "#" + record
        first = self._files.get(key)
        if first is not None:
            if first != doc.path:
                self.report(InputIssue(doc.path, f"the same file as {first}: read once, as that one", "warning"))
            return False
        taken = None
        for candidate in id_candidates(doc.doc, doc.path):
            held = self._ids.get(candidate) or self.holder(candidate)
            if held is None or (isinstance(held, tuple) and same_document(held[0], held[1], doc)):
                break
            taken = taken or (held if isinstance(held, str) else held[0])
        else:
            candidate = doc.path
        if candidate != doc.doc:
            self.report(InputIssue(doc.path, f"{doc.doc!r} is already the id of {taken}: this file's id is {candidate!r}",
                                   "warning"))
            doc.doc = candidate
        self._ids[candidate] = doc.path
        self._files[key] = doc.path
        return True

    def chunks(self) -> Iterator[list[Document]]:
        paths, max_bytes, lang, published = self.args

        def documents() -> Iterator[Document]:
            for item in read_documents(paths, max_bytes=max_bytes, lang=lang, published=published):
                if isinstance(item, InputIssue):
                    self.report(item)
                elif self.identify(item):
                    yield item
        return _chunks(documents(), CHUNK_SIZE)


def extract_to_store(paths: Iterable[str], store: Store, *, lang: str | None = None, published: str | None = None,
                     max_bytes: int = DEFAULT_MAX_BYTES, jobs: int = 1, cluster: str | None = None,
                     on_issue: Callable[[InputIssue], None] | None = None,
                     on_document: Callable[[Document], None] | None = None) -> list[str]:
    """Read, extract and store every document under `paths`; returns the ids of the stored documents.

    Streams: documents are read lazily, processed in chunks and written as each chunk finishes.
    `jobs` > 1 spreads chunks over worker processes, `cluster` (a Dask scheduler address, or
    local:N) over a Dask cluster; results are written in input order either way, so the store is
    the same as with one process. An id another file holds in the store is lengthened when the
    batch is written (under the store's write lock, so concurrent runs cannot take the same one).
    """
    reader = _Reader(paths, lang, published, max_bytes, on_issue, output=getattr(store, "path", None))
    done: list[str] = []
    for chunk in _map_chunks(partial(_process_for_store, os.getpid()), reader.chunks(), jobs, cluster):
        for r, _ in chunk:
            for issue in r.issues:
                reader.report(issue)
        kept = [(r, p) for r, p in chunk if not r.failed]       # the failed ones were reported above
        outcomes = store.write_batch(p or (r.document, r.facts, r.frame) for r, p in kept)
        for (r, _), outcome in zip(kept, outcomes):
            if isinstance(outcome, InputIssue):
                reader.report(outcome)
                continue
            if outcome != r.document.doc:
                reader.report(InputIssue(r.document.path, f"{r.document.doc!r} is already the id of another file "
                                                          f"in the store: this file's id is {outcome!r}", "warning"))
                r.document.doc = outcome
            done.append(outcome)
            if on_document:
                on_document(r.document)
    store.record_issues((i for i in reader.issues if i.severity == "skipped"), corpora=reader.corpora)
    if done or store.pending():
        try:
            resolve_corpus(store, jobs=jobs if cluster is None else 1)
        except StalePass:
            pass        # another run wrote documents meanwhile: its own pass, after them, resolves ours too
    return done


def finish_pending_pass(table) -> str | None:
    """Run the corpus pass a stopped run left pending (crash, full disk, kill -9 after its last
    batch), so that what is read next is resolved. Returns None when nothing was pending, else
    "finished", "read-only" (cannot be finished here) or "busy" (another run is writing)."""
    if not table.pending():
        return None
    if getattr(table, "read_only", False):
        return "read-only"
    try:
        resolve_corpus(table)
    except StalePass:
        return "busy"
    if hasattr(table, "finish"):
        table.finish([])
    return "finished"


def extract_to_shards(paths: Iterable[str], out_dir: str, *, lang: str | None = None, published: str | None = None,
                      max_bytes: int = DEFAULT_MAX_BYTES, jobs: int = 1, cluster: str | None = None,
                      on_issue: Callable[[InputIssue], None] | None = None,
                      on_document: Callable[[str], None] | None = None) -> list[str]:
    """Like extract_to_store, but each worker writes the chunk it extracted as a shard of `out_dir`
    (see shards.py) and only a receipt comes back; the corpus pass then resolves the shards.
    With a remote cluster, `out_dir` must be a folder every worker and this machine share."""
    from operator import itemgetter

    from .shards import ShardSet, write_shard

    shards = ShardSet(out_dir, create=True)
    out = str(Path(out_dir).resolve())
    reader = _Reader(paths, lang, published, max_bytes, on_issue, holder=shards.holder, output=out)
    shards.mark_pending()
    numbered = enumerate(reader.chunks(), shards.next_part_index())
    done: list[str] = []
    for receipt in _map_chunks(partial(write_shard, out), numbered, jobs, cluster, docs_of=itemgetter(1)):
        if not shards.has_part(receipt.part):
            raise ShardsUnreachable(f"a worker wrote {receipt.part} of {out}, but this machine cannot see it: --out "
                                    "needs a folder that every worker and this machine share")
        for issue in receipt.issues:
            reader.report(issue)
        done += receipt.documents
        if on_document:
            for doc in receipt.documents:
                on_document(doc)
    resolve_corpus(shards)
    shards.finish(reader.issues, corpora=reader.corpora)
    return done


class ShardsUnreachable(RuntimeError):
    """The workers write shards to a folder this machine does not see."""
