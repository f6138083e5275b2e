"""Phone numbers in German notation, Presidio's recognizer with German context."""

from __future__ import annotations

import re

import phonenumbers
from presidio_analyzer import AnalysisExplanation, RecognizerResult
from presidio_analyzer.nlp_engine import NlpArtifacts
from presidio_analyzer.predefined_recognizers import PhoneRecognizer

# A German number as written by people: +49/0049/0 prefix, groups separated
# by space, slash, dash or "(0)"; used where libphonenumber rejects a number
# (short service numbers such as 0800-1234, unassigned ranges).
_FALLBACK = re.compile(
    r"(?<![\w+.,/-])(?:\+\d{2,3}|00\d{2,3}|\(0|0)(?:[ \t]?\(0\))?(?:[ \t]*[/\-]?[ \t]*\(?\d+\)?){1,6}(?![\w.,]\d)"
)
_DATE_LIKE = re.compile(r"\d{1,2}\.\d{1,2}\.(?:\d{2}|\d{4})")
_PREFIX = re.compile(r"[+(]|0")
# "04.–06.03" (a date range) or "03.05." inside a match: a date, not a number
_DATE_PART = re.compile(r"\d{1,2}\.\s*[–-]|\d{1,2}\.\d{1,2}\.")
_CUE = re.compile(
    r"(?i)(?:tel\b|tel\.|telefon|handy|mobil|nummer|erreichbar|anrufen|anruf|rückruf|zurückruf"
    r"|\bruf|whatsapp|fax|festnetz|call|phone|\bunter\b|kontakt)"
)


class DePhoneRecognizer(PhoneRecognizer):
    """German and international phone numbers in any usual notation.

    Format: what libphonenumber accepts as a *valid* number for region DE
    (``0351 1234567``, ``+49 (0)171 2345678``, ``0171/2345678``, ``+90 532 ...``),
    plus a fallback pattern for 7-15 digit numbers with a German prefix that the
    library rejects (``0800-1234``).

    Score: Presidio gives every match 0.4 and relies on English context words,
    so a German message without "phone" falls under the threshold. Here a
    libphonenumber-valid number that starts with ``+``/``0`` (as every German
    number in text does) scores 0.6; dates like ``03.05.1978``, which the
    library also accepts, and digit runs without a prefix (reference numbers)
    are rejected. Fallback matches score 0.4 and need a German context word. A cue word
    ("Tel.", "Handy", "erreichbar unter", "Rückruf") within 40 characters before
    adds 0.35. The cue check is done here rather than by Presidio's context
    enhancer, which drops short words such as "Tel" before comparing.
    """

    SCORE = 0.6
    FALLBACK_SCORE = 0.4
    CONTEXT = [  # noqa: RUF012 (Presidio convention)
        "telefon",
        "tel",
        "telefonnummer",
        "handy",
        "handynummer",
        "mobil",
        "mobilnummer",
        "nummer",
        "rufnummer",
        "rückruf",
        "zurückrufen",
        "anrufen",
        "ruf",
        "ruft",
        "erreichbar",
        "erreichen",
        "festnetz",
        "whatsapp",
        "fax",
        "phone",
        "call",
    ]

    def __init__(self, supported_language: str = "de") -> None:
        super().__init__(
            context=self.CONTEXT,
            supported_language=supported_language,
            supported_regions=("DE",),
            leniency=1,
        )
        self.context = []  # own cue handling, see class docstring

    def analyze(
        self, text: str, entities: list[str], nlp_artifacts: NlpArtifacts | None = None
    ) -> list[RecognizerResult]:
        """libphonenumber matches (filtered) plus fallback matches they do not cover."""
        results: list[RecognizerResult] = []
        covered: list[tuple[int, int]] = []
        for match in phonenumbers.PhoneNumberMatcher(text, "DE", leniency=self.leniency or 0):
            raw = match.raw_string
            if not _PREFIX.match(raw) or _DATE_LIKE.fullmatch(raw) or _DATE_PART.search(raw):
                continue
            if match.start and text[match.start - 1] in "-/.,":  # "KG-0376-2024"
                continue
            score = self._boost(text, match.start, self.SCORE)
            results.append(self._result(match.start, match.end, score, "libphonenumber"))
            covered.append((match.start, match.end))
        for m in _FALLBACK.finditer(text):
            start, end = m.span()
            raw = m.group().rstrip()
            end = start + len(raw)
            digits = sum(ch.isdigit() for ch in raw)
            if not 7 <= digits <= 15 or _DATE_LIKE.fullmatch(raw):
                continue
            if any(s < end and start < e for s, e in covered):
                continue
            score = self._boost(text, start, self.FALLBACK_SCORE)
            results.append(self._result(start, end, score, "fallback pattern"))
        return results

    @staticmethod
    def _boost(text: str, start: int, score: float) -> float:
        if _CUE.search(text, max(0, start - 40), start):
            return min(1.0, score + 0.35)
        return score

    def _result(self, start: int, end: int, score: float, how: str) -> RecognizerResult:
        return RecognizerResult(
            entity_type=self.supported_entities[0],
            start=start,
            end=end,
            score=score,
            analysis_explanation=AnalysisExplanation(
                recognizer=type(self).__name__,
                original_score=score,
                textual_explanation=f"Phone number ({how})",
            ),
            recognition_metadata={
                RecognizerResult.RECOGNIZER_NAME_KEY: type(self).__name__,
                RecognizerResult.RECOGNIZER_IDENTIFIER_KEY: self.id,
            },
        )
