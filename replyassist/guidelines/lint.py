"""Style linter for German service replies.

Encodes the communication no-gos of the guideline practice: no subjunctive
hedging in the agent's voice ("Konjunktiv geht gar nicht"), no reproaches,
no rhetorical questions, one form of address, greeting and sign-off present,
length fitting the channel. ``replyassist lint`` runs it over every variant
of a set; the assistant runs it over every rendered suggestion and does not
show one that has an error.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Literal

from replyassist.guidelines.loader import GuidelineSet, VariantSpec
from replyassist.types import CHANNELS

Severity = Literal["error", "warning"]


@dataclass(frozen=True)
class LintIssue:
    rule: str
    severity: Severity
    message: str
    line: int  # 1-based line in the rendered text

    def format(self, where: str = "") -> str:
        prefix = f"{where}:{self.line}: " if where else f"line {self.line}: "
        return f"{prefix}{self.severity}: {self.rule}: {self.message}"


_W = r"(?<![\wäöüÄÖÜß])"  # word start that respects umlauts
_SUBJUNCTIVE = re.compile(
    _W + r"(würde|würden|würdest|könnte|könnten|hätte|hätten|müsste|müssten|sollte|sollten|"
    r"dürfte|dürften|wäre|wären)(?![\wäöü])",
    re.IGNORECASE,
)
_REPROACHES = (
    re.compile(_W + r"Sie hätten", re.IGNORECASE),
    re.compile(r"wie (bereits|schon) (mitgeteilt|erwähnt|gesagt|geschrieben)", re.IGNORECASE),
    re.compile(r"leider (müssen|muss) (Sie|du)", re.IGNORECASE),
    re.compile(r"(Sie haben|du hast) (vergessen|übersehen|nicht gelesen)", re.IGNORECASE),
    re.compile(r"(selbst|selber) schuld", re.IGNORECASE),
)
_RHETORICAL = re.compile(r"\?!|!\?|\bHören Sie\b|\bverstehen Sie(?: das)?\?", re.IGNORECASE)
_DU_FORMS = re.compile(
    _W + r"(du|dich|dir|dein|deine|deinen|deinem|deiner|deines|"
    r"schreib|schick|ruf|klick|sag|gib|nimm|lies|meld)(?![\wäöü])",
    re.IGNORECASE,
)
_SIE_FORMS = re.compile(r"(?<![.!?:\n]\s)(?<!^)\b(Sie|Ihnen|Ihr|Ihre|Ihren|Ihrem|Ihrer|Ihres)\b")


def _line_of(text: str, pos: int) -> int:
    return text.count("\n", 0, pos) + 1


def lint_text(
    text: str,
    *,
    address: str,
    greeting: str,
    sign_off: str,
    max_chars: int | None = None,
) -> list[LintIssue]:
    """Lint one rendered reply."""
    issues: list[LintIssue] = []
    for m in _SUBJUNCTIVE.finditer(text):
        issues.append(
            LintIssue(
                "subjunctive",
                "error",
                f"Konjunktiv {m.group(0)!r}: direkt formulieren",
                _line_of(text, m.start()),
            )
        )
    for rx in _REPROACHES:
        for m in rx.finditer(text):
            issues.append(
                LintIssue("reproach", "error", f"Vorwurf {m.group(0)!r}", _line_of(text, m.start()))
            )
    for m in _RHETORICAL.finditer(text):
        issues.append(
            LintIssue(
                "rhetorical",
                "error",
                f"rhetorische Frage {m.group(0)!r}",
                _line_of(text, m.start()),
            )
        )
    if address == "Sie":
        for m in _DU_FORMS.finditer(text):
            issues.append(
                LintIssue(
                    "address",
                    "error",
                    f"Du-Form {m.group(0)!r} in einer Sie-Antwort",
                    _line_of(text, m.start()),
                )
            )
    else:
        for m in _SIE_FORMS.finditer(text):
            issues.append(
                LintIssue(
                    "address",
                    "error",
                    f"Sie-Form {m.group(0)!r} in einer Du-Antwort",
                    _line_of(text, m.start()),
                )
            )
    if not text.lstrip().startswith(greeting):
        issues.append(LintIssue("greeting", "warning", f"beginnt nicht mit {greeting!r}", 1))
    last_line = sign_off.strip().splitlines()[-1] if sign_off.strip() else ""
    if last_line and last_line not in text and "Team" not in text.splitlines()[-1]:
        issues.append(
            LintIssue("sign_off", "warning", "keine Grußformel am Ende", text.count("\n") + 1)
        )
    if max_chars is not None and len(text) > max_chars:
        issues.append(
            LintIssue(
                "length",
                "error",
                f"{len(text)} Zeichen, erlaubt sind {max_chars}",
                text.count("\n") + 1,
            )
        )
    return issues


def lint_variant(guidelines: GuidelineSet, variant: VariantSpec) -> list[tuple[str, LintIssue]]:
    """Render a variant for every channel it may serve and lint each rendering."""
    cfg = guidelines.config
    out: list[tuple[str, LintIssue]] = []
    seen: set[tuple[str, str, int]] = set()
    urgencies = variant.urgencies or ("normal",)
    for channel in CHANNELS:
        public = guidelines.is_public(channel)
        if not variant.allows(public=public, urgency=urgencies[0]):
            continue
        topic = (
            variant.topic if variant.topic in guidelines.topics else next(iter(guidelines.topics))
        )
        text = guidelines.render(variant, channel=channel, urgency=urgencies[0], topic=topic)
        for issue in lint_text(
            text,
            address=cfg.tone.address,
            greeting=cfg.tone.greeting,
            sign_off=cfg.tone.sign_off,
            max_chars=cfg.channels[channel].max_chars,
        ):
            key = (issue.rule, issue.message, issue.line)
            if key not in seen:
                seen.add(key)
                out.append((channel, issue))
    return out


def lint_guidelines(guidelines: GuidelineSet) -> list[str]:
    """All issues of a set as ``file: template/variant (channel):line: severity: rule: message``."""
    lines = []
    for variant in guidelines.variants:
        for channel, issue in lint_variant(guidelines, variant):
            where = f"{variant.source} {variant.variant_id} ({channel})"
            lines.append(issue.format(where))
    return lines
