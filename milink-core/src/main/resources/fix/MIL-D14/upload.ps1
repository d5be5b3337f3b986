# MIL-D14 step 3 of 3 (Az PowerShell, Az.Sql): upload the .pfx to the managed instance.
# Run in the folder holding the .pfx, signed in with Connect-AzAccount to the right subscription.
# Set MILINK_MI_RESOURCE_GROUP, MILINK_MI_NAME and MILINK_TDE_CERT_PASSWORD in the environment first.
$pfxBytes = [System.IO.File]::ReadAllBytes((Resolve-Path -LiteralPath {{pfx:powershell}}).Path)
$privateBlob = ConvertTo-SecureString -String ([System.Convert]::ToBase64String($pfxBytes)) -AsPlainText -Force
$password = ConvertTo-SecureString -String $env:MILINK_TDE_CERT_PASSWORD -AsPlainText -Force
Add-AzSqlManagedInstanceTransparentDataEncryptionCertificate `
    -ResourceGroupName $env:MILINK_MI_RESOURCE_GROUP `
    -ManagedInstanceName $env:MILINK_MI_NAME `
    -PrivateBlob $privateBlob -Password $password
