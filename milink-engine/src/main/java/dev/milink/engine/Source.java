// SPDX-License-Identifier: Apache-2.0
package dev.milink.engine;

import dev.milink.core.model.ServerFacts;
import dev.milink.sqlserver.connect.ConnectionSettings;
import java.nio.file.Path;
import java.util.Objects;
import java.util.function.Supplier;

/**
 * Where the SQL Server end of a link comes from: a live instance, a file written by {@code milink collect-script},
 * or facts you built yourself. The label names the instance in reports.
 *
 * <pre>{@code
 * Source.live(ConnectionSettings.of(SqlTarget.parse("sql01"), new Authentication.SqlLogin("milink", password)))
 * Source.factsFile(Path.of("sql01-facts.txt"))
 * }</pre>
 *
 * @since 0.2
 */
public sealed interface Source permits Source.Live, Source.FactsFile, Source.Given {

    /** How reports name the instance. */
    String label();

    /** A live instance, read over JDBC. */
    record Live(String label, ConnectionSettings settings) implements Source {
        public Live {
            Objects.requireNonNull(label, "label");
            Objects.requireNonNull(settings, "settings");
        }
    }

    /** The output of {@code milink collect-script}; the report names the instance after the file. */
    record FactsFile(String label, Path file) implements Source {
        public FactsFile {
            Objects.requireNonNull(label, "label");
            Objects.requireNonNull(file, "file");
        }
    }

    /** Facts from anywhere else (a test, your own collector). */
    record Given(String label, Supplier<ServerFacts> facts) implements Source {
        public Given {
            Objects.requireNonNull(label, "label");
            Objects.requireNonNull(facts, "facts");
        }
    }

    static Source live(ConnectionSettings settings) {
        return new Live(settings.target().display(), settings);
    }

    /** {@code sql01-facts.txt} → {@code sql01-facts}. */
    static Source factsFile(Path file) {
        return new FactsFile(file.getFileName().toString().replaceFirst("\\.[^.]+$", ""), file);
    }

    static Source of(String label, Supplier<ServerFacts> facts) {
        return new Given(label, facts);
    }
}
