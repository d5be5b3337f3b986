// SPDX-License-Identifier: Apache-2.0
package dev.milink.sqlserver.collect.internal;

import static dev.milink.sqlserver.collect.internal.SectionReader.mapOr;
import static dev.milink.sqlserver.collect.internal.Values.lng;
import static dev.milink.sqlserver.collect.internal.Values.str;

import dev.milink.core.model.Fact;
import dev.milink.core.model.ServerFacts.HostInfo;
import dev.milink.core.model.ServerFacts.StartupParameters;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * SQL Server's startup parameters: from the registry on Windows ({@code sys.dm_server_registry}), from the error
 * log's opening lines on Linux, where T-SQL cannot read {@code mssql.conf}.
 */
final class StartupParametersMapper {

    private StartupParametersMapper() {
    }

    static Fact<StartupParameters> map(SectionReader sections, Fact<HostInfo> host, int major) {
        boolean linux;
        if (host.isKnown()) {
            linux = host.orElse(null).isLinux();
        } else if (major <= 13) {
            linux = false; // SQL Server 2016 runs on Windows only
        } else {
            return Fact.unknown("the host platform is unknown (" + host.reason()
                    + "), so it is unclear whether startup parameters live in the registry or in mssql.conf");
        }
        if (!linux) {
            return mapOr(sections.rows("registry_startup"), r -> {
                if (r.isEmpty()) {
                    return null;
                }
                List<String> args = r.stream()
                        .sorted(Comparator.comparingInt(row -> argIndex(str(row, "value_name"))))
                        .map(row -> str(row, "value_data")).filter(v -> v != null && !v.isBlank())
                        .map(String::strip).toList();
                return new StartupParameters(args, "registry");
            }, "sys.dm_server_registry returned no SQLArg values under ...\\MSSQLServer\\Parameters");
        }
        Fact<List<Map<String, Object>>> log = sections.rows("errorlog_startup");
        if (!log.isKnown()) {
            return Fact.unknown(log.reason());
        }
        StartupParameters p = errorLogStartup(log.orElse(List.of()));
        if (p == null) {
            return Fact.unknown("the current error log does not start with the startup-parameter lines (it was"
                    + " cycled since the last restart); on Linux the persisted trace flags are in"
                    + " /var/opt/mssql/mssql.conf, section [traceflag]");
        }
        if (p.traceFlags().isEmpty()) {
            // Captured SQL Server on Linux error logs list only -d, -l and -e here, and no documentation says
            // whether trace flags set with mssql-conf would be listed, so their absence proves nothing.
            return Fact.unknown("the error log's startup lines (" + String.join(" ", p.arguments()) + ") list no -T"
                    + " trace flag, and SQL Server on Linux keeps the trace flags set with mssql-conf in"
                    + " /var/opt/mssql/mssql.conf [traceflag], which it is not known to list there; T-SQL cannot"
                    + " read that file (sudo cat /var/opt/mssql/mssql.conf shows it)");
        }
        return Fact.of(p);
    }

    private static StartupParameters errorLogStartup(List<Map<String, Object>> rows) {
        List<String> lines = new ArrayList<>();
        rows.stream().sorted(Comparator.comparingLong(r -> Optional.ofNullable(lng(r, "seq")).orElse(0L)))
                .forEach(r -> {
                    String text = str(r, "log_text");
                    if (text != null) {
                        lines.addAll(List.of(text.split("\\R")));
                    }
                });
        List<String> args = new ArrayList<>();
        boolean header = false;
        boolean inBlock = false;
        for (String line : lines) {
            String t = line.strip();
            if (t.contains("startup parameters:") || t.contains("Startup Parameters:")) {
                header = true;
                inBlock = t.startsWith("Registry startup parameters") || t.contains("Command Line Startup Parameters");
                continue;
            }
            if (inBlock && t.startsWith("-")) {
                args.add(t);
            } else if (inBlock && !t.isEmpty()) {
                inBlock = false;
            }
        }
        return header ? new StartupParameters(List.copyOf(args), "errorlog") : null;
    }

    private static int argIndex(String valueName) {
        String digits = valueName == null ? "" : valueName.replaceAll("\\D", "");
        if (digits.isEmpty() || digits.length() > 9) {
            return Integer.MAX_VALUE;
        }
        return Integer.parseInt(digits);
    }
}
