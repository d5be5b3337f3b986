// SPDX-License-Identifier: Apache-2.0
package dev.milink.sandbox.scenario;

/** A filegroup; type FG (rows), FD (FILESTREAM) or FX (memory-optimized). */
public final class Filegroup {
    public String name;
    public String type = "FG";
    public boolean isDefault;
}
