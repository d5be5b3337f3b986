// SPDX-License-Identifier: Apache-2.0
package dev.milink.sandbox.server;

import static org.assertj.core.api.Assertions.assertThat;

import dev.milink.sandbox.tds.RequestKind;
import dev.milink.sandbox.tds.StubEngine;
import java.lang.System.Logger.Level;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** A thousand instances in one JVM: each accepts a real JDBC login and query, and memory stays bounded. */
// a protocol mistake must fail the build, not hang it: a blocked socket read ignores interrupts
@Timeout(value = 180, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
class ThousandInstancesTest {
    private static final System.Logger LOG = System.getLogger(ThousandInstancesTest.class.getName());
    private static final int INSTANCES = 1000;
    private static final long HEAP_BOUND = 300L * 1024 * 1024;

    @Test
    void thousandInstancesEachServeALoginAndAQuery() throws Exception {
        StubEngine engine = new StubEngine();
        List<InstanceDef> defs = new ArrayList<>();
        for (int i = 0; i < INSTANCES; i++) {
            defs.add(InstanceDef.of("sql" + i, engine));
        }
        long heapBefore = usedHeapAfterGc();
        try (SandboxServer sandbox = SandboxServer.start(defs)) {
            List<SandboxInstance> instances = sandbox.instances();
            assertThat(instances).hasSize(INSTANCES);
            assertThat(instances.stream().mapToInt(SandboxInstance::port).distinct().count()).isEqualTo(INSTANCES);

            try (ExecutorService clients = Executors.newFixedThreadPool(8)) {
                List<Future<Integer>> results = new ArrayList<>();
                for (SandboxInstance instance : instances) {
                    results.add(clients.submit(() -> query(instance)));
                }
                for (Future<Integer> result : results) {
                    assertThat(result.get()).isEqualTo(1);
                }
            }
            for (SandboxInstance instance : instances) {
                assertThat(instance.requestLog().requests(RequestKind.LOGIN)).hasSize(1);
                assertThat(instance.requestLog().roundTrips()).isEqualTo(1);
            }

            long heap = usedHeapAfterGc();
            LOG.log(Level.INFO, "{0} idle sandbox instances: heap after GC {1} MB (before start {2} MB)",
                    INSTANCES, heap >> 20, heapBefore >> 20);
            assertThat(heap).as("heap after GC with %d instances: %d MB", INSTANCES, heap >> 20)
                    .isLessThan(HEAP_BOUND);
        }
    }

    private static int query(SandboxInstance instance) throws Exception {
        String url = instance.jdbcUrl() + ";user=" + StubEngine.USER + ";password=" + StubEngine.PASSWORD;
        try (Connection c = DriverManager.getConnection(url); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT 1")) {
            rs.next();
            return rs.getInt(1);
        }
    }

    private static long usedHeapAfterGc() {
        Runtime rt = Runtime.getRuntime();
        for (int i = 0; i < 3; i++) {
            System.gc();
        }
        return rt.totalMemory() - rt.freeMemory();
    }
}
