// SPDX-License-Identifier: Apache-2.0
package dev.milink.cli.link;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.milink.cli.Environment;
import dev.milink.cli.Main;
import dev.milink.sandbox.arm.ArmStandIn;
import dev.milink.sandbox.arm.AzureScenarios;
import dev.milink.sandbox.arm.SandboxEstate;
import dev.milink.sandbox.link.LinkSimulation;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The link commands on a real terminal: the CLI runs in a child JVM inside a pseudo-terminal made by util-linux
 * {@code script}, so the console, {@code isTerminal()} and Ctrl-C (a {@code ^C} byte the terminal turns into SIGINT)
 * are the real ones. The progress bar appears there and never in a pipe or with {@code CI=true}; {@code status
 * --watch} refreshes until Ctrl-C and then ends normally with the last state.
 */
class LinkTerminalTest {

    private static final Pattern BARE_CR = Pattern.compile("\r(?!\n)");   // a redraw; the terminal's \r\n is none
    private static final String CLEAR = "\033[H\033[2J";

    @TempDir
    Path dir;

    private SandboxEstate estate;
    private final Map<String, String> env = new HashMap<>();

    @BeforeEach
    void start() throws Exception {
        boolean script = Files.isExecutable(Path.of("/usr/bin/script"));
        if ("true".equalsIgnoreCase(System.getenv("CI"))) {
            assertThat(script).as("util-linux script (Debian package bsdutils; .ci/run installs it)").isTrue();
        }
        assumeTrue(script, "util-linux script is not installed");
        estate = SandboxEstate.start(AzureScenarios.load("prepared-2022"), new LinkSimulation.Settings(6, 60, 3, 1, 8,
                Instant.parse("2024-07-21T08:00:00Z"), Duration.ofSeconds(10)));
        estate.arm().setLro(new ArmStandIn.Lro(1, 1));   // Retry-After 1 s: azure-core waits 1 s per poll
        env.putAll(EstateEnv.of(estate, "Sandbox#2022sa"));
    }

    @AfterEach
    void stop() {
        if (estate != null) {
            estate.close();
        }
    }

    private List<String> args(String... command) {
        List<String> all = new ArrayList<>(List.of(command));
        all.addAll(List.of(estate.sql().host() + "," + estate.sql().port(), "-U", "sa", "--trust-server-certificate",
                "--mi", estate.arm().managedInstanceId(), "--azure-auth", "token", "-d", "SalesDB",
                "--state-dir", dir.toString(), "--poll-interval", "20ms"));
        return all;
    }

    @Test
    void createDrawsTheBarOnATerminal() throws Exception {
        try (Child child = Child.inTerminal(env, args("link", "create", "--apply"))) {
            int exit = child.awaitExit();
            String out = child.output();
            assertThat(exit).as(out).isZero();
            assertThat(out).contains("\r\033[KDAG_SalesDB [").containsPattern(BARE_CR)
                    .contains("\r\033[Kcreate/SalesDB/link: InProgress, ").contains("Link created: DAG_SalesDB");
        }
    }

    @Test
    void noBarWithCiTrueOnATerminalNorInAPipe() throws Exception {
        env.put("CI", "true");
        try (Child child = Child.inTerminal(env, args("link", "create", "--apply"))) {
            int exit = child.awaitExit();
            assertThat(exit).as(child.output()).isZero();
            assertThat(child.output()).doesNotContainPattern(BARE_CR).doesNotContain("\033[K")
                    .doesNotContain("DAG_SalesDB [").contains("create/SalesDB/link: InProgress, ")
                    .contains("Link created: DAG_SalesDB");
        }
        env.remove("CI");
        try (Child child = Child.piped(env, args("link", "delete", "--apply"))) {
            int exit = child.awaitExit();
            assertThat(exit).as(child.output()).isZero();
            assertThat(child.output()).doesNotContain("\r").doesNotContain("\033[")
                    .contains("delete/SalesDB/link: InProgress, ").contains("Done: delete of DAG_SalesDB");
        }
    }

    @Test
    void watchRefreshesUntilCtrlCThenEndsWithTheLastState() throws Exception {
        StringWriter o = new StringWriter();
        StringWriter e = new StringWriter();
        assertThat(Main.run(Environment.of(env), new PrintWriter(o), new PrintWriter(e),
                args("link", "create", "--apply").toArray(String[]::new))).as(e.toString()).isZero();

        List<String> watch = args("link", "status", "--watch", "--interval", "1");
        try (Child child = Child.inTerminal(env, watch)) {
            boolean refreshed = child.awaitOutput(out -> out.split(Pattern.quote(CLEAR), -1).length > 2
                    && out.substring(out.lastIndexOf(CLEAR)).contains("across"));
            assertThat(refreshed).as("two refreshes: %s", child.output()).isTrue();
            child.ctrlC();
            int exit = child.awaitExit();
            String out = child.output();
            assertThat(exit).as(out).isZero();   // healthy: the last state's exit code
            String last = out.substring(out.lastIndexOf(CLEAR));
            assertThat(last).contains("DAG_SalesDB (SalesDB): SQL Server PRIMARY, CONNECTED").contains("MIL-L4")
                    .contains("Stopped watching (Ctrl-C). The last state is above");
            assertThat(out).doesNotContain("Exception").doesNotContain("\tat ").doesNotContain("Error [");
        }
    }

    /** The CLI's real {@code main} in a child JVM, in a pseudo-terminal or with plain pipes; stdout and stderr merged. */
    private static final class Child implements AutoCloseable {
        private final Process process;
        private final OutputStream stdin;
        private final StringBuilder output = new StringBuilder();
        private final Thread reader;

        private Child(List<String> command, Map<String, String> env) throws IOException {
            ProcessBuilder pb = new ProcessBuilder(command).redirectErrorStream(true);
            pb.environment().keySet().removeIf(k -> k.startsWith("MILINK_") || k.equals("CI"));
            pb.environment().put("TERM", "xterm");
            pb.environment().putAll(env);
            process = pb.start();
            stdin = process.getOutputStream();
            reader = Thread.ofVirtual().start(() -> {
                try (InputStream in = process.getInputStream()) {
                    byte[] buf = new byte[4096];
                    for (int n = in.read(buf); n >= 0; n = in.read(buf)) {
                        synchronized (output) {
                            output.append(new String(buf, 0, n, StandardCharsets.UTF_8));
                            output.notifyAll();
                        }
                    }
                } catch (IOException ignored) {
                    // the child is gone
                }
            });
        }

        private static List<String> java(List<String> args) {
            List<String> c = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java")
                    .toString(), "-cp", System.getProperty("java.class.path"), Main.class.getName()));
            c.addAll(args);
            return c;
        }

        /**
         * {@code script -qfec "exec CMD" /dev/null}: CMD on a new pseudo-terminal, its exit code passed on. The
         * {@code exec} matters: {@code script} runs CMD through {@code $SHELL} or {@code /bin/sh}, and dash forks
         * and then dies of the Ctrl-C itself (exit 130) while the CLI it waits for handles it.
         */
        static Child inTerminal(Map<String, String> env, List<String> args) throws IOException {
            StringBuilder cmd = new StringBuilder("exec");
            for (String a : java(args)) {
                cmd.append(" '").append(a.replace("'", "'\\''")).append('\'');
            }
            return new Child(List.of("/usr/bin/script", "-qfec", cmd.toString(), "/dev/null"), env);
        }

        static Child piped(Map<String, String> env, List<String> args) throws IOException {
            Child c = new Child(java(args), env);
            c.stdin.close();
            return c;
        }

        /** Ctrl-C typed on the terminal: the terminal sends SIGINT to the CLI. */
        void ctrlC() throws IOException {
            stdin.write(3);
            stdin.flush();
        }

        boolean awaitOutput(Predicate<String> condition) throws InterruptedException {
            long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
            synchronized (output) {
                while (!condition.test(output.toString())) {
                    long left = TimeUnit.NANOSECONDS.toMillis(end - System.nanoTime());
                    if (left <= 0) {
                        return false;
                    }
                    output.wait(left);
                }
                return true;
            }
        }

        int awaitExit() throws InterruptedException {
            if (!process.waitFor(120, TimeUnit.SECONDS)) {
                throw new AssertionError("the child did not exit within 120 s: " + output());
            }
            reader.join(TimeUnit.SECONDS.toMillis(30));
            return process.exitValue();
        }

        /** Everything so far; complete once {@link #awaitExit} returned. */
        String output() throws InterruptedException {
            if (!process.isAlive()) {
                reader.join(TimeUnit.SECONDS.toMillis(30));
            }
            synchronized (output) {
                return output.toString();
            }
        }

        @Override
        public void close() {
            process.destroyForcibly();
        }
    }
}
