"""YAML for the data files, read with libyaml's C loader when PyYAML was built with it.

The pure-Python safe loader spends about a second of every run's start-up on the extraction rules alone; the C
loader builds the same Python objects (checked over every file under ``data/``) in a tenth of the time. Both are
safe loaders: plain mappings, lists and scalars, never arbitrary objects.
"""

from __future__ import annotations

from typing import Any

import yaml

LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


def safe_load(text: str) -> Any:
    """Parse YAML text as :func:`yaml.safe_load` does, faster; raises :class:`yaml.YAMLError` on bad YAML."""
    return yaml.load(text, Loader=LOADER)  # LOADER is a safe loader (C or Python)
