"""The masking stage: one Presidio ``AnalyzerEngine`` for German per Masker.

Building the engine (spaCy pipeline, recognizers, lexicons) is the expensive
part, so it happens once in the constructor; ``analyze``/``mask`` only run it.
Raw text is never logged and never part of an error message.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator, Sequence

from presidio_analyzer import AnalyzerEngine, EntityRecognizer, RecognizerRegistry
from presidio_analyzer.context_aware_enhancers import LemmaContextAwareEnhancer
from presidio_analyzer.nlp_engine import NlpArtifacts

from replyassist.masking.config import MaskingConfig, MaskingConfigError
from replyassist.masking.nlp import LanguageNlpEngine, load_german_pipeline
from replyassist.masking.recognizers import default_recognizers
from replyassist.masking.recognizers.de_person_recognizer import DePersonRecognizer
from replyassist.masking.recognizers.spacy_ner import (
    DeSpacyNerRecognizer,
    ner_model_configuration,
)
from replyassist.paths import resolve_model
from replyassist.types import Entity, Masked

__all__ = ["Masker", "MaskingConfig", "placeholder"]

_ALLOW_SEPARATORS = r"[\s\-/().]*"


def placeholder(entity_type: str) -> str:
    """The text that replaces a span: ``<ENTITY_TYPE>``."""
    return f"<{entity_type}>"


def _normalize(value: str) -> str:
    return re.sub(r"[\s\-/().]", "", value).casefold()


def _merge_same_type(entities: Iterable[Entity]) -> list[Entity]:
    """Overlapping spans of one type become their union, with the higher score.

    "Bein ist taub" (a symptom phrase) and "taub" (a lexicon word) are one
    finding; keeping only the stronger, shorter one would leave "Bein ist"
    visible.
    """
    merged: list[Entity] = []
    for ent in sorted(entities, key=lambda e: (e.entity_type, e.start, -e.end)):
        last = merged[-1] if merged else None
        if last is not None and last.entity_type == ent.entity_type and ent.start < last.end:
            merged[-1] = Entity(
                last.entity_type, last.start, max(last.end, ent.end), max(last.score, ent.score)
            )
        else:
            merged.append(ent)
    return merged


def resolve_overlaps(entities: Iterable[Entity]) -> list[Entity]:
    """Keep the strongest of overlapping spans, then the longest; sort by offset.

    Recognizers run independently and may claim the same characters (a name
    inside an address, a drug inside a condition); a placeholder can only
    stand for one type. A longer span that contains a shorter one of another
    type wins unless the shorter one is clearly stronger (by more than 0.1).
    """
    candidates = _merge_same_type(entities)
    # A span that strictly contains a slightly stronger span of another type
    # wins: "Hatice Krebs" (PERSON) over "Krebs" (HEALTH_CONDITION).
    dominated = {
        id(inner)
        for outer in candidates
        for inner in candidates
        if inner is not outer
        and inner.entity_type != outer.entity_type
        and outer.start <= inner.start
        and inner.end <= outer.end
        and (outer.end - outer.start) > (inner.end - inner.start)
        and inner.score - outer.score <= 0.1
    }
    ranked = sorted(
        (e for e in candidates if id(e) not in dominated),
        key=lambda e: (-e.score, -(e.end - e.start), e.start, e.entity_type),
    )
    kept: list[Entity] = []
    for ent in ranked:
        if all(ent.end <= k.start or k.end <= ent.start for k in kept):
            kept.append(ent)
    return sorted(kept, key=lambda e: (e.start, e.end))


class Masker:
    """Finds sensitive spans in German customer messages and masks them.

    Thread-safe for concurrent ``analyze``/``mask`` calls once built (the
    engine holds no per-call state); ``add_recognizer`` is not meant to race
    with analysis.
    """

    def __init__(
        self,
        config: MaskingConfig | None = None,
        recognizers: Sequence[EntityRecognizer] | None = None,
    ) -> None:
        self.config = config or MaskingConfig()
        self._language = self.config.language
        recs = list(recognizers) if recognizers is not None else default_recognizers()
        nlp_engine = LanguageNlpEngine()
        if self.config.uses_ner:
            recs, nlp_engine = self._with_ner(recs)
        registry = RecognizerRegistry(recognizers=recs, supported_languages=[self._language])
        self._engine = AnalyzerEngine(
            registry=registry,
            nlp_engine=nlp_engine,
            supported_languages=[self._language],
            context_aware_enhancer=LemmaContextAwareEnhancer(
                context_prefix_count=5, context_suffix_count=3
            ),
        )
        self.entity_types: tuple[str, ...] = tuple(self.config.entity_types)
        self._allow_exact = frozenset(_normalize(a) for a in self.config.allow_list)
        self._allow_regex = self._compile_allow_list(self.config.allow_list)

    @classmethod
    def default(cls) -> Masker:
        """All ten entity types of the taxonomy, German, default threshold."""
        return cls(MaskingConfig())

    @classmethod
    def from_config(cls, config: MaskingConfig) -> Masker:
        """A Masker for the entity types, threshold and allow list of ``config``."""
        return cls(config)

    @property
    def engine(self) -> AnalyzerEngine:
        """The underlying Presidio engine (for inspection; prefer ``analyze``)."""
        return self._engine

    def add_recognizer(self, recognizer: EntityRecognizer) -> None:
        """Register a custom recognizer; its entity types are masked from now on.

        The recognizer must support language ``de``.
        """
        if recognizer.supported_language != self._language:
            raise ValueError(
                f"recognizer {type(recognizer).__name__}: supported_language must be "
                f"{self._language!r}"
            )
        self._engine.registry.add_recognizer(recognizer)
        new = [t for t in recognizer.supported_entities if t not in self.entity_types]
        self.entity_types = (*self.entity_types, *new)

    def analyze(self, text: str) -> list[Entity]:
        """Sensitive spans of ``text``: sorted, non-overlapping, offsets into ``text``."""
        if not isinstance(text, str):
            raise TypeError("text must be a string")
        if not text.strip():
            return []
        return self._analyze(text, None)

    def mask(self, text: str) -> Masked:
        """``text`` with every sensitive span replaced by ``<ENTITY_TYPE>``."""
        return self._to_masked(text, self.analyze(text))

    def mask_many(self, texts: Iterable[str]) -> Iterator[Masked]:
        """Mask a stream of texts lazily; same results as :meth:`mask` per text.

        Texts are tokenized in chunks with ``nlp.pipe`` and analyzed one by one,
        so memory stays constant for any input length.
        """
        chunk: list[str] = []
        for text in texts:
            if not isinstance(text, str):
                raise TypeError("texts must contain strings")
            chunk.append(text)
            if len(chunk) >= 64:
                yield from self._mask_chunk(chunk)
                chunk = []
        if chunk:
            yield from self._mask_chunk(chunk)

    # -- internals ---------------------------------------------------------

    def _with_ner(
        self, recs: list[EntityRecognizer]
    ) -> tuple[list[EntityRecognizer], LanguageNlpEngine]:
        """Recognizers and NLP engine for ``ner_mode`` "ner" or "combined".

        The trained pipeline replaces the blank one (it tokenizes the same way),
        and its entities come back through a ``SpacyRecognizer``. In "ner" mode
        the rule recognizers whose only type is one of ``ner_entity_types`` are
        dropped; the structured ones (e-mail, phone, IBAN, KVNR, pension
        number, address, birth date) stay in every mode. The birth-date
        recognizer keeps its own rule-based name finder ("Jana Schulze,
        03.05.1978"), so its results do not depend on the mode.
        """
        cfg = self.config
        if cfg.ner_model is None:  # MaskingConfig validation rules this out
            raise MaskingConfigError("field 'ner_model': required when ner_mode is not 'rules'")
        try:
            path = resolve_model(cfg.ner_model)
        except FileNotFoundError as exc:
            raise MaskingConfigError(f"field 'ner_model': {exc}") from exc
        try:
            nlp = load_german_pipeline(path)
        except (OSError, ValueError) as exc:
            raise MaskingConfigError(
                f"field 'ner_model': not a loadable German spaCy pipeline ({type(exc).__name__})"
            ) from exc
        labels: tuple[str, ...] = (
            tuple(getattr(nlp.get_pipe("ner"), "labels", ())) if "ner" in nlp.pipe_names else ()
        )
        if not labels:
            raise MaskingConfigError("field 'ner_model': the pipeline has no 'ner' component")
        types = cfg.ner_entity_types
        # the rules' name checks vet the model's PERSON findings, in every mode
        persons = [r for r in recs if isinstance(r, DePersonRecognizer)]
        person = persons[0] if persons else DePersonRecognizer(self._language)
        if cfg.ner_mode == "ner":
            recs = [r for r in recs if not set(r.supported_entities) <= set(types)]
        recs.append(DeSpacyNerRecognizer(self._language, types, {"PERSON": person.could_be_name}))
        engine = LanguageNlpEngine(
            {self._language: nlp}, ner_model_configuration=ner_model_configuration(labels, types)
        )
        return recs, engine

    def _mask_chunk(self, texts: list[str]) -> Iterator[Masked]:
        nlp_engine = self._engine.nlp_engine
        batch = nlp_engine.process_batch(texts, language=self._language)
        for text, artifacts in batch:
            entities = self._analyze(text, artifacts) if text.strip() else []
            yield self._to_masked(text, entities)

    def _analyze(self, text: str, artifacts: NlpArtifacts | None) -> list[Entity]:
        results = self._engine.analyze(
            text=text,
            language=self._language,
            entities=list(self.entity_types),
            score_threshold=self.config.score_threshold,
            nlp_artifacts=artifacts,
        )
        allowed_spans = (
            [m.span() for m in self._allow_regex.finditer(text)] if self._allow_regex else []
        )
        entities = []
        for r in results:
            if r.entity_type not in self.entity_types or r.end <= r.start:
                continue
            if _normalize(text[r.start : r.end]) in self._allow_exact:
                continue
            if any(s <= r.start and r.end <= e for s, e in allowed_spans):
                continue
            entities.append(Entity(r.entity_type, r.start, r.end, round(float(r.score), 4)))
        return resolve_overlaps(entities)

    @staticmethod
    def _to_masked(text: str, entities: Sequence[Entity]) -> Masked:
        parts: list[str] = []
        pos = 0
        for ent in entities:
            parts.append(text[pos : ent.start])
            parts.append(placeholder(ent.entity_type))
            pos = ent.end
        parts.append(text[pos:])
        return Masked("".join(parts), tuple(entities))

    @staticmethod
    def _compile_allow_list(allow_list: Sequence[str]) -> re.Pattern[str] | None:
        items = [a.strip() for a in allow_list if a.strip()]
        if not items:
            return None
        alternatives = []
        for item in sorted(items, key=len, reverse=True):
            chars = [re.escape(c) for c in re.sub(r"[\s\-/().]", "", item)]
            alternatives.append(_ALLOW_SEPARATORS.join(chars))
        return re.compile(r"(?<!\w)(?:" + "|".join(alternatives) + r")(?!\w)", re.IGNORECASE)
