// SPDX-License-Identifier: Apache-2.0
package dev.milink.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import dev.milink.core.assess.AssessmentReport;
import dev.milink.core.check.Finding;
import dev.milink.core.check.Status;
import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The HTML report as a reader sees it: rendered by headless Chromium (Debian package {@code chromium}, installed by
 * {@code .ci/run}), with the page's script run, then read back from the DOM; and a screenshot. Skipped on a
 * workstation without Chromium, but a failure under CI ({@code CI=true}), so CI cannot pass without it.
 *
 * <p>Chromium gets no network: a proxy on a closed loopback port, every host name unresolvable, background
 * services off (the page's Content-Security-Policy forbids loading anything anyway).
 *
 * <p>{@code -Dmilink.golden.update=true} also copies the screenshot to {@code docs/images/report.png} (README).
 */
class HtmlInBrowserTest {

    private static final Path WORK = Golden.moduleDir().resolve("target/html-in-browser");
    private static String chromium;
    private static Path page;

    @BeforeAll
    static void renderAndFindChromium() throws IOException {
        chromium = findChromium();
        if (chromium == null) {
            if ("true".equalsIgnoreCase(System.getenv("CI"))) {
                fail("CI=true but no Chromium on PATH (chromium, chromium-browser or MILINK_CHROMIUM): .ci/run "
                        + "installs the Debian package 'chromium'");
            }
            Assumptions.abort("no Chromium on PATH; install the Debian package 'chromium' to run this test");
        }
        Files.createDirectories(WORK);
        page = WORK.resolve("report.html");
        Files.writeString(page, Rendered.by(new HtmlReportRenderer(), SampleReport.fleet()), StandardCharsets.UTF_8);
    }

    @Test
    void showsTheMatrixAndCountsThatMatchTheFindingsListed() throws Exception {
        String dom = dumpDom("");
        AssessmentReport report = SampleReport.fleet();
        assertThat(text(dom, "id=\"verdict\"[^>]*>([^<]*)<")).isEqualTo("NOT READY: 6 blockers, 4 warnings, 2 unknown "
                + "across 2 instances and 7 databases");
        for (Status s : Status.values()) {
            int shown = Integer.parseInt(text(dom, "data-count=\"" + s.name() + "\">[A-Z]+ <b>(\\d+)</b>"));
            assertThat(shown).as("count shown for %s", s).isEqualTo(report.summary().count(s))
                    .isEqualTo(count(dom, "<details class=\"finding[^\"]*\" id=\"f-\\d+\" data-status=\"" + s.name()
                            + "\""));
        }
        assertThat(text(dom, "id=\"shown\">([^<]*)<")).isEqualTo("Showing 34 of 34 findings");
        assertThat(count(dom, "<tr data-instance=\"[^\"]+\">")).isEqualTo(2);
        assertThat(dom).containsPattern("<tr data-instance=\"sql02.contoso.local\">.*?data-col=\"MIL-I3\" class=\"cell "
                + "s-ERROR\"");
        assertThat(dom).containsPattern("data-col=\"MIL-D7\" class=\"cell s-FAIL\" title=\"MIL-D7 A full backup starts "
                + "the log chain: FAIL 2, UNKNOWN 1, PASS 2\"><a href=\"#f-\\d+\">FAIL 2</a>");
        // Hostile names arrive as text, not as markup.
        assertThat(dom).contains("&lt;script&gt;alert(1)&lt;/script&gt;").doesNotContain("<script>alert(1)");
        long checks = report.findings().stream().map(Finding::checkId).distinct().count();
        assertThat(count(dom, "<th class=\"check\" data-col=")).isEqualTo((int) checks);
    }

    @Test
    void theFilterBoxHidesOtherInstancesAndChecks() throws Exception {
        String dom = dumpDom("#q=sql02 pass");
        long expected = SampleReport.fleet().findings().stream().filter(f -> f.target().instance().equals("sql02"
                + ".contoso.local") && f.status() == Status.PASS).count();
        assertThat(text(dom, "id=\"shown\">([^<]*)<")).isEqualTo("Showing " + expected + " of 34 findings");
        assertThat(dom).contains("<tr data-instance=\"sql01.contoso.local\" class=\"hidden\">")
                .containsPattern("<tr data-instance=\"sql02.contoso.local\"( class=\"\")?>")
                .containsPattern("<th class=\"check hidden\" data-col=\"MIL-I3\"")
                .containsPattern("<th class=\"check\" data-col=\"MIL-D6\"");
        assertThat(dom).containsPattern("value=\"sql02 pass\"|id=\"filter\"");
    }

    @Test
    void screenshot() throws Exception {
        Path png = WORK.resolve("report.png");
        Files.deleteIfExists(png);
        run(List.of("--window-size=1280,1500", "--hide-scrollbars", "--screenshot=" + png, url("")));
        byte[] bytes = Files.readAllBytes(png);
        assertThat(bytes).startsWith(0x89, 'P', 'N', 'G');
        int width = ((bytes[16] & 0xff) << 24) | ((bytes[17] & 0xff) << 16) | ((bytes[18] & 0xff) << 8) | (bytes[19] & 0xff);
        assertThat(width).isEqualTo(1280);
        assertThat(bytes.length).as("a page with content, not a blank image").isGreaterThan(50_000);
        if (Boolean.getBoolean(Golden.UPDATE_PROPERTY)) {
            Path docs = Golden.moduleDir().resolve("../docs/images/report.png").normalize();
            Files.createDirectories(docs.getParent());
            Files.copy(png, docs, StandardCopyOption.REPLACE_EXISTING);
        }
    }

    private static String dumpDom(String fragment) throws Exception {
        return run(List.of("--dump-dom", url(fragment)));
    }

    private static String url(String fragment) {
        return page.toUri() + fragment.replace(" ", "%20");
    }

    private static String run(List<String> args) throws Exception {
        List<String> command = new ArrayList<>(List.of(chromium, "--headless", "--no-sandbox", "--disable-gpu",
                "--proxy-server=http://127.0.0.1:9", "--host-resolver-rules=MAP * ~NOTFOUND",
                "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--disable-default-apps", "--disable-extensions", "--no-first-run", "--disable-breakpad",
                "--user-data-dir=" + WORK.resolve("profile")));
        command.addAll(args);
        Path err = WORK.resolve("chromium.err");
        Process p = new ProcessBuilder(command).redirectError(err.toFile()).redirectInput(ProcessBuilder.Redirect.from(
                new File("/dev/null"))).start();
        byte[] out = p.getInputStream().readAllBytes();
        if (!p.waitFor(90, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            fail("Chromium did not finish in 90 s: " + command);
        }
        assertThat(p.exitValue()).as("Chromium exit code; stderr in %s", err).isZero();
        return new String(out, StandardCharsets.UTF_8);
    }

    private static String findChromium() {
        List<String> candidates = new ArrayList<>();
        String configured = System.getenv("MILINK_CHROMIUM");
        if (configured != null && !configured.isBlank()) {
            candidates.add(configured);
        }
        for (String dir : System.getenv().getOrDefault("PATH", "").split(File.pathSeparator)) {
            for (String name : List.of("chromium", "chromium-browser", "google-chrome")) {
                candidates.add(Path.of(dir, name).toString());
            }
        }
        return candidates.stream().filter(c -> Files.isExecutable(Path.of(c))).findFirst().orElse(null);
    }

    private static String text(String dom, String regex) {
        Matcher m = Pattern.compile(regex, Pattern.DOTALL).matcher(dom);
        assertThat(m.find()).as("page has %s", regex).isTrue();
        return m.group(1);
    }

    private static int count(String dom, String regex) {
        Matcher m = Pattern.compile(regex).matcher(dom);
        int n = 0;
        while (m.find()) {
            n++;
        }
        return n;
    }
}
