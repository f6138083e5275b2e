"""Loading and validating guideline sets: clear errors naming file and field."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from replyassist.guidelines.loader import GuidelineError, GuidelineSet
from replyassist.types import CHANNELS


def _edit(path: Path, change) -> None:  # type: ignore[no-untyped-def]
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    change(data)
    path.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False), encoding="utf-8")


def test_mini_set_loads_and_renders(mini_set: Path) -> None:
    gs = GuidelineSet.load(mini_set)
    assert set(gs.topics) == {"alpha", "beta"}
    assert len(gs.variants) == 16
    v = gs.variants_by_id["alpha.privat.v2"]
    text = gs.render(v, channel="email", urgency="normal", topic="alpha")
    assert text.startswith("Hallo,") and "Nummer 2" in text and "Gesundkasse" in text


def test_too_few_variants_names_file_and_field(mini_set: Path) -> None:
    path = mini_set / "templates" / "alpha.yaml"
    _edit(
        path, lambda d: d["templates"][1].__setitem__("variants", d["templates"][1]["variants"][:3])
    )
    with pytest.raises(GuidelineError) as err:
        GuidelineSet.load(mini_set)
    msg = str(err.value)
    assert "alpha.yaml" in msg and "templates[1]" in msg and "at least 4" in msg


def test_unknown_field_is_an_error(mini_set: Path) -> None:
    _edit(mini_set / "guideline.yaml", lambda d: d["tone"].__setitem__("adress", "Sie"))
    with pytest.raises(GuidelineError, match=r"guideline.yaml: tone.adress"):
        GuidelineSet.load(mini_set)


def test_bad_service_hours_are_reported(mini_set: Path) -> None:
    _edit(
        mini_set / "guideline.yaml",
        lambda d: d["service_hours"]["hours"].__setitem__("mon", "20:00-08:00"),
    )
    with pytest.raises(GuidelineError, match=r"service_hours.hours"):
        GuidelineSet.load(mini_set)


def test_missing_channel_is_reported(mini_set: Path) -> None:
    _edit(mini_set / "guideline.yaml", lambda d: d["channels"].pop("chat"))
    with pytest.raises(GuidelineError, match=r"channels.*chat"):
        GuidelineSet.load(mini_set)


def test_unknown_variable_fails_at_load_not_in_production(mini_set: Path) -> None:
    _edit(
        mini_set / "templates" / "beta.yaml",
        lambda d: d["templates"][0]["variants"][3].__setitem__(
            "text", "{{ greeting }} {{ kunde_name }}"
        ),
    )
    with pytest.raises(GuidelineError, match=r"beta.privat.v4.*kunde_name"):
        GuidelineSet.load(mini_set)


def test_sandbox_blocks_unsafe_template_code(mini_set: Path) -> None:
    _edit(
        mini_set / "templates" / "beta.yaml",
        lambda d: d["templates"][0]["variants"][0].__setitem__(
            "text", "{{ greeting.__class__.__mro__[1].__subclasses__() }}"
        ),
    )
    with pytest.raises(GuidelineError, match=r"unsafe|not safely|access"):
        GuidelineSet.load(mini_set)


def test_topic_without_public_template_is_rejected(mini_set: Path) -> None:
    _edit(mini_set / "templates" / "beta.yaml", lambda d: d["templates"].pop(1))
    with pytest.raises(GuidelineError, match=r"'beta' has no public template"):
        GuidelineSet.load(mini_set)


def test_invalid_yaml_names_the_file(mini_set: Path) -> None:
    (mini_set / "topics.yaml").write_text("topics: [\n", encoding="utf-8")
    with pytest.raises(GuidelineError, match=r"topics.yaml: invalid YAML"):
        GuidelineSet.load(mini_set)


def test_unknown_set_name() -> None:
    with pytest.raises(FileNotFoundError, match="gibtsnicht"):
        GuidelineSet.load("gibtsnicht")


def test_default_set_covers_taxonomy() -> None:
    gs = GuidelineSet.load("krankenkasse")
    assert list(gs.topics) == [
        "krankengeld",
        "leistungen",
        "beitraege",
        "mitgliedschaft",
        "pflege",
        "praevention",
        "aktionen",
        "online_service",
        "widerspruch",
        "beschwerde",
        "lob",
        "sonstiges",
    ]
    by_template: dict[str, int] = {}
    for v in gs.variants:
        by_template[v.template_id] = by_template.get(v.template_id, 0) + 1
    assert min(by_template.values()) >= 4
    for topic in gs.topics:
        for public in (True, False):
            assert any(
                v.topic == topic and v.allows(public=public, urgency="normal") for v in gs.variants
            )
    # every variant renders for every channel it may serve
    for v in gs.variants:
        for channel in CHANNELS:
            if v.allows(public=gs.is_public(channel), urgency=(v.urgencies or ("normal",))[0]):
                assert gs.render(
                    v,
                    channel=channel,
                    urgency=(v.urgencies or ("normal",))[0],
                    topic=v.topic if v.topic in gs.topics else "sonstiges",
                )
