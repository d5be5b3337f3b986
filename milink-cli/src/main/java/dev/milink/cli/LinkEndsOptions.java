// SPDX-License-Identifier: Apache-2.0
package dev.milink.cli;

import dev.milink.cli.auth.AuthMode;
import dev.milink.cli.auth.Credentials;
import dev.milink.cli.auth.Side;
import dev.milink.cli.options.AuthOptions;
import dev.milink.cli.options.ConnectionOptions;
import dev.milink.sqlserver.connect.Authentication;
import dev.milink.sqlserver.connect.ConnectionSettings;
import dev.milink.sqlserver.connect.SqlTarget;
import java.time.Clock;
import picocli.CommandLine.Mixin;

/**
 * Everything {@code check} and {@code fix} take to reach and judge both ends of the link, in the order their help
 * lists it: what to assess ({@link AssessmentOptions}), the managed instance ({@link AzureTargetOptions}), the SQL
 * Server sign-in ({@link AuthOptions}) and TLS and timeouts ({@link ConnectionOptions}). Command-line values win
 * over the {@code --config} file's.
 */
final class LinkEndsOptions {

    @Mixin
    AssessmentOptions assessment;

    @Mixin
    AzureTargetOptions azure;

    @Mixin
    AuthOptions auth;

    @Mixin
    ConnectionOptions connection;

    /**
     * Resolves how to sign in to SQL Server and the TLS settings, command line over config file, and warns once
     * when the server certificate is not validated.
     */
    Authentication signIn(MilinkConfig cfg, Invocation inv) {
        AuthOptions.Given cli = auth.given();
        AuthMode mode = cli.mode() != null ? cli.mode()
                : cfg.auth() != null ? AuthMode.fromCliName(cfg.auth()) : AuthMode.SQL;
        Authentication authentication = new Credentials(inv, Side.SQL_SERVER).resolve(mode,
                AssessmentOptions.first(cli.user(), cfg.user(), null),
                AssessmentOptions.first(cli.passwordFile(), cfg.passwordFile(), null));
        connection.orFromConfig(cfg.trustServerCertificate(), cfg.hostNameInCertificate(), cfg.trustStore());
        connection.warnIfInsecure(inv);
        return authentication;
    }

    /** Connection settings for one SQL Server target with a resolved sign-in. */
    ConnectionSettings settings(SqlTarget target, Authentication authentication, Invocation inv) {
        return connection.settings(target, authentication, inv);
    }

    /**
     * The managed-instance end the options and config ask for. When one is given, the Azure sign-in happens now:
     * a missing or refused Azure credential stops the run before anything is read or changed.
     */
    AzureTargetOptions.ManagedInstance managedInstance(MilinkConfig cfg, Invocation inv) {
        AzureTargetOptions.ManagedInstance mi = azure.managedInstance(cfg, inv, Clock.systemUTC());
        if (mi.given()) {
            mi.source().signIn();
        }
        return mi;
    }
}
