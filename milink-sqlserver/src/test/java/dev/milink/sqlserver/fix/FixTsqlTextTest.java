// SPDX-License-Identifier: Apache-2.0
package dev.milink.sqlserver.fix;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.milink.core.secret.Secret;
import java.util.Map;
import org.junit.jupiter.api.Test;

class FixTsqlTextTest {

    @Test
    void theSkeletonHasNoCommentsLiteralsOrDelimitedIdentifiers() {
        TsqlText t = TsqlText.of("""
                -- never COPY_ONLY
                /* no INIT /* nested FORMAT */ here */
                BACKUP DATABASE [INIT]]x] TO DISK = N'C:\\it''s\\COPY_ONLY.bak' WITH CHECKSUM; SELECT "FORMAT"
                """);
        assertThat(t.skeleton()).doesNotContain("COPY_ONLY", "INIT", "FORMAT")
                .contains("BACKUP DATABASE [x] TO DISK = '' WITH CHECKSUM; SELECT [x]");
        assertThat(t.spans()).filteredOn(s -> s.kind() == TsqlText.Kind.LITERAL).singleElement()
                .satisfies(s -> assertThat(t.literalValue(s)).isEqualTo("C:\\it's\\COPY_ONLY.bak"));
    }

    @Test
    void secretsGoIntoLiteralsEscapedAndNowhereElse() throws Exception {
        Secrets secrets = Secrets.of(Map.of("P", Secret.of("a'b]c$(P)")));
        assertThat(SecretSubstitution.fill("-- uses $(P)\nSELECT N'x$(P)y', '$(P)';", secrets))
                .isEqualTo("-- uses $(P)\nSELECT N'xa''b]c$(P)y', 'a''b]c$(P)';");
        assertThatThrownBy(() -> SecretSubstitution.fill("SELECT [$(P)];", secrets))
                .hasMessageContaining("outside a string literal").hasMessageNotContaining("a'b");
        assertThatThrownBy(() -> SecretSubstitution.fill("SELECT '$(Q)';", secrets))
                .hasMessageContaining("$(Q)");
        assertThat(SecretSubstitution.needed("-- $(A)\nSELECT '$(B)';")).containsExactly("B");
    }

    @Test
    void maskingCoversTheRawAndTheEscapedForm() {
        Secrets secrets = Secrets.of(Map.of("P", Secret.of("it's-long")));
        assertThat(secrets.mask("'it''s-long' and it's-long")).isEqualTo("'****' and ****");
        assertThat(secrets.toString()).isEqualTo("Secrets[P]");
    }
}
