// SPDX-License-Identifier: Apache-2.0
package dev.milink.engine.fix;

import dev.milink.core.error.CoreError;
import dev.milink.core.error.MilinkException;
import dev.milink.core.secret.Secret;
import dev.milink.sqlserver.fix.DmkPasswords;
import dev.milink.sqlserver.fix.SecretFiles;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;

/**
 * Where the database master key password comes from, in this order: the environment variable
 * {@value DmkPasswords#VARIABLE}; a no-echo prompt (typed twice; Enter alone generates one); otherwise a generated
 * password, written to a file only its owner can read, whose path (never the password) is printed.
 */
final class DmkPasswordSource {

    private DmkPasswordSource() {
    }

    /**
     * @param generatedFile where a generated password goes
     * @param reuse         {@code generatedFile} was named by the user ({@code --dmk-password-file}): when it exists,
     *                      it holds the password of an earlier run whose master key step did not complete, and
     *                      that password is used again rather than refusing to overwrite the file
     */
    static Secret resolve(FixTerminal terminal, Path generatedFile, boolean reuse) {
        var fromEnv = terminal.env(DmkPasswords.VARIABLE);
        if (fromEnv.isPresent()) {
            Secret s = Secret.of(fromEnv.get());
            terminal.remember(s);
            DmkPasswords.weakness(s).ifPresent(w -> {
                throw new MilinkException(CoreError.SECRET_MISSING, "The password in " + DmkPasswords.VARIABLE
                        + " would be rejected by SQL Server: " + w + ". Unset it to let milink generate one.");
            });
            if (s.reveal().contains("$(")) {
                throw new MilinkException(CoreError.SECRET_MISSING, "The password in " + DmkPasswords.VARIABLE
                        + " contains '$(', which sqlcmd would read as a variable; choose another.");
            }
            return s;
        }
        if (terminal.interactive()) {
            char[] typed = terminal.readPassword("Password for the new database master key (Enter to generate one): ");
            if (typed != null && typed.length > 0) {
                Secret s = Secret.of(typed);
                terminal.remember(s);
                char[] again = terminal.readPassword("Type it again: ");
                boolean same = again != null && Arrays.equals(typed, again);
                Arrays.fill(typed, '\0');
                if (again != null) {
                    Arrays.fill(again, '\0');
                }
                if (!same) {
                    throw new MilinkException(CoreError.SECRET_MISSING, "The two passwords differ; nothing was changed.");
                }
                DmkPasswords.weakness(s).ifPresent(w -> {
                    throw new MilinkException(CoreError.SECRET_MISSING, "SQL Server would reject that password: "
                            + w + ". Nothing was changed.");
                });
                return s;
            }
        }
        if (reuse && Files.isRegularFile(generatedFile)) {
            Secret s = SecretFiles.read(generatedFile);
            terminal.remember(s);
            DmkPasswords.weakness(s).ifPresent(w -> {
                throw new MilinkException(CoreError.SECRET_MISSING, "The password in " + generatedFile.toAbsolutePath()
                        + " would be rejected by SQL Server: " + w + ". Move the file away to let milink generate"
                        + " one.");
            });
            terminal.out().println("Using the database master key password saved in "
                    + generatedFile.toAbsolutePath() + " by an earlier run (its master key step had not completed).");
            return s;
        }
        Secret generated = DmkPasswords.generate();
        terminal.remember(generated);
        Path file = SecretFiles.writeOwnerOnly(generatedFile, generated);
        terminal.out().println("Generated a " + DmkPasswords.LENGTH + "-character password for the database master key"
                + " and saved it to " + file + " (readable only by you). Move it into your password vault; SQL"
                + " Server needs it to restore the master key elsewhere.");
        return generated;
    }
}
