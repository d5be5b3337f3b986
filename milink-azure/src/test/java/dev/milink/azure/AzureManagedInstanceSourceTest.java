// SPDX-License-Identifier: Apache-2.0
package dev.milink.azure;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.milink.core.error.CoreError;
import dev.milink.core.error.MilinkException;
import dev.milink.core.model.Input;
import dev.milink.core.model.ManagedInstanceFacts;
import dev.milink.sandbox.arm.ArmStandIn;
import dev.milink.sandbox.arm.AzureScenarios;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The engine's MI source: live through each sign-in mode against the stand-in, offline, not given. */
class AzureManagedInstanceSourceTest {
    private static final Clock CLOCK = Clock.fixed(java.time.Instant.parse("2026-03-01T10:00:00Z"),
            java.time.ZoneOffset.UTC);
    private static ArmStandIn arm;

    @BeforeAll
    static void start() throws Exception {
        arm = ArmStandIn.start(AzureScenarios.load("prepared-2022"));
    }

    @AfterAll
    static void stop() {
        arm.close();
    }

    /** What `milink sandbox` hands the CLI: the stand-in's endpoint, trust store and service principal. */
    private static Map<String, String> sandboxEnvironment() {
        Map<String, String> env = new HashMap<>(arm.environment());
        env.put(AzureOptions.ENDPOINT_VARIABLE, arm.baseUrl());
        env.put(AzureOptions.TRUSTSTORE_VARIABLE, arm.trustStore().toString());
        env.put(AzureOptions.TRUSTSTORE_PASSWORD_VARIABLE, arm.trustStorePassword());
        return env;
    }

    private static Input<ManagedInstanceFacts> live(String mode, Map<String, String> env) {
        AzureOptions options = AzureOptions.fromEnvironment("AzureCloud", mode, null, env)
                .retries(0, Duration.ofMillis(5), Duration.ofMillis(5));
        return AzureManagedInstanceSource.select(arm.managedInstanceId(), null, null, null, List.of(),
                () -> ArmConnection.open(options), CLOCK).read();
    }

    @Test
    void defaultAzureCredentialSignsInThroughTheEnvironmentCredential() {
        int before = arm.requestLog().count("POST", "/oauth2/v2.0/token$");

        Input<ManagedInstanceFacts> mi = live(null, sandboxEnvironment());

        assertThat(mi.isPresent()).as(mi.reason()).isTrue();
        assertThat(mi.asOptional().orElseThrow().instance().orElse(null).state()).isEqualTo("Ready");
        assertThat(arm.requestLog().count("POST", "/oauth2/v2.0/token$")).isEqualTo(before + 1);
    }

    @Test
    void aServicePrincipalSecretComesFromAFileNeverArgv(@TempDir Path dir) throws Exception {
        Path secret = Files.writeString(dir.resolve("sp-secret"), arm.clientSecret() + "\n");
        Map<String, String> env = sandboxEnvironment();
        env.remove("AZURE_CLIENT_SECRET");
        AzureOptions options = AzureOptions.fromEnvironment(null, "service-principal", secret, env);

        ManagedInstanceFacts facts = AzureManagedInstanceSource.live(ArmConnection.open(options),
                ManagedInstanceId.parse(arm.managedInstanceId()), CLOCK).read().asOptional().orElseThrow();

        assertThat(facts.permissions().isKnown()).isTrue();
    }

    @Test
    void aFixedTokenFromTheEnvironmentWorksWithoutEntraId() {
        Map<String, String> env = sandboxEnvironment();
        env.put(AzureAuth.TOKEN_VARIABLE, arm.accessToken());
        int before = arm.requestLog().count("POST", "/oauth2/v2.0/token$");

        assertThat(live("token", env).isPresent()).isTrue();
        assertThat(arm.requestLog().count("POST", "/oauth2/v2.0/token$")).isEqualTo(before);
    }

    @Test
    void aWrongSecretStopsEverythingWithoutShowingIt() {
        Map<String, String> env = sandboxEnvironment();
        env.put("AZURE_CLIENT_SECRET", "wrong-secret-value");

        AzureManagedInstanceSource source = AzureManagedInstanceSource.live(ArmConnection.open(
                AzureOptions.fromEnvironment(null, "service-principal", null, env)),
                ManagedInstanceId.parse(arm.managedInstanceId()), CLOCK);
        int before = arm.requestLog().size();

        assertThatThrownBy(source::signIn).isInstanceOf(MilinkException.class);
        assertThat(arm.requestLog().entries().subList(before, arm.requestLog().size()))
                .allMatch(e -> e.path().endsWith("/oauth2/v2.0/token"));
        assertThatThrownBy(() -> live("service-principal", env)).isInstanceOfSatisfying(MilinkException.class, e -> {
            assertThat(e.code()).isEqualTo(AzureError.AZURE_SIGN_IN_FAILED);
            assertThat(e.getMessage()).contains("AADSTS7000215").doesNotContain("wrong-secret-value");
        });
    }

    @Test
    void aMissingTokenOrSecretIsNamed() {
        Map<String, String> env = sandboxEnvironment();
        env.remove("AZURE_CLIENT_SECRET");

        assertThatThrownBy(() -> live("token", env)).hasMessageContaining(AzureAuth.TOKEN_VARIABLE)
                .isInstanceOfSatisfying(MilinkException.class,
                        e -> assertThat(e.code()).isEqualTo(AzureError.AZURE_CREDENTIAL_MISSING));
        assertThatThrownBy(() -> live("service-principal", env)).hasMessageContaining("AZURE_CLIENT_SECRET");
    }

    @Test
    void anUnreachableArmMakesTheInputUnreadable() {
        Map<String, String> env = sandboxEnvironment();
        env.put(AzureOptions.ENDPOINT_VARIABLE, "https://127.0.0.1:1");
        env.put(AzureAuth.TOKEN_VARIABLE, "any");

        Input<ManagedInstanceFacts> mi = live("token", env);

        assertThat(mi).isInstanceOf(Input.Unreadable.class);
        assertThat(mi.reason()).contains("contoso-mi").contains("no answer from https://127.0.0.1:1");
    }

    @Test
    void offlineNotGivenAndConflictingChoices() {
        List<Path> files = List.of(Path.of("src/test/resources/az/mi.json"));

        assertThat(AzureManagedInstanceSource.select(null, null, null, null, files, () -> {
            throw new AssertionError("no connection for offline input");
        }, CLOCK).read().isPresent()).isTrue();
        assertThat(AzureManagedInstanceSource.select(null, null, null, null, List.of(), () -> {
            throw new AssertionError("no connection when nothing is given");
        }, CLOCK).read()).isInstanceOfSatisfying(Input.NotGiven.class,
                n -> assertThat(n.reason()).contains("--mi").contains("--mi-facts"));
        assertThatThrownBy(() -> AzureManagedInstanceSource.select(arm.managedInstanceId(), null, null, null, files,
                () -> null, CLOCK)).isInstanceOfSatisfying(MilinkException.class,
                        e -> assertThat(e.code()).isEqualTo(CoreError.USAGE));
        assertThatThrownBy(() -> AzureManagedInstanceSource.select(null, arm.subscriptionId(), null, "contoso-mi",
                List.of(), () -> null, CLOCK)).hasMessageContaining("missing: resource group");
    }
}
