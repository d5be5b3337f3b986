// SPDX-License-Identifier: Apache-2.0
package dev.milink.sandbox.scenario;

/** One injected statement error. */
public final class StatementErrorSpec {
    public String pattern;
    public int number;
    public int severity = 16;
    public String message;
    public int times = -1;
}
