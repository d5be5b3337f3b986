// SPDX-License-Identifier: Apache-2.0
package dev.milink.engine;

import dev.milink.core.model.LinkSettings;
import dev.milink.engine.fix.FixWorkflow;
import dev.milink.sqlserver.connect.ConnectionSettings;
import java.util.Objects;
import java.util.function.Supplier;

/**
 * What {@link Milink#fix} fixes: one SQL Server instance, as the user named it, and how.
 *
 * @param target  the instance as the user named it (in the plan and the messages)
 * @param server  how to connect; asked for only when needed, so a refused {@code --apply} never prompts for a
 *                password first
 * @param link    direction and databases, as for an assessment
 * @param options dry run or apply, script directory, backup path, databases milink may change anyway
 * @since 0.2
 */
public record FixRequest(String target, Supplier<ConnectionSettings> server, LinkSettings link,
                         FixWorkflow.Options options) {

    public FixRequest {
        Objects.requireNonNull(target, "target");
        Objects.requireNonNull(server, "server");
        Objects.requireNonNull(link, "link");
        Objects.requireNonNull(options, "options");
    }
}
