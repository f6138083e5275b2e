"""Plain data types passed between the stages (mask -> classify -> rank -> render).

They are frozen dataclasses on purpose: every stage receives values, never a
shared mutable object, so the flow of data stays one-directional. Only
:class:`Message` holds raw customer text; everything after the masking stage
holds masked text only.
"""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any, Literal, get_args

Channel = Literal[
    "facebook_comment",
    "facebook_dm",
    "instagram_comment",
    "instagram_dm",
    "x_post",
    "app_review",
    "email",
    "chat",
]
CHANNELS: tuple[str, ...] = get_args(Channel)

Urgency = Literal["critical", "high", "normal", "low"]
URGENCIES: tuple[str, ...] = get_args(Urgency)


@dataclass(frozen=True, slots=True)
class Message:
    """One incoming customer message. ``text`` is raw and must never be logged."""

    text: str
    channel: str = "email"
    id: str | None = None
    thread_id: str | None = None
    author: str | None = None

    def __post_init__(self) -> None:
        if not isinstance(self.text, str):
            raise TypeError("field 'text' must be a string")
        if self.channel not in CHANNELS:
            raise ValueError(
                f"field 'channel': unknown channel {self.channel!r}; "
                f"expected one of {', '.join(CHANNELS)}"
            )

    def __repr__(self) -> str:  # keeps raw text out of tracebacks and logs
        return f"Message(id={self.id!r}, channel={self.channel!r}, chars={len(self.text)})"


@dataclass(frozen=True, slots=True)
class Entity:
    """A sensitive span; offsets point into the original (unmasked) text."""

    entity_type: str
    start: int
    end: int
    score: float


@dataclass(frozen=True, slots=True)
class Masked:
    """The only form of customer text that leaves the masking stage."""

    text: str
    entities: tuple[Entity, ...] = ()

    @property
    def entity_types(self) -> frozenset[str]:
        return frozenset(e.entity_type for e in self.entities)


@dataclass(frozen=True, slots=True)
class Classification:
    topic: str
    topic_confidence: float
    urgency: str
    urgency_confidence: float
    due_at: datetime
    reasons: tuple[str, ...] = ()
    unsure: bool = False
    #: (topic, probability) pairs, best first; used to mix suggestions when unsure.
    topic_ranking: tuple[tuple[str, float], ...] = ()


@dataclass(frozen=True, slots=True)
class Suggestion:
    template_id: str
    variant_id: str
    text: str
    score: float
    reasons: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class Result:
    """Everything the assistant says about one message."""

    result_id: str
    message_id: str | None
    channel: str
    masked: Masked
    classification: Classification
    escalate: bool
    suggestions: tuple[Suggestion, ...]
    escalation_team: str | None = None
    flags: tuple[str, ...] = ()
    thread_id: str | None = None
    extra: dict[str, Any] = field(default_factory=dict)

    def to_dict(self) -> dict[str, Any]:
        """The JSON shape of ``replyassist suggest`` (design brief)."""
        return {
            **classification_to_dict(self.message_id, self.classification),
            "result_id": self.result_id,
            "channel": self.channel,
            "masked_text": self.masked.text,
            "entities": [dataclasses.asdict(e) for e in self.masked.entities],
            "escalate": self.escalate,
            "escalation_team": self.escalation_team,
            "flags": list(self.flags),
            "suggestions": [
                {
                    "template_id": s.template_id,
                    "variant_id": s.variant_id,
                    "text": s.text,
                    "score": round(s.score, 4),
                    "reasons": list(s.reasons),
                }
                for s in self.suggestions
            ],
        }


def classification_to_dict(message_id: str | None, c: Classification) -> dict[str, Any]:
    """The JSON shape of ``replyassist classify`` (design brief)."""
    return {
        "id": message_id,
        "topic": c.topic,
        "topic_confidence": round(c.topic_confidence, 4),
        "urgency": c.urgency,
        "urgency_confidence": round(c.urgency_confidence, 4),
        "unsure": c.unsure,
        "reasons": list(c.reasons),
        "due_at": c.due_at.isoformat(),
    }
