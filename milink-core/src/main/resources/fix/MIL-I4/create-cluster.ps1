# Makes this SQL Server 2016 host a node of a single-node Windows Server Failover Cluster, which SQL Server 2016
# needs before Always On can be enabled. Run in an elevated PowerShell session on the SQL Server host.
# -AdministrativeAccessPoint None creates a cluster without an Active Directory object (also works in a
# workgroup). Such a cluster can't be managed in Failover Cluster Manager and is removed only with Remove-Cluster.
# Change $clusterName if the name is taken (at most 15 characters).
$ErrorActionPreference = 'Stop'
$clusterName = 'MILINK-WSFC'
Install-WindowsFeature -Name Failover-Clustering -IncludeManagementTools
if (-not (Get-Cluster -ErrorAction SilentlyContinue)) {
    New-Cluster -Name $clusterName -Node $env:COMPUTERNAME -AdministrativeAccessPoint None -NoStorage -Verbose -Force
}
