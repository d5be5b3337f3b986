// SPDX-License-Identifier: Apache-2.0
package dev.milink.core.check;

/** The language or tool a remediation script is written for. */
public enum ScriptKind {
    TSQL("T-SQL", "sql"),
    WINDOWS_POWERSHELL("Windows PowerShell", "ps1"),
    /** Step-by-step instructions for SQL Server Configuration Manager (no script exists). */
    CONFIGURATION_MANAGER("SQL Server Configuration Manager", "txt"),
    LINUX_SHELL("Linux shell", "sh"),
    AZURE_CLI("Azure CLI", "sh"),
    AZURE_POWERSHELL("Azure PowerShell", "ps1"),
    BICEP("Bicep", "bicep"),
    /**
     * One Azure Resource Manager request milink can send itself, as JSON:
     * {@code {"method":"PUT","path":"/subscriptions/…?api-version=…","body":{…}}}.
     */
    ARM_REQUEST("Azure Resource Manager request", "json"),
    /** Plain instructions for a step no tool can do. */
    MANUAL("Manual steps", "txt");

    private final String label;
    private final String fileExtension;

    ScriptKind(String label, String fileExtension) {
        this.label = label;
        this.fileExtension = fileExtension;
    }

    public String label() {
        return label;
    }

    public String fileExtension() {
        return fileExtension;
    }
}
