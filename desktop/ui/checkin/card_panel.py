"""A volunteer's card on their record: the QR to show, copy or save for a phone, and reissue."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QRectF, Qt, Signal
from PySide6.QtGui import QColor, QFont, QGuiApplication, QImage, QPainter, QPixmap
from PySide6.QtWidgets import (
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QMessageBox,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from desktop import codes
from desktop.services import cards, volunteers
from desktop.services.errors import ServiceError
from desktop.ui.context import AppContext

PREVIEW_BOX = 5  # pixels per QR module on screen
IMAGE_BOX = 12  # in the saved or copied image: sharp on a phone held up to a camera


def card_image(code: str, name: str) -> QImage:
    """The QR as a picture for a phone: white, the code and the name written under it."""
    qr = QImage.fromData(cards.qr_png(code, box_size=IMAGE_BOX))
    text_height = 120
    image = QImage(qr.width(), qr.height() + text_height, QImage.Format.Format_RGB32)
    image.fill(QColor("#ffffff"))
    painter = QPainter(image)
    painter.setRenderHint(QPainter.RenderHint.TextAntialiasing)
    painter.drawImage(0, 0, qr)
    painter.setPen(QColor("#1f2733"))
    font = QFont()
    font.setPixelSize(34)
    font.setBold(True)
    painter.setFont(font)
    painter.drawText(QRectF(0, qr.height() - 10, qr.width(), 50), Qt.AlignmentFlag.AlignCenter, codes.pretty(code))
    font.setPixelSize(30)
    font.setBold(False)
    painter.setFont(font)
    painter.drawText(QRectF(0, qr.height() + 44, qr.width(), 50), Qt.AlignmentFlag.AlignCenter, name)
    painter.end()
    return image


class CardPanel(QWidget):
    reissued = Signal(str)  # the new code

    def __init__(self, ctx: AppContext, volunteer_id: int, name: str, code: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.volunteer_id = volunteer_id
        self.name = name
        self.code = code
        title = QLabel(self.tr("Volunteer card"))
        title.setObjectName("sectionTitle")
        self.qr = QLabel()
        self.qr.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.qr.setMinimumSize(200, 200)
        self.code_label = QLabel()
        self.code_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.code_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.copy_button = QPushButton(self.tr("Copy image"))
        self.copy_button.setToolTip(self.tr("Paste it into a chat to send the card to the volunteer's phone."))
        self.save_button = QPushButton(self.tr("Save as PNG…"))
        self.reissue_button = QPushButton()
        self.copy_button.clicked.connect(self.copy)
        self.save_button.clicked.connect(self.save)
        self.reissue_button.clicked.connect(self.ask_reissue)
        can_edit = ctx.actor.can("volunteers.edit")
        self.reissue_button.setEnabled(can_edit)
        if not can_edit:
            self.reissue_button.setToolTip(self.tr("Issuing cards needs a coordinator's account."))
        buttons = QHBoxLayout()
        buttons.setSpacing(6)
        buttons.addWidget(self.copy_button)
        buttons.addWidget(self.save_button)
        column = QVBoxLayout(self)
        column.setContentsMargins(0, 0, 0, 0)
        column.setSpacing(8)
        column.addWidget(title)
        column.addWidget(self.qr)
        column.addWidget(self.code_label)
        column.addLayout(buttons)
        column.addWidget(self.reissue_button)
        column.addStretch(1)
        self._show_code()

    def _show_code(self) -> None:
        has_card = codes.is_valid(self.code)
        if has_card:
            pixmap = QPixmap()
            pixmap.loadFromData(cards.qr_png(self.code, box_size=PREVIEW_BOX))
            self.qr.setPixmap(pixmap)
            self.code_label.setText(codes.pretty(self.code))
        else:
            self.qr.setPixmap(QPixmap())
            self.qr.setText(self.tr("No card yet"))
            self.code_label.setText("")
        self.copy_button.setEnabled(has_card)
        self.save_button.setEnabled(has_card)
        self.reissue_button.setText(self.tr("Reissue card…") if has_card else self.tr("Issue a card"))

    def image(self) -> QImage:
        return card_image(self.code, self.name)

    def copy(self) -> None:
        QGuiApplication.clipboard().setImage(self.image())

    def save(self) -> Path | None:
        suggested = str(Path.home() / f"{self.name}-{self.code}.png")
        path, _filter = QFileDialog.getSaveFileName(
            self, self.tr("Save the card as an image"), suggested, self.tr("PNG image (*.png)")
        )
        if not path:
            return None
        target = Path(path).with_suffix(".png")
        if not self.image().save(str(target), "PNG"):
            QMessageBox.warning(
                self, self.tr("Save the card as an image"),
                self.tr("The image could not be written to {path}.").format(path=target),
            )
            return None
        return target

    def ask_reissue(self) -> None:
        if codes.is_valid(self.code):
            answer = QMessageBox.question(
                self,
                self.tr("Reissue the card"),
                self.tr(
                    "{name} gets a new card code. The old card stops working at check-in at once; "
                    "print or send the new one. Reissue?"
                ).format(name=self.name),
            )
            if answer != QMessageBox.StandardButton.Yes:
                return
        self.reissue()

    def reissue(self) -> str | None:
        try:
            with self.ctx.database.uow() as s:
                code = volunteers.reissue_card(s, self.ctx.actor, self.volunteer_id)
        except ServiceError as exc:
            QMessageBox.warning(self, self.tr("Reissue the card"), str(exc))
            return None
        self.code = code
        self._show_code()
        self.reissued.emit(code)
        return code
