"""Build the shipped name and town lexicons from Faker's locale data.

Run ``python -m replyassist.masking.build_lexicons`` (deterministic; needs
Faker, which is a development dependency only). The output files under
``replyassist/masking/data/`` are plain text, one entry per line, and are
committed, so the runtime never imports Faker.

No hold-out: the shipped lexicons contain *every* usable name and town of
:data:`LEXICON_LOCALES` (an earlier version left a 20 % hash bucket out so the
synthetic gold could measure unseen names; that dropped real users' names).
Generalisation is now measured on the independent hand-labelled sets
(``tests/data/mask_gold_handwritten*.jsonl``). The synthetic gold generator
(``examples/datasets/build_mask_gold.py``) still reports "unseen" names: it
draws part of its names from :data:`UNSEEN_LOCALES`, which are deliberately
*not* read here, and marks every span whose value is not in the shipped
lexicon as ``"seen": false``.
"""

from __future__ import annotations

import importlib
from collections.abc import Iterable
from pathlib import Path

DATA_DIR = Path(__file__).resolve().parent / "data"

#: Locales whose names go into the lexicon (Latin script, or transliterated).
LEXICON_LOCALES = (
    "de_DE",
    "de_AT",
    "tr_TR",
    "pl_PL",
    "it_IT",
    "en_US",
    "ru_RU",
    "uk_UA",
    # third session: writers from India, Vietnam, Nigeria, Ghana, Romania and
    # East Africa were missed when they signed with their names
    "en_IN",
    "vi_VN",
    "yo_NG",
    "tw_GH",
    "ro_RO",
    "sw",
)
#: Locales that must stay OUT of the lexicon: the synthetic gold draws its
#: "unseen" names from them (see the module docstring).
UNSEEN_LOCALES = ("hr_HR", "nl_NL", "fr_FR", "es_ES", "cs_CZ", "hu_HU", "pt_PT")

# German (Duden-style) and English-style transliteration of Cyrillic names:
# "Иванов" appears as "Iwanow" in German letters and "Ivanov" in passports.
_CYR_DE = {
    "а": "a",
    "б": "b",
    "в": "w",
    "г": "g",
    "д": "d",
    "е": "e",
    "ё": "jo",
    "ж": "sch",
    "з": "s",
    "и": "i",
    "й": "i",
    "к": "k",
    "л": "l",
    "м": "m",
    "н": "n",
    "о": "o",
    "п": "p",
    "р": "r",
    "с": "s",
    "т": "t",
    "у": "u",
    "ф": "f",
    "х": "ch",
    "ц": "z",
    "ч": "tsch",
    "ш": "sch",
    "щ": "schtsch",
    "ъ": "",
    "ы": "y",
    "ь": "",
    "э": "e",
    "ю": "ju",
    "я": "ja",
    "є": "je",
    "і": "i",
    "ї": "ji",
    "ґ": "g",
}
_CYR_EN = {
    **_CYR_DE,
    "в": "v",
    "ж": "zh",
    "з": "z",
    "й": "y",
    "х": "kh",
    "ц": "ts",
    "ч": "ch",
    "ш": "sh",
    "щ": "shch",
    "ю": "yu",
    "я": "ya",
    "ё": "yo",
    "є": "ye",
    "ї": "yi",
}

#: Arabic names as they are usually written in German texts (Faker's Arabic
#: locales are in Arabic script only).
ARABIC_FIRST = [
    "Mohammed",
    "Mohamed",
    "Muhammad",
    "Mohammad",
    "Ahmad",
    "Ahmed",
    "Ali",
    "Hassan",
    "Hussein",
    "Husein",
    "Omar",
    "Umar",
    "Mustafa",
    "Mahmoud",
    "Mahmud",
    "Yusuf",
    "Youssef",
    "Ibrahim",
    "Khaled",
    "Khalid",
    "Karim",
    "Samir",
    "Tarek",
    "Tariq",
    "Walid",
    "Nabil",
    "Jamal",
    "Rami",
    "Bilal",
    "Hamza",
    "Anas",
    "Amir",
    "Yasin",
    "Yassin",
    "Abdullah",
    "Abdul",
    "Said",
    "Saeed",
    "Faisal",
    "Fadi",
    "Majid",
    "Nasser",
    "Ziad",
    "Rashid",
    "Osama",
    "Adnan",
    "Sami",
    "Hadi",
    "Mazen",
    "Bassam",
    "Imad",
    "Ayman",
    "Fatima",
    "Fatma",
    "Aisha",
    "Aischa",
    "Mariam",
    "Maryam",
    "Leila",
    "Layla",
    "Noor",
    "Nour",
    "Amira",
    "Yasmin",
    "Jasmin",
    "Rania",
    "Samira",
    "Salma",
    "Huda",
    "Hanan",
    "Dina",
    "Lina",
    "Rana",
    "Zainab",
    "Zeynab",
    "Asma",
    "Hiba",
    "Amal",
    "Nadia",
    "Nadja",
    "Ranya",
    "Soraya",
    "Malak",
    "Sara",
    "Sarah",
    "Aya",
    "Iman",
    "Reem",
    "Ghada",
    "Nisrin",
    "Lamia",
    "Hala",
    "Basma",
    "Widad",
]
ARABIC_LAST = [
    "Al-Hassan",
    "Al-Ahmad",
    "Al-Ali",
    "Haddad",
    "Khalil",
    "Nasser",
    "Saleh",
    "Mansour",
    "Mansur",
    "Abdullah",
    "Hamdan",
    "Ibrahim",
    "Youssef",
    "Darwish",
    "Haddad",
    "Hamdi",
    "Khoury",
    "Aziz",
    "Rahman",
    "Hashemi",
    "Masri",
    "Othman",
    "Osman",
    "Suleiman",
    "Sulaiman",
    "Jaber",
    "Qasim",
    "Kassem",
    "Nassar",
    "Halabi",
    "Shami",
    "Bakr",
    "Fakhoury",
    "Saad",
    "Zaki",
    "Habib",
    "Hamoud",
    "Alawi",
    "Karimi",
    "Rahimi",
    "Ahmadi",
    "Hosseini",
    "Mohammadi",
    "Rezaei",
    "Najjar",
    "Sabbagh",
    "Tamimi",
    "El-Sayed",
    "Elsayed",
    "Abdelrahman",
    "Abdel",
    "Mahmoud",
    "Mustafa",
    "Barakat",
    "Shalabi",
    "Hijazi",
    "Awad",
]


def _translit(name: str, table: dict[str, str]) -> str:
    out = "".join(table.get(ch.lower(), ch) if ch.lower() in table else ch for ch in name)
    return out[:1].upper() + out[1:] if out else out


def _person_provider(locale: str) -> type:
    return importlib.import_module(f"faker.providers.person.{locale}").Provider


def _collect(provider: type, attrs: Iterable[str]) -> set[str]:
    names: set[str] = set()
    for attr in attrs:
        value = getattr(provider, attr, None)
        if value:
            names.update(str(v) for v in value)
    return names


def faker_names(locale: str) -> tuple[set[str], set[str]]:
    """All first and last names of a Faker locale, Cyrillic transliterated."""
    p = _person_provider(locale)
    first = _collect(p, ("first_names", "first_names_male", "first_names_female"))
    last = _collect(
        p,
        (
            "last_names",
            "last_names_male",
            "last_names_female",
            "male_last_names",
            "unisex_last_names",
        ),
    )
    last.discard("Doe")
    if locale in ("ru_RU", "uk_UA"):
        first = {_translit(n, t) for n in first for t in (_CYR_DE, _CYR_EN)}
        last = {_translit(n, t) for n in last for t in (_CYR_DE, _CYR_EN)}
    return first, last


def _is_latin_name(name: str) -> bool:
    return (
        len(name) >= 2
        and all(ch.isalpha() or ch in "-' " for ch in name)
        and all(
            ch.isascii()
            or "\u00c0" <= ch <= "\u024f"
            or "\u1e00" <= ch <= "\u1eff"  # Vietnamese
            or not ch.isalpha()
            for ch in name
        )
    )


def common_words() -> set[str]:
    """Words that must never be taken for a name (lower-case)."""
    from spacy.lang.de.stop_words import STOP_WORDS

    lorem = importlib.import_module("faker.providers.lorem.de_DE").Provider.word_list
    words = {w.casefold() for w in STOP_WORDS} | {w.casefold() for w in lorem}
    manual = (DATA_DIR / "common_words_de.txt").read_text(encoding="utf-8").split()
    return words | {w.casefold() for w in manual if not w.startswith("#")}


def build() -> dict[str, int]:
    """Write first_names.txt, last_names.txt and towns.txt; return their sizes."""
    blocked = common_words()
    first: set[str] = set(ARABIC_FIRST)
    last: set[str] = set(ARABIC_LAST)
    for locale in LEXICON_LOCALES:
        f, la = faker_names(locale)
        first |= f
        last |= la
    towns = set(importlib.import_module("faker.providers.address.de_DE").Provider.cities)

    def keep(entries: set[str]) -> list[str]:
        return sorted(e for e in entries if _is_latin_name(e) and e.casefold() not in blocked)

    out = {
        "first_names.txt": keep(first),
        "last_names.txt": keep(last),
        "towns.txt": sorted(towns),
    }
    header = "# generated by python -m replyassist.masking.build_lexicons; do not edit\n"
    for name, entries in out.items():
        (DATA_DIR / name).write_text(header + "\n".join(entries) + "\n", encoding="utf-8")
    return {name: len(entries) for name, entries in out.items()}


if __name__ == "__main__":
    for file_name, size in build().items():
        print(f"{file_name}: {size} entries")
