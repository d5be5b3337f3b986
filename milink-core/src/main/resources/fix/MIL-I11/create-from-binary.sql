-- Import the managed instance's current endpoint certificate into master under its FQDN, replacing a copy of
-- that name that holds another (stale) key. The binary is the public key Azure reports for the managed instance.
USE [master];
IF EXISTS (SELECT 1 FROM sys.certificates WHERE name = {{fqdn:tsql-string}} AND thumbprint <> {{thumbprint}})
    DROP CERTIFICATE {{fqdn:tsql-name}};
IF NOT EXISTS (SELECT 1 FROM sys.certificates WHERE name = {{fqdn:tsql-string}})
    CREATE CERTIFICATE {{fqdn:tsql-name}} FROM BINARY = {{blob}};
