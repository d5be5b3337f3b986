// SPDX-License-Identifier: Apache-2.0
package dev.milink.sandbox.link;

import java.util.List;
import java.util.Map;

/** What each end declared about a link: the SQL Server's distributed AG, and the MI's ARM resource. */
public final class LinkSide {
    private LinkSide() {}

    /** The role of one end in the distributed availability group. */
    public enum Role { PRIMARY, SECONDARY }

    /**
     * The SQL Server end: {@code CREATE AVAILABILITY GROUP [dag] WITH (DISTRIBUTED) AVAILABILITY GROUP ON N'ag' …,
     * N'mi-ag' …}.
     *
     * @param dagName the distributed AG (= the link's name)
     * @param localAg the SQL Server's availability group (first member)
     * @param remoteAg the MI's availability group (second member)
     * @param localListenerUrl the first member's LISTENER_URL
     * @param remoteListenerUrl the second member's LISTENER_URL ({@code tcp://<mi fqdn>:5022;Server=[<mi>]…})
     * @param databases the local AG's databases (empty when the MI is the initial primary)
     * @param databaseSizes data size in bytes of each local database
     * @param initialRole the SQL Server's role at creation: PRIMARY when its AG holds databases
     * @param canCreateDatabases {@code ALTER AVAILABILITY GROUP [ag] GRANT CREATE ANY DATABASE} was run
     */
    public record Sql(String dagName, String localAg, String remoteAg, String localListenerUrl,
                      String remoteListenerUrl, List<String> databases, Map<String, Long> databaseSizes,
                      Role initialRole, boolean canCreateDatabases) {
        public Sql {
            databases = List.copyOf(databases);
            databaseSizes = Map.copyOf(databaseSizes);
        }

        /**
         * The database the MI's member names in its listener URL ({@code …;Server=[mi];Database=[db]}, with
         * {@code ]]} for a {@code ]} in the name, as SQL Server quotes names), or null when it names none: SQL
         * Server seeds into that database when the MI is the initial primary.
         */
        public String remoteListenerDatabase() {
            String url = remoteListenerUrl == null ? "" : remoteListenerUrl;
            int at = url.toLowerCase(java.util.Locale.ROOT).indexOf(";database=[");
            if (at < 0) {
                return null;
            }
            StringBuilder name = new StringBuilder();
            for (int i = at + ";database=[".length(); i < url.length(); i++) {
                char c = url.charAt(i);
                if (c == ']') {
                    if (i + 1 < url.length() && url.charAt(i + 1) == ']') {
                        name.append(']');
                        i++;
                        continue;
                    }
                    return name.toString();
                }
                name.append(c);
            }
            return null;   // no closing bracket: not a name SQL Server could read
        }
    }

    /**
     * The Managed Instance end: the ARM {@code distributedAvailabilityGroups/{dagName}} PUT.
     *
     * @param dagName the resource name
     * @param instanceAg {@code instanceAvailabilityGroupName}
     * @param partnerAg {@code partnerAvailabilityGroupName}
     * @param partnerEndpoint {@code partnerEndpoint}
     * @param databases {@code databases[].databaseName}
     * @param initialRole {@code instanceLinkRole}
     * @param failoverMode {@code failoverMode} (None | Manual)
     */
    public record Mi(String dagName, String instanceAg, String partnerAg, String partnerEndpoint,
                     List<String> databases, Role initialRole, String failoverMode) {
        public Mi {
            databases = List.copyOf(databases);
        }
    }
}
