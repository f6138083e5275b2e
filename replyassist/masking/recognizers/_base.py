"""Shared plumbing for the project's own (non-regex-only) recognizers."""

from __future__ import annotations

from presidio_analyzer import AnalysisExplanation, LocalRecognizer, RecognizerResult
from presidio_analyzer.nlp_engine import NlpArtifacts


class SpanRecognizer(LocalRecognizer):
    """A recognizer that finds ``(start, end, score, reason)`` spans itself.

    Subclasses implement :meth:`find`; context handling is part of their
    logic (cues before/after a match), so Presidio's generic context boost is
    switched off by giving no context words.
    """

    ENTITY: str = ""

    def __init__(self, supported_language: str = "de", name: str | None = None) -> None:
        self._display_name: str = name or type(self).__name__
        super().__init__(
            supported_entities=[self.ENTITY],
            supported_language=supported_language,
            name=self._display_name,
        )

    def load(self) -> None:
        """Lexicons are loaded in ``__init__``; nothing to do here."""

    def find(self, text: str) -> list[tuple[int, int, float, str]]:
        raise NotImplementedError

    def analyze(
        self, text: str, entities: list[str], nlp_artifacts: NlpArtifacts | None = None
    ) -> list[RecognizerResult]:
        """Presidio entry point: wrap :meth:`find` spans as results."""
        if entities and self.ENTITY not in entities:
            return []
        return [self.result(s, e, score, why) for s, e, score, why in self.find(text)]

    def result(self, start: int, end: int, score: float, why: str) -> RecognizerResult:
        return RecognizerResult(
            entity_type=self.ENTITY,
            start=start,
            end=end,
            score=score,
            analysis_explanation=AnalysisExplanation(
                recognizer=self._display_name, original_score=score, textual_explanation=why
            ),
            recognition_metadata={
                RecognizerResult.RECOGNIZER_NAME_KEY: self._display_name,
                RecognizerResult.RECOGNIZER_IDENTIFIER_KEY: self.id,
            },
        )
