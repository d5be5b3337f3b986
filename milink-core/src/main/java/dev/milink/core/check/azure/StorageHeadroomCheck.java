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
import dev.milink.core.model.Facts;
import dev.milink.core.model.ManagedInstanceFacts;
import dev.milink.core.model.ManagedInstanceFacts.ManagedInstance;
import java.util.List;

/** MIL-M6: the databases to replicate fit in the managed instance's free reserved storage. */
public final class StorageHeadroomCheck extends MiPartCheck.OfInstance {

    public static final CheckMetadata META = AzureMeta.of("M6", "The databases fit in the managed instance's "
            + "storage", Area.AZURE, Severity.BLOCKER, AzureMeta.SQL_TO_MI, false, AzureMeta.RESOURCE_LIMITS, """
                    Seeding copies every data and log file of the database into the managed instance's reserved \
                    storage; when it does not fit, seeding fails. Adds the sizes of the data and log files \
                    (sys.master_files) of the databases to replicate and compares them with the managed \
                    instance's storageSizeInGB minus the storage in use. When the storage in use is not known, a \
                    total larger than the whole reservation still fails; otherwise the finding is UNKNOWN. \
                    Scaling storage is an Azure operation milink leaves to you.""",
            Part.MANAGED_INSTANCE, Part.SQL_SERVER);

    private static final long MB_PER_GB = 1024;

    public StorageHeadroomCheck() {
        super(META, "the storage");
    }

    @Override
    protected Finding judge(Facts facts, ManagedInstanceFacts mi, ManagedInstance i, Finding.Builder finding) {
        List<DatabaseFacts> dbs = MiFacts.selectedDatabases(facts);
        if (!facts.server().databases().isKnown()) {
            return finding.unknown("The databases on SQL Server could not be listed: "
                    + facts.server().databases().reason());
        }
        List<String> unsized = dbs.stream().filter(d -> !d.files().isKnown()).map(DatabaseFacts::name).toList();
        if (!unsized.isEmpty()) {
            return finding.unknown("The file sizes of " + String.join(", ", unsized)
                    + " could not be read, so the space they need on the managed instance is not known.");
        }
        long neededMb = dbs.stream().map(d -> d.files().orElse(null))
                .mapToLong(f -> f.dataSizeMb() + f.logSizeMb()).sum();
        long reservedMb = i.storageSizeInGb() * MB_PER_GB;
        String need = gb(neededMb) + " for " + dbs.size() + " database" + (dbs.size() == 1 ? "" : "s");
        Remediation scale = new Remediation("Increase the managed instance's storage (az sql mi update --storage "
                + "…, or Set-AzSqlInstance -StorageSizeInGB …) or replicate fewer databases.", List.of());
        if (i.storageUsedGb() == null) {
            Evidence e = Evidence.of(need + "; " + i.storageSizeInGb() + " GB reserved, use not known",
                    "room for " + gb(neededMb));
            return neededMb > reservedMb
                    ? finding.fail("The databases need " + gb(neededMb) + ", more than the " + i.storageSizeInGb()
                            + " GB reserved on " + MiFacts.label(mi) + ".", e, scale)
                    : finding.unknown("The storage in use on " + MiFacts.label(mi) + " was not read, so whether "
                            + gb(neededMb) + " still fit in its " + i.storageSizeInGb() + " GB is not known.",
                            e, Remediation.NONE);
        }
        long freeMb = reservedMb - (long) i.storageUsedGb() * MB_PER_GB;
        Evidence e = Evidence.of(need + "; " + gb(Math.max(freeMb, 0)) + " free of " + i.storageSizeInGb()
                + " GB", "room for " + gb(neededMb));
        if (neededMb > freeMb) {
            return finding.fail("The databases need " + gb(neededMb) + " but " + MiFacts.label(mi)
                    + " has " + gb(Math.max(freeMb, 0)) + " free.", e, scale);
        }
        return finding.pass("The databases (" + gb(neededMb) + ") fit in the " + gb(freeMb) + " free on "
                + MiFacts.label(mi) + ".", e);
    }

    private static String gb(long mb) {
        return String.format(java.util.Locale.ROOT, "%.1f GB", mb / (double) MB_PER_GB);
    }
}
