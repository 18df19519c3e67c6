"""The Points page's forms: a catalogue item, a change of stock, points given or taken by hand, and
the reason for a reversal or a cancelled redemption. Each calls one service in one unit of work."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QDoubleSpinBox,
    QLabel,
    QLineEdit,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)
from sqlalchemy.orm import Session

from desktop.models import LIMIT_PERIODS
from desktop.services import points, shop
from desktop.services.errors import ServiceError, ValidationError
from desktop.ui.context import AppContext
from desktop.ui.forms import ErrorForm


class ServiceForm(QDialog):
    """A form whose Save runs `action(session)` in a writing unit of work and shows its errors."""

    def __init__(self, ctx: AppContext, title: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.result_value: object = None
        self.setWindowTitle(title)
        self.setMinimumWidth(460)
        self.form = ErrorForm()
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel
        )
        self.buttons.accepted.connect(self.save)
        self.buttons.rejected.connect(self.reject)
        self.intro = QLabel()
        self.intro.setObjectName("pageIntro")
        self.intro.setWordWrap(True)
        self.intro.hide()
        layout = QVBoxLayout(self)
        layout.setContentsMargins(24, 20, 24, 16)
        layout.setSpacing(14)
        layout.addWidget(self.intro)
        layout.addLayout(self.form)
        layout.addWidget(self.buttons)

    def set_intro(self, text: str) -> None:
        self.intro.setText(text)
        self.intro.setVisible(bool(text))

    def action(self, s: Session) -> object:
        raise NotImplementedError

    def save(self) -> None:
        try:
            with self.ctx.database.uow() as s:
                self.result_value = self.action(s)
        except ValidationError as exc:
            self.form.show_errors(exc.fields)
            return
        except ServiceError as exc:
            self.form.show_message(str(exc))
            return
        self.accept()


def points_box(maximum: float = points.MAX_POINTS) -> QDoubleSpinBox:
    box = QDoubleSpinBox()
    box.setDecimals(2)
    box.setRange(0, maximum)
    box.setSingleStep(1)
    return box


class ItemDialog(ServiceForm):
    """A new catalogue item (with its opening stock), or an item's details changed."""

    def __init__(
        self, ctx: AppContext, item: shop.ItemRow | None = None, parent: QWidget | None = None
    ) -> None:
        super().__init__(ctx, self.tr("Edit item") if item else self.tr("New item"), parent)
        self.item = item
        self.name = self.form.add_field("name", self.tr("Name"), QLineEdit())
        self.price = self.form.add_field(
            "price", self.tr("Points"), points_box(), self.tr("What one piece costs.")
        )
        self.unit = self.form.add_field("unit", self.tr("Unit"), QLineEdit())
        self.unit.setPlaceholderText(self.tr("piece, bag, bottle…"))
        self.stock = QSpinBox()
        self.stock.setRange(0, shop.MAX_QUANTITY)
        if item is None:
            self.form.add_field("stock", self.tr("Opening stock"), self.stock)
        self.limit = QSpinBox()
        self.limit.setRange(0, 999)
        self.limit.setSpecialValueText(self.tr("No limit"))
        self.form.add_field("limit_quantity", self.tr("At most per volunteer"), self.limit)
        self.period = QComboBox()
        for key in LIMIT_PERIODS:
            self.period.addItem(shop.period_label(key), key)
        self.form.add_field("limit_period", self.tr("In each"), self.period)
        self.active = QCheckBox(self.tr("Offered at the shop"))
        self.active.setChecked(True)
        self.form.add_field("active", "", self.active)
        if item is not None:
            self.name.setText(item.name)
            self.price.setValue(points.as_points(item.price))
            self.unit.setText(item.unit)
            self.limit.setValue(item.limit_quantity)
            self.period.setCurrentIndex(max(0, self.period.findData(item.limit_period)))
            self.active.setChecked(item.active)

    def item_input(self) -> shop.ItemInput:
        return shop.ItemInput(
            name=self.name.text(),
            price=f"{self.price.value():.2f}",
            unit=self.unit.text(),
            active=self.active.isChecked(),
            limit_quantity=self.limit.value(),
            limit_period=self.period.currentData(),
        )

    def action(self, s: Session) -> object:
        if self.item is None:
            return shop.create_item(s, self.ctx.actor, self.item_input(), opening_stock=self.stock.value())
        shop.update_item(s, self.ctx.actor, self.item.id, self.item_input())
        return self.item.id


class StockDialog(ServiceForm):
    """Goods received (`intake`), or a counted difference with its reason (`adjust`)."""

    def __init__(self, ctx: AppContext, item: shop.ItemRow, kind: str, parent: QWidget | None = None) -> None:
        title = self.tr("Goods received") if kind == "intake" else self.tr("Adjust stock")
        super().__init__(ctx, title, parent)
        self.item, self.kind = item, kind
        self.set_intro(self.tr("{name}: {stock} in stock.").format(name=item.name, stock=item.stock))
        self.quantity = QSpinBox()
        if kind == "intake":
            self.quantity.setRange(1, shop.MAX_QUANTITY)
            self.form.add_field("quantity", self.tr("Quantity"), self.quantity)
        else:
            self.quantity.setRange(-shop.MAX_QUANTITY, shop.MAX_QUANTITY)
            self.form.add_field(
                "change",
                self.tr("Change"),
                self.quantity,
                self.tr("Negative for goods broken, expired or lost; positive for goods found."),
            )
        self.reason = self.form.add_field("reason", self.tr("Reason"), QLineEdit())
        if kind == "intake":
            self.reason.setPlaceholderText(self.tr("Bought, donated by …"))

    def action(self, s: Session) -> object:
        if self.kind == "intake":
            return shop.intake(s, self.ctx.actor, self.item.id, self.quantity.value(), self.reason.text())
        return shop.adjust(s, self.ctx.actor, self.item.id, self.quantity.value(), self.reason.text())


class PointsDialog(ServiceForm):
    """Points given (`award`) or taken (`deduct`) by hand, with the reason."""

    def __init__(
        self, ctx: AppContext, volunteer_id: int, name: str, kind: str, parent: QWidget | None = None
    ) -> None:
        title = self.tr("Award points") if kind == "award" else self.tr("Deduct points")
        super().__init__(ctx, title, parent)
        self.volunteer_id, self.kind = volunteer_id, kind
        self.set_intro(self.tr("For {name}.").format(name=name))
        self.points = self.form.add_field("points", self.tr("Points"), points_box())
        self.reason = self.form.add_field("reason", self.tr("Reason"), QLineEdit())
        self.reference = self.form.add_field(
            "reference", self.tr("Reference"), QLineEdit(), self.tr("Optional: a document or event.")
        )

    def action(self, s: Session) -> object:
        call = points.award if self.kind == "award" else points.deduct
        return call(
            s,
            self.ctx.actor,
            self.volunteer_id,
            f"{self.points.value():.2f}",
            self.reason.text(),
            self.reference.text(),
        )


class ReasonDialog(ServiceForm):
    """Ask for a reason, then run `act(session, reason)` (a reversal, a cancelled redemption)."""

    def __init__(
        self,
        ctx: AppContext,
        title: str,
        intro: str,
        act: Callable[[Session, str], object],
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(ctx, title, parent)
        self.act = act
        self.set_intro(intro)
        self.reason = self.form.add_field("reason", self.tr("Reason"), QLineEdit())

    def action(self, s: Session) -> object:
        return self.act(s, self.reason.text())
