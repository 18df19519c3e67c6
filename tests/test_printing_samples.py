"""A small station made through the services, for the printing tests and the docs/ renders.

`build_station` registers a station, three teams, 24 volunteers (two with rare characters in
their names that only one of the two faces has), four past events with service records (a
no-show, a walk-in and a missing sign-out each) and one upcoming event with enrolments. Run this file to render every document in Chinese to
docs/*.png: `python tests/test_printing_samples.py`.
"""

from __future__ import annotations

import shutil
import subprocess
import sys
from dataclasses import dataclass, field
from datetime import date, datetime, time, timedelta
from pathlib import Path

if __name__ == "__main__":  # run as a script from a checkout
    sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from desktop.idcard import check_character
from desktop.models import Event, ServiceRecord
from desktop.services import enrolment, events, settings, stations, teams, volunteers
from desktop.services.permissions import Actor

STATION = "幸福里社区新时代文明实践站"
TEAM_NAMES = (
    ("夕阳红助老志愿服务队", "elderly_disability"),
    ("书香阅读志愿服务队", "reading"),
    ("文明交通志愿服务队", "civilized_traffic"),
)
NAMES = (
    "张伟", "王芳", "李娜", "刘洋", "陈静", "杨磊", "赵敏", "黄晓明", "周杰", "吴秀英",
    "徐建国", "孙婳", "马超", "朱红梅", "胡军", "郭晶晶", "林小燕", "何志强", "高峰", "罗玉兰",
    "欧阳娜娜", "诸葛明亮", "李㛃", "司马相如",
)
PAST_EVENTS = (
    ("重阳节敬老院慰问演出", "elderly_disability", 0, "幸福里社区敬老院", "社区孤寡、空巢老人约60人", 60, 150),
    ("亲子共读绘本分享会", "reading", 1, "社区图书室", "社区儿童及家长", 35, 120),
    ("早高峰文明交通劝导", "civilized_traffic", 2, "建设路与解放路交叉口", "过往行人和非机动车驾驶人", 500, 90),
    ("垃圾分类入户宣传", "environment", 0, "幸福里小区各单元", "小区居民", 200, 180),
)


def resident_id(region: str, born: date, serial: int, female: bool) -> str:
    seq = f"{serial % 100:02d}{(serial % 5) * 2 + (0 if female else 1)}"
    body = f"{region}{born:%Y%m%d}{seq}"
    return body + check_character(body)


@dataclass
class Station:
    station_id: int
    team_ids: list[int]
    volunteer_ids: list[int]
    codes: dict[int, str]
    names: dict[int, str]
    past_event_ids: list[int]
    upcoming_event_id: int
    enrolled_ids: list[int] = field(default_factory=list)


def build_station(db, actor: Actor, *, today: date | None = None) -> Station:
    today = today or date.today()
    tz = events.local_tz()
    with db.uow() as s:
        sid = stations.create_station(s, actor, STATION, "station")
        settings.update(
            s, actor, station_name=STATION, person_in_charge="张建华", handler="李晓梅",
            contact="0571-8888 6666",
        )
        vids = []
        for i, name in enumerate(NAMES):
            female = i % 2 == 1
            born = date(1950 + (i * 3) % 50, 1 + i % 12, 1 + i % 28)
            vids.append(volunteers.create_volunteer(s, actor, volunteers.VolunteerInput(
                name=name,
                id_number=resident_id("330102", born, i + 1, female),
                phone=f"139{i:04d}{5678 + i:04d}",
                registered_on=today - timedelta(days=400 - i),
                station_id=sid,
            )))
        tids = []
        for k, (tname, category) in enumerate(TEAM_NAMES):
            members = vids[k * 8:(k + 1) * 8]
            tid = teams.create_team(s, actor, teams.TeamInput(
                tname, category, sid, leader_id=members[0],
                description="每周二、周四上午开展活动，欢迎社区居民报名参加。",
            ))
            teams.add_members(s, actor, tid, members)
            tids.append(tid)
        past = []
        for n, (title, category, team, place, beneficiaries, served, minutes) in enumerate(PAST_EVENTS):
            day = today - timedelta(days=40 - n * 9)
            start = datetime.combine(day, time(9, 0), tzinfo=tz)
            eid = events.create_event(s, actor, events.EventInput(
                title=title, category=category, start_at=start, end_at=start + timedelta(hours=3),
                station_id=sid, team_id=tids[team], place=place, beneficiaries=beneficiaries,
                service_content=f"{title}：组织志愿者开展服务，做好记录。", leader_name="王建国",
                recorder_name="李晓梅",
            ), status="published")
            members = vids[team * 8:(team + 1) * 8]
            enrolment.enrol(s, actor, eid, members)
            ev = s.get(Event, eid)
            ev.status = "finished"
            ev.people_served = served
            absent = members[(n + 5) % 8]  # one enrolled volunteer did not come
            walk_in = vids[(team * 8 + 8 + n) % 24]  # one came without enrolling
            for j, vid in enumerate([m for m in members if m != absent] + [walk_in]):
                flags = "walk_in" if vid == walk_in else ("auto_signout" if j == 2 else "")
                s.add(ServiceRecord(
                    event_id=eid, volunteer_id=vid, sign_in=start + timedelta(minutes=5 * (j % 4)),
                    sign_out=start + timedelta(minutes=minutes), minutes=minutes - 15 * (j % 3), flags=flags,
                    review_state="pending" if j == 4 and n == 0 else "approved",
                ))
            past.append(eid)
        start = datetime.combine(today + timedelta(days=3), time(14, 30), tzinfo=tz)
        upcoming = events.create_event(s, actor, events.EventInput(
            title="幸福里社区敬老院重阳节慰问演出及助老服务活动", category="elderly_disability",
            start_at=start, end_at=start + timedelta(hours=2, minutes=30), station_id=sid,
            team_id=tids[0], place="幸福里社区敬老院二楼活动室", capacity=40,
            beneficiaries="社区孤寡老人、空巢老人约60人",
            service_content="为老人表演文艺节目，陪伴聊天，帮助打扫房间、整理床铺，为行动不便的老人理发、"
                            "测量血压，并宣传防范养老诈骗知识。",
            leader_name="王建国", recorder_name="李晓梅",
        ), status="published")
        enrolled = vids[:8] + vids[20:24]
        enrolment.enrol(s, actor, upcoming, enrolled)
        codes = {vid: s.get(volunteers.Volunteer, vid).card_code for vid in vids}
    return Station(sid, tids, vids, codes, dict(zip(vids, NAMES)), past, upcoming, enrolled)


def test_the_sample_station_has_hours_and_enrolments(db, admin):
    station = build_station(db, admin)
    with db.reader() as s:
        minutes = volunteers.approved_minutes(s, station.volunteer_ids)
    # Team 1 served at events 0 and 3, missing one member each time: all have approved hours.
    assert all(minutes[v] > 0 for v in station.volunteer_ids[:8])
    assert len(station.enrolled_ids) == 12


def brand_images(folder: Path) -> tuple[Path, Path]:
    """A logo and a round red seal (transparent PNG) like a station's, drawn with PIL."""
    import math

    from PIL import Image, ImageDraw, ImageFont

    from desktop.printing.fonts import fonts_dir

    font = str(fonts_dir() / "wqy-microhei.ttc")
    logo = Image.new("RGBA", (240, 240), (0, 0, 0, 0))
    d = ImageDraw.Draw(logo)
    d.rounded_rectangle((8, 8, 232, 232), 40, fill=(200, 22, 29, 255))
    big = ImageFont.truetype(font, 78)
    d.text((120, 82), "文明", font=big, fill="white", anchor="mm")
    d.text((120, 166), "实践", font=big, fill="white", anchor="mm")
    seal = Image.new("RGBA", (480, 480), (0, 0, 0, 0))
    d = ImageDraw.Draw(seal)
    red = (210, 20, 30, 215)
    d.ellipse((12, 12, 468, 468), outline=red, width=16)
    star = [(240 + r * math.cos(math.pi / 2 + k * math.pi / 5), 240 - r * math.sin(math.pi / 2 + k * math.pi / 5))
            for k, r in zip(range(10), [70, 27] * 5)]
    d.polygon(star, fill=red)
    d.text((240, 360), "专用章", font=ImageFont.truetype(font, 46), fill=red, anchor="mm")
    ring = ImageFont.truetype(font, 50)
    text = STATION[:12]
    for i, ch in enumerate(text):
        angle = math.radians(210 - i * 240 / (len(text) - 1))
        tile = Image.new("RGBA", (64, 64), (0, 0, 0, 0))
        ImageDraw.Draw(tile).text((32, 32), ch, font=ring, fill=red, anchor="mm")
        tile = tile.rotate(math.degrees(angle) - 90, resample=Image.BICUBIC)
        x, y = 240 + 170 * math.cos(angle), 240 - 170 * math.sin(angle)
        seal.alpha_composite(tile, (int(x - 32), int(y - 32)))
    logo_path, seal_path = folder / "logo.png", folder / "seal.png"
    logo.save(logo_path)
    seal.save(seal_path)
    return logo_path, seal_path


# --- docs/*.png ------------------------------------------------------------------------------


def render_docs(out_dir: Path, dpi: int = 60) -> list[Path]:
    """Render every document in Chinese from a fresh sample station; one PNG per document."""
    import tempfile

    from desktop import i18n
    from desktop.db import open_database
    from desktop.printing.attendance import render_attendance
    from desktop.printing.cards import render_cards
    from desktop.printing.certificate import render_certificates
    from desktop.printing.honour import render_honours
    from desktop.printing.period_report import render_period_report
    from desktop.printing.roster import render_roster
    from desktop.printing.signin_sheet import render_signin_sheet
    from desktop.services import certificates, printouts
    from desktop.services.permissions import SYSTEM

    i18n.set_language("zh_CN")
    work = Path(tempfile.mkdtemp())
    db = open_database(work / "sample.sqlite")
    station = build_station(db, SYSTEM)
    today = date.today()
    logo, seal = brand_images(work)
    with db.uow() as s:
        settings.update(s, SYSTEM, logo_path=str(logo), seal_path=str(seal))
        brand = printouts.branding(s)
        first = station.volunteer_ids[1]
        cert = certificates.issue_service_certificate(
            s, SYSTEM, first, today - timedelta(days=60), today, remarks="用于学校社会实践证明材料。"
        )
        settings.update(s, SYSTEM, star_thresholds=(1, 2, 4, 8, 16))
        honour = certificates.issue_honour(s, SYSTEM, first)
        docs = {
            "certificate": (render_certificates, printouts.certificate_documents(s, SYSTEM, [cert])),
            "honour": (render_honours, printouts.honour_documents(s, SYSTEM, [honour])),
            "cards": (render_cards, printouts.card_documents(
                s, SYSTEM, printouts.team_member_ids(s, station.team_ids[0]) + station.volunteer_ids[20:22],
                team_id=station.team_ids[0])),
            "signin-sheet": (render_signin_sheet, printouts.signin_sheet(s, SYSTEM, station.upcoming_event_id)),
            "roster": (render_roster, printouts.roster(s, SYSTEM, station.team_ids[0])),
            "attendance": (render_attendance, printouts.attendance(s, SYSTEM, station.past_event_ids[0])),
            "report": (render_period_report, printouts.period_report(s, SYSTEM, today - timedelta(days=90), today)),
        }
        reprint = printouts.reprint_documents(s, SYSTEM, printouts.certificate_documents(s, SYSTEM, [cert])[0].number)
    db.dispose()
    docs["certificate-copy"] = (render_certificates, reprint[1])
    written = []
    for name, (render, data) in docs.items():
        pdf = work / f"{name}.pdf"
        render(pdf, data, brand)
        stem = out_dir / f"printing-{name}"
        subprocess.run(["pdftoppm", "-r", str(dpi), "-png", "-singlefile", str(pdf), str(stem)], check=True)
        written.append(stem.with_suffix(".png"))
    shutil.rmtree(work, ignore_errors=True)
    return written


if __name__ == "__main__":
    target = Path(sys.argv[1]) if len(sys.argv) > 1 else Path(__file__).resolve().parent.parent / "docs"
    target.mkdir(exist_ok=True)
    for path in render_docs(target, int(sys.argv[2]) if len(sys.argv) > 2 else 60):
        print(path)
