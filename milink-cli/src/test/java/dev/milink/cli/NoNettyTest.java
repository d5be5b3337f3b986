// SPDX-License-Identifier: Apache-2.0
package dev.milink.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.azure.core.http.HttpClient;
import java.io.File;
import java.io.IOException;
import java.util.Arrays;
import java.util.jar.JarFile;
import org.junit.jupiter.api.Test;

/**
 * The runnable jar carries no Netty: azure-core (ARM reads, azure-identity, mssql-jdbc's Entra sign-in) runs on the
 * JDK HttpClient. The shaded jar is built from exactly this module's runtime classpath, which this test scans jar by
 * jar; the enforcer's bannedDependencies rule in this module's pom stops a build that would bring Netty back.
 */
class NoNettyTest {

    @Test
    void noJarOnTheClasspathHoldsNettyClasses() throws IOException {
        for (String entry : System.getProperty("java.class.path").split(File.pathSeparator)) {
            if (!entry.endsWith(".jar")) {
                continue;
            }
            try (JarFile jar = new JarFile(entry)) {
                assertThat(jar.stream().map(e -> e.getName())
                        .filter(n -> n.startsWith("io/netty/") || n.startsWith("com/azure/core/http/netty/"))
                        .findFirst()).as("Netty classes in " + entry).isEmpty();
            }
        }
        assertThat(Arrays.stream(System.getProperty("java.class.path").split(File.pathSeparator)))
                .anyMatch(e -> e.contains("azure-core-http-jdk-httpclient"));
    }

    @Test
    void azureCoreChoosesTheJdkHttpClient() {
        assertThat(HttpClient.createDefault().getClass().getName()).startsWith("com.azure.core.http.jdk.httpclient.");
    }
}
