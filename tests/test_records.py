"""Fact.to_dict is the JSON contract: it must give what dataclasses.asdict gives, exactly."""
import dataclasses

from kastfacts.records import Fact


def _same(fact):
    got, want = fact.to_dict(), dataclasses.asdict(fact)
    assert got == want and list(got) == list(want)
    assert all(type(got[k]) is type(want[k]) for k in want)
    for k, v in want.items():
        if isinstance(v, (list, dict)):
            assert got[k] is not getattr(fact, k)       # a copy, never the fact's own list


def test_to_dict_is_asdict():
    date = Fact("d", "fr", "date", "hier", 0, 4, "Hier.", "2021-06-05", timex="XXXX", participants=["A", "B"])
    person = Fact("d", "es", "person", "Kast", 0, 4, "Kast.", "José Antonio Kast", entity="josé antonio kast",
                  variants=["José Kast", "J. A. Kast"])
    pct = Fact("d", "en", "percentage", "52%", 0, 3, "52%.", 52.0, decimals=0, low=None, counted=0.9)
    for fact in (date, person, pct):
        _same(fact)
    odd = dataclasses.replace(date, value={"a": [1, (2, 3)]}, participants=("x",))     # not from extraction
    _same(odd)
    shuffled = dataclasses.replace(pct)
    del shuffled.__dict__["low"]
    shuffled.__dict__["low"] = None                     # same fields, another order
    _same(shuffled)
    fact = dataclasses.replace(person)
    fact.to_dict()["variants"].append("X")
    assert fact.variants == ["José Kast", "J. A. Kast"]
