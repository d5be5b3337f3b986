// SPDX-License-Identifier: Apache-2.0
package dev.milink.cli.auth;

/**
 * The names one side's sign-in goes by: its options (for messages) and the environment variables its secrets come
 * from. {@code check} and {@code fix} sign in to SQL Server only; {@code network test} to SQL Server and the
 * managed instance, each with its own login and secrets.
 *
 * @param label              "the managed instance" …, said in messages where two sides could be meant; null when
 *                           there is one side
 * @param authOption         e.g. {@code --auth}
 * @param userOption         e.g. {@code --user}
 * @param passwordFileOption e.g. {@code --password-file}
 * @param passwordEnv        e.g. {@code MILINK_SQL_PASSWORD}
 * @param tokenEnv           e.g. {@code MILINK_ACCESS_TOKEN}
 * @since 0.1
 */
public record Side(String label, String authOption, String userOption, String passwordFileOption,
                   String passwordEnv, String tokenEnv) {

    /** SQL Server, as {@code check} and {@code fix} sign in to it. */
    public static final Side SQL_SERVER = new Side(null, "--auth", "--user", "--password-file",
            "MILINK_SQL_PASSWORD", "MILINK_ACCESS_TOKEN");

    /** The managed instance, as {@code network test} signs in to it. */
    public static final Side MANAGED_INSTANCE = new Side("the managed instance", "--mi-auth", "--mi-user",
            "--mi-password-file", "MILINK_MI_PASSWORD", "MILINK_MI_ACCESS_TOKEN");

    /** This side, named {@code label} in messages. */
    public Side labelled(String label) {
        return new Side(label, authOption, userOption, passwordFileOption, passwordEnv, tokenEnv);
    }

    /** " on the managed instance", or nothing for an unlabelled side. */
    String where() {
        return label == null ? "" : " on " + label;
    }
}
