"""Where shipped guideline sets and models live, and how a name is resolved.

A name such as ``krankenkasse`` is looked up in ``$REPLYASSIST_HOME`` (if set),
the current directory and the source checkout; anything containing a path
separator, or an existing folder, is used as a path.
"""

from __future__ import annotations

import os
from pathlib import Path

PROJECT_ROOT = Path(__file__).resolve().parent.parent


def _search_roots() -> list[Path]:
    roots = []
    if home := os.environ.get("REPLYASSIST_HOME"):
        roots.append(Path(home))
    roots += [Path.cwd(), PROJECT_ROOT]
    return roots


def _resolve(name_or_path: str | Path, kind: str) -> Path:
    path = Path(name_or_path)
    if path.is_dir():
        return path.resolve()
    if isinstance(name_or_path, str) and "/" not in name_or_path and os.sep not in name_or_path:
        for root in _search_roots():
            candidate = root / kind / name_or_path
            if candidate.is_dir():
                return candidate.resolve()
    raise FileNotFoundError(
        f"{kind[:-1]} set {str(name_or_path)!r} not found (looked for a folder of that path, "
        f"and under {', '.join(str(r / kind) for r in _search_roots())})"
    )


def resolve_guidelines(name_or_path: str | Path) -> Path:
    return _resolve(name_or_path, "guidelines")


def resolve_model(name_or_path: str | Path) -> Path:
    return _resolve(name_or_path, "models")
