-- The managed instance's certificate is in master as {{currentLiteral}}, but the link finds it only under the
-- managed instance's FQDN. Certificates can't be renamed, so this imports the same public key again under
-- {{fqdnLiteral}}. Drop the old name afterwards if nothing else uses it.
-- Safe to run again: nothing happens when a certificate named after the FQDN exists.
USE master;
IF NOT EXISTS (SELECT 1 FROM sys.certificates WHERE name = {{fqdnLiteral}})
BEGIN
    DECLARE @public_key varbinary(max) = CERTENCODED(CERT_ID({{currentLiteral}}));
    DECLARE @sql nvarchar(max) = N'CREATE CERTIFICATE ' + {{quotedFqdnLiteral}}
        + N' FROM BINARY = ' + CONVERT(nvarchar(max), @public_key, 1);
    EXEC sys.sp_executesql @sql;
END;
