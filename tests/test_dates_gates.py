"""Tests for the conditions that let kastfacts.dates skip rules: skipping one never changes a result."""
import re

import pytest

from kastfacts import dates
from kastfacts.dates import _DIGIT, _GRAMMARS, _alt, _element_folds, _fold_char, _nonword, _pat, _rules_for

_CATEGORIES = {re._constants.CATEGORY_DIGIT: r"\d", re._constants.CATEGORY_SPACE: r"\s",
               re._constants.CATEGORY_WORD: r"\w", re._constants.CATEGORY_NOT_WORD: r"\W"}
_EVERY_CHARACTER = "".join(chr(c) for c in range(0x110000) if not 0xD800 <= c <= 0xDFFF)


def _elements(items, flags, out):
    """Every literal and class of a parsed rule, with the flags it is matched under."""
    for op, av in items:
        if op in (re._constants.LITERAL, re._constants.IN):
            out.add((op, tuple(av) if op is re._constants.IN else av, flags))
        elif op is re._constants.SUBPATTERN:
            _elements(av[3], (flags | av[1]) & ~av[2], out)
        elif op is re._constants.BRANCH:
            for branch in av[1]:
                _elements(branch, flags, out)
        elif op in (re._constants.MAX_REPEAT, re._constants.MIN_REPEAT):
            _elements(av[2], flags, out)
        elif op in (re._constants.ASSERT, re._constants.ASSERT_NOT):
            _elements(av[1], flags, out)


def _source(op, av) -> str:
    if op is re._constants.LITERAL:
        return re.escape(chr(av))
    parts = []
    for item_op, item in av:
        if item_op is re._constants.LITERAL:
            parts.append(re.escape(chr(item)))
        elif item_op is re._constants.RANGE:
            parts.append(re.escape(chr(item[0])) + "-" + re.escape(chr(item[1])))
        elif item_op is re._constants.NEGATE:
            parts.append("^")
        else:
            parts.append(_CATEGORIES[item])
    return "[" + "".join(parts) + "]"


def _all_elements():
    out = set()
    for g in _GRAMMARS.values():
        for _, rx in g.rules:
            _elements(re._parser.parse(rx.pattern, rx.flags).data, rx.flags, out)
    return sorted(out, key=repr)


def test_every_character_an_element_matches_folds_as_the_element_says():
    """Exhaustive over Unicode: a word's characters are found in the folded text whatever the
    case and accents the text writes them with, and a boundary is never a word character."""
    checked = 0
    for op, av, flags in _all_elements():
        folds, outside = _element_folds(op, av), _nonword(op, av)
        if folds is None and not outside:
            continue
        matched = re.compile(_source(op, av), flags & re.IGNORECASE).findall(_EVERY_CHARACTER)
        assert matched
        for ch in matched:
            if outside:
                assert not re.fullmatch(r"\w", ch), (op, av, ch)
            elif re.fullmatch(r"\d", ch) and _DIGIT in folds:
                continue
            else:
                assert re.fullmatch(r"\w", ch) and (len(ch.lower()) != 1 or _fold_char(ch) in folds), (op, av, ch)
        checked += 1
    assert checked > 50


TEXTS = [
    "Le scrutin a eu lieu le 14 décembre 2025, et HIER SOIR le dépouillement a repris.",
    "AUJOURD’HUI, l'après-demain et l’avant-hier ; après demain ; le week-end dernier.",
    "El 23J, la semana pasada, el próximo fin de semana y este año; ayer y anteayer.",
    "LA PRÓXIMA SEMANA; la   semana\u00a0pasada; hace tres días; dentro de 2 meses.",
    "In the summer of 2017, last Christmas, the 1990s, Q3 2024, the first week of January 2015.",
    "HİER soir, ſeptember 5, la ſemana paſada, İl y a deux ans.",   # characters that lower-case apart
    "Sunday's vote, Sat, Dec. 13, on the 17th from 9 am, 28/2-1/3, 10-1-2018, FY2016.",
    "del 28-M, la primera quincena de noviembre de 2020, entre 1945 y 1951, los años 90.",
    "mer. 10 juin, le 1er janvier, le XXIe siècle, du 3 au 5 mars, la 2e semaine d'août.",
]


@pytest.mark.parametrize("lang", ["fr", "es", "en"])
@pytest.mark.parametrize("text", TEXTS)
def test_skipped_rules_match_nowhere(text, lang):
    g = _GRAMMARS[lang]
    kept = {id(rx) for _, rx in _rules_for(g, text)}
    for name, rx in g.rules:
        if id(rx) not in kept:
            assert rx.search(text) is None, (name, rx.search(text))


def test_a_text_whose_length_changes_when_lower_cased_runs_every_rule():
    # 'İ' lower-cases to two characters, and `re` matches it with an 'i'
    assert dates._GRAMMARS["fr"].needs.possible("HİER SOIR") is None
    assert dates._GRAMMARS["fr"].needs.possible("HIER SOIR") is not None


def _phrase_tables():
    for table in (dates.FIXED, dates.HOLIDAYS, dates.MONTHS, dates.MONTH_ABBREVS, dates.WEEKDAYS,
                  dates.WEEKDAY_ABBREVS, dates.NUMBER_WORDS, dates.DAY_WORDS, dates.UNITS, dates.SEASONS,
                  dates.ORDINALS, dates.DECADE_WORDS):
        for lang in ("fr", "es", "en"):
            yield list(table[lang])


@pytest.mark.parametrize("phrases", list(_phrase_tables()))
def test_a_factored_alternation_matches_as_the_plain_one(phrases):
    """_alt's alternation and the plain one (longest phrase first) match the same text at every
    place of phrases written every way, run together, cut short and followed by others."""
    plain = "(?:" + "|".join(_pat(p) for p in sorted(set(phrases), key=len, reverse=True)) + ")"
    factored = _alt(phrases)
    texts = []
    for p in phrases:
        texts += [p, p.upper(), p.title(), p.replace(" ", "  "), p.replace("-", ""), p.replace("-", " "),
                  p[:-1], p + "s", p + " " + p]
    texts += [" ".join(phrases), "-".join(phrases), "".join(phrases)]
    for tail in ("", r"(?!\w)", r"\s+\d+"):
        a, b = re.compile(plain + tail, re.I), re.compile(factored + tail, re.I)
        for text in texts:
            for start in range(len(text)):
                ma, mb = a.match(text, start), b.match(text, start)
                assert (ma and ma.span()) == (mb and mb.span()), (text, start)
