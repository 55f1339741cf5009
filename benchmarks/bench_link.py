"""Benchmark: link a synthetic set of claims drawn from the dev sets' distributions.

Incidents are drawn from the Airwars dev gold (places with coordinates and
governorates, dates, belligerents, killed ranges, how many documents cite
one incident), spread over synthetic villages around those places and over
2014-2025, then reported by several documents each with the noise real
reporting has: no date (most sources), a coarser place, another spelling,
the coalition named as one of its members, a hedged or different figure,
a wire copy of another report's wording. The truth is known, so the run
prints pairwise precision/recall next to time, pairs compared and peak
memory (of the whole run, and within each phase of ``link.run``), and a
baseline in the same run: exact-key grouping (same place, same figure,
same stated day).

    python benchmarks/bench_link.py            # 1,000,000 claims
    python benchmarks/bench_link.py --n 20000  # small, for CI
"""

from __future__ import annotations

import argparse
import gc
import itertools
import json
import logging
import math
import random
import resource
import sys
import threading
import time
from collections import Counter
from datetime import date, timedelta
from pathlib import Path
from typing import TypeVar

from civcas import link
from civcas.link.features import name_key
from civcas.records import (
    Claim,
    ClaimantKind,
    ClaimKind,
    DateInterval,
    DatePrecision,
    Document,
    Figure,
    Place,
    PlacePrecision,
    Qualifier,
    Span,
)

T = TypeVar("T")
ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared" / "eval" / "dev"
WORDS = tuple(
    [
        "strike",
        "raid",
        "bombing",
        "jets",
        "warplanes",
        "aircraft",
        "drone",
        "shelling",
        "market",
        "school",
        "hospital",
        "mosque",
        "house",
        "homes",
        "family",
        "village",
        "town",
        "residents",
        "camp",
        "displaced",
        "bakery",
        "road",
        "car",
        "convoy",
        "farm",
        "wedding",
        "funeral",
        "night",
        "morning",
        "dawn",
        "women",
        "children",
        "men",
        "elderly",
        "rescuers",
        "rubble",
        "bodies",
        "wounded",
        "toll",
        "rose",
        "local",
        "council",
        "statement",
        "monitor",
        "activists",
        "sources",
        "witnesses",
        "footage",
        "photos",
        "buildings",
        "destroyed",
        "area",
        "eastern",
        "western",
        "northern",
        "southern",
        "countryside",
    ]
)
FAMILY = {
    "coalition": ["US", "UK", "France"],
    "US": ["coalition"],
    "UK": ["coalition"],
    "France": ["coalition"],
    "Russia": ["Syria"],
    "Syria": ["Russia"],
}


def vocabulary(rng: random.Random, size: int = 20_000) -> list[str]:
    """Pseudo-words with a Zipf-like frequency: reports share common words and an incident's own few."""
    syllables = [c + v for c in "bdfghjklmnqrstwyz" for v in ("a", "i", "u", "aa", "ii", "uu", "ay", "aw")]
    return ["".join(rng.choice(syllables) for _ in range(rng.randint(2, 4))) for _ in range(size)]


def peak_mib() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


class RssSampler:
    """The process's resident memory (``VmRSS``), sampled ten times a second on a thread.

    ``ru_maxrss`` gives one peak for the whole process; the samples say in
    which phase of ``link.run`` it was reached. Linux only (``/proc``);
    elsewhere there are no samples.
    """

    def __init__(self, interval: float = 0.1) -> None:
        self.interval = interval
        self.samples: list[tuple[float, float]] = []
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._run, daemon=True)
        self._thread.start()

    @staticmethod
    def rss_mib() -> float | None:
        """Resident memory now (``ru_maxrss`` only ever gives the peak so far)."""
        try:
            with open("/proc/self/status", encoding="ascii") as f:
                for line in f:
                    if line.startswith("VmRSS:"):
                        return int(line.split()[1]) / 1024
        except OSError:
            return None
        return None

    def _run(self) -> None:
        while not self._stop.wait(self.interval):
            rss = self.rss_mib()
            if rss is None:
                return
            self.samples.append((time.perf_counter(), rss))

    def stop(self) -> None:
        self._stop.set()
        self._thread.join()

    def peak(self, start: float, end: float) -> float | None:
        """The largest sample taken between two ``time.perf_counter()`` readings."""
        got = [rss for t, rss in self.samples if start <= t <= end]
        return max(got) if got else None


def dev_distributions() -> tuple[list[dict], list[int]]:
    """Incidents with coordinates, and documents per incident, from the Airwars dev gold files."""
    incidents: dict[str, dict] = {}
    docs_per: Counter[str] = Counter()
    for name in ("airwars_en.gold.jsonl", "airwars_ar.gold.jsonl"):
        path = SHARED / name
        if not path.exists():
            continue
        for line in path.read_text(encoding="utf-8").splitlines():
            row = json.loads(line)
            for inc in row["incidents"]:
                docs_per[inc["code"]] += 1
                if inc.get("lat") is not None and inc.get("names"):
                    incidents[inc["code"]] = inc
    if not incidents:
        sys.exit(f"bench_link: no dev gold under {SHARED}; the benchmark draws its distributions from it")
    return list(incidents.values()), list(docs_per.values())


def synthesise(n: int, seed: int, dated_share: float) -> tuple[list[Claim], list[Document], dict[str, str]]:
    """About ``n`` incident claims with their documents and the true incident of each claim."""
    rng = random.Random(seed)
    anchors, docs_per = dev_distributions()
    vocab = vocabulary(rng)
    cum = list(itertools.accumulate(1 / (i + 200) for i in range(len(vocab))))  # commonest words: stopwords
    n_villages = max(50, n // 6)
    villages = []
    for v in range(n_villages):
        a = rng.choice(anchors)
        if rng.random() < 0.3:
            villages.append((a["names"][0], a["lat"], a["lon"], a.get("governorate"), a["names"][0], a))
            continue
        dist, bearing = rng.uniform(2, 25), rng.uniform(0, 2 * math.pi)
        lat = a["lat"] + dist / 111 * math.cos(bearing)
        lon = a["lon"] + dist / (111 * math.cos(math.radians(a["lat"]))) * math.sin(bearing)
        villages.append((f"Qaryat {v} {rng.choice(WORDS).title()}", lat, lon, a.get("governorate"), a["names"][0], a))
    claims: list[Claim] = []
    docs: list[Document] = []
    truth: dict[str, str] = {}
    day0 = date(2014, 8, 1)
    inc_no = doc_no = 0
    # Equal immutable values (figures, intervals, belligerent tuples, outlet names, spans of one quote) are one
    # object, as a store's loader or an interning reader would hand them over; every claim's values are unchanged.
    pool: dict[object, object] = {}

    def share(value: T) -> T:
        return pool.setdefault(value, value)  # type: ignore[return-value]

    while len(claims) < n:
        inc_no += 1
        name, lat, lon, gov, district, a = rng.choice(villages)
        when = day0 + timedelta(days=rng.randrange(0, 11 * 365))
        bells = [b for b in a["belligerents"] if b not in ("other",)] or ["unknown"]
        k = a.get("killed") or {"min": rng.randint(1, 5), "max": None}
        killed = rng.randint(k["min"], k["max"]) if k.get("max") and k["max"] >= k["min"] else k["min"]
        words = rng.choices(vocab, cum_weights=cum, k=12)
        first_quote = None
        first_span: Span | None = None
        label = f"i{inc_no}"
        # One Place object per incident and precision, shared by its reports (the records are immutable).
        gov_place = Place(
            name=gov,
            mention=gov,
            lat=a["lat"],
            lon=a["lon"],
            admin1=gov,
            country="SY",
            precision=PlacePrecision.GOVERNORATE,
        )
        village_place = Place(
            name=name,
            mention=name,
            lat=lat,
            lon=lon,
            admin1=gov,
            admin2=district,
            country="SY",
            precision=PlacePrecision.SETTLEMENT,
        )
        for _report in range(rng.choice(docs_per)):
            doc_no += 1
            doc_id = f"doc{doc_no}"
            published = when + timedelta(days=rng.randint(0, 3)) if rng.random() < dated_share else None
            docs.append(Document(id=doc_id, text="", published=published, outlet=share(f"outlet{rng.randint(1, 400)}")))
            quote = (
                first_quote
                if first_quote and rng.random() < 0.1
                else " ".join([*rng.sample(words, 8), *rng.choices(vocab, cum_weights=cum, k=6), name, str(killed)])
            )
            first_quote = first_quote or quote
            span = first_span if quote is first_quote and first_span else Span(0, len(quote), quote)
            first_span = first_span or span
            place = gov_place if rng.random() < 0.1 else village_place
            b = list(bells)
            roll = rng.random()
            if roll < 0.15 and b[0] in FAMILY:
                b = [rng.choice(FAMILY[b[0]])]
            elif roll < 0.25:
                b = []
            roll = rng.random()
            fig: Figure | None = share(Figure(killed, Qualifier.EXACT, low=killed, high=killed))
            if roll < 0.15:
                fig = share(Figure(max(killed - 1, 0), Qualifier.AT_LEAST, low=max(killed - 1, 0)))
            elif roll < 0.25:
                other = max(1, round(killed * rng.uniform(0.6, 1.4)))
                fig = share(Figure(other, Qualifier.EXACT, low=other, high=other))
            elif roll < 0.3:
                fig = None
            interval = None
            if published is not None and rng.random() < 0.6:
                interval = share(DateInterval(when, when, DatePrecision.DAY))
            elif published is not None:
                interval = share(DateInterval(None, published, DatePrecision.PERIOD))
            for c_no in range(1 if rng.random() < 0.9 else 2):
                cid = f"{doc_id}:{c_no}"
                claims.append(
                    Claim(
                        id=cid,
                        doc_id=doc_id,
                        kind=ClaimKind.INCIDENT,
                        quote=quote,
                        quote_span=span,
                        claimant="outlet" if c_no == 0 else "activists",
                        claimant_kind=ClaimantKind.OUTLET if c_no == 0 else ClaimantKind.ACTIVISTS,
                        date=interval,
                        place=place,
                        belligerents=share(tuple(b)),
                        killed=fig,
                    )
                )
                truth[cid] = label
    return claims, docs, truth


def pairwise(pred: dict[str, str | None], truth: dict[str, str]) -> dict[str, float]:
    """Pairwise precision/recall/F1 from cluster contingency counts (no pair enumeration)."""
    cells: Counter[tuple[str, str]] = Counter()
    p_sizes: Counter[str] = Counter()
    g_sizes: Counter[str] = Counter()
    for cid, g in truth.items():
        p = pred.get(cid) or f"solo:{cid}"
        cells[(p, g)] += 1
        p_sizes[p] += 1
        g_sizes[g] += 1
    c2 = lambda k: k * (k - 1) // 2  # noqa: E731
    tp = sum(c2(v) for v in cells.values())
    pp, gp = sum(c2(v) for v in p_sizes.values()), sum(c2(v) for v in g_sizes.values())
    prec, rec = (tp / pp if pp else 0.0), (tp / gp if gp else 0.0)
    return {
        "precision": round(prec, 3),
        "recall": round(rec, 3),
        "f1": round(2 * prec * rec / (prec + rec), 3) if prec + rec else 0.0,
    }


def baseline(claims: list[Claim]) -> dict[str, str | None]:
    """Exact-key grouping: same folded place, same killed figure, same stated day (or both undated)."""
    groups: dict[tuple, str] = {}
    out: dict[str, str | None] = {}
    for c in claims:
        key = (
            name_key(c.place.name if c.place else None),
            c.killed.low if c.killed else None,
            c.date.start if c.date and c.date.start else None,
        )
        out[c.id] = groups.setdefault(key, c.id)
    return out


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--n", type=int, default=1_000_000, help="claims to synthesise (default 1,000,000)")
    ap.add_argument("--seed", type=int, default=20261122)
    ap.add_argument(
        "--dated-share", type=float, default=0.31, help="share of documents with a publication date (airwars_ar: 31%%)"
    )
    ap.add_argument("--verbose", action="store_true", help="link's INFO log on stderr")
    args = ap.parse_args(argv)
    if args.verbose:
        logging.basicConfig(level=logging.INFO, format="%(asctime)s %(name)s: %(message)s")
        logging.getLogger("splink").setLevel(logging.WARNING)

    t0 = time.perf_counter()
    claims, docs, truth = synthesise(args.n, args.seed, args.dated_share)
    t_gen = time.perf_counter() - t0
    mem_gen = peak_mib()
    n_inc = len(set(truth.values()))
    print(
        f"synthesised {len(claims):,} claims, {len(docs):,} documents, {n_inc:,} incidents "
        f"in {t_gen:.1f} s (peak {mem_gen:,.0f} MiB)",
        flush=True,
    )

    t0 = time.perf_counter()
    base = baseline(claims)
    t_base = time.perf_counter() - t0
    print(
        f"baseline exact-key grouping: {t_base:.1f} s, {len(set(base.values())):,} groups, "
        f"pairwise {pairwise(base, truth)}",
        flush=True,
    )
    del base
    gc.collect()

    sampler = RssSampler()
    t0 = time.perf_counter()
    result = link.run(claims, documents=docs)
    t_link = time.perf_counter() - t0
    sampler.stop()
    pred = {c.id: c.incident for c in result.claims}
    all_pairs = len(claims) * (len(claims) - 1) // 2
    print(
        # len(result.table), not len(result.pairs): the latter materialises every pair as an object (2 GiB at 1M).
        f"link.run: {t_link:.1f} s, {len(result.table or ()):,} pairs compared "
        f"(of {all_pairs:,} possible), {len(result.incidents):,} incidents, peak {peak_mib():,.0f} MiB",
        flush=True,
    )
    stats = dict(result.stats)
    if stats:
        print("  phases: " + ", ".join(f"{k} {v:.1f} s" for k, v in stats.items() if k.endswith("_s")), flush=True)
        # The phases follow each other from the start of link.run (its laps), so the samples fall into them.
        start, peaks = t0, []
        for name, seconds in ((k, v) for k, v in stats.items() if k.endswith("_s")):
            peak = sampler.peak(start, start + seconds)
            peaks.append(f"{name[:-2]} {peak:,.0f}" if peak is not None else f"{name[:-2]} -")
            start += seconds
        if sampler.samples:
            print("  peak RSS by phase (MiB, sampled every 0.1 s): " + ", ".join(peaks), flush=True)
    print(f"  pairwise against the synthetic truth: {pairwise(pred, truth)}", flush=True)
    sizes = Counter(len(i.claim_ids) for i in result.incidents)
    print(
        f"  largest incident: {max(sizes) if sizes else 0} claims; true largest: "
        f"{max(Counter(truth.values()).values())}",
        flush=True,
    )
    print(f"peak memory of the whole run (max RSS, synthetic claims included): {peak_mib():,.0f} MiB", flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
