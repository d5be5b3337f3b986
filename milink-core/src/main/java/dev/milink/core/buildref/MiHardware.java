// SPDX-License-Identifier: Apache-2.0
package dev.milink.core.buildref;

import com.fasterxml.jackson.databind.JsonNode;
import dev.milink.core.internal.Json;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Memory of a managed instance by hardware generation, from the bundled {@value #RESOURCE} (Microsoft's resource
 * limits page; the file names its sources and when they were read). The generation is the part of
 * {@code sku.name} after the tier: {@code GP_Gen5}, {@code BC_G8IM}, {@code GP_G8IH}.
 *
 * @since 0.2
 */
public final class MiHardware {

    public static final String RESOURCE = "buildref/mi-hardware.json";

    private static final List<Generation> GENERATIONS = load();
    private static final String SOURCE = GENERATIONS.isEmpty() ? "" : GENERATIONS.getFirst().source();

    private MiHardware() {
    }

    /**
     * A hardware generation.
     *
     * @param family           the SKU suffix, e.g. Gen5, G8IM
     * @param name             Microsoft's name, e.g. "premium-series"
     * @param memoryGbPerVCore memory per vCore
     * @param maxMemoryGb      the generation's most memory
     * @param source           where the numbers come from, with the date they were read
     */
    public record Generation(String family, String name, double memoryGbPerVCore, double maxMemoryGb,
                             String source) {

        /** Memory of an instance with {@code vCores}: the ratio times the vCores, at most the maximum. */
        public double memoryGb(int vCores) {
            return Math.min(Math.round(vCores * memoryGbPerVCore * 10) / 10.0, maxMemoryGb);
        }
    }

    /** The generation of {@code skuName} (e.g. GP_Gen5), empty when the name or its generation is not known. */
    public static Optional<Generation> of(String skuName) {
        if (skuName == null || skuName.indexOf('_') < 0) {
            return Optional.empty();
        }
        String family = skuName.substring(skuName.lastIndexOf('_') + 1).toLowerCase(Locale.ROOT);
        return GENERATIONS.stream().filter(g -> g.family().toLowerCase(Locale.ROOT).equals(family)).findFirst();
    }

    /** The generations known, with their source. */
    public static List<Generation> all() {
        return GENERATIONS;
    }

    /** Where the numbers come from, and when they were read. */
    public static String source() {
        return SOURCE;
    }

    private static List<Generation> load() {
        try (InputStream in = MiHardware.class.getClassLoader().getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException(RESOURCE + " is missing from milink-core");
            }
            JsonNode root = Json.mapper().readTree(in);
            String source = root.path("sources").path(0).asText("") + " (retrieved "
                    + root.path("retrieved").asText("?") + ")";
            List<Generation> out = new ArrayList<>();
            for (JsonNode f : root.path("families")) {
                out.add(new Generation(f.path("family").asText(), f.path("name").asText(),
                        f.path("memoryGbPerVCore").asDouble(), f.path("maxMemoryGb").asDouble(), source));
            }
            return List.copyOf(out);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + RESOURCE, e);
        }
    }
}
