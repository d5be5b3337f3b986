# Adds trace flag {{flag}} to the startup configuration (/var/opt/mssql/mssql.conf, [traceflag] section).
# It takes effect at the next restart of mssql-server. Safe to run again.
sudo /opt/mssql/bin/mssql-conf traceflag {{flag}} on
