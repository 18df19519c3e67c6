"""The overview dashboard on paper: the figures, bar charts drawn as vector shapes, the lists."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field

from reportlab.lib.units import mm
from reportlab.pdfgen.canvas import Canvas

from desktop.i18n import translate
from desktop.printing.common import INK, MUTED, RULE, Branding, Output, ProgressFn
from desktop.printing.fonts import SANS, draw_text
from desktop.printing.pages import Block, Column, Detail, PagedDocument, Table, details, heading

BAR = (0.72, 0.22, 0.18)  # the sidebar's red, a little darker on paper
BAR_LIGHT = (0.93, 0.62, 0.55)


@dataclass(frozen=True)
class ReportRow:
    """One line of a list: its cells, already written as text."""

    a: str
    b: str = ""
    c: str = ""
    d: str = ""


@dataclass(frozen=True)
class ReportBar:
    label: str
    value: float


@dataclass(frozen=True)
class DashboardReportData:
    period: str
    station: str
    figures: Sequence[ReportRow]  # (label, value)
    hours_title: str
    hours: Sequence[ReportBar]
    new_title: str
    new_volunteers: Sequence[ReportBar]
    categories: Sequence[ReportBar] = field(default_factory=list)
    teams: Sequence[ReportBar] = field(default_factory=list)
    upcoming: Sequence[ReportRow] = field(default_factory=list)  # (when, title, place, enrolled)
    waiting: Sequence[ReportRow] = field(default_factory=list)  # (date, title, records, flagged)


def _number(value: float) -> str:
    if value == int(value):
        return f"{int(value):,}"
    return f"{value:,.1f}"


def _nice_top(value: float) -> float:
    """A round number at or above `value` for the top of a chart's scale."""
    if value <= 0:
        return 1.0
    step = 10 ** (len(str(int(value))) - 1)
    for factor in (1, 2, 2.5, 5, 10):
        if value <= factor * step:
            return factor * step
    return 10 * step


def column_chart(title: str, bars: Sequence[ReportBar], height: float = 62 * mm) -> Block:
    """Vertical bars over time with a light grid, each bar's value above it when there is room."""

    def draw(c: Canvas, x: float, top: float, width: float) -> None:
        c.setFillColorRGB(*INK)
        draw_text(c, x, top - 5 * mm, title, SANS, 11.5, bold=True, width=width)
        if not bars:
            return
        left, bottom = x + 12 * mm, top - height + 9 * mm
        chart_w, chart_h = width - 12 * mm, height - 19 * mm
        peak = _nice_top(max(b.value for b in bars))
        c.setLineWidth(0.3)
        for i in range(5):
            y = bottom + chart_h * i / 4
            c.setStrokeColorRGB(0.85, 0.85, 0.85)
            c.line(left, y, left + chart_w, y)
            c.setFillColorRGB(*MUTED)
            draw_text(c, left - 1.5 * mm, y - 1.2 * mm, _number(peak * i / 4), SANS, 7, align="right")
        slot = chart_w / len(bars)
        every = max(1, round(len(bars) / 12))
        for i, bar in enumerate(bars):
            h = chart_h * bar.value / peak
            bx = left + i * slot + slot * 0.18
            c.setFillColorRGB(*BAR)
            if h > 0:
                c.rect(bx, bottom, slot * 0.64, h, stroke=0, fill=1)
            c.setFillColorRGB(*MUTED)
            if i % every == 0:
                draw_text(
                    c,
                    left + (i + 0.5) * slot,
                    bottom - 4 * mm,
                    bar.label,
                    SANS,
                    7,
                    align="center",
                    width=slot * every * 0.95,
                )
            if bar.value and len(bars) <= 16:
                c.setFillColorRGB(*INK)
                draw_text(
                    c,
                    left + (i + 0.5) * slot,
                    bottom + h + 1.2 * mm,
                    _number(bar.value),
                    SANS,
                    6.5,
                    align="center",
                    width=slot,
                )
        c.setStrokeColorRGB(*RULE)
        c.setLineWidth(0.6)
        c.line(left, bottom, left + chart_w, bottom)
        c.setFillColorRGB(*INK)

    return Block(height, draw)


def bar_list(title: str, bars: Sequence[ReportBar], unit: str = "", row: float = 6.2 * mm) -> Block:
    """Horizontal bars, longest first: a label, the bar, the value."""
    height = 9 * mm + row * max(1, len(bars))

    def draw(c: Canvas, x: float, top: float, width: float) -> None:
        c.setFillColorRGB(*INK)
        draw_text(c, x, top - 5 * mm, title, SANS, 11.5, bold=True, width=width)
        label_w, value_w = width * 0.36, 22 * mm
        bar_w = width - label_w - value_w - 4 * mm
        peak = max((b.value for b in bars), default=0) or 1
        y = top - 9 * mm
        for i, bar in enumerate(bars):
            base = y - row * (i + 1)
            c.setFillColorRGB(*INK)
            draw_text(c, x, base + row * 0.3, bar.label, SANS, 9, width=label_w - 2 * mm)
            c.setFillColorRGB(*(BAR if i == 0 else BAR_LIGHT))
            c.rect(
                x + label_w, base + row * 0.2, max(0.6, bar_w * bar.value / peak), row * 0.6, stroke=0, fill=1
            )
            c.setFillColorRGB(*INK)
            draw_text(
                c,
                x + width,
                base + row * 0.3,
                f"{_number(bar.value)}{unit}",
                SANS,
                9,
                align="right",
                width=value_w,
            )
        c.setFillColorRGB(*INK)

    return Block(height, draw)


def render_dashboard_report(
    out: Output,
    data: DashboardReportData,
    branding: Branding,
    *,
    progress: ProgressFn | None = None,
    **_: object,
) -> int:
    title = translate("DashboardReport", "Volunteer Service Overview")
    doc = PagedDocument(title, branding)
    where = data.station or branding.station_name
    subtitle = (
        translate("DashboardReport", "{station} · {period}").format(station=where, period=data.period)
        if where
        else data.period
    )
    figures = details([Detail(r.a, r.b) for r in data.figures], width=doc.width, row_height=7.4 * mm, size=10)
    hours_unit = translate("DashboardReport", " h")
    items = [
        heading(title, branding, subtitle),
        figures,
        column_chart(data.hours_title, data.hours),
        column_chart(data.new_title, data.new_volunteers, height=52 * mm),
        bar_list(translate("DashboardReport", "Events by service category"), data.categories),
        bar_list(translate("DashboardReport", "Teams with the most service hours"), data.teams, hours_unit),
        Table(
            columns=[
                Column(translate("DashboardReport", "Time"), 1.3),
                Column(translate("DashboardReport", "Event"), 2.6),
                Column(translate("DashboardReport", "Place"), 1.8),
                Column(translate("DashboardReport", "Enrolled"), 0.8, "right"),
            ],
            rows=[(r.a, r.b, r.c, r.d) for r in data.upcoming],
            title=translate("DashboardReport", "Upcoming events"),
            empty_text=translate("DashboardReport", "No events are planned."),
            font_size=9.5,
            row_height=6.8 * mm,
        ),
        Table(
            columns=[
                Column(translate("DashboardReport", "Date"), 1.1),
                Column(translate("DashboardReport", "Event"), 3.0),
                Column(translate("DashboardReport", "Records"), 0.9, "right"),
                Column(translate("DashboardReport", "Flagged"), 0.9, "right"),
            ],
            rows=[(r.a, r.b, r.c, r.d) for r in data.waiting],
            title=translate("DashboardReport", "Waiting for review"),
            empty_text=translate("DashboardReport", "Every service record has been reviewed."),
            font_size=9.5,
            row_height=6.8 * mm,
        ),
    ]
    return doc.render(out, items, progress=progress)
