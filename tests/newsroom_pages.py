"""Saved web pages of the seeds, shaped as newsrooms publish them (written for the tests).

`page(text, lang, published)` wraps an article's paragraphs in a page of the kind a browser saves:
a header with the site's menu, a cookie banner, a breadcrumb, share buttons, a "related stories"
block, a newsletter box, readers' comments and a footer, plus the metadata a CMS writes
(`<link rel=canonical>`, `article:published_time`, JSON-LD `datePublished`). Every piece of that
furniture is full of names, figures and dates that are not the report's (FURNITURE_FACTS): none
of them may reach the fact table.
"""
from __future__ import annotations

import html
import json

# Words of the furniture that would be facts if they were read (people, places, figures, dates).
FURNITURE_FACTS = ("Lula", "Brasil", "Brazil", "Brésil", "50,9", "50.9", "Gustavo Petro", "Bogotá", "Ernesto Ortiz",
                   "Marta Ruiz", "Jeanne Morel", "Paul Smith", "Boluarte", "Montevideo", "Orsi", "49,8", "47.3",
                   "octobre", "octubre", "October")

_SITE = {
    "fr": {"name": "Le Quotidien des Amériques", "home": "Accueil",
           "menu": ("International", "Politique", "Économie", "Amérique latine", "Élections"),
           "cookies": ("Nous utilisons des cookies pour mesurer l'audience et personnaliser les publicités. "
                       "En poursuivant, vous acceptez notre politique de confidentialité."),
           "accept": "Tout accepter", "refuse": "Refuser",
           "share": ("Partager sur Facebook", "Partager sur X", "Copier le lien"),
           "related": "À lire aussi",
           "teasers": ("Brésil : Lula réélu avec 50,9 % des voix le 30 octobre",
                       "Colombie : Gustavo Petro reçoit l'opposition à Bogotá",
                       "Uruguay : Orsi en tête avec 49,8 % selon un sondage"),
           "newsletter": "Recevez chaque matin notre lettre Amérique latine. Inscription gratuite.",
           "comments": "Commentaires",
           "readers": (("Jeanne Morel", "Le 30 octobre, Lula avait fait mieux, avec 50,9 % : rien de nouveau."),),
           "footer": "Mentions légales · Contact · Publicité"},
    "es": {"name": "Diario del Sur", "home": "Portada",
           "menu": ("Internacional", "Política", "Economía", "América Latina", "Elecciones"),
           "cookies": ("Usamos cookies propias y de terceros para analizar el tráfico y mostrar publicidad. "
                       "Si continúa navegando, acepta su uso."),
           "accept": "Aceptar", "refuse": "Rechazar",
           "share": ("Compartir en Facebook", "Compartir en X", "Enviar por WhatsApp"),
           "related": "Noticias relacionadas",
           "teasers": ("Lula gana en Brasil con el 50,9 % de los votos el 30 de octubre",
                       "Gustavo Petro recibe a la oposición en Bogotá",
                       "Boluarte viaja a Montevideo para reunirse con Orsi"),
           "newsletter": "Suscríbase a nuestro boletín y reciba las noticias más importantes del día.",
           "comments": "Comentarios de los lectores",
           "readers": (("Ernesto Ortiz", "En octubre Lula sacó el 50,9 % y nadie habló de viajes."),
                       ("Marta Ruiz", "Muy buena nota.")),
           "footer": "Aviso legal · Política de privacidad · Contacto"},
    "en": {"name": "The Hemisphere Post", "home": "Home",
           "menu": ("World", "Politics", "Business", "Latin America", "Elections"),
           "cookies": ("We use cookies to personalise content and ads and to analyse our traffic. "
                       "By clicking Accept you agree to our cookie policy."),
           "accept": "Accept all", "refuse": "Manage preferences",
           "share": ("Share on Facebook", "Share on X", "Copy link"),
           "related": "More from Latin America",
           "teasers": ("Lula wins Brazil's runoff with 50.9% of the vote on October 30",
                       "Gustavo Petro meets opposition leaders in Bogotá",
                       "Poll: Orsi at 47.3% ahead of Uruguay's vote"),
           "newsletter": "Sign up for our Americas briefing, delivered every weekday morning.",
           "comments": "Comments",
           "readers": (("Paul Smith", "Lula got 50.9% back in October and nobody called it a landslide."),),
           "footer": "Terms of use · Privacy · Contact us"},
}


def page(text: str, lang: str, published: str, slug: str = "article", headline: str | None = None) -> str:
    """A saved page holding `text` (one paragraph a line) as its article, published at `published`
    (an ISO datetime with its zone), in the site furniture of language `lang`."""
    site = _SITE[lang]
    e = html.escape
    paragraphs = [line for line in text.split("\n") if line.strip()]
    headline = headline or paragraphs[0][:80]
    url = f"https://news.example/{lang}/{published[:10].replace('-', '/')}/{slug}"
    ld = {"@context": "https://schema.org", "@type": "NewsArticle", "headline": headline, "datePublished": published,
          "dateModified": published[:10] + "T23:59:00" + published[19:],
          "publisher": {"@type": "Organization", "name": site["name"]}, "mainEntityOfPage": url}
    menu = "".join(f'<li><a href="/{lang}/{i}">{e(item)}</a></li>' for i, item in enumerate(site["menu"]))
    share = "".join(f'<li><a class="share" href="#">{e(item)}</a></li>' for item in site["share"])
    teasers = "".join(f'<li><article class="teaser"><a href="/{lang}/t{i}"><h3>{e(t)}</h3></a></article></li>'
                      for i, t in enumerate(site["teasers"]))
    readers = "".join(f'<li class="comment"><p class="author">{e(who)}</p><p>{e(said)}</p></li>'
                      for who, said in site["readers"])
    body = "\n".join(f"<p>{e(p)}</p>" for p in paragraphs)
    return f"""<!DOCTYPE html>
<html lang="{lang}">
<head>
<meta charset="utf-8">
<title>{e(headline)} | {e(site["name"])}</title>
<meta name="viewport" content="width=device-width, initial-scale=1">
<link rel="canonical" href="{url}">
<meta property="og:type" content="article">
<meta property="og:title" content="{e(headline)}">
<meta property="og:url" content="{url}">
<meta property="article:published_time" content="{published}">
<meta property="article:section" content="{e(site["menu"][3])}">
<script type="application/ld+json">{json.dumps(ld, ensure_ascii=False)}</script>
<script>window.dataLayer = window.dataLayer || []; dataLayer.push({{"section": "latam", "paywall": false}});</script>
<style>.cookie-banner {{ position: fixed; bottom: 0; }}</style>
</head>
<body>
<div id="cookie-banner" class="cookie-banner cookie-consent" role="dialog">
  <p>{e(site["cookies"])}</p>
  <button>{e(site["accept"])}</button> <button>{e(site["refuse"])}</button>
</div>
<header class="site-header">
  <a class="logo" href="/">{e(site["name"])}</a>
  <nav class="main-nav"><ul><li><a href="/">{e(site["home"])}</a></li>{menu}</ul></nav>
</header>
<nav class="breadcrumb"><a href="/">{e(site["home"])}</a> › <a href="/{lang}/3">{e(site["menu"][3])}</a></nav>
<main>
<article class="story">
<div class="article-body">
{body}
</div>
<ul class="share-tools">{share}</ul>
</article>
<aside class="related-stories">
  <h2>{e(site["related"])}</h2>
  <ul>{teasers}</ul>
</aside>
<section class="newsletter"><p>{e(site["newsletter"])}</p><form><input type="email"><button>OK</button></form></section>
<section id="comments" class="comments">
  <h2>{e(site["comments"])}</h2>
  <ul>{readers}</ul>
</section>
</main>
<footer class="site-footer"><p>© 2025 {e(site["name"])} · {e(site["footer"])}</p></footer>
</body>
</html>
"""
