"""Load and validate a guideline set folder (YAML + Jinja2, never pickle).

Run ``python -m replyassist.guidelines.loader PATH`` to validate a set and
test-render every variant; errors name the file and the field.
"""

from __future__ import annotations

import sys
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any, TypeVar

import yaml
from jinja2 import StrictUndefined, TemplateError
from jinja2 import Template as JinjaTemplate
from jinja2.sandbox import SandboxedEnvironment
from pydantic import BaseModel, ValidationError

from replyassist.guidelines.schema import (
    GuidelineConfig,
    Template,
    TemplatesFile,
    Topic,
    TopicsFile,
)
from replyassist.jsonl import read_jsonl
from replyassist.paths import resolve_guidelines
from replyassist.types import URGENCIES

ANY_TOPIC = "*"
M = TypeVar("M", bound=BaseModel)


class GuidelineError(ValueError):
    """A guideline set is invalid; the message names the file and the field."""


@dataclass(frozen=True)
class VariantSpec:
    """One renderable phrasing; the unit that ranking scores and memory remembers."""

    variant_id: str
    template_id: str
    topic: str
    intent: str
    channels: str
    urgencies: tuple[str, ...] | None
    escalate: bool
    source: str
    compiled: JinjaTemplate

    def allows(self, *, public: bool, urgency: str) -> bool:
        if self.channels == "public" and not public:
            return False
        if self.channels == "private" and public:
            return False
        return self.urgencies is None or urgency in self.urgencies


@dataclass(frozen=True)
class TrainingExample:
    text: str
    topic: str
    urgency: str | None
    channel: str | None
    source: str


def read_labelled(path: Path, topics: Iterable[str] | None = None) -> list[TrainingExample]:
    """Labelled messages ``{"text", "topic", "urgency"?, "channel"?}``; errors name file:line."""
    known = set(topics) if topics is not None else None
    out = []
    try:
        for lineno, obj in read_jsonl(path):
            text, topic, urgency = obj.get("text"), obj.get("topic"), obj.get("urgency")
            if not isinstance(text, str) or not isinstance(topic, str):
                raise GuidelineError(f"{path}:{lineno}: fields 'text' and 'topic' are required")
            if known is not None and topic not in known:
                raise GuidelineError(f"{path}:{lineno}: topic: unknown topic {topic!r}")
            if urgency is not None and urgency not in URGENCIES:
                raise GuidelineError(f"{path}:{lineno}: urgency: unknown urgency {urgency!r}")
            out.append(TrainingExample(text, topic, urgency, obj.get("channel"), path.name))
    except GuidelineError:
        raise
    except ValueError as exc:
        raise GuidelineError(str(exc)) from exc
    return out


def _format_minutes(minutes: int) -> str:
    if minutes % 1440 == 0:
        days = minutes // 1440
        return "24 Stunden" if days == 1 else f"{days} Tagen"
    if minutes % 60 == 0:
        hours = minutes // 60
        return "einer Stunde" if hours == 1 else f"{hours} Stunden"
    return f"{minutes} Minuten"


def _read_yaml(path: Path) -> Any:
    try:
        with path.open(encoding="utf-8") as fh:
            return yaml.safe_load(fh)
    except FileNotFoundError as exc:
        raise GuidelineError(f"{path}: file is missing") from exc
    except yaml.YAMLError as exc:
        raise GuidelineError(f"{path}: invalid YAML: {exc}") from exc


def _validate(model: type[M], data: Any, path: Path) -> M:
    try:
        return model.model_validate(data)
    except ValidationError as exc:
        first = exc.errors()[0]
        loc = ".".join(f"[{p}]" if isinstance(p, int) else str(p) for p in first["loc"])
        loc = loc.replace(".[", "[")
        more = f" (and {exc.error_count() - 1} more)" if exc.error_count() > 1 else ""
        raise GuidelineError(f"{path}: {loc or '<root>'}: {first['msg']}{more}") from exc


class GuidelineSet:
    """A validated guideline set with every variant compiled once, at load time."""

    def __init__(
        self,
        root: Path,
        config: GuidelineConfig,
        topics: dict[str, Topic],
        variants: tuple[VariantSpec, ...],
    ) -> None:
        self.root = root
        self.config = config
        self.topics = topics
        self.variants = variants
        self.variants_by_id = {v.variant_id: v for v in variants}

    @property
    def name(self) -> str:
        return self.config.name

    @classmethod
    def load(cls, name_or_path: str | Path) -> GuidelineSet:
        root = resolve_guidelines(name_or_path)
        config = _validate(
            GuidelineConfig, _read_yaml(root / "guideline.yaml"), root / "guideline.yaml"
        )
        topics_file = _validate(TopicsFile, _read_yaml(root / "topics.yaml"), root / "topics.yaml")
        topics: dict[str, Topic] = {}
        for i, topic in enumerate(topics_file.topics):
            if topic.id in topics:
                raise GuidelineError(
                    f"{root / 'topics.yaml'}: topics[{i}].id: duplicate {topic.id!r}"
                )
            topics[topic.id] = topic

        env = SandboxedEnvironment(
            undefined=StrictUndefined, autoescape=False, keep_trailing_newline=False
        )
        variants: list[VariantSpec] = []
        template_dir = root / "templates"
        files = sorted(template_dir.glob("*.yaml"))
        if not files:
            raise GuidelineError(f"{template_dir}: no template files")
        seen_templates: set[str] = set()
        for path in files:
            tfile = _validate(TemplatesFile, _read_yaml(path), path)
            if tfile.topic != ANY_TOPIC and tfile.topic not in topics:
                raise GuidelineError(f"{path}: topic: unknown topic {tfile.topic!r}")
            for ti, template in enumerate(tfile.templates):
                if template.id in seen_templates:
                    raise GuidelineError(f"{path}: templates[{ti}].id: duplicate {template.id!r}")
                seen_templates.add(template.id)
                variants.extend(cls._compile(env, path, ti, tfile.topic, template))
        guideline_set = cls(root, config, topics, tuple(variants))
        guideline_set._check_coverage(template_dir)
        guideline_set._test_render()
        return guideline_set

    @staticmethod
    def _compile(
        env: SandboxedEnvironment, path: Path, ti: int, topic: str, template: Template
    ) -> Iterator[VariantSpec]:
        for vi, variant in enumerate(template.variants):
            try:
                compiled = env.from_string(variant.text)
            except TemplateError as exc:
                raise GuidelineError(
                    f"{path}: templates[{ti}].variants[{vi}].text: Jinja2 syntax error "
                    f"in {template.id}/{variant.id} line {getattr(exc, 'lineno', '?')}: {exc}"
                ) from exc
            yield VariantSpec(
                variant_id=f"{template.id}.{variant.id}",
                template_id=template.id,
                topic=topic,
                intent=template.intent,
                channels=template.channels,
                urgencies=tuple(template.urgencies) if template.urgencies else None,
                escalate=template.escalate,
                source=f"{path.name}: templates[{ti}].variants[{vi}]",
                compiled=compiled,
            )

    def _check_coverage(self, template_dir: Path) -> None:
        """Every topic needs a reply for both public and private channels."""
        for topic in self.topics:
            for public in (True, False):
                if not any(
                    v.topic in (topic, ANY_TOPIC) and v.allows(public=public, urgency=u)
                    for v in self.variants
                    for u in URGENCIES
                ):
                    kind = "public" if public else "private"
                    raise GuidelineError(f"{template_dir}: topic {topic!r} has no {kind} template")

    def _test_render(self) -> None:
        """Render every variant once so an unknown variable fails at load, not in production."""
        for variant in self.variants:
            try:
                self.sample_rendering(variant)
            except TemplateError as exc:
                raise GuidelineError(
                    f"{self.root / 'templates'}/{variant.source}: {variant.variant_id}: {exc}"
                ) from exc

    def sample_rendering(self, variant: VariantSpec) -> str:
        """One neutral rendering: the first channel of the variant's visibility,
        its first urgency, its topic (the first topic for ``*`` templates)."""
        public = variant.channels == "public"
        channel = next(c for c in self.config.channels if self.is_public(c) == public)
        urgency = variant.urgencies[0] if variant.urgencies else "normal"
        topic = variant.topic if variant.topic in self.topics else next(iter(self.topics))
        return self.render(variant, channel=channel, urgency=urgency, topic=topic)

    def is_public(self, channel: str) -> bool:
        return self.config.channels[channel].visibility == "public"

    def context(self, *, channel: str, urgency: str, topic: str) -> dict[str, Any]:
        cfg = self.config
        return {
            "greeting": cfg.tone.greeting,
            "sign_off": cfg.tone.sign_off,
            "brand": cfg.brand,
            "vars": dict(cfg.vars),
            "public": self.is_public(channel),
            "channel": channel,
            "topic_name": self.topics[topic].name if topic in self.topics else topic,
            "urgency": urgency,
            "response_target": _format_minutes(cfg.response_targets_minutes[urgency]),
        }

    def render(self, variant: VariantSpec, *, channel: str, urgency: str, topic: str) -> str:
        """Render in the sandbox. Customer text is never part of the context."""
        text = variant.compiled.render(self.context(channel=channel, urgency=urgency, topic=topic))
        return "\n".join(line.rstrip() for line in text.strip().splitlines())

    def training_examples(self) -> list[TrainingExample]:
        """Topic examples plus the labelled JSONL files under ``training/``."""
        out = [
            TrainingExample(ex, t.id, None, None, "topics.yaml")
            for t in self.topics.values()
            for ex in t.examples
        ]
        for path in sorted((self.root / "training").glob("*.jsonl")):
            out.extend(read_labelled(path, self.topics))
        return out


def main(argv: list[str] | None = None) -> int:
    args = sys.argv[1:] if argv is None else argv
    target = args[0] if args else "krankenkasse"
    try:
        gs = GuidelineSet.load(target)
    except GuidelineError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 1
    n_templates = len({v.template_id for v in gs.variants})
    print(
        f"{gs.root}: OK — {len(gs.topics)} topics, {n_templates} templates, {len(gs.variants)} variants"
    )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
