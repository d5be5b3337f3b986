ALTER ENDPOINT {{endpoint:tsql-name}} FOR DATABASE_MIRRORING (AUTHENTICATION = CERTIFICATE {{certificate:tsql-name}});
