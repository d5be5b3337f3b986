// SPDX-License-Identifier: Apache-2.0
package dev.milink.sqlserver.fix;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.milink.core.error.MilinkException;
import dev.milink.core.secret.Secret;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FixDmkPasswordTest {

    @TempDir
    Path dir;

    @Test
    void generatedPasswordsAreLongComplexUniqueAndNeedNoEscaping() {
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < 200; i++) {
            String p = DmkPasswords.generate().reveal();
            assertThat(p).hasSize(DmkPasswords.LENGTH).doesNotContain("'", "\"", "$", "(", ")", "[", "]", "\\", ";",
                    " ", "`", "{", "}");
            assertThat(p.chars().filter(Character::isUpperCase).count()).isGreaterThanOrEqualTo(2);
            assertThat(p.chars().filter(Character::isLowerCase).count()).isGreaterThanOrEqualTo(2);
            assertThat(p.chars().filter(Character::isDigit).count()).isGreaterThanOrEqualTo(2);
            assertThat(p.chars().filter(c -> !Character.isLetterOrDigit(c)).count()).isGreaterThanOrEqualTo(2);
            assertThat(DmkPasswords.weakness(Secret.of(p))).isEmpty();
            seen.add(p);
        }
        assertThat(seen).hasSize(200);
    }

    @Test
    void weakPasswordsAreNamedWithoutShowingThem() {
        assertThat(DmkPasswords.weakness(Secret.of("Ab1!"))).hasValue("it has fewer than 8 characters");
        assertThat(DmkPasswords.weakness(Secret.of("alllowercase"))).get().asString().doesNotContain("alllowercase");
        assertThat(DmkPasswords.weakness(Secret.of("lower-and-1-digit"))).isEmpty();
    }

    @Test
    void theSecretFileIsCreatedReadableByItsOwnerOnlyAndNeverOverwritten() throws Exception {
        Secret s = DmkPasswords.generate();
        Path file = SecretFiles.writeOwnerOnly(dir.resolve("sub/dmk.txt"), s);

        assertThat(Files.readString(file).strip()).isEqualTo(s.reveal());
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-------");
        assertThatThrownBy(() -> SecretFiles.writeOwnerOnly(file, DmkPasswords.generate()))
                .isInstanceOf(MilinkException.class).hasMessageContaining("exists already")
                .hasMessageNotContaining(s.reveal());
        assertThat(Files.readString(file).strip()).isEqualTo(s.reveal());
    }
}
