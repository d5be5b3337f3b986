// SPDX-License-Identifier: Apache-2.0
package dev.milink.sandbox.server;

import dev.milink.sandbox.tds.RequestKind;
import dev.milink.sandbox.tds.StubEngine;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import dev.milink.sandbox.testing.BoundedHeap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * A thousand instances in one JVM: each accepts a real JDBC login and query, and memory stays bounded. The work runs
 * in a child JVM capped at 300 MB: hermetic, no System.gc() and no heap readings (issue 13).
 */
// a protocol mistake must fail the build, not hang it: a blocked socket read ignores interrupts
@Timeout(value = 180, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
class ThousandInstancesTest {

    @Test
    void thousandInstancesEachServeALoginAndAQueryWithinTheHeapCap() throws Exception {
        BoundedHeap.assertCompletes(300, ThousandInstancesTest.class, "serveEach", 1000);
    }

    /** The work, in the capped child JVM: {@code n} instances, each serving one login and one query. */
    static void serveEach(int n) throws Exception {
        StubEngine engine = new StubEngine();
        List<InstanceDef> defs = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            defs.add(InstanceDef.of("sql" + i, engine));
        }
        try (SandboxServer sandbox = SandboxServer.start(defs)) {
            List<SandboxInstance> instances = sandbox.instances();
            check(instances.size() == n, "instances: " + instances.size());
            check(instances.stream().mapToInt(SandboxInstance::port).distinct().count() == n, "distinct ports");
            try (ExecutorService clients = Executors.newFixedThreadPool(8)) {
                List<Future<Integer>> results = new ArrayList<>();
                for (SandboxInstance instance : instances) {
                    results.add(clients.submit(() -> query(instance)));
                }
                for (Future<Integer> result : results) {
                    check(result.get() == 1, "SELECT 1 answered");
                }
            }
            for (SandboxInstance instance : instances) {
                check(instance.requestLog().requests(RequestKind.LOGIN).size() == 1, "one login per instance");
                check(instance.requestLog().roundTrips() == 1, "one round trip per instance");
            }
        }
        System.out.println(n + " instances each served one login and one query");
    }

    private static void check(boolean ok, String what) {
        if (!ok) {
            throw new IllegalStateException("failed: " + what);
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
}
