-- Certificates in master (dates are UTC).
-- visibility: VIEW ANY DEFINITION
SELECT name, certificate_id, subject, issuer_name, CONVERT(nvarchar(33), start_date, 126) AS start_date,
       CONVERT(nvarchar(33), expiry_date, 126) AS expiry_date, pvt_key_encryption_type,
       CONVERT(varchar(64), thumbprint, 2) AS thumbprint,
       CONVERT(varchar(max), CERTENCODED(certificate_id), 2) AS public_blob
FROM master.sys.certificates
