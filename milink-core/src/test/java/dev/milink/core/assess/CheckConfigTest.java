// SPDX-License-Identifier: Apache-2.0
package dev.milink.core.assess;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.milink.core.catalog.CheckCatalog;
import dev.milink.core.check.Area;
import dev.milink.core.check.Evidence;
import dev.milink.core.check.Finding;
import dev.milink.core.check.Remediation;
import dev.milink.core.check.Severity;
import dev.milink.core.check.Status;
import dev.milink.core.check.Target;
import dev.milink.core.error.CoreError;
import dev.milink.core.error.ExitStatus;
import dev.milink.core.error.MilinkException;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Per-check configuration on findings: severity, disable, suppress with a reason, expiry, validation. */
class CheckConfigTest {

    private static final CheckCatalog CATALOG = CheckCatalog.standard();
    private static final LocalDate TODAY = LocalDate.of(2026, 6, 1);

    private static Finding finding(String id, Status status, Severity severity, String database) {
        Target t = database == null ? Target.instance("sql01") : Target.database("sql01", database);
        return new Finding(id, "title", Area.DATABASE, status, severity, t, "message", Evidence.NONE,
                Remediation.NONE);
    }

    private static CheckConfig read(String yamlishChecks, Object suppress) {
        Map<String, Object> checks = yamlishChecks == null ? null : Map.of(yamlishChecks, Map.of("severity", "warning"));
        return CheckConfig.read(checks, suppress, CATALOG, "milink.yaml");
    }

    @Test
    void severityOverrideTurnsAFailIntoAWarnAndLeavesNotesAlone() {
        CheckConfig config = CheckConfig.builder(CATALOG).severity("MIL-D6", Severity.WARNING).build();
        List<Finding> out = config.apply(List.of(
                finding("MIL-D6", Status.FAIL, Severity.BLOCKER, "Sales"),
                finding("MIL-D6", Status.INFO, Severity.INFO, "HR"),
                finding("MIL-D7", Status.FAIL, Severity.BLOCKER, "Sales")), TODAY).findings();
        assertThat(out).extracting(Finding::status).containsExactly(Status.WARN, Status.INFO, Status.FAIL);
        assertThat(out.getFirst().severity()).isEqualTo(Severity.WARNING);
        assertThat(Verdict.exitStatus(out.subList(0, 2), Severity.BLOCKER)).isEqualTo(ExitStatus.READY);
    }

    @Test
    void raisingASeverityLiftsFindingsAtTheDefaultOnly() {
        CheckConfig config = CheckConfig.builder(CATALOG).severity("MIL-D16", Severity.BLOCKER).build();
        // MIL-D16's default is INFO: its note becomes a blocker.
        assertThat(config.apply(List.of(finding("MIL-D16", Status.INFO, Severity.INFO, "Sales")), TODAY)
                .findings().getFirst().status()).isEqualTo(Status.FAIL);
    }

    @Test
    void suppressionKeepsTheFindingWithReasonAndFormerStatusAndLeavesTheExitCode() {
        CheckConfig config = CheckConfig.builder(CATALOG).suppress(new CheckConfig.Suppression("MIL-D7", null,
                "legacy", "Archived; never linked", LocalDate.of(2027, 1, 31))).build();
        List<Finding> out = config.apply(List.of(
                finding("MIL-D7", Status.FAIL, Severity.BLOCKER, "Legacy"),
                finding("MIL-D7", Status.FAIL, Severity.BLOCKER, "Sales"),
                finding("MIL-D7", Status.PASS, Severity.BLOCKER, "Legacy")), TODAY).findings();
        assertThat(out.getFirst().status()).isEqualTo(Status.SUPPRESSED);
        assertThat(out.getFirst().suppression()).isEqualTo(new Finding.Suppression(Status.FAIL, "Archived; never linked"));
        assertThat(out.get(1).status()).isEqualTo(Status.FAIL);
        assertThat(out.get(2).status()).as("a pass has nothing to suppress").isEqualTo(Status.PASS);
        assertThat(Verdict.exitStatus(List.of(out.getFirst()), Severity.BLOCKER)).isEqualTo(ExitStatus.READY);
    }

    @Test
    void aDatabaseSuppressionCoversEveryCheckOnIt() {
        CheckConfig config = CheckConfig.read(null, List.of(Map.of("database", "Ведомости", "reason", "販売 archive")),
                CATALOG, "milink.yaml");
        List<Finding> out = config.apply(List.of(
                finding("MIL-D6", Status.FAIL, Severity.BLOCKER, "ведомости"),
                finding("MIL-D17", Status.UNKNOWN, Severity.INFO, "Ведомости"),
                finding("MIL-I3", Status.FAIL, Severity.BLOCKER, null)), TODAY).findings();
        assertThat(out).extracting(Finding::status)
                .containsExactly(Status.SUPPRESSED, Status.SUPPRESSED, Status.FAIL);
        assertThat(out.get(1).suppression().was()).isEqualTo(Status.UNKNOWN);
    }

    @Test
    void anExpiredSuppressionNoLongerAppliesAndSaysSo() {
        CheckConfig config = CheckConfig.read(null, List.of(Map.of("check", "MIL-D7", "reason", "until the migration",
                "expires", "2026-05-31")), CATALOG, "milink.yaml");
        CheckConfig.Applied applied = config.apply(List.of(finding("MIL-D7", Status.FAIL, Severity.BLOCKER, "Sales")),
                TODAY);
        assertThat(applied.findings().getFirst().status()).isEqualTo(Status.FAIL);
        assertThat(applied.notes()).singleElement().asString()
                .contains("MIL-D7", "expired on 2026-05-31", "until the migration");
        assertThat(config.apply(List.of(finding("MIL-D7", Status.FAIL, Severity.BLOCKER, "Sales")),
                LocalDate.of(2026, 5, 31)).findings().getFirst().status()).as("the expiry day still counts")
                .isEqualTo(Status.SUPPRESSED);
    }

    @Test
    void aDisabledCheckIsSkippedWithTheReason() {
        Map<String, Object> checks = Map.of("MIL-I3", Map.of("enabled", false));
        Finding out = CheckConfig.read(checks, null, CATALOG, "milink.yaml")
                .apply(List.of(finding("MIL-I3", Status.FAIL, Severity.BLOCKER, null)), TODAY).findings().getFirst();
        assertThat(out.status()).isEqualTo(Status.SKIPPED);
        assertThat(out.message()).contains("Disabled in the configuration");
    }

    @Test
    void aSuppressionWithoutReasonIsAConfigErrorNamingTheEntry() {
        Map<String, Object> noReason = new LinkedHashMap<>();
        noReason.put("check", "MIL-D7");
        noReason.put("database", "Legacy");
        assertThatThrownBy(() -> read(null, List.of(Map.of("check", "MIL-I3", "reason", "ok"), noReason)))
                .isInstanceOfSatisfying(MilinkException.class, e -> {
                    assertThat(e.code()).isEqualTo(CoreError.CONFIG_INVALID);
                    assertThat(e.code().exitStatus()).isEqualTo(ExitStatus.USAGE);
                })
                .hasMessageContaining("suppress[2] (check MIL-D7, database Legacy) has no reason");
        noReason.put("reason", "   ");
        assertThatThrownBy(() -> read(null, List.of(noReason))).hasMessageContaining("has no reason");
    }

    @Test
    void anUnknownCheckIdSuggestsTheClosest() {
        assertThatThrownBy(() -> read("MIL_D7", null)).isInstanceOf(MilinkException.class)
                .hasMessageContaining("unknown check id 'MIL_D7'").hasMessageContaining("Did you mean MIL-D7");
        assertThatThrownBy(() -> read(null, List.of(Map.of("check", "MIL-X9", "reason", "r"))))
                .hasMessageContaining("suppress[1] (check MIL-X9): unknown check id");
    }

    @Test
    void badValuesAreNamed() {
        assertThatThrownBy(() -> CheckConfig.read(Map.of("MIL-D6", Map.of("severity", "fatal")), null, CATALOG, "f"))
                .hasMessageContaining("checks.MIL-D6: severity must be one of blocker, warning, info, not 'fatal'");
        assertThatThrownBy(() -> CheckConfig.read(Map.of("MIL-D6", Map.of("level", "info")), null, CATALOG, "f"))
                .hasMessageContaining("unknown setting 'level'");
        assertThatThrownBy(() -> CheckConfig.read(null, List.of(Map.of("check", "MIL-D6", "reason", "r",
                "expires", "next year")), CATALOG, "f")).hasMessageContaining("expires must be a date");
        assertThatThrownBy(() -> CheckConfig.read(null, List.of(Map.of("reason", "r")), CATALOG, "f"))
                .hasMessageContaining("names neither a check nor a database");
        assertThatThrownBy(() -> CheckConfig.read(Map.of("suppress", List.of()), null, CATALOG, "f"))
                .hasMessageContaining("'suppress' is a top-level key beside 'checks'");
    }

    @Test
    void aFormerIdResolvesToTheCurrentOne() {
        CheckConfig config = CheckConfig.builder(CATALOG).severity("mil-d6", Severity.INFO).build();
        assertThat(config.rule("MIL-D6")).hasValueSatisfying(r -> assertThat(r.severity()).contains(Severity.INFO));
        assertThat(CheckConfig.NONE.apply(List.of(finding("MIL-D6", Status.FAIL, Severity.BLOCKER, "Sales")), TODAY)
                .findings().getFirst().status()).isEqualTo(Status.FAIL);
    }
}
