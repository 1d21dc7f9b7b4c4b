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
