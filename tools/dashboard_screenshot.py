"""A screenshot of the overview dashboard for the docs, from a demo database (district size is best).

    QT_QPA_PLATFORM=offscreen python tools/dashboard_screenshot.py --db DEMO.sqlite \
        [--lang zh_CN] [--period last_12_months] [--out docs/dashboard.png]

Make the database first with `stationdesk --db DEMO.sqlite demo --volunteers 70000 --teams 120
--events 5000 --scans 1000000`. The whole page is shown (the window is as tall as the page).
"""

from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))


def main() -> int:
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    p.add_argument("--db", required=True)
    p.add_argument("--lang", default="zh_CN")
    p.add_argument("--period", default="last_12_months")
    p.add_argument("--out", default=str(ROOT / "docs" / "dashboard.png"))
    p.add_argument("--width", type=int, default=1440)
    p.add_argument("--height", type=int, default=1420)
    args = p.parse_args()

    from PySide6.QtCore import QEventLoop, QSettings, QTemporaryDir
    from PySide6.QtWidgets import QApplication

    from desktop import i18n
    from desktop.db import open_database
    from desktop.services.permissions import SYSTEM
    from desktop.ui.main_window import MainWindow
    from desktop.ui.style import apply_style
    from desktop.ui.translator import install_translators

    i18n.set_language(args.lang)
    app = QApplication(sys.argv[:1])
    apply_style(app)
    kept = install_translators(app, args.lang)  # noqa: F841 - the translators must stay alive
    folder = QTemporaryDir()
    db = open_database(args.db)
    try:
        window = MainWindow(db, SYSTEM, QSettings(folder.filePath("ui.ini"), QSettings.Format.IniFormat))
        window.resize(args.width, args.height)
        window.show()
        page = window.show_page("overview")
        page.period.setCurrentIndex(page.period.findData(args.period))
        loop = QEventLoop()
        page.loading.finished.connect(loop.quit)
        if page.loading.is_running():
            loop.exec()
        for _ in range(20):
            app.processEvents()
        window.grab().save(args.out)
        window.close()
    finally:
        db.dispose()
    print(args.out)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
