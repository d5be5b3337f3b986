// SPDX-License-Identifier: Apache-2.0
package dev.milink.core.check.instance;

import dev.milink.core.model.ServerFacts;
import dev.milink.core.model.ServerFacts.HostInfo;

/** The host operating system as far as the facts tell; remediation offers every platform when it is unknown. */
enum Platform {
    WINDOWS,
    LINUX,
    UNKNOWN;

    static Platform of(ServerFacts server) {
        return server.host().asOptional().map(Platform::of).orElse(UNKNOWN);
    }

    private static Platform of(HostInfo host) {
        if (host.isLinux()) {
            return LINUX;
        }
        return "Windows".equalsIgnoreCase(host.platform()) ? WINDOWS : UNKNOWN;
    }

    boolean mayBeWindows() {
        return this != LINUX;
    }

    boolean mayBeLinux() {
        return this != WINDOWS;
    }
}
