"""Screenshots of the events calendar for the docs: a month and a week of a busy station, in Chinese.

    QT_QPA_PLATFORM=offscreen python tools/calendar_screenshots.py [--out docs] [--events 200]

Makes a temporary database with realistic events around the current month (made through the
services, like the window does), opens the calendar page at 1360x860 and saves
calendar-month.png and calendar-week.png.
"""

from __future__ import annotations

import argparse
import os
import random
import sys
import tempfile
from datetime import date, datetime, time, timedelta
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from desktop import i18n  # noqa: E402
from desktop.db import Database, open_database  # noqa: E402
from desktop.idcard import check_character  # noqa: E402
from desktop.services import enrolment, events, series, stations, teams, volunteers  # noqa: E402
from desktop.services.permissions import Actor  # noqa: E402

ACTOR = Actor(None, "王晓梅", "admin")

TITLES = {
    "elderly_disability": ["敬老院探访", "爱心义剪", "独居老人关爱走访", "助残康复陪伴", "老年人智能手机课堂"],
    "reading": ["亲子阅读时光", "绘本故事会", "周末读书会", "经典诵读"],
    "civilized_traffic": ["文明交通劝导", "路口文明执勤", "共享单车整理"],
    "policy_lecture": ["党的创新理论宣讲", "反诈宣传讲座", "法律知识进社区", "政策解读会"],
    "science": ["科普进社区", "青少年科学实验课", "防灾减灾科普"],
    "environment": ["垃圾分类宣传", "河道清洁行动", "植树护绿", "社区环境整治"],
    "culture_arts": ["书法公益课", "广场舞展演", "戏曲进社区", "剪纸艺术课"],
    "other": ["义诊服务", "便民服务日", "邻里节", "志愿者培训"],
}
PLACES = [
    "社区活动室", "新时代文明实践站", "幸福院", "社区图书室", "文化礼堂", "南门广场", "阳光路与人民路口",
    "卫生服务站", "河道沿线", "党群服务中心", "多功能厅", "老年大学教室",
]
TEAMS = [
    ("夕阳红助老服务队", "elderly_disability"), ("书香润心读书会", "reading"), ("文明交通志愿服务队", "civilized_traffic"),
    ("红色宣讲团", "policy_lecture"), ("科普小分队", "science"), ("绿色家园环保队", "environment"),
    ("墨韵书法社", "culture_arts"), ("邻里守望服务队", "other"),
]
NAMES = "张伟 王芳 李娜 刘洋 陈静 杨敏 赵磊 黄丽 周杰 吴霞 徐明 孙丽 马超 朱红 胡军 郭梅 何平 高燕 林涛 罗琳".split()
SLOTS = [(time(8, 30), 180), (time(9, 0), 120), (time(9, 30), 90), (time(10, 0), 120), (time(14, 0), 150),
         (time(14, 30), 120), (time(15, 0), 90), (time(19, 0), 90)]


def _id_number(i: int) -> str:
    born = date(1960, 1, 1) + timedelta(days=97 * i)
    first17 = f"330102{born:%Y%m%d}{i % 100:02d}{i % 10}"
    return first17 + check_character(first17)


def populate(db: Database, month: date, n_events: int, seed: int = 7) -> None:
    rng = random.Random(seed)
    now = datetime.now().astimezone()
    with db.uow() as s:
        stations.create_station(s, ACTOR, "幸福里社区新时代文明实践站")
        people = [
            volunteers.create_volunteer(
                s, ACTOR, volunteers.VolunteerInput(name=NAMES[i % len(NAMES)] + ("" if i < len(NAMES) else str(i)),
                                                   id_number=_id_number(i), phone=f"139{i:08d}"),
            )
            for i in range(60)
        ]
        team_ids = {}
        for k, (name, category) in enumerate(TEAMS):
            tid = teams.create_team(s, ACTOR, teams.TeamInput(name, category, leader_id=people[k]))
            teams.add_members(s, ACTOR, tid, rng.sample(people, 10))
            team_ids[category] = tid
        # Brand projects: a weekly reading hour and a monthly visit, as real series.
        first_saturday = month + timedelta(days=(5 - month.weekday()) % 7)
        start = datetime.combine(first_saturday, time(9, 30)).astimezone()
        series.create_series(
            s, ACTOR,
            events.EventInput(title="亲子阅读时光", start_at=start, end_at=start + timedelta(minutes=90), category="reading",
                              team_id=team_ids["reading"], place="社区图书室", capacity=20),
            series.Rule("weekly", count=6), status="published",
        )
    first = month - timedelta(days=month.weekday())
    span = 42
    with db.uow() as s:
        for i in range(n_events):
            day = first + timedelta(days=rng.randrange(span))
            if day.weekday() < 5 and rng.random() < 0.25:
                day += timedelta(days=5 - day.weekday())  # weekends are busier
            category = rng.choice(list(TITLES))
            slot, minutes = rng.choice(SLOTS)
            start = datetime.combine(day, slot).astimezone()
            end = start + timedelta(minutes=minutes)
            if end < now:
                status = "finished" if rng.random() < 0.95 else "cancelled"
            elif start < now:
                status = "ongoing"
            else:
                status = "published" if rng.random() < 0.8 else "draft"
            data = events.EventInput(
                title=rng.choice(TITLES[category]), start_at=start, end_at=end, category=category,
                team_id=team_ids[category] if rng.random() < 0.7 else None, place=rng.choice(PLACES),
                capacity=rng.choice((0, 10, 15, 20, 30)),
            )
            event_id = events.create_event(s, ACTOR, data, status="published" if status != "draft" else "draft")
            if status not in ("draft",):
                enrolment.enrol(s, ACTOR, event_id, rng.sample(people, rng.randrange(3, 18)))
            if status in ("finished", "cancelled", "ongoing"):
                s.flush()
                from desktop.models import Event

                s.get(Event, event_id).status = status  # sample data: the past as it would be by now


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", default=str(ROOT / "docs"))
    parser.add_argument("--events", type=int, default=200)
    parser.add_argument("--lang", default="zh_CN")
    args = parser.parse_args(argv)

    from PySide6.QtCore import QLocale
    from PySide6.QtGui import QFont, QFontDatabase
    from PySide6.QtWidgets import QApplication

    app = QApplication.instance() or QApplication([])
    for font_file in ("/usr/share/fonts/truetype/wqy/wqy-microhei.ttc", str(ROOT / "resources/fonts/wqy-microhei.ttc")):
        if Path(font_file).exists() and QFontDatabase.addApplicationFont(font_file) >= 0:
            break
    font = QFont("WenQuanYi Micro Hei")
    font.setPointSizeF(10)
    app.setFont(font)
    language = i18n.set_language(args.lang)
    QLocale.setDefault(QLocale(language))
    from desktop.ui.style import apply_style
    from desktop.ui.translator import install_translators

    install_translators(app, language)
    apply_style(app)

    from desktop.ui.calendar import CalendarPage

    out = Path(args.out)
    out.mkdir(parents=True, exist_ok=True)
    today = date.today()
    with tempfile.TemporaryDirectory() as folder:
        db = open_database(Path(folder) / "sample.sqlite")
        try:
            populate(db, today.replace(day=1), args.events)
            from PySide6.QtWidgets import QVBoxLayout, QWidget

            window = QWidget()
            window.setObjectName("shot")
            window.setStyleSheet("#shot { background: #f5f6f8; }")
            page = CalendarPage(db, ACTOR, window)
            frame = QVBoxLayout(window)
            frame.setContentsMargins(24, 20, 24, 16)
            frame.addWidget(page)
            window.resize(1360, 860)
            window.show()
            page.calendar.set_date(today)
            app.processEvents()
            window.grab().save(str(out / "calendar-month.png"))
            page.calendar.set_mode("week")
            page.calendar.set_date(today + timedelta(days=7 if today.weekday() >= 5 else 0))  # a week still ahead
            page.calendar.week_view.scroll_to_hour(8)
            app.processEvents()
            window.grab().save(str(out / "calendar-week.png"))
            print(f"saved {out / 'calendar-month.png'} and {out / 'calendar-week.png'}")
        finally:
            db.dispose()
    return 0


if __name__ == "__main__":
    sys.exit(main())
