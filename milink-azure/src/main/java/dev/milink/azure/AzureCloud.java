// SPDX-License-Identifier: Apache-2.0
package dev.milink.azure;

import com.azure.core.management.AzureEnvironment;
import dev.milink.core.error.MilinkException;
import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * The Azure clouds milink can talk to, named as {@code az cloud list} names them. Each gives the endpoints from
 * azure-core's {@link AzureEnvironment}: where ARM calls go, where sign-in happens, and the token scope.
 *
 * @since 0.2
 */
public enum AzureCloud {
    AZURE_CLOUD("AzureCloud", AzureEnvironment.AZURE),
    AZURE_US_GOVERNMENT("AzureUSGovernment", AzureEnvironment.AZURE_US_GOVERNMENT),
    AZURE_CHINA_CLOUD("AzureChinaCloud", AzureEnvironment.AZURE_CHINA);

    private final String cliName;
    private final AzureEnvironment environment;

    AzureCloud(String cliName, AzureEnvironment environment) {
        this.cliName = cliName;
        this.environment = environment;
    }

    /** The name {@code --cloud} takes: AzureCloud, AzureUSGovernment, AzureChinaCloud. */
    public String cliName() {
        return cliName;
    }

    /** ARM endpoint, authority host and token scope of this cloud. */
    public ArmEndpoints endpoints() {
        return new ArmEndpoints(environment.getResourceManagerEndpoint(), environment.getActiveDirectoryEndpoint(),
                environment.getManagementEndpoint() + "/.default", false);
    }

    /**
     * The cloud named {@code name} (case-insensitive; {@code AzureUSGovernment}, {@code azure-us-government} and
     * {@code AZURE_US_GOVERNMENT} all work).
     *
     * @throws MilinkException AZURE_CLOUD_UNKNOWN
     */
    public static AzureCloud parse(String name) {
        String key = name == null ? "" : name.strip().replace("-", "").replace("_", "").toLowerCase(Locale.ROOT);
        for (AzureCloud c : values()) {
            if (c.cliName.toLowerCase(Locale.ROOT).equals(key) || c.name().replace("_", "").toLowerCase(Locale.ROOT)
                    .equals(key)) {
                return c;
            }
        }
        throw new MilinkException(AzureError.AZURE_CLOUD_UNKNOWN, "Unknown Azure cloud '" + name + "'; use one of "
                + Arrays.stream(values()).map(AzureCloud::cliName).collect(Collectors.joining(", ")) + ".");
    }
}
