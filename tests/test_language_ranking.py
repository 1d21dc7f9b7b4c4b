"""kastfacts.language._ranking gives py3langid's own ranking under the news prior, float for float."""
from operator import itemgetter

import pytest

from kastfacts import language
from kastfacts.language import SUPPORTED, _identifier, _label_priors, _ranking

TEXTS = [
    "Le président a été élu dimanche avec une large majorité.",
    "El candidato obtuvo el 55,8 % de los votos en la segunda vuelta, según el CNE.",
    "The incumbent conceded on Sunday night after the count showed him trailing by 12 points.",
    "LA PARTICIPATION A ATTEINT 71 % SELON LE MINISTÈRE DE L'INTÉRIEUR",
    "Lire aussi", "Noticias relacionadas", "Share", "Kọ", "Àwòrán tí AI ṣe",
    "Ọọ̀ni Adéyẹyè pàdé àwọn olóyè ní ààfin rẹ̀ lánàá.",
    "O candidato venceu no segundo turno com 50,9 % dos votos válidos.",
    "Der Kandidat gewann die Stichwahl mit knapp 51 Prozent der Stimmen.",
    "Привет мир", "日本語のテキスト", "12/12/2025", "58,1 %", "—", "a" * 3000,
    "Erdoğan a salué la victoire de son allié à Bakou, 14 avril, AZERTAC.",
]


def _reference(text):
    """What `_ranking` was: py3langid's rank() times the prior, normalized, sorted again; cut to
    the best label and the SUPPORTED ones."""
    priors = _label_priors()
    weighted = [(lang, p * priors[lang]) for lang, p in _identifier().rank(text)]
    total = sum(map(itemgetter(1), weighted)) or 1.0
    ranked = sorted([(lang, p / total) for lang, p in weighted], key=itemgetter(1), reverse=True)
    return tuple(entry for k, entry in enumerate(ranked) if k == 0 or entry[0] in SUPPORTED)


@pytest.mark.parametrize("text", TEXTS)
def test_ranking_is_py3langids_float_for_float(text):
    assert language._ranker() is not None
    assert _ranking(text) == _reference(text)


def test_ranking_holds_the_best_label_then_the_supported_ones():
    ranked = _ranking("Der Kandidat gewann die Stichwahl mit knapp 51 Prozent der Stimmen.")
    assert ranked[0][0] not in SUPPORTED
    assert {lang for lang, _ in ranked[1:]} == set(SUPPORTED)
    assert [p for _, p in ranked] == sorted((p for _, p in ranked), reverse=True)
