# Restarts SQL Server so mssql-conf changes (trace flags, hadr.hadrenabled) take effect.
# Run on the SQL Server host in a maintenance window.
sudo systemctl restart mssql-server
systemctl status mssql-server --no-pager
