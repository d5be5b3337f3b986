// SPDX-License-Identifier: Apache-2.0
package dev.milink.cli;

import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;
import picocli.CommandLine.IVersionProvider;

/** milink's own version (from the build) and the Java runtime it runs on. */
final class Versions implements IVersionProvider {

    /** The milink version, e.g. {@code 0.1.0-SNAPSHOT}. */
    static String milink() {
        try (InputStream in = Versions.class.getResourceAsStream("version.properties")) {
            Properties p = new Properties();
            if (in != null) {
                p.load(in);
            }
            return p.getProperty("version", "unknown");
        } catch (IOException e) {
            return "unknown";
        }
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
