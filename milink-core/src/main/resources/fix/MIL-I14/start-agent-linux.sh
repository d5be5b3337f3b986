# Enables SQL Server Agent; takes effect at the next restart of mssql-server.
# Agent on Linux cannot run PowerShell job steps: test SQL Server -> managed instance connectivity from the host.
sudo /opt/mssql/bin/mssql-conf set sqlagent.enabled true
