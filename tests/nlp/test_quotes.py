"""Quotes and speakers: hand-written news sentences, hand-built layers, the seeds."""

from __future__ import annotations

import pytest

from storylink.document import Entity, Quote, Sentence
from storylink.nlp.quotes import _parse_date, find_quotes, speech_cues


def quotes_of(text: str, sentences: list[Sentence] | None = None, entities: list[Entity] | None = None,
              language: str = "de") -> list[Quote]:
    found = find_quotes(text, sentences or [], entities or [], language)
    assert_offsets(text, found)
    return found


def assert_offsets(text: str, found: list[Quote]) -> None:
    for q in found:
        assert text[q.start:q.end] == q.text
        assert q.kind in ("direct", "indirect")
        if q.speaker_text is not None:
            assert text[q.speaker_start:q.speaker_end] == q.speaker_text
        else:
            assert q.speaker is None and q.speaker_start is None


def one(found: list[Quote], words: str, kind: str | None = None) -> Quote:
    hits = [q for q in found if words in q.text and (kind is None or q.kind == kind)]
    assert len(hits) == 1, f"{words!r} ({kind}) in {[(q.kind, q.text) for q in found]}"
    return hits[0]


# --- own news sentences: (text, words of the quote, kind, speaker key) -------------------------

CASES = [
    # direct quote, cue and name after it
    ("„Wir werden die Steuern nicht erhöhen“, sagte Finanzminister Christian Lindner am Montag in Berlin.",
     "Steuern nicht erhöhen", "direct", "christian lindner"),
    # colon intro with role and name
    ("Bundeskanzler Olaf Scholz sagte am Abend: „Die Lage ist ernst, aber beherrschbar.“",
     "Die Lage ist ernst", "direct", "olaf scholz"),
    # Konjunktiv I before the cue, role resolved to the person named with it earlier
    ("Bundeskanzler Olaf Scholz reiste am Montag nach Kiew. Die Ukraine könne sich auf Deutschland "
     "verlassen, betonte der Kanzler.", "Ukraine könne sich", "indirect", "olaf scholz"),
    # Konjunktiv I before the cue, pronoun
    ("Innenministerin Nancy Faeser kündigte am Dienstag schärfere Kontrollen an. Man werde die Grenzen "
     "stärker überwachen, sagte sie.", "Man werde die Grenzen", "indirect", "nancy faeser"),
    # "so X" after the quote
    ("„Das ist ein guter Tag für Europa“, so Emmanuel Macron.", "guter Tag", "direct", "emmanuel macron"),
    # "laut X"
    ("Laut Polizeisprecher Thomas Weber gab es bei dem Unfall keine Verletzten.", "keine Verletzten",
     "indirect", "thomas weber"),
    # Konjunktiv II standing in for I after the cue
    ("Gewerkschaftschef Frank Werneke erklärte, die Arbeitgeber müssten sich endlich bewegen.",
     "die Arbeitgeber müssten", "indirect", "frank werneke"),
    # partial quote inside the sentence of a speech verb
    ("Bürgermeisterin Anna Schmidt sprach von einem „schwarzen Tag“ für die Stadt.", "schwarzen Tag",
     "direct", "anna schmidt"),
    # a second quote continues the speaker of the first
    ("Der Trainer war sichtlich enttäuscht. „Wir haben heute einfach nicht gut gespielt“, sagte Jürgen Klopp "
     "nach der Partie. „Das müssen wir schnell abhaken.“", "schnell abhaken", "direct", "jurgen klopp"),
    # pronoun after a question in the passive
    ("Vorstandschef Martin Brandt wurde gefragt, ob er zurücktreten wolle. Darauf antwortete er: "
     "„Nein, auf keinen Fall.“", "auf keinen Fall", "direct", "martin brandt"),
    # impersonal "hieß es": reported, speaker unknown
    ("Aus Regierungskreisen hieß es, eine Einigung sei noch in dieser Woche möglich.",
     "eine Einigung sei", "indirect", None),
    # "nach eigenen Worten"
    ("Maria Keller will nach eigenen Worten im Herbst erneut für das Amt kandidieren.", "erneut für das Amt",
     "indirect", "maria keller"),
    # pluperfect speech verb, subject in a phrase with the name
    ("Die Ärztin Sabine Roth hatte zuvor gewarnt, die Lage in den Kliniken werde sich weiter zuspitzen.",
     "Lage in den Kliniken", "indirect", "sabine roth"),
    # Swiss guillemets
    ("«Wir sind bereit», sagte Karin Keller-Sutter vor den Medien in Bern.", "Wir sind bereit", "direct",
     "karin keller sutter"),
    # German guillemets, pronoun for a woman named in the sentence before
    ("Außenministerin Annalena Baerbock traf am Montag ihren Amtskollegen. Sie sprach von einem "
     "»historischen Moment«.", "historischen Moment", "direct", "annalena baerbock"),
    # apposition, then Konjunktiv I continuing in the next sentence
    ("Der Sprecher der Bahn, Peter Lange, sagte, der Verkehr laufe wieder normal. Es gebe aber noch "
     "einzelne Verspätungen.", "Es gebe aber", "indirect", "peter lange"),
    # speaker not a named person: the phrase is kept, the key is None
    ("Die Ministerin habe von dem Vorgang nichts gewusst, teilte ein Sprecher des Ministeriums mit.",
     "nichts gewusst", "indirect", None),
    # separable verb split around its object
    ("Finanzminister Christian Lindner kündigte an, er werde den Haushalt im Mai vorlegen.",
     "den Haushalt im Mai", "indirect", "christian lindner"),
    # single low quote marks
    ("Der Minister sprach von einer ‚Zeitenwende‘, sagte Olaf Scholz später.", "Zeitenwende", "direct",
     "olaf scholz"),
]


@pytest.mark.parametrize("text,words,kind,speaker", CASES, ids=[c[1][:24] for c in CASES])
def test_news_sentences(text: str, words: str, kind: str, speaker: str | None) -> None:
    quote = one(quotes_of(text), words, kind)
    assert quote.speaker == speaker


def test_accuracy_on_own_sentences_is_complete() -> None:
    right = sum(any(words in q.text and q.kind == kind and q.speaker == speaker for q in quotes_of(text))
                for text, words, kind, speaker in CASES)
    assert right == len(CASES)


def test_speaker_mention_and_cue_point_into_the_text() -> None:
    text = "„Wir werden sehen“, sagte Trump am Donnerstag in Hanoi."
    quote = one(quotes_of(text), "Wir werden sehen")
    assert (quote.speaker_text, quote.cue, quote.kind) == ("Trump", "sagte", "direct")
    assert text[quote.speaker_start:quote.speaker_end] == "Trump"
    assert (quote.start, quote.end) == (1, 17)


def test_subject_opening_the_clause_beats_the_object_after_the_verb() -> None:
    text = "US-Präsident Donald Trump traf Kim Jong Un. Trump nennt Kim seinen „Freund“."
    assert one(quotes_of(text), "Freund").speaker == "donald trump"


@pytest.mark.parametrize("text", [
    "Die Delegation übernachtete im Hotel „Adlon“ in Berlin.",
    "Das berichtete die Zeitung „Bild“ am Sonntag.",
    'Inzwischen schreibt das "Wall Street Journal" über den Fall.',
    "Vor dem Hotel namens »Melia« warteten Reporter.",
])
def test_names_in_marks_are_not_quotes(text: str) -> None:
    assert [q for q in quotes_of(text) if q.kind == "direct"] == []


def test_quote_spanning_sentences_is_one_quote() -> None:
    text = 'Trump sagte: "Ich bin in keiner Eile. Geschwindigkeit ist nicht wichtig. Das Abkommen zählt."'
    found = quotes_of(text)
    assert len(found) == 1 and found[0].text.startswith("Ich bin") and found[0].text.endswith("zählt.")
    assert found[0].speaker == "trump"


def test_given_sentences_that_cut_a_quote_are_merged() -> None:
    text = 'Kim Jong Un sagte: "Wir sind bereit. Es liegt an den USA." Danach reiste er ab.'
    cut = [text.find("Kim"), text.find("Es liegt"), text.find("Danach"), len(text)]
    sentences = [Sentence(a, b, text[a:b]) for a, b in zip(cut, cut[1:])]
    quote = one(quotes_of(text, sentences), "Wir sind bereit")
    assert quote.text == "Wir sind bereit. Es liegt an den USA."
    assert quote.speaker == "kim jong un"


def test_entity_keys_from_the_entity_layer_are_used() -> None:
    text = "US-Präsident Donald Trump traf Kim. Kim sagte, er sei zufrieden. Der US-Präsident sagte: „Gut.“"
    entities = []
    for name, key, at in (("Donald Trump", "donald trump", 0), ("Kim", "kim jong un", 0),
                          ("Kim", "kim jong un", text.find("Kim") + 1)):
        start = text.find(name, at)
        entities.append(Entity(start, start + len(name), name, "PER", key))
    found = quotes_of(text, entities=entities)
    assert one(found, "er sei zufrieden", "indirect").speaker == "kim jong un"
    assert one(found, "Gut.", "direct").speaker == "donald trump"
    assert one(found, "Gut.", "direct").speaker_text == "Der US-Präsident"


def test_english_patterns() -> None:
    text = ('President Donald Trump met Kim Jong Un in Hanoi.\n\n"We will see what happens," Trump said. '
            '"I am ready," said Kim. According to the White House, the talks ended early. '
            '"We are not going anywhere," said Senator John Miller.')
    found = quotes_of(text, language="en")
    assert one(found, "We will see").speaker == "donald trump"
    assert one(found, "We will see").text == "We will see what happens"
    assert one(found, "I am ready").speaker == "kim jong un"
    assert one(found, "talks ended early", "indirect").speaker_text == "White House"
    assert one(found, "not going anywhere").speaker == "john miller"


def test_no_sentences_no_entities_no_quotes() -> None:
    assert quotes_of("Der Verkehr in der Hauptstadt lag am Donnerstag weitgehend lahm.") == []
    assert quotes_of("") == []


def test_speech_verbs_cover_tenses_and_separable_forms() -> None:
    cues = speech_cues()
    for form in ("sagt", "sagte", "gesagt", "betonte", "erklärt", "antwortete", "forderte", "twitterte",
                 "schrieb", "angekündigt", "kündigte", "meinte", "said", "told", "mitteilte", "heißt"):
        assert form in cues, form
    assert "meine" not in cues  # the possessive


# --- issue 19: reported speech without marks, speakers that are no names, pronouns by gender -------

# (text, words of the quote, kind, speaker key, speaker text)
UNMARKED = [
    # indicative clause closed by an inverted verb of saying; a role with its owner as the speaker
    ("Die Lage bleibt angespannt, sagte ein Sprecher des Ministeriums.", "Die Lage bleibt angespannt",
     "indirect", None, "ein Sprecher des Ministeriums"),
    # "wie X mitteilte" after and before the words reported
    ("Drei Menschen wurden verletzt, wie die Polizei am Montag mitteilte.", "Drei Menschen wurden verletzt",
     "indirect", None, "die Polizei"),
    ("Wie die Feuerwehr mitteilte, brannte das Haus in der Nacht vollständig aus.", "brannte das Haus",
     "indirect", None, "die Feuerwehr"),
    # "Nach Angaben des …" (capitalised, a genitive source)
    ("Nach Angaben des Deutschen Wetterdienstes wird es am Wochenende deutlich kälter.", "am Wochenende",
     "indirect", None, "des Deutschen Wetterdienstes"),
    # a colon without quote marks: reported, or direct in the first person
    ("Der Verband erklärte am Montag: Die Kliniken sind an der Belastungsgrenze.", "Die Kliniken sind",
     "indirect", None, "Der Verband"),
    ("Die Trainerin Anna Roth sagte: Wir haben verdient gewonnen.", "Wir haben verdient gewonnen", "direct",
     "anna roth", "Anna Roth"),
    # pronouns by gender: "sie" the woman, "er" the man named before
    ("Ministerin Anna Roth traf am Montag Kanzler Olaf Scholz. Die Zusammenarbeit sei gut, sagte sie.",
     "Die Zusammenarbeit sei gut", "indirect", "anna roth", "sie"),
    ("Ministerin Anna Roth traf am Montag Kanzler Olaf Scholz. Die Zusammenarbeit sei gut, sagte er.",
     "Die Zusammenarbeit sei gut", "indirect", "olaf scholz", "er"),
    # plural "sie": the span is kept, no person's key
    ("Die Rolling Stones wollen klagen. Man werde das nicht hinnehmen, sagten sie.", "nicht hinnehmen",
     "indirect", None, "sie"),
    # "Demnach …" reports the one who spoke just before
    ("„Wir prüfen alles“, sagte Polizeisprecher Jan Berg. Demnach gibt es noch keine Spur von den Tätern.",
     "keine Spur", "indirect", "jan berg", "Jan Berg"),
    # "heißt es in einer Erklärung der …", and "Weiter heißt es" goes on with that source
    ("„Wir sind entsetzt“, heißt es in einer Erklärung der Familie. Weiter heißt es, man werde rechtliche "
     "Schritte prüfen.", "rechtliche Schritte", "indirect", None, "der Familie"),
    # a quote whose opening mark was cut off, the speaker after an unknown role noun
    ('Der Verband ist skeptisch. Das hilft uns nicht viel", sagte Bäckermeister Karl Huber am Dienstag.',
     "Das hilft uns nicht viel", "direct", "karl huber", "Karl Huber"),
    # a genitive place and a title in marks before the speaker
    ("Zwei Boote seien gesunken, sagte Hamburgs „Hafenkapitän“ Jens Meier im Radio.", "Zwei Boote",
     "indirect", "jens meier", "Jens Meier"),
    # Konjunktiv I continuing after a direct quote
    ("„Das ist ein schwarzer Tag“, sagte Bürgermeister Jan Weber. Die Stadt werde alles tun, um zu helfen.",
     "Die Stadt werde alles tun", "indirect", "jan weber", "Jan Weber"),
    # "…, so der Minister." after reported words, in either mood
    ("Die Lage ist ernst, so Innenministerin Nancy Faeser.", "Die Lage ist ernst", "indirect", "nancy faeser",
     "Nancy Faeser"),
    ("Die Lage sei ernst, so der Minister.", "Die Lage sei ernst", "indirect", None, "der Minister"),
    # a closing mark lost where the text was cut ("  " joins head and tail)
    ("Der Verband warnte: „Das wird teuer für alle Kunden  Weitere Nachrichten", "Das wird teuer", "direct",
     None, "Der Verband"),
    # the attribution in the sentence after the quote
    ("„Es war wie im Krieg.“ So beschreibt Anna Roth die Lage.", "wie im Krieg", "direct", "anna roth",
     "Anna Roth"),
    ("„Wir machen weiter“, heißt es aus dem Ministerium.", "Wir machen weiter", "direct", None, "dem Ministerium"),
    # an attribution without words of its own, continued in Konjunktiv I
    ("Der Bürgermeister Jan Weber zeigte sich erleichtert. Man habe Glück gehabt.", "Glück gehabt", "indirect",
     "jan weber", "Jan Weber"),
    # a possessive opens the speaker's phrase
    ("Der Minister sei krank, sagte sein Sprecher.", "Der Minister sei krank", "indirect", None, "sein Sprecher"),
    # "aus seiner Sicht": the possessive is the speaker
    ("Der Wirt Peter Lang bleibt hart. Aus seiner Sicht wäre eine Schließung ein Fehler.", "eine Schließung",
     "indirect", "peter lang", "seiner"),
    # issue 19, item 2 (storylink-analyze/3):
    # the attribution interrupts the sentence, which is reported whole
    ("Die Regeln gelten, wie das Innenministerium erklärte, ab sofort an allen Grenzen.", "ab sofort",
     "indirect", None, "das Innenministerium"),
    # "wie mitgeteilt wurde": reported, by nobody named
    ("Der Fahrer blieb unverletzt, wie mitgeteilt wurde.", "Der Fahrer blieb unverletzt", "indirect", None, None),
    # the subject before the auxiliary of a perfect, not a name earlier in the clause
    ("Berlins neue Bürgermeisterin Eva Krause hatte im Januar erklärt, sie wolle die Mieten deckeln.",
     "sie wolle die Mieten", "indirect", "eva krause", "Eva Krause"),
    ("Nach dem Gipfel: Das Ministerium hat unterstrichen, dass der Abzug begonnen habe.", "der Abzug begonnen",
     "indirect", None, "Das Ministerium"),
    # a passive "zitiert": the one quoted is the subject
    ("Kanzler Olaf Scholz reiste ab. Man werde helfen, wurde er am Abend von Reportern zitiert.",
     "Man werde helfen", "indirect", "olaf scholz", "er"),
    # "zufolge" after a dative phrase with a capitalised adjective
    ("Die Schulen bleiben dem Bayerischen Kultusministerium zufolge bis Ostern geschlossen.", "bis Ostern",
     "indirect", None, "dem Bayerischen Kultusministerium"),
    # "nach den Worten" of a role with its name
    ("Die Regierung will nach den Worten ihres Sprechers Jan Weber bald entscheiden.", "bald entscheiden",
     "indirect", "jan weber", "ihres Sprechers Jan Weber"),
    # a time phrase between an inverted verb and its subject
    ("Die Firma wolle ihr Logo ändern, erklärte am Mittwoch die Sprecherin Anna Roth.", "ihr Logo ändern",
     "indirect", "anna roth", "Anna Roth"),
    # a zu-infinitive is what was said
    ("Der Trainer Uwe Lang wirft dem Verein vor, ihn getäuscht zu haben.", "ihn getäuscht zu haben", "indirect",
     "uwe lang", "Uwe Lang"),
    # a headline "Speaker: claim"
    ("Gewerkschaft: Die Löhne müssen deutlich steigen\nBerlin. Die Tarifrunde beginnt.", "Die Löhne müssen",
     "indirect", None, "Gewerkschaft"),
]


@pytest.mark.parametrize("text,words,kind,speaker,speaker_text", UNMARKED, ids=[c[1][:24] for c in UNMARKED])
def test_unmarked_and_unnamed(text: str, words: str, kind: str, speaker: str | None, speaker_text: str) -> None:
    quote = one(quotes_of(text), words, kind)
    assert (quote.speaker, quote.speaker_text) == (speaker, speaker_text)


@pytest.mark.parametrize("text", [
    # objects and coordinated verbs are no attribution: "kritisierte aber die Finanzierung"
    "Polens Ministerpräsident Tomasz Wierzbicki begrüßte die Einigung, kritisierte aber die Finanzierung.",
    # a subordinate clause before the verb is not reported
    "Als er ankam, sagte er nichts.",
    # titles and compounds in marks, said by nobody
    "Die Serie „Alarm für Cobra 11“ läuft seit Jahren. Die „Immuni“-App ist verfügbar.",
])
def test_no_quote_without_reported_words(text: str) -> None:
    assert quotes_of(text) == []


def test_quote_running_on_into_the_next_paragraph_keeps_its_speaker() -> None:
    text = "Merz erklärte: „Wir werden das prüfen. Das dauert.\n\n„Dann entscheiden wir.“"
    found = quotes_of(text)
    assert [(q.text, q.speaker) for q in found] == [("Wir werden das prüfen. Das dauert.", "merz"),
                                                    ("Dann entscheiden wir.", "merz")]


def test_quote_interrupted_by_its_attribution() -> None:
    found = quotes_of("„Wir sind bereit“, sagte Jan Weber, „aber nicht um jeden Preis.“")
    assert [(q.text, q.speaker) for q in found] == [("Wir sind bereit", "jan weber"),
                                                    ("aber nicht um jeden Preis.", "jan weber")]


def test_plural_konjunktiv_ii_continues_and_stops_at_the_colon_of_a_quote() -> None:
    text = ("„Das ist ein guter Tag“, sagte Ministerin Anna Roth. Die Länder hätten sich geeinigt: "
            "„Wir ziehen an einem Strang.“")
    found = quotes_of(text)
    continued = one(found, "Die Länder hätten", "indirect")
    assert continued.text == "Die Länder hätten sich geeinigt" and continued.speaker == "anna roth"
    assert one(found, "an einem Strang", "direct").speaker == "anna roth"


def test_laut_after_a_verb_of_saying_names_its_channel() -> None:
    found = quotes_of("„Wir sind bereit“, sagte Kim Jong Un laut der Agentur KCNA.")
    assert [(q.text, q.speaker) for q in found] == [("Wir sind bereit", "kim jong un")]


def test_lost_closing_mark_ends_before_the_attribution() -> None:
    found = quotes_of("Die Lage ist schwierig. „Wir müssen die Grenzen offen halten, sagt Jan Weber. Er fährt ab.")
    quote = one(found, "Grenzen offen halten", "direct")
    assert quote.text == "Wir müssen die Grenzen offen halten" and quote.speaker == "jan weber"


@pytest.mark.parametrize("text", [
    # a topic before the colon, and a headline without a verb
    "Corona: Neue Regeln ab Montag in allen Schulen\nDie Länder beraten.",
    "Hamburg: Das Wunder von der Hafenstraße\nEin Bericht.",
    # a newspaper in marks after a dative article, and one word in marks that no cue says was said
    "„Wir gewinnen“, sagte die Trainerin der „Welt“.",
])
def test_no_headline_claim_or_name_in_marks(text: str) -> None:
    found = quotes_of(text)
    assert all(q.text not in ("Welt",) and q.cue != ":" for q in found)


def test_indicative_preterite_does_not_continue_reported_speech() -> None:
    found = quotes_of("Ein Sprecher sagte, das Feuer sei gegen Mitternacht ausgebrochen. Verletzt wurde niemand.")
    assert [q.text for q in found] == ["das Feuer sei gegen Mitternacht ausgebrochen"]


def test_an_objection_after_a_colon_is_reported_without_its_intro() -> None:
    found = quotes_of("„Die Schulen brauchen mehr Geld“, sagte sie. Ihr Kollege widersprach: Das sei nicht bezahlbar.")
    assert one(found, "nicht bezahlbar", "indirect").text == "Das sei nicht bezahlbar"


def test_an_adjective_after_its_article_does_not_continue_a_quote() -> None:
    found = quotes_of("„Die ersten Runden waren anstrengend“, kommentierte Tom Moore. Der 100-jährige britische "
                      "Veteran wird zum Ritter geschlagen.")
    assert [q.text for q in found] == ["Die ersten Runden waren anstrengend"]


def test_words_that_name_the_last_speaker_are_not_guessed_to_be_his() -> None:
    found = quotes_of("„Es ist etwas Besonderes“, meinte Uwe Krupp. „Uwe Krupp zum Cheftrainer zu machen, war richtig.“")
    assert one(found, "Es ist etwas").speaker == "uwe krupp"
    assert one(found, "zum Cheftrainer").speaker is None


def test_first_person_after_a_quote_does_not_continue_it() -> None:
    found = quotes_of("„Ich habe Frieden geschaffen“, sagte Trump. Ich glaube, das ist es, was ihn antreibt.")
    assert [q.text for q in found] == ["Ich habe Frieden geschaffen"]


@pytest.mark.parametrize("text,iso", [
    ("Kim über Trump am 22. September 2017", "2017-09-22"),
    ("Trump an Kim am 2. Januar 2018", "2018-01-02"),
    ("February 27, 2019", "2019-02-27"),
    ("am 03.10.1990 in Berlin", "1990-10-03"),
    ("vor Anhängern in West Virginia", None),
])
def test_dates_of_attribution_lines(text: str, iso: str | None) -> None:
    assert _parse_date(text) == iso


# --- seeds, quote layer alone -------------------------------------------------------------------


def test_seed_agency_speakers(seed_agency_text: str) -> None:
    found = quotes_of(seed_agency_text)
    assert one(found, "Geschwindigkeit ist für mich nicht so wichtig.").speaker == "donald trump"
    assert one(found, "Wenn ich es nicht wäre, wäre ich nicht hier.").speaker == "kim jong un"
    assert one(found, "Das besprechen wir gerade.").speaker == "kim jong un"
    deal = one(found, "Wichtiger sei es", "indirect")
    assert (deal.speaker, deal.speaker_text, deal.cue) == ("donald trump", "der US-Präsident", "betonte")
    hurry = one(found, "er habe bei den Gesprächen", "indirect")
    assert hurry.speaker == "donald trump" and hurry.cue == "sagte"
    assert one(found, "keine Eile", "direct").speaker == "donald trump"
    assert one(found, "Kim würde die Eröffnung", "indirect").speaker == "kim jong un"
    assert all(q.text != "Metropole" for q in found)


def test_seed_ticker_attribution_lines(seed_ticker_text: str) -> None:
    found = quotes_of(seed_ticker_text)
    expected = [
        ("geisteskranken, dementen US-Greis", "kim jong un", "donald trump", "2017-09-22"),
        ("auch ich einen Atomwaffenknopf habe", "donald trump", "kim jong un", "2018-01-02"),
        ("eine Art Fantasie halten", "kim jong un", "donald trump", "2018-06-12"),
        ("dann haben wir uns verliebt", "donald trump", None, "2018-09-29"),
    ]
    for words, speaker, addressee, date in expected:
        quote = one(found, words, "direct")
        assert (quote.speaker, quote.addressee, quote.date) == (speaker, addressee, date), words


def test_seed_ticker_speakers(seed_ticker_text: str) -> None:
    found = quotes_of(seed_ticker_text)
    assert one(found, "Geschwindigkeit ist nicht wichtig für mich").speaker == "donald trump"
    assert one(found, "Vietnam is thriving").date == "2019-02-27"
    assert one(found, "Vietnam is thriving").speaker == "donald trump"
    assert one(found, "die Pressekonferenz Trumps", "indirect").speaker == "sarah sanders"
    assert one(found, "es gebe bislang kein gemeinsames", "indirect").speaker is None
    doppelganger = one(found, "Das ist das wahre Verbrechen.")
    assert doppelganger.speaker is None and doppelganger.speaker_text == "der Kim-Doppelgänger"
    assert all(q.text not in ("Metropole", "Melia", "Wall Street Journal") for q in found)


# --- seeds through the whole analyzer (need segment and entities) ----------------------------------


def test_analyze_seed_agency(seed_agency) -> None:
    found = list(seed_agency.quotes)
    assert one(found, "Geschwindigkeit ist für mich nicht so wichtig.").speaker == "donald trump"
    assert one(found, "Wenn ich es nicht wäre, wäre ich nicht hier.").speaker == "kim jong un"
    assert one(found, "Wichtiger sei es", "indirect").speaker == "donald trump"
    assert one(found, "er habe bei den Gesprächen", "indirect").speaker == "donald trump"


def test_analyze_offsets(seed_agency, seed_agency_text, seed_ticker, seed_ticker_text) -> None:
    for analysis, text in ((seed_agency, seed_agency_text), (seed_ticker, seed_ticker_text)):
        assert analysis.quotes
        assert_offsets(text, list(analysis.quotes))


def test_analyze_seed_ticker(seed_ticker) -> None:
    found = list(seed_ticker.quotes)
    assert one(found, "Geschwindigkeit ist nicht wichtig für mich").speaker == "donald trump"
    assert one(found, "geisteskranken, dementen US-Greis").addressee == "donald trump"
    assert one(found, "geisteskranken, dementen US-Greis").date == "2017-09-22"


# --- storylink-analyze/4: rules from the news gold's dev3 errors, on own sentences ------------------


def test_das_sagte_reports_the_sentence_before() -> None:
    found = quotes_of("Ab Mai dürfen wieder 500 Gäste kommen. Das sagte Bürgermeister Paul Huber am Montag. "
                      "Die Halle bleibt geschlossen.")
    quote = one(found, "Ab Mai dürfen wieder 500 Gäste kommen", "indirect")
    assert (quote.speaker, quote.cue) == ("paul huber", "sagte")
    assert all("Die Halle" not in q.text for q in found)


def test_several_roles_before_one_name() -> None:
    found = quotes_of("Die Regeln werden gelockert, sagte Vizekanzler und Sportminister Jan Berger.")
    quote = one(found, "Die Regeln werden gelockert")
    assert (quote.speaker, quote.speaker_text) == ("jan berger", "Jan Berger")


def test_formal_sie_is_nobody() -> None:
    text = "Mit einem Klick erklären Sie sich damit einverstanden, dass externe Inhalte geladen werden."
    assert quotes_of(text) == []


def test_hopes_with_dass_are_reported() -> None:
    found = quotes_of("Die Ministerin hofft, dass die Schulen bald öffnen. Sie glaubt an einen schnellen Erfolg.")
    assert one(found, "dass die Schulen bald öffnen", "indirect").cue == "hofft"
    assert all("Erfolg" not in q.text for q in found)


def test_demnach_inside_the_clause_and_compound_sources() -> None:
    found = quotes_of("Die Polizei berichtete am Abend von dem Einsatz. Beamte stürmten demnach das Haus. "
                      "Nach RTL-Angaben sahen 4,7 Millionen Menschen zu.")
    assert one(found, "Beamte stürmten demnach das Haus", "indirect").cue == "demnach"
    rtl = one(found, "sahen 4,7 Millionen Menschen zu", "indirect")
    assert (rtl.speaker, rtl.speaker_text) == ("rtl", "RTL-Angaben")


def test_titles_after_an_earlier_cue_are_no_quotes() -> None:
    found = quotes_of("„Wir sind bereit“, sagte er. Im ZDF sahen 4 Millionen den Auftritt als „Professor T.“. "
                      "Danach lief „Die große Show“.")
    assert [q.text for q in found] == ["Wir sind bereit"]


def test_a_statement_noun_after_laut_is_owned_by_its_source() -> None:
    found = quotes_of("Laut Information des Gesundheitsministeriums stieg die Zahl der Fälle auf 69.")
    assert one(found, "stieg die Zahl der Fälle auf 69", "indirect").speaker_text == "des Gesundheitsministeriums"


def test_the_speaker_named_in_the_quotes_own_sentence() -> None:
    text = ("„Das Vertrauen ist gewachsen“, sagte Matthias Horx am Montag. Die Leute hätten mehr telefoniert, "
            "sagte er. Gleichzeitig sah Horx einen „klaren Verlust populistischer Strategien“.")
    people = [Entity(37, 50, "Matthias Horx", "PER", "matthias horx"), Entity(124, 128, "Horx", "PER", "matthias horx")]
    assert text[124:128] == "Horx"
    quote = one(quotes_of(text, entities=people), "klaren Verlust populistischer Strategien", "direct")
    assert (quote.speaker, quote.speaker_start) == ("matthias horx", 124)


def test_sources_without_article_and_joined_roles() -> None:
    found = quotes_of("Die Klinik hat lokalen Medienberichten zufolge 200 Betten. Die Schätzung ist nach Recherchen "
                      "des SWR nicht haltbar.")
    assert one(found, "200 Betten", "indirect").speaker_text == "lokalen Medienberichten"
    assert one(found, "nicht haltbar", "indirect").speaker_text == "des SWR"
    text = "„Wir sind bereit“, erklärte der Virologie-Professor und Studienleiter Hendrik Streeck."
    start = text.index("Hendrik")
    people = [Entity(start, start + 15, "Hendrik Streeck", "PER", "hendrik streeck")]
    assert one(quotes_of(text, entities=people), "Wir sind bereit").speaker == "hendrik streeck"
    summed = one(quotes_of("„Die Übergriffe sind gestiegen“, fasst Oberbrandrätin Susanne Klatt die Schicht zusammen."),
                 "Die Übergriffe sind gestiegen")
    assert (summed.speaker, summed.cue) == ("susanne klatt", "fasst")


def test_reported_speech_goes_on_after_hiess_es_and_after_a_long_gap() -> None:
    found = quotes_of("Bei dem Aufstand kamen viele ums Leben, hieß es. 15 Insassen seien dabei gestorben. "
                      "Die Stadt liegt im Norden.")
    assert one(found, "15 Insassen seien dabei gestorben", "indirect").speaker is None
    assert all("Die Stadt" not in q.text for q in found)
    found = quotes_of("Innensenator Andreas Geisel sagte am Freitag im Radio Eins des rbb, er sei skeptisch.")
    assert one(found, "er sei skeptisch", "indirect").speaker == "andreas geisel"


def test_titles_by_their_maker_hedges_and_time_words() -> None:
    found = quotes_of("„Wir sind da“, sagte Bocelli. Er sang Ave Maria sowie „Sancta Maria“ von Mascagni.")
    assert [q.text for q in found] == ["Wir sind da"]
    found = quotes_of("Das Verbot gelte „mindestens“ bis August, sagte Geisel.")
    assert [q.kind for q in found] == ["indirect"]
    quote = one(quotes_of("„Wir kommen wieder“, erklärte Donnerstagmorgen der Chef."), "Wir kommen wieder")
    assert quote.speaker_text == "der Chef"


def test_so_with_an_indefinite_speaker_and_wie_aus_hervorgeht() -> None:
    assert one(quotes_of("Der Präsident trete zurück, so eine Kollegin am Schalter."),
               "Der Präsident trete zurück", "indirect").speaker_text == "eine Kollegin"
    found = quotes_of("Die Einreise werde extrem eingeschränkt, wie aus einem Dekret des Präsidenten hervorgeht.")
    quote = one(found, "Die Einreise werde extrem eingeschränkt", "indirect")
    assert (quote.speaker_text, quote.cue) == ("einem Dekret des Präsidenten", "hervorgeht")


def test_a_works_title_in_marks_after_its_kind_is_no_quote() -> None:
    found = quotes_of("Die ARD zeigte die Serie „Dahoam is dahoam“ und ihren Hit „You Can’t Always Get What You "
                      "Want“. „Das war ein Erfolg“, sagte die Sprecherin.")
    assert [q.text for q in found] == ["Das war ein Erfolg"]
    found = quotes_of("Er moderierte die Reality-Show «Get the F*ck out of my House» und sagte «Nie wieder».")
    assert [q.text for q in found] == ["Nie wieder"]


def test_reported_speech_runs_on_into_the_next_paragraph() -> None:
    found = quotes_of("Die Sicherheitskräfte seien eingeschritten, wie die Behörden mitteilten.\n\n"
                      "15 Insassen seien dabei ums Leben gekommen.\n\nDie Stadt liegt im Norden.")
    assert one(found, "15 Insassen seien", "indirect").speaker_text == "die Behörden"
    assert all("Die Stadt" not in q.text for q in found)
    # Without reported speech just before it, a paragraph opening in Konjunktiv is nobody's.
    found = quotes_of("Die Sicherheitskräfte griffen ein.\n\n15 Insassen seien dabei ums Leben gekommen.")
    assert all(q.speaker_text is None for q in found)


def test_feelings_voiced_and_a_quotes_own_attribution() -> None:
    quote = one(quotes_of("„Das ist ein großer Erfolg“, freute sich Bürgermeisterin Anna Weber."), "großer Erfolg")
    assert (quote.speaker_text, quote.cue) == ("Anna Weber", "freute sich")
    # The reported clause before the colon is the president's; the words in marks say whose they are.
    found = quotes_of("Wie Präsident Herbert Hainer am Montag bestätigte, möchte der Club ihn behalten: „Ich bin "
                      "zuversichtlich“, sagte Hainer über die Gespräche. Der Trainer Antonio Conte schwieg.")
    assert one(found, "Ich bin zuversichtlich", "direct").speaker_start == found[-1].speaker_start
    assert one(found, "Ich bin zuversichtlich", "direct").speaker_text == "Hainer"


def test_words_quoted_again_in_a_headline_are_said_by_the_bodys_speaker() -> None:
    said = "Wir wissen nichts, wir wissen nicht mal, ob die Wahlen stattfinden"
    text = f"„{said}“\n\nVor dem Postamt warten viele. „{said}“, meint die Postangestellte mit schwarzer Maske."
    headline, body = [q for q in quotes_of(text) if q.text == said]
    assert body.speaker_text == "die Postangestellte"
    assert (headline.speaker_text, headline.speaker_start) == (body.speaker_text, body.speaker_start)


def test_a_view_inside_a_noun_phrase_reports_nothing() -> None:
    assert quotes_of("Tausende demonstrierten gegen die aus ihrer Sicht zu strengen Regeln.") == []
    # Said by somebody, the view is a report.
    assert one(quotes_of("Aus ihrer Sicht sind die Regeln zu streng."), "sind die Regeln", "indirect").cue \
        == "Aus ihrer Sicht"


def test_laut_owns_a_sentence_whose_verb_reported_nothing() -> None:
    quote = one(quotes_of("ÖVP und Grüne bestätigten laut der Nachrichtenagentur APA weitere Personalien."),
                "weitere Personalien", "indirect")
    assert (quote.cue, quote.speaker_text) == ("laut", "der Nachrichtenagentur")
    # With words of its own, the verb's speaker keeps them and "laut" names the channel.
    found = quotes_of("„Wir sind frei“, sagte Kim laut der Agentur KCNA vor Funktionären.")
    assert [(q.kind, q.speaker_text) for q in found] == [("direct", "Kim")]


def test_reported_speech_goes_on_past_a_listed_subject_and_after_demands_and_denials() -> None:
    found = quotes_of("Das Werk werde wieder hochgefahren, teilte der Konzern mit. Die Hygienekonzepte, "
                      "Abstandsregeln und das Tempo seien angepasst worden.")
    assert one(found, "Abstandsregeln und das Tempo seien", "indirect").speaker_text == "der Konzern"
    found = quotes_of("Die Bürgermeister fordern die sofortige Entlastung der Inseln. Die Regierung solle dafür "
                      "sorgen.")
    assert one(found, "Die Regierung solle", "indirect").speaker_text == "Die Bürgermeister"
    found = quotes_of("Burton und Flack stritten ab, dass sie gewalttätig wurde.")
    assert one(found, "dass sie gewalttätig wurde", "indirect").cue == "stritten"


def test_a_headlines_quote_before_a_colon_is_said_by_the_subject_after_it() -> None:
    quote = one(quotes_of("„Hilfe muss auch gewollt sein“: Wehrbeauftragter stellt Einsatz infrage"), "Hilfe")
    assert (quote.speaker_text, quote.cue) == ("Wehrbeauftragter", ":")
    text = "„Wir schaffen das“: Merkel verteidigt ihre Politik"
    merkel = [Entity(20, 26, "Merkel", "PER", "angela merkel")]
    assert one(quotes_of(text, entities=merkel), "Wir schaffen das").speaker == "angela merkel"
    # A verb right after the name is the cue; a show's title before a colon is nobody's words.
    assert one(quotes_of("„Ganz plötzlich bumm“: Trump schildert den Angriff"), "bumm").cue == "schildert"
    assert quotes_of("„Let’s Dance“: Finale am Freitag") == []


def test_a_sentence_of_its_own_in_konjunktiv_is_reported_by_the_last_speaker_or_nobody() -> None:
    found = quotes_of("Die Zahl der Arbeitslosen stieg, wie die Bundesagentur mitteilte. Die Quote liegt bei "
                      "5,3 Prozent. Im Mai waren 3160 Menschen gemeldet. Die Zahlen zur Kurzarbeit seien "
                      "vorläufig. Das könne zu Schwankungen führen.")
    for words in ("Kurzarbeit seien", "Das könne"):
        assert one(found, words, "indirect").speaker_text == "die Bundesagentur"
    assert all("Die Quote liegt" not in q.text for q in found)
    # Nobody spoke before: reported by nobody named, still a report.
    quote = one(quotes_of("Kasachstan verhängte den Notstand. Die Einreise werde eingeschränkt."), "Die Einreise")
    assert quote.kind == "indirect" and quote.speaker_text is None
    # An interview's answer in the first person, and "als sei" comparing, report nothing.
    assert quotes_of("Das Geschäft schloss im Mai. Da habe ich kaum eine Chance.") == []
    assert quotes_of("Die Debatte läuft. Dabei wird so getan, als sei die Geschichte der Staaten gerecht.") == []
