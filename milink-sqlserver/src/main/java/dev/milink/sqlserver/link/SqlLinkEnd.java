// SPDX-License-Identifier: Apache-2.0
package dev.milink.sqlserver.link;

import dev.milink.core.error.MilinkException;
import dev.milink.core.link.LinkNames;
import dev.milink.core.link.LinkObservation;
import dev.milink.core.link.LinkObservation.LinkError;
import dev.milink.core.link.LinkObservation.Seeding;
import dev.milink.core.link.LogBackupJobs;
import dev.milink.core.script.ScriptTemplate;
import dev.milink.core.script.TSql;
import dev.milink.sqlserver.connect.Batches;
import dev.milink.sqlserver.connect.SqlError;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * SQL Server's end of a link, over one JDBC connection: what the link commands read and the few things they
 * change (the link's T-SQL steps, and enabling/disabling the log-backup jobs). The queries live in
 * {@code dev/milink/sqlserver/link/*.sql}.
 *
 * @since 0.3
 */
public final class SqlLinkEnd {

    private final Connection connection;
    private final String endpoint;

    /** @param endpoint host:port for messages */
    public SqlLinkEnd(Connection connection, String endpoint) {
        this.connection = connection;
        this.endpoint = endpoint;
    }

    /** Every Agent job step with its command ({@link LogBackupJobs#find} picks the log backups). */
    public List<LogBackupJobs.JobStep> jobSteps() {
        List<LogBackupJobs.JobStep> steps = new ArrayList<>();
        for (Map<String, Object> r : query(sql("log-backup-jobs.sql", Map.of()))) {
            steps.add(new LogBackupJobs.JobStep(str(r, "job_id"), str(r, "job_name"), num(r, "enabled") == 1,
                    (int) num(r, "step_id"), str(r, "step_name"), str(r, "subsystem"), str(r, "database_name"),
                    str(r, "command")));
        }
        return steps;
    }

    /** Enables or disables jobs by id ({@code msdb.dbo.sp_update_job}); each id must be one the jobs list gave. */
    public void setJobsEnabled(List<String> jobIds, boolean enabled) {
        for (String id : jobIds) {
            if (!id.matches("[0-9A-Fa-f-]{36}")) {
                throw new IllegalArgumentException("not a job id: " + id);
            }
            execute("EXEC msdb.dbo.sp_update_job @job_id = " + TSql.literal(id) + ", @enabled = "
                    + (enabled ? 1 : 0) + ";");
        }
    }

    /** The enabled state of the jobs by id. */
    public Map<String, Boolean> jobsEnabled() {
        Map<String, Boolean> out = new LinkedHashMap<>();
        for (LogBackupJobs.JobStep s : jobSteps()) {
            out.put(s.jobId().toUpperCase(Locale.ROOT), s.enabled());
        }
        return out;
    }

    /** Runs one T-SQL step (batches separated by GO). */
    public void execute(String tsql) {
        try (Statement st = connection.createStatement()) {
            Batches.executeAll(st, tsql);
        } catch (SQLException e) {
            throw new MilinkException(SqlError.FIX_STEP_FAILED, "SQL Server " + endpoint + " refused the step: "
                    + e.getMessage() + " (error " + e.getErrorCode() + ")", e);
        }
    }

    /** Whether the link's DAG and the availability group exist on SQL Server. */
    public Map<String, Boolean> groups(LinkNames n) {
        Map<String, Boolean> out = new LinkedHashMap<>();
        for (Map<String, Object> r : query(sql("dag-exists.sql", values(n)))) {
            out.put(str(r, "name"), num(r, "is_distributed") == 1);
        }
        return out;
    }

    /** SQL Server's end of the link for {@code n}, or empty when it has no DAG of that name. */
    public Optional<LinkObservation.End> observe(LinkNames n, String miFqdn, Instant now) {
        Map<String, Boolean> groups = groups(n);
        if (groups.entrySet().stream().noneMatch(g -> g.getValue() && g.getKey().equalsIgnoreCase(n.linkName()))) {
            return Optional.empty();
        }
        String role = null;
        String connected = null;
        String health = null;
        Optional<LinkError> error = Optional.empty();
        for (Map<String, Object> r : query(sql("dag-replicas.sql", values(n)))) {
            if (num(r, "is_local") == 1) {
                role = str(r, "role_desc");
                health = str(r, "synchronization_health_desc");
            } else {
                connected = str(r, "connected_state_desc");
                Object number = r.get("last_connect_error_number");
                if (number != null && ((Number) number).intValue() != 0) {
                    error = Optional.of(new LinkError(((Number) number).intValue(),
                            str(r, "last_connect_error_description"), instant(r.get("last_connect_error_timestamp"))));
                }
            }
        }
        String state = null;
        String localLsn = null;
        Long lag = null;
        for (Map<String, Object> r : query(sql("dag-databases.sql", values(n)))) {
            if (num(r, "is_local") == 1) {
                state = str(r, "synchronization_state_desc");
                localLsn = str(r, "last_hardened_lsn");
            } else if (r.get("secondary_lag_seconds") instanceof Number x) {
                lag = x.longValue();
            }
        }
        Optional<Seeding> seeding = Optional.empty();
        for (Map<String, Object> r : query(sql("seeding.sql", Map.of()))) {
            if (n.database().equalsIgnoreCase(str(r, "local_database_name"))) {
                seeding = Optional.of(new Seeding(num(r, "database_size_bytes"), num(r, "transferred_size_bytes"),
                        num(r, "transfer_rate_bytes_per_second"), instant(r.get("estimate_time_complete_utc"))));
            }
        }
        String certName = null;
        Instant certExpiry = null;
        for (Map<String, Object> r : query(sql("certificate-expiry.sql", Map.of("fqdn", miFqdn)))) {
            certName = str(r, "name");
            certExpiry = instant(r.get("expiry_date"));
        }
        return Optional.of(new LinkObservation.End(role, connected, health, state, localLsn, lag, null, seeding,
                error, certName, certExpiry, null));
    }

    private static Map<String, String> values(LinkNames n) {
        return Map.of("dag", n.linkName(), "ag", n.sqlAvailabilityGroup());
    }

    static String sql(String resource, Map<String, String> values) {
        return ScriptTemplate.resource(SqlLinkEnd.class, resource).withoutCommentLines().render(values);
    }

    private List<Map<String, Object>> query(String select) {
        List<Map<String, Object>> rows = new ArrayList<>();
        try (Statement st = connection.createStatement(); ResultSet rs = st.executeQuery(select)) {
            while (rs.next()) {
                Map<String, Object> row = new LinkedHashMap<>();
                for (int i = 1; i <= rs.getMetaData().getColumnCount(); i++) {
                    // uniqueidentifier as the driver prints it (job ids go back into sp_update_job as text)
                    Object v = "uniqueidentifier".equalsIgnoreCase(rs.getMetaData().getColumnTypeName(i))
                            ? rs.getString(i) : rs.getObject(i);
                    row.put(rs.getMetaData().getColumnLabel(i).toLowerCase(Locale.ROOT), v);
                }
                rows.add(row);
            }
        } catch (SQLException e) {
            throw new MilinkException(SqlError.SQL_QUERY_FAILED, "SQL Server " + endpoint + " could not answer a link "
                    + "query: " + e.getMessage() + " (error " + e.getErrorCode() + ")", e);
        }
        return rows;
    }

    private static String str(Map<String, Object> r, String column) {
        Object v = r.get(column);
        if (v instanceof java.math.BigDecimal d) {
            return d.toPlainString();
        }
        return v == null ? null : v.toString();
    }

    private static long num(Map<String, Object> r, String column) {
        Object v = r.get(column);
        if (v instanceof Boolean b) {
            return b ? 1 : 0;
        }
        return v instanceof Number x ? x.longValue() : 0;
    }

    private static Instant instant(Object v) {
        if (v instanceof Timestamp t) {
            return t.toLocalDateTime().toInstant(ZoneOffset.UTC);
        }
        if (v instanceof java.time.OffsetDateTime o) {
            return o.toInstant();
        }
        return null;
    }
}
