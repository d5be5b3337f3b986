# Starts SQL Server Agent and makes it start with Windows. Run in an elevated PowerShell session on the host.
$ErrorActionPreference = 'Stop'
Set-Service -Name {{agentService:powershell}} -StartupType Automatic
Start-Service -Name {{agentService:powershell}}
