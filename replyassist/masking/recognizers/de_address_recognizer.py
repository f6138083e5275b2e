"""Street addresses and postcode + town."""

from __future__ import annotations

import regex

from replyassist.masking.lexicon import german_stop_words, read_lines, read_words
from replyassist.masking.recognizers._base import SpanRecognizer

_SUFFIXES = (
    r"straße|strasse|str\.|str|weg|allee|platz|ring|gasse|damm|ufer|chaussee|steig|pfad|markt"
    r"|berg|hof|garten|feld|wall|graben|kamp|stieg|twiete|zeile|park|promenade|anger|aue"
    r"|siedlung|winkel|bogen|brücke|wiese|straat"
)
_NUMBER = (
    r"(?P<num>\d{1,4}(?:\s?[a-hA-H](?![\w]))?(?:\s?[-/]\s?\d{1,4}(?:\s?[a-hA-H](?!\w))?)?)"
    r"(?![\w.,]\d|[\w%€]|\s*(?:%|€|euro|eur\b|uhr|mal\b|tage|wochen|monate|jahre|stunden|minuten|mg\b|ml\b))"
)
_WORD = r"[A-ZÄÖÜ][\p{Ll}ß]+\.?"
_PREFIX = r"(?:[A-ZÄÖÜ][\p{L}ß]*\.?|\d{1,2}\.)"
# "Hauptstraße 12", "Karl-Marx-Straße 5a", "Alte Dorfstr. 3".
_STREET = regex.compile(
    r"(?<![\w-])(?:" + _PREFIX + r"[ -]){0,2}"
    r"[A-ZÄÖÜ][\p{L}ß]*?(?:-[\p{L}ß]+?)*-?(?i:" + _SUFFIXES + r")\s*,?\s?" + _NUMBER
)
# "Berliner Straße 7", "Lange Str. 12", "Straße des 17. Juni" is left to luck.
_STREET_WORD = regex.compile(
    r"(?<![\w-])(?:" + _PREFIX + r"[ -]){1,2}"
    r"(?:Straße|Strasse|Str\.|Weg|Allee|Platz|Ring|Gasse|Damm|Chaussee|Ufer|Markt)\s*,?\s?"
    + _NUMBER
)
_STREET_LOWER = regex.compile(
    r"(?<![\w-])[a-zäöüß][\p{Ll}ß-]{2,}(?:" + _SUFFIXES + r")\s?" + _NUMBER
)
_PREP_LOWER = regex.compile(
    r"(?<![\w-])(?:am|an\sder|an\sden|auf\sder|auf\sdem|im|in\sder|in\sden|zum|zur|hinter\sder)\s+"
    r"(?P<word>[a-zäöü][\p{Ll}ß]{3,})\s+" + _NUMBER
)
# "Am Markt 3", "An der Kirche 12", "Im Winkel 4", "Zur Linde 2".
_PREP_STREET = regex.compile(
    r"(?<![\w-])(?:Am|An\sder|An\sden|Auf\sder|Auf\sdem|Im|In\sder|In\sden|Zum|Zur|Hinter\sder"
    r"|Unter\sden|Vor\sdem|Alter|Alte|Neue|Neuer|Großer|Große|Kleiner|Kleine)\s+"
    r"(?:" + _WORD + r"\s+){0,2}?" + _WORD + r"\s+" + _NUMBER
)
_POSTCODE_TOWN = regex.compile(
    r"(?<![\w.,-])(?:D-?\s?)?(?:0[1-9]|[1-9]\d)\d{3}\s+"
    r"(?P<town>[A-ZÄÖÜ][\p{L}ß]+(?:(?:-|\s(?:am|an\sder|im|in|bei|ob\sder|vor\sder)\s)[A-ZÄÖÜ][\p{L}ß]+)*"
    r"(?:\s\((?:[A-ZÄÖÜ][\p{L}ß]+)\))?"
    r"|[a-zäöü][\p{Ll}ß]{2,}(?:-[a-zäöü][\p{Ll}ß]+)*)"
)
#: A number after these is a reference, not a postcode ("Position 03230").
_NUMBER_REF = regex.compile(
    r"(?i)\b(?:position|pos|gop|ebm|goä|ziffer|ziff|nr|nummer|artikel|art|az|aktenzeichen"
    r"|rechnung|rechnungsnummer|kundennummer|vorgang|ticket|code|pzn)\.?:?\s*$"
)
_NOT_TOWN = frozenset(
    [
        "euro",
        "eur",
        "mitglieder",
        "mitgliedern",
        "versicherte",
        "versicherten",
        "kunden",
        "schritte",
        "punkte",
        "bonuspunkte",
        "kalorien",
        "km",
        "meter",
        "einwohner",
        "menschen",
        "leute",
        "personen",
        "stück",
        "mal",
        "tage",
        "jahre",
        "follower",
        "likes",
        "fans",
        "mitarbeiter",
        "beschäftigte",
        "fälle",
        "anträge",
    ]
)
_NOT_STREET_WORD = frozenset(
    [
        "januar",
        "februar",
        "märz",
        "april",
        "mai",
        "juni",
        "juli",
        "august",
        "september",
        "oktober",
        "november",
        "dezember",
        "jahr",
        "jahre",
        "jahren",
        "monat",
        "monate",
        "woche",
        "wochen",
        "tag",
        "tage",
        "termin",
        "pflegegrad",
        "stufe",
        "grad",
        "seite",
        "absatz",
        "paragraph",
        "kapitel",
        "folge",
        "teil",
        "runde",
        "level",
        "platz",
    ]
)


#: Emergency numbers: after "Im Notfall" they are not a house number.
_EMERGENCY_NUMBERS = frozenset(["112", "110", "116117", "19222"])


class DeAddressRecognizer(SpanRecognizer):
    """Street addresses and postcode + town (ADDRESS).

    Formats: street name ending in a German street word (-straße, -str.,
    -weg, -allee, -platz, -ring, -gasse, -damm, ...) + house number
    (``Hauptstraße 12``, ``Karl-Marx-Str. 5a``, ``Berliner Straße 7``); a
    preposition street (``Am Markt 3``, ``An der Kirche 12``); a 5-digit
    postcode + town (``01067 Dresden``, ``60311 Frankfurt am Main``). A street
    directly followed by postcode + town becomes one span.

    Scores: street + number 0.8 (0.65 in lower case, chats), preposition streets
    0.7, postcode + town 0.7, 0.85 with a town from ``data/towns.txt``. Amounts
    and counts ("10000 Euro", "50000 Mitglieder") are not towns.
    """

    ENTITY = "ADDRESS"

    def __init__(self, supported_language: str = "de") -> None:
        super().__init__(supported_language)
        self.towns = frozenset(t.casefold() for t in read_lines("towns.txt"))
        self.blocked = read_words("common_words_de.txt") | german_stop_words()

    def find(self, text: str) -> list[tuple[int, int, float, str]]:
        spans: list[tuple[int, int, float, str]] = []
        for rx, min_words in ((_STREET, 1), (_STREET_WORD, 2)):
            for m in rx.finditer(text):
                start = self._strip_leading_words(text, m.start(), m.start("num"), min_words)
                if start is None:
                    continue
                head = regex.split(r"[\s\-]", text[start : m.end()].strip())[0].casefold()
                if head in _NOT_STREET_WORD:
                    continue
                spans.append((start, m.end(), 0.8, "street + number"))
        for m in _STREET_LOWER.finditer(text):
            spans.append((m.start(), m.end(), 0.65, "street + number (lower case)"))
        for m in _PREP_LOWER.finditer(text):
            word = m.group("word")
            if (
                word in self.blocked
                or word in _NOT_STREET_WORD
                or regex.fullmatch(r"(?:19|20)\d{2}", m.group("num"))
            ):
                continue
            spans.append((m.start(), m.end(), 0.6, "preposition street (lower case)"))
        for m in _PREP_STREET.finditer(text):
            words = m.group().split()
            if any(w.casefold().strip(".") in _NOT_STREET_WORD for w in words[1:-1]):
                continue
            emergency = words[-1] in _EMERGENCY_NUMBERS and any(
                w.casefold().startswith(("notfall", "notruf", "ernstfall")) for w in words[1:-1]
            )
            if regex.fullmatch(r"(?:19|20)\d{2}", words[-1]) or emergency:
                continue  # a year ("Im Jahr 2024"), an emergency number ("Im Notfall 112")
            spans.append((m.start(), m.end(), 0.7, "preposition street"))
        chat: bool | None = None
        for m in _POSTCODE_TOWN.finditer(text):
            town = m.group("town")
            key = town.casefold()
            known = (
                key in self.towns or key.split("-")[0] in self.towns or key.split()[0] in self.towns
            )
            # the word lists block "Berlin" as a name; after a postcode it is a town
            if key in _NOT_TOWN or (key in self.blocked and not known):
                continue
            if _NUMBER_REF.search(text, max(0, m.start() - 20), m.start()):
                continue  # "Position 03230 gestrichen", "GOP 03230"
            if town[:1].islower() and not known:
                if chat is None:
                    words = [w for w in regex.findall(r"\p{L}+", text)[1:]]
                    chat = sum(w[:1].isupper() for w in words) <= 0.1 * max(1, len(words))
                if not chat:  # an unknown lower-case "town" in a capitalized text is a word
                    continue
            # lower case (chats) is weaker evidence than a capitalized town
            base = 0.55 if town[:1].islower() else 0.7
            score = base + (0.15 if known else 0.0)
            spans.append((m.start(), m.end(), score, "postcode + town"))
            street = self._street_before(text, m.start())
            if street is not None:
                spans.append((street, m.end(), score, "street + number before postcode + town"))
        return _merge(text, spans)

    def _street_before(self, text: str, postcode_start: int) -> int | None:
        """Start of a street without a street word right before a postcode:
        "Sonnenhang 9, 78345 Moos", "Holsteinische Str. 17a, 10717 Berlin"."""
        m = _STREET_BEFORE_POSTCODE.search(text, max(0, postcode_start - 60), postcode_start)
        if m is None:
            return None
        # drop ordinary words caught in front ("neue Adresse Holsteinische Str. 17a")
        words = list(regex.finditer(r"\S+", m.group("name")))
        while words and (
            words[0].group().casefold().strip(".") in self.blocked
            or words[0].group().casefold() in _NOT_STREET_WORD
        ):
            words.pop(0)
        if not words or any(w.group().casefold().strip(".") in self.blocked for w in words):
            return None
        if _NUMBER_REF.search(m.group("name") + " "):  # "Rechnung Nr 12, 10115 Berlin"
            return None
        return m.start("name") + words[0].start()

    def _strip_leading_words(
        self, text: str, start: int, num_start: int, min_words: int
    ) -> int | None:
        """Drop ordinary words caught before the street name ("Wohne Hauptstr. 1")."""
        words = [(w.start(), w.group()) for w in regex.finditer(r"[^\s,]+", text[start:num_start])]
        if not words:
            return None
        i = 0
        while i < len(words) - 1 and not _street_word_ok(words[i][1], words[i + 1][1]):
            i += 1
        if len(words) - i < min_words:
            return None
        return start + words[i][0]


#: Capitalized words + house number, then a comma or line break, ending right
#: where a postcode starts.
_STREET_BEFORE_POSTCODE = regex.compile(
    r"(?:^|(?<=[\s:(]))(?P<name>\p{Lu}[\p{L}\-.]+(?:[ \t]+\p{Lu}[\p{L}\-.]+){0,2})"
    r"[ \t]+\d{1,4}[ \t]?[a-zA-Z]?[ \t]*(?:,[ \t]*|\n)$"
)
_STREET_ADJECTIVES = frozenset(
    [
        "alte",
        "alter",
        "alten",
        "neue",
        "neuer",
        "neuen",
        "lange",
        "langer",
        "langen",
        "große",
        "großer",
        "großen",
        "kleine",
        "kleiner",
        "kleinen",
        "hohe",
        "hoher",
        "hohen",
        "obere",
        "oberer",
        "untere",
        "unterer",
        "breite",
        "breiter",
        "krumme",
        "krummer",
        "schöne",
        "schöner",
        "kurze",
        "kurzer",
        "weiße",
        "weißer",
        "rote",
        "roter",
        "grüne",
        "grüner",
        "hintere",
        "vordere",
        "innere",
        "äußere",
        "st.",
        "st",
        "sankt",
        "bad",
    ]
)


def _street_word_ok(word: str, following: str) -> bool:
    """Whether a word before the street head belongs to the street name.

    Street names start with an adjective ("Alte", "Lange"), a town adjective in
    -er ("Berliner") or are hyphen-compounds; "Wohne"/"Meine" are not.
    """
    key = word.rstrip(".").casefold()
    if key in _STREET_ADJECTIVES or word[:1].isdigit():
        return True
    return word[:1].isupper() and key.endswith("er") and len(key) >= 5 and key not in _NOT_PREFIX


_NOT_PREFIX = frozenset(
    ["mutter", "vater", "bruder", "schwester", "oder", "aber", "über", "unter", "hinter", "immer"]
)


def _merge(
    text: str, spans: list[tuple[int, int, float, str]]
) -> list[tuple[int, int, float, str]]:
    """Join a street and the postcode + town after it ("Hauptstr. 1, 01067 Dresden")."""
    spans = sorted(spans)
    merged: list[tuple[int, int, float, str]] = []
    for s, e, score, why in spans:
        if merged:
            ps, pe, pscore, pwhy = merged[-1]
            gap = text[pe:s]
            if s <= pe or (len(gap) <= 3 and gap.strip(" ,\n") == ""):
                merged[-1] = (
                    ps,
                    max(pe, e),
                    max(pscore, score),
                    pwhy if s <= pe else f"{pwhy} + {why}",
                )
                continue
        merged.append((s, e, score, why))
    return merged
