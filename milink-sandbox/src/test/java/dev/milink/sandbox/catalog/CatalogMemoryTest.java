// SPDX-License-Identifier: Apache-2.0
package dev.milink.sandbox.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import dev.milink.sandbox.engine.LoginRequest;
import dev.milink.sandbox.engine.Session;
import dev.milink.sandbox.scenario.Scenarios;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Keeps the per-instance footprint small enough for 1,000 instances in one JVM. */
class CatalogMemoryTest {
    private static final int INSTANCES = 200;

    @Test
    void twoHundredInstancesLoggedInOnce() throws Exception {
        long before = usedHeap();
        List<CatalogEngine> engines = new ArrayList<>();
        List<Session> sessions = new ArrayList<>();
        long t0 = System.nanoTime();
        for (int i = 0; i < INSTANCES; i++) {
            CatalogEngine e = CatalogEngine.create(Scenarios.load("unprepared-2019"));
            Session s = e.openSession(new LoginRequest("sa", "Sandbox#2019sa", null, null, "mem", "localhost"));
            CollectingSink sink = new CollectingSink();
            s.executeBatch("SELECT name FROM sys.databases", sink);
            assertThat(sink.errors).isEmpty();
            engines.add(e);
            sessions.add(s);
        }
        long elapsedMs = (System.nanoTime() - t0) / 1_000_000;
        long after = usedHeap();
        long perInstanceKb = (after - before) / INSTANCES / 1024;
        System.out.printf("catalog memory: %d instances logged in once: %d KB heap each, %d MB total, %d ms%n",
                INSTANCES, perInstanceKb, (after - before) / 1024 / 1024, elapsedMs);
        sessions.forEach(Session::close);
        engines.forEach(CatalogEngine::close);
        assertThat(perInstanceKb).isLessThan(400);
    }

    private static long usedHeap() throws InterruptedException {
        Runtime rt = Runtime.getRuntime();
        for (int i = 0; i < 3; i++) {
            System.gc();
            Thread.sleep(50);
        }
        return rt.totalMemory() - rt.freeMemory();
    }
}
