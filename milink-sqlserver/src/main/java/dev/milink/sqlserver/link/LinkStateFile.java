// SPDX-License-Identifier: Apache-2.0
package dev.milink.sqlserver.link;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.milink.core.error.CoreError;
import dev.milink.core.internal.Json;
import dev.milink.core.error.MilinkException;
import dev.milink.core.link.LinkRunState;
import dev.milink.core.link.LinkRunner;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The saved state of a link operation as a small JSON file readable by its owner only (0600 where the file
 * system has POSIX permissions). It holds step ids, job ids and times, never a secret. Written to a temporary
 * file and moved into place, so a crash leaves the old state or the new one, never half of one.
 *
 * @since 0.3
 */
public final class LinkStateFile implements LinkRunner.StateStore {

    private static final ObjectMapper JSON = Json.mapper();
    private static final int SCHEMA = 1;

    private final Path file;

    public LinkStateFile(Path file) {
        this.file = file;
    }

    /**
     * The default file for one link between two ends: {@code <dir>/link-<hash>.json}, the hash over the SQL Server
     * endpoint, the managed instance and the link names, so the same command finds its state again.
     */
    public static LinkStateFile forLink(Path dir, String sqlEndpoint, String managedInstance, String linkNames) {
        try {
            byte[] h = MessageDigest.getInstance("SHA-256").digest((sqlEndpoint.toLowerCase() + "|"
                    + managedInstance.toLowerCase() + "|" + linkNames).getBytes(StandardCharsets.UTF_8));
            return new LinkStateFile(dir.resolve("link-" + HexFormat.of().formatHex(h, 0, 8) + ".json"));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("the JDK has no SHA-256", e);
        }
    }

    public Path path() {
        return file;
    }

    /** The saved state, or empty when there is none. */
    public Optional<LinkRunState> load() {
        if (!Files.exists(file)) {
            return Optional.empty();
        }
        try {
            JsonNode n = JSON.readTree(Files.readString(file));
            if (n == null || n.path("schema").asInt() != SCHEMA) {
                throw invalid("unknown schema");
            }
            return Optional.of(new LinkRunState(text(n, "operation"), text(n, "link"),
                    Instant.parse(text(n, "startedAt")), Instant.parse(text(n, "updatedAt")), list(n.path("done")),
                    list(n.path("pausedJobs")), n.path("lastError").asText(""), n.path("finished").asBoolean()));
        } catch (IOException | RuntimeException e) {
            if (e instanceof MilinkException m) {
                throw m;
            }
            throw invalid(e.getMessage());
        }
    }

    @Override
    public void save(LinkRunState s) {
        ObjectNode n = JSON.createObjectNode();
        n.put("schema", SCHEMA).put("operation", s.operation()).put("link", s.linkName())
                .put("startedAt", s.startedAt().toString()).put("updatedAt", s.updatedAt().toString());
        ArrayNode done = n.putArray("done");
        s.done().forEach(done::add);
        ArrayNode jobs = n.putArray("pausedJobs");
        s.pausedJobs().forEach(jobs::add);
        n.put("lastError", s.lastError()).put("finished", s.finished());
        try {
            Files.createDirectories(file.toAbsolutePath().getParent());
            Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
            Files.deleteIfExists(tmp);
            if (FileSystems.getDefault().supportedFileAttributeViews().contains("posix")) {
                Set<PosixFilePermission> owner = PosixFilePermissions.fromString("rw-------");
                Files.createFile(tmp, PosixFilePermissions.asFileAttribute(owner));
            }
            Files.writeString(tmp, Json.pretty(n) + "\n");
            try {
                Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING);
            }
        } catch (IOException e) {
            throw new MilinkException(CoreError.CONFIG_INVALID, "cannot write the link state file " + file + ": "
                    + e.getMessage(), e);
        }
    }

    /** Removes the file (after an operation completed and nothing is left to resume). */
    public void delete() {
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            throw new MilinkException(CoreError.CONFIG_INVALID, "cannot remove the link state file " + file, e);
        }
    }

    private MilinkException invalid(String why) {
        return new MilinkException(CoreError.CONFIG_INVALID, "the link state file " + file + " is not readable ("
                + why + "); move it away to start over");
    }

    private static String text(JsonNode n, String field) {
        JsonNode v = n.get(field);
        if (v == null || !v.isTextual()) {
            throw new IllegalArgumentException("missing " + field);
        }
        return v.asText();
    }

    private static List<String> list(JsonNode a) {
        List<String> out = new ArrayList<>();
        a.forEach(x -> out.add(x.asText()));
        return out;
    }
}
