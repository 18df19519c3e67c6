"""The overview dashboard's numbers against hand-counted ones on a small district, its charts'
series, lists, the station scope, and its exports (xlsx and PDF)."""

from __future__ import annotations

import io
from datetime import date, datetime, timedelta

import pytest

from desktop.models import Event, Team
from desktop.services import dashboard, enrolment, hours, settings, shop, stations, stats, teams
from desktop.services.events import local_day_bounds
from desktop.services.permissions import SYSTEM

from .test_points import CLERK, event, record, volunteer

NOW = local_day_bounds(date(2025, 6, 1))[0] + timedelta(hours=10)


def at(day: date, hour: int = 9) -> datetime:
    return local_day_bounds(day)[0] + timedelta(hours=hour)


@pytest.fixture
def district(db):
    """A centre with two stations; six volunteers, two teams, six events, hand-made records.

    | event | station | team | category | day        | status    | served | records (minutes, state)          |
    | E0    | S1      | T1   | reading  | 2024-12-15 | finished  | 5      | v1 600 approved                   |
    | E1    | S1      | T1   | reading  | 2025-03-10 | finished  | 30     | v1 120 ok, v2 90 ok, v3 60 pending* |
    | E2    | S1      | T1   | science  | 2025-04-05 | finished  | 20     | v1 60 ok, v4 30 rejected          |
    | E3    | S2      | T2   | reading  | 2025-04-20 | finished  | 10     | v5 180 ok                         |
    | E4    | S2      | -    | other    | 2025-05-01 | cancelled | -      | -                                 |
    | E5    | S1      | -    | other    | 2025-06-05 | published | -      | v1, v2 enrolled                   |
    (* flagged: no sign-out)
    """
    with db.uow() as s:
        settings.update(s, SYSTEM, star_thresholds=(1, 2, 3, 4, 5))
        centre = stations.create_station(s, SYSTEM, "南关区新时代文明实践中心", "centre")
        s1 = stations.create_station(s, SYSTEM, "明珠社区新时代文明实践站", "station", centre)
        s2 = stations.create_station(s, SYSTEM, "东岭社区新时代文明实践站", "station", centre)
        registered = [
            date(2023, 5, 1),
            date(2025, 1, 20),
            date(2025, 3, 3),
            date(2025, 3, 28),
            date(2024, 8, 8),
            date(2025, 3, 15),
        ]
        homes = [s1, s1, s1, s1, s2, s2]
        v = [
            volunteer(s, f"志愿者{i + 1}", registered_on=day, station_id=home)
            for i, (day, home) in enumerate(zip(registered, homes))
        ]
        t1 = teams.create_team(s, SYSTEM, teams.TeamInput("书香阅读志愿队", "reading", s1))
        t2 = teams.create_team(s, SYSTEM, teams.TeamInput("东岭红色宣讲团", "policy_lecture", s2))
        for tid in (t1, t2):
            s.get(Team, tid).created_at = at(date(2024, 1, 10))
        e = [
            event(s, at(date(2024, 12, 15)), station_id=s1, team_id=t1, category="reading"),
            event(s, at(date(2025, 3, 10)), station_id=s1, team_id=t1, category="reading"),
            event(s, at(date(2025, 4, 5)), station_id=s1, team_id=t1, category="science"),
            event(s, at(date(2025, 4, 20)), station_id=s2, team_id=t2, category="reading"),
            event(s, at(date(2025, 5, 1)), station_id=s2, category="other", status="cancelled"),
            event(
                s,
                at(date(2025, 6, 5)),
                station_id=s1,
                category="other",
                status="published",
                title="便民服务日",
            ),
        ]
        for eid, served_ in zip(e, (5, 30, 20, 10)):
            s.get(Event, eid).people_served = served_
        approve = [
            record(s, e[0], v[0], 600),
            record(s, e[1], v[0], 120),
            record(s, e[1], v[1], 90),
            record(s, e[2], v[0], 60),
            record(s, e[3], v[4], 180),
        ]
        record(s, e[1], v[2], 60, flags="auto_signout")
        rejected = record(s, e[2], v[3], 30)
        hours.approve(s, CLERK, approve)
        hours.reject(s, CLERK, [rejected], "未到场")
        enrolment.enrol(s, SYSTEM, e[5], [v[0], v[1]])
    item = None
    with db.uow() as s:
        item = shop.create_item(s, CLERK, shop.ItemInput("洗衣液", 4), opening_stock=10)
        shop.redeem(s, CLERK, v[0], {item: 1})
    return {"centre": centre, "s1": s1, "s2": s2, "v": v, "t": (t1, t2), "e": e}


def board(db, start=date(2025, 1, 1), end=date(2025, 12, 31), station=None):
    with db.reader() as s:
        return dashboard.dashboard(s, start, end, station, now=NOW)


def test_the_figures_of_a_year_for_the_whole_district(db, district):
    f = board(db).figures
    assert f.volunteers == 6 and f.new_volunteers == 4  # registered by 31 December; 4 of them in 2025
    assert f.active_volunteers == 4  # v1, v2, v3 (pending counts as served) and v5; v4 was rejected
    assert f.teams == 2
    assert (f.events, f.events_held) == (4, 3)  # E1, E2, E3 held, E5 planned; E4 cancelled
    assert f.service_instances == 5  # E1: 3, E2: 1 (the rejected one does not count), E3: 1
    assert f.service_hours == 7.5  # (120 + 90 + 60 + 180) / 60
    assert f.people_served == 60
    assert f.stars == {1: 1, 2: 0, 3: 1, 4: 0, 5: 1}  # v2 1.5 h, v5 3 h, v1 13 h (all time)
    assert f.waiting_review == 1


def test_points_figures_of_all_time(db, district):
    f = board(db, None, None).figures
    # Earned at approval: v1 10 + 2 + 1, v2 1.5, v5 3 = 17.5; 4 redeemed.
    assert (f.points_earned, f.points_redeemed, f.points_balance) == (17.5, 4.0, 13.5)
    # The points were credited today, so nothing was earned in 2025.
    assert board(db).figures.points_earned == 0.0


def test_the_charts_of_a_year(db, district):
    d = board(db)
    assert not d.by_year and [b.label for b in d.hours][:4] == ["2025-01", "2025-02", "2025-03", "2025-04"]
    assert len(d.hours) == 12
    assert {b.label: b.value for b in d.hours if b.value} == {"2025-03": 3.5, "2025-04": 4.0}
    assert {b.label: b.value for b in d.new_volunteers if b.value} == {"2025-01": 1, "2025-03": 3}
    assert [(c.key, c.value) for c in d.events_by_category] == [("reading", 2), ("science", 1), ("other", 1)]
    t1, t2 = district["t"]
    assert [(t.key, t.label, t.value) for t in d.top_teams] == [
        (t1, "书香阅读志愿队", 4.5),
        (t2, "东岭红色宣讲团", 3.0),
    ]


def test_all_time_is_charted_by_year_when_it_is_long(db, district):
    d = board(db, None, None)
    # From the first registration (May 2023) to June 2025: 26 months, so by year.
    assert d.by_year and [(b.label, b.value) for b in d.hours] == [("2023", 0), ("2024", 10.0), ("2025", 7.5)]
    assert [(b.label, b.value) for b in d.new_volunteers] == [("2023", 1), ("2024", 1), ("2025", 4)]
    assert d.figures.events == 5 and d.figures.service_hours == 17.5 and d.figures.active_volunteers == 4


def test_upcoming_events_and_records_waiting_for_review(db, district):
    d = board(db)
    e = district["e"]
    assert [(u.id, u.title, u.enrolled) for u in d.upcoming] == [(e[5], "便民服务日", 2)]
    assert [(w.event_id, w.records, w.flagged) for w in d.waiting] == [(e[1], 1, 1)]


def test_one_station_and_the_centre_above_it(db, district):
    s1 = board(db, station=district["s1"])
    f = s1.figures
    assert (f.volunteers, f.new_volunteers, f.teams) == (4, 3, 1)
    assert (f.events, f.events_held, f.service_instances, f.service_hours, f.people_served) == (
        3,
        2,
        4,
        4.5,
        50,
    )
    assert f.active_volunteers == 3 and f.stars == {1: 1, 2: 0, 3: 0, 4: 0, 5: 1}
    assert s1.station_name == "明珠社区新时代文明实践站"
    whole, centre = board(db, None, None), board(db, None, None, district["centre"])
    assert centre.figures == whole.figures  # the centre covers every station
    s2 = board(db, None, None, district["s2"]).figures
    assert (s2.points_earned, s2.points_redeemed) == (3.0, 0.0)  # v5's points, registered at S2


def test_the_dashboard_agrees_with_stationdesk_stats(db, district):
    with db.reader() as s:
        f = board(db).figures
        st = stats.figures(s, date(2025, 1, 1), date(2025, 12, 31))
    assert (st.volunteers, st.teams, st.events_held, st.service_hours, st.people_served) == (
        f.volunteers,
        f.teams,
        f.events_held,
        f.service_hours,
        f.people_served,
    )
    assert st.stars == f.stars


def test_period_choices():
    today = date(2025, 6, 18)
    assert dashboard.period_dates("this_year", today) == (date(2025, 1, 1), date(2025, 12, 31))
    assert dashboard.period_dates("last_year", today) == (date(2024, 1, 1), date(2024, 12, 31))
    assert dashboard.period_dates("this_month", today) == (date(2025, 6, 1), date(2025, 6, 30))
    assert dashboard.period_dates("last_12_months", today) == (date(2024, 7, 1), date(2025, 6, 30))
    assert dashboard.period_dates("all", today) == (None, None)
    assert dashboard.period_dates("this_month", date(2024, 12, 5)) == (date(2024, 12, 1), date(2024, 12, 31))


def test_the_station_chooser_lists_the_tree(db, district):
    with db.reader() as s:
        choices = dashboard.station_choices(s)
    assert [(c.name[:4], c.depth) for c in choices] == [("南关区新", 0), ("明珠社区", 1), ("东岭社区", 1)]


def test_export_to_xlsx_reads_back(db, district, tmp_path):
    from openpyxl import load_workbook

    with db.uow() as s:
        n = dashboard.export_xlsx(s, CLERK, tmp_path / "overview.xlsx", date(2025, 1, 1), date(2025, 12, 31))
    rows = list(load_workbook(tmp_path / "overview.xlsx").active.iter_rows(values_only=True))
    assert rows[0] == ("Section", "Item", "Value") and len(rows) == n + 1
    table = {(a, b): c for a, b, c in rows[1:]}
    assert table[("Figures", "Service hours")] == 7.5
    assert table[("Figures", "5-star volunteers")] == 1
    assert table[("Service hours by month", "2025-04")] == 4
    assert table[("Teams with the most service hours", "书香阅读志愿队")] == 4.5


def test_the_printed_dashboard(db, district):
    from pypdf import PdfReader

    from desktop.printing.dashboard_report import render_dashboard_report

    with db.reader() as s:
        data, brand = dashboard.printable(
            s, SYSTEM, date(2025, 1, 1), date(2025, 12, 31), district["s1"], now=NOW
        )
    out = io.BytesIO()
    pages = render_dashboard_report(out, data, brand)
    text = "".join(p.extract_text() for p in PdfReader(io.BytesIO(out.getvalue())).pages)
    assert pages == len(PdfReader(io.BytesIO(out.getvalue())).pages)
    for expected in (
        "Volunteer Service Overview",
        "明珠社区新时代文明实践站",
        "2025-01-01 to 2025-12-31",
        "Service hours by month",
        "书香阅读志愿队",
        "便民服务日",
        "4.5",
    ):
        assert expected in text


def test_nothing_at_all(db):
    d = board(db)
    assert d.figures.volunteers == 0 and d.figures.stars == {1: 0, 2: 0, 3: 0, 4: 0, 5: 0}
    assert len(d.hours) == 12 and d.top_teams == [] and d.upcoming == [] and d.waiting == []
    assert (d.figures.points_earned, d.figures.points_balance) == (0.0, 0.0)
