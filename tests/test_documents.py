"""Reading documents: folders, encodings, metadata, and bad inputs reported, never raised."""
import codecs
import json

import pytest

from kastfacts.documents import decode, read_documents, InputError
from kastfacts.records import Document, InputIssue

FR = "Le président élu du Chili, José Antonio Kast, se rendra lundi en Équateur."
ES = "La reunión entre José Antonio Kast y el presidente de Ecuador, Daniel Noboa, marcó un hito."


def split(items):
    docs = [i for i in items if isinstance(i, Document)]
    issues = [i for i in items if isinstance(i, InputIssue)]
    return docs, issues


@pytest.mark.parametrize("data, text, encoding", [
    (FR.encode("utf-8"), FR, "utf-8"),
    (codecs.BOM_UTF8 + FR.encode("utf-8"), FR, "utf-8-sig"),
    (FR.encode("utf-16"), FR, "utf-16-bom"),
    (codecs.BOM_UTF16_BE + FR.encode("utf-16-be"), FR, "utf-16-bom"),
    (ES.encode("utf-32"), ES, "utf-32-bom"),
])
def test_decode_unicode(data, text, encoding):
    assert decode(data) == (text, encoding)


@pytest.mark.parametrize("text", [FR, ES, "Año electoral: la campaña de Peña en Córdoba, según el diario, terminó mal."
                                  " El candidato obtuvo el 41 % de los votos en la segunda vuelta."])
def test_decode_legacy_single_byte(text):
    decoded, encoding = decode(text.encode("cp1252"))
    assert decoded == text
    assert encoding.replace("_", "").lower() in ("cp1252", "windows1252", "latin1", "iso88591", "iso885915")


@pytest.mark.parametrize("data, why", [
    (b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj", "PDF"),
    (b"\x00\x01\x02\x03binary\x00\xff\xfe\x00", "binary"),
    (b"PK\x03\x04\x14\x00\x06\x00", "ZIP"),
])
def test_decode_rejects_non_text(data, why):
    with pytest.raises(InputError, match=why):
        decode(data)


def test_folder_is_read_recursively_sorted_with_relative_ids(tmp_path):
    (tmp_path / "b").mkdir()
    (tmp_path / "b" / "two.md").write_text(ES, encoding="utf-8")
    (tmp_path / "one.txt").write_text(FR, encoding="utf-8")
    (tmp_path / "image.png").write_bytes(b"\x89PNG")
    (tmp_path / "one.meta.json").write_text(json.dumps({"lang": "fr", "published": "2025-12-21",
                                                        "source": "AFP", "desk": "latam"}), encoding="utf-8")
    docs, issues = split(list(read_documents([tmp_path])))
    assert [d.doc for d in docs] == ["b/two.md", "one.txt"]
    one = docs[1]
    assert (one.lang, one.lang_source, one.published, one.source, one.meta) == ("fr", "metadata", "2025-12-21", "AFP", {"desk": "latam"})
    assert [(i.path.endswith("image.png"), "not a .txt, .md, .html, .htm, .jsonl or .ndjson file" in i.reason) for i in issues] == [(True, True)]


def test_a_file_given_directly_is_named_by_its_file_name(tmp_path):
    path = tmp_path / "sub" / "a.txt"
    path.parent.mkdir()
    path.write_text(FR, encoding="utf-8")
    docs, _ = split(list(read_documents([path])))
    assert docs[0].doc == "a.txt" and docs[0].text == FR


def test_bad_inputs_are_reported_and_the_run_goes_on(tmp_path):
    (tmp_path / "empty.txt").write_text("  \n\t\n", encoding="utf-8")
    (tmp_path / "big.txt").write_text("x" * 2000, encoding="utf-8")
    (tmp_path / "paper.txt").write_bytes(b"%PDF-1.4 ...")
    (tmp_path / "good.txt").write_text(FR, encoding="utf-8")
    items = list(read_documents([tmp_path, tmp_path / "missing.txt"], max_bytes=1000))
    docs, issues = split(items)
    assert [d.doc for d in docs] == ["good.txt"]
    reasons = {i.path.rsplit("/", 1)[-1]: i.reason for i in issues}
    assert "empty" in reasons["empty.txt"]
    assert "over the limit" in reasons["big.txt"] and "--max-bytes" in reasons["big.txt"]
    assert "PDF" in reasons["paper.txt"]
    assert "no such file" in reasons["missing.txt"]


@pytest.mark.parametrize("meta, problem", [
    ("{not json", "not valid JSON"),
    ('["a list"]', "expected a JSON object"),
    ('{"lang": "yo"}', "unknown language"),
    ('{"published": "2025-02-30"}', "not a valid date"),
    ('{"published": "next tuesday"}', "not a date kastfacts can read"),
    ('{"published": "03/04/2025"}', "ambiguous"),
    ('{"published": "décembre 2025"}', "needs a day, a month and a year"),
    ('{"published": "9999-12-31"}', "outside the years"),
])
def test_malformed_metadata_is_reported_and_ignored_for_that_file(tmp_path, meta, problem):
    (tmp_path / "a.txt").write_text(FR, encoding="utf-8")
    (tmp_path / "a.meta.json").write_text(meta, encoding="utf-8")
    docs, issues = split(list(read_documents([tmp_path])))
    assert len(docs) == 1 and docs[0].published is None and docs[0].lang is None
    assert len(issues) == 1 and issues[0].severity == "warning" and problem in issues[0].reason


def test_option_lang_forces_and_published_fills_only_missing_dates(tmp_path):
    (tmp_path / "a.txt").write_text(FR, encoding="utf-8")
    (tmp_path / "b.txt").write_text(FR, encoding="utf-8")
    (tmp_path / "b.meta.json").write_text('{"published": "2025-12-21"}', encoding="utf-8")
    docs, _ = split(list(read_documents([tmp_path], lang="es", published="2026-01-02")))
    assert [(d.lang, d.lang_source, d.published) for d in docs] == [("es", "option", "2026-01-02"), ("es", "option", "2025-12-21")]
