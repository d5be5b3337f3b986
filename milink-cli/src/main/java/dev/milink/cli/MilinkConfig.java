// SPDX-License-Identifier: Apache-2.0
package dev.milink.cli;

import dev.milink.core.internal.Json;
import dev.milink.core.error.CoreError;
import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.databind.JsonNode;
import dev.milink.core.assess.CheckConfig;
import dev.milink.core.catalog.CheckCatalog;
import dev.milink.core.error.DidYouMean;
import dev.milink.core.error.MilinkException;
import dev.milink.core.io.BoundedFiles;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * {@code milink.yaml}: the settings of {@code milink check} that a team keeps in a file. Command-line options win
 * over the file. Values may use {@code ${ENV_VAR}}; secrets themselves never go in the file (use
 * {@code password-file} or the environment). An unknown key is an error naming the key, because a typo silently
 * ignored ({@code fail_on: warning}) would change a CI gate without anyone noticing.
 *
 * <pre>
 * targets: [sql01.corp.example, "sql02.corp.example,1533"]
 * auth: sql
 * user: ${MILINK_USER}
 * direction: sql-to-mi
 * databases: [Sales, HR]
 * mi-fqdn: mi1.abc123.database.windows.net
 * output: json
 * fail-on: warning
 * checks:
 *   MIL-D16: {severity: warning}
 *   MIL-I9: {enabled: false}
 * suppress:
 *   - {check: MIL-D7, database: Legacy, reason: "archived; never linked", expires: 2027-01-31}
 * </pre>
 *
 * <p>{@code checks:} and {@code suppress:} become a {@link CheckConfig} (validated against the standard catalog:
 * an unknown id or a suppression without a reason is a configuration error, exit 2).
 */
record MilinkConfig(Path source, List<String> targets, String auth, String user, Path passwordFile, String direction,
                    List<String> databases, String miFqdn, String output, Path outputFile, String failOn,
                    Integer parallel, Boolean trustServerCertificate, String hostNameInCertificate, Path trustStore,
                    Path buildReference, CheckConfig checks, Azure azure) {

    static final List<String> KEYS = List.of("targets", "auth", "user", "password-file", "direction", "databases",
            "mi-fqdn", "output", "output-file", "fail-on", "parallel", "trust-server-certificate",
            "host-name-in-certificate", "trust-store", "build-reference", "checks", "suppress", "mi",
            "mi-subscription", "mi-resource-group", "mi-name", "mi-facts", "cloud", "azure-auth", "azure-tenant-id",
            "azure-client-id", "azure-client-secret-file", "sql-address");

    /**
     * The managed-instance end and how to reach Azure: the same names as the options ({@code mi}, {@code mi-facts},
     * {@code cloud}, {@code azure-auth}, ...). No secret: a client secret comes from a file or the environment.
     */
    record Azure(String mi, String subscription, String resourceGroup, String name, List<Path> miFacts, String cloud,
                 String auth, String tenantId, String clientId, Path clientSecretFile, List<String> sqlAddresses) {
        static final Azure NONE = new Azure(null, null, null, null, List.of(), null, null, null, null, null,
                List.of());
    }

    private static final Pattern VARIABLE = Pattern.compile("\\$\\{([A-Za-z_][A-Za-z0-9_]*)}");

    static MilinkConfig empty() {
        return new MilinkConfig(null, List.of(), null, null, null, null, List.of(), null, null, null, null, null,
                null, null, null, null, CheckConfig.NONE, Azure.NONE);
    }

    static MilinkConfig load(Path file, Map<String, String> env) {
        JsonNode root;
        try {
            byte[] bytes = BoundedFiles.read(file, BoundedFiles.CONFIG_MAX, "config file", CoreError.CONFIG_INVALID);
            // Json.yaml() rejects duplicate keys: YAML would silently keep the last one, hiding the first from review
            root = Json.yaml().readTree(new String(bytes, StandardCharsets.UTF_8));
        } catch (JacksonException e) {
            String where = e.getLocation() == null ? "" : " (line " + e.getLocation().getLineNr() + ")";
            throw new MilinkException(CoreError.CONFIG_INVALID, "The config file " + file + " is not valid YAML"
                    + where + ": " + e.getOriginalMessage().lines().findFirst().orElse("").strip() + ".", e);
        }
        if (root == null || root.isMissingNode() || root.isNull()) {
            return empty();
        }
        if (!root.isObject()) {
            throw invalid(file, "the top level must be a map of settings (key: value)");
        }
        for (Iterator<String> it = root.fieldNames(); it.hasNext();) {
            String key = it.next();
            if (!KEYS.contains(key)) {
                String close = DidYouMean.nearest(KEYS, key.replace('_', '-'));
                throw invalid(file, "unknown key '" + key + "' (did you mean '" + close + "'?). Valid keys: "
                        + String.join(", ", KEYS));
            }
        }
        Reader r = new Reader(file, root, env);
        return new MilinkConfig(file, r.list("targets"), r.text("auth"), r.text("user"), r.path("password-file"),
                r.text("direction"), r.list("databases"), r.text("mi-fqdn"), r.text("output"), r.path("output-file"),
                r.text("fail-on"), r.integer("parallel"), r.bool("trust-server-certificate"),
                r.text("host-name-in-certificate"), r.path("trust-store"), r.path("build-reference"),
                CheckConfig.read(r.plain("checks"), r.plain("suppress"), CheckCatalog.standard(), file.toString()),
                new Azure(r.text("mi"), r.text("mi-subscription"), r.text("mi-resource-group"), r.text("mi-name"),
                        r.list("mi-facts").stream().map(r::resolve).toList(), r.text("cloud"), r.text("azure-auth"),
                        r.text("azure-tenant-id"), r.text("azure-client-id"), r.path("azure-client-secret-file"),
                        r.list("sql-address")));
    }

    private static MilinkException invalid(Path file, String what) {
        return new MilinkException(CoreError.CONFIG_INVALID, "Config file " + file + ": " + what + ".");
    }

    /** Typed, substituted access to the values. */
    private record Reader(Path file, JsonNode root, Map<String, String> env) {

        String text(String key) {
            JsonNode n = root.get(key);
            if (n == null || n.isNull()) {
                return null;
            }
            if (!n.isValueNode()) {
                throw invalid(file, "'" + key + "' must be a single value");
            }
            return substitute(key, n.asText());
        }

        /** The value as plain maps, lists and strings (for core's {@link CheckConfig}), or null. */
        Object plain(String key) {
            JsonNode n = root.get(key);
            return n == null || n.isNull() ? null : Json.plain(n);
        }

        Path path(String key) {
            String t = text(key);
            return t == null ? null : resolve(t);
        }

        Path resolve(String t) {
            Path p = Path.of(t);
            // Relative paths are relative to the config file, so a checked-in config works from any directory.
            return p.isAbsolute() || file.getParent() == null ? p : file.getParent().resolve(p);
        }

        Integer integer(String key) {
            String t = text(key);
            try {
                return t == null ? null : Integer.valueOf(t.trim());
            } catch (NumberFormatException e) {
                throw invalid(file, "'" + key + "' must be a whole number, not '" + t + "'");
            }
        }

        Boolean bool(String key) {
            String t = text(key);
            if (t == null) {
                return null;
            }
            return switch (t.trim().toLowerCase(java.util.Locale.ROOT)) {
                case "true", "yes", "on" -> true;
                case "false", "no", "off" -> false;
                default -> throw invalid(file, "'" + key + "' must be true or false, not '" + t + "'");
            };
        }

        List<String> list(String key) {
            JsonNode n = root.get(key);
            if (n == null || n.isNull()) {
                return List.of();
            }
            if (n.isValueNode()) {
                return List.of(substitute(key, n.asText()));
            }
            if (!n.isArray()) {
                throw invalid(file, "'" + key + "' must be a list");
            }
            List<String> out = new ArrayList<>();
            for (JsonNode item : n) {
                if (!item.isValueNode()) {
                    throw invalid(file, "each entry of '" + key + "' must be a single value");
                }
                out.add(substitute(key, item.asText()));
            }
            return List.copyOf(out);
        }

        /** {@code ${NAME}} → the variable's value; an unset variable is an error naming it. */
        private String substitute(String key, String value) {
            Matcher m = VARIABLE.matcher(value);
            StringBuilder sb = new StringBuilder();
            while (m.find()) {
                String name = m.group(1);
                String v = env.get(name);
                if (v == null) {
                    throw invalid(file, "'" + key + "' uses ${" + name + "}, but the environment variable " + name
                            + " is not set");
                }
                m.appendReplacement(sb, Matcher.quoteReplacement(v));
            }
            m.appendTail(sb);
            return sb.toString();
        }
    }
}
