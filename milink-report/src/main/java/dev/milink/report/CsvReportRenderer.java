// SPDX-License-Identifier: Apache-2.0
package dev.milink.report;

import dev.milink.core.assess.AssessmentReport;
import dev.milink.core.check.Status;
import java.io.IOException;
import java.io.Writer;
import java.util.ArrayList;
import java.util.List;

/**
 * The readiness matrix as CSV for a spreadsheet: one row per instance, one column per check (header
 * {@code MIL-I2 Database master key exists in master}), the cell the worst status of that check on that instance
 * ({@code FAIL}, or {@code FAIL 2, PASS 3} when a database check's outcomes differ), an empty cell where the
 * check reported nothing, and per row the instance's verdict and its counts per status.
 *
 * <p>It opens in Excel as is: UTF-8 with a byte-order mark (so non-Latin names survive), RFC 4180 (comma,
 * CRLF, fields with a comma, quote or line break quoted with quotes doubled). A cell that a spreadsheet would
 * run as a formula (starting with {@code = + - @}, a tab or a carriage return, OWASP "CSV injection") gets a
 * leading {@code '}: names come from servers, and a database called {@code =HYPERLINK(…)} must stay text.
 *
 * @since 0.1
 */
public final class CsvReportRenderer extends FormatRenderer {

    public CsvReportRenderer() {
        super("csv", "csv", "readiness matrix (instances x checks) for Excel: UTF-8 with BOM, RFC 4180");
    }

    @Override
    void write(AssessmentReport report, Writer out, RenderOptions options) throws IOException {
        ReadinessMatrix m = ReadinessMatrix.of(report);
        out.write('\uFEFF');
        List<String> header = new ArrayList<>(List.of("Instance", "Verdict"));
        ReportCounts.TABLE_ORDER.forEach(s -> header.add(s.name()));
        m.checks().forEach(c -> header.add(c.title().isBlank() ? c.id() : c.id() + " " + c.title()));
        row(header, out);
        for (String instance : m.instances()) {
            List<String> row = new ArrayList<>(List.of(instance, Labels.verdict(m.verdict(instance))));
            for (Status s : ReportCounts.TABLE_ORDER) {
                row.add(String.valueOf(m.findings(instance).stream().filter(f -> f.status() == s).count()));
            }
            for (ReadinessMatrix.Column c : m.checks()) {
                row.add(m.cell(instance, c.id()).map(ReadinessMatrix.Cell::label).orElse(""));
            }
            row(row, out);
        }
    }

    private static void row(List<String> fields, Writer out) throws IOException {
        for (int i = 0; i < fields.size(); i++) {
            if (i > 0) {
                out.write(',');
            }
            out.write(field(fields.get(i)));
        }
        out.write("\r\n");
    }

    /** One field: guarded against formulas, then quoted when RFC 4180 needs it. */
    static String field(String value) {
        String v = value == null ? "" : value;
        if (!v.isEmpty() && "=+-@\t\r".indexOf(v.charAt(0)) >= 0) {
            v = "'" + v;
        }
        if (v.indexOf(',') >= 0 || v.indexOf('"') >= 0 || v.indexOf('\n') >= 0 || v.indexOf('\r') >= 0) {
            return '"' + v.replace("\"", "\"\"") + '"';
        }
        return v;
    }
}
