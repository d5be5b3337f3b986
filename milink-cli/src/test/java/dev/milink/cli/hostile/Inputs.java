// SPDX-License-Identifier: Apache-2.0
package dev.milink.cli.hostile;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

/** Hostile input files for the corpus, created once in a directory that no case may change. */
final class Inputs {

    final Path dir;

    Inputs(Path dir) throws IOException {
        this.dir = dir;
        Files.createDirectories(dir.resolve("a-directory"));
        write("empty.txt", "");
        write("text.txt", "this is not the collect script's output\n");
        Files.write(dir.resolve("binary.bin"), new byte[] {0, 1, 2, (byte) 0xff, (byte) 0xfe, 0x1b, '[', '2', 'J'});
        write("pw-empty.txt", "\n");
        write("config-not-yaml.yaml", "targets: [a, b\n");
        write("config-two-targets.yaml", "targets: [sql01, sql02]\n");
        write("config-list.yaml", "- a\n- b\n");
        write("config-unknown-key.yaml", "targets: [sql01]\nfail_on: warning\n");
        write("config-duplicate.yaml", "fail-on: warning\nfail-on: blocker\ntargets: [sql01]\n");
        write("config-parallel.yaml", "parallel: many\n");
        write("config-bool.yaml", "trust-server-certificate: maybe\n");
        write("config-unset-var.yaml", "user: ${MILINK_CORPUS_UNSET_VARIABLE}\n");
        write("config-map-targets.yaml", "targets: {a: b}\n");
        write("config-fail-on.yaml", "fail-on: never\n");
        write("config-user-list.yaml", "user: [a, b]\n");
        write("config-auth.yaml", "auth: kerberos\ntargets: [127.0.0.1,1]\n");
        write("config-direction.yaml", "direction: sideways\n");
        write("config-output.yaml", "output: xml\n");
        write("config-bomb.yaml", bomb());
        write("config-escape.yaml", "\u001b]0;pwned\u0007: x\n");
        write("buildref-not-json.json", "{ not json");
        write("buildref-empty-object.json", "{}");
        write("buildref-schema-99.json", "{\"schema\": 99, \"lastUpdated\": \"2026-07-16\", \"products\": [],"
                + " \"linkMinimums\": []}");
        write("buildref-array.json", "[1, 2, 3]");
        write("buildref-bad-version.json", "{\"schema\": 1, \"lastUpdated\": \"2026-07-16\", \"products\": [{\"major\":"
                + " 15, \"name\": \"SQL Server 2019\", \"builds\": [{\"version\": \"15.0.4261.1.7\"}]}],"
                + " \"linkMinimums\": []}");
        write("facts-truncated.txt", "-- milink collect-script output\n{\"section\":\"server\",\"rows\":[{\"prod");
        Path open = write("pw-open.txt", "irrelevant\n");
        Files.setPosixFilePermissions(open, PosixFilePermissions.fromString("rw-------"));
    }

    private Path write(String name, String content) throws IOException {
        return Files.writeString(dir.resolve(name), content);
    }

    /** A YAML "billion laughs": aliases that would expand to gigabytes. */
    private static String bomb() {
        StringBuilder b = new StringBuilder("a: &a [\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\"]\n");
        char prev = 'a';
        for (char c = 'b'; c <= 'j'; c++) {
            b.append(c).append(": &").append(c).append(" [");
            for (int i = 0; i < 9; i++) {
                b.append(i == 0 ? "" : ",").append('*').append(prev);
            }
            b.append("]\n");
            prev = c;
        }
        return b.toString();
    }

    /** Every file below the directory with its size and modification time: "nothing written" compares these. */
    Map<String, String> snapshot() throws IOException {
        Map<String, String> m = new TreeMap<>();
        try (Stream<Path> files = Files.walk(dir)) {
            for (Path p : files.toList()) {
                m.put(dir.relativize(p).toString(), Files.isDirectory(p) ? "dir"
                        : Files.size(p) + "@" + Files.getLastModifiedTime(p).toMillis());
            }
        }
        return m;
    }

    /** {@code {dir}} in an argument becomes the inputs directory. */
    String[] resolve(String... args) {
        return Stream.of(args).map(a -> a.replace("{dir}", dir.toString())).toArray(String[]::new);
    }
}
