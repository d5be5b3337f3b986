// SPDX-License-Identifier: Apache-2.0
package dev.milink.core.script;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.params.provider.Arguments.arguments;

import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** One escaping table per language, on the names that break naive quoting. */
class SyntaxTest {

    /** Brackets, quotes, $, backticks, spaces, a newline, non-Latin letters, typographic quotes. */
    static final List<String> HARD = List.of("Sales]Q1", "O'Brien", "say \"hi\"", "$env:PATH ${x} $(rm -rf /)",
            "back`tick", "two  spaces", "line1\nline2", "Ведомости", "販売", "it\u2019s", "tab\there", "C:\\dir\\");

    static Stream<Arguments> examples() {
        return Stream.of(
                arguments(Syntax.TSQL_NAME, "Sales]Q1", "[Sales]]Q1]"),
                arguments(Syntax.TSQL_NAME, "Ведомости", "[Ведомости]"),
                arguments(Syntax.TSQL_NAME, "販売 2024", "[販売 2024]"),
                arguments(Syntax.TSQL_NAME, "a'b\"c$`d\ne", "[a'b\"c$`d\ne]"),
                arguments(Syntax.TSQL_STRING, "O'Brien", "N'O''Brien'"),
                arguments(Syntax.TSQL_STRING, "販売", "N'販売'"),
                arguments(Syntax.TSQL_STRING, "]\"$`", "N']\"$`'"),
                arguments(Syntax.POWERSHELL, "O'Brien", "'O''Brien'"),
                arguments(Syntax.POWERSHELL, "a\u2018b\u2019c\u201Ad\u201Be",
                        "'a\u2018\u2018b\u2019\u2019c\u201A\u201Ad\u201B\u201Be'"),
                arguments(Syntax.POWERSHELL, "$env:X \"y\" `n", "'$env:X \"y\" `n'"),
                arguments(Syntax.POWERSHELL, "Ведомости 販売", "'Ведомости 販売'"),
                arguments(Syntax.POWERSHELL, "a\nb", "'a\nb'"),
                arguments(Syntax.POSIX_SHELL, "/var/opt/it's here", "'/var/opt/it'\\''s here'"),
                arguments(Syntax.POSIX_SHELL, "$(rm -rf /) `id` \"x\"", "'$(rm -rf /) `id` \"x\"'"),
                arguments(Syntax.POSIX_SHELL, "販売\nВедомости", "'販売\nВедомости'"),
                arguments(Syntax.BICEP, "nsg-01", "'nsg-01'"),
                arguments(Syntax.BICEP, "O'Brien", "'O\\'Brien'"),
                arguments(Syntax.BICEP, "${subscription().id}", "'\\${subscription().id}'"),
                arguments(Syntax.BICEP, "C:\\dir\\", "'C:\\\\dir\\\\'"),
                arguments(Syntax.BICEP, "a\nb\tc\u0001", "'a\\nb\\tc\\u{1}'"),
                arguments(Syntax.BICEP, "Ведомости \"販売\" `x`", "'Ведомости \"販売\" `x`'"),
                arguments(Syntax.JSON, "say \"hi\"", "\"say \\\"hi\\\"\""),
                arguments(Syntax.JSON, "C:\\dir", "\"C:\\\\dir\""),
                arguments(Syntax.JSON, "a\nb\u0001", "\"a\\nb\\u0001\""),
                arguments(Syntax.JSON, "Ведомости 販売 ' $ ` ]", "\"Ведомости 販売 ' $ ` ]\""),
                arguments(Syntax.RAW, "42", "42"));
    }

    /** Brackets, quotes, $, backticks, spaces, newlines, non-Latin letters, typographic quotes: one token each. */
    @ParameterizedTest(name = "{0}: {1}")
    @MethodSource("examples")
    void quotesEachValueAsOneToken(Syntax syntax, String value, String expected) {
        assertThat(syntax.quote(value)).isEqualTo(expected);
    }

    /** Undoing each language's escaping gives the value back, for every hard name. */
    @Test
    void readsBackAsTheSameValue() {
        for (String s : HARD) {
            assertThat(unwrap(TSql.quoteName(s), 1).replace("]]", "]")).isEqualTo(s);
            assertThat(TSql.literal(s)).startsWith("N'");
            assertThat(unwrap(TSql.literal(s), 2).replace("''", "'")).isEqualTo(s);
            assertThat(unwrap(Syntax.POSIX_SHELL.quote(s), 1).replace("'\\''", "'")).isEqualTo(s);
        }
        assertThat(TSql.literalBody("it's")).isEqualTo("it''s");
        assertThatThrownBy(() -> TSql.quoteName("")).isInstanceOf(IllegalArgumentException.class);
    }

    private static String unwrap(String quoted, int open) {
        return quoted.substring(open, quoted.length() - 1);
    }

    @Test
    void templateQuotesEachPlaceholderInItsOwnSyntax() {
        ScriptTemplate t = ScriptTemplate.of("t", "ALTER DATABASE {{db:tsql-name}} -- {{db:tsql-string}}\n"
                + "Copy-Item {{db:powershell}}; cp {{db:shell}} x; name: {{db:bicep}} {{db:json}} {{n:raw}} {{pre}}");
        assertThat(t.render(Map.of("db", "Ведомости]'s", "n", "42", "pre", "[already]")))
                .isEqualTo("ALTER DATABASE [Ведомости]]'s] -- N'Ведомости]''s'\n"
                        + "Copy-Item 'Ведомости]''s'; cp 'Ведомости]'\\''s' x; name: 'Ведомости]\\'s' "
                        + "\"Ведомости]'s\" 42 [already]");
        assertThatThrownBy(() -> t.render(Map.of("db", "x"))).hasMessageContaining("{{n:raw}}");
        assertThatThrownBy(() -> ScriptTemplate.of("u", "{{x:cobol}}").render(Map.of("x", "1")))
                .hasMessageContaining("unknown placeholder syntax 'cobol'");
    }

    @Test
    void withoutCommentLinesDropsDashDashLines() {
        assertThat(ScriptTemplate.of("c", "-- header\n  -- indented\nSELECT 1;\n\n").withoutCommentLines().render())
                .isEqualTo("SELECT 1;");
    }
}
