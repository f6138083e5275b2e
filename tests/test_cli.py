"""The JSON Lines contracts of the CLI, run as a real subprocess."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import tempfile
from pathlib import Path

import pytest

CLASSIFY_FIELDS = {
    "id",
    "topic",
    "topic_confidence",
    "urgency",
    "urgency_confidence",
    "reasons",
    "due_at",
}
SUGGEST_FIELDS = CLASSIFY_FIELDS | {"masked_text", "escalate", "suggestions"}

LINES = [
    json.dumps(
        {
            "id": "a",
            "text": "Wann kommt mein Krankengeld? Tel. 0351 1234567",
            "channel": "facebook_dm",
        }
    ),
    "{das ist kein json",
    json.dumps({"id": "c", "text": "Hallo", "channel": "fax"}),
    json.dumps({"id": "d", "channel": "email"}),
    "",
    json.dumps(
        {"id": 5, "text": "Meine Mail ist jana.schulze@web.de, Login geht nicht", "channel": "chat"}
    ),
]


_STATE = tempfile.mkdtemp(prefix="replyassist-cli-test-")


def run(*args: str, stdin: str, memory: str | None = None) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "REPLYASSIST_MEMORY": memory or os.path.join(_STATE, "memory.sqlite3")}
    return subprocess.run(
        [sys.executable, "-m", "replyassist.cli", *args],
        input=stdin,
        env=env,
        capture_output=True,
        text=True,
        timeout=300,
        check=False,
    )


@pytest.fixture(scope="module")
def suggest_out() -> subprocess.CompletedProcess[str]:
    return run("suggest", "-", stdin="\n".join(LINES) + "\n")


def test_suggest_one_line_per_input_in_order(suggest_out: subprocess.CompletedProcess[str]) -> None:
    out = [json.loads(line) for line in suggest_out.stdout.splitlines()]
    assert [o["id"] for o in out] == ["a", None, "c", "d", "5"]
    assert suggest_out.returncode == 1  # some lines failed


def test_suggest_errors_name_line_and_field(suggest_out: subprocess.CompletedProcess[str]) -> None:
    out = [json.loads(line) for line in suggest_out.stdout.splitlines()]
    assert out[1]["line"] == 2 and "invalid JSON" in out[1]["error"]
    assert out[2]["line"] == 3 and "channel" in out[2]["error"]
    assert out[3]["line"] == 4 and "'text'" in out[3]["error"]
    assert "kein json" not in suggest_out.stdout + suggest_out.stderr  # errors never echo input


def test_suggest_valid_lines_have_all_fields(suggest_out: subprocess.CompletedProcess[str]) -> None:
    out = [json.loads(line) for line in suggest_out.stdout.splitlines()]
    for obj in (out[0], out[4]):
        assert set(obj) >= SUGGEST_FIELDS
        assert len(obj["suggestions"]) == 3
        for s in obj["suggestions"]:
            assert {"template_id", "variant_id", "text", "score", "reasons"} <= set(s)
    assert "0351 1234567" not in out[0]["masked_text"] and "<PHONE_NUMBER>" in out[0]["masked_text"]
    assert "<EMAIL_ADDRESS>" in out[4]["masked_text"]
    assert out[0]["topic"] == "krankengeld"


def test_mask_offsets_point_into_original(tmp_path: Path) -> None:
    text = "Ich bin Jana Schulze, KVNR A123456780, IBAN DE89 3704 0044 0532 0130 00"
    path = tmp_path / "in.jsonl"
    path.write_text(json.dumps({"id": "m1", "text": text}) + "\n", encoding="utf-8")
    proc = run("mask", str(path), stdin="")
    assert proc.returncode == 0, proc.stderr
    obj = json.loads(proc.stdout)
    found = {e["entity_type"]: text[e["start"] : e["end"]] for e in obj["entities"]}
    assert found["DE_HEALTH_INSURANCE"] == "A123456780"
    assert found["IBAN_CODE"].replace(" ", "") == "DE89370400440532013000"
    assert "<DE_HEALTH_INSURANCE>" in obj["masked_text"] and "A123456780" not in obj["masked_text"]


def test_classify_contract() -> None:
    proc = run(
        "classify",
        "-",
        stdin=json.dumps(
            {"id": "k", "text": "Wie beantrage ich einen Pflegegrad für meinen Vater?"}
        )
        + "\n",
    )
    assert proc.returncode == 0, proc.stderr
    obj = json.loads(proc.stdout)
    assert set(obj) >= CLASSIFY_FIELDS and obj["topic"] == "pflege"


def test_missing_file_is_a_clear_error() -> None:
    proc = run("mask", "/nonexistent/file.jsonl", stdin="")
    assert proc.returncode != 0 and "cannot read" in proc.stderr


def test_mask_csv_export_with_audit_report(tmp_path: Path) -> None:
    import csv

    rows = [
        {"id": "1", "text": "Meine KVNR ist A123456780 und ich habe Diabetes"},
        {"id": "2", "text": "Bitte an jana.schulze@web.de antworten"},
        {"id": "3", "text": "Danke!"},
    ]
    path = tmp_path / "export.csv"
    with path.open("w", encoding="utf-8", newline="") as fh:
        writer = csv.DictWriter(fh, fieldnames=["id", "text"])
        writer.writeheader()
        writer.writerows(rows)
    proc = run(
        "mask", str(path), "--csv", "--audit", str(tmp_path / "audit"), "--no-progress", stdin=""
    )
    assert proc.returncode == 0, proc.stderr
    out = [json.loads(line) for line in proc.stdout.splitlines()]
    assert [o["id"] for o in out] == ["1", "2", "3"]
    report = json.loads((tmp_path / "audit" / "mask_audit.json").read_text(encoding="utf-8"))
    html = (tmp_path / "audit" / "mask_audit.html").read_text(encoding="utf-8")
    assert report["messages"] == 3 and report["messages_with_health_data"] == 1
    for raw in ("A123456780", "Diabetes", "jana.schulze"):
        assert raw not in html and raw not in json.dumps(report)
    assert "<svg" in html


def test_mask_reports_bad_lines_and_continues() -> None:
    lines = [
        '{"id": "a", "text": "Tel 0171 2345678"}',
        "{kaputt",
        '{"id": "c", "text": 5}',
        '{"id": "d", "text": "ok"}',
    ]
    proc = run("mask", "-", stdin="\n".join(lines) + "\n")
    out = [json.loads(line) for line in proc.stdout.splitlines()]
    assert proc.returncode == 1
    assert [o.get("line") for o in out] == [None, 2, 3, None]
    assert out[0]["masked_text"] == "Tel <PHONE_NUMBER>" and out[3]["masked_text"] == "ok"


def test_suggest_remembers_used_variants_across_processes(tmp_path: Path) -> None:
    """The default memory is a SQLite file: a second run in the same thread varies its reply."""
    line = (
        json.dumps(
            {
                "id": "x",
                "text": "Ich mache beim Gewinnspiel mit! 🍀",
                "channel": "facebook_comment",
                "thread_id": "post-42",
            }
        )
        + "\n"
    )
    memory = str(tmp_path / "mem.sqlite3")
    first = run("suggest", "-", stdin=line, memory=memory)
    second = run("suggest", "-", stdin=line, memory=memory)
    assert first.returncode == 0 and second.returncode == 0, first.stderr + second.stderr
    top = [json.loads(p.stdout)["suggestions"][0]["variant_id"] for p in (first, second)]
    assert top[0] != top[1]
    assert os.path.getsize(memory) > 0


def test_eval_classify_reports_metrics_and_figure(tmp_path: Path) -> None:
    gold = tmp_path / "gold.jsonl"
    lines = (
        (Path(__file__).parent / "data" / "classify_dev.jsonl")
        .read_text(encoding="utf-8")
        .splitlines()
    )
    gold.write_text("\n".join(lines[:40]) + "\n", encoding="utf-8")
    proc = run(
        "eval",
        "classify",
        str(gold),
        "--json",
        str(tmp_path / "m.json"),
        "--figure",
        str(tmp_path / "r.svg"),
        stdin="",
    )
    assert proc.returncode == 0, proc.stderr
    metrics = json.loads((tmp_path / "m.json").read_text(encoding="utf-8"))
    assert metrics["n"] == 40
    for key in (
        "topic_macro_f1",
        "urgency_accuracy",
        "recall_critical",
        "topic_ece",
        "topic_confusion",
    ):
        assert key in metrics
    assert 0.0 <= metrics["topic_macro_f1"] <= 1.0
    assert "macro-F1" in proc.stdout
    assert (tmp_path / "r.svg").read_text(encoding="utf-8").startswith("<svg")


def test_lint_warns_about_variants_the_masker_would_hide(mini_set: Path) -> None:
    import yaml

    path = mini_set / "templates" / "alpha.yaml"
    doc = yaml.safe_load(path.read_text(encoding="utf-8"))
    variant = doc["templates"][0]["variants"][1]
    variant["text"] = "{{ greeting }},\nrufen Sie Frau Jana Schulze an.\n{{ sign_off }}"
    path.write_text(yaml.safe_dump(doc, allow_unicode=True, sort_keys=False), encoding="utf-8")
    proc = subprocess.run(
        [sys.executable, "-m", "replyassist.cli", "lint", str(mini_set)],
        capture_output=True,
        text=True,
        timeout=300,
        check=False,
    )
    assert proc.returncode == 0, proc.stderr  # a warning, not an error
    flagged = [line for line in proc.stdout.splitlines() if "is never shown" in line]
    assert len(flagged) == 1
    assert (
        flagged[0].startswith(f"alpha.privat.{variant['id']}: warning:") and "PERSON" in flagged[0]
    )


def test_mask_options_choose_entity_types_and_ner(tmp_path: Path) -> None:
    # a symptom the rules do not know but the shipped NER finds
    text = "Mail: jana@example.org. hab seit wochen so ein pfeifen im ohr, lg tobi"
    path = tmp_path / "in.jsonl"
    path.write_text(json.dumps({"id": "m", "text": text}) + "\n", encoding="utf-8")

    def masked(*options: str) -> dict[str, str]:
        proc = run("mask", str(path), *options, stdin="")
        assert proc.returncode == 0, proc.stderr
        obj = json.loads(proc.stdout)
        return {text[e["start"] : e["end"]]: e["entity_type"] for e in obj["entities"]}

    rules = masked()
    assert "pfeifen im ohr" not in rules and rules["jana@example.org"] == "EMAIL_ADDRESS"
    combined = masked("--ner-mode", "combined")
    assert combined.get("pfeifen im ohr") == "HEALTH_CONDITION"
    config = tmp_path / "masking.yaml"
    config.write_text("entity_types: [PERSON]\n", encoding="utf-8")
    assert masked("--masking-config", str(config)) == {"tobi": "PERSON"}


def test_mask_options_errors_name_file_and_field(tmp_path: Path) -> None:
    config = tmp_path / "masking.yaml"
    config.write_text("ner_mode: fast\n", encoding="utf-8")
    proc = run("mask", "-", "--masking-config", str(config), stdin="")
    assert proc.returncode == 2
    assert "masking.yaml: field 'ner_mode'" in proc.stderr
    proc = run("mask", "-", "--ner-mode", "fast", stdin="")
    assert proc.returncode == 2 and "--ner-mode" in proc.stderr
    gold = Path(__file__).parent / "data" / "mask_gold_seed7.jsonl"
    proc = run("eval", "mask", str(gold), "--baseline", "--ner-mode", "ner", stdin="")
    assert proc.returncode == 2 and "--baseline" in proc.stderr


def test_cli_ner_modes_are_the_configs() -> None:
    from replyassist.cli import build_parser
    from replyassist.masking.config import NER_MODES

    mask = build_parser()._subparsers._group_actions[0].choices["mask"]  # type: ignore[union-attr]
    option = next(a for a in mask._actions if "--ner-mode" in a.option_strings)
    assert tuple(option.choices) == NER_MODES


def test_eval_mask_with_ner_mode_reports_that_masker(tmp_path: Path) -> None:
    gold = Path(__file__).parent / "data" / "mask_gold_own_words.jsonl"
    recalls = {}
    for mode in ("rules", "combined"):
        out = tmp_path / f"{mode}.json"
        proc = run("eval", "mask", str(gold), "--ner-mode", mode, "--json", str(out), stdin="")
        assert proc.returncode == 0, proc.stderr
        recalls[mode] = json.loads(out.read_text())["per_entity"]["HEALTH_CONDITION"]["recall"]
    assert recalls["combined"] > recalls["rules"] + 0.1


def test_guideline_set_masking_yaml_is_used(mini_set: Path) -> None:
    from replyassist.assistant import masking_config_for
    from replyassist.guidelines.loader import GuidelineError, GuidelineSet

    (mini_set / "masking.yaml").write_text(
        "entity_types: [PERSON, EMAIL_ADDRESS]\nallow_list: ['0800 000 111']\n", encoding="utf-8"
    )
    guidelines = GuidelineSet.load(mini_set)
    cfg = masking_config_for(guidelines)
    assert cfg.entity_types == ("PERSON", "EMAIL_ADDRESS")
    # the set's own public facts stay allowed next to the file's list
    assert "0800 000 111" in cfg.allow_list and guidelines.config.brand in cfg.allow_list
    (mini_set / "masking.yaml").write_text("score_threshold: 2\n", encoding="utf-8")
    with pytest.raises(GuidelineError, match=r"masking\.yaml: field 'score_threshold'"):
        masking_config_for(guidelines)


def test_mask_workers_give_the_same_output_in_order(tmp_path: Path) -> None:
    rows = [
        json.dumps({"id": i, "text": f"Ich bin Jana Schulze {i}, Tel 0171 23456{i:02d}"})
        for i in range(90)
    ]
    rows[7] = "{kaputt"
    rows[50] = json.dumps({"id": "x", "text": 5})
    path = tmp_path / "in.jsonl"
    path.write_text("\n".join(rows) + "\n", encoding="utf-8")
    one = run("mask", str(path), stdin="")
    two = run("mask", str(path), "--workers", "2", "--audit", str(tmp_path / "audit"), stdin="")
    assert one.returncode == two.returncode == 1  # two unreadable lines
    assert two.stdout == one.stdout
    out = [json.loads(line) for line in two.stdout.splitlines()]
    assert [o.get("line") for o in out if "error" in o] == [8, 51]
    assert sum("<PERSON>" in o.get("masked_text", "") for o in out) == 88
    audit = json.loads((tmp_path / "audit" / "mask_audit.json").read_text(encoding="utf-8"))
    assert audit["messages"] == 88 and audit["unreadable_lines"] == 2


def test_mask_workers_report_a_bad_model_and_bad_counts(tmp_path: Path) -> None:
    config = tmp_path / "masking.yaml"
    config.write_text(f"ner_mode: ner\nner_model: {tmp_path / 'nothing'}\n", encoding="utf-8")
    proc = run("mask", "-", "--workers", "2", "--masking-config", str(config), stdin="Hallo\n")
    assert proc.returncode == 2 and "field 'ner_model'" in proc.stderr
    proc = run("mask", "-", "--workers", "0", stdin="Hallo\n")
    assert proc.returncode == 2 and "--workers" in proc.stderr
