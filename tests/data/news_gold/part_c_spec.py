"""Hand-made annotations of the news gold's ``dev2`` split (``part_c.jsonl``), read by ``make_part.py c``.

Written by reading each text, before and without looking at storylink's
analyzer output on it. One entry per document, in the order of
``select_docs.py`` (documents 61-90). Quote fields: ``text`` (direct: the
words inside the marks; indirect: the reported content), ``kind``, ``spk``
(the mention the attribution names; None when the text gives none), ``ref``
(for a pronoun or a description standing for a named speaker: that name),
``cue``, and ``occ`` / ``spk_occ`` / ``named`` where the defaults of
``make_part.py`` would go wrong.
"""

from __future__ import annotations

from gold_spec import D, I, Q  # noqa: F401 - make_part.py puts this folder on sys.path

SPEC: list[tuple[str, dict]] = []

SPEC.append(("semeval-train:1569792647_1547884162:1", dict(
    ents={"PER": ["Trump"], "LOC": ["Washington", "Russland", "Saudi-Arabien", "Russia"]},
    quotes=[
        Q("Aber ich glaube nicht, dass ich das tun muss, weil Russland nicht davon profitieren würde, und "
          "Saudi-Arabien tat es nicht.", D, "Trump"),
        Q("Ich wäre offensichtlich sehr schlecht für Sie", D, "Trump", "sagte"),
        Q("er gehe davon aus, dass die beiden Staaten ihre Produktion erheblich drosseln werden", I, "Trump",
          "hat erklärt"),
    ])))

SPEC.append(("semeval-train:1483961815_1484246879:1", dict(
    ents={"ORG": ["Grüne"]},
    quotes=[
        Q("Regierung muss bei Schienen-Elektrifizierung zulegen", I, "Grüne", ":"),
    ])))

SPEC.append(("semeval-train:1483961815_1484246879:2", dict(
    ents={"PER": ["Katharina Fegebank"], "ORG": ["dpa", "SPD", "Welt", "Grünen"], "LOC": ["Berlin", "Deutschlands"]},
    quotes=[
        Q("Grün-Rot ist eindeutig mein Favorit", D, "die Hamburger Wissenschaftssenatorin", "sagte",
          ref="Katharina Fegebank", named=False),
        Q("Die Grünen hätten mit der SPD einen „sehr ehrgeizigen Klimaschutzplan“, das „ambitionierteste "
          "Klimaschutzgesetz Deutschlands“ sowie ein „sehr ehrgeiziges Kohleausstiegsprogramm“ vereinbart", I,
          "die Hamburger Wissenschaftssenatorin", ref="Katharina Fegebank", named=False),
        Q("sehr ehrgeizigen Klimaschutzplan", D, "die Hamburger Wissenschaftssenatorin", ref="Katharina Fegebank",
          named=False),
        Q("ambitionierteste Klimaschutzgesetz Deutschlands", D, "die Hamburger Wissenschaftssenatorin",
          ref="Katharina Fegebank", named=False),
        Q("sehr ehrgeiziges Kohleausstiegsprogramm", D, "die Hamburger Wissenschaftssenatorin",
          ref="Katharina Fegebank", named=False),
        Q("Das seien herausfordernde Projekte, aber auch auch klare Signale für eine weitere Zusammenarbeit", I,
          "die Hamburger Wissenschaftssenatorin", ref="Katharina Fegebank", named=False),
    ])))

SPEC.append(("semeval-train:1512240895_1491751311:1", dict(
    ents={"LOC": ["Stuttgart", "Baden-Württemberg", "USA", "Deutschland", "Heidelberg", "Mannheim"],
          "ORG": ["Five Guys", "McDonald's", "Burger King", "echo24.de", "Ippen-Digital-Redaktionsnetzwerks"]},
    quotes=[
        Q("Sehr in Baden-Württemberg sind laut der Burgerkette Five Guys bereits in Planung: In Heidelberg und "
          "Mannheim soll es zukünftig auch Burger von den Five Guys geben", I, "der Burgerkette Five Guys", "laut"),
    ])))

SPEC.append(("semeval-train:1512240895_1491751311:2", dict(
    ents={"LOC": ["Stuttgart", "Königstraße"],
          "ORG": ["Five Guys", "Burger King", "Hans im Glück", "Burger Republic", "Triple B", "Udo’s Snack"]},
    quotes=[],
    )))

SPEC.append(("semeval-train:1609947165_1581786243:1", dict(
    ents={"LOC": ["Hongkongs", "Hongkong"], "ORG": ["REUTERS", "APA"],
          "PER": ["TYRONE SIU", "Jimmy Lai", "Martin Lee", "Margaret Ng", "Albert Ho", "Leung Kwok Hung",
                  "Au Nok Hin", "Carrie Lam"]},
    quotes=[
        Q("sie wolle die Spaltung Hongkongs überwinden", I, "Carrie Lam", "erklärt"),
    ])))

SPEC.append(("semeval-train:1638416749_1638120884:1", dict(
    ents={"MISC": ["Uncle Ben’s", "Uncle-Ben’s", "Aunt Jemima"], "LOC": ["New York", "USA"],
          "PER": ["George Floyd"], "ORG": ["PepsiCo", "Morgan Stanley"]},
    quotes=[
        Q("dass er seine Reis-Marke Uncle-Ben’s ändern wird", I, "Der Mars-Konzern", "hat angekündigt", named=True),
        # The opening mark and the start of the quote were lost where the text is cut ("Missum").
        Q("sicherzustellen, dass wir und unsere Marken nicht unabsichtlich zum systematischen Rassismus beitragen",
          D),
    ])))

SPEC.append(("semeval-train:1638416749_1638120884:2", dict(
    ents={"MISC": ["Uncle Ben’s"], "ORG": ["AFP", "Mars"], "PER": ["JUSTIN SULLIVAN", "Floyd"],
          "LOC": ["Washington", "USA", "Minneapolis"]},
    quotes=[
        Q("Das Unternehmen wolle seinen Beitrag zu einem Ende von „rassistischen Vorurteile und Ungerechtigkeiten“ "
          "leisten", I, "der Lebensmittelriese Mars", "erklärte"),
        Q("rassistischen Vorurteile und Ungerechtigkeiten", D, "der Lebensmittelriese Mars"),
    ])))

SPEC.append(("semeval-train:1543209558_1521667513:1", dict(
    ents={"ORG": ["Pentagon", "Pentagons", "Taliban", "Al Qaida", "islamischen Staat"],
          "LOC": ["USA", "Islamischen Republik Afghanistan", "Islamischen Republik", "Afghanistan",
                  "Vereinigten Staaten", "Russland", "Deutschland"],
          "PER": ["Mike Pompeo"]},
    quotes=[
        Q("dass die zuvor vereinbarte mit der Taliban-Bewegungsreduzierung der Streitkräfte bereits in vollem Gange "
          "ist", I, "Die USA", "haben sich versichert"),
        Q("Die US-Truppen haben nach den Pentagons den Abzug der Islamischen Republik begonnen", I, "den Pentagons",
          "nach"),
        Q("die US-Streitkräfte in Afghanistan nach der gemeinsamen Erklärung der Vereinigten Staaten und der "
          "Islamischen Republik Afghanistan und der Friedensabkommen zwischen den Vereinigten Staaten und dem "
          "Friedensabkommen zwischen den Vereinigten Staaten und den Taliban begannen, seine Zahl innerhalb von "
          "135 Tagen auf 8600 zu senken", D, "Das Verteidigungsministerium", "hat unterstrichen"),
        Q("Dieser Truppenabzug basiert auf bestimmten Bedingungen", I, "das Pentagon", "teilt mit"),
        Q("die USA seien zuversichtlich, dass die Taliban-Führung alles Unternehmen werde, um den Deal einzuhalten",
          I, "Mike Pompeo", "sagte"),
    ])))

SPEC.append(("semeval-train:1616735161_1624840502:1", dict(
    ents={"LOC": ["Fürstenfeldbruck", "Feuerhausstraße"], "PER": ["Ingrid Zeilinger", "Weber"]},
    quotes=[],
    )))

SPEC.append(("semeval-train:1483963502_1484062080:1", dict(
    ents={"ORG": ["Bayerischer Rundfunk", "BR", "Bayerischen Rundfunk", "Bayerische Rundfunk", "Merkur.de", "tz.de",
                  "Ippen-Digital-Redaktionsnetzwerk"],
          "PER": ["Gutjahr", "Richard Gutjahr", "Ulrich Wilhelm"], "MISC": ["Dahoam is dahoam"]},
    quotes=[
        Q("Mit Hass und Hetze allein gelassen", D, "Gutjahr", ":"),
        # The reported statement is cut off mid-word ("ausgeschied").
        Q("Der Bayerische Rundfunk habe sich sehr wohl um den Fall bemüht - und Richard Gutjahr sei gar nicht "
          "jüngst aus dem Sender ausgeschied", I, "die BR-Pressestelle", "Die Kernbotschaften:"),
    ])))

SPEC.append(("semeval-train:1483963502_1484062080:2", dict(
    ents={"PER": ["Richard Gutjahr", "Wilhelm", "Ulrich Wilhelm", "Gutjahr"],
          "ORG": ["BR", "Bayerischen Rundfunk", "Bayerischen Rundfunks"], "LOC": ["Bayern"]},
    quotes=[
        Q("Unwahrheiten zu sagen", I, "er", "wirft vor", ref="Richard Gutjahr", spk_occ=2),
        Q("Unwahrheiten zu sagen", I, "er", "vorwirft", ref="Richard Gutjahr", occ=2, spk_occ=4),
        Q("dass er als sogenannter fester freier Mitarbeiter keine rechtliche und kaum finanzielle Unterstützung "
          "von dem Sender bekommen habe, als er sich gegen Hass und Hetze gegen ihn und seine Familie vor Gericht "
          "zur Wehr gesetzt habe", I, "Gutjahr", "beklagt"),
        # Cut off before its closing mark.
        Q("das „Kontrollgremium des Bayerischen Rundfunks in die Irre geführt", I, "er", "wirft vor",
          ref="Richard Gutjahr"),
        Q("Kontrollgremium des Bayerischen Rundfunks in die Irre geführt", D, "er", ref="Richard Gutjahr"),
    ])))

SPEC.append(("semeval-train:1487784284_1488415794:1", dict(
    ents={"LOC": ["Roth", "B2", "Gangkofen", "Rottal-Inn"], "MISC": ["Audi", "VW Polo"], "ORG": ["News5"]},
    quotes=[
        Q("wurde das dritte Kind der Familie auch verstorben", I, "die Polizei", "ankündigte"),
        Q("Der 35-jährige Vater ist laut der Polizei \"in der Zwischenzeit stabil\"", I, "der Polizei", "laut"),
        Q("in der Zwischenzeit stabil", D, "der Polizei"),
    ])))

SPEC.append(("semeval-train:1487784284_1488415794:2", dict(
    ents={"LOC": ["Österreich", "Stubaital", "Deutschland", "Telfes", "Kirchberg in Tirol"],
          "ORG": ["Landespolizeisidirektion Tirol", "merkur.de", "Ippen-Digital-Redaktionsnetzwerks"]},
    quotes=[
        Q("wurde ein siebenjähriger aus Deutschland von Deutschland verletzt", I,
          "die Landespolizeisidirektion Tirol", "angekündigt hat"),
    ])))

SPEC.append(("semeval-train:1483984345_1483748897:1", dict(
    ents={"ORG": ["Marienkrankenhaus"], "PER": ["Ralf Jürgens", "Jürgens", "Heiko Mühlbauernahue"],
          "LOC": ["Westwall", "Buschkampsweg", "Geisecke"]},
    quotes=[
        Q("Wir müssen einen solchen Fall wie eine echte Marke behandeln", D, "Ralf Jürgens", "betonte"),
        # "also die Feuerwehr" stands for "so die Feuerwehr".
        Q("Das Feuer wurde dann schnell gelöscht", I, "die Feuerwehr", "also"),
        Q("Insgesamt sei es aber ein sehr ruhiger Jahreswechsel gewesen", I, "Jürgens", "so"),
    ])))

SPEC.append(("semeval-train:1483984345_1483748897:2", dict(
    ents={"LOC": ["Hongkong", "Chinas", "China"], "ORG": ["Zivilrechtsfront"]},
    quotes=[
        # The opening mark and the speaker were lost where the text is cut ("Volksr").
        Q("hier mit Freunden und getroffen hatte erwartet, ein Feuerwerk zu sehen, und ich bin enttäuscht, sehe "
          "auch den Grund nicht, warum es abgesagt wurde.", D),
    ])))

SPEC.append(("semeval-train:1643823609_1486926924:1", dict(
    ents={"PER": ["Messi", "Lionel Messi", "Frank Rijkaard", "Deco"],
          "ORG": ["FC Barcelona", "Espanyol Barcelona", "Blaugrana", "Barcelona"], "LOC": ["Spanien"]},
    quotes=[],
    )))

SPEC.append(("semeval-train:1498947588_1607129467:1", dict(
    ents={"ORG": ["Lufthansa", "Lufthansa Group", "Ufo", "Deutschen Presse-Agentur"], "LOC": ["Frankfurt / Main"],
          "PER": ["Nicolay Baublies"]},
    quotes=[
        Q("Details zum Arbeitskampf sollen erst am kommenden Mittwoch bekannt gegeben werden", I, "Nicolay Baublies",
          "sagte"),
        Q("Wann, wie lange und welcher Bereich genau bestreikt werden soll, ist noch völlig unklar", I,
          "Nicolay Baublies", ":"),
        Q("Details zum Arbeitskampf sollten erst kommenden Mittwoch festgestellt werden", I, "Nicolay Baublies",
          "sagte"),
    ])))

SPEC.append(("semeval-train:1485785666_1511205931:1", dict(
    ents={"ORG": ["Bundesrat", "CSU", "DPA", "Bundestag", "Bundesrates", "CSU-Landsgruppe",
                  "Frankfurter General Zeitung", "deutsche Presseagentur", "bayerische Grenzpolizei"],
          "LOC": ["Berlin", "Kloster Seon"]},
    quotes=[
        # Konjunktiv I of the paper the agencies saw; the text is cut right after it.
        Q("Da Asylanträge von Angehörigen von sicheren Ursprungsländern in der Regel als unbegründet abgelehnt "
          "werde", I),
        # All that is left of a direct quote whose start was cut.
        Q("aufstocken.", D),
    ])))

SPEC.append(("semeval-train:1599629591_1583475523:1", dict(
    ents={"ORG": ["FC Bayern", "Inter Mailand", "FC Bavaria", "MILAN", "Sport1", "Inter"],
          "PER": ["David Alaba", "Herbert Hainer", "Hainer", "Manuel NEU", "Thiago", "Alaba", "Antonio Conte"]},
    quotes=[
        Q("möchte der Club es behalten", I, "Herbert Hainer", "bestätigte"),
        Q("Ich bin zuversichtlich, dass wir uns auf absehbare Zeit mit allen drei erstrecken können", D, "Hainer",
          "sagte"),
        Q("laut Sport1 ist nicht nur der hintere Rückenlehne", I, "Sport1", "laut"),
    ])))

SPEC.append(("semeval-train:1556578959_1557317500:1", dict(
    ents={"LOC": ["Niedersachsen", "Bremen", "Hannover"],
          "ORG": ["Niedersächsischen Gesundheitsministerium", "toom Baumarkt", "pixaba"]},
    quotes=[
        Q("Baumärkte dürfen dem Niedersächsischen Gesundheitsministerium zufolge ihre Waren während der Corona-Krise "
          "seit Montag ausschließlich an gewerbliche Kunden abgeben", I,
          "dem Niedersächsischen Gesundheitsministerium", "zufolge"),
    ])))

SPEC.append(("semeval-train:1556578959_1557317500:2", dict(
    ents={"LOC": ["Lüneburg", "Hannover", "Deutschland"], "PER": ["Angela Merkel"]},
    quotes=[
        # A decision's text, quoted with its authors.
        Q("Die rasante Verbreitung des Coronavirus in den vergangenen Tagen in Deutschland ist besorgniserregend. "
          "Wir müssen alles dafür tun, um einen unkontrollierten Anstieg der Fallzahlen zu verhindern und unser "
          "Gesundheitssystem leistungsfähig zu halten. Dafür ist die Reduzierung von Kontakten entscheidend.", D,
          "die Regierungschefinnen und -chefs der Länder gemeinsam mit Bundeskanzlerin Angela Merkel",
          "Beschluss gefasst"),
    ])))

SPEC.append(("semeval-train:1578316376_1579984482:1", dict(
    ents={"PER": ["Christian Gantner", "Gantner"], "ORG": ["ÖVP"],
          "LOC": ["Österreich", "Vorarlberg", "Deutschland", "Schweiz", "Liechtenstein"]},
    quotes=[
        Q("Die Situation ist komplex und Bestimmungen sorgen bei den Nachbarstaaten für interne "
          "Abstimmungsnotwendigkeiten", I, "Christian Gantner", "sagt"),
        Q("Eine Lösung werde weiterhin gesucht", I, "Christian Gantner"),
        Q("Seitens der österreichischen Bundesregierung wird festgelegt, wer unter welchen Bedingungen nach "
          "Österreich einreisen kann. Unsere Nachbarstaaten haben zur Bekämpfung der COVID-19 Pandemie jedoch "
          "eigene, aktuell gültige Bestimmungen über die Einreise getroffen, welche wir nicht direkt beeinflussen "
          "können.", D, "Christian Gantner", ":"),
        Q("Vorarlberg sei derzeit das einzige Land im Drei-Länder-Eck, dass eine Einreise von Lebenspartnern "
          "ermöglicht, für Deutschland, die Schweiz und Liechtenstein ist dies derzeit nicht möglich", I, "Gantner",
          "meint"),
        # Two sentences glued where the text is cut; the attribution at its end covers what is left.
        Q("In die Nachbarstaaten dürfen weiterhin nur Personen unter „besonders berücksichtigungswürdigen "
          "Umständen“ oder in „Situationen äußerstden Bestimmungen der Nachbarstaaten Schweiz, Liechtenstein und "
          "Deutschland zu informieren", I, "Gantner", "sagt", spk_occ=3),
        Q("besonders berücksichtigungswürdigen Umständen", D, "Gantner", spk_occ=3),
        Q("Situationen äußerst", D, "Gantner", spk_occ=3),
        Q("Währenddessen würden von Vorarlberger Seite initiiert verschiedene Gespräche mit allen beteiligten "
          "Stellen in den Nachbarländern laufen, um eine praktikable Lösung zu finden", I, "Gantner"),
    ])))

SPEC.append(("semeval-train:1578316376_1579984482:2", dict(
    ents={"LOC": ["Österreich", "Wien", "Schweiz", "Liechtenstein", "Deutschland"], "ORG": ["APA", "BUNDESHEER"],
          "PER": ["GUNTER PUSCH"]},
    quotes=[
        Q("Die Ausnahmebestimmungen gelten, wie das Gesundheitsministerium erklärte, für Einreisen an allen "
          "österreichischen Außengrenzen gleichermaßen", I, "das Gesundheitsministerium", "erklärte"),
    ])))

SPEC.append(("semeval-train:1544221535_1544175685:1", dict(
    ents={"ORG": ["Brandon University"], "LOC": ["Manitoba"]},
    quotes=[
        # The start of the quote and its speaker were cut ("auc"); the closing mark is mis-decoded ("Â»").
        Q("Ã¤sentierten wir den Nachweis einer komplexen Beziehung zwischen einem intakten Mikrobiom, dem Abbau von "
          "Polyethylen niederer Dichte und der Produktion von Glykol als Stoffwechsel-Nebenprodukt.", D),
    ])))

SPEC.append(("semeval-train:1544221535_1544175685:2", dict(
    ents={"ORG": ["Brandon University", "Forbes"], "LOC": ["Kanada"], "PER": ["LeMoine"]},
    quotes=[
        # "Berichte Forbes" stands for "berichtet Forbes", "mit dem Magazin betont" for "wie das Magazin betont".
        Q("Die Forschung der Brandon University in Kanada hat Fortschritte beim Verständnis der Natur eines winzigen "
          "Wurms gemacht, anscheinend mit einer plastischen Diät kann erleben", I, "Forbes", "Berichte"),
        Q("die winzige Kreatur, die als Wachswurm bekannt ist, in den Rampenlicht 2017 bewegte", I, "dem Magazin",
          "betont"),
        Q("dass dieser Wurmstil, der in der Regel in Bienenstößen und wach lebt, die Antwort auf zumindest einige "
          "könnten Aspekte sein", I, "ein Wissenschaftler", "postulierte"),
        # Its start was cut ("ine,").
        Q("die Beziehung zwischen den Würmern und ihren Darmbakterien weiter zu untersuchen, um die „Synergie“ "
          "zwischen ihnen, die „den Plastikabbau beschleunigt“, besser zu verstehen", I, "LeMoine", "so"),
        Q("Synergie", D, "LeMoine"),
        Q("den Plastikabbau beschleunigt", D, "LeMoine"),
    ])))

SPEC.append(("semeval-train:1483975807_1484232731:1", dict(
    ents={"LOC": ["Rodgau", "B45"]},
    quotes=[
        # "da die Polizei ... berichtete" stands for "wie die Polizei ... berichtete".
        Q("In Rodgau wurde eine Person am Silvestervogel ernsthaft verletzt", I, "die Polizei", "berichtete"),
        Q("dass der Unfallursache ein Geisterfahrer war", I, "Die Beamten", "vermuten"),
    ])))

SPEC.append(("semeval-train:1483975807_1484232731:2", dict(
    ents={"LOC": ["Eschweiler"], "ORG": ["dpa", "lnw"]},
    quotes=[
        Q("Wenn sie zwei Männer erwischt hatten, wurden sie von den jungen Menschen angegriffen und verletzt", I,
          "die Polizei", "angekündigt"),
        Q("Er war betrunken und verletzte bei der Kontrolle eines Polizisten leicht", I, None, "wie mitgeteilt wurde"),
    ])))

SPEC.append(("semeval-train:1484229160_1484791563:1", dict(
    ents={"PER": ["Kim Jong Un", "Kim", "Donald Trump"], "ORG": ["dpa", "Mannheimer Morgen"],
          "LOC": ["Seoul", "Washington", "Nordkoreas", "Nordkorea", "USA"]},
    quotes=[
        Q("Es gebe keinen Grund, „länger einseitig an die Verpflichtungen gebunden zu sein“", I, "Kim Jong Un",
          "erklärte"),
        Q("länger einseitig an die Verpflichtungen gebunden zu sein", D, "Kim Jong Un"),
        Q("Die Welt werde zudem in naher Zukunft eine „neue strategische Waffe“ im Besitz seines Landes erleben", I,
          "er", "zitiert", ref="Kim Jong Un"),
        Q("neue strategische Waffe", D, "er", ref="Kim Jong Un"),
    ])))

SPEC.append(("semeval-train:1484229160_1484791563:2", dict(
    ents={"LOC": ["Nordkorea", "USA", "Pjöngjang"], "PER": ["Kim Jong Un", "Kim"],
          "ORG": ["KCNA", "Kommunistischen Partei Nordkoreas"]},
    quotes=[
        Q("Nordkorea wird sich nach den Worten seines Machthabers Kim Jong Un nicht mehr an das Moratorium für "
          "Atomversuche und Tests von Interkontinentalraketen halten", I, "Kim Jong Un", "nach den Worten"),
        Q("Es gibt keinen Grund für uns, sich länger einseitig an die Verpflichtungen gebunden zu fühlen", D, "Kim",
          "sagte"),
        Q("Die Welt wird eine neue strategische Waffe erleben", D, "er", "kündigte an", ref="Kim Jong Un"),
        Q("Sein Land werde \"schockierende reale Maßnahmen\" ergreifen", I, "er", ref="Kim Jong Un"),
        Q("schockierende reale Maßnahmen", D, "er", ref="Kim Jong Un"),
        Q("Wir können unsere Würde niemals verkaufen.", D, "er", ref="Kim Jong Un"),
    ])))
