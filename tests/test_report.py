"""The HTML report: structure, escaping, self-containment, determinism, and a real browser render."""
from __future__ import annotations

import hashlib
import importlib.util
import json
import os
import random
import re
import subprocess
import sys
from html import escape
from html.parser import HTMLParser
from pathlib import Path

import pytest

from kastfacts.records import Conflict, ConflictValue, Document, Fact, SkippedBlock
from kastfacts.report import _diff_ranges, _sentence_spans, render_report

REPO = Path(__file__).resolve().parent.parent
ARTIFACTS = REPO / "test-artifacts"

_spec = importlib.util.spec_from_file_location("kastfacts_tests_browser", Path(__file__).with_name("browser.py"))
browser = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(browser)

# ---------------------------------------------------------------- a hand-built, seed-like corpus

FR_TEXT = (
    "Le président élu du Chili, José Antonio Kast, se rendra lundi en Équateur pour rencontrer le président "
    "Daniel Noboa.\n"
    "Kast a remporté les élections présidentielles avec 58,1% des voix, contre 41,8% obtenus par la candidate "
    "de gauche Jeannette Jara.\n"
    "En janvier, Kast se rendra au Pérou pour rencontrer José Jeri.\n"
    "A nlo kuki fun itupalẹ lati mu ilọsiwaju wa.\n"
)
ES_TEXT = (
    "La reunión entre José Antonio Kast y el presidente de Ecuador, Daniel Noboa, en el Palacio de Carondelet, "
    "marcó uno de los primeros movimientos internacionales del mandatario chileno. "
    "Kast obtuvo el 58,2 % de los votos en la segunda vuelta del 14 de diciembre.\n"
)
EN_TEXT = (
    "Kast meets Bachelet and travels to Ecuador\n\n"
    "José Antonio Kast, Chile's president-elect after winning the December 14 runoff with 58.2% of the votes, "
    "began an intense agenda on Monday. He met Michelle Bachelet in Santiago.\n\n"
    "Future trips include Peru in January to meet José Jerí, a reader wrote <script>alert('x')</script> & more.\n"
)
SENTENCE_END = re.compile(r"(?<=[.!?])\s+|\n+")


def _sentence_around(text: str, start: int) -> str:
    lo = 0
    for m in SENTENCE_END.finditer(text):
        if m.start() >= start:
            return text[lo:m.start()]
        lo = m.end()
    return text[lo:]


def _facts(doc: str, lang: str, text: str, mentions) -> list[Fact]:
    """mentions, in text order: (kind, surface, value, extra), located in the text with their sentence."""
    out, cursor = [], 0
    for kind, surface, value, extra in mentions:
        start = text.find(surface, cursor)
        assert start != -1, surface
        cursor = start + len(surface)
        out.append(Fact(doc=doc, lang=lang, kind=kind, text=surface, start=start, end=start + len(surface),
                        sentence=_sentence_around(text, start), value=value, **extra))
    return out


KAST = {"entity": "Q_kast"}
FR_FACTS = _facts("000_fr.txt", "fr", FR_TEXT, [
    ("place", "Chili", "Chile", {"code": "CL", "entity": "chile"}),
    ("person", "José Antonio Kast", "José Antonio Kast", KAST),
    ("place", "Équateur", "Ecuador", {"code": "EC", "entity": "ecuador"}),
    ("person", "Daniel Noboa", "Daniel Noboa", {"entity": "noboa"}),
    ("person", "Kast", "José Antonio Kast", KAST),
    ("percentage", "58,1%", 58.1, {"subject": "José Antonio Kast", "attribute": "vote_share", "decimals": 1,
                                    "unit": "percent"}),
    ("percentage", "41,8%", 41.8, {"subject": "Jeannette Jara", "attribute": "vote_share", "decimals": 1,
                                    "unit": "percent"}),
    ("person", "Jeannette Jara", "Jeannette Jara", {"entity": "jara"}),
    ("date", "janvier", "2026-01", {"resolution": "corpus_anchored"}),
    ("person", "Kast", "José Antonio Kast", KAST),
    ("place", "Pérou", "Peru", {"code": "PE", "entity": "peru"}),
    ("person", "José Jeri", "José Jerí", {"entity": "jeri"}),
])
ES_FACTS = _facts("002_es.txt", "es", ES_TEXT, [
    ("person", "José Antonio Kast", "José Antonio Kast", KAST),
    ("place", "Ecuador", "Ecuador", {"code": "EC", "entity": "ecuador"}),
    ("person", "Daniel Noboa", "Daniel Noboa", {"entity": "noboa"}),
    ("organization", "Palacio de Carondelet", "Palacio de Carondelet", {"entity": "carondelet"}),
    ("person", "Kast", "José Antonio Kast", KAST),
    ("percentage", "58,2 %", 58.2, {"subject": "José Antonio Kast", "attribute": "vote_share", "decimals": 1,
                                     "unit": "percent"}),
    ("date", "14 de diciembre", "2025-12-14", {"resolution": "anchored"}),
])
EN_FACTS = _facts("004_en.txt", "en", EN_TEXT, [
    ("person", "Kast", "José Antonio Kast", KAST),
    ("place", "Ecuador", "Ecuador", {"code": "EC", "entity": "ecuador"}),
    ("person", "José Antonio Kast", "José Antonio Kast", KAST),
    ("place", "Chile", "Chile", {"code": "CL", "entity": "chile"}),
    ("date", "December 14", "2025-12-14", {"resolution": "anchored"}),
    ("percentage", "58.2%", 58.2, {"subject": "José Antonio Kast", "attribute": "vote_share", "decimals": 1,
                                    "unit": "percent"}),
    ("date", "Monday", "2025-12-22", {"resolution": "anchored"}),
    ("person", "Michelle Bachelet", "Michelle Bachelet", {"entity": "bachelet"}),
    ("place", "Santiago", "Santiago", {"code": "CL", "entity": "santiago"}),
    ("place", "Peru", "Peru", {"code": "PE", "entity": "peru"}),
    ("person", "José Jerí", "José Jerí", {"entity": "jeri"}),
])
ALL_FACTS = FR_FACTS + ES_FACTS + EN_FACTS


def _documents() -> list[Document]:
    yoruba = FR_TEXT.index("A nlo kuki")
    return [
        Document(doc="000_fr.txt", path="000_fr.txt", text=FR_TEXT, lang="fr", lang_source="detected",
                 anchor="2025-12-21", anchor_method="inferred:weekday", anchor_confidence=0.7, encoding="utf-8",
                 skipped_blocks=[SkippedBlock(yoruba, len(FR_TEXT) - 1, "yo", "other_language")]),
        Document(doc="002_es.txt", path="002_es.txt", text=ES_TEXT, lang="es", lang_source="metadata"),
        Document(doc="004_en.txt", path="004_en.txt", text=EN_TEXT, lang="en", lang_source="metadata",
                 published="2025-12-22", anchor="2025-12-22", anchor_method="metadata", encoding="utf-8",
                 source="https://example.org/kast-bachelet"),
    ]


def _value(fact: Fact) -> ConflictValue:
    return ConflictValue(value=fact.value, doc=fact.doc, text=fact.text, sentence=fact.sentence,
                         start=fact.start, end=fact.end, lang=fact.lang)


def _find(facts: list[Fact], text: str) -> Fact:
    return next(f for f in facts if f.text == text)


def _conflicts() -> list[Conflict]:
    return [
        Conflict(subject="José Antonio Kast", attribute="vote_share", kind="value", severity="substantive",
                 explanation="Kast's share of the runoff vote: 58.1 % in one report, 58.2 % in two others.",
                 values=[_value(_find(FR_FACTS, "58,1%")), _value(_find(ES_FACTS, "58,2 %")),
                         _value(_find(EN_FACTS, "58.2%"))]),
        Conflict(subject="José Jerí", attribute="name", kind="name", severity="spelling",
                 explanation="Two spellings of the Peruvian president's name.",
                 values=[_value(_find(FR_FACTS, "José Jeri")), _value(_find(EN_FACTS, "José Jerí"))]),
    ]


SKIPPED_FILES = [("scans/page1.pdf", "unsupported format"), ("empty.txt", "empty file")]


def _render(**kw) -> str:
    return render_report(_documents(), ALL_FACTS, _conflicts(), title="Kast: reports compared",
                         skipped_files=SKIPPED_FILES, **kw)


# ---------------------------------------------------------------- a tiny DOM over html.parser

VOID = {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track", "wbr"}


class Node:
    def __init__(self, tag, attrs, parent=None):
        self.tag, self.attrs, self.parent, self.children = tag, dict(attrs), parent, []

    @property
    def classes(self) -> set[str]:
        return set((self.attrs.get("class") or "").split())

    def text(self) -> str:
        return "".join(c if isinstance(c, str) else c.text() for c in self.children)

    def iter(self):
        for c in self.children:
            if isinstance(c, Node):
                yield c
                yield from c.iter()

    def find_all(self, tag=None, cls=None, **attrs):
        return [n for n in self.iter() if (tag is None or n.tag == tag) and (cls is None or cls in n.classes)
                and all(n.attrs.get(k) == v for k, v in attrs.items())]

    def by_id(self, ident):
        found = [n for n in self.iter() if n.attrs.get("id") == ident]
        return found[0] if found else None


class TreeBuilder(HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.root = self.current = Node("#root", {})
        self.unclosed: list[str] = []

    def handle_starttag(self, tag, attrs):
        node = Node(tag, attrs, self.current)
        self.current.children.append(node)
        if tag not in VOID:
            self.current = node

    def handle_startendtag(self, tag, attrs):
        self.current.children.append(Node(tag, attrs, self.current))

    def handle_endtag(self, tag):
        if tag in VOID:
            return
        assert self.current.tag == tag, f"</{tag}> closes <{self.current.tag}>"
        self.current = self.current.parent

    def handle_data(self, data):
        self.current.children.append(data)


def parse(html: str) -> Node:
    builder = TreeBuilder()
    builder.feed(html)
    builder.close()
    assert builder.current is builder.root, "unclosed elements"
    return builder.root


@pytest.fixture(scope="module")
def html() -> str:
    return _render()


@pytest.fixture(scope="module")
def dom(html) -> Node:
    return parse(html)


def _norm(text: str) -> str:
    return " ".join(text.split())


# ---------------------------------------------------------------- pure tests on the HTML

def test_html5_page_shell(html, dom):
    assert html.startswith("<!DOCTYPE html>\n")
    assert dom.find_all("html")[0].attrs["lang"] == "en"
    assert dom.find_all("meta", charset="utf-8")
    assert dom.find_all("meta", name="viewport")
    assert dom.find_all("title")[0].text() == "Kast: reports compared"
    for tag in ("header", "main", "nav", "footer"):
        assert dom.find_all(tag), tag
    skip = dom.find_all("a", cls="skip")[0]
    assert skip.attrs["href"] == "#main" and dom.by_id("main").tag == "main"


def test_elements_balanced_and_ids_unique(dom):
    ids = [n.attrs["id"] for n in dom.iter() if "id" in n.attrs]
    assert len(ids) == len(set(ids)), [i for i in ids if ids.count(i) > 1]


def test_conflict_cards(dom):
    cards = dom.find_all("article", cls="conflict")
    assert [c.attrs["id"] for c in cards] == ["conflict-1", "conflict-2"]
    vote = _norm(dom.by_id("conflict-1").text())
    assert "José Antonio Kast" in vote and "vote share" in vote
    assert "Severity: substantive" in vote and "Kind: value" in vote
    assert "58.1 %" in vote and "58.2 %" in vote
    assert "Kast's share of the runoff vote" in vote
    name = _norm(dom.by_id("conflict-2").text())
    assert "Severity: spelling" in name and "José Jeri" in name and "José Jerí" in name
    assert len(dom.by_id("conflict-1").find_all("div", cls="side")) == 3
    assert len(dom.by_id("conflict-2").find_all("div", cls="side")) == 2


def test_conflict_values_link_their_documents(dom):
    sides = dom.by_id("conflict-1").find_all("div", cls="side")
    hrefs = [s.find_all("a")[0].attrs["href"] for s in sides]
    assert hrefs == ["#doc-000_fr.txt", "#doc-002_es.txt", "#doc-004_en.txt"]
    values = [s.find_all("data")[0].attrs["value"] for s in sides]
    assert values == ["58.1", "58.2", "58.2"]


def test_differing_figure_is_emphasized(dom):
    card = dom.by_id("conflict-1")
    quotes = card.find_all("blockquote", cls="sentence")
    diffs = [[d.text() for d in q.find_all("strong", cls="diff")] for q in quotes]
    assert diffs == [["1"], ["2"], ["2"]]
    # the emphasized digit sits inside the highlighted percentage
    mark = quotes[0].find_all("strong", cls="diff")[0].parent
    assert mark.tag == "mark" and {"ent", "percentage", "focus"} <= mark.classes
    assert _norm(mark.text()) == "58,1% percentage"
    name_diffs = [d.text() for q in dom.by_id("conflict-2").find_all("blockquote") for d in q.find_all("strong")]
    assert name_diffs == ["i", "í"]


def test_sentences_highlight_entities_with_labels_and_lang(dom):
    quote = dom.by_id("conflict-1").find_all("blockquote", cls="sentence")[0]
    assert quote.attrs["lang"] == "fr"
    marks = {(_norm(m.text())) for m in quote.find_all("mark")}
    assert "Kast person" in marks and "Jeannette Jara person" in marks and "41,8% percentage" in marks
    labels = [m.find_all("span", cls="label")[0].text() for m in quote.find_all("mark")]
    assert set(labels) == {"person", "percentage"}
    langs = [q.attrs["lang"] for q in dom.by_id("conflict-1").find_all("blockquote")]
    assert langs == ["fr", "es", "en"]
    en = dom.by_id("conflict-1").find_all("blockquote")[2]
    kinds = {m.find_all("span", cls="label")[0].text() for m in en.find_all("mark")}
    assert kinds == {"person", "place", "date", "percentage"}


def test_numeric_conflict_has_accessible_chart(dom):
    svgs = dom.by_id("conflict-1").find_all("svg")
    assert len(svgs) == 1
    svg = svgs[0]
    assert svg.attrs["role"] == "img"
    for ref in svg.attrs["aria-labelledby"].split():
        assert dom.by_id(ref) is not None and dom.by_id(ref).parent is svg
    assert "values per source" in svg.find_all("title")[0].text()
    texts = [t.text() for t in svg.find_all("text")]
    assert "58.1 %" in texts and texts.count("58.2 %") == 2 and "000_fr.txt" in texts
    assert len(svg.find_all("rect")) == 3
    assert "0.1" in dom.by_id("conflict-1").find_all("figcaption")[0].text()
    assert dom.by_id("conflict-2").find_all("svg") == []


def test_entity_table(dom):
    section = dom.by_id("entities")
    rows = section.find_all("tbody")[0].find_all("tr")
    by_name = {_norm(r.find_all("th")[0].text()): r for r in rows}
    assert {"José Antonio Kast", "Ecuador", "Peru", "Chile", "José Jerí", "Palacio de Carondelet"} <= set(by_name)
    kast = [_norm(td.text()) for td in by_name["José Antonio Kast"].find_all("td")]
    assert kast[0] == "person" and kast[2] == "José Antonio Kast, Kast" and kast[3] == "7"
    assert [a.attrs["href"] for a in by_name["José Antonio Kast"].find_all("a")] == [
        "#doc-000_fr.txt", "#doc-002_es.txt", "#doc-004_en.txt"]
    ecuador = [_norm(td.text()) for td in by_name["Ecuador"].find_all("td")]
    assert ecuador[:3] == ["place", "EC", "Ecuador, Équateur"]
    assert [_norm(td.text()) for td in by_name["José Jerí"].find_all("td")][2] == "José Jeri, José Jerí"
    assert [_norm(td.text()) for td in by_name["Palacio de Carondelet"].find_all("td")][0] == "organization"
    spans = {s.text(): s.attrs["lang"] for s in by_name["Ecuador"].find_all("span")}
    assert spans == {"Ecuador": "es", "Équateur": "fr"}
    # people first, then places, then organizations
    kinds = [_norm(r.find_all("td")[0].text()) for r in rows]
    assert kinds == sorted(kinds, key=("person", "place", "organization").index)


def test_links_resolve(dom):
    ids = {n.attrs["id"] for n in dom.iter() if "id" in n.attrs}
    internal = [a.attrs["href"] for a in dom.find_all("a") if a.attrs.get("href", "").startswith("#")]
    assert len(internal) > 20
    missing = sorted({h for h in internal if h[1:] not in ids})
    assert not missing
    for doc in ("000_fr.txt", "002_es.txt", "004_en.txt"):
        assert dom.by_id(f"doc-{doc}").tag == "section"


def test_no_external_assets(html, dom):
    assert not dom.find_all("link")
    assert not dom.find_all("img") and not dom.find_all("iframe")
    for script in dom.find_all("script"):
        assert "src" not in script.attrs
    for node in dom.iter():
        for attr in ("src", "srcset", "data", "poster", "xlink:href"):
            assert not str(node.attrs.get(attr) or "").startswith(("http:", "https:", "//")), node.tag
    style = "".join(s.text() for s in dom.find_all("style"))
    assert "url(" not in style and "@import" not in style
    # the only web address is the document's source, as a link the reader may follow
    web_links = [a.attrs["href"] for a in dom.find_all("a") if not a.attrs["href"].startswith("#")]
    assert web_links == ["https://example.org/kast-bachelet"]


def test_script_in_a_sentence_is_escaped(html, dom):
    assert "<script>alert" not in html
    assert "&lt;script&gt;alert(&#x27;x&#x27;)&lt;/script&gt; &amp; more" in html or \
           "&lt;script&gt;alert('x')&lt;/script&gt; &amp; more" in html
    scripts = dom.find_all("script")
    assert len(scripts) == 1 and "alert" not in scripts[0].text()
    quote = dom.by_id("conflict-2").find_all("blockquote")[1]
    assert "<script>alert('x')</script> & more" in quote.text()


def test_every_header_cell_has_scope(dom):
    ths = dom.find_all("th")
    assert len(ths) > 30
    assert all(th.attrs.get("scope") in ("col", "row") for th in ths)


def test_overview_documents_dates_languages_skips(dom):
    overview = dom.by_id("overview")
    rows = overview.find_all("table")[0].find_all("tbody")[0].find_all("tr")
    cells = {_norm(r.find_all("th")[0].text()): [_norm(td.text()) for td in r.find_all("td")] for r in rows}
    assert cells["000_fr.txt"][:2] == ["French (fr) detected",
                                       "2025-12-21 inferred from its text: the weekday it names (confidence 0.70)"]
    assert cells["004_en.txt"][1] == "2025-12-22 from metadata"
    assert cells["002_es.txt"][1] == "unknown"
    # person, place, organization, date, percentage, skipped blocks
    assert cells["000_fr.txt"][2:] == ["6", "3", "0", "1", "2", "1"]
    assert cells["002_es.txt"][2:] == ["3", "1", "1", "1", "1", "0"]
    blocks = overview.find_all("table")[1].find_all("tbody")[0].find_all("tr")
    assert [[_norm(c.text()) for c in r.find_all("th") + r.find_all("td")] for r in blocks] == [
        ["000_fr.txt", "311–355", "Yoruba (yo)", "other language", "A nlo kuki fun itupalẹ lati mu ilọsiwaju wa."]]
    assert blocks[0].find_all("td")[-1].attrs["lang"] == "yo"
    files = overview.find_all("table")[2].find_all("tbody")[0].find_all("tr")
    assert [[_norm(c.text()) for c in r.find_all("th") + r.find_all("td")] for r in files] == [
        ["empty.txt", "empty file"], ["scans/page1.pdf", "unsupported format"]]
    languages = [_norm(li.text()) for li in overview.find_all("ul", cls="languages")[0].find_all("li")]
    assert languages == ["English (en): 1 document, 11 facts", "Spanish (es): 1 document, 7 facts",
                         "French (fr): 1 document, 12 facts", "Yoruba (yo): 1 skipped block"]


def test_document_sections_list_facts_by_kind(dom):
    section = dom.by_id("doc-004_en.txt")
    headings = [_norm(h.text()) for h in section.find_all("h4")]
    assert headings == ["person 4", "place 4", "date 2", "percentage 1"]
    text = _norm(section.text())
    assert "58.2 %" in text and "2025-12-22" in text and "#1, #2" in text
    assert [a.attrs["href"] for a in section.find_all("a") if a.attrs["href"].startswith("#conflict")] == [
        "#conflict-1", "#conflict-2"]
    annotated = section.find_all("div", cls="annotated")[0]
    assert annotated.attrs["lang"] == "en" and len(annotated.find_all("mark")) == len(EN_FACTS)
    fr = dom.by_id("doc-000_fr.txt").find_all("p", cls="skipped")
    assert len(fr) == 1 and "A nlo kuki" in fr[0].text()


def test_determinism_and_input_order(html):
    assert _render() == html
    docs, facts = _documents(), list(ALL_FACTS)
    random.Random(7).shuffle(docs)
    random.Random(8).shuffle(facts)
    shuffled = render_report(docs, facts, _conflicts(), title="Kast: reports compared",
                             skipped_files=list(reversed(SKIPPED_FILES)))
    assert shuffled == html
    assert not re.search(r"20\d\d-\d\d-\d\dT\d\d:", html)


def test_same_bytes_across_processes(html):
    """Set and dict order must not leak into the page: other hash seeds, same bytes."""
    code = ("import hashlib, importlib.util, sys; sys.path.insert(0, %r); "
            "spec = importlib.util.spec_from_file_location('t', %r); m = importlib.util.module_from_spec(spec); "
            "spec.loader.exec_module(m); print(hashlib.sha256(m._render().encode()).hexdigest())"
            % (str(REPO), __file__))
    digests = {subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True,
                              env={**os.environ, "PYTHONHASHSEED": seed}, cwd=REPO).stdout.strip()
               for seed in ("1", "2")}
    assert digests == {hashlib.sha256(html.encode()).hexdigest()}


def test_generators_accepted_and_empty_corpus():
    html = render_report((d for d in _documents()), iter(ALL_FACTS), iter(_conflicts()))
    assert html.count('<article class="conflict') == 2
    empty = parse(render_report([], [], []))
    assert "No conflict found" in empty.by_id("conflicts").text()
    assert empty.find_all("title")[0].text() == "kastfacts report"


def test_documents_only_named_by_facts_get_a_section():
    fact = Fact(doc="sub dir/é#1.txt", lang="fr", kind="person", text="Kast", start=0, end=4,
                sentence="Kast gagne.", value="José Antonio Kast")
    dom = parse(render_report([], [fact], []))
    section = [n for n in dom.find_all("section", cls="document")]
    assert len(section) == 1 and section[0].attrs["id"] == "doc-sub-dir-1.txt"
    assert all(a.attrs["href"] == "#doc-sub-dir-1.txt" for a in dom.find_all("a", cls="doc-link"))


def test_colliding_document_ids_stay_unique():
    docs = [Document(doc=d, path=d, text="") for d in ("a b.txt", "a-b.txt", "a?b.txt")]
    dom = parse(render_report(docs, [], []))
    ids = [s.attrs["id"] for s in dom.find_all("section", cls="document")]
    assert len(set(ids)) == 3


def test_sentence_normalized_differently_still_highlights():
    # The pipeline may collapse a line break inside the sentence: offsets no longer match the text.
    text = "Intro.\nKast a obtenu\n58,1 % des voix."
    fact = Fact(doc="d", lang="fr", kind="percentage", text="58,1 %", start=text.index("58,1"),
                end=text.index("58,1") + 6, sentence="Kast a obtenu 58,1 % des voix.", value=58.1)
    kast = Fact(doc="d", lang="fr", kind="person", text="Kast", start=7, end=11,
                sentence="Kast a obtenu 58,1 % des voix.", value="José Antonio Kast")
    spans, focus = _sentence_spans(fact.sentence, text, [kast, fact], fact.start, fact.end, fact.text)
    assert focus == (14, 20)
    assert sorted((s.start, s.end, s.kind) for s in spans) == [(0, 4, "person"), (14, 20, "percentage")]


def test_claim_without_fact_is_still_marked():
    text = "Le candidat a obtenu 58,1 % des voix."
    value = ConflictValue(value=58.1, doc="d", text="58,1 %", sentence=text, start=21, end=27, lang="fr")
    conflict = Conflict(subject="Kast", attribute="vote_share", kind="value", severity="minor",
                        explanation="x", values=[value, ConflictValue(58.2, "e", "58.2%", "58.2%", 0, 5)])
    dom = parse(render_report([Document("d", "d", text, lang="fr")], [], [conflict]))
    mark = dom.by_id("conflict-1").find_all("mark")[0]
    assert {"claim", "focus"} <= mark.classes and _norm(mark.text()) == "58,1 % claim"
    assert [s.text() for s in dom.by_id("conflict-1").find_all("strong", cls="diff")] == ["1", "1", "2", "2"]


@pytest.mark.parametrize("texts, expected", [
    (["58,1%", "58.2%"], ["1", "2"]),
    (["58,1 %", "58.2%"], ["1", "2"]),
    (["41,8 %", "41,9 %", "41.8 %"], ["8", "9", "8"]),
    (["50%", "51%"], ["0", "1"]),
    (["12,5%", "13,5%"], ["2", "3"]),
    (["48,1%", "58,1%"], ["4", "5"]),
    (["1.234", "1,235"], ["4", "5"]),
    (["58,1%", "58,15%"], ["58,1%", "5"]),
    (["58%", "58,0%"], ["58%", ",0"]),
    (["7 %", "17 %"], ["7 %", "1"]),
    (["25.000", "25,001"], ["0", "1"]),
])
def test_diff_of_numbers(texts, expected):
    ranges = _diff_ranges(texts, numeric=True)
    assert [t[a:b] for t, (a, b) in zip(texts, ranges)] == expected


@pytest.mark.parametrize("texts, expected", [
    (["José Jeri", "José Jerí"], ["i", "í"]),
    (["Noboa", "Nob\u043ea"], ["o", "\u043e"]),   # a Cyrillic o pasted in
    (["Jeannette Jara", "Jeanette Jara"], ["n", "Jeanette Jara"]),   # nothing left: the whole name
    (["Michelle Bachelet", "Michèle Bachelet"], ["el", "è"]),
    (["Kast", "Kast"], ["Kast", "Kast"]),
    (["14 décembre", "December 15"], ["14 décembre", "December 15"]),
    (["Quito", "Lima", "Quito"], ["Quito", "Lima", "Quito"]),
])
def test_diff_of_names(texts, expected):
    ranges = _diff_ranges(texts, numeric=False)
    assert [t[a:b] for t, (a, b) in zip(texts, ranges)] == expected


def test_values_print_with_their_decimals_and_unit():
    fact = Fact(doc="d", lang="fr", kind="percentage", text="58,10 %", start=0, end=7, sentence="58,10 %",
                value=58.1, decimals=2, unit="percent")
    dom = parse(render_report([Document("d", "d", "58,10 %", lang="fr")], [fact], []))
    row = dom.by_id("doc-d").find_all("tbody")[0].find_all("td")
    assert row[0].text() == "58.10 %"


def _luminance(colour: str) -> float:
    channels = [int(colour.lstrip("#")[i:i + 2], 16) / 255 for i in (0, 2, 4)]
    r, g, b = [c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4 for c in channels]
    return 0.2126 * r + 0.7152 * g + 0.0722 * b


def _contrast(a: str, b: str) -> float:
    hi, lo = sorted((_luminance(a), _luminance(b)), reverse=True)
    return (hi + 0.05) / (lo + 0.05)


def test_colours_meet_wcag_aa(dom):
    style = dom.find_all("style")[0].text()
    var = dict(re.findall(r"--([\w-]+):(#[0-9a-fA-F]{6})", style))
    for kind in ("person", "place", "organization", "date", "percentage", "claim"):
        assert _contrast(var[f"{kind}-ink"], var[kind]) >= 4.5, kind      # small labels
        assert _contrast(var["ink"], var[kind]) >= 4.5, kind              # the mention itself
    for background in ("bg", "card"):
        assert _contrast(var["muted"], var[background]) >= 4.5
        assert _contrast(var["ink"], var[background]) >= 7
    badges = re.findall(r"\.badge\.sev-[a-z-]+\{background:(#[0-9a-f]{6});color:(#[0-9a-f]{6})", style)
    assert len(badges) == 6 and all(_contrast(bg, fg) >= 4.5 for bg, fg in badges)
    diff = re.search(r"strong\.diff\{background:(#[0-9a-f]{6});color:(#[0-9a-f]{6})", style)
    assert _contrast(*diff.groups()) >= 7


def test_focus_print_and_phone_rules(dom):
    style = dom.find_all("style")[0].text()
    assert re.search(r":focus-visible\{outline:3px solid", style)
    assert ".skip:focus{top:" in style
    printing = style[style.index("@media print"):]
    assert "box-shadow:none" in printing and "break-inside:avoid" in printing and ".conflict" in printing
    assert re.search(r"@media \(max-width:40rem\)", style)
    # the skip link is the first thing a keyboard reaches
    first_link = next(n for n in dom.iter() if n.tag == "a")
    assert "skip" in first_link.classes
    # every scrolling table region can take the focus (keyboard scrolling)
    assert all(w.attrs.get("tabindex") == "0" for w in dom.find_all("div", cls="table-wrap"))
    # stacked narrow-screen tables name each data cell's column
    assert all(td.attrs.get("data-label") for td in dom.find_all("td"))


# ---------------------------------------------------------------- in a real browser

PROBE = """<script>
(function () {
  var cards = Array.prototype.map.call(document.querySelectorAll("article.conflict"), function (a) {
    var r = a.getBoundingClientRect();
    return {id: a.id, text: a.innerText, left: r.left, right: r.right};
  });
  var sides = Array.prototype.map.call(document.querySelectorAll("#conflict-1 .side"), function (s) {
    var r = s.getBoundingClientRect(); return {left: r.left, top: r.top};
  });
  var out = document.createElement("pre");
  out.id = "probe";
  out.textContent = JSON.stringify({cards: cards, sides: sides, innerWidth: window.innerWidth,
    scrollWidth: document.documentElement.scrollWidth, fontSize: getComputedStyle(document.body).fontSize});
  // In a phone-sized iframe (headless windows are at least 500 px wide), report to the parent page.
  (window.parent !== window ? parent.document.body : document.body).appendChild(out);
})();
</script>"""


@pytest.fixture(scope="module")
def chromium() -> str:
    binary = browser.find_chromium()
    if binary is None:
        pytest.skip(f"headless Chromium not installed; install it with: {browser.INSTALL_HINT}")
    return binary


def _probe(dumped: str) -> dict:
    pre = parse(dumped).by_id("probe")
    assert pre is not None, dumped[-500:]
    return json.loads(pre.text())


def test_in_chromium(chromium, html, tmp_path):
    ARTIFACTS.mkdir(exist_ok=True)
    page = ARTIFACTS / "report.html"
    page.write_text(html, encoding="utf-8")
    probed = tmp_path / "probed.html"
    probed.write_text(html.replace("</body>", PROBE + "\n</body>"), encoding="utf-8")
    # Headless Chromium windows are at least 500 px wide: a 390 px iframe gives the phone viewport.
    phone_frame = tmp_path / "phone.html"
    phone_frame.write_text('<!DOCTYPE html><html><body style="margin:0"><iframe style="width:390px;height:1600px;'
                           f'border:0" srcdoc="{escape(probed.read_text(encoding="utf-8"))}"></iframe></body></html>',
                           encoding="utf-8")
    desktop_png, phone_png = ARTIFACTS / "report-desktop.png", ARTIFACTS / "report-phone.png"
    dom_desktop, dom_phone, _, _ = browser.run_parallel(
        (browser.dump_dom, chromium, probed, (1280, 2000)),
        (browser.dump_dom, chromium, phone_frame, (1280, 2000)),
        (browser.screenshot, chromium, page, desktop_png, (1280, 2000)),
        (browser.screenshot, chromium, page, phone_png, (390, 1600)),
    )
    rendered = parse(dom_desktop)
    assert [a.attrs["id"] for a in rendered.find_all("article", cls="conflict")] == ["conflict-1", "conflict-2"]

    desktop = _probe(dom_desktop)
    assert desktop["innerWidth"] == 1280
    vote = desktop["cards"][0]["text"]
    assert "58.1 %" in vote and "58.2 %" in vote and "José Antonio Kast" in vote
    assert "Severity: substantive" in vote
    # side by side on a wide screen: the three sources share one row
    assert len({round(s["top"]) for s in desktop["sides"]}) == 1
    assert len({round(s["left"]) for s in desktop["sides"]}) == 3

    phone = _probe(dom_phone)
    assert phone["innerWidth"] == 390
    assert phone["scrollWidth"] <= phone["innerWidth"], "page scrolls sideways on a phone"
    assert all(0 <= c["left"] and c["right"] <= 390 for c in phone["cards"])
    # stacked on a phone: one column
    assert len({round(s["left"]) for s in phone["sides"]}) == 1
    assert "58.1 %" in phone["cards"][0]["text"]

    for png in (desktop_png, phone_png):
        data = png.read_bytes()
        assert data[:8] == b"\x89PNG\r\n\x1a\n" and len(data) > 20_000


def test_the_seeds_report_from_the_command_line_in_chromium(chromium, tmp_path):
    """`kastfacts extract seeds/` then `kastfacts report`, opened in a real browser."""
    from typer.testing import CliRunner

    from kastfacts.cli import app

    runner, db = CliRunner(), tmp_path / "k.db"
    seeds = Path(__file__).resolve().parent.parent / "seeds"
    assert runner.invoke(app, ["extract", str(seeds), "--db", str(db), "-q", "--format", "jsonl"]).exit_code == 0
    ARTIFACTS.mkdir(exist_ok=True)
    page = ARTIFACTS / "seeds-report.html"
    result = runner.invoke(app, ["report", "--db", str(db), "--out", str(page)])
    assert result.exit_code == 0, result.output
    dom, _ = browser.run_parallel((browser.dump_dom, chromium, page, (1280, 2000)),
                                  (browser.screenshot, chromium, page, ARTIFACTS / "seeds-report.png", (1280, 2400)))
    cards = parse(dom).find_all("article", cls="conflict")
    assert len(cards) == 1          # "José Jeri" is an accent dropped: not a disagreement (conflicts --all)
    text = " ".join(cards[0].text().split())
    assert "José Antonio Kast" in text and "58.1" in text and "58.2" in text and "Severity: minor" in text
    assert (ARTIFACTS / "seeds-report.png").stat().st_size > 10_000


# ---------------------------------------------------------------- a corpus's worth of reports

def _corpus(n: int):
    """n short reports of one runoff: a third French (58,1 %), the rest English and Spanish (58.2 %);
    two of them spell Jerí without its accent. Documents, facts and the two conflicts."""
    docs, facts, share, names = [], [], [], []
    for i in range(n):
        lang = ("fr", "en", "es")[i % 3]
        figure, value = {"fr": ("58,1 %", 58.1), "en": ("58.2%", 58.2), "es": ("58,2 %", 58.2)}[lang]
        jeri = "José Jeri" if i in (1, 2) else "José Jerí"
        text = (f"Kast won with {figure} of the vote, report {i:05d} says.\n"
                f"He will meet {jeri} in Lima in January; {'Bachelet' if i % 2 else 'Noboa'} was told.\n")
        doc = f"outlet-{i % 7}/report-{i:05d}.txt"
        docs.append(Document(doc=doc, path=doc, text=text, lang=lang, lang_source="detected", anchor="2025-12-21",
                             anchor_method="corpus:shared-entities(outlet-0/report-00000.txt:0.40)+weekday",
                             anchor_confidence=0.5))
        found = _facts(doc, lang, text, [
            ("person", "Kast", "José Antonio Kast", KAST),
            ("percentage", figure, value, {"subject": "José Antonio Kast", "attribute": "vote_share", "decimals": 1,
                                           "unit": "percent"}),
            ("person", jeri, "José Jerí", {"entity": "jeri"}),
            ("place", "Lima", "Lima", {"code": "PE", "entity": f"lima-{i % 40}"}),
        ])
        facts += found
        share.append(_value(found[1]))
        if i < 3:
            names.append(_value(found[2]))
    conflicts = [
        Conflict(subject="José Antonio Kast", attribute="vote_share", kind="value", severity="minor",
                 explanation=f"{n} reports give figures for José Antonio Kast's vote share.", values=share),
        Conflict(subject="José Jerí", attribute="name", kind="name", severity="spelling",
                 explanation="José Jerí is spelt two ways.", values=names),
    ]
    return docs, facts, conflicts


def test_a_corpus_report_leads_with_its_conflicts_and_collapses_long_tables():
    dom = parse(render_report(*_corpus(300)))
    sections = [n.attrs["id"] for n in dom.by_id("main").children if isinstance(n, Node) and n.tag == "section"]
    assert sections == ["conflicts", "overview", "entities", "documents"]
    summary = _norm(dom.find_all("p", cls="summary")[0].text())
    assert summary == "2 conflicts (1 minor, 1 spelling) across 300 reports of 300."
    table = dom.by_id("documents-table")
    assert table.tag == "details" and "open" not in table.attrs
    assert _norm(table.find_all("summary")[0].text()) == "Documents, with facts by kind (300 documents)"
    assert len(table.find_all("tbody")[0].find_all("tr")) == 300
    assert dom.by_id("entities-table").tag == "details"
    # 300 reports share two figures: one side per figure, naming how many reports give it
    sides = dom.by_id("conflict-1").find_all("div", cls="side")
    assert [_norm(s.find_all("p", cls="reports")[0].text()).split(":")[0] for s in sides] == ["100 reports", "200 reports"]
    assert "100 reports: the first shown, also outlet-3/report-00003.txt" in _norm(sides[0].text())
    assert "and 89 more" in _norm(sides[0].text())         # 1 quoted, 10 named
    assert len(dom.by_id("conflict-1").find_all("rect")) == 2
    # in full: the quoted reports and the first others, up to the budget; every link resolves
    assert len(dom.find_all("section", cls="document")) == 100
    ids = {n.attrs["id"] for n in dom.iter() if "id" in n.attrs}
    assert all(a.attrs["href"][1:] in ids for a in dom.find_all("a") if a.attrs.get("href", "").startswith("#"))
    assert "inferred from a related report and its own clues: the weekday it names (confidence 0.50)" in _norm(
        table.text())


def test_a_report_of_10000_reports_stays_a_page():
    docs, facts, conflicts = _corpus(10_000)
    html = render_report(docs, iter(facts), conflicts)
    assert len(html) < 3_000_000, len(html)
    dom = parse(html)
    table = dom.by_id("documents-table")
    assert len(table.find_all("tbody")[0].find_all("tr")) == 1000
    assert "The first 1,000 of 10,000 documents; kastfacts documents lists them all." in _norm(table.text())
    assert len(dom.by_id("conflict-1").find_all("div", cls="side")) == 2
    assert len(dom.find_all("section", cls="document")) == 100


CORPUS_PROBE = """<script>
(function () {
  function top(id) { return document.getElementById(id).getBoundingClientRect().top + window.scrollY; }
  var table = document.getElementById("documents-table");
  var closedHeight = table.getBoundingClientRect().height;
  table.open = true;
  var wrap = table.querySelector(".table-wrap");
  var out = document.createElement("pre");
  out.id = "probe";
  out.textContent = JSON.stringify({
    order: ["conflicts", "overview", "entities", "documents"].map(top),
    firstCard: document.querySelector("article.conflict").getBoundingClientRect().top,
    closed: Array.prototype.map.call(document.querySelectorAll("details.long"), function (d) { return d.id; }),
    closedHeight: closedHeight, tableScroll: wrap.scrollWidth, tableWidth: wrap.clientWidth,
    innerWidth: window.innerWidth, scrollWidth: document.documentElement.scrollWidth});
  document.body.appendChild(out);
})();
</script>"""


def test_a_300_report_corpus_in_chromium(chromium, tmp_path):
    """The conflicts on the first screen, the long tables collapsed, nothing scrolling sideways at 1400 px."""
    ARTIFACTS.mkdir(exist_ok=True)
    html = render_report(*_corpus(300), title="300 reports of one runoff")
    page = ARTIFACTS / "report-300.html"
    page.write_text(html, encoding="utf-8")
    probed = tmp_path / "probed.html"
    probed.write_text(html.replace("</body>", CORPUS_PROBE + "\n</body>"), encoding="utf-8")
    png = ARTIFACTS / "report-300.png"
    dumped, _ = browser.run_parallel((browser.dump_dom, chromium, probed, (1400, 1000)),
                                     (browser.screenshot, chromium, page, png, (1400, 1000)))
    probe = _probe(dumped)
    assert probe["order"] == sorted(probe["order"]), "conflicts come first"
    assert probe["firstCard"] < 600, "the first conflict card is on the first screen"
    assert {"documents-table", "entities-table"} <= set(probe["closed"])
    assert probe["closedHeight"] < 60, "a collapsed table shows its summary line only"
    assert probe["innerWidth"] == 1400 and probe["scrollWidth"] <= 1400
    assert probe["tableScroll"] <= probe["tableWidth"], "the documents table scrolls sideways at 1400 px"
    assert png.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n" and png.stat().st_size > 20_000
