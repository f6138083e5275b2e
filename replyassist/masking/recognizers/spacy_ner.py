"""PERSON, HEALTH_CONDITION and MEDICATION from a trained spaCy NER pipeline.

The pipeline (``models/ner-de``, trained by ``examples/ner/train_ner.sh`` on
generated German messages plus the hand-labelled development sets) runs inside Presidio's NLP engine; this recognizer
only turns the engine's entities into results. Its score is deliberately
below the rule recognizers' lexicon scores (0.8-0.85): in "combined" mode a
rule span wins a boundary conflict, and the NER adds what the rules miss.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping, Sequence

from presidio_analyzer import RecognizerResult
from presidio_analyzer.nlp_engine import NerModelConfiguration, NlpArtifacts
from presidio_analyzer.predefined_recognizers import SpacyRecognizer

from replyassist.masking.config import NER_ENTITY_TYPES

__all__ = ["NER_SCORE", "DeSpacyNerRecognizer", "ner_model_configuration"]

#: Score of every NER finding (spaCy's transition-based NER has no confidence).
NER_SCORE = 0.65

#: Model labels understood, mapped to the taxonomy's entity types.
LABEL_MAP: dict[str, str] = {
    "PERSON": "PERSON",
    "PER": "PERSON",
    "HEALTH_CONDITION": "HEALTH_CONDITION",
    "MEDICATION": "MEDICATION",
}


def ner_model_configuration(
    model_labels: Iterable[str],
    entity_types: Sequence[str] = NER_ENTITY_TYPES,
    score: float = NER_SCORE,
) -> NerModelConfiguration:
    """Presidio's mapping for a pipeline with ``model_labels``.

    Labels that map to a type outside ``entity_types`` (or to nothing) are
    ignored, so the engine neither warns about them nor passes them on.
    """
    labels = sorted(set(model_labels))
    mapping = {label: LABEL_MAP[label] for label in labels if label in LABEL_MAP}
    ignore = [label for label in labels if mapping.get(label) not in entity_types]
    return NerModelConfiguration(
        model_to_presidio_entity_mapping=mapping,
        labels_to_ignore=ignore,
        default_score=score,
        low_score_entity_names=[],
    )


class DeSpacyNerRecognizer(SpacyRecognizer):
    """Presidio's ``SpacyRecognizer`` for German and the taxonomy's NER types.

    ``plausible`` maps an entity type to a check of the proposed text (for
    PERSON: :meth:`DePersonRecognizer.could_be_name`); a finding that fails
    it is dropped. The model proposes greetings, nouns and words of other
    scripts as names; the rules' word lists know better.
    """

    def __init__(
        self,
        supported_language: str = "de",
        supported_entities: Sequence[str] = NER_ENTITY_TYPES,
        plausible: Mapping[str, Callable[[str], bool]] | None = None,
    ) -> None:
        unknown = [t for t in supported_entities if t not in NER_ENTITY_TYPES]
        if unknown:
            raise ValueError(f"unsupported entity type(s) {', '.join(sorted(unknown))}")
        super().__init__(
            supported_language=supported_language,
            supported_entities=list(supported_entities),
            ner_strength=NER_SCORE,
            name="DeSpacyNerRecognizer",
        )
        self.plausible = dict(plausible or {})

    def analyze(
        self,
        text: str,
        entities: list[str],
        nlp_artifacts: NlpArtifacts | None = None,
    ) -> list[RecognizerResult]:
        results = super().analyze(text, entities, nlp_artifacts)
        return [
            r
            for r in results
            if (check := self.plausible.get(r.entity_type)) is None or check(text[r.start : r.end])
        ]
