"""Direct and indirect quotes with their speakers.

Rules over the text, no model. Three kinds of evidence:

* **Quote marks** „…“, "…", »…«, «…», ‚…‘, “…”, '…' give direct quotes; a
  quote may span sentences. Short capitalised names in marks after a noun
  (Hotel "Metropole", das "Wall Street Journal") are titles, not quotes.
* **Speech cues**: speech verbs in every tense (sagte, betont, hat erklärt,
  kündigte … an, said), "so X", "laut X", "X zufolge", "nach eigenen Worten",
  "according to X". The speaker is the subject next to the cue: a name, a
  role ("der US-Präsident" → the person named with that role earlier in the
  article) or a pronoun (→ the person named last outside quotes).
* **Konjunktiv I** in a clause after a speech verb and a comma ("Trump sagte,
  er habe keine Eile") or before it ("Wichtiger sei es, …, betonte er") makes
  an ``indirect`` quote, as does a zu-infinitive ("wirft ihm vor, gelogen zu
  haben"); following sentences in Konjunktiv I, or in the plural Konjunktiv II
  that stands in for it ("Die Länder hätten sich geeinigt"), continue it (after
  a direct quote, or an attribution like "X zeigte sich erleichtert", too).
* **Unmarked reported speech** in any mood, where copying lost the marks or
  the style never had them: a clause closed by an inverted verb of saying
  ("Einige Jahre wird es dauern, sagte der Vorsitzende."), "…, so der
  Minister.", "wie die Polizei mitteilte" (also inside the sentence, which is
  reported whole: "Die Regeln gelten, wie das Ministerium erklärte, ab sofort"),
  headlines "Grüne: Regierung muss zulegen", words after "sagte: " without marks
  (``direct`` in the first person), "Nach Angaben/Ermittlungen des …", "aus
  seiner Sicht", "Demnach …", "heißt es in einer Erklärung der …". A quote
  whose opening or closing mark was cut off runs from its sentence start, or
  to its paragraph end (or to ", sagt X" where the attribution follows).
* **Speakers that are no names** keep their span with ``speaker`` None ("ein
  Sprecher des Ministeriums", "die Polizei", "dem Niedersächsischen
  Gesundheitsministerium zufolge"); the subject of a perfect stands before or
  after its auxiliary ("Die USA haben versichert", "hatte Lam erklärt"), that of
  a passive "wurde er zitiert" is the one quoted; pronouns go to the nearest person
  of their gender ("er" a man or someone of unknown gender, "sie" a woman, else
  plural, without a key).

Attribution lines in parentheses under a quoted paragraph ("(Kim über Trump
am 22. September 2017)") and embedded tweets ("— Donald J. Trump
(@realDonaldTrump) February 27, 2019") also give the addressee and the date.

Example::

    >>> text = 'Donald Trump sagte, er habe "keine Eile". "Tempo ist nicht wichtig."'
    >>> [(q.kind, q.text, q.speaker) for q in find_quotes(text, [], [], "de")]
    [('indirect', 'er habe "keine Eile"', 'donald trump'), ('direct', 'keine Eile', 'donald trump'), \
('direct', 'Tempo ist nicht wichtig.', 'donald trump')]
"""

from __future__ import annotations

import bisect
import dataclasses
import re
from dataclasses import dataclass

from ..document import Entity, Quote, Sentence
from .gazetteer import Gazetteer, gazetteer
from .keys import canonical_key, fold_name

__all__ = ["find_quotes", "speech_cues"]

# --- lexicon ----------------------------------------------------------------------

#: Regular (weak) speech verbs; their finite forms and participles are generated.
_WEAK_VERBS = """sagen betonen erklären meinen antworten fordern twittern berichten bekräftigen
versichern warnen kritisieren erläutern ergänzen behaupten bestätigen beteuern verkünden mahnen
äußern erwidern entgegnen kommentieren schildern beklagen loben argumentieren bezeichnen fragen
zitieren drohen appellieren posten verlangen dementieren präzisieren unterstreichen bilanzieren
klagen erzählen vermelden melden prognostizieren erinnern informieren signalisieren resümieren
insistieren postulieren vermuten""".split()
#: Strong and irregular speech verbs, finite forms and participle.
_STRONG_FORMS = """spricht sprach sprachen gesprochen schreibt schrieb schrieben geschrieben ruft rief
riefen gerufen verspricht versprach versprachen versprochen unterstrich unterstrichen nennt nannte
nannten genannt hieß heißt geheißen verrät verriet verrieten verraten beschreibt beschrieb beschrieben
sagte sagten bestritt bestreitet bestritten riet rät empfahl empfiehlt empfahlen widersprach widerspricht
widersprachen widersprochen schwört schwor schworen geschworen hervorgeht hervorging""".split()
#: Separable verbs: finite form → particles that must follow in the clause.
_SEPARABLE = {
    **dict.fromkeys("teilt teilte teilten".split(), ("mit",)),
    **dict.fromkeys("kündigt kündigte kündigten".split(), ("an",)),
    **dict.fromkeys("fügt fügte fügten".split(), ("hinzu",)),
    **dict.fromkeys("räumt räumte räumten".split(), ("ein",)),
    **dict.fromkeys("schränkt schränkte schränkten".split(), ("ein",)),
    **dict.fromkeys("legt legte legten".split(), ("dar",)),
    **dict.fromkeys("weist wies wiesen".split(), ("hin", "zurück")),
    **dict.fromkeys("stellt stellte stellten".split(), ("klar", "fest")),
    **dict.fromkeys("führt führte führten".split(), ("aus",)),
    **dict.fromkeys("merkt merkte merkten".split(), ("an",)),
    **dict.fromkeys("hebt hob hoben".split(), ("hervor",)),
    **dict.fromkeys("schlägt schlug schlugen".split(), ("vor",)),
    **dict.fromkeys("wirft warf warfen".split(), ("vor",)),
    **dict.fromkeys("macht machte machten".split(), ("klar", "deutlich")),
    **dict.fromkeys("fasst fasste fassten".split(), ("zusammen",)),
    **dict.fromkeys("gibt gab gaben".split(), ("zu", "an", "bekannt")),
    **dict.fromkeys("streitet stritt stritten".split(), ("ab",)),
}
_SEPARABLE_PARTICIPLES = """mitgeteilt bekanntgegeben zusammengefasst angekündigt hinzugefügt eingeräumt
eingeschränkt dargelegt
hingewiesen zugegeben angegeben klargestellt vorgeworfen klargemacht festgestellt ausgeführt angemerkt
hervorgehoben vorgeschlagen zurückgewiesen abgestritten""".split()
_ENGLISH_VERBS = """said says told tells added adds asked stated wrote tweeted explained warned insisted
noted argued claimed replied announced stressed declared posted urged called described""".split()
#: Words between a verb and its subject that do not end the search ("sagte dabei Trump").
_ADVERBS = frozenset("""dabei zudem auch aber erneut nun noch dann jedoch weiter später bereits zuvor
außerdem damals gestern heute ebenfalls indes allerdings wiederum nochmals demnach dazu darauf hierzu
sogar zuletzt bisher denn doch also later again then also""".split())
_PREPOSITIONS = frozenset("""mit von vom zu zum zur an am bei beim über für gegen nach vor aus auf in im
ins unter zwischen durch um ohne seit gegenüber hinter neben with to from by of for at on about
into""".split())
_NOMINATIVE_DETS = frozenset("der die das ein eine the a an".split())
#: Possessives that open a speaker's phrase: "sein Sprecher", "ihre Anwältin" (never a key of their own).
_POSSESSIVES = frozenset("sein seine ihr ihre unser unsere his her their".split())
_DETS = _NOMINATIVE_DETS | frozenset("den dem des einen einem einer eines".split())
_PRONOUNS = frozenset("er sie he she".split())
#: Pronouns (and possessives) by the gender of the person they can stand for; "sie" is also plural.
_MASCULINE = frozenset("er he seiner sein seine his".split())
_FEMININE = frozenset("sie she ihrer ihr ihre her".split())
#: Female first names that do not end in -a or -e, and male ones that do.
_FEMALE_NAMES = frozenset("""katrin kathrin karin ingrid sigrid astrid ruth doris iris elisabeth judith gudrun
birgit margit gertrud nancy christel bärbel isabel carmen miriam esther rachel mary kelly hillary ann ellen
karen helen susan jennifer ilse heidrun sabin margret beatrix dagmar almut irmgard hildegard edith
annalena""".split())
_MALE_NAMES = frozenset("""luca andrea nikita joshua elia jona uwe ole kalle mike steve george jose josé rene
rené dave pierre mustafa attila noah micah jonah sascha kosta dominique philippe jean-claude""".split())
#: Konjunktiv I forms that are unambiguous enough to mark reported speech on their own.
_KONJ1 = frozenset("""sei seien seiest habe werde könne müsse wolle solle dürfe gebe gehe wisse komme
stehe liege lasse sehe halte bleibe brauche plane möge trage arbeite finde spiele bedeute""".split())
#: A sentence of its own in Konjunktiv I, with no cue and not carried on from a quote just before, is
#: still reported speech ("Bei den Anzeigen handele es sich um vorläufige Zahlen. … Das könne zu
#: Schwankungen führen."): said by the last speaker of the ``STANDALONE_REACH`` sentences before, in its
#: paragraph or the one before, or by nobody named. Only forms that are no indicative of the third
#: person count (``_KONJ1_STRICT``), never in a sentence that speaks in the first person (an interview's
#: answer: "Da habe ich kaum eine Chance") nor after "als" ("so getan, als sei …" compares). Tuned sets
#: (storylink-analyze/8): pooled F1 0.822 -> 0.833 (dev5 0.715 -> 0.743, dev4 0.808 -> 0.826, dev2
#: 0.887 -> 0.889), old demo/seed gold unchanged; heldout2, never looked at: 0.767 -> 0.782 (indirect
#: 0.679 -> 0.703), speakers 0.803 -> 0.809. Every other "-e" form (the generic test ``_has_konjunktiv``
#: reads for a carried-on sentence) cost the tuned sets here (0.825: "…, sowie …" is no verb).
STANDALONE_KI = True
STANDALONE_REACH = 6
_FIRST_PERSONS = frozenset("ich wir du ihr mich mir uns".split())
_KONJ1_STRICT = frozenset("sei seien werde könne müsse wolle solle dürfe habe gebe wisse möge gelte handele".split())
#: Konjunktiv II forms that stand in for Konjunktiv I after a speech verb.
_KONJ2 = frozenset("würde würden wäre wären hätte hätten könnten müssten".split())
#: Konjunktiv II forms whose Konjunktiv I is the indicative (sie haben, können, müssen): reported speech
#: takes them in its place.
_KONJ2_PLURAL = frozenset("hätten könnten müssten würden wären".split())
#: Words ending in -e that are not verbs, for the generic 3rd-person Konjunktiv test.
_NOT_VERBS = frozenset("""die eine keine meine deine seine ihre unsere eure diese jene jede welche alle
beide viele einige manche solche andere wenige mehrere ohne gerne heute lange gerade bitte alleine
nahe ferne ebenfalls rund ganze wurde""".split())
_CONJUNCTIONS = frozenset("dass ob that whether".split())
_ADJECTIVE_ENDINGS = ("ische", "liche", "ige", "ene", "ste", "nde", "bare", "sche")
#: Nouns after which a capitalised phrase in marks names something ("the newspaper 'Bild'").
_TITLE_WORDS = frozenset("""namens genannt titel newspaper hotel film movie book show magazine album song
operation ship called named dubbed titled""".split())
_MONTHS = {m: i for i, m in enumerate("""januar februar märz april mai juni juli august september oktober
november dezember""".split(), 1)} | {"jänner": 1} | {m: i for i, m in enumerate("""january february march
april may june july august september october november december""".split(), 1)}

_WORD = re.compile(r"\w+(?:[-‐'’]\w+)*")
#: A sentence's first clause; a comma after one or two words lists a subject and does not end it.
#: The colon after a headline's quote, before the words that say who said it.
_HEADLINE_COLON = re.compile(r"[ \t]*:[ \t]+(?=[A-ZÄÖÜ])")
_FIRST_CLAUSE = re.compile(r"(?:[^\s,]+(?:\s+[^\s,]+)?\s*,\s*)?[^,]*")
_UPPER = re.compile(r"[A-ZÄÖÜÀ-ÝŁŚŻŹĆŃ]")
_QUOTE_PATTERNS = (
    re.compile(r"„(?P<q>(?:(?!\n\s*\n)[^„“”])+?)[“”]"),
    re.compile(r"»(?P<q>(?:(?!\n\s*\n)[^»«])+?)«"),
    re.compile(r"«(?P<q>(?:(?!\n\s*\n)[^«»])+?)»"),
    re.compile(r"(?<!\w)“(?=\S)(?P<q>(?:(?!\n\s*\n)[^“”„])+?)(?<=\S)”"),
    re.compile(r'(?<![\w"])"(?=[^\s"])(?P<q>(?:(?!\n\s*\n)[^"])+?)(?<=\S)"(?!\w)'),
    # Mixed marks where copying straightened only the opening one: "Seitens der Regierung …“
    re.compile(r'(?<![\w"])"(?=[A-ZÄÖÜ])(?P<q>(?:(?!\n\s*\n)[^"„“”])+?)(?<=\S)[“”](?!\w)'),
    re.compile(r"‚(?P<q>[^‚‘’\n]+?)[‘’]"),
    re.compile(r"(?<![\w’])‘(?=\w)(?P<q>[^‘’\n]+?)(?<=[\w.,!?])’(?!\w)"),
    re.compile(r"(?<![\w'])'(?=\w)(?P<q>[^'\n]{1,300}?)(?<=[\w.,!?])'(?!\w)"),
)
_SENTENCE_END = re.compile(r"[.!?…]+[“”\"»«’')\]]*(?=\s)|\n")
_ABBREVIATIONS = frozenset("dr prof st nr mr mrs ms vs bzw ca evtl ggf inkl jr sen usw vgl z b u a".split())
_PARAGRAPH_BREAK = re.compile(r"\n[ \t]*\n")
_ATTRIBUTION_LINE = re.compile(r"\(\s*(?P<inner>[^()\n]{3,200}?)\s*\)")
_TWEET = re.compile(
    r"(?P<q>\S.*?)\s+[—–]\s+(?P<name>[^()\n—–]{2,60}?)\s*\(@\w+\)\s*"
    r"(?P<date>[A-Z][a-z]+\.? \d{1,2}, \d{4})\s*", re.S)
_DATE_PATTERNS = (
    (re.compile(r"(\d{1,2})\.\s*([A-Za-zÄäÖöÜü]+)\s+(\d{4})"), (1, 2, 3)),
    (re.compile(r"(\d{1,2})\s+([A-Z][a-z]+)\s+(\d{4})"), (1, 2, 3)),
    (re.compile(r"([A-Z][a-z]+)\.?\s+(\d{1,2}),?\s+(\d{4})"), (2, 1, 3)),
)
_NUMERIC_DATE = re.compile(r"(\d{1,2})\.(\d{1,2})\.(\d{4})")
_SPECIAL_CUES = re.compile(
    r"(?P<own>\bnach eigenen (?:Worten|Angaben)|\beigenen Angaben zufolge)"
    r"|(?P<after>\b[Ll]aut(?=\s)|\b[Aa]ccording to(?=\s)"
    r"|\b[Nn]ach\s+(?:(?:den|dem|der|einer|einem|ersten|bisherigen|jüngsten|vorläufigen|neuen|offiziellen"
    r"|übereinstimmenden|neuesten)\s+){0,2}(?:Angaben|Informationen|Erkenntnissen|Ermittlungen|Berichten|Schätzungen"
    r"|Darstellung|Einschätzung|Beurteilung|Recherchen|Auskunft|Aussagen?|Mitteilung|Umfrage|Ansicht|Meinung"
    r"|Auffassung|Worten)"
    r"(?:\s+(?:von|vom|aus))?(?=\s))"
    r"|(?P<compound>\b[Nn]ach\s+(?:[A-ZÄÖÜ][\w]*-Angaben|Polizeiangaben|Behördenangaben|Veranstalterangaben"
    r"|Herstellerangaben|Unternehmensangaben|Regierungsangaben|Ministeriumsangaben)(?=\s))"
    # Not after an article: "gegen die aus ihrer Sicht zu strengen Regeln" qualifies a noun, it reports nothing.
    r"|(?P<view>(?<!\bdie )(?<!\bder )(?<!\bden )(?<!\bdas )(?<!\bdem )(?<!\bdes )"
    r"(?:\b[Aa]us\s+(?:seiner|ihrer)\s+Sicht\b|\b(?:seiner|ihrer)\s+(?:Ansicht|Meinung|Einschätzung"
    r"|Auffassung)\s+nach\b))"
    r"|(?P<thereby>\b[Dd]emnach\b)"
    r"|(?P<before>(?<=\s)zufolge\b)"
    r"|(?P<verb>\bzeigten? sich (?:überzeugt|zuversichtlich|optimistisch|erleichtert|enttäuscht|besorgt"
    r"|zufrieden|skeptisch|entsetzt|empört)\b"
    r"|\bsich (?:überzeugt|zuversichtlich|optimistisch|erleichtert|enttäuscht|besorgt|zufrieden|skeptisch"
    r"|entsetzt|empört) zeigten?\b"
    # Feelings voiced: "„…“, freute sich Bürgermeisterin Weber".
    r"|\b(?:freut|freute|freuten|ärgert|ärgerte|ärgerten|wundert|wunderte|wunderten|empört|empörte|empörten"
    r"|beschwert|beschwerte|beschwerten|gibt|gab|gaben) sich(?! (?:mit|über|auf|an|in|um|für)\b)\b"
    # Hopes and beliefs with their "dass" clause report what somebody thinks ("Kogler hofft, dass …").
    r"|\b(?:hofft|hoffte|hofften|glaubt|glaubte|glaubten|befürchtet|befürchtete|befürchteten|fürchtet|fürchtete"
    r"|wünscht sich|wünschte sich)(?=[^.;:!?„“\"»«]{0,40},\s+dass\b))"
    r"|(?P<so>(?<=[,“”\"»«] )so(?= (?:[A-ZÄÖÜ]|der |die |das |ein |eine |einer |sein |seine |ihr |ihre )))"
)


def _weak_forms(infinitive: str) -> list[str]:
    stem = infinitive[:-2] if infinitive.endswith("en") else infinitive[:-1]
    # "antwortet", "bezeichnet": an -e- before -t after t/d and consonant + n.
    e = "e" if stem.endswith(("t", "d")) or re.search(r"[^aeiouäöülr]n$", stem) else ""
    finite = [stem + e + "t", stem + e + "te", stem + e + "ten", stem + "e"]
    inseparable = infinitive.startswith(("be", "er", "ver", "ent", "zer", "emp", "miss", "unter"))
    participle = stem + e + "t" if inseparable or infinitive.endswith("ieren") else "ge" + stem + e + "t"
    return finite + [participle]


def speech_cues() -> frozenset[str]:
    """Every single-word speech verb form the rules know (German and English).

    Example::

        >>> {"sagte", "betont", "angekündigt", "mitteilte", "said"} <= speech_cues()
        True
    """
    forms = {f for verb in _WEAK_VERBS for f in _weak_forms(verb)}
    # "meine"/"meinen" are possessives far more often than speech verbs.
    forms -= {"meine", "sage"}
    # Verb-final in a subordinate clause the particle is joined on: "wie die Polizei mitteilte".
    joined = {p + f for f, particles in _SEPARABLE.items() for p in particles}
    # Plural present ("Experten sagen: …"); most other infinitive-like forms say too little alone.
    forms |= {"sagen", "betonen", "erklären", "warnen", "berichten", "vermuten", "fordern", "kritisieren",
              "verlangen"}
    return frozenset(forms | set(_STRONG_FORMS) | set(_SEPARABLE) | set(_SEPARABLE_PARTICIPLES)
                     | set(_ENGLISH_VERBS) | joined)


_CUES = speech_cues()
_PARTICIPLES = frozenset(f for f in _CUES if f.startswith("ge") or f in _SEPARABLE_PARTICIPLES
                         or f.endswith("iert") or f in {"unterstrichen", "versprochen", "beschrieben"})
#: Participles that look like a finite form ("erklärt", "bestätigt", "berichtet").
_INSEPARABLE_PARTICIPLES = frozenset(_weak_forms(v)[-1] for v in _WEAK_VERBS) - _PARTICIPLES
_CUE_RE = re.compile(r"(?<![\w-])(?:" + "|".join(sorted(map(re.escape, _CUES), key=len, reverse=True))
                     + r")(?![\w-])")

# --- small records ------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class _Mark:
    """A span in quote marks: ``start``/``end`` is the trimmed content."""

    open: int
    start: int
    end: int
    close: int


@dataclass(frozen=True, slots=True)
class _Mention:
    start: int
    end: int
    key: str
    person: bool
    genitive: bool


@dataclass(frozen=True, slots=True)
class _Speaker:
    """Who a cue is attributed to; ``key`` None for a mention that names nobody known."""

    key: str | None
    text: str | None
    start: int | None
    end: int | None


_NOBODY = _Speaker(None, None, None, None)


@dataclass(frozen=True, slots=True)
class _Cue:
    start: int
    end: int
    text: str
    kind: str  # verb, participle, own, after, before, so


@dataclass(slots=True)
class _Unit:
    """A sentence whose boundaries never fall inside quote marks."""

    start: int
    end: int
    paragraph: int


# --- the article context ----------------------------------------------------------


class _Article:
    """The text with its quote marks, name mentions and role bindings."""

    def __init__(self, text: str, entities: list[Entity]) -> None:
        self.text = text
        self.gaz = gazetteer()
        self.marks, self.titles = _scan_marks(text)
        self.unclosed = {m.open for m in self.marks if not text[m.end:m.close].strip(" ,")}
        self.mark_starts = [m.open for m in self.marks]
        self.title_at = {t.open: t for t in self.titles}
        self.mentions = _mentions(text, entities, self.gaz)
        self.mention_starts = [m.start for m in self.mentions]
        self.mention_at = {m.start: m for m in self.mentions}
        self.mention_ending = {m.end: m for m in self.mentions}
        self.persons = [m for m in self.mentions if m.person and not self.in_quote(m.start)]
        self.person_starts = [m.start for m in self.persons]
        self.roles = self._role_bindings()
        self.genders = self._genders()

    # quotes
    def quote_at(self, pos: int) -> _Mark | None:
        """The quote (marks included) that contains ``pos``."""
        i = bisect.bisect_right(self.mark_starts, pos) - 1
        if i >= 0 and self.marks[i].open <= pos < self.marks[i].close:
            return self.marks[i]
        return None

    def in_quote(self, pos: int) -> bool:
        return self.quote_at(pos) is not None

    def marks_in(self, lo: int, hi: int) -> list[_Mark]:
        i = bisect.bisect_left(self.mark_starts, lo)
        j = bisect.bisect_left(self.mark_starts, hi)
        return self.marks[i:j]

    def outside_quotes(self, lo: int, hi: int) -> list[tuple[int, int]]:
        """The parts of ``[lo, hi)`` not in quote marks."""
        parts, pos = [], lo
        for m in self.marks_in(lo, hi):
            if m.open > pos:
                parts.append((pos, m.open))
            pos = max(pos, m.close)
        if pos < hi:
            parts.append((pos, hi))
        return parts

    # people
    def _role_bindings(self) -> list[tuple[int, frozenset[str], str, str]]:
        """(position, role forms, role head, key) for each "Role Name" in the text."""
        out = []
        for m in self.persons:
            before = re.search(r"([\w-]+)\s+$", self.text[max(0, m.start - 40):m.start])
            if before and self.gaz.is_role(before.group(1)):
                forms = _role_forms(before.group(1))
                out.append((m.start, forms, _role_head(before.group(1)), m.key))
        return out

    def resolve_role(self, role: str, pos: int) -> str | None:
        """The key of the person this role named earlier (else later) in the article."""
        forms, head = _role_forms(role), _role_head(role)
        earlier = [b for b in self.roles if b[0] < pos]
        later = [b for b in self.roles if b[0] >= pos]
        for group in (reversed(earlier), later):
            group = list(group)
            # Same role word first, then the same head ("US-Präsident" ~ "Präsident", "Bundeskanzler" ~ "Kanzler").
            for match in (lambda b: b[1] & forms, lambda b: _same_head(b[2], head)):
                for binding in group:
                    if match(binding):
                        return binding[3]
        # Another role of the same gender for the person named with a role last
        # ("Ministerpräsidentin Katrin Vollmer" … "die Regierungschefin").
        feminine = head.endswith(("in", "innen"))
        for binding in reversed(earlier):
            if binding[2].endswith(("in", "innen")) == feminine:
                return binding[3]
        return None

    def _genders(self) -> dict[str, str]:
        """``f`` or ``m`` for each person key whose name or role tells ("Ministerin Anna Roth", "Herr Weber")."""
        out: dict[str, str] = {}
        for m in self.persons:
            first = self.text[m.start:m.end].split()[0].casefold()
            before = re.search(r"([\w-]+)\s+$", self.text[max(0, m.start - 40):m.start])
            word = before.group(1) if before else ""
            if word in ("Frau", "Mrs", "Ms") or self.gaz.is_role(word) and word.endswith(("in", "innen")):
                gender = "f"
            elif word in ("Herr", "Herrn", "Mr") or self.gaz.is_role(word):
                gender = "m"
            elif self.gaz.is_first_name(first.capitalize()) or len(self.text[m.start:m.end].split()) > 1:
                female = first in _FEMALE_NAMES or first.endswith(("a", "e", "ah")) and first not in _MALE_NAMES
                gender = "f" if female else "m"
            else:
                continue
            out.setdefault(m.key, gender)
        return out

    def antecedent(self, pos: int, pronoun: str | None = None) -> _Mention | None:
        """The person named last before ``pos``, outside quotes; with ``pronoun``, one of its gender
        ("er" a man or a person of unknown gender, "sie" a woman; None when "sie" has no woman:
        then it is plural)."""
        i = bisect.bisect_left(self.person_starts, pos)
        lower = (pronoun or "").casefold()
        for person in reversed(self.persons[:i]):
            gender = self.genders.get(person.key)
            if lower in _FEMININE:
                if gender == "f":
                    return person
            elif lower in _MASCULINE:
                if gender != "f":
                    return person
            else:
                return person
        return None

    def mention_in(self, lo: int, hi: int) -> list[_Mention]:
        i = bisect.bisect_left(self.mention_starts, lo)
        j = bisect.bisect_left(self.mention_starts, hi)
        return self.mentions[i:j]

    def after_preposition(self, pos: int) -> bool:
        """Whether the noun phrase ending before ``pos`` sits in a prepositional phrase."""
        window = re.split(r"[.,;:!?()„“”\"»«]", self.text[max(0, pos - 60):pos])[-1]
        words = _WORD.findall(window)
        for word in reversed(words[-5:]):
            lower = word.casefold()
            if lower in _PREPOSITIONS:
                return True
            adjective = word[:1].islower() and lower.endswith(("e", "en", "er", "es", "em"))
            if not (lower in _DETS or adjective or self.gaz.is_role(word)):
                return False
        return False

    # noun phrases
    def speaker_at(self, pos: int, hi: int, *, bare: bool) -> _Speaker | None:
        """The subject noun phrase that starts at ``pos`` (white space skipped).

        ``bare`` accepts an unknown capitalised word as a name, which is safe
        right after a finite verb ("sagte Müller") and nowhere else.
        """
        text = self.text
        m = re.compile(r"\s*").match(text, pos)
        pos = m.end() if m else pos
        if pos >= hi:
            return None
        word = _WORD.match(text, pos)
        if word is None:
            return None
        token = word.group()
        lower = token.casefold()
        if token == "Sie" and not re.search(r"(?:^|[.!?:\n„“\"»«]\s*)$", text[max(0, pos - 3):pos]):
            return _NOBODY  # the formal "Sie" inside a sentence addresses the reader
        if lower in _PRONOUNS:
            return self._pronoun(pos, word.end())
        if lower in ("es", "it", "man"):
            return _NOBODY
        mention = self.mention_at.get(pos)
        if mention is not None and not mention.genitive and not mention.person and self._owner(mention):
            mention = _Mention(mention.start, mention.end, mention.key, False, True)
        if mention is not None and not mention.genitive:
            return _Speaker(mention.key, text[mention.start:mention.end], mention.start, mention.end)
        if mention is not None:
            # A genitive names whose speaker follows: "Den Haags „Nachtbürgermeister“ Pat Smith".
            nxt = re.compile(r"\s*").match(text, mention.end)
            after = nxt.end() if nxt else mention.end
            title = self.title_at.get(after) or self.quote_at(after)
            if title is not None and title.close - title.open < 40:
                after = title.close
            found = self.speaker_at(after, hi, bare=bare) if after > pos else None
            if found is not None and found is not _NOBODY:
                return found
            return None
        if lower in _NOMINATIVE_DETS or lower in _POSSESSIVES:
            return self._determined(pos, word.end(), hi)
        if self.gaz.is_role(token):
            nxt = re.compile(r"\s+").match(text, word.end())
            more = re.compile(r"\s+(?:und|sowie|,)\s*([\w-]+)\s+").match(text, word.end())
            if more is not None and self.gaz.is_role(more.group(1)):
                nxt = more  # "Vizekanzler und Sportminister Werner Kogler"
            follower = self.mention_at.get(nxt.end()) if nxt else None
            if follower is not None:
                return _Speaker(follower.key, text[follower.start:follower.end], follower.start, follower.end)
            name = re.compile(r"\s+([A-ZÄÖÜ][\w-]+(?:\s+[A-ZÄÖÜ][\w-]+)?)\b").match(
                text, nxt.end() - 1 if nxt is not None and nxt is more else word.end())
            if name and not self.gaz.is_role(name.group(1)):
                return _Speaker(canonical_key(name.group(1)), name.group(1), name.start(1), name.end(1))
        if bare and _UPPER.match(token) and mention is None and not _TIME_WORD.fullmatch(token):
            # A noun no list knows before a name is its role: "Bäckermeister Karl Huber".
            nxt = re.compile(r"\s+").match(text, word.end())
            follower = self.mention_at.get(nxt.end()) if nxt else None
            if follower is not None and follower.person and not follower.genitive:
                return _Speaker(follower.key, text[follower.start:follower.end], follower.start, follower.end)
            return _Speaker(canonical_key(token), token, pos, word.end())
        return None

    def _owner(self, mention: _Mention) -> bool:
        """Whether a place or body ending in -s is a genitive before its role ("Den Haags „Bürgermeister“",
        "Berlins Regierender Bürgermeister")."""
        if not self.text[mention.start:mention.end].endswith("s"):
            return False
        follow = re.compile(r"\s+(?:(?P<mark>[„“\"»«‚])|(?:[a-zäöüß][\w-]*\s+)?(?P<word>[\w-]+))").match(
            self.text, mention.end)
        return bool(follow and (follow.group("mark") or self.gaz.is_role(follow.group("word") or "")))

    def source_at(self, pos: int, hi: int) -> _Speaker | None:
        """A source named after "nach Angaben", "in einer Mitteilung": "des Instituts Yougov", "der
        Polizei", "BMI"; the key is a name's inside it (None for a bare role or body)."""
        text = self.text
        np = _SOURCE.match(text, pos, hi)
        if np is None:
            return None
        start, end = np.start("np"), np.end("np")
        names = [m for m in self.mention_in(start, end) if m.end <= end]
        key = names[-1].key if names else None
        return _Speaker(key, text[start:end], start, end)

    def _pronoun(self, start: int, end: int) -> _Speaker:
        person = self.antecedent(start, self.text[start:end])
        return _Speaker(person.key if person else None, self.text[start:end], start, end)

    def _determined(self, det_start: int, det_end: int, hi: int) -> _Speaker | None:
        """A phrase "der US-Präsident", "der CNN-Korrespondent Jim Acosta", das "Journal"."""
        text = self.text
        after = re.compile(r"\s+").match(text, det_end)
        if after is None:
            return None
        title = self.title_at.get(after.end())
        if title is not None:
            key = self._key_of(title.start, title.end)
            return _Speaker(key, text[title.start:title.end], title.start, title.end)
        np = re.compile(_MODIFIERS + r"(?P<head>(?:\d+-)?[A-ZÄÖÜ][\w-]*)").match(text, after.end())
        if np is None or np.end() > hi:
            return None
        head = np.group("head")
        mention = self.mention_at.get(np.start("head"))
        if mention is not None and mention.genitive:
            return None  # "der Sprecher Vietnams": the genitive owns the phrase, it does not head it
        if mention is not None:
            return _Speaker(mention.key, text[mention.start:mention.end], mention.start, mention.end)
        # "der Virologie-Professor und Studienleiter Hendrik Streeck": roles joined before the name.
        nxt = re.compile(r"(?:\s+(?:und|sowie)\s+[A-ZÄÖÜ][\w-]*)?\s+").match(text, np.end())
        follower = self.mention_at.get(nxt.end()) if nxt else None
        if follower is not None and follower.person:
            return _Speaker(follower.key, text[follower.start:follower.end], follower.start, follower.end)
        apposition = re.compile(r"(?:\s+de[sr]\s+(?:[\w-]+\s+){0,6}?[A-ZÄÖÜ][\w-]*)?,\s+").match(text, np.end())
        if apposition:
            follower = self.mention_at.get(apposition.end())
            if follower is not None and follower.person:
                return _Speaker(follower.key, text[follower.start:follower.end], follower.start, follower.end)
        det = text[det_start:det_end].casefold()
        # Only a definite singular phrase points back: not "ein Sprecher", not "die Journalisten".
        definite = det in ("der", "the") or det == "die" and head.endswith("in")
        key = self.resolve_role(head, det_start) if definite and self.gaz.is_role(head) else None
        end = np.end()
        if key is None:
            # Whose role: "ein Sprecher des Ministeriums", "die Polizei der Stadt" — the phrase keeps it.
            owner = _OWNER.match(text, end, hi)
            if owner is not None:
                end = owner.end()
        return _Speaker(key, text[det_start:end], det_start, end)

    def _key_of(self, start: int, end: int) -> str:
        for mention in self.mention_in(start, end):
            if mention.end <= end:
                return mention.key
        return canonical_key(self.text[start:end])

    def speaker_before(self, pos: int, lo: int) -> _Speaker | None:
        """The subject noun phrase that ends right before ``pos`` ("Trump sagte")."""
        text = self.text
        stripped = text[lo:pos].rstrip()
        # A party or place in parentheses after the name: "Heiko Maas (SPD) sagte".
        stripped = re.sub(r"\s*\([^()]{1,30}\)$", "", stripped)
        end = lo + len(stripped)
        mention = self.mention_ending.get(end)
        if mention is not None and mention.start >= lo:
            if mention.genitive or self.after_preposition(mention.start):
                return None
            return _Speaker(mention.key, text[mention.start:mention.end], mention.start, mention.end)
        last = re.search(r"(\w+)$", stripped)
        if last is None:
            return None
        if last.group(1).casefold() in _PRONOUNS:
            return self._pronoun(lo + last.start(1), end)
        # "dem Ministerium zufolge" is dative: the determiners of "zufolge" and "gegenüber" count too.
        # A phrase with its determiner first, so "dürfen dem Ministerium" is not read as one phrase.
        det_re = (r"(?P<det>\b(?:der|die|das|dem|ein|eine|einem|the|a|an|Der|Die|Das|Dem|Ein|Eine"
                  r"|The|A|An|[Ss]eine?|[Ii]hre?))\s+")
        np = (re.search(det_re + _MODIFIERS + r"(?P<head>[A-ZÄÖÜ][\w-]*)$", stripped)
              or re.search(r"(?:" + det_re + r")?" + _MODIFIERS + r"(?P<head>[A-ZÄÖÜ][\w-]*)$", stripped))
        if np is None:
            return None
        if np.group("det"):
            det = lo + np.start("det")
            if self.after_preposition(det):
                return None
            return self._determined(det, lo + np.end("det"), end + 1)
        return self._unknown_name_before(lo, end)

    def _unknown_name_before(self, lo: int, end: int) -> _Speaker | None:
        """A name no list knows, closing a run of capitalised words that opens the clause
        ("Müller sagte", "Acostas CNN-Kollege Will Ripley meinte")."""
        text = self.text
        run = re.search(r"(?:[A-ZÄÖÜ][\w-]*\s+){0,4}[A-ZÄÖÜ][\w-]*$", text[lo:end])
        if run is None:
            return None
        words = list(_WORD.finditer(text, lo + run.start(), end))
        roles = [i for i, w in enumerate(words[:-1]) if self.gaz.is_role(w.group())]
        if roles:
            words = words[roles[-1] + 1:]  # "German Foreign Minister Friederike Haller"
        elif not self.opens_clause(lo, lo + run.start()):
            return None
        while len(words) > 1 and (self.gaz.is_role(words[0].group()) or "-" in words[0].group()
                                  or words[0].group().endswith("s")):
            words.pop(0)
        if len(words) > 2 or any(w.group().casefold() in _FUNCTION_WORDS or self.gaz.is_role(w.group())
                                 for w in words):
            return None
        name = text[words[0].start():end]
        return _Speaker(canonical_key(name), name, words[0].start(), end)

    def opens_clause(self, lo: int, pos: int) -> bool:
        """Whether only articles, roles, adjectives and genitives stand between the clause start and ``pos``."""
        prefix = re.split(r"[:;,]|\+\+\+", self.text[lo:pos])[-1]
        for word in _WORD.findall(prefix):
            lower = word.casefold()
            adjective = word[:1].islower() and lower.endswith(("e", "en", "er", "es"))
            genitive = (_UPPER.match(word) is not None and word.endswith("s") and len(word) > 3
                        and lower not in _PREPOSITIONS)
            if not (lower in _DETS or adjective or genitive or self.gaz.is_role(word)):
                return False
        return True

    def first_subject(self, lo: int, hi: int, *, persons: bool = False) -> _Speaker | None:
        """The first name, pronoun or role phrase in ``[lo, hi)`` that can be a subject
        (with ``persons``, only people: "Cochem unter Wasser: „…“" has no speaker)."""
        text = self.text
        candidates: list[tuple[int, _Speaker]] = []
        for m in self.mention_in(lo, hi):
            if persons and not m.person:
                continue
            if m.end <= hi and not m.genitive and not self.in_quote(m.start) and not self.after_preposition(m.start):
                candidates.append((m.start, _Speaker(m.key, text[m.start:m.end], m.start, m.end)))
                break
        for lo_part, hi_part in self.outside_quotes(lo, hi):
            for word in re.finditer(r"\b(?:[Ee]r|[Ss]ie|[Hh]e|[Ss]he)\b", text[lo_part:hi_part]):
                candidates.append((lo_part + word.start(), self._pronoun(lo_part + word.start(), lo_part + word.end())))
                break
            for det in re.finditer(r"\b(?:[Dd]er|[Dd]ie|[Ee]ine?|[Tt]he)\s", text[lo_part:hi_part]):
                start = lo_part + det.start()
                if self.after_preposition(start):
                    continue
                np = self._determined(start, start + det.end() - det.start() - 1, hi_part)
                opening = not text[lo:start].strip()
                if np is not None and (np.key is not None or opening):
                    candidates.append((start, np))
                    break
        return min(candidates, key=lambda c: c[0])[1] if candidates else None


#: Up to three words before the head of a noun phrase: lower-case ones (not a finite verb: "Der Sender hat
#: Entwarnung gegeben"), and adjectives that a name or a place capitalises ("dem Niedersächsischen
#: Gesundheitsministerium", "die Hamburger Senatorin"); not nouns in -e ("die Flagge Vietnams").
_MODIFIERS = (r"(?:(?:(?!(?:hat|hatte|haben|hatten|ist|war|sind|waren|wird|wurde|werden|wurden|kann|soll|muss"
              r"|will|sagte|sagt)\s)[a-zäöüß][\w-]*|[A-ZÄÖÜ][\w-]*(?:sch|lich|ig|bar|al|ell|iv)(?:e|en|er|es)"
              r"|[A-ZÄÖÜ][\w-]*er)\s+){0,3}")
_OWNER = re.compile(r"\s+(?:des|der)\s+(?:[a-zäöüß][\w-]*\s+){0,2}[A-ZÄÖÜ][\w-]*")
_SOURCE = re.compile(
    r"\s*(?P<np>(?:(?:der|des|dem|den|die|einer|eines|einem|ein|eine)\s+)?(?:[a-zäöüß][\w-]*\s+){0,2}"
    r"[A-ZÄÖÜ][\w-]*(?:\s+[A-ZÄÖÜ][\w-]*){0,3})")

_FUNCTION_WORDS = frozenset("""der die das ein eine es er sie wir ich ihr dies diese dieser dieses auch aber
und doch nun dann dabei darauf bislang so wie was wer wo wenn als the a an it this that he she we they
i you there here but and dazu daher deshalb darum trotzdem inzwischen mittlerweile jetzt hier dort danach
anschließend demnach damit""".split()) | _ADVERBS


def _role_forms(role: str) -> frozenset[str]:
    folded = fold_name(role)
    forms = {folded}
    for ending in ("en", "n", "s", "es"):
        if folded.endswith(ending) and len(folded) > len(ending) + 3:
            forms.add(folded[: -len(ending)])
    return frozenset(forms)


def _same_head(a: str, b: str) -> bool:
    short, long = sorted((a, b), key=len)
    return len(short) >= 4 and long.endswith(short)


def _role_head(role: str) -> str:
    return min(_role_forms(role.rsplit("-", 1)[-1]), key=len)


# --- scanning -----------------------------------------------------------------------


def _scan_marks(text: str) -> tuple[list[_Mark], list[_Mark]]:
    """Outermost spans in quote marks, split into quotes and titles; nested ones are dropped."""
    found = []
    for pattern in _QUOTE_PATTERNS:
        for m in pattern.finditer(text):
            content = m.group("q")
            lead = len(content) - len(content.lstrip())
            # The comma of '"…," Trump said' belongs to the attribution, not to the words.
            trail = len(content) - len(content.rstrip().rstrip(",").rstrip())
            if content.strip():
                found.append(_Mark(m.start(), m.start("q") + lead, m.end("q") - trail, m.end()))
    found.sort(key=lambda s: (s.open, -s.close))
    kept: list[_Mark] = []
    for span in found:
        if kept and span.open < kept[-1].close:
            continue  # nested in, or crossing, a span already kept
        kept.append(span)
    kept = sorted(kept + _unopened(text, kept), key=lambda m: m.open)
    kept = sorted(kept + _unclosed(text, kept), key=lambda m: m.open)
    quotes, titles = [], []
    for span in kept:
        (titles if _is_title(text, span) else quotes).append(span)
    return quotes, titles


_CLOSER = re.compile(r"(?<=[\w.!?…])[\"“”«»](?=\s*,?\s*(?:\w+\s+)?\w+)")


_OPENER = re.compile(r"(?:(?<=\s)|^)[„“\"»«](?=[A-ZÄÖÜ])")
_CUT = re.compile(r"\n|  ")


def _unclosed(text: str, kept: list[_Mark]) -> list[_Mark]:
    """Quotes whose closing mark is missing — the text was cut, or the quote runs on into the next
    paragraph, which opens with a mark again: they run to the end of the paragraph (or to a
    double space, where a cut text was joined), 400 characters at most."""
    out = []
    taken = [(m.open, m.close) for m in kept]
    for m in _OPENER.finditer(text):
        pos = m.start()
        if any(lo <= pos < hi for lo, hi in taken):
            continue
        later = [lo for lo, _ in taken if lo > pos]
        limit = min([pos + 400, len(text)] + later)
        cut = _CUT.search(text, m.end(), limit)
        end = cut.start() if cut else limit
        # "„Situationen … zu informieren, sagt Gantner.": the closing mark was lost before the attribution.
        said = next((c for c in _CUE_RE.finditer(text, m.end(), end)
                     if re.fullmatch(r",\s+", text[text.rfind(",", m.end(), c.start()):c.start()] or "x")), None)
        if said is not None:
            end = text.rfind(",", m.end(), said.start())
        content = text[m.end():end]
        if re.search(r"[„“”\"»«]", content) or len(_WORD.findall(content)) < 3:
            continue
        trail = len(content) - len(content.rstrip().rstrip(",").rstrip())
        out.append(_Mark(pos, m.end(), end - trail, end))
    return out


def _unopened(text: str, kept: list[_Mark]) -> list[_Mark]:
    """Quotes whose opening mark was lost (a text cut after its head): "… nicht viel", sagte Antonio
    Pace" — a closing mark left alone before a speech cue opens at the start of its sentence."""
    out = []
    taken = [(m.open, m.close) for m in kept]
    for m in _CLOSER.finditer(text):
        pos = m.start()
        if any(lo <= pos < hi for lo, hi in taken):
            continue
        cue = re.compile(r"\s*,?\s*(?:(?:dabei|auch|zudem|weiter|nun|dann)\s+)?(\w+)").match(text, m.end())
        if cue is None or not _CUE_RE.fullmatch(cue.group(1)):
            continue
        floor = max([hi for lo, hi in taken if hi <= pos] + [0, pos - 600])
        start = floor
        for end in re.finditer(r"[.!?…]\s+|\n", text[floor:pos]):
            start = floor + end.end()
        content = text[start:pos]
        lead = len(content) - len(content.lstrip())
        trail = len(content) - len(content.rstrip().rstrip(",").rstrip())
        if len(_WORD.findall(content)) >= 3 and not re.search(r"[„“”\"»«]", content):
            out.append(_Mark(start + lead, start + lead, pos - trail, m.end()))
    return out


#: Kinds of works and campaigns, alone or ending a compound ("Kultserie", "Reality-Show"); not "Mitglied".
_WORK_KIND = re.compile(r"(?:^|-|[a-zäöüß]{2})(?:serie|sendung|show|film|hit|song|single|album|(?<!g)lied|roman|buch"
                        r"|titel|magazin|zeitung|komödie|krimi|musical|podcast|doku|dokumentation|kolumne|kampagne"
                        r"|motto|slogan|reihe|format|app|region)$")


def _is_title(text: str, span: _Mark) -> bool:
    """A name in marks (Hotel "Metropole", die Zeitung "Bild", das "Wall Street Journal")."""
    content = text[span.start:span.end]
    words = content.split()
    if text[span.close:span.close + 1] == "-" and len(words) <= 3:
        return True  # the first part of a compound: die „Immuni“-App
    if not words or content[-1] in ".!?,:;" or not _UPPER.match(content):
        return False
    before = re.search(r"([\w-]+)\W{0,2}$", text[max(0, span.open - 40):span.open])
    # After a work's kind the marks hold its title, lower-case words and all (die Serie „Dahoam is
    # dahoam“, ihr Hit „You Can’t Always Get What You Want“, die Reality-Show «Get the F*ck out of my House»).
    if before is not None and len(words) <= 10 and _WORK_KIND.search(before.group(1).casefold()):
        return True
    if len(words) > 5:
        return False
    capitalised = all(_UPPER.match(w) or w in {"of", "the", "and", "für", "der", "die", "das", "von", "&"}
                      for w in words)
    if not capitalised:
        return False
    if before is None:
        return False
    previous = before.group(1)
    if previous.casefold() in _TITLE_WORDS:
        return True
    if previous.casefold() in _DETS:
        # Several words, or one word with nothing that makes a sentence of it after a dative or genitive
        # article: die „Bild“ is named, der „Welt“ (told to the newspaper) too.
        return len(words) > 1 or previous.casefold() in ("der", "dem", "des")
    # A German noun right before the marks; not the first word of a sentence.
    sentence_start = re.search(r"(?:^|[.!?:]\s+|\n)[\w-]+\W{0,2}$", text[max(0, span.open - 40):span.open])
    return bool(_UPPER.match(previous)) and previous.casefold() not in _FUNCTION_WORDS and not sentence_start


def _mentions(text: str, entities: list[Entity], gaz: Gazetteer) -> list[_Mention]:
    """Names from the entity layer plus the names found here where it found none."""
    out = [_Mention(e.start, e.end, e.key, e.type == "PER", _is_genitive(e.text, e.key))
           for e in entities if e.type in ("PER", "ORG", "LOC") and e.key]
    covered = [(m.start, m.end) for m in out]
    own = _own_names(text, gaz)
    out += [m for m in own if not any(s < m.end and m.start < e for s, e in covered)]
    out.sort(key=lambda m: m.start)
    return out


def _is_genitive(surface: str, key: str) -> bool:
    if surface.endswith(("'s", "’s")):
        return True
    last = fold_name(surface).rsplit(" ", 1)[-1]
    return last.endswith("s") and last not in key.split() and last[:-1] in key.split()


def _own_names(text: str, gaz: Gazetteer) -> list[_Mention]:
    """Names from the gazetteer, "First Last" names, and short forms of both."""
    words = list(_WORD.finditer(text))
    groups: list[list[re.Match[str]]] = []
    for w in words:
        if not _UPPER.match(w.group()):
            continue
        gap = text[groups[-1][-1].end():w.start()] if groups else ""
        initial = groups and len(groups[-1][-1].group()) == 1
        if groups and (gap == " " or gap == ". " and initial):
            groups[-1].append(w)
        else:
            groups.append([w])
    found: list[_Mention] = []
    listed: set[int] = set()  # starts of names the gazetteer knows: all their parts are short forms
    for group in groups:
        i = 0
        while i < len(group):
            for j in range(min(len(group), i + 4), i, -1):
                name = text[group[i].start():group[j - 1].end()]
                entry = gaz.lookup(name, genitive=True)
                if entry is not None and not (j == i + 1 and gaz.is_blocked(name)):
                    genitive = gaz.lookup(name) is None
                    found.append(_Mention(group[i].start(), group[j - 1].end(), entry.key, entry.type == "PER", genitive))
                    listed.add(group[i].start())
                    i = j
                    break
            else:
                first = group[i].group()
                if gaz.is_first_name(first) and i + 1 < len(group) and not gaz.is_role(group[i + 1].group()):
                    last = group[i + 1]
                    name = text[group[i].start():last.end()]
                    found.append(_Mention(group[i].start(), last.end(), canonical_key(name), True, False))
                    i += 2
                else:
                    i += 1
    short: dict[str, str] = {}
    for m in found:
        parts = text[m.start:m.end].split()
        if m.person and len(parts) > 1 and not m.genitive:
            short.setdefault(parts[-1], m.key)
            if m.start in listed or not gaz.is_first_name(parts[0]):
                short.setdefault(parts[0], m.key)
    taken = [(m.start, m.end) for m in found]
    for w in words:
        token = w.group()
        if not _UPPER.match(token) or any(s <= w.start() < e for s, e in taken):
            continue
        if token in short:
            found.append(_Mention(w.start(), w.end(), short[token], True, False))
        elif token.endswith("s") and token[:-1] in short:
            found.append(_Mention(w.start(), w.end(), short[token[:-1]], True, True))
    found.sort(key=lambda m: m.start)
    return found


def _units(text: str, sentences: list[Sentence], art: _Article) -> list[_Unit]:
    """Sentences (given, or split here), merged where a boundary falls inside quote marks."""
    bounds = {0, len(text)}
    if sentences:
        for s in sentences:
            bounds.update((s.start, s.end))
        bounds.update(m.start() for m in re.finditer(r"\n", text))
    else:
        for m in _SENTENCE_END.finditer(text):
            if m.group() == "\n" or _ends_sentence(text, m.start(), m.end()):
                bounds.add(m.end())
    paragraphs = [m.end() for m in _PARAGRAPH_BREAK.finditer(text)]
    cuts = sorted(b for b in bounds if (q := art.quote_at(b)) is None or b == q.open)
    units = []
    for lo, hi in zip(cuts, cuts[1:]):
        chunk = text[lo:hi]
        if chunk.strip():
            start = lo + len(chunk) - len(chunk.lstrip())
            end = lo + len(chunk.rstrip())
            units.append(_Unit(start, end, bisect.bisect_right(paragraphs, start)))
    return units


def _ends_sentence(text: str, start: int, end: int) -> bool:
    following = re.compile(r"\s+([„“\"»«‚‘'(\[]?)(\S)").match(text, end)
    if following is None or not (_UPPER.match(following.group(2)) or following.group(2).isdigit()):
        return False
    before = re.search(r"(\w+)$", text[max(0, start - 20):start])
    if before is None or text[start] != ".":
        return True
    word = before.group(1)
    if word.isdigit() and len(word) <= 2:
        return False  # an ordinal: "am 22. September"
    return not (word.casefold() in _ABBREVIATIONS or len(word) == 1 and word.isupper())


def _cues(art: _Article, unit: _Unit) -> list[_Cue]:
    """Speech cues in a sentence, outside quote marks."""
    text = art.text
    cues = []
    for lo, hi in art.outside_quotes(unit.start, unit.end):
        for m in _CUE_RE.finditer(text, lo, hi):
            word = m.group()
            particles = _SEPARABLE.get(word)
            if particles:
                clause = re.compile(r"[^,.;:!?„“\"»«]*").match(text, m.end(), hi)
                tail = clause.group() if clause else ""
                if not any(re.search(rf"\b{p}\b", tail) for p in particles):
                    continue
            kind = "participle" if word in _PARTICIPLES else "verb"
            if word in _INSEPARABLE_PARTICIPLES:
                # "erklärt" is finite and participle: after an auxiliary in its clause, a participle.
                clause = re.split(r"[,;:.!?]", text[lo:m.start()])[-1]
                kind = "participle" if _AUXILIARIES.search(clause) else kind
            cues.append(_Cue(m.start(), m.end(), word, kind))
        for m in _SPECIAL_CUES.finditer(text, lo, hi):
            cues.append(_Cue(m.start(), m.end(), m.group(), m.lastgroup or "after"))
    cues.sort(key=lambda c: c.start)
    return cues


# --- attribution ------------------------------------------------------------------


_AUXILIARIES = re.compile(r"\b(?:hat|hatte|hatten|haben|habe|hätte|hätten|has|had|have)\b")
_PASSIVE = re.compile(r"\b(?:wurde|wurden|worden|wird|werden|was|were)\b")


def _speaker_of(art: _Article, unit: _Unit, cue: _Cue, lo: int) -> _Speaker | None:
    """The subject of a cue; ``lo`` is where its clause starts."""
    after_pos = _skip_adverbs(art.text, cue.end, unit.end)
    if cue.kind == "so":
        return art.speaker_at(cue.end, unit.end, bare=True)
    if cue.kind == "after":
        # "laut Information des Gesundheitsministeriums": the owner of the statement speaks, not the noun.
        statement = _STATEMENT_NOUN.match(art.text, cue.end, unit.end)
        if statement is not None:
            owner = art.source_at(statement.end(), unit.end)
            if owner is not None:
                return owner
        return art.speaker_at(cue.end, unit.end, bare=True) or art.source_at(cue.end, unit.end)
    if cue.kind == "view":
        word = re.search(r"seiner|ihrer", cue.text)
        start = cue.start + (word.start() if word else 0)
        return art._pronoun(start, start + (len(word.group()) if word else len(cue.text)))
    if cue.kind == "thereby":
        return None  # the speaker of the sentence before; find_quotes knows it
    if cue.kind == "compound":
        word = re.search(r"(\S+?)-?[Aa]ngaben$", cue.text)
        source = word.group(1) if word else cue.text
        start = cue.end - len(word.group()) if word else cue.start
        # The part before "-Angaben" names the source ("RTL"); its span is the whole compound. A body
        # joined on without a hyphen ("Polizeiangaben") names nobody in particular.
        names = art.mention_in(start, start + len(source))
        key = names[0].key if names else canonical_key(source) if "-" in cue.text else None
        return _Speaker(key, art.text[start:cue.end], start, cue.end)
    if cue.kind == "before":
        found = art.speaker_before(cue.start, lo)
        if found is None:
            # "lokalen Medienberichten zufolge": a source without its article names nobody in particular.
            bare = re.search(r"(?<![\w-])(?:[a-zäöüß][\w-]*(?:e|en|er|es|em)\s+){1,2}[A-ZÄÖÜ][\w-]*\s*$",
                             art.text[lo:cue.start])
            if bare is not None and bare.group().split()[0].casefold() not in _FUNCTION_WORDS | _PREPOSITIONS:
                start = lo + bare.start()
                end = lo + len(art.text[lo:cue.start].rstrip())
                found = _Speaker(None, art.text[start:end], start, end)
        return found
    if cue.kind == "own":
        return art.first_subject(lo, cue.start) or art.first_subject(cue.end, unit.end)
    if cue.kind == "participle":
        passive = _PASSIVE.search(art.text, lo, min(unit.end, cue.end + 12))
        if passive is not None:
            if cue.text == "zitiert" and passive.end() <= cue.start:
                # "…, wurde er von den Staatsmedien zitiert": the one quoted is the subject of the passive.
                found = (art.speaker_at(_skip_adverbs(art.text, passive.end(), cue.start), cue.start, bare=True)
                         or art.speaker_before(passive.start(), lo))
                if found is not None:
                    return found
            return _NOBODY
        aux = next(_AUXILIARIES.finditer(art.text, lo, cue.start), None)
        if aux is not None:
            found = art.speaker_at(_skip_adverbs(art.text, aux.end(), cue.start), cue.start, bare=True)
            # Inverted ("Gestern hat er gesagt") the subject follows the auxiliary, else it stands right
            # before it ("Die USA haben sich versichert"), which beats a name earlier in the clause.
            found = found or art.speaker_before(aux.start(), lo)
            if found is not None:
                return found
        return art.first_subject(lo, cue.start)
    after = art.speaker_at(after_pos, unit.end, bare=True)
    if after is _NOBODY and cue.text in _IMPERSONAL:
        # "hieß es", unless the statement is named: "heißt es in einer Mitteilung von BMI".
        statement = _STATEMENT.match(art.text, after_pos, unit.end)
        return (art.source_at(statement.end(), unit.end) or after) if statement else after
    if after is _NOBODY:
        # "es" after another verb is its object ("Maas machte es klar"): the subject stands before.
        return art.speaker_before(cue.start, lo) or art.first_subject(lo, cue.start) or after
    before = art.speaker_before(cue.start, lo)
    # "Trump nennt Kim seinen Freund": a subject that opens the clause wins over the object after the verb.
    if before is not None and before.start is not None and art.opens_clause(lo, before.start):
        return before
    return after or before or art.first_subject(lo, cue.start)


_STATEMENT_NOUN = re.compile(
    r"\s+(?:(?:der|einer|dem|einem|den|ersten|neuen|jüngsten|aktuellen)\s+){0,2}"
    r"(?:Information(?:en)?|Mitteilung|Angaben"
    r"|Berichte[n]?|Bericht|Erklärung|Aussagen?|Schätzung(?:en)?|Zahlen|Daten|Recherchen|Auskunft|Einschätzung"
    r"|Darstellung|Statistik|Umfragen?|Studie|Prognosen?|Hochrechnung|Medienberichten)(?=\s+(?:des|der|von|vom)\s)")
_IMPERSONAL = frozenset("hieß heißt geheißen".split())
#: Capitalised words after a verb that are times, never speakers ("erklärte Donnerstagmorgen").
_TIME_WORD = re.compile(r"(?:Montag|Dienstag|Mittwoch|Donnerstag|Freitag|Samstag|Sonnabend|Sonntag)\w*"
                        r"|Morgen|Abend|Nacht|Vormittag|Nachmittag|Mittag|Heute|Gestern|Anfang|Ende|Mitte")
#: One word in marks that only hedges ("gilt „mindestens“ bis August", "„nur“ zwei"): no quote.
_HEDGES = frozenset("""nur mindestens höchstens fast kaum etwa angeblich eigentlich sogenannte sogenannten
wirklich echt ganz gar sehr nicht noch schon bald immer nie""".split())
_FURTHER = re.compile(r"\b(?:[Ww]eiter|[Ff]erner|[Zz]udem|[Aa]ußerdem|[Dd]arin|[Dd]ort)\b")
#: Verbs that only report words (not "kritisierte", "forderte": they take an object): these may close
#: an indicative clause as its attribution.
_SAYING = frozenset(f for verb in """sagen erklären betonen meinen ergänzen erläutern berichten bestätigen
versichern unterstreichen bekräftigen antworten erwidern entgegnen präzisieren""".split()
                    for f in _weak_forms(verb)[:3]) | frozenset("""schrieb schreibt schrieben unterstrich
teilte teilt teilten fügte fügt fügten hieß heißt""".split())
_STATEMENT = re.compile(
    r"\s+es\b[^,.;:!?„“\"»«]*?\b(?:Mitteilung|Erklärung|Stellungnahme|Statement|Pressemitteilung|Bericht"
    r"|Schreiben|Brief|Papier|Tweet|Beitrag|Bilanz|Antwort)\w*\s+(?:(?:von|vom)\s+|(?=(?:der|des)\s))"
    r"|\s+es\s+(?:\w+\s+){0,2}?aus\s+(?=(?:dem|der|den)\s)")


#: A time phrase between a verb and its subject ("erklärte am Mittwoch der Konzern").
_TIME_PHRASE = re.compile(
    r"\s+am\s+(?:(?:frühen|späten|gestrigen|heutigen|vergangenen|kommenden)\s+)?(?:Montag|Dienstag|Mittwoch"
    r"|Donnerstag|Freitag|Samstag|Sonnabend|Sonntag|Wochenende|Abend|Morgen|Vormittag|Nachmittag|Mittag)\w*\b")


def _skip_adverbs(text: str, pos: int, hi: int) -> int:
    while True:
        m = re.compile(r"\s+(\w+)").match(text, pos, hi)
        if m is not None and m.group(1).casefold() not in _ADVERBS and not _TIME_WORD.fullmatch(m.group(1)):
            m = _TIME_PHRASE.match(text, pos, hi)
        if m is None:
            return pos
        pos = m.end()


def _has_konjunktiv(art: _Article, lo: int, hi: int, *, substitute: bool) -> bool:
    """Whether ``[lo, hi)`` has a Konjunktiv I verb outside quotes (or II with ``substitute``)."""
    text = art.text
    for part_lo, part_hi in art.outside_quotes(lo, hi):
        words = list(_WORD.finditer(text, part_lo, part_hi))
        for i, w in enumerate(words):
            word = w.group()
            if (word in _KONJ1 or substitute and word in _KONJ2) and not (i and words[i - 1].group() == "als"):
                return True  # "so getan, als sei …" compares
            # The weak preterite ("zeigte") ends in -te too; those are not reported speech.
            # An adjective after its article ("Der 100-jährige britische Veteran") is no verb either.
            if (len(word) > 3 and word.endswith("e") and not word.endswith("te") and word.islower()
                    and word not in _NOT_VERBS and word not in _KONJ2 and "-" not in word
                    and not word.endswith(_ADJECTIVE_ENDINGS) and i > 0 and i + 1 < len(words)):
                prev, nxt = words[i - 1].group(), words[i + 1].group()
                if prev.casefold() in _DETS or prev.casefold() in _POSSESSIVES:
                    continue
                if ((prev in ("er", "sie", "es", "man") or _UPPER.match(prev) and prev not in _FIRST_SECOND)
                        and not text[words[i - 1].end():w.start()].strip()
                        and (nxt[:1].islower() or nxt[:1].isdigit())
                        and text[w.end():words[i + 1].start()].strip() in ("", ",")):
                    return True
    return False


def _clause_end(text: str, unit: _Unit) -> int:
    """Where the Konjunktiv tests of a sentence stop: its first clause, past the commas of a listed
    subject ("Die Hygienekonzepte, Abstandsregeln und das Tempo … seien …"), and one word past its comma,
    so "Er hoffe, dass …" shows "hoffe"."""
    first_clause = _FIRST_CLAUSE.match(text, unit.start, unit.end)
    return min(unit.end, (first_clause.end() if first_clause else unit.end) + 12)


def _trimmed(text: str, lo: int, hi: int) -> tuple[int, int]:
    chunk = text[lo:hi]
    lo += len(chunk) - len(chunk.lstrip())
    chunk = text[lo:hi].rstrip()
    while chunk and chunk[-1] in ".!?;:,":
        chunk = chunk[:-1].rstrip()
    return lo, lo + len(chunk)


def _reported_after(art: _Article, unit: _Unit, cue: _Cue, speaker: _Speaker | None) -> tuple[int, int] | None:
    """Pattern A: "Trump sagte dabei, er habe …" — the clause after the cue."""
    text = art.text
    pos = cue.end
    if speaker is not None and speaker.start is not None and speaker.end is not None \
            and cue.end <= speaker.start <= cue.end + 60:
        pos = speaker.end
    gap = re.compile(r"[^,.;:!?„“\"»«]*").match(text, pos, unit.end)
    gap_end = gap.end() if gap else pos
    if len(_WORD.findall(text[pos:gap_end])) > 8:
        return None
    first_word = _WORD.search(text, pos, gap_end)
    if first_word and first_word.group().casefold() in _CONJUNCTIONS:
        lo = first_word.start()  # "said that …", "sagte dass …"
    elif gap_end < unit.end and text[gap_end] == ",":
        lo = gap_end + 1
    else:
        return None
    cut = re.compile(r".*?(?=,\s+(?:während|wobei|whereas|while)\b|;|$)", re.S).match(text, lo, unit.end)
    hi = cut.end() if cut else unit.end
    lo, hi = _trimmed(text, lo, hi)
    if hi <= lo or _mostly_quoted(art, lo, hi):
        return None
    first = _WORD.match(text, lo)
    if first and first.group().casefold() in _CONJUNCTIONS or _has_konjunktiv(art, lo, hi, substitute=True):
        return lo, hi
    # "wirft ihm vor, Unwahrheiten zu sagen", "kündigte an, den Vertrag aufzukündigen": a zu-infinitive
    # is what was said; not a purpose clause ("um … zu").
    if first and first.group().casefold() not in _NOT_REPORTED and _ZU_INFINITIVE.search(text, lo, hi):
        return lo, hi
    return None


_TRAILING_CUE = re.compile(r"[“”\"»«]?\s*,\s*(?:" + "|".join(sorted(map(re.escape, _CUES), key=len, reverse=True))
                           + r")(?![\w-])")
_ZU_INFINITIVE = re.compile(r"(?:\bzu\s+[a-zäöüß]+(?:en|ern|eln)"
                            r"|\b[a-zäöüß]{2,}zu[a-zäöüß]{2,}(?:en|ern|eln))$")
_NOT_REPORTED = frozenset("um ohne statt anstatt".split())


_CLOSING_AUXILIARY = re.compile(r",\s+(?:hat|hatte|haben|hatten|wurde|wurden|ist|war)\b[^,;:„“\"»«]*$")


def _reported_before(art: _Article, unit: _Unit, cue: _Cue, speaker: _Speaker | None = None) -> tuple[int, int] | None:
    """Pattern B: "Wichtiger sei es, …, betonte der US-Präsident" — the clause before.

    In Konjunktiv, or in any mood when the cue is inverted and closes the
    sentence ("Einige Jahre wird es dauern, sagte der Vorsitzende."): quote
    marks lost in copying leave exactly that shape."""
    text = art.text
    head = text[unit.start:cue.start].rstrip()
    if not head.endswith(","):
        # "…, wurde er von den Staatsmedien zitiert", "…, hat sie betont": a participle closes the
        # sentence after its auxiliary.
        perfect = _CLOSING_AUXILIARY.search(head) if cue.kind == "participle" else None
        if perfect is None or len(_WORD.findall(perfect.group())) > 8 or not _has_konjunktiv(
                art, unit.start, unit.start + perfect.start(), substitute=True):
            return None
        head = head[:perfect.start() + 1]
    lo, hi = _trimmed(text, unit.start, unit.start + len(head) - 1)
    if hi <= lo or _mostly_quoted(art, lo, hi) or _QUESTION.search(text, lo, hi):
        return None
    # "Der Sender gab Entwarnung: „…“, heißt es.": the cue closes the quote its colon opened.
    last = art.marks_in(lo, hi)[-1:]
    if last and last[0].close >= hi - 1 and text[lo:last[0].open].rstrip().endswith(":"):
        return None
    # "Auf die Frage …, ob er bereit sei, sagte er: „…“": the clause before introduces a quote.
    if re.compile(r"[^,.;:!?„“\"»«]*:").match(text, cue.end, unit.end):
        return None
    if _has_konjunktiv(art, lo, hi, substitute=True):
        return lo, hi
    return (lo, hi) if _inverted_close(art, unit, cue, speaker) and _main_clause(text, lo, hi) else None


_SUBORDINATORS = frozenset("""als nachdem wenn weil obwohl obgleich während bevor ehe seit seitdem sobald
solange falls da indem ob wie was wer wen wem wo woher wohin warum weshalb wieso um damit sodass bis dass
denn aber und oder sondern doch jedoch sowie zwar if when because although while after before as since
and but or""".split())


def _inverted_close(art: _Article, unit: _Unit, cue: _Cue, speaker: _Speaker | None) -> bool:
    """", sagte der Minister am Montag." — the cue right after the comma, its subject after it,
    and nothing but the rest of that clause to the end of the sentence."""
    text = art.text
    if text[unit.start:cue.start].rstrip()[-1:] != "," or not (cue.kind == "verb" and cue.text in _SAYING
                                                               or cue.kind == "so"):
        return False
    if cue.text in _IMPERSONAL:
        pos = cue.end
    elif cue.kind == "so" and not _agentive(art, speaker):
        return False  # "…, so das Ausmaß": "so" is an adverb there
    elif speaker is not None and speaker is not _NOBODY and speaker.start is not None \
            and speaker.end is not None and cue.end <= speaker.start <= cue.end + 40:
        pos = speaker.end
    else:
        return False
    return not re.search(r"[,;:„“\"»«]", text[pos:unit.end])


_BODY = re.compile(r"(?:ministerium|amt|institut|gericht|unternehmen|büro|präsidium|zentrum|komitee|gremium"
                   r"|kabinett|parlament|bündnis|netzwerk|portal|magazin|blatt|team)$", re.I)


def _agentive(art: _Article, speaker: _Speaker | None) -> bool:
    """Whether a speaker can have said something: a name, a person or role, a body."""
    if speaker is None or speaker is _NOBODY or speaker.text is None:
        return False
    if speaker.key is not None:
        return True
    words = speaker.text.split()
    head = words[-1] if words else ""
    first = words[0].casefold() if words else ""
    return first != "das" or art.gaz.is_role(head) or bool(_BODY.search(head))


def _main_clause(text: str, lo: int, hi: int) -> bool:
    words = _WORD.findall(text[lo:hi])
    return len(words) >= 3 and words[0].casefold() not in _SUBORDINATORS and "?" not in text[lo:hi]


#: The subject may be missing: "…, wie mitgeteilt wurde" reports words of nobody named.
_WIE_AFTER = re.compile(r",\s+wie\s+(?P<np>[^,;:„“\"»«]{0,80}?)\s*$")
_WIE_BEFORE = re.compile(r"\s*[Ww]ie\s+(?P<np>[^,;:„“\"»«]{1,80}?)\s*$")


def _reported_as(art: _Article, unit: _Unit, cue: _Cue) -> tuple[tuple[int, int], _Speaker] | None:
    """"…, wie die Polizei mitteilte." and "Wie die Polizei mitteilte, …": the rest of the sentence
    is reported in any mood; the speaker is the subject of the wie-clause."""
    text = art.text
    head = text[unit.start:cue.start]
    tail = re.compile(r"(?:\s+[\w-]+){0,3}").match(text, cue.end, unit.end)
    tail_end = tail.end() if tail else cue.end
    after = _WIE_AFTER.search(head)
    if after is not None and not text[tail_end:unit.end].strip(" .!?\n"):
        lo, hi = _trimmed(text, unit.start, unit.start + after.start())
        np_start = unit.start + after.start("np")
    elif after is not None and text[cue.end:cue.end + 1] == "," and len(_WORD.findall(head[:after.start()])) >= 2:
        # "Die Regeln gelten, wie das Ministerium erklärte, für alle Grenzen": the attribution
        # interrupts the sentence, which is reported whole, the attribution inside.
        lo, hi = _trimmed(text, unit.start, unit.end)
        np_start = unit.start + after.start("np")
    else:
        before = _WIE_BEFORE.match(head)
        if before is None or unit.start + before.start() != unit.start or text[tail_end:tail_end + 1] != ",":
            return None
        lo, hi = _trimmed(text, tail_end + 1, unit.end)
        np_start = unit.start + before.start("np")
    if hi <= lo or _mostly_quoted(art, lo, hi) or len(_WORD.findall(text[lo:hi])) < 3:
        return None
    source = re.compile(r"\s*aus\s+").match(text, np_start, cue.start) if cue.text.startswith("hervor") else None
    if source is not None:
        # "wie aus einem Dekret des Präsidenten hervorgeht": the document is the source.
        end = np_start + len(text[np_start:cue.start].rstrip())
        names = [m for m in art.mention_in(source.end(), end) if m.end <= end]
        return (lo, hi), _Speaker(names[-1].key if names else None, text[source.end():end], source.end(), end)
    speaker = art.speaker_at(np_start, cue.start, bare=True) or art.speaker_before(cue.start, np_start) or _NOBODY
    return (lo, hi), speaker


_FIRST_SECOND = frozenset("Ich Wir Du Ihr I We You".split())
_FIRST_PERSON = re.compile(r"\b(?:ich|wir|mir|mich|uns|unser\w*|mein\w*|I|we|us|our|my)\b", re.I)


def _reported_colon(art: _Article, unit: _Unit, cue: _Cue, speaker: _Speaker | None) -> tuple[tuple[int, int], str] | None:
    """"Wissenschaftler sagen: Es wird keinen Impfstoff geben." — words after a colon without
    quote marks; ``direct`` when they speak in the first person."""
    text = art.text
    pos = cue.end
    if speaker is not None and speaker.end is not None and speaker.start is not None and speaker.start >= cue.end:
        pos = max(pos, speaker.end)
    intro = re.compile(r"[^,.;:!?„“\"»«]*:").match(text, pos, unit.end)
    if intro is None or len(_WORD.findall(intro.group())) > 6:
        return None
    lo, hi = _trimmed(text, intro.end(), unit.end)
    if hi <= lo or text[lo] in "„“\"»«‚‘'" or art.marks_in(lo, hi) or len(_WORD.findall(text[lo:hi])) < 3:
        return None
    return (lo, hi), "direct" if _FIRST_PERSON.search(text, lo, hi) else "indirect"


_CLAUSE_JOIN = re.compile(r"\b(?:while|whereas|während|wobei|und|and|aber|but)\b")
_QUESTION = re.compile(r"\b(?:Frage|gefragt|asked|question)\b")


def _mostly_quoted(art: _Article, lo: int, hi: int) -> bool:
    quoted = sum(min(m.close, hi) - max(m.open, lo) for m in art.marks_in(lo - 1, hi) if m.close > lo)
    return quoted >= 0.8 * (hi - lo)


def _quote(text: str, lo: int, hi: int, kind: str, speaker: _Speaker | None, cue: str | None) -> Quote:
    s = speaker or _NOBODY
    return Quote(start=lo, end=hi, text=text[lo:hi], kind=kind, speaker=s.key, speaker_text=s.text,
                 speaker_start=s.start, speaker_end=s.end, cue=cue)


def find_quotes(text: str, sentences: list[Sentence], entities: list[Entity], language: str | None) -> list[Quote]:
    """The direct and indirect quotes of an article, in text order.

    Args:
        text: the article text; all offsets point into it.
        sentences: sentences from ``segment``; when empty, the text is split here.
        entities: entities with canonical keys; names are also found here where
            the list has none, so speakers get keys without it.
        language: ``de``, ``en`` or another code; the rules cover German and English.

    Returns:
        Quotes sorted by position; ``speaker`` is a canonical key or ``None``.

    Example::

        >>> qs = find_quotes('"Wir werden sehen", sagte Trump.', [], [], "de")
        >>> [(q.text, q.speaker, q.speaker_text, q.cue) for q in qs]
        [('Wir werden sehen', 'trump', 'Trump', 'sagte')]
    """
    art = _Article(text, entities)
    units = _units(text, sentences, art)
    quotes: dict[tuple[int, int, str], Quote] = {}
    guessed: set[tuple[int, int, str]] = set()  # direct quotes whose speaker comes from the sentences before
    last: tuple[int, int, _Speaker, str | None] | None = None  # unit index, paragraph, speaker, cue
    last_indirect = last_said = -2
    run_on: tuple[int, tuple[_Speaker, str | None]] | None = None  # paragraph of an unclosed quote, its speaker
    for index, unit in enumerate(units):
        cues = _cues(art, unit)
        speakers = {c: _speaker_of(art, unit, c, unit.start) for c in cues}
        recent = last if last is not None and last[1] == unit.paragraph and index - last[0] <= 2 else None
        produced: tuple[_Speaker, str | None] | None = None

        indirect_done = False
        reported: list[tuple[int, int, _Speaker | None, str | None]] = []
        for cue in cues:
            speaker = speakers[cue]
            kind = "indirect"
            span: tuple[int, int] | None = None
            if cue.text in _IMPERSONAL and speaker is _NOBODY and recent is not None \
                    and _FURTHER.search(text, unit.start, cue.start):
                speaker = recent[2]  # "Weiter heißt es, …": the statement quoted just before goes on
            if cue.kind in ("verb", "participle"):
                clause = _reported_as(art, unit, cue)
                back = _said_back(art, units, index, cue) if speaker not in (None, _NOBODY) else None
                if clause is not None:
                    span, speaker = clause
                elif back is not None and not any(lo < back[1] and back[0] < hi for lo, hi, _ in quotes):
                    span = back  # "… angehoben werden. Das sagte Sportminister Kogler."
                elif speaker is not _NOBODY or cue.text in _IMPERSONAL:
                    span = _reported_after(art, unit, cue, speaker)
                    if span is None and speaker is not _NOBODY:
                        colon = _reported_colon(art, unit, cue, speaker)
                        if colon is not None:
                            span, kind = colon
                    if span is None and not indirect_done:
                        span = _reported_before(art, unit, cue, speaker)
            elif cue.kind == "so" and speaker is not None and not indirect_done:
                span = _reported_before(art, unit, cue, speaker)
            elif cue.kind in ("own", "after", "before", "view", "thereby", "compound"):
                if cue.kind == "after" and (indirect_done or art.marks_in(unit.start, unit.end)) and any(
                        c.kind in ("verb", "participle") and c.start < cue.start
                        and speakers[c] not in (None, _NOBODY) for c in cues):
                    # "sagte Kim laut der Agentur KCNA": "laut" names the channel of that report. A verb
                    # that reported nothing ("ÖVP und Grüne bestätigten nach Angaben der APA weitere …")
                    # leaves the whole sentence to the source.
                    continue
                if cue.kind == "thereby":
                    # "Demnach …": according to the one who spoke just before, else to the person the
                    # sentence before named ("Vorhersagen der Seherin Baba Wanga. Demnach …").
                    near = last if last is not None and index - last[0] <= 2 else None
                    speaker = near[2] if near is not None else _NOBODY
                    if near is None and index:
                        person = art.antecedent(unit.start)
                        if person is not None and person.start >= units[index - 1].start:
                            speaker = _Speaker(person.key, text[person.start:person.end], person.start, person.end)
                span = _trimmed(text, unit.start, unit.end)
                span = None if _mostly_quoted(art, *span) else span
            if span is not None and span[1] > span[0]:
                quotes[(span[0], span[1], kind)] = _quote(text, *span, kind, speaker, cue.text)
                reported.append((span[0], span[1], speaker, cue.text))
                produced = (speaker or _NOBODY, cue.text)
                indirect_done = True
        carry = recent
        if carry is None and index - 1 == last_indirect and units[index - 1].paragraph == unit.paragraph:
            # "…, hieß es. 15 seien …": still reported, by nobody named.
            carry = (index - 1, unit.paragraph, _NOBODY, None)
        if carry is None and index - 1 == last_indirect and last is not None and last[0] == index - 1 \
                and units[index - 1].paragraph == unit.paragraph - 1:
            # Reported speech runs on into the next paragraph ("…, wie die Behörden mitteilten.\n\n15 Insassen
            # seien …"): only the Konjunktiv test below lets it.
            carry = last
        if not cues and carry is not None and index - 1 in (last_indirect, last_said):
            hi = _clause_end(text, unit)
            # Konjunktiv I, and the plural Konjunktiv II that stands in where the first equals the
            # indicative ("Die Grünen hätten … vereinbart"); not "würde": it explains as often as it
            # reports ("…, würde aber … bedeuten").
            if _has_konjunktiv(art, unit.start, hi, substitute=False) or any(
                    w.group() in _KONJ2_PLURAL for lo_part, hi_part in art.outside_quotes(unit.start, hi)
                    for w in _WORD.finditer(text, lo_part, hi_part)):
                # "Eine Lösung werde gesucht: „…“" — the reported words end where the quoted ones begin.
                intro = re.compile(r"[^„“\"»«:]*:\s*(?=[„“\"»«])").match(text, unit.start, unit.end)
                span = _trimmed(text, unit.start, intro.end() if intro else unit.end)
                if not _mostly_quoted(art, *span):
                    quotes[(span[0], span[1], "indirect")] = _quote(text, *span, "indirect", carry[2], carry[3])
                    reported.append((span[0], span[1], carry[2], carry[3]))
                    produced = (carry[2], carry[3])
                    indirect_done = True
        if STANDALONE_KI and not indirect_done and not art.marks_in(unit.start, unit.end):
            hi = _clause_end(text, unit)
            words = [w.group() for lo_part, hi_part in art.outside_quotes(unit.start, hi)
                     for w in _WORD.finditer(text, lo_part, hi_part)]
            if not _FIRST_PERSONS.intersection(w.casefold() for w in words) and any(
                    w in _KONJ1_STRICT and (i == 0 or words[i - 1].casefold() != "als")
                    for i, w in enumerate(words)):
                near = last if last is not None and index - last[0] <= STANDALONE_REACH \
                    and unit.paragraph - last[1] <= 1 else None
                span = _trimmed(text, unit.start, unit.end)
                who, cue_text = (near[2], near[3]) if near else (_NOBODY, None)
                if span[1] > span[0] and not _mostly_quoted(art, *span):
                    quotes[(span[0], span[1], "indirect")] = _quote(text, *span, "indirect", who, cue_text)
                    reported.append((span[0], span[1], who, cue_text))
                    produced = (who, cue_text) if who is not _NOBODY else produced
                    indirect_done = True
        if indirect_done:
            last_indirect = index

        previous_end = unit.start
        for mark in art.marks_in(unit.start, unit.end):
            # Words in marks inside reported speech, or right after the colon that closes it, are its speaker's.
            inside = [r for r in reported if r[2] is not None and (r[0] <= mark.open and mark.close <= r[1]
                                                                   or r[1] <= mark.open
                                                                   and not text[r[1]:mark.open].strip(" :"))]
            found: tuple[_Speaker, str | None] | None = None
            if inside and inside[0][2] is not None:
                found = (inside[0][2], inside[0][3])
                # "Wie Hainer bestätigte, möchte der Club …: „…“, sagte Hainer": the words' own attribution wins.
                if _TRAILING_CUE.match(text, mark.close):
                    found = _direct_speaker(art, unit, mark, cues, speakers, previous_end) or found
            found = found or _direct_speaker(art, unit, mark, cues, speakers, previous_end)
            if found is None and index + 1 < len(units) and units[index + 1].paragraph == unit.paragraph \
                    and not text[mark.close:unit.end].strip(" .,!?"):
                found = _so_next(art, units[index + 1])  # „…“ So beschreibt Anna Roth die Lage.
            if found is None and run_on is not None and run_on[0] == unit.paragraph - 1 \
                    and not text[unit.start:mark.open].strip():
                found = run_on[1]  # a quote running on into this paragraph, which opens with a mark
            # Guessed from the sentences before, a speaker is never one the words name by full name
            # ("„Uwe Krupp zum Cheftrainer zu machen, …“" is the club's, not Krupp's).
            named_inside = {m.key for m in art.mention_in(mark.start, mark.end) if " " in text[m.start:m.end]}
            if found is None and recent is not None and recent[2].key not in named_inside:
                found = (recent[2], recent[3])
                guessed.add((mark.start, mark.end, "direct"))
            if found is None and index and units[index - 1].paragraph == unit.paragraph:
                prev = units[index - 1]
                subject = art.first_subject(prev.start, prev.end)
                if subject is not None and subject.key is not None and subject.key not in named_inside:
                    found = (subject, None)
                    guessed.add((mark.start, mark.end, "direct"))
            speaker, cue_text = found or (None, None)
            quotes[(mark.start, mark.end, "direct")] = _quote(text, mark.start, mark.end, "direct", speaker, cue_text)
            if speaker is not None and speaker.text is not None:
                produced = (speaker, cue_text)
                last_said = index
            run_on = (unit.paragraph, (speaker, cue_text)) if mark.open in art.unclosed and speaker else None
            previous_end = mark.close
        if produced is None:
            # "Bürgermeister Weber zeigte sich erleichtert. Man habe Glück gehabt.": an attribution
            # without words of its own is continued by the Konjunktiv I sentence after it.
            named = [(c, sp) for c, sp in speakers.items() if sp is not None and sp is not _NOBODY
                     and sp.text is not None and c.kind in ("verb", "participle")]
            if named:
                produced = (named[-1][1], named[-1][0].text)
                last_said = index
        if produced is not None and produced[0].text is not None:
            last = (index, unit.paragraph, produced[0], produced[1])

    # A few capitalised words in marks that no cue of their sentence says somebody said (the speaker, if
    # any, only guessed from the sentences before) are a title or scare quotes (eine „Israel-Kritik“, aus
    # „Alarm für Cobra 11“, die „Blaugrana“, ein Auftritt als „Professor T.“), not somebody's words;
    # "keine Eile" stays.
    # So are a work's title before "von" and its maker ("„Sancta Maria“ von Mascagni"), and one hedging word.
    quotes = {k: q for k, q in quotes.items()
              if not (q.kind == "direct" and (q.cue is None or k in guessed or _BY_MAKER.match(text, _close_of(art, q)))
                      and (_UPPER.match(q.text) or q.text[:1].isdigit())
                      and len(_WORD.findall(q.text)) <= 4 and not _ends_statement(q.text))
              and not (q.kind == "direct" and q.text.casefold() in _HEDGES)}
    taken = [(q.start, q.end) for q in quotes.values()]
    for quote in _headline_claims(art):
        if not any(lo < quote.end and quote.start < hi for lo, hi in taken):
            quotes[(quote.start, quote.end, "indirect")] = quote
    for quote in _attribution_lines(art) + _tweets(art):
        quotes = {k: v for k, v in quotes.items() if not (k[2] == "direct" and k[0] == quote.start)}
        quotes[(quote.start, quote.end, "direct")] = quote
    starts = [u.start for u in units]
    found = sorted((_named_nearby(art, units, starts, q) for q in quotes.values()),
                   key=lambda q: (q.start, q.end, q.kind))
    return _repeated_said(found)


def _repeated_said(quotes: list[Quote]) -> list[Quote]:
    """Words quoted again elsewhere (a headline, a teaser) are said by whoever the body attributes them to."""
    said = {_folded(q.text): q for q in quotes if q.kind == "direct" and q.speaker_text is not None}
    out = []
    for q in quotes:
        same = said.get(_folded(q.text)) if q.kind == "direct" and q.speaker_text is None else None
        if same is not None and same is not q:
            q = dataclasses.replace(q, speaker=same.speaker, speaker_text=same.speaker_text,
                                    speaker_start=same.speaker_start, speaker_end=same.speaker_end, cue=same.cue)
        out.append(q)
    return out


def _folded(words: str) -> str:
    return " ".join(_WORD.findall(words.casefold()))


def _named_nearby(art: _Article, units: list[_Unit], starts: list[int], quote: Quote) -> Quote:
    """The speaker's mention in the quote's own sentence, where the speaker was found further away
    ("sagte er. Gleichzeitig sah Horx einen „Verlust …“": Horx, not the "er" before)."""
    if quote.speaker is None or quote.speaker_start is None:
        return quote
    i = bisect.bisect_right(starts, quote.start) - 1
    if i < 0:
        return quote
    unit = units[i]
    if unit.start <= quote.speaker_start < unit.end:
        return quote
    near = [m for m in art.mention_in(unit.start, unit.end) if m.key == quote.speaker and m.end <= unit.end
            and not m.genitive and not art.in_quote(m.start)]
    if not near:
        return quote
    m = min(near, key=lambda m: min(abs(m.start - quote.end), abs(quote.start - m.end)))
    return dataclasses.replace(quote, speaker_text=art.text[m.start:m.end], speaker_start=m.start, speaker_end=m.end)


_SAID_BACK = re.compile(r"(?:Das|Dies)(?:\s+alles)?\s+$")


def _said_back(art: _Article, units: list[_Unit], index: int, cue: _Cue) -> tuple[int, int] | None:
    """The sentence before "Das sagte X …" in the same paragraph, which X said (in any mood)."""
    unit = units[index]
    if not index or units[index - 1].paragraph != unit.paragraph or not _SAID_BACK.fullmatch(
            art.text, unit.start, cue.start):
        return None
    prev = units[index - 1]
    span = _trimmed(art.text, prev.start, prev.end)
    return None if _mostly_quoted(art, *span) or art.marks_in(*span) else span


_BY_MAKER = re.compile(r"\s+von\s+[A-ZÄÖÜ]")


def _close_of(art: _Article, quote: Quote) -> int:
    """Where the marks around a direct quote close (its end when no mark holds it)."""
    mark = art.quote_at(quote.start)
    return mark.close if mark is not None else quote.end


def _ends_statement(words: str) -> bool:
    """Whether quoted words end as a sentence does: a full stop that closes no initial ("Professor T.")."""
    words = words.rstrip()
    return words.endswith(("!", "?", "…")) or words.endswith(".") and not re.search(r"\b[A-ZÄÖÜ]\.$", words)


def _so_next(art: _Article, unit: _Unit) -> tuple[_Speaker, str | None] | None:
    """The speaker of a next sentence "So beschreibt X die Lage." / "So sieht es X."."""
    opening = re.compile(r"\s*So\s+(\w+)\b").match(art.text, unit.start, unit.end)
    if opening is None:
        return None
    verb = opening.group(1)
    if verb not in _CUES and verb not in ("sieht", "sah", "beschreibt", "formuliert", "formulierte", "fasst",
                                          "fasste", "begründet", "begründete"):
        return None
    cue = _Cue(opening.start(1), opening.end(1), verb, "verb")
    speaker = art.speaker_at(_skip_adverbs(art.text, cue.end, unit.end), unit.end, bare=True)
    return (speaker, verb) if speaker is not None and speaker is not _NOBODY else None


def _acts(text: str, pos: int) -> bool:
    """Whether a finite verb follows right after ``pos`` ("… stellt", "… warnen")."""
    verb = _NEXT_VERB.match(text, pos)
    return verb is not None and verb.group(1) not in _FUNCTION_WORDS | _PREPOSITIONS


_NEXT_VERB = re.compile(r"\s+([a-zäöüß]+(?:t|te|ten|en))\b")


def _direct_speaker(art: _Article, unit: _Unit, mark: _Mark, cues: list[_Cue],
                    speakers: dict[_Cue, _Speaker | None], previous_end: int) -> tuple[_Speaker, str | None] | None:
    """Who said the words in ``mark``: intro with colon, cue after it, or a cue in its sentence."""
    text = art.text
    trailing = _TRAILING_CUE.match(text, mark.close)
    if trailing:
        # „…“, sagte Hainer: the words' own attribution before any intro ("Wie Herbert Hainer bestätigte, …:").
        for cue in cues:
            speaker = speakers[cue]
            if mark.close <= cue.start < trailing.end() and speaker is not None and speaker is not _NOBODY \
                    and speaker.start is not None and speaker.start > mark.close:
                return speaker, cue.text
    intro = text[previous_end:mark.open].rstrip()
    if intro.endswith(":"):
        before = [c for c in cues if previous_end <= c.start < mark.open]
        if before:
            speaker = speakers[before[-1]]
            if speaker is not None:
                return speaker, before[-1].text
        colon = previous_end + len(intro) - 1
        # "Die Agentur fragte nach und der Sender gab Entwarnung: „…“": the last clause before the colon speaks.
        joins = list(re.finditer(r"\s(?:und|aber|doch)\s+", text[previous_end:colon]))
        last_clause = previous_end + joins[-1].end() if joins else previous_end
        subject = (art.first_subject(last_clause, mark.open, persons=True) if joins else None) \
            or art.first_subject(previous_end, mark.open, persons=True) or art._unknown_name_before(previous_end, colon)
        if subject is not None:
            return subject, None
    colon = _HEADLINE_COLON.match(text, mark.close, unit.end)
    if colon is not None and not text[unit.start:mark.open].strip():
        # A headline's „Hilfe muss auch gewollt sein“: Wehrbeauftragter stellt … infrage: the words are said
        # by the subject right after the colon.
        subject = art.speaker_at(colon.end(), unit.end, bare=True)
        # Somebody who does something: a name, a role, or a noun before its verb ("Wehrbeauftragter
        # stellt …"), not "„Let's Dance“: Finale am Freitag".
        if subject is not None and subject is not _NOBODY and subject.start == colon.end() and subject.end \
                and (art.mention_in(subject.start, subject.end)
                     or any(art.gaz.is_role(w) for w in text[subject.start:subject.end].split())
                     or _acts(text, subject.end)):
            verb = next((c for c in cues if subject.end is not None and 0 <= c.start - subject.end <= 1), None)
            return subject, verb.text if verb is not None else ":"
    content = text[mark.start:mark.end]
    next_mark = [m.open for m in art.marks_in(mark.close, unit.end)]
    outro_end = next_mark[0] if next_mark else unit.end
    outro = text[mark.close:outro_end]
    if content.endswith(("?", "!", "…")) or "," in text[mark.end:mark.close] or outro.lstrip().startswith(","):
        for cue in cues:
            between = text[mark.close:cue.start]
            if (mark.close <= cue.start < min(outro_end, mark.close + 60) and "." not in between
                    and not _CLAUSE_JOIN.search(between)):
                speaker = speakers[cue]
                if cue.kind == "verb" and (speaker is None or speaker.start is None or speaker.start < mark.close):
                    speaker = art.speaker_before(cue.start, mark.close) or speaker
                if speaker is not None:
                    return speaker, cue.text
    own = [(c, sp) for c, sp in speakers.items() if sp is not None and sp is not _NOBODY]
    if not own and any(sp is _NOBODY for sp in speakers.values()):
        return _NOBODY, None  # "hieß es": said, but by nobody named
    if own:
        cue, speaker = min(own, key=lambda c: min(abs(c[0].start - mark.close), abs(mark.open - c[0].end)))
        return speaker, cue.text
    return None


# --- attribution lines and embedded tweets --------------------------------------------


_HEADLINE_CLAIM = re.compile(r"(?:^|(?<=\n))[ \t]*(?P<who>[A-ZÄÖÜ][\w-]*(?: [A-ZÄÖÜ][\w-]*){0,2}):[ \t]+"
                             r"(?P<what>[^\n„“\"»«:?]+?)(?=  |\n|$)")
_GROUP = re.compile(r"(?:gewerkschaft|partei|verband|polizei|regierung|behörde|kommission|grüne|grünen|experten"
                    r"|forscher|ärzte|wissenschaftler)$", re.I)


def _headline_claims(art: _Article) -> list[Quote]:
    """Headlines "Grüne: Regierung muss zulegen", "Bahngewerkschaft: Fahrgastzahl erholt sich 2022":
    a speaker (a name, a role, a body or group) before a colon that opens its line, and the claim after
    it, without marks. A topic before the colon ("Corona: …") names nobody and gives no quote."""
    text = art.text
    out = []
    for m in _HEADLINE_CLAIM.finditer(text):
        lo, hi = _trimmed(text, m.start("what"), m.end("what"))
        words = _WORD.findall(text[lo:hi])
        # A claim has a verb; "Das Kastanienwunder von der Feuerhausstraße" is a headline's topic.
        verbs = [w for w in words if w.islower() and w.endswith(("t", "n", "e")) and w not in _PREPOSITIONS
                 and w not in _DETS and w not in _FUNCTION_WORDS]
        if len(words) < 3 or not verbs:
            continue
        wlo, whi = m.start("who"), m.end("who")
        mention = art.mention_at.get(wlo)
        who = text[wlo:whi]
        person = mention is not None and mention.end == whi and mention.person and not mention.genitive
        # One word that no name list knows as a place: a role, a body or a group ("Grüne" is a party).
        single = " " not in who and "-" not in who and (mention is None or _GROUP.search(who) is not None)
        if who.split()[0].casefold() in _PREPOSITIONS or not (
                person or single and (art.gaz.is_role(who) or _GROUP.search(who) or _BODY.search(who))):
            continue
        out.append(_quote(text, lo, hi, "indirect", _Speaker(mention.key if mention else None, who, wlo, whi), ":"))
    return out


def _paragraphs(text: str) -> list[tuple[int, int]]:
    out, pos = [], 0
    for m in [*_PARAGRAPH_BREAK.finditer(text), None]:
        end = m.start() if m else len(text)
        lo, hi = _trimmed_ws(text, pos, end)
        if hi > lo:
            out.append((lo, hi))
        pos = m.end() if m else len(text)
    return out


def _trimmed_ws(text: str, lo: int, hi: int) -> tuple[int, int]:
    chunk = text[lo:hi]
    lo += len(chunk) - len(chunk.lstrip())
    return lo, lo + len(text[lo:hi].rstrip())


def _attribution_lines(art: _Article) -> list[Quote]:
    """Paragraphs like "(Kim über Trump am 22. September 2017)" under the words quoted."""
    text = art.text
    paragraphs = _paragraphs(text)
    out = []
    for (plo, phi), (lo, hi) in zip(paragraphs, paragraphs[1:]):
        line = _ATTRIBUTION_LINE.fullmatch(text, lo, hi)
        if line is None or text[plo:phi].startswith(("+++", "(")):
            continue
        ilo, ihi = line.start("inner"), line.end("inner")
        names = [m for m in art.mention_in(ilo, ihi) if m.person and m.end <= ihi]
        if not names or not re.fullmatch(r"(?:[A-ZÄÖÜ][\w-]*\s+){0,3}", text[ilo:names[0].start]):
            continue
        who = names[0]
        speaker = _Speaker(who.key, text[who.start:who.end], who.start, who.end)
        addressee = None
        for other in names[1:]:
            before = _WORD.findall(text[who.end:other.start])
            if other.key != who.key and any(w.casefold() in _PREPOSITIONS for w in before[-3:]):
                addressee = other.key
                break
        date = _parse_date(text[ilo:ihi])
        qlo, qhi = plo, phi
        inner = [m for m in art.marks if plo <= m.open and m.close <= phi]
        if len(inner) == 1 and inner[0].close - inner[0].open >= 0.8 * (phi - plo):
            qlo, qhi = inner[0].start, inner[0].end
        out.append(Quote(start=qlo, end=qhi, text=text[qlo:qhi], kind="direct", speaker=speaker.key,
                         speaker_text=speaker.text, speaker_start=speaker.start, speaker_end=speaker.end,
                         addressee=addressee, date=date))
    return out


def _tweets(art: _Article) -> list[Quote]:
    """Embedded tweets: "… — Donald J. Trump (@realDonaldTrump) February 27, 2019"."""
    text = art.text
    out = []
    for lo, hi in _paragraphs(text):
        m = _TWEET.fullmatch(text, lo, hi)
        if m is None:
            continue
        nlo, nhi = m.start("name"), m.end("name")
        out.append(Quote(start=m.start("q"), end=m.end("q"), text=m.group("q"), kind="direct",
                         speaker=art._key_of(nlo, nhi), speaker_text=m.group("name"), speaker_start=nlo,
                         speaker_end=nhi, date=_parse_date(m.group("date"))))
    return out


def _parse_date(text: str) -> str | None:
    """The first full date in ``text`` as ISO 8601.

    Example::

        >>> _parse_date("Kim über Trump am 22. September 2017"), _parse_date("February 27, 2019")
        ('2017-09-22', '2019-02-27')
    """
    best: tuple[int, str] | None = None
    for pattern, (d, mo, y) in _DATE_PATTERNS:
        for m in pattern.finditer(text):
            month = _MONTHS.get(m.group(mo).casefold())
            day = int(m.group(d))
            if month and 1 <= day <= 31:
                candidate = (m.start(), f"{int(m.group(y)):04d}-{month:02d}-{day:02d}")
                best = min(best, candidate) if best else candidate
                break
    numeric = _NUMERIC_DATE.search(text)
    if numeric and 1 <= int(numeric.group(2)) <= 12 and (best is None or numeric.start() < best[0]):
        best = (numeric.start(), f"{numeric.group(3)}-{int(numeric.group(2)):02d}-{int(numeric.group(1)):02d}")
    return best[1] if best else None
