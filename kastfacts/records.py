"""The records kastfacts reads and writes: documents, facts, conflicts.

These dataclasses are the JSON contract (README "Fact contract"): `to_dict()` gives exactly the
object printed as JSON. Every fact has the same keys, `null` where one does not apply (so CSV
columns and `jq '.entity'` work on any fact); conflicts and documents leave out what is empty.
"""
from __future__ import annotations

from copy import copy
from dataclasses import asdict, dataclass, field, fields
from typing import Any

KINDS = ("person", "place", "organization", "date", "percentage")


def _compact(obj) -> dict[str, Any]:
    """asdict without the optional fields that are None (keeps JSON lines short and stable)."""
    return {k: v for k, v in asdict(obj).items() if v is not None and v != {} and v != []}


@dataclass
class Fact:
    """One mention of a person, place, organization, date or percentage in one document.

    `text == document_text[start:end]` always holds; `value` is the normalized form.
    """
    doc: str
    lang: str
    kind: str
    text: str
    start: int
    end: int
    sentence: str
    value: Any
    entity: str | None = None
    code: str | None = None             # ISO 3166-1 alpha-2 of a country, or of a city's country
    subject: str | None = None          # percentages: whose share (canonical name, or the contest's name)
    attribute: str | None = None        # percentages: vote_share, margin_pp, counted_share, turnout, ... (FORMAT.md)
    # optional detail, kept in JSON when set
    label: str | None = None            # what the statistical model said (PER, LOC, GPE, ...)
    geonames_id: int | None = None      # cities
    place_type: str | None = None       # country | city | region | landmark | other
    variants: list[str] | None = None   # people/places: other spellings of this entity seen in the corpus
    decimals: int | None = None         # percentages: decimals as written ("58,10" -> 2)
    unit: str | None = None             # percentages: "percent" or "points"
    low: float | None = None            # percentages given as a range ("58,3-60,7 %")
    high: float | None = None
    context: str | None = None          # percentages: "key=value;..." what the sentence says of its contest (round, year)
    resolution: str | None = None       # dates: explicit | anchored | corpus_anchored | underspecified
    timex: str | None = None            # dates: the value as the text alone gives it (XXXX-WXX-2)
    direction: str | None = None        # dates: past | future | this, when the words say it ("dernier", "next", "ce")
    tense: str | None = None            # dates: past | future | present, the tense of the verb governing the date
    participants: list[str] | None = None   # dates: canonical names of the entities the dated event involves
    contest: str | None = None          # percentages: the contest's canonical name ("Peru 2021 presidential runoff")
    qualifier: str | None = None        # percentages: lower_bound | upper_bound | approximate
    counted: float | None = None        # percentages: the share of the count the figure was taken at
    stage: str | None = None            # percentages: final | partial, when the report says so

    def to_dict(self) -> dict[str, Any]:
        """What `dataclasses.asdict` gives, without its recursion: each field in order, a list of
        scalars copied; anything else (never made by extraction) goes through asdict."""
        d = self.__dict__.copy()
        if tuple(d) != _FACT_FIELDS:    # not as __init__ (or Store's reader) lays them out
            return asdict(self)
        if not _ATOMIC.issuperset(map(type, d.values())):
            for name, value in d.items():
                if type(value) in _ATOMIC:
                    continue
                if type(value) is not list or not _ATOMIC.issuperset(map(type, value)):
                    return asdict(self)
                d[name] = value[:]
        return d

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> "Fact":
        known = {f.name for f in fields(cls)}
        return cls(**{k: v for k, v in data.items() if k in known})

    def updated(self, **changes: Any) -> tuple["Fact", bool]:
        """(a copy with these fields changed, whether any of them differs), as `dataclasses.replace`
        gives but without re-running `__init__` and comparing every field: the corpus pass makes
        one per fact."""
        held = self.__dict__
        for name, value in changes.items():
            if not (held[name] if name in held else getattr(self, name)) == value:
                break
        else:
            return self, False
        new = copy(self)
        new.__dict__.update(changes)
        return new, True


_FACT_FIELDS = tuple(f.name for f in fields(Fact))
# the types asdict hands back as they are (dataclasses._ATOMIC_TYPES holds these and more)
_ATOMIC = frozenset({str, int, float, bool, type(None)})

# What a stored entity fact's raw (as-extracted) record says of its mention, in this order: the
# corpus pass rebuilds each mention from them (Store.entity_mentions, ShardSet.entity_mentions).
MENTION_FIELDS = ("kind", "value", "label", "code", "place_type", "geonames_id")


@dataclass
class SkippedBlock:
    """A paragraph that yields no facts, and why (other language, boilerplate)."""
    start: int
    end: int
    lang: str | None
    reason: str

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)     # lang stays, null when unknown: "which language was skipped" is the point


@dataclass
class Document:
    """A document as read: its id (path relative to the folder given), text and metadata."""
    doc: str
    path: str
    text: str
    lang: str | None = None                 # main language (metadata, --lang, or detected)
    lang_source: str | None = None          # metadata | option | detected | page (declared by a web page)
    published: str | None = None            # ISO date, from metadata, the page, or --published
    published_source: str | None = None     # metadata | page | option: where `published` came from
    anchor: str | None = None               # the date relative expressions resolve against
    anchor_method: str | None = None        # metadata | option | inferred:<how> | corpus:<how>
    anchor_confidence: float | None = None
    encoding: str | None = None
    sha256: str | None = None              # SHA-256 of the text: reports with the same one are copies
    source: str | None = None
    title: str | None = None
    meta: dict[str, Any] = field(default_factory=dict)   # unknown .meta.json keys, kept
    copy_of: str | None = None              # the first document (by id) with the same text: a reprint
    skipped_blocks: list[SkippedBlock] = field(default_factory=list)

    def to_dict(self, with_text: bool = False) -> dict[str, Any]:
        d = _compact(self)
        d["skipped_blocks"] = [b.to_dict() for b in self.skipped_blocks]
        if not with_text:
            d.pop("text", None)
        return d


@dataclass
class ConflictValue:
    """One side of a disagreement, with what a journalist needs to check it."""
    value: Any
    doc: str
    text: str
    sentence: str
    start: int
    end: int
    lang: str | None = None

    def to_dict(self) -> dict[str, Any]:
        return _compact(self)


@dataclass
class Conflict:
    """Claims about one subject and attribute that cannot all be true (or a spelling variant)."""
    subject: str
    attribute: str
    kind: str               # value | counting_stage | date | name | arithmetic | precision
    severity: str           # substantive | minor | different_stages | spelling | accent | precision (ordered so)
    explanation: str
    values: list[ConflictValue]
    id: int | None = None

    def to_dict(self) -> dict[str, Any]:
        d = _compact(self)
        d["values"] = [v.to_dict() for v in self.values]
        return d


@dataclass
class InputIssue:
    """A file that was skipped (`skipped`) or read with a problem worth saying (`warning`)."""
    path: str
    reason: str
    severity: str = "skipped"       # skipped | warning

    def to_dict(self) -> dict[str, Any]:
        return _compact(self)
