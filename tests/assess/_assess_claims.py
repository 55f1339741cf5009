"""The link tests' claim builder (tests/link/_link_claims.py), loaded by path for the assess tests."""

from __future__ import annotations

import importlib.util
from pathlib import Path

_spec = importlib.util.spec_from_file_location(
    "_link_claims", Path(__file__).resolve().parents[1] / "link" / "_link_claims.py"
)
assert _spec is not None and _spec.loader is not None
_module = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(_module)

claim = _module.claim
document = _module.document
figure = _module.figure
