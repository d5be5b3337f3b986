// SPDX-License-Identifier: Apache-2.0
package dev.milink.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** The hand-written line and word splitting of {@link TextPage} against the regular expressions it replaced. */
class TextPageTest {

    private static final List<String> TEXTS = List.of("", " ", "one", "  two  words ", "a\nb", "a\r\nb", "a\rb",
            "\n", "\r\n", "a\n\nb\n", "trailing\r", "x\r\r\ny", "tab\tinside  word", "東京 データベース 名前",
            "a very long word: " + "x".repeat(120) + " then more words after it", "   ", "\n\n\n",
            "ends with a break\r\n", "Ölçek  ' ] [name]  ");

    @Test
    void linesSplitAtLineFeedAndCrLfLikeTheRegexDid() {
        Pattern lineBreak = Pattern.compile("\r?\n");
        for (String t : TEXTS) {
            assertThat(TextPage.lines(t)).as("%s", t.replace("\r", "\\r").replace("\n", "\\n"))
                    .containsExactly(lineBreak.split(t, -1));
        }
    }

    @Test
    void wrapSplitsWordsAtRunsOfSpacesLikeTheRegexDid() {
        for (String t : TEXTS) {
            for (int width : new int[] {1, 5, 20, 80}) {
                assertThat(TextPage.wrap(t, width, width)).as("%s at %d", t, width)
                        .containsExactlyElementsOf(regexWrap(t, width));
            }
        }
    }

    @Test
    void wrapKeepsAnOverlongWordOnALineOfItsOwnAndUsesTheRestWidthAfterTheFirstLine() {
        assertThat(TextPage.wrap("aa bb cc dd", 5, 8)).containsExactly("aa bb", "cc dd");
        assertThat(TextPage.wrap("aa bb cc dd ee", 2, 5)).containsExactly("aa", "bb cc", "dd ee");
        assertThat(TextPage.wrap("x " + "y".repeat(30) + " z", 10, 10)).containsExactly("x", "y".repeat(30), "z");
        assertThat(TextPage.wrap("", 10, 10)).containsExactly("");
    }

    /** Greedy wrapping over the regex's words, written differently from TextPage's loop: the reference. */
    private static List<String> regexWrap(String text, int limit) {
        List<String> lines = new ArrayList<>();
        for (String word : Arrays.asList(text.trim().split(" +"))) {
            int last = lines.size() - 1;
            if (last >= 0 && TextPage.width(lines.get(last)) + 1 + TextPage.width(word) <= limit) {
                lines.set(last, lines.get(last) + " " + word);
            } else {
                lines.add(word);
            }
        }
        return lines;
    }
}
