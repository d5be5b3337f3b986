// SPDX-License-Identifier: Apache-2.0
package dev.milink.sandbox.scenario;

/** An extra sys.dm_server_registry row. */
public final class RegistryValue {
    public String key;
    public String name;
    public String data;
}
