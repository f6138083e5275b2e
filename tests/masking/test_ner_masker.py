"""The shipped NER pipeline (models/ner-de) and the Masker's optional NER modes."""

from __future__ import annotations

import json
import socket
from collections.abc import Iterator
from pathlib import Path

import pytest

from replyassist.masking import Masker, MaskingConfig, MaskingConfigError
from replyassist.masking.nlp import LanguageNlpEngine, load_german_pipeline
from replyassist.masking.recognizers import DePersonRecognizer, DeSpacyNerRecognizer
from replyassist.masking.recognizers.de_date_of_birth_recognizer import DeDateOfBirthRecognizer
from replyassist.masking.recognizers.spacy_ner import ner_model_configuration
from replyassist.paths import resolve_model

MODEL = "ner-de"
TEXTS = [
    "Hallo, ich bin Jana Schulze und habe Diabetes Typ 2, ich nehme Metformin 1000 mg.",
    "Sehr geehrte Frau Nowak, meine KVNR ist A000500015, Tel. 0171 2345678.",
    "Wann kommt mein Krankengeld? IBAN DE89 3704 0044 0532 0130 00",
    "Viele Grüße\nTim Becker",
]


@pytest.fixture(scope="module")
def no_network() -> Iterator[None]:
    """Any attempt to open a socket fails the test: loading must be offline."""
    original = socket.socket.connect

    def refuse(*args: object, **kwargs: object) -> None:
        raise AssertionError("network access while loading the NER model")

    socket.socket.connect = refuse  # type: ignore[method-assign]
    try:
        yield
    finally:
        socket.socket.connect = original  # type: ignore[method-assign]


@pytest.fixture(scope="module")
def ner_masker(no_network: None) -> Masker:
    return Masker(MaskingConfig(ner_model=MODEL, ner_mode="ner"))


def test_shipped_model_is_small_and_pickle_free() -> None:
    root = resolve_model(MODEL)
    files = [p for p in root.rglob("*") if p.is_file()]
    assert sum(p.stat().st_size for p in files) <= 6 * 1024 * 1024
    assert {p.name for p in root.iterdir()} >= {
        "config.cfg",
        "meta.json",
        "tokenizer",
        "vocab",
        "ner",
        "tok2vec",
    }
    assert not any(p.suffix in {".pkl", ".pickle"} for p in files)
    meta = json.loads((root / "meta.json").read_text(encoding="utf-8"))
    assert meta["lang"] == "de"
    assert set(meta["labels"]["ner"]) == {"PERSON", "HEALTH_CONDITION", "MEDICATION"}


def test_ner_mode_finds_a_person(ner_masker: Masker) -> None:
    text = "Ich habe gestern mit Herrn Krzysztof Wiśniewski telefoniert."
    found = [(e.entity_type, text[e.start : e.end]) for e in ner_masker.analyze(text)]
    assert ("PERSON", "Krzysztof Wiśniewski") in found


def test_ner_mode_replaces_the_rule_recognizers(ner_masker: Masker) -> None:
    recs = ner_masker.engine.registry.recognizers
    assert any(isinstance(r, DeSpacyNerRecognizer) for r in recs)
    assert not any(isinstance(r, DePersonRecognizer) for r in recs)
    assert any(isinstance(r, DeDateOfBirthRecognizer) for r in recs)  # structured stay on


def test_ner_mode_keeps_structured_recognizers(ner_masker: Masker) -> None:
    types = {e.entity_type for e in ner_masker.analyze(TEXTS[1])}
    assert {"DE_HEALTH_INSURANCE", "PHONE_NUMBER"} <= types


def test_combined_mode_keeps_both(no_network: None) -> None:
    masker = Masker(MaskingConfig(ner_model=MODEL, ner_mode="combined"))
    recs = masker.engine.registry.recognizers
    assert any(isinstance(r, DeSpacyNerRecognizer) for r in recs)
    assert any(isinstance(r, DePersonRecognizer) for r in recs)
    masked = masker.mask(TEXTS[0])
    for raw in ("Jana Schulze", "Diabetes", "Metformin"):
        assert raw not in masked.text


def test_rules_mode_equals_default(masker: Masker) -> None:
    rules = Masker(MaskingConfig(ner_mode="rules"))
    for text in TEXTS:
        assert rules.mask(text) == masker.mask(text)
    assert not any(isinstance(r, DeSpacyNerRecognizer) for r in rules.engine.registry.recognizers)


@pytest.mark.parametrize(
    ("kwargs", "field"),
    [
        ({"ner_mode": "ner"}, "ner_model"),
        ({"ner_model": MODEL, "ner_mode": "neural"}, "ner_mode"),
        ({"ner_model": "", "ner_mode": "ner"}, "ner_model"),
        (
            {"ner_model": MODEL, "ner_mode": "ner", "ner_entity_types": ("IBAN_CODE",)},
            "ner_entity_types",
        ),
        ({"ner_model": MODEL, "ner_mode": "ner", "ner_entity_types": "PERSON"}, "ner_entity_types"),
    ],
)
def test_config_errors_name_the_ner_field(kwargs: dict[str, object], field: str) -> None:
    with pytest.raises(MaskingConfigError, match=field):
        MaskingConfig(**kwargs)  # type: ignore[arg-type]


def test_from_dict_reads_ner_fields() -> None:
    cfg = MaskingConfig.from_dict(
        {"masking": {"ner_model": MODEL, "ner_mode": "combined", "ner_entity_types": ["PERSON"]}}
    )
    assert (cfg.ner_model, cfg.ner_mode, cfg.ner_entity_types) == (MODEL, "combined", ("PERSON",))


def test_missing_model_folder_names_the_field(tmp_path: Path) -> None:
    with pytest.raises(MaskingConfigError, match="ner_model"):
        Masker(MaskingConfig(ner_model=str(tmp_path / "nope"), ner_mode="ner"))
    with pytest.raises(MaskingConfigError, match="ner_model"):
        Masker(MaskingConfig(ner_model=str(tmp_path), ner_mode="ner"))  # not a pipeline


@pytest.mark.parametrize(
    ("text", "plausible"),
    [
        ("Jana Schulze", True),
        ("Yılmaz", True),
        ("stanisława wiśniewska", True),
        ("Дякую", False),  # a greeting in another script
        ("Schlaflabor", False),  # a noun
        ("Play Store Bewertung", False),
        ("39,8 Fieber", False),
        ("Gracias", False),
    ],
)
def test_ner_person_findings_must_look_like_names(
    masker: Masker, text: str, plausible: bool
) -> None:
    person = next(
        r for r in masker.engine.registry.recognizers if isinstance(r, DePersonRecognizer)
    )
    assert person.could_be_name(text) is plausible


def test_ner_drops_implausible_person_findings() -> None:
    """The recognizer applies the check it is given to the engine's findings."""
    rec = DeSpacyNerRecognizer("de", ("PERSON",), {"PERSON": lambda value: value != "Doktor"})
    nlp = load_german_pipeline(resolve_model(MODEL))
    engine = LanguageNlpEngine(
        {"de": nlp}, ner_model_configuration=ner_model_configuration(("PERSON",), ("PERSON",))
    )
    text = "Doktor hat gesagt, Jana Schulze soll kommen"
    artifacts = engine.process_text(text, "de")
    kept = {text[r.start : r.end] for r in rec.analyze(text, ["PERSON"], artifacts)}
    assert "Doktor" not in kept
