// SPDX-License-Identifier: Apache-2.0
package dev.milink.sandbox.scenario;

import java.util.ArrayList;
import java.util.List;

/** Trace flags: {@code startup} are persisted (registry -T or mssql.conf) and so also running. */
public final class TraceFlags {
    public List<Integer> running = new ArrayList<>();
    public List<Integer> startup = new ArrayList<>();
}
