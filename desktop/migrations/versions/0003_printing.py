"""certificate register and printing

Revision ID: 0003
Revises: 0002
"""

import sqlalchemy as sa
from alembic import op

revision = "0003"
down_revision = "0002"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "certificates",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("number", sa.String(length=40), nullable=False),
        sa.Column("kind", sa.String(length=12), nullable=False),
        sa.Column("station_code", sa.String(length=12), nullable=False),
        sa.Column("year", sa.Integer(), nullable=False),
        sa.Column("serial", sa.Integer(), nullable=False),
        sa.Column("volunteer_id", sa.Integer(), nullable=False),
        sa.Column("period_from", sa.Date(), nullable=True),
        sa.Column("period_to", sa.Date(), nullable=True),
        sa.Column("minutes", sa.Integer(), nullable=False),
        sa.Column("star_level", sa.Integer(), nullable=True),
        sa.Column("remarks", sa.Text(), nullable=False),
        sa.Column("content", sa.Text(), nullable=False),
        sa.Column("issued_by", sa.Integer(), nullable=True),
        sa.Column("issuer_name", sa.String(length=60), nullable=False),
        sa.Column("issued_at", sa.DateTime(), nullable=False),
        sa.Column("reprints", sa.Integer(), nullable=False),
        sa.Column("last_reprinted_at", sa.DateTime(), nullable=True),
        sa.ForeignKeyConstraint(
            ["issued_by"], ["staff_accounts.id"], name=op.f("fk_certificates_issued_by_staff_accounts")
        ),
        sa.ForeignKeyConstraint(
            ["volunteer_id"], ["volunteers.id"], name=op.f("fk_certificates_volunteer_id_volunteers")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_certificates")),
        sa.UniqueConstraint("number", name=op.f("uq_certificates_number")),
        sa.UniqueConstraint("station_code", "year", "serial", name=op.f("uq_certificates_station_code")),
    )
    with op.batch_alter_table("certificates", schema=None) as batch_op:
        batch_op.create_index("ix_certificates_issued_at", ["issued_at"], unique=False)
        batch_op.create_index("ix_certificates_volunteer", ["volunteer_id", "issued_at"], unique=False)


def downgrade() -> None:
    with op.batch_alter_table("certificates", schema=None) as batch_op:
        batch_op.drop_index("ix_certificates_volunteer")
        batch_op.drop_index("ix_certificates_issued_at")
    op.drop_table("certificates")
