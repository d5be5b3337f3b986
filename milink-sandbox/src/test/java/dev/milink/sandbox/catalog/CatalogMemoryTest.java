// SPDX-License-Identifier: Apache-2.0
package dev.milink.sandbox.catalog;

import dev.milink.sandbox.engine.LoginRequest;
import dev.milink.sandbox.engine.Session;
import dev.milink.sandbox.scenario.Scenarios;
import java.util.ArrayList;
import java.util.List;
import dev.milink.sandbox.testing.BoundedHeap;
import org.junit.jupiter.api.Test;

/**
 * Keeps the per-instance footprint small enough for 1,000 instances in one JVM: 200 instances, each logged in once,
 * must fit in a child JVM capped at 96 MB (200 x 400 KB, plus 16 MB for the baseline). Hermetic: no
 * System.gc(), no heap readings; the cap holds whatever the collector does.
 */
class CatalogMemoryTest {

    @Test
    void twoHundredInstancesLoggedInOnceFitTheCap() throws Exception {
        BoundedHeap.assertCompletes(96, CatalogMemoryTest.class, "loginEach", 200);
    }

    /** The work, in the capped child JVM: {@code n} engines, each logged in once and queried. */
    static void loginEach(int n) throws Exception {
        List<CatalogEngine> engines = new ArrayList<>();
        List<Session> sessions = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            CatalogEngine e = CatalogEngine.create(Scenarios.load("unprepared-2019"));
            Session s = e.openSession(new LoginRequest("sa", "Sandbox#2019sa", null, null, "mem", "localhost"));
            CollectingSink sink = new CollectingSink();
            s.executeBatch("SELECT name FROM sys.databases", sink);
            if (!sink.errors.isEmpty()) {
                throw new IllegalStateException(sink.errors.toString());
            }
            engines.add(e);
            sessions.add(s);
        }
        System.out.println(engines.size() + " instances logged in");
        sessions.forEach(Session::close);
        engines.forEach(CatalogEngine::close);
    }
}
