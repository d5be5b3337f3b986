# Update SQL Server on {{instance}} ({{product}}) to {{update}}: build {{build}} or later.
# First configure the cumulative-update package repository for this major version:
#   https://learn.microsoft.com/sql/linux/sql-server-linux-setup#repositories
# Then run the line for your distribution, in a maintenance window:
#   RHEL:   sudo yum update mssql-server
#   SLES:   sudo zypper update mssql-server
#   Ubuntu: sudo apt-get update && sudo apt-get install mssql-server
# Check the result:
#   SELECT SERVERPROPERTY('ProductVersion');  -- expect {{build}} or later
