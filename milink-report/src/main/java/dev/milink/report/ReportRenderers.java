// SPDX-License-Identifier: Apache-2.0
package dev.milink.report;

import dev.milink.core.error.CoreError;
import dev.milink.core.error.ErrorCode;
import dev.milink.core.error.MilinkException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Every report format, keyed by its {@code --output} name. An explicit list: adding a format means adding a
 * {@link ReportRenderer} and one line here (and a golden file, see {@code ReportGoldenTest}).
 *
 * <pre>{@code
 * ReportRenderers.byName("json").render(report, writer, RenderOptions.defaults());
 * }</pre>
 *
 * @since 0.1
 */
public final class ReportRenderers {

    private static final Map<String, ReportRenderer> BY_NAME;

    static {
        Map<String, ReportRenderer> m = new LinkedHashMap<>();
        for (ReportRenderer r : List.of(new TextReportRenderer(), new JsonReportRenderer(),
                new MarkdownReportRenderer(), new HtmlReportRenderer(), new CsvReportRenderer(),
                new JUnitReportRenderer(), new SarifReportRenderer())) {
            m.put(r.name(), r);
        }
        BY_NAME = java.util.Collections.unmodifiableMap(m);
    }

    private ReportRenderers() {
    }

    /**
     * The renderer for {@code name} (case-insensitive).
     *
     * @throws MilinkException with {@link ErrorCode#USAGE} naming the valid formats when there is none
     */
    public static ReportRenderer byName(String name) {
        ReportRenderer r = name == null ? null : BY_NAME.get(name.trim().toLowerCase(Locale.ROOT));
        if (r == null) {
            throw new MilinkException(CoreError.USAGE, "Unknown output format '" + name + "'. Valid formats: "
                    + String.join(", ", names()) + ".");
        }
        return r;
    }

    /** Valid {@code --output} names, in help order (for picocli completion candidates). */
    public static List<String> names() {
        return List.copyOf(BY_NAME.keySet());
    }

    /** Every renderer, in help order. */
    public static List<ReportRenderer> all() {
        return List.copyOf(BY_NAME.values());
    }
}
