"""The ORM: stations, volunteers, teams, events, enrolments, scans, service records, staff, audit."""

from __future__ import annotations

from datetime import date, datetime, time, timezone

from sqlalchemy import (
    Boolean,
    Date,
    DateTime,
    ForeignKey,
    Index,
    Integer,
    MetaData,
    String,
    Text,
    Time,
    TypeDecorator,
    UniqueConstraint,
)
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column, relationship

NAMING_CONVENTION = {
    "ix": "ix_%(column_0_label)s",
    "uq": "uq_%(table_name)s_%(column_0_name)s",
    "ck": "ck_%(table_name)s_%(constraint_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}


class UTCDateTime(TypeDecorator):
    """Stored as naive UTC (portable to any database), always returned timezone-aware."""

    impl = DateTime
    cache_ok = True

    def process_bind_param(self, value: datetime | None, dialect):
        if value is None:
            return None
        if value.tzinfo is None:
            raise ValueError("naive datetime given to a UTC column")
        return value.astimezone(timezone.utc).replace(tzinfo=None)

    def process_result_value(self, value: datetime | None, dialect):
        if value is None:
            return None
        return value.replace(tzinfo=timezone.utc)


def utcnow() -> datetime:
    return datetime.now(timezone.utc)


class Base(DeclarativeBase):
    metadata = MetaData(naming_convention=NAMING_CONVENTION)


# Station levels: a district centre (中心), a township institute (所), a village/community station (站).
STATION_LEVELS = ("centre", "institute", "station")


class Station(Base):
    __tablename__ = "stations"

    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(100))
    level: Mapped[str] = mapped_column(String(16), default="station")
    parent_id: Mapped[int | None] = mapped_column(ForeignKey("stations.id"))
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)


VOLUNTEER_STATUSES = ("active", "inactive")
ID_TYPES = ("resident_id", "passport", "hk_macau_pass", "taiwan_pass", "other")


class Volunteer(Base):
    __tablename__ = "volunteers"
    __table_args__ = (
        UniqueConstraint("id_type", "id_number"),
        Index("ix_volunteers_name", "name"),
        Index("ix_volunteers_name_initials", "name_initials"),
        Index("ix_volunteers_name_pinyin", "name_pinyin"),
        Index("ix_volunteers_phone", "phone"),
        Index("ix_volunteers_phone_tail", "phone_tail"),
        Index("ix_volunteers_id_tail", "id_tail"),
        Index("ix_volunteers_status_registered", "status", "registered_on"),
        Index("ix_volunteers_station", "station_id"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(60))
    # Search keys kept beside the name so that "zs" finds 张三 through an index.
    name_initials: Mapped[str] = mapped_column(String(60), default="")
    name_pinyin: Mapped[str] = mapped_column(String(240), default="")
    gender: Mapped[str] = mapped_column(String(8), default="")  # "M", "F" or ""
    birth_date: Mapped[date | None] = mapped_column(Date)
    id_type: Mapped[str] = mapped_column(String(20), default="resident_id")
    id_number: Mapped[str | None] = mapped_column(String(40))
    id_tail: Mapped[str] = mapped_column(String(4), default="")
    phone: Mapped[str] = mapped_column(String(20), default="")
    phone_tail: Mapped[str] = mapped_column(String(4), default="")
    skills: Mapped[str] = mapped_column(String(200), default="")
    political_status: Mapped[str] = mapped_column(String(40), default="")
    registered_on: Mapped[date] = mapped_column(Date)
    status: Mapped[str] = mapped_column(String(16), default="active")
    consent_extra: Mapped[bool] = mapped_column(Boolean, default=False)
    # The current card; every code ever issued (revoked ones included) is in `cards`.
    card_code: Mapped[str | None] = mapped_column(String(20), unique=True)
    station_id: Mapped[int | None] = mapped_column(ForeignKey("stations.id"))
    notes: Mapped[str] = mapped_column(Text, default="")
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
    updated_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow, onupdate=utcnow)

    memberships: Mapped[list[TeamMembership]] = relationship(
        back_populates="volunteer", cascade="all, delete-orphan"
    )


class Card(Base):
    """Every card code issued; reissuing revokes the old one but keeps it for the scan log."""

    __tablename__ = "cards"

    id: Mapped[int] = mapped_column(primary_key=True)
    volunteer_id: Mapped[int] = mapped_column(ForeignKey("volunteers.id"), index=True)
    code: Mapped[str] = mapped_column(String(20), unique=True)
    issued_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
    revoked_at: Mapped[datetime | None] = mapped_column(UTCDateTime)


SERVICE_CATEGORIES = (
    "elderly_disability",
    "reading",
    "civilized_traffic",
    "policy_lecture",
    "science",
    "environment",
    "culture_arts",
    "other",
)


class Team(Base):
    __tablename__ = "teams"
    __table_args__ = (UniqueConstraint("station_id", "name"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(100))
    category: Mapped[str] = mapped_column(String(40), default="other")
    station_id: Mapped[int | None] = mapped_column(ForeignKey("stations.id"))
    leader_id: Mapped[int | None] = mapped_column(ForeignKey("volunteers.id", ondelete="SET NULL"))
    description: Mapped[str] = mapped_column(Text, default="")
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)

    memberships: Mapped[list[TeamMembership]] = relationship(
        back_populates="team", cascade="all, delete-orphan"
    )


class TeamMembership(Base):
    __tablename__ = "team_memberships"

    team_id: Mapped[int] = mapped_column(ForeignKey("teams.id", ondelete="CASCADE"), primary_key=True)
    volunteer_id: Mapped[int] = mapped_column(
        ForeignKey("volunteers.id", ondelete="CASCADE"), primary_key=True, index=True
    )
    joined_on: Mapped[date] = mapped_column(Date)

    team: Mapped[Team] = relationship(back_populates="memberships")
    volunteer: Mapped[Volunteer] = relationship(back_populates="memberships")


EVENT_STATUSES = ("draft", "published", "ongoing", "finished", "cancelled")
ROUNDING_RULES = ("none", "quarter_down", "half_down", "half_nearest", "hour_down")


class Event(Base):
    __tablename__ = "events"
    __table_args__ = (
        Index("ix_events_start", "start_at"),
        Index("ix_events_station_start", "station_id", "start_at"),
        Index("ix_events_team", "team_id"),
        Index("ix_events_status", "status"),
        Index("ix_events_series", "series_id", "occurrence_date"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    title: Mapped[str] = mapped_column(String(200))
    category: Mapped[str] = mapped_column(String(40), default="other")
    station_id: Mapped[int | None] = mapped_column(ForeignKey("stations.id"))
    team_id: Mapped[int | None] = mapped_column(ForeignKey("teams.id", ondelete="SET NULL"))
    place: Mapped[str] = mapped_column(String(200), default="")
    start_at: Mapped[datetime] = mapped_column(UTCDateTime)
    end_at: Mapped[datetime] = mapped_column(UTCDateTime)
    capacity: Mapped[int] = mapped_column(Integer, default=0)  # 0 = unlimited
    service_content: Mapped[str] = mapped_column(Text, default="")
    beneficiaries: Mapped[str] = mapped_column(String(200), default="")
    people_served: Mapped[int] = mapped_column(Integer, default=0)
    leader_name: Mapped[str] = mapped_column(String(60), default="")
    recorder_name: Mapped[str] = mapped_column(String(60), default="")
    description: Mapped[str] = mapped_column(Text, default="")
    status: Mapped[str] = mapped_column(String(16), default="draft")
    # Check-in settings, per event.
    allow_walk_ins: Mapped[bool] = mapped_column(Boolean, default=True)
    signin_opens_minutes: Mapped[int] = mapped_column(Integer, default=60)
    duplicate_window_seconds: Mapped[int] = mapped_column(Integer, default=60)
    rounding: Mapped[str] = mapped_column(String(20), default="quarter_down")
    hours_cap: Mapped[float] = mapped_column(default=0.0)  # 0 = no cap
    # Closing the event.
    quality_rating: Mapped[int | None] = mapped_column(Integer)
    summary: Mapped[str] = mapped_column(Text, default="")
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
    # A recurring brand project's occurrence: its series and the date the rule gave it.
    series_id: Mapped[int | None] = mapped_column(ForeignKey("event_series.id", ondelete="SET NULL"))
    occurrence_date: Mapped[date | None] = mapped_column(Date)
    closed_at: Mapped[datetime | None] = mapped_column(UTCDateTime)


ENROLMENT_STATUSES = ("enrolled", "waitlisted", "withdrawn", "no_show")


class Enrolment(Base):
    __tablename__ = "enrolments"
    __table_args__ = (
        UniqueConstraint("event_id", "volunteer_id"),
        Index("ix_enrolments_volunteer", "volunteer_id"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    event_id: Mapped[int] = mapped_column(ForeignKey("events.id", ondelete="CASCADE"))
    volunteer_id: Mapped[int] = mapped_column(ForeignKey("volunteers.id", ondelete="CASCADE"))
    status: Mapped[str] = mapped_column(String(16), default="enrolled")
    walk_in: Mapped[bool] = mapped_column(Boolean, default=False)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)


SCAN_SOURCES = ("scanner", "camera", "manual")
SCAN_REASONS = (
    "unknown_code",
    "revoked_card",
    "event_not_open",
    "not_enrolled",
    "duplicate",
    "already_signed_out",
)


class Scan(Base):
    """The append-only scan log: every scan, accepted or not, with its reason."""

    __tablename__ = "scans"
    __table_args__ = (
        Index("ix_scans_event_volunteer", "event_id", "volunteer_id", "scanned_at"),
        Index("ix_scans_scanned_at", "scanned_at"),
        # The console's running list and "undo": an event's newest scans without a sort.
        Index("ix_scans_event_recent", "event_id", "id"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    event_id: Mapped[int] = mapped_column(ForeignKey("events.id", ondelete="CASCADE"))
    volunteer_id: Mapped[int | None] = mapped_column(ForeignKey("volunteers.id"))
    scanned_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
    direction: Mapped[str | None] = mapped_column(String(4))  # "in", "out" or None if refused
    source: Mapped[str] = mapped_column(String(10), default="scanner")
    operator_id: Mapped[int | None] = mapped_column(ForeignKey("staff_accounts.id"))
    raw: Mapped[str] = mapped_column(String(120), default="")
    accepted: Mapped[bool] = mapped_column(Boolean, default=False)
    reason: Mapped[str] = mapped_column(String(24), default="")
    walk_in: Mapped[bool] = mapped_column(Boolean, default=False)
    undone: Mapped[bool] = mapped_column(Boolean, default=False)


REVIEW_STATES = ("pending", "approved", "rejected", "superseded")


class ServiceRecord(Base):
    """Credited minutes for one volunteer at one event. Never edited: a correction supersedes."""

    __tablename__ = "service_records"
    __table_args__ = (
        Index("ix_service_records_volunteer", "volunteer_id", "review_state"),
        Index("ix_service_records_event", "event_id"),
        Index("ix_service_records_state", "review_state"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    event_id: Mapped[int] = mapped_column(ForeignKey("events.id", ondelete="CASCADE"))
    volunteer_id: Mapped[int] = mapped_column(ForeignKey("volunteers.id"))
    sign_in: Mapped[datetime | None] = mapped_column(UTCDateTime)
    sign_out: Mapped[datetime | None] = mapped_column(UTCDateTime)
    minutes: Mapped[int] = mapped_column(Integer, default=0)
    flags: Mapped[str] = mapped_column(String(120), default="")  # comma-separated
    review_state: Mapped[str] = mapped_column(String(12), default="pending")
    reviewed_by: Mapped[int | None] = mapped_column(ForeignKey("staff_accounts.id"))
    reviewed_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    corrects_id: Mapped[int | None] = mapped_column(ForeignKey("service_records.id"))
    reason: Mapped[str] = mapped_column(Text, default="")
    created_by: Mapped[int | None] = mapped_column(ForeignKey("staff_accounts.id"))
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)


ROLES = ("admin", "coordinator", "operator")


class StaffAccount(Base):
    __tablename__ = "staff_accounts"

    id: Mapped[int] = mapped_column(primary_key=True)
    username: Mapped[str] = mapped_column(String(60), unique=True)
    display_name: Mapped[str] = mapped_column(String(60))
    role: Mapped[str] = mapped_column(String(16))
    password_hash: Mapped[str] = mapped_column(String(200), default="")
    failed_attempts: Mapped[int] = mapped_column(Integer, default=0)
    locked_until: Mapped[datetime | None] = mapped_column(UTCDateTime)
    active: Mapped[bool] = mapped_column(Boolean, default=True)
    # Set by an administrator's reset: the person chooses their own password at the next login.
    must_change_password: Mapped[bool] = mapped_column(Boolean, default=False)
    last_login_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)


class AuditEntry(Base):
    """Who changed what and when; written by the services, never edited by the program."""

    __tablename__ = "audit_log"
    __table_args__ = (
        Index("ix_audit_log_at", "at"),
        Index("ix_audit_log_entity", "entity", "entity_id"),
        Index("ix_audit_log_actor", "actor_id", "at"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
    actor_id: Mapped[int | None] = mapped_column(ForeignKey("staff_accounts.id"))
    actor_name: Mapped[str] = mapped_column(String(60))
    action: Mapped[str] = mapped_column(String(40))
    entity: Mapped[str] = mapped_column(String(40))
    entity_id: Mapped[int | None] = mapped_column(Integer)
    before: Mapped[str] = mapped_column(Text, default="")  # JSON
    after: Mapped[str] = mapped_column(Text, default="")  # JSON


class Setting(Base):
    """Station settings as JSON values; the typed view and the defaults are in config.py."""

    __tablename__ = "settings"

    key: Mapped[str] = mapped_column(String(60), primary_key=True)
    value: Mapped[str] = mapped_column(Text)


# --- Events: recurring series, brand-project templates, conflict overrides (migration 0004) ---

SERIES_FREQUENCIES = ("weekly", "monthly")
# "day": the same day of the month; "weekday": e.g. the 2nd Wednesday; "last_weekday": the last one.
MONTHLY_MODES = ("day", "weekday", "last_weekday")
SERIES_EXCEPTION_KINDS = ("skip", "move")


class EventSeries(Base):
    """A recurring brand project's rule; its occurrences are ordinary rows in `events`."""

    __tablename__ = "event_series"

    id: Mapped[int] = mapped_column(primary_key=True)
    title: Mapped[str] = mapped_column(String(200))
    frequency: Mapped[str] = mapped_column(String(10), default="weekly")
    interval: Mapped[int] = mapped_column(Integer, default=1)
    weekdays: Mapped[str] = mapped_column(String(20), default="")  # "0,5": Monday and Saturday
    monthly_mode: Mapped[str] = mapped_column(String(16), default="day")
    first_date: Mapped[date] = mapped_column(Date)
    # Wall-clock time, not an instant: "every Saturday at 09:00" stays 09:00 whatever the offset.
    start_time: Mapped[time] = mapped_column(Time)
    duration_minutes: Mapped[int] = mapped_column(Integer)
    until_date: Mapped[date | None] = mapped_column(Date)
    count: Mapped[int | None] = mapped_column(Integer)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)


class SeriesException(Base):
    """One date of a series skipped or moved, so regenerating the series keeps the change."""

    __tablename__ = "series_exceptions"
    __table_args__ = (UniqueConstraint("series_id", "occurrence_date"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    series_id: Mapped[int] = mapped_column(ForeignKey("event_series.id", ondelete="CASCADE"))
    occurrence_date: Mapped[date] = mapped_column(Date)
    kind: Mapped[str] = mapped_column(String(8))
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)


class EventTemplate(Base):
    """A brand project's usual event, so staff create the next one in two clicks."""

    __tablename__ = "event_templates"

    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(100))
    station_id: Mapped[int | None] = mapped_column(ForeignKey("stations.id"))
    start_time: Mapped[time] = mapped_column(Time)
    duration_minutes: Mapped[int] = mapped_column(Integer)
    # The other event fields (title, place, team, check-in settings...) as a JSON object.
    fields: Mapped[str] = mapped_column(Text, default="{}")
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
    updated_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow, onupdate=utcnow)


CONFLICT_KINDS = ("place", "volunteer", "leader")


class ConflictOverride(Base):
    """A scheduling conflict a staff member saw and accepted, with the reason they gave."""

    __tablename__ = "conflict_overrides"
    __table_args__ = (Index("ix_conflict_overrides_event", "event_id"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    event_id: Mapped[int] = mapped_column(ForeignKey("events.id", ondelete="CASCADE"))
    kind: Mapped[str] = mapped_column(String(12))
    other_event_id: Mapped[int | None] = mapped_column(ForeignKey("events.id", ondelete="SET NULL"))
    volunteer_id: Mapped[int | None] = mapped_column(ForeignKey("volunteers.id", ondelete="SET NULL"))
    detail: Mapped[str] = mapped_column(String(300), default="")
    reason: Mapped[str] = mapped_column(Text)
    actor_id: Mapped[int | None] = mapped_column(ForeignKey("staff_accounts.id"))
    actor_name: Mapped[str] = mapped_column(String(60))
    at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)


# --- Printing: the certificate register (migration 0003) ---

CERTIFICATE_KINDS = ("service", "honour")


class Certificate(Base):
    """The certificate register: every certificate issued, numbered; a reprint keeps the number.

    `content` holds what was printed (JSON), so a reprint shows the same hours and activities
    even after later corrections to the service records.
    """

    __tablename__ = "certificates"
    __table_args__ = (
        UniqueConstraint("station_code", "year", "serial"),
        Index("ix_certificates_volunteer", "volunteer_id", "issued_at"),
        Index("ix_certificates_issued_at", "issued_at"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    number: Mapped[str] = mapped_column(String(40), unique=True)
    kind: Mapped[str] = mapped_column(String(12), default="service")
    station_code: Mapped[str] = mapped_column(String(12))
    year: Mapped[int] = mapped_column(Integer)
    serial: Mapped[int] = mapped_column(Integer)
    volunteer_id: Mapped[int] = mapped_column(ForeignKey("volunteers.id"))
    period_from: Mapped[date | None] = mapped_column(Date)
    period_to: Mapped[date | None] = mapped_column(Date)
    minutes: Mapped[int] = mapped_column(Integer, default=0)
    star_level: Mapped[int | None] = mapped_column(Integer)
    remarks: Mapped[str] = mapped_column(Text, default="")
    content: Mapped[str] = mapped_column(Text, default="")
    issued_by: Mapped[int | None] = mapped_column(ForeignKey("staff_accounts.id"))
    issuer_name: Mapped[str] = mapped_column(String(60))
    issued_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
    reprints: Mapped[int] = mapped_column(Integer, default=0)
    last_reprinted_at: Mapped[datetime | None] = mapped_column(UTCDateTime)


# --- Points and the exchange shop (migration 0006) ---

POINTS_KINDS = ("earned", "award", "deduction", "redemption", "reversal")
STOCK_KINDS = ("intake", "adjustment", "redemption", "return")
LIMIT_PERIODS = ("", "week", "month", "year")  # "": no limit per volunteer


class PointsEntry(Base):
    """The points ledger, apart from hours: entries are only appended; a balance is their sum.

    `amount` is in hundredths of a point (1.5 points = 150), signed, so sums are exact.
    The database refuses to delete an entry or change one (only a merge moves it to another volunteer).
    """

    __tablename__ = "points_entries"
    __table_args__ = (
        # A balance, and a volunteer's entries of a kind in a period, read from the index alone.
        Index("ix_points_entries_volunteer", "volunteer_id", "kind", "at", "amount"),
        # The dashboard's sums by kind over a period, read from the index alone.
        Index("ix_points_entries_kind_at", "kind", "at", "amount"),
        UniqueConstraint("service_record_id"),  # a service record earns points once
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    volunteer_id: Mapped[int] = mapped_column(ForeignKey("volunteers.id"))
    kind: Mapped[str] = mapped_column(String(12))
    amount: Mapped[int] = mapped_column(Integer)
    reason: Mapped[str] = mapped_column(Text, default="")
    reference: Mapped[str] = mapped_column(String(80), default="")
    service_record_id: Mapped[int | None] = mapped_column(ForeignKey("service_records.id"))
    redemption_id: Mapped[int | None] = mapped_column(ForeignKey("redemptions.id"))
    reverses_id: Mapped[int | None] = mapped_column(ForeignKey("points_entries.id"))
    actor_id: Mapped[int | None] = mapped_column(ForeignKey("staff_accounts.id"))
    actor_name: Mapped[str] = mapped_column(String(60))
    at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)


class ShopItem(Base):
    """An item of the exchange shop (爱心超市); `stock` always equals the sum of its movements."""

    __tablename__ = "shop_items"
    __table_args__ = (UniqueConstraint("name"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(100))
    unit: Mapped[str] = mapped_column(String(12), default="")
    price: Mapped[int] = mapped_column(Integer)  # hundredths of a point
    stock: Mapped[int] = mapped_column(Integer, default=0)
    active: Mapped[bool] = mapped_column(Boolean, default=True)
    # At most `limit_quantity` per volunteer in each `limit_period` (0 or "": no limit).
    limit_quantity: Mapped[int] = mapped_column(Integer, default=0)
    limit_period: Mapped[str] = mapped_column(String(8), default="")
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
    updated_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow, onupdate=utcnow)


class Redemption(Base):
    """One exchange at the shop: a volunteer takes one or several items for points."""

    __tablename__ = "redemptions"
    __table_args__ = (
        Index("ix_redemptions_volunteer", "volunteer_id", "at"),
        Index("ix_redemptions_at", "at"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    volunteer_id: Mapped[int] = mapped_column(ForeignKey("volunteers.id"))
    points: Mapped[int] = mapped_column(Integer)  # hundredths of a point
    note: Mapped[str] = mapped_column(Text, default="")
    actor_id: Mapped[int | None] = mapped_column(ForeignKey("staff_accounts.id"))
    actor_name: Mapped[str] = mapped_column(String(60))
    at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
    # Goods handed back: the points are reversed and the stock returned; the row stays.
    cancelled_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    cancel_reason: Mapped[str] = mapped_column(Text, default="")


class RedemptionLine(Base):
    __tablename__ = "redemption_lines"

    id: Mapped[int] = mapped_column(primary_key=True)
    redemption_id: Mapped[int] = mapped_column(ForeignKey("redemptions.id", ondelete="CASCADE"), index=True)
    item_id: Mapped[int] = mapped_column(ForeignKey("shop_items.id"), index=True)
    item_name: Mapped[str] = mapped_column(String(100))  # as it was when redeemed
    quantity: Mapped[int] = mapped_column(Integer)
    unit_price: Mapped[int] = mapped_column(Integer)  # hundredths of a point


class StockMovement(Base):
    """Every change of an item's stock, signed: intake, adjustment, redemption or return."""

    __tablename__ = "stock_movements"
    __table_args__ = (Index("ix_stock_movements_item_at", "item_id", "at"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    item_id: Mapped[int] = mapped_column(ForeignKey("shop_items.id"))
    kind: Mapped[str] = mapped_column(String(12))
    quantity: Mapped[int] = mapped_column(Integer)
    reason: Mapped[str] = mapped_column(Text, default="")
    redemption_id: Mapped[int | None] = mapped_column(ForeignKey("redemptions.id"))
    actor_id: Mapped[int | None] = mapped_column(ForeignKey("staff_accounts.id"))
    actor_name: Mapped[str] = mapped_column(String(60))
    at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)


# The dashboard's sums over service records, read from an index alone instead of the table:
# per event (and so per month, category and team) and per volunteer (stars, who served).
Index(
    "ix_service_records_event_minutes",
    ServiceRecord.event_id, ServiceRecord.review_state, ServiceRecord.volunteer_id, ServiceRecord.minutes,
)
Index(
    "ix_service_records_volunteer_minutes",
    ServiceRecord.volunteer_id, ServiceRecord.review_state, ServiceRecord.minutes,
)
