-- The managed instance's certificate is in master as {{current:tsql-string}}, but the link finds it only under the
-- managed instance's FQDN. Certificates can't be renamed, so this imports the same public key again under
-- {{fqdn:tsql-string}}. Drop the old name afterwards if nothing else uses it.
-- Safe to run again: nothing happens when a certificate named after the FQDN exists.
USE master;
IF NOT EXISTS (SELECT 1 FROM sys.certificates WHERE name = {{fqdn:tsql-string}})
BEGIN
    DECLARE @public_key varbinary(max) = CERTENCODED(CERT_ID({{current:tsql-string}}));
    DECLARE @sql nvarchar(max) = N'CREATE CERTIFICATE ' + {{quotedFqdn:tsql-string}}
        + N' FROM BINARY = ' + CONVERT(nvarchar(max), @public_key, 1);
    EXEC sys.sp_executesql @sql;
END;
