// SPDX-License-Identifier: Apache-2.0
package dev.milink.azure.fix;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.milink.azure.AzureError;
import dev.milink.core.check.Finding;
import dev.milink.core.check.FixStep;
import dev.milink.core.check.ScriptKind;
import dev.milink.core.check.database.TdeCertificateCheck;
import dev.milink.core.error.MilinkException;
import dev.milink.core.model.DatabaseFacts;
import dev.milink.core.model.Fact;
import dev.milink.core.model.ServerFacts.Certificate;
import dev.milink.core.testing.TestFacts;
import dev.milink.core.testing.TestMi;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * MIL-D14's upload step as the Azure executor sees it: the certificate to export is read from
 * {@code privateBlobFrom}; unfilled, the request is refused before anything is sent; filled, it is an ordinary
 * POST with the PFX and password and without the marker or the instructions.
 */
class TdeCertificateUploadTest {

    private static final String THUMB = "9F8E7D6C5B4A39281706F5E4D3C2B1A098765432";

    private static FixStep uploadStep() {
        TestFacts t = TestFacts.linked();
        List<Certificate> certs = new ArrayList<>(t.buildServer().certificates().orElse(List.of()));
        certs.add(new Certificate("TDE\"Cert", 300, "TDE", "TDE", Instant.parse("2025-01-01T00:00:00Z"),
                Instant.parse("2035-01-01T00:00:00Z"), "MK", THUMB));
        t.certificates(Fact.of(List.copyOf(certs))).database("Sales", d -> TestFacts.with(d, "encryption",
                Fact.of(new DatabaseFacts.Encryption(3, "CERTIFICATE", THUMB))));
        var facts = t.build();
        DatabaseFacts sales = TestFacts.sales(facts);
        Finding f = new TdeCertificateCheck().evaluate(sales, facts, dev.milink.core.check.CheckContext.of(
                dev.milink.core.buildref.BuildReferences.bundled()));
        return f.remediation().steps().stream().filter(FixStep::appliable).findFirst().orElseThrow();
    }

    @Test
    void theSourceIsReadAndThePlaceholdersAreNeverSent() {
        FixStep step = uploadStep();
        assertThat(ArmFixExecutor.handles(step)).isTrue();
        assertThat(TdeCertificateUpload.source(step)).contains(new TdeCertificateUpload.Source("TDE\"Cert",
                "0x" + THUMB));
        assertThatThrownBy(() -> ArmRequest.of(step)).isInstanceOfSatisfying(MilinkException.class,
                e -> assertThat(e.code()).isEqualTo(AzureError.ARM_REQUEST_INVALID))
                .hasMessageContaining("needs the PFX that milink builds");
    }

    @Test
    void theFilledStepIsAnOrdinaryPostWithThePfxAndPassword() throws Exception {
        FixStep filled = TdeCertificateUpload.filled(uploadStep(), new byte[] {1, 2, 3}, "Pw-1".toCharArray());
        assertThat(filled.scripts()).hasSize(1).allMatch(s -> s.kind() == ScriptKind.ARM_REQUEST);
        assertThat(TdeCertificateUpload.source(filled)).isEmpty();
        ArmRequest request = ArmRequest.of(filled);
        assertThat(request.method()).isEqualTo("POST");
        assertThat(request.resourcePath()).isEqualTo(TestMi.RESOURCE_ID + "/tdeCertificates");
        assertThat(request.toString()).doesNotContain("Pw-1");
        JsonNode body = new ObjectMapper().readTree(request.body()).path("properties");
        assertThat(body.path("privateBlob").asText()).isEqualTo(Base64.getEncoder().encodeToString(new byte[] {1, 2, 3}));
        assertThat(body.path("certPassword").asText()).isEqualTo("Pw-1");
    }
}
