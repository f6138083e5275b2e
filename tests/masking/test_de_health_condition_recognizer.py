"""HEALTH_CONDITION recognizer: lexicon, compounds, codes, care grade, decoys."""

from __future__ import annotations

from collections.abc import Callable

import pytest

Found = Callable[[str], list[tuple[str, str]]]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Ich habe Brustkrebs", ["Brustkrebs"]),
        ("Meine Mutter hat Pflegegrad 3 und GdB 50", ["Pflegegrad 3", "GdB 50"]),
        ("Diagnose F32.1 und M54.5.", ["F32.1", "M54.5"]),
        ("icd f90.0 steht drauf", ["f90.0"]),
        ("bin schwanger in der 20. SSW", ["schwanger", "20. SSW"]),
        ("seit wochen rückenschmerzen", ["rückenschmerzen"]),
        ("Sehnenscheidenentzündung am Arm", ["Sehnenscheidenentzündung"]),  # compound
        ("wegen Sarkoidose in Behandlung", ["Sarkoidose"]),  # -ose
        ("Morbus Bechterew seit 2010", ["Morbus Bechterew"]),
        ("hab zucker", ["zucker"]),  # colloquial, after a cue
        ("chronische Bronchitis", ["chronische Bronchitis"]),
        ("Diabetes Typ 2 seit Jahren", ["Diabetes Typ 2"]),
        ("hab magen darm", ["magen darm"]),
        ("Merkzeichen aG im Ausweis", ["Merkzeichen aG"]),
    ],
)
def test_found(found: Found, text: str, expected: list[str]) -> None:
    assert [v for t, v in found(text) if t == "HEALTH_CONDITION"] == expected


@pytest.mark.parametrize(
    "text",
    [
        "Wie beantrage ich einen Pflegegrad?",
        "Das Krankengeld und das Pflegegeld kamen nicht",
        "Die Diagnose kam per Post, die Prognose ist gut",
        "Netzstörung in der App",
        "Zahlt ihr die Impfung gegen Grippe?",
        "Gibt es einen Kurs für Zucker-Ernährung mit wenig Zucker?",
        "Die Steckdose und die Hose sind kostenlose Goodies",
        "Modell A320 bestellt",
    ],
)
def test_not_found(found: Found, text: str) -> None:
    assert not [v for t, v in found(text) if t == "HEALTH_CONDITION"]
