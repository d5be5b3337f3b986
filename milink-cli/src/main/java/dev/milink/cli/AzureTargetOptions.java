// SPDX-License-Identifier: Apache-2.0
package dev.milink.cli;

import dev.milink.azure.ArmConnection;
import dev.milink.azure.AzureAuth;
import dev.milink.azure.AzureManagedInstanceSource;
import dev.milink.azure.AzureOptions;
import dev.milink.core.error.CoreError;
import dev.milink.core.error.MilinkException;
import dev.milink.engine.AssessmentRequest;
import dev.milink.engine.ManagedInstanceSource;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Supplier;
import dev.milink.cli.options.AzureSignInOptions;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * The managed-instance end of the link for {@code check} and {@code fix}: {@code --mi} (or subscription, resource
 * group and name) read live through Azure Resource Manager, or {@code --mi-facts} (saved {@code az} output); the
 * cloud and the Azure sign-in. No secret is an option: a client secret comes from {@code AZURE_CLIENT_SECRET} or
 * {@code --azure-client-secret-file}. Command-line values win over the config file's keys of the same names.
 */
final class AzureTargetOptions {

    @Option(names = "--mi", paramLabel = "RESOURCE-ID", descriptionKey = "mi")
    String mi;

    @Option(names = "--mi-subscription", paramLabel = "ID", descriptionKey = "mi-subscription")
    String subscription;

    @Option(names = "--mi-resource-group", paramLabel = "NAME", descriptionKey = "mi-resource-group")
    String resourceGroup;

    @Option(names = "--mi-name", paramLabel = "NAME", descriptionKey = "mi-name")
    String name;

    @Option(names = "--mi-facts", paramLabel = "FILE", arity = "1..*", descriptionKey = "mi-facts")
    List<Path> miFacts = new ArrayList<>();

    @Mixin
    AzureSignInOptions signIn;

    @Option(names = "--azure-tenant-id", paramLabel = "ID", descriptionKey = "azure-tenant-id")
    String tenantId;

    @Option(names = "--azure-client-id", paramLabel = "ID", descriptionKey = "azure-client-id")
    String clientId;

    @Option(names = "--azure-client-secret-file", paramLabel = "FILE", descriptionKey = "azure-client-secret-file")
    Path clientSecretFile;

    /** The run's managed-instance end, with the one connection it (and a fix's ARM steps) share. */
    record ManagedInstance(AzureManagedInstanceSource source, Supplier<ArmConnection> arm, boolean live,
                           boolean given) {
    }

    /**
     * The managed-instance end the options and config ask for; the ARM connection is opened (and signed in) only
     * when it is read live, once for the whole run (a fleet shares one pipeline and one credential).
     */
    ManagedInstance managedInstance(MilinkConfig cfg, Invocation inv, Clock clock) {
        MilinkConfig.Azure c = cfg.azure();
        boolean cliNamesOne = given(mi) || given(subscription) || given(resourceGroup) || given(name);
        List<Path> files = !miFacts.isEmpty() ? miFacts : cliNamesOne ? List.of() : c.miFacts();
        String id = cliNamesOne ? mi : c.mi();
        String sub = cliNamesOne ? subscription : c.subscription();
        String rg = cliNamesOne ? resourceGroup : c.resourceGroup();
        String n = cliNamesOne ? name : c.name();
        if (!miFacts.isEmpty() && cliNamesOne) {
            throw new MilinkException(CoreError.USAGE, "Give the managed instance either live (--mi) or as saved "
                    + "output (--mi-facts), not both.");
        }
        if (given(id) && (given(sub) || given(rg) || given(n))) {
            throw new MilinkException(CoreError.USAGE, "Name the managed instance either by --mi RESOURCE-ID or by "
                    + "--mi-subscription, --mi-resource-group and --mi-name, not both.");
        }
        Supplier<ArmConnection> arm = ArmConnection.lazily(options(c, inv));
        AzureManagedInstanceSource source = AzureManagedInstanceSource.select(id, sub, rg, n, files, arm, clock);
        boolean live = files.isEmpty() && (given(id) || given(sub) || given(rg) || given(n));
        return new ManagedInstance(source, arm, live, live || !files.isEmpty());
    }

    /**
     * Inventory rows that name their own managed instance ({@code mi}): each is read live with the run's one ARM
     * connection (one pipeline, one credential, signed in once before anything is read), once per distinct
     * resource id, and judged with that row's SQL Server. Rows without one keep the run's {@code --mi}, if any.
     */
    AssessmentRequest perRow(AssessmentRequest request, Map<String, String> byLabel, ManagedInstance run,
                             Clock clock) {
        Map<String, ManagedInstanceSource> byId = new HashMap<>();
        AssessmentRequest out = request;
        for (Map.Entry<String, String> row : byLabel.entrySet()) {
            ManagedInstanceSource source = byId.computeIfAbsent(row.getValue().toLowerCase(Locale.ROOT), k -> {
                AzureManagedInstanceSource s;
                try {
                    s = AzureManagedInstanceSource.select(row.getValue(), null, null, null, List.of(), run.arm(),
                            clock);
                } catch (MilinkException e) {
                    throw new MilinkException(e.code(), "The inventory's mi for " + row.getKey() + ": "
                            + e.getMessage(), e);
                }
                if (byId.isEmpty()) {
                    s.signIn(); // the shared credential: a missing or refused one stops the run before any read
                }
                return s::read;
            });
            out = out.withManagedInstanceFor(row.getKey(), source);
        }
        return out;
    }

    private AzureOptions options(MilinkConfig.Azure c, Invocation inv) {
        AzureOptions o = signIn.options(c.cloud(), c.auth(),
                clientSecretFile != null ? clientSecretFile : c.clientSecretFile(), inv.env().variables());
        String tenant = first(tenantId, c.tenantId());
        String client = first(clientId, c.clientId());
        if (tenant != null || client != null) {
            AzureAuth a = o.auth();
            o = o.auth(new AzureAuth(a.mode(), tenant, client, a.clientSecretFile()));
        }
        return o;
    }

    private static String first(String cli, String config) {
        return given(cli) ? cli : config;
    }

    private static boolean given(String s) {
        return s != null && !s.isBlank();
    }
}
