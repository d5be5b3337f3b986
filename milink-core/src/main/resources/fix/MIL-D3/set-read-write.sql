-- MIL-D3: an availability group database must be read-write.
-- Confirm first that read-only is not by design (archive, reporting copy, log-shipping standby).
-- The change needs exclusive access; WITH NO_WAIT makes it fail at once instead of waiting for,
-- or rolling back, other sessions.
ALTER DATABASE {{db:tsql-name}} SET READ_WRITE WITH NO_WAIT;
