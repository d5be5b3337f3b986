// SPDX-License-Identifier: Apache-2.0
package dev.milink.core.internal;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.core.util.Separators;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;

/**
 * The one Jackson configuration of milink: how every file is read (build reference data, facts files, the config
 * file, the network test's JSON) and how every JSON output looks (report, errors, {@code checks list}, network
 * test). Reading rejects a key given twice, so a config or data file never silently keeps only its last value;
 * writing uses one style: two-space indent, {@code "key": value}, {@code \n} line ends on every platform.
 *
 * <p>Not API ({@code core.internal}): other modules use it; callers of milink-core never need Jackson.
 */
public final class Json {

    private static final JsonFactory FACTORY = JsonFactory.builder()
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .build();

    private Json() {
    }

    /**
     * Reads and builds JSON trees and values. Built on first use: an {@code ObjectMapper} loads a few hundred
     * classes, and a {@code milink check} that prints text needs none of them (start-up, docs/benchmarks.md).
     */
    public static ObjectMapper mapper() {
        return JsonHolder.JSON;
    }

    /** Reads YAML (the config file) into the same trees; built on first use, like {@link #mapper()}. */
    public static ObjectMapper yaml() {
        return YamlHolder.YAML;
    }

    /**
     * A tree from JSON text with jackson-core's streaming parser and databind's node classes only, no
     * {@code ObjectMapper}: for data read on every start (the bundled build reference). Same strictness as
     * {@link #mapper()} (a key given twice is an error); {@code null} for empty input.
     */
    public static JsonNode readTree(java.io.InputStream in) throws IOException {
        try (com.fasterxml.jackson.core.JsonParser p = FACTORY.createParser(in)) {
            if (p.nextToken() == null) {
                return null;
            }
            JsonNode root = node(p);
            if (p.nextToken() != null) {
                throw new com.fasterxml.jackson.core.JsonParseException(p, "Trailing token (of type "
                        + p.currentToken() + ") found after value");
            }
            return root;
        }
    }

    private static JsonNode node(com.fasterxml.jackson.core.JsonParser p) throws IOException {
        com.fasterxml.jackson.databind.node.JsonNodeFactory f =
                com.fasterxml.jackson.databind.node.JsonNodeFactory.instance;
        return switch (p.currentToken()) {
            case START_OBJECT -> {
                com.fasterxml.jackson.databind.node.ObjectNode o = f.objectNode();
                while (p.nextToken() == com.fasterxml.jackson.core.JsonToken.FIELD_NAME) {
                    String name = p.currentName();
                    p.nextToken();
                    o.set(name, node(p));
                }
                yield o;
            }
            case START_ARRAY -> {
                com.fasterxml.jackson.databind.node.ArrayNode a = f.arrayNode();
                while (p.nextToken() != com.fasterxml.jackson.core.JsonToken.END_ARRAY) {
                    a.add(node(p));
                }
                yield a;
            }
            case VALUE_STRING -> f.textNode(p.getText());
            case VALUE_NUMBER_INT -> switch (p.getNumberType()) {
                case INT -> f.numberNode(p.getIntValue());
                case LONG -> f.numberNode(p.getLongValue());
                default -> f.numberNode(p.getBigIntegerValue());
            };
            case VALUE_NUMBER_FLOAT -> f.numberNode(p.getDoubleValue()); // as the mapper reads them
            case VALUE_TRUE -> f.booleanNode(true);
            case VALUE_FALSE -> f.booleanNode(false);
            case VALUE_NULL -> f.nullNode();
            default -> throw new com.fasterxml.jackson.core.JsonParseException(p, "Unexpected token "
                    + p.currentToken());
        };
    }

    private static final class JsonHolder {
        static final ObjectMapper JSON = new JsonMapper(FACTORY);
    }

    private static final class YamlHolder {
        static final ObjectMapper YAML = new YAMLMapper(YAMLFactory.builder()
                .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
                .build());
    }

    /**
     * Reads CSV (inventories exported from spreadsheets): RFC 4180 quoting, the caller sets the separator through
     * its schema. Built on first use, so runs that read no CSV never load the CSV module.
     */
    public static com.fasterxml.jackson.dataformat.csv.CsvMapper csv() {
        return CsvHolder.CSV;
    }

    private static final class CsvHolder {
        static final com.fasterxml.jackson.dataformat.csv.CsvMapper CSV =
                new com.fasterxml.jackson.dataformat.csv.CsvMapper();
    }

    /**
     * A streaming generator in milink's JSON style writing to {@code out}; closing it leaves {@code out} open. It
     * streams without an {@code ObjectMapper}; to write a whole tree with it, give it one first
     * ({@code g.setCodec(Json.mapper())}).
     */
    public static JsonGenerator generator(Writer out) throws IOException {
        JsonGenerator g = FACTORY.createGenerator(out);
        g.disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET);
        g.setPrettyPrinter(printer());
        return g;
    }

    /** A tree as milink prints JSON, without a trailing newline. */
    public static String pretty(JsonNode node) {
        try {
            return mapper().writer(printer()).writeValueAsString(node);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write JSON", e);
        }
    }

    /** Plain maps, lists and scalars from a tree, for code that must not see Jackson types. */
    public static Object plain(JsonNode node) {
        return mapper().convertValue(node, Object.class);
    }

    private static DefaultPrettyPrinter printer() {
        return new DefaultPrettyPrinter(Separators.createDefaultInstance()
                .withObjectFieldValueSpacing(Separators.Spacing.AFTER))
                .withObjectIndenter(new DefaultIndenter("  ", "\n"))
                .withArrayIndenter(new DefaultIndenter("  ", "\n"));
    }
}
