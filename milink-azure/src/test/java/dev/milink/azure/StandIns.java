// SPDX-License-Identifier: Apache-2.0
package dev.milink.azure;

import dev.milink.sandbox.arm.ArmStandIn;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;

/** Options pointing milink's real pipeline and credentials at an ARM stand-in, with fast retries. */
final class StandIns {
    /** The public cloud's scope: the stand-in accepts any. */
    static final String SCOPE = "https://management.core.windows.net//.default";

    private StandIns() {}

    /** Service principal sign-in against the stand-in's token endpoint (secret from the environment map). */
    static AzureOptions options(ArmStandIn arm) {
        return options(arm, AzureAuth.of(AzureAuth.Mode.SERVICE_PRINCIPAL), Map.of());
    }

    static AzureOptions options(ArmStandIn arm, AzureAuth auth, Map<String, String> extraEnv) {
        Map<String, String> env = new HashMap<>(arm.environment());
        env.putAll(extraEnv);
        return AzureOptions.defaults().endpoints(ArmEndpoints.custom(arm.baseUrl(), SCOPE)).auth(auth)
                .retries(2, Duration.ofMillis(5), Duration.ofMillis(20)).pollInterval(Duration.ofMillis(10))
                .sslContext(ArmStandIn.clientSslContext()).environment(env);
    }
}
