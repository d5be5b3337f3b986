// SPDX-License-Identifier: Apache-2.0
package dev.milink.cli;

import picocli.CommandLine.IVersionProvider;

/** milink's own version (from the build) and the Java runtime it runs on. */
final class Versions implements IVersionProvider {

    /** The milink version, e.g. {@code 0.1.0-SNAPSHOT}: the library's. */
    static String milink() {
        return VersionText.milink();
    }

    @Override
    public String[] getVersion() {
        return VersionText.lines();
    }
}
