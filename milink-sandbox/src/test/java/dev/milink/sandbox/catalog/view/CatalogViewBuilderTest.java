// SPDX-License-Identifier: Apache-2.0
package dev.milink.sandbox.catalog.view;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.milink.sandbox.engine.SqlType;
import dev.milink.sandbox.scenario.Scenarios;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Column lists written as the documentation lists them. */
class CatalogViewBuilderTest {

    @Test
    void columnsAreReadWithTheirTypesAndVersions() {
        CatalogView v = CatalogView.builder("sys", "example", CatalogView.Scope.SERVER)
                .columns("""
                        name sysname, lsn numeric(25,0), text nvarchar(max), flag char(1),
                        sid varbinary(85), ledger bit since 16
                        """)
                .oneRow(ctx -> null);
        assertThat(v.columns()).extracting(CatalogView.ViewColumn::type).containsExactly(SqlType.nvarchar(128),
                SqlType.decimal(25, 0), SqlType.NVARCHAR_MAX, SqlType.nvarchar(1), SqlType.varbinary(85), SqlType.BIT);
        List<String> on2019 = v.columnsFor(Scenarios.load("unprepared-2019")).stream()
                .map(CatalogView.ViewColumn::name).toList();
        List<String> on2022 = v.columnsFor(Scenarios.load("prepared-2022")).stream()
                .map(CatalogView.ViewColumn::name).toList();
        assertThat(on2019).doesNotContain("ledger");
        assertThat(on2022).endsWith("ledger");
    }

    @Test
    void aMistakeInAColumnListFailsNamingTheView() {
        assertThatThrownBy(() -> CatalogView.builder("sys", "broken", CatalogView.Scope.SERVER)
                .columns("name sysname, database_id"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("broken")
                .hasMessageContaining("database_id");
        assertThatThrownBy(() -> Types.parse("money")).hasMessageContaining("money");
    }
}
