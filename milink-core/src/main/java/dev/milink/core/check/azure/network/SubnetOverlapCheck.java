// SPDX-License-Identifier: Apache-2.0
package dev.milink.core.check.azure.network;

import dev.milink.core.check.Area;
import dev.milink.core.check.CheckMetadata;
import dev.milink.core.check.Evidence;
import dev.milink.core.check.Finding;
import dev.milink.core.check.Part;
import dev.milink.core.check.Remediation;
import dev.milink.core.check.Severity;
import dev.milink.core.check.azure.support.AzureMeta;
import dev.milink.core.check.azure.support.MiPartCheck;
import dev.milink.core.model.Facts;
import dev.milink.core.model.ManagedInstanceFacts;
import dev.milink.core.model.ManagedInstanceFacts.Subnet;
import java.util.ArrayList;
import java.util.List;

/** MIL-N6: the managed instance's subnet does not overlap SQL Server's networks. */
public final class SubnetOverlapCheck extends MiPartCheck<Subnet> {

    public static final CheckMetadata META = AzureMeta.of("N6", "The managed instance's subnet does not overlap "
            + "SQL Server's network", Area.NETWORK, Severity.BLOCKER, AzureMeta.BOTH, false, AzureMeta.PREPARATION,
            """
                    When the managed instance's subnet and SQL Server's network share addresses, packets for one \
                    side are routed to the other and the link cannot connect (peering also refuses overlapping \
                    address spaces). Compares the subnet's addressPrefix(es) with SQL Server's addresses or \
                    ranges as given with --sql-address. A SQL Server address inside the subnet itself is the \
                    clearest case: no SQL Server lives in a managed instance's delegated subnet. Re-addressing \
                    is a network change milink leaves to you.""", Part.MANAGED_INSTANCE);

    public SubnetOverlapCheck() {
        super(META, "the subnet", ManagedInstanceFacts::subnet);
    }

    @Override
    protected Finding judge(Facts facts, ManagedInstanceFacts mi, Subnet miSubnet, Finding.Builder finding) {
        List<String> prefixes = miSubnet.addressPrefixes();
        List<IpRange> subnet = prefixes.stream().flatMap(p -> IpRange.parse(p).stream()).toList();
        List<String> given = facts.link().sqlServerAddresses();
        List<IpRange> sql = given.stream().flatMap(a -> IpRange.parse(a).stream()).toList();
        if (subnet.isEmpty() || sql.isEmpty() || sql.size() != given.size()) {
            return finding.severity(Severity.WARNING).unknown(subnet.isEmpty()
                    ? "The address prefixes of the managed instance's subnet are not known."
                    : "SQL Server's addresses (as IP addresses or CIDR ranges) were not given, so an overlap with "
                            + "the subnet " + String.join(", ", prefixes) + " cannot be ruled out; give them with "
                            + "--sql-address.");
        }
        List<String> overlaps = new ArrayList<>();
        for (IpRange s : sql) {
            for (IpRange m : subnet) {
                if (s.overlaps(m)) {
                    overlaps.add(s + " overlaps " + m);
                }
            }
        }
        Evidence evidence = Evidence.of("subnet " + String.join(", ", prefixes) + "; SQL Server "
                + String.join(", ", given), "no shared addresses");
        if (!overlaps.isEmpty()) {
            return finding.fail("SQL Server's network and the managed instance's subnet overlap: "
                    + String.join("; ", overlaps) + ".", evidence, new Remediation("Re-address one side (a new "
                    + "subnet for the managed instance, or SQL Server's network) so the ranges are disjoint.",
                    List.of()));
        }
        return finding.pass("SQL Server's addresses lie outside the managed instance's subnet.", evidence);
    }
}
