"""Signing in by hand a volunteer who has no card with them: find by name, pinyin initials or phone."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QLabel, QPushButton, QVBoxLayout, QWidget

from desktop.services.volunteers import VolunteerQuery
from desktop.ui.context import AppContext
from desktop.ui.models.volunteer_model import VolunteerModel
from desktop.ui.widgets import SearchBox, make_table

SHOWN_COLUMNS = ("id", "name", "gender", "phone", "card_code", "status")


class ManualSignInDialog(QDialog):
    """Not modal: the console goes on taking scans while the operator searches.

    The search box keeps the input method on (names are typed in Chinese); a scan made while it
    has focus still goes to the console, as long as the IME is in English mode.
    """

    chosen = Signal(int)  # a volunteer id
    walk_in_requested = Signal()

    def __init__(self, ctx: AppContext, can_register: bool, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Sign in by hand"))
        self.setMinimumSize(720, 480)
        intro = QLabel(
            self.tr(
                "For a volunteer without their card. Search by name, pinyin initials (zs for 张三), "
                "the last four digits of the phone number, or the card code. A second sign-in signs out."
            )
        )
        intro.setWordWrap(True)
        self.search = SearchBox(self.tr("Name, pinyin initials, phone or card code"))
        self.model = VolunteerModel(ctx.database, VolunteerQuery(sort="name"))
        self.table = make_table(self.model)
        for number, column in enumerate(VolunteerModel.COLUMNS):
            self.table.setColumnHidden(number, column.key not in SHOWN_COLUMNS)
        self.table.doubleClicked.connect(lambda index: self._choose(index.row()))
        self.table.selectionModel().selectionChanged.connect(self._update_buttons)
        self.model.modelReset.connect(self._after_search)
        self.search.search.connect(lambda text: self.model.update_query(search=text))
        self.search.returnPressed.connect(self._choose_selected)
        self.empty = QLabel(self.tr("Nobody found. A new volunteer can be registered as a walk-in."))
        self.empty.setObjectName("emptyNote")
        self.empty.hide()

        self.buttons = QDialogButtonBox()
        self.sign_in_button = QPushButton(self.tr("Sign in or out"))
        self.sign_in_button.setObjectName("primaryButton")
        self.buttons.addButton(self.sign_in_button, QDialogButtonBox.ButtonRole.AcceptRole)
        self.walk_in_button = QPushButton(self.tr("New walk-in…"))
        self.walk_in_button.setEnabled(can_register)
        if not can_register:
            self.walk_in_button.setToolTip(self.tr("Registering volunteers needs a coordinator's account."))
        self.buttons.addButton(self.walk_in_button, QDialogButtonBox.ButtonRole.ActionRole)
        self.buttons.addButton(QDialogButtonBox.StandardButton.Close)
        self.sign_in_button.clicked.connect(self._choose_selected)
        self.walk_in_button.clicked.connect(self.walk_in_requested)
        self.buttons.rejected.connect(self.reject)
        # The dialog's own Enter (a default button) would fire on the scanner's Enter too.
        self.sign_in_button.setAutoDefault(False)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(20, 18, 20, 14)
        layout.addWidget(intro)
        layout.addWidget(self.search)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.empty)
        layout.addWidget(self.buttons)
        self._after_search()

    def start(self) -> None:
        """Show (again) with an empty search and the cursor in it."""
        self.search.clear()
        self.show()
        self.raise_()
        self.activateWindow()
        self.search.setFocus(Qt.FocusReason.OtherFocusReason)

    def _after_search(self) -> None:
        self.empty.setVisible(self.model.total() == 0)
        if self.model.total():
            self.table.selectRow(0)
        self._update_buttons()

    def _update_buttons(self) -> None:
        self.sign_in_button.setEnabled(bool(self.table.selectionModel().selectedRows()))

    def _choose_selected(self) -> None:
        rows = self.table.selectionModel().selectedRows()
        if rows:
            self._choose(rows[0].row())

    def _choose(self, row: int) -> None:
        volunteer_id = self.model.id_at(row)
        if volunteer_id is not None:
            self.hide()
            self.chosen.emit(volunteer_id)
