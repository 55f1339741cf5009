"""Load and validate the lexicons and patterns under ``civcas/data``.

Each file is YAML with a header (``schema``, ``version``, ``sources``,
``license``, ``changelog``) and a body whose shape the schema names. Files
are validated with pydantic (``extra="forbid"``) and every problem is
reported at once, naming the file and the entry, so a linguist editing a
lexicon sees all their typos in one run.
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any, Literal

import yaml
from pydantic import BaseModel, ConfigDict, Field, ValidationError, field_validator

from civcas import datayaml
from civcas.errors import DataFileError

DATA = Path(__file__).resolve().parent.parent / "data"


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class ChangelogEntry(_Strict):
    version: int
    date: date
    note: str


class Header(_Strict):
    schema_: str = Field(alias="schema")
    name: str
    language: str | None = None
    version: int
    sources: list[str]
    license: str
    changelog: list[ChangelogEntry]


# --- bodies -----------------------------------------------------------------------------------------


class NumberPhrase(_Strict):
    id: str
    text: str
    value: int
    note: str | None = None


class VagueWord(_Strict):
    id: str
    text: str
    low: int | None
    high: int | None
    note: str | None = None


class NumbersFile(Header):
    units: dict[str, int]
    scales: dict[str, int]
    phrases: list[NumberPhrase]
    vague: list[VagueWord]


class QualifierEntry(_Strict):
    id: str
    qualifier: Literal["exact", "at_least", "more_than", "approx", "up_to"]
    phrases: list[str]
    note: str | None = None


class QualifiersFile(Header):
    entries: list[QualifierEntry]


class HarmEntry(_Strict):
    id: str
    category: Literal["killed", "injured", "killed_or_injured"]
    form: Literal["active", "passive", "noun_after", "noun_before", "left"]
    phrases: list[str]
    note: str | None = None


class WoundsOfTheDead(_Strict):
    verbs: list[str]
    links: list[str]
    nouns: list[str]
    #: words that, between the wounded and a death's verb, say someone else died ("wounded ... where one died")
    breaks: list[str] = []


class ThingObjects(_Strict):
    verbs: list[str]
    objects: list[str]


class HarmFile(Header):
    entries: list[HarmEntry]
    left_verbs: list[str]
    attack_nouns: list[str]
    attack_verbs: list[str]
    #: of the attack words, an arrest's or an abduction's: a raid that detains people is an incident even in a text
    #: that gives other figures
    detention: list[str] = []
    #: words of an airborne raid (an airdrop, helicopters): a detention told with them, or with the coalition, is one
    #: a monitor of air power codes
    airborne: list[str] = []
    negations: list[str]
    #: a death's verbs and the words that lead from them to the wound it came of ("died of wounds he sustained",
    #: "succumbed to his injuries"): that wound is no injury of its own
    wounds_of_the_dead: WoundsOfTheDead | None = None
    #: words that set a count apart from one told before it ("and 14 others wounded"): the victims counted before
    #: wounded "others" are the dead
    others: list[str] = []
    #: words that add a count to one told before it ("9 victims, in addition to 40 wounded"): the victims counted
    #: beside a wounded count so joined are the dead
    additive: list[str] = []
    #: openers of a sentence that tells another event than the one before ("In a separate incident, ...")
    another_event: list[str] = []
    #: openers of a sentence that tells an earlier strike as background ("The last strike on the town was ..."): its
    #: own event, which no later statement joins
    previous_event: list[str] = []
    #: words anywhere in a sentence that put its harm away from the place told before ("elsewhere in the province")
    elsewhere: list[str] = []
    #: harm verbs that also take things as objects, and those things: "executed four airstrikes", "shot a video"
    #: are no harm (the object up to three words after the verb)
    thing_objects: ThingObjects | None = None
    #: the words a force uses of its own kills only ("neutralised", "eliminated"): a military source telling of them
    #: tells of its own strike, whoever else the sentence names
    own_kill: list[str] = []


class VictimEntry(_Strict):
    id: str
    category: str | None
    status: Literal["civilian", "combatant", "unspecified"]
    plural: list[str]
    singular: list[str]
    note: str | None = None


class VictimPronouns(_Strict):
    one: list[str]
    many: list[str]


class VictimsFile(Header):
    entries: list[VictimEntry]
    pronouns: VictimPronouns
    category_openers: list[str]
    #: people nouns that take the status of the body they belong to ("two members of the SDF")
    member_nouns: list[str] = []
    #: armed bodies whose members are combatants ("members of the Asayish security forces")
    armed_bodies: list[str] = []
    #: people nouns of rank in a body ("an ISIS leader", "two al-Qaeda commanders"): combatants with an armed body's
    #: name before them, as member_nouns are
    rank_nouns: list[str] = []


class BelligerentEntry(_Strict):
    id: str
    canonical: str
    names: list[str]
    adjectives: list[str] = []
    valid_from: date | None = None
    valid_to: date | None = None
    #: ISO 3166-1 alpha-2 codes of the only countries the force fights in (a last hint at the event's country)
    operates_in: list[str] = []
    #: the force strikes only outside its own country (US, UK and French forces): its country's name, said by or of it,
    #: is whose strike, never where
    abroad_only: bool = False
    note: str | None = None


class BelligerentsFile(Header):
    military_nouns: list[str]
    #: the attacking nouns after another state's demonym ("the Nigerian Air Force"); none: no state fallback
    state_nouns: list[str] = []
    #: phrases before a force that make it the one a strike serves, not the striker ("at the request of")
    served_before: list[str] = []
    #: words between a force's noun and the leader or side it fights for ("warplanes loyal to Haftar")
    allegiance: list[str] = []
    #: installations before "of" and a force, which is then the target ("positions of Iran-backed militias")
    targets_of: list[str] = []
    #: ISO 3166-1 alpha-2 -> the force a bare "occupation" means in that country's reporting
    occupiers: dict[str, str] = {}
    #: ISO 3166-1 alpha-2 -> the coalition a bare "coalition" means there (another than the US-led one)
    coalitions: dict[str, str] = {}
    #: adjectives that, after a coordinated force or a possessive ("government troops and allied militia", "its
    #: allied militias"), say whose side a force is on: that force's, not the adjective's entry
    ally_words: list[str] = []
    #: words between a state's adjective and a military noun that make the force the state's enemy ("Syrian rebel
    #: fighters", "Syrian opposition forces")
    opposed_words: list[str] = []
    not_names: list[str] = []
    entries: list[BelligerentEntry]


class Anaphor(_Strict):
    id: str
    words: list[str]
    kinds: list[str]


class ClaimantEntry(_Strict):
    id: str
    kind: str
    phrases: list[str]
    note: str | None = None


class Organisation(_Strict):
    """One source under its several names ("SOHR", "the Syrian Observatory"), so its statements group together."""

    id: str
    name: str
    aliases: list[str]
    note: str | None = None


class ClaimantsFile(Header):
    speech_verbs: list[str]
    #: speech verbs whose participle after a noun is an adjective ("men accused of spying"), with the words after it
    #: that make it one
    participle_verbs: list[str] = []
    participle_after: list[str] = []
    #: words after a verb that make it a motion, not speech ("a mortar round slammed into their house")
    motion_after: list[str] = []
    source_openers: list[str]
    anaphors: list[Anaphor]
    entries: list[ClaimantEntry]
    organisations: list[Organisation] = []


class RegexEntry(_Strict):
    id: str
    regex: str
    stance: Literal["denies", "disputes", "acknowledges", "estimates"] | None = None
    note: str | None = None

    @field_validator("regex")
    @classmethod
    def _compiles(cls, value: str) -> str:
        try:
            re.compile(value)
        except re.error as exc:
            raise ValueError(f"regex does not compile: {exc}") from None
        return value


class StanceFile(Header):
    entries: list[RegexEntry]


class AggregateFile(Header):
    entries: list[RegexEntry]
    # What may stand just before a tally cue and makes it date or qualify something else ("the deadliest
    # attack this year", "fighting that erupted late last year"): the cue then marks no tally.
    dating_context: list[RegexEntry] = []


class FeatureEntry(_Strict):
    id: str
    kind: str
    words: list[str]


class RelationEntry(_Strict):
    id: str
    relation: str
    words: list[str]


class PlacesFile(Header):
    features: list[FeatureEntry]
    around: list[str]
    relations: list[RelationEntry]
    prepositions: list[str]
    not_places: list[str]
    person_names: list[str] = []
    origin_people: list[str] = []
    #: ISO2 -> names of admin units only that country's system has ("local government area": Nigeria)
    country_admin_words: dict[str, list[str]] = {}
    #: ISO2 -> armed groups that fight in that country only ("Boko Haram": Nigeria), a weak vote for it
    group_countries: dict[str, list[str]] = {}
    #: Nouns a people's adjective after them makes someone's forces or strikes ("القصف الروسي"): whose, not where
    force_nouns: list[str] = []
    #: Of those, the nouns of strikes from afar and of occupation ("قصف تركي", "الاحتلال التركي"): the adjective's
    #: country is not even a last resort for where the event was
    abroad_nouns: list[str] = []
    #: Adjectives that follow a town's name ("عفرين المحتلة", "أطمة الحدودية"): the name governs no construct
    place_adjectives: list[str] = []
    # The English place patterns' word lists (places.en; extract/places.py and extract/geoparse.py build their
    # regexes from them once at load; each key's comment in the data file says what it is for). Empty by default: the
    # Arabic file has none, and an empty list matches nothing.
    calendar_words: list[str] = []
    name_connectors: list[str] = []
    org_words: list[str] = []
    title_words: list[str] = []
    leading_titles: list[str] = []
    person_before: list[str] = []
    group_before: list[str] = []
    of_place_heads: list[str] = []
    seat_backer_before: list[str] = []
    person_apposition: list[str] = []
    person_kin_of: list[str] = []
    person_roles: list[str] = []
    person_role_verbs: list[str] = []
    body_roles: list[str] = []
    hyphen_roles: list[str] = []
    road_words: list[str] = []
    road_name_heads: list[str] = []
    held_words: list[str] = []
    prep_modifiers: list[str] = []
    countryside_features: list[str] = []
    near_around: list[str] = []
    inner_features: list[str] = []
    settlement_before: list[str] = []
    settlement_after: list[str] = []
    admin_unit_after: list[str] = []
    speaker_verbs: list[str] = []
    speaker_adverbs: list[str] = []
    clause_conjunctions: list[str] = []
    facility_ends: list[str] = []
    taken_verbs: list[str] = []
    taken_to_places: list[str] = []
    since_superlatives: list[str] = []
    since_events: list[str] = []
    dedicated_buildings: list[str] = []
    org_after: list[str] = []
    #: the words between a place and the relative position that locates it from another town (geoparse)
    anchor_gap_words: list[str] = []
    institutions_of: list[str] = []
    state_institutions: list[str] = []
    #: the words after a seat of government that make it its state's government ("the Damascus Government"): no place
    seat_government: list[str] = []
    #: buildings named after their town besides the targets lexicon's ("the Mariupol drama theatre", "the Kabul
    #: airport"): a sizeable town's name before one is a place
    facilities: list[str] = []
    #: the armed ones among them ("Turkey's defence ministry", "Russia's army"): whose forces, not where
    state_forces: list[str] = []
    state_modifiers: list[str] = []
    whose_after: list[str] = []
    abroad_after: list[str] = []
    abroad_modifiers: list[str] = []
    coalition_adjectives: list[str] = []
    force_after: list[str] = []
    force_gap_stops: list[str] = []
    border_places: list[str] = []
    institution_after: list[str] = []
    admin_word_end: list[str] = []
    locative_prepositions: list[str] = []
    locative_modifiers: list[str] = []
    origin_prepositions: list[str] = []
    fled_words: list[str] = []
    possessive_place_words: list[str] = []
    demonym_place_words: list[str] = []
    name_before_bodies: list[str] = []
    name_before_features: list[str] = []
    name_after: list[str] = []
    faiths_after: list[str] = []
    border_words: list[str] = []
    blame_words: list[str] = []
    party_words: list[str] = []
    state_strike_verbs: list[str] = []
    relation_frames: list[str] = []
    origin_frames: list[str] = []
    settlement_frames: list[str] = []
    within_features: list[str] = []
    holder_frames: list[str] = []
    within_links: list[str] = []
    within_modifiers: list[str] = []
    within_areas_of: list[str] = []
    possessive_modifiers: list[str] = []
    possessive_features: list[str] = []
    list_leads: list[str] = []
    relation_appositions: list[str] = []


class RelativeDate(_Strict):
    id: str
    phrases: list[str]
    #: ``same_day``: the day of the event told just before ("on the same day", "في اليوم ذاته"), not the reference's;
    #: ``next_day`` / ``previous_day``: the day after or before it ("في اليوم التالي", "في اليوم السابق");
    #: ``days_after_N`` / ``week_after``: a strike so long before the one told ("بعد يومين من غارة مماثلة")
    start: int | Literal["weekend", "last_month", "this_month", "this_year", "last_year", "same_day", "next_day",
                         "previous_day", "days_after_1", "days_after_2", "days_after_3", "week_after"]
    end: int | Literal["weekend", "last_month", "this_month", "this_year", "last_year", "same_day", "next_day",
                       "previous_day", "days_after_1", "days_after_2", "days_after_3", "week_after"]
    precision: Literal["day", "days", "week", "month", "year"]


class IntervalWord(_Strict):
    id: str
    phrases: list[str]
    min: int
    max: int


class DatesFile(Header):
    months: dict[str, int]
    weekdays: dict[str, int]
    ordinals: dict[str, int]
    relative: list[RelativeDate]
    interval_words: list[IntervalWord]
    #: regular expressions (group ``year``) of phrases that say which year the text is written in ("the current
    #: year 2023", "منذ بداية العام الحالي 2023")
    writing_year: list[str] = []
    #: words just before a date that make it an agreement's or a truce's, no strike's ("الموقع في آذار 2020",
    #: "signed in March 2020")
    agreement_words: list[str] = []
    #: verbs of concluding an agreement a few words after a date that opens its clause: the date is the
    #: agreement's ("In March 2020, Russia and Turkey signed ...", "وفي أيلول 2018، أبرمت أنقرة وموسكو مذكرة")
    agreement_after: list[str] = []


class WordClass(_Strict):
    id: str
    words: list[str]
    note: str | None = None


class TargetsFile(Header):
    targets: list[WordClass]
    weapons: list[WordClass]


# --- Arabic-script bodies (see docs/arabic.md): Arabic marks number on the noun (singular = one,
# dual = two), so harm and victim nouns list those forms apart; forces own targets named before them.


class ArabicHarmEntry(_Strict):
    id: str
    category: Literal["killed", "injured", "killed_or_injured"]
    form: Literal["event", "person"]
    phrases: list[str] = []
    singular: list[str] = []
    dual: list[str] = []
    note: str | None = None


class ArabicSplitEvent(_Strict):
    """A harm verb whose victims stand between it and its object: "فقد شخصان حياتهما" (two people lost their lives)."""

    id: str
    category: Literal["killed", "injured", "killed_or_injured"]
    verbs: list[str]
    objects: list[str]
    max_gap: int = 6
    #: where the victims stand: between the verb and its object ("فقد شخصان حياتهما"), or after the object, the verb's
    #: subject between ("أودى القصف بحياة 7 أشخاص")
    victims: Literal["between", "after"] = "between"
    note: str | None = None


class ArabicHarmFile(Header):
    entries: list[ArabicHarmEntry]
    attack: list[str]
    #: of the attack words, an arrest's or an abduction's (as ``HarmFile.detention``)
    detention: list[str] = []
    #: words of an airborne raid (as ``HarmFile.airborne``)
    airborne: list[str] = []
    negations: list[str]
    #: of the negations, the verbal particles that reach only the next two words ("لم تسجل إصابات")
    short_negations: list[str]
    toll_links: list[str]
    split_events: list[ArabicSplitEvent] = []
    #: words of a short phrase between a harm verb and its victims ("وقتل خلال الغارة شخصان")
    phrase_preps: list[str]
    #: demonstratives before the attack's noun in such a phrase ("راح ضحية هذه الهجمات 40 شخصاً")
    demonstratives: list[str] = []
    #: words of the time a harm verb may be followed by before its victims ("قتل أمس الأربعاء 9 مدنيين")
    time_words: list[str] = []
    #: words after a count that shares an earlier verb and give it its own place or time ("و3 في حاس")
    elided_after: list[str]
    #: words that open a new clause: where two statements of one sentence are cut apart
    clause_words: list[str]
    #: words right before an injury word that make it the wound a death came of ("متأثرا بإصابته", "بعد تعرضه
    #: لإصابة"): not an injury of its own
    wounds_of_the_dead: list[str]
    #: the singular of those right after a death verb ("توفي متأثراً بإصابته"): the one who died, with no noun
    died_of_wounds_one: list[str] = []
    #: a wound with its owner's pronoun (إصابتها) and the cause words before it that make it the wound a death came of
    #: ("وفاة السيدة ... جراء إصابتها")
    own_wounds: list[str] = []
    own_wound_causes: list[str] = []
    #: words that open the cause of the harm told before ("بقصف", "جراء"): a full stop before one is a slip, not the
    #: end of the sentence ("استشهاد الصحفي ... من مدينة عفرين. بقصف طائرة حربية ... في محيط سد تشرين")
    cause_openers: list[str] = []
    #: the dual of harm verbs ("قتلا", "أصيبتا"): two victims, when no count goes with the verb ("أن مدنيين أصيبا
    #: بجروح", "شخص وآخر مجهول الهوية، قُتلا")
    dual_verbs: list[str] = []
    #: words that set a count apart from one told before it ("وأصيب 14 آخرون"), as ``HarmFile.others``
    others: list[str] = []
    #: words that add a count to one told before it ("بالإضافة إلى 40 جريحاً"), as ``HarmFile.additive``
    additive: list[str] = []
    #: openers of a sentence that tells another event ("وفي حادثة منفصلة"), as ``HarmFile.another_event``
    another_event: list[str] = []
    #: openers of a sentence that tells an earlier strike ("وكان آخر قصف"), as ``HarmFile.previous_event``
    previous_event: list[str] = []
    #: words anywhere in a sentence that put its harm elsewhere ("في مناطق أخرى"), as ``HarmFile.elsewhere``
    elsewhere: list[str] = []
    #: the heads of a toll ("عدد الشهداء", "حصيلة القتلى"), with the clitics written onto them
    toll_heads: list[str] = []
    #: the word that brings a toll's count after a phrase on its event ("ارتفع عدد الشهداء جراء ... إلى سبعة")
    toll_far_links: list[str] = []
    #: a toll between a harm verb and its count ("راح ضحيتها في حصيلة أولية 12"), and the words on how final it is
    toll_between: list[str] = []
    toll_kinds: list[str] = []


class ArabicVictimEntry(_Strict):
    id: str
    category: str | None
    status: Literal["civilian", "combatant", "unspecified"]
    singular: list[str] = []
    dual: list[str] = []
    plural: list[str] = []
    note: str | None = None


class ArabicVictimsFile(Header):
    entries: list[ArabicVictimEntry]
    including: list[str]
    mostly: list[str]
    not_people: list[str]
    #: words before a number that make it no count of people ("الساعة 11", "الفوج 46")
    not_people_before: list[str]
    #: "others" after two harm verbs ("استشهد وأصيب آخرون"): each verb has its own victims
    others_after_harm: list[str]
    #: a family after a group and "من" ("4 أطفال من عائلة واحدة"): where they come from, not a second group
    family_words: list[str]
    #: words between a family and the count of its members ("عائلة مكونة من 6 أشخاص")
    family_size_words: list[str] = []
    #: singular nouns that count a victim only with a companion joined by و after them ("أم وابنها")
    companion_only: list[str] = []
    #: stems of relatives in the plural, and the definite numbers that count them after ("أطفالهما الثلاثة")
    kin_plurals: list[str]
    kin_counts: dict[str, int]
    #: words that introduce one named person ("المدعو", "يدعى")
    name_introducers: list[str]
    #: kin written with و after a name ("وابنه"): one more person named
    kin_after_name: list[str]
    #: two relatives, a dual with its pronoun ("وطفلاهما"), after a name or a person
    kin_duals: list[str] = []
    #: words that end a person's name after a count
    name_stops: list[str]
    #: words besides و that join a companion to a victim ("امرأة مع ابنها", "برفقة شقيقه")
    companions: list[str] = []
    #: words that end a list of named people
    list_ends: list[str]


class ArabicBelligerentsFile(Header):
    military_nouns: list[str]
    noun_modifiers: list[str]
    owned_by: list[str]
    #: words between an owner noun and the force that owns it ("عنصر من قسد", "التابعة لـ")
    owner_links: list[str]
    source_markers: list[str]
    #: verbs of firing right before an owner noun, whose subject it is ("أطلق الجنود الأتراك الرصاص"): the owner
    #: noun names the shooters, not the force's victims
    shooter_verbs: list[str] = []
    not_names: list[str] = []
    #: words after a force that tie it to its backer ("قسد المدعومة أمريكيا", "طائرة مسيرة تابعة للتحالف"): the
    #: subject of a verb runs on over them to the backer
    backing_links: list[str] = []
    entries: list[BelligerentEntry]


class ArabicClaimantsFile(ClaimantsFile):
    """The claimants schema with the word lists of the Arabic claimant phrase (``arabic_attribution``)."""

    #: words that end a claimant phrase ("أن", "في", "بمقتل", what a denial denies: "تنفيذ")
    phrase_stops: list[str]
    object_stops: list[str] = []
    #: a person's title that opens the verb's object, never part of the speaker's name ("نعى ناشطون الشاب ...")
    object_people: list[str] = []
    object_bodies: list[str] = []
    #: what a verb of saying carries when it is no speech ("نقل جثمان الضحية", "نقلت المصابين": transport)
    carried_objects: list[str] = []
    #: words dropped from the head of a claimant phrase ("بعض", "أحد")
    dropped_leads: list[str]
    #: a record a source keeps, dropped from the head of a claimant phrase with its adjective: "وفق حصيلة جديدة
    #: للدفاع المدني" is the civil defence's
    record_leads: list[str] = []
    record_adjectives: list[str] = []
    #: verbs whose subject accuses the force named right after it ("اتهم ناشطون الطيران الروسي")
    accuse_verbs: list[str]
    #: sources that name no one ("مصادر", "تقارير")
    generic_sources: list[str]
    #: words that tie a force to the noun before it ("الناطق باسم الجيش الوطني")
    force_ties: list[str]
    #: generic sources a body may follow with في or من ("مصدر في الدفاع المدني"): the body is part of the name
    source_heads: list[str] = []
    #: labels a post's header may open with before its source ("عاجل", "بالفيديو")
    header_labels: list[str]
    #: words before a harm that report it from no one in particular ("أنباء عن", "يعتقد")
    hedges: list[str]


class ArabicPlacesFile(PlacesFile):
    """The places schema with the word lists of Arabic place reading (``arabic_places``)."""

    #: first words of compound names that need the next word ("عين عيسى", "تل أبيض")
    compound_heads: list[str]
    #: words that may stand between a place and the area it lies in ("التابعة", "ضمن", "الغربي")
    links: list[str]
    #: hospitals named by their town, and the verbs that take the wounded there ("نقلوا إلى مشفى كفربطنا")
    hospitals: list[str]
    taken_to: list[str]
    #: nouns of institutions and roads named after a town ("مطار حلب الدولي")
    institutions: list[str]
    #: buildings often named after someone or something ("مستشفى القدس"): told with the places they lie in, their
    #: name is no place
    named_buildings: list[str] = []
    #: words that never name a place, even after a feature word ("المنطقة التي")
    never_names: list[str]
    #: feature words of two or more places ("قريتي"): a name with و after the first is one of them
    many_features: list[str]
    #: heads of a name that always take a second word ("أبو حسب", "أم الفرسان"): never a name alone, and the word
    #: after them is the name's ("حسب" there is not "according to")
    kunya_heads: list[str] = []
    #: a word that is no place before these words ("مسقط رأسه": his birthplace, not Muscat), as "word next"
    not_place_before: list[str] = []
    #: words that make a hashtag of several words an organisation's signature ("#مكتب_الأتارب_الإعلامي")
    signature_words: list[str]
    #: adjectives of direction or size that end a village's name after its feature word ("قرية غريبة الشرقية" is
    #: another village than "غريبة")
    name_directions: list[str] = []
    #: a curse or a plea to God against whoever is named after it, and its preposition ("حسبنا الله على ...",
    #: "لعائن الله تترى على روسيا وإيران"): the countries named there are cursed, not where anything happened
    curse_words: list[str] = []


class ArabicDatesFile(DatesFile):
    """The dates schema with the word lists around Arabic weekdays and months (``arabic_dates``)."""

    #: words before a weekday ("فجر الخميس")
    times_of_day: list[str]
    #: words after a weekday that make it the last one ("الأربعاء الماضي")
    past_words: list[str]
    #: words after a month that make it this year's ("تشرين الثاني الحالي")
    current_words: list[str]
    #: words before a month (or before "شهر" and a month) that name a part of it: early, mid, late ("أواخر شباط")
    month_parts: dict[str, list[str]] = {}
    #: a day's compound ordinal: the ones that open only a compound ("الحادي عشر"), the word after a unit that adds
    #: ten ("الثاني عشر"), the tens after one ("الحادي والعشرين")
    ordinal_compound_ones: dict[str, int] = {}
    ordinal_teens: list[str] = []
    ordinal_tens: dict[str, int] = {}


SCHEMAS: dict[str, type[Header]] = {
    "civcas.targets/1": TargetsFile,
    "civcas.numbers/1": NumbersFile,
    "civcas.qualifiers/1": QualifiersFile,
    "civcas.harm/1": HarmFile,
    "civcas.victims/1": VictimsFile,
    "civcas.belligerents/1": BelligerentsFile,
    "civcas.claimants/1": ClaimantsFile,
    "civcas.stance/1": StanceFile,
    "civcas.aggregate/1": AggregateFile,
    "civcas.places/1": PlacesFile,
    "civcas.dates/1": DatesFile,
    "civcas.harm_ar/1": ArabicHarmFile,
    "civcas.victims_ar/1": ArabicVictimsFile,
    "civcas.belligerents_ar/1": ArabicBelligerentsFile,
    "civcas.claimants_ar/1": ArabicClaimantsFile,
    "civcas.places_ar/1": ArabicPlacesFile,
    "civcas.dates_ar/1": ArabicDatesFile,
}


def _line_of(path: Path, text: str, loc: tuple[Any, ...], raw: Any) -> int:
    """Best-effort line number of a pydantic error location, for the message."""
    node = raw
    ident = None
    for part in loc:
        try:
            node = node[part]
        except (KeyError, IndexError, TypeError):
            break
        if isinstance(node, dict) and "id" in node:
            ident = node["id"]
    if ident is not None:
        for n, line in enumerate(text.splitlines(), 1):
            if re.search(rf"\bid:\s*{re.escape(str(ident))}\b", line):
                return n
    key = next((str(p) for p in reversed(loc) if isinstance(p, str)), None)
    if key:
        for n, line in enumerate(text.splitlines(), 1):
            if re.match(rf"\s*-?\s*{re.escape(key)}:", line):
                return n
    return 1


def load_file(path: Path) -> Header:
    """Validate one data file; raises :class:`DataFileError` listing every problem in it."""
    text = path.read_text(encoding="utf-8")
    try:
        raw = datayaml.safe_load(text)
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        line = mark.line + 1 if mark is not None else 1
        raise DataFileError(f"{path}:{line}: not valid YAML ({exc}); expected a mapping") from None
    if not isinstance(raw, dict) or "schema" not in raw:
        raise DataFileError(f"{path}:1: no 'schema' key; expected one of {sorted(SCHEMAS)}")
    model = SCHEMAS.get(str(raw["schema"]))
    if model is None:
        raise DataFileError(f"{path}:1: unknown schema {raw['schema']!r}; expected one of {sorted(SCHEMAS)}")
    try:
        parsed = model.model_validate(raw)
    except ValidationError as exc:
        problems = [
            f"{path}:{_line_of(path, text, tuple(err['loc']), raw)}: "
            f"{'.'.join(str(p) for p in err['loc'])}: {err['msg']}"
            for err in exc.errors()
        ]
        raise DataFileError("\n".join(problems)) from None
    ids = [e.id for e in getattr(parsed, "entries", []) if hasattr(e, "id")]
    dupes = sorted({i for i in ids if ids.count(i) > 1})
    if dupes:
        raise DataFileError(f"{path}:1: duplicate entry ids {dupes}; ids must be unique within a file")
    stem_version = re.search(r"\.v(\d+)\.yaml$", path.name)
    if stem_version and int(stem_version.group(1)) != parsed.version:
        raise DataFileError(
            f"{path}:1: header version {parsed.version} does not match the file name; expected {stem_version.group(1)}"
        )
    return parsed


@dataclass(frozen=True, slots=True, eq=False)
class RuleFiles:
    """Every lexicon and pattern file extraction uses, with the ``file@version`` tag of each."""

    numbers: NumbersFile
    qualifiers: QualifiersFile
    harm: HarmFile
    victims: VictimsFile
    belligerents: BelligerentsFile
    claimants: ClaimantsFile
    stance: StanceFile
    aggregate: AggregateFile
    places: PlacesFile
    dates: DatesFile
    targets: TargetsFile
    tags: dict[str, str]
    # Arabic-script rules (``civcas.extract.arabic``); defaults keep hand-built RuleFiles valid.
    ar_numbers: NumbersFile | None = None
    ar_qualifiers: QualifiersFile | None = None
    ar_harm: ArabicHarmFile | None = None
    ar_victims: ArabicVictimsFile | None = None
    ar_belligerents: ArabicBelligerentsFile | None = None
    ar_claimants: ArabicClaimantsFile | None = None
    ar_stance: StanceFile | None = None
    ar_aggregate: AggregateFile | None = None
    ar_places: ArabicPlacesFile | None = None
    ar_dates: ArabicDatesFile | None = None

    def tag(self, kind: str, entry_id: str) -> str:
        """``file@version#id``: the rule reference a claim records for provenance."""
        return f"{self.tags[kind]}#{entry_id}"


_FILES = {
    "numbers": "lexicons/numbers.en.v1.yaml",
    "qualifiers": "lexicons/qualifiers.en.v1.yaml",
    "harm": "lexicons/harm.en.v1.yaml",
    "victims": "lexicons/victims.en.v1.yaml",
    "belligerents": "lexicons/belligerents.v1.yaml",
    "claimants": "lexicons/claimants.en.v1.yaml",
    "stance": "patterns/stance.en.v1.yaml",
    "aggregate": "patterns/aggregate.en.v1.yaml",
    "places": "patterns/places.en.v1.yaml",
    "dates": "patterns/dates.en.v1.yaml",
    "targets": "lexicons/targets.en.v1.yaml",
    "ar_numbers": "lexicons/numbers.ar.v1.yaml",
    "ar_qualifiers": "lexicons/qualifiers.ar.v1.yaml",
    "ar_harm": "lexicons/harm.ar.v1.yaml",
    "ar_victims": "lexicons/victims.ar.v1.yaml",
    "ar_belligerents": "lexicons/belligerents.ar.v1.yaml",
    "ar_claimants": "lexicons/claimants.ar.v1.yaml",
    "ar_stance": "patterns/stance.ar.v1.yaml",
    "ar_aggregate": "patterns/aggregate.ar.v1.yaml",
    "ar_places": "patterns/places.ar.v1.yaml",
    "ar_dates": "patterns/dates.ar.v1.yaml",
}


def data_files() -> dict[str, Path]:
    """The data files extraction loads, by kind."""
    return {kind: DATA / rel for kind, rel in _FILES.items()}


@functools.cache
def load_rules(root: Path | None = None) -> RuleFiles:
    """Load every rule file once per process; raises one error listing all bad files."""
    base = root or DATA
    loaded: dict[str, Any] = {}
    problems: list[str] = []
    tags: dict[str, str] = {}
    for kind, rel in _FILES.items():
        path = base / rel
        try:
            loaded[kind] = load_file(path)
        except DataFileError as exc:
            problems.append(str(exc))
            continue
        except OSError as exc:
            problems.append(f"{path}:1: cannot read ({exc.strerror})")
            continue
        name = re.sub(r"\.v\d+\.yaml$", "", Path(rel).name)
        tags[kind] = f"{Path(rel).parent.name}/{name}@v{loaded[kind].version}"
    if problems:
        raise DataFileError("\n".join(problems))
    return RuleFiles(tags=tags, **loaded)
