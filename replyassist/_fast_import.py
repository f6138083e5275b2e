"""Import Presidio and spaCy without dragging in transformers and torch.

presidio-analyzer 2.2.366 imports its optional Hugging Face NLP engine at
import time whenever ``transformers`` is installed (it is, as a dependency of
sentence-transformers), and spaCy's thinc imports torch whenever it is
installed: together about 2.3 s and 300 MB of a 5 s cold start that masking
never uses (measured in docs/benchmarks.md). Hiding the two modules while
Presidio (and with it spaCy) is first imported makes those optional imports
fail the way they do when the packages are absent; afterwards both import
normally, so the sentence-transformers embedder still works.

What changes for the rest of the process: Presidio's ``TransformersNlpEngine``
and thinc's torch wrappers (spacy-transformers) report torch/transformers as
missing. Nothing happens when either module is already imported, so a process
that needs them imports torch before replyassist; ``REPLYASSIST_LEAN_IMPORT=0``
switches the behaviour off.
"""

from __future__ import annotations

import os
import sys

_HIDDEN = ("transformers", "torch")


def lean_import_enabled() -> bool:
    return os.environ.get("REPLYASSIST_LEAN_IMPORT", "1").strip().lower() not in {
        "0",
        "false",
        "no",
    }


def import_presidio_lean() -> None:
    if not lean_import_enabled():
        return
    if "presidio_analyzer" in sys.modules or any(name in sys.modules for name in _HIDDEN):
        return
    for name in _HIDDEN:
        sys.modules[name] = None  # type: ignore[assignment]  # makes `import name` raise ImportError
    try:
        import presidio_analyzer  # noqa: F401
    finally:
        for name in _HIDDEN:
            if name in sys.modules and sys.modules[name] is None:
                del sys.modules[name]
