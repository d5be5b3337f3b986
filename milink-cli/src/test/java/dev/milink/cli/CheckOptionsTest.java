// SPDX-License-Identifier: Apache-2.0
package dev.milink.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code milink check} input handling that fails before any connection: secrets, config, targets, TLS. */
class CheckOptionsTest {

    @TempDir
    Path dir;

    @Test
    void missingPasswordWithoutTerminalIsUsageErrorNamingTheSources() {
        Cli r = Cli.run(Map.of(), "check", "sql01.example", "--user", "milink").expectExit(2);
        assertThat(r.err()).startsWith("Error [SECRET_MISSING]: No password for 'milink'")
                .contains("MILINK_SQL_PASSWORD", "--password-file");
    }

    @Test
    void sqlAuthWithoutUserIsUsageError() {
        Cli r = Cli.run(Map.of("MILINK_SQL_PASSWORD", "x"), "check", "sql01.example");
        assertThat(r.exit()).isEqualTo(2);
        assertThat(r.err()).contains("--user NAME");
    }

    @Test
    void accessTokenComesFromTheEnvironmentOnly() {
        Cli r = Cli.run(Map.of(), "check", "sql01.example", "--auth", "access-token");
        assertThat(r.exit()).isEqualTo(2);
        assertThat(r.err()).startsWith("Error [SECRET_MISSING]").contains("MILINK_ACCESS_TOKEN");
    }

    @Test
    void unknownAuthModeListsTheValidOnes() {
        Cli r = Cli.run("check", "sql01", "--auth", "kerberos");
        assertThat(r.exit()).isEqualTo(2);
        assertThat(r.err()).contains("entra-default", "access-token");
    }

    @Test
    void badTargetIsOneClearLine() {
        Cli r = Cli.run(Map.of("MILINK_SQL_PASSWORD", "secret-pw"), "check", "sql01:99999", "--user", "sa");
        assertThat(r.exit()).isEqualTo(2);
        assertThat(r.err()).startsWith("Error [USAGE]: ").contains("'sql01:99999'", "99999 is outside 1-65535");
    }

    @Test
    void noTargetIsUsageError() {
        Cli r = Cli.run("check");
        assertThat(r.exit()).isEqualTo(2);
        assertThat(r.err()).contains("No target");
    }

    @Test
    void unreadablePasswordFileIsUsageError() {
        Cli r = Cli.run("check", "sql01", "--user", "sa", "--password-file", dir.resolve("absent").toString());
        assertThat(r.exit()).isEqualTo(2);
        assertThat(r.err()).contains("Cannot read the password file").contains("no such file");
    }

    @Test
    void worldReadablePasswordFileIsWarned() throws IOException {
        Path file = dir.resolve("pw");
        Files.writeString(file, "from-file-pw\n");
        try {
            Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-r--r--"));
        } catch (UnsupportedOperationException e) {
            return; // not POSIX
        }
        Cli r = Cli.run("check", "sql01:1", "--user", "sa", "--password-file", file.toString(), "--login-timeout", "1");
        assertThat(r.err()).contains("Warning: the password file").contains("chmod 600");
    }

    @Test
    void trustServerCertificateWarnsAboutManInTheMiddle() {
        Cli r = Cli.run(Map.of("MILINK_SQL_PASSWORD", "secret-pw"), "check", "127.0.0.1:1", "--user", "sa",
                "--trust-server-certificate", "--login-timeout", "1");
        assertThat(r.err()).contains("Warning: --trust-server-certificate", "man-in-the-middle", "--trust-store");
    }

    @Test
    void configUnknownKeyIsNamed() throws IOException {
        Cli r = rejectedConfig(Map.of(), "targets: [sql01]\nfail_on: warning\n");
        assertThat(r.err()).startsWith("Error [CONFIG_INVALID]").contains("unknown key 'fail_on'")
                .contains("did you mean 'fail-on'");
    }

    @Test
    void configBadYamlIsOneLine() throws IOException {
        Cli r = rejectedConfig(Map.of(), "targets: [sql01\nuser: : :\n");
        assertThat(r.err()).startsWith("Error [CONFIG_INVALID]: The config file").contains("not valid YAML")
                .doesNotContain("\tat ");
    }

    @Test
    void configSubstitutesEnvironmentVariables() throws IOException {
        Cli r = rejectedConfig(Map.of("SQL_HOST", "sql01.example", "SQL_USER", "alice"),
                "targets: [\"${SQL_HOST}\"]\nauth: sql\nuser: ${SQL_USER}\n");
        // The substituted user reaches the password lookup, which fails without a password: proof enough.
        assertThat(r.err()).contains("No password for 'alice'");
    }

    @Test
    void configUnsetVariableIsNamed() throws IOException {
        Cli r = rejectedConfig(Map.of(), "targets: [\"${SQL_HOST}\"]\n");
        assertThat(r.err()).contains("${SQL_HOST}").contains("SQL_HOST is not set");
    }

    @Test
    void configOutputJsonMakesErrorsJson() throws IOException {
        Cli r = rejectedConfig(Map.of(), "targets: [sql01]\noutput: json\nuser: bob\n");
        assertThat(r.out()).contains("\"code\": \"SECRET_MISSING\"");
    }

    @Test
    void unknownOutputFormatNamesTheValidOnes() {
        Cli r = Cli.run("check", "sql01", "--output", "xml");
        assertThat(r.exit()).isEqualTo(2);
        assertThat(r.err()).contains("Unknown output format 'xml'").contains("text", "json");
    }

    /**
     * {@code milink check --config FILE} with {@code yaml} as the file and {@code env} as the environment, which must
     * end as a usage or configuration error (exit 2).
     */
    private Cli rejectedConfig(Map<String, String> env, String yaml) throws IOException {
        Path cfg = dir.resolve("milink.yaml");
        Files.writeString(cfg, yaml);
        Cli r = Cli.run(env, "check", "--config", cfg.toString());
        assertThat(r.exit()).isEqualTo(2);
        return r;
    }
}
