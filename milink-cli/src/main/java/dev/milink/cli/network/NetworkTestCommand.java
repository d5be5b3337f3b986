// SPDX-License-Identifier: Apache-2.0
package dev.milink.cli.network;

import dev.milink.cli.options.CommandBase;
import dev.milink.cli.options.AuthOptions;
import dev.milink.cli.options.ConnectionOptions;
import dev.milink.cli.options.TextOrJsonOption;
import dev.milink.core.error.CoreError;
import dev.milink.cli.auth.AuthContext;
import dev.milink.cli.auth.AuthMode;
import dev.milink.cli.auth.Credentials;
import dev.milink.cli.auth.Side;
import dev.milink.core.error.MilinkException;
import dev.milink.engine.Milink;
import dev.milink.engine.NetworkTestRequest;
import dev.milink.engine.NetworkTestResult;
import dev.milink.network.rules.Cidr;
import dev.milink.sqlserver.connect.Authentication;
import dev.milink.sqlserver.connect.ConnectionSettings;
import dev.milink.sqlserver.connect.SqlTarget;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code milink network test SQLSERVER --mi MI}: proves the link's TCP paths in both directions from the link's
 * own ends (spec §2), through temporary SQL Agent jobs that are always removed. Binds options and hands over to
 * {@link Milink#testNetwork}. The exit code is the one rule's over the test's findings (MIL-N9): 0 all reachable,
 * 1 something blocked, 5 a path not proven or not tested; 3 when an end cannot be reached at all.
 */
@Command(name = "test", sortOptions = false)
final class NetworkTestCommand extends CommandBase {

    private static final Side SQL_SERVER = Side.SQL_SERVER.labelled("SQL Server");

    @Parameters(index = "0", paramLabel = "SQLSERVER", descriptionKey = "test-target")
    String target;

    @Mixin
    AuthOptions sqlSignIn;

    @Option(names = "--mi", paramLabel = "FQDN[,PORT]", required = true, descriptionKey = "mi")
    String mi;

    @Option(names = "--mi-auth", paramLabel = "MODE", descriptionKey = "mi-auth", converter = AuthMode.Converter.class,
            completionCandidates = AuthMode.Names.class)
    AuthMode miAuth;

    @Option(names = "--mi-user", paramLabel = "NAME", descriptionKey = "mi-user")
    String miUser;

    @Option(names = "--mi-password-file", paramLabel = "FILE", descriptionKey = "mi-password-file")
    Path miPasswordFile;

    @Mixin
    ConnectionOptions connection;

    @Option(names = "--sql-address", paramLabel = "IP", descriptionKey = "sql-address")
    String sqlAddress;

    @Option(names = "--sql-server", paramLabel = "IP|CIDR", split = ",", descriptionKey = "test-sql-server")
    List<String> sqlRanges = new ArrayList<>();

    @Option(names = "--mi-subnet", paramLabel = "CIDR", descriptionKey = "test-mi-subnet")
    String miSubnet;

    @Option(names = "--job-timeout", paramLabel = "DURATION", defaultValue = "2m", converter = Durations.class,
            descriptionKey = "job-timeout")
    Duration jobTimeout;

    @Option(names = "--poll-interval", paramLabel = "DURATION", defaultValue = "2s", converter = Durations.class,
            descriptionKey = "poll-interval")
    Duration pollInterval;

    @Option(names = "--control-probe", descriptionKey = "control-probe")
    boolean controlProbe;

    @Option(names = "--no-test-endpoint", descriptionKey = "no-test-endpoint")
    boolean noTestEndpoint;

    @Option(names = "--test-endpoint-port", paramLabel = "PORT", defaultValue = "5022",
            descriptionKey = "test-endpoint-port")
    int testEndpointPort;

    @Mixin
    TextOrJsonOption output;

    @Override
    public Integer call() {
        boolean json = output.json();
        SqlTarget sqlTarget = SqlTarget.parse(target);
        SqlTarget miTarget = SqlTarget.parse(mi);
        if (sqlAddress != null) {
            checkAddress(sqlAddress);
        }
        connection.validate();
        AuthContext context = AuthContext.of(spec);
        Authentication sqlAuth = sqlSignIn.resolve(context, SQL_SERVER);
        Authentication miAuthentication = new Credentials(context, Side.MANAGED_INSTANCE)
                .resolve(Objects.requireNonNullElse(miAuth, AuthMode.SQL), miUser, miPasswordFile);
        PrintWriter err = err();
        if (connection.trustServerCertificate()) {
            context.warn("--trust-server-certificate turns off server certificate validation for both"
                    + " connections: a man-in-the-middle could read the logins. Prefer --trust-store FILE.");
        }
        List<Cidr> ranges = sqlRanges.stream().filter(s -> !s.isBlank())
                .map(s -> NetworkRulesCommand.cidr("--sql-server", s)).toList();
        Cidr subnet = miSubnet == null ? null : NetworkRulesCommand.cidr("--mi-subnet", miSubnet);
        int endpointPort = port(testEndpointPort);
        ConnectionSettings sqlSettings = connection.settings(sqlTarget, sqlAuth, context);
        // --host-name-in-certificate names SQL Server's certificate, not the managed instance's
        ConnectionSettings miSettings = connection.settings(miTarget, miAuthentication, context)
                .withHostNameInCertificate(null);
        NetworkTestRequest request = NetworkTestRequest.of(sqlSettings, miSettings).withSqlServerAddress(sqlAddress)
                .withNetwork(ranges, subnet).withTimes(jobTimeout, pollInterval)
                .withTestEndpoint(!noTestEndpoint, endpointPort).withControlProbe(controlProbe);
        err.println("Testing the link's network paths; temporary SQL Agent jobs (prefix milink_nettest_) are created"
                + " and removed. This can take a minute or two.");
        err.flush();
        // From the shutdown hook on Ctrl-C or SIGTERM: what was removed, and the T-SQL for anything that was not.
        NetworkTestResult result = Milink.configure().load().testNetwork(request, lines -> {
            lines.forEach(err::println);
            err.flush();
        });
        PrintWriter out = out();
        out.print(json ? result.json() : result.text());
        out.flush();
        // The one exit rule, through the network checks' findings (MIL-N9): 1 blocked, 5 not proven or untested.
        return result.exitStatus().code();
    }

    private static int port(int p) {
        if (p < 1 || p > 65_535) {
            throw new MilinkException(CoreError.USAGE, "--test-endpoint-port " + p + " is outside 1-65535.");
        }
        return p;
    }

    private static void checkAddress(String address) {
        if (!address.matches("[A-Za-z0-9._:-]{1,253}") || !SqlTarget.isPlausibleIpv4(address)) {
            throw new MilinkException(CoreError.USAGE, "--sql-address: '" + address + "' is not an IP address or"
                    + " host name.");
        }
    }
}
