// SPDX-License-Identifier: Apache-2.0
package dev.milink.azure.fix;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.milink.azure.internal.ArmJson;
import dev.milink.core.check.FixStep;
import dev.milink.core.check.Script;
import dev.milink.core.check.ScriptKind;
import dev.milink.core.check.database.TdeCertificateCheck;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Optional;

/**
 * The upload of a TDE certificate (MIL-D14): its ARM request ({@code POST …/tdeCertificates}) names, in
 * {@code privateBlobFrom}, the SQL Server certificate whose PFX goes into the body, which milink builds at apply
 * time. {@link #source} reads that name; {@link #filled} puts the PFX and its password into the body and drops
 * the marker, so {@link ArmFixExecutor} sends it like any other request. {@link ArmRequest#of} refuses a request
 * that still has the marker, so placeholders are never sent.
 *
 * @since 0.3
 */
public final class TdeCertificateUpload {

    private TdeCertificateUpload() {
    }

    /**
     * The SQL Server certificate to export.
     *
     * @param certificate its name in master
     * @param thumbprint  its thumbprint as the check saw it ({@code 0x…})
     */
    public record Source(String certificate, String thumbprint) {}

    /** The certificate to export when {@code step} uploads a TDE certificate, else empty. */
    public static Optional<Source> source(FixStep step) {
        return step.script(ScriptKind.ARM_REQUEST).map(s -> ArmJson.parse(s.text()))
                .map(n -> n.get(TdeCertificateCheck.PRIVATE_BLOB_FROM)).filter(JsonNode::isObject)
                .map(f -> new Source(f.path("certificate").asText(""), f.path("thumbprint").asText(null)))
                .filter(s -> !s.certificate().isEmpty());
    }

    /**
     * {@code step} with the PFX and its password in the request body, ready for {@link ArmFixExecutor#apply}. The
     * result holds the secret: keep it in memory only, never render or log its scripts.
     */
    public static FixStep filled(FixStep step, byte[] pfx, char[] password) {
        List<Script> scripts = new ArrayList<>();
        for (Script s : step.scripts()) {
            if (s.kind() != ScriptKind.ARM_REQUEST) {
                continue; // the instructions are for people; the filled step is only ever sent
            }
            ObjectNode n = (ObjectNode) ArmJson.parse(s.text());
            n.remove(TdeCertificateCheck.PRIVATE_BLOB_FROM);
            ObjectNode properties = n.withObject("/body").withObject("/properties");
            properties.put("privateBlob", Base64.getEncoder().encodeToString(pfx));
            properties.put("certPassword", new String(password));
            scripts.add(new Script(ScriptKind.ARM_REQUEST, n.toString()));
        }
        return new FixStep(step.id(), step.title(), step.phase(), step.order(), step.restartRequired(),
                step.appliable(), scripts, Optional.empty());
    }
}
