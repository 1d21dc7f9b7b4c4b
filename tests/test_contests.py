"""Contests: a report's clues, contests resolved across reports and named one way, and each
figure put in its contest (the team's own sentences, invented people and parties)."""
from collections import Counter

import pytest

from kastfacts.contests import Contests, _family, contest_name, named_countries, report_clues

NAMES = {"PE": "Peru", "CL": "Chile", "ES": "Spain", "EC": "Ecuador", "AR": "Argentina"}.get


@pytest.mark.parametrize("args,want", [
    (("Peru", 2021, "presidential", "runoff", None), "Peru 2021 presidential runoff"),
    (("Chile", 2022, "plebiscite", None, "constitutional"), "Chile 2022 constitutional plebiscite"),
    (("Spain", 2023, "general", None, None), "Spain 2023 general election"),
    (("Bolivia", 2020, "presidential", None, None), "Bolivia 2020 presidential election"),
    (("Italy", None, "referendum", None, None), "Italy referendum"),
    ((None, 2024, "election", None, None), "2024 election"),
])
def test_contest_names_are_built_one_way(args, want):
    assert contest_name(*args) == want


CLUES = [
    ("es", "La segunda vuelta presidencial del domingo dio la victoria a Quiroga. En la primera vuelta había "
           "quedado segunda.", {"presidential": 1}, "2"),
    ("fr", "Le second tour de la présidentielle a confirmé le premier tour.", {"presidential": 1}, "2"),
    ("en", "The runoff confirmed the first round: the presidential race is over.", {"presidential": 1}, "2"),
    ("es", "Los chilenos votaron en el plebiscito sobre la nueva Constitución.", {"plebiscite": 1}, None),
    ("en", "Voters rejected the referendum on the new constitution.", {"referendum": 1}, None),
    ("fr", "Les élections générales ont eu lieu dimanche.", {"general": 1}, None),
]


@pytest.mark.parametrize("lang,text,kinds,round_", CLUES, ids=[f"{c[0]}-{i}" for i, c in enumerate(CLUES)])
def test_report_clues_kind_and_round(lang, text, kinds, round_):
    clues = report_clues(text, lang, [], [])
    assert clues["kinds"] == kinds
    if round_:
        assert max(clues["rounds"], key=clues["rounds"].get) == round_


@pytest.mark.parametrize("lang,text", [
    ("es", "Quiroga e Ilabaca disputarán la segunda vuelta presidencial tras la jornada del domingo."),
    ("en", "Quiroga and Ilabaca will face off in a December runoff after Sunday's presidential election."),
    ("fr", "Quiroga et Ilabaca, qualifiés pour le second tour de la présidentielle, ont voté dimanche."),
])
def test_a_runoff_still_to_come_is_a_first_round_report(lang, text):
    clues = report_clues(text, lang, [], [])
    assert max(clues["rounds"], key=clues["rounds"].get) == "1"


@pytest.mark.parametrize("lang,text", [
    ("fr", "Aux élections européennes, la liste de la majorité présidentielle recule."),
    ("es", "En las elecciones europeas, la lista del presidente retrocede."),
    ("en", "In the European Parliament election, the president's list fell back."),
])
def test_a_european_election_is_its_own_kind(lang, text):
    clues = report_clues(text, lang, [], [])
    assert "presidential" not in clues["kinds"]
    found = Contests.resolve({"a": clues}, {}, {"a": set()}, {"a": (2024, 1.0)}, NAMES)
    assert found.of("a").name == "2024 European Parliament election"


def test_a_list_leaders_figure_is_the_partys_in_a_party_list_vote():
    text = "La liste de l'Union verte (UV) menée par Marta Quiroga arrive en tête."
    persons = [(text.index("Marta Quiroga"), text.index("Marta Quiroga") + 13, "Marta Quiroga")]
    orgs = [(text.index("Union verte"), text.index("Union verte") + 11, "Union verte"),
            (text.index("UV"), text.index("UV") + 2, "UV")]
    clues = report_clues(text + " Aux élections européennes, elle gagne.", "fr", persons, orgs)
    assert ["UV", "Marta Quiroga"] in clues["parties"]
    found = Contests.resolve({"a": clues}, {}, {"a": {"Marta Quiroga"}}, {"a": (2024, 1.0)}, NAMES)
    assert found.claim("a", "Marta Quiroga", "vote_share", None)[1] == "UV"


def test_a_dated_kind_is_another_contest():
    clues = report_clues("Quiroga, qui avait voté lors du plébiscite de 1988, a remporté la présidentielle.", "fr", [], [])
    assert clues["kinds"] == {"presidential": 1} and clues["dated_kinds"] == {"plebiscite": [1988]}


def test_the_country_is_the_one_named_where_the_vote_is_spoken_of():
    text = "Quiroga, presidenta electa de Chile, viajó a Ecuador. En Ecuador se reunió con empresarios."
    places = [(text.index("Chile"), text.index("Chile") + 5, "CL", "country"),
              (text.index("Ecuador"), text.index("Ecuador") + 7, "EC", "country"),
              (text.rindex("Ecuador"), text.rindex("Ecuador") + 7, "EC", "country")]
    sentences = [(0, text.index(". ") + 1), (text.index(". ") + 2, len(text))]
    clues = report_clues(text, "es", [(0, 7, "Marta Quiroga")], [], places, sentences)
    assert max(clues["countries"], key=clues["countries"].get) == "CL" and clues["countries"]["CL"] == 2


@pytest.mark.parametrize("lang, text", [
    ("fr", "Le Salvador : Inés Vargas élue. Elle a obtenu 57 % des voix, devant le maire de Valencia, Pablo Soto (21 %)."),
    ("es", "El Salvador: Inés Vargas, electa. Obtuvo el 57 % de los votos, frente al alcalde de Valencia, Pablo Soto (21 %)."),
    ("en", "Ines Vargas wins El Salvador's presidential election. She won 57% of the vote, ahead of the mayor of Valencia, Pablo Soto (21%)."),
])
def test_a_city_names_the_country_of_the_vote_only_when_no_country_is_named(lang, text):
    # a city's name is shared across countries ("Valencia" is Spain's by population, and
    # Venezuela's too): the country the report names where it speaks of the vote decides
    country = text.index("Salvador") - 3
    city = text.index("Valencia")
    places = [(country, country + 11, "SV", "country"), (city, city + 8, "ES", "city")]
    sentences = [(0, text.index(". ") + 1), (text.index(". ") + 2, len(text))]
    clues = report_clues(text, lang, [], [], places, sentences)
    assert clues["countries"] == {"SV": 2}
    only_city = report_clues(text, lang, [], [], places[1:], sentences)
    assert set(only_city["countries"]) == {"ES"}


def test_party_links_and_winner_party():
    text = "Tomás Ilabaca, del Partido Azul, quedó segundo. El Frente Cívico obtuvo el 55 %. Marta Quiroga es la presidenta electa."
    persons = [(0, 13, "Tomás Ilabaca"), (text.index("Marta"), text.index("Marta") + 13, "Marta Quiroga")]
    orgs = [(text.index("Partido Azul"), text.index("Partido Azul") + 12, "Partido Azul"),
            (text.index("Frente Cívico"), text.index("Frente Cívico") + 13, "Frente Cívico")]
    sentences, start = [], 0
    for part in text.split(". "):
        sentences.append((start, start + len(part)))
        start += len(part) + 2
    clues = report_clues(text, "es", persons, orgs, [], sentences, [("Frente Cívico", 55.0, None)])
    assert clues["parties"] == [["Partido Azul", "Tomás Ilabaca"]]
    assert clues["winner_party"] == ["Frente Cívico", "Marta Quiroga"]


def test_named_countries_falls_back_on_cities():
    assert named_countries([("PE", "country"), ("PE", "city"), ("CL", "country")]) == Counter({"PE": 1, "CL": 1})
    assert named_countries([("EC", "city"), ("EC", "region")]) == Counter({"EC": 2})


def clue(kinds=None, rounds=None, countries=None, years=None, labels=None, parties=(), acronyms=(), **extra):
    return {"kinds": kinds or {}, "rounds": rounds or {}, "countries": countries or {}, "years": years or {},
            "labels": labels or {}, "parties": [list(p) for p in parties], "acronyms": [list(a) for a in acronyms],
            "dated_kinds": {}, "constitutional": False, **extra}


def test_related_reports_decide_country_and_year_together():
    # a report naming only a city and no year joins the reports that share its people
    clues = {"a": clue({"presidential": 1}, {"2": 2}, {"PE": 1}), "b": clue({"presidential": 1}, {"2": 1}, {"PE": 2}),
             "c": clue({}, {"2": 1})}
    people = {"a": {"Marta Quiroga", "Tomás Ilabaca"}, "b": {"Marta Quiroga", "Tomás Ilabaca"},
              "c": {"Marta Quiroga", "Tomás Ilabaca", "Rubén Soto"}}
    found = Contests.resolve(clues, {"a": Counter({"PE": 1}), "c": Counter({"EC": 1})}, people,
                             {"a": (2021, 1.0), "b": (2021, 0.4)}, NAMES)
    assert [c.name for c in found.contests] == ["Peru 2021 presidential runoff"]
    assert found.of("c").reports == ["a", "b", "c"]


def test_unrelated_votes_are_separate_contests():
    clues = {"a": clue({"presidential": 1}, countries={"PE": 1}), "b": clue({"plebiscite": 2}, countries={"CL": 1})}
    found = Contests.resolve(clues, {}, {"a": {"X", "Y"}, "b": {"X", "Y"}}, {"a": (2021, 1.0), "b": (2022, 1.0)}, NAMES)
    assert sorted(c.name for c in found.contests) == ["Chile 2022 plebiscite", "Peru 2021 presidential election"]


def test_claims_in_their_contest():
    clues = {"a": clue({"presidential": 2}, {"2": 3, "1": 1}, {"PE": 1},
                       parties=[("Frente Cívico", "Marta Quiroga")], acronyms=[("FC", "el Frente Cívico")])}
    found = Contests.resolve(clues, {}, {"a": set()}, {"a": (2021, 1.0)}, NAMES)
    name = "Peru 2021 presidential runoff"
    assert found.claim("a", None, "turnout", None) == (name, name, "turnout")
    assert found.claim("a", None, "other", None) == (name, name, "other")
    assert found.claim("a", "Frente Cívico", "vote_share", None) == (name, "Marta Quiroga", "vote_share")
    assert found.claim("a", "Marta Quiroga", "vote_share", "round=1") == (name, "Marta Quiroga", "vote_share_first_round")
    assert found.claim("a", "Marta Quiroga", "vote_share", "year=2016") == (name, "Marta Quiroga", "vote_share_2016")
    assert found.claim("a", None, "turnout", "round=1") == (name, name, "other")


def test_plebiscite_sides_take_the_labels_the_reports_use():
    clues = {"a": clue({"plebiscite": 2}, countries={"CL": 1}, labels={"no:Rechazo": 3, "yes:Apruebo": 2}),
             "b": clue({"plebiscite": 1}, countries={"CL": 1})}
    found = Contests.resolve(clues, {}, {"a": {"P", "Q"}, "b": {"P", "Q"}}, {"a": (2022, 1.0)}, NAMES)
    assert found.claim("b", "@no", "vote_share", None)[1] == "Rechazo"
    assert found.claim("b", "@yes", "vote_share", None)[1] == "Apruebo"
    unlabelled = Contests.resolve({"a": clue({"referendum": 1}, countries={"CL": 1})}, {}, {}, {"a": (2022, 1.0)}, NAMES)
    assert unlabelled.claim("a", "@yes", "vote_share", None)[1] == "Yes"


def test_parties_go_by_the_acronym_the_reports_define():
    clues = {"a": clue({"general": 1}, countries={"ES": 1}, acronyms=[("PV", "el Partido Verde")]),
             "b": clue({"general": 1}, countries={"ES": 1})}
    found = Contests.resolve(clues, {}, {"a": {"P", "Q"}, "b": {"P", "Q"}}, {"a": (2023, 1.0)}, NAMES)
    assert found.claim("b", "Partido Verde", "vote_share", None)[1] == "PV"
    # a party is not its candidate outside a presidential race
    assert found.claim("b", "PV", "vote_share", None)[1] == "PV"


def test_a_party_named_in_another_language_goes_by_the_acronym_of_its_initials():
    clues = {"a": clue({"general": 1}, countries={"ES": 1}, acronyms=[("PV", "el Partido Verde")]),
             "b": clue({"general": 1}, countries={"ES": 1})}
    found = Contests.resolve(clues, {}, {"a": {"P", "Q"}, "b": {"P", "Q"}}, {"a": (2023, 1.0)}, NAMES)
    assert found.claim("b", "Parti vert", "vote_share", None)[1] == "PV"
    assert found.claim("b", "Green Party", "vote_share", None)[1] == "Green Party"    # GP: no such acronym


def test_a_party_in_parentheses_after_a_candidate_is_not_what_the_name_stands_for():
    text = "- Marta Quiroga (PRV): 52,8 %\n- Tomás Ilabaca (Frente Cívico, FC): 47,2 %\nLa Unión Verde (UV) no compitió."
    persons = [(text.index(n), text.index(n) + len(n), n) for n in ("Marta Quiroga", "Tomás Ilabaca")]
    assert report_clues(text, "es", persons, [])["acronyms"] == [("UV", "La Unión Verde")]


def test_a_party_named_by_its_members():
    clues = {"a": clue({"general": 1}, countries={"ES": 1}, acronyms=[("PV", "el Partido Verde"), ("UC", "Unión Cívica")],
                       organizations=["Partido Verde", "Unión Cívica", "Agrupación Cívica Insular"]),
             "b": clue({"general": 1}, countries={"ES": 1}, organizations=["Partido Verde", "Unión Cívica"])}
    found = Contests.resolve(clues, {}, {"a": {"P", "Q"}, "b": {"P", "Q"}}, {"a": (2023, 1.0)}, NAMES)
    assert found.claim("b", "@party:verdes", "vote_share", None)[1] == "PV"
    # two parties of the stem: the one most reports name ("los cívicos": Unión Cívica, not a local list)
    assert found.claim("b", "@party:cívicos", "vote_share", None)[1] == "UC"
    # no party of the stem: the family's English name, the one every language's report gives it
    assert found.claim("b", "@party:liberales", "vote_share", None)[1] == "Liberals"


def test_a_tie_between_countries_goes_to_the_one_named_first():
    # "Nueva Arcadia votes to stay part of Freedonia": the headline names the voting territory first
    clues = {"a": clue({"referendum": 1}, countries={"EC": 2, "CL": 2})}
    found = Contests.resolve(clues, {}, {"a": set()}, {"a": (2021, 1.0)}, NAMES)
    assert [c.country for c in found.contests] == ["EC"]


@pytest.mark.parametrize("lang,text", [
    ("fr", "Au référendum de dimanche, la participation a été la plus forte depuis 1992."),
    ("es", "En el referéndum del domingo, la participación fue la más alta desde 1992."),
    ("en", "Turnout in Sunday's referendum was the highest at a national vote since 1992."),
])
def test_a_year_the_vote_is_measured_against_is_not_its_year(lang, text):
    assert report_clues(text, lang, [], [])["years"] == {}


def test_a_figure_dated_to_a_year_in_a_report_whose_contest_has_none_is_that_years():
    # "En 2016, Quiroga l'avait emporté avec 51,3 %" in a report that never names its own year
    found = Contests.resolve({"a": clue({"presidential": 1}, countries={"PE": 1})}, {}, {"a": set()}, {}, NAMES)
    name = "Peru presidential election"
    assert found.claim("a", "Marta Quiroga", "vote_share", "year=2016") == (name, "Marta Quiroga", "vote_share_2016")
    assert found.claim("a", "Marta Quiroga", "vote_share", None) == (name, "Marta Quiroga", "vote_share")


@pytest.mark.parametrize("lang,text", [
    ("fr", "Les législatives anticipées ont vu une participation de 49,5 %, contre 46,6 % lors des législatives de 2019."),
    ("es", "En las legislativas anticipadas votó el 49,5 %, frente al 46,6 % de las legislativas de 2019."),
    ("en", "Turnout in the snap legislative election was 49.5%, against 46.6% in the legislative election of 2019."),
])
def test_the_year_of_a_kind_of_vote_named_also_undated_is_another_contests(lang, text):
    clues = report_clues(text, lang, [], [])
    assert clues["years"] == {} and clues["dated_kinds"] == {"legislative": [2019]}


@pytest.mark.parametrize("lang,text,parties", [
    ("en", "Results:\nMarta Quiroga, Civic Front Party: 52.8%\nTomás Ilabaca, Green Movement: 47.2%",
     ("Civic Front Party", "Green Movement")),
    ("es", "Resultados:\nMarta Quiroga, Partido Frente Cívico: 52,8 %\nTomás Ilabaca, Movimiento Verde: 47,2 %",
     ("Partido Frente Cívico", "Movimiento Verde")),
    ("fr", "Résultats :\nMarta Quiroga, Parti du front civique : 52,8 %\nTomás Ilabaca, Mouvement vert : 47,2 %",
     ("Parti du front civique", "Mouvement vert")),
])
def test_a_results_list_links_each_candidate_to_the_party_after_the_comma(lang, text, parties):
    def spans(*names):
        return [(text.index(n), text.index(n) + len(n), n) for n in names]
    clues = report_clues(text, lang, spans("Marta Quiroga", "Tomás Ilabaca"), spans(*parties))
    assert clues["parties"] == sorted([[parties[0], "Marta Quiroga"], [parties[1], "Tomás Ilabaca"]])


def test_a_partys_figure_in_a_runoff_of_no_named_kind_is_its_candidates():
    clues = {"a": clue({}, {"2": 2}, {"PE": 1}, parties=[("Frente Cívico", "Marta Quiroga")])}
    found = Contests.resolve(clues, {}, {"a": set()}, {"a": (2021, 1.0)}, NAMES)
    name = "Peru 2021 runoff"
    assert found.claim("a", "Frente Cívico", "vote_share", None) == (name, "Marta Quiroga", "vote_share")


def test_the_contests_listed_are_the_ones_the_facts_name_when_the_only_year_is_a_bare_one(tmp_path):
    # the report's only years are yardsticks: the writing year guessed from them dates nothing,
    # and `kastfacts contests` must name the contest as the facts do
    from kastfacts.contests import from_table
    from kastfacts.extraction import extract_to_store
    from kastfacts.store import Store

    (tmp_path / "a.txt").write_text(
        "Quiroga wins popular vote as count nears completion\n\n"
        "LIMA, Nov 20 (Reuters) - Marta Quiroga has won the popular vote in Peru's presidential election, "
        "with 49.9% of the vote against 48.3% for Tomás Ilabaca.\n\n"
        "Quiroga's margin, about 1.6 percentage points, is the narrowest since 2000.\n\n"
        "Turnout was an estimated 64%, slightly below the 66% of 2016.\n",
        encoding="utf-8")
    with Store(str(tmp_path / "k.db")) as store:
        extract_to_store([str(tmp_path / "a.txt")], store, jobs=1)
        named = {f.contest for f in store.facts(kind="percentage")}
        listed = {c.name for c in from_table(store).contests}
    assert named == listed and len(listed) == 1


def test_a_party_one_leader_heads_in_every_report_goes_by_one_name():
    # "el Partido Azul de Marta Quiroga", "Marta Quiroga's Blue Party": one party in two languages
    clues = {"a": clue({"general": 1}, countries={"ES": 1}, parties=[("Partido Azul", "Marta Quiroga")],
                       organizations=["Partido Azul"]),
             "b": clue({"general": 1}, countries={"ES": 1}, parties=[("Blue Party", "Marta Quiroga")],
                       organizations=["Blue Party"]),
             "c": clue({"general": 1}, countries={"ES": 1}, parties=[("Partido Azul", "Marta Quiroga")],
                       organizations=["Partido Azul"])}
    found = Contests.resolve(clues, {}, {d: {"Marta Quiroga"} for d in clues}, {"a": (2023, 1.0)}, NAMES)
    assert found.claim("b", "Blue Party", "vote_share", None)[1] == "Partido Azul"
    assert found.claim("a", "Partido Azul", "vote_share", None)[1] == "Partido Azul"


def test_a_leader_of_two_parties_in_one_report_does_not_make_them_one():
    clues = {"a": clue({"general": 1}, countries={"ES": 1}, parties=[("Partido Azul", "Marta Quiroga"),
                                                                     ("Unión Verde", "Marta Quiroga")]),
             "b": clue({"general": 1}, countries={"ES": 1}, parties=[("Blue Party", "Marta Quiroga")])}
    found = Contests.resolve(clues, {}, {d: {"Marta Quiroga"} for d in clues}, {"a": (2023, 1.0)}, NAMES)
    assert found.claim("b", "Blue Party", "vote_share", None)[1] == "Blue Party"


@pytest.mark.parametrize("subject", ["Les Verts", "Los Verdes", "Greens", "the Greens", "@party:verdes",
                                     "@party:écologistes"])
def test_a_party_family_named_in_each_language_is_one_subject(subject):
    clues = {"a": clue({"general": 1}, countries={"ES": 1})}
    found = Contests.resolve(clues, {}, {"a": set()}, {"a": (2023, 1.0)}, NAMES)
    assert found.claim("a", subject, "vote_share", None)[1] == "Greens"


def test_two_joined_acronyms_go_by_the_first_when_the_reports_name_it_alone():
    clues = {"a": clue({"general": 1}, countries={"ES": 1}, acronyms=[("UV", "la Unión Verde")])}
    found = Contests.resolve(clues, {}, {"a": set()}, {"a": (2023, 1.0)}, NAMES)
    assert found.claim("a", "UV-PA", "vote_share", None)[1] == "UV"
    assert found.claim("a", "UV/PA", "vote_share", None)[1] == "UV"
    assert found.claim("a", "XY-PA", "vote_share", None)[1] == "XY-PA"


@pytest.mark.parametrize("lang,text,party", [
    ("fr", "Le Partido Azul du chancelier Tomás Ilabaca s'effondre.", "Partido Azul"),
    ("es", "El Partido Azul del canciller Tomás Ilabaca se hundió.", "Partido Azul"),
    ("en", "Chancellor Tomás Ilabaca's Blue Party slumped.", "Blue Party"),
])
def test_a_party_and_the_leader_its_description_names_are_linked(lang, text, party):
    persons = [(text.index("Tomás"), text.index("Tomás") + 13, "Tomás Ilabaca")]
    orgs = [(text.index(party), text.index(party) + len(party), party)]
    assert report_clues(text, lang, persons, orgs)["parties"] == [[party, "Tomás Ilabaca"]]


def test_a_sides_label_written_with_a_capital_inside_a_sentence_is_counted():
    text = "The No camp won 59.1% against 40.9% for Yes, a defeat for No. 10 Downing Street."
    labels = report_clues(text, "en", [], [])["labels"]
    assert labels == {"no:No": 1, "yes:Yes": 1}


def test_a_datelines_agency_is_not_an_acronym_the_words_before_define():
    text = "SAN SALVADOR, Feb 5 (AP) — The Electoral Council (EC) said the count was over."
    assert report_clues(text, "en", [], [])["acronyms"] == [("EC", "— The Electoral Council")]


def test_a_party_named_by_its_members_and_its_leader_is_the_party_that_person_leads():
    # "Marta Quiroga's conservatives took 28.5%": no party of the stem; the one she leads
    clues = {"a": clue({"general": 1}, countries={"ES": 1}, parties=[("Partido Azul", "Marta Quiroga")],
                       organizations=["Partido Azul"])}
    found = Contests.resolve(clues, {}, {"a": {"Marta Quiroga"}}, {"a": (2023, 1.0)}, NAMES)
    assert found.claim("a", "@party:conservatives@Marta Quiroga", "vote_share", None)[1] == "Partido Azul"
    assert found.claim("a", "@party:conservatives@Tomás Ilabaca", "vote_share", None)[1] == "Conservatives"
    # in a race between people, the person's own figure
    people = {"a": clue({"presidential": 1}, countries={"ES": 1})}
    race = Contests.resolve(people, {}, {"a": {"Marta Quiroga"}}, {"a": (2023, 1.0)}, NAMES)
    assert race.claim("a", "@party:conservatives@Marta Quiroga", "vote_share", None)[1] == "Marta Quiroga"


@pytest.mark.parametrize("lang,text", [
    ("fr", "Soto réélu avec 90,6 %. Soto a été réélu dès le premier tour avec 90,6 % des voix."),
    ("es", "Soto, reelegido con el 90,6 %. Soto ganó en la primera vuelta con el 90,6 % de los votos."),
    ("en", "Soto re-elected with 90.6%. Soto won in the first round with 90.6% of the vote."),
])
def test_a_first_round_figure_said_again_in_the_headline_is_no_runoff(lang, text):
    shares = [("Rubén Soto", 90.6, None), ("Rubén Soto", 90.6, "round=1")]
    assert report_clues(text, lang, [], [], shares=shares)["rounds"].get("2") is None
    other = [("Rubén Soto", 52.1, None), ("Rubén Soto", 40.6, "round=1")]
    assert report_clues(text, lang, [], [], shares=other)["rounds"].get("2") == 2


@pytest.mark.parametrize("lang,text", [
    ("es", "Quiroga ganó la elección presidencial sin necesidad de segunda vuelta."),
    ("en", "Quiroga won the presidential election outright, avoiding a runoff."),
    ("fr", "Quiroga a remporté la présidentielle, évitant un second tour."),
])
def test_a_runoff_avoided_is_a_first_round_report(lang, text):
    clues = report_clues(text, lang, [], [])
    assert max(clues["rounds"], key=clues["rounds"].get) == "1"


@pytest.mark.parametrize("lang,text", [
    ("es", 'Con el 99 % escrutado, el 78 % votó "Apruebo" y el 22 % "Rechazo" la nueva Constitución.'),
    ("en", 'With 99% counted, 78% had voted "Approve" and 22% "Reject" on the new constitution.'),
    ("fr", "Sur 99 % des bulletins, 78 % ont voté « Apruebo » et 22 % « Rechazo » sur la nouvelle Constitution."),
])
def test_a_vote_between_two_named_options_is_a_plebiscite_though_never_called_one(lang, text):
    clues = report_clues(text, lang, [], [])
    assert clues["kinds"] == {}
    found = Contests.resolve({"a": {**clues, "countries": {"CL": 1}}}, {}, {"a": set()}, {"a": (2020, 1.0)}, NAMES)
    assert found.of("a").name == "Chile 2020 constitutional plebiscite"


@pytest.mark.parametrize("lang,text,kind", [
    ("es", "Quiroga ganó las elecciones presidenciales. En las primarias de agosto había obtenido el 47 %.", "election"),
    ("en", "Quiroga won the presidential election, after leading the August primary.", "election"),
    ("es", "Quiroga ganó las primarias presidenciales del domingo.", "primary"),
    ("en", "Quiroga won Sunday's presidential primary.", "primary"),
])
def test_a_primary_named_after_the_vote_a_report_leads_with_is_not_its_contest(lang, text, kind):
    assert _family(report_clues(text, lang, [], [])) == kind


def test_a_primarys_figure_in_a_report_on_the_election_is_another_contests():
    found = Contests.resolve({"a": clue({"presidential": 2}, countries={"AR": 1})}, {}, {"a": set()},
                             {"a": (2019, 1.0)}, NAMES)
    name = "Argentina 2019 presidential election"
    assert found.claim("a", "Marta Quiroga", "vote_share", "kind=primary") == (name, "Marta Quiroga", "other")
    assert found.claim("a", "Marta Quiroga", "vote_share", None) == (name, "Marta Quiroga", "vote_share")


@pytest.mark.parametrize("subject", ["Parti démocrate", "le Parti démocrate", "Partido Demócrata", "Democratic Party",
                                     "the Democratic Party"])
def test_a_party_named_by_common_words_only_has_one_name_across_languages(subject):
    found = Contests.resolve({"a": clue({"legislative": 2}, countries={"ES": 1})}, {}, {"a": set()}, {"a": (2022, 1.0)}, NAMES)
    assert found.claim("a", subject, "vote_share", None)[1] == "Democratic Party"
    # a name with a word of its own is its own in every language
    assert found.claim("a", "Partido Revolucionario Azul", "vote_share", None)[1] == "Partido Revolucionario Azul"
