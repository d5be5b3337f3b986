// SPDX-License-Identifier: Apache-2.0
package dev.milink.core.check.database;

import dev.milink.core.check.PerDatabaseCheck;
import dev.milink.core.check.CheckContext;
import dev.milink.core.check.CheckMetadata;
import dev.milink.core.check.Evidence;
import dev.milink.core.check.Finding;
import dev.milink.core.check.Remediation;
import dev.milink.core.check.ScriptKind;
import dev.milink.core.check.Severity;
import dev.milink.core.model.DatabaseFacts;
import dev.milink.core.model.Facts;
import dev.milink.core.model.Input;
import dev.milink.core.model.ManagedInstanceFacts;
import dev.milink.core.model.SqlVersion;
import java.util.List;
import java.util.Optional;

/**
 * MIL-D15: for a link from the managed instance, a TDE database must use a customer-managed key SQL Server can
 * reach. Judged from the managed instance's TDE protector when its end was read; otherwise an UNKNOWN reminder.
 */
public final class TdeFromManagedInstanceCheck extends PerDatabaseCheck {

    public static final CheckMetadata META = Meta.of("D15", "TDE database from the managed instance uses a key "
            + "SQL Server can reach", Severity.BLOCKER, Meta.MI_TO_SQL, true, Meta.PREPARATION, """
                    When the managed instance is the initial primary, only databases encrypted with a \
                    customer-managed key (Azure Key Vault) can be linked to SQL Server, and SQL Server must reach \
                    the same key through its EKM provider (on Linux from SQL Server 2022 CU14). Databases under \
                    service-managed TDE cannot, and every new managed instance database is encrypted by default. \
                    When the managed instance was read from Azure, its TDE protector decides: ServiceManaged \
                    fails (unless encryption is turned off for the database), AzureKeyVault passes on condition \
                    that SQL Server reaches the key, which milink cannot see. Without the managed instance the \
                    finding is UNKNOWN, at WARNING rather than BLOCKER so it does not hold every verdict at \
                    INCOMPLETE, with the steps that settle it.""");

    /** SQL Server 2022 CU14: the first build whose Linux EKM provider reaches Azure Key Vault. */
    static final SqlVersion LINUX_AKV_2022 = SqlVersion.parse("16.0.4135.4");

    @Override
    protected Finding evaluate(DatabaseFacts db, Facts facts, CheckContext context, Finding.Builder finding) {
        if (facts.managedInstance() instanceof Input.Present<ManagedInstanceFacts> p) {
            return judge(db, facts, p.value(), finding);
        }
        return finding.severity(Severity.WARNING)
                .unknown("The TDE protector of " + Why.quoted(db) + " on the managed instance is not read by "
                                + "milink; a database under service-managed TDE cannot be linked to SQL Server.",
                        Evidence.of("not read", "not encrypted, or a customer-managed key SQL Server can reach"),
                        new Remediation("Check the managed instance's TDE protector; switch to a customer-managed "
                                + "key and give SQL Server access to it through EKM if the database is encrypted.",
                                List.of(Steps.step(META, db, "check-tde-protector",
                                                "Check the TDE protector of " + Why.quoted(db) + " on the MI")
                                        .appliable(false).script(ScriptKind.MANUAL, "check-protector.txt")
                                        .build())));
    }

    private static Finding judge(DatabaseFacts db, Facts facts, ManagedInstanceFacts mi, Finding.Builder finding) {
        String where = "managed instance '" + mi.name() + "'";
        if (!mi.encryptionProtector().isKnown()) {
            return finding.unknown("The TDE protector of " + where + " could not be read: "
                    + mi.encryptionProtector().reason());
        }
        String protector = mi.encryptionProtector().orElse("");
        String expected = "a customer-managed key (AzureKeyVault) that SQL Server reaches";
        Evidence evidence = Evidence.of("TDE protector " + protector, expected);
        if (protector.equalsIgnoreCase("ServiceManaged")) {
            return finding.fail(where + " protects its databases with a service-managed TDE key, which SQL Server "
                    + "cannot open: " + Why.quoted(db) + " cannot be linked to SQL Server while it is encrypted.",
                    evidence, new Remediation("Switch the managed instance's TDE protector to a customer-managed "
                            + "key in Azure Key Vault and give SQL Server the same key through EKM, or turn "
                            + "encryption off for the database.", List.of(Steps.step(META, db, "check-tde-protector",
                                    "Check the TDE protector of " + Why.quoted(db) + " on the MI")
                            .appliable(false).script(ScriptKind.MANUAL, "check-protector.txt").build())));
        }
        if (!protector.equalsIgnoreCase("AzureKeyVault")) {
            return finding.unknown("The TDE protector type '" + protector + "' of " + where + " is not "
                    + "recognised.");
        }
        Optional<String> linuxTooOld = facts.server().host().asOptional().filter(h -> h.isLinux())
                .flatMap(h -> facts.server().product().asOptional())
                .filter(p -> p.version().major() == 16 && !p.version().isAtLeast(LINUX_AKV_2022))
                .map(p -> p.version().toString());
        if (linuxTooOld.isPresent()) {
            return finding.fail(where + " uses a customer-managed key, but SQL Server " + linuxTooOld.get()
                    + " on Linux reaches Azure Key Vault only from 2022 CU14 (16.0.4135.4).", evidence,
                    new Remediation("Update SQL Server to 2022 CU14 or later.", List.of()));
        }
        return finding.pass(where + " uses a customer-managed key (Azure Key Vault); SQL Server must reach the same "
                + "key through its EKM provider, which milink cannot see.", evidence);
    }

    public TdeFromManagedInstanceCheck() {
        super(META);
    }
}
