"""``civcas report``: tallies per belligerent and period against admissions and estimates, as a table and HTML.

The HTML is one self-contained file (inline CSS and SVG, no scripts, no
CDN), so it opens offline and can be mailed as it is.
"""

from __future__ import annotations

import html
from collections.abc import Sequence
from pathlib import Path
from typing import Annotated

import typer

from civcas.assess.tallies import AggregateFigure, Tally, TallyRow
from civcas.cli import _common, app
from civcas.errors import InputError

_CSS = """
body{font-family:system-ui,-apple-system,Segoe UI,Roboto,sans-serif;margin:2em;color:#222;max-width:70em}
h1{font-size:1.4em}h2{font-size:1.1em;margin-top:2em}
table{border-collapse:collapse;margin:.5em 0}th,td{border:1px solid #ccc;padding:.25em .6em;text-align:right}
th{background:#f3f3f3}td.l,th.l{text-align:left}.note{color:#555;font-size:.9em}
"""


def _num(n: int | None) -> str:
    return "-" if n is None else f"{n:,}"


def _range(low: int, high: int | None) -> str:
    if high is None:
        return f"{low:,}+"
    return f"{low:,}" if low == high else f"{low:,}-{high:,}"


def _figure(f: AggregateFigure) -> str:
    return f"{_range(f.low, f.high)} ({f.claimant}, as of {f.as_of})"


def render_text(t: Tally) -> str:
    """The report as a plain-text table (what stdout prints)."""
    lines = [t.caption(), ""]
    head = f"{'belligerent':<14} {'period':<9} {'incidents':>9} {'killed (min-max)':>18} {'best':>8}"
    lines += [head, "-" * len(head)]
    for r in t.rows:
        lines.append(f"{r.belligerent:<14} {r.period:<9} {r.incidents:>9} {_range(r.low, r.high):>18} {r.best:>8,}")
    for name, r in sorted(t.totals().items()):
        lines.append(f"{name:<14} {'all':<9} {r.incidents:>9} {_range(r.low, r.high):>18} {r.best:>8,}")
    lines.append("")
    lines.append("Belligerents' own aggregate admissions found in the text:")
    lines += [f"  {f.belligerent}: {_figure(f)}" for f in t.admissions] or ["  none"]
    lines.append("Monitors' aggregate estimates found in the text:")
    lines += [f"  {f.belligerent}: {_figure(f)}" for f in t.estimates] or ["  none"]
    return "\n".join(lines) + "\n"


def _svg(
    totals: dict[str, TallyRow], admissions: Sequence[AggregateFigure], estimates: Sequence[AggregateFigure]
) -> str:
    names = sorted(set(totals) | {f.belligerent for f in (*admissions, *estimates)})
    if not names:
        return "<p class='note'>Nothing to chart.</p>"
    values = [1]
    for r in totals.values():
        values += [r.low, r.high]
    values += [f.high if f.high is not None else f.low for f in (*admissions, *estimates)]
    top = max(values)
    left, width, row_h = 130, 560, 34
    height = row_h * len(names) + 60

    def x(v: int) -> float:
        return left + width * v / top

    parts = [
        f"<svg xmlns='http://www.w3.org/2000/svg' width='{left + width + 40}' height='{height}' role='img' "
        "aria-label='Killed per belligerent: monitors sum against admissions and estimates'>",
        "<style>text{font:12px sans-serif}</style>",
    ]
    for i, name in enumerate(names):
        y = 20 + i * row_h
        parts.append(f"<text x='{left - 8}' y='{y + 15}' text-anchor='end'>{html.escape(name)}</text>")
        parts.append(f"<line x1='{left}' y1='{y + 11}' x2='{left + width}' y2='{y + 11}' stroke='#eee'/>")
        row = totals.get(name)
        if row is not None:
            w = max(x(row.high) - x(row.low), 2)
            parts.append(
                f"<rect x='{x(row.low):.1f}' y='{y + 3}' width='{w:.1f}' height='16' fill='#888'>"
                f"<title>{html.escape(name)}: {_range(row.low, row.high)} over {row.incidents} incidents</title></rect>"
            )
        for f in admissions:
            if f.belligerent == name:
                cx, cy = x(f.low), y + 11
                parts.append(
                    f"<path d='M{cx:.1f},{cy - 8} L{cx + 7:.1f},{cy} L{cx:.1f},{cy + 8} L{cx - 7:.1f},{cy} Z' "
                    f"fill='#c0392b'><title>admitted {html.escape(_figure(f))}</title></path>"
                )
        for f in estimates:
            if f.belligerent == name:
                parts.append(
                    f"<circle cx='{x(f.low):.1f}' cy='{y + 11}' r='6' fill='#2471a3'>"
                    f"<title>estimated {html.escape(_figure(f))}</title></circle>"
                )
    axis_y = 20 + len(names) * row_h
    parts.append(f"<line x1='{left}' y1='{axis_y}' x2='{left + width}' y2='{axis_y}' stroke='#444'/>")
    for k in range(5):
        v = round(top * k / 4)
        parts.append(f"<text x='{x(v):.1f}' y='{axis_y + 15}' text-anchor='middle'>{v:,}</text>")
    ly = axis_y + 32
    parts.append(f"<rect x='{left}' y='{ly - 9}' width='14' height='10' fill='#888'/>")
    parts.append(f"<text x='{left + 18}' y='{ly}'>monitors' sum (fair + confirmed), min-max</text>")
    parts.append(
        f"<path d='M{left + 290},{ly - 9} L{left + 296},{ly - 4} L{left + 290},{ly + 1} L{left + 284},{ly - 4} Z' "
        "fill='#c0392b'/>"
    )
    parts.append(f"<text x='{left + 302}' y='{ly}'>admitted</text>")
    parts.append(f"<circle cx='{left + 380}' cy='{ly - 4}' r='5' fill='#2471a3'/>")
    parts.append(f"<text x='{left + 390}' y='{ly}'>estimated</text>")
    parts.append("</svg>")
    return "\n".join(parts)


def render_html(t: Tally, *, title: str = "civcas report") -> str:
    """The report as one self-contained HTML page with an inline SVG chart."""
    e = html.escape
    totals = t.totals()
    rows = "\n".join(
        f"<tr><td class='l'>{e(r.belligerent)}</td><td class='l'>{e(r.period)}</td><td>{r.incidents}</td>"
        f"<td>{_range(r.low, r.high)}</td><td>{r.best:,}</td>"
        f"<td class='l'>{e(', '.join(f'{g} {n}' for g, n in r.by_grade))}</td></tr>"
        for r in (*t.rows, *(totals[k] for k in sorted(totals)))
    )

    def figs(items: Sequence[AggregateFigure]) -> str:
        if not items:
            return "<p class='note'>None found in the text.</p>"
        body = "\n".join(
            f"<tr><td class='l'>{e(f.belligerent)}</td><td>{_range(f.low, f.high)}</td>"
            f"<td class='l'>{e(f.claimant)}</td>"
            f"<td class='l'>{e(f.start.isoformat() if f.start else '')}</td><td class='l'>{e(f.as_of)}</td>"
            f"<td class='l'>{e(f.quote)}</td></tr>"
            for f in items
        )
        return (
            "<table><tr><th class='l'>belligerent</th><th>killed</th><th class='l'>claimant</th>"
            f"<th class='l'>from</th><th class='l'>as of</th><th class='l'>quote</th></tr>{body}</table>"
        )

    return f"""<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>{e(title)}</title><style>{_CSS}</style></head>
<body>
<h1>{e(title)}</h1>
<p class="note">{e(t.caption())} An incident naming several belligerents counts under each.</p>
{_svg(totals, t.admissions, t.estimates)}
<h2>Civilians killed per belligerent and period (monitors' min-max, fair and confirmed incidents)</h2>
<table><tr><th class='l'>belligerent</th><th class='l'>period</th><th>incidents</th><th>killed</th><th>best</th>
<th class='l'>grades</th></tr>
{rows}
</table>
<h2>Belligerents' own aggregate admissions</h2>
{figs(t.admissions)}
<h2>Monitors' aggregate estimates</h2>
{figs(t.estimates)}
<p class="note">{e(_attribution())}</p>
</body></html>
"""


def _attribution() -> str:
    """The place data's licence line: places in the incidents come from these gazetteers."""
    from civcas.gazetteer import ATTRIBUTION

    return str(ATTRIBUTION)


def _tally_from_documents(path: Path, granularity: str) -> Tally:
    from civcas import assess, link, pipeline
    from civcas.assess.tallies import tally
    from civcas.ingest.jsonl import read_jsonl

    if not path.exists():
        raise InputError(str(path), "no such file")
    docs = list(read_jsonl(path))
    claims = pipeline.extract_claims(docs)
    linked = link.run(claims, documents=docs)
    by_id = {c.id: c for c in linked.claims}
    doc_map = {d.id: d for d in docs}
    assessments = {
        inc.id: assess.run(inc, [by_id[c] for c in inc.claim_ids if c in by_id], documents=doc_map)
        for inc in linked.incidents
    }
    return tally(linked.incidents, assessments, linked.claims, granularity=granularity)


def _tally_from_store(db: str, granularity: str) -> Tally:
    from civcas.assess.tallies import tally

    try:
        from civcas import store
    except ImportError as exc:  # pragma: no cover - the store package ships with civcas
        raise InputError(db, f"the store cannot be opened ({exc})") from None
    load = getattr(store, "load_for_report", None)
    if load is None:
        raise InputError(db, "this store cannot list incidents yet; pass --docs DOCS.jsonl to report on documents")
    incidents, assessments, claims = load(db)
    return tally(incidents, assessments, claims, granularity=granularity)


@app.command("report")
def report_command(
    output: Annotated[Path | None, typer.Option("--output", "-o", help="Write the HTML report here.")] = None,
    db: Annotated[
        str | None, typer.Option("--db", help="Database URL (default: $CIVCAS_DATABASE_URL or sqlite).")
    ] = None,
    docs: Annotated[
        Path | None, typer.Option("--docs", help="Report on these documents (JSON Lines) instead of the database.")
    ] = None,
    granularity: Annotated[str, typer.Option("--period", help="Period of the rows: year or month.")] = "year",
) -> None:
    """Tally civilians killed per belligerent and period, against admissions and estimates.

    Sums count incidents graded fair or confirmed only (as Airwars' headline
    figures do). Prints the table; with -o also writes a self-contained HTML
    page with a chart.

    Example: civcas report -o report.html
    """
    if granularity not in ("year", "month"):
        raise typer.BadParameter("--period must be 'year' or 'month'")
    t = (
        _tally_from_documents(docs, granularity)
        if docs is not None
        else _tally_from_store(_common.database_url(db), granularity)
    )
    typer.echo(render_text(t), nl=False)
    if output is not None:
        output.write_text(render_html(t), encoding="utf-8")
        _common.say(f"wrote {output}")
