"""Shared fixtures. Expensive components (Presidio, embeddings, models) load once per session."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
import yaml

ROOT = Path(__file__).resolve().parent.parent
DATA = Path(__file__).resolve().parent / "data"


@pytest.fixture(scope="session")
def assistant():  # type: ignore[no-untyped-def]
    from replyassist import Assistant
    from replyassist.rank.memory import InMemoryMemory

    return Assistant.from_guidelines("krankenkasse", memory=InMemoryMemory())


@pytest.fixture
def fresh_assistant(assistant):  # type: ignore[no-untyped-def]
    """Same loaded components, empty memory: variety tests must not see other tests' history."""
    from replyassist.assistant import Assistant
    from replyassist.rank.memory import InMemoryMemory

    return Assistant(
        assistant.guidelines, assistant.classifier, assistant.masker, memory=InMemoryMemory()
    )


def _variants(prefix: str, n: int = 4) -> list[dict[str, str]]:
    return [
        {"id": f"v{i}", "text": f"{{{{ greeting }}}},\n{prefix} Nummer {i}.\n{{{{ sign_off }}}}"}
        for i in range(1, n + 1)
    ]


@pytest.fixture
def mini_set(tmp_path: Path) -> Path:
    """A small valid guideline set in a temp folder, for tests that break it on purpose."""
    root = tmp_path / "mini"
    (root / "templates").mkdir(parents=True)
    shutil.copy(ROOT / "guidelines" / "krankenkasse" / "guideline.yaml", root / "guideline.yaml")
    topics = {
        "topics": [
            {"id": "alpha", "name": "Alpha", "description": "Erstes Thema", "examples": ["a"]},
            {"id": "beta", "name": "Beta", "description": "Zweites Thema", "examples": ["b"]},
        ]
    }
    (root / "topics.yaml").write_text(yaml.safe_dump(topics, allow_unicode=True), encoding="utf-8")
    for topic in ("alpha", "beta"):
        doc = {
            "topic": topic,
            "templates": [
                {
                    "id": f"{topic}.privat",
                    "intent": "Antwort",
                    "channels": "private",
                    "variants": _variants(f"Private Antwort zu {topic}"),
                },
                {
                    "id": f"{topic}.oeffentlich",
                    "intent": "Antwort",
                    "channels": "public",
                    "variants": _variants(f"Öffentliche Antwort zu {topic}"),
                },
            ],
        }
        (root / "templates" / f"{topic}.yaml").write_text(
            yaml.safe_dump(doc, allow_unicode=True, sort_keys=False), encoding="utf-8"
        )
    return root
