// SPDX-License-Identifier: Apache-2.0
package dev.milink.cli;

import dev.milink.core.error.ErrorCode;
import dev.milink.core.error.MilinkException;
import dev.milink.core.model.ServerFacts;
import dev.milink.sqlserver.connect.ConnectionSettings;
import java.nio.file.Path;

/** Where facts come from: a live server over JDBC, or a file written by the collect script. */
final class Collectors {

    private Collectors() {
    }

    static ServerFacts live(ConnectionSettings settings) {
        throw new MilinkException(ErrorCode.INTERNAL, "Collecting from SQL Server is not wired into this build yet"
                + " (" + Targets.describe(settings.target()) + ").");
    }

    static ServerFacts offline(Path file) {
        throw new MilinkException(ErrorCode.INTERNAL, "Reading facts files is not wired into this build yet ("
                + file + ").");
    }
}
