"""Form dialogs: a layout that shows a service's ValidationError by each field, Save and Cancel below."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtWidgets import QDialog, QDialogButtonBox, QFormLayout, QLabel, QVBoxLayout, QWidget


class ErrorForm(QFormLayout):
    """Fields are added under the service's field names; `show_errors` puts each message below its field."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        self.setHorizontalSpacing(16)
        self.setVerticalSpacing(10)
        self.general = QLabel()
        self.general.setObjectName("formError")
        self.general.setWordWrap(True)
        self.general.hide()
        self.addRow(self.general)
        self._fields: dict[str, tuple[QWidget, QLabel]] = {}

    def add_field(self, key: str, label: str, widget: QWidget, hint: str = "") -> QWidget:
        box = QWidget()
        column = QVBoxLayout(box)
        column.setContentsMargins(0, 0, 0, 0)
        column.setSpacing(3)
        column.addWidget(widget)
        if hint:
            note = QLabel(hint)
            note.setObjectName("fieldHint")
            note.setWordWrap(True)
            column.addWidget(note)
        error = QLabel()
        error.setObjectName("fieldError")
        error.setWordWrap(True)
        error.hide()
        column.addWidget(error)
        caption = QLabel(label)
        caption.setObjectName("formLabel")  # as tall as one input, so it lines up with the field
        self.addRow(caption, box)
        self._fields[key] = (widget, error)
        return widget

    def error_label(self, key: str) -> QLabel:
        return self._fields[key][1]

    def clear_errors(self) -> None:
        self.general.hide()
        for widget, error in self._fields.values():
            error.clear()
            error.hide()
            mark_invalid(widget, False)

    def show_errors(self, errors: dict[str, str]) -> None:
        """Each message next to its field; messages for fields not on the form go on top."""
        self.clear_errors()
        first: QWidget | None = None
        others = []
        for key, message in errors.items():
            if key in self._fields:
                widget, label = self._fields[key]
                label.setText(message)
                label.show()
                mark_invalid(widget, True)
                first = first or widget
            else:
                others.append(message)
        if others:
            self.general.setText("\n".join(others))
            self.general.show()
        if first is not None:
            first.setFocus()
        self._fit_dialog()

    def show_message(self, message: str) -> None:
        self.clear_errors()
        self.general.setText(message)
        self.general.show()
        self._fit_dialog()

    def _fit_dialog(self) -> None:
        # Messages add lines; a dialog grows to show them rather than squeezing its fields.
        host = self.parentWidget()
        window = host.window() if host is not None else None
        if isinstance(window, QDialog):
            window.adjustSize()


def save_and_cancel(dialog: QDialog, form: ErrorForm, save: Callable[[], None]) -> QDialogButtonBox:
    """Lay a form dialog out: the form above Save and Cancel, with the margins every form dialog uses."""
    buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel)
    buttons.accepted.connect(save)
    buttons.rejected.connect(dialog.reject)
    layout = QVBoxLayout(dialog)
    layout.setContentsMargins(24, 20, 24, 16)
    layout.setSpacing(16)
    layout.addLayout(form)
    layout.addWidget(buttons)
    return buttons


def mark_invalid(widget: QWidget, invalid: bool) -> None:
    """Draw a field with the style sheet's red border (`[invalid="true"]`), or without it."""
    # A dynamic property only takes effect after a re-polish.
    widget.setProperty("invalid", invalid)
    widget.style().unpolish(widget)
    widget.style().polish(widget)
