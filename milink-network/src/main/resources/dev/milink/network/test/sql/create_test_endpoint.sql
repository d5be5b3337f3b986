-- A temporary, certificate-authenticated DATABASE_MIRRORING endpoint, only so that something listens on the port the
-- managed instance must reach. Created only when no mirroring endpoint exists; dropped at the end of the test.
CREATE ENDPOINT {{endpoint:tsql-name}} STATE = STARTED AS TCP (LISTENER_PORT = {{port:raw}}, LISTENER_IP = ALL) FOR DATABASE_MIRRORING (ROLE = ALL, AUTHENTICATION = CERTIFICATE {{certificate:tsql-name}}, ENCRYPTION = REQUIRED ALGORITHM AES);
