// SPDX-License-Identifier: Apache-2.0
package dev.milink.sandbox.arm;

import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Azure RBAC's rule for control-plane actions: an action is allowed when some permission entry has a matching
 * {@code actions} pattern and no matching {@code notActions} pattern in that same entry. Patterns compare
 * case-insensitively and {@code *} stands for any run of characters ({@code *}, {@code Microsoft.Sql/*},
 * {@code Microsoft.Sql/managedInstances/*}/read).
 */
final class Permissions {
    private Permissions() {}

    static boolean allows(List<AzureScenario.Permission> permissions, String action) {
        for (AzureScenario.Permission p : permissions) {
            if (p.actions.stream().anyMatch(a -> matches(a, action))
                    && p.notActions.stream().noneMatch(n -> matches(n, action))) {
                return true;
            }
        }
        return false;
    }

    static boolean matches(String pattern, String action) {
        StringBuilder regex = new StringBuilder();
        String[] parts = pattern.toLowerCase(Locale.ROOT).split("\\*", -1);
        for (int i = 0; i < parts.length; i++) {
            regex.append(i == 0 ? "" : ".*").append(Pattern.quote(parts[i]));
        }
        return Pattern.matches(regex.toString(), action.toLowerCase(Locale.ROOT));
    }
}
