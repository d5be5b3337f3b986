// SPDX-License-Identifier: Apache-2.0
package dev.milink.core.check.azure;

import static dev.milink.core.check.azure.support.AzureFixture.one;
import static dev.milink.core.check.azure.support.AzureFixture.onlyStep;
import static dev.milink.core.check.azure.support.AzureFixture.scripts;
import static org.assertj.core.api.Assertions.assertThat;

import dev.milink.core.check.Finding;
import dev.milink.core.check.ScriptKind;
import dev.milink.core.check.Status;
import dev.milink.core.model.Direction;
import dev.milink.core.model.Fact;
import dev.milink.core.testing.TestFacts;
import dev.milink.core.testing.TestMi;
import org.junit.jupiter.api.Test;

class MilM1UpdatePolicyTest {

    private static final UpdatePolicyCheck M1 = new UpdatePolicyCheck();

    private static Finding run(String policy, String sqlVersion, Direction direction) {
        return one(M1, TestFacts.linked().version(sqlVersion, "Enterprise Edition (64-bit)", 3).direction(direction)
                .mi(TestMi.ready().instance("databaseFormat", policy)));
    }

    @Test
    void matchingPolicyPassesCaseInsensitively() {
        assertThat(run("sqlserver2022", "16.0.4135.4", Direction.MI_TO_SQL).status()).isEqualTo(Status.PASS);
        assertThat(run("SQLServer2025", "17.0.1000.7", Direction.MI_TO_SQL).status()).isEqualTo(Status.PASS);
        Finding f = run("SQLServer2022", "16.0.4135.4", Direction.SQL_TO_MI);
        assertThat(f.status()).isEqualTo(Status.PASS);
        assertThat(f.message()).contains("failing back");
    }

    @Test
    void alwaysUpToDateBlocksALinkToSqlServerAndCannotBeUndone() {
        Finding f = run("alwaysuptodate", "16.0.4135.4", Direction.MI_TO_SQL);
        assertThat(f.status()).isEqualTo(Status.FAIL);
        assertThat(f.message()).contains("AlwaysUpToDate", "never replicate", "cannot be undone");
        assertThat(f.remediation().steps()).isEmpty();
        assertThat(f.remediation().summary()).contains("SQLServer2022");
    }

    @Test
    void fromSqlServerAMismatchOnlyWarnsThatFailbackIsLost() {
        Finding f = run("AlwaysUpToDate", "17.0.1000.7", Direction.SQL_TO_MI);
        assertThat(f.status()).isEqualTo(Status.WARN);
        assertThat(f.message()).contains("no failback", "cannot be undone");
    }

    @Test
    void policy2022ForSqlServer2025GivesTheManualUpgradeWithItsWarningNeverAppliable() {
        Finding f = run("SQLServer2022", "17.0.1000.7", Direction.MI_TO_SQL);
        assertThat(f.status()).isEqualTo(Status.FAIL);
        assertThat(onlyStep(f).appliable()).isFalse();
        assertThat(scripts(f, ScriptKind.AZURE_CLI)).contains("WARNING", "only move forward",
                "az sql mi update --resource-group 'rg-link' --name 'contoso-mi' --database-format SQLServer2025");
        assertThat(scripts(f, ScriptKind.AZURE_POWERSHELL)).contains("WARNING",
                "Set-AzSqlInstance -ResourceGroupName 'rg-link' -Name 'contoso-mi' -DatabaseFormat SQLServer2025");
    }

    @Test
    void policy2025ForSqlServer2022CannotGoBack() {
        Finding f = run("SQLServer2025", "16.0.4135.4", Direction.MI_TO_SQL);
        assertThat(f.status()).isEqualTo(Status.FAIL);
        assertThat(f.remediation().steps()).isEmpty();
        assertThat(f.remediation().summary()).contains("cannot go back");
    }

    @Test
    void olderSqlServerCannotReceiveAndLinksOneWayRegardless() {
        assertThat(run("SQLServer2022", "15.0.4312.2", Direction.MI_TO_SQL).status()).isEqualTo(Status.FAIL);
        assertThat(run("AlwaysUpToDate", "15.0.4312.2", Direction.SQL_TO_MI).status()).isEqualTo(Status.PASS);
    }

    @Test
    void aMissingPolicyIsNeverAssumed() {
        Finding f = run(null, "16.0.4135.4", Direction.MI_TO_SQL);
        assertThat(f.status()).isEqualTo(Status.UNKNOWN);
        assertThat(f.message()).contains("not assumed");
        assertThat(one(M1, TestFacts.linked().product(Fact.unknown("denied"))).status()).isEqualTo(Status.UNKNOWN);
    }
}
