"""KVNR (DE_HEALTH_INSURANCE) recognizer.

Hand-computed valid numbers (§ 290 SGB V Anlage 1: letter -> 2 digits,
weights 1,2,1,2,..., cross sums, sum mod 10):
- A000500015: the official example; 0+2+0+0+0+1+0+0+0+2 = 5.
- Z999999997: upper-bound letter (Z=26) and all-9 digits, the worst-case
  cross sums: 2 + (12->3) + 9 + (18->9) + ... = 2+3+8*9 = 77 -> 7.
- T123456780: an ordinary number (T=20): 2+0+1+4+3+8+5+(12->3)+7+(16->7) = 40 -> 0;
  also tested in lower case and grouped as printed on the card.
"""

from __future__ import annotations

from collections.abc import Callable

import pytest

from replyassist.masking.recognizers.de_kvnr_recognizer import kvnr_is_valid

Found = Callable[[str], list[tuple[str, str]]]


def _check_digit(prefix: str) -> str:
    digits = f"{ord(prefix[0]) - 64:02d}" + prefix[1:]
    total = 0
    for i, ch in enumerate(digits):
        p = int(ch) * (2 if i % 2 else 1)
        total += p // 10 + p % 10
    return prefix + str(total % 10)


VALID_Z = _check_digit("Z99999999")
VALID_T = _check_digit("T12345678")


def test_hand_computed_examples() -> None:
    assert (VALID_Z, VALID_T) == ("Z999999997", "T123456780")


@pytest.mark.parametrize("value", ["A000500015", VALID_Z, VALID_T, VALID_T.lower()])
def test_check_digit_accepts_valid(value: str) -> None:
    assert kvnr_is_valid(value)


@pytest.mark.parametrize(
    "value",
    ["A000500016", "A00050001", "A0005000155", "1000500015", "Ä000500015", ""],
)
def test_check_digit_rejects_invalid(value: str) -> None:
    assert not kvnr_is_valid(value)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Meine KVNR ist A000500015.", "A000500015"),
        ("versichertennummer a000500015 bitte", "a000500015"),
        (f"Nr. {VALID_T[0]} {VALID_T[1:4]} {VALID_T[4:7]} {VALID_T[7:]} steht auf der Karte", None),
        (f"karte {VALID_Z}", VALID_Z),
    ],
)
def test_found_in_text(found: Found, text: str, expected: str | None) -> None:
    hits = [v for t, v in found(text) if t == "DE_HEALTH_INSURANCE"]
    assert len(hits) == 1
    if expected:
        assert hits == [expected]


@pytest.mark.parametrize(
    "text",
    [
        "Meine KVNR ist A000500016.",  # wrong check digit
        "Bestellnummer B12345678901 ist falsch",  # too long
        "Aktenzeichen K-2024-123456",
        "Das Krankengeld kam nicht",
    ],
)
def test_not_found(found: Found, text: str) -> None:
    assert not [v for t, v in found(text) if t == "DE_HEALTH_INSURANCE"]
