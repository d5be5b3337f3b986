// SPDX-License-Identifier: Apache-2.0
package dev.milink.core.check.version;

import dev.milink.core.check.InstanceCheck;
import dev.milink.core.check.CheckContext;
import dev.milink.core.check.CheckMetadata;
import dev.milink.core.check.Evidence;
import dev.milink.core.check.Finding;
import dev.milink.core.check.FixStep;
import dev.milink.core.script.ScriptTemplate;
import dev.milink.core.check.Remediation;
import dev.milink.core.check.Script;
import dev.milink.core.check.ScriptKind;
import dev.milink.core.check.Severity;
import dev.milink.core.model.Fact;
import dev.milink.core.model.Facts;
import dev.milink.core.model.ServerFacts.HostInfo;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * MIL-V10: the host OS can run the link: Windows Server 2012 or later, or Linux (SQL Server 2017 and later run
 * there; SQL Server 2016 never did). Windows 10/11 client editions can't. Spec row V10.
 */
public final class HostOsCheck extends InstanceCheck {

    public static final CheckMetadata META = VersionMeta.meta("V10", "Host OS can run the link",
            Severity.BLOCKER, VersionMeta.BOTH, true, VersionMeta.OVERVIEW, """
            The link needs SQL Server on Windows Server 2012 or later, or on Linux. A Windows client \
            OS (Windows 10 or 11) can't host it because the availability group feature can't be \
            enabled there. Reads `sys.dm_os_host_info` (platform, distribution, release, SKU); the \
            distribution text decides, and the Windows SKU number is used only when the text names \
            neither a server nor a client edition.""");

    private static final Pattern SERVER_YEAR = Pattern.compile("(?i)windows server (\\d{4})");
    private static final Pattern CLIENT = Pattern.compile("(?i)windows (7|8|8\\.1|10|11|vista)\\b");
    private static final Pattern RELEASE = Pattern.compile("(\\d+)\\.(\\d+)");
    /** {@code host_sku} values (GetProductInfo) of Windows Server: Standard, Datacenter, Enterprise and their Core. */
    private static final Set<Integer> SERVER_SKUS = Set.of(7, 8, 10, 12, 13, 14);
    /** {@code host_sku} values of Windows client editions: Enterprise, Professional, Home, Education and N variants. */
    private static final Set<Integer> CLIENT_SKUS = Set.of(4, 27, 48, 49, 98, 100, 101, 121, 122, 125, 161);

    @Override
    protected Finding evaluate(Facts facts, CheckContext context, Finding.Builder finding) {
        if (!(facts.server().host() instanceof Fact.Known<HostInfo>(HostInfo host))) {
            return finding.unreadable("The host operating system", facts.server().host());
        }
        String observed = describe(host);
        String expected = "Windows Server 2012 or later, or Linux";
        Evidence evidence = Evidence.of(observed, expected);
        if (host.isLinux()) {
            return finding.pass(observed + " can host the link (SQL Server 2017 and later on Linux).",
                    evidence);
        }
        if (!"Windows".equalsIgnoreCase(host.platform())) {
            return finding.unknown("Host platform '" + host.platform() + "' is neither Windows nor Linux.");
        }
        String dist = host.distribution() == null ? "" : host.distribution();
        Matcher year = SERVER_YEAR.matcher(dist);
        Optional<Integer> serverYear = year.find() ? Optional.of(Integer.parseInt(year.group(1))) : Optional.empty();
        Optional<Boolean> server = isWindowsServer(dist, serverYear.isPresent(), host.sku());
        if (server.isEmpty()) {
            return finding.unknown(observed + ": can't tell whether this is Windows Server or a Windows "
                    + "client edition.");
        }
        if (!server.get()) {
            return finding.fail(observed + " is a Windows client OS, which can't host the link (the "
                    + "availability group feature can't be enabled); it needs " + expected + ".", evidence,
                    move(facts, observed, "a Windows client OS can't enable the availability group feature."));
        }
        Optional<Boolean> atLeast2012 = serverYear.map(y -> y >= 2012).or(() -> releaseAtLeast62(host.release()));
        if (atLeast2012.isEmpty()) {
            return finding.unknown(observed + ": can't tell the Windows Server version.");
        }
        if (!atLeast2012.get()) {
            return finding.fail(observed + " is older than Windows Server 2012, which the link needs.",
                    evidence, move(facts, observed, "the link needs Windows Server 2012 or later."));
        }
        return finding.pass(observed + " can host the link.", evidence);
    }

    /** True for Windows Server, false for a client edition, empty when neither text nor SKU tells. */
    private static Optional<Boolean> isWindowsServer(String distribution, boolean namesServerYear, Integer sku) {
        if (namesServerYear || distribution.toLowerCase(Locale.ROOT).contains("server")) {
            return Optional.of(true);
        }
        if (CLIENT.matcher(distribution).find()) {
            return Optional.of(false);
        }
        if (sku != null && SERVER_SKUS.contains(sku)) {
            return Optional.of(true);
        }
        return sku != null && CLIENT_SKUS.contains(sku) ? Optional.of(false) : Optional.empty();
    }

    /** Windows Server 2012 is Windows 6.2. */
    private static Optional<Boolean> releaseAtLeast62(String release) {
        Matcher m = RELEASE.matcher(release == null ? "" : release);
        if (!m.find()) {
            return Optional.empty();
        }
        int major = Integer.parseInt(m.group(1));
        int minor = Integer.parseInt(m.group(2));
        return Optional.of(major > 6 || (major == 6 && minor >= 2));
    }

    private static String describe(HostInfo host) {
        String name = host.distribution() == null || host.distribution().isBlank() ? host.platform()
                : host.distribution();
        return name + (host.release() == null || host.release().isBlank() ? "" : " (release " + host.release() + ")")
                + (host.sku() == null ? "" : " SKU " + host.sku());
    }

    private static Remediation move(Facts facts, String host, String reason) {
        String instance = facts.server().target();
        String text = ScriptTemplate.fix(META.id(), "move-host.txt").render(
                Map.of("instance", instance, "host", host, "reason", reason));
        FixStep step = new FixStep(META.id() + "/" + instance + "/move-host", "Move " + instance
                + " to Windows Server 2012 or later, or Linux", FixStep.Phase.HOST, 10, false, false,
                List.of(new Script(ScriptKind.MANUAL, text)), Optional.empty());
        return new Remediation("Move the instance to Windows Server 2012 or later, or to Linux (SQL Server 2017+).",
                List.of(step));
    }

    public HostOsCheck() {
        super(META);
    }
}
