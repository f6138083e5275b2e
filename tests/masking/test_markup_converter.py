"""The markup converter the annotators ran (examples/datasets/markup_to_jsonl.py)."""

from __future__ import annotations

import importlib.util
from pathlib import Path
from types import ModuleType

from replyassist.masking.config import ALL_ENTITY_TYPES

SCRIPT = Path(__file__).resolve().parents[2] / "examples" / "datasets" / "markup_to_jsonl.py"


def _load() -> ModuleType:
    spec = importlib.util.spec_from_file_location("markup_to_jsonl", SCRIPT)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_types_are_the_taxonomys() -> None:
    # the script keeps its own copy: the annotators ran it without the project installed
    assert frozenset(ALL_ENTITY_TYPES) == _load().TYPES


def test_offsets_are_exact_and_errors_name_the_message() -> None:
    raw = (
        "Hallo, [[PERSON|Jana]] hat [[HEALTH_CONDITION|Migräne]].\n§§§\n[[FOO|x]] und [[PERSON| y]]"
    )
    rows, errors = _load().convert(raw)
    first = rows[0]
    assert first["text"] == "Hallo, Jana hat Migräne."
    assert [first["text"][s["start"] : s["end"]] for s in first["spans"]] == ["Jana", "Migräne"]
    assert errors == [
        "message 2: unknown type 'FOO'",
        "message 2: value with leading/trailing space ' y'",
    ]
