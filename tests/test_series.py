"""Recurring series: the rule's dates, skipped and moved dates, "this one" and "this and following"."""

from __future__ import annotations

from datetime import date, datetime, time, timedelta

import pytest
from sqlalchemy import func, select

from desktop.models import AuditEntry, Event, EventSeries, SeriesException
from desktop.services import enrolment, events, series
from desktop.services.errors import Conflict, ValidationError
from desktop.services.series import Rule, occurrence_dates
from tests.helpers import add_volunteer


def local(day: date, hour: int, minute: int = 0) -> datetime:
    return datetime.combine(day, time(hour, minute)).astimezone()


def reading_hour(day: date = date(2031, 3, 1), **kw) -> events.EventInput:
    """Saturday 1 March 2031, 09:30-11:00: the parent-child reading hour."""
    values = dict(title="亲子阅读时光", place="社区图书室", category="reading", capacity=20)
    values.update(kw)
    return events.EventInput(start_at=local(day, 9, 30), end_at=local(day, 11), **values)


def local_starts(s, ids):
    return [s.get(Event, i).start_at.astimezone() for i in ids]


# --- the rule ------------------------------------------------------------------------------


def test_weekly_dates_on_several_weekdays_with_a_count():
    wednesday = date(2031, 3, 5)
    dates = occurrence_dates(wednesday, Rule("weekly", 1, (0, 2), count=5))
    assert dates == [date(2031, 3, 5), date(2031, 3, 10), date(2031, 3, 12), date(2031, 3, 17), date(2031, 3, 19)]


def test_every_other_week_until_a_date_inclusive():
    dates = occurrence_dates(date(2031, 3, 1), Rule("weekly", 2, until=date(2031, 4, 12)))
    assert dates == [date(2031, 3, 1), date(2031, 3, 15), date(2031, 3, 29), date(2031, 4, 12)]


def test_monthly_on_the_31st_falls_on_the_last_day_of_short_months():
    dates = occurrence_dates(date(2031, 1, 31), Rule("monthly", count=4))
    assert dates == [date(2031, 1, 31), date(2031, 2, 28), date(2031, 3, 31), date(2031, 4, 30)]


def test_monthly_by_weekday_and_by_last_weekday():
    second_wednesday = date(2031, 1, 8)
    assert occurrence_dates(second_wednesday, Rule("monthly", monthly_mode="weekday", count=3)) == [
        date(2031, 1, 8), date(2031, 2, 12), date(2031, 3, 12),
    ]
    last_friday = date(2031, 1, 31)
    assert occurrence_dates(last_friday, Rule("monthly", monthly_mode="last_weekday", count=3)) == [
        date(2031, 1, 31), date(2031, 2, 28), date(2031, 3, 28),
    ]
    # A fifth Friday does not exist every month: those months are passed over.
    assert occurrence_dates(last_friday, Rule("monthly", monthly_mode="weekday", count=3)) == [
        date(2031, 1, 31), date(2031, 5, 30), date(2031, 8, 29),
    ]


def test_a_rule_needs_exactly_one_end_and_sane_numbers():
    first = date(2031, 3, 1)
    with pytest.raises(ValidationError) as err:
        series.validate_rule(first, Rule("weekly"))
    assert "until" in err.value.fields
    with pytest.raises(ValidationError):
        series.validate_rule(first, Rule("weekly", count=3, until=date(2031, 5, 1)))
    with pytest.raises(ValidationError) as err:
        series.validate_rule(first, Rule("weekly", count=0))
    assert "count" in err.value.fields
    with pytest.raises(ValidationError) as err:
        series.validate_rule(first, Rule("weekly", until=date(2031, 2, 1)))
    assert "before the first" in err.value.fields["until"]
    with pytest.raises(ValidationError) as err:
        series.validate_rule(first, Rule("weekly", until=date(2040, 1, 1), weekdays=(0, 1, 2, 3, 4, 5, 6)))
    assert "until" in err.value.fields


def test_the_rule_in_words():
    assert series.describe(date(2031, 3, 1), Rule("weekly", count=10)) == "Every week on Saturday, 10 times"
    assert (
        series.describe(date(2031, 1, 8), Rule("monthly", 2, monthly_mode="weekday", until=date(2031, 12, 31)))
        == "Every 2 months on the second Wednesday, until 2031-12-31"
    )


# --- making a series -----------------------------------------------------------------------


def test_create_weekly_series_makes_real_events_at_the_same_local_time(db, admin):
    with db.uow() as s:
        result = series.create_series(s, admin, reading_hour(), Rule("weekly", count=4), status="published")
    with db.reader() as s:
        rows = [s.get(Event, i) for i in result.event_ids]
        assert [r.occurrence_date for r in rows] == [date(2031, 3, d) for d in (1, 8, 15, 22)]
        assert all(r.series_id == result.series_id and r.status == "published" for r in rows)
        assert {r.start_at.astimezone().time() for r in rows} == {time(9, 30)}
        assert {r.end_at - r.start_at for r in rows} == {timedelta(minutes=90)}
        info = series.get_series(s, result.series_id)
        assert info.describe() == "Every week on Saturday, 4 times"
        assert s.scalar(select(func.count()).where(AuditEntry.entity == "series")) == 1


def test_bad_event_fields_make_no_series(db, admin):
    with pytest.raises(ValidationError) as err:
        with db.uow() as s:
            series.create_series(s, admin, reading_hour(title=" "), Rule("weekly", count=3))
    assert "title" in err.value.fields
    with db.reader() as s:
        assert s.scalar(select(func.count(EventSeries.id))) == 0
        assert s.scalar(select(func.count(Event.id))) == 0


# --- exceptions ----------------------------------------------------------------------------


def test_skip_a_date_deletes_an_empty_occurrence_and_cancels_one_with_people(db, admin):
    with db.uow() as s:
        ids = series.create_series(s, admin, reading_hour(), Rule("weekly", count=4)).event_ids
        vid = add_volunteer(s, "王芳")
        enrolment.enrol(s, admin, ids[2], [vid])
    with db.uow() as s:
        assert series.skip_occurrence(s, admin, ids[1]) == "deleted"
        assert series.skip_occurrence(s, admin, ids[2]) == "cancelled"
    with db.reader() as s:
        assert s.get(Event, ids[1]) is None
        assert s.get(Event, ids[2]).status == "cancelled"
        sid = s.get(Event, ids[0]).series_id
        assert series.get_series(s, sid).skipped == (date(2031, 3, 8), date(2031, 3, 15))
        assert series.occurrence_ids(s, sid) == [ids[0], ids[3]]


def test_only_planned_dates_of_a_series_can_be_skipped(db, admin):
    with db.uow() as s:
        plain = events.create_event(s, admin, reading_hour())
        ids = series.create_series(s, admin, reading_hour(date(2020, 3, 7)), Rule("weekly", count=2),
                                   status="published").event_ids
        events.change_status(s, admin, ids[0], "ongoing")
    with pytest.raises(Conflict, match="not part of a repeating series"):
        with db.uow() as s:
            series.skip_occurrence(s, admin, plain)
    with pytest.raises(Conflict, match="Only a planned date"):
        with db.uow() as s:
            series.skip_occurrence(s, admin, ids[0])


def test_edit_this_one_changes_only_it_and_a_new_time_is_kept_as_a_move(db, admin):
    with db.uow() as s:
        ids = series.create_series(s, admin, reading_hour(), Rule("weekly", count=4)).event_ids
    with db.uow() as s:
        data, _ = events.get_event(s, ids[1])
        data.title = "亲子阅读时光（绘本专场）"
        data.start_at, data.end_at = local(date(2031, 3, 9), 14), local(date(2031, 3, 9), 15, 30)
        assert series.edit_occurrence(s, admin, ids[1], data, "this") == [ids[1]]
    with db.reader() as s:
        titles = [s.get(Event, i).title for i in ids]
        assert titles == ["亲子阅读时光", "亲子阅读时光（绘本专场）", "亲子阅读时光", "亲子阅读时光"]
        assert local_starts(s, ids)[1] == local(date(2031, 3, 9), 14)
        assert local_starts(s, ids)[2] == local(date(2031, 3, 15), 9, 30)
        assert series.get_series(s, s.get(Event, ids[0]).series_id).moved == (date(2031, 3, 8),)


def test_this_and_following_without_a_new_time_changes_fields_in_place(db, admin):
    with db.uow() as s:
        ids = series.create_series(s, admin, reading_hour(), Rule("weekly", count=5)).event_ids
    with db.uow() as s:
        data, _ = events.get_event(s, ids[2])
        data.place = "文化礼堂二楼"
        data.capacity = 30
        assert series.edit_occurrence(s, admin, ids[2], data, "following") == ids[2:]
    with db.reader() as s:
        assert [s.get(Event, i).place for i in ids] == ["社区图书室"] * 2 + ["文化礼堂二楼"] * 3
        assert [s.get(Event, i).capacity for i in ids] == [20, 20, 30, 30, 30]
        assert s.scalar(select(func.count(EventSeries.id))) == 1
        assert local_starts(s, ids)[4] == local(date(2031, 3, 29), 9, 30)


def test_this_and_following_with_a_new_time_splits_the_series(db, admin):
    with db.uow() as s:
        first = series.create_series(s, admin, reading_hour(), Rule("weekly", count=6))
        ids = first.event_ids
        vid = add_volunteer(s, "李娜")
        enrolment.enrol(s, admin, ids[4], [vid])
        series.skip_occurrence(s, admin, ids[3])  # 22 March is skipped
        moved, _ = events.get_event(s, ids[5])  # 5 April moved to Sunday 6 April
        moved.start_at, moved.end_at = local(date(2031, 4, 6), 15), local(date(2031, 4, 6), 16)
        series.edit_occurrence(s, admin, ids[5], moved, "this")
    with db.uow() as s:
        data, _ = events.get_event(s, ids[2])
        data.start_at, data.end_at = local(date(2031, 3, 15), 14), local(date(2031, 3, 15), 16)
        data.title = "亲子阅读（下午场）"
        changed = series.edit_occurrence(s, admin, ids[2], data, "following")
    with db.reader() as s:
        old = s.get(EventSeries, first.series_id)
        assert old.until_date == date(2031, 3, 14) and old.count is None
        new_id = s.get(Event, ids[2]).series_id
        assert new_id != first.series_id
        new = series.get_series(s, new_id)
        assert new.first_date == date(2031, 3, 15) and new.start_time == time(14)
        assert new.rule.count == 4  # six in all, two before the split
        assert new.skipped == (date(2031, 3, 22),) and new.moved == (date(2031, 4, 5),)
        # Earlier occurrences untouched; later ones re-timed; the enrolled one kept its people.
        assert local_starts(s, ids[:2]) == [local(date(2031, 3, 1), 9, 30), local(date(2031, 3, 8), 9, 30)]
        assert local_starts(s, [ids[2], ids[4]]) == [local(date(2031, 3, 15), 14), local(date(2031, 3, 29), 14)]
        assert enrolment.list_enrolments(s, ids[4])[0].volunteer_id == vid
        # The moved date stays where staff put it, but takes the new title.
        assert local_starts(s, [ids[5]]) == [local(date(2031, 4, 6), 15)]
        assert s.get(Event, ids[5]).title == "亲子阅读（下午场）"
        assert sorted(changed) == sorted([ids[2], ids[4], ids[5]])
        assert s.scalar(select(func.count()).where(SeriesException.series_id == first.series_id)) == 0


def test_this_and_following_with_a_new_rule_adds_and_removes_occurrences(db, admin):
    with db.uow() as s:
        first = series.create_series(s, admin, reading_hour(), Rule("weekly", count=4))
        ids = first.event_ids
    with db.uow() as s:
        data, _ = events.get_event(s, ids[1])
        changed = series.edit_occurrence(
            s, admin, ids[1], data, "following", rule=Rule("weekly", 1, (5, 6), until=date(2031, 3, 23))
        )
    with db.reader() as s:
        new_id = s.get(Event, ids[1]).series_id
        starts = [e.astimezone().date() for e in local_starts(s, series.occurrence_ids(s, new_id))]
        assert starts == [date(2031, 3, 8), date(2031, 3, 9), date(2031, 3, 15), date(2031, 3, 16),
                          date(2031, 3, 22), date(2031, 3, 23)]
        assert len(changed) == 6
        assert series.occurrence_ids(s, first.series_id) == [ids[0]]
    with db.uow() as s:
        data, _ = events.get_event(s, ids[1])
        series.edit_occurrence(s, admin, ids[1], data, "following", rule=Rule("weekly", count=2))
    with db.reader() as s:
        new_id = s.get(Event, ids[1]).series_id
        assert len(series.occurrence_ids(s, new_id)) == 2
        assert s.scalar(select(func.count(Event.id))) == 3  # the surplus planned ones are gone


def test_following_from_the_first_occurrence_changes_the_series_itself(db, admin):
    with db.uow() as s:
        first = series.create_series(s, admin, reading_hour(), Rule("weekly", count=3))
    with db.uow() as s:
        data, _ = events.get_event(s, first.event_ids[0])
        data.start_at, data.end_at = local(date(2031, 3, 1), 8), local(date(2031, 3, 1), 9)
        series.edit_occurrence(s, admin, first.event_ids[0], data, "following")
    with db.reader() as s:
        assert s.scalar(select(func.count(EventSeries.id))) == 1
        assert series.get_series(s, first.series_id).start_time == time(8)
        assert [t.time() for t in local_starts(s, first.event_ids)] == [time(8)] * 3


def test_scope_must_be_known(db, admin):
    with db.uow() as s:
        ids = series.create_series(s, admin, reading_hour(), Rule("weekly", count=2)).event_ids
    with pytest.raises(ValidationError):
        with db.uow() as s:
            series.edit_occurrence(s, admin, ids[0], events.get_event(s, ids[0])[0], "all")
