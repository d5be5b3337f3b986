// SPDX-License-Identifier: Apache-2.0
package dev.milink.core.check.azure.network;

import dev.milink.core.check.ScriptKind;
import dev.milink.core.check.azure.support.ArmRequest;
import dev.milink.core.check.azure.support.AzureSteps;
import dev.milink.core.check.azure.support.MiFacts;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * One allow rule on the managed instance subnet's NSG, written for each tool: Azure CLI, Azure PowerShell, Bicep
 * and an ARM request milink can send itself (PUT {@code securityRules/NAME}, which creates or replaces the rule,
 * so re-running is harmless). The same shapes {@code milink network rules} writes, for one rule at a chosen
 * priority.
 *
 * @param nsgId        the NSG's resource id
 * @param name         rule name, {@code milink-…}
 * @param inbound      direction
 * @param priority     100–4096, free in that direction
 * @param sources      source prefixes
 * @param destinations destination prefixes
 * @param ports        destination ports ("5022", "11000-11999")
 * @param description  one line for humans
 */
public record NsgRuleScripts(String nsgId, String name, boolean inbound, int priority, List<String> sources,
                             List<String> destinations, List<String> ports, String description) {

    /** api-version of the network resource provider used for the PUT. */
    public static final String API_VERSION = "2024-05-01";

    public NsgRuleScripts {
        sources = List.copyOf(sources);
        destinations = List.copyOf(destinations);
        ports = List.copyOf(ports);
    }

    public String text(ScriptKind kind) {
        return switch (kind) {
            case AZURE_CLI -> azureCli();
            case AZURE_POWERSHELL -> azurePowerShell();
            case BICEP -> bicep();
            case ARM_REQUEST -> armRequest();
            default -> throw new IllegalArgumentException("no NSG rule script for " + kind);
        };
    }

    private String direction() {
        return inbound ? "Inbound" : "Outbound";
    }

    private String resourceGroup() {
        return MiFacts.segment(nsgId, "resourceGroups").orElse("<resource-group>");
    }

    private String nsgName() {
        return MiFacts.lastSegment(nsgId);
    }

    private String azureCli() {
        return "# " + description + "\naz network nsg rule create --resource-group "
                + AzureSteps.sh(resourceGroup()) + " --nsg-name " + AzureSteps.sh(nsgName())
                + " --name " + AzureSteps.sh(name) + " --priority " + priority + " --direction "
                + direction() + " --access Allow --protocol Tcp --source-address-prefixes " + sh(sources)
                + " --source-port-ranges '*' --destination-address-prefixes " + sh(destinations)
                + " --destination-port-ranges " + sh(ports) + "\n";
    }

    private String azurePowerShell() {
        return "# " + description + "\n$nsg = Get-AzNetworkSecurityGroup -ResourceGroupName "
                + AzureSteps.ps(resourceGroup()) + " -Name " + AzureSteps.ps(nsgName()) + "\n"
                + "$nsg | Remove-AzNetworkSecurityRuleConfig -Name " + AzureSteps.ps(name)
                + " | Out-Null\n"
                + "$nsg | Add-AzNetworkSecurityRuleConfig -Name " + AzureSteps.ps(name)
                + " -Access Allow -Protocol Tcp -Direction " + direction() + " -Priority " + priority
                + " -SourceAddressPrefix " + ps(sources) + " -SourcePortRange '*' -DestinationAddressPrefix "
                + ps(destinations) + " -DestinationPortRange " + ps(ports) + " | Out-Null\n"
                + "$nsg | Set-AzNetworkSecurityGroup | Out-Null\n";
    }

    private String bicep() {
        return "// " + description + "\nresource nsg 'Microsoft.Network/networkSecurityGroups@" + API_VERSION
                + "' existing = {\n  name: " + bicepString(nsgName()) + "\n}\n\n"
                + "resource rule 'Microsoft.Network/networkSecurityGroups/securityRules@" + API_VERSION + "' = {\n"
                + "  parent: nsg\n  name: " + bicepString(name) + "\n  properties: {\n"
                + "    priority: " + priority + "\n    direction: '" + direction() + "'\n"
                + "    access: 'Allow'\n    protocol: 'Tcp'\n"
                + "    sourceAddressPrefixes: " + bicep(sources) + "\n    sourcePortRange: '*'\n"
                + "    destinationAddressPrefixes: " + bicep(destinations) + "\n"
                + "    destinationPortRanges: " + bicep(ports) + "\n"
                + "    description: " + bicepString(description) + "\n  }\n}\n";
    }

    private String armRequest() {
        Map<String, Object> properties = new LinkedHashMap<>();
        properties.put("description", description);
        properties.put("priority", priority);
        properties.put("direction", direction());
        properties.put("access", "Allow");
        properties.put("protocol", "Tcp");
        properties.put("sourceAddressPrefixes", sources);
        properties.put("sourcePortRange", "*");
        properties.put("destinationAddressPrefixes", destinations);
        properties.put("destinationPortRanges", ports);
        return ArmRequest.of("PUT", nsgId + "/securityRules/" + name + "?api-version=" + API_VERSION,
                Map.of("properties", properties));
    }

    private static String sh(List<String> values) {
        return values.stream().map(AzureSteps::sh).collect(Collectors.joining(" "));
    }

    private static String ps(List<String> values) {
        return values.stream().map(AzureSteps::ps).collect(Collectors.joining(","));
    }

    private static String bicep(List<String> values) {
        return values.stream().map(NsgRuleScripts::bicepString).collect(Collectors.joining(", ", "[ ", " ]"));
    }

    static String bicepString(String s) {
        return AzureSteps.bicep(s);
    }
}
