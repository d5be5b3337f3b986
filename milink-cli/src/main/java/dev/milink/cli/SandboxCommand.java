// SPDX-License-Identifier: Apache-2.0
package dev.milink.cli;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code milink sandbox}: starts sandbox instances, prints how to connect to each (JDBC with the trust store or
 * without TLS, sqlcmd, the matching {@code milink check}), and serves until Ctrl-C. The sandbox's fixed test
 * passwords are printed on purpose: they protect nothing real.
 */
@Command(name = "sandbox")
final class SandboxCommand extends MilinkCommand {

    @Option(names = "--scenario", paramLabel = "NAME", descriptionKey = "sandbox-scenario")
    List<String> scenarios = new ArrayList<>();

    @Option(names = "--port", paramLabel = "N", defaultValue = "0", descriptionKey = "port")
    int port;

    /** For tests: stop after this many seconds instead of waiting for Ctrl-C. */
    @Option(names = "--exit-after", hidden = true)
    Integer exitAfterSeconds;

    @Override
    int run(Invocation inv) throws InterruptedException {
        List<String> names = scenarios.isEmpty() ? List.of(SandboxFleet.DEFAULT_SCENARIO) : scenarios;
        if (names.size() == 1 && SandboxLink.isLink(names.getFirst()) && port == 0) {
            SandboxLink link = SandboxLink.start(names.getFirst());
            return serve(inv, () -> printLink(inv.out(), link), link);
        }
        SandboxFleet sandbox = SandboxFleet.start(names, port);
        return serve(inv, () -> print(inv.out(), sandbox), sandbox);
    }

    /** Prints how to connect, then serves until Ctrl-C (or {@code --exit-after}), and stops the sandbox. */
    private int serve(Invocation inv, Runnable print, AutoCloseable sandbox) throws InterruptedException {
        CountDownLatch stopped = new CountDownLatch(1);
        Thread hook = new Thread(() -> {
            stopped.countDown();
            close(sandbox);
        }, "milink-sandbox-shutdown");
        Runtime.getRuntime().addShutdownHook(hook);
        try {
            print.run();
            if (exitAfterSeconds == null) {
                stopped.await();
            } else {
                stopped.await(exitAfterSeconds, TimeUnit.SECONDS);
            }
            return 0;
        } finally {
            try {
                Runtime.getRuntime().removeShutdownHook(hook);
            } catch (IllegalStateException shuttingDown) {
                // Ctrl-C: the hook is running and closes the sandbox itself.
            }
            close(sandbox);
        }
    }

    private static void close(AutoCloseable sandbox) {
        try {
            sandbox.close();
        } catch (Exception e) {
            // stopping a loopback test double; nothing to tell the user
        }
    }

    /** Both ends of the link: the SQL Server end as above, then the --mi value and the Azure environment. */
    private static void printLink(PrintWriter out, SandboxLink link) {
        var arm = link.arm();
        out.println("milink sandbox: scenario " + link.scenario() + ", both ends of a link: a SQL Server test double"
                + " and an Azure Resource Manager stand-in (test doubles; neither is SQL Server or Azure).");
        out.println("Ctrl-C stops them. The passwords and the client secret below are the sandbox's fixed test values;"
                + " they protect nothing real.");
        var m = link.sql();
        var cert = dev.milink.sandbox.server.SandboxCertificate.get();
        String sqlPart = "";
        if (m != null) {
            out.println();
            out.println("SQL Server  " + m.instance().name() + "  " + m.address() + "  login " + m.user() + " / "
                    + m.password().reveal());
            out.println("  JDBC, TLS validated:  " + m.instance().jdbcUrlWithTrustStore() + ";user=" + m.user()
                    + ";password=" + m.password().reveal());
            sqlPart = m.address() + " --user " + m.user() + " --trust-store " + cert.keystore()
                    + " --host-name-in-certificate localhost ";
        }
        out.println();
        out.println("Managed instance  " + arm.managedInstanceName() + "  (Azure Resource Manager stand-in at "
                + arm.baseUrl() + ")");
        out.println("  --mi " + arm.managedInstanceId());
        out.println("  environment:");
        link.environment().forEach((k, v) -> out.println("    export " + k + "='" + v + "'"));
        out.println();
        out.println("milink, both ends (in a shell with the environment above):");
        out.println("  " + (m == null ? "" : "MILINK_SQL_PASSWORD='" + m.password().reveal()
                + "' MILINK_TRUST_STORE_PASSWORD='" + cert.password() + "' ") + "./milink check " + sqlPart
                + "--mi " + arm.managedInstanceId() + " --azure-auth service-principal"
                + (link.sqlServerAddresses().isEmpty() ? "" : " --sql-address "
                + String.join(",", link.sqlServerAddresses())));
        out.flush();
    }

    private static void print(PrintWriter out, SandboxFleet sandbox) {
        var cert = dev.milink.sandbox.server.SandboxCertificate.get();
        out.println("milink sandbox: " + sandbox.members().size() + " instance(s) of a SQL Server test double (it"
                + " speaks SQL Server's protocol; it is not SQL Server). Ctrl-C stops it.");
        out.println("The passwords below are the sandbox's fixed test passwords; they protect nothing real.");
        for (SandboxFleet.Member m : sandbox.members()) {
            var i = m.instance();
            String user = m.user();
            String pw = m.password().reveal();
            out.println();
            out.println(m.instance().name() + "  (scenario " + m.scenario() + ")  " + m.address() + "  login "
                    + user + " / " + pw);
            out.println("  JDBC, TLS validated:  " + i.jdbcUrlWithTrustStore() + ";user=" + user + ";password=" + pw);
            out.println("  JDBC, no TLS:         " + i.jdbcUrl() + ";user=" + user + ";password=" + pw);
            out.println("  sqlcmd:               sqlcmd -S 127.0.0.1," + i.port() + " -U " + user + " -P '" + pw
                    + "' -C   (-C: trust the sandbox's self-signed certificate)");
            out.println("  milink:               MILINK_SQL_PASSWORD='" + pw + "' MILINK_TRUST_STORE_PASSWORD='"
                    + cert.password() + "' ./milink check " + m.address() + " --user " + user + " --trust-store "
                    + cert.keystore() + " --host-name-in-certificate localhost");
        }
        out.flush();
    }
}
