"""Saved web pages: the article's own text, and what the page says of itself.

A newsroom's page is a few paragraphs of article inside menus, cookie banners, related-story
teasers, share buttons, comments and footers, each full of names, dates and figures that are not
the report's. trafilatura (Apache-2.0), the best-kept library for news boilerplate removal, keeps
the main text; that text, one paragraph a line, is the document kastfacts stores, so every fact's
offsets are into it. From the page's own markup come its title, its canonical URL, the language
it declares (`<html lang>`, Content-Language, og:locale) and its publication date: the metadata
a CMS writes (`article:published_time`, `datePublished` in JSON-LD and their many variants),
read by htmldate, trafilatura's date library. Only the declared date is taken: a date guessed
from the words or the links of the page would be a guess passed off as the writing date (the
timeline infers that one, and says how sure it is). Nothing is fetched: the page is read as saved.
"""
from __future__ import annotations

import logging
import re
from dataclasses import dataclass

# trafilatura and htmldate log what they discard; kastfacts says what matters itself, on stderr
for _name in ("trafilatura", "htmldate", "courlan", "justext"):
    logging.getLogger(_name).addHandler(logging.NullHandler())
    logging.getLogger(_name).propagate = False

SUPPORTED_LANGS = ("fr", "es", "en")
# htmldate checks a date against a window; the defaults' upper end is today, which would make the
# same page read differently from one day to the next. A fixed window keeps runs reproducible
# (documents.PUBLISHED_YEARS then refuses what is not a plausible publication date).
_DATE_WINDOW = ("1800-01-01", "2200-12-31")
_LANG_PATHS = ("/html/@lang", "/html/@xml:lang", '//meta[@http-equiv="content-language" or @http-equiv="Content-Language"]/@content',
               '//meta[@property="og:locale"]/@content', '//meta[@name="language"]/@content')


class NotAnArticle(ValueError):
    """The page holds no main text trafilatura can tell from its furniture."""


@dataclass
class Page:
    text: str                   # the main text, one paragraph a line
    title: str | None
    url: str | None             # canonical URL (link rel=canonical, og:url)
    lang: str | None            # the language the page declares, when it is one kastfacts reads
    published: str | None       # YYYY-MM-DD, from the page's metadata only


def read_page(html: str, url: str | None = None) -> Page:
    """The article of a saved page. Raises NotAnArticle when there is none (an index page, an
    empty shell whose text a script loads)."""
    from trafilatura import bare_extraction
    from trafilatura.utils import load_html

    tree = load_html(html)
    if tree is None:
        raise NotAnArticle("not an HTML page kastfacts can parse")
    lang = declared_language(tree)
    published = declared_date(tree)
    extracted = bare_extraction(tree, url=url, with_metadata=True, include_comments=False, include_tables=True,
                                date_extraction_params={"extensive_search": False, "original_date": True,
                                                        "min_date": _DATE_WINDOW[0], "max_date": _DATE_WINDOW[1]})
    text = extracted.text if extracted is not None else None
    if not text or not text.strip():
        raise NotAnArticle("no article text found in the page (only menus, links or scripts)")
    return Page(text=text, title=_clean(extracted.title), url=_clean(extracted.url) or url, lang=lang,
                published=published)


def declared_language(tree) -> str | None:
    """fr, es or en when the page says it is written in one of them ("fr-FR", "es_419", "en")."""
    for path in _LANG_PATHS:
        for value in tree.xpath(path):
            code = re.split(r"[-_\s,;]", str(value).strip().lower(), maxsplit=1)[0]
            if code:
                return code if code in SUPPORTED_LANGS else None
    return None


def declared_date(tree) -> str | None:
    """The publication date the page's metadata declares (the original one when it also gives a
    modification date), as YYYY-MM-DD in the publisher's own time zone; None when it declares none."""
    from htmldate.core import examine_header, get_max_date, get_min_date, json_search
    from htmldate.utils import Extractor

    options = Extractor(False, get_max_date(_DATE_WINDOW[1]), get_min_date(_DATE_WINDOW[0]), True, "%Y-%m-%d")
    return examine_header(tree, options) or json_search(tree, options)


def _clean(value: str | None) -> str | None:
    value = " ".join(value.split()) if value else None
    return value or None
