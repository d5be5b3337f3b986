// SPDX-License-Identifier: Apache-2.0
package dev.milink.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.milink.azure.AzureError;
import dev.milink.core.error.CoreError;
import dev.milink.core.error.ErrorCode;
import dev.milink.report.ReportError;
import dev.milink.sqlserver.connect.SqlError;
import java.util.stream.Stream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** Every error code users can see has a "Caused by / Solution" entry in docs/errors.md. */
class ErrorDocsTest {

    @Test
    void everyErrorCodeIsDocumented() throws IOException {
        String doc = Files.readString(Path.of("..", "docs", "errors.md"));
        for (ErrorCode code : Stream.<ErrorCode[]>of(CoreError.values(), SqlError.values(),
                ReportError.values(), AzureError.values(), dev.milink.core.link.LinkError.values())
                .flatMap(Stream::of).toList()) {
            int at = doc.indexOf("\n## " + code.name() + "\n");
            assertThat(at).as("docs/errors.md section for " + code).isPositive();
            int next = doc.indexOf("\n## ", at + 4);
            String section = doc.substring(at, next < 0 ? doc.length() : next);
            assertThat(section).as(code.name()).contains("**Caused by:**", "**Solution:**");
        }
    }
}
