"""Hand-made annotations of the news gold's ``heldout2`` split (``part_g.jsonl``), read by ``make_part.py g``.

Written by reading each text (documents 291-338 of ``select_docs.py``), by
helpers who never saw storylink's analyzer output on these texts nor its code,
following ``README.md``, ``part_c_spec.py`` and ``part_e_spec.py``; each block
below is one helper's (six documents each), in the selection's order. Fields as
in ``part_c_spec.py``.
"""

from __future__ import annotations

from gold_spec import D, I, Q  # noqa: F401 - make_part.py puts this folder on sys.path

SPEC: list[tuple[str, dict]] = []

SPEC.append(("semeval-train:1527134921_1590959574:2", dict(
    ents={"LOC": ["Norwegen", "Oslo", "Lillestrøm"],
          "PER": ["Anne-Elisabeth Hagen", "Tom Hagen", "Hagens", "Ida Melbo Øystese", "Bjørn Brodwall"],
          # "dp": the agency's name cut where the text ends ("RND/dp").
          "ORG": ["Dagbladet", "RND", "dp"]},
    quotes=[
        Q("Tom Hagen werde vorgeworfen, seine Frau getötet oder anderweitig an der Tat beteiligt gewesen zu sein", I,
          "die zuständige Polizei", "gab bekannt"),
        Q("Der Verdächtige selbst habe noch nicht zu den Vorwürfen Stellung bezogen", I,
          "Polizeichefin Ida Melbo Øystese", "sagte"),
        Q("Das ist völlig unwirklich.", D, "Ein Freund von Tom Hagen", "sagte", named=False),
        Q("Das ist eine Tragödie, was auch immer dabei herauskommt.", D, "Hagens Geschäftspartner Bjørn Brodwall",
          "erklärte"),
    ])))

# 292
SPEC.append(("semeval-train:1609970516_1487013902:1", dict(
    ents={"LOC": ["Bottwartal", "Kleinbottwar"], "ORG": ["Schule an der Bottwar"], "PER": ["Manuela Schätzler"]},
    quotes=[
        Q("Die lief ebenso wie der Unterricht selbst „reibungslos“ ab", I, "Rektorin Manuela Schätzler", "so"),
        Q("reibungslos", D, "Rektorin Manuela Schätzler"),
        Q("Die Eltern haben hier tolle Vorarbeit geleistet.", D, "Rektorin Manuela Schätzler", ":"),
        Q("Die Schüler hätten sich sehr gefreut, wieder zum Unterricht kommen zu dürfen, seien aber auch durchweg "
          "diszipliniert gewesen", I, "Rektorin Manuela Schätzler"),
        Q("Damit die halbierten Klassen genug Platz haben, seien die Räume teilweise umgestaltet worden", I,
          "Rektorin Manuela Schätzler"),
        Q("Nach Schulschluss habe sie einige Kinder nach ihrem Tag gefragt", I, "Rektorin Manuela Schätzler"),
        # The rector, who asked the children, quotes what a girl said.
        Q("Ein Mädchen meinte, es sei schon cool gewesen, aber so wie früher mag sie es mehr.", D, "sie", ":",
          ref="Manuela Schätzler", spk_occ=1),
        # Reported inside the rector's direct quote; the indicative second half continues the girl's words.
        Q("es sei schon cool gewesen, aber so wie früher mag sie es mehr", I, "Ein Mädchen", "meinte"),
    ])))

# 293: a cookie banner under the headline; "OK" is a button's label.
SPEC.append(("semeval-train:1539194720_1513662244:1", dict(
    # A venue, as "Central Kino" in part_f.
    ents={"LOC": ["Café Heimat", "Morbach"]},
    quotes=[],
    )))

# 294: a cookie banner under the headline.
SPEC.append(("semeval-train:1539194720_1513662244:2", dict(
    ents={},
    quotes=[],
    )))

# 295
SPEC.append(("semeval-train:1527793767_1527758218:1", dict(
    ents={"LOC": ["Hanau", "Schweiz", "Zürich", "Basel", "Deutschland"],
          # "GB": the group's name cut where two texts are glued ("IDGB" in the other side's text).
          "ORG": ["GB", "Bewegung für den Sozialismus", "Ajour-Magazin", "Barricade.info"]},
    quotes=[
        # "gemäss den neusten Erkenntnissen" read as "nach Angaben"; the text names no source.
        Q("Beim Täter handelt es sich gemäss den neusten Erkenntnissen um einen Rechtsextremen", I, None, "gemäss"),
    ])))

# 296
SPEC.append(("semeval-train:1527793767_1527758218:2", dict(
    ents={"LOC": ["Zürich", "Hanau", "Deutschland", "Schweiz", "Europa", "stauffacher", "Barfüsserplatz"],
          "ORG": ["New York Times", "Al Jazeera", "Basel Nazifrei", "IDGB"]},
    quotes=[
        Q("Hanau kam nicht aus nichts", D, "ein junger Aktivist", "rief"),
    ])))

SPEC.append(("semeval-train:1520779227_1493363811:1", dict(
    ents={"ORG": ["S-Bahn Berlin", "S-Bahn", "Bahn"],
          "LOC": ["Berlin", "Brandenburg", "Wannsee", "Griebnitzsee", "Potsdam", "Lichtenberg"]},
    # "ein Drehgestell einer S-Bahn": a train, not the operator.
    skip=[("S-Bahn", 2)],
    quotes=[
        Q("Die Linie S7 wurde zwischen den Bahnhöfen Wannsee und Griebnitzsee unterbrochen", I, "die Bahn",
          "mitteilte"),
        # A recommendation reported as an infinitive clause.
        Q("auf die Regionalbahnen auszuweichen", I, "Die Bahn", "empfahl"),
        Q("ein Drehgestell einer S-Bahn sei am frühen Morgen bei einer langsamen Rangierfahrt ohne Fahrgäste kurz "
          "vor Wannsee aus den Gleisen gesprungen", I, "Ein Sprecher der Bahn", "sagte", named=False),
        Q("„Wegen einer ärztlichen Versorgung eines Fahrgastes“ in Lichtenberg sei stadteinwärts auf der S5, S7 und "
          "S75 mit Verspätungen und vereinzelten Zugausfällen zu rechnen", I, "sie", "meldete", ref="Bahn"),
        Q("Wegen einer ärztlichen Versorgung eines Fahrgastes", D, "sie", ref="Bahn"),
    ])))

# 298
SPEC.append(("semeval-train:1520779227_1493363811:2", dict(
    ents={"ORG": ["Berliner S-Bahn", "S-Bahn"],
          "LOC": ["Berlin", "Yorckstraße", "Hoppegarten", "Warschauer Straße", "Anhalter Bahnhof", "Teltow Stadt",
                  "Südkreuz", "Nordbahnhof", "Waidmannslust"]},
    quotes=[
        Q("Wegen der Störung am Hauptbahnhof kam es auf den Linien S3, S5, S7 und S9 zu Verspätungen und vereinzelten "
          "Ausfällen", I, "die S-Bahn", "twitterte"),
        Q("Demnach konnte der 10-Minuten-Takt auf der Linie S5 nur zwischen Hoppegarten und Warschauer Straße "
          "angeboten werden", I, "die S-Bahn", "Demnach"),
    ])))

# 299
SPEC.append(("semeval-train:1621837710_1612933640:1", dict(
    ents={"LOC": ["Aserbaidschan", "Afghanistan", "Baku"],
          # "Azertakbei": the agency's name glued to "bei"; "Ministeratmetar": "Minister Atmar" garbled.
          "ORG": ["Azertakbei", "Bewegung der blockfreien Staaten"],
          "PER": ["Elmar Mammadyarov", "Mohammad Hanif Athardias", "Ministeratmetar"],
          "MISC": ["Resolute Unterstützung"]},
    quotes=[
        # Cut off mid-word ("Beziehun").
        Q("sein Land war an der Ausdehnung der bilateralen Beziehun", I, "Ministeratmetar", "erklärte"),
        Q("es gebe große Möglichkeiten, die gegenseitigen Handelsbeziehungen auszuweiten", I, "Ministeratmetar",
          "wies darauf hin"),
    ])))

# 300
SPEC.append(("semeval-train:1621837710_1612933640:2", dict(
    # "Azertacaserbaidjan" and "GegenstandeAzertac" (the agency glued to other words) left untagged.
    ents={"LOC": ["Aserbaidschan", "Baku", "Südkaukasie"], "ORG": ["AZERTAC"]},
    quotes=[
        # Garbled "Laut den Informationen des statistischen Ausschusses ... leben ..."; attribution at its start.
        Q("Beleuchtet die Informationen des statistischen Ausschusses GegenstandeAzertac live 52,8 Prozent der "
          "Bevölkerung in den Städten und 47,2 Prozent auf den Dörfern", I, "des statistischen Ausschusses",
          "Informationen"),
        # "sagte, es sei in der Nachricht" stands for "hieß es in der Nachricht".
        Q("Die Männer bilden 49,9 Prozent und Frauen machen 50,1 Prozent der Gesamtzahl der Bewohner aus", I,
          "der Nachricht", "sagte"),
        # Garbled attribution ("es gegenüber AZERTAC"); no speaker left.
        Q("leben 52,8 Prozent der Bevölkerung in den Städten und 47,2 Prozent auf den Dörfern", I, None, "gegenüber"),
        Q("Die Männer bilden 49,9 Prozent und die Frauen machen 50,1 Prozent der Gesamtzahl der Einwohner aus", I,
          "der Meldung", "hieß es"),
    ])))

# 301
SPEC.append(("semeval-train:1570552579_1511370631:1", dict(
    ents={"MISC": ["Drinnen & draußen"]},
    quotes=[],
    )))

# 302
SPEC.append(("semeval-train:1623884247_1567578428:1", dict(
    ents={"ORG": ["POL-MK", "Kreispolizeibehörde Märkischer Kreis", "ots", "news aktuel"],
          "LOC": ["Kohlberg", "Altena", "Neuenrade", "Altena-Dahle", "Märkischen Kreis", "Balve"]},
    quotes=[
        Q("Arschlöcher", D, "einem Radfahrer aus Balve", "bezeichnet", named=False),
    ])))

SPEC.append(("semeval-train:1623884247_1567578428:2", dict(
    ents={"ORG": ["POL-MK", "Kreispolizeibehörde Märkischer Kreis", "ots", "news aktuell"],
          "LOC": ["Balve"]},
    quotes=[
        # A demand the fraudster made on the phone ("forderte ... auf, ... zu"), as "fordert auf" in part_e.
        Q("zehn bestimmte Karten zu aktivieren", I, "Er", "forderte auf", ref="Ein Bezahlkarten-Betrüger",
          named=False),
    ])))

# 304
SPEC.append(("semeval-train:1483989149_1483880574:1", dict(
    ents={"LOC": ["Atomkraftwerk Philippsburg", "KKP2", "Baden", "Philippsburg 2", "Landkreis Karlsruhe", "KKP 2",
                  "KKP 1", "Deutschland", "Ukraine", "Japan"],
          "ORG": ["Atommüllreport"]},
    quotes=[],
    )))

# 305
SPEC.append(("semeval-train:1483989149_1483880574:2", dict(
    # The newspaper's reader services ("Meine Schwäbische", "Schwäbische Update") taken as product names.
    ents={"LOC": ["Baden-Württemberg"], "MISC": ["Meine Schwäbische", "Schwäbische Update"]},
    quotes=[],
    )))

# 306
SPEC.append(("semeval-train:1483978586_1484006865:1", dict(
    ents={"ORG": ["POL-OL", "Polizeikommissariates Bad Zwischenahn", "Polizeiinspektion Oldenburg - Stadt / Ammerland",
                  "ots", "news aktuel"],
          "LOC": ["Oldenburg", "Edewecht-Friedrichsfehn", "Bad Zwischenahn-Rostrup"]},
    quotes=[
        # The press release's headline, introduced "Pressemitteilung des X: ..." (a colon-introduced claim).
        Q("Vielzahl an Einsätzen und starke Sichtbehinderung sorgen für ein erhöhtes Arbeitsaufkommen in der "
          "Silvesternacht", I, "des Polizeikommissariates Bad Zwischenahn", ":"),
        Q("Vielzahl an Einsätzen und starke Sichtbehinderung sorgen für ein erhöhtes Arbeitsaufkommen in der "
          "Silvesternacht", I, "des Polizeikommissariates Bad Zwischenahn", ":", occ=2),
    ])))

# 307
SPEC.append(("semeval-train:1483978586_1484006865:2", dict(
    ents={"ORG": ["POL-OL", "Polizeiinspektion Oldenburg - Stadt / Ammerland", "ots", "Deutschen Post",
                  "news aktuel"],
          "LOC": ["Westerstede", "Apen", "Oldenburg", "Deutschland", "Azaleenstraße", "Ringstraße"],
          "MISC": ["Mercedes"]},
    quotes=[],
    )))

# 308
SPEC.append(("semeval-train:1506075588_1490169591:1", dict(
    ents={"LOC": ["Aarau 1", "Aargau", "Aargau West", "Lenzburg", "Suhr", "Baden 1", "Mellingen"],
          "ORG": ["Post", "Service Center Personal"],
          "MISC": ["Chrower Shop"]},
    # "eine richtige Post": a post office, not the company.
    skip=[("Post", 1)],
    quotes=[],
    )))

SPEC.append(("semeval-train:1506075588_1490169591:2", dict(
    # "das Postamt" stands for the Swiss Post (machine translation); left as a common noun.
    ents={"LOC": ["Bahnhofstraße", "Aarau", "Aargau", "Lenzburg", "Suhr", "Bremgarten", "Döttingen-Klingnau"]},
    quotes=[],
    )))

# 310
SPEC.append(("semeval-train:1608907756_1609624649:1", dict(
    ents={"PER": ["Höcke", "Andreas Kalbitz", "Jörg Meuthen", "Björn Höcke", "Meuthen", "Meuthens",
                  "Beatrix von Storch", "Hajo Funke"],
          "ORG": ["AfD", "Facebook", "RND", "dpa"]},
    quotes=[
        Q("Verrat", D, "Höcke", "spricht von"),
        Q("Zerstörung", D, "Höcke", "spricht von"),
        Q("Die Spaltung und Zerstörung unserer Partei werde ich nicht zulassen", D, "Björn Höcke", ":"),
        Q("Die Spaltung und Zerstörung unserer Partei werde ich nicht zulassen – und ich weiß, dass unsere Mitglieder "
          "und unsere Wähler das genauso sehen wie ich", D, "der Thüringer Landes- und Fraktionschef Björn Höcke",
          "sagte"),
        Q("politischen Akt", D, "Höcke", "bezeichnete"),
        # Two sentences glued where the text is cut ("beide “er Machtkampf”"); the attribution at its end covers
        # what is left, as in part_c_spec.py's Gantner document.
        Q("Er nannte in dem Video explizit Meuthen sowie die stellvertretende Parteivorsitzende Beatrix von Storch, "
          "die seiner Ansicht nach beide “er Machtkampf” zu beobachten", I, "der Berliner Politologe Hajo Funke",
          "sagte"),
        # The marks span the cut; what stands inside them after the cut belongs to Funke's sentence.
        Q("er Machtkampf", D, "der Berliner Politologe Hajo Funke", occ=2),
        Q("Die Partei befinde sich seit vier Jahren in einem Prozess der Radikalisierung", I,
          "der Berliner Politologe Hajo Funke"),
        Q("Meuthens Position sei mitnichten gefestigt", I, "der Berliner Politologe Hajo Funke"),
    ])))

# 311
SPEC.append(("semeval-train:1552687315_1539910870:1", dict(
    ents={"LOC": ["USA"], "PER": ["Christian Drosten"],
          # "Universität Washingto": cut where the text ends.
          "ORG": ["Universität von Washington", "Wired", "The Lancet", "MSN", "Axios", "Springer-Verlag",
                  "Universität Washingto"]},
    # "Studien zeigten bereits, dass ...": a finding of studies, no verb of saying; not annotated as a quote.
    quotes=[],
    )))

# 312
SPEC.append(("semeval-train:1552754172_1536013531:1", dict(
    ents={"LOC": ["Italien", "Lombardei", "Rom"], "PER": ["Gallera", "Attilio Fontana", "Fontana"],
          "ORG": ["Radio Capital", "APA"]},
    quotes=[
        Q("Die Zahl der Infizierten wächst weiter. Nicht nur ältere Patienten, sondern auch Menschen im Alter von 40 "
          "oder 50 Jahren werden eingeliefert, die beatmet werden müssen", D, "Gallera", "so"),
        Q("dass immer noch zu viele Menschen auf den Straßen unterwegs seien", I, "Er", "protestierte", ref="Gallera"),
        Q("Das ist unannehmbar. Die Leute müssen zu Hause bleiben", D, "der Politiker", "sagte", ref="Gallera",
          named=False),
        Q("Das ist ein kleines Wunder, wir bitten um neue Beatmungsgeräte, um weitere Plätze auf den Intensivstationen "
          "schaffen zu können", D, "der lombardische Präsident Attilio Fontana", "sagte"),
        Q("dass immer noch zu viele Personen unterwegs seien", I, "Fontana", "beschwerte sich"),
        # Cut before its closing mark ("weil sie gestiegen." glues two texts).
        Q("Ich sehe Menschen die spazieren gehen und andere, die sterben, weil sie gestiegen.", D, "Fontana"),
        Q("Die Zahl der Infizierten kletterte von 26.062 auf 28.719, was einem Zuwachs von 2.648 entspricht", I,
          "der italienische Zivilschutz in Rom", "teilte mit", named=False),
    ])))

# 313
SPEC.append(("semeval-train:1519627281_1535384933:1", dict(
    ents={"ORG": ["neues-deutschland.de", "Berliner Zeitung", "Berlin Kurier", "Berliner Kurier", "Dumont Media Group",
                  "Berliner Verlag", "DuMont-Redaktionsgemeinschaft", "Capital", "Funke-Mediengruppe", "epd", "nd"],
          "PER": ["Matthias Thieme", "Jochen Arntz", "Elmar Jehn", "Silke", "Holger Friedrich"],
          "LOC": ["Berlin"]},
    quotes=[
        Q("dass keine Änderungen geplant waren", I, "Holger Friedrich", "erklärt"),
        # Cut before its closing mark; it follows Friedrich's statement and no other speaker is given.
        Q("Dies sind coole Typen, sehr angebaute, balancierende Charaktere, wir wären nicht gut beraten, wenn wir si",
          D, "Holger Friedrich"),
    ])))

# 314
SPEC.append(("semeval-train:1519627281_1535384933:2", dict(
    ents={"ORG": ["Berliner Zeitung", "Berliner Kurier", "Berliner Kuriers", "SPIEGEL ONLINE", "SPIEGEL online",
                  "Berlin Verlag"],
          # "Thiem": the name cut where the text is cut.
          "PER": ["Matthias Thieme", "matthias Thieme", "Silke", "Holger Friedrich", "Jochen Arntz", "Elmar Jehn",
                  "Arntz", "Jehn", "Thiem"]},
    quotes=[
        Q("Chefredakteur von „Berliner Zeitung“ wirft hin", I, "Bericht", ":"),
        Q("hat Matthias Thieme, Chefredakteur der \"Berliner Zeitung\" und \"Berliner Kurier\", seinen Rücktritt am "
          "Sonntag eingereicht", I, "SPIEGEL ONLINE", "berichtete"),
        Q("Der Publishing House-Besitzer Silke und Holger Friedrich antwortete am Sonntag nicht auf Anfragen von "
          "SPIEGEL online an das Personal", I, "das Medium", "schreibt", ref="SPIEGEL ONLINE", named=False),
        Q("dass die ehemaligen Chefredakteure Jochen Arntz und Elmar Jehn das Unternehmen verlassen", I,
          "der Herausgeber", "hatte angekündigt"),
        # A verb-final reported clause whose attribution was lost where the text is cut ("Thiem  Arntz ...").
        Q("Arntz und Jehn Chefredakteure der Blätter bleiben sollen", I),
    ])))

SPEC.append(("semeval-train:1535249735_1541630909:1", dict(
    ents={"LOC": ["Essen"], "ORG": ["Feuerwehr Essen", "Deutsche Wetterdienst"]},
    quotes=[
        Q("Doch so schlimm wie an den Wochenenden zuvor war es nicht", I, "die Feuerwehr", "bilanziert"),
        # Colon after "zog die Feuerwehr Bilanz dann Bilanz".
        Q("Im Zeitraum von 12 bis 21 Uhr rückten die Einsatzkräfte insgesamt 27 Mal aus, um Sturmschäden zu "
          "beseitigen", I, "die Feuerwehr", "zog Bilanz"),
        Q("Im Gegensatz zu den vorangegangenen Wochenenden war der Gewittereinsatz vom Samstag eher unspektakulär", I,
          "der Wachleitung", "so"),
    ])))

# 316
SPEC.append(("semeval-train:1483973584_1483974303:1", dict(
    ents={"ORG": ["Mittelbayerische"], "LOC": ["Ostbayern"]},
    quotes=[],
    )))

# 317
SPEC.append(("semeval-train:1483973584_1483974303:2", dict(
    ents={"ORG": ["BR24", "Kriminalpolizei Ansbach"],
          "LOC": ["Ritter-von-Hellberg-Straße", "Windsbach", "Landkreis Ansbach"]},
    quotes=[
        Q("Die 40 Bewohner des Hauses konnten nach Angaben der Polizei das Gebäude noch selbst verlassen und blieben "
          "überwiegend unverletzt", I, "der Polizei", "nach Angaben"),
    ])))

# 318
SPEC.append(("semeval-train:1527056898_1572530231:1", dict(
    ents={"MISC": ["Marianne & Leonard", "Marianne & Leonard: Words of Love"],
          "LOC": ["Filmbühne Waidhofen", "USA", "Hydra"],
          "PER": ["Nick Broomfield", "Leonard Cohen", "Judy Collins", "Ron Cornelius", "Marianne Ihlen",
                  "Leonard Cohens"]},
    quotes=[],
    )))

# 319
SPEC.append(("semeval-train:1506027257_1614628318:1", dict(
    ents={"LOC": ["Ahrensburg", "Manhagener Allee"], "PER": ["Ezio Nori", "Nori", "ezi nori", "Andrew Winchester"],
          "ORG": ["Casa Rossa", "Abendblatts", "Rock 'n' Roll Orchestra"]},
    quotes=[
        Q("dass am Samstag, dem 1. Februar, ein Abschiedsabend mit Live-Musik, zu feiern ist", I, "er", "bestätigte",
          ref="Ezio Nori"),
        Q("Ich habe es seit 13 Jahren genossen, um Restaurants zu sein, um meine Gäste mit italienischer Küche und "
          "Live-Musik zu inspirieren", D, "Nori", "sagt"),
        # Probably a mistranslated relative clause ("Nori, der ... betreibt"), but it stands as "sagt Nori, dass ...".
        Q("dass die in der Burgstadt auch eine Eisdiele betreibt", I, "Nori", "sagt"),
        # Cut off before its closing mark ("ic"); no attribution, but it follows the sentence about Nori.
        Q("Aber nachdem ich letzten November mein Eis Conconderaster verloren habe, muss ich mich jetzt auf meine "
          "erste Säule konzentrieren. Das Restaurantunternehmen bindet zu viel Zeit, ic", D, "ezi nori",
          ref="Ezio Nori"),
    ])))

# 320
SPEC.append(("semeval-train:1645404517_1574264714:1", dict(
    ents={"ORG": ["HGJ", "HGV", "Hoteliers- und Gastwirtejugend", "Hoteliers- und Gastwirteverbandes"],
          "PER": ["Hannes Gamper", "Manfred Pinzger", "Pinzger", "Gamper"]},
    quotes=[
        Q("Laut einer von der Hoteliers- und Gastwirtejugend (HGJ) durchgeführten Erhebung haben zahlreiche Schüler "
          "der gastgewerblichen Schulen noch keinen Praktikumsplatz", D, "HGJ-Obmann Hannes Gamper", "sagt"),
        Q("Dass sich die Suche nach einem Praktikumsplatz in diesem Jahr nicht einfach gestaltet", I,
          "der Präsident des Hoteliers- und Gastwirteverbandes (HGV) Manfred Pinzger", "bestätigt"),
        Q("Viele Betriebe haben noch nicht geöffnet oder sind erst seit wenigen Tagen in Betrieb. Andere sind der "
          "Ansicht, dass es in diesem Jahr nicht möglich ist, Praktikanten aufzunehmen, weil die Anzahl der "
          "Praktikanten pro Betrieb normalerweise an den Mitarbeiterstand gekoppelt ist", D, "Pinzger", "erklärt",
          spk_occ=2),
        # An appeal ("ruft ... dazu auf"); "Er" follows "... Gamper.".
        Q("auch in diesem Jahr wie gewohnt Praktikanten aufzunehmen und so einen wichtigen Beitrag für die Ausbildung "
          "junger Menschen und die Nachwuchssicherung zu leisten", I, "Er", "ruft auf", ref="Hannes Gamper"),
    ])))

SPEC.append(("semeval-train:1645404517_1574264714:2", dict(
    ents={"ORG": ["HGV", "Federalberghi", "Senats"], "PER": ["Manfred Pinzger", "Pinzger", "Dieter Steger",
                                                              "Philipp Achammer"],
          "MISC": ["Cura Italia"]},
    quotes=[
        Q("Wegen den Folgen der Corona-Pandemie konnten die Hotels ihre Tätigkeit aber nicht beginnen und damit auch "
          "Tausende von saisonal beschäftigten Mitarbeitern ebenso nicht. Diese stehen im Moment ohne Einkommen und "
          "ohne soziale Unterstützungsmaßnahmen da", D, "HGV-Präsident Manfred Pinzger", "unterstreicht"),
        # The opening mark and the start of the quote were lost where the text is cut ("keinen|arbeiter").
        Q("arbeiter zählen können", D, "Präsident Pinzger", "betont"),
        Q("Deshalb wird sich der HGV weiterhin in enger Zusammenarbeit mit Senator Dieter Steger, Landesrat Philipp "
          "Achammer und der Federalberghi für eine rasche und praktikable Lösung einsetzen", I, "der HGV", "so",
          spk_occ=3),
    ])))

# 322
SPEC.append(("semeval-train:1484168042_1484195713:1", dict(
    ents={"LOC": ["Österreich", "Wien"], "PER": ["Sebastian Kurz", "Kurz", "Werner Kogler", "FLORIAN WIESER"],
          "ORG": ["Grünen", "Grüne", "ÖVP", "Keystone", "EPA", "sda", "dpa", "apa", "afp"]},
    quotes=[
        # "Das teilten die beiden Parteien ... mit" attributes the sentence before it.
        Q("ÖVP und Grüne haben sich in Österreich auf ein gemeinsames Regierungsprogramm geeinigt", I,
          "die beiden Parteien", "teilten mit"),
    ])))

# 323
SPEC.append(("semeval-train:1484168042_1484195713:2", dict(
    ents={"LOC": ["Österreich", "Deutschland", "Europa"], "PER": ["Sebastian Kurz"],
          "ORG": ["ÖVP", "Grünen", "FPÖ", "dpa"]},
    quotes=[],
    )))

# 324
SPEC.append(("semeval-train:1630885514_1567144603:1", dict(
    ents={"LOC": ["Leipzig", "Sachsen", "Sachsen-Anhalt", "Thüringen"],
          "ORG": ["Mitteldeutschen Rundfunks", "MDR", "dpa"]},
    quotes=[
        Q("84 Prozent der Menschen in Sachsen, Sachsen-Anhalt und Thüringen würden sich laut einer Umfrage des "
          "Mitteldeutschen Rundfunks (MDR) bei einer Impfung gegen das Coronavirus impfen lassen", I,
          "einer Umfrage des Mitteldeutschen Rundfunks (MDR)", "laut"),
        Q("Demnach wünschen sich 43 Prozent eine möglichst frühzeitige Impfung", I, "der Sender", "hieß es",
          ref="Mitteldeutschen Rundfunks", named=False),
        # Continues the survey's reported results (Konjunktiv II), no attribution of its own.
        Q("41 Prozent würden noch warten und erst dann mit der Impfung beginnen, wenn Langzeitstudien vorliegen", I,
          "der Sender", ref="Mitteldeutschen Rundfunks", named=False),
        Q("sich auch bei einer Impfung nicht impfen lassen zu wollen", I, "Etwa jeder siebte Befragte", "gab an"),
        # Cut off after "wenn es eine".
        Q("84 Prozent der Menschen in Sachsen, Sachsen-Anhalt und Thüringen würden sich laut einer Umfrage des "
          "Mitteldeutschen Rundfunks (MDR) gegen das Coronavirus impfen lassen, wenn es eine", I,
          "einer Umfrage des Mitteldeutschen Rundfunks (MDR)", "laut"),
        Q("Das entspricht laut MDR in etwa der Verteilung der Einwohner in den drei Bundesländern", I, "MDR", "laut"),
    ])))

# 325
SPEC.append(("semeval-train:1573502198_1544781061:1", dict(
    ents={"PER": ["Lena Gercke", "Lena gerckke", "gerckcke"], "LOC": ["Berlin", "München"]},
    quotes=[],
    )))

# 326
SPEC.append(("semeval-train:1502886651_1503454136:1", dict(
    ents={"PER": ["Thilo Sarrazin", "Sarrazin", "Yasemin Shooman"],
          "ORG": ["SPD", "Bundesschiedsgericht der SPD", "Kammergericht Berlin", "Bundesgerichtshof",
                  "Bundesverfassungsgericht", "Tagesspiegel", "Alternative für Deutschland"]},
    quotes=[
        Q("dass er das Bundesschiedsgericht der SPD anrufen werde", I, "Sarrazin", "hat angekündigt"),
        Q("Sollte dort der Entscheid bestätigt werden, werde er alle ordentlichen Gerichte bemühen", I, "Sarrazin",
          spk_occ=2),
        # Caption-style attribution after the quote, no verb.
        Q("Sarrazin will offenbar davon ablenken, dass er Muslime als eine geistig unterentwickelte, minderwertige "
          "und gefährliche Gruppe porträtiert.", D, "Historikerin Yasemin Shooman"),
        # "nennen ihn": what the comrades call him.
        Q("Ein-Mann-Pegida der SPD", D, "Entsetzte Genossen", "nennen"),
    ])))

SPEC.append(("semeval-train:1484207504_1484045655:1", dict(
    ents={"LOC": ["Eimeldingen", "Haus der Begegnung"]},
    quotes=[],
    )))

# 328
SPEC.append(("semeval-train:1484207504_1484045655:2", dict(
    ents={"LOC": ["Kreis Gifhorn", "Gifhorn", "Stadthalle Gifhorn", "Gifhorner Stadthalle"]},
    quotes=[],
    )))

# 329
SPEC.append(("semeval-train:1560497649_1596229202:1", dict(
    ents={"LOC": ["Detmold", "Lippe", "Osnabrücker Straße"],
          "ORG": ["ots", "Polizei Lippe", "OTS", "news aktuell", "www.polizei.nrw.de/lippe"],
          "PER": ["Lars Ridderbusch"], "MISC": ["Bosch Serie 8"]},
    # "Lippe" inside the e-mail address "Pressestelle.Lippe@polizei.nrw.de".
    skip=[("Lippe", 2)],
    quotes=[],
    )))

# 330
SPEC.append(("semeval-train:1560497649_1596229202:2", dict(
    ents={"LOC": ["Oerlinghausen-Helpup", "Lippe", "Bahnhofstraße", "Detmold"],
          "ORG": ["ots", "Polizei Lippe", "OTS", "news aktuell", "www.polizei.nrw.de/lippe"],
          "PER": ["Lars Ridderbusch"]},
    # "Lippe" inside the e-mail address "Pressestelle.Lippe@polizei.nrw.de".
    skip=[("Lippe", 2)],
    quotes=[],
    )))

# 331
SPEC.append(("semeval-train:1536410014_1540797777:1", dict(
    ents={"LOC": ["Deutschland", "China"], "ORG": ["Robert Koch Institut", "RKI", "DAK"],
          # "Foto: DAK Wigge": the photo credit, insurer and photographer.
          "PER": ["Wigge"]},
    quotes=[
        # A figure the institute reports ("meldet" + object), as "spricht von" in part_e_spec.py.
        Q("über 20.000 Fälle", I, "Das Robert Koch Institut", "meldet"),
        Q("Grippewelle.", D, "das Robert Koch Institut", "spricht von"),
        Q("Trotz eines milden Winters kam es in Deutschland bereits zu 20.702 Grippefällen und 42 Grippetoten", I,
          "RKI Influenza Wochenbericht 4. KW", "laut"),
    ])))

# 332
SPEC.append(("semeval-train:1594299197_1577413160:1", dict(
    ents={"LOC": ["New York", "NEW YORK", "USA", "China"],
          "ORG": ["dpa-AFX", "Amazon", "Chevron", "ExxonMobil"],
          "MISC": ["Dow", "Dow Jones 30 Industrial", "S&P 500", "NASDAQ 100"]},
    quotes=[],
    )))

SPEC.append(("semeval-train:1594299197_1577413160:2", dict(
    ents={"LOC": ["New York", "NEW YORK"], "ORG": ["dpa-AFX", "Tesla", "Netflix", "Amazon"],
          "MISC": ["Dow", "Dow Jones Industrial", "Dow Jones 30 Industrial", "NASDAQ 100"]},
    quotes=[
        # "Ein Bör Zähler." after it is a garbled, cut "ein Börsianer"; the attribution is "hieß es am Markt".
        Q("Nach dem Anstieg um mehr als 12 Prozent in der Vorwoche kämen Gewinnmitnahmen nicht überraschend", I,
          None, "hieß es"),
    ])))

# 334
SPEC.append(("semeval-train:1536381929_1536861003:1", dict(
    ents={"LOC": ["Ruhrgebiet", "Pott", "NRW", "Kreis Unna", "Bayern", "Nordrhein-Westfalen", "Deutschland"],
          "ORG": ["RUHR24.de", "Ippen-Digital-Redaktionsnetzwerk"], "PER": ["Pappert"]},
    quotes=[
        # Headline quote of the doctor, named Pappert further on (the text is cut in between).
        Q("Keiner ist in der Lage...", D, "Arzt", ref="Pappert", named=False),
        Q("dass die Praxen nicht ausreichend ausgestattet sind", I, "Ein Arzt aus dem Kreis Unna", "warnt",
          ref="Pappert", named=False),
        # Konjunktiv II "würde" continuing the doctor's warning.
        Q("Vor allem an Desinfektionsmittel und Schutzmasken würde es dringend fehlen", I,
          "Ein Arzt aus dem Kreis Unna", ref="Pappert", named=False),
        Q("Mittlerweile gibt es fünf bestätigte Fälle - zehn sind es aktuell in ganz Deutschland (Stand: 27. Februar "
          "2020)", I, "RUHR24.de", "berichtet"),
        Q("Deutschland ist nicht gut auf das Coronavirus vorbereitet", I, "Arzt aus dem Ruhrgebiet", "meint",
          ref="Pappert", named=False),
        Q("Große Massenveranstaltungen würde ich im Moment vielleicht auch meiden", D, "Pappert", "so"),
        Q("Angst und Panik seien derzeit jedochfehl am Platz", I, "Pappert"),
    ])))

# 335
SPEC.append(("semeval-train:1536381929_1536861003:2", dict(
    ents={"ORG": ["dpa", "Robert Koch-Institut", "owl24.de", "Owl24.de", "Ippen-Digital-Redaktionsnetzwerks"],
          "LOC": ["NRW", "Gütersloh", "Deutschland", "Kreis Gütersloh"]},
    quotes=[
        Q("Der Kreis Gütersloh hat nun eine Corona-Hotline eingerichtet", I, "owl24.de", "berichtet"),
    ])))

# 336
SPEC.append(("semeval-train:1600742183_1546623561:1", dict(
    # "das österreichische Gesundheitsministerium" (generic ministry noun) and the garbled "Corona Statistics
    # Austria's Economics" are left untagged; "VKI" is glued to a phone number ("1450VKI").
    ents={"LOC": ["Österreich"]},
    quotes=[
        Q("Üblicherweise dauert die Quarantäne laut Gesundheitsministerium so lange an, bis im Abstand von 24 Stunden "
          "zwei negative Befunde vorliegen", I, "Gesundheitsministerium", "laut"),
    ])))

# 337
SPEC.append(("semeval-train:1508720643_1529505525:1", dict(
    ents={"ORG": ["POL-DEL", "Polizeiinspektor Delmenhorst / Oldenburg - Land / Weservarspol-del", "OTS",
                  "Polizeiinspektion Delmenhorst / Oldenburg - Land / Wesermarsch", "news aktuell"],
          # "Dimenhorst" is the garbled dateline Delmenhorst, "Salbei" the translated village name Sage.
          "LOC": ["Landkreis Oldenburg", "Sage", "Dimenhorst", "Salbei"],
          "MISC": ["BMW"]},
    quotes=[],
    )))

# 338
SPEC.append(("semeval-train:1508720643_1529505525:2", dict(
    ents={"ORG": ["POL-DEL", "Polizei Inspectorate Delmenhorst / Oldenburg - Land / Weservarspol-del", "OTS",
                  "Polizei Delmenhorst", "Polizeiinspektion Delmenhorst / Oldenburg - Land / Wesermarsch",
                  "news aktuell"],
          # "Tennenhorst" is the garbled dateline Delmenhorst.
          "LOC": ["Stadt Delmenhorst", "City Delmenhorst", "Tennenhorst", "Lethestraße"]},
    quotes=[],
    )))
