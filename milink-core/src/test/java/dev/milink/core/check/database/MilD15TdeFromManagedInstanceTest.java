// SPDX-License-Identifier: Apache-2.0
package dev.milink.core.check.database;

import static dev.milink.core.check.database.DbFixture.scripts;
import static org.assertj.core.api.Assertions.assertThat;

import dev.milink.core.check.Finding;
import dev.milink.core.check.ScriptKind;
import dev.milink.core.check.Severity;
import dev.milink.core.check.Status;
import dev.milink.core.model.Direction;
import org.junit.jupiter.api.Test;

class MilD15TdeFromManagedInstanceTest {

    @Test
    void appliesOnlyWhenTheManagedInstanceIsPrimary() {
        assertThat(TdeFromManagedInstanceCheck.META.directions()).containsExactly(Direction.MI_TO_SQL);
    }

    @Test
    void isAnUnknownReminderWithTheQueryQuoted() {
        Finding f = DbFixture.runNamed(new TdeFromManagedInstanceCheck(), "販売", d -> d, DbFixture.CONTEXT);
        assertThat(f.status()).isEqualTo(Status.UNKNOWN);
        assertThat(f.severity()).isEqualTo(Severity.WARNING);
        assertThat(f.message()).contains("service-managed TDE");
        assertThat(scripts(f, ScriptKind.MANUAL)).contains("DB_ID(N'販売')", "CU14");
    }
}
