// SPDX-License-Identifier: Apache-2.0
package dev.milink.azure;

import java.util.Objects;

/**
 * Where milink sends ARM requests and signs in. Normally from {@link AzureCloud#endpoints()}; a custom value points
 * milink at an ARM stand-in (the sandbox) or an Azure Stack-like endpoint.
 *
 * @param resourceManager   ARM base URL, e.g. {@code https://management.azure.com/}; must be https
 * @param authorityHost     Entra ID authority host, e.g. {@code https://login.microsoftonline.com/}
 * @param scope             token scope, e.g. {@code https://management.core.windows.net//.default}
 * @param customAuthority   true when the authority host is not a public cloud's: instance discovery is then off
 * @since 0.2
 */
public record ArmEndpoints(String resourceManager, String authorityHost, String scope, boolean customAuthority) {
    public ArmEndpoints {
        Objects.requireNonNull(resourceManager, "resourceManager");
        Objects.requireNonNull(authorityHost, "authorityHost");
        Objects.requireNonNull(scope, "scope");
        if (!resourceManager.regionMatches(true, 0, "https://", 0, 8)) {
            throw new IllegalArgumentException("the ARM endpoint must be https: " + resourceManager);
        }
        resourceManager = resourceManager.endsWith("/") ? resourceManager.substring(0, resourceManager.length() - 1)
                : resourceManager;
        authorityHost = authorityHost.endsWith("/") ? authorityHost : authorityHost + "/";
    }

    /** Endpoints of a stand-in (or private endpoint) that serves both ARM and the token endpoint at {@code base}. */
    public static ArmEndpoints custom(String base, String scope) {
        return new ArmEndpoints(base, base, scope, true);
    }
}
