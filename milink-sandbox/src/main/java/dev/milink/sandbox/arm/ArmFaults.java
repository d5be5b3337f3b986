// SPDX-License-Identifier: Apache-2.0
package dev.milink.sandbox.arm;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * The stand-in's active faults, changeable while it runs (tests run in parallel, so this is per stand-in, never
 * global). The first active fault that matches a request answers it and, when counted, uses one of its hits.
 *
 * @since 0.1.0
 */
public final class ArmFaults {
    private final List<Entry> entries = new ArrayList<>();

    ArmFaults() {}

    /** Adds a fault after the existing ones. */
    public synchronized ArmFaults add(ArmFault fault) {
        entries.add(new Entry(Objects.requireNonNull(fault, "fault")));
        return this;
    }

    /** Removes every fault. */
    public synchronized void clear() { entries.clear(); }

    /** The faults that still have hits left. */
    public synchronized List<ArmFault> active() {
        return entries.stream().map(e -> e.fault).toList();
    }

    /** The fault that answers this request, or null; uses up one hit of a counted fault. */
    synchronized ArmFault take(String method, String path) {
        for (int i = 0; i < entries.size(); i++) {
            Entry e = entries.get(i);
            if (e.fault.matches(method, path)) {
                if (e.fault.times() > 0 && ++e.used >= e.fault.times()) {
                    entries.remove(i);
                }
                return e.fault;
            }
        }
        return null;
    }

    private static final class Entry {
        final ArmFault fault;
        int used;

        Entry(ArmFault fault) { this.fault = fault; }
    }
}
