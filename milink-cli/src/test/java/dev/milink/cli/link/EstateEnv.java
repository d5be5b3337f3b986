// SPDX-License-Identifier: Apache-2.0
package dev.milink.cli.link;

import dev.milink.sandbox.arm.SandboxEstate;
import java.util.HashMap;
import java.util.Map;

/** How a milink run reaches a sandbox estate: the SQL Server password, and the ARM stand-in with a bearer token. */
final class EstateEnv {

    private EstateEnv() {
    }

    /** A mutable map, so a test can add or remove a variable of its own (CI …). */
    static Map<String, String> of(SandboxEstate estate, String sqlPassword) {
        Map<String, String> env = new HashMap<>();
        env.put("MILINK_SQL_PASSWORD", sqlPassword);
        env.put("MILINK_ARM_ENDPOINT", estate.arm().baseUrl());
        env.put("MILINK_ARM_TRUSTSTORE", estate.arm().trustStore().toString());
        env.put("MILINK_ARM_TRUSTSTORE_PASSWORD", estate.arm().trustStorePassword());
        env.put("MILINK_ARM_TOKEN", estate.arm().accessToken());
        return env;
    }
}
