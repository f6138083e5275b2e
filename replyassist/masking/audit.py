"""Batch masking of exports and an audit report that never holds raw values.

``mask_stream`` turns JSON Lines (or plain text lines) into masked records
lazily, so a multi-gigabyte export is processed in constant memory. The
:class:`AuditReport` only counts: entity types, messages, messages with health
data. Its JSON and its self-contained HTML page (inline SVG bar chart, no
scripts, no external resources) can be handed to a compliance team as is.
"""

from __future__ import annotations

import csv
import html
import json
from collections import Counter, deque
from collections.abc import Iterable, Iterator
from datetime import UTC, datetime
from pathlib import Path
from typing import Any, Protocol

from replyassist.masking.config import ALL_ENTITY_TYPES
from replyassist.types import Masked

HEALTH_TYPES = frozenset({"HEALTH_CONDITION", "MEDICATION"})


class _MasksMany(Protocol):
    def mask_many(self, texts: Iterable[str]) -> Iterator[Masked]: ...


def _parse(line: str, lineno: int) -> tuple[Any, str | None, str | None]:
    """(id, text, error) of one input line; errors never quote the line."""
    stripped = line.strip()
    if stripped.startswith("{"):
        try:
            obj = json.loads(stripped)
        except json.JSONDecodeError:
            return None, None, "invalid JSON"
        text = obj.get("text") if isinstance(obj, dict) else None
        if not isinstance(text, str):
            return (
                obj.get("id") if isinstance(obj, dict) else None,
                None,
                "field 'text' must be a string",
            )
        return obj.get("id", lineno), text, None
    return lineno, line.rstrip("\n"), None


def mask_stream(lines: Iterable[str], masker: _MasksMany) -> Iterator[dict[str, Any]]:
    """Mask an export line by line, in input order, lazily.

    A line is a JSON object with ``text`` (and optional ``id``) or plain
    text. Blank lines are skipped. Yields
    ``{"id", "masked_text", "entities": [{"entity_type", "start", "end", "score"}]}``
    or ``{"id", "line", "error"}`` for a line that cannot be read.

    The texts go through one ``masker.mask_many`` call, which pulls them as
    it needs them; only the lines of the batches in flight are held, so a
    parallel masker can work on the next batch while this one is written.
    """
    waiting: deque[tuple[int, Any, str | None]] = deque()  # (line, id, error) in input order

    def texts() -> Iterator[str]:
        for lineno, line in enumerate(lines, 1):
            if not line.strip():
                continue
            rid, text, err = _parse(line, lineno)
            if err is not None or text is None:
                waiting.append((lineno, rid, err or "unreadable line"))
                continue
            waiting.append((lineno, rid, None))
            yield text

    def errors_first() -> Iterator[dict[str, Any]]:
        while waiting and waiting[0][2] is not None:
            lineno, rid, err = waiting.popleft()
            yield {"id": rid, "line": lineno, "error": err}

    for masked in masker.mask_many(texts()):
        yield from errors_first()
        _, rid, _ = waiting.popleft()
        yield {
            "id": rid,
            "masked_text": masked.text,
            "entities": [
                {"entity_type": e.entity_type, "start": e.start, "end": e.end, "score": e.score}
                for e in masked.entities
            ],
        }
    yield from errors_first()


def csv_lines(path: Path, text_column: str = "text", id_column: str = "id") -> Iterator[str]:
    """Rows of a CSV export as JSON lines for :func:`mask_stream` (streaming)."""
    with Path(path).open(encoding="utf-8", newline="") as fh:
        reader = csv.DictReader(fh)
        if reader.fieldnames is None or text_column not in reader.fieldnames:
            raise ValueError(f"CSV: column {text_column!r} not found")
        for row in reader:
            yield json.dumps(
                {"id": row.get(id_column), "text": row[text_column] or ""}, ensure_ascii=False
            )


class AuditReport:
    """Counts of what was masked; safe to share (no values, no texts)."""

    def __init__(self, source: str = "") -> None:
        self.source = source
        self.messages = 0
        self.errors = 0
        self.messages_with_pii = 0
        self.messages_with_health = 0
        self.entity_counts: Counter[str] = Counter()
        self.messages_per_type: Counter[str] = Counter()

    def add(self, record: dict[str, Any]) -> None:
        """Count one record of :func:`mask_stream` (only types are read)."""
        if "error" in record:
            self.errors += 1
            return
        self.messages += 1
        types = [e["entity_type"] for e in record.get("entities", ())]
        self.entity_counts.update(types)
        self.messages_per_type.update(set(types))
        if types:
            self.messages_with_pii += 1
        if HEALTH_TYPES & set(types):
            self.messages_with_health += 1

    def track(self, records: Iterable[dict[str, Any]]) -> Iterator[dict[str, Any]]:
        """Pass records through while counting them (for streaming pipelines)."""
        for record in records:
            self.add(record)
            yield record

    def to_dict(self) -> dict[str, Any]:
        order = [t for t in ALL_ENTITY_TYPES] + sorted(
            set(self.entity_counts) - set(ALL_ENTITY_TYPES)
        )
        return {
            "source": self.source,
            "created_at": datetime.now(UTC).isoformat(timespec="seconds"),
            "messages": self.messages,
            "unreadable_lines": self.errors,
            "messages_with_pii": self.messages_with_pii,
            "messages_with_health_data": self.messages_with_health,
            "entities_total": sum(self.entity_counts.values()),
            "entities_per_type": {t: self.entity_counts.get(t, 0) for t in order},
            "messages_per_type": {t: self.messages_per_type.get(t, 0) for t in order},
        }

    def to_json(self) -> str:
        return json.dumps(self.to_dict(), ensure_ascii=False, indent=2)

    def to_html(self) -> str:
        """A self-contained page: summary table and an inline SVG bar chart."""
        data = self.to_dict()
        counts: dict[str, int] = data["entities_per_type"]
        esc = html.escape
        rows = "\n".join(
            f"<tr><td>{esc(t)}</td><td>{c}</td><td>{data['messages_per_type'][t]}</td></tr>"
            for t, c in counts.items()
        )
        summary = "\n".join(
            f"<tr><th>{esc(label)}</th><td>{data[key]}</td></tr>"
            for label, key in (
                ("Messages", "messages"),
                ("Messages with personal data", "messages_with_pii"),
                ("Messages with health data", "messages_with_health_data"),
                ("Masked spans", "entities_total"),
                ("Unreadable lines", "unreadable_lines"),
            )
        )
        return f"""<!DOCTYPE html>
<html lang="de"><head><meta charset="utf-8">
<title>Masking audit report</title>
<style>
body{{font-family:system-ui,sans-serif;margin:2rem;color:#1a1a1a;max-width:60rem}}
table{{border-collapse:collapse;margin:1rem 0}}td,th{{border:1px solid #ccc;padding:.3rem .7rem;text-align:left}}
td:nth-child(n+2){{text-align:right}}.note{{color:#555;font-size:.9rem}}
</style></head><body>
<h1>Masking audit report</h1>
<p class="note">Source: {esc(data["source"] or "-")} &middot; created {esc(data["created_at"])}.
This report contains counts only: no message text and no masked values.</p>
<table>{summary}</table>
<h2>Masked spans per entity type</h2>
{_svg_bar_chart(counts)}
<table><tr><th>Entity type</th><th>Spans</th><th>Messages</th></tr>
{rows}
</table>
</body></html>
"""

    def write(self, directory: Path, stem: str = "mask_audit") -> tuple[Path, Path]:
        """Write ``<stem>.json`` and ``<stem>.html``; return both paths."""
        directory = Path(directory)
        directory.mkdir(parents=True, exist_ok=True)
        json_path, html_path = directory / f"{stem}.json", directory / f"{stem}.html"
        json_path.write_text(self.to_json() + "\n", encoding="utf-8")
        html_path.write_text(self.to_html(), encoding="utf-8")
        return json_path, html_path


def _svg_bar_chart(counts: dict[str, int], width: int = 640, bar: int = 22, gap: int = 8) -> str:
    label_w, value_w = 190, 60
    plot_w = width - label_w - value_w
    top = max(counts.values(), default=0) or 1
    height = len(counts) * (bar + gap) + gap
    parts = [
        f'<svg xmlns="http://www.w3.org/2000/svg" width="{width}" height="{height}" '
        f'role="img" aria-label="Masked spans per entity type">'
    ]
    for i, (etype, n) in enumerate(counts.items()):
        y = gap + i * (bar + gap)
        w = round(plot_w * n / top)
        parts.append(
            f'<text x="{label_w - 8}" y="{y + bar * 0.7:.1f}" font-size="12" text-anchor="end">'
            f"{html.escape(etype)}</text>"
            f'<rect x="{label_w}" y="{y}" width="{w}" height="{bar}" fill="#2f6fb0"><title>'
            f"{html.escape(etype)}: {n}</title></rect>"
            f'<text x="{label_w + w + 6}" y="{y + bar * 0.7:.1f}" font-size="12">{n}</text>'
        )
    parts.append("</svg>")
    return "".join(parts)
