-- SQL Server: which machine it runs on, to tell whether milink runs on the same host.
SELECT CONVERT(nvarchar(128), SERVERPROPERTY('MachineName')) AS machine_name,
       CONVERT(nvarchar(128), SERVERPROPERTY('ComputerNamePhysicalNetBIOS')) AS physical_name,
       CONVERT(nvarchar(128), SERVERPROPERTY('ServerName')) AS server_name
