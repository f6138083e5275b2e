"""What was suggested/sent, and what agents picked: the memory behind variety and feedback.

The memory stores identifiers only (scope keys such as ``thread:<id>``,
variant ids, topic ids, timestamps) — never customer text — so it can live on
disk without becoming a store of personal data. Two implementations share one
interface: :class:`InMemoryMemory` for tests and single processes, and
:class:`SqliteMemory`, safe for several processes on one file (WAL mode,
busy timeout, one short transaction per write).
"""

from __future__ import annotations

import os
import sqlite3
import threading
import time
from collections import defaultdict
from collections.abc import Sequence
from pathlib import Path
from typing import Protocol

FEEDBACK_KINDS = ("chosen", "rejected", "edited")


class Memory(Protocol):
    def record_use(self, scopes: Sequence[str], variant_id: str) -> None: ...

    def recent_uses(self, scope: str, limit: int = 50) -> list[str]:
        """Variant ids used in ``scope``, most recent first."""
        ...

    def record_feedback(self, topic: str, variant_id: str, kind: str) -> None: ...

    def feedback_counts(self, topic: str) -> dict[str, dict[str, int]]:
        """variant id -> {"chosen": n, "rejected": n, "edited": n} for one topic."""
        ...

    def record_topic(self, scope: str, topic: str, weight: float) -> None:
        """Remember that a message in ``scope`` (a thread) was about ``topic``."""
        ...

    def topic_weights(self, scope: str) -> dict[str, float]:
        """topic -> summed weight of the messages seen so far in ``scope``."""
        ...


def _check_kind(kind: str) -> None:
    if kind not in FEEDBACK_KINDS:
        raise ValueError(f"feedback kind must be one of {FEEDBACK_KINDS}, got {kind!r}")


class InMemoryMemory:
    def __init__(self) -> None:
        self._uses: dict[str, list[str]] = defaultdict(list)
        self._feedback: dict[str, dict[str, dict[str, int]]] = defaultdict(
            lambda: defaultdict(lambda: dict.fromkeys(FEEDBACK_KINDS, 0))
        )
        self._topics: dict[str, dict[str, float]] = defaultdict(lambda: defaultdict(float))
        self._lock = threading.Lock()

    def record_use(self, scopes: Sequence[str], variant_id: str) -> None:
        with self._lock:
            for scope in scopes:
                self._uses[scope].append(variant_id)

    def recent_uses(self, scope: str, limit: int = 50) -> list[str]:
        with self._lock:
            return list(reversed(self._uses.get(scope, [])[-limit:]))

    def record_feedback(self, topic: str, variant_id: str, kind: str) -> None:
        _check_kind(kind)
        with self._lock:
            self._feedback[topic][variant_id][kind] += 1

    def feedback_counts(self, topic: str) -> dict[str, dict[str, int]]:
        with self._lock:
            return {v: dict(c) for v, c in self._feedback.get(topic, {}).items()}

    def record_topic(self, scope: str, topic: str, weight: float) -> None:
        with self._lock:
            self._topics[scope][topic] += weight

    def topic_weights(self, scope: str) -> dict[str, float]:
        with self._lock:
            return dict(self._topics.get(scope, {}))


_SCHEMA = """
CREATE TABLE IF NOT EXISTS uses (
    scope TEXT NOT NULL, variant_id TEXT NOT NULL, at REAL NOT NULL
);
CREATE INDEX IF NOT EXISTS uses_scope_at ON uses (scope, at);
CREATE TABLE IF NOT EXISTS feedback (
    topic TEXT NOT NULL, variant_id TEXT NOT NULL, kind TEXT NOT NULL, n INTEGER NOT NULL,
    PRIMARY KEY (topic, variant_id, kind)
);
CREATE TABLE IF NOT EXISTS topics (
    scope TEXT NOT NULL, topic TEXT NOT NULL, weight REAL NOT NULL,
    PRIMARY KEY (scope, topic)
);
"""


class SqliteMemory:
    """A memory in one SQLite file shared by several processes."""

    def __init__(self, path: str | Path) -> None:
        self.path = Path(path)
        self.path.parent.mkdir(parents=True, exist_ok=True)
        self._local = threading.local()
        with self._connect() as conn:
            conn.executescript(_SCHEMA)

    def _connect(self) -> sqlite3.Connection:
        conn: sqlite3.Connection | None = getattr(self._local, "conn", None)
        if conn is None:
            conn = sqlite3.connect(self.path, timeout=30.0, isolation_level=None)
            conn.execute("PRAGMA journal_mode=WAL")
            conn.execute("PRAGMA busy_timeout=30000")
            conn.execute("PRAGMA synchronous=NORMAL")
            self._local.conn = conn
        return conn

    def _write(self, sql: str, rows: Sequence[tuple[object, ...]]) -> None:
        """One short write transaction; BEGIN IMMEDIATE takes the lock up front so
        concurrent writers queue on the busy timeout instead of failing mid-way."""
        conn = self._connect()
        with conn:
            conn.execute("BEGIN IMMEDIATE")
            conn.executemany(sql, rows)

    def record_use(self, scopes: Sequence[str], variant_id: str) -> None:
        now = time.time()
        self._write(
            "INSERT INTO uses (scope, variant_id, at) VALUES (?, ?, ?)",
            [(s, variant_id, now) for s in scopes],
        )

    def recent_uses(self, scope: str, limit: int = 50) -> list[str]:
        rows = self._connect().execute(
            "SELECT variant_id FROM uses WHERE scope = ? ORDER BY at DESC, rowid DESC LIMIT ?",
            (scope, limit),
        )
        return [r[0] for r in rows]

    def record_feedback(self, topic: str, variant_id: str, kind: str) -> None:
        _check_kind(kind)
        self._write(
            "INSERT INTO feedback (topic, variant_id, kind, n) VALUES (?, ?, ?, 1) "
            "ON CONFLICT (topic, variant_id, kind) DO UPDATE SET n = n + 1",
            [(topic, variant_id, kind)],
        )

    def feedback_counts(self, topic: str) -> dict[str, dict[str, int]]:
        out: dict[str, dict[str, int]] = {}
        for variant_id, kind, n in self._connect().execute(
            "SELECT variant_id, kind, n FROM feedback WHERE topic = ?", (topic,)
        ):
            out.setdefault(variant_id, dict.fromkeys(FEEDBACK_KINDS, 0))[kind] = n
        return out

    def record_topic(self, scope: str, topic: str, weight: float) -> None:
        self._write(
            "INSERT INTO topics (scope, topic, weight) VALUES (?, ?, ?) "
            "ON CONFLICT (scope, topic) DO UPDATE SET weight = weight + excluded.weight",
            [(scope, topic, weight)],
        )

    def topic_weights(self, scope: str) -> dict[str, float]:
        rows = self._connect().execute("SELECT topic, weight FROM topics WHERE scope = ?", (scope,))
        return {topic: float(weight) for topic, weight in rows}


def default_memory_path(name: str) -> Path:
    """``$REPLYASSIST_MEMORY``, else ``$XDG_STATE_HOME/replyassist/<name>-memory.sqlite3``."""
    if env := os.environ.get("REPLYASSIST_MEMORY"):
        return Path(env)
    state = Path(os.environ.get("XDG_STATE_HOME") or Path.home() / ".local" / "state")
    return state / "replyassist" / f"{name}-memory.sqlite3"


def open_memory(spec: str | Path | None, name: str) -> Memory:
    """``None`` -> the default SQLite file of set ``name``; ``":memory:"`` -> in memory only."""
    if spec is not None and str(spec) == ":memory:":
        return InMemoryMemory()
    return SqliteMemory(spec if spec is not None else default_memory_path(name))
