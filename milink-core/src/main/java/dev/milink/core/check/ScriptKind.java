// SPDX-License-Identifier: Apache-2.0
package dev.milink.core.check;

/** The language or tool a remediation script is written for. */
public enum ScriptKind {
    TSQL("T-SQL"),
    WINDOWS_POWERSHELL("Windows PowerShell"),
    /** Step-by-step instructions for SQL Server Configuration Manager (no script exists). */
    CONFIGURATION_MANAGER("SQL Server Configuration Manager"),
    LINUX_SHELL("Linux shell"),
    AZURE_CLI("Azure CLI"),
    AZURE_POWERSHELL("Azure PowerShell"),
    BICEP("Bicep"),
    /**
     * One Azure Resource Manager request milink can send itself, as JSON:
     * {@code {"method":"PUT","path":"/subscriptions/…?api-version=…","body":{…}}}.
     */
    ARM_REQUEST("Azure Resource Manager request"),
    /** Plain instructions for a step no tool can do. */
    MANUAL("Manual steps");

    private final String label;

    ScriptKind(String label) {
        this.label = label;
    }

    /** The extension of the file a plan writes this kind of script to. */
    public String fileExtension() {
        return switch (this) {
            case TSQL -> "sql";
            case WINDOWS_POWERSHELL, AZURE_POWERSHELL -> "ps1";
            case LINUX_SHELL, AZURE_CLI -> "sh";
            case BICEP -> "bicep";
            case ARM_REQUEST -> "json";
            case CONFIGURATION_MANAGER, MANUAL -> "txt";
        };
    }

    public String label() {
        return label;
    }
}
