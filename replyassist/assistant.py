"""The facade: ``Message -> mask -> classify -> rank -> render -> Result``.

Each stage only receives what the previous one produced; raw customer text
enters :meth:`Assistant.mask` and nothing after it sees anything but the
masked text.
"""

from __future__ import annotations

import dataclasses
import uuid
from collections import OrderedDict
from collections.abc import Iterable, Iterator, Mapping, Sequence
from datetime import datetime
from pathlib import Path
from typing import Any

import numpy as np

from replyassist.classify.classifier import Classifier, ClassifierInput
from replyassist.classify.thread_context import apply_thread_prior
from replyassist.guidelines.lint import lint_text
from replyassist.guidelines.loader import GuidelineError, GuidelineSet
from replyassist.masking import Masker, MaskingConfig
from replyassist.masking.config import MaskingConfigError
from replyassist.paths import resolve_model
from replyassist.rank.memory import InMemoryMemory, Memory, open_memory
from replyassist.rank.ranker import Ranked, Ranker
from replyassist.rank.signals import DEFAULT_SIGNALS, RankContext, Signal
from replyassist.rank.vectors import load_variant_vectors
from replyassist.types import Classification, Masked, Message, Result, Suggestion

#: Entity types whose presence in a public comment is flagged to the agent.
HEALTH_TYPES = frozenset({"HEALTH_CONDITION", "MEDICATION"})


class Assistant:
    """Suggest replies for customer messages with one guideline set and its model."""

    def __init__(
        self,
        guidelines: GuidelineSet,
        classifier: Classifier,
        masker: Masker,
        *,
        memory: Memory | None = None,
        signals: Sequence[Signal] = DEFAULT_SIGNALS,
        k: int = 3,
    ) -> None:
        self.guidelines = guidelines
        self.classifier = classifier
        self.masker = masker
        self.memory: Memory = memory if memory is not None else InMemoryMemory()
        self.k = k
        # Variant embeddings come precomputed with the model; edited variants are re-embedded.
        vectors, self.recomputed_variants = load_variant_vectors(
            guidelines, classifier.embedder, classifier.folder
        )
        self.ranker = Ranker(guidelines, vectors, signals)
        self._results: OrderedDict[str, tuple[str, tuple[str, ...]]] = OrderedDict()
        self._renderings: dict[tuple[str, str, str, str], str | None] = {}
        self._entity_free: dict[str, bool] = {}  # privacy check per distinct rendered text

    @classmethod
    def from_guidelines(
        cls,
        name_or_path: str | Path = "krankenkasse",
        *,
        model: str | Path | None = None,
        embedder: str | None = None,
        memory: Memory | str | Path | None = None,
        masker: Masker | None = None,
        signals: Sequence[Signal] = DEFAULT_SIGNALS,
    ) -> Assistant:
        """Load a shipped set by name (or a folder) and its trained model.

        ``model`` defaults to the model of the same name under ``models/``;
        ``embedder`` overrides the embedding model the artifacts were trained with.
        ``memory`` (used variants and feedback) defaults to a SQLite file shared
        by all processes of this set (see :func:`~replyassist.rank.memory.default_memory_path`);
        pass ``":memory:"`` or an :class:`InMemoryMemory` to keep nothing on disk.
        """
        guidelines = GuidelineSet.load(name_or_path)
        model_dir = resolve_model(model or guidelines.name)
        classifier = Classifier.load(model_dir, guidelines.config, embedder=embedder)
        if masker is None:
            masker = masker_for(guidelines)
        if memory is None or isinstance(memory, str | Path):
            memory = open_memory(memory, guidelines.name)
        return cls(guidelines, classifier, masker, memory=memory, signals=signals)

    # -- stages ---------------------------------------------------------------

    def mask(self, text: str) -> Masked:
        return self.masker.mask(text)

    def classify(
        self, text: str, channel: str = "email", received_at: datetime | None = None
    ) -> Classification:
        return self.classify_many([Message(text=text, channel=channel)], received_at=received_at)[0]

    def classify_many(
        self,
        messages: Iterable[Message | Mapping[str, Any]],
        *,
        received_at: datetime | None = None,
    ) -> list[Classification]:
        batch = [m if isinstance(m, Message) else message_from_dict(m) for m in messages]
        return [c for c, _ in self._classify(self._mask(batch), received_at)]

    def suggest(
        self,
        text: str,
        channel: str = "email",
        thread_id: str | None = None,
        *,
        message_id: str | None = None,
        received_at: datetime | None = None,
    ) -> Result:
        message = Message(text=text, channel=channel, id=message_id, thread_id=thread_id)
        return next(iter(self.suggest_many([message], received_at=received_at)))

    def suggest_many(
        self,
        messages: Iterable[Message | Mapping[str, Any]],
        *,
        received_at: datetime | None = None,
        batch_size: int = 64,
    ) -> list[Result]:
        """Suggest for many messages; masking and embedding run batched.

        Messages of one thread are processed in input order, so each sees the
        variants already used for the ones before it.
        """
        return list(self.iter_suggest(messages, received_at=received_at, batch_size=batch_size))

    def iter_suggest(
        self,
        messages: Iterable[Message | Mapping[str, Any]],
        *,
        received_at: datetime | None = None,
        batch_size: int = 64,
    ) -> Iterator[Result]:
        batch: list[Message] = []
        for item in messages:
            batch.append(item if isinstance(item, Message) else message_from_dict(item))
            if len(batch) >= batch_size:
                yield from self._suggest_batch(batch, received_at)
                batch = []
        if batch:
            yield from self._suggest_batch(batch, received_at)

    # -- internals ------------------------------------------------------------

    def _mask(self, messages: Sequence[Message]) -> list[tuple[Message, Masked]]:
        """The masking stage: after it, only the Masked half is read."""
        return list(zip(messages, self.masker.mask_many(m.text for m in messages), strict=True))

    def _classify(
        self, pairs: Sequence[tuple[Message, Masked]], received_at: datetime | None
    ) -> list[tuple[Classification, np.ndarray]]:
        texts = [m.text for _, m in pairs]
        vectors = self.classifier.embedder.encode(texts)
        features = self.classifier.features(texts, vectors)
        inputs = [
            ClassifierInput(masked.text, msg.channel, features[i], received_at)
            for i, (msg, masked) in enumerate(pairs)
        ]
        return list(zip(self.classifier.classify_batch(inputs), vectors, strict=True))

    def _suggest_batch(self, messages: list[Message], received_at: datetime | None) -> list[Result]:
        pairs = self._mask(messages)
        classified = self._classify(pairs, received_at)
        return [
            self._suggest_one(msg, m, c, vec)
            for (msg, m), (c, vec) in zip(pairs, classified, strict=True)
        ]

    def _suggest_one(
        self, message: Message, masked: Masked, c: Classification, vector: np.ndarray
    ) -> Result:
        gs = self.guidelines
        public = gs.is_public(message.channel)
        thread_scope = f"thread:{message.thread_id}" if message.thread_id else None
        channel_scope = f"channel:{message.channel}"
        if thread_scope:
            c = apply_thread_prior(
                c,
                self.memory.topic_weights(thread_scope),
                unsure_threshold=gs.config.classification.unsure_threshold,
            )
            self.memory.record_topic(thread_scope, c.topic, c.topic_confidence)
        context = RankContext(
            classification=c,
            channel=message.channel,
            public=public,
            message_vector=vector,
            thread_uses=tuple(self.memory.recent_uses(thread_scope)) if thread_scope else (),
            channel_uses=tuple(self.memory.recent_uses(channel_scope)) if public else (),
            feedback=self.memory.feedback_counts(c.topic),
        )
        suggestions = self._render(self.ranker.rank(context, self.k), message.channel, c)

        flags: list[str] = []
        if public and masked.entity_types & HEALTH_TYPES:
            flags.append("public_health_data")
        if public and masked.entities:
            flags.append("public_personal_data")
        escalate, team = self._escalation(c, suggestions)
        if escalate:
            flags.append("escalate")
        result = Result(
            result_id=uuid.uuid4().hex,
            message_id=message.id,
            channel=message.channel,
            masked=masked,
            classification=c,
            escalate=escalate,
            escalation_team=team,
            suggestions=tuple(suggestions),
            flags=tuple(flags),
            thread_id=message.thread_id,
        )
        if suggestions:
            scopes = [s for s in (thread_scope, channel_scope if public else None) if s]
            if scopes:
                self.memory.record_use(scopes, suggestions[0].variant_id)
        self._remember(result)
        return result

    def _render(self, ranked: list[Ranked], channel: str, c: Classification) -> list[Suggestion]:
        """Render best-first; a rendering that fails the style or privacy check is not shown."""
        out: list[Suggestion] = []
        for r in ranked:
            if len(out) == self.k:
                break
            v = r.candidate.variant
            topic = v.topic if v.topic in self.guidelines.topics else c.topic
            text = self._checked_rendering(v.variant_id, channel, c.urgency, topic)
            if text is not None:
                out.append(Suggestion(v.template_id, v.variant_id, text, r.score, r.reasons))
        return out

    def _checked_rendering(
        self, variant_id: str, channel: str, urgency: str, topic: str
    ) -> str | None:
        """The rendered text, or None if it fails the linter or contains an entity.

        Templates never see customer text, so a rendering depends only on these
        four keys: it is checked once and cached. The 15,840 keys of the default
        set render to only 390 distinct texts, so the privacy check (a masker
        run, ~1.5 ms) is cached per text, keeping the masker off the hot path.
        """
        key = (variant_id, channel, urgency, topic)
        if key not in self._renderings:
            gs = self.guidelines
            tone = gs.config.tone
            text = gs.render(
                gs.variants_by_id[variant_id], channel=channel, urgency=urgency, topic=topic
            )
            errors = [
                i
                for i in lint_text(
                    text,
                    address=tone.address,
                    greeting=tone.greeting,
                    sign_off=tone.sign_off,
                    max_chars=gs.config.channels[channel].max_chars,
                )
                if i.severity == "error"
            ]
            if text not in self._entity_free:
                self._entity_free[text] = not self.masker.analyze(text)
            self._renderings[key] = text if not errors and self._entity_free[text] else None
        return self._renderings[key]

    def _escalation(
        self, c: Classification, suggestions: Sequence[Suggestion]
    ) -> tuple[bool, str | None]:
        esc = self.guidelines.config.escalation
        team = esc.urgencies.get(c.urgency) or esc.topics.get(c.topic)
        top = self.guidelines.variants_by_id.get(suggestions[0].variant_id) if suggestions else None
        if team is None and top is not None and top.escalate:
            team = esc.topics.get(c.topic) or "second_level"
        return team is not None, team

    def _remember(self, result: Result, keep: int = 10_000) -> None:
        """Keep result ids (no text) so feedback can refer to a shown suggestion set."""
        self._results[result.result_id] = (
            result.classification.topic,
            tuple(s.variant_id for s in result.suggestions),
        )
        while len(self._results) > keep:
            self._results.popitem(last=False)

    def feedback(
        self,
        result_id: str,
        chosen: str | None = None,
        edited_text: str | None = None,
        rejected: Sequence[str] = (),
    ) -> None:
        """Record what the agent did with a suggestion set; ranking learns from it.

        ``chosen`` and ``rejected`` are variant ids of that set. An edited text
        is not stored (it may contain personal data); only the fact of an edit is.
        """
        if result_id not in self._results:
            raise KeyError(f"unknown result_id {result_id!r} (feedback is kept for recent results)")
        topic, shown = self._results[result_id]
        for vid in [chosen, *rejected]:
            if vid is not None and vid not in shown:
                raise ValueError(f"variant {vid!r} was not suggested in result {result_id!r}")
        if chosen is not None:
            self.memory.record_feedback(topic, chosen, "edited" if edited_text else "chosen")
        for vid in rejected:
            self.memory.record_feedback(topic, vid, "rejected")


def masking_config_for(guidelines: GuidelineSet) -> MaskingConfig:
    """The masking configuration of a guideline set.

    ``masking.yaml`` in the set's folder, if present, sets entity types,
    threshold, allow list and NER (docs/masking.md); the set's own hotline,
    website and brand are added to the allow list in any case, because they
    are public facts, not personal data.
    """
    cfg = guidelines.config
    path = guidelines.root / "masking.yaml"
    try:
        base = MaskingConfig.from_yaml(path) if path.is_file() else MaskingConfig()
    except MaskingConfigError as exc:
        raise GuidelineError(f"guideline set {guidelines.name}: {exc}") from exc
    public = (*cfg.vars.values(), cfg.brand, f"@{cfg.brand}")
    return dataclasses.replace(base, allow_list=(*base.allow_list, *public))


def masker_for(guidelines: GuidelineSet) -> Masker:
    """The masker a guideline set's model is trained and run with."""
    return Masker.from_config(masking_config_for(guidelines))


_MESSAGE_FIELDS = {f.name for f in dataclasses.fields(Message)}


def message_from_dict(obj: Mapping[str, Any]) -> Message:
    """Build a Message from a JSON object; errors name the field."""
    if not isinstance(obj, Mapping):
        raise ValueError("expected a JSON object")
    if "text" not in obj:
        raise ValueError("field 'text' is required")
    if not isinstance(obj["text"], str):
        raise ValueError("field 'text' must be a string")
    for name in ("id", "thread_id", "author"):
        if obj.get(name) is not None and not isinstance(obj[name], (str, int)):
            raise ValueError(f"field '{name}' must be a string")
    channel = obj.get("channel", "email")
    if not isinstance(channel, str):
        raise ValueError("field 'channel' must be a string")
    kwargs = {k: obj[k] for k in _MESSAGE_FIELDS if k in obj and obj[k] is not None}
    for name in ("id", "thread_id"):
        if name in kwargs:
            kwargs[name] = str(kwargs[name])
    return Message(**kwargs)
