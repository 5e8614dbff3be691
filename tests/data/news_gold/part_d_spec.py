"""Hand-made annotations of the news gold's ``heldout`` split (``part_d.jsonl``), read by ``make_part.py d``.

Written by reading each text (documents 91-130 of ``select_docs.py``), by
helpers who never saw storylink's analyzer output on these texts nor its code,
following ``README.md`` and ``part_c_spec.py``; each block below is one
helper's, in the selection's order. Fields as in ``part_c_spec.py``.
"""

from __future__ import annotations

from gold_spec import D, I, Q  # noqa: F401 - make_part.py puts this folder on sys.path

SPEC: list[tuple[str, dict]] = []

SPEC.append(("semeval-train:1552954828_1553997105:1", dict(
    ents={"PER": ["Karoline Preisler", "Karoline praler", "Puersler", "Creamler"], "ORG": ["Twitter", "Zeit"]},
    # "Die Zeit nimmt nur Tröpfchen": time, not the newspaper.
    skip=[("Zeit", 2)],
    quotes=[
        Q("Immer Sicherheitsabstand!", D, "Karoline Preisler", ":"),
        # Interview turns introduced by "Name:" without marks.
        Q("Frau Puersler, Sie haben mehrere Tage im Krankenhaus. Wie geht es Ihnen?", I, "Die Zeit", ":"),
        Q("Als ich in die Klinik kam, ging ich schrecklich. Ich dachte, ich betrüge. Hier bekomme ich Sauerstoff und "
          "Medikamente gegen die Atemnot. Aber ich esse schlecht, habe an Gewicht verloren und habe "
          "Kreislaufprobleme. Auch wenn ich mich besser fühle, werde ich isoliert länger bleiben. Das ist grausam. "
          "Die Zeit nimmt nur Tröpfchen. Ich kann kaum schlafen, nur etwa drei Stunden in der Nacht.", I,
          "Karoline praler", ":"),
        Q("Warum?", I, "Zeit", ":"),
        Q("Weil ich schlechte Luft Kriege bin . Die Kinder haben sehr geweint. Aber als die Mitarbeiter des "
          "Gesundheitsamts kamen, voll vermummt, war das auch ein wenig wie ein Abenteuer. Nach weniger als zehn "
          "Stunden hatten wir das Ergebnis. Da ging es mir auch schon richtig dreckig.", I, "Creamler", ":"),
    ])))

SPEC.append(("semeval-train:1552954828_1553997105:2", dict(
    ents={"PER": ["Karoline Pralerer", "Pricellers"], "LOC": ["Mecklenburg-Vorpommern"], "MISC": ["Corona Diary"]},
    quotes=[
        # Headline quote of the interviewee, named right after it.
        Q("Zwischen kann ich wieder gut atmen", D, "Karoline Pralerer"),
        # The interviewer quotes what she wrote in her diary.
        Q("vor einer Woche hatte ich ein Leben, Job, Familie, Selbstbestimmung", I, "Sie", "Schreiben",
          ref="Karoline Pralerer", spk_occ=2),
    ])))

SPEC.append(("semeval-train:1498658895_1499138848:1", dict(
    ents={"LOC": ["Berlin", "Libyen", "Tripoli", "Kanzleramt", "Reichstag"],
          "PER": ["REPP Tayyip Erdogan", "Vladimir Putin", "Mike Pompeo", "Muammar al-Gaddafi", "Fayez Al-Serraj",
                  "Khalifa Haftar"],
          "ORG": ["ische Liga", "Apa", "Dpa"]},
    quotes=[],
    )))

SPEC.append(("semeval-train:1498658895_1499138848:2", dict(
    ents={"LOC": ["Libyen", "Libyas", "Tripolis"], "PER": ["Haftars", "Mohammed Gnunu"]},
    quotes=[
        Q("Laut Medienberichten stimmen die Teilnehmer auf ein Waffenstillstand im Bürgerkriegsland einverstanden",
          I, "Medienberichten", "Laut"),
        # "in einer Erklärung von ..." stands for "heißt es in einer Erklärung von ...".
        Q("Darüber hinaus sollten internationale Bemühungen zur Überwachung des Embargos in einer Erklärung von 16 "
          "Staaten und Organisationen gestärkt werden", I, "16 Staaten und Organisationen", "in einer Erklärung"),
        Q("Haftars Verbündete hätte im Süden der Hauptstadt das Feuer eröffnet", I, "Militärsprecher Mohammed Gnunu",
          "teilte mit"),
    ])))

SPEC.append(("semeval-train:1483952422_1483874678:1", dict(
    ents={"PER": ["Anastasiya Avilova", "Hatvilova", "Sonja Zietlow", "Daniel Hartwich"],
          "MISC": ["Dschungelcamp 2020", "Jungle Camp 2020", "Junglecamp 2020", "Jungelcamp 2020", "Temptation Island",
                   "Ich bin ein Stern - holen Sie mich hier raus"],
          "ORG": ["RTL", "Instagram"]},
    quotes=[],
    )))

SPEC.append(("semeval-train:1483952422_1483874678:2", dict(
    ents={"MISC": ["Dschungelcamp 2020", "Ich bin ein Stern - holen Sie mich hier raus", "Jungle Camp 2020",
                   "Venusfalle", "Dschungelcamp", "Dschungel Camp", "Lass uns tanzen",
                   "Ich bin ein Star - raus, raus hier!", "Gzsz", "IBES"],
          "PER": ["Sonja Kirchberger", "Robert Van Ackeren", "Danni Büchner", "Jens Büchner", "Sven Ottke", "Rau",
                  "Sonja Zietlow", "Daniel Hartwich"],
          "ORG": ["RTL"]},
    quotes=[],
    )))

SPEC.append(("semeval-train:1540660970_1499599795:1", dict(
    ents={"LOC": ["Haiger", "Scheidstraße", "Allendorf", "Untere Pfarrstraße", "Carl-Cloos-Straße"],
          "PER": ["Christoph Weber"]},
    quotes=[],
    )))

SPEC.append(("semeval-train:1540660970_1499599795:2", dict(
    ents={"ORG": ["Heimat- und Wanderfreunde"],
          "LOC": ["Langenaubach", "Haiger", "HAIGER", "Allendorf", "Oberroßbach", "Rodenbach", "Weidelbach"],
          "PER": ["Christoph Weber"]},
    quotes=[],
    )))

SPEC.append(("semeval-train:1549304758_1550374917:1", dict(
    ents={"ORG": ["AfD", "AFD", "CSU", "WGK", "SPD", "Grünen", "FDP"],
          "PER": ["Frank Wilzok", "Henry Schramm", "Jörg Artmann", "Heike Vogel", "dagmar Keis Lecher", "Doris Stein",
                  "Lisa Töpper", "Georg Hock", "Thomas Nagel"],
          "LOC": ["Kulmbacher"]},
    # "den Kulmbacher Stadtrat", "Stadtrat Kulmbacher": adjective; "Stadtrat von Kulmbacher" stands for the town.
    skip=[("Kulmbacher", 1), ("Kulmbacher", 2)],
    quotes=[],
    )))

SPEC.append(("semeval-train:1549304758_1550374917:2", dict(
    ents={"ORG": ["AfD", "AFD", "Linke", "CSU", "WGK", "FW", "freien Wähler", "SPD", "Grünen", "FDP"],
          "LOC": ["Kulmbach"]},
    quotes=[],
    )))

SPEC.append(("semeval-train:1563994101_1568130261:1", dict(
    ents={"PER": ["Trump", "Donald Trump"], "LOC": ["Russland", "Vereinigten Staaten", "USA"],
          "ORG": ["Weißen Hauses"]},
    quotes=[
        # «Cyber-Angriffe»: scare quotes. "es sagt in einer Erklärung auf der Website des Weißen Hauses".
        Q("Diese wesentliche Aktivität im Cyberspace ist immer noch eine extreme Bedrohung für nationale Sicherheit, "
          "Außenpolitik und die US-Wirtschaft", D, "des Weißen Hauses", "sagt"),
    ])))

SPEC.append(("semeval-train:1578206244_1486926924:1", dict(
    # "zuvor kurz im ZIB-Special": lowercase adverb as the text stands, no name.
    ents={"PER": ["Anschober", "Kurz"], "MISC": ["ZIB-Special", "ZiB spezial"]},
    quotes=[
        # "sagte" without a subject; the text gives no speaker here.
        Q("Im Falle einer massiven Erhöhung müssen wir", D, None, "sagte"),
        Q("die Regierung betrachte die Nummern auf täglich und führen zu zusätzlichen Tests in den Zukunft - "
          "Ausstattung wären kommerziell und in den Einzelhändlern", I, None, "sagte"),
        # "sagt es": "es" stands for Anschober.
        Q("Solange die Daten konstant bleiben, solange wir sehen, wie wir sehen, dass wir den Virus unter Kontrolle "
          "haben, sofern dieser Zeitplan fortgesetzt wird, wird dieser Eröffnungsplan fortgesetzt, mit einem "
          "massiven Anstieg aufwärts, den wir eingreifen müssen", D, "es", "sagt", ref="Anschober"),
        # Colon-introduced claim, no speaker in the garbled sentence.
        Q("Wenn es wieder schlimmer wird, würde man \"sofort schreien\" alarmieren \"und wieder strengere "
          "Vorschriften", I, None, ":"),
        Q("sofort schreien", D),
        # The opening mark and the start were lost where the text is cut.
        Q("nach oben müssen wir eingreifen", D, "Anschober", "so"),
        Q("If es wieder schlechter werde, würde man „sofort Alarm schreien“ und wieder strengere Regelungen "
          "einführen", I, "Kurz", "gesagt"),
        Q("sofort Alarm schreien", D, "Kurz"),
    ])))

SPEC.append(("semeval-train:1519407691_1557147322:1", dict(
    ents={"ORG": ["Spuerkeess", "Banque et Caisse d'Épargne de l'État", "BCEE", "L'essentiel", "Spuerkeess Direct"],
          "LOC": ["Luxemburg", "Belle-Étoile", "Bridel", "Colmar-Berg", "Esch-Lallange", "Hosingen", "Larochette",
                  "Pommerloch", "Réiserbann", "Wasserbillig", "Rümelingen", "Rodingen"],
          "PER": ["Mathieu Vacon"]},
    quotes=[
        # «neuen Nähe»: name of the strategy, not a quote.
        Q("dass sie im Rahmen ihrer Strategie der «neuen Nähe» bis zum 27. März elf Standorte mit den "
          "nächstgelegenen Zweigstellen zusammenlegen wird", I, "Die BCEE", "hat angekündigt"),
        Q("dass dies keine Kosteneinsparungsmaßnahme ist. Im Gegenteil, die abgezogenen Betriebskosten sind mehr als "
          "die Reinvestition in das Netzwerk, in das wir bis 65 Prozent bei den grundlegenden Transaktionen in den "
          "Filialen", D, "Der Verwaltungsausschuss der Bank", "erklärte"),
    ])))

SPEC.append(("semeval-train:1532654553_1510007629:1", dict(
    ents={"PER": ["Heinz-Christian Strache", "Strache", "Michael Ludwig"], "LOC": ["Wien"],
          "ORG": ["FPÖ", "SPÖ", "DAO", "Daö", "Bündnisses für Österreich", "dpa"]},
    quotes=[
        Q("Wolle mit einer neuen Bürgerbewegung Der derzeitige Wiener Bürgermeister Michael Ludwig (SPÖ) an der "
          "Staatswahlen in der österreichischen Hauptstadt herausfordert", I, "Strache", "erklärte"),
    ])))

SPEC.append(("semeval-train:1590279005_1597560273:1", dict(
    ents={"ORG": ["VW", "VW-Konzern", "Volkswagen", "Volkswagen Poznan"], "LOC": ["Polen", "Posen", "Poznan"],
          "MISC": ["Caddy", "Transporter", "Crafter"]},
    quotes=[
        Q("Die Arbeit in Posen (Poznan) und an zwei weiteren Standorten werde zunächst mit 20 Prozent der Kapazität "
          "aufgenommen", I, "der Konzern", "teilte mit"),
        Q("Zur ersten Schicht nach der Pause sei am Montagmorgen rund ein Viertel der insgesamt 11 000 Beschäftigten "
          "erschienen", I, "der Konzern"),
        Q("Die Hygienekonzepte, Abstandsregeln und das Tempo der Produktion seien an die neuen Bedingungen angepasst "
          "worden", I, "der Konzern", spk_occ=1),
    ])))

SPEC.append(("semeval-train:1483976898_1484232731:2", dict(
    ents={"LOC": ["Eschweiler"], "ORG": ["dpa", "lnw"]},
    quotes=[
        Q("Als zwei Männer sie zurechtwiesen, wurden sie von den Jugendlichen attackiert und verletzt", I,
          "die Polizei", "mitteilte"),
        Q("Er war betrunken und verletzte bei der Kontrolle einen Polizisten leicht", I, None, "wie mitgeteilt wurde"),
    ])))

SPEC.append(("semeval-train:1603456643_1557664551:1", dict(
    ents={"ORG": ["Aurania Resources Ltd.", "Aurania", "Auranias", "TSXV", "OTCQB"],
          "LOC": ["Frankfurt", "Toronto Street", "Toronto", "Kanada"]},
    quotes=[
        Q("dass das Unternehmen seine Jahres- und Sonderversammlung der Aktionäre (die ?Versammlung”) am Mittwoch, "
          "den 10. Juni 2020 um 14:30 Uhr EDT (20:30 Uhr MESZ) in der Toronto Street 36, Suite 1050, in Toronto, "
          "Kanada, abhalten wird", I, "Aurania Resources Ltd.", "gibt bekannt"),
    ])))

SPEC.append(("semeval-train:1504122836_1561660381:1", dict(
    ents={"LOC": ["New York"], "MISC": ["Dow", "Dow Jones Index"], "ORG": ["Braunschweiger Zeitung"]},
    quotes=[],
    )))

SPEC.append(("semeval-train:1488290218_1494633578:1", dict(
    ents={"ORG": ["KTCC", "Kurdistan Training Coordination", "Bundeswehr", "zb", "dpa", "Bundestags",
                  "Saarbrücker Zeitung"],
          "LOC": ["Irak", "Berlin", "Bagdad", "Iran"], "PER": ["Jens Büttner", "Nouripour"]},
    quotes=[
        # Headline quote; the Wehrbeauftragte is never named in the text.
        Q("Hilfe muss auch gewollt sein", D, "Wehrbeauftragter", ":"),
        Q("Hilfe muss auch gewollt sein", D, "Wehrbeauftragter", ":", occ=2),
        # Continued Konjunktiv I, cut off mid-word ("ak").
        Q("Eine Entscheidung der Führung in Bagdad müsse ak", I, "der Wehrbeauftragte des Bundestags", named=False),
        Q("Um zu verhindern, dass der Iran überreagiert, muss man unbequeme Reisen auf sich nehmen, das Gespräch "
          "suchen und nicht nur vom Schreibtisch aus betonen, man wolle keinen Krieg", D, "Nouripour", "sagte"),
    ])))

SPEC.append(("semeval-train:1484208071_1484059708:1", dict(
    ents={"PER": ["Hofer", "Norbert Hofer", "HOFER", "SEBASTIAN KURZ", "Klaudia Tanner"],
          "ORG": ["FPÖ", "ÖVP", "GREENS", "Kabinett Kurz II"], "LOC": ["Österreich", "Niederösterreich"]},
    quotes=[
        Q("Linksregierung", D, "Hofer", "warnt"),
        # Its closing mark is missing.
        Q("Hatte nie eine bishere Regierung von Personal wie das Kabinett Kurz II.", D, "FPÖ BOSS", ":",
          ref="Norbert Hofer", named=False, spk_occ=1),
        # Back-translated "sieht Österreich ... nach links driften".
        Q("Österreich, ob die Vereinbarung über die türkisfarbene grüne Regierungskooperation eindeutig nach links "
          "driftet", I, "Norbert Hofer", "sieht"),
        Q("ÖVP BOSS SEBASTIAN KURZ KURZEN DEN WAHREN DER MITTELLING DER MITTE DER MITTELLING DER POLITIK IN DER "
          "REGIERUNG", I, "HOFER", "SO"),
        # Opened after the colon, never closed; "argumentierte Hofer" ends it.
        Q("Nie hatte eine Regierung ein Mitglied des Weges des Kabinetts kurz, wenn Grüne Themen bekommen viel "
          "Geltungsbereich, der von der ÖVP angekündigte Center-Right-Kurs kann nicht aufbewahrt werden", D, "Hofer",
          "argumentierte", spk_occ=3),
        # Continued Konjunktiv I after a cut ("Alm  ").
        Q("Innenministerium nun ausschließlich schwarz sei", I, "Hofer", spk_occ=3),
        Q("Obhut der Bauernbund-Direktorin aus Niederösterreich", D, "Hofer"),
        Q("Hiobsbotschaft", D, "Hofer", "bezeichnetet"),
    ])))

SPEC.append(("semeval-train:1484208071_1484059708:2", dict(
    ents={"LOC": ["Österreich"],
          "PER": ["Karl Nehammer", "Klaudia Tanner", "Alexander SCHAllenberg", "Rudi Anschober", "schober",
                  "Magnus Brunner", "Leonore Gessler", "Leonore Gewessler"],
          "ORG": ["ÖVP", "Grünen", "Grüne", "apa"]},
    quotes=[
        Q("Karl Nehammer wird der Innenminister sein, Klaudia Tanner (beide ÖVP) übernimmt das "
          "Verteidigungsministerium", I, None, "es wurde gesagt"),
    ])))

SPEC.append(("semeval-train:1564038328_1624248626:1", dict(
    ents={"LOC": ["Helmstedt", "Landkreis Helmstedt"], "ORG": ["Agentur für Arbeit Helmstedt"]},
    quotes=[
        Q("dass diese Daten auf dem Stichtag 12. März basieren", I, "Sie", "weist darauf hin",
          ref="Agentur für Arbeit Helmstedt"),
        # The opening mark, the start of the quote and its speaker were lost where the text is cut.
        Q("und an die erleichterten Bedingungen und die Sonderregelungen in der Grundsicherung, die der Gesetzgeber "
          "geschaffen hat. Die letzten beiden Wochen machen bereits eine Trendumkehr auf dem Arbeitsmarkt deutlich.",
          D),
    ])))

SPEC.append(("semeval-train:1564038328_1624248626:2", dict(
    ents={"LOC": ["Helmstedt", "Kreis Helmstedt", "Landkreis Helmstedt", "Gifhorn", "Wolfsburg"],
          "ORG": ["Agentur für Arbeit Helmstedt", "Agentur für Arbeit"]},
    quotes=[
        Q("Im Vergleich zum Mai 2019 waren es 1497 beziehungsweise 15,3 Prozent mehr Arbeitslose", I,
          "die Agentur für Arbeit", "mitteilte"),
        Q("Bei den Anzeigen zu Kurzarbeit handele es sich jedoch um vorläufige Zahlen", I, "die Agentur für Arbeit"),
        Q("Das könne zu Schwankungen in der Statistik führen", I, "die Agentur für Arbeit"),
    ])))

SPEC.append(("semeval-train:1522472681_1522687232:1", dict(
    ents={"PER": ["Caroline Flack", "Flack", "Flacks", "Harry", "Lewis Burton", "Burton"],
          "MISC": ["Love Island"], "LOC": ["Großbritannien", "London"],
          "ORG": ["Instagram", "Deutschen Gesellschaft für Suizidprävention"]},
    quotes=[
        Q("starb die 40-Jährige am Samstag in ihrer Wohnung in London", I, "Flacks Familie", "bestätigte",
          named=False),
        Q("dass sie während der Beziehung gewalttätig wurde", I, "Burton selbst und Flack", "stritten ab"),
        # Cut before its closing mark.
        Q("Mein Herz ist gebrochen, wir hatten etwas so Besonderes. Ich habe keine Worte", D, "Burton",
          "veröffentlichte"),
    ])))

SPEC.append(("semeval-train:1522472681_1522687232:2", dict(
    ents={"PER": ["Prinz Harry", "Caroline Flack", "Flack", "Lewis Burton", "Burton"],
          "ORG": ["Instagram", "RND"], "LOC": ["London"], "MISC": ["Love Island"]},
    quotes=[
        Q("Flack, die unter anderem für die Show “Love Island” gearbeitet hat, soll laut Medienberichten am Samstag "
          "in ihrer Wohnung in London gefunden worden sein", I, "Medienberichten", "laut"),
        # Her plea in court.
        Q("nicht schuldig", D, "sie", "plädierte", ref="Caroline Flack"),
        # Cut off before its closing mark; a hotline notice follows.
        Q("Mein Herz ist gebrochen, wir hatten etwas ganz Besonderes. Mir fehlen die Worte. Ich fühle so großen "
          "Schmerz", D, "Er", "schrieb", ref="Lewis Burton"),
    ])))

SPEC.append(("semeval-train:1484217119_1484002781:1", dict(
    ents={"PER": ["Francis", "Franziskus"], "ORG": ["Dpa", "Vatikan"],
          "LOC": ["St. Petersplatz", "Rom", "Italien"]},
    quotes=[
        # Cut off mid-word ("wi").
        Q("Manchmal verlieren wi", D, "Franziskus", "entschuldigte sich"),
        Q("Franziskus habe dies aus Hygienegründen getan, weil er die Verbreitung von Keimen verhindern wollte", I,
          "der Vatikan", "erklärte"),
    ])))

SPEC.append(("semeval-train:1484217119_1484002781:2", dict(
    ents={"ORG": ["Jouwatch", "katholischen Kirche"], "PER": ["Franziskus"], "LOC": ["St. Peter Square", "Rom"]},
    # "unverschämten" / „Unverschämten“: scare quotes, nobody says them.
    quotes=[],
    )))

SPEC.append(("semeval-train:1484160995_1485201154:1", dict(
    ents={"LOC": ["Österreich", "Deutschland"],
          "ORG": ["ÖVP", "Grüne", "Grünen", "deutschen Presseagentur", "FPÖ", "RND", "dpa"],
          "PER": ["Sebastian kurz"]},
    quotes=[
        # Confirmed, per the next sentence, by negotiating circles.
        Q("Die konservative ÖVP und die Grünen haben in Österreich einen Koalitionsabkommen vereinbart", I,
          "Verhandlungskreisen", "bestätigt"),
        Q("welche Minister zum zukünftigen Kabinett gehören sollten", I, "die beiden Parteien", "informiert"),
    ])))

SPEC.append(("semeval-train:1484160995_1485201154:2", dict(
    ents={"LOC": ["Wien", "Österreich"],
          "ORG": ["ÖVP", "Grünen", "Grüne", "APA", "SPÖ"],
          "PER": ["Sebastian Kurz", "Kurz", "Karl Nehammer", "Klaudia Tanner", "Alexander Schallenberg",
                  "Heinz-Christian Strache"]},
    quotes=[
        Q("ÖVP und Grüne bestätigten nach Angaben der Nachrichtenagentur APA weitere Personalentscheidungen", I,
          "der Nachrichtenagentur APA", "nach Angaben"),
        Q("Demnach gehen die Ministerien für Inneres und Verteidigung an die ÖVP-Politiker Karl Nehammer und "
          "Klaudia Tanner", I, "der Nachrichtenagentur APA", "Demnach"),
    ])))

SPEC.append(("semeval-train:1597967423_1551387998:1", dict(
    ents={"ORG": ["Landgericht Wiesbaden", "Deutschen Anwaltvereins", "DAV"]},
    quotes=[
        # "wie die Arbeitsgruppe berichtet Erbrecht des ..." stands for "wie die Arbeitsgemeinschaft Erbrecht des ...
        # berichtet".
        Q("Dies entschied das Landgericht Wiesbaden (Az .: 417 VI 1875/18 G)", I, "die Arbeitsgruppe", "berichtet"),
    ])))

SPEC.append(("semeval-train:1575429641_1567932221:1", dict(
    ents={"LOC": ["Neukölln", "Berlin", "Berlin-Neukölln"]},
    quotes=[
        # Konjunktiv of the police report, no speaker given yet.
        Q("Die Beamten hätten ihn durchsucht und fanden die Lebensmittel- und Einbruchswerkzeuge", I),
        Q("Nach Angaben der Polizisten konnte die Polizei das gestohlenes Geschäft im Haus zuordnen", I,
          "der Polizisten", "Nach Angaben"),
        Q("die Verdächtigen als diejenigen anerkannt hätten, die am 21. März in eine nahe gelegene Shisha Bar "
          "gebrochen werden und fliehen können", I, "der Polizisten"),
        # Its start (the subject) was cut.
        Q("hätte den Tatverdächtigen außerdem als denjenigen erkannt, der am 21. März in einer nahe gelegenen "
          "Shisha-Bar eingebrochen sein soll und flüchten konnte", I, "der Polizisten"),
    ])))

SPEC.append(("semeval-train:1501425987_1595967933:1", dict(
    ents={"LOC": ["Athen", "Lesbos", "Chios", "Samos", "Türkei", "Ostägäis"], "ORG": ["Salzgitter Zeitung"]},
    quotes=[
        # Continues the demand of the sentence before it.
        Q("Die Regierung in Athen solle dafür sorgen, dass die Migranten, die aus der Türkei täglich übersetzen, "
          "nach ihrer Registrierung auf den Inseln zum Festland gebracht werden", I,
          "Die Bürgermeister und Verbände fast aller Berufe dieser Eilande"),
    ])))

SPEC.append(("semeval-train:1483992076_1484060307:1", dict(
    ents={},
    quotes=[],
    )))

SPEC.append(("semeval-train:1483992076_1484060307:2", dict(
    ents={"LOC": ["Ostallgäu", "Buchloe", "Lindau", "Weißenhorn", "Neu-Ulm"],
          "PER": ["Jens Büttner"], "ORG": ["zb", "dpa"]},
    quotes=[
        Q("Zunächst hatten zwei Unbekannte in Buchloe Kracher in einen Briefkasten geworfen und eine Rakete so "
          "gezündet, dass sie einen Anwohner im Gesicht traf", I, "die Polizei", "mitteilte"),
    ])))

SPEC.append(("semeval-train:1516226963_1503690382:1", dict(
    ents={"ORG": ["Duisburger Polizei", "Polizei Duisburg"],
          "LOC": ["Duisburg", "Duisburg-Rheinhausen", "Krefeld"]},
    quotes=[
        # Machine-translated and garbled: "[Er] hat ... gestanden, [so] Polizeibeamte am Mittwoch erzählt".
        Q("Hat sich bereits unter Bewährung für andere Straftaten standen", I, "Polizeibeamter", "erzählt"),
    ])))

SPEC.append(("semeval-train:1516226963_1503690382:2", dict(
    ents={"LOC": ["Duisburg-Marxloh", "Duiburg", "Duisburg"], "PER": ["Lank"],
          "ORG": ["Polizesi Duisburg", "polizei-beratung.de"]},
    quotes=[],
    )))

SPEC.append(("semeval-train:1505507190_1492783358:1", dict(
    ents={"PER": ["Salvini", "Matteo Salvini", "Stefano Bonaccini", "Lucia Borgonzoni"],
          "ORG": ["Lega", "Rai", "Fünf-Sterne-Bewegung", "dpa"],
          "LOC": ["Emilia-Romagna", "Italien", "Rom"]},
    quotes=[
        # The headline (twice): a forecast's claim introduced by "Prognose:".
        Q("Salvini droht bei Regionalwahl Niederlage", I, "Prognose", ":"),
        Q("Salvini droht bei Regionalwahl Niederlage", I, "Prognose", ":", occ=2),
        Q("Der Chef der rechten Lega, Matteo Salvini, könnte laut einer Prognose bei der Regionalwahl in der "
          "Emilia-Romagna in Italien auf eine Niederlage zusteuern", I, "einer Prognose", "laut"),
        Q("Der Mittelinks-Kandidat der Sozialdemokraten, Stefano Bonaccini, kam laut Prognosen des Senders Rai auf "
          "zwischen 47 und 51 Prozent der Stimmen", I, "Prognosen des Senders Rai", "laut"),
        Q("Die Lega-Kandidatin Lucia Borgonzoni kam demnach auf 44 bis 48 Prozent", I, "Prognosen des Senders Rai",
          "demnach"),
    ])))

# A cookie banner under the headline; „Akzeptieren und schließen“ is a button's label, no quote.
SPEC.append(("semeval-train:1587887090_1587716075:1", dict(
    ents={"LOC": ["Italien", "Russland"]},
    quotes=[],
    )))

SPEC.append(("semeval-train:1602657540_1604288758:1", dict(
    ents={"PER": ["Herrmann", "Joachim Herrmann", "Sven Hoppe"], "ORG": ["dpa"],
          "LOC": ["MÃ1⁄4nchen", "Bayern", "MÃ1⁄4nchner Marienplatz", "NÃ1⁄4rnberger Lorenzkirche"]},
    quotes=[
        # Its closing mark was lost where the text is cut (and text is missing inside); no speaker is given.
        Q("Unser Grundgesetz misst der Versammlungsfreiheit einenche Demonstrationen mÃ1⁄4ssen, wo auch immer, klar "
          "rÃ¤umlich getrennt von unbeteiligten Menschen stattfinden. Eine derart gefÃ¤hrliche RÃ1⁄4cksichtslosigkeit "
          "kann der Rechtsstaat auf keinen Fall akzeptieren.", D),
    ])))

SPEC.append(("semeval-train:1602657540_1604288758:2", dict(
    ents={"LOC": ["Bayern", "Bayerns", "MÃ¼nchen", "NÃ¼rnberg"], "PER": ["Joachim Herrmann", "Herrmann", "Sven Hoppe"],
          "ORG": ["CSU", "dpa"]},
    quotes=[
        Q("Es gebe Ã¼berhaupt keinen Zweifel an dem hohen Wert des Versammlungsrechts", I, "Herrmann", "sagte"),
        Q("Aber alle Freiheiten haben natÃ¼rlich auch Grenzen: Die Grenzen sind dort, wo man andere in Gefahr bringt, "
          "wo man andere bedroht.", D, "Herrmann"),
        Q("Auch Passanten seien teilweise von den Demonstranten angegangen worden", I, "Herrmann", "sagte"),
        Q("Das ist natÃ¼rlich ein Ã\x9cberschreiten von Grenzen, das man nicht hinnehmen kann.", D, "Herrmann"),
    ])))
