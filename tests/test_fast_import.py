"""Importing replyassist skips Presidio's and thinc's unused torch import, without breaking torch.

Each case runs in a fresh interpreter: the behaviour depends on what was
imported before replyassist.
"""

from __future__ import annotations

import os
import subprocess
import sys

LIBRARY = """
import sys
from replyassist.masking import Masker
masked = Masker.default().mask("KVNR A123456780, Tel 0171 2345678").text
print("torch_loaded=" + str("torch" in sys.modules or "transformers" in sys.modules))
print("masked=" + masked)
import torch, transformers
print("torch_ok=" + str(torch.tensor([1.0]).sum().item() == 1.0))
"""

TORCH_FIRST = """
import torch
from replyassist.masking import Masker
from presidio_analyzer.nlp_engine.huggingface_token_pipe import is_available
import thinc.compat
print("hf_available=" + str(is_available()))
print("thinc_torch=" + str(thinc.compat.has_torch))
"""


def run(script: str, **env: str) -> dict[str, str]:
    proc = subprocess.run(
        [sys.executable, "-c", script],
        capture_output=True,
        text=True,
        timeout=300,
        check=False,
        env={**os.environ, **env},
    )
    assert proc.returncode == 0, proc.stderr
    return dict(line.split("=", 1) for line in proc.stdout.splitlines() if "=" in line)


def test_library_import_skips_torch_then_torch_works() -> None:
    out = run(LIBRARY)
    assert out["torch_loaded"] == "False"
    assert out["masked"] == "KVNR <DE_HEALTH_INSURANCE>, Tel <PHONE_NUMBER>"
    assert out["torch_ok"] == "True"


def test_torch_imported_first_leaves_presidio_and_thinc_as_they_are() -> None:
    out = run(TORCH_FIRST)
    assert out == {"hf_available": "True", "thinc_torch": "True"}


def test_switched_off_by_environment() -> None:
    out = run(LIBRARY, REPLYASSIST_LEAN_IMPORT="0")
    assert out["torch_loaded"] == "True"
    assert out["masked"] == "KVNR <DE_HEALTH_INSURANCE>, Tel <PHONE_NUMBER>"
