// SPDX-License-Identifier: Apache-2.0
package dev.milink.cli;

import dev.milink.core.error.CoreError;
import dev.milink.core.buildref.BuildReferences;
import dev.milink.engine.Milink;
import dev.milink.core.error.MilinkException;
import dev.milink.core.model.Direction;
import dev.milink.core.model.LinkSettings;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Option;

/**
 * What {@code check} and {@code fix} assess, and with which settings: {@code --direction}, {@code --database},
 * {@code --config}, {@code --mi-fqdn}, {@code --build-reference}. Command-line values win over the config file.
 */
final class AssessmentOptions {

    @Option(names = "--direction", paramLabel = "DIRECTION", descriptionKey = "direction")
    String direction;

    @Option(names = {"-d", "--database"}, paramLabel = "NAME", descriptionKey = "database")
    List<String> databases = new ArrayList<>();

    @Option(names = "--config", paramLabel = "FILE", descriptionKey = "config")
    Path config;

    @Option(names = "--mi-fqdn", paramLabel = "FQDN", descriptionKey = "mi-fqdn")
    String miFqdn;

    @Option(names = "--build-reference", paramLabel = "FILE", descriptionKey = "build-reference")
    Path buildReference;

    @Option(names = "--sql-address", paramLabel = "ADDRESS", split = ",", descriptionKey = "sql-address")
    List<String> sqlAddresses = new ArrayList<>();

    /** The {@code --config} file with environment variables substituted, or an empty config. */
    MilinkConfig config(Invocation inv) {
        return config == null ? MilinkConfig.empty() : MilinkConfig.load(config, inv.env().variables());
    }

    /**
     * The library, with the build reference data (bundled unless a file is given), the run's catalog and the config
     * file's per-check configuration ({@code checks:}, {@code suppress:}).
     */
    Milink milink(MilinkConfig cfg, Invocation inv) {
        Path ref = first(buildReference, cfg.buildReference(), null);
        return inv.milink(ref == null ? BuildReferences.bundled() : BuildReferences.load(ref), cfg.checks());
    }

    /** The link as the user describes it: direction, databases and the MI's FQDN. */
    LinkSettings link(MilinkConfig cfg) {
        Direction dir;
        try {
            dir = Direction.fromCliName(first(direction, cfg.direction(), Direction.SQL_TO_MI.cliName()));
        } catch (IllegalArgumentException e) {
            throw new MilinkException(CoreError.USAGE, "Unknown direction: " + e.getMessage() + ".");
        }
        List<String> addresses = sqlAddresses.isEmpty() ? cfg.azure().sqlAddresses() : sqlAddresses;
        for (String a : addresses) {
            if (!a.strip().matches("[0-9A-Fa-f:.]+(/[0-9]{1,3})?")) {
                throw new MilinkException(CoreError.USAGE, "--sql-address: '" + a.strip() + "' is not an IP address"
                        + " or CIDR prefix (e.g. 10.20.0.4 or 10.20.0.0/24).");
            }
        }
        return LinkSettings.of(dir).withDatabases(databases(cfg))
                .withManagedInstanceFqdn(first(miFqdn, cfg.miFqdn(), null))
                .withSqlServerAddresses(addresses.stream().map(String::strip).toList());
    }

    /** The databases named on the command line, else in the config; empty = every user database. */
    List<String> databases(MilinkConfig cfg) {
        List<String> names = databases.isEmpty() ? cfg.databases() : databases;
        for (String n : names) {
            if (n == null || n.isBlank()) {
                throw new MilinkException(CoreError.USAGE, "--database needs a database name, not an empty value.");
            }
            if (n.length() > 128 || n.chars().anyMatch(c -> c < 0x20 || c == 0x7f)) {
                throw new MilinkException(CoreError.USAGE, "--database: not a SQL Server database name (at most 128"
                        + " characters, no control characters).");
            }
        }
        return names;
    }

    static <T> T first(T a, T b, T fallback) {
        return a != null ? a : b != null ? b : fallback;
    }
}
