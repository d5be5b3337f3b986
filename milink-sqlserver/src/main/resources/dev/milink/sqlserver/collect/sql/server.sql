-- Instance identity, version, HADR switch and the collecting login's own rights.
-- requires: nothing beyond CONNECT SQL
SELECT
    CAST(SERVERPROPERTY('ProductVersion') AS nvarchar(128)) AS product_version,
    CAST(SERVERPROPERTY('ProductLevel') AS nvarchar(128)) AS product_level,
    CAST(SERVERPROPERTY('ProductUpdateLevel') AS nvarchar(128)) AS product_update_level,
    CAST(SERVERPROPERTY('ProductUpdateReference') AS nvarchar(128)) AS product_update_reference,
    CAST(SERVERPROPERTY('Edition') AS nvarchar(128)) AS edition,
    CAST(SERVERPROPERTY('EngineEdition') AS int) AS engine_edition,
    @@VERSION AS version_banner,
    @@SERVERNAME AS server_name,
    CAST(SERVERPROPERTY('MachineName') AS nvarchar(128)) AS machine_name,
    CAST(SERVERPROPERTY('InstanceName') AS nvarchar(128)) AS instance_name,
    CAST(SERVERPROPERTY('Collation') AS nvarchar(128)) AS collation,
    CAST(SERVERPROPERTY('IsClustered') AS int) AS is_clustered,
    CAST(SERVERPROPERTY('IsHadrEnabled') AS int) AS is_hadr_enabled,
    IS_SRVROLEMEMBER(N'sysadmin') AS is_sysadmin,
    HAS_PERMS_BY_NAME(NULL, NULL, N'VIEW SERVER STATE') AS has_view_server_state,
    HAS_PERMS_BY_NAME(NULL, NULL, N'VIEW ANY DEFINITION') AS has_view_any_definition,
    CONVERT(nvarchar(33), SYSUTCDATETIME(), 126) AS collected_at_utc,
    DATEDIFF(minute, SYSUTCDATETIME(), SYSDATETIME()) AS utc_offset_minutes
