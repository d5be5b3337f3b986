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
    void treesAndStreamsPrintInOneStyle() throws Exception {
        var node = Json.mapper().readTree("{\"name\":\"Ведомости\",\"list\":[1,2],\"empty\":[]}");
        String expected = "{\n  \"name\": \"Ведомости\",\n  \"list\": [\n    1,\n    2\n  ],\n  \"empty\": [ ]\n}";
        assertThat(Json.pretty(node)).isEqualTo(expected);
        StringWriter out = new StringWriter();
        try (var g = Json.generator(out)) {
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
