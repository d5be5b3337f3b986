// SPDX-License-Identifier: Apache-2.0
package dev.milink.network.test;

import dev.milink.core.secret.Secret;
import dev.milink.sqlserver.connect.Authentication;
import dev.milink.sqlserver.connect.ConnectionSettings;
import dev.milink.sqlserver.connect.SqlConnector;
import dev.milink.sqlserver.connect.SqlTarget;
import java.time.Duration;

/**
 * The child process of {@link InterruptedRunTest}: runs a network test against the parent's sandbox until the parent
 * terminates it (SIGTERM, as Ctrl-C would). Arguments: sql-port sql-password mi-port mi-password.
 */
public final class InterruptedRunChild {

    private InterruptedRunChild() {
    }

    public static void main(String[] args) {
        TestTarget sql = target(Integer.parseInt(args[0]), "sa", args[1]);
        TestTarget mi = target(Integer.parseInt(args[2]), "miadmin", args[3]);
        new LinkTester(LinkTestOptions.defaults().withTimes(Duration.ofMinutes(2), Duration.ofMillis(20),
                Duration.ofSeconds(1))).run(sql, mi);
    }

    private static TestTarget target(int port, String user, String password) {
        ConnectionSettings s = ConnectionSettings.of(new SqlTarget("127.0.0.1", port, null),
                new Authentication.SqlLogin(user, Secret.of(password))).withTrustServerCertificate(true);
        return new TestTarget("127.0.0.1", "127.0.0.1:" + port, () -> SqlConnector.open(s));
    }
}
