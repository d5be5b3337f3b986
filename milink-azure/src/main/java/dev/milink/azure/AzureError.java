// SPDX-License-Identifier: Apache-2.0
package dev.milink.azure;

import dev.milink.core.error.ErrorCode;
import dev.milink.core.error.ErrorDoc;
import dev.milink.core.error.ExitStatus;

/**
 * The error codes of the Azure module: failures that stop the Azure side altogether (no credential, a bad resource
 * id, an unknown cloud, unreadable saved files) and ARM fix steps that fail. A single read that fails (403, 404,
 * 5xx) is not an error: it becomes an unknown fact naming what is missing.
 *
 * @since 0.2
 */
public enum AzureError implements ErrorCode {
    AZURE_RESOURCE_ID_INVALID(ExitStatus.USAGE,
            "The managed instance was named by something that is not its ARM resource id "
                    + "(`/subscriptions/SUB/resourceGroups/RG/providers/Microsoft.Sql/managedInstances/NAME`), or "
                    + "subscription, resource group and name were not all given.",
            "Copy the id from `az sql mi show -g RG -n NAME --query id -o tsv` or the portal's JSON view, or give "
                    + "subscription, resource group and name together."),
    AZURE_CLOUD_UNKNOWN(ExitStatus.USAGE,
            "`--cloud` (or the config key `azure.cloud`) names a cloud milink does not know.",
            "Use `AzureCloud`, `AzureUSGovernment` or `AzureChinaCloud` (the names `az cloud list` shows)."),
    AZURE_CREDENTIAL_MISSING(ExitStatus.USAGE,
            "The chosen sign-in mode needs a value that is not there: a tenant or client id, the client secret "
                    + "(environment variable `AZURE_CLIENT_SECRET` or a secret file), or the access token "
                    + "(`MILINK_ARM_TOKEN`). Secrets are never taken from the command line.",
            "Set the variable or secret file the message names, or choose another `--azure-auth` mode."),
    AZURE_CREDENTIAL_UNAVAILABLE(ExitStatus.CONNECT,
            "No credential of the chosen mode is available on this machine: no `AZURE_*` environment variables, "
                    + "no managed identity, not signed in with `az login`, no workload identity token file.",
            "Sign in with `az login` (mode `cli`), set `AZURE_TENANT_ID`/`AZURE_CLIENT_ID`/`AZURE_CLIENT_SECRET` "
                    + "(mode `environment`), or run where a managed identity exists. Without Azure credentials, "
                    + "give saved `az` output with `--mi-facts` (docs/azure.md)."),
    AZURE_SIGN_IN_FAILED(ExitStatus.CONNECT,
            "Microsoft Entra ID refused the credential: a wrong or expired client secret, a wrong tenant or client "
                    + "id, or a token endpoint that cannot be reached.",
            "Check the tenant and client id and renew the secret; the message carries Entra ID's AADSTS code."),
    AZURE_FACTS_FILE_INVALID(ExitStatus.USAGE,
            "A file given with `--mi-facts` could not be read, is larger than 16 MiB, is not JSON, or is not "
                    + "output milink recognises (`az sql mi show`, `az network vnet subnet show`, `az network nsg "
                    + "show`, `az role assignment list`, the permissions API, ...), or the files describe more than "
                    + "one managed instance.",
            "Save the output with `-o json` (the default) and give each file once; docs/azure.md lists the "
                    + "commands."),
    ARM_REQUEST_INVALID(ExitStatus.USAGE,
            "A fix step's ARM request is not the JSON milink writes (`{\"method\",\"path\",\"body\"}`), or its path "
                    + "is not an ARM path with an api-version.",
            "Regenerate the fix plan with `milink fix`; do not edit the `.json` ARM request by hand."),
    ARM_WRITE_FAILED(ExitStatus.FIX_FAILED,
            "Azure Resource Manager refused or failed a change milink sent for a fix step (permission, conflict "
                    + "with another operation on the managed instance, an invalid certificate blob, ...).",
            "Read the ARM error code in the message: `AuthorizationFailed` names the missing action, "
                    + "`ConflictingServerOperation` means another operation is running on the managed instance "
                    + "(wait and apply again), `InvalidPublicBlob` means the certificate is not DER in hex.");

    AzureError(ExitStatus exitStatus, String causedBy, String solution) {
        ErrorDoc.declare(this, exitStatus, causedBy, solution);
    }
}
