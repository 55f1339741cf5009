"""The Arabic data files compiled once per rule set into phrase indexes and lookup tables."""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass

from civcas.errors import DataFileError
from civcas.extract.arabic_text import PhraseIndex, fold_pattern, fold_phrase
from civcas.extract.rules import RuleFiles
from civcas.records import Qualifier


@dataclass(frozen=True, slots=True)
class HarmWord:
    """What a harm phrase says: its category, form (event or person) and, for person nouns, its number."""

    category: str
    form: str
    number: str  # plural | singular | dual (person nouns); "" for events
    rule: str


@dataclass(frozen=True, slots=True)
class VictimWord:
    """A victim noun: its category, status and grammatical number."""

    category: str | None
    status: str
    number: str
    rule: str


@dataclass(frozen=True, slots=True, eq=False)
class ArabicLex:
    """Every Arabic lexicon and pattern, ready to match folded text."""

    units: dict[str, int]
    scales: dict[str, int]
    fixed: dict[str, tuple[int, str]]
    vague: PhraseIndex
    qualifiers: PhraseIndex
    harm: PhraseIndex
    victims: PhraseIndex
    not_people: PhraseIndex
    including: PhraseIndex
    attack: PhraseIndex
    negations: frozenset[str]
    toll_links: PhraseIndex
    actor_names: PhraseIndex
    military_nouns: PhraseIndex
    noun_modifiers: frozenset[str]
    backing_links: frozenset[str]
    adjectives: PhraseIndex
    owned_by: PhraseIndex
    source_markers: PhraseIndex
    shooter_verbs: frozenset[str]
    not_actors: PhraseIndex
    validity: dict[str, tuple[object, object]]
    speech_verbs: PhraseIndex
    openers: PhraseIndex
    anaphors: frozenset[str]
    claimant_kinds: PhraseIndex
    #: the media's names of two words or more, folded, with _ between words: a hashtag that opens with one signs a
    #: post ("#زمان_الوصل"), even run into the next word ("#زمان_الوصلقدم")
    outlet_tags: tuple[str, ...]
    stance: tuple[tuple[re.Pattern[str], str, str], ...]
    aggregate: tuple[tuple[re.Pattern[str], str], ...]
    features: PhraseIndex
    around: PhraseIndex
    relations: PhraseIndex
    place_preps: PhraseIndex
    #: the one-word entries of ``place_preps``, folded ("قصفت", "ريف"): after و they open another clause or place
    place_prep_words: frozenset[str]
    not_places: frozenset[str]
    common_words: frozenset[str]
    lexicon_singles: frozenset[str]
    #: ``lexicon_singles`` but the victims' words ("القصر", minors, is also a palace in a neighbourhood's name)
    lexicon_singles_but_victims: frozenset[str]
    #: one-word names of sources and nothing else of the lexicons ("الميادين": the channel, and a town)
    source_only_singles: frozenset[str]
    lexicon_multi: tuple[tuple[frozenset[str], PhraseIndex], ...]
    person_names: frozenset[str]
    months: PhraseIndex
    weekdays: dict[str, int]
    weekday_keys: frozenset[str]
    ordinals: dict[str, int]
    #: compound day ordinals (``ordinal_compound_ones``, ``ordinal_teens``, ``ordinal_tens`` of the dates file)
    ordinal_ones: dict[str, int]
    ordinal_teens: frozenset[str]
    ordinal_tens: dict[str, int]
    relative: PhraseIndex
    tags: dict[str, str]
    trigger: re.Pattern[str]
    #: (verbs, objects, max gap, payload): "فقد شخصان حياتهما", a verb whose victims stand before its object
    split_events: tuple[tuple[frozenset[str], frozenset[str], int, object, bool], ...]
    #: every form of a country's people's adjective ("تركي", "الروسية"): never a place
    country_demonyms: frozenset[str]
    #: adjectives after a town's name ("عفرين المحتلة"): no construct
    place_adjectives: frozenset[str]
    #: a country's adjective in Arabic, feminine with the article ("السورية"): after a name it says a place
    #: and its country ("أريحا السورية"), as a city is feminine
    country_adjectives: dict[str, str]
    #: the countries file's Arabic country names, folded ("لبنان", "سوريا")
    country_names: frozenset[str]
    # The word lists of the extraction modules, folded (each field's comment in ``rules.py`` says what it is for).
    # arabic.py: hedges before a harm (claimants file); clause boundaries (harm file)
    hedge: re.Pattern[str]
    clause_boundary: re.Pattern[str]
    # arabic_attribution.py (claimants file)
    phrase_stops: frozenset[str]
    object_stops: frozenset[str]
    object_people: frozenset[str]
    carried_objects: frozenset[str]
    object_bodies: frozenset[str]
    dropped_leads: frozenset[str]
    record_leads: frozenset[str]
    record_adjectives: frozenset[str]
    accuse_verbs: frozenset[str]
    generic_sources: frozenset[str]
    #: the generic sources without the article, for comparing phrases with or without it
    generic_bare: frozenset[str]
    force_ties: frozenset[str]
    source_heads: frozenset[str]
    header_labels: frozenset[str]
    # arabic_figures.py (harm and victims files)
    short_negations: frozenset[str]
    phrase_preps: frozenset[str]
    demonstratives: frozenset[str]
    time_words: frozenset[str]
    wounds_of_the_dead: frozenset[str]
    died_of_wounds_one: frozenset[str]
    own_wounds: frozenset[str]
    own_wound_causes: frozenset[str]
    elided_after: frozenset[str]
    not_people_before: frozenset[str]
    others_after_harm: frozenset[str]
    family_words: frozenset[str]
    family_size_words: frozenset[str]
    companion_only: frozenset[str]
    kin_plurals: tuple[str, ...]
    kin_counts: dict[str, int]
    name_introducers: frozenset[str]
    kin_after_name: frozenset[str]
    kin_duals: frozenset[str]
    dual_verbs: frozenset[str]
    name_stops: frozenset[str]
    list_ends: frozenset[str]
    companions: frozenset[str]
    toll_heads: frozenset[str]
    toll_far_links: frozenset[str]
    toll_between: frozenset[str]
    toll_kinds: frozenset[str]
    # arabic_actors.py (belligerents file)
    owner_links: frozenset[str]
    # arabic_places.py (places file)
    compound_heads: frozenset[str]
    place_links: frozenset[str]
    hospitals: frozenset[str]
    taken_to: frozenset[str]
    institutions: frozenset[str]
    never_names: frozenset[str]
    many_features: frozenset[str]
    #: feature words the places file writes with their article ("العاصمة"): a head in apposition ("العاصمة دمشق"),
    #: not a word that refers back as "المدينة" does
    definite_features: frozenset[str]
    signature_words: frozenset[str]
    name_directions: frozenset[str]
    not_place_before: tuple[str, ...]
    kunya_heads: frozenset[str]
    # arabic_dates.py (dates file)
    times_of_day: frozenset[str]
    past_words: frozenset[str]
    current_words: frozenset[str]
    month_parts: dict[str, str]
    #: an agreement's date, not a strike's: one of these words shortly before it (folded, as a pattern)
    agreement_before: re.Pattern[str]
    #: ... or one of these verbs shortly after a date that opens its clause (folded, as a pattern)
    agreement_after: re.Pattern[str]


def _country_demonyms() -> frozenset[str]:
    """Every form of the countries file's Arabic demonyms, folded: with and without the article, masculine and
    feminine ("الروسي", "روسي", "الروسية", "روسية"). A people's adjective is never a place ("قصف #تركي")."""
    from civcas.gazetteer import datafiles

    out: set[str] = set()
    for c in datafiles.countries().countries:
        for d in c.demonyms:
            f = fold_phrase(d)
            if " " in f or not ("\u0600" <= f[:1] <= "\u06ff"):
                continue
            bare = f.removeprefix("ال")
            stem = bare[:-1] if bare.endswith("ه") else bare
            for form in (stem, stem + "ه", stem + "ين", stem + "ون"):
                out.update((form, "ال" + form))
    return frozenset(out)


def _country_names() -> frozenset[str]:
    """The countries file's Arabic names, folded: "جنوب لبنان" is a part of a country, no admin area."""
    from civcas.gazetteer import datafiles

    return frozenset(
        fold_phrase(n) for c in datafiles.countries().countries for n in c.names if re.search(r"[\u0600-\u06FF]", n)
    )


def _country_adjectives() -> dict[str, str]:
    """The countries file's Arabic feminine demonyms ("السورية" -> SY), folded."""
    from civcas.gazetteer import datafiles

    out: dict[str, str] = {}
    for c in datafiles.countries().countries:
        for d in c.demonyms:
            f = fold_phrase(d)
            if f.startswith("ال") and f.endswith("يه") and " " not in f:
                out.setdefault(f, c.id)
    return out


def _state_adjectives(rules: RuleFiles, known: set[str], rule: str) -> list[tuple[str, object]]:
    """Any other state's forces by the countries file's Arabic demonyms, after a military noun ("الجيش السوداني",
    "غارات جوية إثيوبية"), named as the English side names them (``actors.state_of_country``)."""
    from civcas.extract.actors import state_of_country
    from civcas.gazetteer import datafiles

    out: list[tuple[str, object]] = []
    for c in datafiles.countries().countries:
        for d in c.demonyms:
            f = fold_phrase(d)
            if not f.startswith("ال") or " " in f:
                continue
            state = state_of_country(rules, c.id)
            if state is None:
                continue
            for form in (f, f[2:]):  # definite and indefinite: "الطيران الإثيوبي", "غارات إثيوبية"
                if form not in known:
                    out.append((form, (state, rule)))
    return out


def _with_accusative(words: list[str]) -> list[str]:
    """Nouns and their accusative form: after eleven and up the count takes "مدنياً", "شخصاً", "جريحاً"."""
    out = []
    for w in words:
        out.append(w)
        f = fold_phrase(w)
        if " " not in f and not f.endswith(("ا", "ه", "ء", "ي" if f.endswith("اي") else "\0")):
            out.append(f + "ا")
    return out


def _words(words: list[str]) -> frozenset[str]:
    """A data file's word list, folded."""
    return frozenset(fold_phrase(w) for w in words)


def _alternation(words: list[str]) -> str:
    """A regular expression that matches any of the words, folded, in the file's order (none: matches nothing)."""
    return "|".join(re.escape(fold_phrase(w)) for w in words) or "(?!)"


def _require(rules: RuleFiles) -> None:
    missing = [k for k in ("ar_numbers", "ar_qualifiers", "ar_harm", "ar_victims", "ar_belligerents",
                           "ar_claimants", "ar_stance", "ar_aggregate", "ar_places", "ar_dates")
               if getattr(rules, k) is None]
    if missing:
        raise DataFileError(f"RuleFiles: no Arabic rules loaded ({', '.join(missing)}); expected load_rules()")


@functools.cache
def arabic_lex(rules: RuleFiles) -> ArabicLex:
    """Compile the Arabic rule files of ``rules`` (cached per rule set)."""
    _require(rules)
    t = rules.tags
    num, qual, harm, vic, bel = rules.ar_numbers, rules.ar_qualifiers, rules.ar_harm, rules.ar_victims, \
        rules.ar_belligerents
    cl, st, ag, pl, da = rules.ar_claimants, rules.ar_stance, rules.ar_aggregate, rules.ar_places, rules.ar_dates
    assert num and qual and harm and vic and bel and cl and st and ag and pl and da
    # One phrase may be an event and a person noun at once ("إصابة": an injury, and one injured).
    harm_words: dict[str, list[HarmWord]] = {}
    for e in harm.entries:
        rule = f"{t['ar_harm']}#{e.id}"
        number = "plural" if e.form == "person" else ""
        for phrases, form, gnum in ((e.phrases, e.form, number), (_with_accusative(e.singular), "person", "singular"),
                                   (e.dual, "person", "dual")):
            for p in phrases:
                harm_words.setdefault(fold_phrase(p), []).append(HarmWord(e.category, form, gnum, rule))
    harm_items: list[tuple[str, object]] = [(p, tuple(ws)) for p, ws in harm_words.items()]
    victim_items: list[tuple[str, object]] = []
    for v in vic.entries:
        rule = f"{t['ar_victims']}#{v.id}"
        for number, words in (("plural", _with_accusative(v.plural)), ("singular", _with_accusative(v.singular)),
                              ("dual", v.dual)):
            victim_items += [(w, VictimWord(v.category, v.status, number, f"{rule}_{number}")) for w in words]
    including = [(w, Qualifier.MENTIONED) for w in vic.including] + [(w, Qualifier.MOSTLY) for w in vic.mostly]
    validity: dict[str, tuple[object, object]] = {}
    names: list[tuple[str, object]] = []
    adjectives: list[tuple[str, object]] = []
    for b in bel.entries:
        validity[b.canonical] = (b.valid_from, b.valid_to)
        names += [(n, (b.canonical, f"{t['ar_belligerents']}#{b.id}")) for n in b.names]
        adjectives += [(a, (b.canonical, f"{t['ar_belligerents']}#{b.id}_adj")) for a in b.adjectives]
    adjectives += _state_adjectives(rules, {fold_phrase(a) for a, _ in adjectives}, f"{t['ar_belligerents']}#state_adj")
    kinds = [(p, (e.kind, e.id)) for e in cl.entries for p in e.phrases]
    flags = 0
    stance = tuple(
        (re.compile(fold_pattern(e.regex), flags), str(e.stance), f"{t['ar_stance']}#{e.id}") for e in st.entries
    )
    aggregate = tuple((re.compile(fold_pattern(e.regex), flags), f"{t['ar_aggregate']}#{e.id}") for e in ag.entries)
    # Any harm, strike or stance word as a bare substring: sentences without one are skipped unread.
    stems = {fold_phrase(p).split()[0] for p in list(harm_words) + harm.attack}
    stems = {w.removeprefix("ال") if len(w) > 4 else w for w in stems}
    stance_words = [e.regex for e in st.entries]
    trigger = re.compile("|".join([*sorted(map(re.escape, stems), key=len, reverse=True),
                                   *(f"(?:{fold_pattern(r)})" for r in stance_words)]))
    feats = [(w, (f.kind, f.id)) for f in pl.features for w in f.words]
    rels = [(w, (r.relation, r.id)) for r in pl.relations for w in r.words]
    indexes = dict(
        vague=PhraseIndex(
            [(v.text, (v.low, v.high, f"{t['ar_numbers']}#{v.id}")) for v in num.vague], article=False
        ),
        qualifiers=PhraseIndex(
            [(p, (Qualifier(q.qualifier), f"{t['ar_qualifiers']}#{q.id}")) for q in qual.entries for p in q.phrases],
            article=False,
        ),
        harm=PhraseIndex(harm_items, article=True),
        victims=PhraseIndex(victim_items, article=True),
        not_people=PhraseIndex([(w, True) for w in vic.not_people], article=True),
        including=PhraseIndex(including, article=False),
        attack=PhraseIndex([(w, True) for w in harm.attack], article=True),
        toll_links=PhraseIndex([(w, True) for w in harm.toll_links], article=False),
        actor_names=PhraseIndex(names, article=False),
        military_nouns=PhraseIndex([(w, True) for w in bel.military_nouns], article=True),
        adjectives=PhraseIndex(adjectives, article=False, clitics=False),
        owned_by=PhraseIndex([(w, True) for w in bel.owned_by], article=True),
        source_markers=PhraseIndex([(w, True) for w in bel.source_markers], article=False),
        not_actors=PhraseIndex([(w, True) for w in bel.not_names], article=False),
        speech_verbs=PhraseIndex([(w, True) for w in cl.speech_verbs], article=False),
        openers=PhraseIndex([(w, True) for w in cl.source_openers], article=False),
        claimant_kinds=PhraseIndex(kinds, article=True),
        features=PhraseIndex(feats, article=True),
        around=PhraseIndex([(w, True) for w in pl.around], article=True),
        relations=PhraseIndex(rels, article=False),
        place_preps=PhraseIndex([(w, True) for w in pl.prepositions], article=False),
        months=PhraseIndex([(k, v) for k, v in da.months.items()], article=False),
        relative=PhraseIndex(
            [(p, (r.start, r.end, r.precision, f"{t['ar_dates']}#{r.id}")) for r in da.relative for p in r.phrases],
            article=False,
        ),
    )
    # The words of every lexicon a place name must not be (see arabic_places._lexicon_word): one-word
    # phrases at once, longer ones checked in full where their first word occurs.
    singles: set[str] = set()
    but_victims: set[str] = set()
    others: set[str] = set()
    multi: list[tuple[frozenset[str], PhraseIndex]] = []
    for key in ("attack", "victims", "features", "around", "relations", "place_preps", "months", "relative",
                "actor_names", "military_nouns", "speech_verbs", "including", "vague", "qualifiers", "owned_by",
                "not_people", "claimant_kinds", "openers"):
        singles |= indexes[key].singles
        if key != "victims":
            but_victims |= indexes[key].singles
        if key != "claimant_kinds":
            others |= indexes[key].singles
        multi.append((indexes[key].multi_firsts, indexes[key]))
    return ArabicLex(
        units={fold_phrase(k): v for k, v in num.units.items()},
        scales={fold_phrase(k): v for k, v in num.scales.items()},
        fixed={fold_phrase(p.text): (p.value, f"{t['ar_numbers']}#{p.id}") for p in num.phrases},
        vague=indexes["vague"],
        qualifiers=indexes["qualifiers"],
        harm=indexes["harm"],
        victims=indexes["victims"],
        not_people=indexes["not_people"],
        including=indexes["including"],
        attack=indexes["attack"],
        negations=frozenset(fold_phrase(w) for w in harm.negations),
        toll_links=indexes["toll_links"],
        actor_names=indexes["actor_names"],
        military_nouns=indexes["military_nouns"],
        noun_modifiers=frozenset(fold_phrase(w) for w in bel.noun_modifiers),
        backing_links=frozenset(fold_phrase(w) for w in bel.backing_links),
        adjectives=indexes["adjectives"],
        owned_by=indexes["owned_by"],
        source_markers=indexes["source_markers"],
        shooter_verbs=frozenset(fold_phrase(w) for w in bel.shooter_verbs),
        not_actors=indexes["not_actors"],
        validity=validity,
        speech_verbs=indexes["speech_verbs"],
        openers=indexes["openers"],
        anaphors=frozenset(fold_phrase(w) for a in cl.anaphors for w in a.words),
        claimant_kinds=indexes["claimant_kinds"],
        outlet_tags=tuple(sorted({fold_phrase(p).replace(" ", "_") for e in cl.entries if e.kind == "media"
                                  for p in e.phrases if " " in p.strip()})),
        stance=stance,
        aggregate=aggregate,
        features=indexes["features"],
        around=indexes["around"],
        relations=indexes["relations"],
        place_preps=indexes["place_preps"],
        place_prep_words=frozenset(f for w in pl.prepositions if len(f := fold_phrase(w)) > 1 and " " not in f),
        not_places=frozenset(fold_phrase(w) for w in pl.not_places),
        common_words=frozenset(
            {fold_phrase(w) for w in pl.not_places} | {fold_phrase(k) for k in da.weekdays}
            | {fold_phrase(k) for k in num.units} | {fold_phrase(w) for w in harm.negations}
        ),
        person_names=frozenset(fold_phrase(w) for w in pl.person_names),
        country_adjectives=_country_adjectives(),
        country_names=_country_names(),
        place_adjectives=frozenset(fold_phrase(w) for w in pl.place_adjectives),
        country_demonyms=_country_demonyms(),
        split_events=tuple(
            (frozenset(fold_phrase(v) for v in e.verbs), frozenset(fold_phrase(o) for o in e.objects), e.max_gap,
             (HarmWord(e.category, "event", "", f"{t['ar_harm']}#{e.id}"),), e.victims == "after")
            for e in harm.split_events
        ),
        months=indexes["months"],
        weekdays={fold_phrase(k): v for k, v in da.weekdays.items()},
        weekday_keys=frozenset(fold_phrase(k) for k in da.weekdays),
        ordinals={fold_phrase(k): v for k, v in da.ordinals.items()},
        ordinal_ones={fold_phrase(k): v for k, v in da.ordinal_compound_ones.items()},
        ordinal_teens=frozenset(fold_phrase(w) for w in da.ordinal_teens),
        ordinal_tens={fold_phrase(k): v for k, v in da.ordinal_tens.items()},
        relative=indexes["relative"],
        tags=dict(t),
        trigger=trigger,
        lexicon_singles=frozenset(singles),
        lexicon_singles_but_victims=frozenset(but_victims),
        source_only_singles=frozenset(indexes["claimant_kinds"].singles - others),
        lexicon_multi=tuple(multi),
        # "أنباء عن مقتل", "ويعتقد أن": a harm reported from no one in particular
        hedge=re.compile(rf"(?<![\w])[وف]?(?:{_alternation(cl.hedges)})(?![\w])"),
        # a comma, a semicolon or a word that opens a clause ("فيما", "في حين")
        clause_boundary=re.compile(rf"[،؛;,]|(?<![\w])(?:{_alternation(harm.clause_words)})(?![\w])"),
        phrase_stops=_words(cl.phrase_stops),
        object_stops=_words(cl.object_stops),
        object_people=_words(cl.object_people),
        carried_objects=_words(cl.carried_objects),
        object_bodies=_words(cl.object_bodies),
        dropped_leads=_words(cl.dropped_leads),
        record_leads=_words(cl.record_leads),
        record_adjectives=_words(cl.record_adjectives),
        accuse_verbs=_words(cl.accuse_verbs),
        generic_sources=_words(cl.generic_sources),
        generic_bare=frozenset(w.removeprefix("ال") for w in _words(cl.generic_sources)),
        force_ties=_words(cl.force_ties),
        source_heads=_words(cl.source_heads),
        header_labels=_words(cl.header_labels),
        short_negations=_words(harm.short_negations),
        phrase_preps=_words(harm.phrase_preps),
        demonstratives=_words(harm.demonstratives),
        time_words=_words(harm.time_words),
        wounds_of_the_dead=_words(harm.wounds_of_the_dead),
        died_of_wounds_one=_words(harm.died_of_wounds_one),
        own_wounds=_words(harm.own_wounds),
        own_wound_causes=_words(harm.own_wound_causes),
        elided_after=_words(harm.elided_after),
        not_people_before=_words(vic.not_people_before),
        others_after_harm=_words(vic.others_after_harm),
        family_words=_words(vic.family_words),
        family_size_words=_words(vic.family_size_words),
        companion_only=_words(vic.companion_only),
        kin_plurals=tuple(fold_phrase(w) for w in vic.kin_plurals),
        kin_counts={fold_phrase(k): v for k, v in vic.kin_counts.items()},
        name_introducers=_words(vic.name_introducers),
        kin_after_name=_words(vic.kin_after_name),
        kin_duals=_words(vic.kin_duals),
        dual_verbs=_words(harm.dual_verbs),
        name_stops=_words(vic.name_stops),
        list_ends=_words(vic.list_ends),
        companions=_words(["و", *vic.companions]),
        toll_heads=_words(harm.toll_heads),
        toll_far_links=_words(harm.toll_far_links),
        toll_between=_words(harm.toll_between),
        toll_kinds=_words(harm.toll_kinds),
        owner_links=_words(bel.owner_links),
        compound_heads=_words(pl.compound_heads),
        place_links=_words(pl.links),
        hospitals=_words(pl.hospitals),
        taken_to=_words(pl.taken_to),
        institutions=_words(pl.institutions),
        never_names=_words(pl.never_names),
        many_features=_words(pl.many_features),
        definite_features=frozenset(fold_phrase(w) for f in pl.features for w in f.words if w.startswith("ال")),
        signature_words=_words(pl.signature_words),
        name_directions=_words(pl.name_directions),
        not_place_before=tuple(fold_phrase(p) for p in pl.not_place_before),
        kunya_heads=_words(pl.kunya_heads),
        times_of_day=_words(da.times_of_day),
        past_words=_words(da.past_words),
        current_words=_words(da.current_words),
        month_parts={fold_phrase(w): part for part, ws in da.month_parts.items() for w in ws},
        agreement_before=re.compile(rf"(?<![\w])[وب]?(?:{_alternation(da.agreement_words)})(?![\w])"),
        agreement_after=re.compile(rf"(?<![\w])[وف]?(?:{_alternation(da.agreement_after)})(?![\w])"),
    )
