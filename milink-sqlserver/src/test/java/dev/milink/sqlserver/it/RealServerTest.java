// SPDX-License-Identifier: Apache-2.0
package dev.milink.sqlserver.it;

import dev.milink.sqlserver.connect.SqlError;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.milink.core.error.MilinkException;
import dev.milink.core.model.ServerFacts;
import dev.milink.core.secret.Secret;
import dev.milink.sqlserver.collect.CollectScript;
import dev.milink.sqlserver.collect.OfflineFacts;
import dev.milink.sqlserver.collect.SqlServerCollector;
import dev.milink.sqlserver.connect.Authentication;
import dev.milink.sqlserver.connect.ConnectionSettings;
import dev.milink.sqlserver.connect.SqlConnector;
import dev.milink.sqlserver.connect.SqlTarget;
import java.sql.Connection;
import java.time.Instant;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfEnvironmentVariable;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

/**
 * The collector against a real SQL Server, opt-in: {@code ./mvnw -Pmssql -pl milink-sqlserver test} with
 * {@code MILINK_IT_JDBC_URL=jdbc:sqlserver://host:1433;encrypt=true;trustServerCertificate=true},
 * {@code MILINK_IT_USER} and {@code MILINK_IT_PASSWORD} (a sysadmin login gives complete facts). See the module README.
 */
@EnabledIfSystemProperty(named = "milink.it.real", matches = "true")
@EnabledIfEnvironmentVariable(named = "MILINK_IT_JDBC_URL", matches = "jdbc:sqlserver://.+")
class RealServerTest {

    private static final Pattern URL = Pattern.compile("jdbc:sqlserver://([^;:\\\\]+)(?:\\\\([^;:]+))?(?::(\\d+))?(;.*)?");

    static ConnectionSettings settings() {
        String url = System.getenv("MILINK_IT_JDBC_URL");
        Matcher m = URL.matcher(url);
        if (!m.matches()) {
            throw new IllegalArgumentException("MILINK_IT_JDBC_URL must look like jdbc:sqlserver://host[\\inst][:port][;…]");
        }
        String props = m.group(4) == null ? "" : m.group(4).toLowerCase(Locale.ROOT);
        SqlTarget target = new SqlTarget(m.group(1), m.group(3) == null ? null : Integer.valueOf(m.group(3)), m.group(2));
        String user = System.getenv("MILINK_IT_USER");
        Authentication auth = user == null || user.isBlank() ? new Authentication.Integrated()
                : new Authentication.SqlLogin(user, Secret.of(System.getenv().getOrDefault("MILINK_IT_PASSWORD", "")));
        return ConnectionSettings.of(target, auth)
                .withEncrypt(!props.contains("encrypt=false"))
                .withTrustServerCertificate(props.contains("trustservercertificate=true"));
    }

    @Test
    void collectsEveryComponentOrSaysWhyNot() {
        ServerFacts f = SqlServerCollector.jdbc().collect(settings());
        assertThat(f.product().isKnown()).as(f.product().reason()).isTrue();
        assertThat(f.sysadmin().isKnown()).isTrue();
        assertThat(f.databases().isKnown()).as(f.databases().reason()).isTrue();
        assertThat(f.databases().orElse(null)).extracting(d -> d.name()).contains("master", "msdb");
        assertThat(f.runningTraceFlags().isKnown()).as(f.runningTraceFlags().reason()).isTrue();
    }

    @Test
    void scriptCollectedFactsEqualOnlineFacts() throws Exception {
        ServerFacts online = SqlServerCollector.jdbc().collect(settings());
        byte[] output;
        try (Connection c = SqlConnector.open(settings())) {
            output = ScriptCapture.run(c, CollectScript.text());
        }
        ServerFacts offline = OfflineFacts.parse(output, "real.txt", online.target(), Instant.EPOCH);
        assertThat(offline).usingRecursiveComparison()
                .ignoringFields("collectedAt", "startTime", "databases.value.logSpaceUsedPercent")
                .isEqualTo(online);
    }

    @Test
    void wrongPasswordIsALoginFailure() {
        ConnectionSettings s = settings();
        ConnectionSettings wrong = new ConnectionSettings(s.target(),
                new Authentication.SqlLogin("milink_no_such_login", Secret.of("wrong")), s.encrypt(),
                s.trustServerCertificate(), s.hostNameInCertificate(), s.trustStore(), s.trustStorePassword(),
                s.loginTimeout(), s.queryTimeout());
        assertThatThrownBy(() -> SqlServerCollector.jdbc().collect(wrong))
                .isInstanceOfSatisfying(MilinkException.class,
                        e -> assertThat(e.code()).isEqualTo(SqlError.SQL_LOGIN_FAILED));
    }
}
