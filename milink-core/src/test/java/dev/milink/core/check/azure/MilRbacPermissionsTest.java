// SPDX-License-Identifier: Apache-2.0
package dev.milink.core.check.azure;

import static dev.milink.core.check.azure.support.AzureFixture.one;
import static dev.milink.core.check.azure.support.AzureFixture.scripts;
import static org.assertj.core.api.Assertions.assertThat;

import dev.milink.core.check.Finding;
import dev.milink.core.check.ScriptKind;
import dev.milink.core.check.Status;
import dev.milink.core.model.Fact;
import dev.milink.core.model.ManagedInstanceFacts.CallerPermissions;
import dev.milink.core.model.ManagedInstanceFacts.Permission;
import dev.milink.core.testing.TestFacts;
import dev.milink.core.testing.TestMi;
import java.util.List;
import org.junit.jupiter.api.Test;

class MilRbacPermissionsTest {

    private static final PermissionsCheck RBAC = new PermissionsCheck();

    private static Finding run(List<String> actions, List<String> notActions) {
        return one(RBAC, TestFacts.linked().mi(TestMi.ready().permissions(actions, notActions)));
    }

    @Test
    void wildcardsGrantEverything() {
        assertThat(run(List.of("*"), List.of()).status()).isEqualTo(Status.PASS);
        assertThat(run(List.of("Microsoft.Sql/*"), List.of()).status()).isEqualTo(Status.PASS);
        assertThat(run(List.of("microsoft.sql/MANAGEDINSTANCES/*"), List.of()).status()).isEqualTo(Status.PASS);
    }

    @Test
    void readOnlyLacksEveryWriteAndActionInOneFinding() {
        Finding f = run(List.of("*/read"), List.of());
        assertThat(f.status()).isEqualTo(Status.FAIL);
        assertThat(f.message()).contains("Microsoft.Sql/managedInstances/write",
                "Microsoft.Sql/managedInstances/distributedAvailabilityGroups/failover/action",
                "Microsoft.Sql/managedInstances/distributedAvailabilityGroups/setRole/action",
                "Microsoft.Sql/managedInstances/hybridCertificate/action")
                .doesNotContain("Microsoft.Sql/managedInstances/read,");
        assertThat(f.remediation().steps()).allSatisfy(s -> assertThat(s.appliable()).isFalse());
        assertThat(scripts(f, ScriptKind.AZURE_CLI)).contains("--role 'SQL Managed Instance Contributor'",
                "--scope '" + TestMi.RESOURCE_ID + "'");
        assertThat(scripts(f, ScriptKind.AZURE_POWERSHELL)).contains("New-AzRoleAssignment");
    }

    @Test
    void notActionsTakeAwayWithinTheSameRoleOnly() {
        Finding f = run(List.of("Microsoft.Sql/*"), List.of("Microsoft.Sql/managedInstances/*/delete"));
        assertThat(f.status()).isEqualTo(Status.FAIL);
        assertThat(f.message()).contains("lacks 4 actions", "databases/delete",
                "distributedAvailabilityGroups/delete", "hybridLink/delete", "serverTrustCertificates/delete");
        // another role granting the same actions without the notActions restores them
        Finding twoRoles = one(RBAC, TestFacts.linked().mi(TestMi.ready().set("permissions", Fact.of(
                new CallerPermissions(List.of(
                        new Permission(List.of("Microsoft.Sql/*"), List.of("Microsoft.Sql/managedInstances/*/delete")),
                        new Permission(List.of("Microsoft.Sql/managedInstances/*"), List.of())))))));
        assertThat(twoRoles.status()).isEqualTo(Status.PASS);
    }

    @Test
    void theGuidesListWithoutFailoverMissesOnlyThat() {
        List<String> guide = PermissionsCheck.REQUIRED.stream().filter(a -> !a.endsWith("failover/action")).toList();
        Finding f = run(guide, List.of());
        assertThat(f.status()).isEqualTo(Status.FAIL);
        assertThat(f.message()).contains("lacks 1 action ",
                "Microsoft.Sql/managedInstances/distributedAvailabilityGroups/failover/action");
    }

    @Test
    void noRoleAtAllLacksEveryAction() {
        Finding f = one(RBAC, TestFacts.linked().mi(TestMi.ready().set("permissions",
                Fact.of(new CallerPermissions(List.of())))));
        assertThat(f.status()).isEqualTo(Status.FAIL);
        assertThat(f.message()).contains("lacks " + PermissionsCheck.REQUIRED.size() + " actions");
    }

    @Test
    void unreadablePermissionsAreUnknownNamingThePermission() {
        Finding f = one(RBAC, TestFacts.linked().mi(TestMi.ready().set("permissions",
                Fact.unknown("403 AuthorizationFailed"))));
        assertThat(f.status()).isEqualTo(Status.UNKNOWN);
        assertThat(f.message()).contains("403 AuthorizationFailed", "Microsoft.Authorization/permissions/read");
    }

    @Test
    void wildcardMatchingIsExactOtherwise() {
        assertThat(PermissionsCheck.matches("Microsoft.Sql/managedInstances/read",
                "Microsoft.Sql/managedInstances/databases/read")).isFalse();
        assertThat(PermissionsCheck.matches("Microsoft.Sql/managedInstances/*/read",
                "Microsoft.Sql/managedInstances/databases/read")).isTrue();
        assertThat(PermissionsCheck.matches("Microsoft.Sql/managedInstances/*/read",
                "Microsoft.Sql/managedInstances/read")).isFalse();
        assertThat(PermissionsCheck.matches("Microsoft.Sql.Extra/*", "Microsoft.Sql/managedInstances/read"))
                .isFalse();
    }
}
