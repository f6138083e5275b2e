"""``replyassist`` command line: JSON Lines in, JSON Lines out.

Every input line gives exactly one output line, in input order, with ``id``
passed through. A malformed line yields ``{"id", "line", "error"}`` and the
rest of the batch is still processed; the exit status is 1 if any line failed.
"""

from __future__ import annotations

import argparse
import contextlib
import json
import sys
from collections.abc import Callable, Iterable, Iterator
from pathlib import Path
from typing import IO, TYPE_CHECKING, Any, TypeVar

from replyassist.types import Message

if TYPE_CHECKING:
    from replyassist.guidelines.loader import GuidelineSet
    from replyassist.masking import MaskingConfig

T = TypeVar("T")
BATCH = 64


class LineError(ValueError):
    """A problem with one input line; the message never contains customer text."""


def _open_input(name: str) -> IO[str]:
    if name == "-":
        return sys.stdin
    try:
        return open(name, encoding="utf-8")
    except OSError as exc:
        raise SystemExit(f"replyassist: cannot read {name}: {exc.strerror}") from exc


def parse_line(raw: str) -> Message:
    from replyassist.assistant import message_from_dict

    try:
        obj = json.loads(raw)
    except json.JSONDecodeError as exc:
        raise LineError(f"invalid JSON at column {exc.colno}: {exc.msg}") from exc
    try:
        return message_from_dict(obj)
    except (ValueError, TypeError) as exc:
        raise LineError(str(exc)) from exc


def _peek_id(raw: str) -> Any:
    try:
        obj = json.loads(raw)
    except json.JSONDecodeError:
        return None
    return obj.get("id") if isinstance(obj, dict) else None


def process_jsonl(
    lines: Iterable[str],
    handle_batch: Callable[[list[Message]], list[dict[str, Any]]],
    out: IO[str],
) -> int:
    """Parse, process in batches and write one object per non-empty line; return #failures."""
    failures = 0
    pending: list[tuple[int, str, Message | LineError]] = []

    def flush() -> None:
        nonlocal failures
        good = [m for _, _, m in pending if isinstance(m, Message)]
        try:
            results: Iterator[dict[str, Any]] = iter(handle_batch(good))
            batch_error: Exception | None = None
        except Exception as exc:  # keep the batch alive: fall back to one by one
            results, batch_error = iter(()), exc
        for lineno, raw, item in pending:
            if isinstance(item, LineError):
                obj: dict[str, Any] = {"id": _peek_id(raw), "line": lineno, "error": str(item)}
                failures += 1
            elif batch_error is None:
                obj = next(results)
            else:
                try:
                    obj = handle_batch([item])[0]
                except Exception as exc:
                    obj = {"id": item.id, "line": lineno, "error": f"{type(exc).__name__}: {exc}"}
                    failures += 1
            out.write(json.dumps(obj, ensure_ascii=False) + "\n")
        out.flush()
        pending.clear()

    for lineno, raw in enumerate(lines, 1):
        if not raw.strip():
            continue
        try:
            item: Message | LineError = parse_line(raw)
        except LineError as exc:
            item = exc
        pending.append((lineno, raw, item))
        if len(pending) >= BATCH:
            flush()
    if pending:
        flush()
    return failures


def _assistant(args: argparse.Namespace) -> Any:
    from replyassist.assistant import Assistant

    # Only `suggest` remembers what it proposed; classify and eval keep nothing.
    memory = getattr(args, "memory", ":memory:")
    return Assistant.from_guidelines(args.guidelines, model=args.model, memory=memory)


def cmd_mask(args: argparse.Namespace) -> int:
    """Stream an export (JSONL, plain text lines or CSV) in constant memory."""
    from tqdm import tqdm

    from replyassist.masking import Masker
    from replyassist.masking.audit import AuditReport, csv_lines, mask_stream
    from replyassist.masking.parallel import ParallelMasker

    config = _masking_config(args)
    if args.workers < 1:
        raise UsageError("--workers must be at least 1")
    report = AuditReport(source=Path(args.file).name if args.file != "-" else "stdin")
    failures = 0
    with contextlib.ExitStack() as stack, _open_input(args.file) as fh:
        masker: Masker | ParallelMasker = (
            stack.enter_context(ParallelMasker(config, args.workers))
            if args.workers > 1
            else Masker.from_config(config)
        )
        lines: Iterable[str] = csv_lines(Path(args.file), args.text_column) if args.csv else fh
        records = report.track(mask_stream(lines, masker))
        show = args.progress if args.progress is not None else sys.stderr.isatty()
        for record in tqdm(records, unit=" msg", disable=not show, file=sys.stderr):
            failures += "error" in record
            sys.stdout.write(json.dumps(record, ensure_ascii=False) + "\n")
    if args.audit:
        json_path, html_path = report.write(Path(args.audit))
        print(f"audit report: {json_path}, {html_path}", file=sys.stderr)
    return 1 if failures else 0


def _masking_config(args: argparse.Namespace) -> MaskingConfig:
    """``--masking-config`` (a masking.yaml) with ``--ner-mode`` applied on top."""
    from replyassist.masking import MaskingConfig

    cfg = MaskingConfig.from_yaml(args.masking_config) if args.masking_config else MaskingConfig()
    return cfg.with_ner_mode(args.ner_mode) if args.ner_mode else cfg


def cmd_classify(args: argparse.Namespace) -> int:
    from replyassist.types import classification_to_dict

    assistant = _assistant(args)

    def handle(batch: list[Message]) -> list[dict[str, Any]]:
        results = assistant.classify_many(batch)
        return [classification_to_dict(m.id, c) for m, c in zip(batch, results, strict=True)]

    with _open_input(args.file) as fh:
        return 1 if process_jsonl(fh, handle, sys.stdout) else 0


def cmd_suggest(args: argparse.Namespace) -> int:
    assistant = _assistant(args)

    def handle(batch: list[Message]) -> list[dict[str, Any]]:
        return [r.to_dict() for r in assistant.suggest_many(batch)]

    with _open_input(args.file) as fh:
        return 1 if process_jsonl(fh, handle, sys.stdout) else 0


def cmd_train(args: argparse.Namespace) -> int:
    from replyassist.assistant import masker_for
    from replyassist.classify.train import train
    from replyassist.guidelines.loader import GuidelineSet
    from replyassist.paths import PROJECT_ROOT

    guidelines = GuidelineSet.load(args.guidelines)
    out = Path(args.out) if args.out else PROJECT_ROOT / "models" / guidelines.name
    masker = masker_for(guidelines)
    manifest = train(
        guidelines,
        out,
        lambda texts: [m.text for m in masker.mask_many(texts)],
        extra=[Path(p) for p in args.data],
        seed=args.seed,
        embedder_spec=args.embedder,
        ngrams=not args.no_ngrams,
        progress=lambda msg: print(f"train: {msg}", file=sys.stderr),
    )
    from replyassist.classify.embeddings import load_embedder
    from replyassist.rank.vectors import save_variant_vectors

    n = save_variant_vectors(guidelines, load_embedder(args.embedder), out)
    print(f"train: {n} variant vectors precomputed", file=sys.stderr)
    print(json.dumps({"out": str(out), **manifest["metrics"], "data": manifest["data"]}, indent=2))
    return 0


def cmd_eval(args: argparse.Namespace) -> int:
    if args.what == "classify":
        from replyassist.classify.evaluate import classification_metrics, format_report, read_gold

        assistant = _assistant(args)
        gold = read_gold(Path(args.gold))
        metrics = classification_metrics(gold, assistant.classify_many(gold))
        report = format_report(metrics)
        if args.figure:
            from replyassist.classify.evaluate import reliability_svg

            Path(args.figure).write_text(reliability_svg(metrics), encoding="utf-8")
    elif args.what == "variety":
        from replyassist.classify.evaluate import read_gold
        from replyassist.rank.variety import format_report as format_variety
        from replyassist.rank.variety import variety_metrics

        assistant = _assistant(args)
        gold = read_gold(Path(args.gold))
        results = assistant.suggest_many(gold)
        topics = {v.template_id: v.topic for v in assistant.guidelines.variants}
        metrics = variety_metrics(gold, results, topics)
        report = format_variety(metrics)
    else:
        from replyassist.masking import Masker
        from replyassist.masking.evaluate import evaluate_mask
        from replyassist.masking.evaluate import format_report as format_mask_report

        custom = args.masking_config or args.ner_mode
        if custom and args.baseline:
            raise UsageError("--baseline is Presidio out of the box; it takes no masking options")
        masker = Masker.from_config(_masking_config(args)) if custom else None
        metrics = evaluate_mask(Path(args.gold), baseline=args.baseline, masker=masker)
        report = format_mask_report(metrics)
    if args.json:
        Path(args.json).write_text(json.dumps(metrics, indent=2, ensure_ascii=False) + "\n")
    print(report, file=sys.stderr if args.json == "-" else sys.stdout)
    if args.json == "-":
        print(json.dumps(metrics, ensure_ascii=False))
    return 0


def cmd_lint(args: argparse.Namespace) -> int:
    from replyassist.guidelines.lint import lint_guidelines
    from replyassist.guidelines.loader import GuidelineSet

    guidelines = GuidelineSet.load(args.guidelines)
    issues = lint_guidelines(guidelines) + privacy_warnings(guidelines)
    for line in issues:
        print(line)
    errors = sum(": error: " in line for line in issues)
    print(
        f"{len(guidelines.variants)} variants, {errors} error(s), {len(issues) - errors} warning(s)",
        file=sys.stderr,
    )
    return 1 if errors else 0


def privacy_warnings(guidelines: GuidelineSet) -> list[str]:
    """Variants whose rendering the masker flags: the assistant never shows them.

    Template text is the insurer's, not a customer's, so this is a warning for
    the author (rephrase, or accept that the variant is skipped), not an error.
    """
    from replyassist.assistant import masker_for

    masker = masker_for(guidelines)
    out = []
    for variant in guidelines.variants:
        text = guidelines.sample_rendering(variant)
        for e in masker.analyze(text):
            out.append(
                f"{variant.variant_id}: warning: the masker takes {text[e.start : e.end]!r} "
                f"for {e.entity_type}; this variant is never shown"
            )
    return out


def cmd_demo(args: argparse.Namespace) -> int:
    from replyassist.demo import run_demo

    return run_demo(args.guidelines, model=args.model)


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="replyassist", description=__doc__.splitlines()[0])
    sub = parser.add_subparsers(dest="command", required=True)

    def with_set(p: argparse.ArgumentParser) -> None:
        p.add_argument(
            "--guidelines", "-g", default="krankenkasse", help="guideline set name or folder"
        )
        p.add_argument(
            "--model", "-m", default=None, help="model folder (default: models/<set name>)"
        )

    p = sub.add_parser("mask", help="mask personal and health data (JSONL, text lines or CSV)")
    p.add_argument("file", help="JSONL (or plain text lines) file, or - for stdin")
    p.add_argument("--csv", action="store_true", help="FILE is a CSV export")
    p.add_argument("--text-column", default="text", help="CSV column holding the message")
    p.add_argument("--audit", metavar="DIR", help="write mask_audit.json and .html to DIR")
    p.add_argument(
        "--workers",
        type=int,
        default=1,
        metavar="N",
        help="mask in N processes (one core each; same output, in order)",
    )
    with_masking_options(p)
    progress = p.add_mutually_exclusive_group()
    progress.add_argument("--progress", action="store_true", default=None, help="progress bar")
    progress.add_argument("--no-progress", dest="progress", action="store_false")
    p.set_defaults(func=cmd_mask)

    p = sub.add_parser("classify", help="topic, urgency and due time (JSONL)")
    p.add_argument("file")
    with_set(p)
    p.set_defaults(func=cmd_classify)

    p = sub.add_parser("suggest", help="ranked reply suggestions (JSONL)")
    p.add_argument("file")
    with_set(p)
    p.add_argument(
        "--memory",
        help="SQLite file remembering used variants and feedback, shared by processes "
        "(default: $REPLYASSIST_MEMORY or ~/.local/state/replyassist/<set>-memory.sqlite3; "
        "':memory:' keeps nothing)",
    )
    p.set_defaults(func=cmd_suggest)

    p = sub.add_parser("train", help="train the topic and urgency models of a guideline set")
    p.add_argument("guidelines", nargs="?", default="krankenkasse")
    p.add_argument("--data", nargs="*", default=[], help="extra labelled JSONL files")
    p.add_argument("--out", help="output folder (default: models/<set name>)")
    p.add_argument("--seed", type=int, default=13)
    p.add_argument(
        "--embedder", default="usem3", help="usem3 | minilm | sentence-transformers:PATH"
    )
    p.add_argument("--no-ngrams", action="store_true", help="embedding features only")
    p.set_defaults(func=cmd_train)

    p = sub.add_parser("eval", help="evaluate classify, mask or variety against a gold JSONL file")
    p.add_argument("what", choices=["classify", "mask", "variety"])
    p.add_argument("gold")
    p.add_argument("--json", help="also write metrics as JSON to this file (- for stdout)")
    p.add_argument("--baseline", action="store_true", help="mask: Presidio out of the box instead")
    p.add_argument("--figure", help="classify: write a reliability diagram (SVG) to this file")
    with_masking_options(p)
    with_set(p)
    p.set_defaults(func=cmd_eval)

    p = sub.add_parser("lint", help="check every template variant of a guideline set")
    p.add_argument("guidelines", nargs="?", default="krankenkasse")
    p.set_defaults(func=cmd_lint)

    p = sub.add_parser("demo", help="run realistic messages through the pipeline")
    with_set(p)
    p.set_defaults(func=cmd_demo)
    return parser


def with_masking_options(p: argparse.ArgumentParser) -> None:
    """Options that choose what and how ``mask`` / ``eval mask`` mask."""
    p.add_argument(
        "--masking-config",
        metavar="YAML",
        help="masking.yaml: entity types, threshold, allow list, NER (docs/masking.md)",
    )
    p.add_argument(
        "--ner-mode",
        choices=("rules", "ner", "combined"),
        help="rules (default; fastest) or the NER model models/ner-de alone or combined "
        "with the rules (finds more, about half the throughput); overrides the config",
    )


class UsageError(ValueError):
    """Options that do not go together."""


def main(argv: list[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    from replyassist.guidelines.loader import GuidelineError
    from replyassist.masking.config import MaskingConfigError

    try:
        result: int = args.func(args)
    except (GuidelineError, FileNotFoundError, MaskingConfigError, UsageError) as exc:
        print(f"replyassist: error: {exc}", file=sys.stderr)
        return 2
    return result


if __name__ == "__main__":
    raise SystemExit(main())
