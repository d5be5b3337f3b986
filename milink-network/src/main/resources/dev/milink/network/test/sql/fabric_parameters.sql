-- Managed instance: the fabric parameters that name the link's endpoints (spec 2.1). DnsRecordName is the MI FQDN,
-- ClusterName the suffix of the primary node's name, HadrPort that node's HADR port, InstanceName the app name of the
-- instance's ManagedServer partition. They can change after any failover, so milink reads them on every run.
SELECT section_name, parameter_name, parameter_value
FROM sys.dm_hadr_fabric_config_parameters
WHERE parameter_name IN (N'DnsRecordName', N'ClusterName', N'HadrPort', N'InstanceName')
