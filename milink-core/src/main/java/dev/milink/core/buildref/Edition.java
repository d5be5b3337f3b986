// SPDX-License-Identifier: Apache-2.0
package dev.milink.core.buildref;

import java.util.List;
import java.util.Locale;

/**
 * SQL Server edition families, as far as the link cares.
 *
 * @since 0.1
 */
public enum Edition {
    ENTERPRISE("Enterprise"),
    /** Developer, including SQL Server 2025's Enterprise Developer and Standard Developer editions. */
    DEVELOPER("Developer"),
    STANDARD("Standard"),
    EVALUATION("Evaluation"),
    EXPRESS("Express"),
    WEB("Web"),
    OTHER("another edition");

    /** Matching order: "Enterprise Evaluation" is Evaluation, "Standard Developer" is Developer. */
    private static final List<Edition> BY_PRECEDENCE = List.of(EVALUATION, DEVELOPER, ENTERPRISE, STANDARD, EXPRESS,
            WEB);

    private final String label;

    Edition(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    /**
     * Classifies {@code SERVERPROPERTY('Edition')}, e.g. "Enterprise Edition: Core-based Licensing (64-bit)",
     * "Enterprise Evaluation Edition (64-bit)", "Standard Developer Edition (64-bit)". When the text is empty the
     * engine edition decides (2 Standard, 4 Express; 3 is Enterprise, Developer or Evaluation and reads as Enterprise).
     */
    public static Edition of(String edition, int engineEdition) {
        String e = edition == null ? "" : edition.toLowerCase(Locale.ROOT);
        for (Edition candidate : BY_PRECEDENCE) {
            if (e.contains(candidate.label.toLowerCase(Locale.ROOT))) {
                return candidate;
            }
        }
        if (!e.isBlank()) {
            return OTHER;
        }
        return switch (engineEdition) {
            case 2 -> STANDARD;
            case 3 -> ENTERPRISE;
            case 4 -> EXPRESS;
            default -> OTHER;
        };
    }
}
