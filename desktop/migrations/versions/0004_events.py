"""recurring series, templates and conflict overrides

Revision ID: 0004
Revises: 0003
"""

import sqlalchemy as sa
from alembic import op

revision = "0004"
down_revision = "0003"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "event_series",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("title", sa.String(length=200), nullable=False),
        sa.Column("frequency", sa.String(length=10), nullable=False),
        sa.Column("interval", sa.Integer(), nullable=False),
        sa.Column("weekdays", sa.String(length=20), nullable=False),
        sa.Column("monthly_mode", sa.String(length=16), nullable=False),
        sa.Column("first_date", sa.Date(), nullable=False),
        sa.Column("start_time", sa.Time(), nullable=False),
        sa.Column("duration_minutes", sa.Integer(), nullable=False),
        sa.Column("until_date", sa.Date(), nullable=True),
        sa.Column("count", sa.Integer(), nullable=True),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_event_series")),
    )
    op.create_table(
        "series_exceptions",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("series_id", sa.Integer(), nullable=False),
        sa.Column("occurrence_date", sa.Date(), nullable=False),
        sa.Column("kind", sa.String(length=8), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.ForeignKeyConstraint(
            ["series_id"], ["event_series.id"],
            name=op.f("fk_series_exceptions_series_id_event_series"), ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_series_exceptions")),
        sa.UniqueConstraint("series_id", "occurrence_date", name=op.f("uq_series_exceptions_series_id")),
    )
    op.create_table(
        "event_templates",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("name", sa.String(length=100), nullable=False),
        sa.Column("station_id", sa.Integer(), nullable=True),
        sa.Column("start_time", sa.Time(), nullable=False),
        sa.Column("duration_minutes", sa.Integer(), nullable=False),
        sa.Column("fields", sa.Text(), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.ForeignKeyConstraint(
            ["station_id"], ["stations.id"], name=op.f("fk_event_templates_station_id_stations")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_event_templates")),
    )
    op.create_table(
        "conflict_overrides",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("event_id", sa.Integer(), nullable=False),
        sa.Column("kind", sa.String(length=12), nullable=False),
        sa.Column("other_event_id", sa.Integer(), nullable=True),
        sa.Column("volunteer_id", sa.Integer(), nullable=True),
        sa.Column("detail", sa.String(length=300), nullable=False),
        sa.Column("reason", sa.Text(), nullable=False),
        sa.Column("actor_id", sa.Integer(), nullable=True),
        sa.Column("actor_name", sa.String(length=60), nullable=False),
        sa.Column("at", sa.DateTime(), nullable=False),
        sa.ForeignKeyConstraint(
            ["event_id"], ["events.id"],
            name=op.f("fk_conflict_overrides_event_id_events"), ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["other_event_id"], ["events.id"],
            name=op.f("fk_conflict_overrides_other_event_id_events"), ondelete="SET NULL",
        ),
        sa.ForeignKeyConstraint(
            ["volunteer_id"], ["volunteers.id"],
            name=op.f("fk_conflict_overrides_volunteer_id_volunteers"), ondelete="SET NULL",
        ),
        sa.ForeignKeyConstraint(
            ["actor_id"], ["staff_accounts.id"],
            name=op.f("fk_conflict_overrides_actor_id_staff_accounts"),
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_conflict_overrides")),
    )
    with op.batch_alter_table("conflict_overrides", schema=None) as batch_op:
        batch_op.create_index("ix_conflict_overrides_event", ["event_id"], unique=False)

    with op.batch_alter_table("events", schema=None) as batch_op:
        batch_op.add_column(sa.Column("series_id", sa.Integer(), nullable=True))
        batch_op.add_column(sa.Column("occurrence_date", sa.Date(), nullable=True))
        batch_op.add_column(sa.Column("closed_at", sa.DateTime(), nullable=True))
        batch_op.create_foreign_key(
            batch_op.f("fk_events_series_id_event_series"), "event_series", ["series_id"], ["id"],
            ondelete="SET NULL",
        )
        batch_op.create_index("ix_events_series", ["series_id", "occurrence_date"], unique=False)


def downgrade() -> None:
    with op.batch_alter_table("events", schema=None) as batch_op:
        batch_op.drop_index("ix_events_series")
        batch_op.drop_constraint(batch_op.f("fk_events_series_id_event_series"), type_="foreignkey")
        batch_op.drop_column("closed_at")
        batch_op.drop_column("occurrence_date")
        batch_op.drop_column("series_id")
    with op.batch_alter_table("conflict_overrides", schema=None) as batch_op:
        batch_op.drop_index("ix_conflict_overrides_event")
    op.drop_table("conflict_overrides")
    op.drop_table("event_templates")
    op.drop_table("series_exceptions")
    op.drop_table("event_series")
