"""MEDICATION recognizer: lexicon, doses, INN stems, unknown brands in context."""

from __future__ import annotations

from collections.abc import Callable

import pytest

Found = Callable[[str], list[tuple[str, str]]]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Ich nehme Metformin 1000 mg täglich", ["Metformin 1000 mg"]),
        ("Ibuprofen 600 hilft nicht", ["Ibuprofen 600"]),
        ("Ich nehme Ibuprofen 800, aber", ["Ibuprofen 800"]),  # a bare dose before a comma
        ("Morgens Metformin 1000.", ["Metformin 1000"]),
        ("Ibuprofen 12.05. abgeholt", ["Ibuprofen"]),  # a date, not a dose
        # a word that alone is a topic counts when listed with a drug
        ("stabil mit Lithium und Quetiapin 300.", ["Lithium", "Quetiapin 300"]),
        ("Lithium ist ein Metall", []),
        ("Calcium und Magnesium sind wichtig", []),
        ("er braucht Insulin", ["Insulin"]),
        ("ne 800er ibu genommen", ["800er ibu"]),
        ("ASS 100 morgens", ["ASS 100"]),
        ("Candesartan 8 mg", ["Candesartan 8 mg"]),
        ("Olmesartan vertrage ich nicht", ["Olmesartan"]),  # INN stem, not in the lexicon
        ("Ustekinumab alle 12 Wochen", ["Ustekinumab"]),  # -mab
        ("Ich nehme Concor seit Jahren", ["Concor"]),  # unknown brand after a cue
        ("L-Thyroxin 75 µg", ["L-Thyroxin 75 µg"]),
        ("nehme magnesium", ["magnesium"]),  # supplement after a cue
    ],
)
def test_found(found: Found, text: str, expected: list[str]) -> None:
    assert [v for t, v in found(text) if t == "MEDICATION"] == expected


@pytest.mark.parametrize(
    "text",
    [
        "Magnesium ist gesund, sagt der Kurs",
        "Ich nehme Urlaub im April",
        "Das Protokoll vom April",
        "Die Apotheke hat zu",
        "Zuzahlung 10 Euro pro Rezept",
    ],
)
def test_not_found(found: Found, text: str) -> None:
    assert not [v for t, v in found(text) if t == "MEDICATION"]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Meine Immuntherapie (Keytruda) ist morgen", ["Keytruda"]),
        ("Mein Hausarzt hat mir Cannabis auf Rezept vorgeschlagen", ["Cannabis"]),
        ("Ich spritze Fiasp und Tresiba", ["Fiasp", "Tresiba"]),
        ("Ich nehme Marcumar und Novalgin", ["Marcumar", "Novalgin"]),
        ("L-Thyroxin 75 morgens", ["L-Thyroxin 75"]),
        ("Dupixent wurde nicht genehmigt", ["Dupixent"]),
    ],
)
def test_found_brands(found: Found, text: str, expected: list[str]) -> None:
    assert [v for t, v in found(text) if t == "MEDICATION"] == expected


@pytest.mark.parametrize(
    "text",
    [
        "Ich brauche einen Nachweis über meine Versicherungszeiten.",
        "Ich bekomme einen Bescheid per Post.",
        "Wie steht ihr zur Legalisierung von Cannabis?",
        "Ich brauche einen Versicherungsverlauf.",
    ],
)
def test_not_found_brand_decoys(found: Found, text: str) -> None:
    assert not [v for t, v in found(text) if t == "MEDICATION"]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Kinderarzt hat Salbutamol-Spray verschrieben", ["Salbutamol"]),
        ("meine Ocrevus-Infusionstermine fehlen", ["Ocrevus"]),
    ],
)
def test_drug_in_a_compound(found: Found, text: str, expected: list[str]) -> None:
    assert [v for t, v in found(text) if t == "MEDICATION"] == expected


def test_compound_without_a_drug_is_not_one(found: Found) -> None:
    assert [
        v for t, v in found("Die Anti-Aging-Creme und das Rezept-Formular") if t == "MEDICATION"
    ] == []


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "nimmt:\nTicagrelor 90 mg 2 mal\nBisoprolol 5 mg\nRamipril 2,5 mg",
            ["Ticagrelor 90 mg", "Bisoprolol 5 mg", "Ramipril 2,5 mg"],
        ),  # a dose stays on its drug's line
        ("Entresto 49/51 mg zweimal", ["Entresto 49/51 mg"]),
        ("dazu Kreon 25.000 zu jeder Mahlzeit", ["Kreon 25.000"]),
    ],
)
def test_found_lists_and_combination_doses(found: Found, text: str, expected: list[str]) -> None:
    assert [v for t, v in found(text) if t == "MEDICATION"] == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("nehme Quetiapin retard 200 mg abends", ["Quetiapin retard 200 mg"]),
        ("Oxycodon/Naloxon 10/5 zweimal", ["Oxycodon/Naloxon 10/5"]),  # a combination
        ("L-Thyrox HEXAL 100 morgens", ["L-Thyrox HEXAL 100"]),
    ],
)
def test_found_product_words_and_combinations(found: Found, text: str, expected: list[str]) -> None:
    assert [v for t, v in found(text) if t == "MEDICATION"] == expected


def test_product_word_alone_is_not_a_dose(found: Found) -> None:
    assert [v for t, v in found("ich bin retard") if t == "MEDICATION"] == []
