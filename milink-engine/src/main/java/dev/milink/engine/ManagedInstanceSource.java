// SPDX-License-Identifier: Apache-2.0
package dev.milink.engine;

import dev.milink.core.model.Input;
import dev.milink.core.model.ManagedInstanceFacts;

/**
 * The managed-instance end of a link: read from Azure Resource Manager, or from saved output. Implemented by the
 * Azure module; an assessment without one reports the checks that need it as SKIPPED ("not given").
 *
 * <p>Return {@link Input#unreadable(String)} with the reason when the instance was named but cannot be read;
 * an exception thrown here is treated the same way, with its message.
 *
 * @since 0.2
 */
@FunctionalInterface
public interface ManagedInstanceSource {

    Input<ManagedInstanceFacts> read();
}
