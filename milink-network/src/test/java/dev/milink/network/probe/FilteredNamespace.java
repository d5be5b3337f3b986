// SPDX-License-Identifier: Apache-2.0
package dev.milink.network.probe;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.concurrent.TimeUnit;

/**
 * A real "filtered" path for probe tests and benchmarks: a network namespace of our own, joined to the host by a
 * veth pair on {@code 10.251.<octet>.0/30}, whose input chain drops TCP to 11000-11999 (as an NSG without the HADR
 * rule would) and accepts the rest. Needs root, iproute2 and nftables; {@link #close()} deletes the namespace and
 * the veth pair with it. Only the namespace's own address is ever probed.
 */
public final class FilteredNamespace implements AutoCloseable {

    private final String name;
    private final String address;

    private FilteredNamespace(String name, String address) {
        this.name = name;
        this.address = address;
    }

    /**
     * Creates namespace {@code milink-<tag>-<pid>} with interfaces {@code <ifPrefix><pid>a/b}; removes what it made
     * when a step fails.
     */
    public static FilteredNamespace create(String tag, String ifPrefix, int octet)
            throws IOException, InterruptedException {
        long pid = ProcessHandle.current().pid();
        String ns = "milink-" + tag + "-" + pid;
        String hostIf = ifPrefix + (pid % 100_000) + "a";
        String nsIf = ifPrefix + (pid % 100_000) + "b";
        String net = "10.251." + octet + ".";
        run("ip", "netns", "add", ns);
        FilteredNamespace created = new FilteredNamespace(ns, net + "2");
        try {
            run("ip", "link", "add", hostIf, "type", "veth", "peer", "name", nsIf);
            run("ip", "link", "set", nsIf, "netns", ns);
            run("ip", "addr", "add", net + "1/30", "dev", hostIf);
            run("ip", "link", "set", hostIf, "up");
            run("ip", "netns", "exec", ns, "ip", "addr", "add", net + "2/30", "dev", nsIf);
            run("ip", "netns", "exec", ns, "ip", "link", "set", nsIf, "up");
            run("ip", "netns", "exec", ns, "ip", "link", "set", "lo", "up");
            run("ip", "netns", "exec", ns, "nft", "add", "table", "inet", "milink");
            run("ip", "netns", "exec", ns, "nft", "add", "chain", "inet", "milink", "in",
                    "{ type filter hook input priority 0; policy accept; }");
            run("ip", "netns", "exec", ns, "nft", "add", "rule", "inet", "milink", "in", "tcp", "dport",
                    "11000-11999", "drop");
            return created;
        } catch (IOException | InterruptedException | RuntimeException e) {
            created.close();
            throw e;
        }
    }

    /** The namespace's own address, the one to probe. */
    public String address() {
        return address;
    }

    /** Whether this process runs as root (a namespace needs it). */
    public static boolean root() {
        return "root".equals(System.getProperty("user.name"));
    }

    /** On the PATH, or in the sbin directories a non-login shell's PATH may lack. */
    public static boolean onPath(String tool) {
        String path = System.getenv().getOrDefault("PATH", "") + File.pathSeparator + "/usr/sbin:/sbin";
        return Arrays.stream(path.split(File.pathSeparator)).filter(d -> !d.isBlank())
                .anyMatch(d -> Files.isExecutable(Path.of(d, tool)));
    }

    @Override
    public void close() throws IOException, InterruptedException {
        run("ip", "netns", "del", name); // removes the veth pair with it
    }

    private static void run(String... command) throws IOException, InterruptedException {
        Process p = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        if (!p.waitFor(20, TimeUnit.SECONDS) || p.exitValue() != 0) {
            p.destroyForcibly();
            throw new IOException("command failed: " + String.join(" ", command));
        }
    }
}
