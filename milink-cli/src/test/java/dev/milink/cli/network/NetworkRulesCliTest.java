// SPDX-License-Identifier: Apache-2.0
package dev.milink.cli.network;

import dev.milink.cli.Cli;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Black-box tests of {@code milink network rules} and {@code milink network allowlist}. */
class NetworkRulesCliTest {

    @Test
    void writesTheAzureCliRulesForTheGivenNsg() {
        Cli r = Cli.run("network", "rules", "--sql-server", "192.168.10.5", "--mi-subnet", "10.0.0.0/24",
                "--format", "azure-cli", "--resource-group", "rg-mi", "--nsg-name", "nsg-mi").expectExit(0);
        assertThat(r.out()).contains("az network nsg rule create --resource-group rg-mi --nsg-name nsg-mi"
                        + " --name milink-in-from-sql-5022 --priority 1000 --direction Inbound")
                .contains("--destination-port-ranges 11000-11999")
                .contains("--name milink-out-to-sql-endpoint --priority 1002 --direction Outbound")
                .doesNotContain("====");
        assertThat(r.err()).isEmpty();
    }

    @Test
    void allFormatsByDefaultEachUnderItsHeading() {
        Cli r = Cli.run("network", "rules", "--sql-server", "192.168.10.5,192.168.11.0/24", "--mi-subnet",
                "10.0.0.0/24", "--sql-port", "5023").expectExit(0);
        for (String f : new String[] {"azure-cli", "azure-powershell", "bicep", "windows", "firewalld", "ufw",
            "nftables", "table"}) {
            assertThat(r.out()).contains("==== " + f + " ====");
        }
        assertThat(r.out()).contains("ufw allow in proto tcp from 10.0.0.0/24 to any port 5023")
                .contains("192.168.11.0/24");
    }

    @Test
    void overlappingRangesAreAUsageErrorAndNoRulesAreWritten() {
        Cli r = Cli.run("network", "rules", "--sql-server", "10.0.0.0/16", "--mi-subnet", "10.0.1.0/24").expectExit(2);
        assertThat(r.out()).isEmpty();
        assertThat(r.err()).startsWith("Error [USAGE]: 10.0.0.0/16 overlaps the managed instance subnet 10.0.1.0/24")
                .contains("re-address");
    }

    @Test
    void badCidrIsOneLineWithTheLikelyIntent() {
        Cli r = Cli.run("network", "rules", "--sql-server", "192.168.10.5", "--mi-subnet", "10.0.0.1/24");
        assertThat(r.exit()).isEqualTo(2);
        assertThat(r.err().lines().findFirst().orElseThrow())
                .isEqualTo("Error [USAGE]: --mi-subnet: '10.0.0.1/24' has host bits set; did you mean 10.0.0.0/24?");
        Cli name = Cli.run("network", "rules", "--sql-server", "sql01.corp", "--mi-subnet", "10.0.0.0/24");
        assertThat(name.err()).contains("--sql-server: not an IP address or CIDR range: 'sql01.corp'");
    }

    @Test
    void mixedAddressFamiliesAndUnknownFormatsAreRejected() {
        assertThat(Cli.run("network", "rules", "--sql-server", "fd00::5", "--mi-subnet", "10.0.0.0/24").err())
                .contains("different address families");
        Cli f = Cli.run("network", "rules", "--sql-server", "192.168.10.5", "--mi-subnet", "10.0.0.0/24",
                "--format", "iptables");
        assertThat(f.exit()).isEqualTo(2);
        assertThat(f.err()).contains("unknown rule format 'iptables'");
    }

    @Test
    void missingRequiredOptionIsAUsageError() {
        Cli r = Cli.run("network", "rules", "--sql-server", "192.168.10.5");
        assertThat(r.exit()).isEqualTo(2);
        assertThat(r.err()).contains("--mi-subnet");
    }

    @Test
    void writesTheDiagram(@TempDir Path dir) throws Exception {
        Path svg = dir.resolve("flows.svg");
        Cli r = Cli.run("network", "rules", "--sql-server", "192.168.10.5", "--mi-subnet", "10.0.0.0/24",
                "--format", "table", "--diagram", svg.toString()).expectExit(0);
        assertThat(Files.readString(svg)).startsWith("<svg").contains("10.0.0.0/24");
        assertThat(r.out()).startsWith("| From | Source |");
    }

    @Test
    void allowlistPerCloud() {
        Cli pub = Cli.run("network", "allowlist");
        assertThat(pub.exit()).isZero();
        assertThat(pub.out()).contains("*.database.windows.net").contains("https://login.microsoftonline.com/")
                .contains("https://management.azure.com/");
        Cli gov = Cli.run("network", "allowlist", "--cloud", "usgov", "--mi-fqdn",
                "mi1.abc.database.usgovcloudapi.net");
        assertThat(gov.out()).contains("Azure US Government").contains("mi1.abc.database.usgovcloudapi.net")
                .contains("https://management.usgovcloudapi.net/");
        Cli china = Cli.run("network", "allowlist", "--cloud", "china");
        assertThat(china.out()).contains(".database.chinacloudapi.cn");
        Cli bad = Cli.run("network", "allowlist", "--cloud", "mars");
        assertThat(bad.exit()).isEqualTo(2);
        assertThat(bad.err()).contains("unknown cloud 'mars'");
    }

    @Test
    void networkAloneIsAUsageError() {
        Cli r = Cli.run("network");
        assertThat(r.exit()).isEqualTo(2);
        assertThat(r.err()).contains("Missing subcommand");
        assertThat(Cli.run("network", "rules", "--help").out()).contains("--sql-server").contains("--mi-subnet");
    }
}
