// SPDX-License-Identifier: Apache-2.0
package dev.milink.network.test;

import static org.assertj.core.api.Assertions.assertThat;

import dev.milink.sandbox.catalog.agent.StepRunner;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Ctrl-C in the middle of a run: a child JVM runs the network test against this JVM's sandbox; while its Agent job
 * is running (the step blocks until released), the child gets SIGTERM, and its shutdown hook must remove the job.
 */
class InterruptedRunTest {

    @Test
    void theShutdownHookRemovesTheRunningJob(@TempDir Path dir) throws Exception {
        CountDownLatch running = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        StepRunner blocking = (job, step) -> {
            running.countDown();
            try {
                release.await(60, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return new StepRunner.Result(true, "TcpTestSucceeded : True");
        };
        try (SandboxPair p = new SandboxPair("prepared-2022", s -> { }, m -> { })) {
            p.sqlEngine.setStepRunner(blocking);
            Path log = dir.resolve("child.log");
            Process child = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                    "-cp", System.getProperty("java.class.path"), InterruptedRunChild.class.getName(),
                    String.valueOf(p.sql().port()), p.sqlPassword, String.valueOf(p.mi().port()), "Sandbox#MIadmin1")
                    .redirectErrorStream(true).redirectOutput(log.toFile()).start();
            try {
                assertThat(running.await(60, TimeUnit.SECONDS)).as("the child's Agent job started").isTrue();
                assertThat(p.milinkObjects()).singleElement().asString().startsWith("milink_nettest_")
                        .endsWith("_to_mi");

                child.destroy(); // SIGTERM: the JVM runs its shutdown hooks, as on Ctrl-C
                assertThat(child.waitFor(60, TimeUnit.SECONDS)).as("the child exited").isTrue();

                assertThat(p.milinkObjects()).as(Files.readString(log)).isEmpty();
            } finally {
                release.countDown();
                child.destroyForcibly();
            }
        }
    }
}
