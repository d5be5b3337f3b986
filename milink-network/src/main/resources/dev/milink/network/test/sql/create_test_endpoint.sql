-- A temporary, certificate-authenticated DATABASE_MIRRORING endpoint, only so that something listens on the port the
-- managed instance must reach. Created only when no mirroring endpoint exists; dropped at the end of the test.
CREATE ENDPOINT ${endpoint} STATE = STARTED AS TCP (LISTENER_PORT = ${port}, LISTENER_IP = ALL) FOR DATABASE_MIRRORING (ROLE = ALL, AUTHENTICATION = CERTIFICATE ${certificate}, ENCRYPTION = REQUIRED ALGORITHM AES);
