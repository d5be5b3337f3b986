# WARNING: the update policy can only move forward (SQLServer2022 -> SQLServer2025 -> AlwaysUpToDate) and never
# back. AlwaysUpToDate ends every link from the managed instance to SQL Server and every failback to SQL Server.
# milink never runs this for you; read https://learn.microsoft.com/azure/azure-sql/managed-instance/update-policy
az sql mi update --resource-group {{rg:shell}} --name {{mi:shell}} --database-format {{policy}}
