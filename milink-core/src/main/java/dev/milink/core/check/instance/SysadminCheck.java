// SPDX-License-Identifier: Apache-2.0
package dev.milink.core.check.instance;

import dev.milink.core.check.Area;
import dev.milink.core.check.CheckMetadata;
import dev.milink.core.check.Evidence;
import dev.milink.core.check.Finding;
import dev.milink.core.check.FixStep.Phase;
import dev.milink.core.check.Remediation;
import dev.milink.core.check.ScriptKind;
import dev.milink.core.check.Severity;
import dev.milink.core.model.Facts;
import dev.milink.core.model.ServerFacts;
import java.util.List;
import java.util.Map;

/** MIL-I1: the login milink connects with is a member of sysadmin. */
public final class SysadminCheck extends YesNoCheck {

    public static final CheckMetadata META = InstanceMeta.meta("I1", "The connecting login is a sysadmin",
            Area.INSTANCE, Severity.BLOCKER, InstanceMeta.BOTH, true, InstanceMeta.PREPARATION, """
            Creating the link (certificates, endpoint, availability groups) needs sysadmin on SQL Server. Reads \
            IS_SRVROLEMEMBER('sysadmin') for the login milink connected with. Assumes the same login creates the \
            link; when it is not a sysadmin many other facts may be unreadable too, and those checks report \
            UNKNOWN.""");

    @Override
    Finding notMet(Facts facts, Finding.Builder finding) {
        // The login cannot grant itself sysadmin, so the step is for another sysadmin to run.
        return finding.fail("The connecting login is not a member of sysadmin.",
                Evidence.of("IS_SRVROLEMEMBER('sysadmin') = 0", "1"),
                new Remediation("Have a sysadmin add the login to the sysadmin role, or connect as a sysadmin.",
                        List.of(Fixes.manual(META.id(), facts, "grant-sysadmin", "Add the login to sysadmin",
                                Phase.INSTANCE, Fixes.SQL_GRANTS, false,
                                List.of(Fixes.script(ScriptKind.MANUAL, "MIL-I1", "grant-sysadmin.txt",
                                        Map.of()))))));
    }

    public SysadminCheck() {
        super(META, ServerFacts::sysadmin, "Membership of sysadmin",
                "The connecting login is a member of sysadmin.", Evidence.of("IS_SRVROLEMEMBER('sysadmin') = 1", "1"));
    }
}
