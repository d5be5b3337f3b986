// SPDX-License-Identifier: Apache-2.0
package dev.milink.engine;

import dev.milink.core.model.ServerFacts;
import dev.milink.sqlserver.collect.JdbcSqlServerCollector;
import dev.milink.sqlserver.collect.OfflineFacts;

/** Where facts come from: a live server over JDBC, a file written by the collect script, or the caller. */
final class SourceReader {

    private static final JdbcSqlServerCollector JDBC = new JdbcSqlServerCollector();

    private SourceReader() {
    }

    static ServerFacts collect(Source source) {
        return switch (source) {
            case Source.Live l -> JDBC.collect(l.settings());
            case Source.FactsFile f -> OfflineFacts.read(f.file(), f.label());
            case Source.Given g -> g.facts().get();
        };
    }
}
