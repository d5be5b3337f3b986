// SPDX-License-Identifier: Apache-2.0
package dev.milink.core.check;

/** Whether a check judges the instance once or each selected database. */
public enum Scope {
    INSTANCE,
    DATABASE
}
