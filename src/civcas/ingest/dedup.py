"""Exact and near-duplicate documents: wire copies are recognised and recorded, never dropped.

One agency story republished by five outlets is one source, not five: left
uncounted it would grade an incident "fair" on independent sources it does
not have. ``dedup`` marks each copy with ``duplicate_of`` = the id of the
first-seen original and keeps every document, so the store and the
assessment decide what a copy means.

Exact copies share the SHA-256 of their cleaned text. Near copies (an
outlet's own headline, dateline, byline or boilerplate around the same
body) are compared on word 5-shingles. The default measure is the overlap
coefficient |A & B| / min(|A|, |B|) between texts of comparable length (the
shorter at least half the longer): on the Arabic dev set, reposts of one
Anadolu or Reuters story under another headline score 0.76-0.96 on it but
only 0.59-0.66 on Jaccard, while a short post quoted inside a long page of
other news is kept apart by the length guard. ``measure="jaccard"`` is there
for callers who want the symmetric measure.

Candidates come from an inverted index from shingle to the originals that
hold it; counting shared shingles through it yields every pair that can reach
the threshold, and the exact measure then decides. Unlike MinHash with LSH
this misses no pair by chance; on the 1,172 Arabic dev documents it ran in
0.4 s against 10 s for 128-permutation MinHash signatures in pure Python,
and found the same Jaccard >= 0.8 copies. Shingles held by more than
``DedupConfig.max_postings`` originals (shared boilerplate) are not
followed, and the bound is lowered by their number, so it stays exact.
Everything is deterministic: input order decides which copy is the original.
"""

from __future__ import annotations

import hashlib
import logging
import re
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, replace
from typing import Literal

from civcas.ingest.document import content_hash
from civcas.records import Document

log = logging.getLogger(__name__)

_WORD = re.compile(r"\w+", re.UNICODE)


@dataclass(frozen=True, slots=True)
class DedupConfig:
    """Near-duplicate settings.

    ``measure``: ``overlap`` (|A & B| / min(|A|, |B|), for texts whose
    shingle counts differ by at most ``min_size_ratio``) or ``jaccard``;
    ``shingle`` words per shingle; ``min_words``: a text shorter than this is
    too short to call a copy on shingles (only exact copies count);
    ``max_postings``: a shingle found in more originals than this is
    boilerplate and is not followed through the index.
    """

    measure: Literal["overlap", "jaccard"] = "overlap"
    min_size_ratio: float = 0.5
    shingle: int = 5
    min_words: int = 20
    max_postings: int = 64


def shingles(text: str, size: int = 5) -> frozenset[int]:
    """Hashed word ``size``-grams of case-folded text: what a wire copy shares with its original.

    Words are runs of letters and digits, so punctuation and spacing an
    outlet changes do not matter.

    >>> len(shingles("a b c d e f", 5))
    2
    """
    words = [w.casefold() for w in _WORD.findall(text)]
    if len(words) < size:
        return frozenset()
    grams = (" ".join(words[i : i + size]) for i in range(len(words) - size + 1))
    return frozenset(int.from_bytes(hashlib.blake2b(g.encode(), digest_size=8).digest(), "little") for g in grams)


def jaccard(a: frozenset[int], b: frozenset[int]) -> float:
    """|a & b| / |a | b| (0.0 for two empty sets)."""
    if not a and not b:
        return 0.0
    return len(a & b) / len(a | b)


def overlap(a: frozenset[int], b: frozenset[int]) -> float:
    """|a & b| / min(|a|, |b|): how much of the shorter text the longer one holds (0.0 if either is empty)."""
    if not a or not b:
        return 0.0
    return len(a & b) / min(len(a), len(b))


def similarity(a: frozenset[int], b: frozenset[int], config: DedupConfig) -> float:
    """The configured measure; 0.0 for overlap between texts of too different length."""
    if config.measure == "jaccard":
        return jaccard(a, b)
    small, large = sorted((len(a), len(b)))
    if not large or small / large < config.min_size_ratio:
        return 0.0
    return overlap(a, b)


def dedup(docs: Sequence[Document], *, threshold: float = 0.8, config: DedupConfig | None = None) -> list[Document]:
    """Return ``docs`` in order, each copy with ``duplicate_of`` set to its first-seen original's id.

    A document is a copy when its cleaned text hashes like an earlier one's,
    or when the similarity of its word-shingle set with an earlier original's
    (``config.measure``, the overlap coefficient by default) reaches
    ``threshold``. A ``duplicate_of`` already set (by an earlier run) is kept.
    Copies always point at an original, never at another copy.

    >>> a = Document(id="a", text="Warplanes struck the market in Ariha on Sunday, killing 12 civilians.")
    >>> [d.duplicate_of for d in dedup([a, Document(id="b", text=a.text)])]
    [None, 'a']
    """
    if not 0.0 < threshold <= 1.0:
        raise ValueError(f"dedup.threshold: {threshold} is out of range; expected 0 < threshold <= 1")
    config = config or DedupConfig()
    by_hash: dict[str, str] = {}
    postings: dict[int, list[int]] = {}
    grams_of: dict[int, frozenset[int]] = {}
    out: list[Document] = []
    exact = near = 0
    for i, doc in enumerate(docs):
        digest = doc.content_hash or content_hash(doc.text)
        if doc.duplicate_of:
            by_hash.setdefault(digest, doc.duplicate_of)
            out.append(doc)
            continue
        if not doc.text.strip():
            out.append(doc)  # an empty (all-furniture) text is a copy of nothing
            continue
        if digest in by_hash and by_hash[digest] != doc.id:
            out.append(replace(doc, duplicate_of=by_hash[digest]))
            exact += 1
            log.debug("dedup: %s is an exact copy of %s", doc.id, by_hash[digest])
            continue
        grams = shingles(doc.text, config.shingle)
        if len(grams) + config.shingle - 1 < config.min_words:
            by_hash.setdefault(digest, doc.id)
            out.append(doc)
            continue
        best = _best_original(grams, postings, grams_of, threshold, config)
        if best is not None:
            original = out[best[1]]
            by_hash.setdefault(digest, original.id)  # later exact copies point at the original too
            out.append(replace(doc, duplicate_of=original.id))
            near += 1
            log.debug("dedup: %s is a near copy of %s (%s %.2f)", doc.id, original.id, config.measure, best[0])
            continue
        by_hash.setdefault(digest, doc.id)
        grams_of[i] = grams
        for g in grams:
            postings.setdefault(g, []).append(i)
        out.append(doc)
    log.info("dedup: %d documents, %d exact copies, %d near copies", len(out), exact, near)
    return out


def _best_original(
    grams: frozenset[int],
    postings: dict[int, list[int]],
    grams_of: dict[int, frozenset[int]],
    threshold: float,
    config: DedupConfig,
) -> tuple[float, int] | None:
    """The most similar earlier original at or above ``threshold``, as (similarity, index), if any.

    Any pair at or above the threshold shares at least ``threshold * |A|``
    shingles (Jaccard) or ``threshold * min_size_ratio * |A|`` (overlap).
    """
    shared: Counter[int] = Counter()
    skipped = 0
    for g in grams:
        holders = postings.get(g)
        if not holders:
            continue
        if len(holders) > config.max_postings:
            skipped += 1
            continue
        shared.update(holders)
    share = threshold if config.measure == "jaccard" else threshold * config.min_size_ratio
    need = share * len(grams) - skipped
    best: tuple[float, int] | None = None
    for j, count in shared.items():
        if count < need:
            continue
        score = similarity(grams, grams_of[j], config)
        if score >= threshold and (best is None or (score, -j) > (best[0], -best[1])):
            best = (score, j)
    return best
