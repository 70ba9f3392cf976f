"""The transparency report as a published PDF: a summary page, charts and the tables.

Laid out with reportlab's platypus, charts drawn with reportlab.graphics, set in the
DejaVu Sans faces shipped in resources/fonts (registered by ``app.letters.pdf``). All
text that reaches reportlab markup is escaped. Rendered in memory; the caller decides
where the bytes go.
"""

from __future__ import annotations

import io
from collections.abc import Callable, Sequence

from reportlab.graphics.charts.barcharts import HorizontalBarChart, VerticalBarChart
from reportlab.graphics.charts.legends import Legend
from reportlab.graphics.shapes import Drawing, String
from reportlab.lib import colors
from reportlab.lib.enums import TA_RIGHT
from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import (
    BaseDocTemplate,
    CondPageBreak,
    Flowable,
    Frame,
    KeepTogether,
    PageBreak,
    PageTemplate,
    Paragraph,
    Spacer,
    Table,
    TableStyle,
)

from app.letters.pdf import SANS, register_fonts
from app.report.config import BUCKETS
from app.report.exports import COUNTING_RULE
from app.report.figures import Report, TableRow
from app.report.periods import Period
from app.report.tables import FigureValue

INK = colors.HexColor("#1f2328")
MUTED = colors.HexColor("#5f6670")
RULE = colors.HexColor("#c9ced6")
ACCENT = colors.HexColor("#1d4e89")
SHADE = colors.HexColor("#f1f4f8")
# One colour per outcome bucket, the same in every chart: refusals warm, disclosures cool.
BUCKET_COLOURS = {
    "rejected": colors.HexColor("#c0504d"),
    "withdrawn": colors.HexColor("#e39b54"),
    "no_data": colors.HexColor("#b7a46a"),
    "redirected": colors.HexColor("#8aa66b"),
    "noncontent_only": colors.HexColor("#4f81bd"),
    "content": colors.HexColor("#1d4e89"),
    "pending": colors.HexColor("#a6a6a6"),
}

# Column heads of the outcome tables: the buckets' names as narrow columns can hold them.
SHORT_BUCKET_LABELS = {
    "rejected": "Rejected or challenged",
    "withdrawn": "Withdrawn",
    "no_data": "No data found",
    "redirected": "Redirected to customer",
    "noncontent_only": "Non-content only",
    "content": "Content",
    "pending": "Pending",
}

PAGE_W, PAGE_H = A4
MARGIN = 16 * mm
WIDTH = PAGE_W - 2 * MARGIN
TOP_COUNTRIES = 10

REGULAR, BOLD = SANS[False, False], SANS[True, False]


def _escape(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


Styles = dict[str, ParagraphStyle]


def _styles() -> Styles:
    register_fonts()
    body = ParagraphStyle("body", fontName=REGULAR, fontSize=9, leading=13, textColor=INK, spaceAfter=6)
    return {
        "body": body,
        "kicker": ParagraphStyle("kicker", parent=body, fontSize=8.5, textColor=MUTED, spaceAfter=2),
        "title": ParagraphStyle("title", parent=body, fontName=BOLD, fontSize=24, leading=29, spaceAfter=4),
        "subtitle": ParagraphStyle("subtitle", parent=body, fontSize=12, leading=16, textColor=MUTED),
        "h2": ParagraphStyle(
            "h2",
            parent=body,
            fontName=BOLD,
            fontSize=12.5,
            leading=16,
            spaceBefore=10,
            spaceAfter=5,
            textColor=ACCENT,
            keepWithNext=1,
        ),  # fmt: skip
        "note": ParagraphStyle(
            "note", parent=body, fontSize=7.6, leading=10, textColor=MUTED, spaceBefore=3, spaceAfter=4
        ),
        "cell": ParagraphStyle("cell", parent=body, fontSize=7.6, leading=9.5, spaceAfter=0),
        "head": ParagraphStyle(
            "head", parent=body, fontName=BOLD, fontSize=7, leading=8.5, spaceAfter=0, textColor=MUTED
        ),  # fmt: skip
        "head_right": ParagraphStyle(
            "head_right",
            parent=body,
            fontName=REGULAR,
            fontSize=6.3,
            leading=7.6,
            spaceAfter=0,
            textColor=MUTED,
            alignment=TA_RIGHT,
        ),  # fmt: skip
        "big": ParagraphStyle(
            "big", parent=body, fontName=BOLD, fontSize=20, leading=23, spaceAfter=0, textColor=ACCENT
        ),  # fmt: skip
        "big_label": ParagraphStyle(
            "big_label", parent=body, fontSize=7.6, leading=9.5, textColor=MUTED, spaceAfter=0
        ),  # fmt: skip
        "flag": ParagraphStyle(
            "flag",
            parent=body,
            fontSize=8.5,
            leading=11.5,
            backColor=colors.HexColor("#fff4d6"),
            borderPadding=(5, 6, 5, 6),
            spaceBefore=6,
            spaceAfter=10,
        ),  # fmt: skip
    }


def _number(value: FigureValue) -> str:
    if value is None:
        return "–"
    if isinstance(value, float):
        return f"{value:.1f}%"
    if isinstance(value, int):
        return f"{value:,}"
    return str(value).replace("-", "–")


# ------------------------------------------------------------------------------ charts


def _bar_axes(chart: HorizontalBarChart, names: list[str], values: list[int]) -> None:
    """Both bar charts: names at the left, no value axis, room at the right for the labels."""
    chart.categoryAxis.categoryNames = names
    chart.categoryAxis.labels.fontName = REGULAR
    chart.categoryAxis.labels.fontSize = 8
    chart.categoryAxis.labels.boxAnchor = "e"
    chart.categoryAxis.labels.dx = -4
    chart.categoryAxis.strokeColor = RULE
    chart.categoryAxis.tickLeft = 0
    chart.valueAxis.visible = False
    chart.valueAxis.valueMin = 0
    chart.valueAxis.valueMax = max([*values, 1]) * 1.15
    chart.bars.strokeColor = None


def _outcome_chart(report: Report, width: float) -> Drawing:
    rows = report.table("outcomes").rows
    height = 16 * len(rows) + 20
    drawing = Drawing(width, height, initialFontName=REGULAR)
    chart = HorizontalBarChart()
    chart.x, chart.y = 130, 10
    chart.width, chart.height = width - 180, height - 20
    values = [r.count("demands") for r in reversed(rows)]
    chart.data = [values]
    _bar_axes(chart, [r.label for r in reversed(rows)], values)
    chart.barWidth = 10
    chart.groupSpacing = 6
    for n, r in enumerate(reversed(rows)):
        chart.bars[(0, n)].fillColor = BUCKET_COLOURS.get(r.key, ACCENT)
    chart.barLabels.fontName = REGULAR
    chart.barLabels.fontSize = 8
    chart.barLabels.boxAnchor = "w"
    chart.barLabels.dx = 3
    chart.barLabelFormat = lambda v: f"{int(v):,}"
    chart.barLabels.fillColor = INK
    drawing.add(chart)
    return drawing


def _country_chart(report: Report, width: float) -> Drawing:
    rows = list(report.table("outcomes_by_country").rows)
    shown = rows[:TOP_COUNTRIES]
    rest = rows[TOP_COUNTRIES:]
    names = [r.label for r in shown] + ([f"{len(rest)} other countries"] if rest else [])
    values = [r.count("demands") for r in shown] + ([sum(r.count("demands") for r in rest)] if rest else [])
    disclosed = [r.count("noncontent_only") + r.count("content") for r in shown]
    disclosed += [sum(r.count("noncontent_only") + r.count("content") for r in rest)] if rest else []
    height = max(16 * len(names) + 40, 60)
    drawing = Drawing(width, height, initialFontName=REGULAR)
    if not names:
        drawing.add(String(0, height / 2, "No demands in this period.", fontName=REGULAR, fontSize=9))
        return drawing
    chart = HorizontalBarChart()
    chart.x, chart.y = 130, 28
    chart.width, chart.height = width - 180, height - 34
    # Series are stacked upwards within a country: disclosures first puts demands on top.
    chart.data = [list(reversed(disclosed)), list(reversed(values))]
    _bar_axes(chart, list(reversed(names)), values)
    chart.bars[0].fillColor = ACCENT
    chart.bars[1].fillColor = colors.HexColor("#9db4d3")
    chart.barWidth = 6
    chart.barSpacing = 1
    chart.groupSpacing = 4
    chart.barLabels.fontName = REGULAR
    chart.barLabels.fontSize = 7
    chart.barLabels.boxAnchor = "w"
    chart.barLabels.dx = 3
    chart.barLabelFormat = lambda v: f"{int(v):,}"
    drawing.add(chart)
    drawing.add(_legend(130, 12, [("Demands", colors.HexColor("#9db4d3")), ("Data disclosed", ACCENT)]))
    return drawing


def _trend_chart(report: Report, width: float) -> Drawing:
    points = list(report.trend)
    height = 150
    drawing = Drawing(width, height, initialFontName=REGULAR)
    chart = VerticalBarChart()
    chart.x, chart.y = 40, 36
    chart.width, chart.height = width - 60, height - 50
    chart.data = [[p.demands for p in points], [p.disclosed for p in points]]
    chart.categoryAxis.categoryNames = [p.label + ("" if p.frozen else "*") for p in points]
    chart.categoryAxis.labels.fontName = REGULAR
    chart.categoryAxis.labels.fontSize = 8
    chart.categoryAxis.strokeColor = RULE
    chart.valueAxis.labels.fontName = REGULAR
    chart.valueAxis.labels.fontSize = 7
    chart.valueAxis.valueMin = 0
    top = max([p.demands for p in points] + [1])
    chart.valueAxis.valueMax = top * 1.2
    chart.valueAxis.valueStep = _step(top * 1.2)
    chart.valueAxis.strokeColor = RULE
    chart.valueAxis.gridStrokeColor = colors.HexColor("#e6e9ee")
    chart.valueAxis.visibleGrid = 1
    chart.bars.strokeColor = None
    chart.bars[0].fillColor = colors.HexColor("#9db4d3")
    chart.bars[1].fillColor = ACCENT
    chart.barLabels.fontName = REGULAR
    chart.barLabels.fontSize = 6.5
    chart.barLabels.dy = 5
    chart.barLabelFormat = lambda v: f"{int(v):,}"
    drawing.add(chart)
    drawing.add(_legend(40, 10, [("Demands", colors.HexColor("#9db4d3")), ("Data disclosed", ACCENT)]))
    return drawing


def _step(top: float) -> float:
    """A round step giving four to eight grid lines."""
    step = 1.0
    while top / step > 8:
        for factor in (2, 2.5, 2):
            step *= factor
            if top / step <= 8:
                break
    return step


def _legend(x: float, y: float, items: Sequence[tuple[str, colors.Color]]) -> Legend:
    legend = Legend()
    legend.x, legend.y = x, y
    legend.alignment = "right"
    legend.columnMaximum = 1
    legend.fontName = REGULAR
    legend.fontSize = 7.5
    legend.dx = legend.dy = 7
    legend.deltax = 90
    legend.strokeColor = None
    legend.colorNamePairs = [(c, n) for n, c in items]
    return legend


# ------------------------------------------------------------------------------ tables


def _table(
    header: Sequence[str],
    rows: Sequence[Sequence[str]],
    widths: Sequence[float],
    *,
    total: Sequence[str] | None = None,
) -> Table:
    s = _styles()
    head = [Paragraph(_escape(h), s["head"] if n == 0 else s["head_right"]) for n, h in enumerate(header)]
    body = [[Paragraph(_escape(c), s["cell"]) if n == 0 else c for n, c in enumerate(r)] for r in rows]
    data: list[list[Flowable | str]] = [head, *body]
    if total is not None:
        data.append([Paragraph(f'<font face="{BOLD}">{_escape(total[0])}</font>', s["cell"]), *total[1:]])
    table = Table(data, colWidths=list(widths), repeatRows=1, hAlign="LEFT")
    style = [
        ("FONT", (0, 0), (-1, -1), REGULAR, 7.6),
        ("TEXTCOLOR", (0, 0), (-1, -1), INK),
        ("ALIGN", (1, 0), (-1, -1), "RIGHT"),
        ("VALIGN", (0, 0), (-1, -1), "BOTTOM"),
        ("LINEBELOW", (0, 0), (-1, 0), 0.7, ACCENT),
        ("TOPPADDING", (0, 0), (-1, -1), 2.5),
        ("BOTTOMPADDING", (0, 0), (-1, -1), 2.5),
        ("LEFTPADDING", (0, 0), (-1, -1), 1.5),
        ("RIGHTPADDING", (0, 0), (-1, -1), 1.5),
        ("LEFTPADDING", (0, 0), (0, -1), 3),
    ]
    for n in range(1, len(data)):
        if n % 2 == 0:
            style.append(("BACKGROUND", (0, n), (-1, n), SHADE))
    if total is not None:
        style += [("LINEABOVE", (0, -1), (-1, -1), 0.7, INK), ("FONT", (1, -1), (-1, -1), BOLD, 7.6)]
    table.setStyle(TableStyle(style))
    return table


def _outcome_table(report: Report, key: str, first: str, *, with_total: bool = True) -> Table:
    buckets = [SHORT_BUCKET_LABELS[b] for b in BUCKETS]
    header = [first, "Demands", "Accounts", *buckets, "% with data disclosed"]

    def line(row: TableRow, name: str) -> list[str]:
        return [
            name,
            *(_number(row.value(c)) for c in ("demands", "accounts", *BUCKETS, "percent_disclosed")),
        ]

    table = report.table(key)
    rows = [line(r, r.label) for r in table.rows]
    total = line(report.totals(), "Total") if with_total else None
    first_w = 28 * mm
    rest = (WIDTH - first_w) / (len(header) - 1)
    return _table(header, rows, [first_w, *([rest] * (len(header) - 1))], total=total)


def _small_table(report: Report, key: str, first: str) -> Table:
    table = report.table(key)
    header = [first, *(c.label for c in table.columns)]
    rows = [[r.label, *(_number(r.value(c.key)) for c in table.columns)] for r in table.rows]
    first_w = 70 * mm
    rest = min(32 * mm, (WIDTH - first_w) / max(len(table.columns), 1))
    return _table(header, rows, [first_w, *([rest] * len(table.columns))])


def _cost_section(report: Report) -> list[Flowable]:
    """Amounts sought, recovered and waived, a row per currency: never added across currencies."""
    s = _styles()
    rows = [c.row() for c in report.costs]
    first_w = 28 * mm
    rest = (WIDTH - first_w) / 3
    return [
        Paragraph("Cost recovery", s["h2"]),
        _table(
            ["Currency", "Sought (cases)", "Recovered (cases)", "Waived (cases)"],
            rows,
            [first_w, rest, rest, rest],
        ),
        Paragraph(
            _escape(
                "Reimbursement of the cost of complying with U.S. legal demands, counted in the half-year "
                "it was sought, paid or waived. We never charge for emergency requests or in known "
                "child-exploitation investigations. Amounts in different currencies are not added up."
            ),
            s["note"],
        ),
    ]


# ------------------------------------------------------------------------------ the document


def _key_figures(report: Report) -> Table:
    s = _styles()
    total = report.totals()
    figures = [
        (_number(total.value("demands")), "demands for customer data received"),
        (_number(total.value("accounts")), "accounts specified in them"),
        (_number(total.value("percent_disclosed")), "answered with any data"),
        (_number(total.value("secrecy_order_share")), "came with a secrecy order"),
        (_number(total.value("emergency")), "emergency requests"),
        (_number(total.value("rejected")), "rejected or challenged"),
        (_number(report.figure("preservation", "preservation", "requests").value), "preservation requests"),
        (_number(total.value("pending")), "still pending"),
    ]
    cells = [[Paragraph(_escape(v), s["big"]), Paragraph(_escape(lbl), s["big_label"])] for v, lbl in figures]
    grid = [[cells[i], cells[i + 1], cells[i + 2], cells[i + 3]] for i in (0, 4)]
    table = Table(grid, colWidths=[WIDTH / 4] * 4, hAlign="LEFT")
    table.setStyle(
        TableStyle(
            [
                ("FONT", (0, 0), (-1, -1), REGULAR),  # else the table names Helvetica
                ("VALIGN", (0, 0), (-1, -1), "TOP"),
                ("LINEABOVE", (0, 0), (-1, 0), 1.2, ACCENT),
                ("LINEABOVE", (0, 1), (-1, 1), 0.4, RULE),
                ("TOPPADDING", (0, 0), (-1, -1), 7),
                ("BOTTOMPADDING", (0, 0), (-1, -1), 8),
                ("LEFTPADDING", (0, 0), (-1, -1), 0),
            ]
        )
    )
    return table


def _lead(report: Report) -> str:
    total = report.totals()
    demands = total.count("demands")
    period = report.period.title(between=" and ")
    if not demands:
        return f"We received no demands for customer data between {period}."
    content, noncontent = total.count("content"), total.count("noncontent_only")
    refused = sum(total.count(b) for b in ("rejected", "withdrawn", "no_data", "redirected"))
    text = (
        f"Between {period} we received {demands:,} demand{'s' if demands != 1 else ''} for customer data "
        f"from governments, courts and civil litigants, specifying {total.count('accounts'):,} "
        f"account{'s' if total.value('accounts') != 1 else ''}. We disclosed content in response to "
        f"{content:,} and non-content data only (such as subscriber details or sign-in records) in response "
        f"to {noncontent:,}. {refused:,} ended without any data disclosed: we rejected or challenged them, "
        "they were withdrawn, we held no data, or we redirected the authority to our enterprise customer."
    )
    pending = total.count("pending")
    if pending:
        verb = "was" if pending == 1 else "were"
        text += f" {pending:,} {verb} still being reviewed when this report was made."
    return text


def render(report: Report, *, organisation: str) -> bytes:
    """The report as PDF bytes. Call ``report.require_consistent()`` first (the service does)."""
    s = _styles()
    story = [*_cover(report, organisation, s), *_overview(report, s), *_tables(report, s)]
    return _document(story, report.period, organisation)


def _cover(report: Report, organisation: str, s: Styles) -> list[Flowable]:
    """The title, and whether these are the figures frozen for the period."""
    p = report.period
    story: list[Flowable] = [
        Paragraph(_escape(organisation), s["kicker"]),
        Paragraph("Transparency report", s["title"]),
        Paragraph(_escape(f"Demands for customer data received {p.title()}"), s["subtitle"]),
        Spacer(1, 6 * mm),
    ]
    if report.frozen is not None:
        note = f"These are the figures published for {p.label}, frozen on {report.frozen.frozen_at[:10]}."
        if report.changed_since_frozen:
            n = len(report.changed_since_frozen)
            note += (
                f" {n} case{'s' if n != 1 else ''} of this period changed in our records since then; "
                "the figures above them are shown as published."
            )
        story.append(Paragraph(_escape(note), s["flag"]))
    return story


def _overview(report: Report, s: Styles) -> list[Flowable]:
    """The lead, the key figures and charts, how we count, and the tables by country and process."""
    return [
        Paragraph(_escape(_lead(report)), s["body"]),
        Spacer(1, 3 * mm),
        _key_figures(report),
        Spacer(1, 4 * mm),
        Paragraph("What happened to the demands", s["h2"]),
        _outcome_chart(report, WIDTH),
        Paragraph(_escape(report.table("outcomes").note), s["note"]),
        Paragraph("How we count", s["h2"]),
        Paragraph(
            _escape(
                f"{COUNTING_RULE} A demand received in one period and decided in the next counts in the "
                "period it was received, with the decision it has when the report is made. Each demand is "
                "counted once in every table, and every table adds up to the same totals. "
                "Preservation requests, national-security demands (which the law allows us to publish only "
                f"in ranges of {report.config.band}) and documents that demand no data are reported apart "
                "and are not in the totals. An account is one identifier named in a demand: one person "
                "may hold several."
            ),
            s["note"],
        ),
        PageBreak(),
        Paragraph("Demands by requesting country", s["h2"]),
        _country_chart(report, WIDTH),
        Paragraph("Demands over time", s["h2"]),
        _trend_chart(report, WIDTH),
        Paragraph(
            "Half-years marked * are counted from today's records; the others show the figures frozen "
            "when they were published.",
            s["note"],
        ),
        CondPageBreak(60 * mm),
        Paragraph("Demands by requesting country", s["h2"]),
        _outcome_table(report, "outcomes_by_country", "Country"),
        Paragraph(_escape(report.table("outcomes_by_country").note), s["note"]),
        CondPageBreak(50 * mm),
        Paragraph("Demands by legal process", s["h2"]),
        _outcome_table(report, "outcomes_by_legal_process", "Legal process"),
        Paragraph(_escape(report.table("outcomes_by_legal_process").note), s["note"]),
    ]


def _tables(report: Report, s: Styles) -> list[Flowable]:
    """Every other table with its note, then the costs."""
    story: list[Flowable] = []
    for key, first in (
        ("secrecy_orders", "Secrecy orders"),
        ("emergency", "Emergency requests"),
        ("enterprise", "Enterprise customers"),
        ("content_stored_abroad", "Content disclosures"),
        ("civil", "Civil litigation"),
        ("national_security", "National security"),
        ("preservation", "Preservation"),
        ("not_data_demands", "Other documents"),
        ("disclosures_by_ground", "Ground"),
        ("disclosures_by_country", "Country"),
    ):
        table = report.table(key)
        has_outcomes = any(c.key == "pending" for c in table.columns)
        flow = (
            _outcome_table(report, key, first, with_total=False)
            if has_outcomes
            else _small_table(report, key, first)
        )
        story.append(
            KeepTogether(
                [Paragraph(_escape(table.title), s["h2"]), flow, Paragraph(_escape(table.note), s["note"])]
            )
        )

    if report.costs:
        story.append(KeepTogether(_cost_section(report)))
    return story


def _document(story: list[Flowable], p: Period, organisation: str) -> bytes:
    """The pages laid out, each with the organisation, the period and "page n / m" at its foot."""
    out = io.BytesIO()
    footer_text = f"{organisation} · Transparency report {p.label}"

    def footer(canvas: Canvas, page: int, pages: int) -> None:
        canvas.saveState()
        canvas.setStrokeColor(RULE)
        canvas.setLineWidth(0.4)
        canvas.line(MARGIN, 12 * mm, PAGE_W - MARGIN, 12 * mm)
        canvas.setFont(REGULAR, 7)
        canvas.setFillColor(MUTED)
        canvas.drawString(MARGIN, 8 * mm, footer_text)
        canvas.drawRightString(PAGE_W - MARGIN, 8 * mm, f"{page} / {pages}")
        canvas.restoreState()

    frame = Frame(MARGIN, 16 * mm, WIDTH, PAGE_H - MARGIN - 16 * mm, 0, 0, 0, 0)
    doc = BaseDocTemplate(
        out,
        pagesize=A4,
        title=f"Transparency report {p.label}",
        author=organisation,
        subject=f"Demands for customer data received {p.title()}",
        creator="Demand Desk",
        invariant=1,
        initialFontName=REGULAR,
    )
    doc.addPageTemplates([PageTemplate("page", [frame])])
    doc.build(story, canvasmaker=_numbered(footer))
    return out.getvalue()


def _numbered(footer: Callable[[Canvas, int, int], None]) -> type[Canvas]:
    """A canvas class that holds pages back until the count is known, for "page n / m"."""

    class Numbered(Canvas):  # type: ignore[misc]  # reportlab has no type hints
        def __init__(self, *args: object, **kwargs: object) -> None:
            super().__init__(*args, **kwargs)
            self._held: list[dict[str, object]] = []

        def showPage(self) -> None:  # noqa: N802 - reportlab's name
            self._held.append(dict(self.__dict__))
            self._startPage()

        def save(self) -> None:
            for number, state in enumerate(self._held, 1):
                self.__dict__.update(state)
                footer(self, number, len(self._held))
                super().showPage()
            super().save()

    return Numbered
