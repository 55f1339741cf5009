"""The page-furniture cleaner: whole lines only, every rule from the data file, bodies kept."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from civcas.errors import DataFileError
from civcas.ingest import clean, normalise
from civcas.ingest.furniture import FURNITURE_FILE, default_furniture, load_furniture

BODY = "Coalition jets struck a market in the town on Sunday, killing 12 civilians, local activists said."
BODY2 = "The coalition said on Tuesday it was reviewing the report and could not confirm any casualties."


def _rules(text: str) -> list[str]:
    return [r.rule.split("#")[1] for r in clean(text).removed]


@pytest.mark.parametrize(
    ("line", "rule"),
    [
        ("icon bookmark-bicon bookmarkicon cameraicon checkicon chevron downicon closeicon editicon", "icon_list"),
        ("READ MORE: Drone strike hits fuel depot near the border", "read_more"),
        ("Read more - Ministry rejects claims of civilian deaths", "read_more"),
        ("Also read: Three killed as shelling hits village", "read_more"),
        ("اقرأ أيضاً: مقتل ثلاثة مدنيين بقصف على قرية", "read_more_ar"),
        ("previous post: Clashes erupt near the dam", "prev_next_link"),
        ("Share this", "share_widget"),
        ("Facebook Twitter WhatsApp", "share_widget"),
        ("Share on Facebook", "share_widget"),
        ("Share via Email", "share_widget"),
        ("tweet", "share_widget"),
        ("Share this:Click to share on X (Opens in new window)", "share_prompt"),
        ("شارك هذا الموضوع:", "share_prompt"),
        ("فيسبوك تويتر واتساب", "share_widget_ar"),
        ("Follow us on Telegram", "follow_us"),
        ("Copy link to Tweet", "tweet_controls"),
        ("Embed Tweet", "tweet_controls"),
        ("Retweeted", "tweet_controls"),
        ("Loading seems to be taking a while.", "tweet_controls"),
        ("14 retweets", "engagement_count"),
        ("2.1K views", "engagement_count"),
        ("Back to top ↑", "back_to_top"),
        ("Comments are closed.", "comments_closed"),
        ("This site uses Akismet to reduce spam. Learn how your comment data is processed.", "comment_policy"),
        ("Advertisement", "advertisement"),
        ("Already have an account? Sign In", "sign_in"),
        ("© 2024 Example News Network. All rights reserved.", "trust_principles"),
        ("Our Standards: The Thomson Reuters Trust Principles., opens new tab", "trust_principles"),
        ("We use cookies to improve your experience. By continuing you accept our cookie policy.", "cookie_notice"),
        ("Reporting by Hadi Nour in Beirut; editing by Anna Grey and Tom Smith", "credit_line"),
        ("Additional reporting by Sami al-Khatib in Amman and Ola Farid in Cairo; writing by Tom Smith", "credit_line"),
        ("Reporting by Dilan Aziz", "credit_line"),
    ],
)
def test_furniture_line_rules_remove_the_line(line: str, rule: str) -> None:
    text = f"{BODY}\n\n{line}\n\n{BODY2}"
    result = clean(text)
    assert [r.rule.split("#")[1] for r in result.removed] == [rule]
    assert result.text == f"{BODY}\n\n{BODY2}"


@pytest.mark.parametrize(
    "line",
    [
        "Residents said the strike hit a bakery queue in the early morning.",
        "Read the full statement below.",
        "More than 40 civilians were killed in the raid, the monitor said.",
        "The share of civilian deaths rose in 2017.",
        "Follow-up strikes hit the same building an hour later.",
        "The cookies were distributed in the camp, a volunteer said.",
        "17 May, 2017 01:44",
        "12",
        "Latest figures show 30 dead, the ministry said.",
        "Twitter users shared footage of the aftermath, which could not be verified.",
        "Reporting by local activists suggests the toll rose to 12.",
        "Reporting by Syrian monitors said Five people died in the strike.",
    ],
)
def test_furniture_article_lines_are_kept(line: str) -> None:
    text = f"{BODY}\n\n{line}\n\n{BODY2}"
    assert clean(text).text == text


def test_furniture_block_removes_listed_headlines_to_the_end() -> None:
    text = (
        f"{BODY}\n\n{BODY2}\n\nPrev Post\n\nShelling | Two killed in artillery fire on village in Hama countryside\n\n"
        "Next Post\n\nDaily toll | Nine people killed on May 3 across the country\n\n"
        "Security chaos | Gunmen shoot man dead in eastern…\n\nComments are closed."
    )
    result = clean(text)
    assert result.text == f"{BODY}\n\n{BODY2}"
    assert {r.rule.split("#")[1] for r in result.removed} == {"prev_next_post", "comments_closed"}
    assert sum("listed headline" in r.what for r in result.removed) == 3


def test_furniture_block_stops_where_the_article_resumes() -> None:
    text = (
        "Woman injured in shelling on southern village\n\nRelated News\n\n"
        "Man shot dead by unidentified gunmen in W. Daraa, May 21, 2024\n\n"
        "Boy killed by war remnant explosion in E. Hama, May 20, 2024\n\n"
        f"{BODY}\n\n{BODY2}"
    )
    result = clean(text)
    assert result.text == f"Woman injured in shelling on southern village\n\n{BODY}\n\n{BODY2}"


def test_furniture_short_sentence_after_list_is_article_text() -> None:
    text = f"Recommended Stories\n\nlist 1 of 2Drone hits car near the border\n\nTwo were killed.\n\n{BODY}"
    assert clean(text).text == f"Two were killed.\n\n{BODY}"


def test_furniture_headlines_with_full_stops_in_a_trailing_list() -> None:
    text = (
        f"{BODY}\n\nRelated Articles\n\nMinistry issues statement on the raid.\n\nThree killed in blast near the dam."
    )
    assert clean(text).text == BODY


@pytest.mark.issue(4)
def test_furniture_a_closing_list_of_headlines_without_a_header_is_removed() -> None:
    items = [
        "Boy killed by the explosion of a landmine in Deir Ez-Zour City on January 15",
        "Civilian from Idlib died due to torture in a regime prison, Jan 12",
        "Gunmen abduct a girl in Hasaka Governorate on January 14",
    ]
    text = f"{BODY}\n\n{BODY2}\n\n" + "\n\n".join(items)
    result = clean(text)
    assert result.text == f"{BODY}\n\n{BODY2}"
    assert [r.rule.split("#")[1] for r in result.removed] == ["trailing_headlines"] * 3


@pytest.mark.parametrize(
    "tail",
    [
        # two items are not yet a list
        "Boy killed by a landmine in Deir Ez-Zour City\n\nGunmen abduct a girl in Hasaka",
        # short lines that follow no prose: a post made of short lines keeps them
        None,
    ],
)
def test_furniture_short_closing_lines_that_are_no_list_are_kept(tail: str | None) -> None:
    if tail is None:
        text = "Drone strike on a car near Qamishli\n\nTwo killed, one wounded\n\nMore to follow\n\nPray for them"
    else:
        text = f"{BODY}\n\n{tail}"
    assert clean(text).text == text


def test_furniture_a_headed_list_ends_the_trailing_search() -> None:
    # the items before "Prev Post" are the article's own list of the day's deaths, not other headlines
    items = "\n\n".join(f"Two fighters were killed in clashes in village {n} of the western countryside" for n in "ABC")
    text = f"{BODY}\n\n{items}\n\nPrev Post\n\nShelling | Two killed in artillery fire on village in Hama"
    assert clean(text).text == f"{BODY}\n\n{items}"


def test_furniture_repeated_title_keeps_the_first() -> None:
    title = "Coalition denies strikes on eastern town that killed dozens"
    text = f"17 May, 2017 01:44\n\n{title}\n\nShare this\n\n{title}\n\n{BODY}"
    result = clean(text)
    assert result.text == f"17 May, 2017 01:44\n\n{title}\n\n{BODY}"
    assert _rules(text) == ["share_widget", "repeated_line"]


def test_furniture_removals_point_back_into_the_input() -> None:
    text = f"{BODY}\nREAD MORE: Other story\r\n{BODY2}"
    norm = normalise(text)
    result = clean(norm)
    (removal,) = result.removed
    assert norm[removal.start : removal.end] == removal.text == "READ MORE: Other story"
    assert removal.line == 2
    assert removal.rule == "ingest/furniture@v1#read_more"


def test_furniture_nothing_to_remove_returns_the_text_unchanged() -> None:
    text = f"\n\n{BODY}\n\n\n\n{BODY2}  \n"
    result = clean(text)
    assert result.text == text and result.removed == ()


def test_furniture_text_of_only_furniture_becomes_empty() -> None:
    assert clean("Related Articles\n\nThree killed in blast\n\nTwo hurt in crash").text == ""


@settings(max_examples=200, deadline=None)
@given(
    st.lists(
        st.one_of(
            st.text(alphabet=st.characters(exclude_characters="\n\r"), max_size=60),
            st.sampled_from(["", "Share this", "Related News", "Prev Post", "READ MORE: X", BODY, BODY2, "Like"]),
        ),
        max_size=25,
    )
)
def test_furniture_every_kept_line_is_verbatim(lines: list[str]) -> None:
    """Two views of one text agree: the cleaned text is the input's lines minus the removed ones."""
    text = "\n".join(lines)
    result = clean(text)
    removed_lines = {r.line - 1 for r in result.removed}
    for r in result.removed:
        assert text[r.start : r.end] == r.text
    kept_nonblank = [ln for i, ln in enumerate(text.split("\n")) if i not in removed_lines and ln.strip()]
    assert [ln for ln in result.text.split("\n") if ln.strip()] == kept_nonblank


def test_furniture_data_file_validates_and_ids_are_unique() -> None:
    rules = load_furniture(FURNITURE_FILE)
    ids = [c.rule.id for c in (*rules.lines, *rules.blocks)]
    assert len(ids) == len(set(ids)) and rules.tag == "ingest/furniture@v1"


def test_furniture_bad_data_file_lists_every_problem(tmp_path: Path) -> None:
    bad = tmp_path / "furniture.v1.yaml"
    bad.write_text(
        "schema: civcas.furniture/1\nname: furniture\nversion: 1\nsources: [x]\nlicense: CC0-1.0\n"
        "changelog: [{version: 1, date: 2026-11-22, note: x}]\n"
        "headline: {max_chars: 200, short_sentence_chars: 80, paragraph_end: '.*[.]'}\n"
        "lines:\n  - {id: broken_regex, what: x, regex: '(unclosed'}\n"
        "  - {id: typo_key, what: x, regex: 'x', lable: y}\n"
        "blocks: []\n",
        encoding="utf-8",
    )
    with pytest.raises(DataFileError) as info:
        load_furniture(bad)
    message = str(info.value)
    assert "broken_regex" not in message or "regex does not compile" in message
    assert f"{bad}:9:" in message and "regex does not compile" in message
    assert f"{bad}:10:" in message and "lable" in message


@pytest.mark.shared
def test_furniture_seed_003_loses_furniture_keeps_its_body(shared_dir: Path) -> None:
    path = next((shared_dir / "corpus" / "seeds").glob("003_*.txt"))
    text = normalise(path.read_text(encoding="utf-8"))
    result = clean(text)
    assert {r.rule.split("#")[1] for r in result.removed} == {"icon_list", "read_more", "repeated_line"}
    body = [ln for ln in text.split("\n") if len(ln) > 120 and "icon" not in ln]
    assert body and all(ln in result.text for ln in body)


def _fold(text: str) -> str:
    """Alef with hamza or madda as bare alef: a tag list and the article may spell a name differently."""
    return re.sub("[أإآ]", "ا", text)


@pytest.mark.shared
def test_furniture_dev_place_names_survive_cleaning(shared_dir: Path) -> None:
    """A place Airwars coded for a document and named in its text is still in the cleaned text.

    Cleaning must only take furniture: a coded place that vanished would mean
    an article line was lost. (One Arabic page names its place only in a tag
    list, which is furniture; that is the one allowed loss.)
    """
    lost = 0
    seen = 0
    for name in ("airwars_en", "airwars_ar"):
        dev = shared_dir / "eval" / "dev"
        docs = {}
        for line in (dev / f"{name}.docs.jsonl").read_text(encoding="utf-8").splitlines():
            d = json.loads(line)
            docs[d["id"]] = d["text"]
        for line in (dev / f"{name}.gold.jsonl").read_text(encoding="utf-8").splitlines():
            gold = json.loads(line)
            raw = _fold(normalise(docs[gold["doc"]]))
            cleaned = _fold(clean(normalise(docs[gold["doc"]])).text)
            for incident in gold["incidents"]:
                names = [_fold(n) for n in incident["names"] if len(n) >= 3]
                pattern = re.compile("|".join(rf"(?<!\w){re.escape(n)}(?!\w)" for n in names), re.IGNORECASE)
                if names and pattern.search(raw):
                    seen += 1
                    lost += not pattern.search(cleaned)
    assert seen > 700
    assert lost <= 1


@pytest.mark.shared
def test_furniture_dev_related_lists_are_removed(shared_dir: Path) -> None:
    """NGO pages list other events' headlines after "Prev Post"/"Related News": none survives cleaning."""
    rules = default_furniture()
    docs = [json.loads(x) for x in (shared_dir / "eval/dev/airwars_en.docs.jsonl").read_text("utf-8").splitlines()]
    headers = 0
    for d in docs:
        cleaned = clean(normalise(d["text"])).text
        for line in cleaned.split("\n"):
            assert rules.block_rule(line.strip()) is None, (d["id"], line)
        headers += sum(rules.block_rule(ln.strip()) is not None for ln in d["text"].split("\n"))
    assert headers > 100


def test_furniture_finds_where_a_captured_posts_comments_begin() -> None:
    rules = default_furniture()
    post = "Raqqa VoicesJanuary 10, 2025 · Shared with PublicA drone strike killed a shepherd near al-Sabha."
    text = post + "All reactions:72 commentsLikeCommentMost relevantAbu AliMay God have mercy on him1y"
    assert rules.comments_start(text) == len(post)
    assert rules.comments_start(post) is None


def test_furniture_finds_the_post_authors_own_comments() -> None:
    rules = default_furniture()
    text = (
        "Raqqa VoicesJanuary 10, 2025 · Shared with PublicA house was struck in al-Sabha. Details in the first "
        "comment:All reactions:13 commentsLikeCommentMost relevant\ufeffAuthorRaqqa VoicesThe strike killed a "
        "shepherd, local sources said.43wAbu AliGod have mercy on him1y"
    )
    cut = rules.comments_start(text)
    assert cut is not None
    (stretch,) = rules.author_comments_after(text, cut)
    assert text[slice(*stretch)] == "Raqqa VoicesThe strike killed a shepherd, local sources said."


@pytest.mark.parametrize(
    "listing",
    [
        # each headline, then its date (a weekday, a time), anywhere on the page and under no header
        "Two killed in shelling on Sarmin\n\nTuesday 2025/03/18\n\nMinister visits the border crossing\n\n"
        "Tuesday 2025/03/18\n\nDrone strike kills a shepherd near Tal Tamr\n\n20 May, 2025 - 10:05",
        # ... or the date and time before the headline, on its line
        "2021/08/20 09:23 Two killed in shelling on Sarmin\n\n2021/08/20 12:50 Footballer asks to leave his club\n\n"
        "2021/08/19 11:01 Schools to reopen next month",
        "مقتل شخصين بقصف على سرمين\n\nالثلاثاء 2025/03/18\n\nقتيلان بغارة على محيط درعا\n\nالثلاثاء 2025/03/18\n\n"
        "افتتاح معبر حدودي\n\nالإثنين 19 مايو, 2025 - 19:23",
    ],
)
def test_furniture_a_list_of_dated_headlines_is_removed(listing: str) -> None:
    title = "Jets strike the market of Ariha"
    text = f"{title}\n\nMarch 3, 2022\n\n{BODY}\n\n{listing}\n\n{BODY2}"
    result = clean(text)
    # the article's own title and date are one dated headline, not a list
    assert result.text == f"{title}\n\nMarch 3, 2022\n\n{BODY}\n\n{BODY2}"
    assert set(_rules(text)) == {"dated_headlines"}


def test_furniture_two_dated_headlines_are_no_list() -> None:
    text = f"Two killed in shelling on Sarmin\n\n2025/03/18\n\nPublished:\n\n2025/03/19\n\n{BODY}"
    assert clean(text).text == text


def test_furniture_a_linked_headline_in_capitals_inside_an_article_is_removed() -> None:
    text = (
        "JETS STRIKE MARKET IN THE TOWN\n\n"
        "Jets struck a market in the town on Monday, killing 12 people, activists said.\n\n"
        "The minister at a news conference (AP)\n\n"
        "MINISTER ORDERS INVESTIGATION OF AIRSTRIKE THAT KILLED CIVILIANS\n\n"
        "A spokesman added that an initial review of the strike indicated possible civilian casualties.\n\n"
        "SEE ALSO THE FULL LIST\n\n"
        "Short."
    )
    r = clean(text)
    linked = "MINISTER ORDERS INVESTIGATION OF AIRSTRIKE THAT KILLED CIVILIANS"
    assert [x.text for x in r.removed] == [linked], r.removed
    # the title before the article's first paragraph stays, and so does a line in capitals no prose follows
    assert r.text.startswith("JETS STRIKE MARKET IN THE TOWN") and "SEE ALSO THE FULL LIST" in r.text
