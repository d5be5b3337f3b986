-- MIL-D14 step 1 of 3 (SQL Server): export the TDE protector certificate with its private key.
-- The password comes from the sqlcmd variable MILINK_TDE_CERT_PASSWORD (sqlcmd -v); it is never written
-- into this file. Avoid single quotes in it. The files hold the private key: keep them safe and delete them
-- once the certificate is uploaded. If the paths name the sqlcmd variable MILINK_BACKUP_DIR, set it too.
USE master;
BACKUP CERTIFICATE {{certificate:tsql-name}}
    TO FILE = {{cer_path:tsql-string}}
    WITH PRIVATE KEY (
        FILE = {{pvk_path:tsql-string}},
        ENCRYPTION BY PASSWORD = '$(MILINK_TDE_CERT_PASSWORD)');
