"""Write ``tests/data/gold.jsonl`` from the hand-made annotations below.

The annotations are written as strings, not offsets, so that they can be read
and checked by eye; this script turns them into offsets and refuses to write
anything when a string is not found where it should be.

Conventions (GermEval 2014 outer spans for entities):

- entities: every listed surface is annotated at every occurrence that stands
  alone (no letter, digit or hyphen on either side, so ``US-Präsident`` and
  ``Trump-Kim-Gipfel`` are no entities); longer surfaces win over shorter
  ones inside them; ``skip`` names single occurrences (1-based, counted among
  the free occurrences) a careful annotator would not mark, ``retype`` those
  whose type differs from the surface's usual one.
- quotes: direct = the words inside the marks; indirect = the reported
  clause (Konjunktiv I/II after a speech verb, ``dass``-clauses of saying).
  A direct fragment inside a reported clause is annotated as well.
- times: the temporal phrase without its preposition (``Donnerstag`` in
  ``am Donnerstag``) except where the preposition carries the meaning
  (``vor zwei Wochen``). Values are ISO 8601 resolved against the article's
  published date; nights resolve to the date they begin on.
- entries: ticker headlines without ``+++`` markers or a leading time stamp.

Run ``python tests/data/make_gold.py`` from the repository root;
``--show DOC`` prints a document with its annotations bracketed.
"""

from __future__ import annotations

import hashlib
import json
import re
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parents[2]
DEMO = REPO / "src" / "storylink" / "data" / "demo"
SEEDS = REPO.parent / "shared" / "seeds"
OUT = REPO / "tests" / "data" / "gold.jsonl"

TRUMP, KIM = "donald trump", "kim jong un"

# Each document: ents = {type: [surfaces]}, skip = [(surface, k)],
# quotes = [(text, kind, speaker, occurrence)], entries = [headline],
# times = [(text, kind, value, occurrence)].
SPEC: dict[str, dict] = {}

SPEC["seed:000_2f782dc55725f6ff.txt"] = dict(
    ents={
        "PER": ["Donald Trump", "Kim Jong-un", "Trump", "Kim"],
        "LOC": ["Nordkoreas", "Nordkorea", "Hanoi", "Hanois", "Metropole", "USA", "Washington",
                "Pjöngjang", "Südkorea", "Vietnams"],
    },
    quotes=[
        ('er habe bei den Gesprächen über das nordkoreanische Atomprogramm "keine Eile"', "indirect", TRUMP, 1),
        ("keine Eile", "direct", TRUMP, 1),
        ("Geschwindigkeit ist für mich nicht so wichtig.", "direct", TRUMP, 1),
        ('Wichtiger sei es, zu einem "richtigen Deal" über eine atomare Abrüstung Nordkoreas zu gelangen', "indirect", TRUMP, 1),
        ("richtigen Deal", "direct", TRUMP, 1),
        ('er werde "sein Bestes" für eine "großartige" Übereinkunft geben', "indirect", KIM, 1),
        ("sein Bestes", "direct", KIM, 1),
        ("großartige", "direct", KIM, 1),
        ("großartigen Dialog", "direct", KIM, 1),
        ("Denuklearisierung der koreanischen Halbinsel", "direct", "usa", 1),
        ("Kim würde die Eröffnung eines US-Verbindungsbüros in Nordkorea begrüßen", "indirect", KIM, 1),
        ("ob er dazu bereit sei", "indirect", None, 1),
        ("Wenn ich es nicht wäre, wäre ich nicht hier.", "direct", KIM, 1),
        ("ob er willens sei, konkrete Schritte dafür zu unternehmen", "indirect", None, 1),
        ("Das besprechen wir gerade.", "direct", KIM, 1),
        ('beide Seiten würden "sehr gute Diskussionen" führen', "indirect", TRUMP, 1),
        ("sehr gute Diskussionen", "direct", TRUMP, 1),
        ("Wir werden sehen, wohin das alles führt.", "direct", TRUMP, 1),
        ("Egal was passiert, am Ende werden wir ein Abkommen haben, das sehr gut für den Vorsitzenden Kim und sein Land ist.", "direct", TRUMP, 1),
        ("Das heißt nicht, dass wir das an einem Tag tun, bei einem Treffen.", "direct", TRUMP, 1),
    ],
    entries=[],
    times=[
        ("Donnerstag", "weekday", None, 1),
        ("Mittwoch", "weekday", None, 1),
        ("Donnerstag", "weekday", None, 2),
        ("Donnerstagvormittag", "weekday", None, 1),
    ],
)

SPEC["seed:002_a1bbd4968d3fdb89.txt"] = dict(
    ents={
        "PER": ["Donald Trump", "Donald J. Trump", "Trump", "Trumps", "Kim Jong Un", "Kim", "Kims",
                "Sarah Sanders", "Nguyen Xuan Phuc", "Phuc", "Nguyen Phu Trong", "Wolfgang Nowak",
                "Mike Pompeo", "Pompeo", "Jim Acosta", "Acostas", "Will Ripley", "Michael Cohen",
                "Stormy Daniels", "Howard X"],
        "LOC": ["Singapur", "Nordkoreas", "Nordkorea", "North Korea", "Hanoi", "Hanois", "Pjöngjang",
                "Washington", "Vietnam", "Vietnams", "USA", "Korea", "Hongkong", "Dong Dang", "China",
                "West Virginia", "Metropole", "Melia", "Meliá"],
        "ORG": ["Weißen Hauses", "Weißen Haus", "Boeing", "VietJet", "CFM", "General Electrics",
                "Twitter", "Wall Street Journal", "Kongress"],
        "MISC": ["Koreakrieg", "Boeing 737 Max"],
    },
    # "Kim" as a family name ("Kim ist der häufigste Nachname", "vier Kims",
    # "ebenfalls Kim heißen") names no one.
    skip=[("Kims", 3), ("Kim", 32), ("Kim", 33)],
    quotes=[
        ("die Pressekonferenz Trumps zum Abschluss des Gipfels werde um zwei Stunden auf 14.00 Uhr (Ortszeit/8.00 Uhr MEZ) vorgezogen", "indirect", "sarah sanders", 1),
        ("Kim Jong Un würde nach eigenen Worten die Eröffnung eines US-Verbindungsbüros in seinem Land begrüßen", "indirect", KIM, 1),
        ('die Idee eines Verbindungsbüros sei eine "großartige Sache"', "indirect", TRUMP, 1),
        ("großartige Sache", "direct", TRUMP, 1),
        ("keine Eile", "direct", TRUMP, 1),
        ("keine Eile", "direct", TRUMP, 2),
        ("Ich bin in keiner Eile. Geschwindigkeit ist nicht wichtig für mich. Für mich ist wichtig, dass wir das richtige Abkommen kriegen.", "direct", TRUMP, 1),
        ('dass auch sein Land Interesse an einem "guten Ergebnis" des Treffens habe', "indirect", KIM, 1),
        ("guten Ergebnis", "direct", KIM, 1),
        ('ob er auch er sich eine "Denuklearisierung" seines Landes vorstellen könne', "indirect", None, 1),
        ("anderenfalls sei er gar nicht zum Gipfeltreffen gereist", "indirect", KIM, 1),
        ('es sei ihm "eine Ehre", mit dem nordkoreanischen Diktator zusammenzukommen', "indirect", TRUMP, 1),
        ("eine Ehre", "direct", TRUMP, 1),
        ('Der erste Gipfel in Singapur vor acht Monaten sei "ein großer Erfolg" gewesen', "indirect", TRUMP, 1),
        ("ein großer Erfolg", "direct", TRUMP, 1),
        ('Nun hoffe er, dass der Erfolg in Hanoi "gleich oder größer" werde', "indirect", TRUMP, 1),
        ("gleich oder größer", "direct", TRUMP, 1),
        ("Es ist eine Ehre, mit dem Vorsitzenden Kim zu sein", "direct", TRUMP, 1),
        ('Der erste Gipfel in Singapur vor acht Monaten sei bereits "ein großer Erfolg" gewesen', "indirect", TRUMP, 1),
        ("ein großer Erfolg", "direct", TRUMP, 2),
        ('Er hoffe, dass der Erfolg bei diesem Gipfel nun "gleich oder größer" als in Singapur werde', "indirect", TRUMP, 1),
        ("gleich oder größer", "direct", TRUMP, 2),
        ("Es ist eine Ehre, mit dem Vorsitzenden Kim zu sein. Es ist eine Ehre, zusammen in Vietnam zu sein, wo sie wirklich den roten Teppich ausgerollt haben.", "direct", TRUMP, 1),
        ("Ich denke, dass Ihr Land gewaltiges wirtschaftliches Potenzial hat. Unglaublich. Unbegrenzt.", "direct", TRUMP, 1),
        ('dass die Gespräche mit Kim "sehr erfolgreich" sein würden', "indirect", TRUMP, 1),
        ("sehr erfolgreich", "direct", TRUMP, 1),
        ('dass es "dieses Mal" ein zufriedenstellendes Resultat geben werde', "indirect", KIM, 1),
        ("dieses Mal", "direct", KIM, 1),
        ('Das wird sicherlich noch einige Zeit dauern. Aber Trump ist der Präsident, der am Ende seiner ersten Amtszeit sagen möchte: "Ich habe Frieden mit Nordkorea geschaffen." Ich glaube, das ist es, was ihn antreibt.', "direct", "wolfgang nowak", 1),
        ("Hoffentlich wird es erfolgreich sein", "direct", TRUMP, 1),
        ("Wir werden sehen, was passiert.", "direct", TRUMP, 1),
        ("der Billigflieger VietJet kaufe 100 Boeing 737 Max sowie 215 Triebwerke des Joint Ventures CFM, an dem der US-Konzern General Electrics beteiligt ist", "indirect", None, 1),
        ("Freund", "direct", TRUMP, 1),
        ("Freund", "direct", TRUMP, 2),
        ("Das Potenzial ist fantastisch, eine großartige Gelegenheit für meinen Freund Kim Jong Un, wie kaum eine andere in der Geschichte.", "direct", TRUMP, 1),
        ("Vietnam blüht auf wie wenige andere Orte der Welt. Nordkorea wäre sehr schnell genauso, wenn es seine Atomwaffen abschafft.", "direct", TRUMP, 1),
        ("Ich werde den geisteskranken, dementen US-Greis gewiss und auf jeden Fall mit Feuer bändigen.", "direct", KIM, 1),
        ('Der nordkoreanische Staatschef Kim Jong Un hat gerade dargelegt, dass der "Atomwaffenknopf immer auf seinem Schreibtisch ist". Würde jemand aus seinem verarmten und ausgehungerten Regime ihn bitte darüber informieren, dass auch ich einen Atomwaffenknopf habe, aber er ist viel größer und mächtiger als seiner, und mein Knopf funktioniert!', "direct", TRUMP, 1),
        ("Atomwaffenknopf immer auf seinem Schreibtisch ist", "direct", KIM, 1),
        ("Viele Leute in der Welt werden dies für eine Art Fantasie halten, aus einem Science-Fiction-Film.", "direct", KIM, 1),
        ("Ich war knallhart, er war es auch, und zwischen uns ging es hin und her, und dann haben wir uns verliebt. Ok? Nein, wirklich. Er hat mir schöne Briefe geschrieben. Und das sind großartige Briefe. Wir haben uns verliebt.", "direct", TRUMP, 1),
        ("wichtige Gelegenheit", "direct", "mike pompeo", 1),
        ("vollständiger Denuklearisierung", "direct", "mike pompeo", 1),
        ('es gebe bislang kein gemeinsames Verständnis mit der nordkoreanischen Seite darüber, "was Denuklearisierung ist"', "indirect", "weißes haus", 1),
        ("was Denuklearisierung ist", "direct", "weißes haus", 1),
        ("Coup", "direct", None, 1),
        ("dass die Journalisten vom Hotel Meliá in das nahe gelegene internationale Medienzentrum verlegt werden", "indirect", None, 1),
        ("Übersetzung: Die US-Presse wird aus dem Hotel rausgeschmissen, in dem wir Tage damit verbracht haben, unseren Arbeitsbereich einzurichten.", "direct", "jim acosta", 1),
        ("Kim Jong Un hat weiterhin das Sagen, ob in Nordkorea oder Vietnam.", "direct", "will ripley", 1),
        ("dass der frühere Anwalt und Vertraute des US-Präsidenten, Michael Cohen, vor dem Kongress aussagen wolle, Trump habe im Amt gegen Gesetze verstoßen", "indirect", "wall street journal", 1),
        ("Trump habe im Amt gegen Gesetze verstoßen", "indirect", "michael cohen", 1),
        ('Nach einem Polizeiverhör sei ihm mitgeteilt worden, dass sein Visum "ungültig" sei', "indirect", "howard x", 1),
        ("ungültig", "direct", "howard x", 1),
        ('Der "wahre Grund" sei aber, "dass ich mit einem Gesicht geboren wurde, das mich wie Kim Jong Un aussehen lässt"', "indirect", "howard x", 1),
        ("wahre Grund", "direct", "howard x", 1),
        ("dass ich mit einem Gesicht geboren wurde, das mich wie Kim Jong Un aussehen lässt", "direct", "howard x", 1),
        ("Das ist das wahre Verbrechen.", "direct", "howard x", 1),
        ('Der echte Kim haben "keinen Humor"', "indirect", "howard x", 1),
        ("keinen Humor", "direct", "howard x", 1),
        ('Satire sei "eine mächtige Waffe gegen jede Diktatur"', "indirect", "howard x", 1),
        ("eine mächtige Waffe gegen jede Diktatur", "direct", "howard x", 1),
    ],
    entries=[
        "Kein gemeinsames Mittagessen: Kim und Trump haben Gipfel offenbar beendet",
        "Kim kann sich ein US-Kontaktbüro in Pjöngjang begrüßen",
        'Trump hat "keine Eile" bei der nuklearen Abrüstung',
        "Gipfel erzeugt Verkehrschaos in Hanoi",
        "Abendessen von Trump und Kim zum Gipfel-Auftakt in Hanoi beendet",
        'Trump: "Es ist eine Ehre, mit dem Vorsitzenden Kim zu sein"',
        "Kim geht von zufriedenstellendem Resultat aus",
        "Trump und Kim begrüßen sich mit langem Handschlag in Hanoi",
        "Was Trump treibt",
        "Trump hofft auf Erfolg bei Gipfel mit Kim",
        "Vietnam kauft bei Trump-Besuch Boeing im Wert von 21 Milliarden Dollar",
        "Wo ist Kim? Hanoi sucht den Diktator",
        'Schmeicheleinheiten vor Gipfel: Trump nennt Kim seinen "Freund"',
        "So läuft das erste Trump-Kim-Treffen ab",
        "Donald Trump kommt in Vietnam an und spürt Liebe",
        "Gastgeber Vietnam würdigt Kim-Trump-Gipfel mit Sonder-Briefmarke",
        "Warum Hanoi?",
        "Das Verhältnis von Trump und Kim in vier Zitaten",
        "US-Außenminister Pompeo über das Ziel des Gipfels",
        "US-Pressezentrum muss Kims Hotel vor Gipfel mit Trump verlassen",
        "Trumps Ex-Anwalt kündigt offenbar Enthüllung an",
        "Diese vier Kims begleiten den Machthaber Kim Jong Un",
        "Vietnam schiebt Kim-Doppelgänger vor Gipfel ab",
        "Sonderzug von Kim Jong Un erreicht nach 66 Stunden und 4000 Kilometern Vietnam",
    ],
    times=[
        ("Acht Monate", "duration", "P8M", 1),
        ("1950", "date", "1950", 1),
        ("1953", "date", "1953", 1),
        ("13.25 Uhr", "time", None, 1),
        ("zwei Stunden", "duration", "PT2H", 1),
        ("14.00 Uhr", "time", None, 1),
        ("8.00 Uhr", "time", None, 1),
        ("Donnerstagvormittag", "weekday", None, 1),
        ("jeden Morgen", "set", None, 1),
        ("Donnerstag", "weekday", None, 2),
        ("Abend", "time", None, 1),
        ("Wochenende", "relative", None, 1),
        ("Mittwochabend", "weekday", None, 1),
        ("20.47 Uhr", "time", None, 1),
        ("zwölf Minuten", "duration", "PT12M", 1),
        ("Donnerstag", "weekday", None, 3),
        ("vor acht Monaten", "relative", None, 1),
        ("vor acht Monaten", "relative", None, 2),
        ("Acht Monate", "duration", "P8M", 2),
        ("February 27, 2019", "date", "2019-02-27", 1),
        ("Mittwochabend", "weekday", None, 2),
        ("18.30 Uhr", "time", None, 1),
        ("12.30 Uhr", "time", None, 1),
        ("Donnerstag", "weekday", None, 4),
        ("February 26, 2019", "date", "2019-02-26", 1),
        ("22. September 2017", "date", "2017-09-22", 1),
        ("2. Januar 2018", "date", "2018-01-02", 1),
        ("12. Juni 2018", "date", "2018-06-12", 1),
        ("29. September 2018", "date", "2018-09-29", 1),
        ("Zwei Tage", "duration", "P2D", 1),
        ("66 Stunden", "duration", "PT66H", 1),
        ("60 Stunden", "duration", "PT60H", 1),
    ],
)

VOLLMER, HORNIG, REUTER = "katrin vollmer", "stefan hornig", "hildegard reuter"
HALLER, LEHTONEN, WIERZBICKI = "friederike haller", "aino lehtonen", "tomasz wierzbicki"
OKAFOR, REINHOLZ = "sabine okafor", "thomas reinholz"

_MOSEL_ENTS = {
    "PER": ["Katrin Vollmer", "Stefan Hornig"],
    "LOC": ["Mosel", "Trier", "Cochem", "Bernkastel-Kues", "Hunsrück", "Eifel", "Atlantik",
            "Westdeutschland", "Koblenz", "Bundesstraße 49"],
    "ORG": ["dpa", "Hochwassermeldezentrum Mosel", "SPD", "Technisches Hilfswerk", "THW",
            "Deutsche Wetterdienst", "DWD", "Deutsche Bahn"],
    "MISC": ["Quirin"],
}
_MOSEL_QUOTES = [
    ("Die Lage ist ernst, aber sie ist beherrschbar", "direct", VOLLMER, 1),
    ("Das Land werde betroffenen Gemeinden schnell und unbürokratisch helfen", "indirect", VOLLMER, 1),
    ("Einen Sonderfonds von zunächst 20 Millionen Euro habe das Kabinett bereits am Vortag beschlossen", "indirect", VOLLMER, 1),
    ("die Helfer arbeiteten „an der Belastungsgrenze“", "indirect", HORNIG, 1),
    ("an der Belastungsgrenze", "direct", HORNIG, 1),
]
_MOSEL_TIMES = [
    ("13. März 2025", "date", "2025-03-13", 1),
    ("Donnerstagmorgen", "weekday", "2025-03-13", 1),
    ("6.00 Uhr", "time", "2025-03-13T06:00", 1),
    ("Nacht zum Freitag", "relative", "2025-03-13", 1),
    ("Vormittag", "time", "2025-03-13", 1),
    ("Vortag", "relative", "2025-03-12", 1),
    ("Nacht", "relative", "2025-03-12", 2),
    ("Samstag", "weekday", "2025-03-15", 1),
    ("Dienstag", "weekday", "2025-03-11", 1),
    ("Mittwochabend", "weekday", "2025-03-12", 1),
]

SPEC["demo:01_hochwasser_mosel_agentur.txt"] = dict(
    ents=_MOSEL_ENTS, quotes=_MOSEL_QUOTES, entries=[], times=_MOSEL_TIMES,
)

SPEC["demo:02_hochwasser_mosel_kopie.txt"] = dict(
    ents={**_MOSEL_ENTS, "PER": _MOSEL_ENTS["PER"] + ["Paul Weber"],
          "LOC": _MOSEL_ENTS["LOC"] + ["Luxemburg", "Luxemburgs", "Grevenmacher"]},
    quotes=_MOSEL_QUOTES,
    entries=[],
    times=_MOSEL_TIMES + [
        ("Freitag", "weekday", "2025-03-14", 2),
        ("Januar 2021", "date", "2021-01", 1),
    ],
)

SPEC["demo:03_hochwasser_cochem_reportage.txt"] = dict(
    ents={
        "PER": ["Hildegard Reuter", "Reuter", "Walter Kessler", "Lukas Hammes", "Katrin Vollmer"],
        "LOC": ["Cochem", "Mosel", "Marktplatz", "Endertplatz", "Sehl", "Bernkastel-Kues", "Mainz",
                "Cochem-Zell", "Uferstraße"],
        "ORG": ["Technischen Hilfswerks", "Staatskanzlei"],
    },
    quotes=[
        ("Wir haben das schon oft erlebt, aber nie so schnell", "direct", REUTER, 1),
        ("Wir haben das schon oft erlebt, aber nie so schnell", "direct", REUTER, 2),
        ("Um halb drei in der Nacht habe sie ihr Nachbar geweckt", "indirect", REUTER, 1),
        ("Da sei die Mosel schon über die Kaimauer geschwappt", "indirect", REUTER, 1),
        ("Das hier war 1993, das da 2021", "direct", "walter kessler", 1),
        ("Wenn die Prognosen stimmten, werde man heute Nacht zwischen den beiden Marken landen", "indirect", "walter kessler", 1),
        ("die Keller seien zum Glück rechtzeitig geräumt worden", "indirect", "lukas hammes", 1),
        ("Sein Vater habe ihm vor zwei Wochen noch gesagt, dass er keine Sorge vor dem Frühjahrshochwasser habe", "indirect", "lukas hammes", 1),
        ("Da lagen wir beide falsch.", "direct", "lukas hammes", 1),
        ("Die Hilfe muss dort ankommen, wo das Wasser steht", "direct", REUTER, 1),
        ("die Regierungschefin werde am Freitag in den Landkreis Cochem-Zell reisen", "indirect", None, 1),
        ("Morgen früh, sagt sie, komme sie zurück", "indirect", REUTER, 1),
    ],
    entries=[],
    times=[
        ("Donnerstagnachmittag", "weekday", "2025-03-13", 1),
        ("halb drei in der Nacht", "time", "2025-03-13T02:30", 1),
        ("Dienstag", "weekday", "2025-03-11", 1),
        ("1993", "date", "1993", 1),
        ("2021", "date", "2021", 1),
        ("heute Nacht", "relative", "2025-03-13", 1),
        ("vor zwei Wochen", "relative", "2025-02-27", 1),
        ("Vormittag", "time", "2025-03-13", 1),
        ("Freitag", "weekday", "2025-03-14", 1),
        ("Abend", "time", "2025-03-13", 1),
        ("Morgen früh", "relative", "2025-03-14", 1),
    ],
)

SPEC["demo:04_moselle_floods_en.txt"] = dict(
    ents={
        "PER": ["Katrin Vollmer"],
        "LOC": ["Moselle", "Germany", "Germany's", "TRIER", "Trier", "Cochem", "Rhineland-Palatinate",
                "Bernkastel-Kues", "Koblenz", "Luxembourg", "Grevenmacher"],
        "ORG": ["Newsline", "THW", "Deutsche Bahn", "DWD"],
        "MISC": ["Quirin"],
    },
    quotes=[
        ("The situation is serious, but it is manageable", "direct", VOLLMER, 1),
        ("the state cabinet had approved an emergency fund of 20 million euros on Wednesday", "indirect", VOLLMER, 1),
        ("no one had been injured", "indirect", None, 1),
        ("it did not expect conditions to ease before Saturday", "indirect", "dwd", 1),
    ],
    entries=[],
    times=[
        ("March 13", "date", "2025-03-13", 1),
        ("Thursday", "weekday", "2025-03-13", 1),
        ("6 a.m.", "time", "2025-03-13T06:00", 1),
        ("overnight into Friday", "relative", "2025-03-13", 1),
        ("Tuesday", "weekday", "2025-03-11", 1),
        ("Wednesday", "weekday", "2025-03-12", 1),
        ("overnight", "relative", "2025-03-12", 2),
        ("Wednesday evening", "weekday", "2025-03-12", 1),
        ("Saturday", "weekday", "2025-03-15", 1),
        ("January 2021", "date", "2021-01", 1),
    ],
)

SPEC["demo:05_ostseegipfel_ticker.txt"] = dict(
    ents={
        "PER": ["Friederike Haller", "Haller", "Aino Lehtonen", "Lehtonen", "Tomasz Wierzbicki", "Wierzbicki"],
        "LOC": ["Rostock", "Ostsee", "Deutschland", "Finnlands", "Europa", "Finnischen Meerbusen", "Polens",
                "Flughafen Rostock-Laage", "Russlands", "Warnemünde"],
        "ORG": ["Bundespolizei", "EU", "Polizei Rostock", "NATO"],
    },
    quotes=[
        ("Die Ostsee darf kein rechtsfreier Raum werden", "direct", HALLER, 1),
        ("Die Ostsee darf kein rechtsfreier Raum werden", "direct", HALLER, 2),
        ("Deutschland werde zwei zusätzliche Patrouillenboote der Bundespolizei in die westliche Ostsee verlegen", "indirect", HALLER, 1),
        ("Europa habe nach den Kabelschäden im Finnischen Meerbusen zu lange gezögert", "indirect", LEHTONEN, 1),
        ("Sie erwarte von dem Gipfel „konkrete Zusagen und keine Absichtserklärungen“", "indirect", LEHTONEN, 1),
        ("konkrete Zusagen und keine Absichtserklärungen", "direct", LEHTONEN, 1),
        ("Wir brauchen Schiffe und Flugzeuge, nicht nur Papier", "direct", WIERZBICKI, 1),
        ("Er sehe Russlands sogenannte Schattenflotte als größte Gefahr für die Infrastruktur in der Region", "indirect", WIERZBICKI, 1),
    ],
    entries=[
        "Haller: „Die Ostsee darf kein rechtsfreier Raum werden“",
        "Finnlands Präsidentin fordert mehr Tempo",
        "Demonstranten vor dem Tagungsort",
        "Polens Regierungschef setzt auf die NATO",
        "Gipfel beginnt mit Verspätung",
    ],
    times=[
        ("Donnerstag", "weekday", "2025-03-20", 1),
        ("Freitag", "weekday", "2025-03-21", 1),
        ("Mittag", "time", "2025-03-20", 1),
        ("Freitagabend", "weekday", "2025-03-21", 1),
        ("14.30 Uhr", "time", "2025-03-20T14:30", 1),
        ("13.00 Uhr", "time", "2025-03-20T13:00", 1),
    ],
)

SPEC["demo:06_ostseegipfel_ticker_zweiter_tag.txt"] = dict(
    ents={
        "PER": ["Friederike Haller", "Haller", "Aino Lehtonen", "Lehtonen", "Kadri Tamm"],
        "LOC": ["Rostock", "Europas", "Estland", "Lettland", "Estlands", "Hohe Düne", "Warnemünde",
                "Deutschland", "Ostsee", "Neptun"],
        "ORG": ["Deutschlandfunk"],
        "MISC": ["Rostocker Erklärung"],
    },
    quotes=[
        ("guten Tag für die Sicherheit Europas", "direct", HALLER, 1),
        ("ihr Land könne nun zustimmen, weil die Kosten fair verteilt würden", "indirect", "kadri tamm", 1),
        ("Hier sieht man, was Zusammenarbeit bedeutet", "direct", LEHTONEN, 1),
        ("dass Deutschland die kleineren Ostseestaaten nicht allein lasse", "indirect", HALLER, 1),
        ("Wer ein Kabel in der Ostsee kappt, greift uns alle an", "direct", HALLER, 1),
    ],
    entries=[
        "Gipfel endet mit „Rostocker Erklärung“",
        "Streit um Finanzierung beigelegt",
        "Lehtonen besucht Marinestützpunkt",
        "Haller: Kein Land wird allein gelassen",
        "Zweiter Gipfeltag beginnt",
    ],
    times=[
        ("Freitag", "weekday", "2025-03-21", 1),
        ("15:02 Uhr", "time", "2025-03-21T15:02", 1),
        ("13:40 Uhr", "time", "2025-03-21T13:40", 1),
        ("Vorabend", "relative", "2025-03-20", 1),
        ("11:15 Uhr", "time", "2025-03-21T11:15", 1),
        ("09:30 Uhr", "time", "2025-03-21T09:30", 1),
        ("08:05 Uhr", "time", "2025-03-21T08:05", 1),
        ("Donnerstag", "weekday", "2025-03-20", 1),
        ("anderthalb Stunden", "duration", "PT1H30M", 1),
    ],
)

SPEC["demo:07_ostseegipfel_bilanz.txt"] = dict(
    ents={
        "PER": ["Friederike Haller", "Aino Lehtonen", "Tomasz Wierzbicki"],
        "LOC": ["Rostock", "Ostsee", "Finnischen Meerbusen", "Gotland", "Russlands", "Polens", "Danzig"],
        "ORG": ["AFP", "Grüne", "EU-Kommission"],
        "MISC": ["Rostocker Erklärung"],
    },
    quotes=[
        ("Noch vor einem Jahr hätte niemand eine solche Einigung für möglich gehalten", "indirect", HALLER, 1),
        ("ersten, aber wichtigen Schritt", "direct", LEHTONEN, 1),
    ],
    entries=[],
    times=[
        ("21. März 2025", "date", "2025-03-21", 1),
        ("Freitag", "weekday", "2025-03-21", 1),
        ("vor einem Jahr", "relative", "2024-03-21", 1),
        ("Frühjahr 2026", "date", "2026", 1),
    ],
)

SPEC["demo:08_baltic_summit_en.txt"] = dict(
    ents={
        "PER": ["Friederike Haller", "Aino Lehtonen", "Tomasz Wierzbicki"],
        "LOC": ["Baltic Sea", "Baltic", "ROSTOCK", "Germany", "Rostock", "Finland's", "Poland's",
                "Gulf of Finland", "Gotland", "Moscow", "Gdansk"],
        "ORG": ["European Commission"],
        "MISC": ["Rostock Declaration"],
    },
    quotes=[
        ("Whoever cuts a cable in the Baltic attacks all of us", "direct", HALLER, 1),
        ("a first but important step", "direct", LEHTONEN, 1),
        ("the money on the table was not enough", "indirect", WIERZBICKI, 1),
    ],
    entries=[],
    times=[
        ("Friday", "weekday", "2025-03-21", 1),
        ("Friday morning", "weekday", "2025-03-21", 1),
        ("past two years", "duration", "P2Y", 1),
        ("Thursday", "weekday", "2025-03-20", 1),
        ("spring 2026", "date", "2026", 1),
    ],
)

SPEC["demo:09_warnstreik_brandt_logistik.txt"] = dict(
    ents={
        "PER": ["Sabine Okafor", "Thomas Reinholz"],
        "LOC": ["Hamburg", "Bremen", "Hamburg-Billbrook", "Lüneburg", "Billbrook", "Norddeutschland", "Hannover"],
        "ORG": ["dpa", "Verdi", "Brandt Logistik AG", "Brandt Logistik"],
    },
    quotes=[
        ("Das ist kein Angebot, das ist eine Provokation", "direct", OKAFOR, 1),
        ("unverhältnismäßig", "direct", REINHOLZ, 1),
        ("Man habe ein faires Angebot vorgelegt und sei zu weiteren Gesprächen bereit", "indirect", REINHOLZ, 1),
        ("Das Unternehmen prüfe rechtliche Schritte gegen den Ausstand", "indirect", REINHOLZ, 1),
        ("Kunden müssten sich auf Verzögerungen von bis zu drei Tagen einstellen", "indirect", REINHOLZ, 1),
    ],
    entries=[],
    times=[
        ("17. März 2025", "date", "2025-03-17", 1),
        ("Montag", "weekday", "2025-03-17", 1),
        ("5.00 Uhr", "time", "2025-03-17T05:00", 1),
        ("Dienstagmorgen um 6.00 Uhr", "time", "2025-03-18T06:00", 1),
        ("zwölf Monaten", "duration", "P12M", 1),
        ("vor zwei Wochen", "relative", "2025-03-03", 1),
        ("30 Monate", "duration", "P30M", 1),
        ("drei Tagen", "duration", "P3D", 1),
        ("Donnerstag, den 27. März", "date", "2025-03-27", 1),
    ],
)

SPEC["demo:10_kommentar_streik.txt"] = dict(
    ents={
        "PER": ["Jana Petersen", "Clemens Brandt"],
        "LOC": ["Deutschland", "Hannover"],
        "ORG": ["Brandt", "Brandt Logistik", "Verdi"],
        "MISC": ["Grundgesetz"],
    },
    quotes=[
        ("sein Unternehmen zahle „deutlich über dem Branchenschnitt“", "indirect", "clemens brandt", 1),
        ("deutlich über dem Branchenschnitt", "direct", "clemens brandt", 1),
    ],
    entries=[],
    times=[
        ("Montag", "weekday", "2025-03-17", 1),
        ("30 Monate", "duration", "P30M", 1),
        ("Ostern", "date", "2025-04-20", 1),
    ],
)

SPEC["demo:11_arbeitsgericht_brandt.txt"] = dict(
    ents={
        "PER": ["Petra Nowitzki", "Sabine Okafor", "Thomas Reinholz"],
        "LOC": ["Hamburg"],
        "ORG": ["Brandt Logistik", "Brandt Logistik AG", "Arbeitsgericht Hamburg", "Verdi", "Landesarbeitsgericht"],
    },
    quotes=[
        ("der Ausstand gefährde die Versorgung von Apotheken und Krankenhäusern mit Medikamenten", "indirect", "brandt logistik ag", 1),
        ("Verdi habe einen Notdienst für dringende Sendungen eingerichtet", "indirect", "petra nowitzki", 1),
        ("Ein Streik darf wehtun, sonst wäre er keiner.", "direct", "petra nowitzki", 1),
        ("das Urteil sei ein klares Signal an die Arbeitgeber, endlich ernsthaft zu verhandeln", "indirect", OKAFOR, 1),
        ("das Unternehmen werde die Begründung prüfen und gegebenenfalls Beschwerde beim Landesarbeitsgericht einlegen", "indirect", REINHOLZ, 1),
    ],
    entries=[],
    times=[
        ("Dienstag", "weekday", "2025-03-18", 1),
        ("Vortag", "relative", "2025-03-17", 1),
        ("27. März", "date", "2025-03-27", 1),
    ],
)

SPEC["demo:12_handball_rostock.txt"] = dict(
    ents={
        "PER": ["Olaf Mertens", "Mertens", "Jannik Brede", "Brede", "Mats Øvergaard"],
        "LOC": ["Stadthalle Rostock", "Flensburg"],
        # The club names its city: "Rostock" and "Stralsunds" stand for teams here.
        "ORG": ["HSV Warnow Rostock", "SV Grün-Weiß Stralsund", "Rostock", "Stralsunds"],
        "MISC": ["3. Liga Nord"],
    },
    retype=[("Rostock", 1, "LOC")],  # the dateline names the city
    quotes=[
        ("Die Halle war trotzdem voll, das war großartig", "direct", "olaf mertens", 1),
        ("das Team habe in der zweiten Halbzeit endlich die Räume genutzt", "indirect", "jannik brede", 1),
    ],
    entries=[],
    times=[
        ("Freitagabend", "weekday", "2025-03-21", 1),
        ("eine Stunde", "duration", "PT1H", 1),
        ("19 Uhr", "time", "2025-03-21T19:00", 1),
        ("Sonntag", "weekday", "2025-03-23", 1),
    ],
)


def load_text(doc: str) -> str:
    kind, name = doc.split(":", 1)
    path = (DEMO if kind == "demo" else SEEDS) / name
    return path.read_text(encoding="utf-8")


def _free(text: str, start: int, end: int) -> bool:
    def word(ch: str) -> bool:
        return ch.isalnum() or ch == "-"

    return (start == 0 or not word(text[start - 1])) and (end == len(text) or not word(text[end]))


def entity_spans(
    text: str, ents: dict[str, list[str]], skip: list[tuple[str, int]], retype: list[tuple[str, int, str]] = ()
) -> list[dict]:
    surfaces = sorted(((s, t) for t, ss in ents.items() for s in ss), key=lambda st: -len(st[0]))
    taken: list[tuple[int, int]] = []
    found: list[dict] = []
    skipped = set(skip)
    types = {(surface, k): t for surface, k, t in retype}
    for surface, etype in surfaces:
        k = 0
        for m in re.finditer(re.escape(surface), text):
            s, e = m.start(), m.end()
            if not _free(text, s, e) or any(s < te and ts < e for ts, te in taken):
                continue
            k += 1
            taken.append((s, e))
            if (surface, k) not in skipped:
                found.append({"start": s, "end": e, "text": surface, "type": types.get((surface, k), etype)})
        if k == 0:
            raise SystemExit(f"entity {surface!r} not found")
    for surface, _k in skip:
        if not any(f["text"] == surface for f in found):
            raise SystemExit(f"skip {surface!r} names no entity")
    return sorted(found, key=lambda f: f["start"])


def nth(text: str, needle: str, n: int) -> int:
    pos = -1
    for _ in range(n):
        pos = text.find(needle, pos + 1)
        if pos < 0:
            raise SystemExit(f"{needle!r} occurrence {n} not found")
    return pos


def build(doc: str, spec: dict) -> dict:
    text = load_text(doc)
    quotes = []
    for qtext, kind, speaker, n in spec["quotes"]:
        s = nth(text, qtext, n)
        quotes.append({"start": s, "end": s + len(qtext), "text": qtext, "kind": kind, "speaker": speaker})
    times = []
    for ttext, kind, value, n in spec["times"]:
        s = nth(text, ttext, n)
        times.append({"start": s, "end": s + len(ttext), "text": ttext, "kind": kind, "value": value})
    for h in spec["entries"]:
        nth(text, h, 1)
    out = {
        "doc": doc,
        "sha256": hashlib.sha256(text.encode("utf-8")).hexdigest(),
        "entities": entity_spans(text, spec["ents"], spec.get("skip", []), spec.get("retype", [])),
        "quotes": sorted(quotes, key=lambda q: (q["start"], -q["end"])),
        "entries": [{"headline": h} for h in spec["entries"]],
        "times": sorted(times, key=lambda t: t["start"]),
    }
    for layer in ("entities", "quotes", "times"):
        for item in out[layer]:
            assert text[item["start"]:item["end"]] == item["text"], (doc, item)
    return out


def show(doc: str) -> None:
    text = load_text(doc)
    g = build(doc, SPEC[doc])
    marks: list[tuple[int, int, str]] = []
    for e in g["entities"]:
        marks += [(e["start"], 1, "["), (e["end"], 0, f"]{e['type']}")]
    for t in g["times"]:
        marks += [(t["start"], 1, "{"), (t["end"], 0, f"}}{t['value']}")]
    for q in g["quotes"]:
        marks += [(q["start"], 2, "<<"), (q["end"], -1, f">>{q['kind'][0]}:{q['speaker']}")]
    out = text
    for pos, _, mark in sorted(marks, key=lambda m: (m[0], m[1]), reverse=True):
        out = out[:pos] + mark + out[pos:]
    print(out)


def main() -> None:
    if len(sys.argv) == 3 and sys.argv[1] == "--show":
        show(sys.argv[2])
        return
    rows = [build(doc, spec) for doc, spec in SPEC.items()]
    with OUT.open("w", encoding="utf-8") as f:
        for row in rows:
            f.write(json.dumps(row, ensure_ascii=False) + "\n")
    for row in rows:
        print(row["doc"], {k: len(row[k]) for k in ("entities", "quotes", "entries", "times")})


if __name__ == "__main__":
    main()
