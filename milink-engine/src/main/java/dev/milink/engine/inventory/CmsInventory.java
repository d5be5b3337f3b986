// SPDX-License-Identifier: Apache-2.0
package dev.milink.engine.inventory;

import dev.milink.core.error.CoreError;
import dev.milink.core.error.MilinkException;
import dev.milink.sqlserver.cms.RegisteredServers;
import dev.milink.sqlserver.connect.ConnectionSettings;
import dev.milink.sqlserver.connect.SqlTarget;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * An inventory read from a SQL Server Central Management Server: {@code cms://HOST[,PORT][/GROUP/SUBGROUP]}.
 * Every Database Engine server registered in the group (and its subgroups; all groups when none is named)
 * becomes an entry; its group names become tags, so {@code --tag emea} picks a group anywhere in the tree.
 * Group names match case-insensitively; {@code %XX} escapes are decoded (e.g. {@code %20} for a space).
 *
 * <pre>{@code
 * CmsInventory.Address a = CmsInventory.parse("cms://cms01.contoso.local/Production/EMEA");
 * Inventory fleet = CmsInventory.read(a, target -> ConnectionSettings.of(target, auth));
 * }</pre>
 *
 * @since 0.2
 */
public final class CmsInventory {

    /** The scheme that marks an {@code --inventory} value as a CMS. */
    public static final String SCHEME = "cms://";

    private CmsInventory() {
    }

    /** A CMS and the group to read ({@code []} = every group). */
    public record Address(SqlTarget server, List<String> group) {
        public Address {
            group = List.copyOf(group);
        }

        @Override
        public String toString() {
            return SCHEME + server.display() + group.stream().map(g -> "/" + g).collect(Collectors.joining());
        }
    }

    /** Whether an {@code --inventory} value names a CMS rather than a file. */
    public static boolean isCms(String inventory) {
        return inventory.regionMatches(true, 0, SCHEME, 0, SCHEME.length());
    }

    /** {@code cms://HOST[,PORT][\INSTANCE][/GROUP/SUBGROUP]}. */
    public static Address parse(String text) {
        if (!isCms(text)) {
            throw new MilinkException(CoreError.USAGE, "'" + text + "' is not a cms://HOST[,PORT][/GROUP] address.");
        }
        String rest = text.substring(SCHEME.length());
        int slash = rest.indexOf('/');
        String host = slash < 0 ? rest : rest.substring(0, slash);
        if (host.isBlank()) {
            throw new MilinkException(CoreError.USAGE, "--inventory " + text + ": the Central Management Server"
                    + " is missing; use cms://HOST[,PORT][/GROUP/SUBGROUP].");
        }
        List<String> group = slash < 0 ? List.of() : Arrays.stream(rest.substring(slash + 1).split("/"))
                .filter(s -> !s.isEmpty()).map(CmsInventory::decode).toList();
        return new Address(SqlTarget.parse(host), group);
    }

    /**
     * Reads the registered servers of {@code address}'s group from the CMS, connecting with the settings
     * {@code connect} gives for the CMS's address.
     *
     * @throws MilinkException SQL_* when the CMS cannot be read; CONFIG_INVALID when the group does not exist
     *     or a registered server's address cannot be parsed (naming it)
     */
    public static Inventory read(Address address, Function<SqlTarget, ConnectionSettings> connect) {
        List<RegisteredServers.Server> all = RegisteredServers.read(connect.apply(address.server()));
        List<InventoryEntry> rows = new ArrayList<>();
        for (RegisteredServers.Server s : all) {
            if (!inGroup(s.groupPath(), address.group())) {
                continue;
            }
            String origin = SCHEME + address.server().display() + "/" + String.join("/", s.groupPath())
                    + " '" + s.name() + "'";
            SqlTarget target;
            try {
                target = SqlTarget.parse(s.serverName());
            } catch (MilinkException e) {
                throw Inventory.invalid(origin + ": " + e.getMessage());
            }
            Set<String> tags = s.groupPath().stream().map(g -> g.toLowerCase(Locale.ROOT)).collect(Collectors.toSet());
            rows.add(new InventoryEntry(target, Optional.empty(), List.of(), Optional.empty(), tags,
                    CredentialRef.NONE, origin));
        }
        if (rows.isEmpty()) {
            throw Inventory.invalid(address + ": " + (address.group().isEmpty()
                    ? "the Central Management Server has no registered Database Engine servers"
                    : "no registered server in group '" + String.join("/", address.group()) + "' (groups: "
                    + all.stream().map(s -> String.join("/", s.groupPath())).distinct().sorted()
                    .collect(Collectors.joining(", ")) + ")"));
        }
        return Inventory.of(address.toString(), rows);
    }

    private static boolean inGroup(List<String> path, List<String> group) {
        if (group.size() > path.size()) {
            return false;
        }
        for (int i = 0; i < group.size(); i++) {
            if (!group.get(i).equalsIgnoreCase(path.get(i))) {
                return false;
            }
        }
        return true;
    }

    private static String decode(String s) {
        try {
            return URLDecoder.decode(s.replace("+", "%2B"), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            return s;
        }
    }
}
