"""Batch masking and the audit report: streaming, no raw values."""

from __future__ import annotations

import json
from pathlib import Path

from replyassist.masking import Masker
from replyassist.masking.audit import AuditReport, csv_lines, mask_stream

LINES = [
    json.dumps({"id": "a", "text": "Ich bin Jana Schulze und habe Migräne."}),
    "",
    json.dumps({"id": "b", "text": "Wann kommt das Krankengeld?"}),
    "{kaputt",
    json.dumps({"id": "c", "text": "IBAN DE89 3704 0044 0532 0130 00, Tel 0171 2345678"}),
    "Herr Kowalski (plain text line)",
]


def test_stream_order_ids_and_errors(masker: Masker) -> None:
    out = list(mask_stream(iter(LINES), masker))
    assert [o["id"] for o in out] == ["a", "b", None, "c", 6]
    assert out[2] == {"id": None, "line": 4, "error": "invalid JSON"}
    assert out[0]["masked_text"] == "Ich bin <PERSON> und habe <HEALTH_CONDITION>."
    assert out[1]["entities"] == []


def test_report_counts_and_never_holds_values(masker: Masker, tmp_path: Path) -> None:
    report = AuditReport(source="export.jsonl")
    records = list(report.track(mask_stream(LINES, masker)))
    assert len(records) == 5
    data = report.to_dict()
    assert data["messages"] == 4 and data["unreadable_lines"] == 1
    assert data["entities_per_type"]["PERSON"] == 2
    assert data["messages_with_health_data"] == 1
    json_path, html_path = report.write(tmp_path)
    page = html_path.read_text(encoding="utf-8")
    assert (
        "<svg" in page
        and "<script" not in page
        and "http://" not in page.replace('xmlns="http://www.w3.org/2000/svg"', "")
    )
    for raw in ("Jana", "Schulze", "Migräne", "DE89", "0171", "Kowalski", "Krankengeld"):
        assert raw not in page and raw not in json_path.read_text(encoding="utf-8")


def test_csv_lines(tmp_path: Path, masker: Masker) -> None:
    path = tmp_path / "export.csv"
    path.write_text("id,text\n1,Frau Nowak hat Asthma\n2,danke\n", encoding="utf-8")
    out = list(mask_stream(csv_lines(path), masker))
    assert out[0]["masked_text"] == "Frau <PERSON> hat <HEALTH_CONDITION>"
    assert out[1]["id"] == "2"
