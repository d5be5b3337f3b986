# Enables the Always On availability groups feature; takes effect at the next restart of mssql-server.
sudo /opt/mssql/bin/mssql-conf set hadr.hadrenabled 1
