"""core schema

Revision ID: 0001
Revises: 
Create Date: 2026-11-22 02:31:06.145633
"""

import sqlalchemy as sa
from alembic import op

revision = '0001'
down_revision = None
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table('settings',
    sa.Column('key', sa.String(length=60), nullable=False),
    sa.Column('value', sa.Text(), nullable=False),
    sa.PrimaryKeyConstraint('key', name=op.f('pk_settings'))
    )
    op.create_table('staff_accounts',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('username', sa.String(length=60), nullable=False),
    sa.Column('display_name', sa.String(length=60), nullable=False),
    sa.Column('role', sa.String(length=16), nullable=False),
    sa.Column('password_hash', sa.String(length=200), nullable=False),
    sa.Column('failed_attempts', sa.Integer(), nullable=False),
    sa.Column('locked_until', sa.DateTime(), nullable=True),
    sa.Column('active', sa.Boolean(), nullable=False),
    sa.Column('created_at', sa.DateTime(), nullable=False),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_staff_accounts')),
    sa.UniqueConstraint('username', name=op.f('uq_staff_accounts_username'))
    )
    op.create_table('stations',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('name', sa.String(length=100), nullable=False),
    sa.Column('level', sa.String(length=16), nullable=False),
    sa.Column('parent_id', sa.Integer(), nullable=True),
    sa.Column('created_at', sa.DateTime(), nullable=False),
    sa.ForeignKeyConstraint(['parent_id'], ['stations.id'], name=op.f('fk_stations_parent_id_stations')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_stations'))
    )
    op.create_table('audit_log',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('at', sa.DateTime(), nullable=False),
    sa.Column('actor_id', sa.Integer(), nullable=True),
    sa.Column('actor_name', sa.String(length=60), nullable=False),
    sa.Column('action', sa.String(length=40), nullable=False),
    sa.Column('entity', sa.String(length=40), nullable=False),
    sa.Column('entity_id', sa.Integer(), nullable=True),
    sa.Column('before', sa.Text(), nullable=False),
    sa.Column('after', sa.Text(), nullable=False),
    sa.ForeignKeyConstraint(['actor_id'], ['staff_accounts.id'], name=op.f('fk_audit_log_actor_id_staff_accounts')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_audit_log'))
    )
    with op.batch_alter_table('audit_log', schema=None) as batch_op:
        batch_op.create_index('ix_audit_log_at', ['at'], unique=False)
        batch_op.create_index('ix_audit_log_entity', ['entity', 'entity_id'], unique=False)

    op.create_table('volunteers',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('name', sa.String(length=60), nullable=False),
    sa.Column('name_initials', sa.String(length=60), nullable=False),
    sa.Column('name_pinyin', sa.String(length=240), nullable=False),
    sa.Column('gender', sa.String(length=8), nullable=False),
    sa.Column('birth_date', sa.Date(), nullable=True),
    sa.Column('id_type', sa.String(length=20), nullable=False),
    sa.Column('id_number', sa.String(length=40), nullable=True),
    sa.Column('id_tail', sa.String(length=4), nullable=False),
    sa.Column('phone', sa.String(length=20), nullable=False),
    sa.Column('phone_tail', sa.String(length=4), nullable=False),
    sa.Column('skills', sa.String(length=200), nullable=False),
    sa.Column('political_status', sa.String(length=40), nullable=False),
    sa.Column('registered_on', sa.Date(), nullable=False),
    sa.Column('status', sa.String(length=16), nullable=False),
    sa.Column('consent_extra', sa.Boolean(), nullable=False),
    sa.Column('card_code', sa.String(length=20), nullable=True),
    sa.Column('station_id', sa.Integer(), nullable=True),
    sa.Column('notes', sa.Text(), nullable=False),
    sa.Column('created_at', sa.DateTime(), nullable=False),
    sa.Column('updated_at', sa.DateTime(), nullable=False),
    sa.ForeignKeyConstraint(['station_id'], ['stations.id'], name=op.f('fk_volunteers_station_id_stations')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_volunteers')),
    sa.UniqueConstraint('card_code', name=op.f('uq_volunteers_card_code')),
    sa.UniqueConstraint('id_type', 'id_number', name=op.f('uq_volunteers_id_type'))
    )
    with op.batch_alter_table('volunteers', schema=None) as batch_op:
        batch_op.create_index('ix_volunteers_id_tail', ['id_tail'], unique=False)
        batch_op.create_index('ix_volunteers_name', ['name'], unique=False)
        batch_op.create_index('ix_volunteers_name_initials', ['name_initials'], unique=False)
        batch_op.create_index('ix_volunteers_name_pinyin', ['name_pinyin'], unique=False)
        batch_op.create_index('ix_volunteers_phone', ['phone'], unique=False)
        batch_op.create_index('ix_volunteers_phone_tail', ['phone_tail'], unique=False)
        batch_op.create_index('ix_volunteers_station', ['station_id'], unique=False)
        batch_op.create_index('ix_volunteers_status_registered', ['status', 'registered_on'], unique=False)

    op.create_table('cards',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('volunteer_id', sa.Integer(), nullable=False),
    sa.Column('code', sa.String(length=20), nullable=False),
    sa.Column('issued_at', sa.DateTime(), nullable=False),
    sa.Column('revoked_at', sa.DateTime(), nullable=True),
    sa.ForeignKeyConstraint(['volunteer_id'], ['volunteers.id'], name=op.f('fk_cards_volunteer_id_volunteers')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_cards')),
    sa.UniqueConstraint('code', name=op.f('uq_cards_code'))
    )
    with op.batch_alter_table('cards', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_cards_volunteer_id'), ['volunteer_id'], unique=False)

    op.create_table('teams',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('name', sa.String(length=100), nullable=False),
    sa.Column('category', sa.String(length=40), nullable=False),
    sa.Column('station_id', sa.Integer(), nullable=True),
    sa.Column('leader_id', sa.Integer(), nullable=True),
    sa.Column('description', sa.Text(), nullable=False),
    sa.Column('created_at', sa.DateTime(), nullable=False),
    sa.ForeignKeyConstraint(['leader_id'], ['volunteers.id'], name=op.f('fk_teams_leader_id_volunteers'), ondelete='SET NULL'),
    sa.ForeignKeyConstraint(['station_id'], ['stations.id'], name=op.f('fk_teams_station_id_stations')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_teams')),
    sa.UniqueConstraint('station_id', 'name', name=op.f('uq_teams_station_id'))
    )
    op.create_table('events',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('title', sa.String(length=200), nullable=False),
    sa.Column('category', sa.String(length=40), nullable=False),
    sa.Column('station_id', sa.Integer(), nullable=True),
    sa.Column('team_id', sa.Integer(), nullable=True),
    sa.Column('place', sa.String(length=200), nullable=False),
    sa.Column('start_at', sa.DateTime(), nullable=False),
    sa.Column('end_at', sa.DateTime(), nullable=False),
    sa.Column('capacity', sa.Integer(), nullable=False),
    sa.Column('service_content', sa.Text(), nullable=False),
    sa.Column('beneficiaries', sa.String(length=200), nullable=False),
    sa.Column('people_served', sa.Integer(), nullable=False),
    sa.Column('leader_name', sa.String(length=60), nullable=False),
    sa.Column('recorder_name', sa.String(length=60), nullable=False),
    sa.Column('description', sa.Text(), nullable=False),
    sa.Column('status', sa.String(length=16), nullable=False),
    sa.Column('allow_walk_ins', sa.Boolean(), nullable=False),
    sa.Column('signin_opens_minutes', sa.Integer(), nullable=False),
    sa.Column('duplicate_window_seconds', sa.Integer(), nullable=False),
    sa.Column('rounding', sa.String(length=20), nullable=False),
    sa.Column('hours_cap', sa.Double(), nullable=False),
    sa.Column('quality_rating', sa.Integer(), nullable=True),
    sa.Column('summary', sa.Text(), nullable=False),
    sa.Column('created_at', sa.DateTime(), nullable=False),
    sa.ForeignKeyConstraint(['station_id'], ['stations.id'], name=op.f('fk_events_station_id_stations')),
    sa.ForeignKeyConstraint(['team_id'], ['teams.id'], name=op.f('fk_events_team_id_teams'), ondelete='SET NULL'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_events'))
    )
    with op.batch_alter_table('events', schema=None) as batch_op:
        batch_op.create_index('ix_events_start', ['start_at'], unique=False)
        batch_op.create_index('ix_events_station_start', ['station_id', 'start_at'], unique=False)
        batch_op.create_index('ix_events_status', ['status'], unique=False)
        batch_op.create_index('ix_events_team', ['team_id'], unique=False)

    op.create_table('team_memberships',
    sa.Column('team_id', sa.Integer(), nullable=False),
    sa.Column('volunteer_id', sa.Integer(), nullable=False),
    sa.Column('joined_on', sa.Date(), nullable=False),
    sa.ForeignKeyConstraint(['team_id'], ['teams.id'], name=op.f('fk_team_memberships_team_id_teams'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['volunteer_id'], ['volunteers.id'], name=op.f('fk_team_memberships_volunteer_id_volunteers'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('team_id', 'volunteer_id', name=op.f('pk_team_memberships'))
    )
    with op.batch_alter_table('team_memberships', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_team_memberships_volunteer_id'), ['volunteer_id'], unique=False)

    op.create_table('enrolments',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('event_id', sa.Integer(), nullable=False),
    sa.Column('volunteer_id', sa.Integer(), nullable=False),
    sa.Column('status', sa.String(length=16), nullable=False),
    sa.Column('walk_in', sa.Boolean(), nullable=False),
    sa.Column('created_at', sa.DateTime(), nullable=False),
    sa.ForeignKeyConstraint(['event_id'], ['events.id'], name=op.f('fk_enrolments_event_id_events'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['volunteer_id'], ['volunteers.id'], name=op.f('fk_enrolments_volunteer_id_volunteers'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_enrolments')),
    sa.UniqueConstraint('event_id', 'volunteer_id', name=op.f('uq_enrolments_event_id'))
    )
    with op.batch_alter_table('enrolments', schema=None) as batch_op:
        batch_op.create_index('ix_enrolments_volunteer', ['volunteer_id'], unique=False)

    op.create_table('scans',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('event_id', sa.Integer(), nullable=False),
    sa.Column('volunteer_id', sa.Integer(), nullable=True),
    sa.Column('scanned_at', sa.DateTime(), nullable=False),
    sa.Column('direction', sa.String(length=4), nullable=True),
    sa.Column('source', sa.String(length=10), nullable=False),
    sa.Column('operator_id', sa.Integer(), nullable=True),
    sa.Column('raw', sa.String(length=120), nullable=False),
    sa.Column('accepted', sa.Boolean(), nullable=False),
    sa.Column('reason', sa.String(length=24), nullable=False),
    sa.Column('walk_in', sa.Boolean(), nullable=False),
    sa.Column('undone', sa.Boolean(), nullable=False),
    sa.ForeignKeyConstraint(['event_id'], ['events.id'], name=op.f('fk_scans_event_id_events'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['operator_id'], ['staff_accounts.id'], name=op.f('fk_scans_operator_id_staff_accounts')),
    sa.ForeignKeyConstraint(['volunteer_id'], ['volunteers.id'], name=op.f('fk_scans_volunteer_id_volunteers')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_scans'))
    )
    with op.batch_alter_table('scans', schema=None) as batch_op:
        batch_op.create_index('ix_scans_event_volunteer', ['event_id', 'volunteer_id', 'scanned_at'], unique=False)
        batch_op.create_index('ix_scans_scanned_at', ['scanned_at'], unique=False)

    op.create_table('service_records',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('event_id', sa.Integer(), nullable=False),
    sa.Column('volunteer_id', sa.Integer(), nullable=False),
    sa.Column('sign_in', sa.DateTime(), nullable=True),
    sa.Column('sign_out', sa.DateTime(), nullable=True),
    sa.Column('minutes', sa.Integer(), nullable=False),
    sa.Column('flags', sa.String(length=120), nullable=False),
    sa.Column('review_state', sa.String(length=12), nullable=False),
    sa.Column('reviewed_by', sa.Integer(), nullable=True),
    sa.Column('reviewed_at', sa.DateTime(), nullable=True),
    sa.Column('corrects_id', sa.Integer(), nullable=True),
    sa.Column('reason', sa.Text(), nullable=False),
    sa.Column('created_by', sa.Integer(), nullable=True),
    sa.Column('created_at', sa.DateTime(), nullable=False),
    sa.ForeignKeyConstraint(['corrects_id'], ['service_records.id'], name=op.f('fk_service_records_corrects_id_service_records')),
    sa.ForeignKeyConstraint(['created_by'], ['staff_accounts.id'], name=op.f('fk_service_records_created_by_staff_accounts')),
    sa.ForeignKeyConstraint(['event_id'], ['events.id'], name=op.f('fk_service_records_event_id_events'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['reviewed_by'], ['staff_accounts.id'], name=op.f('fk_service_records_reviewed_by_staff_accounts')),
    sa.ForeignKeyConstraint(['volunteer_id'], ['volunteers.id'], name=op.f('fk_service_records_volunteer_id_volunteers')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_service_records'))
    )
    with op.batch_alter_table('service_records', schema=None) as batch_op:
        batch_op.create_index('ix_service_records_event', ['event_id'], unique=False)
        batch_op.create_index('ix_service_records_state', ['review_state'], unique=False)
        batch_op.create_index('ix_service_records_volunteer', ['volunteer_id', 'review_state'], unique=False)



def downgrade() -> None:
    with op.batch_alter_table('service_records', schema=None) as batch_op:
        batch_op.drop_index('ix_service_records_volunteer')
        batch_op.drop_index('ix_service_records_state')
        batch_op.drop_index('ix_service_records_event')

    op.drop_table('service_records')
    with op.batch_alter_table('scans', schema=None) as batch_op:
        batch_op.drop_index('ix_scans_scanned_at')
        batch_op.drop_index('ix_scans_event_volunteer')

    op.drop_table('scans')
    with op.batch_alter_table('enrolments', schema=None) as batch_op:
        batch_op.drop_index('ix_enrolments_volunteer')

    op.drop_table('enrolments')
    with op.batch_alter_table('team_memberships', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_team_memberships_volunteer_id'))

    op.drop_table('team_memberships')
    with op.batch_alter_table('events', schema=None) as batch_op:
        batch_op.drop_index('ix_events_team')
        batch_op.drop_index('ix_events_status')
        batch_op.drop_index('ix_events_station_start')
        batch_op.drop_index('ix_events_start')

    op.drop_table('events')
    op.drop_table('teams')
    with op.batch_alter_table('cards', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_cards_volunteer_id'))

    op.drop_table('cards')
    with op.batch_alter_table('volunteers', schema=None) as batch_op:
        batch_op.drop_index('ix_volunteers_status_registered')
        batch_op.drop_index('ix_volunteers_station')
        batch_op.drop_index('ix_volunteers_phone_tail')
        batch_op.drop_index('ix_volunteers_phone')
        batch_op.drop_index('ix_volunteers_name_pinyin')
        batch_op.drop_index('ix_volunteers_name_initials')
        batch_op.drop_index('ix_volunteers_name')
        batch_op.drop_index('ix_volunteers_id_tail')

    op.drop_table('volunteers')
    with op.batch_alter_table('audit_log', schema=None) as batch_op:
        batch_op.drop_index('ix_audit_log_entity')
        batch_op.drop_index('ix_audit_log_at')

    op.drop_table('audit_log')
    op.drop_table('stations')
    op.drop_table('staff_accounts')
    op.drop_table('settings')
