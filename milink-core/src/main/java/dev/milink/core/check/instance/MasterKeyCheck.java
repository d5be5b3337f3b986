// SPDX-License-Identifier: Apache-2.0
package dev.milink.core.check.instance;

import dev.milink.core.check.Area;
import dev.milink.core.check.CheckMetadata;
import dev.milink.core.check.Evidence;
import dev.milink.core.check.Finding;
import dev.milink.core.check.FixStep;
import dev.milink.core.check.FixStep.Phase;
import dev.milink.core.check.Remediation;
import dev.milink.core.check.ScriptKind;
import dev.milink.core.check.Severity;
import dev.milink.core.model.Facts;
import dev.milink.core.model.ServerFacts;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** MIL-I2: master holds a database master key. */
public final class MasterKeyCheck extends YesNoCheck {

    /** The secret whose value becomes the master key password; never written into a script. */
    public static final String PASSWORD_SECRET = "MILINK_DMK_PASSWORD";

    public static final CheckMetadata META = InstanceMeta.meta("I2", "master has a database master key",
            Area.CERTIFICATES, Severity.BLOCKER, InstanceMeta.BOTH, true, InstanceMeta.CONFIGURE_SCRIPTS, """
            The endpoint certificate's private key is encrypted by the database master key (DMK) of master, so \
            the DMK must exist before the certificate is created. Reads sys.symmetric_keys in master \
            (##MS_DatabaseMasterKey##, symmetric_key_id 101). The fix creates the key with a password taken from \
            the secret MILINK_DMK_PASSWORD; it is guarded by IF NOT EXISTS, so re-running it is harmless.""");

    @Override
    Finding notMet(Facts facts, Finding.Builder finding) {
        FixStep create = new FixStep(Fixes.stepId(META.id(), facts, "create-master-key"),
                "Create the database master key in master", Phase.INSTANCE, Fixes.SQL_MASTER_KEY, false, true,
                List.of(Fixes.script(ScriptKind.TSQL, META.id(), "create-master-key.sql", Map.of())),
                Optional.of(PASSWORD_SECRET));
        return finding.fail("master has no database master key.",
                Evidence.of("no ##MS_DatabaseMasterKey## in master", "a database master key in master"),
                new Remediation("Create the master key with a strong password from " + PASSWORD_SECRET
                        + " and keep the password safe.", List.of(create)));
    }

    public MasterKeyCheck() {
        super(META, ServerFacts::masterKeyInMaster, "Whether master has a database master key", "master has a database master key.",
                Evidence.of("##MS_DatabaseMasterKey## present in master", "present"));
    }
}
