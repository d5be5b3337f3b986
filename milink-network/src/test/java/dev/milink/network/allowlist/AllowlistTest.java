// SPDX-License-Identifier: Apache-2.0
package dev.milink.network.allowlist;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.milink.network.allowlist.Allowlist.Cloud;
import dev.milink.network.allowlist.Allowlist.Entry;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Expected values are the ones in the requirements baseline §1.7 (SSMS options page and SDK tables). */
class AllowlistTest {

    @Test
    void publicCloudMatchesTheDocumentedEndpoints() {
        assertThat(values(Allowlist.forCloud(Cloud.PUBLIC, null))).containsExactly("*.database.windows.net",
                "https://login.microsoftonline.com/", "https://management.core.windows.net/",
                "https://management.azure.com/", "https://management.core.windows.net/");
    }

    @Test
    void usGovernmentAndChinaUseTheirOwnEndpoints() {
        assertThat(values(Allowlist.forCloud(Cloud.US_GOVERNMENT, null))).contains("*.database.usgovcloudapi.net",
                "https://login.microsoftonline.us/", "https://management.usgovcloudapi.net/",
                "https://management.core.usgovcloudapi.net/");
        assertThat(values(Allowlist.forCloud(Cloud.CHINA, null))).contains("*.database.chinacloudapi.cn",
                "https://management.chinacloudapi.cn/", "https://management.core.chinacloudapi.cn/");
    }

    @Test
    void aGivenManagedInstanceNameReplacesTheWildcard() {
        List<Entry> entries = Allowlist.forCloud(Cloud.PUBLIC, " contoso-mi.abc123.database.windows.net ");
        assertThat(entries.getFirst().value()).isEqualTo("contoso-mi.abc123.database.windows.net");
    }

    @Test
    void cloudNamesParseAndUnknownOnesAreExplained() {
        assertThat(Cloud.fromCliName("USGOV")).isEqualTo(Cloud.US_GOVERNMENT);
        assertThat(Cloud.fromCliName("us_government")).isEqualTo(Cloud.US_GOVERNMENT);
        assertThatThrownBy(() -> Cloud.fromCliName("germany")).hasMessageContaining("public, usgov, china");
    }

    private static List<String> values(List<Entry> entries) {
        return entries.stream().map(Entry::value).toList();
    }
}
