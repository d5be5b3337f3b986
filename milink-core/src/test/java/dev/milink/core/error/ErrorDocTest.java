// SPDX-License-Identifier: Apache-2.0
package dev.milink.core.error;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Arrays;
import org.junit.jupiter.api.Test;

class ErrorDocTest {

    enum Sample implements ErrorCode {
        DOCUMENTED(ExitStatus.CONNECT, "the sample failed", "try again");

        Sample(ExitStatus exitStatus, String causedBy, String solution) {
            ErrorDoc.declare(this, exitStatus, causedBy, solution);
        }
    }

    enum Undeclared implements ErrorCode {
        FORGOTTEN
    }

    @Test
    void aConstantReadsBackWhatItsConstructorDeclared() {
        assertThat(Sample.DOCUMENTED.exitStatus()).isEqualTo(ExitStatus.CONNECT);
        assertThat(Sample.DOCUMENTED.causedBy()).isEqualTo("the sample failed");
        assertThat(Sample.DOCUMENTED.solution()).isEqualTo("try again");
        assertThat(ErrorDoc.of(Sample.DOCUMENTED)).isEqualTo(new ErrorDoc(ExitStatus.CONNECT, "the sample failed",
                "try again"));
    }

    @Test
    void aCodeNeverDeclaredIsABugNamedByItsCode() {
        assertThatThrownBy(Undeclared.FORGOTTEN::exitStatus).isInstanceOf(IllegalStateException.class)
                .hasMessage("error code FORGOTTEN was not declared with ErrorDoc.declare");
    }

    @Test
    void aCodeIsDeclaredOnce() {
        assertThatThrownBy(() -> ErrorDoc.declare(Sample.DOCUMENTED, ExitStatus.USAGE, "again", "again"))
                .isInstanceOf(IllegalStateException.class).hasMessage("error code DOCUMENTED is declared twice");
        assertThat(Sample.DOCUMENTED.exitStatus()).isEqualTo(ExitStatus.CONNECT);
    }

    @Test
    void everyCoreCodeIsDocumented() {
        assertThat(Arrays.stream(CoreError.values())).allSatisfy(c -> {
            assertThat(c.causedBy()).isNotBlank();
            assertThat(c.solution()).isNotBlank();
        });
        assertThat(CoreError.INTERNAL.exitStatus()).isEqualTo(ExitStatus.INTERNAL);
        assertThat(CoreError.USAGE.exitStatus()).isEqualTo(ExitStatus.USAGE);
    }
}
