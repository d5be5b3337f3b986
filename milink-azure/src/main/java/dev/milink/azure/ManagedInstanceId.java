// SPDX-License-Identifier: Apache-2.0
package dev.milink.azure;

import dev.milink.core.error.MilinkException;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A managed instance's ARM resource id, parsed from {@code --mi} or built from subscription, resource group and
 * name.
 *
 * <pre>{@code
 * ManagedInstanceId mi = ManagedInstanceId.parse(
 *         "/subscriptions/0000.../resourceGroups/rg-data/providers/Microsoft.Sql/managedInstances/contoso-mi");
 * ManagedInstanceId same = ManagedInstanceId.of("0000...", "rg-data", "contoso-mi");
 * }</pre>
 *
 * @since 0.2
 */
public record ManagedInstanceId(String subscriptionId, String resourceGroup, String name) {
    private static final Pattern ID = Pattern.compile(
            "/?subscriptions/([^/]+)/resourceGroups/([^/]+)/providers/Microsoft\\.Sql/managedInstances/([^/?#]+)/?",
            Pattern.CASE_INSENSITIVE);
    /** Subscription ids are GUIDs. */
    private static final Pattern GUID = Pattern.compile("[0-9a-fA-F]{8}-([0-9a-fA-F]{4}-){3}[0-9a-fA-F]{12}");
    /** Resource group names: letters, digits, '-', '_', '.', '(', ')', up to 90, not ending in '.'. */
    private static final Pattern RESOURCE_GROUP = Pattern.compile("[\\p{L}\\p{N}._()-]{1,90}(?<!\\.)");
    /** Managed instance names: lower-case letters, digits and '-', 1 to 63, not starting or ending with '-'. */
    private static final Pattern MI_NAME = Pattern.compile("[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?",
            Pattern.CASE_INSENSITIVE);

    public ManagedInstanceId {
        Objects.requireNonNull(subscriptionId, "subscriptionId");
        Objects.requireNonNull(resourceGroup, "resourceGroup");
        Objects.requireNonNull(name, "name");
        if (!GUID.matcher(subscriptionId).matches()) {
            throw invalid("the subscription id '" + subscriptionId + "' is not a GUID");
        }
        if (!RESOURCE_GROUP.matcher(resourceGroup).matches()) {
            throw invalid("'" + resourceGroup + "' is not a valid resource group name");
        }
        if (!MI_NAME.matcher(name).matches()) {
            throw invalid("'" + name + "' is not a valid managed instance name (lower-case letters, digits and '-')");
        }
    }

    /**
     * Parses a full resource id (case-insensitive, leading and trailing slash optional).
     *
     * @throws MilinkException AZURE_RESOURCE_ID_INVALID, naming what is wrong
     */
    public static ManagedInstanceId parse(String resourceId) {
        String text = resourceId == null ? "" : resourceId.strip();
        if (text.isEmpty()) {
            throw invalid("no managed instance resource id given");
        }
        Matcher m = ID.matcher(text);
        if (!m.matches()) {
            String hint = text.contains("/") ? "" : " (a bare name needs --subscription and --resource-group too)";
            throw invalid("'" + text + "' is not a managed instance resource id; expected /subscriptions/SUB/"
                    + "resourceGroups/RG/providers/Microsoft.Sql/managedInstances/NAME" + hint);
        }
        return new ManagedInstanceId(m.group(1), m.group(2), m.group(3));
    }

    /** From its parts; any part null or blank is an error naming it. */
    public static ManagedInstanceId of(String subscriptionId, String resourceGroup, String name) {
        if (blank(subscriptionId) || blank(resourceGroup) || blank(name)) {
            List<String> missing = new ArrayList<>();
            if (blank(subscriptionId)) {
                missing.add("subscription");
            }
            if (blank(resourceGroup)) {
                missing.add("resource group");
            }
            if (blank(name)) {
                missing.add("name");
            }
            throw invalid("the managed instance needs subscription, resource group and name; missing: "
                    + String.join(", ", missing));
        }
        return new ManagedInstanceId(subscriptionId.strip(), resourceGroup.strip(), name.strip());
    }

    /** {@code /subscriptions/…/resourceGroups/…/providers/Microsoft.Sql/managedInstances/NAME}. */
    public String resourceId() {
        return resourceGroupId() + "/providers/Microsoft.Sql/managedInstances/" + name;
    }

    /** {@code /subscriptions/…/resourceGroups/…}. */
    public String resourceGroupId() {
        return "/subscriptions/" + subscriptionId + "/resourceGroups/" + resourceGroup;
    }

    @Override
    public String toString() {
        return resourceId();
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }

    private static MilinkException invalid(String message) {
        return new MilinkException(AzureError.AZURE_RESOURCE_ID_INVALID, "Invalid managed instance: " + message + ".");
    }
}
