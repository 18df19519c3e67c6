"""PDF documents (ReportLab, no Qt): certificates, cards, sign-in sheets, rosters and reports.

Printing is two steps, the same for the window and the command line:

1. `desktop.services.printouts` reads the database into a plain dataclass (and for certificates
   `desktop.services.certificates` registers them first), inside one unit of work;
2. a renderer here writes the PDF: `render_xxx(out, data, branding, *, progress, cancelled)`,
   `out` a path (written to a temporary file, renamed when complete) or a binary stream.
   It returns the number of pages; `progress(done, total)` is called per page and
   `cancelled()` polled per page (raising `common.Cancelled`, leaving no file).

certificate.render_certificates, honour.render_honours, cards.render_cards,
signin_sheet.render_signin_sheet, roster.render_roster, attendance.render_attendance,
period_report.render_period_report.
"""
