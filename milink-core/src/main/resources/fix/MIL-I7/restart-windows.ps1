# Restarts the SQL Server service so startup parameters and the Always On setting take effect.
# Run in an elevated PowerShell session on the SQL Server host, in a maintenance window.
$ErrorActionPreference = 'Stop'
$service = {{serviceName:powershell}}
$agentService = {{agentService:powershell}}
# Restart-Service -Force also stops SQL Server Agent (it depends on the engine) but does not start it again.
$agent = Get-Service -Name $agentService -ErrorAction SilentlyContinue
$agentWasRunning = $null -ne $agent -and $agent.Status -eq 'Running'
Restart-Service -Name $service -Force
if ($agentWasRunning) {
    Start-Service -Name $agentService
}
Get-Service -Name $service, $agentService -ErrorAction SilentlyContinue | Format-Table Name, Status
