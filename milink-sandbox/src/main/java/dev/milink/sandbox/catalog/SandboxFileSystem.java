// SPDX-License-Identifier: Apache-2.0
package dev.milink.sandbox.catalog;

import dev.milink.sandbox.scenario.Scenario;
import java.util.Locale;

/**
 * The directories and files a scenario says exist on the host. Windows paths compare case-insensitively and
 * ignore a trailing separator; Linux paths are case-sensitive. Callers hold the instance lock to change it.
 */
public final class SandboxFileSystem {
    private final Scenario scenario;

    public SandboxFileSystem(Scenario scenario) {
        this.scenario = scenario;
    }

    private String norm(String path) {
        String p = path.strip();
        boolean windows = !scenario.isLinux();
        if (windows) {
            p = p.replace('/', '\\');
        }
        while (p.length() > 3 && (p.endsWith("\\") || p.endsWith("/"))) {
            p = p.substring(0, p.length() - 1);
        }
        return windows ? p.toLowerCase(Locale.ROOT) : p;
    }

    public boolean isDirectory(String path) {
        String n = norm(path);
        return scenario.filesystem.directories.stream().anyMatch(d -> norm(d).equals(n))
                || scenario.filesystem.directories.stream().anyMatch(d -> norm(d).startsWith(n + separator()));
    }

    public boolean isFile(String path) {
        String n = norm(path);
        return scenario.filesystem.files.stream().anyMatch(f -> norm(f).equals(n));
    }

    public boolean parentExists(String path) {
        return isDirectory(parent(path));
    }

    public String parent(String path) {
        String n = path.strip();
        while (n.length() > 1 && (n.endsWith("\\") || n.endsWith("/"))) {
            n = n.substring(0, n.length() - 1);
        }
        int i = Math.max(n.lastIndexOf('\\'), n.lastIndexOf('/'));
        return i <= 0 ? n : n.substring(0, i + (i == 2 && n.charAt(1) == ':' ? 1 : 0));
    }

    private String separator() {
        return scenario.isLinux() ? "/" : "\\";
    }

    public void addDirectory(String path) {
        if (!isDirectory(path)) {
            scenario.filesystem.directories.add(path);
        }
    }

    public void addFile(String path) {
        if (!isFile(path)) {
            scenario.filesystem.files.add(path);
        }
    }
}
