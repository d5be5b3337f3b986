-- Keeps Windows ({{windowsKind}}) authentication for existing partners and adds the certificate for the link.
ALTER ENDPOINT {{endpoint:tsql-name}} FOR DATABASE_MIRRORING (AUTHENTICATION = WINDOWS {{windowsKind}} CERTIFICATE {{certificate:tsql-name}});
