# {{instance}} runs {{edition}}; the Managed Instance link needs Enterprise, Developer or Standard.
# Change the edition with mssql-conf (asks for the edition or product key), in a maintenance window:
sudo systemctl stop mssql-server
sudo /opt/mssql/bin/mssql-conf set-edition
sudo systemctl start mssql-server
# Check the result:
#   SELECT SERVERPROPERTY('Edition');
