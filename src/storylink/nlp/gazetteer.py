"""Lists of known names: places, organisations, people, first names, roles.

The data sit in ``storylink/data/gazetteer/``. Two files are generated from the
CLDR data that ships with the ``babel`` package (``python -m
storylink.nlp.gazetteer --rebuild``): ``countries.tsv`` (country and region
names in ten languages) and ``cities.tsv`` (CLDR's time-zone cities, with their
exonyms: Pjöngjang, Moskau, Nowy Jork). The others are written by hand:
``places_extra.tsv``, ``orgs.tsv``, ``persons.tsv``, ``first_names.txt``,
``roles.txt`` and ``blocked.txt`` (names that are also ordinary words).

Names are looked up by their folded form (``keys.fold_name``), so case,
hyphens and diacritics do not matter; every spelling of one place shares one
key, the English name::

    >>> g = gazetteer()
    >>> g.lookup("Pjöngjang").key, g.lookup("Pyongyang").key
    ('pyongyang', 'pyongyang')
    >>> g.lookup("Nordkoreas", genitive=True).type
    'LOC'
    >>> g.is_role("US-Präsident"), g.is_role("Kanzlerin"), g.is_role("Haus")
    (True, True, False)
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass
from pathlib import Path

from ..errors import ModelError
from .keys import fold_name

__all__ = ["GazetteerEntry", "Gazetteer", "gazetteer", "DATA_DIR"]

DATA_DIR = Path(__file__).resolve().parents[1] / "data" / "gazetteer"

#: Entity type of each gazetteer file.
_TYPED_FILES = (("persons.tsv", "PER"), ("orgs.tsv", "ORG"), ("countries.tsv", "LOC"),
                ("places_extra.tsv", "LOC"), ("cities.tsv", "LOC"))

#: Company and institution heads: a capitalised sequence ending in one is an ORG.
ORG_HEADS = frozenset("""AG GmbH KG SE eG e.V. Inc Inc. Corp Corp. Ltd Ltd. LLC PLC plc Co. SA S.A. NV
Holding Group Gruppe Konzern Bank Partei Ministerium Amt Behörde Agentur Gericht Gerichtshof Verband
Bund Institut Universität Stiftung Verein Zeitung Airlines Motors Party Ministry Council Commission
Committee Agency Court University Institute Foundation Association Department Office Company
Corporation Parliament Parlament Senat Rat Kommission Polizei Armee Army Times Post News
""".split())


@dataclass(frozen=True, slots=True)
class GazetteerEntry:
    """One known name: its canonical ``key``, entity ``type`` and ``kind``
    (``country``, ``capital``, ``city``, ``party``, ``leader`` …)."""

    key: str
    type: str
    kind: str


class Gazetteer:
    """All lists, loaded once; see the module docstring."""

    def __init__(self, data_dir: Path = DATA_DIR) -> None:
        self.names: dict[str, GazetteerEntry] = {}
        #: Names written in lower case ("dpa", "taz"); every other name must start upper case in the text.
        self.lower_case: set[str] = set()
        for filename, etype in _TYPED_FILES:
            for key, kind, names in _read_tsv(data_dir / filename):
                entry = GazetteerEntry(fold_name(key), etype, kind)
                for name in names:
                    if name[:1].islower():
                        self.lower_case.add(fold_name(name))
                    # The earlier file wins: people and organisations before places.
                    self.names.setdefault(fold_name(name), entry)
        #: First words of multi-word names, to start a multi-word lookup only where one can match.
        self.first_words: frozenset[str] = frozenset(n.split(" ", 1)[0] for n in self.names)
        self.max_words: int = max(n.count(" ") + 1 for n in self.names)
        self.blocked: frozenset[str] = frozenset(fold_name(n) for n in _read_lines(data_dir / "blocked.txt"))
        self.first_names: frozenset[str] = frozenset(_read_lines(data_dir / "first_names.txt"))
        roles = [r for r in _read_lines(data_dir / "roles.txt")]
        self.roles: frozenset[str] = frozenset(r.casefold() for r in roles)
        single = sorted((re.escape(r.casefold()) for r in roles if " " not in r), key=len, reverse=True)
        self._role_re = re.compile(rf"(?:{'|'.join(single)})(?:in|innen|en|n|s|es)?")

    def lookup(self, name: str, *, genitive: bool = False) -> GazetteerEntry | None:
        """The entry of a name; with ``genitive`` also of a German genitive ("Hanois")."""
        return self.lookup_folded(fold_name(name), genitive=genitive)

    def lookup_folded(self, folded: str, *, genitive: bool = False) -> GazetteerEntry | None:
        """``lookup`` for a name already passed through ``keys.fold_name``."""
        entry = self.names.get(folded)
        if entry is None and genitive and len(folded) > 3 and folded.endswith("s"):
            entry = self.names.get(folded[:-1])
            if entry is None and folded.endswith("es"):
                entry = self.names.get(folded[:-2])
        return entry

    def is_blocked(self, name: str) -> bool:
        """Whether a name is also an ordinary word, so only the tagger may make it an entity."""
        return fold_name(name) in self.blocked

    def is_first_name(self, word: str) -> bool:
        return word in self.first_names

    def is_role(self, word: str) -> bool:
        """Whether a token is a role or title that precedes a name ("Machthaber",
        "US-Präsident", "Bundeskanzlerin", "President")."""
        lower = word.casefold()
        if lower in self.roles:
            return True
        if not word[:1].isupper():
            return False
        head = lower.rsplit("-", 1)[-1]
        if self._role_re.fullmatch(head):
            return True
        # The head of a closed compound ("Bundes|kanzlerin", "Sonder|botschafter").
        return any(self._role_re.fullmatch(head[i:]) for i in range(2, len(head) - 3))


def _read_lines(path: Path) -> list[str]:
    try:
        text = path.read_text(encoding="utf-8")
    except OSError as exc:
        raise ModelError(f"gazetteer file cannot be read: {exc}", source=str(path)) from exc
    return [line.strip() for line in text.splitlines() if line.strip() and not line.startswith("#")]


def _read_tsv(path: Path) -> list[tuple[str, str, list[str]]]:
    rows = []
    for line in _read_lines(path):
        parts = line.split("\t")
        if len(parts) not in (2, 3):
            raise ModelError(f"gazetteer line needs key, kind and names: {line!r}", source=str(path))
        key, kind = parts[:2]
        names = parts[2].split("|") if len(parts) == 3 else []
        rows.append((key, kind, [key, *names]))
    return rows


@functools.lru_cache(maxsize=1)
def gazetteer() -> Gazetteer:
    """The shared gazetteer, loaded on first use."""
    return Gazetteer()


# --- generation from CLDR (babel); run by hand, not at analysis time ---------

#: Languages whose CLDR names go into the generated files.
_LANGUAGES = ("de", "en", "fr", "es", "it", "pl", "tr", "nl", "pt", "sv")
#: CLDR regions worth recognising as places (continents and large regions).
_REGIONS = ("002", "003", "005", "009", "019", "142", "150", "151", "155", "419", "021", "029", "035")
#: Names CLDR does not list: short forms and older names of countries.
_COUNTRY_ALIASES = {
    "US": "USA|US|U.S.|U.S.A.|Amerika|America|Vereinigten Staaten|United States of America|EEUU|EE.UU.|Estados Unidos|États-Unis|Stati Uniti",
    "GB": "Großbritannien|Britain|Great Britain|UK|U.K.|Grande-Bretagne|Gran Bretaña|Gran Bretagna|Wielka Brytania|Vereinigten Königreich",
    "RU": "Russische Föderation|Russian Federation",
    "KP": "Demokratische Volksrepublik Korea|Democratic People's Republic of Korea|DPRK|Nord-Korea|Nordkorea",
    "KR": "Republik Korea|Republic of Korea|Süd-Korea",
    "CN": "Volksrepublik China|VR China|People's Republic of China|PRC|Rotchina",
    "CZ": "Tschechische Republik|Czech Republic",
    "NL": "Holland",
    "TR": "Turkey|Türkei|Turkei",
    "CI": "Elfenbeinküste|Ivory Coast",
    "CD": "Demokratische Republik Kongo|Democratic Republic of the Congo|DR Kongo|DRC",
    "CG": "Republik Kongo|Republic of the Congo",
    "VA": "Vatikan|Vatican|Heiliger Stuhl|Holy See",
    "MM": "Birma|Burma|Burma",
    "PS": "Palästina|Palestine|palästinensische Gebiete|Palestinian territories",
    "BA": "Bosnien|Bosnia|Bosnien-Herzegowina|Bosnia and Herzegovina",
    "MK": "Mazedonien|Macedonia",
    "AE": "VAE|UAE|Emirate",
    "SA": "Saudiarabien",
    "DE": "Bundesrepublik Deutschland|BRD|Federal Republic of Germany",
    "CH": "Confoederatio Helvetica",
    "IR": "Persien|Persia",
    "SZ": "Swasiland|Swaziland",
    "CV": "Kapverden|Cape Verde",
    "TL": "Osttimor|East Timor",
}


def rebuild(data_dir: Path = DATA_DIR) -> None:
    """Regenerate ``countries.tsv`` and ``cities.tsv`` from babel's CLDR data."""
    from babel import Locale
    from babel.dates import get_timezone_location

    locales = [Locale(lang) for lang in _LANGUAGES]
    english = Locale("en")
    country_lines = []
    for code in sorted(english.territories):
        if code.isdigit() and code not in _REGIONS or code in {"EU", "UN", "EZ", "QO", "ZZ", "001"}:
            continue
        key = english.territories[code].replace(" & ", " and ").split(" (")[0]
        names = {loc.territories[code] for loc in locales if code in loc.territories}
        names.update(n for n in _COUNTRY_ALIASES.get(code, "").split("|") if n)
        names = {n.replace("’", "'") for n in names} - {key}
        kind = "region" if code.isdigit() else "country"
        country_lines.append(f"{key}\t{kind}\t{'|'.join(sorted(names))}")
    city_lines = []
    for zone in sorted(english.time_zones.keys() | _cldr_zones()):
        if "/" not in zone or zone.startswith(("Etc/", "SystemV/")):
            continue
        key = get_timezone_location(zone, locale=english, return_city=True)
        names = {get_timezone_location(zone, locale=loc, return_city=True) for loc in locales} - {key}
        city_lines.append(f"{key}\tcity\t{'|'.join(sorted(names))}")
    header = "# Generated by `python -m storylink.nlp.gazetteer --rebuild` from babel's CLDR data.\n"
    (data_dir / "countries.tsv").write_text(header + "\n".join(country_lines) + "\n", encoding="utf-8")
    (data_dir / "cities.tsv").write_text(header + "\n".join(sorted(set(city_lines))) + "\n", encoding="utf-8")


def _cldr_zones() -> set[str]:
    from babel.core import get_global

    return set(get_global("zone_territories"))


if __name__ == "__main__":
    import sys

    if sys.argv[1:] != ["--rebuild"]:
        sys.exit("usage: python -m storylink.nlp.gazetteer --rebuild")
    rebuild()
    print(f"wrote {DATA_DIR / 'countries.tsv'} and {DATA_DIR / 'cities.tsv'}")
