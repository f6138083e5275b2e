"""Build the masking gold set ``tests/data/mask_gold.jsonl`` (deterministic).

Run:  .venv/bin/python examples/datasets/build_mask_gold.py [--out PATH] [--seed N]

Each line is ``{"id", "text", "spans": [{"start", "end", "entity_type"}], ...}``
with exact character offsets: messages are assembled segment by segment from
sentence templates, so every labelled value's offsets are known by
construction. Sloppiness (typos, lower-case chats, missing punctuation, emoji)
is applied to the template text between the values, never inside them, and
message-wide lower-casing is applied segment by segment so offsets stay exact.

Honesty about generalisation: the recognizers' lexicons must not be the
generator's lists.
- The shipped name lexicon holds *all* names of its Faker locales (no
  hold-out since the hand-labelled sets measure generalisation). Unseen names
  therefore come from locales that are deliberately not in the lexicon
  (``build_lexicons.UNSEEN_LOCALES``: hr_HR, nl_NL, fr_FR, es_ES, cs_CZ, hu_HU,
  pt_PT); a span is ``"seen": false`` when its value is not in the lexicon.
- Conditions and drugs come from the lists below, written independently of
  ``replyassist/masking/data/*.txt``; many are deliberately absent there.
Each PERSON/HEALTH_CONDITION/MEDICATION span carries ``"seen": true|false``:
whether its value is literally in the shipped lexicon, so the evaluation can
report recall on unseen values separately.

Annotation rules: PERSON is the name without title ("Frau <PERSON>");
ADDRESS is street + number, postcode + town, joined when adjacent;
MEDICATION includes an adjacent dose; DATE_OF_BIRTH is the date only;
HEALTH_CONDITION includes "Pflegegrad 3", "GdB 50", "20. SSW", ICD-10 codes.
Decoy messages contain amounts, letter dates, reference numbers, the hotline
and topic words, and no spans.
"""

from __future__ import annotations

import argparse
import importlib
import json
import random
import re
import string
import sys
from collections.abc import Callable
from pathlib import Path

from faker import Faker

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))

from replyassist.masking import build_lexicons  # noqa: E402
from replyassist.masking.build_lexicons import ARABIC_FIRST, ARABIC_LAST, faker_names  # noqa: E402
from replyassist.masking.lexicon import read_lines  # noqa: E402

Segment = tuple[str, str | None, bool | None]  # text, entity type, seen-in-lexicon

# ---------------------------------------------------------------- value pools

LEXICON_LOCALES = {"de_DE": 6, "tr_TR": 2.5, "pl_PL": 1.5, "it_IT": 1, "ru_RU": 1, "en_US": 0.5}
UNSEEN_LOCALES = {
    "hr_HR": 0.5,
    "nl_NL": 0.4,
    "fr_FR": 0.3,
    "es_ES": 0.3,
    "cs_CZ": 0.3,
    "hu_HU": 0.2,
    "pt_PT": 0.2,
}
# the unseen pool must stay disjoint from the lexicon's locales
assert set(UNSEEN_LOCALES) == set(build_lexicons.UNSEEN_LOCALES)
assert not set(UNSEEN_LOCALES) & set(build_lexicons.LEXICON_LOCALES)

CONDITIONS = [
    # verbatim in the shipped lexicon
    "Depression",
    "Brustkrebs",
    "Diabetes Typ 2",
    "Migräne",
    "Bandscheibenvorfall",
    "Long Covid",
    "Asthma",
    "Burnout",
    "Multiple Sklerose",
    "Parkinson",
    "Demenz",
    "Tinnitus",
    "Arthrose",
    "Rheuma",
    "Epilepsie",
    "Endometriose",
    "Morbus Crohn",
    "Schilddrüsenunterfunktion",
    "Bluthochdruck",
    "Herzinfarkt",
    "Schlaganfall",
    "ADHS",
    "Autismus",
    "Angststörung",
    "Panikattacken",
    "Neurodermitis",
    "Lipödem",
    "Fibromyalgie",
    "Hörsturz",
    "Kreuzbandriss",
    "Gürtelrose",
    "Bronchitis",
    "Schuppenflechte",
    "Leukämie",
    "Hashimoto",
    "Inkontinenz",
    "Prostatakrebs",
    "Darmkrebs",
    "Essstörung",
    "Magersucht",
    "PTBS",
    "Reizdarmsyndrom",
    "Rückenschmerzen",
    "Kopfschmerzen",
    "Schlafstörungen",
    "Vorhofflimmern",
    "Herzschwäche",
    # not in the lexicon: compounds, variants, rarer diagnoses
    "Schulterschmerzen",
    "Nackenschmerzen",
    "Gebärmutterkrebs",
    "Schilddrüsenkrebs",
    "Nierenentzündung",
    "Speiseröhrenentzündung",
    "Histaminintoleranz",
    "Fruktoseintoleranz",
    "Pollenallergie",
    "Nussallergie",
    "Herzmuskelentzündung",
    "Handgelenksbruch",
    "Achillessehnenriss",
    "Muskelfaserriss",
    "Lungenfibrose",
    "Sjögren-Syndrom",
    "Tourette-Syndrom",
    "Bauchspeicheldrüsenentzündung",
    "Sinusitis",
    "Tendinitis",
    "Polyarthritis",
    "Sarkoidose",
    "Lupus",
    "Morbus Bechterew",
    "Hüftdysplasie",
    "Angstzustände",
    "Zwangsgedanken",
    "Depri",
    "Schlafstörung",
    "Hautkrebs im Frühstadium",
    "Wochenbettdepression",
    "Herzrhythmusstörung",
    "Knieschmerzen",
    "Zahnschmerzen",
    "Lungenentzündungen",
    "Netzhautablösung",
    "Gicht",
    "Long-Covid",
    "Post-Covid-Syndrom",
    "chronische Bronchitis",
    "Sehnenscheidenentzündung",
    "Bänderriss",
    "Beckenbodenschwäche",
]
CONDITIONS_LOWER_OK = [
    "depression",
    "migräne",
    "rückenschmerzen",
    "long covid",
    "diabetes",
    "asthma",
    "burnout",
    "adhs",
    "bandscheibenvorfall",
    "krebs",
    "panikattacken",
    "kopfschmerzen",
    "knieschmerzen",
    "nackenschmerzen",
    "tinnitus",
    "schuppenflechte",
    "magen darm",
    "blasenentzündung",
]
MEDICATIONS = [
    # verbatim in the shipped lexicon
    "Ibuprofen",
    "Metformin",
    "Insulin",
    "L-Thyroxin",
    "Ramipril",
    "Pantoprazol",
    "Citalopram",
    "Sertralin",
    "Venlafaxin",
    "Methylphenidat",
    "Ritalin",
    "Elvanse",
    "Tilidin",
    "Novaminsulfon",
    "Ozempic",
    "Xarelto",
    "Eliquis",
    "Marcumar",
    "Bisoprolol",
    "Amlodipin",
    "Simvastatin",
    "Prednisolon",
    "Salbutamol",
    "Lyrica",
    "Quetiapin",
    "Mirtazapin",
    "Humira",
    "Paracetamol",
    "Tramadol",
    "Metoprolol",
    "Candesartan",
    "Cortison",
    "Lantus",
    "Wegovy",
    "Mounjaro",
    # not in the lexicon: substances with an INN stem, brands
    "Olmesartan",
    "Irbesartan",
    "Lercanidipin",
    "Dapagliflozin",
    "Semaglutid",
    "Infliximab",
    "Ustekinumab",
    "Vortioxetin",
    "Perindopril",
    "Enoxaparin",
    "Atenolol",
    "Lansoprazol",
    "Trazodon",
    "Tamsulosin",
    "Dulcolax",
    "Thomapyrin",
    "Ibuflam",
    "Dolormin",
    "Mometason",
    "Valdoxan",
    "Cipralex",
    "Concor",
    "Pantozol",
    "Jodthyrox",
    "Sortis",
    "Decortin",
]
DOSES = [
    "600",
    "400",
    "800",
    "1000 mg",
    "500mg",
    "20 mg",
    "5 mg",
    "100 µg",
    "75 µg",
    "2x 500 mg",
    "10 IE",
    "40mg",
    "0,5 mg",
    "150 mg",
    "25 mg",
]
DOSED = {
    "Ibuprofen",
    "Metformin",
    "L-Thyroxin",
    "Ramipril",
    "Pantoprazol",
    "Citalopram",
    "Sertralin",
    "Venlafaxin",
    "Methylphenidat",
    "Tilidin",
    "Bisoprolol",
    "Amlodipin",
    "Simvastatin",
    "Prednisolon",
    "Quetiapin",
    "Mirtazapin",
    "Paracetamol",
    "Tramadol",
    "Metoprolol",
    "Candesartan",
    "Olmesartan",
    "Irbesartan",
    "Lercanidipin",
    "Atenolol",
    "Lansoprazol",
    "Trazodon",
    "Tamsulosin",
    "Vortioxetin",
    "Perindopril",
    "Insulin",
}
ICD_CODES = [
    "F32.1",
    "M54.5",
    "F41.1",
    "E11.9",
    "I10.00",
    "J45.9",
    "F43.2",
    "M51.2",
    "G43.0",
    "C50.9",
    "F33.2",
    "K58.9",
    "U09.9",
    "F90.0",
    "M17.1",
]
AREA_CODES = [
    "030",
    "040",
    "089",
    "0221",
    "069",
    "0351",
    "0341",
    "0711",
    "0911",
    "0201",
    "0511",
    "0421",
    "0231",
    "0361",
    "0391",
    "0381",
    "0331",
    "0345",
    "0621",
    "0721",
]
MOBILE_PREFIXES = [
    "0151",
    "0152",
    "0157",
    "0160",
    "0162",
    "0170",
    "0171",
    "0172",
    "0173",
    "0175",
    "0176",
    "0177",
    "0178",
    "0179",
    "0159",
    "0163",
]
STREETS = [
    "Hauptstraße",
    "Bahnhofstraße",
    "Lindenweg",
    "Gartenstraße",
    "Schulstraße",
    "Berliner Straße",
    "Am Markt",
    "An der Kirche",
    "Goethestr.",
    "Schillerstraße",
    "Kirchweg",
    "Birkenallee",
    "Rosenstraße",
    "Ringstraße",
    "Marktplatz",
    "Mühlenweg",
    "Dorfstraße",
    "Alte Dorfstraße",
    "Waldstraße",
    "Parkallee",
    "Feldweg",
    "Bergstraße",
    "Karl-Marx-Straße",
    "Friedrich-Ebert-Str.",
    "Am Sonnenhang",
    "Zur Mühle",
    "Lange Straße",
    "Im Winkel",
    "Heideweg",
    "Eichendorffring",
    "Uferstraße",
    "Lessingstraße",
    "Kantstr.",
    "Domplatz",
    "Brunnengasse",
]
HOTLINE = "0800 4375 3752"

GREET = [
    "Hallo",
    "Hallo zusammen",
    "Hi",
    "Guten Tag",
    "Moin",
    "Sehr geehrte Damen und Herren,",
    "Servus",
    "Hey",
    "Liebes Team",
    "Guten Morgen",
    "Hallöchen",
    "",
]
BYE = [
    "Viele Grüße",
    "LG",
    "Mit freundlichen Grüßen",
    "Danke!",
    "Gruß",
    "VG",
    "Danke im Voraus",
    "Liebe Grüße",
    "mfg",
    "",
]
EMOJI = [
    "😡",
    "🙏",
    "😢",
    "🤔",
    "👍",
    "😊",
    "🙄",
    "💔",
    "😤",
    "❤️",
    "😭",
    "🤷‍♀️",
    "!!!",
    "???",
    ":(",
    ":-)",
]


# ---------------------------------------------------------------- check digits


def kvnr_check(letter: str, digits8: str) -> str:
    eff = f"{ord(letter) - 64:02d}" + digits8
    total = 0
    for i, ch in enumerate(eff):
        p = int(ch) * (2 if i % 2 else 1)
        total += p // 10 + p % 10
    return str(total % 10)


def rvnr_check(first11: str) -> str:
    eff = first11[:8] + f"{ord(first11[8]) - 64:02d}" + first11[9:11]
    weights = (2, 1, 2, 5, 7, 1, 2, 1, 2, 1, 2, 1)
    return str(
        sum((int(d) * w) // 10 + (int(d) * w) % 10 for d, w in zip(eff, weights, strict=True)) % 10
    )


def iban_de(blz: str, account: str) -> str:
    bban = blz + account
    letters = {c: str(i) for i, c in enumerate(string.digits + string.ascii_uppercase)}
    num = "".join(letters[c] for c in bban + "DE00")
    return f"DE{98 - int(num) % 97:02d}{bban}"


# ---------------------------------------------------------------- generator


class Generator:
    """Draws values and renders templates into labelled messages."""

    def __init__(self, seed: int) -> None:
        self.rng = random.Random(seed)
        self.fakers = {}
        for i, loc in enumerate(("de_DE", *UNSEEN_LOCALES)):
            f = Faker(loc)
            f.seed_instance(seed + i)
            self.fakers[loc] = f
        self.names: dict[str, tuple[list[str], list[str]]] = {}
        for loc in (*LEXICON_LOCALES, *UNSEEN_LOCALES):
            first, last = faker_names(loc)
            first_l = sorted(
                n
                for n in first
                if (re.fullmatch(r"[\w'-]+", n) and n.isascii())
                or re.fullmatch(r"[^\W\d_]+(?:-[^\W\d_]+)?", n)
            )
            last_l = sorted(n for n in last if re.fullmatch(r"[^\W\d_]+(?:[- ][^\W\d_]+)?", n))
            if loc == "ru_RU":  # keep one transliteration per name: the German one
                first_l = [n for n in first_l if not re.search(r"[vz]|kh|sh|ch$|y[aou]", n)]
                last_l = [n for n in last_l if not re.search(r"[vz]|kh|sh|y[aou]", n)]
            self.names[loc] = (first_l or sorted(ARABIC_FIRST), last_l or sorted(ARABIC_LAST))
        self.names["ar"] = (sorted(ARABIC_FIRST), sorted(ARABIC_LAST))
        self.first_lex = {n.casefold() for n in read_lines("first_names.txt")}
        self.last_lex = {n.casefold() for n in read_lines("last_names.txt")}
        self.cond_lex = {n.lstrip("=~").casefold() for n in read_lines("health_conditions.txt")}
        self.med_lex = {n.lstrip("=~").casefold() for n in read_lines("medications.txt")}
        self.towns = sorted(
            importlib.import_module("faker.providers.address.de_DE").Provider.cities
        )

    # -- names -------------------------------------------------------------
    def _locale(self) -> str:
        pools = {**LEXICON_LOCALES, **UNSEEN_LOCALES, "ar": 1.0}
        return self.rng.choices(list(pools), weights=list(pools.values()))[0]

    def first(self) -> str:
        return self.rng.choice(self.names[self._locale()][0])

    def last(self) -> str:
        loc = self._locale()
        if loc == "pl_PL" and self.rng.random() < 0.5:
            return self.rng.choice(self.names[loc][1])
        return self.rng.choice(self.names[loc][1])

    def person(self, kind: str = "full") -> Segment:
        if kind == "first":
            name = self.first()
            seen = name.casefold() in self.first_lex
        elif kind == "last":
            name = self.last()
            seen = name.casefold() in self.last_lex
        else:
            loc = self._locale()
            first, last = self.rng.choice(self.names[loc][0]), self.rng.choice(self.names[loc][1])
            name = f"{first} {last}"
            seen = first.casefold() in self.first_lex and last.casefold() in self.last_lex
        return (name, "PERSON", seen)

    # -- structured ids ------------------------------------------------------
    def kvnr(self) -> Segment:
        letter = self.rng.choice(string.ascii_uppercase)
        digits = "".join(self.rng.choice(string.digits) for _ in range(8))
        value = letter + digits + kvnr_check(letter, digits)
        r = self.rng.random()
        if r < 0.15:
            value = value[0].lower() + value[1:]
        elif r < 0.3:
            value = f"{value[0]} {value[1:4]} {value[4:7]} {value[7:]}"
        return (value, "DE_HEALTH_INSURANCE", None)

    def rvnr(self) -> Segment:
        area = self.rng.choice(["12", "15", "23", "28", "38", "42", "53", "65", "81", "04", "09"])
        day, month, year = (
            self.rng.randint(1, 28),
            self.rng.randint(1, 12),
            self.rng.randint(40, 99),
        )
        letter = self.rng.choice(string.ascii_uppercase)
        serial = f"{self.rng.randint(0, 99):02d}"
        first11 = f"{area}{day:02d}{month:02d}{year:02d}{letter}{serial}"
        value = first11 + rvnr_check(first11)
        if self.rng.random() < 0.35:
            value = f"{value[:2]} {value[2:8]} {value[8]} {value[9:]}"
        return (value, "DE_SOCIAL_SECURITY", None)

    def iban(self) -> Segment:
        blz = self.rng.choice(
            [
                "37040044",
                "10010010",
                "50010517",
                "12030000",
                "76026000",
                "20041111",
                "43060967",
                "70150000",
                "86055592",
                "30050110",
            ]
        )
        value = iban_de(blz, "".join(self.rng.choice(string.digits) for _ in range(10)))
        r = self.rng.random()
        if r < 0.55:
            value = " ".join(value[i : i + 4] for i in range(0, len(value), 4))
        if r > 0.85:
            value = value.lower()
        return (value, "IBAN_CODE", None)

    def phone(self) -> Segment:
        r = self.rng.random()
        rnd = lambda k: "".join(self.rng.choice(string.digits) for _ in range(k))  # noqa: E731
        if r < 0.4:
            pre = self.rng.choice(MOBILE_PREFIXES)
            num = rnd(7 if pre[2] == "7" else 8)
            value = self.rng.choice(
                [
                    f"{pre} {num}",
                    f"{pre}/{num}",
                    f"{pre}-{num}",
                    f"{pre}{num}",
                    f"+49 {pre[1:]} {num}",
                    f"+49 (0){pre[1:]} {num}",
                    f"0049 {pre[1:]} {num}",
                    f"{pre} {num[:3]} {num[3:]}",
                ]
            )
        elif r < 0.75:
            area = self.rng.choice(AREA_CODES)
            num = str(self.rng.randint(2, 9)) + rnd(6 if len(area) == 3 else 5)
            value = self.rng.choice(
                [
                    f"{area} {num}",
                    f"{area}/{num}",
                    f"({area}) {num}",
                    f"{area}-{num}",
                    f"+49 {area[1:]} {num}",
                    f"{area} {num[:3]} {num[3:]}",
                ]
            )
        elif r < 0.85:
            value = self.rng.choice(
                [
                    f"+90 5{rnd(2)} {rnd(3)} {rnd(2)} {rnd(2)}",
                    f"+48 {self.rng.choice('5678')}{rnd(2)} {rnd(3)} {rnd(3)}",
                    f"+43 664 {rnd(7)}",
                    f"+41 79 {rnd(3)} {rnd(2)} {rnd(2)}",
                ]
            )
        else:
            value = self.fakers["de_DE"].phone_number()
            while value.startswith("00") and not value.startswith("0049"):
                value = self.fakers["de_DE"].phone_number()
        return (value, "PHONE_NUMBER", None)

    def email(self, name: str | None = None) -> Segment:
        if name and self.rng.random() < 0.7:
            parts = [re.sub(r"[^a-z]", "", p.casefold().translate(_ASCII)) for p in name.split()]
            parts = [p for p in parts if p] or ["kunde"]
            local = self.rng.choice(
                [
                    ".".join(parts),
                    "_".join(parts),
                    parts[0][0] + "." + parts[-1],
                    parts[-1] + str(self.rng.randint(1, 99)),
                    parts[0] + str(self.rng.randint(60, 2005)),
                ]
            )
            domain = self.rng.choice(
                [
                    "web.de",
                    "gmx.de",
                    "gmx.net",
                    "t-online.de",
                    "gmail.com",
                    "yahoo.de",
                    "outlook.de",
                    "posteo.de",
                    "icloud.com",
                    "hotmail.com",
                    "freenet.de",
                    "mail.de",
                ]
            )
            return (f"{local}@{domain}", "EMAIL_ADDRESS", None)
        return (self.fakers["de_DE"].free_email(), "EMAIL_ADDRESS", None)

    # -- dates and addresses -------------------------------------------------
    def date(self, birth: bool = True) -> str:
        year = self.rng.randint(1935, 2021) if birth else self.rng.choice([2023, 2024, 2025])
        month, day = self.rng.randint(1, 12), self.rng.randint(1, 28)
        months = [
            "Januar",
            "Februar",
            "März",
            "April",
            "Mai",
            "Juni",
            "Juli",
            "August",
            "September",
            "Oktober",
            "November",
            "Dezember",
        ]
        return self.rng.choice(
            [
                f"{day:02d}.{month:02d}.{year}",
                f"{day}.{month}.{year}",
                f"{day:02d}.{month:02d}.{str(year)[2:]}",
                f"{day}. {months[month - 1]} {year}",
                f"{day:02d}.{month:02d}.{year}",
            ]
        )

    def street(self) -> Segment:
        if self.rng.random() < 0.5:
            name = self.rng.choice(STREETS)
        else:
            name = self.fakers["de_DE"].street_name()
        number = str(self.rng.randint(1, 180)) + self.rng.choice(["", "", "", "a", "b", " c"])
        return (f"{name} {number}", "ADDRESS", None)

    def town(self) -> Segment:
        postcode = f"{self.rng.randint(1067, 99998):05d}"
        return (f"{postcode} {self.rng.choice(self.towns)}", "ADDRESS", None)

    # -- health --------------------------------------------------------------
    def condition(self, lower: bool = False) -> Segment:
        value = self.rng.choice(CONDITIONS_LOWER_OK if lower else CONDITIONS)
        return (value, "HEALTH_CONDITION", value.casefold() in self.cond_lex)

    def medication(self) -> Segment:
        value = self.rng.choice(MEDICATIONS)
        seen = value.casefold() in self.med_lex
        if value in DOSED and self.rng.random() < 0.6:
            value = f"{value} {self.rng.choice(DOSES)}"
        return (value, "MEDICATION", seen)

    def care(self) -> Segment:
        r = self.rng.random()
        n = self.rng.randint(1, 5)
        if r < 0.5:
            value = f"Pflegegrad {n}"
        elif r < 0.7:
            value = f"pflegegrad {n}"
        elif r < 0.85:
            value = f"GdB {self.rng.choice([30, 40, 50, 60, 70, 80, 100])}"
        else:
            value = f"{self.rng.randint(6, 39)}. SSW"
        return (value, "HEALTH_CONDITION", True)

    def icd(self) -> Segment:
        return (self.rng.choice(ICD_CODES), "HEALTH_CONDITION", True)

    # -- decoys --------------------------------------------------------------
    def amount(self) -> str:
        return self.rng.choice(
            [
                f"{self.rng.randint(5, 400)},{self.rng.randint(0, 99):02d} €",
                f"{self.rng.randint(10, 2000)} Euro",
                f"{self.rng.randint(1, 9)}.{self.rng.randint(100, 999)},{self.rng.randint(0, 99):02d} EUR",
                f"{self.rng.randint(5, 99)}€",
            ]
        )

    def reference(self) -> str:
        rnd = lambda k: "".join(self.rng.choice(string.digits) for _ in range(k))  # noqa: E731
        return self.rng.choice(
            [
                f"Aktenzeichen {self.rng.choice([2023, 2024, 2025])}/{rnd(6)}",
                f"Az. KG-{rnd(4)}-{self.rng.choice([2023, 2024])}",
                f"Vorgangsnummer {rnd(9)}",
                f"Rechnungsnummer R-2024-{rnd(5)}",
                f"Ticket #{rnd(6)}",
                f"Ihr Zeichen: LE/{rnd(5)}",
                f"Antragsnummer {rnd(10)}",
                f"Bearbeitungsnummer {rnd(4)}-{rnd(4)}",
            ]
        )


_ASCII = str.maketrans(
    {
        "ä": "ae",
        "ö": "oe",
        "ü": "ue",
        "ß": "ss",
        "é": "e",
        "è": "e",
        "á": "a",
        "ç": "c",
        "ş": "s",
        "ğ": "g",
        "ı": "i",
        "ł": "l",
        "ń": "n",
        "ó": "o",
        "ś": "s",
        "ź": "z",
        "ż": "z",
        "ą": "a",
        "ę": "e",
        "č": "c",
        "ć": "c",
        "š": "s",
        "ž": "z",
        "đ": "d",
        "í": "i",
        "ú": "u",
        "ñ": "n",
        "ř": "r",
        "ě": "e",
        "ý": "y",
        "ő": "o",
        "ű": "u",
        "ã": "a",
        "õ": "o",
        "â": "a",
    }
)


# ---------------------------------------------------------------- templates
# A template is a function (generator) -> list of segments; plain strings are
# template text (sloppiness may be applied), tuples are labelled values.

Part = str | Segment
Template = Callable[[Generator], list[Part]]


def t(*parts: Part | Callable[[Generator], Part | list[Part]]) -> Template:
    def render(g: Generator) -> list[Part]:
        out: list[Part] = []
        for p in parts:
            v = p(g) if callable(p) else p
            if isinstance(v, list):
                out.extend(v)
            else:
                out.append(v)
        return out

    return render


def greet(g: Generator) -> str:
    return g.rng.choice(GREET)


def bye(g: Generator) -> str:
    return g.rng.choice(BYE)


def title_name(g: Generator) -> list[Part]:
    title = g.rng.choice(["Herr ", "Frau ", "Dr. ", "Frau Dr. ", "Herrn ", "Prof. ", "Herr Dr. "])
    return [title, g.person("last")]


def sign(g: Generator) -> list[Part]:
    r = g.rng.random()
    if r < 0.6:
        return [
            "\n"
            + g.rng.choice(["Viele Grüße", "LG", "Mit freundlichen Grüßen", "Gruß", "VG"])
            + "\n",
            g.person("full"),
        ]
    if r < 0.8:
        return [" " + g.rng.choice(["LG", "Gruß", "VG", "Danke,"]) + " ", g.person("first")]
    return [""]


def addr_full(g: Generator) -> list[Part]:
    street, town = g.street(), g.town()
    return [(f"{street[0]}, {town[0]}", "ADDRESS", None)]


def dob_cued(g: Generator) -> list[Part]:
    cue = g.rng.choice(
        [
            "geb. ",
            "geb. am ",
            "geboren am ",
            "Geburtsdatum: ",
            "Geb.-Datum ",
            "*",
            "Geburtsdatum ",
            "geboren ",
            "geb ",
        ]
    )
    return [cue, (g.date(), "DATE_OF_BIRTH", None)]


def name_dob(g: Generator) -> list[Part]:
    return [g.person("full"), g.rng.choice([", ", " ("]), (g.date(), "DATE_OF_BIRTH", None)]


def letter_date(g: Generator) -> str:
    cue = g.rng.choice(
        [
            "Ihr Schreiben vom ",
            "Bescheid vom ",
            "Ihre Mail vom ",
            "seit dem ",
            "Ihrem Brief vom ",
            "Rechnung vom ",
            "bis zum ",
            "ab dem ",
            "mein Antrag vom ",
            "die Mahnung vom ",
        ]
    )
    return cue + g.date(birth=False)


TEMPLATES: list[Template] = [
    # ---- identifiers (e-mail, chat, dm)
    t(
        greet,
        " meine Versichertennummer ist ",
        lambda g: g.kvnr(),
        ", bitte um Rückruf unter ",
        lambda g: g.phone(),
        ".",
    ),
    t(
        greet,
        ", ich bin ",
        lambda g: g.person("full"),
        " und meine KVNR lautet ",
        lambda g: g.kvnr(),
        ". Wann kommt mein Krankengeld?",
        sign,
    ),
    t(
        "Bitte das Krankengeld auf folgendes Konto überweisen: IBAN ",
        lambda g: g.iban(),
        " (Kontoinhaber ",
        lambda g: g.person("full"),
        ")",
        sign,
    ),
    t(greet, ", neue Bankverbindung: ", lambda g: g.iban(), ". Danke!"),
    t("Meine neue Handynummer: ", lambda g: g.phone(), " , mail: ", lambda g: g.email(None)),
    t(
        "Erreichbar bin ich unter ",
        lambda g: g.phone(),
        " oder per Mail an ",
        lambda g: g.email(None),
        ". ",
        letter_date,
        " habe ich nie bekommen.",
    ),
    t(
        "Rentenversicherungsnummer ",
        lambda g: g.rvnr(),
        ", Krankenversichertennummer ",
        lambda g: g.kvnr(),
        ". Ich brauche eine Mitgliedsbescheinigung für die Rentenversicherung.",
    ),
    t("SV-Nummer: ", lambda g: g.rvnr(), " – bitte an meinen Arbeitgeber weiterleiten"),
    t(
        greet,
        " ich habe ",
        letter_date,
        " erhalten, Aktenzeichen bitte beachten. Meine Nummer ",
        lambda g: g.kvnr(),
        ". Rückruf bitte unter ",
        lambda g: g.phone(),
        sign,
    ),
    t("Kontaktdaten ändern: ", lambda g: g.email(None), " und Tel. ", lambda g: g.phone()),
    t("ruft mich bitte zurück ", lambda g: g.phone(), " ich warte seit tagen"),
    t("meine kvnr ", lambda g: g.kvnr(), " die app sagt immer fehler"),
    t("Können Sie mir die Bescheinigung an ", lambda g: g.email(None), " schicken? ", bye),
    t(
        "Erstattung bitte an ",
        lambda g: g.iban(),
        ", Rechnung über ",
        lambda g: g.amount(),
        " liegt bei.",
    ),
    t(
        "Hier meine Daten: ",
        lambda g: g.person("full"),
        ", ",
        lambda g: g.kvnr(),
        ", ",
        lambda g: g.phone(),
    ),
    t("Lastschrift bitte von ", lambda g: g.iban(), " abbuchen. ", lambda g: g.reference()),
    t(
        greet,
        " ich habe eine neue Telefonnummer ",
        lambda g: g.phone(),
        " und wohne jetzt ",
        lambda g: addr_full(g),
        sign,
    ),
    t(
        "Für den Rentenantrag: meine Rentenversicherungsnummer lautet ",
        lambda g: g.rvnr(),
        ", Geburtsname ",
        lambda g: g.person("last"),
        sign,
    ),
    t(
        "hab die sv nummer ",
        lambda g: g.rvnr(),
        " und die versichertennummer ",
        lambda g: g.kvnr(),
        " angegeben, trotzdem kommt eine Mahnung über ",
        lambda g: g.amount(),
    ),
    # ---- address and birth date
    t("Ich bin umgezogen, neue Adresse: ", addr_full, ". ", bye),
    t(
        greet,
        ", bitte die neue Karte an ",
        lambda g: g.street(),
        " in ",
        lambda g: g.town(),
        " schicken.",
    ),
    t("Die Karte ging an die falsche Adresse, ich wohne ", lambda g: g.street(), " nicht mehr!!"),
    t(
        "Name: ",
        lambda g: g.person("full"),
        "\nAnschrift: ",
        addr_full,
        "\n",
        dob_cued,
        "\nVersichertennummer: ",
        lambda g: g.kvnr(),
    ),
    t(name_dob, ", ", addr_full, " – bitte Familienversicherung für mein Kind prüfen"),
    t(
        "Mein Sohn ",
        lambda g: g.person("first"),
        " (",
        lambda g: (g.date(), "DATE_OF_BIRTH", None),
        ") soll familienversichert werden.",
    ),
    t(
        "Familienversicherung für meine Tochter ",
        lambda g: g.person("full"),
        ", ",
        dob_cued,
        ". ",
        bye,
    ),
    t(greet, ", ich ", dob_cued, " möchte wissen ob ich für den Check-up schon alt genug bin"),
    t(
        "Für meine Mutter ",
        lambda g: g.person("full"),
        " ",
        dob_cued,
        " wurde ",
        lambda g: g.care(),
        " beantragt. ",
        letter_date,
        " kam die Ablehnung.",
    ),
    t("Versicherte: ", lambda g: g.person("full"), ", ", dob_cued, ", ", lambda g: g.rvnr()),
    t(
        "Bitte Post nur noch an ",
        addr_full,
        " schicken, die alte Adresse ",
        lambda g: g.street(),
        " gilt nicht mehr",
    ),
    t("wohne jetzt in der ", lambda g: g.street(), " ", lambda g: g.town(), " karte bitte dahin"),
    t(
        "Geburtsdatum ",
        lambda g: (g.date(), "DATE_OF_BIRTH", None),
        ", Name ",
        lambda g: g.person("full"),
    ),
    # ---- persons
    t(greet, " ", title_name, ", danke für die schnelle Hilfe! ", bye),
    t("Ich hatte ", letter_date, " mit ", title_name, " telefoniert, seitdem passiert nichts."),
    t("Ihre Mitarbeiterin ", title_name, " war super freundlich 👍"),
    t("Ihr Kollege ", title_name, " hat mir gesagt das Krankengeld kommt am Montag. Nix kam!!!"),
    t("Mein Hausarzt ", title_name, " hat mich krankgeschrieben, reicht die eAU?"),
    t("hallo ich bin die ", lambda g: g.person("first"), " und hab ne frage zum bonusprogramm"),
    t("Hallo, hier ist ", lambda g: g.person("full"), ". ", letter_date, " warte ich auf Antwort."),
    t(lambda g: g.person("full"), " hier, ich hab das Gewinnspiel gewonnen? 🎉"),
    t(
        "@",
        lambda g: (g.person("first")[0].lower() + "_" + g.person("last")[0].lower(), None, None),
        " ich hab das gleiche Problem mit der App",
        sign,
    ),
    t("Frage für meinen Mann ", lambda g: g.person("full"), ": zahlt ihr die Zahnreinigung?"),
    t("Sachbearbeiter ", title_name, " ist nie erreichbar. ", lambda g: g.reference()),
    t("Danke an ", lambda g: g.person("full"), " aus dem Kundenservice!"),
    t("Mein Name ist ", lambda g: g.person("full"), ", ich möchte kündigen."),
    t(
        "Die Sachbearbeiterin ",
        title_name,
        " hat mir geschrieben ich soll den Antrag neu stellen.",
        sign,
    ),
    t("Ich schreibe für ", lambda g: g.person("full"), ", meine Oma, sie kann selbst nicht."),
    # ---- health
    t(
        greet,
        " ich habe ",
        lambda g: g.condition(),
        " und bin seit Wochen krankgeschrieben. ",
        "Wann kommt das Krankengeld?",
        sign,
    ),
    t("Meine Tochter hat ", lambda g: g.condition(), ", übernehmt ihr eine Therapie?"),
    t("Diagnose ", lambda g: g.icd(), " (", lambda g: g.condition(), "), AU bis Ende des Monats"),
    t(
        "Ich nehme ",
        lambda g: g.medication(),
        " und ",
        lambda g: g.medication(),
        ", muss ich da zuzahlen?",
    ),
    t(
        "Warum zahlt ihr ",
        lambda g: g.medication(),
        " nicht mehr? Ich hab ",
        lambda g: g.condition(),
        " 😡",
    ),
    t(
        "bin ",
        lambda g: ("schwanger", "HEALTH_CONDITION", True),
        " in der ",
        lambda g: (f"{g.rng.randint(6, 39)}. SSW", "HEALTH_CONDITION", True),
        " und brauche eine Hebamme",
    ),
    t(
        "Mein Vater hat ",
        lambda g: g.care(),
        " und ",
        lambda g: g.condition(),
        ", wie hoch ist das Pflegegeld?",
    ),
    t(
        "mein arzt hat mir ",
        lambda g: g.medication(),
        " verschrieben wegen ",
        lambda g: g.condition(lower=True),
    ),
    t(
        "Ich habe ",
        lambda g: ("GdB " + str(g.rng.choice([30, 50, 70, 80, 100])), "HEALTH_CONDITION", True),
        " wegen ",
        lambda g: g.condition(),
        ". Gibt es einen Zuschuss?",
    ),
    t("Seit der Diagnose ", lambda g: g.condition(), " geht gar nichts mehr, ich bin am Ende 😭"),
    t("Meine Frau nimmt ", lambda g: g.medication(), " gegen ", lambda g: g.condition(), sign),
    t("Brauche ein neues Rezept für ", lambda g: g.medication(), ", die Apotheke sagt nein."),
    t("hab ", lambda g: g.condition(lower=True), " und die reha wurde abgelehnt ", letter_date),
    t(
        "Wegen meiner ",
        lambda g: g.condition(),
        " brauche ich ",
        lambda g: g.medication(),
        ", übernehmt ihr das?",
    ),
    t("ICD ", lambda g: g.icd(), " steht auf der AU, reicht das?"),
    t(
        greet,
        ", ich leide an ",
        lambda g: g.condition(),
        " und ",
        lambda g: g.condition(),
        ". Welche Kurse könnt ihr empfehlen?",
    ),
    t(
        "Insulinpumpe für meinen Sohn (",
        lambda g: ("Diabetes Typ 1", "HEALTH_CONDITION", True),
        ") wurde abgelehnt, er braucht ",
        lambda g: ("Insulin", "MEDICATION", True),
        "!",
    ),
    t(
        "Ich bin ",
        lambda g: ("Rollstuhlfahrerin", "HEALTH_CONDITION", True),
        " und ",
        lambda g: g.care(),
        ", warum dauert der Antrag so lange",
    ),
    t("Meine Mama hat ", lambda g: g.condition(), " und jetzt ", lambda g: g.care(), sign),
    t(
        "nehme ",
        lambda g: g.medication(),
        " seit 2 jahren und jetzt soll ich das selbst zahlen?? ",
        lambda g: g.amount(),
        " im Monat!",
    ),
    # ---- mixed
    t(
        greet,
        " ",
        title_name,
        ", anbei die Unterlagen für ",
        lambda g: g.person("full"),
        " ",
        dob_cued,
        ", ",
        lambda g: g.kvnr(),
        ". Diagnose: ",
        lambda g: g.condition(),
        sign,
    ),
    t(
        "Ich (",
        lambda g: g.person("full"),
        ", ",
        lambda g: g.kvnr(),
        ") nehme ",
        lambda g: g.medication(),
        " wegen ",
        lambda g: g.condition(),
        ". Rückruf: ",
        lambda g: g.phone(),
    ),
    t(
        "Mein Mann ",
        lambda g: g.person("first"),
        " hatte ",
        lambda g: g.condition(),
        ", ",
        addr_full,
        ", Tel ",
        lambda g: g.phone(),
    ),
    t(
        "Widerspruch gegen den Bescheid, ",
        lambda g: g.reference(),
        ". Versicherter: ",
        lambda g: g.person("full"),
        ", ",
        dob_cued,
        ". Diagnose ",
        lambda g: g.icd(),
        sign,
    ),
    t(
        "Krankengeld für ",
        lambda g: g.person("full"),
        " auf ",
        lambda g: g.iban(),
        " – es geht um ",
        lambda g: g.amount(),
    ),
    t(lambda g: g.person("full"), ", ", addr_full, ", ", lambda g: g.email(None)),
]

DECOYS: list[Template] = [
    t("Wie beantrage ich Pflegegeld? Die Hotline ", HOTLINE, " ist immer besetzt."),
    t("Das Krankengeld von ", lambda g: g.amount(), " ist zu wenig!!"),
    t(letter_date, " habe ich nicht verstanden. ", lambda g: g.reference()),
    t("Ich habe ", letter_date, " einen Widerspruch geschickt, ", lambda g: g.reference(), "."),
    t("Warum ist der Zusatzbeitrag auf ", lambda g: g.amount(), " gestiegen?"),
    t("Gibt es Zuschüsse für Yoga-Kurse? Wie viel Bonus bekomme ich? ", bye),
    t("Eure App stürzt ständig ab 😡 Fehlercode 500"),
    t("Wann wird das Kinderkrankengeld ausgezahlt? Ich habe ", letter_date, " alles eingereicht."),
    t("Rufen Sie die ", HOTLINE, " an oder schreiben Sie uns."),
    t(
        "Mahnung über ",
        lambda g: g.amount(),
        " erhalten, ",
        lambda g: g.reference(),
        ", aber ich habe bezahlt!",
    ),
    t("super service, danke 👍"),
    t("Wie hoch ist das Pflegegeld bei Pflegegrad? Und was ist der Entlastungsbetrag?"),
    t("Übernehmt ihr die Kosten für die Grippeimpfung? Und für die Reiseimpfung?"),
    t("Gewinnspiel: ich will mitmachen!! 🎉🎉"),
    t("Öffnungszeiten der Geschäftsstelle? Mo-Fr 8-18 Uhr?"),
    t("Telefonseelsorge 0800 111 0 111 – danke für den Hinweis in eurem Post"),
    t(
        "Ich habe ",
        letter_date,
        " die Rechnung über ",
        lambda g: g.amount(),
        " eingereicht. ",
        lambda g: g.reference(),
    ),
    t("Beitragsbescheid für 2024: ", lambda g: g.amount(), " monatlich, stimmt das?"),
    t("Der Zusatzbeitrag steigt um 0,8 % auf 2,5 %, warum?"),
    t("Hat jemand Erfahrung mit dem Bonusprogramm? 500 Punkte für 10000 Schritte?"),
    t("Keiner erreichbar, seit 45 Minuten in der Warteschleife!!! ", HOTLINE),
    t("Wird die professionelle Zahnreinigung bezahlt? Kostet 120 Euro beim Zahnarzt."),
    t(
        "Mein Antrag auf Krankengeld ",
        lambda g: g.reference(),
        " wurde ",
        letter_date,
        " abgelehnt.",
    ),
    t("Kündigung zum 31.12.2024, bitte bestätigen. ", lambda g: g.reference()),
    t("Wo finde ich das Formular für die Familienversicherung? Seite 3 im Antrag ist leer."),
    t("Wie lange dauert die Bearbeitung? Ich warte seit dem 01.03.2024."),
    t("Passwort vergessen, Login geht nicht, Version 3.14.2 der App"),
    t("Eure Filiale in der Innenstadt hat zu, ganz toll gemacht"),
    t("Was kostet die Familienversicherung? 0 Euro?"),
    t("Termin beim Medizinischen Dienst am 12.05.2025 um 10:30 Uhr – muss ich was mitbringen?"),
]


# ---------------------------------------------------------------- rendering


def typo(g: Generator, s: str) -> str:
    """One random typo in a longer piece of template text (swap, drop, double)."""
    words = [m for m in re.finditer(r"[a-zäöüß]{5,}", s)]
    if not words:
        return s
    w = g.rng.choice(words)
    i = g.rng.randint(w.start() + 1, w.end() - 2)
    op = g.rng.choice(["swap", "drop", "double"])
    if op == "swap":
        return s[:i] + s[i + 1] + s[i] + s[i + 2 :]
    if op == "drop":
        return s[:i] + s[i + 1 :]
    return s[:i] + s[i] + s[i:]


def render(g: Generator, parts: list[Part], lower: bool, sloppy: bool) -> tuple[str, list[dict]]:
    text = ""
    spans: list[dict] = []
    for p in parts:
        if isinstance(p, str):
            seg = p
            if sloppy and len(seg) > 12 and g.rng.random() < 0.35:
                seg = typo(g, seg)
            if lower:
                seg = seg.lower()
            text += seg
            continue
        value, etype, seen = p
        if lower and etype in ("PERSON", "HEALTH_CONDITION", "MEDICATION", "ADDRESS", None):
            value = value.lower()
        start = len(text)
        text += value
        if etype:
            span = {"start": start, "end": len(text), "entity_type": etype}
            if seen is not None and etype in ("PERSON", "HEALTH_CONDITION", "MEDICATION"):
                span["seen"] = bool(seen)
            spans.append(span)
    if sloppy:
        if g.rng.random() < 0.3:
            text = text.rstrip(".!") + " " + g.rng.choice(EMOJI)
        elif g.rng.random() < 0.2:
            text = text.rstrip(".")
    return text, spans


def build(seed: int = 20240603, n_pii: int = 340, n_decoy: int = 70) -> list[dict]:
    g = Generator(seed)
    rows: list[dict] = []
    for i in range(n_pii):
        tpl = TEMPLATES[i % len(TEMPLATES)] if i < 2 * len(TEMPLATES) else g.rng.choice(TEMPLATES)
        parts = tpl(g)
        lower = g.rng.random() < 0.15
        text, spans = render(g, parts, lower=lower, sloppy=g.rng.random() < 0.6)
        rows.append({"id": f"m{i:04d}", "text": text, "spans": spans, "kind": "pii"})
    for i in range(n_decoy):
        tpl = DECOYS[i % len(DECOYS)] if i < len(DECOYS) else g.rng.choice(DECOYS)
        text, spans = render(g, tpl(g), lower=g.rng.random() < 0.15, sloppy=g.rng.random() < 0.5)
        assert not spans
        rows.append({"id": f"d{i:04d}", "text": text, "spans": [], "kind": "decoy"})
    g.rng.shuffle(rows)
    for row in rows:
        for s in row["spans"]:
            assert 0 <= s["start"] < s["end"] <= len(row["text"])
    return rows


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, default=ROOT / "tests" / "data" / "mask_gold.jsonl")
    parser.add_argument("--seed", type=int, default=20240603)
    args = parser.parse_args()
    rows = build(args.seed)
    args.out.parent.mkdir(parents=True, exist_ok=True)
    with args.out.open("w", encoding="utf-8") as fh:
        for row in rows:
            fh.write(json.dumps(row, ensure_ascii=False) + "\n")
    counts: dict[str, int] = {}
    for row in rows:
        for s in row["spans"]:
            counts[s["entity_type"]] = counts.get(s["entity_type"], 0) + 1
    print(f"{len(rows)} messages -> {args.out}")
    for k, v in sorted(counts.items()):
        print(f"  {k:22s} {v}")


if __name__ == "__main__":
    main()
