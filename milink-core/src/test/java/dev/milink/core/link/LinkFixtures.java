// SPDX-License-Identifier: Apache-2.0
package dev.milink.core.link;

import dev.milink.core.link.LinkObservation.End;
import dev.milink.core.link.LinkObservation.LinkError;
import dev.milink.core.link.LinkObservation.Seeding;
import dev.milink.core.model.SqlVersion;
import dev.milink.core.testing.TestMi;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** Observed links for the planner and health tests. */
final class LinkFixtures {

    static final Instant NOW = Instant.parse("2026-06-01T00:00:00Z");
    static final LinkNames SALES = LinkNames.of("Sales", null, false);

    private LinkFixtures() {
    }

    static End end(String role) {
        return new End(role, "CONNECTED", "HEALTHY", "SYNCHRONIZING", "42000000001", 0L, 0L, Optional.empty(),
                Optional.empty(), "Cert_SQL01_endpoint", Instant.parse("2030-01-01T00:00:00Z"), null);
    }

    static End seeding(End e) {
        return new End(e.role(), e.connectedState(), "NOT_HEALTHY", "CreatingLink", e.lastHardenedLsn(), null, null,
                Optional.of(new Seeding(10L << 30, 4L << 30, 12.5 * (1 << 20), null)), Optional.empty(),
                e.certificateName(), e.certificateExpiry(), e.fullBackupTaken());
    }

    static End withError(End e, int number) {
        return new End(e.role(), e.connectedState(), e.synchronizationHealth(), e.state(), e.lastHardenedLsn(),
                e.sendLagSeconds(), e.redoLagSeconds(), e.seeding(),
                Optional.of(new LinkError(number, "error " + number, NOW.minusSeconds(60))), e.certificateName(),
                e.certificateExpiry(), e.fullBackupTaken());
    }

    static End backup(End e, Boolean taken) {
        return new End(e.role(), e.connectedState(), e.synchronizationHealth(), e.state(), e.lastHardenedLsn(),
                e.sendLagSeconds(), e.redoLagSeconds(), e.seeding(), e.lastError(), e.certificateName(),
                e.certificateExpiry(), taken);
    }

    static LinkObservation link(End sql, End mi) {
        return new LinkObservation("DAG_Sales", "Sales", Optional.ofNullable(sql), Optional.ofNullable(mi), NOW);
    }

    static LinkContext context(String version, LinkObservation o) {
        return new LinkContext(List.of(new LinkContext.Link(SALES, o)), SqlVersion.parse(version), TestMi.RESOURCE_ID,
                CreateOptions.API_VERSION);
    }
}
