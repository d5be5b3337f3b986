-- The Windows Server Failover Cluster this node belongs to; no row when it is not a cluster node.
-- requires: VIEW SERVER STATE
SELECT cluster_name
FROM sys.dm_hadr_cluster
