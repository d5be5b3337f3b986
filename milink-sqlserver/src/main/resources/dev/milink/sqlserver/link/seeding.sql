-- Seeding in progress: size, bytes sent, rate and SQL Server's estimate (an over-estimate: the link compresses).
-- No row: seeding has not started or has ended.
SELECT local_database_name, database_size_bytes, transferred_size_bytes, transfer_rate_bytes_per_second,
       estimate_time_complete_utc
FROM sys.dm_hadr_physical_seeding_stats
