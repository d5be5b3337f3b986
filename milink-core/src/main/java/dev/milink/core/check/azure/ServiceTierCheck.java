// SPDX-License-Identifier: Apache-2.0
package dev.milink.core.check.azure;

import dev.milink.core.check.Area;
import dev.milink.core.check.CheckMetadata;
import dev.milink.core.check.Evidence;
import dev.milink.core.check.Finding;
import dev.milink.core.check.Part;
import dev.milink.core.check.Remediation;
import dev.milink.core.check.Severity;
import dev.milink.core.check.azure.support.AzureMeta;
import dev.milink.core.check.azure.support.MiFacts;
import dev.milink.core.check.azure.support.MiPartCheck;
import dev.milink.core.model.DatabaseFacts;
import dev.milink.core.model.Direction;
import dev.milink.core.model.Facts;
import dev.milink.core.model.ManagedInstanceFacts;
import dev.milink.core.model.ManagedInstanceFacts.ManagedInstance;
import java.util.List;

/**
 * MIL-M3: the managed instance's service tier supports the link, and is Business Critical when a database to
 * replicate uses In-Memory OLTP (row D13).
 */
public final class ServiceTierCheck extends MiPartCheck.OfInstance {

    public static final CheckMetadata META = AzureMeta.of("M3", "The managed instance's service tier supports "
            + "the databases to replicate", Area.AZURE, Severity.BLOCKER, AzureMeta.BOTH, false,
            AzureMeta.OVERVIEW, """
                    General Purpose, Next-gen General Purpose and Business Critical managed instances all \
                    support the link, on every hardware generation (sku.name GP_Gen5, BC_Gen5, GP_G8IM, …). \
                    Memory-optimized tables, however, exist only on Business Critical: a database with an \
                    In-Memory OLTP filegroup (sys.filegroups type FX, row D13) cannot be replicated to a General \
                    Purpose instance. Reads sku.name, sku.tier and isGeneralPurposeV2 from the managed instance \
                    and the filegroups of the databases to replicate (SQL Server to MI only). The tier can be \
                    changed in Azure (a long scaling operation), which milink leaves to you.""",
            Part.MANAGED_INSTANCE, Part.SQL_SERVER);

    public ServiceTierCheck() {
        super(META, "the service tier");
    }

    @Override
    protected Finding judge(Facts facts, ManagedInstanceFacts mi, ManagedInstance i, Finding.Builder finding) {
        String tier = tier(i);
        String observed = tier + " (" + i.skuName() + ", " + i.vCores() + " vCores)";
        if (tier.equals("unknown")) {
            return finding.unknown("The service tier of " + MiFacts.label(mi) + " is not recognised (sku "
                    + i.skuName() + ", tier " + i.skuTier() + ").");
        }
        List<String> inMemory = facts.direction() == Direction.SQL_TO_MI
                ? MiFacts.selectedDatabases(facts).stream().filter(ServiceTierCheck::usesInMemoryOltp)
                        .map(DatabaseFacts::name).toList()
                : List.of();
        if (!inMemory.isEmpty() && !tier.equals("Business Critical")) {
            return finding.fail(MiFacts.label(mi) + " is " + tier + ", but " + quoted(inMemory)
                            + " use" + (inMemory.size() == 1 ? "s" : "") + " In-Memory OLTP, which only Business "
                            + "Critical supports.",
                    Evidence.of(observed, "Business Critical (In-Memory OLTP in " + quoted(inMemory) + ")"),
                    new Remediation("Link to a Business Critical managed instance, or remove the memory-optimized"
                            + " filegroup from the database first (see MIL-D13).", List.of()));
        }
        return finding.pass(MiFacts.label(mi) + " is " + tier + ", which supports the link"
                + (inMemory.isEmpty() ? "." : " and In-Memory OLTP."), Evidence.of(observed,
                "General Purpose, Next-gen General Purpose or Business Critical"));
    }

    /** "Business Critical", "Next-gen General Purpose", "General Purpose" or "unknown". */
    static String tier(ManagedInstance i) {
        String t = MiFacts.lower(String.valueOf(i.skuTier()));
        String sku = MiFacts.lower(String.valueOf(i.skuName()));
        if (t.startsWith("businesscritical") || sku.startsWith("bc_")) {
            return "Business Critical";
        }
        if (t.startsWith("generalpurpose") || sku.startsWith("gp_")) {
            return i.generalPurposeV2() ? "Next-gen General Purpose" : "General Purpose";
        }
        return "unknown";
    }

    private static boolean usesInMemoryOltp(DatabaseFacts db) {
        return db.filegroups().orElse(List.of()).stream().anyMatch(f -> "FX".equalsIgnoreCase(f.type()));
    }

    private static String quoted(List<String> names) {
        return String.join(", ", names.stream().map(n -> "'" + n + "'").toList());
    }
}
