// SPDX-License-Identifier: Apache-2.0
package dev.milink.core.check.instance;

import dev.milink.core.check.Area;
import dev.milink.core.check.InstanceCheck;
import dev.milink.core.check.CheckContext;
import dev.milink.core.check.CheckMetadata;
import dev.milink.core.check.Evidence;
import dev.milink.core.check.Finding;
import dev.milink.core.check.FixStep.Phase;
import dev.milink.core.check.Remediation;
import dev.milink.core.check.ScriptKind;
import dev.milink.core.check.Severity;
import dev.milink.core.model.Facts;
import dev.milink.core.model.ServerFacts;
import dev.milink.core.model.ServerFacts.MirroringEndpoint;
import java.util.List;
import java.util.Map;

/** MIL-I16: a named instance does not take port 5022, which belongs to the default instance on the host. */
public final class EndpointPortCheck extends InstanceCheck {

    public static final CheckMetadata META = InstanceMeta.meta("I16",
            "The endpoint port is not shared with another instance", Area.INSTANCE, Severity.BLOCKER,
            InstanceMeta.BOTH, true, InstanceMeta.OVERVIEW, """
            Several instances on one host each need their own mirroring endpoint port; by convention only the \
            default instance uses 5022. Reads the instance name and the endpoint's port and state. Limits: the \
            ports of other instances on the host are not collected, so a named instance on 5022 is a warning \
            (it blocks the default instance or another named one), and a failure only when its endpoint on 5022 \
            is not started, the usual sign that another instance holds the port.""");

    @Override
    protected Finding evaluate(Facts facts, CheckContext context, Finding.Builder finding) {
        ServerFacts s = facts.server();
        if (!s.mirroringEndpoint().isKnown() || !s.identity().isKnown()) {
            return finding.unknown("The endpoint or the instance name could not be read: "
                    + (s.mirroringEndpoint().isKnown() ? s.identity().reason() : s.mirroringEndpoint().reason())
                    + ".");
        }
        List<MirroringEndpoint> endpoints = s.mirroringEndpoint().orElse(List.of()).stream()
                .filter(ep -> !dev.milink.core.model.MilinkObjects.isNetworkTestObject(ep.name())).toList();
        if (endpoints.isEmpty()) {
            return finding.skipped("There is no database mirroring endpoint yet (MIL-I8 reports it).");
        }
        MirroringEndpoint e = endpoints.getFirst();
        InstanceNames names = InstanceNames.of(s);
        Evidence evidence = Evidence.of((names.named() ? "named instance " + names.instanceName()
                : "default instance") + ", endpoint " + e.name() + " on port " + e.port() + " (" + e.state() + ")",
                names.named() ? "a port other than " + MirroringEndpointCheck.DEFAULT_PORT : "any free port");
        if (!names.named() || e.port() != MirroringEndpointCheck.DEFAULT_PORT) {
            return finding.pass("Endpoint port " + e.port() + " suits " + (names.named() ? "this named"
                    : "the default") + " instance.", evidence);
        }
        Remediation move = new Remediation("Move the endpoint to a dedicated port, then update replicas and "
                + "firewalls.", List.of(Fixes.manual(META.id(), facts, "move-endpoint-port", "Move endpoint "
                + e.name() + " to port " + MirroringEndpointCheck.NAMED_INSTANCE_PORT, Phase.INSTANCE,
                Fixes.SQL_ENDPOINT + 1, false, List.of(Fixes.script(ScriptKind.TSQL, META.id(),
                        "move-endpoint-port.sql", Map.of("endpoint", e.name(),
                                "currentPort", String.valueOf(e.port()),
                                "port", String.valueOf(MirroringEndpointCheck.NAMED_INSTANCE_PORT)))))));
        if (!"STARTED".equalsIgnoreCase(e.state())) {
            return finding.fail("Named instance " + names.instanceName() + " has its endpoint on 5022 and "
                    + "it is " + e.state() + "; another instance on the host probably holds the port.", evidence,
                    move);
        }
        return finding.severity(Severity.WARNING).warn("Named instance " + names.instanceName()
                + " uses 5022, the default instance's port; no other instance on this host can use it.", evidence,
                move);
    }

    public EndpointPortCheck() {
        super(META);
    }
}
