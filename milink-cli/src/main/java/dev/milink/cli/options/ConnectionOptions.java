// SPDX-License-Identifier: Apache-2.0
package dev.milink.cli.options;

import dev.milink.cli.auth.AuthContext;
import dev.milink.core.error.CoreError;
import dev.milink.core.error.MilinkException;
import dev.milink.core.secret.Secret;
import dev.milink.sqlserver.connect.Authentication;
import dev.milink.sqlserver.connect.ConnectionSettings;
import dev.milink.sqlserver.connect.SqlTarget;
import java.nio.file.Path;
import java.time.Duration;
import picocli.CommandLine.Option;

/**
 * TLS and timeout options of the commands that connect to SQL Server ({@code check}, {@code fix},
 * {@code network test}). TLS is always on and the server certificate is validated; the options say which
 * certificate to trust, and {@code --trust-server-certificate} (validation off) is an explicit, warned opt-in.
 */
public final class ConnectionOptions {

    static final String TRUST_STORE_PASSWORD_ENV = "MILINK_TRUST_STORE_PASSWORD";

    @Option(names = "--trust-server-certificate", descriptionKey = "trust-server-certificate")
    boolean trustServerCertificate;

    @Option(names = "--host-name-in-certificate", paramLabel = "NAME", descriptionKey = "host-name-in-certificate")
    String hostNameInCertificate;

    @Option(names = "--trust-store", paramLabel = "FILE", descriptionKey = "trust-store")
    Path trustStore;

    @Option(names = "--login-timeout", paramLabel = "SECONDS", defaultValue = "15", descriptionKey = "login-timeout")
    int loginTimeoutSeconds;

    @Option(names = "--query-timeout", paramLabel = "SECONDS", defaultValue = "60", descriptionKey = "query-timeout")
    int queryTimeoutSeconds;

    /** Settings for one target. Call {@link #warnIfInsecure} once per run, not per target. */
    public ConnectionSettings settings(SqlTarget target, Authentication auth, AuthContext context) {
        Secret storePassword = trustStore == null ? null
                : context.env(TRUST_STORE_PASSWORD_ENV).map(Secret::of).map(context::remember).orElse(null);
        return new ConnectionSettings(target, auth, true, trustServerCertificate, hostNameInCertificate, trustStore,
                storePassword, seconds("--login-timeout", loginTimeoutSeconds),
                seconds("--query-timeout", queryTimeoutSeconds));
    }

    /** A timeout option's value: 1 second to 1 day; 0 or less is a usage error, never "no timeout". */
    static Duration seconds(String option, int value) {
        if (value < 1 || value > 86_400) {
            throw new MilinkException(CoreError.USAGE, option + " must be between 1 and 86400 seconds, not "
                    + value + ".");
        }
        return Duration.ofSeconds(value);
    }

    /** Validates the timeouts before anything connects or prompts. */
    public void validate() {
        seconds("--login-timeout", loginTimeoutSeconds);
        seconds("--query-timeout", queryTimeoutSeconds);
    }

    /** Takes the config file's values for what the command line left unset (validation off wins). */
    public void orFromConfig(Boolean trustServerCertificate, String hostNameInCertificate, Path trustStore) {
        this.trustServerCertificate |= Boolean.TRUE.equals(trustServerCertificate);
        this.hostNameInCertificate = this.hostNameInCertificate != null ? this.hostNameInCertificate
                : hostNameInCertificate;
        this.trustStore = this.trustStore != null ? this.trustStore : trustStore;
    }

    /** Whether the server certificate goes unvalidated ({@code --trust-server-certificate}). */
    public boolean trustServerCertificate() {
        return trustServerCertificate;
    }

    /** Says out loud what {@code --trust-server-certificate} risks, and what to use instead. */
    public void warnIfInsecure(AuthContext context) {
        if (trustServerCertificate) {
            context.warn("--trust-server-certificate turns off server certificate validation: a"
                    + " man-in-the-middle could impersonate the server and read the login and the data. Prefer"
                    + " --trust-store FILE (the server's CA or certificate) or --host-name-in-certificate NAME.");
        }
    }
}
