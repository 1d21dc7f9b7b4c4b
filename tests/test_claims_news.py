"""Claims on the phrasings real election news use, in fr/es/en (the team's own sentences, with
invented people, parties and bodies): who a figure belongs to, what it is of, how exactly, at
which stage of the count; and the report-level completion of stages."""
import re

import pytest

from kastfacts.claims import (Claim, DocumentCues, EntityRef, attribute_percentages, document_claims, document_cues,
                              lead_stage)
from kastfacts.percentages import find_percentages

QUIROGA, ILABACA, SOTO = "Marta Quiroga", "Tomás Ilabaca", "Rubén Soto"
KNOWN = {
    "Marta Quiroga": ("person", QUIROGA), "Quiroga": ("person", QUIROGA),
    "Tomás Ilabaca": ("person", ILABACA), "Ilabaca": ("person", ILABACA),
    "Rubén Soto": ("person", SOTO), "Soto": ("person", SOTO),
    "Consejo Electoral": ("organization", "Consejo Electoral"),
    "Conseil électoral": ("organization", "Conseil électoral"),
    "Electoral Council": ("organization", "Electoral Council"),
    "Oficina Nacional de Escrutinio": ("organization", "Oficina Nacional de Escrutinio"),
    "ONE": ("organization", "ONE"),
    "Frente Cívico": ("organization", "Frente Cívico"), "FC": ("organization", "FC"),
    "Unión Verde": ("organization", "Unión Verde"), "Union verte": ("organization", "Union verte"),
    "Green Union": ("organization", "Green Union"),
    "Partido Azul": ("organization", "Partido Azul"),
    "Sondeos Andinos": ("organization", "Sondeos Andinos"),
    "Valparaíso": ("place", "Valparaíso"),
}


def refs(text, known=KNOWN):
    found = []
    for surface, (kind, name) in sorted(known.items(), key=lambda kv: -len(kv[0])):
        for m in re.finditer(rf"(?<!\w){re.escape(surface)}(?!\w)", text):
            if not any(e.start < m.end() and m.start() < e.end for e in found):
                found.append(EntityRef(m.start(), m.end(), kind, name, "city" if kind == "place" else None))
    return sorted(found, key=lambda e: e.start)


def claims(nlp, lang, text, fallback=None, cues=None) -> list[Claim]:
    spans = [(m.start, m.end) for m in find_percentages(text, lang)]
    got = attribute_percentages(nlp(lang, text), lang, spans, refs(text), fallback,
                                cues or DocumentCues(electoral=True))
    assert len(got) == len(spans)
    return got


def who(nlp, lang, text, fallback=None, cues=None):
    return [(c.subject, c.attribute) for c in claims(nlp, lang, text, fallback, cues)]


# 1. An electoral body, a pollster or a source never owns a share.
AUTHORITY = [
    ("es", "Según el Consejo Electoral, Quiroga obtuvo el 52,4 % de los votos.", [(QUIROGA, "vote_share")]),
    ("es", "La Oficina Nacional de Escrutinio (ONE) dio a Quiroga como ganadora con el 52,4 %.", [(QUIROGA, "vote_share")]),
    ("fr", "Le Conseil électoral a donné Quiroga gagnante avec 52,4 % des voix.", [(QUIROGA, "vote_share")]),
    ("en", "The Electoral Council said Quiroga won 52.4% of the vote.", [(QUIROGA, "vote_share")]),
]


@pytest.mark.parametrize("lang,text,want", AUTHORITY, ids=[f"{c[0]}-{i}" for i, c in enumerate(AUTHORITY)])
def test_an_electoral_body_is_never_the_subject(nlp, lang, text, want):
    assert who(nlp, lang, text) == want


# 2. Two figures of one sentence: each to its own candidate (enumerations, contrasts, rivals).
PAIRS = [
    ("es", "Quiroga 52,4 % y Ilabaca 47,6 %, según el conteo oficial.", [QUIROGA, ILABACA]),
    ("es", "Quiroga obtuvo el 52,4 %, mientras que su rival, Tomás Ilabaca, sumó un 47,6 %.", [QUIROGA, ILABACA]),
    ("fr", "Quiroga l'emporte avec 52,4 % des voix contre 47,6 % à son rival, Tomás Ilabaca.", [QUIROGA, ILABACA]),
    ("fr", "Quiroga (52,4 %) devance Ilabaca (47,6 %).", [QUIROGA, ILABACA]),
    ("en", "Quiroga and Ilabaca had 52.4% and 47.6% respectively.", [QUIROGA, ILABACA]),
    ("en", "Quiroga won 52.4% of the vote, compared with Ilabaca's 47.6%.", [QUIROGA, ILABACA]),
]


@pytest.mark.parametrize("lang,text,want", PAIRS, ids=[f"{c[0]}-{i}" for i, c in enumerate(PAIRS)])
def test_figures_of_one_sentence_go_to_their_own_candidates(nlp, lang, text, want):
    assert [s for s, _ in who(nlp, lang, text)] == want


# A win over the one named: "defeating Y by A to B" gives A to the winner and B to Y.
SCORES = [
    ("en", "Marta Quiroga won on Sunday, defeating Tomás Ilabaca by 52.4 percent to 47.6 percent.", [QUIROGA, ILABACA]),
    ("es", "Marta Quiroga ganó el domingo y derrotó a Tomás Ilabaca por 52,4 % a 47,6 %.", [QUIROGA, ILABACA]),
    ("fr", "Marta Quiroga l'a emporté dimanche, battant Tomás Ilabaca par 52,4 % contre 47,6 %.", [QUIROGA, ILABACA]),
    ("en", "Quiroga beat Ilabaca 52.4 percent to 47.6 percent.", [QUIROGA, ILABACA]),
]


@pytest.mark.parametrize("lang,text", [
    ("en", "Quiroga won by 4.8 points over Ilabaca."),
    ("es", "Quiroga ganó por 4,8 puntos a Ilabaca."),
    ("fr", "Quiroga l'emporte de 4,8 points sur Ilabaca."),
])
def test_a_win_by_points_is_the_winners_margin(nlp, lang, text):
    cues = DocumentCues(electoral=True, rivals=(QUIROGA, ILABACA))
    assert who(nlp, lang, text, cues=cues) == [(QUIROGA, "margin_pp")]


@pytest.mark.parametrize("lang,text,want", SCORES, ids=[f"{c[0]}-{i}" for i, c in enumerate(SCORES)])
def test_a_score_after_the_loser_is_the_winners_then_the_losers(nlp, lang, text, want):
    cues = DocumentCues(electoral=True, rivals=(QUIROGA, ILABACA))
    assert [s for s, _ in who(nlp, lang, text, cues=cues)] == want


def test_a_name_inside_a_description_between_commas_is_not_the_subject(nlp):
    text = "Son rival, Tomás Ilabaca, soutenu par le gouvernement de Rubén Soto, obtient 47,6 %."
    assert who(nlp, "fr", text) == [(ILABACA, "vote_share")]


@pytest.mark.parametrize("lang,text", [
    ("fr", "Son rival, Tomás Ilabaca, soutenu par le président sortant Rubén Soto, arrive deuxième avec 35,8 %."),
    ("es", "Su rival, Tomás Ilabaca, respaldado por el presidente saliente Rubén Soto, quedó segundo con el 35,8 %."),
    ("en", "His rival, Tomás Ilabaca, backed by outgoing President Rubén Soto, came second with 35.8%."),
])
def test_the_titled_agent_of_a_participle_between_commas_is_not_the_subject(nlp, lang, text):
    assert who(nlp, lang, text)[0][0] == ILABACA


def test_the_pollster_of_an_exit_poll_is_not_a_candidate(nlp):
    cues = DocumentCues(electoral=True, rivals=(QUIROGA, ILABACA))
    text = "An exit poll by Sondeos Andinos gave Quiroga a narrow lead, 50.3 percent to Ilabaca's 49.7 percent."
    assert [s for s, _ in who(nlp, "en", text, cues=cues)] == [QUIROGA, ILABACA]


BARS = [
    ("fr", "Unión Verde reste sous la barre des 7 %, à 6,57 %.", [("upper_bound", "Unión Verde"), (None, "Unión Verde")]),
    ("es", "Unión Verde quedó por debajo de la barrera del 5 %, con un 4,2 %.", [("upper_bound", "Unión Verde"),
                                                                               (None, "Unión Verde")]),
    ("en", "Green Union crossed the 10 percent mark, winning 10.4 percent.", [("lower_bound", "Green Union"),
                                                                             (None, "Green Union")]),
]


@pytest.mark.parametrize("lang,text,want", BARS, ids=[f"{c[0]}-{i}" for i, c in enumerate(BARS)])
def test_a_bar_beside_the_figure_is_a_bound_of_the_same_subject(nlp, lang, text, want):
    assert [(c.qualifier, c.subject) for c in claims(nlp, lang, text)] == want


def test_a_legal_threshold_beside_a_partys_figure_is_the_only_rule(nlp):
    got = claims(nlp, "es", "Unión Verde obtuvo un 4,2 %, por debajo del umbral del 5 %.")
    assert [(c.subject, c.attribute) for c in got] == [("Unión Verde", "vote_share"), (None, "other")]


CHASED = [
    ("fr", "Marta Quiroga recueille 40,2 % des voix, talonnée par Tomás Ilabaca (39,5 %).", [QUIROGA, ILABACA]),
    ("es", "Marta Quiroga suma el 40,2 % de los votos, seguida por Tomás Ilabaca (39,5 %).", [QUIROGA, ILABACA]),
    ("en", "Marta Quiroga had 40.2% of the vote, followed by Tomás Ilabaca (39.5%).", [QUIROGA, ILABACA]),
]


@pytest.mark.parametrize("lang,text,want", CHASED, ids=[f"{c[0]}-{i}" for i, c in enumerate(CHASED)])
def test_a_rival_named_after_followed_by_does_not_own_the_figure(nlp, lang, text, want):
    assert [s for s, _ in who(nlp, lang, text)] == want


def test_a_word_describing_a_party_is_not_its_name(nlp):
    assert who(nlp, "en", "Ruling party candidate Marta Quiroga trailed far behind at 19.2%.") == [
        (QUIROGA, "vote_share")]


def test_an_approximate_count_is_a_stage_for_the_figures_after_it():
    done = document_claims([(88.0, Claim(None, "counted_share", qualifier="approximate")),
                            (19.2, Claim(QUIROGA, "vote_share"))])
    assert (done[1].counted, done[1].stage) == (88.0, "partial")


def test_a_quoted_side_after_de_owns_the_figure_and_a_named_side_is_not_a_dropped_subject(nlp):
    cues = DocumentCues(electoral=True, plebiscite=True)
    text = 'Con el 90 % de las actas, el "No" a la reforma se imponía con el 60,6 %, frente al 39,4 % del "Sí".'
    got = [(c.subject, c.attribute) for c in claims(nlp, "es", text, fallback=QUIROGA, cues=cues)]
    assert got == [(None, "counted_share"), ("@no", "vote_share"), ("@yes", "vote_share")]


@pytest.mark.parametrize("lang,text", [
    ("fr", "Selon des résultats partiels portant sur 90 % des bulletins, le non l'emporte."),
    ("es", "Según datos preliminares sobre el 90 % de los votos, gana el No."),
    ("en", "According to partial results covering 90% of the votes, No leads."),
])
def test_results_resting_on_a_share_of_the_votes_give_the_count(nlp, lang, text):
    assert [c.attribute for c in claims(nlp, lang, text)] == ["counted_share"]


def test_the_loser_named_after_a_defeat_verb_does_not_own_the_winners_figure(nlp):
    text = "Marta Quiroga a battu l'ancien président Tomás Ilabaca dimanche, en obtenant 52,8 % des voix contre 47,2 %."
    assert [s for s, _ in who(nlp, "fr", text)] == [QUIROGA, ILABACA]


@pytest.mark.parametrize("lang,text", [
    ("es", "Con el 99 % de las juntas receptoras escrutadas, Quiroga lidera."),
    ("en", "With 99% of voting centres counted, Quiroga leads."),
])
def test_a_count_of_units_the_tables_do_not_know(nlp, lang, text):
    assert [c.attribute for c in claims(nlp, lang, text)] == ["counted_share"]


TRAILING = [
    ("en", "Her rival Tomás Ilabaca, who trailed by 2.4 percentage points, conceded."),
    ("es", "En la votación, Tomás Ilabaca quedó a 2,4 puntos de la ganadora."),
    ("fr", "Au scrutin, Tomás Ilabaca termine à 2,4 points de la gagnante."),
    ("en", "Tomás Ilabaca finished 2.4 points behind."),
]


@pytest.mark.parametrize("lang,text", TRAILING, ids=[f"{c[0]}-{i}" for i, c in enumerate(TRAILING)])
def test_a_margin_said_of_the_one_behind_is_the_leaders(nlp, lang, text):
    cues = DocumentCues(electoral=True, rivals=(QUIROGA, ILABACA))
    assert who(nlp, lang, text, cues=cues) == [(QUIROGA, "margin_pp")]


@pytest.mark.parametrize("lang,text", [
    ("en", "Turnout fell to 68.5%, down from 72.1% in the first round."),
    ("es", "La participación cayó al 68,5 %, frente al 72,1 % de la primera vuelta."),
    ("fr", "La participation s'établit à 68,5 %, contre 72,1 % au premier tour."),
])
def test_the_round_named_for_the_figure_set_against_is_not_this_ones(lang, text):
    from kastfacts.claims import _context
    start = text.index("68")
    assert _context(text, start, start + 6, lang) is None
    other = text.index("72")
    assert _context(text, other, other + 6, lang) == "round=1"


def test_a_news_agency_is_never_the_subject(nlp):
    text = "VALPARAÍSO (AFP) - Quiroga's Green Union won about 33 percent of the vote."
    assert who(nlp, "en", text) == [("Green Union", "vote_share")]


def test_a_party_after_its_leaders_possessive_is_the_subject(nlp):
    text = "Rubén Soto's centrist Green Union trailed in third on 20.8 percent."
    assert who(nlp, "en", text) == [("Green Union", "vote_share")]


def test_a_figure_set_against_a_candidates_goes_to_the_rival(nlp):
    cues = DocumentCues(electoral=True, rivals=(QUIROGA, ILABACA))
    text = "Quiroga obtuvo el 52,4 %, mientras que la candidata oficialista tuvo el 47,6 %."
    assert [s for s, _ in who(nlp, "es", text, fallback=QUIROGA, cues=cues)] == [QUIROGA, ILABACA]


def test_a_person_named_inside_a_description_is_not_the_one_described(nlp):
    text = "El delfín del exmandatario Rubén Soto obtuvo el 55,1 % de los votos."
    assert who(nlp, "es", text, fallback=QUIROGA) == [(QUIROGA, "vote_share")]


def test_the_other_candidates_are_one_subject(nlp):
    assert who(nlp, "es", "Quiroga con 60 %. Otros candidatos con 3 % de votos.") == [
        (QUIROGA, "vote_share"), ("other candidates", "vote_share")]


# 3. Whole-contest figures: nobody's (the corpus pass gives them the contest's name).
CONTEST_FIGURES = [
    ("es", "La participación fue del 71,2 %.", "turnout"),
    ("es", "El 71,2 % de los electores votó este domingo.", "turnout"),
    ("fr", "Près de 71 % des électeurs se sont rendus aux urnes.", "turnout"),
    ("en", "Some 71.2% of registered voters took part in the election.", "turnout"),
    ("es", "Hubo un millón de votos nulos, que representan el 5,8 % del total.", "null_votes"),
    ("fr", "Les bulletins blancs ont représenté 1,2 % des suffrages.", "blank_votes"),
    ("en", "Blank ballots accounted for 1.2% of the votes cast.", "blank_votes"),
    ("es", "Con el 92,5 % de las actas procesadas, el Consejo Electoral dio su segundo boletín.", "counted_share"),
    ("fr", "Après le dépouillement de 92,5 % des bulletins, le résultat est connu.", "counted_share"),
    ("en", "With 92.5% of precincts reporting, the race was called.", "counted_share"),
    ("en", "With 98% of the expected vote counted, the race was called.", "counted_share"),
    ("es", "Al 90 % del escrutinio, la tendencia era irreversible.", "counted_share"),
]


@pytest.mark.parametrize("lang,text,attribute", CONTEST_FIGURES, ids=[f"{c[0]}-{i}" for i, c in enumerate(CONTEST_FIGURES)])
def test_whole_contest_figures_have_no_candidate(nlp, lang, text, attribute):
    assert who(nlp, lang, text, fallback=QUIROGA) == [(None, attribute)]


def test_a_share_of_votes_ending_in_in_is_not_a_count(nlp):
    text = "Quiroga obtained 52.4% of votes in the capital's runoff."
    assert who(nlp, "en", text)[0][1] != "counted_share"


# 4. What else a figure can be of.
ATTRIBUTES = [
    ("es", "Quiroga se impuso con una ventaja de 4,8 puntos sobre Ilabaca.", (QUIROGA, "margin_pp")),
    ("fr", "Quiroga a remporté une victoire de plus de dix points sur Ilabaca.", (QUIROGA, "margin_pp")),
    ("en", "Quiroga kept a 5-point lead over Ilabaca throughout the count.", (QUIROGA, "margin_pp")),
    ("es", "La encuestadora Sondeos Andinos le daba a Quiroga un 49 %.", (QUIROGA, "poll_share")),
    ("en", "An exit poll gave Quiroga 49%.", (QUIROGA, "poll_share")),
    ("es", "La ley exige el 40 % de los votos para ganar en primera vuelta.", (None, "other")),
    ("en", "Quiroga's support rose by 3% since March.", (None, "other")),
]


@pytest.mark.parametrize("lang,text,want", ATTRIBUTES, ids=[f"{c[0]}-{i}" for i, c in enumerate(ATTRIBUTES)])
def test_margins_polls_rules_and_changes(nlp, lang, text, want):
    subject, attribute = who(nlp, lang, text)[0]
    assert attribute == want[1] and (want[0] is None or subject == want[0])


def test_a_pollster_forecast_is_a_poll_but_the_electoral_bodys_projection_is_a_result(nlp):
    assert who(nlp, "es", "Según las proyecciones de la consultora, Quiroga tendría el 51 %.")[0][1] == "poll_share"
    assert who(nlp, "en", "The Electoral Council announced that, according to its projections, Quiroga had "
                          "51.2% of the votes.")[0] == (QUIROGA, "vote_share")


def test_a_share_in_a_region_is_not_the_contests(nlp):
    got = who(nlp, "es", "En regiones como Valparaíso, Quiroga ganó con cerca del 60 %.")
    assert got[0][1] == "other"


# 5. How exactly: bounds and approximations.
QUALIFIERS = [
    ("es", "Quiroga obtuvo más del 52 % de los votos.", "lower_bound"),
    ("fr", "Quiroga a recueilli plus de 52 % des voix.", "lower_bound"),
    ("en", "Quiroga won over 52% of the vote.", "lower_bound"),
    ("es", "Quiroga obtuvo casi el 52 % de los votos.", "upper_bound"),
    ("fr", "Quiroga a obtenu près de 52 % des voix.", "upper_bound"),
    ("en", "Quiroga won almost 52% of the vote.", "upper_bound"),
    ("es", "Quiroga podría obtener hasta 52 % de los votos.", "upper_bound"),      # no article after "hasta"
    ("es", "Quiroga obtuvo cerca del 52 % de los votos.", "approximate"),
    ("fr", "Quiroga a obtenu environ 52 % des voix.", "approximate"),
    ("en", "Quiroga won about 52% of the vote.", "approximate"),
    ("en", "Quiroga won 52.4% of the vote.", None),
]


@pytest.mark.parametrize("lang,text,want", QUALIFIERS, ids=[f"{c[0]}-{i}" for i, c in enumerate(QUALIFIERS)])
def test_qualifiers(nlp, lang, text, want):
    [c] = claims(nlp, lang, text)
    assert c.qualifier == want and c.subject == QUIROGA


# 6. Which contest: the first round, an earlier year, said in the figure's own clause.
def test_first_round_and_earlier_year_are_said_for_the_figure(nlp):
    [c] = claims(nlp, "es", "En la primera vuelta, Quiroga había logrado un 44 %.")
    assert c.context == "round=1"
    [c] = claims(nlp, "fr", "Lors de l'élection de 2019, Quiroga avait obtenu 38 % des voix.")
    assert c.context == "year=2019"
    # a year that is a point of comparison is not the figure's contest
    [c] = claims(nlp, "es", "Quiroga obtuvo 20 escaños más que en las elecciones de 2019, con un 33 % de los votos.")
    assert c.context is None


# 7. Stages of the count: the figure's own clause, then the report's last stated stage.
def test_each_clause_takes_its_own_count(nlp):
    text = ("El primer boletín dio a Quiroga el 52,5 % con 0,8 de las mesas escrutadas, pero en el segundo "
            "Ilabaca pasó al frente con el 54,9 % y el 1,5 % de las mesas escrutadas.")
    got = [(c.subject, c.attribute, c.counted) for c in claims(nlp, "es", text)]
    assert got == [(QUIROGA, "vote_share", 0.8), (None, "counted_share", None),
                   (ILABACA, "vote_share", 1.5), (None, "counted_share", None)]


def test_a_report_states_its_stage_once():
    at = Claim(None, "counted_share")
    share = Claim(QUIROGA, "vote_share")
    # a stated partial count applies to what follows it, not to what comes before
    done = document_claims([(52.4, share), (92.0, at), (52.1, share), (47.9, Claim(ILABACA, "vote_share"))])
    assert [(c.counted, c.stage) for c in done] == [(None, None), (None, None), (92.0, "partial"), (92.0, "partial")]
    # a report that says the count is complete reports final figures throughout
    done = document_claims([(52.4, share), (100.0, at)])
    assert (done[0].counted, done[0].stage) == (100.0, "final") and done[1].stage == "final"
    # a repeated counted share nobody owns is that share again ("Esto es con el 99,4 %")
    done = document_claims([(99.4, at), (52.4, share), (99.4, Claim(None, "vote_share"))])
    assert done[2].attribute == "counted_share"


def test_stage_words_without_a_count_hold_for_the_figures_after_them():
    final, share = Claim(QUIROGA, "vote_share", stage="final"), Claim(ILABACA, "vote_share")
    assert [c.stage for c in document_claims([(54.5, final), (45.5, share)])] == ["final", "final"]
    # a report whose only stage words say final is final throughout, before them too
    assert [c.stage for c in document_claims([(45.5, share), (54.5, final)])] == ["final", "final"]
    partial = Claim(QUIROGA, "vote_share", stage="partial")
    assert [c.stage for c in document_claims([(45.5, share), (54.5, partial), (45.5, share)])] == [
        None, "partial", "partial"]


@pytest.mark.parametrize("lang,text", [
    ("fr", "Selon des résultats quasi définitifs, Quiroga obtient 54,5 % des voix."),
    ("es", "Según resultados casi definitivos, Quiroga obtuvo el 54,5 % de los votos."),
    ("en", "With nearly all ballots counted, Quiroga had 54.5% of the vote."),
])
def test_near_final_words_are_the_final_stage(nlp, lang, text):
    assert [c.stage for c in claims(nlp, lang, text)] == ["final"]


# 8. Report-level cues.
def test_document_cues():
    text = ("La Oficina Nacional de Escrutinio (ONE) publicó los resultados del plebiscito. "
            "Quiroga, Quiroga e Ilabaca.")
    cues = document_cues(text, "es", [QUIROGA, QUIROGA, ILABACA], ["ONE"])
    assert cues.plebiscite and cues.rivals == (QUIROGA, ILABACA) and "ONE" in cues.authorities


SIDES = [
    ("es", "El Rechazo se imponía con el 61,9 % frente al 38,1 % de la aprobación.", ["@no", "@yes"]),
    ("fr", "Le « non » l'emporte avec 61,9 % des voix, contre 38,1 % pour le « oui ».", ["@no", "@yes"]),
    ("en", "The rejection camp had 61.9% compared with 38.1% for approval.", ["@no", "@yes"]),
    ("es", "El No se impuso con el 52,3 % de los votos, frente al 47,7 % del Sí.", ["@no", "@yes"]),
    ("en", "The Yes side won 54% against 46% for the No campaign.", ["@yes", "@no"]),
]


@pytest.mark.parametrize("lang,text,want", SIDES, ids=[f"{c[0]}-{i}" for i, c in enumerate(SIDES)])
def test_a_plebiscites_sides_are_subjects(nlp, lang, text, want):
    cues = DocumentCues(plebiscite=True, electoral=True)
    assert [(s, a) for s, a in who(nlp, lang, text, cues=cues)] == [(w, "vote_share") for w in want]


# 9. Parties: the party's figure, not its leader's, outside a presidential race; parties the model missed.
PARTIES = [
    ("fr", "Le Frente Cívico (FC, centre) de Marta Quiroga arrive en tête avec 31,2 % des voix.", "Frente Cívico"),
    ("es", "Unión Verde, el partido ecologista de Rubén Soto, obtuvo el 12,4 %.", "Unión Verde"),
    ("en", "The centrist Green Union (GU) finished second on 24.1%.", "Green Union"),
    ("en", "The far-right Libertad party surged to 18.1%.", "Libertad"),
    ("es", "El partido Renovación sumó un 9,8 % de los sufragios.", "Renovación"),
]


@pytest.mark.parametrize("lang,text,want", PARTIES, ids=[f"{c[0]}-{i}" for i, c in enumerate(PARTIES)])
def test_party_figures(nlp, lang, text, want):
    assert who(nlp, lang, text)[0] == (want, "vote_share")


def test_in_a_presidential_race_the_partys_figure_is_its_candidates(nlp):
    cues = DocumentCues(electoral=True, persons_first=True)
    assert who(nlp, "es", "El Frente Cívico de Marta Quiroga obtuvo el 52,4 %.", cues=cues)[0][0] == QUIROGA


def test_an_earlier_level_is_that_years_figure_or_nobodys(nlp):
    [_, earlier] = claims(nlp, "en", "Unión Verde surged to 18.1%, up from 7.2% in 2022.")
    assert earlier.context == "year=2022"
    [_, earlier] = claims(nlp, "en", "Unión Verde surged to 18.1%, up from 7.2%.")
    assert earlier.attribute == "other"
    [_, earlier] = claims(nlp, "es", "Unión Verde obtuvo el 18,07 %, frente al 7,2 % de 2022.")
    assert earlier.context == "year=2022"


def test_a_party_named_by_its_members_is_a_subject(nlp):
    assert who(nlp, "es", "Los populares habrían obtenido un apoyo del 32,8 % de los votos.")[0] == ("@party:populares", "vote_share")
    assert who(nlp, "en", "The Socialists had 31.7% of the vote.")[0] == ("@party:socialists", "vote_share")


# Estimates and earlier contests, as real reports word them.
@pytest.mark.parametrize("lang,text", [
    ("fr", "Quiroga, élu en 2018 avec 53,2 % des voix, ne se représentait pas."),
    ("es", "Quiroga, que fue electo en 2018 con el 53,2 % de los votos, no se presentaba."),
    ("en", "Quiroga, who was elected in 2018 with 53.2% of the vote, did not run again."),
])
def test_a_figure_of_the_year_someone_was_elected_is_that_elections(nlp, lang, text):
    assert [c.context for c in claims(nlp, lang, text)] == ["year=2018"]


@pytest.mark.parametrize("lang,text", [
    ("fr", "Selon le comptage rapide du Conseil électoral, Quiroga obtiendrait 52,4 % des voix."),
    ("es", "Según el recuento rápido del Consejo Electoral, Quiroga obtendría el 52,4 % de los votos."),
    ("en", "A rapid count by the Electoral Council showed Quiroga winning 52.4% of the vote."),
])
def test_a_quick_count_is_an_estimate(nlp, lang, text):
    assert who(nlp, lang, text) == [(QUIROGA, "poll_share")]


@pytest.mark.parametrize("lang,text", [
    ("en", "Quiroga won between 58.3% and 60.7% of the vote, the Electoral Council said."),
    ("es", "Quiroga obtuvo entre el 58,3 % y el 60,7 % de los votos, informó el Consejo Electoral."),
    ("fr", "Quiroga a recueilli entre 58,3 % et 60,7 % des suffrages, a indiqué le Conseil électoral."),
])
def test_a_share_given_as_a_range_is_an_estimate_whatever_sentence_named_its_source(nlp, lang, text):
    assert who(nlp, lang, text) == [(QUIROGA, "poll_share")]


@pytest.mark.parametrize("lang,text", [
    ("es", "Quiroga obtuvo el 59,8 %, más de 32 puntos por encima de Tomás Ilabaca, que logró el 27,4 %."),
    ("en", "Quiroga won 59.8%, a lead of 32 points over Tomás Ilabaca, who took 27.4%."),
    ("fr", "Quiroga obtient 59,8 %, soit 32 points de plus que Tomás Ilabaca, qui recueille 27,4 %."),
])
def test_a_percentage_after_a_lead_in_points_is_a_share_not_another_lead(nlp, lang, text):
    assert who(nlp, lang, text)[2] == (ILABACA, "vote_share")


@pytest.mark.parametrize("lang,text", [
    # the party or leader that describes a role noun does not own its figure
    ("fr", "La candidate de la coalition menée par le Frente Cívico obtiendrait 52,4 % des voix."),
    ("es", "La candidata de la coalición liderada por el Frente Cívico obtuvo el 52,4 % de los votos."),
    ("en", "The candidate of the coalition led by Frente Cívico won 52.4% of the vote."),
    # ... or its possessor, in an apposition to another title
    ("en", "The former governor, the ruling Frente Cívico party's candidate, won 52.4% of the vote."),
    ("en", "The former governor, the candidate of the Frente Cívico, won 52.4% of the vote."),
    # a member named by the party's family
    ("fr", "Le républicain avait obtenu 46,8 % en 2020 face à Tomás Ilabaca."),
    ("es", "El republicano, que en 2020 había perdido con el 46,8 %, se impuso en Valparaíso."),
    ("en", "The Republican had won 46.8% in 2020 against Tomás Ilabaca."),
])
def test_a_role_stands_for_the_one_the_report_named_before(nlp, lang, text):
    assert who(nlp, lang, text, fallback=QUIROGA)[0][0] == QUIROGA


def test_an_estimate_after_a_poll_is_the_polls_and_polls_take_no_stage_of_the_count():
    poll = Claim(QUIROGA, "poll_share")
    hedged = Claim(ILABACA, "vote_share", hedged=True)
    firm = Claim(SOTO, "vote_share")
    done = document_claims([(58.3, poll), (26.6, hedged), (10.3, firm), (99.6, Claim(None, "counted_share")),
                            (59.8, Claim(QUIROGA, "vote_share"))])
    assert [c.attribute for c in done] == ["poll_share", "poll_share", "vote_share", "counted_share", "vote_share"]
    # the report's only (near-final) count is no stage of its quick count
    assert [(c.counted, c.stage) for c in done[:2]] == [(None, None), (None, None)]
    assert (done[2].counted, done[4].counted) == (99.6, 99.6)


@pytest.mark.parametrize("lang,text,hedged", [
    ("fr", "Soto recueillerait entre 26,6 % et 28,6 % des voix.", True),
    ("es", "Soto obtendría el 26,6 % de los votos.", True),
    ("es", "Soto obtuvo la mayoría con el 26,6 % de los votos.", False),
    ("en", "Soto trailed with between 26.6% and 28.6%.", True),
    ("fr", "Soto obtient 26,6 % des voix selon le portrait dressé par la presse.", False),
])
def test_an_estimate_is_worded_as_one(nlp, lang, text, hedged):
    assert [c.hedged for c in claims(nlp, lang, text)] == [hedged]


@pytest.mark.parametrize("lang,text,want", [
    ("es", "Soto, que en 2018 había ganado con el 55,1 %, no reconoció su derrota.", ["year=2018"]),
    ("fr", "En 2018, Soto avait obtenu 55,1 % des voix.", ["year=2018"]),
    ("en", "In 2018, Soto won 55.1% of the vote.", ["year=2018"]),
    # a comparison with a year and a year in an incise are no earlier contest's figure
    ("es", "Soto obtuvo más votos que en 2018, con el 55,1 %.", [None]),
    ("es", "Soto, encarcelado en 2018, ganó con el 55,1 %.", [None]),
])
def test_a_year_that_frames_the_figure_is_its_contests(nlp, lang, text, want):
    assert [c.context for c in claims(nlp, lang, text)] == want


def test_a_margin_nobody_owns_is_the_leaders_of_this_contest_not_of_an_earlier_one():
    done = document_claims([(50.8, Claim(QUIROGA, "vote_share")), (49.2, Claim(ILABACA, "vote_share")),
                            (55.1, Claim(ILABACA, "vote_share", context="year=2018")),
                            (1.6, Claim(None, "margin_pp"))])
    assert done[3].subject == QUIROGA


def test_a_for_inside_a_name_is_no_agent(nlp):
    text = ("Quiroga's conservatives won with 28.5% of the vote, with the Harbour League for Valdoria (HLV) "
            "coming second on 20.8%.")
    spans = [(m.start, m.end) for m in find_percentages(text, "en")]
    ents = refs(text) + [EntityRef(text.index("Harbour"), text.index("Harbour") + 27, "organization", "HLV", None),
                         EntityRef(text.index("(HLV") + 1, text.index("(HLV") + 4, "organization", "HLV", None)]
    got = attribute_percentages(nlp("en", text), "en", spans, sorted(ents, key=lambda e: e.start), None,
                                DocumentCues(electoral=True))
    # not HLV, by the "for" of its name: Quiroga's party, which the corpus pass names
    assert got[0].subject == "@party:conservatives@Marta Quiroga"


@pytest.mark.parametrize("lang,text,want", [
    # in a vote for party lists, the party a leader heads owns the figure, even with a title between
    ("es", "El Partido Azul (PA) del canciller Rubén Soto cayó al 16,4 %.", "Partido Azul"),
    # "les conservateurs de la CDU": the party is named, no party by its members
    ("fr", "Les conservateurs du Frente Cívico arrivent en tête avec 28,5 % des voix.", "Frente Cívico"),
])
def test_a_party_named_beside_its_members_or_its_leader_owns_the_figure(nlp, lang, text, want):
    cues = DocumentCues(electoral=True)
    assert who(nlp, lang, text, cues=cues)[0][0] == want


@pytest.mark.parametrize("lang,text", [
    ("es", "Quiroga fue reelegida con el 58,2 % de los votos, según las estimaciones del instituto Sondeos Andinos."),
    ("fr", "Quiroga est réélue avec 58,2 % des voix, selon les estimations de l'institut Sondeos Andinos."),
])
def test_a_pollster_institutes_projection_is_a_poll(nlp, lang, text):
    known = dict(KNOWN, **{"instituto Sondeos Andinos": ("organization", "instituto Sondeos Andinos"),
                           "institut Sondeos Andinos": ("organization", "institut Sondeos Andinos")})
    spans = [(m.start, m.end) for m in find_percentages(text, lang)]
    got = attribute_percentages(nlp(lang, text), lang, spans, refs(text, known), None, DocumentCues(electoral=True))
    assert [(c.subject, c.attribute) for c in got] == [(QUIROGA, "poll_share")]


@pytest.mark.parametrize("lang,text", [
    ("en", "Quiroga won a second term, beating far-right challenger Tomás Ilabaca with 58.5% of the vote."),
    ("es", "Quiroga ganó un segundo mandato, derrotando al ultraderechista Tomás Ilabaca con el 58,5 % de los votos."),
    ("fr", "Quiroga remporte un second mandat en battant son rival Tomás Ilabaca avec 58,5 % des voix."),
])
def test_a_bare_with_after_the_loser_is_the_winners_figure(nlp, lang, text):
    assert who(nlp, lang, text)[0][0] == QUIROGA


@pytest.mark.parametrize("lang,text", [
    ("fr", "Marta Quiroga est réélue avec 58,5 % des voix face à Tomás Ilabaca, qui recueille 41,5 %.\n\n"
           "En 2017, le chef de l'État l'avait emporté avec 66,1 % des voix."),
    ("es", "Marta Quiroga fue reelegida con el 58,5 % de los votos frente a Tomás Ilabaca, que obtuvo el 41,5 %.\n\n"
           "En 2017, la mandataria había ganado con el 66,1 %."),
    ("en", "Marta Quiroga was re-elected with 58.5% of the vote against Tomás Ilabaca, who took 41.5%.\n\n"
           "In 2017, the president had won with 66.1%."),
])
def test_the_winner_named_by_a_title_is_the_reports_leader(lang, text):
    from kastfacts.documents import Document
    from kastfacts.extraction import process_documents

    result = process_documents([Document("d.txt", "d.txt", text, lang=lang, lang_source="option")])[0]
    shares = [(f.value, f.subject) for f in result.facts if f.kind == "percentage"]
    assert shares[-1] == (66.1, QUIROGA)


@pytest.mark.parametrize("lang,text", [
    ("fr", "Marta Quiroga est élue avec 54,3 % des voix. Quiroga succède à Tomás Ilabaca, qui ne se représentait pas.\n\n"
           "En 2019, ce dernier avait été réélu avec 58,2 % des voix."),
    ("es", "Marta Quiroga fue elegida con el 54,3 % de los votos. Quiroga sucede a Tomás Ilabaca, que no se presentaba.\n\n"
           "En 2019, este último había sido reelegido con el 58,2 %."),
    ("en", "Marta Quiroga was elected with 54.3% of the vote. Quiroga succeeds Tomás Ilabaca, who did not run.\n\n"
           "In 2019, the latter had been re-elected with 58.2%."),
])
def test_the_latter_is_the_person_named_last(lang, text):
    from kastfacts.documents import Document
    from kastfacts.extraction import process_documents

    result = process_documents([Document("d.txt", "d.txt", text, lang=lang, lang_source="option")])[0]
    shares = [(f.value, f.subject) for f in result.facts if f.kind == "percentage"]
    assert shares == [(54.3, QUIROGA), (58.2, ILABACA)]


@pytest.mark.parametrize("lang,text", [
    ("es", "Marta Quiroga ganó con el 52,4 % de los votos, frente al 47,6 % de Tomás Ilabaca.\n\n"
           "La diferencia es la más estrecha desde 1990. La líder del Frente Cívico ya había ganado la primera vuelta "
           "con el 44,1 %."),
    ("fr", "Marta Quiroga l'emporte avec 52,4 % des voix, contre 47,6 % pour Tomás Ilabaca.\n\n"
           "L'écart est le plus serré depuis 1990. La dirigeante du Frente Cívico avait déjà remporté le premier tour "
           "avec 44,1 %."),
    ("en", "Marta Quiroga won with 52.4% of the vote against 47.6% for Tomás Ilabaca.\n\n"
           "The gap is the narrowest since 1990. The leader of the Frente Cívico had already won the first round "
           "with 44.1%."),
])
def test_a_role_after_a_sentence_naming_nobody_is_the_reports_subject_not_the_last_name(lang, text):
    from kastfacts.documents import Document
    from kastfacts.extraction import process_documents

    result = process_documents([Document("d.txt", "d.txt", text, lang=lang, lang_source="option")])[0]
    shares = [(f.value, f.subject) for f in result.facts if f.kind == "percentage"]
    assert shares == [(52.4, QUIROGA), (47.6, ILABACA), (44.1, QUIROGA)]


@pytest.mark.parametrize("lang,text", [
    ("en", "Quiroga obtained 52.3% of valid votes, the Electoral Council said, with all ballots counted."),
    ("es", "Quiroga obtuvo el 52,3 %, con la totalidad de las actas escrutadas."),
    ("es", "Quiroga obtuvo el 52,3 % con todas las mesas escrutadas."),
])
def test_a_count_of_every_ballot_is_final(nlp, lang, text):
    assert claims(nlp, lang, text)[0].stage == "final"


@pytest.mark.parametrize("lang,text", [
    ("es", "Quiroga obtenía el 84,6 %, Tomás Ilabaca, del Partido Azul, el 6,4 %, y Rubén Soto, de Unión Verde, el 5,5 %."),
    ("fr", "Quiroga obtient 84,6 %, Tomás Ilabaca, du Partido Azul, 6,4 % et Rubén Soto, de l'Union verte, 5,5 %."),
])
def test_a_candidate_then_their_party_then_the_figure_in_an_enumeration(nlp, lang, text):
    assert [s for s, _ in who(nlp, lang, text)] == [QUIROGA, ILABACA, SOTO]


PLEBISCITE = DocumentCues(electoral=True, plebiscite=True)


@pytest.mark.parametrize("lang,text,want", [
    ("en", "Voters rejected the draft, with 55.8% voting against it and 44.2% in favor.", ["@no", "@yes"]),
    ("es", "El texto obtuvo el 44,2 % a favor y el 55,8 % en contra.", ["@yes", "@no"]),
    ("fr", "Le « contre » l'emporte avec 55,8 % des voix contre 44,2 % pour le « pour ».", ["@no", "@yes"]),
])
def test_a_side_said_right_after_its_figure_or_quoted_owns_it(nlp, lang, text, want):
    assert [s for s, _ in who(nlp, lang, text, cues=PLEBISCITE)] == want


@pytest.mark.parametrize("lang,text", [
    ("fr", "En septembre 2022, un premier texte, rédigé par une autre assemblée, avait été rejeté par 61,9 % des électeurs."),
    ("es", "En septiembre de 2022, un primer texto había sido rechazado por el 61,9 % de los votantes."),
    ("en", "A first draft was voted down with 62% against in September 2022."),
])
def test_a_month_and_year_that_frame_a_figure_are_its_contests(nlp, lang, text):
    assert [c.context for c in claims(nlp, lang, text, cues=PLEBISCITE)] == ["year=2022"]


# Phrasings of other elections' news (Paraguay, Honduras, the Dominican Republic, Italy's referendum).
@pytest.mark.parametrize("lang,text", [
    ("fr", "Environ 63 % des 4,8 millions d'électeurs inscrits se sont rendus aux urnes."),
    ("es", "Cerca del 63 % de los 4,8 millones de electores habilitados acudieron a las urnas."),
    ("en", "About 63% of the 4.8 million registered voters turned out."),
])
def test_a_share_of_a_counted_electorate_that_voted_is_turnout(nlp, lang, text):
    assert who(nlp, lang, text) == [(None, "turnout")]


@pytest.mark.parametrize("lang,text", [
    ("fr", "Ilabaca obtient 27,4 %, bien en deçà de ce que lui prédisaient les sondages."),
    ("es", "Ilabaca obtuvo el 27,4 %, muy por debajo de lo que anticipaban las encuestas."),
    ("en", "Ilabaca won 27.4%, far less than polls had predicted."),
])
def test_a_result_measured_against_the_polls_is_no_poll(nlp, lang, text):
    assert who(nlp, lang, text) == [(ILABACA, "vote_share")]


@pytest.mark.parametrize("lang,text", [
    ("fr", "L'écart entre Quiroga et Ilabaca a dépassé 15 points, bien que les sondages aient prédit un coude-à-coude."),
    ("es", "La diferencia entre Quiroga e Ilabaca superó los 15 puntos, pese a que las encuestas anticipaban un empate."),
    ("en", "Quiroga's margin over Ilabaca topped 15 points, although polls had predicted a dead heat."),
])
def test_polls_in_a_concession_do_not_make_a_margin_a_polls(nlp, lang, text):
    assert who(nlp, lang, text, cues=DocumentCues(electoral=True, rivals=(QUIROGA, ILABACA)))[0][1] == "margin_pp"


@pytest.mark.parametrize("lang,text", [
    ("fr", "Un sondage de Sondeos Andinos publié ce mois-ci situait sa cote à 60,5 %."),
    ("es", "Una encuesta de Sondeos Andinos publicada este mes situaba su apoyo en el 60,5 %."),
    ("en", "A poll by Sondeos Andinos published this month had put her support at 60.5%."),
])
def test_a_possessive_share_is_the_antecedents(nlp, lang, text):
    assert who(nlp, lang, text, fallback=QUIROGA) == [(QUIROGA, "poll_share")]


@pytest.mark.parametrize("lang,text", [
    ("fr", "Rubén Soto arrive troisième avec 9,2 % des voix."),
    ("es", "Rubén Soto se ubicaba tercero con un 9,2 %."),
    ("en", "Green Union candidate Rubén Soto finished a distant third with 9.2%."),
])
def test_the_one_placed_in_the_race_owns_the_figure_not_the_party_before_the_role(nlp, lang, text):
    assert who(nlp, lang, text, fallback=QUIROGA) == [(SOTO, "vote_share")]


NO_SOTO = {k: v for k, v in KNOWN.items() if v[1] != SOTO}


@pytest.mark.parametrize("lang,text", [
    ("fr", "Le centriste Rubén Soto arrive troisième avec 9,2 %."),
    ("es", "El liberal Rubén Soto se ubicaba tercero con un 9,2 %."),
    ("en", "Centrist candidate Rubén Soto came third with 9.2%."),
])
def test_a_name_after_a_role_is_a_person_the_model_missed(nlp, lang, text):
    spans = [(m.start, m.end) for m in find_percentages(text, lang)]
    got = attribute_percentages(nlp(lang, text), lang, spans, refs(text, NO_SOTO), QUIROGA, DocumentCues(electoral=True))
    assert [c.subject for c in got] == [SOTO]


@pytest.mark.parametrize("lang,text", [
    ("fr", "Quiroga obtient 42,7 % des voix, contre 27,5 % pour Soto."),
    ("es", "Quiroga obtuvo el 42,7 % de los votos, frente al 27,5 % de Soto."),
    ("en", "Quiroga had 42.7% of the vote, compared with 27.5% for Soto."),
])
def test_the_surname_alone_of_someone_named_in_full_is_that_person(nlp, lang, text):
    spans = [(m.start, m.end) for m in find_percentages(text, lang)]
    cues = DocumentCues(electoral=True, rivals=(QUIROGA, ILABACA), people=(QUIROGA, ILABACA, SOTO))
    got = attribute_percentages(nlp(lang, text), lang, spans, refs(text, NO_SOTO), None, cues)
    assert [c.subject for c in got] == [QUIROGA, SOTO]


WITH_CIFRA = dict(KNOWN, Cifra=("organization", "Cifra"))


@pytest.mark.parametrize("lang,text", [
    ("fr", "Les sondages annonçaient un duel serré, un sondage de Cifra donnant Ilabaca 34 % contre 31 % pour Quiroga."),
    ("es", "Las encuestas anticipaban un duelo reñido, con un sondeo de Cifra dando a Ilabaca el 34 % frente al 31 % de Quiroga."),
    ("en", "Polls had pointed to a tight race, with one survey by Cifra giving Ilabaca 34% to Quiroga's 31%."),
])
def test_the_name_after_a_pollsters_is_no_source(nlp, lang, text):
    spans = [(m.start, m.end) for m in find_percentages(text, lang)]
    got = attribute_percentages(nlp(lang, text), lang, spans, refs(text, WITH_CIFRA), None, DocumentCues(electoral=True))
    assert [c.subject for c in got] == [ILABACA, QUIROGA]


@pytest.mark.parametrize("lang,text,want", [
    ("fr", "Le « non » à la réforme voulue par Rubén Soto a recueilli 59,1 % des suffrages.", "@no"),
    ("es", "El 'No' a la reforma propuesta por Rubén Soto obtuvo el 59,1 % de los votos.", "@no"),
    ("en", "The 'No' to the reform written by Rubén Soto won 59.1% of the vote.", "@no"),
])
def test_the_agent_of_a_participle_does_not_own_the_figure_of_the_noun_it_describes(nlp, lang, text, want):
    assert who(nlp, lang, text, cues=PLEBISCITE)[0][0] == want


@pytest.mark.parametrize("lang,text,want", [
    ("fr", "Selon les sondages, le non devançait le oui d'entre cinq et huit points.", ("@no", "poll_margin_pp")),
    ("fr", "Au final, le oui obtient 40,9 % des voix.", ("@yes", "vote_share")),
    ("es", "Al final, el sí obtuvo el 40,9 % de los votos.", ("@yes", "vote_share")),
])
def test_a_side_written_in_lower_case_after_its_article_in_a_referendum(nlp, lang, text, want):
    """(French and Spanish: English "the no" and Spanish "el no" say other things as often.)"""
    assert who(nlp, lang, text, cues=PLEBISCITE)[0] == want


@pytest.mark.parametrize("lang,text", [
    ("es", "ASUNCIÓN, 1 may (EFE).– Quiroga ganó las elecciones."),
    ("en", "ASUNCION, April 30 (Reuters) - Quiroga won the election."),
])
def test_a_dateline_from_asuncion_dates_no_inauguration(lang, text):
    from kastfacts.claims import lexical_date_events
    from kastfacts.dates import find_dates

    spans = [(d.start, d.end) for d in find_dates(text, lang)]
    assert spans and all(e.event != "inauguration" for e in lexical_date_events(text, lang, spans, refs(text)))


@pytest.mark.parametrize("lang,text,want", [
    ("en", "In the referendum, 56.4% voted against the reform and 43.6% voted in favour.", ["@no", "@yes"]),
    ("fr", "Au total, 56,4 % des électeurs ont voté contre la réforme.", ["@no"]),
    ("es", "El 56,4 % de los electores votó en contra de la reforma.", ["@no"]),
])
def test_a_share_that_voted_one_way_is_that_sides_not_the_turnout(nlp, lang, text, want):
    assert who(nlp, lang, text, cues=PLEBISCITE) == [(side, "vote_share") for side in want]


@pytest.mark.parametrize("lang,text", [
    ("en", "Some 62% voted to keep the old charter."),
    ("fr", "Quelque 62 % ont voté pour le maintien de l'ancienne charte."),
    ("es", "Un 62 % votó por mantener la antigua carta."),
])
def test_a_share_that_voted_for_something_is_never_the_turnout(nlp, lang, text):
    assert who(nlp, lang, text, cues=PLEBISCITE)[0][1] != "turnout"


def test_voting_for_a_named_candidate_is_that_candidates_share_not_a_side(nlp):
    assert who(nlp, "en", "About 52% voted for Quiroga in the runoff.", cues=PLEBISCITE) == [(QUIROGA, "vote_share")]


def _with_places(text, places):
    found = refs(text) + [EntityRef(text.index(name), text.index(name) + len(name), "place", name, kind)
                          for name, kind in places]
    return sorted(found, key=lambda e: e.start)


@pytest.mark.parametrize("text,regional", [
    ("Voters in the Andean nation of Ecuador backed Quiroga with 52.4% of the vote.", False),
    ("In the Amazon region of Ecuador, Quiroga won 52.4% of the vote.", True),
])
def test_a_region_that_only_places_the_country_named_after_it_is_not_a_regional_result(nlp, text, regional):
    places = [("Andean" if "Andean" in text else "Amazon", "region"), ("Ecuador", "country")]
    spans = [(m.start, m.end) for m in find_percentages(text, "en")]
    got = attribute_percentages(nlp("en", text), "en", spans, _with_places(text, places), None, DocumentCues(electoral=True))
    assert [(c.subject, c.attribute) for c in got] == [(QUIROGA, "other" if regional else "vote_share")]


@pytest.mark.parametrize("lang,text", [
    ("es", "La candidata oficialista Rubén Soto, del Partido Azul, queda en un lejano tercer lugar con un 19,3 %."),
    ("fr", "Le candidat sortant Rubén Soto, du Partido Azul, arrive loin derrière avec 19,3 %."),
    ("en", "Incumbent Rubén Soto, of the Partido Azul, trailed in third place with 19.3%."),
])
def test_a_name_after_a_role_the_model_took_for_an_organization_is_the_person(nlp, lang, text):
    known = {**NO_SOTO, "Rubén Soto": ("organization", SOTO)}
    spans = [(m.start, m.end) for m in find_percentages(text, lang)]
    got = attribute_percentages(nlp(lang, text), lang, spans, refs(text, known), QUIROGA, DocumentCues(electoral=True))
    assert [c.subject for c in got] == [SOTO]


@pytest.mark.parametrize("lang,text", [
    ("en", "Marta Quiroga of the Partido Azul got 33.5% in the presidential election."),
    ("es", "Marta Quiroga del Partido Azul obtuvo el 33,5 % en la elección presidencial."),
    ("fr", "Marta Quiroga du Partido Azul a obtenu 33,5 % à l'élection présidentielle."),
])
def test_a_party_named_after_its_candidate_gives_the_candidate_the_figure_in_a_presidential_race(nlp, lang, text):
    cues = DocumentCues(electoral=True, persons_first=True)
    assert who(nlp, lang, text, cues=cues) == [(QUIROGA, "vote_share")]
    # a legislative race counts the party's votes
    assert who(nlp, lang, text, cues=DocumentCues(electoral=True)) == [("Partido Azul", "vote_share")]


@pytest.mark.parametrize("lang,text", [
    ("en", "Voters rejected the new charter by 57.2% to 42.8%."),
    ("es", "Los votantes rechazaron la nueva carta por 57,2 % a 42,8 %."),
    ("fr", "Les électeurs ont rejeté la nouvelle charte par 57,2 % contre 42,8 %."),
])
def test_the_second_figure_of_a_plebiscites_score_is_the_other_sides(nlp, lang, text):
    assert who(nlp, lang, text, cues=PLEBISCITE) == [("@no", "vote_share"), ("@yes", "vote_share")]


@pytest.mark.parametrize("lang,text,city", [
    ("en", "Valparaíso, the second city, backed Quiroga with 61.2%.", "Valparaíso"),
    ("en", "But Valparaíso voted for Quiroga by 61.2%.", "Valparaíso"),
    ("es", "Valparaíso, la segunda ciudad del país, votó por Quiroga con un 61,2 %.", "Valparaíso"),
    ("fr", "Mais Valparaíso a voté pour Quiroga à 61,2 %.", "Valparaíso"),
])
def test_a_city_that_voted_gives_its_own_figure_not_the_contests(nlp, lang, text, city):
    assert who(nlp, lang, text)[0][1] == "other"


@pytest.mark.parametrize("lang,text", [
    ("fr", "Quiroga l'emporte avec 52,4 % des voix, selon les résultats annoncés vendredi à Valparaíso."),
    ("es", "Quiroga ganó con el 52,4 % de los votos, según los resultados anunciados el viernes en Valparaíso."),
    ("en", "Quiroga won with 52.4% of the vote, according to results announced on Friday in Valparaíso."),
])
def test_where_results_were_announced_does_not_make_them_regional(nlp, lang, text):
    assert who(nlp, lang, text) == [(QUIROGA, "vote_share")]


@pytest.mark.parametrize("lang,text", [
    ("es", 'El primer ministro, Tomás Ilabaca, dimitió después de que el "no" ganara el referéndum con el 60,2 % de los votos.'),
    ("fr", "Les électeurs ont rejeté la réforme de Tomás Ilabaca : le non l'a emporté avec 59,1 % des voix."),
    ("en", "Voters rejected the reform of Tomás Ilabaca: the No side won the referendum with 59.1%."),
])
def test_the_side_that_won_the_vote_owns_its_figure_not_the_person_named_before(nlp, lang, text):
    assert who(nlp, lang, text, cues=PLEBISCITE) == [("@no", "vote_share")]


@pytest.mark.parametrize("lang,text,qualifier", [
    ("es", "El Partido Azul se hundió hasta el 16,4 %.", None),
    ("fr", "Le Partido Azul s'effondre jusqu'à 16,4 %.", None),
    ("es", "El Partido Azul obtendría hasta el 16,4 %.", "upper_bound"),
])
def test_a_level_fallen_or_risen_to_is_not_a_bound(nlp, lang, text, qualifier):
    assert [c.qualifier for c in claims(nlp, lang, text)] == [qualifier]


@pytest.mark.parametrize("lang,text", [
    ("es", "Los socialdemócratas del canciller Tomás Ilabaca se hundieron hasta el 16,4 %."),
    ("fr", "Les sociaux-démocrates du chancelier Tomás Ilabaca obtiennent 16,4 %."),
])
def test_a_party_named_by_its_members_owns_the_figure_not_its_leader(nlp, lang, text):
    assert who(nlp, lang, text)[0][0].startswith("@party:")


@pytest.mark.parametrize("lang,text", [
    ("fr", "Quiroga obtient 52,8 %, selon les résultats portant sur la totalité des bureaux de vote."),
    ("fr", "Quiroga obtient 52,8 %, selon les résultats quasi complets."),
    ("es", "Quiroga obtuvo el 52,8 %, según los resultados casi completos."),
    ("en", "Quiroga had 52.8%, according to nearly complete results."),
])
def test_a_count_of_every_polling_station_is_final(nlp, lang, text):
    assert [c.stage for c in claims(nlp, lang, text)] == ["final"]


@pytest.mark.parametrize("lang,text", [
    ("en", "Soto, who had won the first round with 41%, took 46.4%."),
    ("fr", "Soto, qui avait remporté le premier tour avec 41 %, obtient 46,4 %."),
    ("es", "Soto, que había ganado la primera vuelta con el 41 %, obtuvo el 46,4 %."),
])
def test_a_round_named_in_a_relative_clause_is_only_that_clauses_figure(nlp, lang, text):
    got = claims(nlp, lang, text)
    assert [(c.subject, c.context) for c in got] == [(SOTO, "round=1"), (SOTO, None)]


@pytest.mark.parametrize("lang,text", [
    ("en", "Prime Minister Tomás Ilabaca's Liberals won the election, taking 43.7% of the vote."),
    ("fr", "Les libéraux du premier ministre Tomás Ilabaca ont obtenu 43,7 % des voix."),
    ("es", "Los liberales del primer ministro Tomás Ilabaca obtuvieron el 43,7 % de los votos."),
])
def test_a_party_family_owned_by_its_leader_is_the_subject(nlp, lang, text):
    assert who(nlp, lang, text) == [("@party:" + {"en": "liberals", "fr": "libéraux", "es": "liberales"}[lang]
                                     + "@" + ILABACA, "vote_share")]


@pytest.mark.parametrize("lang,text", [
    ("fr", "Quiroga a été réélue avec 84,3 % des voix, selon la Cour, qui a revu à la baisse le score de 94,6 % annoncé."),
    ("es", "El tribunal confirmó la reelección de Quiroga con el 84,3 % de los votos, frente al 94,6 % anunciado al principio."),
    ("en", "The court confirmed Quiroga's re-election with 84.3% of the vote, against the 94.6% first announced."),
])
def test_two_shares_past_100_are_one_candidates_figures_not_a_rivals(nlp, lang, text):
    cues = DocumentCues(electoral=True, rivals=(QUIROGA, SOTO))
    got = who(nlp, lang, text, cues=cues)
    assert got[0] == (QUIROGA, "vote_share") and got[1][0] != SOTO


@pytest.mark.parametrize("lang,text", [
    ("en", "Quiroga, the son of a former president, won 58% of the vote, winning Valparaíso with 61.2%."),
    ("es", "Quiroga ganó con el 58 % de los votos y se impuso en Valparaíso con el 61,2 %."),
    ("fr", "Quiroga a gagné avec 58 % des voix et a remporté Valparaíso avec 61,2 %."),
])
def test_a_place_a_candidate_won_gives_that_places_figure(nlp, lang, text):
    assert who(nlp, lang, text) == [(QUIROGA, "vote_share"), (QUIROGA, "other")]


@pytest.mark.parametrize("lang,text", [
    ("en", "The Partido Azul had made the runoff with 15.5% in the June first round."),
    ("fr", "Le Partido Azul s'était qualifié pour le second tour avec 15,5 % au premier tour."),
    ("es", "El Partido Azul llegó a la segunda vuelta con el 15,5 % en la primera vuelta."),
])
def test_a_round_named_right_after_the_figure_is_its_round(nlp, lang, text):
    assert [c.context for c in claims(nlp, lang, text)] == ["round=1"]


def test_a_name_another_link_ties_is_not_the_agent_of_the_for_before_it(nlp):
    text = "The far-right Renewal party, led by Rubén Soto, won 22.6%, tying for second place with the Partido Azul, which got 23%."
    known = {**KNOWN, "Partido Azul": ("organization", "Partido Azul")}
    spans = [(m.start, m.end) for m in find_percentages(text, "en")]
    got = attribute_percentages(nlp("en", text), "en", spans, refs(text, known), None, DocumentCues(electoral=True))
    assert [c.subject for c in got] == ["Renewal", "Partido Azul"]


def test_the_tail_of_a_longer_name_before_a_party_noun_is_not_a_party(nlp):
    text = "Marta Quiroga of the center-right Together for Change coalition was third with 23.8% in the presidential election."
    cues = DocumentCues(electoral=True, persons_first=True)
    assert who(nlp, "en", text, cues=cues) == [(QUIROGA, "vote_share")]


# Reports of other votes (round 26 of probes): sides in quotes, rules' scope, relative clauses,
# roles in contrasts, parties by their position word, a primary's figures, report-level completion.
PLEBISCITE = DocumentCues(plebiscite=True, electoral=True)


@pytest.mark.parametrize("lang, text", [
    ("es", 'En total, el 78,3 % votó "Apruebo" y el 21,7 % "Rechazo".'),
    ("fr", "Au total, 78,3 % ont voté « Apruebo » et 21,7 % « Rechazo »."),
    ("en", 'In all, 78.3% had voted "Approve" and 21.7% "Reject".'),
])
def test_a_side_quoted_after_its_figure_is_that_figures(nlp, lang, text):
    # not the label before the next figure ("Apruebo ... et 21,7 %"), nor a turnout ("78 % voted")
    assert [s for s, _ in who(nlp, lang, text, cues=PLEBISCITE)] == ["@yes", "@no"]


@pytest.mark.parametrize("lang, text, plebiscite", [
    ("es", 'La opción "Apruebo" ganó al "Rechazo".', True),
    ("fr", "Le « oui » devance le « non ».", True),
    ("en", 'Voters chose "Approve" over "Reject".', True),
    ("en", 'He said "yes" to the debate.', False),
])
def test_a_report_quoting_both_sides_is_of_a_plebiscite(lang, text, plebiscite):
    assert document_cues(text, lang, [], []).plebiscite is plebiscite


@pytest.mark.parametrize("lang, text", [
    ("en", "Only 37.4 percent of eligible voters cast a ballot."),
    ("en", "Some 61% of registered voters cast their votes."),
    ("es", "Solo el 37,4 % de los electores habilitados acudió a las urnas."),
    ("fr", "Seuls 37,4 % des électeurs inscrits ont voté."),
])
def test_the_share_of_voters_who_cast_a_ballot_is_the_turnout(nlp, lang, text):
    assert [a for _, a in who(nlp, lang, text)] == ["turnout"]


@pytest.mark.parametrize("lang, text, want", [
    ("en", "Quiroga had won 46 percent in the first round, short of the majority needed to avoid a runoff.",
     [(QUIROGA, "vote_share")]),
    ("es", "Quiroga había obtenido el 46 % en la primera vuelta, lejos de la mayoría necesaria para evitar el balotaje.",
     [(QUIROGA, "vote_share")]),
    ("fr", "Quiroga avait obtenu 46 % au premier tour, loin de la majorité nécessaire pour éviter un second tour.",
     [(QUIROGA, "vote_share")]),
    ("en", "A candidate needs 45% of the vote, or 40% with a 10-point lead, to win outright.",
     [(None, "other")] * 3),
    ("es", "Un candidato necesita el 45 % de los votos, o el 40 % con diez puntos de ventaja.", [(None, "other")] * 3),
    ("fr", "Un candidat doit obtenir 45 % des voix, ou 40 % avec dix points d'avance.", [(None, "other")] * 3),
])
def test_a_rule_reaches_its_figure_not_past_a_comma_after_it(nlp, lang, text, want):
    assert who(nlp, lang, text) == want


def test_a_dropped_spanish_subject_after_a_time_frame_is_the_previous_sentences(nlp):
    got = who(nlp, "es", "En la primera vuelta había obtenido el 24,01 %.", fallback=QUIROGA)
    assert got == [(QUIROGA, "vote_share")]


@pytest.mark.parametrize("lang, text", [
    ("es", "Marta Quiroga, que lleva como compañero de fórmula a Rubén Soto, sumaba el 48,1 %."),
    ("fr", "Marta Quiroga, qui a choisi Rubén Soto comme colistier, obtient 48,1 % des voix."),
    ("en", "Marta Quiroga, who picked Rubén Soto as her running mate, had 48.1% of the vote."),
])
def test_a_name_in_a_relative_clause_is_not_the_subject_after_it(nlp, lang, text):
    assert who(nlp, lang, text) == [(QUIROGA, "vote_share")]


@pytest.mark.parametrize("lang, text", [
    ("es", "Quiroga sumaba el 48,1 %, frente al 40,4 % del mandatario."),
    ("fr", "Quiroga obtient 48,1 % des voix, contre 40,4 % pour le président sortant."),
    ("en", "Quiroga had 47.9%, against 40.5% for the incumbent."),
])
def test_a_role_on_the_other_side_of_a_contrast_is_the_rival(nlp, lang, text):
    cues = DocumentCues(electoral=True, rivals=(QUIROGA, ILABACA))
    assert [s for s, _ in who(nlp, lang, text, cues=cues)] == [QUIROGA, ILABACA]


@pytest.mark.parametrize("lang, text", [
    ("en", "Centre-right Azulistas slumped to 6.8%."),
    ("es", "El centrista Azulistas obtuvo el 6,8 %."),
    ("fr", "Le centriste Azulistas obtient 6,8 %."),
])
def test_a_name_after_a_partys_position_word_takes_its_figure(nlp, lang, text):
    assert who(nlp, lang, text) == [("Azulistas", "vote_share")]


@pytest.mark.parametrize("lang, text", [
    ("es", "En las primarias de agosto, Quiroga había obtenido el 47,7 % de los votos."),
    ("fr", "Lors des primaires d'août, Quiroga avait obtenu 47,7 % des voix."),
    ("en", "Quiroga had won 47.7% of the vote in the August primary."),
])
def test_a_figure_of_the_primary_says_so(nlp, lang, text):
    assert "kind=primary" in (claims(nlp, lang, text)[0].context or "")


def test_a_figure_after_a_primary_won_is_not_the_primarys(nlp):
    text = "Tras ganar las primarias, Quiroga obtuvo el 48 % de los votos."
    assert "kind=primary" not in (claims(nlp, "es", text)[0].context or "")


def test_a_live_spanish_level_in_the_imperfect_is_no_bound(nlp):
    got = claims(nlp, "es", "El Frente Cívico subía hasta el 20,8 %, y el Partido Azul se hundía hasta el 6,8 %.")
    assert [(c.subject, c.qualifier) for c in got] == [("Frente Cívico", None), ("Partido Azul", None)]


def test_a_figure_nobody_owns_that_repeats_an_owners_is_theirs():
    done = document_claims([(66.1, Claim(QUIROGA, "vote_share")), (66.1, Claim(None, "vote_share")),
                            (33.9, Claim(None, "vote_share"))])
    assert [c.subject for c in done] == [QUIROGA, QUIROGA, None]
    # two owners of one value: nobody's
    tied = document_claims([(50.0, Claim(QUIROGA, "vote_share")), (50.0, Claim(ILABACA, "vote_share")),
                            (50.0, Claim(None, "vote_share"))])
    assert tied[2].subject is None


@pytest.mark.parametrize("lang, lead", [
    ("fr", "Luis Soto réélu dès le premier tour. Il l'emporte, selon des résultats quasi complets."),
    ("es", "Soto, reelegido. Ganó, según resultados casi completos."),
    ("en", "Soto re-elected. He won, according to nearly complete results."),
])
def test_the_stage_a_lead_states_is_its_reports(lang, lead):
    spans = [(0, lead.index(".") + 1), (lead.index(".") + 2, len(lead))]
    assert lead_stage(lead, lang, spans) == "final"
    done = document_claims([(57.4, Claim(SOTO, "vote_share"))], lead="final")
    assert done[0].stage == "final"


@pytest.mark.parametrize("lang, text", [
    ("en", "With all regular ballots counted, Quiroga had 48.7% of the vote."),
    ("fr", "Selon le décompte de tous les bulletins ordinaires, Quiroga obtient 48,8 % des voix."),
    ("es", "Con todas las mesas escrutadas, Quiroga obtuvo el 48,7 % de los votos."),
])
def test_a_count_of_all_ballots_is_final(nlp, lang, text):
    assert [c.stage for c in claims(nlp, lang, text)] == ["final"]


@pytest.mark.parametrize("lang, text", [
    ("en", "With 93% of the preliminary count done, Quiroga had 53.2%."),
    ("es", "Con el 93 % del conteo preliminar completado, Quiroga sumaba el 53,1 %."),
    ("fr", "Avec 93 % du décompte préliminaire effectué, Quiroga obtient 53,1 %."),
])
def test_a_share_of_a_described_count_is_the_counted_share(nlp, lang, text):
    assert who(nlp, lang, text) == [(None, "counted_share"), (QUIROGA, "vote_share")]


@pytest.mark.parametrize("lang, text", [
    ("es", "Quiroga obtenía el 53,8 % de los votos, seguido de Tomás Ilabaca, del Partido Azul, con el 31,6 %, "
           "y de Rubén Soto, del Frente Cívico, con el 14,4 %."),
    ("fr", "Quiroga obtient 53,8 %, suivi de Tomás Ilabaca, du Partido Azul, avec 31,6 %, et de Rubén Soto, "
           "du Frente Cívico, avec 14,4 %."),
    ("en", "Quiroga had 53.8%, followed by Tomás Ilabaca, of the Partido Azul, with 31.6%, and by Rubén Soto, "
           "of the Frente Cívico, with 14.4%."),
])
def test_the_names_after_followed_by_are_the_next_results_not_modifiers(nlp, lang, text):
    assert [s for s, _ in who(nlp, lang, text)] == [QUIROGA, ILABACA, SOTO]


@pytest.mark.parametrize("lang, text, side", [
    ("fr", "Les électeurs ont voté à 66,4 % en faveur de la réforme.", "@yes"),
    ("fr", "Ils ont voté à 60 % en faveur de l'accord.", "@yes"),
    ("fr", "Au total, 67 % des voix en faveur du non.", "@no"),
    ("es", "Los electores votaron en un 66,4 % a favor de la reforma.", "@yes"),
    ("en", "Voters backed the reform, with 66.4% in favour.", "@yes"),
])
def test_in_favour_of_what_is_put_to_the_vote_is_the_yes_side(nlp, lang, text, side):
    assert who(nlp, lang, text, cues=PLEBISCITE) == [(side, "vote_share")]


@pytest.mark.parametrize("lang, text", [
    ("fr", "Ses alliés, l'Unión Verde de Rubén Soto et le Frente Cívico de Tomás Ilabaca, ont obtenu respectivement 8,8 % et 8,1 %."),
    ("es", "La Unión Verde de Rubén Soto y el Frente Cívico de Tomás Ilabaca obtuvieron el 8,8 % y el 8,1 %, respectivamente."),
    ("en", "Rubén Soto's Green Union and Tomás Ilabaca's Frente Cívico won 8.8% and 8.1% respectively."),
])
def test_respectively_pairs_the_parties_not_their_leaders(nlp, lang, text):
    want = ["Green Union" if lang == "en" else "Unión Verde", "Frente Cívico"]
    assert [s for s, _ in who(nlp, lang, text)] == want


@pytest.mark.parametrize("lang, text", [
    ("es", "El Frente Cívico se disparó hasta el 18,1 %."),
    ("fr", "Le Frente Cívico s'envole jusqu'à 18,1 %."),
    ("en", "The Frente Cívico soared to 18.1%."),
])
def test_a_party_that_soars_to_a_figure_reaches_it(nlp, lang, text):
    assert [(c.subject, c.qualifier) for c in claims(nlp, lang, text)] == [("Frente Cívico", None)]
