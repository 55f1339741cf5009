"""incidents.place_key: place names folded for --place (case, accents, apostrophes), filled for stored rows.

Revision ID: 0003
Revises: 0002
Create Date: 2026-11-23
"""

from __future__ import annotations

import json
import unicodedata

import sqlalchemy as sa
from alembic import op

revision: str = "0003"
down_revision: str | None = "0002"
branch_labels: str | None = None
depends_on: str | None = None

_DROP = str.maketrans("", "", "'`ʿʾ’‘")


def _fold(text: str) -> str:
    """The fold of civcas.store.convert.fold at this revision (a migration must not change when the code does)."""
    decomposed = unicodedata.normalize("NFKD", text)
    bare = "".join(ch for ch in decomposed if not unicodedata.combining(ch)).translate(_DROP)
    return " ".join(bare.casefold().replace("-", " ").split())


def upgrade() -> None:
    with op.batch_alter_table("incidents") as batch:
        batch.add_column(sa.Column("place_key", sa.Text(), nullable=False, server_default=""))
    incidents = sa.table(
        "incidents", sa.column("id", sa.String()), sa.column("place", sa.JSON()), sa.column("place_key", sa.Text())
    )
    conn = op.get_bind()
    for iid, place in conn.execute(sa.select(incidents.c.id, incidents.c.place)).all():
        if isinstance(place, str):
            place = json.loads(place)
        if not place:
            continue
        names = [place.get(k) for k in ("name", "mention", "admin1", "admin2", "country")]
        key = "|" + "|".join(_fold(n) for n in names if n) + "|"
        conn.execute(sa.update(incidents).where(incidents.c.id == iid).values(place_key=key))


def downgrade() -> None:
    with op.batch_alter_table("incidents") as batch:
        batch.drop_column("place_key")
