// SPDX-License-Identifier: Apache-2.0
package dev.milink.core.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.core.JacksonException;
import java.io.StringWriter;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The one Jackson configuration: strict reading, one output style. */
class JsonTest {

    @Test
    void aKeyGivenTwiceIsAnErrorInJsonAndYaml() {
        assertThatThrownBy(() -> Json.mapper().readTree("{\"a\": 1, \"a\": 2}"))
                .isInstanceOf(JacksonException.class).hasMessageContaining("Duplicate field 'a'");
        assertThatThrownBy(() -> Json.yaml().readTree("fail-on: warning\nfail-on: blocker\n"))
                .isInstanceOf(JacksonException.class).hasMessageContaining("Duplicate field 'fail-on'");
    }

    @Test
    void theLightReaderBuildsTheSameTreesAsTheMapperAndIsAsStrict() throws Exception {
        String text = "{\"schema\": 1, \"name\": \"Ведомости\", \"list\": [1, 2.5, 30000000000, true, null,"
                + " {\"nested\": []}], \"big\": 123456789012345678901234567890}";
        assertThat(Json.readTree(in(text))).isEqualTo(Json.mapper().readTree(text));
        assertThat(Json.readTree(in(""))).isNull();
        assertThatThrownBy(() -> Json.readTree(in("{\"a\": 1, \"a\": 2}")))
                .isInstanceOf(JacksonException.class).hasMessageContaining("Duplicate field 'a'");
        assertThatThrownBy(() -> Json.readTree(in("{\"a\": 1} {")))
                .isInstanceOf(JacksonException.class).hasMessageContaining("Trailing token");
        assertThatThrownBy(() -> Json.readTree(in("{\"a\": [1, 2}")))
                .isInstanceOf(JacksonException.class).satisfies(e ->
                        assertThat(((JacksonException) e).getLocation().getLineNr()).isEqualTo(1));
    }

    private static java.io.InputStream in(String text) {
        return new java.io.ByteArrayInputStream(text.getBytes(java.nio.charset.StandardCharsets.UTF_8));
    }

    @Test
    void treesAndStreamsPrintInOneStyle() throws Exception {
        var node = Json.mapper().readTree("{\"name\":\"Ведомости\",\"list\":[1,2],\"empty\":[]}");
        String expected = "{\n  \"name\": \"Ведомости\",\n  \"list\": [\n    1,\n    2\n  ],\n  \"empty\": [ ]\n}";
        assertThat(Json.pretty(node)).isEqualTo(expected);
        StringWriter out = new StringWriter();
        try (var g = Json.generator(out)) {
            g.setCodec(Json.mapper());
            g.writeTree(node);
        }
        assertThat(out.toString()).isEqualTo(expected);
    }

    @Test
    void plainValuesForCodeWithoutJackson() throws Exception {
        Object plain = Json.plain(Json.yaml().readTree("suppress:\n  - {check: MIL-D7, expires: 2027-01-31}\n"));
        assertThat(plain).isEqualTo(Map.of("suppress", List.of(Map.of("check", "MIL-D7", "expires", "2027-01-31"))));
    }
}
