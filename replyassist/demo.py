"""``replyassist demo``: a few realistic messages through the whole pipeline."""

from __future__ import annotations

import time
from pathlib import Path

from rich.console import Console
from rich.panel import Panel
from rich.table import Table

from replyassist.types import Message

# Invented messages with invented personal data (no real people).
DEMO_MESSAGES: tuple[Message, ...] = (
    Message(
        "Hallo, ich bin seit 7 Wochen krankgeschrieben (Bandscheibenvorfall) und das Krankengeld "
        "ist immer noch nicht da!!! Meine Versichertennummer ist A123456780, erreichbar unter "
        "0171 2345678. Wovon soll ich die Miete zahlen?",
        channel="facebook_dm",
        id="demo-1",
    ),
    Message(
        "Übernehmt ihr eigentlich die professionelle Zahnreinigung? Beim Zahnarzt kostet das 90 Euro",
        channel="instagram_comment",
        id="demo-2",
    ),
    Message(
        "Sehr geehrte Damen und Herren, gegen Ihren Bescheid vom 03.11. zur Ablehnung des Rollators "
        "für meine Mutter Erika Brandt (geb. 12.04.1941) lege ich hiermit Widerspruch ein. "
        "Mit freundlichen Grüßen, Thomas Brandt, Lindenweg 4, 04109 Leipzig",
        channel="email",
        id="demo-3",
    ),
    Message(
        "app stürzt nach dem update ständig ab, login geht nicht mehr. 1 Stern",
        channel="app_review",
        id="demo-4",
    ),
    Message(
        "Ich kann nicht mehr. Seit Monaten kämpfe ich mit euch und ich will einfach nicht mehr leben.",
        channel="facebook_dm",
        id="demo-5",
    ),
    Message(
        "Danke an Frau Özdemir aus der Filiale, super schnell geholfen! 👍",
        channel="facebook_comment",
        id="demo-6",
    ),
)


def run_demo(guidelines: str | Path = "krankenkasse", model: str | Path | None = None) -> int:
    from replyassist.assistant import Assistant

    console = Console()
    started = time.perf_counter()
    assistant = Assistant.from_guidelines(guidelines, model=model, memory=":memory:")
    console.print(
        f"[bold]replyassist demo[/] — guideline set [cyan]{assistant.guidelines.name}[/], "
        f"{len(assistant.guidelines.variants)} variants, loaded in "
        f"{time.perf_counter() - started:.1f} s\n"
    )
    for message in DEMO_MESSAGES:
        t0 = time.perf_counter()
        result = assistant.suggest_many([message])[0]
        ms = (time.perf_counter() - t0) * 1000
        c = result.classification
        head = Table.grid(padding=(0, 2))
        head.add_row("masked", result.masked.text)
        head.add_row(
            "topic",
            f"{c.topic} ({c.topic_confidence:.0%}){'  [yellow]unsicher[/]' if c.unsure else ''}",
        )
        head.add_row(
            "urgency", f"{c.urgency} ({c.urgency_confidence:.0%}), due {c.due_at:%a %d.%m. %H:%M}"
        )
        if result.escalate:
            head.add_row("escalate", f"[red]yes → {result.escalation_team}[/]")
        if result.flags:
            head.add_row("flags", ", ".join(result.flags))
        if c.reasons:
            head.add_row("reasons", "; ".join(c.reasons))
        console.print(
            Panel(head, title=f"{message.id} · {message.channel} · {ms:.0f} ms", expand=True)
        )
        for i, s in enumerate(result.suggestions, 1):
            console.print(
                Panel(
                    s.text,
                    title=f"{i}. {s.variant_id}  score {s.score:.2f}",
                    border_style="green" if i == 1 else "dim",
                )
            )
        console.print()
    return 0
