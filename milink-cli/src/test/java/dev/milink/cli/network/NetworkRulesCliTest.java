// SPDX-License-Identifier: Apache-2.0
package dev.milink.cli.network;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Black-box tests of {@code milink network rules} and {@code milink network allowlist}. */
class NetworkRulesCliTest {

    @Test
    void writesTheAzureCliRulesForTheGivenNsg() {
        Run r = Run.milink("network", "rules", "--sql-server", "192.168.10.5", "--mi-subnet", "10.0.0.0/24",
                "--format", "azure-cli", "--resource-group", "rg-mi", "--nsg-name", "nsg-mi");
        assertThat(r.exit()).as(r.toString()).isZero();
        assertThat(r.out()).contains("az network nsg rule create --resource-group rg-mi --nsg-name nsg-mi"
                        + " --name milink-in-from-sql-5022 --priority 1000 --direction Inbound")
                .contains("--destination-port-ranges 11000-11999")
                .contains("--name milink-out-to-sql-endpoint --priority 1002 --direction Outbound")
                .doesNotContain("====");
        assertThat(r.err()).isEmpty();
    }

    @Test
    void allFormatsByDefaultEachUnderItsHeading() {
        Run r = Run.milink("network", "rules", "--sql-server", "192.168.10.5,192.168.11.0/24", "--mi-subnet",
                "10.0.0.0/24", "--sql-port", "5023");
        assertThat(r.exit()).as(r.toString()).isZero();
        for (String f : new String[] {"azure-cli", "azure-powershell", "bicep", "windows", "firewalld", "ufw",
            "nftables", "table"}) {
            assertThat(r.out()).contains("==== " + f + " ====");
        }
        assertThat(r.out()).contains("ufw allow in proto tcp from 10.0.0.0/24 to any port 5023")
                .contains("192.168.11.0/24");
    }

    @Test
    void overlappingRangesAreAUsageErrorAndNoRulesAreWritten() {
        Run r = Run.milink("network", "rules", "--sql-server", "10.0.0.0/16", "--mi-subnet", "10.0.1.0/24");
        assertThat(r.exit()).as(r.toString()).isEqualTo(2);
        assertThat(r.out()).isEmpty();
        assertThat(r.err()).startsWith("Error [USAGE]: 10.0.0.0/16 overlaps the managed instance subnet 10.0.1.0/24")
                .contains("re-address");
    }

    @Test
    void badCidrIsOneLineWithTheLikelyIntent() {
        Run r = Run.milink("network", "rules", "--sql-server", "192.168.10.5", "--mi-subnet", "10.0.0.1/24");
        assertThat(r.exit()).isEqualTo(2);
        assertThat(r.err().lines().findFirst().orElseThrow())
                .isEqualTo("Error [USAGE]: --mi-subnet: '10.0.0.1/24' has host bits set; did you mean 10.0.0.0/24?");
        Run name = Run.milink("network", "rules", "--sql-server", "sql01.corp", "--mi-subnet", "10.0.0.0/24");
        assertThat(name.err()).contains("--sql-server: not an IP address or CIDR range: 'sql01.corp'");
    }

    @Test
    void mixedAddressFamiliesAndUnknownFormatsAreRejected() {
        assertThat(Run.milink("network", "rules", "--sql-server", "fd00::5", "--mi-subnet", "10.0.0.0/24").err())
                .contains("different address families");
        Run f = Run.milink("network", "rules", "--sql-server", "192.168.10.5", "--mi-subnet", "10.0.0.0/24",
                "--format", "iptables");
        assertThat(f.exit()).isEqualTo(2);
        assertThat(f.err()).contains("unknown rule format 'iptables'");
    }

    @Test
    void missingRequiredOptionIsAUsageError() {
        Run r = Run.milink("network", "rules", "--sql-server", "192.168.10.5");
        assertThat(r.exit()).isEqualTo(2);
        assertThat(r.err()).contains("--mi-subnet");
    }

    @Test
    void writesTheDiagram(@TempDir Path dir) throws Exception {
        Path svg = dir.resolve("flows.svg");
        Run r = Run.milink("network", "rules", "--sql-server", "192.168.10.5", "--mi-subnet", "10.0.0.0/24",
                "--format", "table", "--diagram", svg.toString());
        assertThat(r.exit()).as(r.toString()).isZero();
        assertThat(Files.readString(svg)).startsWith("<svg").contains("10.0.0.0/24");
        assertThat(r.out()).startsWith("| From | Source |");
    }

    @Test
    void allowlistPerCloud() {
        Run pub = Run.milink("network", "allowlist");
        assertThat(pub.exit()).isZero();
        assertThat(pub.out()).contains("*.database.windows.net").contains("https://login.microsoftonline.com/")
                .contains("https://management.azure.com/");
        Run gov = Run.milink("network", "allowlist", "--cloud", "usgov", "--mi-fqdn", "mi1.abc.database.usgovcloudapi.net");
        assertThat(gov.out()).contains("Azure US Government").contains("mi1.abc.database.usgovcloudapi.net")
                .contains("https://management.usgovcloudapi.net/");
        Run china = Run.milink("network", "allowlist", "--cloud", "china");
        assertThat(china.out()).contains(".database.chinacloudapi.cn");
        Run bad = Run.milink("network", "allowlist", "--cloud", "mars");
        assertThat(bad.exit()).isEqualTo(2);
        assertThat(bad.err()).contains("unknown cloud 'mars'");
    }

    @Test
    void networkAloneIsAUsageError() {
        Run r = Run.milink("network");
        assertThat(r.exit()).isEqualTo(2);
        assertThat(r.err()).contains("Missing subcommand");
        assertThat(Run.milink("network", "rules", "--help").out()).contains("--sql-server").contains("--mi-subnet");
    }
}
