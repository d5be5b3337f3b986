// SPDX-License-Identifier: Apache-2.0
package dev.milink.sandbox.catalog;

import dev.milink.sandbox.scenario.Scenario;
import dev.milink.sandbox.scenario.Server;

/** @@VERSION and other strings derived from the product version, edition and host. */
public final class VersionInfo {
    private VersionInfo() {}

    /** Marketing year of a major version, e.g. 15 → 2019. */
    public static String year(int major) {
        return switch (major) {
            case 11 -> "2012";
            case 12 -> "2014";
            case 13 -> "2016";
            case 14 -> "2017";
            case 15 -> "2019";
            case 16 -> "2022";
            case 17 -> "2025";
            default -> "vNext";
        };
    }

    /** @@VERSION as SQL Server prints it: product line, build date, copyright, edition on OS. */
    public static String version(Scenario s) {
        Server v = s.server;
        if (s.isManagedInstance()) {
            return "Microsoft SQL Azure (RTM) - 12.0.2000.8 \n\t" + v.buildDate
                    + " \n\tCopyright (C) 2022 Microsoft Corporation\n";
        }
        String year = year(s.majorVersion());
        StringBuilder level = new StringBuilder(v.productLevel);
        if (v.productUpdateLevel != null) {
            level.append('-').append(v.productUpdateLevel);
        }
        String kb = v.productUpdateReference != null ? " (" + v.productUpdateReference + ")" : "";
        String os = s.isLinux()
                ? "Linux (" + (s.host.build != null ? s.host.build : s.host.distribution + " " + s.host.release) + ") <X64>"
                : s.host.distribution + " " + s.host.release + " <X64> (Build " + s.host.build + ": ) (Hypervisor)";
        return "Microsoft SQL Server " + year + " (" + level + ")" + kb + " - " + v.productVersion + " (X64) \n\t"
                + v.buildDate + " \n\tCopyright (C) " + year + " Microsoft Corporation\n\t" + v.edition + " on " + os
                + "\n";
    }
}
