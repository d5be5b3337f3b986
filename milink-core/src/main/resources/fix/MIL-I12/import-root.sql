-- Imports {{name}} ({{subject}}), a root certificate authority of the managed instance's endpoint
-- certificate, and trusts it as issuer for {{issuer}}.
-- sp_certificate_add_issuer exists only on builds that support the link: "Could not find stored procedure
-- 'sp_certificate_add_issuer'" means the required cumulative update (on SQL Server 2016 and 2017: the Azure
-- Connect pack) is missing.
-- Safe to run again: nothing happens when a certificate of this name exists.
USE master;
IF NOT EXISTS (SELECT 1 FROM sys.certificates WHERE name = {{name:tsql-string}})
BEGIN
    CREATE CERTIFICATE {{name:tsql-name}} FROM BINARY = 0x{{blob}};
    DECLARE @certificate_id int = CERT_ID({{name:tsql-string}});
    EXEC sp_certificate_add_issuer @certificate_id, {{issuer:tsql-string}};
END;
