"""The yardstick for start-up: a bare PySide6 QMainWindow that quits once it is shown and painted."""

from __future__ import annotations

import sys

from PySide6.QtCore import QEvent, QObject, QTimer
from PySide6.QtWidgets import QApplication, QLabel, QMainWindow


class QuitAfterPaint(QObject):
    def eventFilter(self, watched, event) -> bool:
        if event.type() == QEvent.Type.Paint:
            QTimer.singleShot(0, QApplication.instance().quit)
        return False


def main() -> int:
    app = QApplication(sys.argv)
    window = QMainWindow()
    window.setWindowTitle("bare")
    window.setCentralWidget(QLabel("bare"))
    window.resize(1200, 800)
    quitter = QuitAfterPaint()
    window.installEventFilter(quitter)
    window.show()
    return app.exec()


if __name__ == "__main__":
    raise SystemExit(main())
