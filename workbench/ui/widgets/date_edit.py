"""The date field: typed as officers write dates, with a calendar in the window's language.

A line edit rather than ``QDateEdit``: a ``QDateEdit`` edits fixed sections, so ``20261207`` typed
into an empty one becomes "—20261207" and is dropped, and ``2026-13-40`` is wrapped to another day.
Here the text is parsed on commit by ``domain.dates.parse_date_text`` (through ``values.parse_value``)
and a refused text stays in place with its reason. The calendar (the button, or F4) opens at the
field's day, else today; picking a day writes it and commits it like a typed one.
"""

from __future__ import annotations

from datetime import date
from typing import TYPE_CHECKING

from PySide6.QtCore import QDate, QLocale, Qt, Signal
from PySide6.QtGui import QAction, QColor, QIcon, QPainter, QPen, QPixmap
from PySide6.QtWidgets import QCalendarWidget, QLineEdit, QVBoxLayout, QWidget

from workbench.domain.dates import parse_date_text
from workbench.domain.errors import ValidationError
from workbench.ui.i18n import LOCALES, lang, tr

if TYPE_CHECKING:
    from PySide6.QtGui import QKeyEvent


def window_locale() -> QLocale:
    """The locale of the window's language (month and day names of the calendar)."""
    return QLocale(*LOCALES[lang()])


class DateEdit(QLineEdit):
    """A line edit for one date; ``date_picked`` fires when a day is chosen in the calendar."""

    date_picked = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setPlaceholderText(tr("如 2026-12-07 或 12-7"))
        self.calendar_action = QAction(self._calendar_icon(), tr("选择日期（F4）"), self)
        self.calendar_action.setObjectName("openCalendar")
        self.calendar_action.triggered.connect(self.open_calendar)
        self.addAction(self.calendar_action, QLineEdit.ActionPosition.TrailingPosition)
        self.popup: QWidget | None = None
        self.calendar: QCalendarWidget | None = None

    def _calendar_icon(self) -> QIcon:
        icon = QIcon.fromTheme("x-office-calendar")
        return icon if not icon.isNull() else _drawn_calendar_icon()

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() == Qt.Key.Key_F4 and not event.modifiers():
            self.open_calendar()
            return
        super().keyPressEvent(event)

    def shown_date(self) -> date:
        """The day the calendar opens at: the field's, if it holds a readable one, else today."""
        today = date.today()
        try:
            return parse_date_text(self.text(), today) if self.text().strip() else today
        except ValidationError:
            return today

    def open_calendar(self) -> QCalendarWidget:
        """Show the calendar under the field (a popup: a click outside or Esc closes it)."""
        # The window's child, not the field's: a refused field's red frame must not style the calendar.
        popup = QWidget(self.window(), Qt.WindowType.Popup)
        popup.setObjectName("calendarPopup")
        popup.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        calendar = QCalendarWidget(popup)
        calendar.setObjectName("calendar")
        calendar.setLocale(window_locale())
        calendar.setFirstDayOfWeek(Qt.DayOfWeek.Monday)
        calendar.setGridVisible(True)
        day = self.shown_date()
        calendar.setSelectedDate(QDate(day.year, day.month, day.day))
        calendar.clicked.connect(self._pick)
        calendar.activated.connect(self._pick)
        layout = QVBoxLayout(popup)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(calendar)
        popup.adjustSize()
        popup.move(self.mapToGlobal(self.rect().bottomLeft()))
        popup.show()
        calendar.setFocus()
        self.popup, self.calendar = popup, calendar
        return calendar

    def _pick(self, day: QDate) -> None:
        self.setText(day.toString("yyyy-MM-dd"))
        if self.popup is not None:
            self.popup.close()
        self.popup = self.calendar = None
        self.setFocus()
        self.date_picked.emit()


def _drawn_calendar_icon() -> QIcon:
    """A small calendar sheet (no icon theme on Windows or a bare Linux desktop)."""
    pixmap = QPixmap(32, 32)
    pixmap.fill(Qt.GlobalColor.transparent)
    painter = QPainter(pixmap)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    painter.setPen(QPen(QColor("#555555"), 2))
    painter.setBrush(QColor("#FFFFFF"))
    painter.drawRoundedRect(4, 6, 24, 22, 3, 3)
    painter.fillRect(5, 7, 23, 6, QColor("#D55E00"))
    painter.setPen(Qt.PenStyle.NoPen)
    painter.setBrush(QColor("#555555"))
    for row in range(2):
        for column in range(3):
            painter.drawRect(9 + column * 6, 16 + row * 5, 3, 3)
    painter.end()
    return QIcon(pixmap)
