// SPDX-License-Identifier: Apache-2.0
package dev.milink.cli;

import dev.milink.azure.ArmEndpoints;
import dev.milink.azure.AzureAuth;
import dev.milink.azure.AzureCloud;
import dev.milink.azure.AzureOptions;
import dev.milink.core.error.CoreError;
import dev.milink.core.error.MilinkException;
import dev.milink.sandbox.arm.ArmStandIn;
import dev.milink.sandbox.arm.AzureScenario;
import dev.milink.sandbox.arm.AzureScenarios;
import dev.milink.sandbox.arm.SandboxEstate;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Both ends of a sandbox link for {@code milink demo} and {@code milink sandbox}: the SQL Server stand-in and the
 * ARM stand-in of one Azure scenario (a shipped name, or a user's YAML file with both ends), and how milink reaches
 * the Azure end: the stand-in's endpoint, its service principal against its own token endpoint (instance discovery
 * off, because the authority is not Microsoft Entra's) and the sandbox certificate as the only trusted root.
 */
final class SandboxLink implements AutoCloseable {

    private final String scenario;
    private final SandboxEstate estate;

    private SandboxLink(String scenario, SandboxEstate estate) {
        this.scenario = scenario;
        this.estate = estate;
    }

    /** Whether {@code scenario} names an Azure scenario: a shipped one or a YAML file. */
    static boolean isLink(String scenario) {
        return AzureScenarios.names().contains(scenario) || isFile(scenario);
    }

    private static boolean isFile(String scenario) {
        String s = scenario.toLowerCase(Locale.ROOT);
        return s.endsWith(".yaml") || s.endsWith(".yml") || Files.isRegularFile(Path.of(scenario));
    }

    static SandboxLink start(String scenario) {
        AzureScenario s;
        try {
            s = isFile(scenario) ? AzureScenarios.fromYaml(Path.of(scenario)) : AzureScenarios.load(scenario);
        } catch (IllegalArgumentException | UncheckedIOException e) {
            throw new MilinkException(CoreError.USAGE, "Cannot use sandbox scenario " + scenario + ": "
                    + oneLine(e.getMessage()) + " (format: docs/sandbox.md, \"Azure scenario YAML\").");
        }
        try {
            return new SandboxLink(s.name == null ? scenario : s.name, SandboxEstate.start(s));
        } catch (IOException e) {
            throw new MilinkException(CoreError.USAGE, "Cannot start the sandbox: " + e.getMessage() + ".", e);
        }
    }

    String scenario() {
        return scenario;
    }

    ArmStandIn arm() {
        return estate.arm();
    }

    /** The SQL Server end and its login, or null for an Azure-only scenario. */
    SandboxFleet.Member sql() {
        return estate.sql() == null ? null : SandboxFleet.member(scenario, estate.sql(), estate.arm().sqlScenario());
    }

    /** Where SQL Server's traffic comes from, as the scenario's NSG sees it. */
    List<String> sqlServerAddresses() {
        return List.copyOf(estate.arm().scenario().link.sqlServerAddresses);
    }

    /** In-process options: the stand-in's endpoint and token endpoint, trusting the sandbox certificate only. */
    AzureOptions options() {
        ArmStandIn arm = estate.arm();
        return AzureOptions.defaults()
                .endpoints(ArmEndpoints.custom(arm.baseUrl(), AzureCloud.AZURE_CLOUD.endpoints().scope()))
                .auth(AzureAuth.of(AzureAuth.Mode.SERVICE_PRINCIPAL))
                .sslContext(ArmStandIn.clientSslContext()).environment(new HashMap<>(arm.environment()));
    }

    /** The environment a separate {@code milink check --mi …} needs to reach this stand-in the same way. */
    Map<String, String> environment() {
        ArmStandIn arm = estate.arm();
        Map<String, String> env = new LinkedHashMap<>();
        env.put(AzureOptions.ENDPOINT_VARIABLE, arm.baseUrl());
        env.put(AzureOptions.TRUSTSTORE_VARIABLE, arm.trustStore().toString());
        env.put(AzureOptions.TRUSTSTORE_PASSWORD_VARIABLE, arm.trustStorePassword());
        env.put("AZURE_TENANT_ID", arm.tenantId());
        env.put("AZURE_CLIENT_ID", arm.clientId());
        env.put("AZURE_CLIENT_SECRET", arm.clientSecret());
        return env;
    }

    @Override
    public void close() {
        estate.close();
    }

    private static String oneLine(String s) {
        return s == null ? "" : s.lines().findFirst().orElse("").strip();
    }
}
