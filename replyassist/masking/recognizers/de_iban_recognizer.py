"""IBANs, Presidio's recognizer with case-insensitive matching and quiet validation."""

from __future__ import annotations

import re
import string

import regex
from presidio_analyzer.predefined_recognizers import IbanRecognizer
from presidio_analyzer.predefined_recognizers.generic.iban_patterns import regex_per_country

_LETTERS = {ord(c): str(i) for i, c in enumerate(string.digits + string.ascii_uppercase)}
_SEPARATORS = re.compile(r"[\s\-]")


def iban_is_valid(candidate: str) -> bool:
    """ISO 13616 check: country format, then ``int(rearranged) % 97 == 1``.

    Steps: drop spaces/dashes, upper-case, check the country's length/format,
    move the first four characters to the end, replace letters by 10..35, and
    the number modulo 97 must be 1.
    """
    iban = _SEPARATORS.sub("", candidate).upper()
    if not 15 <= len(iban) <= 34 or not iban.isalnum() or not iban.isascii():
        return False
    country_regex = regex_per_country.get(iban[:2])
    if not country_regex or not regex.fullmatch(country_regex, iban):
        return False
    return int((iban[4:] + iban[:4]).translate(_LETTERS)) % 97 == 1


class DeIbanRecognizer(IbanRecognizer):
    """IBANs with or without spaces (``DE89 3704 0044 0532 0130 00``).

    Format: country code, two check digits, the country's BBAN (22 characters
    in all for Germany); written in groups of four or in one block.
    Validation: ISO 13616 mod-97 (:func:`iban_is_valid`). Presidio's check digit
    logic is right, but it only matches upper case (chats write ``de89 ...``)
    and on a malformed value it logs the value itself, so validation is
    replaced by one that never logs.

    Score: the checksum is the real defence (1 in 97 random strings pass), so
    a valid IBAN gets 1.0 and an invalid one is dropped.
    """

    CONTEXT = [  # noqa: RUF012 (Presidio convention)
        "iban",
        "konto",
        "kontonummer",
        "bankverbindung",
        "bank",
        "überweisung",
        "lastschrift",
        "sepa",
        "erstattung",
        "auszahlung",
    ]

    def __init__(self, supported_language: str = "de") -> None:
        super().__init__(
            context=self.CONTEXT,
            supported_language=supported_language,
            regex_flags=re.DOTALL | re.MULTILINE | re.IGNORECASE,
        )

    def validate_result(self, pattern_text: str) -> bool:
        """Mod-97 check digits plus the country's BBAN format."""
        return iban_is_valid(pattern_text)
