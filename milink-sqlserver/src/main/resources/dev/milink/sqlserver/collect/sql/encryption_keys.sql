-- Transparent data encryption: state and protector per encrypted database.
-- requires: VIEW SERVER STATE
SELECT database_id, encryption_state, encryptor_type, CONVERT(varchar(64), encryptor_thumbprint, 2) AS encryptor_thumbprint
FROM sys.dm_database_encryption_keys
