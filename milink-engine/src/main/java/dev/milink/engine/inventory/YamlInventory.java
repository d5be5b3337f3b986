// SPDX-License-Identifier: Apache-2.0
package dev.milink.engine.inventory;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import dev.milink.core.internal.Json;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.StreamSupport;

/**
 * The YAML inventory: {@code targets:} (a list of addresses, or maps with the CSV's fields as keys) and optional
 * {@code defaults:} every target starts from. Unlike CSV columns, an unknown key is an error: a YAML file is
 * written by hand, and a silently ignored typo would assess the wrong databases.
 *
 * <pre>
 * defaults: {direction: sql-to-mi, auth: sql, user: milink, password-env: MILINK_SQL_PASSWORD}
 * targets:
 *   - server: sql01.contoso.local
 *     databases: [Sales, HR]
 *     tags: [wave1, emea]
 *   - sql02.contoso.local,14330
 * </pre>
 */
final class YamlInventory {

    private static final String KEYS = "server, port, mi, databases, direction, tags, auth, user, password-env,"
            + " password-file";

    private YamlInventory() {
    }

    static List<InventoryEntry> parse(String text, String file) {
        Map<String, String> defaults = new HashMap<>();
        List<InventoryEntry> entries = new ArrayList<>();
        try (JsonParser p = Json.yaml().createParser(text)) {
            JsonToken first = p.nextToken();
            if (first == JsonToken.START_ARRAY) {
                targets(p, file, defaults, entries);
                return entries;
            }
            if (first != JsonToken.START_OBJECT) {
                throw Inventory.invalid("Inventory " + file + " must be a YAML map with 'targets:' (and optionally"
                        + " 'defaults:'), or a list of targets");
            }
            boolean sawTargets = false;
            while (p.nextToken() == JsonToken.FIELD_NAME) {
                String key = p.currentName();
                int line = p.currentTokenLocation().getLineNr();
                p.nextToken();
                switch (key) {
                    case "defaults" -> defaults.putAll(fields(p.readValueAsTree(), file + ":" + line));
                    case "targets" -> {
                        if (p.currentToken() != JsonToken.START_ARRAY) {
                            throw Inventory.invalid(file + ":" + line + ": 'targets' must be a list");
                        }
                        sawTargets = true;
                        targets(p, file, defaults, entries);
                    }
                    default -> throw Inventory.invalid(file + ":" + line + ": unknown key '" + key
                            + "' (an inventory has 'defaults' and 'targets')");
                }
            }
            if (!sawTargets) {
                throw Inventory.invalid("Inventory " + file + " has no 'targets:' list");
            }
            return entries;
        } catch (JsonProcessingException e) {
            String where = e.getLocation() == null ? file : file + ":" + e.getLocation().getLineNr();
            throw Inventory.invalid(where + ": not valid YAML (" + e.getOriginalMessage().lines().findFirst()
                    .orElse("") + ")");
        } catch (IOException e) {
            throw Inventory.invalid("Cannot read inventory " + file + ": " + e.getMessage());
        }
    }

    /** Defaults are applied in the order written: 'targets' after 'defaults' see them. */
    private static void targets(JsonParser p, String file, Map<String, String> defaults, List<InventoryEntry> out)
            throws IOException {
        while (p.nextToken() != JsonToken.END_ARRAY) {
            int line = p.currentTokenLocation().getLineNr();
            JsonNode node = p.readValueAsTree();
            String origin = file + ":" + line;
            Map<String, String> row = new HashMap<>(defaults);
            if (node.isTextual()) {
                row.put(Columns.TARGET, node.asText());
            } else if (node.isObject()) {
                row.putAll(fields(node, origin));
            } else {
                throw Inventory.invalid(origin + ": a target is an address (sql01,1433) or a map with 'server:'");
            }
            if (!row.containsKey(Columns.TARGET) || row.get(Columns.TARGET).isBlank()) {
                throw Inventory.invalid(origin + ": no SQL Server in this target (add 'server: HOST[,PORT]')");
            }
            InventoryEntry e = Columns.entry(row, origin);
            if (e != null) {
                out.add(e);
            }
        }
    }

    private static Map<String, String> fields(JsonNode node, String where) {
        if (!node.isObject()) {
            throw Inventory.invalid(where + ": expected a map of " + KEYS);
        }
        Map<String, String> row = new HashMap<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> f = it.next();
            String field = Columns.field(f.getKey(), where);
            if (field == null) {
                throw Inventory.invalid(where + ": unknown key '" + f.getKey() + "' (known: " + KEYS + ")");
            }
            JsonNode v = f.getValue();
            String value = v.isArray()
                    ? StreamSupport.stream(v.spliterator(), false).map(JsonNode::asText)
                            .collect(Collectors.joining("|"))
                    : v.isNull() ? "" : v.asText();
            row.put(field, value);
        }
        return row;
    }
}
