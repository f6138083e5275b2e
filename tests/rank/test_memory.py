"""The memory behind variety and feedback: ids only, safe across processes."""

from __future__ import annotations

import multiprocessing as mp
import sqlite3
from pathlib import Path

import pytest

from replyassist.rank.memory import InMemoryMemory, Memory, SqliteMemory


@pytest.fixture(params=["memory", "sqlite"])
def memory(request: pytest.FixtureRequest, tmp_path: Path) -> Memory:
    if request.param == "memory":
        return InMemoryMemory()
    return SqliteMemory(tmp_path / "mem.sqlite3")


def test_recent_uses_most_recent_first(memory: Memory) -> None:
    for vid in ["a.b.v1", "a.b.v2", "a.c.v1"]:
        memory.record_use(["thread:t1", "channel:facebook_comment"], vid)
    memory.record_use(["thread:t2"], "a.b.v3")
    assert memory.recent_uses("thread:t1") == ["a.c.v1", "a.b.v2", "a.b.v1"]
    assert memory.recent_uses("thread:t1", limit=1) == ["a.c.v1"]
    assert memory.recent_uses("thread:t2") == ["a.b.v3"]
    assert memory.recent_uses("thread:none") == []


def test_feedback_counts_per_topic(memory: Memory) -> None:
    memory.record_feedback("krankengeld", "x.y.v1", "chosen")
    memory.record_feedback("krankengeld", "x.y.v1", "chosen")
    memory.record_feedback("krankengeld", "x.y.v2", "rejected")
    memory.record_feedback("pflege", "x.y.v1", "rejected")
    counts = memory.feedback_counts("krankengeld")
    assert counts["x.y.v1"]["chosen"] == 2 and counts["x.y.v1"]["rejected"] == 0
    assert counts["x.y.v2"]["rejected"] == 1
    with pytest.raises(ValueError, match="feedback kind"):
        memory.record_feedback("pflege", "x.y.v1", "liked")


def _writer(path: str, worker: int, n: int) -> None:
    mem = SqliteMemory(path)
    for i in range(n):
        mem.record_use([f"thread:w{worker}", "channel:shared"], f"t.v.{worker}-{i}")
        mem.record_feedback("topic", "t.v.same", "chosen")


def test_sqlite_is_safe_under_concurrent_processes(tmp_path: Path) -> None:
    path = str(tmp_path / "shared.sqlite3")
    SqliteMemory(path)  # create schema first
    ctx = mp.get_context("spawn")
    procs = [ctx.Process(target=_writer, args=(path, w, 40)) for w in range(4)]
    for p in procs:
        p.start()
    for p in procs:
        p.join(timeout=120)
        assert p.exitcode == 0
    mem = SqliteMemory(path)
    assert len(mem.recent_uses("channel:shared", limit=1000)) == 160
    assert mem.feedback_counts("topic")["t.v.same"]["chosen"] == 160


def test_sqlite_stores_no_text_columns_beyond_ids(tmp_path: Path) -> None:
    path = tmp_path / "m.sqlite3"
    SqliteMemory(path).record_use(["thread:1"], "a.b.v1")
    with sqlite3.connect(path) as conn:
        cols = {
            row[1]
            for table in ("uses", "feedback")
            for row in conn.execute(f"PRAGMA table_info({table})")
        }
    assert cols == {"scope", "variant_id", "at", "topic", "kind", "n"}
    with sqlite3.connect(path) as conn:
        tables = {r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type='table'")}
    assert tables == {"uses", "feedback", "topics"}


def test_thread_topics_accumulate(memory: Memory) -> None:
    memory.record_topic("thread:p1", "aktionen", 0.9)
    memory.record_topic("thread:p1", "aktionen", 0.6)
    memory.record_topic("thread:p1", "lob", 0.5)
    weights = memory.topic_weights("thread:p1")
    assert weights == {"aktionen": 1.5, "lob": 0.5}
    assert memory.topic_weights("thread:other") == {}
