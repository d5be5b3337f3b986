# Adds -T{{flag}} to the startup parameters of SQL Server instance {{instanceName:powershell}} (registry SQLArgN values).
# It takes effect at the next restart of the service.
# Run in an elevated PowerShell session on the SQL Server host. Safe to run again: an existing -T{{flag}}
# (any case) is left as is and never added twice; other startup parameters are not touched.
$ErrorActionPreference = 'Stop'
$instanceName = {{instanceName:powershell}}
$argument = '-T{{flag}}'
$instanceId = (Get-ItemProperty -Path 'HKLM:\SOFTWARE\Microsoft\Microsoft SQL Server\Instance Names\SQL').$instanceName
if (-not $instanceId) {
    throw "SQL Server instance $instanceName is not installed on $env:COMPUTERNAME."
}
$key = "HKLM:\SOFTWARE\Microsoft\Microsoft SQL Server\$instanceId\MSSQLServer\Parameters"
$startupArgs = @((Get-ItemProperty -Path $key).PSObject.Properties | Where-Object { $_.Name -match '^SQLArg\d+$' })
if ($startupArgs | Where-Object { "$($_.Value)".Trim() -ieq $argument }) {
    Write-Output "$argument is already a startup parameter of $instanceName."
    return
}
$next = 0
foreach ($startupArg in $startupArgs) {
    $index = [int]$startupArg.Name.Substring(6)
    if ($index -ge $next) { $next = $index + 1 }
}
New-ItemProperty -Path $key -Name "SQLArg$next" -Value $argument -PropertyType String | Out-Null
Write-Output "Added $argument as SQLArg$next. Restart the SQL Server service for it to take effect."
