"""KVNR (Krankenversichertennummer), Presidio's recognizer for chat spellings."""

from __future__ import annotations

from presidio_analyzer import Pattern
from presidio_analyzer.predefined_recognizers import DeHealthInsuranceRecognizer


def kvnr_is_valid(candidate: str) -> bool:
    """§ 290 SGB V Anlage 1 check digit.

    The letter becomes two digits (A=01 ... Z=26); with the next eight digits
    that gives ten digits, weighted 1,2,1,2,...; products >= 10 are replaced by
    their digit sum; the sum modulo 10 is the tenth digit.
    Example: A000500015 -> 0,1,0,0,0,5,0,0,0,1 -> 0+2+0+0+0+1+0+0+0+2 = 5.
    """
    value = "".join(candidate.split()).replace("-", "").upper()
    if len(value) != 10 or not ("A" <= value[0] <= "Z") or not value[1:].isdigit():
        return False
    digits = f"{ord(value[0]) - 64:02d}" + value[1:9]
    total = 0
    for i, ch in enumerate(digits):
        product = int(ch) * (2 if i % 2 else 1)
        total += product // 10 + product % 10
    return total % 10 == int(value[9])


class DeKvnrRecognizer(DeHealthInsuranceRecognizer):
    """Health insurance numbers (KVNR): ``A000500015``, ``a 000 500 015``.

    Format: one letter + 9 digits, the last a check digit (see
    :func:`kvnr_is_valid`; Presidio's algorithm is correct and reused in spirit).
    Presidio only matches an upper-case letter directly followed by the digits;
    customers also type the letter in lower case or group the digits as printed
    on the card, so two patterns are added.

    Score: the pattern is broad (any letter + 9 digits); the check digit is the
    real defence (1 in 10 random strings pass), so a valid number gets 1.0 and an
    invalid one is dropped.
    """

    PATTERNS = [  # noqa: RUF012 (Presidio convention)
        Pattern("KVNR (letter + 9 digits)", r"\b[A-Za-z]\d{9}\b", 0.3),
        Pattern("KVNR (grouped)", r"\b[A-Za-z][ -]?\d{3}[ -]?\d{3}[ -]?\d{3}\b", 0.3),
    ]

    CONTEXT = [  # noqa: RUF012 (Presidio convention)
        *DeHealthInsuranceRecognizer.CONTEXT,
        "versicherungsnummer",
        "kk-nummer",
        "kassennummer",
        "karte",
        "mitgliedsnummer",
        "tk",
        "ikk",
        "hkk",
    ]

    def __init__(self, supported_language: str = "de") -> None:
        super().__init__(
            patterns=self.PATTERNS, context=self.CONTEXT, supported_language=supported_language
        )

    def validate_result(self, pattern_text: str) -> bool:
        """The KVNR check digit."""
        return kvnr_is_valid(pattern_text)
