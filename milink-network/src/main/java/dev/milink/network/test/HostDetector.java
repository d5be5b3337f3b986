// SPDX-License-Identifier: Apache-2.0
package dev.milink.network.test;

import java.net.InetAddress;
import java.net.NetworkInterface;
import java.net.SocketException;
import java.net.UnknownHostException;
import java.util.Locale;
import java.util.Optional;

/**
 * Decides whether milink runs on the SQL Server host, so that a probe from here proves the SQL Server → MI
 * direction. A probe from any other machine proves nothing about the SQL Server host's path, so the answer must be
 * positive evidence: the address milink connected to is one of this machine's, or SQL Server's machine name is this
 * machine's name.
 *
 * @since 0.1
 */
@FunctionalInterface
public interface HostDetector {

    /**
     * @param connectedHost the host milink connected to SQL Server with
     * @param machineName   {@code SERVERPROPERTY('MachineName')}, or null
     * @return why this machine is the SQL Server host, or empty when it is not (or it cannot tell)
     */
    Optional<String> sameHost(String connectedHost, String machineName);

    /** The real check against this machine's interfaces and name. */
    HostDetector LOCAL = (connectedHost, machineName) -> {
        try {
            InetAddress a = InetAddress.getByName(connectedHost);
            if (a.isLoopbackAddress() || a.isAnyLocalAddress() || NetworkInterface.getByInetAddress(a) != null) {
                return Optional.of(connectedHost + " (" + a.getHostAddress() + ") is an address of this machine");
            }
        } catch (UnknownHostException | SocketException e) {
            // fall through to the name comparison
        }
        if (machineName != null && !machineName.isBlank()) {
            String local = localName();
            if (local != null && shortName(local).equalsIgnoreCase(shortName(machineName))) {
                return Optional.of("SQL Server's machine name " + machineName + " is this machine's name");
            }
        }
        return Optional.empty();
    };

    private static String localName() {
        String env = System.getenv("COMPUTERNAME");
        if (env == null || env.isBlank()) {
            env = System.getenv("HOSTNAME");
        }
        if (env != null && !env.isBlank()) {
            return env;
        }
        try {
            return InetAddress.getLocalHost().getHostName();
        } catch (UnknownHostException e) {
            return null;
        }
    }

    private static String shortName(String name) {
        int dot = name.indexOf('.');
        return (dot < 0 ? name : name.substring(0, dot)).toLowerCase(Locale.ROOT);
    }
}
