// SPDX-License-Identifier: Apache-2.0
package dev.milink.core.assess;

import dev.milink.core.catalog.CheckCatalog;
import dev.milink.core.check.Evidence;
import dev.milink.core.check.Finding;
import dev.milink.core.check.Remediation;
import dev.milink.core.check.Severity;
import dev.milink.core.check.Status;
import dev.milink.core.error.CoreError;
import dev.milink.core.error.MilinkException;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * Per-check configuration, applied to findings after the checks ran (as PMD and ESLint do): change a check's
 * severity, disable a check, suppress a check or a database with a mandatory reason. Suppressed findings stay in
 * the report as SUPPRESSED with the reason and the status they had, and no longer affect the verdict or the exit
 * code.
 *
 * <pre>{@code
 * CheckConfig config = CheckConfig.builder(CheckCatalog.standard())
 *         .severity("MIL-D16", Severity.WARNING)
 *         .suppress(new Suppression("MIL-D7", null, "Legacy", "archived, never linked", LocalDate.of(2027, 1, 31)))
 *         .build();
 * CheckConfig.Applied applied = config.apply(findings, LocalDate.now(clock));
 * }</pre>
 *
 * <p>Rules, in order: a disabled check's findings become SKIPPED ("disabled in the configuration"); a severity
 * override gives the configured severity to every finding at the check's default severity and caps the others
 * (a note stays a note when a blocker is lowered to a warning); a suppression turns a FAIL, WARN, INFO, UNKNOWN or
 * ERROR finding it matches into SUPPRESSED (PASS and SKIPPED have nothing to suppress). A suppression whose
 * {@code expires} date has passed no longer applies and leaves a report note saying so.
 *
 * @since 0.1
 */
public final class CheckConfig {

    /** No configuration: findings pass through unchanged. */
    public static final CheckConfig NONE = new CheckConfig(Map.of(), List.of(), Map.of());

    private final Map<String, Rule> rules;
    private final List<Suppression> suppressions;
    /** Each configured check's default severity, which a severity override replaces. */
    private final Map<String, Severity> defaults;

    private CheckConfig(Map<String, Rule> rules, List<Suppression> suppressions, Map<String, Severity> defaults) {
        this.rules = Map.copyOf(rules);
        this.suppressions = List.copyOf(suppressions);
        this.defaults = Map.copyOf(defaults);
    }

    /**
     * What the configuration says about one check.
     *
     * @param checkId  the check's current id (a former id is resolved when the configuration is built)
     * @param severity the severity to use instead of the check's default, or empty
     * @param enabled  false to disable the check
     */
    public record Rule(String checkId, Optional<Severity> severity, boolean enabled) {
        public Rule {
            Objects.requireNonNull(checkId, "checkId");
            Objects.requireNonNull(severity, "severity");
        }
    }

    /**
     * One suppression. At least one of {@code checkId} and {@code database} is given; a null one matches any.
     *
     * @param checkId  the check, or null for every check on the database
     * @param instance the target instance as named on the command line, or null for every target
     * @param database the database (case-insensitive), or null for the check on every target
     * @param reason   why; shown in every report; mandatory
     * @param expires  the last day it applies, or null for no expiry
     */
    public record Suppression(String checkId, String instance, String database, String reason, LocalDate expires) {
        public Suppression {
            if (checkId == null && database == null) {
                throw new IllegalArgumentException("a suppression names a check, a database or both");
            }
            if (reason == null || reason.isBlank()) {
                throw new IllegalArgumentException("a suppression needs a reason");
            }
        }

        boolean matches(Finding f) {
            return (checkId == null || checkId.equals(f.checkId()))
                    && (instance == null || instance.equalsIgnoreCase(f.target().instance()))
                    && (database == null || database.equalsIgnoreCase(f.target().database()));
        }

        boolean activeOn(LocalDate today) {
            return expires == null || !today.isAfter(expires);
        }

        /** How the report names it: "MIL-D7 on database Legacy". */
        String label() {
            return (checkId == null ? "every check" : checkId)
                    + (database == null ? "" : " on database " + database)
                    + (instance == null ? "" : " on " + instance);
        }
    }

    /** The findings after configuration, and report notes about it (e.g. an expired suppression). */
    public record Applied(List<Finding> findings, List<String> notes) {
        public Applied {
            findings = List.copyOf(findings);
            notes = List.copyOf(notes);
        }
    }

    public static Builder builder(CheckCatalog catalog) {
        return new Builder(catalog);
    }

    /**
     * Reads the {@code checks:} and {@code suppress:} sections of a config file as parsed from YAML or JSON into
     * plain maps, lists and scalars. Every problem is a {@link CoreError#CONFIG_INVALID} naming the entry: an
     * unknown check id (with the closest ids), an unknown setting, a bad severity or date, a suppression without a
     * reason.
     *
     * @param checks   map of check id to its settings ({@code severity}, {@code enabled}), or null
     * @param suppress list of suppressions ({@code check}, {@code database}, {@code instance}, {@code reason},
     *                 {@code expires}), or null
     * @param source   the file, for messages
     */
    public static CheckConfig read(Object checks, Object suppress, CheckCatalog catalog, String source) {
        Builder b = builder(catalog);
        if (checks != null) {
            if (!(checks instanceof Map<?, ?> map)) {
                throw invalid(source, "'checks' must be a map of check ids to settings, e.g. MIL-D16: {severity: "
                        + "warning}");
            }
            for (Map.Entry<?, ?> e : map.entrySet()) {
                String id = String.valueOf(e.getKey());
                String where = "checks." + id;
                if (id.equals("suppress")) {
                    throw invalid(source, "'suppress' is a top-level key beside 'checks', not inside it");
                }
                Map<String, Object> settings = settings(source, where, e.getValue(), List.of("severity", "enabled"));
                b.resolve(id, source, where);
                if (settings.get("severity") != null) {
                    b.severity(id, severity(source, where, settings.get("severity")));
                }
                if (settings.get("enabled") != null && !bool(source, where, settings.get("enabled"))) {
                    b.disable(id);
                }
            }
        }
        if (suppress != null) {
            if (!(suppress instanceof List<?> list)) {
                throw invalid(source, "'suppress' must be a list of entries such as {check: MIL-D7, database: "
                        + "Legacy, reason: \"...\"}");
            }
            for (int i = 0; i < list.size(); i++) {
                Map<String, Object> s = settings(source, "suppress[" + (i + 1) + "]", list.get(i),
                        List.of("check", "database", "instance", "reason", "expires"));
                String check = text(s.get("check"));
                String database = text(s.get("database"));
                String where = "suppress[" + (i + 1) + "]" + (check == null && database == null ? ""
                        : " (" + (check == null ? "" : "check " + check)
                                + (check != null && database != null ? ", " : "")
                                + (database == null ? "" : "database " + database) + ")");
                if (check == null && database == null) {
                    throw invalid(source, where + " names neither a check nor a database");
                }
                String reason = text(s.get("reason"));
                if (reason == null || reason.isBlank()) {
                    throw invalid(source, where + " has no reason; every suppression needs one (reason: \"...\"), "
                            + "which the report shows");
                }
                b.suppress(new Suppression(check == null ? null : b.resolve(check, source, where),
                        text(s.get("instance")), database, reason.strip(), date(source, where, s.get("expires"))));
            }
        }
        return b.build();
    }

    /** The configured rule for a check, if any. */
    public Optional<Rule> rule(String checkId) {
        return Optional.ofNullable(rules.get(checkId));
    }

    public List<Suppression> suppressions() {
        return suppressions;
    }

    /** Applies the rules and suppressions to {@code findings}; {@code today} decides which suppressions expired. */
    public Applied apply(List<Finding> findings, LocalDate today) {
        List<String> notes = new ArrayList<>();
        for (Suppression s : suppressions) {
            if (!s.activeOn(today) && findings.stream().anyMatch(s::matches)) {
                notes.add("The suppression of " + s.label() + " expired on " + s.expires()
                        + "; its findings are reported again (reason was: " + s.reason() + ").");
            }
        }
        List<Finding> out = new ArrayList<>(findings.size());
        for (Finding f : findings) {
            out.add(apply(f, today));
        }
        return new Applied(out, notes);
    }

    private Finding apply(Finding f, LocalDate today) {
        Rule rule = rules.get(f.checkId());
        if (rule != null && !rule.enabled()) {
            return new Finding(f.checkId(), f.title(), f.area(), Status.SKIPPED, f.severity(), f.target(),
                    "Disabled in the configuration.", Evidence.NONE, Remediation.NONE);
        }
        Finding result = f;
        if (rule != null && rule.severity().isPresent()) {
            result = result.withSeverity(adjusted(f, rule.severity().get()));
        }
        if (suppressible(result.status())) {
            for (Suppression s : suppressions) {
                if (s.activeOn(today) && s.matches(result)) {
                    return result.suppressed(s.reason());
                }
            }
        }
        return result;
    }

    /** The configured severity for findings at the check's default; others keep theirs, capped by it. */
    private Severity adjusted(Finding f, Severity configured) {
        Severity checkDefault = defaults.get(f.checkId());
        if (f.severity() == checkDefault) {
            return configured;
        }
        return f.severity().compareTo(configured) < 0 ? configured : f.severity();
    }

    private static boolean suppressible(Status s) {
        return s.isNotMet() || s == Status.UNKNOWN || s == Status.ERROR;
    }

    /** Builds a configuration, resolving former ids and rejecting unknown ones with a "did you mean". */
    public static final class Builder {
        private final CheckCatalog catalog;
        private final Map<String, Rule> rules = new LinkedHashMap<>();
        private final List<Suppression> suppressions = new ArrayList<>();

        private Builder(CheckCatalog catalog) {
            this.catalog = Objects.requireNonNull(catalog, "catalog");
        }

        public Builder severity(String checkId, Severity severity) {
            String id = resolve(checkId, null, "checks");
            Rule old = rules.getOrDefault(id, new Rule(id, Optional.empty(), true));
            rules.put(id, new Rule(id, Optional.of(severity), old.enabled()));
            return this;
        }

        public Builder disable(String checkId) {
            String id = resolve(checkId, null, "checks");
            Rule old = rules.getOrDefault(id, new Rule(id, Optional.empty(), true));
            rules.put(id, new Rule(id, old.severity(), false));
            return this;
        }

        public Builder suppress(Suppression s) {
            suppressions.add(s.checkId() == null ? s : new Suppression(resolve(s.checkId(), null, "suppress"),
                    s.instance(), s.database(), s.reason(), s.expires()));
            return this;
        }

        public CheckConfig build() {
            Map<String, Severity> defaults = new LinkedHashMap<>();
            rules.keySet().forEach(id -> defaults.put(id, catalog.find(id).orElseThrow().metadata().severity()));
            return new CheckConfig(rules, suppressions, defaults);
        }

        private String resolve(String id, String source, String where) {
            return catalog.find(id).map(c -> c.metadata().id()).orElseThrow(() -> new MilinkException(
                    CoreError.CONFIG_INVALID, (source == null ? "" : "Config file " + source + ": ") + where
                    + ": unknown check id '" + id + "'." + catalog.suggest(id).map(s -> " Did you mean " + s + "?")
                    .orElse("") + " Run 'milink checks list' to see every id."));
        }
    }

    private static Map<String, Object> settings(String source, String where, Object value, List<String> keys) {
        if (!(value instanceof Map<?, ?> map)) {
            throw invalid(source, where + " must be a map of settings (" + String.join(", ", keys) + ")");
        }
        Map<String, Object> out = new LinkedHashMap<>();
        for (Map.Entry<?, ?> e : map.entrySet()) {
            String key = String.valueOf(e.getKey());
            if (!keys.contains(key)) {
                throw invalid(source, where + ": unknown setting '" + key + "'; valid settings: "
                        + String.join(", ", keys));
            }
            out.put(key, e.getValue());
        }
        return out;
    }

    private static Severity severity(String source, String where, Object value) {
        String t = String.valueOf(value).strip().toUpperCase(Locale.ROOT);
        return Arrays.stream(Severity.values()).filter(s -> s.name().equals(t)).findFirst()
                .orElseThrow(() -> invalid(source, where + ": severity must be one of "
                        + Arrays.stream(Severity.values()).map(s -> s.name().toLowerCase(Locale.ROOT))
                        .collect(Collectors.joining(", ")) + ", not '" + value + "'"));
    }

    private static boolean bool(String source, String where, Object value) {
        return switch (String.valueOf(value).strip().toLowerCase(Locale.ROOT)) {
            case "true", "yes", "on" -> true;
            case "false", "no", "off" -> false;
            default -> throw invalid(source, where + ": enabled must be true or false, not '" + value + "'");
        };
    }

    private static LocalDate date(String source, String where, Object value) {
        if (value == null) {
            return null;
        }
        try {
            return LocalDate.parse(String.valueOf(value).strip());
        } catch (DateTimeParseException e) {
            throw invalid(source, where + ": expires must be a date like 2027-01-31, not '" + value + "'");
        }
    }

    private static String text(Object value) {
        return value == null ? null : String.valueOf(value);
    }

    private static MilinkException invalid(String source, String what) {
        return new MilinkException(CoreError.CONFIG_INVALID, "Config file " + source + ": " + what + ".");
    }

    @Override
    public String toString() {
        return "CheckConfig" + rules.values().stream().map(Rule::toString).toList() + suppressions;
    }
}
