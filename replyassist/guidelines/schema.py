"""Pydantic schema of a guideline set's YAML files.

The schema is strict (``extra="forbid"``) so that a typo in a field name is an
error naming the field instead of a setting that silently does nothing.
"""

from __future__ import annotations

import re
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field, field_validator, model_validator

from replyassist.types import CHANNELS, URGENCIES

_ID = re.compile(r"^[a-z0-9_]+$")
_TEMPLATE_ID = re.compile(r"^[a-z0-9_]+\.[a-z0-9_]+$")
_HOURS = re.compile(r"^([01]\d|2[0-3]):[0-5]\d-([01]\d|2[0-4]):[0-5]\d$")
WEEKDAYS = ("mon", "tue", "wed", "thu", "fri", "sat", "sun")
MIN_VARIANTS = 4


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class Tone(_Strict):
    address: Literal["Sie", "du"]
    greeting: str = Field(min_length=1)
    sign_off: str = Field(min_length=1)


class ChannelConfig(_Strict):
    visibility: Literal["public", "private"]
    max_chars: int = Field(gt=0)


class ServiceHours(_Strict):
    timezone: str = "Europe/Berlin"
    #: weekday -> "HH:MM-HH:MM"; a missing day is closed.
    hours: dict[str, str]

    @field_validator("hours")
    @classmethod
    def _check_hours(cls, value: dict[str, str]) -> dict[str, str]:
        for day, span in value.items():
            if day not in WEEKDAYS:
                raise ValueError(f"unknown weekday {day!r}; use one of {', '.join(WEEKDAYS)}")
            if not _HOURS.match(span):
                raise ValueError(f"{day}: expected 'HH:MM-HH:MM', got {span!r}")
            start, end = span.split("-")
            if start >= end:
                raise ValueError(f"{day}: opening time {start} is not before closing time {end}")
        if not value:
            raise ValueError("at least one day must have service hours")
        return value

    @field_validator("timezone")
    @classmethod
    def _check_tz(cls, value: str) -> str:
        from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

        try:
            ZoneInfo(value)
        except (ZoneInfoNotFoundError, ValueError) as exc:
            raise ValueError(f"unknown time zone {value!r}") from exc
        return value


class ClassificationConfig(_Strict):
    unsure_threshold: float = Field(default=0.45, ge=0.0, le=1.0)


class Escalation(_Strict):
    urgencies: dict[str, str] = Field(default_factory=lambda: {"critical": "second_level"})
    topics: dict[str, str] = Field(default_factory=dict)

    @field_validator("urgencies")
    @classmethod
    def _check_urgencies(cls, value: dict[str, str]) -> dict[str, str]:
        for u in value:
            if u not in URGENCIES:
                raise ValueError(f"unknown urgency {u!r}; use one of {', '.join(URGENCIES)}")
        return value


def _default_targets() -> dict[str, int]:
    return {"critical": 15, "high": 60, "normal": 180, "low": 1440}


class GuidelineConfig(_Strict):
    name: str
    brand: str
    language: str = "de"
    tone: Tone
    channels: dict[str, ChannelConfig]
    service_hours: ServiceHours
    response_targets_minutes: dict[str, int] = Field(default_factory=_default_targets)
    classification: ClassificationConfig = ClassificationConfig()
    escalation: Escalation = Escalation()
    vars: dict[str, str] = Field(default_factory=dict)

    @field_validator("channels")
    @classmethod
    def _check_channels(cls, value: dict[str, ChannelConfig]) -> dict[str, ChannelConfig]:
        unknown = sorted(set(value) - set(CHANNELS))
        if unknown:
            raise ValueError(f"unknown channel(s) {unknown}; use {', '.join(CHANNELS)}")
        missing = sorted(set(CHANNELS) - set(value))
        if missing:
            raise ValueError(f"channel(s) {missing} are not configured")
        return value

    @field_validator("response_targets_minutes")
    @classmethod
    def _check_targets(cls, value: dict[str, int]) -> dict[str, int]:
        if set(value) != set(URGENCIES):
            raise ValueError(f"need exactly the urgencies {', '.join(URGENCIES)}")
        if any(v <= 0 for v in value.values()):
            raise ValueError("response targets must be positive minutes")
        return value


class Topic(_Strict):
    id: str
    name: str
    description: str
    examples: list[str] = Field(default_factory=list)

    @field_validator("id")
    @classmethod
    def _check_id(cls, value: str) -> str:
        if not _ID.match(value):
            raise ValueError(f"topic id {value!r} must be lower-case letters, digits, '_'")
        return value


class TopicsFile(_Strict):
    topics: list[Topic] = Field(min_length=1)


class Variant(_Strict):
    id: str
    text: str = Field(min_length=1)


class Template(_Strict):
    id: str
    intent: str
    channels: Literal["public", "private", "any"] = "any"
    urgencies: list[str] | None = None
    escalate: bool = False
    variants: list[Variant]

    @field_validator("id")
    @classmethod
    def _check_id(cls, value: str) -> str:
        if not _TEMPLATE_ID.match(value):
            raise ValueError(f"template id {value!r} must look like '<topic>.<slug>'")
        return value

    @field_validator("urgencies")
    @classmethod
    def _check_urgencies(cls, value: list[str] | None) -> list[str] | None:
        for u in value or ():
            if u not in URGENCIES:
                raise ValueError(f"unknown urgency {u!r}; use one of {', '.join(URGENCIES)}")
        return value

    @model_validator(mode="after")
    def _check_variants(self) -> Template:
        if len(self.variants) < MIN_VARIANTS:
            raise ValueError(
                f"template {self.id!r} has {len(self.variants)} variant(s); "
                f"at least {MIN_VARIANTS} are required so that replies do not all sound the same"
            )
        ids = [v.id for v in self.variants]
        if len(set(ids)) != len(ids):
            raise ValueError(f"template {self.id!r} repeats a variant id")
        return self


class TemplatesFile(_Strict):
    topic: str
    templates: list[Template] = Field(min_length=1)
