// SPDX-License-Identifier: Apache-2.0
package dev.milink.cli;

import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;

/**
 * What {@code milink --version} prints, from the JDK alone: {@link Main#main} answers {@code --version} with it
 * before picocli, Jackson or any milink module is loaded (start-up budget, docs/benchmarks.md).
 */
final class VersionText {

    /** Where the build writes the version (milink-engine's resources; read here without loading the engine). */
    private static final String RESOURCE = "/dev/milink/engine/version.properties";

    private VersionText() {
    }

    /** Whether {@code args} only ask for the version. */
    static boolean asked(String[] args) {
        return args.length == 1 && (args[0].equals("--version") || args[0].equals("-V") || args[0].equals("version"));
    }

    static String milink() {
        try (InputStream in = VersionText.class.getResourceAsStream(RESOURCE)) {
            Properties p = new Properties();
            if (in != null) {
                p.load(in);
            }
            return p.getProperty("version", "unknown");
        } catch (IOException e) {
            return "unknown";
        }
    }

    static String[] lines() {
        return new String[] {
            "milink " + milink(),
            "Java " + Runtime.version() + " (" + System.getProperty("java.vendor") + ", "
                    + System.getProperty("java.home") + ")",
            System.getProperty("os.name") + " " + System.getProperty("os.version") + " " + System.getProperty("os.arch"),
        };
    }
}
