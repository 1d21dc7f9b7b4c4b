"""One pipeline per language, its components run selectively; spaCy's French TOKEN_MATCH compiled
factored, matching exactly what the original matches; workers forked once the parent holds the
pipelines, and only for inputs big enough to pay for them."""
import multiprocessing
import os
import random
import re

import pytest

from kastfacts import extraction, pipelines
from kastfacts.records import Document

# -- the factored pattern: the same strings match -------------------------------------------------


def test_factoring_writes_shared_tails_once_and_keeps_the_language():
    pattern = r"(?i)(?:^anti[-‐][a-z][a-z-]*$)|(?:^contre[-‐][a-z][a-z-]*$)|(?:^entr'[a-z]+$)|^x?$"
    factored = pipelines.factor_alternatives(pattern)
    assert factored.startswith("(?i)") and factored.count("[a-z-]*") == 1
    original, compact = re.compile(pattern), re.compile(factored)
    words = ["anti-âge", "Anti-Gel", "contre-pied", "CONTRE-attaque", "entr'ouvert", "entr'", "anti-", "antigel",
             "contre", "x", "", "xx", "pro-vie", "anti‐choc", "anti-Choc-", "contre-pied!"]
    assert [bool(original.match(w)) for w in words] == [bool(compact.match(w)) for w in words]
    assert any(original.match(w) for w in words) and not all(original.match(w) for w in words)


@pytest.mark.parametrize("pattern", [r"(a)\1", r"(?P<x>a)(?P=x)", r"(?(1)a|b)", r"a(?#note)b", r"(?x)a b", r"a*+",
                                     r"[[:alpha:]]", r"a{x}", r"(a", r"a)"])
def test_factoring_refuses_what_it_could_change(pattern):
    with pytest.raises(pipelines.Unfactorable):
        pipelines.factor_alternatives(pattern)


def test_french_token_match_factored_matches_what_spacy_compiles():
    """Every word of spaCy's French exception list (hyphens, elisions), in the case and hyphen
    variants news print, and words of our own: the same verdict from both patterns."""
    import srsly
    from spacy.lang.fr._tokenizer_exceptions_list import FR_BASE_EXCEPTIONS
    from spacy.util import get_package_path

    tokenizer_file = next(get_package_path(pipelines.pins()["fr"].package).glob("*/tokenizer"))
    text = srsly.msgpack_loads(tokenizer_file.read_bytes())["token_match"]     # what the model's tokenizer compiles
    original = re.compile(text)
    assert original.pattern == text and len(text) > pipelines.LARGE_PATTERN
    compact = re.compile(pipelines.factor_alternatives(text))
    assert len(compact.pattern) < len(text) / 20
    words = list(FR_BASE_EXCEPTIONS)
    words += [w.upper() for w in words] + [w.capitalize() for w in words] + [w.replace("-", "‐") for w in words]
    words += [w.replace("'", "’") for w in words[:5000]] + [w + "s" for w in words[:5000]] + [w[:-1] for w in words[:5000]]
    words += ["porte-parole", "Porte-Parole", "vice-président", "Saint-Étienne", "aujourd'hui", "peut-être",
              "après-midi", "États-Unis", "arc-en-ciel", "pied-à-terre", "entr'ouvrir", "grand'mère", "anti-corruption",
              "néo-zélandais", "ex-président", "sud-américain", "Jean-Luc", "l'élection", "qu'il", "quarante-deux"]
    matched = [w for w in words if original.match(w)]
    rng = random.Random(15)         # letters the Unicode classes treat apart under IGNORECASE, spliced in
    for w in matched * 3:
        at = rng.randrange(len(w) + 1)
        words.append(w[:at] + rng.choice("ßẞİıſǅǆΩω-‐'’ 9kKK") + w[at:])
    verdicts = [(bool(original.match(w)), bool(compact.match(w))) for w in words]
    assert len(matched) > 400 and sum(a for a, _ in verdicts) > len(matched)
    assert [w for w, (a, b) in zip(words, verdicts) if a != b] == []


def test_pattern_compiling_is_restored_after_a_load():
    before = re.compile
    with pipelines.large_patterns_factored():
        assert re.compile is not before
        assert re.compile("a+b").match("aab")
    assert re.compile is before


# -- one pipeline per language, run selectively ----------------------------------------------------
SENTENCES = {
    "fr": ["La candidate écologiste a obtenu 12,4 % des voix à Lyon, selon le ministère de l'Intérieur.",
           "Jean-Marc Dupont, porte-parole du parti, l'a annoncé aujourd'hui. Il parle d'une victoire."],
    "es": ["El alcalde de Rosario, Pablo Javkin, recibió el 47,2 % de los votos según el escrutinio.",
           "La participación fue del 68 %. Los jurados cerraron las mesas a las seis de la tarde."],
    "en": ["Senator Maria Lopez won 53.1% of the vote in Ohio, the state's election office said on Tuesday.",
           "Turnout reached 61%. Observers from Canada praised the count."],
}


@pytest.mark.parametrize("lang", sorted(SENTENCES))
def test_one_pipeline_gives_what_nlp_pipe_gives_with_the_same_components(lang):
    loaded = pipelines.get(lang)
    assert pipelines.get(lang) is loaded and lang in pipelines.loaded()
    nlp, texts = loaded.nlp, SENTENCES[lang]
    assert "ner" in nlp.pipe_names and "parser" in nlp.pipe_names

    def view(doc):
        return [(t.text, t.ent_iob_, t.ent_type_, t.is_sent_start, t.dep_, t.head.i, t.tag_, t.pos_, t.lemma_) for t in doc]

    with nlp.select_pipes(enable=["ner"]):
        nlp.add_pipe("sentencizer", name="test_sentencizer")
        try:
            expected = [view(d) for d in nlp.pipe(texts)]
        finally:
            nlp.remove_pipe("test_sentencizer")
    got = list(loaded.entities((t, i) for i, t in enumerate(texts)))
    assert [i for _, i in got] == [0, 1] and [view(d) for d, _ in got] == expected
    assert any(d.ents for d, _ in got) and len(list(got[1][0].sents)) == 2
    with nlp.select_pipes(disable=["ner"]):
        expected = [view(d) for d in nlp.pipe(texts)]
    got = list(loaded.parses((t, i) for i, t in enumerate(texts)))
    assert [view(d) for d, _ in got] == expected and not any(d.ents for d, _ in got)
    assert nlp.pipe_names == loaded.nlp.pipe_names         # selecting components left the pipeline whole


# -- NER reads only the stretches around a possible name -------------------------------------------
def test_stretches_keep_a_margin_either_side_of_each_anchor_and_merge():
    assert pipelines._stretches(100, [], 6) == []
    assert pipelines._stretches(100, [10], 6) == [(4, 17)]
    assert pipelines._stretches(100, [0, 30], 6) == [(0, 7), (24, 37)]
    assert pipelines._stretches(100, [22, 10], 6) == [(4, 29)]          # overlapping: one stretch
    assert pipelines._stretches(100, [10, 23], 6) == [(4, 30)]          # touching: one stretch
    assert pipelines._stretches(20, [18], 6) == [(12, 20)]
    assert pipelines._stretches(12, [3, 6], 6) == [(0, 12)]


def test_ner_reach_is_read_from_each_pipeline():
    assert {pipelines.get(lang).ner_reach for lang in ("fr", "es", "en")} == {4}


def test_an_ner_of_another_build_reads_every_text_whole():
    import types

    import spacy

    nlp = spacy.blank("en")
    nlp.add_pipe("ner")                 # spaCy's default NER model: a HashEmbedCNN tok2vec
    assert pipelines.LoadedModel.ner_reach.fget(types.SimpleNamespace(nlp=nlp)) is None


# Long stretches with no name in them, between names: NER skips the middle of each.
LONG_PARAGRAPHS = {
    "fr": ["Selon les chiffres publiés dimanche soir par le ministère de l'Intérieur, Marine Tondelier "
           "arrive en tête avec 31,2 % des voix. la participation, qui avait beaucoup baissé lors des deux "
           "derniers scrutins et que tout le monde attendait encore plus faible cette fois, a finalement "
           "dépassé les attentes de presque tous les observateurs. le second tour aura lieu dans deux "
           "semaines à Toulouse, où le parti écologiste compte déjà de nombreux élus."],
    "es": ["El candidato Rodrigo Paz obtuvo el 54,5 % de los votos en La Paz, según el conteo rápido. "
           "la jornada transcurrió con normalidad en casi todos los recintos y los jurados cerraron las "
           "mesas a la hora prevista, aunque en algunos lugares hubo largas filas durante la mañana y "
           "se habló de demoras en la entrega del material. el partido oficialista reconoció la derrota "
           "ante Jorge Quiroga poco después de la medianoche."],
    "en": ["Senator Maria Lopez won 53.1% of the vote in Ohio, the state's election office said. "
           "turnout was lower than in the last two elections and many voters said they had waited for "
           "more than an hour in the rain before they could cast their ballots at the schools and the "
           "churches that served as polling places. the ruling party conceded to John Kearney late on "
           "Tuesday night in Cleveland."],
}


@pytest.mark.parametrize("lang", sorted(LONG_PARAGRAPHS))
def test_ner_near_anchors_finds_what_a_whole_read_finds(lang):
    from kastfacts import entities

    loaded, texts = pipelines.get(lang), LONG_PARAGRAPHS[lang]
    whole = list(loaded.entities((t, i) for i, t in enumerate(texts)))
    near = list(loaded.entities(((t, i) for i, t in enumerate(texts)), entities.name_anchors))
    assert [i for _, i in near] == [0]
    (w, _), (n, _) = whole[0], near[0]
    doc = loaded.nlp.make_doc(texts[0])
    stretches = pipelines._stretches(len(doc), entities.name_anchors(doc, loaded.sentencizer.predict([doc])[0]),
                                     loaded.ner_reach + pipelines.EXACT_NEIGHBOURS)
    assert len(stretches) > 1 and sum(b - a for a, b in stretches) < len(doc)      # the text was cut
    assert [t.text for t in n] == [t.text for t in w]
    assert [(s.start, s.end) for s in n.sents] == [(s.start, s.end) for s in w.sents]
    def named(d):           # what type_entities can keep: a capital in it (figures and dates are not ours)
        return {(e.start_char, e.end_char, e.label_) for e in d.ents if any(c.isupper() for c in e.text)}

    assert named(n) == named(w)
    assert any(e.label_ in ("PER", "PERSON") for e in n.ents)


def test_pieces_carry_what_ner_reads_as_span_as_doc_does():
    import numpy
    from spacy.attrs import NORM, ORTH, PREFIX, SHAPE, SPACY, SUFFIX

    loaded = pipelines.get("en")
    doc = loaded.nlp.make_doc("They didn't wait: Gov. O'Neill can't   win, y'all said in Ohio.")
    stretches = [(0, 4), (6, len(doc))]
    attrs = [ORTH, NORM, PREFIX, SUFFIX, SHAPE, SPACY]
    for (a, b), piece in zip(stretches, pipelines._pieces(doc, stretches)):
        assert numpy.array_equal(piece.to_array(attrs), doc[a:b].as_doc().to_array(attrs))
    assert "not" in [t.norm_ for t in pipelines._pieces(doc, stretches)[0]]     # "n't", from the tokenizer


def test_a_text_with_no_possible_name_gets_sentences_and_no_entities():
    from kastfacts import entities

    loaded = pipelines.get("es")
    (doc, context), = loaded.entities([("la participación fue del 68 %. los jurados cerraron las mesas.", "c")],
                                      entities.name_anchors)
    assert context == "c" and not doc.ents and len(list(doc.sents)) == 2
    assert all(t.ent_iob_ == "O" for t in doc)


@pytest.mark.parametrize("lang, text, anchors", [
    ("fr", "La participation a baissé, selon Le Monde.", ["Le", "Monde"]),
    ("fr", "« Le parti socialiste a gagné », dit-il.", ["parti"]),
    ("es", "La participación rondó el 60 %. Además, ganó Noboa.", ["Noboa"]),
    ("es", "Según el partido oficialista, la jornada fue tranquila.", ["partido"]),
    ("en", "The turnout was high. But the ruling party lost in Ohio.", ["party", "Ohio"]),
    ("en", "Kast won. The count went on.", ["Kast"]),
    ("en", "US voters went to the polls. It rained.", ["US"]),
    ("es", "MAS obtuvo el 55 %. Más tarde, habló Arce. Y ganó.", ["MAS", "Arce"]),
])
def test_name_anchors_are_capitalized_words_and_organization_keywords(lang, text, anchors):
    from kastfacts import entities

    loaded = pipelines.get(lang)
    doc = loaded.nlp.make_doc(text)
    got = [doc[i].text for i in entities.name_anchors(doc, loaded.sentencizer.predict([doc])[0])]
    assert got == anchors


# -- workers: only when they pay, forked from a parent that holds the pipelines --------------------
def doc(text, i=0):
    return Document(f"d{i}.txt", f"/in/d{i}.txt", text)


def languages_held(chunk):
    """Run in a worker: which pipelines the process holds before it does anything."""
    return os.getpid(), pipelines.loaded(), len(chunk)


class PoolSpy:
    def __init__(self, monkeypatch):
        self.sizes = []
        real = multiprocessing.get_context("fork").Pool
        spy = self

        class Context:
            def Pool(self, n, **kw):
                spy.sizes.append(n)
                return real(n, **kw)
        monkeypatch.setattr(multiprocessing, "get_context", lambda method: Context())


def test_small_inputs_never_start_workers(monkeypatch):
    spy = PoolSpy(monkeypatch)
    chunks = [[doc("Une phrase courte. " * 20, i)] for i in range(6)]
    results = list(extraction._map_chunks(languages_held, iter(chunks), 2, None))
    assert spy.sizes == [] and {pid for pid, _, _ in results} == {os.getpid()}


def test_workers_start_once_the_input_pays_and_inherit_the_pipelines(monkeypatch):
    spy = PoolSpy(monkeypatch)
    monkeypatch.setattr(extraction, "POOL_MIN_CHARS", 2_000)
    french = "Le maire de Lille a été réélu dimanche avec une large avance sur son rival. " * 10
    chunks = [[doc(french, i)] for i in range(5)]
    results = list(extraction._map_chunks(languages_held, iter(chunks), 8, None))
    assert spy.sizes == [5]                   # never more workers than the chunks read ahead
    assert all(pid != os.getpid() and "fr" in held for pid, held, _ in results)


def test_a_pool_never_has_more_workers_than_chunks(monkeypatch):
    spy = PoolSpy(monkeypatch)
    monkeypatch.setattr(extraction, "POOL_MIN_CHARS", 0)
    chunks = [[doc("x", i)] for i in range(4)]
    assert [n for _, _, n in extraction._map_chunks(languages_held, iter(chunks), 1000, None)] == [1, 1, 1, 1]
    assert spy.sizes == [4]


# -- lookup tables filled in bulk: spaCy's own tables ---------------------------------------------
@pytest.mark.parametrize("lang", ["fr", "es", "en"])
def test_lookup_tables_in_bulk_are_the_tables_spacy_builds(lang):
    import srsly
    from spacy.lookups import Lookups
    from spacy.util import get_package_path

    files = sorted(get_package_path(pipelines.pins()[lang].package).glob("*/*/lookups/lookups.bin"))
    assert files, "the pipeline's lemmatizer keeps its tables in lookups.bin"
    data = files[0].read_bytes()
    spacys = Lookups.from_bytes
    theirs = Lookups().from_bytes(data)
    with pipelines.lookup_tables_in_bulk():
        ours = Lookups().from_bytes(data)
    assert Lookups.from_bytes is spacys and ours.tables == theirs.tables
    for name in theirs.tables:
        a, b = theirs.get_table(name), ours.get_table(name)
        assert type(a) is type(b) and list(a.items()) == list(b.items()) and vars(a) == vars(b) | {"bloom": a.bloom}
        assert a.bloom.to_bytes() == b.bloom.to_bytes()
    assert srsly.msgpack_loads(ours.to_bytes()) == srsly.msgpack_loads(data)


def test_lookup_tables_with_string_keys_are_left_to_spacy():
    table = pipelines._table_in_bulk("t", {"chat": "chat", 5: "x"})
    assert table["chat"] == "chat" and table[5] == "x" and "chat" in table
