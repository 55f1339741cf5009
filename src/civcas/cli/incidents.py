"""``civcas incidents`` (list, filter; record analyst decisions) and ``civcas show INCIDENT``.

Analyst decisions (``merge``, ``split``, ``move-claim``, ``discount``,
``restore``) are appended to the store's audit table and applied at once:
the incidents are linked and assessed again with every decision replayed
(:mod:`civcas.link.decisions`), and every later run replays them too.
"""

from __future__ import annotations

import datetime as dt
import json
from typing import TYPE_CHECKING, Annotated, Any

import typer

from civcas.cli import app
from civcas.cli._views import incident_summaries, incident_summary, print_incident, print_incident_table
from civcas.cli.store import DbOption, DryRunOption, JsonOption, QuietOption, open_store, quiet, say
from civcas.errors import InputError
from civcas.records import Claim, Decision, DecisionAction, Document, Grade

if TYPE_CHECKING:
    from civcas.store import Store

incidents_app = typer.Typer(
    name="incidents",
    help="List incidents (filters: place, dates, belligerent, grade), or record an analyst decision about them.",
    invoke_without_command=True,
)
app.add_typer(incidents_app)


def _day(value: str | None, option: str) -> dt.date | None:
    if value is None:
        return None
    try:
        return dt.date.fromisoformat(value)
    except ValueError:
        raise typer.BadParameter(f"{value!r} is not a date; expected YYYY-MM-DD", param_hint=option) from None


@incidents_app.callback()
def incidents_command(
    ctx: typer.Context,
    place: Annotated[
        str | None, typer.Option("--place", help="Place name, governorate or country contains this (any case).")
    ] = None,
    since: Annotated[str | None, typer.Option("--since", help="On or after this date (YYYY-MM-DD).")] = None,
    until: Annotated[str | None, typer.Option("--until", help="On or before this date (YYYY-MM-DD).")] = None,
    belligerent: Annotated[
        str | None, typer.Option("--belligerent", help="Names this belligerent (coalition, US, Russia, ...).")
    ] = None,
    grade: Annotated[Grade | None, typer.Option("--grade", help="Has this grade.", case_sensitive=False)] = None,
    limit: Annotated[int, typer.Option("--limit", help="Show at most this many (0: all).")] = 0,
    db: DbOption = None,
    as_json: JsonOption = False,
) -> None:
    """List stored incidents, oldest first: place, date, belligerents, killed per claimant, grade, sources.

    Dates filter on overlap with the incident's date interval; undated
    incidents drop out when --since or --until is given.

    Example: civcas incidents --place Raqqa --since 2017-01-01 --belligerent coalition
    """
    if ctx.invoked_subcommand is not None:
        return
    from civcas.store import IncidentFilter

    filters = IncidentFilter(
        place=place,
        since=_day(since, "--since"),
        until=_day(until, "--until"),
        belligerent=belligerent,
        grade=grade,
        limit=limit or None,
    )
    with open_store(db, create=False) as store:
        incidents = store.incidents(filters)
        assessments = store.assessments([i.id for i in incidents])
        claims = store.claims(ids=[c for i in incidents for c in i.claim_ids])
    if as_json:
        typer.echo(json.dumps(incident_summaries(incidents, assessments, claims), indent=2, ensure_ascii=False))
    else:
        print_incident_table(incidents, assessments, claims)


def resolve_incident(store: Store, given: str) -> str:
    """The incident id ``given`` names: itself, or the one incident it is a prefix of."""
    if store.incident(given) is not None:
        return given
    found = store.find_incident(given)
    if len(found) == 1:
        return found[0]
    if not found:
        raise InputError(f"incident {given}", "not in the store; expected an id from `civcas incidents`")
    raise InputError(f"incident {given}", f"matches {len(found)} incidents ({', '.join(found[:5])}, ...); give more")


@app.command("show")
def show_command(
    incident: Annotated[
        str, typer.Argument(help="Incident id (or a unique prefix of it).", show_default=False, metavar="INCIDENT")
    ],
    explain: Annotated[
        bool, typer.Option("--explain", help="Say why each claim joined: its link's match weights and reasons.")
    ] = False,
    db: DbOption = None,
    as_json: JsonOption = False,
) -> None:
    """Show one incident: every claim side by side with its quote, the grade and its reasons.

    Example: civcas show inc-37f50645b68e --explain
    """
    from civcas import link

    with open_store(db, create=False) as store:
        iid = resolve_incident(store, incident)
        inc = store.incident(iid)
        assert inc is not None
        assessment = store.assessment(iid)
        claims = store.claims(ids=list(inc.claim_ids))
        order = {cid: n for n, cid in enumerate(inc.claim_ids)}
        claims.sort(key=lambda c: order.get(c.id, len(order)))
        documents = {d.id: d for d in store.documents(sorted({c.doc_id for c in claims}))}
    why = link.explain(inc, claims) if explain else []
    if as_json:
        body = incident_summary(inc, assessment, {c.id: c for c in claims})
        body["claims"] = [_claim_json(c, documents.get(c.doc_id)) for c in claims]
        body["links"] = [
            {"a": k.a, "b": k.b, "weight": k.weight, "probability": k.probability, "reasons": list(k.reasons)}
            for k in inc.links
        ]
        if explain:
            body["explain"] = why
        typer.echo(json.dumps(body, indent=2, ensure_ascii=False))
        return
    print_incident(inc, assessment, claims, documents, explain=why)


def _claim_json(claim: Claim, document: Document | None) -> dict[str, Any]:
    """The claim in the claims-contract shape, with its document's outlet and publication date."""
    from civcas.export.claims import claim_to_json

    published = document.published if document is not None else None
    return {
        **claim_to_json(claim),
        "outlet": document.outlet if document is not None else None,
        "published": published.isoformat() if published is not None else None,
    }


# --- analyst decisions -------------------------------------------------------------------------------

ReasonOption = Annotated[str, typer.Option("--reason", help="Why (required: it is kept in the audit table).")]
ActorOption = Annotated[
    str | None, typer.Option("--actor", help="Who decides (default: $CIVCAS_ACTOR, else the login name).")
]


def _decide(
    db: str | None,
    action: DecisionAction,
    *,
    incident_ids: list[str],
    claim_ids: list[str],
    target: str | None,
    reason: str,
    actor: str | None,
    dry_run: bool,
    as_json: bool,
    target_must_exist: bool = True,
) -> None:
    """Check a decision against the store, record it, re-link and re-assess, print the incidents it touched."""
    from civcas.link.decisions import validate
    from civcas.store import current_actor, runner

    with open_store(db, create=False) as store:
        incident_ids = [resolve_incident(store, i) for i in incident_ids]
        if target is not None and target_must_exist:
            target = resolve_incident(store, target)
        known = {c.id: c for c in store.claims(ids=claim_ids)}
        missing = [c for c in claim_ids if c not in known]
        if missing:
            raise InputError(f"claim {missing[0]}", "not in the store; expected a claim id from `civcas show`")
        if action is DecisionAction.SPLIT:
            outside = [c for c in claim_ids if known[c].incident != incident_ids[0]]
            if outside:
                raise InputError(f"claim {outside[0]}", f"is not in incident {incident_ids[0]}; split only its own")
        decision = Decision(
            action=action,
            incident_ids=tuple(incident_ids),
            claim_ids=tuple(claim_ids),
            target=target,
            reason=reason.strip(),
            actor=actor or current_actor(),
            at=dt.datetime.now(dt.UTC).isoformat(timespec="seconds"),
        )
        try:
            validate(decision)
        except Exception as exc:  # LinkError: the decision is malformed whatever the store holds
            raise typer.BadParameter(str(exc)) from None
        with store.transaction(commit=not dry_run):
            new = store.record_decision(decision)
            report = runner.run(store, [], command=f"incidents {action}", actor=decision.actor)
            affected = sorted({*incident_ids, *([target] if target else []), *report.touched_incidents})
            incidents = [i for i in (store.incident(x) for x in affected) if i is not None]
            assessments = store.assessments([i.id for i in incidents])
            claims = store.claims(ids=[c for i in incidents for c in i.claim_ids])
    if as_json:
        body = {"recorded": new, "dry_run": dry_run, "incidents": incident_summaries(incidents, assessments, claims)}
        typer.echo(json.dumps(body, indent=2, ensure_ascii=False))
    else:
        print_incident_table(incidents, assessments, claims)
    say(f"{action} recorded by {decision.actor}" if new else f"{action}: the same decision was already recorded")
    if dry_run:
        say("dry run: nothing written")


@incidents_app.command("merge")
def merge_command(
    incidents: Annotated[
        list[str], typer.Argument(help="The incidents that are one event.", show_default=False, metavar="INCIDENT")
    ],
    reason: ReasonOption,
    into: Annotated[str | None, typer.Option("--into", help="Keep this id (default: the first given).")] = None,
    actor: ActorOption = None,
    db: DbOption = None,
    dry_run: DryRunOption = False,
    as_json: JsonOption = False,
    quiet_: QuietOption = False,
) -> None:
    """Merge incidents the machine kept apart; every later run keeps them merged.

    Example: civcas incidents merge inc-1a2b inc-3c4d --reason "same strike, one outlet misdated it"
    """
    quiet(quiet_)
    _decide(
        db,
        DecisionAction.MERGE,
        incident_ids=incidents,
        claim_ids=[],
        target=into,
        reason=reason,
        actor=actor,
        dry_run=dry_run,
        as_json=as_json,
    )


@incidents_app.command("split")
def split_command(
    incident: Annotated[str, typer.Argument(help="The incident to split.", show_default=False, metavar="INCIDENT")],
    claims: Annotated[list[str], typer.Argument(help="The claims that leave it.", show_default=False, metavar="CLAIM")],
    reason: ReasonOption,
    into: Annotated[
        str | None, typer.Option("--into", help="Id of the new incident (default: derived from the claims).")
    ] = None,
    actor: ActorOption = None,
    db: DbOption = None,
    dry_run: DryRunOption = False,
    as_json: JsonOption = False,
    quiet_: QuietOption = False,
) -> None:
    """Split claims off an incident into a new one; later runs keep them apart.

    Example: civcas incidents split inc-1a2b doc7:2:ab12 --reason "a second strike the next day"
    """
    quiet(quiet_)
    _decide(
        db,
        DecisionAction.SPLIT,
        incident_ids=[incident],
        claim_ids=claims,
        target=into,
        reason=reason,
        actor=actor,
        dry_run=dry_run,
        as_json=as_json,
        target_must_exist=False,
    )


@incidents_app.command("move-claim")
def move_claim_command(
    claims: Annotated[list[str], typer.Argument(help="The claims to move.", show_default=False, metavar="CLAIM")],
    to: Annotated[str, typer.Option("--to", help="The incident they belong to.")],
    reason: ReasonOption,
    actor: ActorOption = None,
    db: DbOption = None,
    dry_run: DryRunOption = False,
    as_json: JsonOption = False,
    quiet_: QuietOption = False,
) -> None:
    """Move claims to another incident.

    Example: civcas incidents move-claim doc7:2:ab12 --to inc-3c4d --reason "the quote names Mayadin"
    """
    quiet(quiet_)
    _decide(
        db,
        DecisionAction.MOVE_CLAIM,
        incident_ids=[],
        claim_ids=claims,
        target=to,
        reason=reason,
        actor=actor,
        dry_run=dry_run,
        as_json=as_json,
    )


@incidents_app.command("discount")
def discount_command(
    incident: Annotated[str, typer.Argument(help="The incident to discount.", show_default=False, metavar="INCIDENT")],
    reason: ReasonOption,
    actor: ActorOption = None,
    db: DbOption = None,
    dry_run: DryRunOption = False,
    as_json: JsonOption = False,
    quiet_: QuietOption = False,
) -> None:
    """Grade an incident 'discounted' (not counted in tallies) until restored.

    Example: civcas incidents discount inc-1a2b --reason "the victims were fighters (monitor follow-up)"
    """
    quiet(quiet_)
    _decide(
        db,
        DecisionAction.DISCOUNT,
        incident_ids=[incident],
        claim_ids=[],
        target=None,
        reason=reason,
        actor=actor,
        dry_run=dry_run,
        as_json=as_json,
    )


@incidents_app.command("restore")
def restore_command(
    incident: Annotated[str, typer.Argument(help="The discounted incident.", show_default=False, metavar="INCIDENT")],
    reason: ReasonOption,
    actor: ActorOption = None,
    db: DbOption = None,
    dry_run: DryRunOption = False,
    as_json: JsonOption = False,
    quiet_: QuietOption = False,
) -> None:
    """Undo a discount: the incident is graded from its sources again.

    Example: civcas incidents restore inc-1a2b --reason "new evidence of civilian victims"
    """
    quiet(quiet_)
    _decide(
        db,
        DecisionAction.RESTORE,
        incident_ids=[incident],
        claim_ids=[],
        target=None,
        reason=reason,
        actor=actor,
        dry_run=dry_run,
        as_json=as_json,
    )
