-- Drops a temporary test endpoint's certificate.
DROP CERTIFICATE {{certificate:tsql-name}};
