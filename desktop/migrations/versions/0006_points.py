"""points ledger and the exchange shop

The points ledger (`points_entries`), the shop's catalogue (`shop_items`), its redemptions with
their lines, and every stock movement; two indexes on `service_records` from which the overview
dashboard sums hours per event and per volunteer without reading the table.

The ledger and the stock movements are append-only in the database itself: deleting a row, or
changing anything but the volunteer it belongs to (which a merge of duplicate volunteers moves),
is refused whoever asks. A later migration that rebuilds one of these tables in batch mode drops
its triggers with the old table and must create them again (see `_guard`).

Revision ID: 0006
Revises: 0005
"""

import sqlalchemy as sa
from alembic import op

revision = "0006"
down_revision = "0005"
branch_labels = None
depends_on = None

LEDGER_MESSAGE = "Points entries cannot be changed or deleted; add a correcting entry."
STOCK_MESSAGE = "Stock movements cannot be changed or deleted; add an adjustment."
# Every column but the volunteer: a merge of duplicate volunteers may move entries, nothing else.
LEDGER_COLUMNS = (
    "id, kind, amount, reason, reference, service_record_id, redemption_id, reverses_id, "
    "actor_id, actor_name, at"
)


def _guard(table: str, message: str, update_of: str = "") -> None:
    dialect = op.get_bind().dialect.name
    of = f" OF {update_of}" if update_of else ""
    if dialect == "sqlite":
        op.execute(
            f"CREATE TRIGGER {table}_no_update BEFORE UPDATE{of} ON {table} "
            f"BEGIN SELECT RAISE(ABORT, '{message}'); END"
        )
        op.execute(
            f"CREATE TRIGGER {table}_no_delete BEFORE DELETE ON {table} "
            f"BEGIN SELECT RAISE(ABORT, '{message}'); END"
        )
    elif dialect == "postgresql":
        op.execute(
            f"CREATE FUNCTION {table}_append_only() RETURNS trigger LANGUAGE plpgsql AS "
            f"$$ BEGIN RAISE EXCEPTION '{message}'; END $$"
        )
        op.execute(
            f"CREATE TRIGGER {table}_append_only BEFORE UPDATE{of} OR DELETE ON {table} "
            f"FOR EACH ROW EXECUTE FUNCTION {table}_append_only()"
        )


def _unguard(table: str) -> None:
    dialect = op.get_bind().dialect.name
    if dialect == "sqlite":
        op.execute(f"DROP TRIGGER IF EXISTS {table}_no_update")
        op.execute(f"DROP TRIGGER IF EXISTS {table}_no_delete")
    elif dialect == "postgresql":
        op.execute(f"DROP TRIGGER IF EXISTS {table}_append_only ON {table}")
        op.execute(f"DROP FUNCTION IF EXISTS {table}_append_only()")


def upgrade() -> None:
    op.create_table(
        "shop_items",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("name", sa.String(length=100), nullable=False),
        sa.Column("unit", sa.String(length=12), nullable=False),
        sa.Column("price", sa.Integer(), nullable=False),
        sa.Column("stock", sa.Integer(), nullable=False),
        sa.Column("active", sa.Boolean(), nullable=False),
        sa.Column("limit_quantity", sa.Integer(), nullable=False),
        sa.Column("limit_period", sa.String(length=8), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_shop_items")),
        sa.UniqueConstraint("name", name=op.f("uq_shop_items_name")),
    )
    op.create_table(
        "redemptions",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("volunteer_id", sa.Integer(), nullable=False),
        sa.Column("points", sa.Integer(), nullable=False),
        sa.Column("note", sa.Text(), nullable=False),
        sa.Column("actor_id", sa.Integer(), nullable=True),
        sa.Column("actor_name", sa.String(length=60), nullable=False),
        sa.Column("at", sa.DateTime(), nullable=False),
        sa.Column("cancelled_at", sa.DateTime(), nullable=True),
        sa.Column("cancel_reason", sa.Text(), nullable=False),
        sa.ForeignKeyConstraint(
            ["volunteer_id"], ["volunteers.id"], name=op.f("fk_redemptions_volunteer_id_volunteers")
        ),
        sa.ForeignKeyConstraint(
            ["actor_id"], ["staff_accounts.id"], name=op.f("fk_redemptions_actor_id_staff_accounts")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_redemptions")),
    )
    with op.batch_alter_table("redemptions", schema=None) as batch_op:
        batch_op.create_index("ix_redemptions_volunteer", ["volunteer_id", "at"], unique=False)
        batch_op.create_index("ix_redemptions_at", ["at"], unique=False)

    op.create_table(
        "redemption_lines",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("redemption_id", sa.Integer(), nullable=False),
        sa.Column("item_id", sa.Integer(), nullable=False),
        sa.Column("item_name", sa.String(length=100), nullable=False),
        sa.Column("quantity", sa.Integer(), nullable=False),
        sa.Column("unit_price", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(
            ["redemption_id"], ["redemptions.id"],
            name=op.f("fk_redemption_lines_redemption_id_redemptions"), ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["item_id"], ["shop_items.id"], name=op.f("fk_redemption_lines_item_id_shop_items")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_redemption_lines")),
    )
    with op.batch_alter_table("redemption_lines", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_redemption_lines_redemption_id"), ["redemption_id"], unique=False
        )
        batch_op.create_index(batch_op.f("ix_redemption_lines_item_id"), ["item_id"], unique=False)

    op.create_table(
        "stock_movements",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("item_id", sa.Integer(), nullable=False),
        sa.Column("kind", sa.String(length=12), nullable=False),
        sa.Column("quantity", sa.Integer(), nullable=False),
        sa.Column("reason", sa.Text(), nullable=False),
        sa.Column("redemption_id", sa.Integer(), nullable=True),
        sa.Column("actor_id", sa.Integer(), nullable=True),
        sa.Column("actor_name", sa.String(length=60), nullable=False),
        sa.Column("at", sa.DateTime(), nullable=False),
        sa.ForeignKeyConstraint(
            ["item_id"], ["shop_items.id"], name=op.f("fk_stock_movements_item_id_shop_items")
        ),
        sa.ForeignKeyConstraint(
            ["redemption_id"], ["redemptions.id"],
            name=op.f("fk_stock_movements_redemption_id_redemptions"),
        ),
        sa.ForeignKeyConstraint(
            ["actor_id"], ["staff_accounts.id"], name=op.f("fk_stock_movements_actor_id_staff_accounts")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_stock_movements")),
    )
    with op.batch_alter_table("stock_movements", schema=None) as batch_op:
        batch_op.create_index("ix_stock_movements_item_at", ["item_id", "at"], unique=False)

    op.create_table(
        "points_entries",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("volunteer_id", sa.Integer(), nullable=False),
        sa.Column("kind", sa.String(length=12), nullable=False),
        sa.Column("amount", sa.Integer(), nullable=False),
        sa.Column("reason", sa.Text(), nullable=False),
        sa.Column("reference", sa.String(length=80), nullable=False),
        sa.Column("service_record_id", sa.Integer(), nullable=True),
        sa.Column("redemption_id", sa.Integer(), nullable=True),
        sa.Column("reverses_id", sa.Integer(), nullable=True),
        sa.Column("actor_id", sa.Integer(), nullable=True),
        sa.Column("actor_name", sa.String(length=60), nullable=False),
        sa.Column("at", sa.DateTime(), nullable=False),
        sa.ForeignKeyConstraint(
            ["volunteer_id"], ["volunteers.id"], name=op.f("fk_points_entries_volunteer_id_volunteers")
        ),
        sa.ForeignKeyConstraint(
            ["service_record_id"], ["service_records.id"],
            name=op.f("fk_points_entries_service_record_id_service_records"),
        ),
        sa.ForeignKeyConstraint(
            ["redemption_id"], ["redemptions.id"],
            name=op.f("fk_points_entries_redemption_id_redemptions"),
        ),
        sa.ForeignKeyConstraint(
            ["reverses_id"], ["points_entries.id"],
            name=op.f("fk_points_entries_reverses_id_points_entries"),
        ),
        sa.ForeignKeyConstraint(
            ["actor_id"], ["staff_accounts.id"], name=op.f("fk_points_entries_actor_id_staff_accounts")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_points_entries")),
        sa.UniqueConstraint("service_record_id", name=op.f("uq_points_entries_service_record_id")),
    )
    with op.batch_alter_table("points_entries", schema=None) as batch_op:
        batch_op.create_index(
            "ix_points_entries_volunteer", ["volunteer_id", "kind", "at", "amount"], unique=False
        )
        batch_op.create_index("ix_points_entries_kind_at", ["kind", "at", "amount"], unique=False)

    with op.batch_alter_table("service_records", schema=None) as batch_op:
        batch_op.create_index(
            "ix_service_records_event_minutes",
            ["event_id", "review_state", "volunteer_id", "minutes"], unique=False,
        )
        batch_op.create_index(
            "ix_service_records_volunteer_minutes", ["volunteer_id", "review_state", "minutes"], unique=False
        )

    _guard("points_entries", LEDGER_MESSAGE, LEDGER_COLUMNS)
    _guard("stock_movements", STOCK_MESSAGE)


def downgrade() -> None:
    _unguard("stock_movements")
    _unguard("points_entries")
    with op.batch_alter_table("service_records", schema=None) as batch_op:
        batch_op.drop_index("ix_service_records_volunteer_minutes")
        batch_op.drop_index("ix_service_records_event_minutes")
    with op.batch_alter_table("points_entries", schema=None) as batch_op:
        batch_op.drop_index("ix_points_entries_kind_at")
        batch_op.drop_index("ix_points_entries_volunteer")
    op.drop_table("points_entries")
    with op.batch_alter_table("stock_movements", schema=None) as batch_op:
        batch_op.drop_index("ix_stock_movements_item_at")
    op.drop_table("stock_movements")
    with op.batch_alter_table("redemption_lines", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_redemption_lines_item_id"))
        batch_op.drop_index(batch_op.f("ix_redemption_lines_redemption_id"))
    op.drop_table("redemption_lines")
    with op.batch_alter_table("redemptions", schema=None) as batch_op:
        batch_op.drop_index("ix_redemptions_at")
        batch_op.drop_index("ix_redemptions_volunteer")
    op.drop_table("redemptions")
    op.drop_table("shop_items")
