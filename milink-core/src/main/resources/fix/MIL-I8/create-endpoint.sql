-- Creates the database mirroring endpoint the link connects to: certificate authentication, AES encryption,
-- role ALL. Open TCP {{port}} inbound from the managed instance subnet on every firewall on the path.
-- Safe to run again: nothing happens when the instance already has a database mirroring endpoint.
USE master;
IF NOT EXISTS (SELECT 1 FROM sys.database_mirroring_endpoints)
    CREATE ENDPOINT {{endpoint:tsql-name}}
        STATE = STARTED
        AS TCP (LISTENER_PORT = {{port}}, LISTENER_IP = ALL)
        FOR DATABASE_MIRRORING (
            ROLE = ALL,
            AUTHENTICATION = CERTIFICATE {{certificate:tsql-name}},
            ENCRYPTION = REQUIRED ALGORITHM AES
        );
