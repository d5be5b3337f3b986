// SPDX-License-Identifier: Apache-2.0
package dev.milink.cli.hostile;

import static org.assertj.core.api.Assertions.assertThat;

import dev.milink.cli.Environment;
import dev.milink.cli.Main;
import dev.milink.sqlserver.connect.SqlExceptionTranslator;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.sql.SQLTimeoutException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.net.ssl.SSLHandshakeException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 13, defect 8: messages that sent users astray. Every option a hint names exists on the commands that show
 * the hint; {@code network test} does not suggest {@code --verbose}, which it does not have; and the driver's
 * java.util.logging WARNING lines no longer come before milink's error line.
 */
class HintsTest {

    private static final Pattern OPTION = Pattern.compile("(?<![\\w-])--[a-z][a-z0-9-]+");

    @TempDir
    Path dir;

    private static String run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        Main.run(Environment.of(Map.of()), new PrintWriter(out), new PrintWriter(err), args);
        return out + "\n" + err;
    }

    @Test
    void everyOptionTheConnectionHintsNameExistsOnCheckAndNetworkTest() {
        List<SQLException> errors = List.of(
                new SQLException("The driver could not establish a secure connection", "08S01", 0,
                        new SSLHandshakeException("PKIX path building failed")),
                new SQLException("The certificate's host name in certificate does not match", "08S01", 0),
                new SQLTimeoutException("The query has timed out."),
                new SQLException("Login failed for user 'sa'.", "S0001", 18456),
                new SQLException("The TCP/IP connection to the host h, port 1 has failed.", "08S01", 0),
                new SQLException("VIEW SERVER STATE permission was denied", "S0001", 300));
        String checkHelp = run("check", "--help");
        String networkHelp = run("network", "test", "--help");
        List<String> named = new ArrayList<>();
        for (SQLException e : errors) {
            Matcher m = OPTION.matcher(SqlExceptionTranslator.translate(e, "sql01:1433").getMessage());
            while (m.find()) {
                named.add(m.group());
            }
        }
        assertThat(named).contains("--query-timeout", "--trust-store").doesNotContain("--trust-store-password");
        for (String option : named) {
            assertThat(checkHelp).as("check --help has " + option).contains(option);
            if (!option.equals("--encrypt")) {
                assertThat(networkHelp).as("network test --help has " + option).contains(option);
            }
        }
    }

    @Test
    void networkTestDoesNotSuggestAnOptionItRejects() throws Exception {
        int closed;
        try (ServerSocket s = new ServerSocket(0)) {
            closed = s.getLocalPort();
        }
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int exit = Main.run(Environment.of(Map.of("MILINK_SQL_PASSWORD", "x1", "MILINK_MI_PASSWORD", "x2")),
                new PrintWriter(out), new PrintWriter(err), "network", "test", "127.0.0.1," + closed, "--user", "sa",
                "--mi", "127.0.0.1," + closed, "--mi-user", "admin", "--login-timeout", "2");
        assertThat(exit).as(err.toString()).isEqualTo(3);
        assertThat(err.toString()).contains("Error [SQL_UNREACHABLE]").doesNotContain("--verbose");
        assertThat(run("network", "test", "h", "--mi", "m", "--verbose")).contains("Unknown option: '--verbose'");
    }

    /**
     * A child JVM, so the driver's real java.util.logging console handler writes to the real stderr; the "server"
     * answers like a web server, on which mssql-jdbc logs "WARNING: … Prelogin error" before it throws.
     */
    @Test
    void theDriversLogLinesDoNotPrecedeMilinksErrorLine() throws Exception {
        try (ServerSocket web = new ServerSocket(0, 50, java.net.InetAddress.getLoopbackAddress())) {
            Thread.ofVirtual().start(() -> {
                while (!web.isClosed()) {
                    try (java.net.Socket c = web.accept()) {
                        c.getOutputStream().write("HTTP/1.0 200 OK\r\n\r\nhello".getBytes());
                    } catch (java.io.IOException e) {
                        return;
                    }
                }
            });
            Path err = dir.resolve("err.txt");
            ProcessBuilder pb = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                    "-cp", System.getProperty("java.class.path"), Main.class.getName(), "check",
                    "127.0.0.1," + web.getLocalPort(), "--user", "sa")
                    .redirectError(err.toFile()).redirectOutput(dir.resolve("out.txt").toFile());
            pb.environment().put("MILINK_SQL_PASSWORD", "not-used-1");
            Process p = pb.start();
            assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
            String text = Files.readString(err);
            assertThat(p.exitValue()).as(text).isEqualTo(3);
            assertThat(text.lines().findFirst().orElse("")).as(text).startsWith("Error [SQL_UNREACHABLE]");
            assertThat(text).doesNotContain("WARNING:", "com.microsoft.sqlserver.jdbc");
        }
    }
}
