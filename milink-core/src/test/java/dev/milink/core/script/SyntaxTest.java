// SPDX-License-Identifier: Apache-2.0
package dev.milink.core.script;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** One escaping table per language, on the names that break naive quoting. */
class SyntaxTest {

    /** Brackets, quotes, $, backticks, spaces, a newline, non-Latin letters, typographic quotes. */
    static final List<String> HARD = List.of("Sales]Q1", "O'Brien", "say \"hi\"", "$env:PATH ${x} $(rm -rf /)",
            "back`tick", "two  spaces", "line1\nline2", "Ведомости", "販売", "it\u2019s", "tab\there", "C:\\dir\\");

    @Test
    void tsqlNameDoublesClosingBrackets() {
        assertThat(TSql.quoteName("Sales]Q1")).isEqualTo("[Sales]]Q1]");
        assertThat(TSql.quoteName("Ведомости")).isEqualTo("[Ведомости]");
        assertThat(TSql.quoteName("販売 2024")).isEqualTo("[販売 2024]");
        assertThat(Syntax.TSQL_NAME.quote("a'b\"c$`d\ne")).isEqualTo("[a'b\"c$`d\ne]");
        assertThatThrownBy(() -> TSql.quoteName("")).isInstanceOf(IllegalArgumentException.class);
        for (String s : HARD) {
            String q = TSql.quoteName(s);
            assertThat(q.substring(1, q.length() - 1).replace("]]", "]")).isEqualTo(s);
        }
    }

    @Test
    void tsqlStringIsUnicodeAndDoublesQuotes() {
        assertThat(TSql.literal("O'Brien")).isEqualTo("N'O''Brien'");
        assertThat(TSql.literal("販売")).isEqualTo("N'販売'");
        assertThat(TSql.literal("]\"$`")).isEqualTo("N']\"$`'");
        assertThat(TSql.literalBody("it's")).isEqualTo("it''s");
        for (String s : HARD) {
            String q = TSql.literal(s);
            assertThat(q).startsWith("N'").endsWith("'");
            assertThat(q.substring(2, q.length() - 1).replace("''", "'")).isEqualTo(s);
        }
    }

    @Test
    void powershellIsVerbatimAndDoublesEveryKindOfSingleQuote() {
        assertThat(Syntax.POWERSHELL.quote("O'Brien")).isEqualTo("'O''Brien'");
        assertThat(Syntax.POWERSHELL.quote("a\u2018b\u2019c\u201Ad\u201Be"))
                .isEqualTo("'a\u2018\u2018b\u2019\u2019c\u201A\u201Ad\u201B\u201Be'");
        assertThat(Syntax.POWERSHELL.quote("$env:X \"y\" `n")).isEqualTo("'$env:X \"y\" `n'");
        assertThat(Syntax.POWERSHELL.quote("Ведомости 販売")).isEqualTo("'Ведомости 販売'");
        assertThat(Syntax.POWERSHELL.quote("a\nb")).isEqualTo("'a\nb'");
    }

    @Test
    void posixShellCannotBeBrokenOut() {
        assertThat(Syntax.POSIX_SHELL.quote("/var/opt/it's here")).isEqualTo("'/var/opt/it'\\''s here'");
        assertThat(Syntax.POSIX_SHELL.quote("$(rm -rf /) `id` \"x\"")).isEqualTo("'$(rm -rf /) `id` \"x\"'");
        assertThat(Syntax.POSIX_SHELL.quote("販売\nВедомости")).isEqualTo("'販売\nВедомости'");
        for (String s : HARD) {
            String q = Syntax.POSIX_SHELL.quote(s);
            assertThat(q.substring(1, q.length() - 1).replace("'\\''", "'")).isEqualTo(s);
        }
    }

    @Test
    void bicepEscapesQuotesBackslashesInterpolationAndNewlines() {
        assertThat(Syntax.BICEP.quote("nsg-01")).isEqualTo("'nsg-01'");
        assertThat(Syntax.BICEP.quote("O'Brien")).isEqualTo("'O\\'Brien'");
        assertThat(Syntax.BICEP.quote("${subscription().id}")).isEqualTo("'\\${subscription().id}'");
        assertThat(Syntax.BICEP.quote("C:\\dir\\")).isEqualTo("'C:\\\\dir\\\\'");
        assertThat(Syntax.BICEP.quote("a\nb\tc\u0001")).isEqualTo("'a\\nb\\tc\\u{1}'");
        assertThat(Syntax.BICEP.quote("Ведомости \"販売\" `x`")).isEqualTo("'Ведомости \"販売\" `x`'");
    }

    @Test
    void jsonEscapesQuotesBackslashesAndControlCharacters() {
        assertThat(Syntax.JSON.quote("say \"hi\"")).isEqualTo("\"say \\\"hi\\\"\"");
        assertThat(Syntax.JSON.quote("C:\\dir")).isEqualTo("\"C:\\\\dir\"");
        assertThat(Syntax.JSON.quote("a\nb\u0001")).isEqualTo("\"a\\nb\\u0001\"");
        assertThat(Syntax.JSON.quote("Ведомости 販売 ' $ ` ]")).isEqualTo("\"Ведомости 販売 ' $ ` ]\"");
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
