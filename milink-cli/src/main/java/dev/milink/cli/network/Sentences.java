// SPDX-License-Identifier: Apache-2.0
package dev.milink.cli.network;

/** Error messages end with exactly one full stop, whatever the wrapped message ended with. */
final class Sentences {

    private Sentences() {
    }

    static String end(String s) {
        String t = s.strip();
        return t.endsWith(".") || t.endsWith("?") || t.endsWith("!") ? t : t + ".";
    }
}
