// SPDX-License-Identifier: Apache-2.0
package dev.milink.core.fix;

import dev.milink.core.check.Script;
import dev.milink.core.check.ScriptKind;
import dev.milink.core.model.ServerFacts;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * Renders a {@link FixPlan} as files a DBA can review and run by hand: one file per step and script kind, named
 * {@code 010-<step>.sql}, {@code 020-<step>.ps1}…, plus {@code 000-manifest.md} listing the order, what each step
 * changes, whether it needs a restart and whether milink can apply it. Nothing is executed here.
 *
 * <p>Secrets stay placeholders: T-SQL that needs one uses the sqlcmd scripting variable {@code $(NAME)}, which
 * sqlcmd fills from the environment variable of the same name, so the value never lands in a file.
 *
 * @since 0.1
 */
public final class FixScripts {

    private FixScripts() {
    }

    /** The host platform, which decides between Windows and Linux operating-system scripts. */
    public enum Platform {
        WINDOWS(EnumSet.of(ScriptKind.WINDOWS_POWERSHELL, ScriptKind.CONFIGURATION_MANAGER)),
        LINUX(EnumSet.of(ScriptKind.LINUX_SHELL)),
        /** Unknown host: write both. */
        ANY(EnumSet.of(ScriptKind.WINDOWS_POWERSHELL, ScriptKind.CONFIGURATION_MANAGER, ScriptKind.LINUX_SHELL));

        private final Set<ScriptKind> osKinds;

        Platform(Set<ScriptKind> osKinds) {
            this.osKinds = osKinds;
        }

        /** WINDOWS or LINUX from the collected host facts; ANY when the host could not be read. */
        public static Platform of(ServerFacts facts) {
            return facts.host().asOptional().map(h -> h.isLinux() ? LINUX : WINDOWS).orElse(ANY);
        }

        boolean wants(ScriptKind kind) {
            return switch (kind) {
                case WINDOWS_POWERSHELL, CONFIGURATION_MANAGER, LINUX_SHELL -> osKinds.contains(kind);
                default -> true;
            };
        }
    }

    public static List<ScriptFile> render(FixPlan plan, Platform platform) {
        List<ScriptFile> files = new ArrayList<>();
        StringBuilder manifest = new StringBuilder("# milink fix plan for ").append(plan.target()).append("\n\n");
        if (plan.isEmpty()) {
            manifest.append("Nothing to fix: every finding with a remediation passed.\n");
            return List.of(new ScriptFile("000-manifest.md", manifest.toString()));
        }
        manifest.append("Run the files in order. Steps marked *manual* are for a person (operating system, service, ")
                .append("Azure); the others are T-SQL that `milink fix --apply` can run.\n\n")
                .append("| # | File | Step | Checks | Restart | How |\n|---|---|---|---|---|---|\n");
        for (PlannedStep s : plan.steps()) {
            List<String> names = new ArrayList<>();
            for (Script script : s.step().scripts()) {
                if (!platform.wants(script.kind())) {
                    continue;
                }
                String name = String.format("%03d-%s%s.%s", s.number() * 10, safe(s.step().id()),
                        suffix(script.kind()), script.kind().fileExtension());
                files.add(new ScriptFile(name, header(s, script) + script.text().stripTrailing() + "\n"));
                names.add(name);
            }
            manifest.append("| ").append(s.number()).append(" | ").append(String.join("<br>", names)).append(" | ")
                    .append(s.step().title().replace("|", "\\|")).append(" | ").append(String.join(", ", s.checkIds()))
                    .append(" | ").append(s.step().restartRequired() ? "yes" : "no").append(" | ")
                    .append(s.appliable() ? "T-SQL (milink can apply)" : "manual").append(" |\n");
        }
        if (!plan.secrets().isEmpty()) {
            manifest.append("\nSecrets: set the environment variable(s) ").append(String.join(", ", plan.secrets()))
                    .append(" before running the T-SQL with sqlcmd (sqlcmd reads environment variables as scripting ")
                    .append("variables). They are never written to these files.\n");
        }
        if (plan.restartRequired()) {
            manifest.append("\nA restart of the SQL Server service is needed for some steps to take effect; ")
                    .append("run `milink check` again afterwards.\n");
        }
        files.addFirst(new ScriptFile("000-manifest.md", manifest.toString()));
        return List.copyOf(files);
    }

    private static String header(PlannedStep s, Script script) {
        String c = switch (script.kind()) {
            case TSQL -> "-- ";
            case BICEP -> "// ";
            default -> "# ";
        };
        StringBuilder h = new StringBuilder()
                .append(c).append("milink fix step ").append(s.number()).append(": ").append(s.step().title()).append('\n')
                .append(c).append("Checks: ").append(String.join(", ", s.checkIds())).append("; target: ")
                .append(s.target()).append('\n')
                .append(c).append(s.step().restartRequired() ? "Takes effect after a service restart." : "No restart needed.")
                .append('\n');
        s.step().secret().filter(x -> script.kind() == ScriptKind.TSQL).ifPresent(x -> h.append(c)
                .append("Needs the sqlcmd variable $(").append(x).append("): set the environment variable ")
                .append(x).append(" first.\n"));
        return h.append('\n').toString();
    }

    private static String suffix(ScriptKind kind) {
        return switch (kind) {
            case CONFIGURATION_MANAGER -> "-configuration-manager";
            case AZURE_CLI -> "-azure-cli";
            case AZURE_POWERSHELL -> "-azure-powershell";
            case MANUAL -> "-manual";
            default -> "";
        };
    }

    /**
     * A file-name-safe form of a step id: letters (any script) and digits kept, everything else folded to '-',
     * so {@code MIL-D7/[Sales]Q1]/backup} becomes {@code MIL-D7-Sales-Q1-backup}.
     */
    static String safe(String id) {
        String n = Normalizer.normalize(id, Normalizer.Form.NFC);
        StringBuilder b = new StringBuilder();
        n.codePoints().forEach(cp -> b.appendCodePoint(Character.isLetterOrDigit(cp) ? cp : '-'));
        String s = b.toString().replaceAll("-{2,}", "-").replaceAll("^-|-$", "");
        return s.length() > 80 ? s.substring(0, 80) : s;
    }
}
