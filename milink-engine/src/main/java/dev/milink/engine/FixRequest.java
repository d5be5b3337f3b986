// SPDX-License-Identifier: Apache-2.0
package dev.milink.engine;

import dev.milink.azure.ArmConnection;
import dev.milink.core.model.LinkSettings;
import dev.milink.engine.fix.FixWorkflow;
import dev.milink.sqlserver.connect.ConnectionSettings;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * What {@link Milink#fix} fixes: one SQL Server instance, as the user named it, and how; optionally the link's
 * managed-instance end, whose fixable findings (NSG rules, the server trust certificate) are applied through
 * Azure Resource Manager.
 *
 * @param target          the instance as the user named it (in the plan and the messages)
 * @param server          how to connect; asked for only when needed, so a refused {@code --apply} never prompts for
 *                        a password first
 * @param link            direction, databases and SQL Server addresses, as for an assessment
 * @param options         dry run or apply, script directory, backup path, databases milink may change anyway
 * @param managedInstance the managed-instance end, read before and after applying (else its checks are SKIPPED)
 * @param arm             the connection that sends the plan's ARM requests; empty when the MI end is not live
 *                        (offline facts): the ARM steps are then shown and written, never sent
 * @since 0.2
 */
public record FixRequest(String target, Supplier<ConnectionSettings> server, LinkSettings link,
                         FixWorkflow.Options options, Optional<ManagedInstanceSource> managedInstance,
                         Optional<Supplier<ArmConnection>> arm) {

    public FixRequest {
        Objects.requireNonNull(target, "target");
        Objects.requireNonNull(server, "server");
        Objects.requireNonNull(link, "link");
        Objects.requireNonNull(options, "options");
        Objects.requireNonNull(managedInstance, "managedInstance");
        Objects.requireNonNull(arm, "arm");
    }

    /** A fix of the SQL Server end alone. */
    public FixRequest(String target, Supplier<ConnectionSettings> server, LinkSettings link,
                      FixWorkflow.Options options) {
        this(target, server, link, options, Optional.empty(), Optional.empty());
    }

    /** The same, with the managed-instance end read from {@code source} and ARM steps sent through {@code arm}. */
    public FixRequest withManagedInstance(ManagedInstanceSource source, Supplier<ArmConnection> arm) {
        return new FixRequest(target, server, link, options, Optional.of(source), Optional.ofNullable(arm));
    }
}
