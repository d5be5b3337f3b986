# Enables the Always On availability groups feature on {{serverInstance}}.
# Needs the SqlServer PowerShell module (Install-Module SqlServer) and local administrator rights.
# -NoServiceRestart leaves the restart to the restart step, so one restart covers every startup change.
# Does nothing when the feature is already enabled.
$ErrorActionPreference = 'Stop'
Import-Module SqlServer
Enable-SqlAlwaysOn -ServerInstance {{serverInstance:powershell}} -NoServiceRestart -Force
