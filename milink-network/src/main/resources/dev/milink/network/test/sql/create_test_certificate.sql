-- A temporary certificate in master for the temporary test endpoint (needs the database master key, which milink
-- never creates on its own). Dropped at the end of the test.
CREATE CERTIFICATE {{certificate:tsql-name}} WITH SUBJECT = N'milink network test (temporary; safe to delete)', EXPIRY_DATE = '{{expiry:raw}}';
