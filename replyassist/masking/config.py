"""Configuration of the masking stage, loadable from YAML.

Kept as plain data so a guideline set (or a compliance team) can switch entity
types on and off, tune the threshold and allow-list service numbers without
touching code. Validation errors name the offending field but never echo
values, because a misconfigured allow list may contain customer data.
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any

import yaml

#: The ten entity types of ``shared/spec/taxonomy.md``, in report order.
ALL_ENTITY_TYPES: tuple[str, ...] = (
    "PERSON",
    "EMAIL_ADDRESS",
    "PHONE_NUMBER",
    "IBAN_CODE",
    "DE_HEALTH_INSURANCE",
    "DE_SOCIAL_SECURITY",
    "DATE_OF_BIRTH",
    "ADDRESS",
    "HEALTH_CONDITION",
    "MEDICATION",
)

#: Identifiers with a fixed format (and mostly a check digit).
STRUCTURED_ENTITY_TYPES: tuple[str, ...] = (
    "EMAIL_ADDRESS",
    "PHONE_NUMBER",
    "IBAN_CODE",
    "DE_HEALTH_INSURANCE",
    "DE_SOCIAL_SECURITY",
)

#: Public service numbers that are never personal data: the default guideline
#: set's hotline, Telefonseelsorge, the on-call medical service, emergency numbers.
DEFAULT_ALLOW_LIST: tuple[str, ...] = (
    "0800 4375 3752",
    "0800 111 0 111",
    "0800 111 0 222",
    "116 117",
    "116117",
    "116 123",
)

#: How the learned NER pipeline is used for PERSON, HEALTH_CONDITION and
#: MEDICATION: "rules" (off, the default), "ner" (replaces the rule/lexicon
#: recognizers of ``ner_entity_types``), "combined" (both; overlaps resolved).
NER_MODES: tuple[str, ...] = ("rules", "ner", "combined")

#: The shipped NER pipeline, used when ``ner_mode`` is switched on without a model.
DEFAULT_NER_MODEL = "ner-de"

#: The entity types the shipped NER pipeline (``models/ner-de``) is trained for.
NER_ENTITY_TYPES: tuple[str, ...] = ("PERSON", "HEALTH_CONDITION", "MEDICATION")

_FIELDS = (
    "entity_types",
    "score_threshold",
    "allow_list",
    "ner_model",
    "ner_mode",
    "ner_entity_types",
)


class MaskingConfigError(ValueError):
    """A masking configuration is invalid; the message names the field."""


@dataclass(frozen=True)
class MaskingConfig:
    """What the :class:`~replyassist.masking.masker.Masker` looks for.

    ``score_threshold`` drops weak findings (a bare phone-like number without
    context scores below it); ``allow_list`` holds strings that are never
    masked even when a recognizer matches them, compared without spaces,
    dashes and slashes so ``0800-4375-3752`` equals ``0800 4375 3752``.

    ``ner_model`` (a folder, or a name resolved under ``models/``) and
    ``ner_mode`` switch on a trained spaCy NER pipeline for
    ``ner_entity_types``. Off by default: "combined" finds more on unseen text
    but costs 1.5-2 ms per message and halves masking throughput
    (docs/masking.md, ``benchmarks/compare_maskers.py``, ``benchmarks/ner_cost.py``).
    """

    entity_types: tuple[str, ...] = ALL_ENTITY_TYPES
    score_threshold: float = 0.5
    allow_list: tuple[str, ...] = DEFAULT_ALLOW_LIST
    ner_model: str | None = None
    ner_mode: str = "rules"
    ner_entity_types: tuple[str, ...] = NER_ENTITY_TYPES
    language: str = field(default="de", repr=False)

    def __post_init__(self) -> None:
        types = self.entity_types
        if isinstance(types, str) or not all(isinstance(t, str) for t in types):
            raise MaskingConfigError("field 'entity_types': expected a list of strings")
        unknown = [t for t in types if t not in ALL_ENTITY_TYPES]
        if unknown:
            raise MaskingConfigError(
                f"field 'entity_types': unknown entity type(s) {', '.join(sorted(unknown))}; "
                f"expected some of {', '.join(ALL_ENTITY_TYPES)}"
            )
        if len(set(types)) != len(types):
            raise MaskingConfigError("field 'entity_types': duplicate entries")
        object.__setattr__(self, "entity_types", tuple(types))
        threshold = self.score_threshold
        if isinstance(threshold, bool) or not isinstance(threshold, (int, float)):
            raise MaskingConfigError("field 'score_threshold': expected a number")
        if not 0.0 <= float(threshold) <= 1.0:
            raise MaskingConfigError("field 'score_threshold': must be between 0 and 1")
        object.__setattr__(self, "score_threshold", float(threshold))
        allow = self.allow_list
        if isinstance(allow, str) or not all(isinstance(a, str) for a in allow):
            raise MaskingConfigError("field 'allow_list': expected a list of strings")
        object.__setattr__(self, "allow_list", tuple(allow))
        self._validate_ner()
        if self.language != "de":
            raise MaskingConfigError("field 'language': only 'de' is supported")

    def _validate_ner(self) -> None:
        model = self.ner_model
        if model is not None and (not isinstance(model, str) or not model.strip()):
            raise MaskingConfigError("field 'ner_model': expected a folder path or a model name")
        if self.ner_mode not in NER_MODES:
            raise MaskingConfigError(f"field 'ner_mode': expected one of {', '.join(NER_MODES)}")
        if self.ner_mode != "rules" and model is None:
            raise MaskingConfigError(
                f"field 'ner_model': required when ner_mode is {self.ner_mode!r}"
            )
        types = self.ner_entity_types
        if isinstance(types, str) or not all(isinstance(t, str) for t in types):
            raise MaskingConfigError("field 'ner_entity_types': expected a list of strings")
        if not types or any(t not in NER_ENTITY_TYPES for t in types):
            raise MaskingConfigError(
                f"field 'ner_entity_types': expected some of {', '.join(NER_ENTITY_TYPES)}"
            )
        if len(set(types)) != len(types):
            raise MaskingConfigError("field 'ner_entity_types': duplicate entries")
        object.__setattr__(self, "ner_entity_types", tuple(types))

    @property
    def uses_ner(self) -> bool:
        """Whether a Masker built from this config loads the NER pipeline."""
        return self.ner_mode != "rules"

    def with_ner_mode(self, mode: str) -> MaskingConfig:
        """This config with ``ner_mode`` set; the shipped model unless one is named."""
        if mode == "rules" or self.ner_model is not None:
            return replace(self, ner_mode=mode)
        return replace(self, ner_mode=mode, ner_model=DEFAULT_NER_MODEL)

    @classmethod
    def from_dict(cls, data: Any) -> MaskingConfig:
        """Build from a mapping (e.g. parsed YAML); unknown keys are errors."""
        if data is None:
            data = {}
        if not isinstance(data, dict):
            raise MaskingConfigError("masking config: expected a mapping at the top level")
        if "masking" in data and isinstance(data["masking"], dict) and len(data) == 1:
            data = data["masking"]
        unknown = sorted(str(k) for k in data if k not in _FIELDS)
        if unknown:
            raise MaskingConfigError(
                f"field {unknown[0]!r}: unknown field; expected one of {', '.join(_FIELDS)}"
            )
        kwargs: dict[str, Any] = {}
        for name in ("entity_types", "allow_list", "ner_entity_types"):
            if name in data:
                value = data[name]
                if not isinstance(value, list):
                    raise MaskingConfigError(f"field {name!r}: expected a list of strings")
                kwargs[name] = tuple(value)
        for name in ("score_threshold", "ner_model", "ner_mode"):
            if name in data:
                kwargs[name] = data[name]
        return cls(**kwargs)

    @classmethod
    def from_yaml(cls, path: str | Path) -> MaskingConfig:
        """Load from a YAML file with the keys ``entity_types``, ``score_threshold``,
        ``allow_list``, ``ner_model``, ``ner_mode``, ``ner_entity_types``
        (optionally nested under ``masking:``)."""
        try:
            data = yaml.safe_load(Path(path).read_text(encoding="utf-8"))
        except yaml.YAMLError as exc:
            raise MaskingConfigError(f"masking config {Path(path).name}: invalid YAML") from exc
        try:
            return cls.from_dict(data)
        except MaskingConfigError as exc:
            raise MaskingConfigError(f"masking config {Path(path).name}: {exc}") from exc
