// SPDX-License-Identifier: Apache-2.0
package dev.milink.sandbox.server;

import dev.milink.sandbox.engine.SqlEngine;
import dev.milink.sandbox.tds.EncryptionSupport;
import java.util.Objects;

/**
 * What one sandbox SQL Server instance is: a name (unique within a {@link SandboxServer}), a loopback port
 * (0 = ephemeral), its engine and how it answers encryption requests.
 *
 * @since 0.1.0
 */
public record InstanceDef(String name, int port, SqlEngine engine, EncryptionSupport encryption) {
    public InstanceDef {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(engine, "engine");
        Objects.requireNonNull(encryption, "encryption");
        if (port < 0 || port > 65535) {
            throw new IllegalArgumentException("port out of range: " + port);
        }
    }

    /** An instance on an ephemeral port that uses TLS only when the client asks ({@code encrypt=true}). */
    public static InstanceDef of(String name, SqlEngine engine) {
        return new InstanceDef(name, 0, engine, EncryptionSupport.ON_REQUEST);
    }

    public InstanceDef withPort(int newPort) { return new InstanceDef(name, newPort, engine, encryption); }

    public InstanceDef withEncryption(EncryptionSupport mode) { return new InstanceDef(name, port, engine, mode); }
}
