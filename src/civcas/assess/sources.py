"""Source independence: who originally says each thing, and who only relays it.

Airwars grades by independent sources: a ministry's letter quoted by five
outlets is one source, a wire story copied by five papers is one source.
For every claim this module names its *original* source and, when the
document only carries it, the *relay*:

- a claim in a named claimant's words ("the Syrian Foreign Ministry said",
  "according to SOHR") originates with that claimant (aliases folded
  through ``data/assess/sources.v1.yaml``: "Britain-based war monitor" is
  SOHR); the document's outlet relays it;
- a claim in the outlet's own voice, or attributed to unnamed sources
  ("local sources", "activists"), originates with the outlet;
- a document marked as a copy (``Document.duplicate_of``: a wire story
  reprinted) is a relay of the document it copies;
- two documents whose statements of the incident are worded nearly alike
  (80% of their content words shared) are one original: the earlier
  document's, the other relays it.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from urllib.parse import urlparse

from civcas.assess.data import SourceEntry, SourcesFile
from civcas.records import Claim, ClaimantKind, Document

_WORD = re.compile(r"[^\W_]+(?:[-.'’][^\W_]+)*", re.UNICODE)
_NEAR_COPY = 0.8


@dataclass(frozen=True, slots=True)
class Attribution:
    """Where one claim comes from: its original source, and the outlet relaying it (if any)."""

    claim_id: str
    original: str
    key: str
    kind: str
    relay: str | None = None
    affiliation: str | None = None


def fold(text: str, same_words: Mapping[str, str] | None = None) -> str:
    """Lower case, "the" and possessives dropped, demonyms as their country.

    >>> same = {"syrian": "syria"}
    >>> fold("Syria's Foreign Ministry", same) == fold("the Syrian Foreign Ministry", same)
    True
    """
    t = text.casefold().replace("’", "'")
    t = re.sub(r"'s\b", "", t)
    words = [w for w in t.split() if w != "the"]
    if same_words:
        words = [same_words.get(w, w) for w in words]
    return " ".join(words)


def outlet_of(doc: Document | None, doc_id: str) -> str:
    """A document's outlet: its name, else its web host, else the document id."""
    if doc is not None and doc.outlet:
        return doc.outlet
    if doc is not None and doc.url:
        host = urlparse(doc.url).netloc.removeprefix("www.")
        if host:
            return host
    return f"document {doc_id}"


def match_entry(claimant: str, data: SourcesFile) -> SourceEntry | None:
    """The named source a claimant phrase refers to (the longest alias found in it, on word boundaries)."""
    text = fold(claimant, data.same_words)
    best: tuple[int, SourceEntry] | None = None
    for entry in data.entries:
        for alias in entry.aliases:
            a = fold(alias, data.same_words)
            if re.search(rf"(?<![\w-]){re.escape(a)}(?![\w-])", text) and (best is None or len(a) > best[0]):
                best = (len(a), entry)
    return best[1] if best else None


def is_generic(claimant: str | None, data: SourcesFile) -> bool:
    """True when the claimant names no originator ("local sources", "activists", "outlet")."""
    if claimant is None:
        return True
    words = _WORD.findall(fold(claimant, data.same_words))
    generic = set(data.generic_words)
    return not words or all(w in generic for w in words)


def _words(text: str) -> frozenset[str]:
    return frozenset(w for w in _WORD.findall(text.casefold()) if len(w) > 2)


def attribute(claims: Sequence[Claim], documents: Mapping[str, Document], data: SourcesFile) -> dict[str, Attribution]:
    """Attribute every claim to its original source; see the module docstring for the rules."""

    def root(doc_id: str) -> str:
        seen = set()
        while doc_id in documents and documents[doc_id].duplicate_of and doc_id not in seen:
            seen.add(doc_id)
            doc_id = documents[doc_id].duplicate_of or doc_id
        return doc_id

    # Near-identical own-voice statements in different documents: the earliest document is the original.
    own = [c for c in claims if is_generic(c.claimant, data) and c.claimant_kind is not ClaimantKind.BELLIGERENT]
    copy_of: dict[str, str] = {}
    words = {c.id: _words(c.quote) for c in own}

    def order(doc_id: str) -> tuple[str, str]:
        doc = documents.get(doc_id)
        return (doc.published.isoformat() if doc is not None and doc.published else "9999", doc_id)

    for i, a in enumerate(own):
        for b in own[i + 1 :]:
            if a.doc_id == b.doc_id or not words[a.id] or not words[b.id]:
                continue
            inter = len(words[a.id] & words[b.id])
            if inter / len(words[a.id] | words[b.id]) >= _NEAR_COPY:
                first, second = sorted((root(a.doc_id), root(b.doc_id)), key=order)
                if first != second:
                    copy_of.setdefault(second, first)

    out: dict[str, Attribution] = {}
    for c in claims:
        origin_doc = root(c.doc_id)
        origin_doc = copy_of.get(origin_doc, origin_doc)
        here = outlet_of(documents.get(c.doc_id), c.doc_id)
        source_outlet = outlet_of(documents.get(origin_doc), origin_doc)
        entry = None if c.claimant is None else match_entry(c.claimant, data)
        if entry is not None:
            relay = None if fold(here, data.same_words) == fold(entry.name, data.same_words) else here
            out[c.id] = Attribution(c.id, entry.name, f"source:{entry.id}", entry.kind, relay, entry.affiliation)
        elif is_generic(c.claimant, data):
            relay = None if origin_doc == c.doc_id else here
            out[c.id] = Attribution(c.id, source_outlet, f"outlet:{fold(source_outlet)}", "outlet", relay)
        else:
            name = " ".join((c.claimant or "").split())
            out[c.id] = Attribution(c.id, name, f"claimant:{fold(name)}", str(c.claimant_kind), here)
    return out
