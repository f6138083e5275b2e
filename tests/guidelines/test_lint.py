"""The style linter catches the communication no-gos."""

from __future__ import annotations

import pytest

from replyassist.guidelines.lint import lint_guidelines, lint_text
from replyassist.guidelines.loader import GuidelineSet

TONE = {"address": "Sie", "greeting": "Hallo", "sign_off": "Viele Grüße\nIhr Team"}


def rules(text: str, **kw: object) -> set[str]:
    args = {**TONE, **kw}
    return {i.rule for i in lint_text(text, **args) if i.severity == "error"}  # type: ignore[arg-type]


@pytest.mark.parametrize(
    ("text", "rule"),
    [
        ("Hallo,\nwir würden das gern prüfen.\nIhr Team", "subjunctive"),
        ("Hallo,\nkönnten Sie uns schreiben?\nIhr Team", "subjunctive"),
        ("Hallo,\nSie hätten den Antrag früher stellen müssen.\nIhr Team", "reproach"),
        ("Hallo,\nwie bereits mitgeteilt, ist das so.\nIhr Team", "reproach"),
        ("Hallo,\nleider müssen Sie warten.\nIhr Team", "reproach"),
        ("Hallo,\nHören Sie, das geht so nicht.\nIhr Team", "rhetorical"),
        ("Hallo,\nwarum fragen Sie?!\nIhr Team", "rhetorical"),
        ("Hallo,\nschreib uns, dann helfen wir Ihnen.\nIhr Team", "address"),
        ("Hallo,\nwir melden uns bei dir.\nIhr Team", "address"),
    ],
)
def test_errors(text: str, rule: str) -> None:
    assert rule in rules(text)


def test_clean_reply_passes() -> None:
    text = "Hallo,\nwir prüfen Ihr Anliegen heute und melden uns bei Ihnen.\nViele Grüße\nIhr Team"
    assert lint_text(text, **TONE) == []  # type: ignore[arg-type]


def test_length_per_channel() -> None:
    assert "length" in rules("Hallo,\n" + "x" * 300 + "\nIhr Team", max_chars=280)


def test_du_set_flags_sie() -> None:
    text = "Hallo,\nwir melden uns bei Ihnen.\nIhr Team"
    assert "address" in rules(text, address="du")


def test_missing_greeting_is_a_warning() -> None:
    issues = lint_text("Wir prüfen das.\nIhr Team", **TONE)  # type: ignore[arg-type]
    assert [(i.rule, i.severity) for i in issues] == [("greeting", "warning")]


def test_default_guideline_set_has_no_lint_errors() -> None:
    errors = [
        line for line in lint_guidelines(GuidelineSet.load("krankenkasse")) if ": error: " in line
    ]
    assert errors == []
