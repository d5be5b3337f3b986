// SPDX-License-Identifier: Apache-2.0
package dev.milink.sandbox.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class CatalogSmokeTest {
    @Test
    void basics() {
        try (Sandbox sb = Sandbox.of("unprepared-2019")) {
            CollectingSink s = sb.run("SELECT name, database_id, recovery_model_desc, state_desc FROM sys.databases ORDER BY database_id");
            for (Object[] r : s.only().rows()) {
                System.out.println(java.util.Arrays.toString(r));
            }
            System.out.println(sb.run("SELECT @@VERSION").scalar());
            System.out.println(sb.run("SELECT SERVERPROPERTY('ProductVersion') AS v, CAST(SERVERPROPERTY('IsHadrEnabled') AS int) h").only().rows().get(0)[1]);
            assertThat(sb.run("SELECT nosuch FROM sys.databases").errorNumbers()).containsExactly(207);
        }
    }
}
