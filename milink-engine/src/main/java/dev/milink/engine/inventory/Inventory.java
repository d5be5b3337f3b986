// SPDX-License-Identifier: Apache-2.0
package dev.milink.engine.inventory;

import dev.milink.core.error.CoreError;
import dev.milink.core.error.MilinkException;
import java.io.IOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The SQL Server instances of a fleet, read from a file (CSV as spreadsheets export it, or YAML) or from a
 * Central Management Server ({@link CmsInventory}). Duplicates are dropped when the inventory is built (same
 * host and instance, case-insensitive, default port normalised; the first row wins, taking the tags of the
 * others, which are listed in {@link #duplicates()}), so every later step (tag filter, shards) sees each
 * instance once.
 *
 * <pre>{@code
 * Inventory fleet = Inventory.load(Path.of("wave1.csv")).withTags(List.of("emea")).shard(Shard.parse("2/4"));
 * fleet.entries().forEach(e -> System.out.println(e.target().display()));
 * }</pre>
 *
 * <p>Formats (columns and keys in {@code docs/fleet.md}): a file ending in {@code .yaml} or {@code .yml} is YAML,
 * anything else CSV. Files larger than {@link #MAX_BYTES} are refused before they are parsed.
 *
 * @param source     what was read ({@code wave1.csv}, {@code cms://cms01/Prod})
 * @param entries    one per distinct instance, in the order first seen
 * @param duplicates one line per dropped row: which row repeated which
 * @since 0.2
 */
public record Inventory(String source, List<InventoryEntry> entries, List<String> duplicates) {

    /** An inventory file may be at most this large (16 MiB: about 150,000 typical rows). */
    public static final long MAX_BYTES = 16L * 1024 * 1024;

    public Inventory {
        entries = List.copyOf(entries);
        duplicates = List.copyOf(duplicates);
    }

    /** Builds an inventory from rows as read, dropping repeated instances (the first row wins). */
    public static Inventory of(String source, List<InventoryEntry> rows) {
        Map<String, InventoryEntry> byKey = new LinkedHashMap<>();
        List<String> dropped = new ArrayList<>();
        for (InventoryEntry e : rows) {
            InventoryEntry first = byKey.putIfAbsent(e.key(), e);
            if (first != null) {
                // an instance listed in two places (two CMS groups) carries both places' tags
                Set<String> tags = new java.util.HashSet<>(first.tags());
                tags.addAll(e.tags());
                byKey.put(e.key(), new InventoryEntry(first.target(), first.managedInstance(), first.databases(),
                        first.direction(), tags, first.credential(), first.origin()));
                dropped.add(e.origin() + ": " + e.target().display() + " is the same instance as "
                        + first.origin() + " (" + first.target().display() + "); the first row is used");
            }
        }
        return new Inventory(source, new ArrayList<>(byKey.values()), dropped);
    }

    /**
     * Reads an inventory file: YAML when the name ends in {@code .yaml}/{@code .yml}, CSV otherwise.
     *
     * @throws MilinkException CONFIG_INVALID naming the file (and line) for anything wrong with it
     */
    public static Inventory load(Path file) {
        String text = read(file);
        String name = file.getFileName() == null ? "" : file.getFileName().toString().toLowerCase(Locale.ROOT);
        List<InventoryEntry> rows = name.endsWith(".yaml") || name.endsWith(".yml")
                ? YamlInventory.parse(text, file.toString())
                : CsvInventory.parse(text, file.toString());
        if (rows.isEmpty()) {
            throw new MilinkException(CoreError.CONFIG_INVALID, "Inventory " + file + " lists no SQL Server.");
        }
        return of(file.toString(), rows);
    }

    /**
     * Only the entries carrying at least one of {@code tags} (case-insensitive); all entries when none are given.
     */
    public Inventory withTags(Collection<String> tags) {
        if (tags.isEmpty()) {
            return this;
        }
        Set<String> wanted = tags.stream().map(t -> t.trim().toLowerCase(Locale.ROOT)).collect(Collectors.toSet());
        return new Inventory(source, entries.stream().filter(e -> e.tags().stream().anyMatch(wanted::contains))
                .toList(), duplicates);
    }

    /**
     * Shard {@code k} of {@code n}: the entries sorted by their identity ({@link InventoryEntry#key()}), then dealt
     * round robin (the i-th goes to shard {@code i mod n + 1}). Every machine running the same inventory with the
     * same filters gets the same split whatever the file's row order, the shards never overlap, together they
     * cover the inventory, and their sizes differ by at most one.
     */
    public Inventory shard(Shard shard) {
        if (shard.count() == 1) {
            return this;
        }
        List<InventoryEntry> sorted = entries.stream().sorted(Comparator.comparing(InventoryEntry::key)).toList();
        List<InventoryEntry> mine = new ArrayList<>();
        for (int i = 0; i < sorted.size(); i++) {
            if (i % shard.count() == shard.index() - 1) {
                mine.add(sorted.get(i));
            }
        }
        return new Inventory(source + " (shard " + shard + ")", mine, duplicates);
    }

    private static String read(Path file) {
        try {
            if (Files.isDirectory(file)) {
                throw invalid(file + " is a directory, not an inventory file");
            }
            long size = Files.size(file);
            if (size > MAX_BYTES) {
                throw invalid("Inventory " + file + " is " + size / (1024 * 1024) + " MiB; at most "
                        + MAX_BYTES / (1024 * 1024) + " MiB is read. Split it, or filter it with --tag");
            }
            byte[] bytes = Files.readAllBytes(file);
            String text = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(java.nio.ByteBuffer.wrap(bytes)).toString();
            return text.startsWith("\uFEFF") ? text.substring(1) : text; // Excel's "CSV UTF-8" starts with a BOM
        } catch (NoSuchFileException e) {
            throw invalid("Inventory " + file + ": no such file");
        } catch (CharacterCodingException e) {
            throw invalid("Inventory " + file + " is not UTF-8 text; save it as \"CSV UTF-8\" (Excel) or UTF-8");
        } catch (IOException e) {
            throw invalid("Cannot read inventory " + file + ": " + e.getMessage());
        }
    }

    static MilinkException invalid(String message) {
        return new MilinkException(CoreError.CONFIG_INVALID, message.endsWith(".") ? message : message + ".");
    }
}
