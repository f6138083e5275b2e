"""Import Presidio without dragging in transformers and torch.

presidio-analyzer 2.2.366 imports its optional Hugging Face NLP engine at
import time whenever ``transformers`` is installed (it is, as a dependency of
sentence-transformers), which imports torch: about 2.5 s and 300 MB that the
masking stage never uses (measured in docs/benchmarks.md). Hiding the two
modules while Presidio is first imported makes its optional import fail the
way it does when transformers is absent; afterwards both import normally.

Only replyassist's own processes (the CLI) call this: a library user's
interpreter is left exactly as Python would leave it.
"""

from __future__ import annotations

import sys

_HIDDEN = ("transformers", "torch")


def import_presidio_lean() -> None:
    if "presidio_analyzer" in sys.modules or any(name in sys.modules for name in _HIDDEN):
        return
    for name in _HIDDEN:
        sys.modules[name] = None  # type: ignore[assignment]  # makes `import name` raise ImportError
    try:
        import presidio_analyzer  # noqa: F401
    finally:
        for name in _HIDDEN:
            if sys.modules.get(name) is None:
                del sys.modules[name]
