"""Numbers written in words: kastfacts' own reader (percentages.py) against text2num's alpha2digit.

    cd ../shared/peer-specs && python score.py ../../main/bench/number_words.py:kastfacts --kind percentage
    cd ../shared/peer-specs && python score.py ../../main/bench/number_words.py:text2num --kind percentage

(or `python bench/number_words.py`, which runs both through the scorer, prints the two tables, and
then reads every NumberModel number written only in words, given its span, with each reader.)

`kastfacts` is find_percentages as it is. `text2num` is the same grammar with its number-word
reader switched off and the text passed through text2num's alpha2digit first ("cincuenta y ocho
por ciento" -> "58 por ciento"), offsets mapped back to the original text. alpha2digit reads
"ciento" / "cent" as 100 even in "por ciento" / "pour cent" ("58 por 100"), so the sign words
are kept out of its reach (replaced by a placeholder it leaves alone, then put back).
"""
from __future__ import annotations

import difflib
import re
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from kastfacts import percentages  # noqa: E402

# sign words alpha2digit would read as numbers ("por ciento" -> "por 100")
_SIGN_WORDS = re.compile(r"por\s*cien(?:to)?|pour[\s-]?cents?|per[\s-]?cent|porcientos?|pourcents?", re.IGNORECASE)
_PLACEHOLDER = "\ue000"         # a private-use character: neither a word nor a digit to alpha2digit


def kastfacts(text: str, lang: str, reference_datetime=None) -> list[dict]:
    return [{"text": p.text, "start": p.start, "end": p.end, "kind": "percentage", "value": p.value}
            for p in percentages.find_percentages(text, lang)]


def _converted(text: str, lang: str) -> str:
    from text_to_num import alpha2digit

    signs = _SIGN_WORDS.findall(text)
    shielded = _SIGN_WORDS.sub(_PLACEHOLDER, text)
    out = alpha2digit(shielded, lang)
    parts = out.split(_PLACEHOLDER)
    if len(parts) != len(signs) + 1:
        return text
    return "".join(p + (signs[i] if i < len(signs) else "") for i, p in enumerate(parts))


def _mapper(original: str, converted: str):
    """Offsets of `converted` -> offsets of `original` (a replaced run maps to its whole span)."""
    ops = difflib.SequenceMatcher(None, original, converted, autojunk=False).get_opcodes()

    def at(pos: int, end: bool) -> int:
        for tag, i1, i2, j1, j2 in ops:
            if j1 <= pos < j2 or (end and j1 < pos <= j2):
                return i1 + (pos - j1) if tag == "equal" else (i2 if end else i1)
        return len(original) if end else 0
    return at


def text2num(text: str, lang: str, reference_datetime=None) -> list[dict]:
    converted = _converted(text, lang)
    words_before, words_after = percentages._words_before, percentages._words_after
    percentages._words_before = percentages._words_after = lambda *a, **k: None
    try:
        found = percentages.find_percentages(converted, lang)
    finally:
        percentages._words_before, percentages._words_after = words_before, words_after
    at = _mapper(text, converted)
    out = []
    for p in found:
        start, end = at(p.start, False), at(p.end, True)
        out.append({"text": text[start:end], "start": start, "end": end, "kind": "percentage", "value": p.value})
    return out


def _equal(a: float, b: float) -> bool:
    return abs(a - b) <= 1e-6 * max(1.0, abs(b))


def words_given_their_span(specs: Path) -> None:
    """The NumberModel numbers written only in words ("cuatrocientos cincuenta y dos"), each read
    whole by kastfacts' reader and by text2num (text2num, else alpha2digit's output as a number)."""
    from text_to_num import alpha2digit
    from text_to_num import text2num as t2n

    sys.path.insert(0, str(specs))
    import score

    for lang in ("en", "es", "fr"):
        gold = [g for case in score.load_suite(lang, "number", "dotnet", 0) for g in case["gold"]
                if g["value"] is not None and not re.search(r"\d", g["text"])]
        ours = theirs = 0
        for g in gold:
            read = percentages._words_after(g["text"], 0, lang)
            ours += bool(read and read[0] == len(g["text"]) and _equal(read[1], g["value"]))
            try:
                value = float(t2n(g["text"], lang))
            except ValueError:
                digits = alpha2digit(g["text"], lang)
                try:
                    value = float(digits.replace(",", "") if lang == "en" else digits.replace(".", "").replace(",", "."))
                except ValueError:
                    value = None
            theirs += value is not None and _equal(value, g["value"])
        print(f"{lang}: {len(gold)} numbers in words: kastfacts reads {ours}, text2num {theirs}")


def main() -> None:
    specs = ROOT.parent / "shared" / "peer-specs"
    for name in ("kastfacts", "text2num"):
        print(f"== {name}")
        result = subprocess.run([sys.executable, "score.py", f"{Path(__file__).resolve()}:{name}", "--kind", "percentage",
                                 "--skip-flag", "dotnet"], cwd=specs, capture_output=True, text=True)
        print("\n".join(result.stdout.splitlines()[:6]) or result.stderr[-2000:])
    words_given_their_span(specs)


if __name__ == "__main__":
    main()
