// SPDX-License-Identifier: Apache-2.0
package dev.milink.engine.inventory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.milink.core.error.MilinkException;
import dev.milink.core.secret.Secret;
import dev.milink.sandbox.catalog.CatalogEngine;
import dev.milink.sandbox.scenario.Scenarios;
import dev.milink.sandbox.server.InstanceDef;
import dev.milink.sandbox.server.SandboxServer;
import dev.milink.sqlserver.connect.Authentication;
import dev.milink.sqlserver.connect.ConnectionSettings;
import dev.milink.sqlserver.connect.SqlTarget;
import java.io.IOException;
import java.util.function.Function;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** A Central Management Server's registered servers, read through the real driver from the sandbox's msdb views. */
class CmsInventoryTest {

    private static SandboxServer sandbox;
    private static int port;

    @BeforeAll
    static void start() throws IOException {
        sandbox = SandboxServer.start(InstanceDef.of("cms",
                CatalogEngine.create(Scenarios.load("central-management"))));
        port = sandbox.instance("cms").port();
    }

    @AfterAll
    static void stop() {
        sandbox.close();
    }

    private static Function<SqlTarget, ConnectionSettings> login(String password) {
        return t -> ConnectionSettings.of(t, new Authentication.SqlLogin("sa", Secret.of(password)))
                .withEncrypt(false);
    }

    @Test
    void everyGroupNestedGroupsAndOddNamesDuplicateDropped() {
        Inventory inv = CmsInventory.read(CmsInventory.parse("cms://localhost," + port), login("Sandbox#2022sa"));
        assertThat(inv.entries()).extracting(e -> e.target().display()).containsExactly(
                "sql01.contoso.local,14330", "sql02.contoso.local\\HR", "sql03.contoso.local",
                "sql04.contoso.local,1533", "sqltest01");
        assertThat(inv.duplicates()).singleElement().asString()
                .contains("Sales again", "same instance", "'Sales'");
        InventoryEntry tokyo = inv.entries().get(3);
        assertThat(tokyo.tags()).containsExactlyInAnyOrder("production", "emea ]'west'", "東京 олимп");
        assertThat(tokyo.origin()).isEqualTo("cms://localhost," + port
                + "/Production/EMEA ]'west'/東京 Олимп 'Kasse 東京'");
        assertThat(inv.entries().get(1).origin()).endsWith("/Production 'HR ]primary['");
    }

    @Test
    void aGroupIncludesItsSubgroupsCaseInsensitiveAndEscaped() {
        Inventory inv = CmsInventory.read(CmsInventory.parse("cms://localhost," + port
                + "/production/EMEA%20%5D'west'"), login("Sandbox#2022sa"));
        assertThat(inv.entries()).extracting(e -> e.target().display())
                .containsExactly("sql03.contoso.local", "SQL01.CONTOSO.LOCAL,14330", "sql04.contoso.local,1533");
        assertThat(inv.withTags(java.util.List.of("東京 Олимп")).entries()).hasSize(1);
    }

    @Test
    void anUnknownGroupListsTheGroups() {
        assertThatThrownBy(() -> CmsInventory.read(CmsInventory.parse("cms://localhost," + port + "/Prod"),
                login("Sandbox#2022sa"))).isInstanceOf(MilinkException.class)
                .hasMessageContaining("no registered server in group 'Prod'")
                .hasMessageContaining("Production/EMEA ]'west'/東京 Олимп");
    }

    @Test
    void aWrongPasswordIsTheDriversLoginErrorWithoutThePassword() {
        assertThatThrownBy(() -> CmsInventory.read(CmsInventory.parse("cms://localhost," + port),
                login("wrong-Password1"))).isInstanceOf(MilinkException.class)
                .hasMessageContaining("localhost:" + port).hasMessageNotContaining("wrong-Password1");
    }

    @Test
    void addressesParse() {
        CmsInventory.Address a = CmsInventory.parse("CMS://cms01\\SHARED,1500/Prod/EMEA");
        assertThat(a.server().display()).isEqualTo("cms01\\SHARED,1500");
        assertThat(a.group()).containsExactly("Prod", "EMEA");
        assertThatThrownBy(() -> CmsInventory.parse("cms:///Prod")).hasMessageContaining("is missing");
    }
}
