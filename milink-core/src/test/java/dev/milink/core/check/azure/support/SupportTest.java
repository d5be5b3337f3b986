// SPDX-License-Identifier: Apache-2.0
package dev.milink.core.check.azure.support;

import static org.assertj.core.api.Assertions.assertThat;

import dev.milink.core.testing.TestCertificates;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SupportTest {

    @Test
    void blobsNormaliseCaseSpacesAnd0x() {
        assertThat(Blobs.normalize(" 0xab cd\nEF ")).isEqualTo("ABCDEF");
        assertThat(Blobs.same("0xabc1", "ABC1")).isTrue();
        assertThat(Blobs.same("", "")).isFalse();
        assertThat(Blobs.bytes("0xZZ")).isEmpty();
        assertThat(Blobs.bytes("ABC")).isEmpty();
    }

    @Test
    void thumbprintIsTheSha1OfTheDerBytesAndExpiryComesFromTheCertificate() {
        assertThat(Blobs.thumbprint("0x" + TestCertificates.SQL_ENDPOINT_HEX.toLowerCase()))
                .contains(TestCertificates.SQL_ENDPOINT_SHA1);
        assertThat(Blobs.notAfter(TestCertificates.MI_ENDPOINT_HEX)).contains(Instant.parse("2027-02-25T00:00:00Z"));
        assertThat(Blobs.notAfter("0x0102")).isEmpty(); // InvalidPublicBlob: not a DER certificate
    }

    @Test
    void armRequestsAreJsonWithEscapedStrings() {
        Map<String, Object> props = new LinkedHashMap<>();
        props.put("description", "quote \" backslash \\ newline \n tab \t");
        props.put("priority", 100);
        props.put("list", List.of("a", "b"));
        props.put("flag", true);
        String json = ArmRequest.of("PUT", "/subscriptions/x?api-version=1", Map.of("properties", props));
        assertThat(json).isEqualTo("""
                {
                  "method": "PUT",
                  "path": "/subscriptions/x?api-version=1",
                  "body": {
                    "properties": {
                      "description": "quote \\" backslash \\\\ newline \\n tab \\t",
                      "priority": 100,
                      "list": ["a", "b"],
                      "flag": true
                    }
                  }
                }
                """);
    }

    @Test
    void resourceIdSegments() {
        String id = "/subscriptions/s1/resourceGroups/rg-1/providers/Microsoft.Sql/managedInstances/mi1";
        assertThat(MiFacts.segment(id, "resourcegroups")).contains("rg-1");
        assertThat(MiFacts.segment(id, "nothing")).isEmpty();
        assertThat(MiFacts.lastSegment(id)).isEqualTo("mi1");
    }
}
