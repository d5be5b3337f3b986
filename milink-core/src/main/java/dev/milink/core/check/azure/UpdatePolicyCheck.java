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
import dev.milink.core.model.Direction;
import dev.milink.core.model.Facts;
import dev.milink.core.model.ManagedInstanceFacts;
import dev.milink.core.model.ManagedInstanceFacts.ManagedInstance;
import dev.milink.core.model.ServerFacts.Product;
import java.util.List;
import java.util.Optional;

/**
 * MIL-M1: the managed instance's update policy ({@code databaseFormat}) lets data flow to SQL Server when the
 * link needs it: SQLServer2022 for SQL Server 2022, SQLServer2025 for SQL Server 2025. Never changed by milink.
 */
public final class UpdatePolicyCheck extends MiPartCheck.OfInstance {

    public static final CheckMetadata META = AzureMeta.of("M1", "The update policy lets the managed instance "
            + "replicate to SQL Server", Area.AZURE, Severity.BLOCKER, AzureMeta.BOTH, false,
            AzureMeta.UPDATE_POLICY, """
                    A managed instance can only send a database to SQL Server (a link from the managed instance, \
                    or a failback after failing over to it) when its update policy matches SQL Server's major \
                    version: SQLServer2022 for SQL Server 2022 (CU10 or later, see MIL-V3), SQLServer2025 for \
                    SQL Server 2025. Under AlwaysUpToDate it never can. Reads properties.databaseFormat (compared \
                    without regard to case; a missing value is UNKNOWN, the default is never assumed) and SQL \
                    Server's ProductMajorVersion. From SQL Server to the managed instance any policy works, but a \
                    mismatch means no way back after a failover: a warning. The policy only moves forward \
                    (SQLServer2022, SQLServer2025, AlwaysUpToDate) and each step is permanent, so milink never \
                    changes it; the remediation gives the commands with that warning.""",
            Part.MANAGED_INSTANCE, Part.SQL_SERVER);

    static final String ALWAYS = "AlwaysUpToDate";
    private static final String IRREVERSIBLE = " The update policy only moves forward and AlwaysUpToDate cannot be "
            + "undone.";

    public UpdatePolicyCheck() {
        super(META, "the update policy");
    }

    @Override
    protected Finding judge(Facts facts, ManagedInstanceFacts mi, ManagedInstance i, Finding.Builder finding) {
        Optional<String> policy = canonical(i.databaseFormat());
        if (policy.isEmpty()) {
            return finding.unknown("Azure did not report the update policy (databaseFormat) of "
                    + MiFacts.label(mi) + "; it is not assumed. Check it with az sql mi show --query "
                    + "databaseFormat.");
        }
        if (!facts.server().product().isKnown()) {
            return finding.unknown("SQL Server's version could not be read: "
                    + facts.server().product().reason());
        }
        Product product = facts.server().product().orElse(null);
        int major = product.version().major();
        Optional<String> needed = needed(major);
        String p = policy.get();
        Evidence evidence = Evidence.of("update policy " + p + ", SQL Server " + product.version(),
                needed.map(n -> n + (major == 16 ? " (with SQL Server 2022 CU10 or later)" : ""))
                        .orElse("no policy: SQL Server " + major + " cannot receive from a managed instance"));
        boolean toSql = facts.direction() == Direction.MI_TO_SQL;
        if (needed.isEmpty()) {
            return toSql
                    ? finding.fail("SQL Server " + product.version() + " cannot receive a database from a managed "
                            + "instance under any update policy (only SQL Server 2022 and 2025 can; see MIL-V11).",
                            evidence, Remediation.NONE)
                    : finding.pass("SQL Server " + product.version() + " links one way only, so the update policy ("
                            + p + ") does not matter.", evidence);
        }
        if (needed.get().equals(p)) {
            return finding.pass("The update policy " + p + " matches SQL Server " + product.version()
                    + (toSql ? "." : "; failing back to SQL Server stays possible."), evidence);
        }
        String problem = p.equals(ALWAYS)
                ? "Under the update policy AlwaysUpToDate " + MiFacts.label(mi) + " can never replicate to SQL "
                        + "Server " + product.version() + "."
                : "The update policy " + p + " does not match SQL Server " + product.version() + ", which needs "
                        + needed.get() + ".";
        Remediation fix = remediation(facts, mi, p, needed.get(), major);
        if (toSql) {
            return finding.fail(problem + IRREVERSIBLE, evidence, fix);
        }
        return finding.warn(problem + " The link from SQL Server works, but after a failover to the "
                + "managed instance there is no failback to SQL Server." + IRREVERSIBLE, evidence, fix);
    }

    private static Remediation remediation(Facts facts, ManagedInstanceFacts mi, String policy, String needed,
                                           int major) {
        boolean upgradable = policy.equals("SQLServer2022") && needed.equals("SQLServer2025");
        if (!upgradable) {
            return new Remediation(policy.equals(ALWAYS)
                    ? "AlwaysUpToDate cannot be undone: link SQL Server to a managed instance created with the "
                            + needed + " update policy."
                    : "The policy cannot go back to " + needed + ": upgrade SQL Server to the version matching "
                            + policy + ", or use a managed instance with the " + needed + " policy.", List.of());
        }
        String rg = MiFacts.segment(mi.resourceId(), "resourceGroups").orElse("<resource-group>");
        var step = AzureSteps.step(META.id(), facts, "update-policy", "Move the update policy of "
                        + MiFacts.label(mi) + " to " + needed + " (permanent)")
                .value("rg", rg).value("mi", mi.name()).value("policy", needed)
                .template(ScriptKind.AZURE_CLI, "set-policy.sh")
                .template(ScriptKind.AZURE_POWERSHELL, "set-policy.ps1").build();
        return new Remediation("Move the update policy to " + needed + " for SQL Server " + major + ", knowing it "
                + "cannot be moved back; milink never does this itself.", List.of(step));
    }

    /** SQLServer2022, SQLServer2025 or AlwaysUpToDate as Azure spells them, whatever the case; empty if unset. */
    static Optional<String> canonical(String databaseFormat) {
        if (databaseFormat == null || databaseFormat.isBlank()) {
            return Optional.empty();
        }
        for (String known : List.of("SQLServer2022", "SQLServer2025", ALWAYS)) {
            if (known.equalsIgnoreCase(databaseFormat.trim())) {
                return Optional.of(known);
            }
        }
        return Optional.of(databaseFormat.trim());
    }

    private static Optional<String> needed(int major) {
        return switch (major) {
            case 16 -> Optional.of("SQLServer2022");
            case 17 -> Optional.of("SQLServer2025");
            default -> Optional.empty();
        };
    }
}
