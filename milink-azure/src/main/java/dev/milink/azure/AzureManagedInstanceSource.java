// SPDX-License-Identifier: Apache-2.0
package dev.milink.azure;

import dev.milink.core.error.CoreError;
import dev.milink.core.error.MilinkException;
import dev.milink.core.model.Fact;
import dev.milink.core.model.Input;
import dev.milink.core.model.ManagedInstanceFacts;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Objects;
import java.util.function.Supplier;
import java.util.stream.Stream;

/**
 * The managed instance end of a link, for the engine: live through Azure Resource Manager ({@code --mi}), offline
 * from saved az output ({@code --mi-facts}), or not given. {@link #read()} returns the {@code Input} the checks
 * see: Present, NotGiven (checks that need the MI are SKIPPED) or Unreadable (they are UNKNOWN).
 *
 * <pre>{@code
 * ArmConnection arm = ArmConnection.open(AzureOptions.fromEnvironment("AzureCloud", "default", System.getenv()));
 * Input<ManagedInstanceFacts> mi = AzureManagedInstanceSource.live(arm, ManagedInstanceId.parse(id), clock).read();
 * Input<ManagedInstanceFacts> saved = AzureManagedInstanceSource.offline(List.of(Path.of("mi.json")), clock).read();
 * }</pre>
 *
 * <p>Failures that stop everything are thrown as {@link MilinkException}: no credential, sign-in refused
 * ({@link AzureError}), unreadable or unrecognised files. A single read that fails is an unknown fact inside
 * Present facts; when not one part could be read (the MI does not exist, ARM cannot be reached) the input is
 * Unreadable with the instance's reason.
 *
 * @since 0.2
 */
public final class AzureManagedInstanceSource implements Supplier<Input<ManagedInstanceFacts>> {
    private final Supplier<Input<ManagedInstanceFacts>> reader;
    private final Runnable signIn;
    private final String description;

    private AzureManagedInstanceSource(Supplier<Input<ManagedInstanceFacts>> reader, Runnable signIn,
                                       String description) {
        this.reader = reader;
        this.signIn = signIn;
        this.description = description;
    }

    /** No managed instance named: checks that need it are skipped, saying how to name one. */
    public static AzureManagedInstanceSource notGiven() {
        return new AzureManagedInstanceSource(() -> Input.notGiven("no managed instance given: name it with --mi "
                + "(resource id), or give saved az output with --mi-facts"), () -> { }, "managed instance not given");
    }

    /** Reads {@code id} through {@code arm} (which a fleet shares) when {@link #read()} is called. */
    public static AzureManagedInstanceSource live(ArmConnection arm, ManagedInstanceId id, Clock clock) {
        Objects.requireNonNull(arm, "arm");
        Objects.requireNonNull(id, "id");
        AzureCollector collector = new AzureCollector(arm, clock);
        return new AzureManagedInstanceSource(() -> {
            arm.signIn();
            return judged(collector.collect(id));
        }, arm::signIn, id.name() + " through Azure Resource Manager (" + arm.endpoints().resourceManager() + ")");
    }

    /** Reads saved az / REST output (see {@link AzureOfflineFacts}) when {@link #read()} is called. */
    public static AzureManagedInstanceSource offline(List<Path> files, Clock clock) {
        List<Path> copy = List.copyOf(files);
        return new AzureManagedInstanceSource(() -> Input.of(AzureOfflineFacts.read(copy, clock)), () -> { },
                "managed instance from " + copy.size() + " saved file(s)");
    }

    /**
     * The source the options ask for, for the CLI and config file: {@code miFacts} (offline), else {@code mi} or
     * subscription + resource group + name (live; the connection is opened only then), else not given.
     *
     * @param mi            {@code --mi}: a full resource id, or null
     * @param subscription  config {@code azure.subscription}, or null
     * @param resourceGroup config {@code azure.resourceGroup}, or null
     * @param name          config {@code azure.managedInstance}, or null
     * @param miFacts       {@code --mi-facts} files, empty when none
     * @param connection    opens the shared connection when a live source is chosen
     * @throws MilinkException USAGE when both {@code --mi} and {@code --mi-facts} are given;
     *                         AZURE_RESOURCE_ID_INVALID for a bad id or an incomplete triple
     */
    public static AzureManagedInstanceSource select(String mi, String subscription, String resourceGroup,
                                                    String name, List<Path> miFacts,
                                                    Supplier<ArmConnection> connection, Clock clock) {
        boolean live = given(mi)
                || Stream.of(subscription, resourceGroup, name).anyMatch(AzureManagedInstanceSource::given);
        if (!miFacts.isEmpty()) {
            if (given(mi)) {
                throw new MilinkException(CoreError.USAGE, "Give the managed instance either live (--mi) or as "
                        + "saved output (--mi-facts), not both.");
            }
            return offline(miFacts, clock);
        }
        if (!live) {
            return notGiven();
        }
        ManagedInstanceId id = given(mi) ? ManagedInstanceId.parse(mi)
                : ManagedInstanceId.of(subscription, resourceGroup, name);
        return live(connection.get(), id, clock);
    }

    /**
     * Signs in now (live sources; nothing for the others), so that a missing or refused credential stops the run
     * before anything is read, even where the caller of {@link #read()} would turn exceptions into an unreadable
     * input.
     *
     * @throws MilinkException AZURE_CREDENTIAL_UNAVAILABLE or AZURE_SIGN_IN_FAILED
     */
    public void signIn() {
        signIn.run();
    }

    /** Reads the managed instance (each call reads again). */
    public Input<ManagedInstanceFacts> read() {
        return reader.get();
    }

    @Override
    public Input<ManagedInstanceFacts> get() {
        return read();
    }

    /** For progress lines: where the managed instance comes from. */
    public String description() {
        return description;
    }

    @Override
    public String toString() {
        return description;
    }

    /** Present, unless not one part could be read: then Unreadable with the instance's reason. */
    static Input<ManagedInstanceFacts> judged(ManagedInstanceFacts f) {
        boolean nothing = Stream.<Fact<?>>of(f.instance(), f.databases(), f.trustCertificates(),
                f.endpointCertificate(), f.links(), f.failoverGroups(), f.encryptionProtector(), f.subnet(),
                f.networkSecurityGroup(), f.routeTable(), f.permissions()).noneMatch(Fact::isKnown);
        return nothing ? Input.unreadable("managed instance " + f.name() + ": " + f.instance().reason())
                : Input.of(f);
    }

    private static boolean given(String s) {
        return s != null && !s.isBlank();
    }
}
