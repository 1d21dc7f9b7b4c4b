"""The conflict engine: precision logic, ranges, units, contexts, dates, names, arithmetic, order."""
from __future__ import annotations

import random

import pytest

from kastfacts.conflicts import (
    _claims, _Group, can_be_same, clean_spelling, find_conflicts, is_truncation, parse_context, spelling_difference)
from kastfacts.records import Fact

KAST, JARA = "José Antonio Kast", "Jeannette Jara"
LANG_NAME = {"fr": "French", "es": "Spanish", "en": "English"}

# Sentences as reports in each language phrase a share of the vote ({x}: the figure as written).
VOTE_SENTENCES = {
    "fr": [
        "Kast a remporté le second tour avec {x} des voix.",
        "Le candidat de droite obtient {x} des suffrages exprimés.",
        "Selon le Servel, Kast recueille {x} des voix.",
        "José Antonio Kast l'emporte avec {x}, selon les résultats officiels.",
        "Avec {x} des suffrages, Kast devient président élu.",
        "Kast a obtenu {x} des votes dimanche soir.",
        "Le républicain a rassemblé {x} des voix au niveau national.",
        "Kast est crédité de {x} des suffrages exprimés.",
        "Le futur président a gagné avec {x} des voix.",
        "Kast s'impose avec {x} face à sa rivale de gauche.",
        "D'après le dépouillement, Kast totalise {x} des bulletins valides.",
        "Kast a été élu avec {x} des voix, un score historique.",
    ],
    "es": [
        "Kast ganó la segunda vuelta con el {x} de los votos.",
        "El candidato republicano obtuvo un {x} de los sufragios.",
        "Según el Servel, Kast alcanzó el {x} de los votos válidos.",
        "José Antonio Kast se impuso con {x} de las preferencias.",
        "Con el {x} de los votos, Kast será el próximo presidente.",
        "Kast logró un {x} de los votos emitidos este domingo.",
        "El abanderado de la derecha consiguió el {x} a nivel nacional.",
        "Kast sumó {x} de los votos, de acuerdo con el conteo oficial.",
        "El presidente electo triunfó con un {x} de apoyo.",
        "Kast arrasó con el {x} frente a la candidata oficialista.",
        "Tras el escrutinio, Kast reunió el {x} de los sufragios.",
        "Kast fue elegido con el {x} de los votos, un récord.",
    ],
    "en": [
        "Kast won the runoff with {x} of the vote.",
        "The right-wing candidate took {x} of the ballots cast.",
        "According to Servel, Kast received {x} of valid votes.",
        "José Antonio Kast prevailed with {x}, official results show.",
        "With {x} of the vote, Kast becomes president-elect.",
        "Kast secured {x} of the votes on Sunday night.",
        "The Republican garnered {x} nationwide.",
        "Kast was credited with {x} of the votes cast.",
        "The president-elect won with {x} of the vote.",
        "Kast beat his left-wing rival with {x}.",
        "After the count, Kast tallied {x} of valid ballots.",
        "Kast was elected with {x} of the votes, a record.",
    ],
}


def written(value: float, decimals: int, lang: str, unit: str = "percent") -> str:
    text = f"{value:.{decimals}f}"
    if lang != "en":
        text = text.replace(".", ",")
    if unit == "points":
        return text + {"fr": " points", "es": " puntos", "en": " points"}[lang]
    return text + ("%" if lang == "en" else " %")


def pct(doc: str, lang: str, value: float, decimals: int = 1, *, subject=KAST, attribute="vote_share",
        unit="percent", context=None, low=None, high=None, sentence_no=0, offset=0) -> Fact:
    """A percentage fact as the extractor would give it, with a real sentence as evidence."""
    if low is not None:
        x = written(low, decimals, lang).rstrip(" %") + "-" + written(high, decimals, lang)
    else:
        x = written(value, decimals, lang, unit)
    bank = VOTE_SENTENCES[lang]
    sentence = bank[sentence_no % len(bank)].format(x=x)
    start = offset + sentence.index(x)
    return Fact(doc=doc, lang=lang, kind="percentage", text=x, start=start, end=start + len(x),
                sentence=sentence, value=value, decimals=decimals, unit=unit, subject=subject,
                attribute=attribute, context=context, low=low, high=high)


def date(doc, lang, text, value, *, event="visit", participants=("Javier Milei",),
         resolution="anchored", start=0) -> Fact:
    return Fact(doc=doc, lang=lang, kind="date", text=text, start=start, end=start + len(text),
                sentence=f"{text} ...", value=value, resolution=resolution, attribute=event,
                participants=list(participants) if participants is not None else None)


def person(doc, lang, text, entity, start=0) -> Fact:
    return Fact(doc=doc, lang=lang, kind="person", text=text, start=start, end=start + len(text),
                sentence=f"... {text} ...", value=entity, entity=entity)


LANG_PAIRS = [("fr", "en"), ("es", "en"), ("fr", "es"), ("en", "fr"), ("es", "fr"), ("en", "es")]
PHRASINGS = [(a, b, n) for a, b in LANG_PAIRS for n in range(12)]


# --------------------------------------------------------------------------- interval logic

@pytest.mark.parametrize("a,ad,b,bd,same", [
    (58.1, 1, 58.2, 1, False),
    (55.69, 2, 55.7, 1, True),
    (44.30, 2, 44.3, 1, True),
    (99, 0, 99.6, 1, False),
    (28, 0, 28.1, 1, True),
    (41.3, 1, 41.8, 1, False),
    (58.15, 2, 58.1, 1, True),      # 58.145..58.155 touches 58.05..58.15
    (58.15, 2, 58.2, 1, True),
    (58.0, 1, 58, 0, True),
    (12.45, 2, 12, 0, True),
    (12.55, 2, 12, 0, False),
    (33.36, 2, 33.3, 1, False),
    (33.34, 2, 33.3, 1, True),
    (0.5, 1, 1, 0, True),
    (50, 0, 51, 0, False),
    (7.25, 2, 7.2, 1, True),
    (7.25, 2, 7.3, 1, True),
    (100, 0, 99.4, 1, False),
])
def test_can_be_same(a, ad, b, bd, same):
    assert can_be_same(a, ad, b, bd) is same
    assert can_be_same(b, bd, a, ad) is same


@pytest.mark.parametrize("coarse,cd,fine,fd,expected", [
    (99, 0, 99.6, 1, True), (58, 0, 58.7, 1, True), (58.1, 1, 58.19, 2, True),
    (58.1, 1, 58.2, 1, False), (59, 0, 58.7, 1, False), (41, 0, 41.8, 1, True),
])
def test_is_truncation(coarse, cd, fine, fd, expected):
    assert is_truncation(coarse, cd, fine, fd) is expected


def test_parse_context():
    assert parse_context("counted=2;round=2;year=2025") == {"counted": "2", "round": "2", "year": "2025"}
    assert parse_context(None) == {} and parse_context("") == {}


# --------------------------------------------------------------------------- value conflicts

@pytest.mark.parametrize("la,lb,n", PHRASINGS)
def test_rounding_level_disagreement_in_all_languages(la, lb, n):
    a = pct("000_a", la, 58.1, sentence_no=n)
    b = pct("004_b", lb, 58.2, sentence_no=n + 5, context="round=2")
    [c] = find_conflicts([a, b])
    assert (c.kind, c.severity, c.subject, c.attribute) == ("value", "minor", KAST, "vote_share")
    assert [v.doc for v in c.values] == ["000_a", "004_b"]
    assert [v.value for v in c.values] == [58.1, 58.2]
    assert c.values[0].sentence == a.sentence and c.values[0].text == a.text and c.values[0].lang == la
    assert c.values[0].sentence[c.values[0].start:c.values[0].end] == a.text
    assert LANG_NAME[la] in c.explanation and LANG_NAME[lb] in c.explanation
    assert "0.1-point" in c.explanation and "rounding" in c.explanation
    assert "58.1 %" in c.explanation and "58.2 %" in c.explanation


@pytest.mark.parametrize("la,lb,n", PHRASINGS[::2])
def test_substantive_disagreement(la, lb, n):
    [c] = find_conflicts([pct("a", la, 41.3, subject=JARA, sentence_no=n),
                          pct("b", lb, 41.8, subject=JARA, sentence_no=n + 1)])
    assert (c.severity, c.subject) == ("substantive", JARA)
    assert "0.5-point" in c.explanation and "beyond rounding" in c.explanation


@pytest.mark.parametrize("la,lb,n", PHRASINGS[::3])
def test_precision_difference_is_not_a_conflict(la, lb, n):
    facts = [pct("a", la, 55.69, 2, sentence_no=n), pct("b", lb, 55.7, 1, sentence_no=n + 2)]
    assert find_conflicts(facts) == []
    [c] = find_conflicts(facts, include_precision=True)
    assert (c.kind, c.severity) == ("precision", "precision")
    assert "agree once rounded" in c.explanation


@pytest.mark.parametrize("la,lb,n", PHRASINGS[::3])
def test_same_value_other_precision_agrees(la, lb, n):
    facts = [pct("a", la, 44.30, 2, sentence_no=n), pct("b", lb, 44.3, 1, sentence_no=n + 1)]
    assert find_conflicts(facts, include_precision=True) == []


def test_whole_number_against_decimal():
    facts = [pct("a", "fr", 28, 0), pct("b", "en", 28.1, 1)]
    assert find_conflicts(facts) == []
    assert [c.kind for c in find_conflicts(facts, include_precision=True)] == ["precision"]


@pytest.mark.parametrize("lang", ["fr", "es", "en"])
def test_truncation_is_said(lang):
    [c] = find_conflicts([pct("a", lang, 99, 0, attribute="turnout", subject="Chile"),
                          pct("b", "en", 99.6, 1, attribute="turnout", subject="Chile")])
    assert c.severity == "minor" and "truncat" in c.explanation
    assert "turnout of 99 %" in c.explanation


def test_three_reports_make_one_conflict():
    facts = [pct("a", "fr", 58.1), pct("b", "es", 58.2), pct("c", "en", 58.4)]
    [c] = find_conflicts(facts)
    assert [v.doc for v in c.values] == ["a", "b", "c"]
    assert c.severity == "substantive"       # 58.1 vs 58.4 is more than a slip of the last digit


def test_repeated_mentions_keep_the_first():
    facts = [pct("a", "fr", 58.1, offset=500), pct("a", "fr", 58.1, offset=10, sentence_no=3),
             pct("b", "en", 58.2)]
    [c] = find_conflicts(facts)
    assert [(v.doc, v.start) for v in c.values][0][1] < 100
    assert len(c.values) == 2


# --------------------------------------------------------------------------- ranges and units

@pytest.mark.parametrize("lang", ["fr", "es", "en"])
@pytest.mark.parametrize("value", [58.3, 59.0, 60.7, 60.0, 58.5])
def test_value_inside_a_range_agrees(lang, value):
    rng = pct("a", lang, 58.3, low=58.3, high=60.7)
    assert find_conflicts([rng, pct("b", "en", value)], include_precision=True) == []


@pytest.mark.parametrize("lang", ["fr", "es", "en"])
@pytest.mark.parametrize("value,severity", [(58.1, "substantive"), (58.2, "minor"), (61.5, "substantive"),
                                            (60.8, "minor"), (52.0, "substantive")])
def test_value_outside_a_range_conflicts(lang, value, severity):
    rng = pct("a", lang, 58.3, low=58.3, high=60.7)
    [c] = find_conflicts([rng, pct("b", "es", value)])
    assert c.severity == severity and "outside the range 58.3-60.7 %" in c.explanation
    assert c.values[0].value == [58.3, 60.7]


def test_ranges_overlap_or_not():
    a = pct("a", "fr", 58.3, low=58.3, high=60.7)
    assert find_conflicts([a, pct("b", "en", 59.0, low=59.0, high=61.0)]) == []
    assert len(find_conflicts([a, pct("b", "en", 62.0, low=62.0, high=64.0)])) == 1


@pytest.mark.parametrize("la,lb", LANG_PAIRS)
def test_points_never_against_percent(la, lb):
    facts = [pct("a", la, 3.2, unit="points", attribute="share", subject="Kast"),
             pct("b", lb, 3.5, attribute="share", subject="Kast")]
    assert find_conflicts(facts, include_precision=True) == []
    facts[1] = pct("b", lb, 3.5, unit="points", attribute="share", subject="Kast")
    assert len(find_conflicts(facts)) == 1


def test_no_subject_or_attribute_never_compared():
    a, b = pct("a", "fr", 30.0, subject=None), pct("b", "en", 45.0, subject=None)
    assert find_conflicts([a, b]) == []
    a, b = pct("a", "fr", 30.0, attribute=None), pct("b", "en", 45.0, attribute=None)
    assert find_conflicts([a, b]) == []


def test_different_subjects_or_attributes_never_compared():
    assert find_conflicts([pct("a", "fr", 58.1), pct("b", "en", 41.8, subject=JARA)]) == []
    assert find_conflicts([pct("a", "fr", 58.1), pct("b", "en", 85.7, attribute="turnout")]) == []


def test_other_figures_never_compared():
    # "other" gathers unlike things (a threshold, a change, a region's share)
    facts = [pct("a", "fr", 40.0, 0, subject="Chile 2025 presidential runoff", attribute="other"),
             pct("b", "en", 10.0, 0, subject="Chile 2025 presidential runoff", attribute="other")]
    assert find_conflicts(facts) == []


def test_counted_shares_that_differ_are_counting_stages():
    facts = [pct("a", "es", 23.0, 0, subject="Chile 2022 plebiscite", attribute="counted_share"),
             pct("b", "en", 99.0, 0, subject="Chile 2022 plebiscite", attribute="counted_share")]
    [c] = find_conflicts(facts)
    assert (c.kind, c.severity) == ("counting_stage", "different_stages")
    assert "different moments of the count" in c.explanation


# --------------------------------------------------------------------------- contexts

@pytest.mark.parametrize("ca,cb", [
    ("year=2021", "year=2025"), ("round=1", "round=2"), ("contest=poll", None), (None, "contest=poll"),
    ("contest=primary", None), ("contest=poll", "contest=plebiscite"), ("round=1;year=2025", "round=2;year=2025"),
])
def test_incompatible_contexts_never_compared(ca, cb):
    facts = [pct("a", "fr", 41.3, context=ca), pct("b", "en", 41.8, context=cb)]
    assert find_conflicts(facts, include_precision=True) == []


@pytest.mark.parametrize("ca,cb", [
    (None, None), ("round=2", None), (None, "year=2025"), ("round=2;year=2025", "round=2"),
    ("contest=poll", "contest=poll"), ("contest=plebiscite", None),
])
def test_compatible_contexts_compared(ca, cb):
    facts = [pct("a", "es", 41.3, context=ca), pct("b", "en", 41.8, context=cb)]
    [c] = find_conflicts(facts)
    assert c.severity == "substantive"


def test_poll_caveat():
    [c] = find_conflicts([pct("a", "es", 31.0, 0, attribute="approval", context="contest=poll"),
                          pct("b", "en", 36.0, 0, attribute="approval", context="contest=poll")])
    assert "same poll" in c.explanation


def test_earlier_election_year_kept_apart_from_an_untagged_current_figure():
    # the untagged report is about 2025 (its dates say so); Kast's 2021 score is another contest
    facts = [pct("a", "fr", 44.1, context="year=2021"), pct("b", "en", 45.0),
             date("b", "en", "December 14", "2025-12-14", event="election", participants=["Chile"]),
             date("b", "en", "Monday", "2025-12-22", event="meeting", participants=["Michelle Bachelet"])]
    assert find_conflicts(facts) == []
    facts[0] = pct("a", "fr", 44.1, context="year=2025")
    assert len(find_conflicts(facts)) == 1


def test_untagged_figure_far_from_a_tagged_one_is_another_contest():
    # 23.9 % in the first round vs 58.2 % without a round said: not a disagreement
    assert find_conflicts([pct("a", "fr", 23.9, context="round=1"), pct("b", "en", 58.2)]) == []


def test_untagged_figure_read_as_its_nearest_round():
    facts = [pct("a", "en", 23.9, context="round=1"), pct("a", "en", 58.2, context="round=2", offset=300),
             pct("b", "fr", 58.1)]
    [c] = find_conflicts(facts)
    assert sorted(v.value for v in c.values) == [58.1, 58.2]


# --------------------------------------------------------------------------- within one report

@pytest.mark.parametrize("lang", ["fr", "es", "en"])
def test_never_within_one_report(lang):
    # a report's successive figures tell the count's story (a bulletin, then the next)
    facts = [pct("a", lang, 58.1, context="round=2"),
             pct("a", lang, 58.4, context="round=2", sentence_no=4, offset=400)]
    assert find_conflicts(facts, include_precision=True) == []


@pytest.mark.parametrize("lang", ["fr", "es", "en"])
def test_within_one_report_needs_same_context_and_no_range(lang):
    assert find_conflicts([pct("a", lang, 58.1, context="round=2"),
                           pct("a", lang, 58.4, offset=400)]) == []
    assert find_conflicts([pct("a", lang, 58.1), pct("a", lang, 61.0, low=61.0, high=63.0, offset=400)]) == []


# --------------------------------------------------------------------------- dates

DATE_AGREEMENTS = [
    ("fr", "Mardi dernier", "en", "December 16"), ("fr", "le 16 décembre", "es", "el martes pasado"),
    ("es", "el 16 de diciembre", "en", "last Tuesday"), ("fr", "mardi 16 décembre", "es", "el martes 16"),
    ("en", "Tuesday, December 16", "fr", "la semaine dernière, mardi"), ("es", "16/12/2025", "en", "Dec. 16"),
]


@pytest.mark.parametrize("la,ta,lb,tb", DATE_AGREEMENTS)
def test_dates_agree_after_resolution(la, ta, lb, tb):
    facts = [date("a", la, ta, "2025-12-16", participants=["Argentina", "Javier Milei"]),
             date("b", lb, tb, "2025-12-16", participants=["Javier Milei"], resolution="explicit")]
    assert find_conflicts(facts) == []


DATE_DISAGREEMENTS = [
    ("fr", "Mardi dernier", "2025-12-16", "en", "last Friday", "2025-12-19"),
    ("fr", "le 15 décembre", "2025-12-15", "es", "el 16 de diciembre", "2025-12-16"),
    ("es", "el lunes", "2025-12-22", "en", "Tuesday", "2025-12-23"),
    ("en", "January 20", "2026-01-20", "fr", "le 21 janvier", "2026-01-21"),
    ("es", "el 11 de marzo", "2026-03-11", "fr", "le 12 mars", "2026-03-12"),
    ("fr", "en janvier", "2026-01", "en", "in February", "2026-02"),
]


@pytest.mark.parametrize("la,ta,va,lb,tb,vb", DATE_DISAGREEMENTS)
def test_same_event_different_dates(la, ta, va, lb, tb, vb):
    facts = [date("a", la, ta, va, event="inauguration", participants=[KAST]),
             date("b", lb, tb, vb, event="inauguration", participants=[KAST, "Chile"])]
    [c] = find_conflicts(facts)
    assert (c.kind, c.severity, c.attribute, c.subject) == ("date", "substantive", "inauguration", KAST)
    assert [v.value for v in c.values] == [va, vb] and [v.text for v in c.values] == [ta, tb]
    assert ta in c.explanation and tb in c.explanation


@pytest.mark.parametrize("a,b", [
    (dict(resolution="underspecified", value="XXXX-WXX-2"), dict(value="2025-12-19")),
    (dict(resolution="underspecified", value="2025-12-16"), dict(value="2025-12-19")),
    (dict(event="visit"), dict(event="meeting")),
    (dict(event="other"), dict(event="other")),
    (dict(event=None), dict(event=None)),
    (dict(participants=["Javier Milei"]), dict(participants=["Daniel Noboa"])),
    (dict(participants=[KAST, "Javier Milei"]), dict(participants=[KAST, "Daniel Noboa"])),
    (dict(participants=None), dict(participants=None)),
    (dict(value="2025-12"), dict(value="2025-12-19")),
    (dict(value="2025"), dict(value="2026")),
])
def test_dates_not_compared(a, b):
    base = dict(value="2025-12-16", event="visit", participants=[KAST, "Javier Milei"], resolution="anchored")
    fa, fb = {**base, **a}, {**base, **b}
    facts = [date("a", "fr", "mardi", fa.pop("value"), **fa), date("b", "en", "Friday", fb.pop("value"), **fb)]
    assert find_conflicts(facts) == []


def test_dates_within_one_report_not_compared():
    facts = [date("a", "fr", "mardi", "2025-12-16"), date("a", "fr", "vendredi", "2025-12-19", start=90)]
    assert find_conflicts(facts) == []


def test_participant_of_two_events_in_one_report_does_not_link_reports():
    # the English report dates two meetings of Kast: Kast alone does not say which one the French means
    facts = [date("b", "en", "Monday", "2025-12-22", event="meeting", participants=[KAST, "Michelle Bachelet"]),
             date("b", "en", "last Friday", "2025-12-19", event="meeting", participants=[KAST, "Eduardo Frei"],
                  start=80),
             date("a", "fr", "mardi", "2025-12-23", event="meeting", participants=[KAST])]
    assert find_conflicts(facts) == []


# --------------------------------------------------------------------------- names

ACCENT_VARIANTS = [
    ("fr", "José Jeri", "en", "José Jerí", "José Jerí"),
    ("fr", "Jose Antonio Kast", "es", "José Antonio Kast", KAST),
    ("en", "Michelle Bachelet", "es", "Michelle Bachélet", "Michelle Bachelet"),
    ("es", "Sebastián Piñera", "en", "Sebastian Pinera", "Sebastián Piñera"),
    ("fr", "Gabriel Boric", "es", "Gabriel Bóric", "Gabriel Boric"),
    ("en", "Andres Manuel Lopez Obrador", "es", "Andrés Manuel López Obrador", "Andrés Manuel López Obrador"),
    ("es", "Javier Milei", "fr", "Javier Miléi", "Javier Milei"),
    ("fr", "Eduardo Frei Ruiz-Tagle", "en", "Eduardo Frei Ruiz-Tágle", "Eduardo Frei Ruiz-Tagle"),
    ("en", "Daniel Noboa", "fr", "Daniel Nóboa", "Daniel Noboa"),
    ("es", "Ramon Gonzalez", "en", "Ramón González", "Ramón González"),
    ("fr", "Jeri", "en", "José Jerí", "José Jerí"),
    ("en", "Evelyn Matthei", "es", "Evelyn Matthéi", "Evelyn Matthei"),
]


@pytest.mark.parametrize("la,sa,lb,sb,entity", ACCENT_VARIANTS)
def test_accent_variant_flagged(la, sa, lb, sb, entity):
    facts = [person("a", la, sa, entity), person("b", lb, sb, entity, start=40)]
    assert find_conflicts(facts) == []      # accents only: shown with --all, beside precision differences
    [c] = find_conflicts(facts, include_precision=True)
    assert (c.kind, c.severity, c.attribute, c.subject) == ("name", "accent", "name", entity)
    assert [(v.doc, v.value) for v in c.values] == [("a", sa), ("b", sb)]
    assert "accent" in c.explanation and sa in c.explanation and sb in c.explanation


LETTER_VARIANTS = [
    ("Jeannette Jara", "Jeanette Jara"), ("Volodymyr Zelensky", "Volodymyr Zelenski"),
    ("Franco Parisi", "Franco Parissi"), ("Evelyn Matthei", "Evelyn Mathei"),
    ("Johannes Kaiser", "Johannes Kayser"),
]


@pytest.mark.parametrize("sa,sb", LETTER_VARIANTS)
def test_one_letter_variant_flagged(sa, sb):
    [c] = find_conflicts([person("a", "fr", sa, sa), person("b", "en", sb, sa)])
    assert c.kind == "name" and "letters" in c.explanation


NOT_VARIANTS = [
    ("Kast", "José Antonio Kast"), ("José Antonio Kast", "JOSÉ ANTONIO KAST"), ("Jara", "Jeannette Jara"),
    ("President Kast", "Kast"), ("le président José Antonio Kast", "José Antonio Kast"),
    ("Mr. Milei", "Javier Milei"), ("la presidenta Bachelet", "Michelle Bachelet"),
    ("Kast's", "José Antonio Kast"), ("Sr. Noboa", "Daniel Noboa"), ("José Kast", "José Antonio Kast"),
    ("Javier Milei", "Karina Milei"), ("Kast", "Kost"), ("Ana", "Ane"),
]


@pytest.mark.parametrize("sa,sb", NOT_VARIANTS)
def test_not_spelling_variants(sa, sb):
    assert find_conflicts([person("a", "es", sa, "X"), person("b", "en", sb, "X")]) == []


def test_different_people_same_surname_not_flagged():
    facts = [person("a", "es", "Javier Milei", "Javier Milei"), person("b", "en", "Karina Milei", "Karina Milei"),
             person("c", "fr", "Milei", "Javier Milei")]
    assert find_conflicts(facts) == []


def test_same_spelling_everywhere_and_one_report_only():
    assert find_conflicts([person("a", "fr", "José Jerí", "José Jerí"), person("b", "en", "José Jerí", "José Jerí")]) == []
    # one report writing both forms is not a disagreement between reports
    assert find_conflicts([person("a", "fr", "José Jerí", "J"), person("a", "fr", "José Jeri", "J", start=50)]) == []


def test_spelling_helpers():
    assert clean_spelling("President Kast's") == "Kast"
    assert clean_spelling("  José   Jerí ") == "José Jerí"
    assert spelling_difference("José Jeri", "José Jerí") == "accent"
    assert spelling_difference("Kast", "José Antonio Kast") is None
    assert spelling_difference("Jeannette Jara", "Jeanette Jara") == "letter"


# --------------------------------------------------------------------------- arithmetic

def test_runoff_pair_below_100_flagged():
    facts = [pct("a", "en", 58.2, context="round=2"), pct("b", "fr", 41.3, subject=JARA, context="round=2")]
    [c] = find_conflicts(facts)
    assert (c.kind, c.severity, c.attribute) == ("arithmetic", "substantive", "vote_share")
    assert {v.doc for v in c.values} == {"a", "b"} and "99.5 %" in c.explanation
    assert "French" in c.explanation and "English" in c.explanation


@pytest.mark.parametrize("k,j,ctx_k,ctx_j", [
    (58.1, 41.8, "round=2", None), (58.2, 41.8, "round=2", None), (58.16, 41.84, "round=2", "round=2"),
    (58, 42, "round=2", None),
])
def test_runoff_pair_within_rounding_is_fine(k, j, ctx_k, ctx_j):
    dk = 2 if k == 58.16 else (0 if k == 58 else 1)
    facts = [pct("a", "fr", k, dk, context=ctx_k), pct("b", "en", j, dk, subject=JARA, context=ctx_j)]
    assert find_conflicts(facts) == []


def test_runoff_not_checked_without_round_two_or_with_a_third_candidate():
    assert find_conflicts([pct("a", "en", 58.2), pct("b", "fr", 41.3, subject=JARA)]) == []
    facts = [pct("a", "en", 27.0, context="round=1"), pct("b", "fr", 25.0, subject=JARA, context="round=1")]
    assert find_conflicts(facts) == []


@pytest.mark.parametrize("lang", ["fr", "es", "en"])
def test_above_100_in_one_sentence(lang):
    a = pct("a", lang, 58.4, sentence_no=0)
    b = pct("a", lang, 43.1, subject=JARA, sentence_no=0, offset=30)
    b.sentence = a.sentence
    [c] = find_conflicts([a, b])
    assert c.kind == "arithmetic" and "more than 100 %" in c.explanation


def test_above_100_not_summed_across_contests_left_unsaid():
    # first-round and runoff figures in different sentences, no round said: never summed
    facts = [pct("a", "fr", 58.1), pct("a", "fr", 41.8, subject=JARA, offset=30),
             pct("a", "fr", 19.7, subject="Franco Parisi", sentence_no=4, offset=200)]
    assert find_conflicts(facts) == []


def test_arithmetic_fine_when_two_reports_disagree_on_one_candidate():
    # Jara's 41.3 vs 41.8 is a value conflict; the sums can still add up: no arithmetic alarm
    facts = [pct("a", "en", 58.2, context="round=2"), pct("a", "en", 41.3, subject=JARA, context="round=2",
                                                         offset=40),
             pct("b", "fr", 41.8, subject=JARA, context="round=2")]
    kinds = [c.kind for c in find_conflicts(facts)]
    assert kinds == ["value"]


# --------------------------------------------------------------------------- order, ids, determinism

def mixed_corpus() -> list[Fact]:
    return [
        pct("000_a", "fr", 58.1), pct("000_a", "fr", 41.8, subject=JARA, offset=30),
        pct("004_b", "en", 58.2, context="round=2"), pct("002_c", "es", 85.0, 0, attribute="turnout",
                                                       subject="Chile"),
        pct("004_b", "en", 81.0, 0, attribute="turnout", subject="Chile", offset=200),
        pct("002_c", "es", 55.69, 2, attribute="approval", subject="Gabriel Boric", context="contest=poll"),
        pct("004_b", "en", 55.7, 1, attribute="approval", subject="Gabriel Boric", context="contest=poll",
            offset=300),
        person("000_a", "fr", "José Jeri", "José Jerí", start=400), person("004_b", "en", "José Jerí", "José Jerí",
                                                                          start=400),
        date("000_a", "fr", "le 11 mars", "2026-03-11", event="inauguration", participants=[KAST], start=500),
        date("002_c", "es", "el 12 de marzo", "2026-03-12", event="inauguration", participants=[KAST], start=500),
    ]


def test_order_by_severity_and_ids():
    got = find_conflicts(mixed_corpus(), include_precision=True)
    assert [c.severity for c in got] == ["substantive", "substantive", "minor", "accent", "precision"]
    assert [c.id for c in got] == [1, 2, 3, 4, 5]
    assert [(c.kind, c.subject) for c in got[:2]] == [("value", "Chile"), ("date", KAST)]
    assert [c.id for c in find_conflicts(mixed_corpus())] == [1, 2, 3]


def test_deterministic_under_shuffle():
    want = [c.to_dict() for c in find_conflicts(mixed_corpus(), include_precision=True)]
    for seed in range(8):
        facts = mixed_corpus()
        random.Random(seed).shuffle(facts)
        assert [c.to_dict() for c in find_conflicts(iter(facts), include_precision=True)] == want


def test_empty_input():
    assert find_conflicts([]) == []


# --------------------------------------------------------------------------- seed-like scenario

def test_seed_like_scenario():
    fr_sentence = ("Kast a remporté les élections présidentielles avec 58,1% des voix, contre 41,8% obtenus "
                   "par la candidate de gauche Jeannette Jara.")
    en_sentence = ("José Antonio Kast, Chile's president-elect after winning the December 14 runoff with 58.2% "
                   "of the votes, began an intense agenda on Monday.")

    def seed_pct(doc, lang, sentence, text, value, subject, context=None):
        s = sentence.index(text)
        return Fact(doc=doc, lang=lang, kind="percentage", text=text, start=s, end=s + len(text),
                    sentence=sentence, value=value, decimals=1, unit="percent", subject=subject,
                    attribute="vote_share", context=context)

    facts = [
        seed_pct("000_dff806b68d89388f", "fr", fr_sentence, "58,1%", 58.1, KAST),
        seed_pct("000_dff806b68d89388f", "fr", fr_sentence, "41,8%", 41.8, JARA),
        seed_pct("004_2776c4c1bfc5371a", "en", en_sentence, "58.2%", 58.2, KAST, "round=2"),
        person("000_dff806b68d89388f", "fr", "José Jeri", "José Jerí", start=900),
        person("004_2776c4c1bfc5371a", "en", "José Jerí", "José Jerí", start=1200),
        person("000_dff806b68d89388f", "fr", "Kast", KAST, start=10),
        person("004_2776c4c1bfc5371a", "en", "José Antonio Kast", KAST, start=0),
        date("000_dff806b68d89388f", "fr", "Mardi dernier", "2025-12-16",
             participants=["Argentina", "Javier Milei"], start=700),
        date("004_2776c4c1bfc5371a", "en", "December 16", "2025-12-16", participants=["Buenos Aires"], start=800),
        date("000_dff806b68d89388f", "fr", "14 décembre", "2025-12-14", event="election", participants=["Chile"],
             resolution="anchored", start=60),
        date("004_2776c4c1bfc5371a", "en", "December 14", "2025-12-14", event="election", participants=["Chile"],
             start=60),
    ]
    got = find_conflicts(facts, include_precision=True)
    assert [(c.id, c.kind, c.severity, c.subject, c.attribute) for c in got] == [
        (1, "value", "minor", KAST, "vote_share"), (2, "name", "accent", "José Jerí", "name")]
    assert [c.kind for c in find_conflicts(facts)] == ["value"]     # the accent only with --all
    assert got[0].explanation == (
        "The French report (000_dff806b68d89388f) gives José Antonio Kast 58.1 % of the vote; the English "
        "report (004_2776c4c1bfc5371a) gives 58.2 %. Written to one decimal each, they cannot both be "
        "roundings of the same figure: a 0.1-point difference, the size of a rounding or typing error.")
    assert [v.value for v in got[1].values] == ["José Jeri", "José Jerí"]


# --------------------------------------------------------------------------- more arithmetic, wording

def test_runoff_with_first_round_figure_elsewhere_not_flagged():
    # Jara's first-round 26.8 % (no round said, another sentence) is not her runoff share
    facts = [pct("a", "en", 58.2, context="round=2"),
             pct("b", "fr", 26.8, subject=JARA, sentence_no=6, offset=300)]
    assert find_conflicts(facts) == []


def test_runoff_partner_in_the_tagged_sentence_counts():
    a = pct("a", "es", 58.2, context="round=2")
    b = pct("a", "es", 41.3, subject=JARA, offset=40)
    b.sentence = a.sentence
    [c] = find_conflicts([a, b])
    assert c.kind == "arithmetic" and {v.value for v in c.values} == {58.2, 41.3}


def test_third_candidate_left_unsaid_not_summed_with_runoff():
    facts = [pct("a", "en", 58.2, context="round=2"), pct("b", "fr", 41.8, subject=JARA, context="round=2"),
             pct("c", "es", 19.7, subject="Franco Parisi", sentence_no=3)]
    assert find_conflicts(facts) == []


def test_first_round_said_above_100_across_reports():
    facts = [pct("a", "fr", 35.0, context="round=1"), pct("b", "es", 40.0, subject=JARA, context="round=1"),
             pct("c", "en", 30.0, subject="Franco Parisi", context="round=1")]
    [c] = find_conflicts(facts)
    assert c.kind == "arithmetic" and "more than 100 %" in c.explanation and len(c.values) == 3


def test_long_conflicts_name_a_few_figures_and_keep_all_evidence():
    [c] = find_conflicts([pct(f"d{i}", ["fr", "es", "en"][i % 3], 50 + i / 10) for i in range(9)])
    assert len(c.values) == 9 and "3 more figures" in c.explanation


@pytest.mark.parametrize("sa,sb", [("Léon XIV", "León XIV"), ("Gérard Lopèz", "Gérard Lopéz")])
def test_two_accented_language_forms_not_flagged(sa, sb):
    assert find_conflicts([person("a", "fr", sa, "P"), person("b", "es", sb, "P")]) == []


def test_name_evidence_is_each_reports_first_mention_whatever_order_the_facts_come_in():
    # Reports name the person many times; the stream gives their mentions last first.
    facts = [person(doc, lang, spelling, "José Jerí", start=start)
             for doc, lang, spelling in (("a", "fr", "José Jeri"), ("b", "en", "José Jerí"))
             for start in (40, 400, 4000)]
    facts += [person("b", "en", "Jerí", "José Jerí", start=20), person("c", "es", "José Jerí", "José Jerí")]
    facts[-1].value = "José Jeri"            # a canonical name given once otherwise
    [c] = find_conflicts(reversed(facts), include_precision=True)
    assert [(v.doc, v.start, v.value) for v in c.values] == [("a", 40, "José Jeri"), ("b", 40, "José Jerí"),
                                                             ("c", 0, "José Jerí")]
    assert c.subject == "José Jerí"         # the canonical name most mentions give (7 of 8)


def test_name_subject_is_the_canonical_value_not_the_entity_id():
    a, b = person("a", "fr", "José Jeri", "José Jerí"), person("b", "en", "José Jerí", "José Jerí")
    a.entity = b.entity = "person:jose-jeri"
    [c] = find_conflicts([a, b], include_precision=True)
    assert c.subject == "José Jerí" and c.explanation.startswith("José Jerí is spelt")


# --------------------------------------------------------------------------- unseen-news false alarms
PETRO, HERNANDEZ = "Gustavo Petro", "Rodolfo Hernández"
# One sentence, two figures: the runner-up's figure given to the winner upstream.
TWO_FIGURE_SENTENCES = {
    "fr": ["Petro a remporté le second tour avec {a} des voix, devant Hernández, crédité de {b}.",
           "Petro l'emporte avec {a} des suffrages, contre {b} pour son rival.",
           "Petro a obtenu {a} des voix, suivi de Hernández avec {b}."],
    "es": ["Petro ganó con el {a} de los votos, frente al {b} de Hernández.",
           "Petro se impuso con el {a}, seguido de Hernández con el {b}.",
           "Petro obtuvo el {a} de los votos y Hernández, el {b}."],
    "en": ["Petro won with {a} of the vote, defeating Hernandez, who took {b}.",
           "Petro took {a} of the vote, ahead of Hernandez with {b}.",
           "Petro won {a} of the vote against {b} for Hernandez."],
}


def in_sentence(doc, lang, template, a, b, which, subject=PETRO, context="round=2"):
    xa, xb = written(a, 2 if a * 100 % 10 else 1, lang), written(b, 2 if b * 100 % 10 else 1, lang)
    sentence = template.format(a=xa, b=xb)
    x, value = (xa, a) if which == "a" else (xb, b)
    start = sentence.index(x)
    return Fact(doc=doc, lang=lang, kind="percentage", text=x, start=start, end=start + len(x),
                sentence=sentence, value=value, decimals=len(x.rstrip(" %").replace(",", ".").partition(".")[2]),
                unit="percent", subject=subject, attribute="vote_share", context=context)


@pytest.mark.parametrize("lang,n", [(lang, n) for lang in ("fr", "es", "en") for n in range(3)])
def test_two_figures_of_one_sentence_never_compared(lang, n):
    template = TWO_FIGURE_SENTENCES[lang][n]
    facts = [in_sentence("a", lang, template, 50.44, 47.31, "a"), in_sentence("a", lang, template, 50.44, 47.31, "b")]
    assert find_conflicts(facts) == []


@pytest.mark.parametrize("lang,n", [(lang, n) for lang in ("fr", "es", "en") for n in range(3)])
def test_misattributed_same_sentence_figure_not_compared_across_reports(lang, n):
    # the slip (47.31 given to Petro) is not held against another report's 50.4 for Petro
    template = TWO_FIGURE_SENTENCES[lang][n]
    other = {"fr": "en", "es": "fr", "en": "es"}[lang]
    facts = [in_sentence("a", lang, template, 50.44, 47.31, "a"), in_sentence("a", lang, template, 50.44, 47.31, "b"),
             pct("b", other, 50.4, subject=PETRO, context="round=2")]
    assert [c for c in find_conflicts(facts) if c.kind == "value"] == []


def test_same_sentence_other_subjects_still_compared_across_reports():
    template = TWO_FIGURE_SENTENCES["es"][0]
    facts = [in_sentence("a", "es", template, 50.44, 47.31, "a"),
             in_sentence("a", "es", template, 50.44, 47.31, "b", subject=HERNANDEZ),
             pct("b", "en", 48.3, subject=HERNANDEZ, context="round=2")]
    [c] = [c for c in find_conflicts(facts) if c.kind == "value"]
    assert c.subject == HERNANDEZ and sorted(v.value for v in c.values) == [47.31, 48.3]


@pytest.mark.parametrize("la,lb", LANG_PAIRS)
def test_close_values_still_conflict_across_reports(la, lb):
    [c] = find_conflicts([pct("a", la, 58.1), pct("b", lb, 58.2)])
    assert c.kind == "value" and c.severity == "minor"


WEEKDAYS = [("fr", "dimanche"), ("es", "el domingo"), ("en", "on Sunday"), ("fr", "lundi"), ("es", "el martes"),
            ("en", "last Monday")]


@pytest.mark.parametrize("lang,text", WEEKDAYS)
def test_corpus_anchored_date_is_never_an_accusation(lang, text):
    facts = [date("a", lang, text, "2022-06-12", event="election", participants=[PETRO, "Colombia"],
                  resolution="corpus_anchored"),
             date("b", "en", "June 19", "2022-06-19", event="election", participants=[PETRO], resolution="explicit"),
             date("c", "es", "el 19 de junio", "2022-06-19", event="election", participants=[PETRO],
                  resolution="explicit")]
    facts[0].timex = "XXXX-WXX-7"
    assert find_conflicts(facts) == []
    facts[0].resolution, facts[0].timex = "explicit", "XXXX-06-12"   # said in full, they do disagree
    [c] = find_conflicts(facts)
    assert c.kind == "date" and len(c.values) == 3


@pytest.mark.parametrize("lang,text", WEEKDAYS)
def test_weekday_one_week_off_is_anchor_ambiguity(lang, text):
    a = date("a", lang, text, "2022-06-12", event="election", participants=[PETRO])
    a.timex = "XXXX-WXX-7"
    b = date("b", "en", "Sunday", "2022-06-19", event="election", participants=[PETRO])
    b.timex = "XXXX-WXX-7"
    assert find_conflicts([a, b]) == []
    b.timex = "XXXX-06-19"                 # one side a bare weekday is enough for doubt
    assert find_conflicts([a, b]) == []
    b.value, b.timex = "2022-06-13", "XXXX-WXX-1"      # a day apart: a real disagreement
    [c] = find_conflicts([a, b])
    assert c.kind == "date"


EXPLICIT_DISAGREEMENTS = [
    ("fr", "le 14 décembre", "2025-12-14", "en", "December 15", "2025-12-15"),
    ("es", "el 14 de diciembre", "2025-12-14", "en", "on December 21", "2025-12-21"),
    ("fr", "le 12 juin", "2022-06-12", "es", "el 19 de junio", "2022-06-19"),
    ("en", "June 12", "2022-06-12", "fr", "le 19 juin", "2022-06-19"),
]


@pytest.mark.parametrize("la,ta,va,lb,tb,vb", EXPLICIT_DISAGREEMENTS)
def test_explicit_dates_still_conflict_even_a_week_apart(la, ta, va, lb, tb, vb):
    a = date("a", la, ta, va, event="election", participants=[KAST], resolution="explicit")
    b = date("b", lb, tb, vb, event="election", participants=[KAST], resolution="explicit")
    a.timex, b.timex = "XXXX" + va[4:], "XXXX" + vb[4:]
    [c] = find_conflicts([a, b])
    assert c.kind == "date" and [v.value for v in c.values] == [va, vb]


@pytest.mark.parametrize("lang", ["fr", "es", "en"])
def test_runoff_shares_of_a_report_counting_blank_ballots_not_flagged(lang):
    # Colombia's official shares include blank ballots: 50.44 + 47.31 = 97.75, in every report
    facts = [pct("a", lang, 50.44, 2, subject=PETRO, context="round=2"),
             pct("a", lang, 47.31, 2, subject=HERNANDEZ, context="round=2", sentence_no=3, offset=300),
             pct("b", "en" if lang != "en" else "fr", 50.4, subject=PETRO, context="round=2")]
    assert find_conflicts(facts) == []


# --------------------------------------------------------------------------- many reports of one figure

def test_a_figure_many_reports_repeat_is_compared_once_and_every_report_is_evidence():
    facts = [pct(f"fr{n:04d}", "fr", 58.1, sentence_no=n) for n in range(2000)]
    facts += [pct(f"en{n:04d}", "en", 58.2, sentence_no=n) for n in range(1000)]
    assert len(_Group(_claims(facts), {}).nodes) == 2          # two figures, whatever the reports
    [c] = find_conflicts(facts)
    assert (c.kind, c.severity) == ("value", "minor")
    assert len(c.values) == 3000 and len({v.doc for v in c.values}) == 3000
    assert c.explanation.startswith("3,000 reports give figures for José Antonio Kast's vote share: 1,000 reports "
                                    "give 58.2 % (first the English report (en0000)); 2,000 reports give 58.1 % "
                                    "(first the French report (fr0000)).")
    assert len(c.explanation) < 600                                 # however many reports


def test_a_date_or_name_many_reports_give_is_explained_in_a_few_lines():
    dates = [date(f"a{n:04d}", "en", "December 16", "2025-12-16", resolution="explicit") for n in range(1000)]
    dates += [date(f"b{n:04d}", "fr", "le 17 décembre", "2025-12-17", resolution="explicit") for n in range(500)]
    [c] = find_conflicts(dates)
    assert "1,000 reports date it to 16 December 2025 (first the English report (a0000): 'December 16'" in c.explanation
    assert "500 reports date it to 17 December 2025 (first the French report (b0000)" in c.explanation
    names = [person(f"a{n:04d}", "fr", "José Jeri", "José Jerí") for n in range(700)]
    names += [person(f"b{n:04d}", "en", "José Jerí", "José Jerí") for n in range(300)]
    [c] = find_conflicts(names, include_precision=True)
    assert c.explanation.startswith("José Jerí is spelt 'José Jeri' in 700 reports (first the French report (a0000)) "
                                    "and 'José Jerí' in 300 reports (first the English report (b0000))")
    assert len(c.values) == 1000


def test_a_date_many_reports_repeat_is_one_conflict_listing_every_report():
    facts = [date(f"a{n:04d}", "en", "December 16", "2025-12-16", resolution="explicit") for n in range(1000)]
    facts += [date(f"b{n:04d}", "fr", "le 17 décembre", "2025-12-17", resolution="explicit") for n in range(500)]
    [c] = find_conflicts(facts)
    assert c.kind == "date" and len(c.values) == 1500
    assert [v.value for v in c.values[999:1001]] == ["2025-12-16", "2025-12-17"]


def copies_of(facts: list[Fact], doc: str | None, copy: int = 0) -> list[Fact]:
    """The facts under another report id: `doc`, or '<copy>/<their own id>'."""
    return [Fact.from_dict({**f.to_dict(), "doc": doc or f"{copy}/{f.doc}"}) for f in facts]


def test_copies_of_a_report_are_in_the_same_conflicts():
    # A wire story and its reprint each give 58.1 and 58.2 (two moments, or two things: a report is
    # never compared with itself, nor with its reprint); a third report says 58.2.
    wire = [pct("wire", "en", 58.1, sentence_no=0), pct("wire", "en", 58.2, sentence_no=6, offset=300)]
    facts = wire + copies_of(wire, "reprint") + [pct("other", "fr", 58.2)]
    [c] = find_conflicts(facts)
    assert sorted((v.doc, v.value) for v in c.values) == [("other", 58.2), ("reprint", 58.1), ("wire", 58.1)]


def test_copies_of_a_report_giving_two_figures_under_two_contexts_agree():
    # Each copy gives the runoff's 55.69 % and, unqualified, 58.17 %: a report that keeps the two apart
    # is not contradicted by its own reprint.
    wire = [pct("wire", "en", 55.69, 2, context="round=2;year=2025"),
            pct("wire", "en", 58.17, 2, sentence_no=4, offset=300)]
    assert find_conflicts(wire + copies_of(wire, "reprint")) == []


def random_reports(rng: random.Random, reports: int) -> list[Fact]:
    facts = []
    for n in range(reports):
        doc, lang = f"r{n:02d}", rng.choice(["fr", "es", "en"])
        for k in range(rng.randint(1, 3)):
            value, decimals = rng.choice([(58.1, 1), (58.2, 1), (58.0, 0), (58.17, 2), (55.69, 2), (55.7, 1), (64.1, 1)])
            facts.append(pct(doc, lang, value, decimals, subject=rng.choice([KAST, JARA]),
                             context=rng.choice([None, None, "round=2", "round=1", "year=2021", "contest=poll"]),
                             sentence_no=rng.randrange(12), offset=300 * k))
        if rng.random() < 0.5:
            day = rng.choice(["2025-12-15", "2025-12-16", "2025-12-17"])
            facts.append(date(doc, lang, day, day, event=rng.choice(["visit", "meeting"]), start=900,
                              participants=rng.sample([KAST, "Javier Milei", "Daniel Noboa"], rng.randint(1, 2))))
    return facts


def _shape(conflicts) -> list[tuple]:
    """What a conflict says with the copies folded back into their report ('k/r07' -> 'r07')."""
    return sorted((c.kind, c.subject, c.attribute, c.severity,
                   tuple(sorted({(v.doc.split("/")[-1], v.start, str(v.value)) for v in c.values})))
                  for c in conflicts if c.kind != "arithmetic")    # sums are checked per report: one per copy


@pytest.mark.parametrize("seed", range(60))
def test_one_more_copy_of_every_report_changes_no_conflict(seed):
    # With every report already present twice, a third copy of each adds evidence, never a new finding:
    # reports saying the same are compared alike.
    facts = random_reports(random.Random(seed), 8)
    twice = _shape(find_conflicts([f for k in range(2) for f in copies_of(facts, None, k)], include_precision=True))
    thrice = _shape(find_conflicts([f for k in range(3) for f in copies_of(facts, None, k)], include_precision=True))
    assert twice and twice == thrice


def test_a_figure_said_again_with_its_stage_or_round_is_one_claim():
    # a headline's figure and the body's, which says the count or the round: one claim of the report
    facts = [pct("a", "es", 89.2, offset=0), pct("a", "es", 89.2, offset=300, sentence_no=1),
             pct("b", "fr", 90.7, context="round=1"), pct("b", "fr", 90.7, offset=400, sentence_no=2)]
    facts[1].counted = 95.0
    [c] = find_conflicts(facts)
    assert [(v.doc, v.start > 200) for v in c.values] == [("a", True), ("b", False)]
