-- The DATABASE_MIRRORING endpoint, its TCP port and the certificate it authenticates with.
-- visibility: VIEW ANY DEFINITION
SELECT e.name, e.state_desc, e.role_desc, e.connection_auth_desc, c.name AS certificate_name,
       e.is_encryption_enabled, e.encryption_algorithm_desc, t.port, t.ip_address
FROM sys.database_mirroring_endpoints AS e
LEFT JOIN sys.tcp_endpoints AS t ON t.endpoint_id = e.endpoint_id
LEFT JOIN master.sys.certificates AS c ON c.certificate_id = e.certificate_id
