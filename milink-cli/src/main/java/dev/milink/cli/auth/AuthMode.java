// SPDX-License-Identifier: Apache-2.0
package dev.milink.cli.auth;

import dev.milink.core.error.CoreError;
import dev.milink.core.error.MilinkException;
import java.util.Arrays;
import java.util.stream.Collectors;

/**
 * The sign-in modes, by their command-line names ({@code --auth}, {@code --mi-auth}, {@code auth:} in the config
 * file).
 *
 * @since 0.1
 */
public enum AuthMode {
    SQL("sql", null),
    INTEGRATED("integrated", null),
    ENTRA_DEFAULT("entra-default", "ActiveDirectoryDefault"),
    ENTRA_MANAGED_IDENTITY("entra-managed-identity", "ActiveDirectoryManagedIdentity"),
    ENTRA_SERVICE_PRINCIPAL("entra-service-principal", "ActiveDirectoryServicePrincipal"),
    ENTRA_PASSWORD("entra-password", "ActiveDirectoryPassword"),
    ACCESS_TOKEN("access-token", null);

    private final String cliName;
    private final String jdbcMode;

    AuthMode(String cliName, String jdbcMode) {
        this.cliName = cliName;
        this.jdbcMode = jdbcMode;
    }

    public String cliName() {
        return cliName;
    }

    /** The mssql-jdbc {@code authentication} value for Entra modes, null otherwise. */
    public String jdbcMode() {
        return jdbcMode;
    }

    @Override
    public String toString() {
        return cliName;
    }

    /** The mode called {@code name} (any case); a usage error listing the valid names otherwise. */
    public static AuthMode fromCliName(String name) {
        return Arrays.stream(values()).filter(m -> m.cliName.equalsIgnoreCase(name.trim())).findFirst()
                .orElseThrow(() -> new MilinkException(CoreError.USAGE, "Unknown authentication mode '" + name
                        + "'. Valid modes: " + Arrays.stream(values()).map(AuthMode::cliName)
                        .collect(Collectors.joining(", ")) + "."));
    }

    /** The names, for {@code --help} ({@code ${COMPLETION-CANDIDATES}}). */
    public static final class Names implements Iterable<String> {
        @Override
        public java.util.Iterator<String> iterator() {
            return Arrays.stream(values()).map(AuthMode::cliName).iterator();
        }
    }

    /** picocli converter so that {@code --auth entra-default} maps by CLI name, not constant name. */
    public static final class Converter implements picocli.CommandLine.ITypeConverter<AuthMode> {
        @Override
        public AuthMode convert(String value) {
            try {
                return fromCliName(value);
            } catch (MilinkException e) {
                throw new picocli.CommandLine.TypeConversionException(e.getMessage());
            }
        }
    }
}
