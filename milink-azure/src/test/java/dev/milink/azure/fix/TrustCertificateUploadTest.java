// SPDX-License-Identifier: Apache-2.0
package dev.milink.azure.fix;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.milink.azure.AzureError;
import dev.milink.core.buildref.BuildReferences;
import dev.milink.core.check.CheckContext;
import dev.milink.core.check.Finding;
import dev.milink.core.check.FixStep;
import dev.milink.core.check.ScriptKind;
import dev.milink.core.check.azure.certificates.ServerTrustCertificateCheck;
import dev.milink.core.error.MilinkException;
import dev.milink.core.model.Fact;
import dev.milink.core.testing.TestFacts;
import dev.milink.core.testing.TestMi;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * MIL-I10's upload of the certificate MIL-I9 creates in the same run, as the Azure executor sees it: the certificate
 * is named in {@code publicBlobFrom}; unfilled, the request is refused before anything is sent; filled, it is an
 * ordinary PUT with the public key as {@code 0x…} hex and without the marker.
 */
class TrustCertificateUploadTest {

    private static FixStep uploadStep() {
        var facts = TestFacts.linked().certificates(Fact.of(List.of())).mirroringEndpoint(Fact.of(List.of()))
                .mi(TestMi.ready().set("trustCertificates", Fact.of(List.of()))).build();
        Finding f = new ServerTrustCertificateCheck().evaluate(facts, CheckContext.of(BuildReferences.bundled()))
                .getFirst();
        return f.remediation().steps().stream().filter(FixStep::appliable).findFirst().orElseThrow();
    }

    @Test
    void theSourceIsReadAndThePlaceholderIsNeverSent() {
        FixStep step = uploadStep();
        assertThat(ArmFixExecutor.handles(step)).isTrue();
        assertThat(TrustCertificateUpload.source(step)).get().satisfies(s -> {
            assertThat(s.certificate()).isEqualTo("Cert_SQL01_endpoint");
            assertThat(s.createdBy()).endsWith("/create-endpoint-certificate");
        });
        assertThat(TdeCertificateUpload.source(step)).isEmpty();
        assertThatThrownBy(() -> ArmRequest.of(step)).isInstanceOfSatisfying(MilinkException.class,
                e -> assertThat(e.code()).isEqualTo(AzureError.ARM_REQUEST_INVALID))
                .hasMessageContaining("needs the public key that milink reads");
    }

    @Test
    void theFilledStepIsAnOrdinaryPutWithThePublicKeyAsHex() throws Exception {
        FixStep filled = TrustCertificateUpload.filled(uploadStep(), new byte[] {0x30, (byte) 0x82, 0x0a});
        assertThat(TrustCertificateUpload.source(filled)).isEmpty();
        ArmRequest request = ArmRequest.of(filled);
        assertThat(request.method()).isEqualTo("PUT");
        assertThat(request.resourcePath()).isEqualTo(TestMi.RESOURCE_ID + "/serverTrustCertificates/Cert_SQL01_endpoint");
        assertThat(new ObjectMapper().readTree(request.body()).path("properties").path("publicBlob").asText())
                .isEqualTo("0x30820A");
        assertThat(filled.script(ScriptKind.ARM_REQUEST).orElseThrow().text()).doesNotContain("publicBlobFrom");
    }
}
