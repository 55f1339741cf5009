"""One strike told by several outlets in other spellings, with the accused's denial (issue 6).

Written for civcas in the style of wire and monitor reporting (fictional wording about a well-known kind of
event); extraction runs with the bundled and village gazetteers, linking with the bundled model.
"""

from __future__ import annotations

from datetime import date
from typing import Any

import pytest

from civcas import pipeline
from civcas.records import Document, Stance

DOCS = [
    Document(id="c1", published=date(2017, 3, 22), outlet="Wire A",
             text="Coalition airstrikes killed at least 33 civilians sheltering in a school in Al-Mansoura, west of "
                  "Raqqa, on Tuesday, activists said."),
    Document(id="c2", published=date(2017, 3, 22), outlet="Daily B",
             text="The Syrian Observatory for Human Rights said 33 displaced people were killed when US-led jets "
                  "bombed a school housing families in the town of al-Mansura in Raqqa province on Tuesday."),
    Document(id="c3", published=date(2017, 3, 23), outlet="Paper C",
             text="Local activists said 40 people died in Tuesday's air raid on the Mansourah school near Raqqa."),
    Document(id="c4", published=date(2017, 3, 24), outlet="Agency D",
             text="The US-led coalition denied that its aircraft had struck a school in Mansoura, west of Raqqa, "
                  "saying it had hit Islamic State fighters in the area on March 20 and 21."),
    Document(id="c5", published=date(2017, 3, 22), outlet="Wire A",
             text="Russian jets killed 12 people in a market in Maarat al-Numan in Idlib province on Tuesday, "
                  "rescuers said."),
]


@pytest.mark.issue(6)
def test_clusters_one_strike_in_four_spellings_and_a_denial_is_one_incident(village_config: Any) -> None:
    claims = pipeline.claims_for_documents(DOCS, config=village_config)
    by_doc: dict[str, list[Any]] = {}
    for c in claims:
        by_doc.setdefault(c.doc_id, []).append(c)
    incidents = {d: {c.incident for c in cs} for d, cs in by_doc.items()}
    assert all(len(v) == 1 for v in incidents.values()), incidents
    strike = incidents["c1"]
    assert incidents["c2"] == strike and incidents["c3"] == strike and incidents["c4"] == strike, incidents
    assert incidents["c5"] != strike
    assert [c.stance for c in by_doc["c4"]] == [Stance.DENIES]
    assert {c.place.admin1 for d in ("c1", "c2", "c3") for c in by_doc[d]} == {"Raqqa"}
