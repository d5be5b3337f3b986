// SPDX-License-Identifier: Apache-2.0
package dev.milink.cli;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import picocli.CommandLine;
import picocli.CommandLine.UnmatchedArgumentException;

/**
 * Usage errors about arguments milink does not know, worded so that they never echo a value: someone who types
 * {@code --password=hunter2} or {@code --secret hunter2} must not see the secret again on stderr, in the JSON error
 * on stdout, or in a CI log. Option names are shown (they help); values given to unknown options are not.
 */
final class UnknownArguments {

    private UnknownArguments() {
    }

    /** "Unknown option: '--password' (values are not shown …). Did you mean …?" */
    static String describe(UnmatchedArgumentException ex, String[] args) {
        List<String> unmatched = ex.getUnmatched();
        Set<String> options = new LinkedHashSet<>();
        List<String> shown = new ArrayList<>();
        boolean hidValues = false;
        for (String a : unmatched) {
            if (isOptionLike(a)) {
                options.add(name(a));
                hidValues |= a.indexOf('=') > 0 || !name(a).equals(a);
            } else if (followsUnknownOption(a, args, ex.getCommandLine())) {
                hidValues = true;
            } else {
                shown.add("'" + a + "'");
            }
        }
        List<String> parts = new ArrayList<>();
        if (!options.isEmpty()) {
            parts.add((options.size() == 1 ? "Unknown option: " : "Unknown options: ")
                    + String.join(", ", options.stream().map(o -> "'" + o + "'").toList()));
        }
        if (!shown.isEmpty()) {
            parts.add((shown.size() == 1 ? "Unmatched argument: " : "Unmatched arguments: ") + String.join(", ", shown));
        }
        StringBuilder m = new StringBuilder(parts.isEmpty() ? "Unexpected arguments" : String.join("; ", parts));
        if (hidValues) {
            m.append(" (values given to unknown options are not shown, in case one is a secret)");
        }
        m.append('.');
        List<String> suggestions = ex.getSuggestions().stream().map(s -> isOptionLike(s) ? name(s) : s).distinct()
                .toList();
        if (!suggestions.isEmpty()) {
            m.append(" Did you mean ").append(String.join(" or ", suggestions)).append('?');
        }
        return m.toString();
    }

    private static boolean followsUnknownOption(String value, String[] args, CommandLine cl) {
        for (int i = 1; i < args.length; i++) {
            if (args[i].equals(value) && isOptionLike(args[i - 1]) && args[i - 1].indexOf('=') < 0
                    && !known(cl, name(args[i - 1]))) {
                return true;
            }
        }
        return false;
    }

    /**
     * Picocli's other parse errors quote values too ("Expected parameter for option '--user' but found
     * '--password=hunter2'"): every value the user gave to an option this command does not have, and every
     * argument that follows such an option, is replaced by {@code …} wherever it appears.
     */
    static String hideSuspectValues(String message, CommandLine cl, String[] args) {
        if (message == null) {
            return "Invalid arguments.";
        }
        List<String> suspects = new ArrayList<>();
        for (int i = 0; i < args.length; i++) {
            String a = args[i];
            if (!isOptionLike(a) || known(cl, name(a))) {
                continue;
            }
            int eq = a.indexOf('=');
            if (eq > 0 && eq < a.length() - 1) {
                suspects.add(a.substring(eq + 1));
            } else if (eq < 0 && i + 1 < args.length && !isOptionLike(args[i + 1])) {
                suspects.add(args[i + 1]);
            }
        }
        String out = message;
        for (String s : suspects) {
            if (!s.isEmpty()) {
                out = out.replace(s, "…");
            }
        }
        return out;
    }

    private static boolean known(CommandLine cl, String name) {
        for (CommandLine c = cl; c != null; c = c.getParent()) {
            if (c.getCommandSpec().findOption(name) != null) {
                return true;
            }
        }
        return false;
    }

    private static boolean isOptionLike(String a) {
        return a.length() > 1 && a.startsWith("-") && !a.matches("-\\d.*");
    }

    private static String name(String option) {
        int eq = option.indexOf('=');
        String n = eq > 0 ? option.substring(0, eq) : option;
        // a short option with an attached value (-phunter2): keep only the flag
        return !n.startsWith("--") && n.length() > 2 ? n.substring(0, 2) : n;
    }

}
