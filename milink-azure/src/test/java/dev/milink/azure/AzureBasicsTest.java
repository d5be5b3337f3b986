// SPDX-License-Identifier: Apache-2.0
package dev.milink.azure;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.milink.core.error.ExitStatus;
import dev.milink.core.error.MilinkException;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Resource ids, clouds and sign-in modes: parsing and clean errors. */
class AzureBasicsTest {
    private static final String SUB = "00000000-1111-2222-3333-444444444444";
    private static final String ID = "/subscriptions/" + SUB + "/resourceGroups/rg-data/providers/Microsoft.Sql/"
            + "managedInstances/contoso-mi";

    @Test
    void aResourceIdParsesCaseInsensitivelyAndRoundTrips() {
        ManagedInstanceId id = ManagedInstanceId.parse("  " + ID.replace("Microsoft.Sql", "microsoft.sql")
                .replace("resourceGroups", "resourcegroups") + "/ ");

        assertThat(id).isEqualTo(new ManagedInstanceId(SUB, "rg-data", "contoso-mi"));
        assertThat(id.resourceId()).isEqualTo(ID);
        assertThat(ManagedInstanceId.of(SUB, "rg-data", "contoso-mi")).isEqualTo(id);
    }

    @ParameterizedTest
    @ValueSource(strings = {"contoso-mi", "/subscriptions/not-a-guid/resourceGroups/rg/providers/Microsoft.Sql/"
            + "managedInstances/mi", "/subscriptions/" + SUB + "/resourceGroups/rg/providers/Microsoft.Sql/servers/s",
            "/subscriptions/" + SUB + "/resourceGroups/rg/providers/Microsoft.Sql/managedInstances/-bad-", ""})
    void aBadResourceIdIsAOneLineUsageError(String text) {
        assertThatThrownBy(() -> ManagedInstanceId.parse(text)).isInstanceOfSatisfying(MilinkException.class, e -> {
            assertThat(e.code()).isEqualTo(AzureError.AZURE_RESOURCE_ID_INVALID);
            assertThat(e.code().exitStatus()).isEqualTo(ExitStatus.USAGE);
            assertThat(e.getMessage()).startsWith("Invalid managed instance: ").doesNotContain("\n");
        });
    }

    @Test
    void aBareNameHintsAtTheOtherParts() {
        assertThatThrownBy(() -> ManagedInstanceId.parse("contoso-mi")).hasMessageContaining("--subscription");
    }

    @Test
    void eachCloudHasItsOwnEndpoints() {
        assertThat(AzureCloud.parse("AzureCloud").endpoints().resourceManager())
                .isEqualTo("https://management.azure.com");
        assertThat(AzureCloud.parse("azureusgovernment").endpoints().resourceManager())
                .isEqualTo("https://management.usgovcloudapi.net");
        assertThat(AzureCloud.parse("AZURE_CHINA_CLOUD").endpoints().authorityHost())
                .isEqualTo("https://login.chinacloudapi.cn/");
        assertThat(AzureCloud.AZURE_US_GOVERNMENT.endpoints().scope())
                .isEqualTo("https://management.core.usgovcloudapi.net//.default");
        assertThat(AzureCloud.AZURE_CLOUD.endpoints().scope())
                .isEqualTo("https://management.core.windows.net//.default");
    }

    @Test
    void anUnknownCloudOrModeIsAUsageError() {
        assertThatThrownBy(() -> AzureCloud.parse("AzureGermanCloud")).isInstanceOfSatisfying(MilinkException.class,
                e -> assertThat(e.code()).isEqualTo(AzureError.AZURE_CLOUD_UNKNOWN))
                .hasMessageContaining("AzureCloud, AzureUSGovernment, AzureChinaCloud");
        assertThatThrownBy(() -> AzureOptions.fromEnvironment(null, "password", null, Map.of()))
                .hasMessageContaining("cli, workload-identity, token");
    }

    @Test
    void anArmEndpointMustBeHttps() {
        assertThatThrownBy(() -> AzureOptions.fromEnvironment(null, null, null,
                Map.of(AzureOptions.ENDPOINT_VARIABLE, "http://127.0.0.1:8080")))
                .hasMessageContaining("must be https");
    }

    @Test
    void aLazyConnectionIsOpenedOnceAndShared() {
        var shared = ArmConnection.lazily(AzureOptions.defaults().auth(AzureAuth.of(AzureAuth.Mode.ACCESS_TOKEN))
                .environment(Map.of(AzureAuth.TOKEN_VARIABLE, "t")));

        assertThat(shared.get()).isSameAs(shared.get());
    }

    @Test
    void everyErrorCodeSaysWhatCausesItAndWhatToDo() {
        for (AzureError e : AzureError.values()) {
            assertThat(e.causedBy()).as(e.name()).isNotBlank();
            assertThat(e.solution()).as(e.name()).isNotBlank();
        }
    }
}
