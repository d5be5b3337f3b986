// SPDX-License-Identifier: Apache-2.0
package dev.milink.network.allowlist;

import com.azure.core.management.AzureEnvironment;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * The endpoints a machine running milink, SSMS or the Azure tools must reach when its egress is filtered (spec
 * §1.7): the managed instance's FQDN, the Entra authority and resource id, the Resource Manager endpoint and the
 * service management endpoint of the target cloud. Values come from the Azure SDK's own environment tables
 * ({@link AzureEnvironment}), so they follow the SDK rather than a list of ours.
 *
 * @since 0.1
 */
public final class Allowlist {

    private Allowlist() {
    }

    /** The clouds milink knows. */
    public enum Cloud {
        PUBLIC("public", "Azure (public)", AzureEnvironment.AZURE),
        US_GOVERNMENT("usgov", "Azure US Government", AzureEnvironment.AZURE_US_GOVERNMENT),
        CHINA("china", "Azure China (21Vianet)", AzureEnvironment.AZURE_CHINA);

        private final String cliName;
        private final String label;
        private final AzureEnvironment environment;

        Cloud(String cliName, String label, AzureEnvironment environment) {
            this.cliName = cliName;
            this.label = label;
            this.environment = environment;
        }

        public String cliName() {
            return cliName;
        }

        public String label() {
            return label;
        }

        public static Cloud fromCliName(String name) {
            String n = name.trim().toLowerCase(Locale.ROOT);
            for (Cloud c : values()) {
                if (c.cliName.equals(n) || c.name().toLowerCase(Locale.ROOT).equals(n)) {
                    return c;
                }
            }
            throw new IllegalArgumentException("unknown cloud '" + name + "'; expected one of "
                    + Arrays.stream(values()).map(Cloud::cliName).collect(Collectors.joining(", ")));
        }
    }

    /**
     * One endpoint to allow.
     *
     * @param purpose what it is for
     * @param value   URL or DNS pattern
     */
    public record Entry(String purpose, String value) {}

    /** The allow-list for {@code cloud}; {@code miFqdn} may be null (a wildcard for the cloud's SQL zone is used). */
    public static List<Entry> forCloud(Cloud cloud, String miFqdn) {
        AzureEnvironment env = cloud.environment;
        String sqlSuffix = env.getSqlServerHostnameSuffix(); // e.g. ".database.windows.net"
        String mi = miFqdn != null && !miFqdn.isBlank() ? miFqdn.trim() : "*" + sqlSuffix;
        return List.of(
                new Entry("Managed instance (TDS 1433 for tools, 5022 and 11000-11999 for the link, private path only)",
                        mi),
                new Entry("Microsoft Entra authority (sign-in)", env.getActiveDirectoryEndpoint()),
                new Entry("Microsoft Entra endpoint resource id (token audience)", env.getActiveDirectoryResourceId()),
                new Entry("Azure Resource Manager endpoint", env.getResourceManagerEndpoint()),
                new Entry("Service management endpoint", env.getManagementEndpoint()));
    }
}
