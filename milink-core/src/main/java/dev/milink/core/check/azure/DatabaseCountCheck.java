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
import dev.milink.core.model.Facts;
import dev.milink.core.model.ManagedInstanceFacts;
import dev.milink.core.model.ManagedInstanceFacts.ManagedInstance;
import dev.milink.core.model.ManagedInstanceFacts.MiDatabase;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/** MIL-M4: the managed instance has room for the databases to replicate (100, or 500 on Next-gen GP). */
public final class DatabaseCountCheck extends MiPartCheck.OfInstance {

    public static final CheckMetadata META = AzureMeta.of("M4", "The managed instance has room for the databases",
            Area.AZURE, Severity.BLOCKER, AzureMeta.SQL_TO_MI, false, AzureMeta.RESOURCE_LIMITS, """
                    A managed instance holds at most 100 user databases on General Purpose and Business \
                    Critical, and 500 on Next-gen General Purpose; link creation fails with \
                    DatabaseNumberLimitReached beyond that. Counts the user databases listed on the managed \
                    instance (system databases excluded) plus the databases to replicate that are not there \
                    yet, and compares with the limit of its tier (isGeneralPurposeV2 gives Next-gen).""",
            Part.MANAGED_INSTANCE, Part.SQL_SERVER);

    static final int LIMIT = 100;
    static final int LIMIT_NEXT_GEN = 500;
    private static final Set<String> SYSTEM = Set.of("master", "model", "msdb", "tempdb");

    public DatabaseCountCheck() {
        super(META, "the service tier");
    }

    @Override
    protected Finding judge(Facts facts, ManagedInstanceFacts mi, ManagedInstance i, Finding.Builder finding) {
        if (!mi.databases().isKnown()) {
            return finding.unknown(MiFacts.unreadable(mi, "the database list", mi.databases()));
        }
        Set<String> onMi = mi.databases().orElse(List.of()).stream().map(MiDatabase::name).map(MiFacts::lower)
                .filter(n -> !SYSTEM.contains(n)).collect(Collectors.toSet());
        long adding = MiFacts.selectedNames(facts).stream().map(MiFacts::lower).filter(n -> !onMi.contains(n))
                .distinct().count();
        boolean nextGen = i.generalPurposeV2();
        int limit = nextGen ? LIMIT_NEXT_GEN : LIMIT;
        long total = onMi.size() + adding;
        Evidence evidence = Evidence.of(onMi.size() + " on the managed instance + " + adding + " to replicate = "
                + total, "at most " + limit + (nextGen ? " (Next-gen General Purpose)" : ""));
        if (total > limit) {
            return finding.fail(MiFacts.label(mi) + " would hold " + total + " user databases, more than "
                    + "its limit of " + limit + ".", evidence, new Remediation("Replicate fewer databases, "
                    + "remove unused databases from the managed instance, or use another instance.", List.of()));
        }
        return finding.pass(MiFacts.label(mi) + " has room: " + total + " of " + limit
                + " user databases.", evidence);
    }
}
