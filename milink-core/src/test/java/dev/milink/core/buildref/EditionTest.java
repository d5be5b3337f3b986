// SPDX-License-Identifier: Apache-2.0
package dev.milink.core.buildref;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class EditionTest {

    @Test
    void theEditionTextDecidesInPrecedenceOrder() {
        assertThat(Edition.of("Enterprise Edition: Core-based Licensing (64-bit)", 3)).isEqualTo(Edition.ENTERPRISE);
        assertThat(Edition.of("Enterprise Evaluation Edition (64-bit)", 3)).isEqualTo(Edition.EVALUATION);
        assertThat(Edition.of("Standard Developer Edition (64-bit)", 2)).isEqualTo(Edition.DEVELOPER);
        assertThat(Edition.of("Enterprise Developer Edition (64-bit)", 3)).isEqualTo(Edition.DEVELOPER);
        assertThat(Edition.of("Standard Edition (64-bit)", 2)).isEqualTo(Edition.STANDARD);
        assertThat(Edition.of("Express Edition with Advanced Services (64-bit)", 4)).isEqualTo(Edition.EXPRESS);
        assertThat(Edition.of("Web Edition (64-bit)", 2)).isEqualTo(Edition.WEB);
        assertThat(Edition.of("Azure SQL Edge", 9)).isEqualTo(Edition.OTHER);
    }

    @Test
    void withoutTextTheEngineEditionDecides() {
        assertThat(Edition.of(null, 2)).isEqualTo(Edition.STANDARD);
        assertThat(Edition.of("", 3)).isEqualTo(Edition.ENTERPRISE);
        assertThat(Edition.of(" ", 4)).isEqualTo(Edition.EXPRESS);
        assertThat(Edition.of(null, 8)).isEqualTo(Edition.OTHER);
    }
}
