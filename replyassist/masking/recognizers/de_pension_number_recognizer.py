"""Pension insurance number (Rentenversicherungsnummer), Presidio's recognizer
widened to the grouped spelling printed on the social insurance card."""

from __future__ import annotations

from presidio_analyzer import Pattern
from presidio_analyzer.predefined_recognizers import DeSocialSecurityRecognizer

_WEIGHTS = (2, 1, 2, 5, 7, 1, 2, 1, 2, 1, 2, 1)


def pension_number_is_valid(candidate: str) -> bool:
    """VKVV § 4 check digit plus the birth-date structure.

    Layout: 2 digits area, 6 digits birth date DDMMYY (day may carry +50),
    1 letter (initial of the birth name), 2 digits serial, 1 check digit.
    The letter becomes two digits (A=01 ... Z=26), giving 12 digits weighted
    2,1,2,5,7,1,2,1,2,1,2,1; the digit sums of the products are added; the sum
    modulo 10 is the check digit. Example 15070649C103 -> 43 -> 3.
    """
    value = "".join(candidate.split()).upper()
    if len(value) != 12 or not value[:8].isdigit() or not ("A" <= value[8] <= "Z"):
        return False
    if not value[9:].isdigit():
        return False
    day, month = int(value[2:4]), int(value[4:6])
    if not (1 <= day <= 31 or 51 <= day <= 81) or not 1 <= month <= 12:
        return False
    digits = value[:8] + f"{ord(value[8]) - 64:02d}" + value[9:11]
    total = sum(
        (int(d) * w) // 10 + (int(d) * w) % 10 for d, w in zip(digits, _WEIGHTS, strict=True)
    )
    return total % 10 == int(value[11])


class DePensionNumberRecognizer(DeSocialSecurityRecognizer):
    """Pension insurance numbers (``15070649C103``, ``15 070649 C 103``).

    Presidio's check digit is correct (see :func:`pension_number_is_valid`), but
    it misses the grouped form of the Sozialversicherungsausweis and a
    lower-case letter, which customers type.

    Score: the pattern is broad; the check digit and birth-date structure are
    the real defence, so a valid number gets 1.0 and an invalid one is dropped.
    """

    PATTERNS = [  # noqa: RUF012 (Presidio convention)
        Pattern("RVNR (compact)", r"\b\d{8}[A-Za-z]\d{3}\b", 0.3),
        Pattern("RVNR (grouped)", r"\b\d{2}[ ]?\d{6}[ ]?[A-Za-z][ ]?\d{3}\b", 0.3),
        Pattern("RVNR (card)", r"\b\d{2} \d{2} ?\d{2} ?\d{2} [A-Za-z] ?\d{2} ?\d\b", 0.3),
    ]

    CONTEXT = [  # noqa: RUF012 (Presidio convention)
        *DeSocialSecurityRecognizer.CONTEXT,
        "rentennummer",
        "sv-nr",
        "sozialvers",
    ]

    def __init__(self, supported_language: str = "de") -> None:
        super().__init__(
            patterns=self.PATTERNS, context=self.CONTEXT, supported_language=supported_language
        )

    def validate_result(self, pattern_text: str) -> bool:
        """The VKVV check digit and birth-date ranges."""
        return pension_number_is_valid(pattern_text)
