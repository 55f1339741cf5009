"""``civcas gazetteer load`` / ``info`` / ``remove`` through the real console entry point."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

from _gazetteer_fixtures import write_geonames_dump


def civcas(*args: str, home: Path) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "CIVCAS_HOME": str(home)}
    cmd = [sys.executable, "-c", "from civcas.cli import main; main()", *args]
    return subprocess.run(cmd, capture_output=True, text=True, env=env,
                          check=False)


def test_cli_load_then_info_then_reload(tmp_path: Path) -> None:
    dump = write_geonames_dump(tmp_path / "SY.txt")
    home = tmp_path / "home"
    first = civcas("gazetteer", "load", str(dump), home=home)
    assert first.returncode == 0, first.stderr
    assert "SY: loaded, 6 places (geonames)" in first.stderr
    again = civcas("gazetteer", "load", str(dump), home=home)
    assert "SY: unchanged" in again.stderr
    info = civcas("gazetteer", "info", "--json", home=home)
    assert info.returncode == 0, info.stderr
    data = json.loads(info.stdout)
    assert [(la["name"], la["places"], la["format"]) for la in data["layers"]] == [("SY", 6, "geonames")]
    assert data["bundled"]["places"] > 200_000
    assert "GeoNames" in data["attribution"] and "Who's On First" in data["attribution"]
    table = civcas("gazetteer", "info", home=home)
    assert "SY" in table.stdout and "attribution" in table.stdout


def test_cli_quiet_load_prints_nothing(tmp_path: Path) -> None:
    dump = write_geonames_dump(tmp_path / "SY.txt")
    out = civcas("--quiet", "gazetteer", "load", str(dump), home=tmp_path / "home")
    assert out.returncode == 0 and out.stderr == "" and out.stdout == ""


def test_cli_bad_file_is_one_line_and_exit_1(tmp_path: Path) -> None:
    bad = tmp_path / "bad.txt"
    bad.write_text("not a gazetteer\n", encoding="utf-8")
    out = civcas("gazetteer", "load", str(bad), home=tmp_path / "home")
    assert out.returncode == 1
    assert out.stderr.count("\n") == 1 and "unknown gazetteer format" in out.stderr


def test_cli_remove_unknown_layer_is_an_error(tmp_path: Path) -> None:
    out = civcas("gazetteer", "remove", "nope", home=tmp_path / "home")
    assert out.returncode == 1 and "no loaded layer 'nope'" in out.stderr


def test_cli_build_if_stale_keeps_a_current_file(tmp_path: Path) -> None:
    out = civcas("gazetteer", "build", "--if-stale", home=tmp_path / "home")
    assert out.returncode == 0 and "is current" in out.stderr
