"""Boilerplate marked, not deleted.

Scraped news text carries lines that are not part of the story. They are
found by their form, not by a list of seen strings, and marked with a kind:

- ``fullscreen``: gallery and image-viewer buttons ("Fullscreen", "Vollbild");
- ``teaser``: links to other articles ("Lesen Sie auch …", "Mehr zum Thema",
  "Read more", "Leggi anche");
- ``social``: the attribution line of an embedded post
  ("— Donald J. Trump (@realDonaldTrump) February 27, 2019"), ``pic.twitter.com``
  links and Instagram embed lines;
- ``credit``: photo and copyright credits ("Foto: dpa", "Bild: AFP/Getty Images",
  "© Reuters");
- ``other``: advertising markers ("Anzeige", "Werbung") and newsletter,
  cookie and copyright boilerplate.

A teaser or boilerplate sentence is marked alone; when every sentence of a
paragraph is such noise, the whole paragraph is marked.

Example::

    >>> from storylink.nlp.segment import segment
    >>> text = "Trump landet in Hanoi.\\n\\nFoto: dpa\\n\\nLesen Sie auch: Kim reist ab"
    >>> [(n.kind, n.text) for n in find_noise(text, *segment(text))]
    [('credit', 'Foto: dpa'), ('teaser', 'Lesen Sie auch: Kim reist ab')]
"""

from __future__ import annotations

import regex

from ..document import Noise, Paragraph, Sentence

__all__ = ["KINDS", "find_noise", "paragraph_noise"]

KINDS = ("fullscreen", "teaser", "social", "credit", "other")

_FULLSCREEN = regex.compile(
    r"(?:Fullscreen|Vollbild(?:modus)?|Bild vergrößern|Bildergalerie|Zur Galerie|Galerie öffnen|"
    r"Enlarge(?: this)? image|Expand|Plein écran|Pantalla completa|Schermo intero)"
    r"(?:\s*\(?\d+\s*(?:Bilder|Fotos|images|photos)\)?)?",
    regex.I,
)
_TEASER_CUES = r"""(?:
        Lesen\s+Sie(?:\s+(?:hier|auch|mehr|dazu|weiter|jetzt|außerdem|alles|den\s+Artikel|nach))*\b
      | Mehr\s+(?:zum\s+Thema|dazu|lesen|erfahren|Infos?|Informationen\s+hier)\b
      | Auch\s+interessant | Das\s+könnte\s+Sie\s+(?:auch\s+)?interessieren | Weiterlesen | Zum\s+Artikel
      | Hier\s+(?:lesen|finden)\s+Sie | Hier\s+geht\s*(?:['’]s|\s+es)\s+zum | Verfolgen\s+Sie
      | Klicken\s+Sie\s+hier | Immer\s+(?:aktuell|up\s+to\s+date)\b
      | (?:Also|Read)\s+(?:read|more|also)\b | Related(?:\s+(?:articles?|stories|coverage))?\s*: | See\s+also\b
      | More\s+on\s+this | Click\s+here | Leggi\s+anche | (?:À\s+)?lire\s+aussi | Lee\s+también
      | Czytaj\s+(?:też|także|więcej) | Ayrıca\s+okuyun | Читайте\s+также
    )"""
_TEASER_START = regex.compile(r"^[\W_]{0,5}" + _TEASER_CUES, regex.I | regex.X)
#: A teaser between ticker markers inside running text: "+++ Immer aktuell: Hier geht's zum Liveblog +++".
_PLUS_TEASER = regex.compile(r"\+{2,}[ \t]*" + _TEASER_CUES + r"[^\n+]{0,200}\+{2,}", regex.I | regex.X)
#: A teaser trailer at the end of a short paragraph: "Coronavirus – Mehr zum Thema:".
_TEASER_END = regex.compile(r"(?:[–—-]\s*)?Mehr\s+zum\s+Thema\W{0,3}$", regex.I)
_SOCIAL = regex.compile(
    r"""
      [—–-]{1,2}\s*[^\n()—–]{1,60}?\(\s*@\s*\w{1,30}\s*\)\s*      # — Name (@handle)
        (?:on\s+|am\s+)?[^\n]{0,30}?\b\d{4}\b(?:\s*г\.)?            #   date up to the year
    | pic\.twitter\.com/\w+ | https?://t\.co/\w+
    | (?:A\s+post\s+shared\s+by|Ein\s+Beitrag\s+geteilt\s+von)[^\n]{0,120}
    | View\s+this\s+post\s+on\s+Instagram | Diesen\s+Beitrag\s+auf\s+Instagram\s+ansehen
    """,
    regex.X,
)
#: Credit labels; they count only at a line start, after "(" or after a sentence end.
_CREDIT = regex.compile(
    r"""
    (?:(?<=^|[\n(\[|])|(?<=[.!?]\s))\s*
    (?: (?:Fotos?|Bild(?:er)?|Photos?|Image|Credits?|Bildquelle|Quellen?|Grafik|Archivbild|Symbolbild
          |Titelbild|Rubriklistenbild|Foto\s*&\s*Video|Video|Foto/Video)\s*:\s*(?:©\s*)?
      | ©\s* | \(c\)\s* | Copyright\s*(?:©\s*)?(?:\d{4}\s*)? )
    (?P<who>[\p{Lu}\d][\w.&'’-]*|dpa\b|afp\b|ap\b|picture\s+alliance|imago\b|getty\b)
    (?:[ \t]*[/,|][ \t]*(?:[\w.&'’-]+(?:[ \t]+\p{Lu}[\w.&'’-]*){0,2})
     | [ \t]+\p{Lu}[\w.&'’-]*(?=[ \t]*(?:[/,|)\n]|$)) | [ \t]+(?:Images|Press|Photo|Inc\.?|Ltd\.?|AG|GmbH))*
    """,
    regex.X | regex.M,
)
_AD_LINE = regex.compile(
    r"(?:Anzeige|Werbung|Advertisement|Advertisements|Sponsored(?:\s+content)?|Publicidad|Pubblicità"
    r"|Publicité|Reklama|Reklam)", regex.I)
_BOILERPLATE = regex.compile(
    r"""
      \bcookies?\b[^\n]{0,200}?\b(?:verwend|nutz|einsetz|setzen|akzeptier|zustimm|use[sd]?\b|accept|consent
          |utilis|utiliz|używa|akcept)
    | (?:verwend|nutz|setzen|use[sd]?\b|utilis|utiliz)[^\n]{0,80}?\bcookies?\b
    | \bnewsletter\b[^\n]{0,120}?\b(?:abonnier|anmeld|bestell|sign\s*up|subscribe|iscriv|inscri|zapisz)
    | (?:abonnier|melden\s+Sie\s+sich|sign\s*up|subscribe|iscriviti|inscri)[^\n]{0,120}?\bnewsletter
    | Alle\s+Rechte\s+vorbehalten | All\s+rights\s+reserved | This\s+material\s+may\s+not\s+be\s+published
    | Datenschutzerklärung | Privacy\s+Policy
    """,
    regex.I | regex.X,
)
#: Paragraphs longer than this are stories, not boilerplate blocks, even when one cue matches.
_MAX_BLOCK = 400


def paragraph_noise(text: str) -> str | None:
    """The noise kind of a whole paragraph, or ``None`` when it is (also) content.

    Example::

        >>> paragraph_noise("Fullscreen"), paragraph_noise("Lesen Sie hier mehr"), paragraph_noise("Kim lacht.")
        ('fullscreen', 'teaser', None)
    """
    stripped = text.strip()
    if _FULLSCREEN.fullmatch(stripped):
        return "fullscreen"
    if _AD_LINE.fullmatch(stripped):
        return "other"
    if len(stripped) <= _MAX_BLOCK and (_TEASER_START.match(stripped) or _TEASER_END.search(stripped)):
        return "teaser"
    if _SOCIAL.search(stripped) and not regex.search(r"\w", _SOCIAL.sub("", stripped)):
        return "social"
    credit = _CREDIT.match(stripped)
    if credit and credit.end() == len(stripped):
        return "credit"
    if len(stripped) <= _MAX_BLOCK and _BOILERPLATE.search(stripped):
        return "other"
    return None


def _sentence_noise(text: str) -> str | None:
    # A teaser between "+++" markers may share its sentence with content; _PLUS_TEASER marks it alone.
    if _TEASER_START.match(text) and not text.startswith("+"):
        return "teaser"
    if len(text) <= _MAX_BLOCK and _BOILERPLATE.search(text):
        return "other"
    return None


def find_noise(text: str, paragraphs: list[Paragraph], sentences: list[Sentence]) -> list[Noise]:
    """Boilerplate in ``text``, in text order, without overlaps.

    Args:
        text: the article text the offsets refer to.
        paragraphs: the paragraphs of ``text`` (``segment``).
        sentences: the sentences of ``text`` (``segment``).

    Example::

        >>> text = "Kim kam.\\n\\nNice! — Donald J. Trump (@realDonaldTrump) February 27, 2019"
        >>> [(n.kind, n.text) for n in find_noise(text, [], [])]
        [('social', '— Donald J. Trump (@realDonaldTrump) February 27, 2019')]
    """
    found: list[tuple[int, int, str]] = []
    whole: set[int] = set()
    for i, p in enumerate(paragraphs):
        kind = paragraph_noise(p.text)
        if kind:
            found.append((p.start, p.end, kind))
            whole.add(i)
    by_paragraph: dict[int, list[tuple[Sentence, str | None]]] = {}
    for s in sentences:
        if s.paragraph not in whole:
            by_paragraph.setdefault(s.paragraph, []).append((s, _sentence_noise(s.text)))
    for i, marked in by_paragraph.items():
        kinds = {k for _, k in marked}
        if len(kinds) == 1 and None not in kinds and i < len(paragraphs):
            (kind,) = kinds
            found.append((paragraphs[i].start, paragraphs[i].end, kind))
            continue
        found.extend((s.start, s.end, k) for s, k in marked if k)
    for pattern, kind in ((_SOCIAL, "social"), (_CREDIT, "credit"), (_PLUS_TEASER, "teaser")):
        for m in pattern.finditer(text):
            s, e = _trim(text, m.start(), m.end())
            if e > s:
                found.append((s, e, kind))
    return [Noise(s, e, text[s:e], k) for s, e, k in _without_overlaps(found)]


def _trim(text: str, start: int, end: int) -> tuple[int, int]:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1] in " \t\r\n,;":
        end -= 1
    return start, end


def _without_overlaps(spans: list[tuple[int, int, str]]) -> list[tuple[int, int, str]]:
    """Longest spans first; a span overlapping one already kept is dropped."""
    kept: list[tuple[int, int, str]] = []
    for s, e, k in sorted(set(spans), key=lambda x: (x[0] - x[1], x[0])):
        if all(e <= ks or s >= ke for ks, ke, _ in kept):
            kept.append((s, e, k))
    return sorted(kept)
