// SPDX-License-Identifier: Apache-2.0
package dev.milink.network.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.api.Test;

/**
 * Every rule format against a committed golden file. After an intended change, regenerate with
 * {@code ./mvnw -pl milink-network -am test -Dtest=RuleFormatGoldenTest -Dsurefire.failIfNoSpecifiedTests=false -Dmilink.golden.update=true} and review the diff.
 */
class RuleFormatGoldenTest {

    private static final Path GOLDEN = Path.of("src/test/resources/golden/rules");
    /** Two SQL Server ranges with a custom endpoint port, and the MI subnet. */
    static final RuleSet SAMPLE = RuleSet.of(new LinkNetwork(
            List.of(Cidr.parse("192.0.2.10"), Cidr.parse("198.51.100.0/28")), Cidr.parse("10.0.0.0/24"), 5023));

    @ParameterizedTest
    @EnumSource(RuleFormat.class)
    void matchesGoldenFile(RuleFormat format) throws IOException {
        String actual = format.render(SAMPLE, new RuleFormat.Options("rg-link", "nsg-mi subnet", 1000));
        Path file = GOLDEN.resolve(format.cliName() + ".txt");
        if (Boolean.getBoolean("milink.golden.update")) {
            Files.createDirectories(GOLDEN);
            Files.writeString(file, actual, StandardCharsets.UTF_8);
        }
        assertThat(file).as("golden file for %s (regenerate with -Dmilink.golden.update=true)", format).exists();
        assertThat(actual).isEqualTo(Files.readString(file, StandardCharsets.UTF_8));
    }

    @Test
    void everyPortOfEveryFlowAppearsOnBothLayers() {
        String nsg = RuleFormat.AZURE_CLI.render(SAMPLE, RuleFormat.Options.DEFAULT);
        assertThat(nsg).contains("--direction Inbound", "--destination-port-ranges 5022",
                "--destination-port-ranges 11000-11999", "--direction Outbound", "--destination-port-ranges 5023");
        String windows = RuleFormat.WINDOWS_FIREWALL.render(SAMPLE, RuleFormat.Options.DEFAULT);
        assertThat(windows).contains("-Direction Inbound", "-LocalPort 5023", "-Direction Outbound",
                "-RemotePort 5022,11000-11999", "-RemoteAddress '10.0.0.0/24'");
    }

    @Test
    void placeholdersAndOddNamesAreQuotedForTheShell() {
        String cli = RuleFormat.AZURE_CLI.render(SAMPLE, RuleFormat.Options.DEFAULT);
        assertThat(cli).contains("--resource-group '<resource-group>'", "--nsg-name '<mi-subnet-nsg>'");
        String odd = RuleFormat.AZURE_CLI.render(SAMPLE, new RuleFormat.Options("rg'x", "nsg", 1000));
        assertThat(odd).contains("--resource-group 'rg'\\''x'");
    }

    @Test
    void unknownFormatNamesTheValidOnes() {
        assertThatThrownBy(() -> RuleFormat.fromCliName("iptables")).hasMessageContaining("azure-cli")
                .hasMessageContaining("nftables");
        assertThatThrownBy(() -> new RuleFormat.Options("rg", "nsg", 99)).hasMessageContaining("100 and 4090");
    }
}
