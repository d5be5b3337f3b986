// SPDX-License-Identifier: Apache-2.0
package dev.milink.cli;

import dev.milink.cli.options.AuthOptions;
import dev.milink.cli.auth.AuthMode;
import dev.milink.cli.auth.Credentials;
import dev.milink.cli.auth.Side;
import dev.milink.core.error.CoreError;
import dev.milink.core.error.MilinkException;
import dev.milink.core.model.LinkSettings;
import dev.milink.core.secret.Secret;
import dev.milink.engine.Source;
import dev.milink.engine.inventory.CmsInventory;
import dev.milink.engine.inventory.CredentialRef;
import dev.milink.engine.inventory.Inventory;
import dev.milink.engine.inventory.InventoryEntry;
import dev.milink.engine.inventory.Shard;
import dev.milink.sqlserver.connect.Authentication;
import dev.milink.sqlserver.connect.ConnectionSettings;
import dev.milink.sqlserver.connect.SqlTarget;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.function.Supplier;
import picocli.CommandLine.Option;

/**
 * {@code --inventory FILE|cms://HOST[/GROUP]}, {@code --tag TAG}, {@code --shard K/N}: the fleet from a file or a
 * Central Management Server instead of TARGET arguments. Kept apart from {@code check} so {@code link status} can
 * mix it in too.
 */
final class InventoryOptions {

    @Option(names = "--inventory", paramLabel = "FILE|cms://HOST[/GROUP]", descriptionKey = "inventory")
    String inventory;

    @Option(names = "--tag", paramLabel = "TAG", descriptionKey = "tag")
    List<String> tags = new ArrayList<>();

    @Option(names = "--shard", paramLabel = "K/N", descriptionKey = "shard")
    String shard;

    /**
     * The sources, the link settings of rows that give their own databases or direction, and the managed instance
     * (resource id) of rows that name one, by source label.
     */
    record Fleet(List<Source> sources, Map<String, LinkSettings> links, Map<String, String> managedInstances) {
        Fleet(List<Source> sources, Map<String, LinkSettings> links) {
            this(sources, links, Map.of());
        }
    }

    boolean given() {
        return inventory != null;
    }

    /** Checks {@code --tag} and {@code --shard} before anything is read or connected. */
    Shard validate() {
        if (inventory == null && (!tags.isEmpty() || shard != null)) {
            throw new MilinkException(CoreError.USAGE, (shard != null ? "--shard" : "--tag") + " selects from an"
                    + " inventory; give --inventory FILE or --inventory cms://HOST too.");
        }
        return shard == null ? Shard.ALL : Shard.parse(shard);
    }

    /**
     * Reads the inventory, keeps the tagged entries of this shard, and makes one source per entry.
     *
     * @param runAuth  the run's own sign-in ({@code --auth}, {@code --user} …), resolved only when needed
     * @param settings connection settings for a target with a given sign-in
     */
    Fleet read(LinkSettings base, Supplier<Authentication> runAuth, AuthOptions auth, MilinkConfig cfg,
               Function<ConnectionFor, ConnectionSettings> settings, Invocation inv) {
        Shard part = validate();
        Inventory all = CmsInventory.isCms(inventory)
                ? CmsInventory.read(CmsInventory.parse(inventory), t -> settings.apply(new ConnectionFor(t,
                        runAuth.get())))
                : Inventory.load(Path.of(inventory));
        if (!all.duplicates().isEmpty()) {
            inv.warn(all.duplicates().size() + " inventory row" + (all.duplicates().size() == 1 ? " repeats" : "s"
                    + " repeat") + " an instance listed before and " + (all.duplicates().size() == 1 ? "is" : "are")
                    + " skipped: " + all.duplicates().getFirst() + (all.duplicates().size() > 1 ? " …" : "") + ".");
        }
        Inventory tagged = all.withTags(tags);
        if (tagged.entries().isEmpty()) {
            throw new MilinkException(CoreError.USAGE, "No instance in " + all.source() + " has the tag"
                    + (tags.size() > 1 ? "s " : " ") + String.join(", ", tags) + ".");
        }
        Inventory mine = tagged.shard(part);
        if (mine.entries().isEmpty()) {
            throw new MilinkException(CoreError.USAGE, "Shard " + part + " of " + all.source() + " is empty: "
                    + tagged.entries().size() + " instances make fewer than " + part.count() + " shards.");
        }
        List<Source> sources = new ArrayList<>();
        Map<String, LinkSettings> links = new LinkedHashMap<>();
        Map<String, String> managedInstances = new LinkedHashMap<>();
        for (InventoryEntry e : mine.entries()) {
            Authentication a = e.credential().isGiven() ? signIn(e, auth, cfg, inv) : runAuth.get();
            String label = e.target().display();
            sources.add(new Source.Live(label, settings.apply(new ConnectionFor(e.target(), a))));
            e.managedInstance().ifPresent(mi -> managedInstances.put(label, mi));
            if (!e.databases().isEmpty() || e.direction().isPresent()) {
                LinkSettings own = e.direction().map(base::withDirection).orElse(base);
                links.put(label, e.databases().isEmpty() ? own : own.withDatabases(e.databases()));
            }
        }
        return new Fleet(sources, links, managedInstances);
    }

    /** A target and the sign-in to use on it. */
    record ConnectionFor(SqlTarget target, Authentication authentication) {
    }

    /** A row's own sign-in: its mode and user over the run's, its password from the variable or file it names. */
    private static Authentication signIn(InventoryEntry e, AuthOptions auth, MilinkConfig cfg, Invocation inv) {
        CredentialRef c = e.credential();
        AuthOptions.Given run = auth.given();
        AuthMode mode;
        try {
            mode = c.auth() != null ? AuthMode.fromCliName(c.auth()) : run.mode() != null ? run.mode()
                    : cfg.auth() != null ? AuthMode.fromCliName(cfg.auth()) : AuthMode.SQL;
        } catch (MilinkException x) {
            throw new MilinkException(CoreError.CONFIG_INVALID, e.origin() + ": " + x.getMessage());
        }
        String user = AssessmentOptions.first(c.user(), run.user(), cfg.user());
        if (c.passwordEnv() != null) {
            Secret password = inv.env(c.passwordEnv()).map(Secret::of).map(inv::remember)
                    .orElseThrow(() -> new MilinkException(CoreError.SECRET_MISSING, e.origin() + ": the"
                            + " environment variable " + c.passwordEnv() + " (password-env) is not set."));
            if (user == null) {
                throw new MilinkException(CoreError.USAGE, e.origin() + ": password-env needs a user (a 'user'"
                        + " column, or --user).");
            }
            return switch (mode) {
                case SQL -> new Authentication.SqlLogin(user, password);
                case ENTRA_SERVICE_PRINCIPAL, ENTRA_PASSWORD -> new Authentication.Entra(mode.jdbcMode(), user,
                        password);
                default -> throw new MilinkException(CoreError.CONFIG_INVALID, e.origin() + ": auth "
                        + mode.cliName() + " takes no password; remove password-env.");
            };
        }
        Path file = AssessmentOptions.first(c.passwordFile(), run.passwordFile(), cfg.passwordFile());
        // A Credentials of its own: each row may name another file or user, so nothing is shared between rows.
        return new Credentials(inv, Side.SQL_SERVER).resolve(mode, user, file);
    }
}
