// SPDX-License-Identifier: Apache-2.0
package dev.milink.engine.inventory;

import dev.milink.core.error.MilinkException;
import dev.milink.core.model.Direction;
import dev.milink.sqlserver.connect.SqlTarget;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The fields of an inventory row, shared by the CSV and YAML readers: names are matched case-insensitively and
 * without spaces, dashes or underscores ({@code Password Env}, {@code password-env} and {@code PASSWORD_ENV} are
 * one field), with a few aliases spreadsheets use. Fields milink does not know are ignored (notes, owners …);
 * a field that would hold a secret is refused.
 */
final class Columns {

    static final String TARGET = "target";
    static final String PORT = "port";
    static final String MI = "mi";
    static final String DATABASES = "databases";
    static final String DIRECTION = "direction";
    static final String TAGS = "tags";
    static final String AUTH = "auth";
    static final String USER = "user";
    static final String PASSWORD_ENV = "passwordenv";
    static final String PASSWORD_FILE = "passwordfile";

    private static final Map<String, String> ALIASES = Map.ofEntries(
            Map.entry("target", TARGET), Map.entry("server", TARGET), Map.entry("sqlserver", TARGET),
            Map.entry("servername", TARGET), Map.entry("host", TARGET), Map.entry("hostname", TARGET),
            Map.entry("instance", TARGET), Map.entry("address", TARGET),
            Map.entry("port", PORT),
            Map.entry("mi", MI), Map.entry("managedinstance", MI), Map.entry("miresourceid", MI),
            Map.entry("resourceid", MI),
            Map.entry("databases", DATABASES), Map.entry("database", DATABASES), Map.entry("db", DATABASES),
            Map.entry("dbs", DATABASES),
            Map.entry("direction", DIRECTION),
            Map.entry("tags", TAGS), Map.entry("tag", TAGS), Map.entry("labels", TAGS),
            Map.entry("auth", AUTH), Map.entry("authentication", AUTH),
            Map.entry("user", USER), Map.entry("login", USER), Map.entry("username", USER),
            Map.entry("passwordenv", PASSWORD_ENV), Map.entry("passwordvariable", PASSWORD_ENV),
            Map.entry("passwordfile", PASSWORD_FILE));

    /** Names that would put a secret into the inventory itself. */
    private static final Set<String> SECRETS = Set.of("password", "pwd", "pass", "passwd", "secret",
            "clientsecret", "accesstoken", "token", "sqlpassword");

    private Columns() {
    }

    /** {@code Password Env} → {@code passwordenv}. */
    static String normalise(String name) {
        return name == null ? "" : name.toLowerCase(Locale.ROOT).replaceAll("[^\\p{L}\\p{N}]", "");
    }

    /**
     * The field a column name means, or null for a column milink ignores.
     *
     * @throws MilinkException for a column that would hold a password
     */
    static String field(String name, String where) {
        String n = normalise(name);
        if (SECRETS.contains(n)) {
            throw Inventory.invalid(where + ": the column '" + name.strip() + "' would hold a secret. Inventories"
                    + " name credentials by reference only: password-env (an environment variable's name),"
                    + " password-file (a file's path) or auth entra-… (no password); remove the column");
        }
        return ALIASES.get(n);
    }

    /** One row's fields (already mapped by {@link #field}) as an entry, or null for an empty row. */
    static InventoryEntry entry(Map<String, String> row, String origin) {
        if (row.values().stream().allMatch(v -> v == null || v.isBlank())) {
            return null;
        }
        String server = value(row, TARGET);
        if (server == null) {
            throw Inventory.invalid(origin + ": no SQL Server on this row (the 'server' column is empty or"
                    + " missing); every row needs one");
        }
        SqlTarget target;
        try {
            target = SqlTarget.parse(server);
            String port = value(row, PORT);
            if (port != null) {
                if (target.port() != null && !port.equals(String.valueOf(target.port()))) {
                    throw Inventory.invalid(origin + ": '" + server + "' names port " + target.port()
                            + " but the port column says " + port);
                }
                target = SqlTarget.parse(target.display() + "," + port);
            }
        } catch (MilinkException e) {
            if (e.getMessage().startsWith(origin)) {
                throw e;
            }
            throw Inventory.invalid(origin + ": " + e.getMessage());
        }
        Optional<Direction> direction = Optional.ofNullable(value(row, DIRECTION)).map(d -> {
            try {
                return Direction.fromCliName(d);
            } catch (IllegalArgumentException e) {
                throw Inventory.invalid(origin + ": " + e.getMessage());
            }
        });
        String passwordFile = value(row, PASSWORD_FILE);
        String passwordEnv = value(row, PASSWORD_ENV);
        if (passwordEnv != null && !passwordEnv.matches("[A-Za-z_][A-Za-z0-9_]*")) {
            throw Inventory.invalid(origin + ": password-env must be the NAME of an environment variable"
                    + " (letters, digits, _), not a value");
        }
        CredentialRef credential = new CredentialRef(value(row, AUTH), value(row, USER), passwordEnv,
                passwordFile == null ? null : Path.of(passwordFile));
        return new InventoryEntry(target, Optional.ofNullable(value(row, MI)), split(value(row, DATABASES), "[,;|\\n]"),
                direction, Set.copyOf(split(value(row, TAGS), "[,;|\\s]")), credential, origin);
    }

    private static String value(Map<String, String> row, String field) {
        String v = row.get(field);
        return v == null || v.isBlank() ? null : v.strip();
    }

    static List<String> split(String cell, String separators) {
        if (cell == null) {
            return List.of();
        }
        return Arrays.stream(cell.split(separators)).map(String::strip).filter(s -> !s.isEmpty()).distinct().toList();
    }
}
