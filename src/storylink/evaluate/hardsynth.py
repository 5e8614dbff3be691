"""A harder synthetic stream: many near-topic stories that a clusterer must keep apart.

The stream of ``synth.py`` draws its distractors from SemEval's different-story
pairs, which are mostly different topics. Local news is harder: the same
police press office files a dozen "POL-…: Zeugen gesucht nach Einbruch in …"
reports a week, each with the same boilerplate and different facts; one town
council meets on a new subject every few days; a club plays twice a week; a
politician is in three unrelated stories at once. Here every story belongs to
such a *family*, written from one template with its own facts (town, street,
weekday, object, score, figure), and its members are the same facts retold:
the press release, a local paper's rewrite, a short agency note, a follow-up.
All stories start within ``days`` (default 3, inside the clusterer's 4-day
window) and their members follow within ``spread_hours``, so near-topic
stories are interleaved in time.

No external data: texts come from the phrase tables below, drawn with a seeded
``random.Random``, so a seed reproduces the stream exactly.

    >>> stream = make_hard_stream(seed=1, per_family=2)
    >>> len({s.story for s in stream}), sorted({s.family for s in stream})[:2]
    (12, ['accident', 'burglary'])
"""

from __future__ import annotations

import random
from collections.abc import Callable
from dataclasses import dataclass

__all__ = ["HardSynthetic", "make_hard_stream", "FAMILIES"]

_WEEKDAYS = ("Montag", "Dienstag", "Mittwoch", "Donnerstag", "Freitag", "Samstag", "Sonntag")
_TOWNS = ("Lindenau", "Bergheim", "Kirchhofen", "Altmühlen", "Rosenthal", "Eichstetten", "Waldbrunn",
          "Neuhausen", "Hohenfels", "Steinach", "Grünwalde", "Birkenfeld", "Talheim", "Mühlbach")
_STREETS = ("Hauptstraße", "Bahnhofstraße", "Schillerweg", "Lindenallee", "Am Marktplatz", "Gartenstraße",
            "Kirchgasse", "Mühlenweg", "Bergstraße", "Rosenweg", "Schulstraße", "Eichenring")
_PRESS = (("PD Lindenau", "Polizeidirektion Lindenau", "0721 555-1200"),
          ("PP Bergheim", "Polizeipräsidium Bergheim", "0621 963-1010"))
_NAMES = ("Keller", "Brandt", "Yilmaz", "Schuster", "Hoffmann", "Wagner", "Krüger", "Lehmann", "Becker", "Fuchs")
_FIRST = ("Anna", "Jens", "Petra", "Markus", "Sabine", "Thomas", "Claudia", "Stefan")


@dataclass(frozen=True, slots=True)
class HardSynthetic:
    id: str
    story: str
    family: str  # which template the story was written from
    text: str
    language: str
    published: float
    kind: str  # which retelling: release, rewrite, brief, follow-up


Facts = dict[str, object]
Writer = Callable[[Facts, random.Random], str]


def _pick(rng: random.Random, options: tuple[str, ...] | list[str]) -> str:
    return options[rng.randrange(len(options))]


def _paragraphs(rng: random.Random, head: str, lines: list[str], *, shuffle_from: int = 1) -> str:
    """Headline, then the body lines; a retelling may reorder all but the lead."""
    body = lines[:shuffle_from] + rng.sample(lines[shuffle_from:], k=len(lines) - shuffle_from)
    return "\n".join([head, *body])


# -- burglary: the police press office template --------------------------------------------

def _burglary_facts(rng: random.Random, used: set[tuple]) -> Facts:
    while True:
        f: Facts = {
            "press": _pick(rng, _PRESS), "town": _pick(rng, _TOWNS), "street": _pick(rng, _STREETS),
            "day": _pick(rng, _WEEKDAYS), "from": rng.randint(18, 23), "to": rng.randint(5, 8),
            "object": _pick(rng, ("ein Einfamilienhaus", "eine Bäckerei", "einen Kiosk", "eine Gartenlaube",
                                  "eine Apotheke", "ein Vereinsheim", "eine Arztpraxis", "einen Friseursalon")),
            "entry": _pick(rng, ("hebelten ein Fenster auf", "schlugen die Scheibe der Terrassentür ein",
                                 "brachen die Hintertür auf", "stiegen über ein gekipptes Kellerfenster ein")),
            "loot": _pick(rng, ("Bargeld und Schmuck", "einen Laptop und zwei Tablets", "Zigaretten und Wechselgeld",
                                "hochwertiges Werkzeug", "eine Geldkassette", "Medikamente und Bargeld")),
            "damage": rng.choice((800, 1500, 2000, 3500, 5000, 12000)),
            "number": rng.randint(100, 999),
        }
        key = (f["town"], f["object"], f["day"])
        if key not in used:
            used.add(key)
            return f


def _burglary_boiler(f: Facts) -> str:
    _, office, phone = f["press"]  # type: ignore[misc]
    return (f"Die Polizei bittet Zeugen, die im Tatzeitraum verdächtige Personen oder Fahrzeuge beobachtet haben, "
            f"sich unter der Telefonnummer {phone} zu melden.\nRückfragen bitte an: {office}, Pressestelle, "
            f"Telefon: {phone}, E-Mail: pressestelle@polizei.example")


def _burglary_release(f: Facts, rng: random.Random) -> str:
    code = f["press"][0]  # type: ignore[index]
    obj = str(f["object"]).split(" ", 1)[1]
    lines = [
        f"{f['town']} (ots) - In der Nacht von {f['day']} auf den Folgetag zwischen {f['from']}:00 Uhr und "
        f"{f['to']}:00 Uhr drangen bislang unbekannte Täter in {f['object']} in der {f['street']} ein.",
        f"Die Täter {f['entry']} und durchsuchten die Räume.",
        f"Sie erbeuteten nach ersten Erkenntnissen {f['loot']}.",
        f"Der Sachschaden wird auf rund {f['damage']} Euro geschätzt.",
        f"Die Ermittlungen dauern an (Vorgangsnummer {f['number']}/26).",
    ]
    return _paragraphs(rng, f"POL-{code}: Zeugen gesucht nach Einbruch in {obj} in {f['town']}",
                       lines) + "\n" + _burglary_boiler(f)


def _burglary_rewrite(f: Facts, rng: random.Random) -> str:
    obj = str(f["object"]).split(" ", 1)[1]
    head = _pick(rng, (f"Einbrecher schlagen in {f['town']} zu", f"Einbruch in {obj} in der {f['street']}",
                       f"{f['town']}: Unbekannte stehlen {f['loot']}"))
    lines = [
        f"Unbekannte sind in der Nacht zum {_WEEKDAYS[(_WEEKDAYS.index(str(f['day'])) + 1) % 7]} in "
        f"{f['object']} in der {f['street']} in {f['town']} eingebrochen.",
        f"Wie die Polizei mitteilte, {f['entry']} die Täter und nahmen {f['loot']} mit.",
        f"Den Schaden beziffert die Polizei auf etwa {f['damage']} Euro.",
        _pick(rng, ("Anwohner hatten in der Nacht nichts bemerkt.", "Eine Nachbarin entdeckte den Einbruch am Morgen.",
                    "Der Inhaber bemerkte den Einbruch erst bei Geschäftsbeginn.")),
        f"Hinweise nimmt die Polizei unter {f['press'][2]} entgegen.",  # type: ignore[index]
    ]
    return _paragraphs(rng, head, lines)


def _burglary_followup(f: Facts, rng: random.Random) -> str:
    code = f["press"][0]  # type: ignore[index]
    obj = str(f["object"]).split(" ", 1)[1]
    age = rng.randint(19, 46)
    lines = [
        f"{f['town']} (ots) - Nach dem Einbruch in {f['object']} in der {f['street']} in der Nacht zum "
        f"{_WEEKDAYS[(_WEEKDAYS.index(str(f['day'])) + 1) % 7]} hat die Polizei einen {age}-jährigen Tatverdächtigen festgenommen.",
        f"Bei ihm wurde ein Teil der Beute sichergestellt, darunter {f['loot']}.",
        f"Der Mann war durch Hinweise aus der Bevölkerung ins Visier der Ermittler geraten (Vorgangsnummer "
        f"{f['number']}/26).",
    ]
    return _paragraphs(rng, f"POL-{code}: Festnahme nach Einbruch in {obj} in {f['town']}", lines) + "\n" + \
        _burglary_boiler(f)


# -- traffic accident: the other police template -----------------------------------------------

def _accident_facts(rng: random.Random, used: set[tuple]) -> Facts:
    while True:
        f: Facts = {
            "press": _pick(rng, _PRESS), "town": _pick(rng, _TOWNS), "road": f"B {rng.choice((27, 33, 39, 294, 462))}",
            "day": _pick(rng, _WEEKDAYS), "hour": rng.randint(6, 21), "age": rng.randint(18, 84),
            "vehicle": _pick(rng, ("Motorradfahrer", "Radfahrerin", "Lkw-Fahrer", "Autofahrerin", "Rollerfahrer")),
            "cause": _pick(rng, ("beim Abbiegen übersehen", "auf regennasser Fahrbahn ins Schleudern geraten",
                                 "beim Überholen mit dem Gegenverkehr zusammengestoßen",
                                 "von der Fahrbahn abgekommen")),
            "injury": _pick(rng, ("schwer verletzt", "leicht verletzt", "lebensgefährlich verletzt")),
            "closed": rng.choice((1, 2, 3, 4)),
        }
        key = (f["town"], f["road"], f["day"])
        if key not in used:
            used.add(key)
            return f


def _accident_release(f: Facts, rng: random.Random) -> str:
    code, office, phone = f["press"]  # type: ignore[misc]
    lines = [
        f"{f['town']} (ots) - Am {f['day']} gegen {f['hour']}:15 Uhr ist ein {f['age']} Jahre alter "
        f"{f['vehicle']} auf der {f['road']} bei {f['town']} {f['cause']}.",
        f"Der {f['vehicle']} wurde dabei {f['injury']} und in ein Krankenhaus gebracht.",
        f"Die {f['road']} war für rund {f['closed']} Stunden voll gesperrt.",
        "Ein Gutachter wurde zur Klärung des Unfallhergangs hinzugezogen.",
    ]
    return _paragraphs(rng, f"POL-{code}: Verkehrsunfall auf der {f['road']} bei {f['town']} - Zeugen gesucht",
                       lines) + (f"\nZeugen werden gebeten, sich unter {phone} zu melden.\nRückfragen bitte an: "
                                 f"{office}, Pressestelle, Telefon: {phone}")


def _accident_rewrite(f: Facts, rng: random.Random) -> str:
    head = _pick(rng, (f"Unfall auf der {f['road']}: {f['vehicle']} {f['injury']}",
                       f"{f['town']}: {f['road']} nach Unfall {f['closed']} Stunden gesperrt"))
    lines = [
        f"Ein {f['age']}-jähriger {f['vehicle']} ist am {f['day']} auf der {f['road']} nahe {f['town']} "
        f"{f['injury']} worden.",
        f"Nach Angaben der Polizei war er gegen {f['hour']} Uhr {f['cause']}.",
        f"Rettungskräfte brachten ihn in eine Klinik; die Strecke blieb {f['closed']} Stunden gesperrt.",
        _pick(rng, ("Es bildete sich ein langer Rückstau.", "Der Verkehr wurde über die Ortsdurchfahrt umgeleitet.")),
    ]
    return _paragraphs(rng, head, lines)


# -- council meetings: one town council, a new subject every session ----------------------------

_COUNCIL_TOPICS = (
    ("den Haushalt für das kommende Jahr", "Haushalt", "Schulden", "Investitionen von {m} Millionen Euro"),
    ("ein Neubaugebiet am Ortsrand", "Neubaugebiet", "Bebauungsplan", "{m}0 Bauplätze für Familien"),
    ("die Sanierung des Hallenbads", "Hallenbad", "Sanierung", "Kosten von {m} Millionen Euro"),
    ("einen neuen Radweg nach {town2}", "Radweg", "Radverkehr", "eine Strecke von {m} Kilometern"),
    ("höhere Kita-Gebühren", "Kita-Gebühren", "Kinderbetreuung", "einen Aufschlag von {m}0 Euro im Monat"),
    ("ein Windrad auf dem {hill}", "Windrad", "Windenergie", "eine Leistung von {m} Megawatt"),
    ("die Schließung der Grundschule in {town2}", "Grundschule", "Schulstandort", "{m}0 betroffene Kinder"),
)


def _council_facts(rng: random.Random, used: set[tuple]) -> Facts:
    while True:
        town = _pick(rng, _TOWNS[:4])  # few towns: the same council in several stories
        topic = _pick(rng, _COUNCIL_TOPICS)
        if (town, topic[1]) in used:
            continue
        used.add((town, topic[1]))
        m = rng.randint(2, 9)
        fill = {"town2": _pick(rng, [t for t in _TOWNS if t != town]), "hill": _pick(rng, ("Kapellenberg", "Galgenbuck"))}
        return {"town": town, "what": topic[0].format(**fill), "short": topic[1], "field": topic[2],
                "figure": topic[3].format(m=m), "yes": rng.randint(12, 20), "no": rng.randint(2, 9),
                "day": _pick(rng, _WEEKDAYS[:5]),
                "mayor": f"{_pick(rng, _FIRST)} {_pick(rng, _NAMES)}",
                "critic": f"{_pick(rng, _FIRST)} {_pick(rng, _NAMES)}",
                "party": _pick(rng, ("der Freien Wähler", "der Grünen", "der CDU-Fraktion", "der SPD-Fraktion"))}


def _council_report(f: Facts, rng: random.Random) -> str:
    lines = [
        f"Der Gemeinderat {f['town']} hat in seiner Sitzung am {f['day']} über {f['what']} entschieden.",
        f"Mit {f['yes']} zu {f['no']} Stimmen stimmte das Gremium der Vorlage der Verwaltung zu; vorgesehen ist "
        f"{f['figure']}.",
        f"Bürgermeister {f['mayor']} sprach von einem wichtigen Signal für die Gemeinde.",
        f"{f['critic']} von {f['party']} kritisierte dagegen, beim Thema {f['field']} sei die Bürgerschaft zu "
        f"wenig gehört worden.",
        "Die Sitzung im Rathaus war gut besucht; die nächste Sitzung findet in vier Wochen statt.",
    ]
    return _paragraphs(rng, f"Gemeinderat {f['town']}: Mehrheit für {f['short']}", lines)


def _council_brief(f: Facts, rng: random.Random) -> str:
    head = _pick(rng, (f"{f['town']} sagt Ja zu {f['short']}", f"{f['short']}: Gemeinderat {f['town']} stimmt zu"))
    lines = [
        f"{f['town']}. Der Gemeinderat hat am {f['day']}abend {f['what']} beschlossen.",
        f"Das Ergebnis fiel mit {f['yes']}:{f['no']} Stimmen deutlich aus.",
        f"Geplant ist {f['figure']}, sagte Bürgermeister {f['mayor']} nach der Sitzung.",
        f"Kritik kam von {f['party']}.",
    ]
    return _paragraphs(rng, head, lines)


# -- football: one club, several match days -------------------------------------------------------

_CLUBS = ("FC Lindenau 08", "SV Bergheim")
_OPPONENTS = ("TSV Kirchhofen", "SpVgg Altmühlen", "VfB Rosenthal", "SC Eichstetten", "FV Waldbrunn",
              "TuS Neuhausen", "1. FC Hohenfels", "SG Steinach")


def _football_facts(rng: random.Random, used: set[tuple]) -> Facts:
    while True:
        club, opp = _pick(rng, _CLUBS), _pick(rng, _OPPONENTS)
        if (club, opp) in used:
            continue
        used.add((club, opp))
        goals, against = rng.randint(0, 4), rng.randint(0, 3)
        scorers = rng.sample([f"{_pick(rng, _FIRST)} {n}" for n in _NAMES], k=max(goals, 1))
        return {"club": club, "opp": opp, "goals": goals, "against": against, "round": rng.randint(5, 30),
                "home": rng.random() < 0.5, "scorers": scorers, "crowd": rng.randint(8, 40) * 100,
                "coach": f"{_pick(rng, _FIRST)} {_pick(rng, _NAMES)}", "minute": rng.randint(3, 88)}


def _result_word(f: Facts) -> str:
    g, a = int(f["goals"]), int(f["against"])  # type: ignore[arg-type]
    return "gewinnt" if g > a else "verliert" if g < a else "spielt remis"


def _football_report(f: Facts, rng: random.Random) -> str:
    place = "vor heimischer Kulisse" if f["home"] else "auswärts"
    first = f["scorers"][0]  # type: ignore[index]
    lines = [
        f"Der {f['club']} {_result_word(f)} am {f['round']}. Spieltag {place} mit {f['goals']}:{f['against']} "
        f"gegen den {f['opp']}.",
        f"Vor {f['crowd']} Zuschauern brachte {first} die Gastgeber in der {f['minute']}. Minute ins Spiel.",
        f"Trainer {f['coach']} lobte nach dem Abpfiff die Moral seiner Mannschaft.",
        f"In der Tabelle bleibt der {f['club']} nach dem {f['round']}. Spieltag im Mittelfeld.",
    ]
    return _paragraphs(rng, f"{f['club']} {_result_word(f)} {f['goals']}:{f['against']} gegen {f['opp']}", lines)


def _football_brief(f: Facts, rng: random.Random) -> str:
    scorers = ", ".join(f["scorers"])  # type: ignore[arg-type]
    lines = [
        f"{f['round']}. Spieltag: {f['club']} - {f['opp']} {f['goals']}:{f['against']}.",
        f"Tore: {scorers}. Zuschauer: {f['crowd']}.",
        f"{f['coach']} (Trainer {f['club']}): \"Wir haben heute gezeigt, was in uns steckt.\"",
    ]
    return _paragraphs(rng, f"Ergebnis: {f['club']} gegen {f['opp']}", lines)


# -- a politician in several unrelated stories ---------------------------------------------------

_POLITICIANS = (("Claudia Brandt", "Wirtschaftsministerin", "Brandt"), ("Stefan Hoffmann", "Innenminister", "Hoffmann"))
_EVENTS = (
    ("besucht das Werk von {firm} in {town}", "Werksbesuch", "{n}00 neue Arbeitsplätze"),
    ("stellt ein Gesetz zum {law} vor", "Gesetzentwurf", "Entlastungen von {n} Milliarden Euro"),
    ("gerät wegen einer Dienstwagenaffäre in die Kritik", "Dienstwagen", "Fahrten über {n}000 Kilometer"),
    ("eröffnet die Landesgartenschau in {town}", "Landesgartenschau", "{n}00.000 erwartete Besucher"),
    ("kündigt eine Kandidatur für den Parteivorsitz an", "Parteivorsitz", "einen Parteitag in {n} Wochen"),
    ("trifft Landwirte zum Streit um die {law}", "Bauernprotest", "{n}00 Traktoren vor dem Ministerium"),
)


def _politics_facts(rng: random.Random, used: set[tuple]) -> Facts:
    while True:
        pol, event = _pick(rng, _POLITICIANS), _pick(rng, _EVENTS)
        if (pol[0], event[1]) in used:
            continue
        used.add((pol[0], event[1]))
        fill = {"firm": _pick(rng, ("Maschinenbau Steiner", "Kühlwerk Nord", "Solartec")), "town": _pick(rng, _TOWNS),
                "law": _pick(rng, ("Bürokratieabbau", "Düngeverordnung", "Ladenschluss"))}
        return {"name": pol[0], "role": pol[1], "last": pol[2], "event": event[0].format(**fill), "short": event[1],
                "figure": event[2].format(n=rng.randint(2, 9)), "day": _pick(rng, _WEEKDAYS[:5]),
                "quote": _pick(rng, ("Wir packen das an.", "Das ist ein guter Tag für das Land.",
                                     "Ich stehe zu meiner Verantwortung.", "Wir lassen niemanden zurück.")),
                "other": f"{_pick(rng, _FIRST)} {_pick(rng, _NAMES)}"}


def _politics_report(f: Facts, rng: random.Random) -> str:
    lines = [
        f"{f['role']} {f['name']} {f['event']}.",
        f"Am {f['day']} sagte {f['last']} vor Journalisten: \"{f['quote']}\"",
        f"Im Mittelpunkt stehen {f['figure']}.",
        f"Die Opposition reagierte zurückhaltend; ihr Sprecher {f['other']} forderte mehr Details.",
        f"{f['last']} ist seit zwei Jahren im Amt.",
    ]
    return _paragraphs(rng, f"{f['role']} {f['last']}: {f['short']}", lines)


def _politics_brief(f: Facts, rng: random.Random) -> str:
    lines = [
        f"{f['name']} ({f['role']}) {f['event']}, teilte das Ministerium am {f['day']} mit.",
        f"Es geht um {f['figure']}.",
        f"Kritik kam von {f['other']}.",
    ]
    return _paragraphs(rng, f"{f['short']}: {f['name']} unter Beobachtung" if "Kritik" in f["event"]
                       else f"{f['name']}: {f['short']}", lines)


#: family name -> (facts drawer, retellings). A story's members are distinct retellings of its facts.
FAMILIES: dict[str, tuple[Callable[[random.Random, set[tuple]], Facts], tuple[tuple[str, Writer], ...]]] = {
    "burglary": (_burglary_facts, (("release", _burglary_release), ("rewrite", _burglary_rewrite),
                                   ("follow-up", _burglary_followup))),
    "accident": (_accident_facts, (("release", _accident_release), ("rewrite", _accident_rewrite))),
    "council": (_council_facts, (("report", _council_report), ("brief", _council_brief))),
    "football": (_football_facts, (("report", _football_report), ("brief", _football_brief))),
    "politics": (_politics_facts, (("report", _politics_report), ("brief", _politics_brief))),
    "politics2": (_politics_facts, (("report", _politics_report), ("brief", _politics_brief))),
}


_MAX_PER_FAMILY = 6  # the politics families together have 12 distinct (politician, event) stories


def make_hard_stream(*, seed: int = 11, per_family: int = 6, days: float = 3.0, spread_hours: float = 18.0,
                     max_members: int = 4) -> list[HardSynthetic]:
    """Stories of every family in ``FAMILIES``, ``per_family`` each, interleaved in time; sorted by time.

    Each story has 1 to ``max_members`` members (distinct retellings; a second
    retelling of the same kind is drawn again, with other phrasing and order)."""
    rng = random.Random(seed)
    stream: list[HardSynthetic] = []
    used: dict[str, set[tuple]] = {}
    for family, (draw, writers) in FAMILIES.items():
        # The two politics families share one set of (politician, event) keys: different events only.
        seen = used.setdefault(family.rstrip("2"), set())
        for n in range(per_family):
            if n >= _MAX_PER_FAMILY:
                raise ValueError(f"per_family={per_family}: at most {_MAX_PER_FAMILY} distinct stories per family")
            facts = draw(rng, seen)
            story = f"{family}-{n}"
            start = rng.uniform(0, days * 86400)
            size = rng.randint(2, max_members) if rng.random() < 0.85 else 1
            order = [writers[0]] + rng.sample(list(writers[1:]), k=len(writers) - 1)
            while len(order) < size:
                order.append(writers[rng.randrange(1, len(writers))])
            for k, (kind, write) in enumerate(order[:size]):
                t = start + (0.0 if k == 0 else rng.uniform(600, spread_hours * 3600))
                stream.append(HardSynthetic(f"hard-{story}-{k}", story, family, write(facts, rng), "de", t, kind))
    stream.sort(key=lambda s: (s.published, s.id))
    return stream
