"""Pension insurance number (DE_SOCIAL_SECURITY) recognizer.

Valid examples (VKVV § 4: letter -> 2 digits, weights 2,1,2,5,7,1,2,1,2,1,2,1,
cross sums of the products, sum mod 10):
- 15070649C103: the DRV example; 2+5+0+8+0+6+8+9+0+3+2+0 = 43 -> 3.
- 65 170839 J 00 3 style grouping is what the card prints; tested via a
  number computed by the reference algorithm below.
- a day with the +50 supplement (e.g. 56 = 6th) is valid; day 45 is not.
"""

from __future__ import annotations

from collections.abc import Callable

import pytest

from replyassist.masking.recognizers.de_pension_number_recognizer import (
    pension_number_is_valid,
)

Found = Callable[[str], list[tuple[str, str]]]
_W = (2, 1, 2, 5, 7, 1, 2, 1, 2, 1, 2, 1)


def _complete(first11: str) -> str:
    eff = first11[:8] + f"{ord(first11[8]) - 64:02d}" + first11[9:11]
    total = sum((int(d) * w) // 10 + (int(d) * w) % 10 for d, w in zip(eff, _W, strict=True))
    return first11 + str(total % 10)


GROUPED = _complete("65170839J00")
SUPPLEMENT_DAY = _complete("12560378M51")


@pytest.mark.parametrize("value", ["15070649C103", GROUPED, SUPPLEMENT_DAY, "15070649c103"])
def test_valid(value: str) -> None:
    assert pension_number_is_valid(value)


@pytest.mark.parametrize(
    "value",
    [
        "15070649C104",  # wrong check digit
        _complete("12450378M51"),  # day 45 is impossible
        _complete("12151378M51"),  # month 13
        "1507064C9103",
        "15070649CC03",
    ],
)
def test_invalid(value: str) -> None:
    assert not pension_number_is_valid(value)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Rentenversicherungsnummer 15070649C103.", "15070649C103"),
        (f"SV-Nummer: {GROUPED[:2]} {GROUPED[2:8]} {GROUPED[8]} {GROUPED[9:]}", None),
        ("meine sv nummer 15070649c103", "15070649c103"),
    ],
)
def test_found_in_text(found: Found, text: str, expected: str | None) -> None:
    hits = [v for t, v in found(text) if t == "DE_SOCIAL_SECURITY"]
    assert len(hits) == 1
    if expected:
        assert hits == [expected]


@pytest.mark.parametrize(
    "text",
    ["Rentenversicherungsnummer 15070649C104", "Vorgang 12345678X123 abgelehnt", "Rente ab 2025"],
)
def test_not_found(found: Found, text: str) -> None:
    assert not [v for t, v in found(text) if t == "DE_SOCIAL_SECURITY"]
