// SPDX-License-Identifier: Apache-2.0
package dev.milink.sqlserver.connect;

import dev.milink.core.error.CoreError;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.milink.core.error.MilinkException;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class SqlTargetTest {

    @ParameterizedTest
    @CsvSource(delimiter = '|', nullValues = "null", value = {
            "sql01                    | sql01       | null  | null  | sql01:1433",
            "sql01,14330              | sql01       | 14330 | null  | sql01:14330",
            "sql01.contoso.local:1433 | sql01.contoso.local | 1433 | null | sql01.contoso.local:1433",
            "sql01\\PROD              | sql01       | null  | PROD  | sql01\\PROD (port via SQL Browser, UDP 1434)",
            "sql01\\PROD,50000        | sql01       | 50000 | PROD  | sql01:50000",
            "tcp:10.0.0.4,1433        | 10.0.0.4    | 1433  | null  | 10.0.0.4:1433",
            "[2001:db8::1],1433       | 2001:db8::1 | 1433  | null  | [2001:db8::1]:1433",
            "sql01\\MSSQLSERVER       | sql01       | null  | null  | sql01:1433",
            ".                        | localhost   | null  | null  | localhost:1433"})
    void parsesWhatUsersWrite(String text, String host, Integer port, String instance, String endpoint) {
        SqlTarget t = SqlTarget.parse(text);
        assertThat(t).isEqualTo(new SqlTarget(host, port, instance));
        assertThat(t.endpoint()).isEqualTo(endpoint);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "  ", "sql01,abc", "sql01,70000", "sql01\\", "sql 01", "[2001:db8::1", "sql01;x=1",
            "sql01\\bad name", ",1433"})
    void rejectsGarbageWithOneLineUsageError(String text) {
        assertThatThrownBy(() -> SqlTarget.parse(text))
                .isInstanceOfSatisfying(MilinkException.class, e -> {
                    assertThat(e.code()).isEqualTo(CoreError.USAGE);
                    assertThat(e.getMessage()).startsWith("Invalid SQL Server address").doesNotContain("\n")
                            .contains("host\\INSTANCE");
                });
    }

    @ParameterizedTest
    @ValueSource(strings = {"sql01\\PROD,50000", "[2001:db8::1],1433", "sql01"})
    void displayRoundTrips(String text) {
        assertThat(SqlTarget.parse(SqlTarget.parse(text).display())).isEqualTo(SqlTarget.parse(text));
    }
}
