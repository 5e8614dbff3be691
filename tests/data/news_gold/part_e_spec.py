"""Hand-made annotations of the news gold's ``dev4`` split (``part_e.jsonl``), read by ``make_part.py e``.

Written by reading each text (documents 131-170 of ``select_docs.py``), by
helpers who never saw storylink's analyzer output on these texts nor its code,
following ``README.md`` and ``part_c_spec.py``; each block below is one
helper's, in the selection's order. Fields as in ``part_c_spec.py``.
"""

from __future__ import annotations

from gold_spec import D, I, Q  # noqa: F401 - make_part.py puts this folder on sys.path

SPEC: list[tuple[str, dict]] = []

SPEC.append(("semeval-train:1549375494_1580231228:1", dict(
    ents={"PER": ["Lena Meyer-Landrut", "Tom Hanks", "Johannes B. Kerner", "Heidi Klum", "Tom Kaulitz",
                  "Robbie Williams", "Collien Ulmen-Fernandes", "Lena Meyerin"],
          "LOC": ["Hannover"],
          "ORG": ["tz.de", "Merkur.de", "Ippen-Digital-Redaktionsnetzwerk"]},
    quotes=[],
    )))

SPEC.append(("semeval-train:1577063329_1517971076:1", dict(
    ents={"LOC": ["Türkei"], "PER": ["Erdogan"]},
    quotes=[],
    )))

SPEC.append(("semeval-train:1583644054_1630945153:1", dict(
    ents={"ORG": ["Tesla", "dpa-AFX", "VW", "BMW", "Daimler"],
          "LOC": ["New York", "Fremont", "Deutschland"]},
    quotes=[],
    )))

SPEC.append(("semeval-train:1583644054_1630945153:2", dict(
    ents={"ORG": ["Tesla", "dpa-AFX", "BMW", "Daimler", "Volkswagen", "VW"],
          "LOC": ["New York", "USA"]},
    quotes=[],
    )))

SPEC.append(("semeval-train:1511765548_1530714026:1", dict(
    ents={"LOC": ["Teheran", "Iran", "USA", "Deutschland", "Frankreich", "Großbritannien"],
          "ORG": ["EU", "europäische ausländische ausländische Dienst"],
          "PER": ["Josep Borrell", "Borrell", "Borrells", "Hassan Ruhani", "Mohammed Dschawad Sarif",
                  "ABBAs Mussawi", "Mussawi", "SARIF"]},
    quotes=[
        Q("Borrell wird sich am Montag und Dienstag unter anderem Präsident Hassan Ruhani und Außenminister "
          "Mohammed Dschawad Sarif treffen", I, "der europäische ausländische ausländische Dienst", "sagte"),
        # Indicative in the (machine-translated) text, but it continues the service's statement.
        Q("Der externe Offizier wird den starken Willen der EU bekräftigen, das Iranatomabkommen zu erhalten", I,
          "der europäische ausländische ausländische Dienst"),
        Q("Borrell wird zum ersten Mal am Montag zum Iran reisen und auch andere politische Führer des Landes neben "
          "dem Außenminister SARIF treffen", D, "Mussawi", "sagte"),
    ])))

SPEC.append(("semeval-train:1548881691_1584343068:1", dict(
    ents={"LOC": ["MOSKAU", "Kasachstan", "Zentralasien", "China", "Usbekistan", "Taschkent", "Russland",
                  "Moskau", "Georgien"],
          "ORG": ["dpa-AFX"],
          "PER": ["Kassym-Schomart Tokajew"]},
    quotes=[
        Q("Die Einreise in das Land an der Grenze zu China werde extrem eingeschränkt", I,
          "einem Dekret des Präsidenten Kassym-Schomart Tokajew", "hervorgeht"),
        Q("Auch im Nachbarland Usbekistan mit bislang einem bestätigen Fall seien neben anderen Maßnahmen auch "
          "Schulen, Kindergärten und Universitäten geschlossen", I, "die Regierung in Taschkent", "ordnete an"),
        Q("In Russland stieg die Zahl der Infektionen nach offiziellen Angaben auf 63 an - die meisten davon in "
          "Moskau", I, None, "nach offiziellen Angaben"),
    ])))

SPEC.append(("semeval-train:1548881691_1584343068:2", dict(
    ents={"LOC": ["Moskau", "MOSKAU", "Nursultan"], "ORG": ["dpa-AFX"], "PER": ["Sergei Perechodow"]},
    quotes=[
        Q("Die ersten 20 Patienten seien bereits eingeliefert worden", I, "die Stadtverwaltung", "teilte mit"),
        Q("Bis zu 800 Menschen können demnach in der Klinik am Stadtrand von Moskau behandelt werden", I,
          "die Stadtverwaltung", "demnach"),
        Q("Notfalls könnten auch 900 Betten bereitgestellt werden", I, "die Stadtverwaltung"),
        Q("Bis heute haben mehr als 500 Mitarbeiter ihre Arbeit aufgenommen, und wir stellen weiter Spezialisten "
          "ein", D, "Sergei Perechodow", "sagte"),
        Q("Für Mitarbeiter wurden auf dem riesigen Gelände auch Unterkünfte gebaut, sodass sie auch vor Ort "
          "übernachten könnten", I, None, "hieß es"),
        # Glued to the start of another article where the text is cut.
        Q("Die Klinik solle auch nach Abklingen der Corona-Pandemie Menschen mit Infektionskrankheiten in den "
          "nächsten Jahren behandeln", I),
        Q("Die Klinik in der Hauptstadt Nursultan hat lokalen Medienberichten zufolge 200 Betten", I,
          "lokalen Medienberichten", "zufolge"),
        Q("In dem Land gibt es laut offizieller Statistik 1949 Corona-Fälle", I, "offizieller Statistik", "laut"),
    ])))

SPEC.append(("semeval-train:1599696355_1597175512:1", dict(
    ents={"ORG": ["BR24", "Universität Bonn", "SWR", "Universität Basel"],
          "LOC": ["Gangelt", "Kreis Heinsberg", "Nordrhein-Westfalen", "Deutschland"],
          "PER": ["Hendrik Streeck", "Richard Neher"]},
    quotes=[
        Q("Aus den Ergebnissen könne man die Sterblichkeitsrate des Coronavirus erstmals \"ziemlich genau "
          "beziffern\"", I, "Hendrik Streeck", "erklärte"),
        Q("ziemlich genau beziffern", D, "Hendrik Streeck"),
        Q("dass sie anhand dieser berechneten Sterblichkeitsrate auch eine konkretere Dunkelziffer der tatsächlich "
          "Infizierten schätzen könnten", I, "Die Forscher", "hatten betont"),
        Q("Demnach wären in Deutschland sehr wahrscheinlich bereits rund 1,8 Millionen Menschen infiziert", I,
          "Die Forscher", "Demnach"),
        Q("Diese anscheinend präzise Schätzung ist nach Recherchen des SWR aber nicht haltbar", I, "des SWR",
          "nach Recherchen"),
        # The opening mark and the speaker were lost where the text is cut ("Mehrere Wissenschaftler ich").
        Q("ich Ihnen sagen: Ja, vielleicht regnet es. Aber vielleicht ist es auch plausibel, dass die Sonne scheint.",
          D),
    ])))

SPEC.append(("semeval-train:1486804755_1555836886:1", dict(
    ents={"LOC": ["Mainz", "Rheinland-Pfalz", "Belgien", "China", "Ruanda", "Vereinigten Staaten"], "ORG": ["FDP"]},
    quotes=[
        Q("In den vergangenen fünf Jahren standen dafür laut Ministerium pro Jahr 156 000 Euro zur Verfügung", I,
          "Ministerium", "laut"),
        Q("Die Mittel seien fast komplett abgerufen worden - im Schnitt zu 90 Prozent", I, "Ministerium"),
        Q("Austauschprogramme gebe es beispielsweise zwischen Rheinland-Pfalz und Belgien, China, Ruanda und den "
          "Vereinigten Staaten", I, "Ministerium"),
    ])))

# 140
SPEC.append(("semeval-train:1564192154_1567142175:1", dict(
    ents={"ORG": ["SVP", "Höfner Volksblatt und Märzanzeiger"]},
    quotes=[
        Q("ihre Strategie von Mitte April zu kämpfen, um Coronavirus zu bekämpfen", I, "Die SVP", "fordert auf"),
        Q("Andernfalls wären die wirtschaftlichen Schäden schwierig zu reparieren", I, "Die SVP"),
        # "die von der SVP ... bestätigten" stands for "bestätigt die SVP ...".
        Q("Die Maßnahmen der Bundesregierung bis zum 19. April 2020 schützten die gefährdeten Bevölkerungsgruppen", I,
          "der SVP", "bestätigten"),
        Q("Ansonsten drohten ansonsten Massenarbeits- und Firmenwaagen", I, "der SVP"),
        Q("dass besonders gefährdete Populationen so weit wie möglich isolieren sollten, bis der Virus kürzer ist", I,
          "Der SVP", "legt nahe"),
        Q("Der verbessert  der Krisenvorsorge» sofort beheben", I, "die Fraktion", "schreibt"),
        # Its opening mark was lost (double space).
        Q("der Krisenvorsorge", D, "die Fraktion"),
        Q("Dies gelte vor allem für die Beschaffung von Schutzmasken und -kleidung, von Tests sowie von "
          "Beatmungsgeräten", I, "die Fraktion"),
        Q("This Forderung sei höchste Priorität einzuräumen", I, "die Fraktion"),
    ])))

# 141
SPEC.append(("semeval-train:1564192154_1567142175:2", dict(
    ents={"LOC": ["Schweiz"], "PER": ["Richard Neher", "Richard Neiner"], "ORG": ["Universität vonBasel"]},
    quotes=[
        Q("Die Maßnahmen reichen nicht.", D, "Ein Professor", ref="Richard Neher", named=False),
        Q("Die Maßnahmen reichen nicht aus.", D, "Ein Professor", ref="Richard Neher", named=False),
    ])))

# 142
SPEC.append(("semeval-train:1643495396_1522226193:1", dict(
    ents={"LOC": ["Syrien", "arabischen Republik Syrien", "Russischen Föderation", "türkischen Republik",
                  "Islamischen Republik Iran", "Idlib", "Aleppo", "Hama"],
          "ORG": ["Zentrums für die Versöhnung der Streitbeilegen und die Kontrolle der Flüchtlingsbewegung in der "
                  "arabischen Republik Syrien"]},
    quotes=[],
    )))

# 143
SPEC.append(("semeval-train:1523753631_1500180716:1", dict(
    ents={"LOC": ["Innviertel", "Weilbacher Kaiserlinde"], "PER": ["Rita Atzwanger", "Markus Grasl"],
          "ORG": ["Mitten im Innviertel", "Kunstmuseum Daringer", "Stifts Reichersberg"]},
    quotes=[
        Q("Naturdenkmäler, Museen, Kapellen, Gärten, ein Schloss, ein Kloster und andere Schauplätze bieten "
          "willkommene Auszeiten für alle, die über den Tellerrand des Alltags hinausschauen möchten", I,
          "die Initiatoren", "so"),
        Q("Oft wisse man gar nicht, welche besonderen Plätze es zwei Dörfer weiter gibt", I, "Rita Atzwanger", "so"),
    ])))

# 144
SPEC.append(("semeval-train:1523753631_1500180716:2", dict(
    ents={"PER": ["Walkner", "Eva"], "ORG": ["Motohall", "www.ktm-motohall.com", "KTM-Motohall-Shop"],
          "LOC": ["RC16-Arena", "Innviertel"], "MISC": ["Roadbook"]},
    quotes=[],
    )))

# 145
SPEC.append(("semeval-train:1557298024_1561233537:1", dict(
    ents={"ORG": ["kantonale Polizei Zürich", "Kantonspolizei Zürich"]},
    quotes=[
        # "die als kantonale Polizei Zürich ... angekündigt hat" stands for "wie die Kantonspolizei Zürich ... mitteilte".
        Q("Der Besitzer eines terrassenfreien Hauses hatte das Feuer in der Hütte auf seiner Terrasse bemerkt, und "
          "die Feuerwehr", I, "kantonale Polizei Zürich", "angekündigt hat"),
        Q("Der Besitzer eines Reiheneinfamilienhauses hatte das Feuer in dem Häuschen auf seiner Terrasse bemerkt und "
          "die Feuerwehr alarmiert", I, "die Kantonspolizei Zürich", "mitteilte"),
    ])))

# 146
SPEC.append(("semeval-train:1489676847_1519392906:1", dict(
    ents={"ORG": ["AP"], "PER": ["Donald Trump", "Ali Chamenei", "Hassan Ruhani", "Soleimani"],
          "LOC": ["USA", "Iran", "Teheran"]},
    quotes=[],
    )))

SPEC.append(("semeval-train:1533517849_1518170547:1", dict(
    ents={"LOC": ["Rotenburg", "Landkreis Rotenburg", "Wümme", "Rodau", "Wiedau", "Nödenwiesen", "Deutschland"],
          "ORG": ["Amtes für Wasserwirtschaft"],
          "PER": ["Gert Engelhardt", "Engelhardt", "Ehlers"]},
    quotes=[
        Q("Das ist noch nicht außerordentlich viel", D, "Gert Engelhardt", "sagt"),
        Q("Wir brauchen das Wasser", D, "Engelhardt", "sagt"),
        # "fügt ... hinzu": the speaker was lost where the text is cut.
        Q("Das ist ein guter Wasserstand", D, None, "fügt"),
    ])))

SPEC.append(("semeval-train:1484151505_1485201154:1", dict(
    ents={"LOC": ["Österreich", "Wien", "Deutschland"],
          "ORG": ["ÖVP", "Grüne", "Grünen", "Deutschen Presse-Agentur", "FPÖ"],
          "PER": ["Sebastian Kurz", "Kurz"]},
    quotes=[
        # Confirmed, per the next sentence, by negotiating circles.
        Q("Die konservative ÖVP und die Grünen haben sich in Österreich auf einen Koalitionsvertrag geeinigt", I,
          "Verhandlerkreisen", "bestätigt"),
    ])))

SPEC.append(("semeval-train:1484151505_1485201154:2", dict(
    ents={"LOC": ["Wien", "Österreich"],
          "ORG": ["ÖVP", "Grünen", "Grüne", "APA", "SPÖ"],
          "PER": ["Sebastian Kurz", "Kurz", "Karl Nehammer", "Klaudia Tanner", "Alexander Schallenberg",
                  "Heinz-Christian Strache"]},
    quotes=[
        Q("ÖVP und Grüne bestätigten laut der Nachrichtenagentur APA weitere Personalentscheidungen", I,
          "der Nachrichtenagentur APA", "laut"),
        Q("Demnach gehen die Ministerien für Inneres und Verteidigung an die ÖVP-Politiker Karl Nehammer und "
          "Klaudia Tanner", I, "der Nachrichtenagentur APA", "Demnach"),
    ])))

SPEC.append(("semeval-train:1549863749_1496200564:1", dict(
    ents={"ORG": ["Polizei Stuttgart", "Polizeipräsidium Stuttgart", "OTS", "news aktuell"],
          "LOC": ["Tuttutgart-Mitte", "Jakobstraße", "Weberstraße"]},
    quotes=[
        # Headline of a press release: "X geben bekannt: ..."; repeated garbled and cut ("Drog").
        Q("Drogentote", I, "Staatsanwaltschaft und Polizei Stuttgart", "geben bekannt", spk_occ=1),
        Q("Drog", I, "Staatsanwaltschaft und Polizei Stuttgart", "angekündigt", occ=2, spk_occ=2),
    ])))

SPEC.append(("semeval-train:1544706772_1507607650:1", dict(
    ents={"LOC": ["Österreich", "Italien", "Innsbruck", "München", "Wien", "Stephansdom"],
          "ORG": ["DPA", "österreichischen Bundesbahnen", "ÖBB", "deutschen Presseagentur"],
          "PER": ["Stefan Eder"]},
    quotes=[
        Q("Wir folgen den Anweisungen der Behörden", D, "ein Sprecher für die österreichischen Bundesbahnen", "sagte",
          named=False),
        # Back-translated; the attribution follows in the next sentence ("Am Morgen sagte ... Stefan Eder").
        Q("Im Kampf gegen die Coronavirus-Prüfungen des Autoverkehrs an der Grenze nach Italien sollten am Mittwoch "
          "beginnen", I, "der Polizeisprecher Stefan Eder", "sagte"),
        # Continued reported speech, cut off mid-word ("entfern").
        Q("Bei Bedienelementen sind \"Strukturmaßnahmen\", unter anderem müssten Guardrails entfern", I,
          "der Polizeisprecher Stefan Eder"),
        Q("Strukturmaßnahmen", D, "der Polizeisprecher Stefan Eder"),
    ])))

SPEC.append(("semeval-train:1614716894_1510007629:1", dict(
    ents={"PER": ["Kurz", "Sebastian Short", "Sebastian Kurz", "Peter Kaiser", "Kaiser"],
          "ORG": ["APA", "ÖVP", "SPÖ", "OE24.tv"],
          "LOC": ["Kärntens", "Kärnten"]},
    quotes=[
        # "Er sagte das" attributes the sentence before it.
        Q("Bundeskanzler Sebastian Kurz (ÖVP) kann aufgrund der unterschiedlichen Corona-Entwicklungen in einzelnen "
          "österreichischen Territorien regionale Entspannung von Corona-Maßnahmen anwenden", I, "Er", "sagte",
          ref="Sebastian Kurz"),
        Q("Ich habe Anfang April vorgeschlagen, dass in den Bundesländern, wie Kärnten oder einzelnen Regionen, in "
          "denen es sehr wenige Menschen mit Corona infiziert sind, einige der sehr strengen Maßnahmen früher als in "
          "anderen Bundesländern gelöst werden sollten", D, "Kaiser", "erinnert"),
        # Garbled attribution ("Dieser Kanzler ist kur :").
        Q("Mit der Fixierung der fünf Pilotregionen setzen wir den Startschuss dafür, dass wir ab Juli bis zu 65.000 "
          "Testungen pro Woche durchführen können. Schutz und Sicherheit unserer Gäste und Mitarbeiter stehen an "
          "oberster Stelle.", D, "Dieser Kanzler", ":", ref="Sebastian Kurz", named=False),
    ])))

SPEC.append(("semeval-train:1591391440_1550767961:1", dict(
    ents={"LOC": ["Mallorca"]},
    quotes=[],
    )))

SPEC.append(("semeval-train:1597815651_1598551964:1", dict(
    ents={"PER": ["Jens Mattern", "Kaczynski"], "LOC": ["Polens", "Warschaus", "Polen"], "ORG": ["Facebook"]},
    quotes=[
        # Headline quote (twice) of the post office clerk, who says it again further on.
        Q("Wir wissen nichts, wir wissen nicht mal, ob die Wahlen stattfinden", D,
          "die Postangestellte mit schwarzer Textilmaske"),
        Q("Wir wissen nichts, wir wissen nicht mal, ob die Wahlen stattfinden", D,
          "die Postangestellte mit schwarzer Textilmaske", occ=2),
        Q("Nein, wir sind nicht auf die Wahlen vorbereitet", D, "die Postangestellte mit schwarzer Textilmaske",
          "meint"),
        Q("Wir wissen nichts, wir wissen nicht mal, ob die Wahlen stattfinden.", D,
          "die Postangestellte mit schwarzer Textilmaske"),
        Q("Der Präsident trete zurück", I, "eine Kollegin am Schalter nebenan", "so"),
        Q("das habe sie auf Facebook gelesen", I, "eine Kollegin am Schalter nebenan"),
        Q("Nein, wir wissen nichts", D, "die Postangestellte", "wiederholt"),
    ])))

SPEC.append(("semeval-train:1483964902_1483980843:1", dict(
    ents={"LOC": ["Essen", "Hauptbahnhof Essen"], "ORG": ["Essener Feuerwehr", "Bundespolizei"],
          "PER": ["Susanne Klatt", "Christoph Wickhorst"]},
    quotes=[
        Q("Die Übergriffe auf unsere Einsatzkräfte sind wieder angestiegen", D, "Oberbrandrätin Susanne Klatt",
          "fasst zusammen"),
        Q("einer eher ruhigen Silvesternacht, in der es lediglich eine größere Auseinandersetzung in der Innenstadt "
          "gab", I, "Die Polizei", "spricht von"),
        # Cut off after "zu der".
        Q("Am Hauptbahnhof wiederum hat laut Bundespolizei die starke Präsenz offenbar dazu beigetragen, dass es "
          "zumindest zu der", I, "Bundespolizei", "laut"),
        # Its start was cut (glued to the sentence before).
        Q("sich ebenfalls schwer verletzt habe, als er über einen Zaun gesprungen und mehrere Meter tief gestürzt sei",
          I, "Polizeisprecher Christoph Wickhorst", "berichtet"),
    ])))

SPEC.append(("semeval-train:1483964902_1483980843:2", dict(
    ents={"LOC": ["Essen", "Essen-Stoppenberg", "Erlenkampsweg"], "ORG": ["Essener Polizei"]},
    quotes=[
        Q("Als sich die Anwohner um 0.55 Uhr nochmals meldeten, war der Randalierer laut Polizei wieder aufgetaucht",
          I, "Polizei", "laut"),
        # Cut off before its closing mark; the text gives no attribution.
        Q("Die Kollgen trafen ihn auf der Straße, wo er gerade einen Seitenspiegel eines geparkten Fahrzeugs", D),
    ])))

SPEC.append(("semeval-train:1484742901_1491613072:1", dict(
    ents={"LOC": ["FRANKFURT", "USA", "Iran", "London"], "ORG": ["dpa-AFX", "Europäische Zentralbank", "EZB"]},
    quotes=[],
    )))

SPEC.append(("semeval-train:1484742901_1491613072:2", dict(
    ents={"LOC": ["FRANKFURT", "London"], "ORG": ["dpa-AFX", "Europäische Zentralbank", "EZB"]},
    quotes=[],
    )))

SPEC.append(("semeval-train:1484207721_1483976752:1", dict(
    ents={"LOC": ["B4", "Nordthüringen", "Nordhausen", "Sondershausen", "Hain", "Steinbrücken", "Thüringen"],
          "MISC": ["VW"]},
    quotes=[
        # "Als sie ... angekündigt hatte" stands for "Wie sie (die Polizei) ... mitgeteilt hatte".
        Q("war es am Montag um 10.30 Uhr zu diesen Ereignissen gekommen", I, "sie", "angekündigt hatte",
          ref="die Polizei", named=False),
    ])))

SPEC.append(("semeval-train:1484207721_1483976752:2", dict(
    ents={"ORG": ["Regio Belp", "Thurnen", "kantonale Polizei Bern", "Kantonspolizei Bern"]},
    quotes=[],
    )))

SPEC.append(("semeval-train:1484152927_1483963364:1", dict(
    ents={},
    quotes=[],
    )))

SPEC.append(("semeval-train:1484152927_1483963364:2", dict(
    ents={"LOC": ["Mexiko", "Cerereso", "Zacatecas", "Topo Chico"]},
    quotes=[
        Q("Zu der gewaltsamen Auseinandersetzung kam es am Dienstagnachmittag im Gefängnis Cerereso im "
          "zentralmexikanischen Bundesstaat Zacatecas", I, "die örtlichen Behörden", "mitteilten"),
        Q("Die Sicherheitskräfte seien eingeschritten, um die Rauferei zu stoppen", I, "die örtlichen Behörden"),
        Q("15 Insassen seien dabei ums Leben gekommen, sechs weitere mit Verletzungen ins Krankenhaus gebracht "
          "worden", I, "die örtlichen Behörden"),
        Q("Einer der Verletzten sei später seinen Wunden erlegen", I, None, "hieß es"),
        Q("Am Ort des Geschehens seien vier Handfeuerwaffen und blanke Waffen sichergestellt worden", I,
          "die örtlichen Behörden"),
    ])))

SPEC.append(("semeval-train:1610645084_1606238460:1", dict(
    ents={"ORG": ["NEOS", "Neos", "OTS", "RK", "Presse- und Informationsdienst der Stadt Wien", "MA 53"]},
    quotes=[
        # The attribution is cut after its first letter (", N").
        Q("Allein in der Wiener Nachtgastronomie erzeugen Unternehmen mit ihren gesamten 24.000 Mitarbeitern einen "
          "jährlichen Umsatz von über einer Milliarde Euro. Diese Leute, von denen die meisten von der "
          "Arbeitslosigkeit nun betroffen sind, brauchen eine Perspektive. Deshalb brauchen wir einen konkreten "
          "Zeitplan für die allmähliche Eröffnung der Nacht Gastronomie für die allmähliche Eröffnung der "
          "Nachtgastronomie", D),
    ])))

SPEC.append(("semeval-train:1610645084_1606238460:2", dict(
    ents={"ORG": ["NEOS", "Neos", "OTS", "RK", "Marktamt", "Presse- und Informationsdienst der Stadt Wien",
                  "MA 53"],
          "PER": ["Markus Ornig", "Ornig"], "LOC": ["LEOPOLDSTAD Carmelite-Markt"]},
    quotes=[
        Q("Schikanen", D, "Wiener NEOS", "orten"),
        Q("Belästigung", D, "Wiener Neos", "Orte"),
        Q("unempfindlichen", D, "Die Wiener Neos", "sehen"),
        # "eingereicht" inside the marks is a garbled translation of the attribution.
        Q("An diesem Tag werden rund 50 Prozent des wöchentlichen Umsatzes erreicht, eingereicht", D, "Ornig"),
    ])))

SPEC.append(("semeval-train:1580807591_1555205843:1", dict(
    ents={"LOC": ["Berlin", "Berlins", "Olympiastadion"], "MISC": ["Lollapalooza"],
          "PER": ["Andreas Geisel", "Geisel", "Billie Eilish", "Marteria", "Casper"],
          "ORG": ["SPD", "Radio Eins", "rbb", "Scooter"]},
    quotes=[
        Q("er sei \"sehr, sehr skeptisch\", ob das Festival mit Zehntausenden Besuchern am 5. und 6. September in "
          "und um das Olympiastadion stattfinden könne", I, "Andreas Geisel", "sagte"),
        Q("sehr, sehr skeptisch", D, "Andreas Geisel"),
        Q("Das Verbot von Großveranstaltungen gelte laut Beschluss bis mindestens 31. August", I, "Andreas Geisel"),
        Q("Und die Betonung für solche großen Veranstaltungen liegt auf \"mindestens\"", D, "Geisel", "sagte"),
        Q("Vorjahresausgabe im vergangenen September hatte das Festival nach eigenen Angaben 85 000 "
          "Zwei-Tages-Tickets verkauft", I, "das Festival", "nach eigenen Angaben", ref="Lollapalooza",
          named=False),
    ])))

SPEC.append(("semeval-train:1576660561_1576363463:1", dict(
    ents={"PER": ["Bocelli", "Andrea Bocelli", "BOCELLI", "Bocellis", "Emanuele Vianelli", "Giuseppe Sala", "Bach",
                  "Gounod", "Mascagni"],
          "LOC": ["Mailänder Dom", "Mailand", "Milan", "Italien"], "ORG": ["WZ Online", "apa"],
          "MISC": ["Musik für Hoffnung", "Ave Maria", "Sancta Maria"]},
    quotes=[
        Q("Ich glaube an die Stärke des gemeinsamen Gebets. Und ich glaube an den christliche fest - ein universelles "
          "Symbol der Wiedergeburt, das momentane jeder - gläubig oder nicht - bitter benötigt", D, "Bocelli",
          "sagte"),
    ])))

SPEC.append(("semeval-train:1585511516_1531663785:1", dict(
    ents={"LOC": ["China", "Wuhan"], "PER": ["Han Guan"]},
    quotes=[
        Q("Diese Menschen zeigten keine Krankheitssymptome", I, "Ärzte der Metropole", "erklärte"),
        Q("Laut Ärzten wurde das Corona-Virus in einigen Fällen 70 Tage nach der vermeintlichen Erholung "
          "nachgewiesen", I, "Ärzten", "Laut"),
    ])))

SPEC.append(("semeval-train:1484153585_1484147687:1", dict(
    ents={"LOC": ["Affing", "Wittelsbacher Land", "Affinger Becken", "Salzbergkapelle", "Anwalting"],
          "MISC": ["Affi et orbi"], "PER": ["Höß", "Daniel Baier"], "ORG": ["FCB"]},
    quotes=[],
    )))

SPEC.append(("semeval-train:1484153585_1484147687:2", dict(
    ents={"LOC": ["München", "München-Allach", "Allach", "Berlin", "Checkpoint Charlie"],
          "ORG": ["Polizei München", "tz.de", "Ippen-Digital-Redaktionsnetzwerks"]},
    quotes=[
        Q("Auch wurden dabei wie berichtet Schüsse abgegeben, wobei aufgrund der aufgefundenen Patronenhülsen und "
          "nach derzeitigen Erkenntnissen keine scharfen Waffen verwendet wurden", I, "die Polizei München",
          "berichtete"),
    ])))

SPEC.append(("semeval-train:1634832399_1547767774:1", dict(
    ents={"ORG": ["Polizeiinspektion Göttingen", "Highway-Polizei Göttingen"],
          "LOC": ["Bab A 7", "Hessen", "Old Landstraße", "Rosdorf", "Göttingen"]},
    quotes=[],
    )))
