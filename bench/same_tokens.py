"""The one pipeline per language against two separate loads, token for token (not a test).

    python bench/same_tokens.py [FOLDER_OR_GOLD_JSON ...]

kastfacts loads each language once, whole, with spaCy's French TOKEN_MATCH compiled in factored
form (kastfacts.pipelines), and runs NER + sentencizer on every block, the rest of the pipeline
on the sentences that need a parse. This runs the same blocks through what it replaced: a plain
`spacy.load` excluding everything but NER (plus a sentencizer), and another excluding NER, with
spaCy's own regular expressions, and compares every token's text, whitespace, entity (IOB and
label) and sentence start, and, for the parse, every token's dependency, head, tag, POS, morph
and lemma. Inputs: folders of .txt files, or gold bundle JSON files (their passages' text);
default: the seeds and /work/shared/gold/dev (read, never copied). Prints the counts and the
first differences; exits 1 on any.
"""
from __future__ import annotations

import json
import sys
import warnings
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent))
warnings.filterwarnings("ignore", message=r".*\[W095\]")

NOT_NER = ["tok2vec", "tagger", "morphologizer", "parser", "senter", "attribute_ruler", "lemmatizer"]


def texts_of(arg: Path) -> list[str]:
    if arg.is_dir():
        paths = sorted(arg.glob("*.json")) if not any(arg.glob("*.txt")) else sorted(arg.glob("*.txt"))
        return [t for p in paths for t in texts_of(p)]
    if arg.suffix == ".json":
        return [d["text"] for d in json.loads(arg.read_text(encoding="utf-8")).get("documents", [])]
    return [arg.read_text(encoding="utf-8")]


def blocks_by_language(texts: list[str]) -> dict[str, list[str]]:
    from kastfacts import language

    out: dict[str, list[str]] = {}
    for text in texts:
        blocks = language.split_blocks(text)
        doc_lang = language.document_language(blocks)
        for block in blocks:
            ok, lang = language.extractable(block, doc_lang)
            if ok and lang:
                out.setdefault(lang, []).append(text[block.start:block.end])
    return out


def ner_view(doc) -> list[tuple]:
    return [(t.text, t.whitespace_, t.ent_iob_, t.ent_type_, t.is_sent_start) for t in doc]


def parse_view(doc) -> list[tuple]:
    return [(t.text, t.dep_, t.head.i, t.tag_, t.pos_, str(t.morph), t.lemma_) for t in doc]


def token_match_pattern(nlp) -> str | None:
    return getattr(getattr(nlp.tokenizer.token_match, "__self__", None), "pattern", None)


def main() -> None:
    import spacy

    from kastfacts import pipelines

    args = [Path(a) for a in sys.argv[1:]] or [HERE.parent / "seeds", HERE.parent.parent / "shared" / "gold" / "dev"]
    blocks = blocks_by_language([t for a in args for t in texts_of(a)])
    differences = 0
    for lang, items in sorted(blocks.items()):
        package = pipelines.pins()[lang].package
        ner_only = spacy.load(package, exclude=NOT_NER)        # the plain loads come first: spaCy's own regexes
        ner_only.add_pipe("sentencizer")
        parse_only = spacy.load(package, exclude=["ner"])
        one = pipelines.get(lang)
        factored = token_match_pattern(one.nlp) != token_match_pattern(ner_only)
        old = [ner_view(d) for d in ner_only.pipe(items, batch_size=pipelines.BATCH_SIZE)]
        new = [ner_view(d) for d, _ in one.entities((t, None) for t in items)]
        sentences = [s.text for d in ner_only.pipe(items, batch_size=pipelines.BATCH_SIZE) for s in d.sents]
        old_parse = [parse_view(d) for d in parse_only.pipe(sentences, batch_size=pipelines.BATCH_SIZE)]
        new_parse = [parse_view(d) for d, _ in one.parses((s, None) for s in sentences)]
        tokens = sum(map(len, old))
        bad = [(i, a, b) for i, (a, b) in enumerate(zip(old + old_parse, new + new_parse)) if a != b]
        bad += [("count", len(old), len(new))] if len(old) != len(new) or len(old_parse) != len(new_parse) else []
        differences += len(bad)
        print(f"{lang}: {len(items)} blocks, {tokens:,} tokens, {len(sentences)} sentences parsed"
              f"{' (TOKEN_MATCH factored)' if factored else ''}: "
              f"{'identical' if not bad else f'{len(bad)} differ'}")
        for i, a, b in bad[:3]:
            print(f"   #{i}: {a!r:.300}\n    vs {b!r:.300}")
    sys.exit(1 if differences else 0)


if __name__ == "__main__":
    main()
