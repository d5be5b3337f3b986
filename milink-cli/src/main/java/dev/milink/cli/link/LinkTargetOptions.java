// SPDX-License-Identifier: Apache-2.0
package dev.milink.cli.link;

import dev.milink.azure.ArmConnection;
import dev.milink.azure.AzureOptions;
import dev.milink.azure.ManagedInstanceId;
import dev.milink.cli.auth.AuthContext;
import dev.milink.engine.Milink;
import dev.milink.engine.link.LinkOperations;
import dev.milink.cli.options.AuthOptions;
import dev.milink.cli.options.AzureSignInOptions;
import dev.milink.cli.options.TextOrJsonOption;
import dev.milink.cli.auth.Side;
import dev.milink.cli.network.Durations;
import dev.milink.core.link.LinkRunner;
import dev.milink.core.error.CoreError;
import dev.milink.core.error.MilinkException;
import dev.milink.core.model.Direction;
import dev.milink.core.model.LinkSettings;
import dev.milink.core.secret.Secret;
import dev.milink.sqlserver.connect.Authentication;
import dev.milink.sqlserver.connect.ConnectionSettings;
import dev.milink.sqlserver.connect.SqlTarget;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** The two ends and the link, as every link command takes them: the same SQL Server options as {@code check}. */
final class LinkTargetOptions {

    private static final List<String> AZURE_VARIABLES = List.of("AZURE_CLIENT_ID", "AZURE_TENANT_ID",
            "AZURE_CLIENT_SECRET", "AZURE_CLIENT_CERTIFICATE_PATH", "AZURE_FEDERATED_TOKEN_FILE",
            "AZURE_AUTHORITY_HOST", "IDENTITY_ENDPOINT", "IDENTITY_HEADER", "MSI_ENDPOINT", "MSI_SECRET",
            "MILINK_ARM_TOKEN", AzureOptions.ENDPOINT_VARIABLE, AzureOptions.TRUSTSTORE_VARIABLE,
            AzureOptions.TRUSTSTORE_PASSWORD_VARIABLE);

    @Parameters(index = "0", paramLabel = "SQLSERVER", descriptionKey = "target")
    String target;

    @Mixin
    AuthOptions signIn;

    @Option(names = "--trust-server-certificate", descriptionKey = "trust-server-certificate")
    boolean trustServerCertificate;

    @Option(names = "--trust-store", paramLabel = "FILE", descriptionKey = "trust-store")
    Path trustStore;

    @Option(names = "--login-timeout", paramLabel = "SECONDS", defaultValue = "15", descriptionKey = "login-timeout")
    int loginTimeout;

    @Option(names = "--mi", paramLabel = "RESOURCE-ID", required = true, descriptionKey = "mi")
    String mi;

    @Mixin
    AzureSignInOptions azure;

    @Option(names = "--azure-client-secret-file", paramLabel = "FILE", descriptionKey = "azure-client-secret-file")
    Path azureClientSecretFile;

    @Option(names = {"-d", "--database"}, paramLabel = "NAME", required = true, descriptionKey = "database")
    List<String> databases = new ArrayList<>();

    @Option(names = "--link-name", paramLabel = "NAME", descriptionKey = "link-name")
    String linkName;

    @Option(names = "--direction", paramLabel = "DIRECTION", defaultValue = "sql-to-mi", descriptionKey = "direction")
    String direction;

    @Option(names = "--state-dir", paramLabel = "DIR", descriptionKey = "state-dir")
    Path stateDir;

    @Option(names = "--poll-interval", paramLabel = "DURATION", defaultValue = "10s", converter = Durations.class,
            descriptionKey = "poll-interval")
    Duration pollInterval;

    @Mixin
    TextOrJsonOption output;

    boolean json() {
        return output.json();
    }

    LinkSettings link() {
        Direction d;
        try {
            d = Direction.fromCliName(direction);
        } catch (IllegalArgumentException e) {
            throw new MilinkException(CoreError.USAGE, "--direction: " + e.getMessage() + ".");
        }
        LinkSettings s = LinkSettings.of(d).withDatabases(databases);
        return linkName == null ? s : s.withLinkName(linkName);
    }

    SqlTarget sqlTarget() {
        return SqlTarget.parse(target);
    }

    /** Signs in to both ends (secrets from files, environment or a prompt; never argv) and opens the operations. */
    LinkOperations open(AuthContext context, Clock clock) {
        ManagedInstanceId id = ManagedInstanceId.parse(mi);
        Authentication sqlAuth = signIn.resolve(context, Side.SQL_SERVER);
        if (trustServerCertificate) {
            context.warn("--trust-server-certificate turns off server certificate validation: a man-in-the-middle"
                    + " could read the login. Prefer --trust-store FILE.");
        }
        Secret storePassword = trustStore == null ? null : context.env("MILINK_TRUST_STORE_PASSWORD")
                .map(Secret::of).map(context::remember).orElse(null);
        ConnectionSettings sql = new ConnectionSettings(sqlTarget(), sqlAuth, true, trustServerCertificate, null,
                trustStore, storePassword, Duration.ofSeconds(Math.max(1, loginTimeout)), Duration.ofSeconds(60));
        Map<String, String> env = new HashMap<>();
        for (String name : AZURE_VARIABLES) {
            context.env(name).ifPresent(v -> env.put(name, v));
        }
        AzureOptions options = azure.options(null, null, azureClientSecretFile, env);
        Path dir = stateDir != null ? stateDir : Path.of(System.getProperty("user.home"), ".milink", "link");
        return Milink.configure().clock(clock).load().link(sql, ArmConnection.open(options), id.resourceId(), dir)
                .onNotice(context::warn)
                .waiting(LinkRunner.Waiting.every(pollInterval, Duration.ofDays(6)));
    }
}
