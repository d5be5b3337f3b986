// SPDX-License-Identifier: Apache-2.0
package dev.milink.sqlserver.connect;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.security.cert.X509Certificate;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The host-name rules of the shared trust manager: wildcards, IP entries, the CN fallback, mismatches. */
class HostNamesTest {

    @TempDir
    static Path dir;

    private static X509Certificate withSans;
    private static X509Certificate cnOnly;

    @BeforeAll
    static void certificates() throws Exception {
        withSans = make("sans", "CN=ignored.example.com",
                "SAN=dns:*.corp.example.com,dns:DB.Example.COM,dns:xn--bcher-kva.example,ip:10.0.0.5,ip:2001:db8::5");
        cnOnly = make("legacy", "CN=legacy.example.com", null);
    }

    /** A self-signed certificate made by the JDK's keytool (no test-only crypto library). */
    private static X509Certificate make(String alias, String dname, String ext) throws Exception {
        Path store = dir.resolve(alias + ".p12");
        Path keytool = Path.of(System.getProperty("java.home"), "bin", "keytool");
        List<String> cmd = new java.util.ArrayList<>(List.of(keytool.toString(), "-genkeypair", "-alias", alias,
                "-keyalg", "EC", "-groupname", "secp256r1", "-dname", dname, "-validity", "2", "-storetype",
                "PKCS12", "-keystore", store.toString(), "-storepass", "changeit", "-keypass", "changeit"));
        if (ext != null) {
            cmd.addAll(List.of("-ext", ext));
        }
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(dir.resolve(alias + ".log")
                .toFile()).start();
        assertThat(p.waitFor()).as(Files.exists(dir.resolve(alias + ".log"))
                ? "keytool: " + readLog(dir.resolve(alias + ".log")) : "keytool").isZero();
        KeyStore ks = KeyStore.getInstance("PKCS12");
        try (InputStream in = Files.newInputStream(store)) {
            ks.load(in, "changeit".toCharArray());
        }
        return (X509Certificate) ks.getCertificate(alias);
    }

    private static String readLog(Path log) {
        try {
            return Files.readString(log);
        } catch (IOException e) {
            return "";
        }
    }

    @ParameterizedTest
    @CsvSource({
        "sql01.corp.example.com, true",     // one label for the wildcard
        "SQL01.Corp.Example.Com., true",    // any case, trailing dot
        "a.b.corp.example.com, false",      // a wildcard is one label, not several
        "corp.example.com, false",          // nor none
        "db.example.com, true",             // exact, case-insensitive
        "db2.example.com, false",
        "bücher.example, true",             // IDN compared in ASCII (xn--bcher-kva)
        "10.0.0.5, true",                   // IP entry
        "10.0.0.6, false",
        "[2001:db8:0:0:0:0:0:5], true",     // IPv6 in any notation
        "2001:db8::6, false",
        "ignored.example.com, false",       // the CN is not used when there are DNS entries
        "evil.com, false",
    })
    void subjectAlternativeNames(String host, boolean expected) {
        assertThat(HostNames.matches(host, withSans)).as(host).isEqualTo(expected);
    }

    @Test
    void commonNameOnlyWhenThereAreNoDnsEntries() {
        assertThat(HostNames.matches("legacy.example.com", cnOnly)).isTrue();
        assertThat(HostNames.matches("other.example.com", cnOnly)).isFalse();
        assertThat(HostNames.matches("10.0.0.5", cnOnly)).isFalse();
    }

    @ParameterizedTest
    @CsvSource({
        "a.example.com, *.example.com, true",
        "example.com, *.example.com, false",
        "a.com, *.com, false",                       // never directly below a top-level domain
        "foo.example.com, f*.example.com, false",    // partial wildcards are not honoured
        "a.b.example.com, *.*.example.com, false",
        "a.example.com, a.*.com, false",
        "10.0.0.5, *.0.0.5, false",                  // no wildcard for addresses
    })
    void wildcardRules(String host, String pattern, boolean expected) {
        assertThat(HostNames.dnsMatches(host, pattern)).as(host + " ~ " + pattern).isEqualTo(expected);
    }
}
