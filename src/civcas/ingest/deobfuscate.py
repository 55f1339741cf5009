"""Words broken on purpose to pass platform filters: "kil*led", "sh-ot de-ad", "IS*IS".

Monitors' posts break words a platform might filter. Left broken, "Civilian kil*led" states no
harm a reader could find. The repair is defined once, here, and applied by ingest before any
offset is taken, so spans refer to the repaired text; ``Document.raw`` keeps what was published.
"""

from __future__ import annotations

import datetime
import functools
import re
from pathlib import Path

import yaml
from pydantic import BaseModel, ConfigDict, Field, ValidationError

from civcas import datayaml
from civcas.errors import DataFileError

DATA_FILE = Path(__file__).resolve().parent.parent / "data" / "ingest" / "obfuscation.v1.yaml"
_TOKEN = re.compile(r"(?<![\w*\-.])[A-Za-z]+(?:(?:\*+|[\-.])[A-Za-z]+)+(?![\w*])")


class _ChangelogEntry(BaseModel):
    model_config = ConfigDict(extra="forbid")
    version: int
    date: datetime.date
    note: str


class ObfuscationFile(BaseModel):
    """The data file: which words may be rejoined across a hyphen or dot."""

    model_config = ConfigDict(extra="forbid")
    schema_: str = Field(alias="schema", pattern=r"^civcas\.obfuscation/1$")
    name: str
    version: int
    sources: list[str]
    license: str
    changelog: list[_ChangelogEntry]
    words: list[str]


@functools.cache
def _words(path: Path = DATA_FILE) -> frozenset[str]:
    try:
        raw = datayaml.safe_load(path.read_text(encoding="utf-8"))
        parsed = ObfuscationFile.model_validate(raw)
    except (OSError, yaml.YAMLError) as exc:
        raise DataFileError(f"{path}:1: cannot read ({exc}); expected the obfuscation word list") from None
    except ValidationError as exc:
        problems = "; ".join(f"{'.'.join(str(p) for p in e['loc'])}: {e['msg']}" for e in exc.errors())
        raise DataFileError(f"{path}:1: {problems}") from None
    return frozenset(w.lower() for w in parsed.words)


def _in_place_of_letters(token: str, words: frozenset[str]) -> str | None:
    """The one listed word the token spells with each ``*`` read as a letter ("k*lled" is "killed"), in the token's
    case; None when no listed word or several fit."""
    shape = re.compile("".join("[a-z]" if ch == "*" else re.escape(ch.lower()) for ch in token if ch not in "-."))
    fits = [w for w in words if shape.fullmatch(w)]
    if len(fits) != 1:
        return None
    shout = re.sub(r"[*\-.]", "", token).isupper()  # "K*LLED" is "KILLED"
    letters = iter(fits[0])
    return "".join(
        next(letters).upper() if ch.isupper() or (ch == "*" and shout) else next(letters) if ch.isalpha() or ch == "*"
        else "" for ch in token
    )


def deobfuscate(text: str, *, path: Path = DATA_FILE) -> str:
    """Rejoin words broken with ``*`` (always) or ``-``/``.`` (listed words only); a ``*`` in place of a letter
    gives the one listed word that fits.

    >>> deobfuscate("Civilian kil*led and another sh-ot de-ad in al-Bab by IS*IS")
    'Civilian killed and another shot dead in al-Bab by ISIS'
    >>> deobfuscate("A drone k*lled two and inj*red four; Dr*ne strikes")
    'A drone killed two and injured four; Drne strikes'
    """
    if "*" not in text and "-" not in text and "." not in text:
        return text
    words = _words(path)

    def fix(m: re.Match[str]) -> str:
        token = m.group()
        joined = re.sub(r"[*\-.]", "", token)
        if joined.lower() in words:
            return joined
        if "*" in token:
            # a star stands in for a letter as often as it is slipped between two: "k*lled", "inj*red"
            return _in_place_of_letters(token, words) or joined
        return token

    return _TOKEN.sub(fix, text)
