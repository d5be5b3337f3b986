// SPDX-License-Identifier: Apache-2.0
package dev.milink.cli;

import dev.milink.core.model.ServerFacts;
import dev.milink.sqlserver.collect.JdbcSqlServerCollector;
import dev.milink.sqlserver.collect.OfflineFacts;
import dev.milink.sqlserver.connect.ConnectionSettings;
import java.nio.file.Path;

/** Where facts come from: a live server over JDBC, or a file written by the collect script. */
final class Collectors {

    private static final JdbcSqlServerCollector JDBC = new JdbcSqlServerCollector();

    private Collectors() {
    }

    static ServerFacts live(ConnectionSettings settings) {
        return JDBC.collect(settings);
    }

    /** The report names the instance after the file ({@code sql01-facts.txt} → {@code sql01-facts}). */
    static String offlineName(Path file) {
        return file.getFileName().toString().replaceFirst("\\.[^.]+$", "");
    }

    static ServerFacts offline(Path file) {
        return OfflineFacts.read(file, offlineName(file));
    }
}
