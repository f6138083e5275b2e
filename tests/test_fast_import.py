"""The CLI imports Presidio without torch; both still import normally afterwards."""

from __future__ import annotations

import subprocess
import sys

SCRIPT = """
import sys
from replyassist._fast_import import import_presidio_lean
import_presidio_lean()
from replyassist.masking import Masker
masked = Masker.default().mask("KVNR A123456780, Tel 0171 2345678").text
print("torch_loaded=" + str("torch" in sys.modules))
print("masked=" + masked)
import torch, transformers
print("torch_ok=" + str(torch.tensor([1.0]).sum().item() == 1.0))
"""


def test_presidio_without_torch_then_torch_works() -> None:
    proc = subprocess.run(
        [sys.executable, "-c", SCRIPT], capture_output=True, text=True, timeout=300, check=False
    )
    assert proc.returncode == 0, proc.stderr
    out = dict(line.split("=", 1) for line in proc.stdout.splitlines())
    assert out["torch_loaded"] == "False"
    assert out["masked"] == "KVNR <DE_HEALTH_INSURANCE>, Tel <PHONE_NUMBER>"
    assert out["torch_ok"] == "True"
