// SPDX-License-Identifier: Apache-2.0
package dev.milink.cli;

import picocli.CommandLine.IVersionProvider;

/** milink's own version (from the build) and the Java runtime it runs on. */
final class Versions implements IVersionProvider {

    /** The milink version, e.g. {@code 0.1.0-SNAPSHOT}: the library's. */
    static String milink() {
        return dev.milink.engine.Milink.version();
    }

    @Override
    public String[] getVersion() {
        return new String[] {
            "milink " + milink(),
            "Java " + Runtime.version() + " (" + System.getProperty("java.vendor") + ", " + System.getProperty("java.home") + ")",
            System.getProperty("os.name") + " " + System.getProperty("os.version") + " " + System.getProperty("os.arch"),
        };
    }
}
