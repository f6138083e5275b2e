"""IBAN recognizer (ISO 13616 mod-97).

DE89 3704 0044 0532 0130 00 is the standard German example; DE02 1203 0000
0000 2020 51 a second published one. Lower case and one-block spellings come
from chats; a single changed digit must fail the checksum.
"""

from __future__ import annotations

from collections.abc import Callable

import pytest

from replyassist.masking.recognizers.de_iban_recognizer import iban_is_valid

Found = Callable[[str], list[tuple[str, str]]]


@pytest.mark.parametrize(
    "value",
    [
        "DE89370400440532013000",
        "DE89 3704 0044 0532 0130 00",
        "de02120300000000202051",
        "GB82 WEST 1234 5698 7654 32",
    ],
)
def test_valid(value: str) -> None:
    assert iban_is_valid(value)


@pytest.mark.parametrize(
    "value", ["DE89370400440532013001", "DE8937040044053201300", "XX89370400440532013000", "DE89-ä"]
)
def test_invalid(value: str) -> None:
    assert not iban_is_valid(value)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("IBAN: DE89 3704 0044 0532 0130 00 bitte", "DE89 3704 0044 0532 0130 00"),
        ("überweist auf de89370400440532013000 danke", "de89370400440532013000"),
        ("Konto DE02120300000000202051.", "DE02120300000000202051"),
    ],
)
def test_found_in_text(found: Found, text: str, expected: str) -> None:
    assert [v for t, v in found(text) if t == "IBAN_CODE"] == [expected]


@pytest.mark.parametrize(
    "text",
    ["IBAN DE89 3704 0044 0532 0130 01", "Vorgang DE12 3456 abgeschlossen", "49,90 € überwiesen"],
)
def test_not_found(found: Found, text: str) -> None:
    assert not [v for t, v in found(text) if t == "IBAN_CODE"]
