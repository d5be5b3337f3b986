// SPDX-License-Identifier: Apache-2.0
package dev.milink.core.check.azure.support;

import dev.milink.core.script.Syntax;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The text of an {@code ARM_REQUEST} script: {@code {"method":…,"path":…,"body":…}}, which milink's Azure
 * executor sends as it is. Written here without a JSON library (the check API stays free of Jackson), strings
 * quoted by {@link Syntax#JSON} like every JSON placeholder; bodies are maps (insertion order kept), lists, strings,
 * numbers and booleans.
 */
public final class ArmRequest {

    /**
     * Top-level member naming the SQL Server certificate whose PFX milink builds into the body at apply time (MIL-D14):
     * {@code {"certificate": NAME, "thumbprint": "0x…"}}.
     */
    public static final String PRIVATE_BLOB_FROM = "privateBlobFrom";

    /**
     * Top-level member naming the SQL Server certificate whose public key (CERTENCODED) milink reads into the body's
     * {@code properties.publicBlob} at apply time, because an earlier step of the same plan creates it (MIL-I10 after
     * MIL-I9): {@code {"certificate": NAME, "createdBy": STEP-ID}}.
     */
    public static final String PUBLIC_BLOB_FROM = "publicBlobFrom";

    private ArmRequest() {
    }

    /** {@code method} on {@code path} (starting {@code /subscriptions/…}, with its api-version) with {@code body}. */
    public static String of(String method, String path, Map<String, ?> body) {
        return of(method, path, body, Map.of());
    }

    /**
     * The same with further top-level members after {@code body}, e.g. {@link #PRIVATE_BLOB_FROM} or
     * {@link #PUBLIC_BLOB_FROM}: what milink fills into the body at apply time from SQL Server's certificate.
     */
    public static String of(String method, String path, Map<String, ?> body, Map<String, ?> more) {
        Objects.requireNonNull(path, "path");
        StringBuilder out = new StringBuilder("{\n  \"method\": ");
        string(out, method);
        out.append(",\n  \"path\": ");
        string(out, path);
        out.append(",\n  \"body\": ");
        value(out, body, "  ");
        for (Map.Entry<String, ?> e : more.entrySet()) {
            out.append(",\n  ");
            string(out, e.getKey());
            out.append(": ");
            value(out, e.getValue(), "  ");
        }
        return out.append("\n}\n").toString();
    }

    private static void value(StringBuilder out, Object v, String indent) {
        switch (v) {
            case null -> out.append("null");
            case String s -> string(out, s);
            case Number n -> out.append(n);
            case Boolean b -> out.append(b);
            case Map<?, ?> m -> {
                if (m.isEmpty()) {
                    out.append("{}");
                    return;
                }
                out.append("{\n");
                int i = 0;
                for (Map.Entry<?, ?> e : m.entrySet()) {
                    out.append(indent).append("  ");
                    string(out, String.valueOf(e.getKey()));
                    out.append(": ");
                    value(out, e.getValue(), indent + "  ");
                    out.append(++i < m.size() ? ",\n" : "\n");
                }
                out.append(indent).append('}');
            }
            case List<?> l -> {
                out.append('[');
                for (int i = 0; i < l.size(); i++) {
                    value(out, l.get(i), indent);
                    if (i + 1 < l.size()) {
                        out.append(", ");
                    }
                }
                out.append(']');
            }
            default -> throw new IllegalArgumentException("not a JSON value: " + v.getClass().getName());
        }
    }

    private static void string(StringBuilder out, String s) {
        out.append(Syntax.JSON.quote(s));
    }
}
