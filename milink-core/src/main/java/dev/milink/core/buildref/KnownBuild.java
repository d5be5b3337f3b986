// SPDX-License-Identifier: Apache-2.0
package dev.milink.core.buildref;

import dev.milink.core.model.SqlVersion;
import java.time.LocalDate;
import java.util.Objects;
import java.util.Optional;

/**
 * One released SQL Server build from the reference data.
 *
 * <pre>{@code
 * KnownBuild cu20 = BuildReferences.bundled().find(SqlVersion.parse("15.0.4312.2")).orElseThrow();
 * cu20.label();      // "CU20 (15.0.4312.2)"
 * cu20.kbUrl();      // Optional[https://support.microsoft.com/help/5024276]
 * }</pre>
 *
 * @param version     ProductVersion of the build
 * @param name        how Microsoft names it within its major version: "CU18", "SP3", "SP3 Azure Connect pack",
 *                    "CU29 + GDR", "RTM"
 * @param kind        release kind
 * @param kb          Knowledge Base number without the "KB" prefix; empty for RTM builds
 * @param releaseDate release date Microsoft gives
 * @param retired     true when Microsoft pulled the build (it still runs in the field)
 * @param note        why it was retired, or where a detail came from; empty when there is nothing to say
 * @since 0.1
 */
public record KnownBuild(SqlVersion version, String name, BuildKind kind, Optional<String> kb, LocalDate releaseDate,
                         boolean retired, String note) {

    public KnownBuild {
        Objects.requireNonNull(version, "version");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(kb, "kb");
        Objects.requireNonNull(releaseDate, "releaseDate");
        note = note == null ? "" : note;
    }

    /** "CU18 (15.0.4261.1)". */
    public String label() {
        return name + " (" + version + ")";
    }

    /** "CU20 (15.0.4312.2, KB5024276)", or the plain label when there is no KB. */
    public String labelWithKb() {
        return kb.map(k -> name + " (" + version + ", KB" + k + ")").orElseGet(this::label);
    }

    /** The Microsoft support page of the update. */
    public Optional<String> kbUrl() {
        return kb.map(k -> "https://support.microsoft.com/help/" + k);
    }
}
