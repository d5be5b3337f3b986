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
    private static final ObjectMapper JSON = new JsonMapper(FACTORY);
    private static final ObjectMapper YAML = new YAMLMapper(YAMLFactory.builder()
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .build());

    private Json() {
    }

    /** Reads and builds JSON trees and values. */
    public static ObjectMapper mapper() {
        return JSON;
    }

    /** Reads YAML (the config file) into the same trees. */
    public static ObjectMapper yaml() {
        return YAML;
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

    /** A streaming generator in milink's JSON style writing to {@code out}; closing it leaves {@code out} open. */
    public static JsonGenerator generator(Writer out) throws IOException {
        JsonGenerator g = FACTORY.createGenerator(out);
        g.disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET);
        g.setPrettyPrinter(printer());
        return g;
    }

    /** A tree as milink prints JSON, without a trailing newline. */
    public static String pretty(JsonNode node) {
        try {
            return JSON.writer(printer()).writeValueAsString(node);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write JSON", e);
        }
    }

    /** Plain maps, lists and scalars from a tree, for code that must not see Jackson types. */
    public static Object plain(JsonNode node) {
        return JSON.convertValue(node, Object.class);
    }

    private static DefaultPrettyPrinter printer() {
        return new DefaultPrettyPrinter(Separators.createDefaultInstance()
                .withObjectFieldValueSpacing(Separators.Spacing.AFTER))
                .withObjectIndenter(new DefaultIndenter("  ", "\n"))
                .withArrayIndenter(new DefaultIndenter("  ", "\n"));
    }
}
