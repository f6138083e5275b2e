"""Presidio NLP engine over a blank German spaCy pipeline.

No German spaCy pipeline installs from PyPI and ``AnalyzerEngine()`` without
arguments tries to download ``en_core_web_lg``. A blank ``de`` pipeline gives
Presidio what its pattern recognizers need (tokens, stop words) in well under
a millisecond. One pipe sets each token's lemma to its lower-case form so that
Presidio's context enhancer, which compares lemmas with context words, works
without a trained lemmatizer.

A trained pipeline (``models/ner-de``, see ``examples/ner``) can be loaded with
:func:`load_german_pipeline`; its ``doc.ents`` then reach Presidio's
``SpacyRecognizer`` through the same engine.
"""

from __future__ import annotations

from pathlib import Path

import spacy
from presidio_analyzer.nlp_engine import NerModelConfiguration, SpacyNlpEngine
from spacy.language import Language
from spacy.tokens import Doc

_LEMMA_PIPE = "replyassist_lower_lemma"


@Language.component(_LEMMA_PIPE)
def _lower_lemma(doc: Doc) -> Doc:
    """Lower-cased text as lemma: enough for Presidio's context-word lookup."""
    for token in doc:
        token.lemma_ = token.lower_
    return doc


def blank_german() -> Language:
    """A blank German pipeline with the lemma pipe; no model files needed."""
    nlp = spacy.blank("de")
    nlp.add_pipe(_LEMMA_PIPE)
    return nlp


def load_german_pipeline(path: str | Path) -> Language:
    """A trained German pipeline from a local folder, plus the lemma pipe.

    ``spacy.load`` on a folder reads its config and weights (msgpack) and never
    downloads; the lemma pipe keeps Presidio's context enhancer working.
    """
    nlp = spacy.load(Path(path))
    if nlp.lang != "de":
        raise ValueError(f"pipeline language is {nlp.lang!r}, expected 'de'")
    if _LEMMA_PIPE not in nlp.pipe_names:
        nlp.add_pipe(_LEMMA_PIPE)
    return nlp


class LanguageNlpEngine(SpacyNlpEngine):
    """A :class:`SpacyNlpEngine` that takes ready ``Language`` objects.

    ``SpacyNlpEngine.load`` resolves model names and may download; here the
    pipelines are passed in, so nothing is looked up or fetched.
    """

    def __init__(
        self,
        pipelines: dict[str, Language] | None = None,
        ner_model_configuration: NerModelConfiguration | None = None,
    ) -> None:
        pipelines = pipelines or {"de": blank_german()}
        super().__init__(
            models=[{"lang_code": lang, "model_name": "<in-memory>"} for lang in pipelines],
            ner_model_configuration=ner_model_configuration,
        )
        self._pipelines = dict(pipelines)
        self.nlp: dict[str, Language] = dict(pipelines)  # type: ignore[assignment]

    def load(self) -> None:
        """Nothing to load: the pipelines were given to the constructor."""
        self.nlp = dict(self._pipelines)
