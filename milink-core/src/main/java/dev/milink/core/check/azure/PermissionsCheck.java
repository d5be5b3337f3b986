// SPDX-License-Identifier: Apache-2.0
package dev.milink.core.check.azure;

import dev.milink.core.check.Area;
import dev.milink.core.check.CheckMetadata;
import dev.milink.core.check.Evidence;
import dev.milink.core.check.Finding;
import dev.milink.core.check.Part;
import dev.milink.core.check.Remediation;
import dev.milink.core.check.ScriptKind;
import dev.milink.core.check.Severity;
import dev.milink.core.check.azure.support.AzureMeta;
import dev.milink.core.check.azure.support.AzureSteps;
import dev.milink.core.check.azure.support.MiFacts;
import dev.milink.core.check.azure.support.MiPartCheck;
import dev.milink.core.model.Fact;
import dev.milink.core.model.Facts;
import dev.milink.core.model.ManagedInstanceFacts;
import dev.milink.core.model.ManagedInstanceFacts.CallerPermissions;
import dev.milink.core.model.ManagedInstanceFacts.Permission;
import java.util.List;
import java.util.regex.Pattern;

/**
 * MIL-RBAC: the caller may do everything the link needs on the managed instance: the action list of the
 * preparation guide (section 1.5) plus the link's failover action.
 */
public final class PermissionsCheck extends MiPartCheck<CallerPermissions> {

    private static final String MI = "Microsoft.Sql/managedInstances";

    /** What creating, failing over and removing a link needs (the guide's list plus failover/action). */
    public static final List<String> REQUIRED = List.of(
            MI + "/read", MI + "/write",
            MI + "/hybridCertificate/action",
            MI + "/databases/read", MI + "/databases/delete", MI + "/databases/write",
            MI + "/databases/completeRestore/action", MI + "/databases/readBackups/action",
            MI + "/databases/restoreDetails/read",
            MI + "/distributedAvailabilityGroups/read", MI + "/distributedAvailabilityGroups/write",
            MI + "/distributedAvailabilityGroups/delete", MI + "/distributedAvailabilityGroups/setRole/action",
            MI + "/distributedAvailabilityGroups/failover/action",
            MI + "/endpointCertificates/read",
            MI + "/hybridLink/read", MI + "/hybridLink/write", MI + "/hybridLink/delete",
            MI + "/serverTrustCertificates/write", MI + "/serverTrustCertificates/delete",
            MI + "/serverTrustCertificates/read");

    public static final CheckMetadata META = AzureMeta.withId("MIL-RBAC", "1.5", "The caller may manage the link "
            + "on the managed instance", Area.AZURE, Severity.BLOCKER, AzureMeta.BOTH, false, AzureMeta.PREPARATION,
            """
                    Creating a link calls several Azure Resource Manager operations on the managed instance; \
                    without one of them the SSMS wizard or the script fails late, after SQL Server has been \
                    changed. Reads the caller's effective permissions on the managed instance's scope \
                    (Microsoft.Authorization/permissions): an action is allowed when one role grants it (its \
                    actions, with wildcards such as *, Microsoft.Sql/* or */read, compared without regard to \
                    case) and the same role does not take it away in its notActions. Checks the guide's list \
                    (what the built-in SQL Managed Instance Contributor role grants) plus \
                    distributedAvailabilityGroups/failover/action and setRole/action, and lists every missing \
                    action in one finding. Deny assignments are not read. Assigning roles is for an \
                    administrator: the remediation gives the commands.""", Part.MANAGED_INSTANCE);

    public PermissionsCheck() {
        super(META, "the caller's permissions", ManagedInstanceFacts::permissions);
    }

    @Override
    protected Finding unreadable(ManagedInstanceFacts mi, Fact<CallerPermissions> fact, Finding.Builder finding) {
        return finding.unknown("The caller's permissions on " + MiFacts.label(mi) + " could not be "
                + "read (" + fact.reason() + "), so whether it may manage the link is not known. "
                + "Reading them needs Microsoft.Authorization/permissions/read on the managed instance; the "
                + "link needs " + String.join(", ", REQUIRED) + ".");
    }

    @Override
    protected Finding judge(Facts facts, ManagedInstanceFacts mi, CallerPermissions perms, Finding.Builder finding) {
        List<String> missing = REQUIRED.stream().filter(a -> !allowed(perms, a)).toList();
        String expected = REQUIRED.size() + " actions (SQL Managed Instance Contributor or equivalent)";
        if (missing.isEmpty()) {
            return finding.pass("The caller has every action the link needs on " + MiFacts.label(mi) + ".",
                    Evidence.of("all " + REQUIRED.size() + " actions allowed", expected));
        }
        var step = AzureSteps.step(META.id(), facts, "assign-role", "Assign SQL Managed Instance Contributor on "
                        + MiFacts.label(mi))
                .value("scope", mi.resourceId()).template(ScriptKind.AZURE_CLI, "assign-role.sh")
                .template(ScriptKind.AZURE_POWERSHELL, "assign-role.ps1").build();
        return finding.fail("The caller lacks " + missing.size() + " action" + (missing.size() == 1 ? ""
                        : "s") + " the link needs on " + MiFacts.label(mi) + ": " + String.join(", ", missing) + ".",
                Evidence.of("missing " + String.join(", ", missing), expected),
                new Remediation("Have an administrator assign the SQL Managed Instance Contributor role (or a "
                        + "custom role with the missing actions) on the managed instance.", List.of(step)));
    }

    /** Whether one role grants {@code action} and does not exclude it. */
    static boolean allowed(CallerPermissions perms, String action) {
        for (Permission p : perms.entries()) {
            if (p.actions().stream().anyMatch(a -> matches(a, action))
                    && p.notActions().stream().noneMatch(n -> matches(n, action))) {
                return true;
            }
        }
        return false;
    }

    /** Azure's action wildcard: {@code *} matches any run of characters, '/' included; case does not matter. */
    static boolean matches(String pattern, String action) {
        if (pattern == null) {
            return false;
        }
        String regex = java.util.Arrays.stream(pattern.trim().split("\\*", -1)).map(Pattern::quote)
                .collect(java.util.stream.Collectors.joining(".*"));
        return Pattern.compile(regex, Pattern.CASE_INSENSITIVE).matcher(action).matches();
    }
}
