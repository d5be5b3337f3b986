// SPDX-License-Identifier: Apache-2.0
package dev.milink.azure.fix;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.milink.azure.internal.ArmJson;
import dev.milink.core.check.FixStep;
import dev.milink.core.check.Script;
import dev.milink.core.check.ScriptKind;
import dev.milink.core.check.azure.support.ArmRequest;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;

/**
 * The upload of a server trust certificate whose SQL Server certificate an earlier step of the same plan creates
 * (MIL-I10 after MIL-I9): its ARM request ({@code PUT …/serverTrustCertificates/NAME}) names, in
 * {@link ArmRequest#PUBLIC_BLOB_FROM}, the certificate whose public key goes into {@code properties.publicBlob}.
 * The same mechanism as {@link TdeCertificateUpload}: {@link #source} reads the name, {@link #filled} puts the
 * public key into the body and drops the marker; {@link dev.milink.azure.fix.ArmRequest#of} refuses a request that
 * still has it.
 *
 * @since 0.3
 */
public final class TrustCertificateUpload {

    private TrustCertificateUpload() {
    }

    /**
     * The SQL Server certificate whose public key to read.
     *
     * @param certificate its name in master
     * @param createdBy   the id of the step that creates it, or empty
     */
    public record Source(String certificate, String createdBy) {}

    /** The certificate to read when {@code step} uploads one an earlier step creates, else empty. */
    public static Optional<Source> source(FixStep step) {
        return step.script(ScriptKind.ARM_REQUEST).map(s -> ArmJson.parse(s.text()))
                .map(n -> n.get(ArmRequest.PUBLIC_BLOB_FROM)).filter(JsonNode::isObject)
                .map(f -> new Source(f.path("certificate").asText(""), f.path("createdBy").asText("")))
                .filter(s -> !s.certificate().isEmpty());
    }

    /** {@code step} with {@code der} (the certificate, CERTENCODED) as {@code 0x…} public blob, ready to send. */
    public static FixStep filled(FixStep step, byte[] der) {
        List<Script> scripts = new ArrayList<>();
        for (Script s : step.scripts()) {
            if (s.kind() != ScriptKind.ARM_REQUEST) {
                scripts.add(s);
                continue;
            }
            ObjectNode n = (ObjectNode) ArmJson.parse(s.text());
            n.remove(ArmRequest.PUBLIC_BLOB_FROM);
            n.withObject("/body").withObject("/properties").put("publicBlob",
                    "0x" + HexFormat.of().withUpperCase().formatHex(der));
            scripts.add(new Script(ScriptKind.ARM_REQUEST, n.toString()));
        }
        return new FixStep(step.id(), step.title(), step.phase(), step.order(), step.restartRequired(),
                step.appliable(), scripts, step.secret());
    }
}
