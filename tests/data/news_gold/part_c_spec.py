"""Hand-made annotations of the news gold's ``dev2`` split (``part_c.jsonl``), read by ``make_part_c.py``.

Written by reading each text, before and without looking at storylink's
analyzer output on it. One entry per document, in the order of
``select_docs.py`` (documents 61-90). Quote fields: ``text`` (direct: the
words inside the marks; indirect: the reported content), ``kind``, ``spk``
(the mention the attribution names; None when the text gives none), ``ref``
(for a pronoun or a description standing for a named speaker: that name),
``cue``, and ``occ`` / ``spk_occ`` / ``named`` where the defaults of
``make_part_c.py`` would go wrong.
"""

from __future__ import annotations


def Q(text: str, kind: str, spk: str | None = None, cue: str | None = None, **more: object) -> dict:
    return {"text": text, "kind": kind, "spk": spk, "cue": cue, **more}


D, I = "direct", "indirect"
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
