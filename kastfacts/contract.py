"""The fact contract, checked where facts come from outside kastfacts' own hands.

Facts piped into `kastfacts conflicts -`, and facts read back from a store or a shard folder
that someone may have edited, are checked by one function, `fact_problem`, against the fields of
`records.Fact` (their types come from its annotations, so a field added there is checked too) and
the few rules the fields' meaning adds: a kind of the contract, offsets that are small
non-negative integers, finite numbers, a value of the type its kind has. `implausible` says which
well-formed facts must not be compared: a share of a whole below 0 or above 100 %.
"""
from __future__ import annotations

import math
import types
import typing
from dataclasses import MISSING, fields
from functools import lru_cache
from typing import Any

from .records import KINDS, Fact

MAX_OFFSET = 2 ** 53            # offsets into a text: any larger integer is not one
MAX_DECIMALS = 20               # decimals as written: a figure with more is not a figure
# Attributes that are shares of one whole (README "fact contract"): 0 to 100 % by definition
# (vote_share_first_round and vote_share_<year> too). Margins and "other" figures are not.
SHARES_OF_A_WHOLE = frozenset({"vote_share", "poll_share", "counted_share", "turnout", "abstention", "blank_votes",
                               "null_votes", "approval", "quick_count_sample_processed", "counted"})
_NUMBER = frozenset({int, float})       # a percentage's value; every other kind's is a name or a TIMEX3 string


class InvalidFact(ValueError):
    """A record that is not a fact of the contract; the message says which field is wrong."""


@lru_cache(maxsize=1)
def _field_types() -> dict[str, tuple[frozenset[type] | None, bool, bool]]:
    """field -> (accepted types or None for any, None allowed, required), from Fact's annotations."""
    hints = typing.get_type_hints(Fact)
    table = {}
    for f in fields(Fact):
        hint = hints[f.name]
        union = isinstance(hint, types.UnionType) or typing.get_origin(hint) is typing.Union
        args = typing.get_args(hint) if union else (hint,)
        accepted: set[type] | None = set()
        for arg in args:
            if arg is Any:
                accepted = None
                break
            if arg is float:
                accepted |= {int, float}
            elif arg is not type(None):
                accepted.add(typing.get_origin(arg) or arg)
        table[f.name] = (frozenset(accepted) if accepted is not None else None, type(None) in args,
                         f.default is MISSING and f.default_factory is MISSING)
    return table


@lru_cache(maxsize=1)
def _required() -> tuple[str, ...]:
    return tuple(name for name, (_, _, required) in _field_types().items() if required)


def _names(accepted: frozenset[type]) -> str:
    return " or ".join(sorted(t.__name__ for t in accepted))


def fact_problem(data: dict[str, Any]) -> str | None:
    """Why `data` (a fact as a dict, as printed in JSON) is not a fact of the contract, or None.
    Keys that are not fields are ignored (they are dropped when the fact is made)."""
    if not isinstance(data, dict):
        return f"expected a JSON object, not {type(data).__name__ if data is not None else 'null'}"
    missing = [name for name in _required() if name not in data]
    if missing:
        return f"{', '.join(missing)} missing (every fact has {', '.join(_required())})"
    for name in _required():
        if data[name] is None:
            return f"{name}: may not be null"
    table = _field_types()
    for name, value in data.items():
        if value is None:
            continue
        spec = table.get(name)
        if spec is None or spec[0] is None:
            continue
        kind = type(value)                  # exact types: a JSON boolean is not a number here
        if kind not in spec[0]:
            return f"{name}: expected {_names(spec[0])}, not {'a boolean' if kind is bool else kind.__name__}"
        if kind is float and not math.isfinite(value):
            return f"{name}: {value} is not a finite number"
        if kind is list and not all(type(v) is str for v in value):
            return f"{name}: expected a list of strings"
    if data["kind"] not in KINDS:
        return f"kind: {data['kind']!r} is not one of {', '.join(KINDS)}"
    start, end = data["start"], data["end"]
    if not 0 <= start <= end <= MAX_OFFSET:
        return f"start, end: {start}, {end} are not offsets into a text (0 <= start <= end)"
    value = data["value"]
    if data["kind"] == "percentage":
        if type(value) not in _NUMBER:
            return f"value: a percentage's value is a number, not {'a boolean' if type(value) is bool else type(value).__name__}"
        if type(value) is float and not math.isfinite(value):
            return f"value: {value} is not a finite number"
    elif type(value) is not str:
        return f"value: a {data['kind']}'s value is a string, not {type(value).__name__}"
    decimals = data.get("decimals")
    if decimals is not None and not 0 <= decimals <= MAX_DECIMALS:
        return f"decimals: {decimals} is not a number of decimals (0 to {MAX_DECIMALS})"
    return None


_FIELDS = tuple(f.name for f in fields(Fact))
# (kind, the types of a Fact's fields in order) -> None when they break the contract, else the
# fields whose values still need a look (floats: finite; lists: of strings; decimals: a range)
_shapes: dict[tuple, tuple[str, ...] | None] = {}


def _shape_checks(kind: str, signature: tuple[type, ...]) -> tuple[str, ...] | None:
    table = _field_types()
    if kind not in KINDS or len(signature) != len(_FIELDS):
        return None
    checks = []
    for name, held in zip(_FIELDS, signature):
        accepted, nullable, _ = table[name]
        if held is type(None):
            if not nullable:
                return None
            continue
        if accepted is not None and held not in accepted:
            return None
        if held is float or held is list or name == "decimals":
            checks.append(name)
    if (kind == "percentage") != (signature[_FIELDS.index("value")] in _NUMBER):
        return None
    return tuple(checks)


def stored_fact_problem(fact: Fact) -> str | None:
    """`fact_problem` for a Fact made from a stored record, fast: the types its fields hold (a
    handful of combinations in a corpus) are judged once, then only the values that need it."""
    values = vars(fact)
    key = (fact.kind, tuple(map(type, values.values())))
    try:
        checks = _shapes[key]
    except KeyError:
        checks = _shapes[key] = _shape_checks(*key)
    except TypeError:                   # an unhashable kind: not a fact
        checks = None
    if checks is None or not 0 <= fact.start <= fact.end <= MAX_OFFSET:
        return fact_problem(values) or "not a fact of the contract"
    for name in checks:
        held = values[name]
        if type(held) is float and not math.isfinite(held) or type(held) is list and not all(
                type(v) is str for v in held) or name == "decimals" and not 0 <= held <= MAX_DECIMALS:
            return fact_problem(values) or f"{name}: not a possible value"
    return None


def fact_from_record(data: Any) -> Fact:
    """A Fact from a record read from outside; raises InvalidFact saying what is wrong."""
    problem = fact_problem(data)
    if problem:
        raise InvalidFact(problem)
    known = _field_types()
    return Fact(**{k: v for k, v in data.items() if k in known})


def implausible(fact: Fact) -> str | None:
    """Why a well-formed fact must not be compared, or None: a share of a whole outside 0-100 %."""
    attribute = fact.attribute or ""
    if fact.kind != "percentage" or fact.unit == "points" or not (
            attribute in SHARES_OF_A_WHOLE or attribute.startswith("vote_share_")):
        return None
    for name in ("value", "low", "high"):
        number = getattr(fact, name)
        if number is not None and not 0 <= number <= 100:
            return f"{name} {number} % is not a possible {fact.attribute.replace('_', ' ')} (0 to 100 %)"
    return None


class Rejected:
    """What a reader left out (facts off the contract, implausible shares), counted, with the
    first few reasons kept for one warning."""

    KEEP = 3

    def __init__(self) -> None:
        self.count = 0
        self.examples: list[str] = []

    def add(self, where: str, why: str) -> None:
        self.count += 1
        if len(self.examples) < self.KEEP:
            self.examples.append(f"{where}: {why}")

    def __bool__(self) -> bool:
        return self.count > 0


def comparable(facts, rejected: Rejected, where=lambda fact: f"{fact.doc} ({fact.text})"):
    """The facts that may be compared: implausible ones are left out and counted in `rejected`."""
    for fact in facts:
        why = implausible(fact)
        if why is None:
            yield fact
        else:
            rejected.add(where(fact), why)
