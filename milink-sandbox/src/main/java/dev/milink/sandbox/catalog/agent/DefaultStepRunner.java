// SPDX-License-Identifier: Apache-2.0
package dev.milink.sandbox.catalog.agent;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.BiFunction;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The sandbox's Agent subsystems: PowerShell steps that call {@code Test-NetConnection} / {@code tnc} make a real
 * TCP connect from this process and print what PowerShell's Format-List would; T-SQL steps go to the statement
 * layer. Other PowerShell is not interpreted and fails the step.
 */
public final class DefaultStepRunner implements StepRunner {
    private static final Pattern TNC = Pattern.compile(
            "(?i)\\b(?:tnc|Test-NetConnection)\\s+(?:-ComputerName\\s+)?['\"]?([^\\s'\"|]+)['\"]?\\s+-port\\s+(\\d+)"
                    + "([^|\\r\\n]*)");
    private final Duration timeout;
    private final BiFunction<String, String, Result> tsql;

    /**
     * @param timeout TCP connect timeout
     * @param tsql    runs (database, command) through the statement layer
     */
    public DefaultStepRunner(Duration timeout, BiFunction<String, String, Result> tsql) {
        this.timeout = timeout;
        this.tsql = tsql;
    }

    @Override
    public Result run(AgentJob job, AgentJob.Step step) {
        String subsystem = step.subsystem().toUpperCase(Locale.ROOT);
        if ("TSQL".equals(subsystem)) {
            return tsql.apply(step.database(), step.command());
        }
        if (!"POWERSHELL".equals(subsystem)) {
            return new Result(false, "Executed as user: NT Service\\SQLSERVERAGENT. The subsystem " + step.subsystem()
                    + " is not available in the sandbox.  Process Exit Code 1.  The step failed.");
        }
        Matcher m = TNC.matcher(step.command());
        List<String> outputs = new ArrayList<>();
        while (m.find()) {
            String host = m.group(1);
            int port = Integer.parseInt(m.group(2));
            boolean quiet = m.group(3).toLowerCase(Locale.ROOT).contains("-informationlevel quiet");
            Probe p = probe(host, port);
            outputs.add(quiet ? (p.ok ? "True" : "False") : formatList(host, p));
        }
        if (outputs.isEmpty()) {
            return new Result(false, "Executed as user: NT Service\\SQLSERVERAGENT. The sandbox only runs "
                    + "Test-NetConnection in PowerShell steps.  Process Exit Code 1.  The step failed.");
        }
        String text = String.join("\n", outputs);
        return new Result(true, "Executed as user: NT Service\\SQLSERVERAGENT. " + text
                + "  Process Exit Code 0.  The step succeeded.");
    }

    private static String formatList(String host, Probe p) {
        return "\n\nComputerName     : " + host + "\nRemoteAddress    : " + p.address + "\nTcpTestSucceeded : "
                + (p.ok ? "True" : "False") + "\n\n";
    }

    private record Probe(boolean ok, String address) {}

    private Probe probe(String host, int port) {
        InetAddress address;
        try {
            address = InetAddress.getByName(host);
        } catch (UnknownHostException e) {
            return new Probe(false, "");
        }
        try (Socket s = new Socket()) {
            s.connect(new InetSocketAddress(address, port), (int) timeout.toMillis());
            return new Probe(true, address.getHostAddress());
        } catch (IOException e) {
            return new Probe(false, address.getHostAddress());
        }
    }
}
