// SPDX-License-Identifier: Apache-2.0
package dev.milink.sandbox.catalog.view;

import dev.milink.sandbox.catalog.InstanceState;
import dev.milink.sandbox.scenario.Scenario;

/**
 * What a view's rows depend on: the instance, the database whose catalog is read (for per-database views),
 * and the login reading it (for metadata visibility).
 */
public record ViewContext(InstanceState instance, Scenario.Database database, Scenario.Login login) {

    public Scenario scenario() {
        return instance.scenario();
    }

    /** Whether the login sees metadata it does not own (sysadmin, CONTROL SERVER or VIEW ANY DEFINITION). */
    public boolean seesAllMetadata() {
        return instance.isSysadmin(login) || instance.hasPermission(login, "CONTROL SERVER")
                || instance.hasPermission(login, "VIEW ANY DEFINITION");
    }
}
