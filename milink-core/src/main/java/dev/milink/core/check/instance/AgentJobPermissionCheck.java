// SPDX-License-Identifier: Apache-2.0
package dev.milink.core.check.instance;

import dev.milink.core.check.Area;
import dev.milink.core.check.InstanceCheck;
import dev.milink.core.check.CheckContext;
import dev.milink.core.check.CheckMetadata;
import dev.milink.core.check.Evidence;
import dev.milink.core.check.Finding;
import dev.milink.core.check.Severity;
import dev.milink.core.check.Target;
import dev.milink.core.model.Facts;
import dev.milink.core.model.ServerFacts;
import java.util.List;

/**
 * MIL-I15: the login may create and run the Agent jobs of the network test. Only sysadmin membership is collected,
 * so a non-sysadmin is UNKNOWN (SQLAgentOperatorRole membership is not read); the managed instance half is SKIPPED
 * until milink connects to the managed instance.
 */
public final class AgentJobPermissionCheck extends InstanceCheck.Several {

    public static final CheckMetadata META = InstanceMeta.meta("I15",
            "The login may run the Agent jobs of the network test", Area.INSTANCE, Severity.WARNING,
            InstanceMeta.BOTH, false, InstanceMeta.PREPARATION, """
            The documented connectivity test creates and runs temporary SQL Server Agent jobs on SQL Server and \
            on the managed instance; the login needs sysadmin or membership of msdb's SQLAgentOperatorRole on \
            both. Reads IS_SRVROLEMEMBER('sysadmin') on SQL Server. Limits: role membership in msdb is not \
            collected, so a login that is not a sysadmin is reported UNKNOWN with the statement to grant the \
            role; the managed instance side is reported SKIPPED. Only the test needs this, not the link.""");

    @Override
    protected List<Finding> evaluate(Facts facts, CheckContext context, Finding.Builder sql) {
        ServerFacts s = facts.server();
        Finding miSide = Finding.of(META,
                        Target.instance(facts.link().managedInstanceFqdn().orElse("managed instance")))
                .skipped("The managed instance side needs the same permission; milink does not connect to the "
                        + "managed instance yet. Check there with SELECT IS_SRVROLEMEMBER('sysadmin'), "
                        + "IS_ROLEMEMBER('SQLAgentOperatorRole') in msdb.");
        if (!s.sysadmin().isKnown()) {
            return List.of(sql.unreadable("Membership of sysadmin", s.sysadmin()), miSide);
        }
        if (s.sysadmin().orElse(false)) {
            return List.of(sql.pass("The login is a sysadmin, so it may create and run Agent jobs.",
                    Evidence.of("IS_SRVROLEMEMBER('sysadmin') = 1", "sysadmin or SQLAgentOperatorRole in msdb")),
                    miSide);
        }
        return List.of(sql.unknown("The login is not a sysadmin; its membership of SQLAgentOperatorRole in msdb "
                + "is not collected. Check with USE msdb; SELECT IS_ROLEMEMBER('SQLAgentOperatorRole'); and if 0 "
                + "have a sysadmin run USE msdb; ALTER ROLE [SQLAgentOperatorRole] ADD MEMBER [<its msdb user>];."),
                miSide);
    }

    public AgentJobPermissionCheck() {
        super(META);
    }
}
