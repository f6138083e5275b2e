"""Phone recognizer: German notations, international numbers, decoys."""

from __future__ import annotations

from collections.abc import Callable

import pytest

Found = Callable[[str], list[tuple[str, str]]]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Rückruf unter 0351 1234567", "0351 1234567"),
        ("Handy +49 (0)171 2345678", "+49 (0)171 2345678"),
        ("mobil 0171/2345678!", "0171/2345678"),
        ("ruf mich an 0049 89 1234567", "0049 89 1234567"),
        ("0176 12345678 ist meine Nummer", "0176 12345678"),
        ("Tel. (030) 123 456 78", "(030) 123 456 78"),
        ("erreichbar unter +90 532 123 45 67", "+90 532 123 45 67"),
        ("Telefon: 0800-1234", "0800-1234"),
    ],
)
def test_found_in_text(found: Found, text: str, expected: str) -> None:
    assert [v for t, v in found(text) if t == "PHONE_NUMBER"] == [expected]


@pytest.mark.parametrize(
    "text",
    [
        "Hotline 0800 4375 3752 ist immer besetzt",  # allow-listed service number
        "geb. 03.05.1978",  # a date libphonenumber would accept
        "Ihr Schreiben vom 12.03.2024",
        "Az. KG-0376-2024",  # reference number
        "Aktenzeichen 2024/123456",
        "Betrag 49,90 € und 1.234,56 EUR",
        "Rechnungsnummer 123456789",
        "Telefonseelsorge 0800 111 0 111",
    ],
)
def test_not_found(found: Found, text: str) -> None:
    assert not [v for t, v in found(text) if t == "PHONE_NUMBER"]
