// SPDX-License-Identifier: Apache-2.0
package dev.milink.sqlserver.connect;

import dev.milink.core.secret.Secret;
import java.nio.file.Path;
import java.time.Duration;

/**
 * Everything needed to connect to one SQL Server. TLS is on by default ({@code encrypt=true}, certificate
 * validated); trusting any certificate is an explicit opt-in that the CLI warns about.
 *
 * @param target                 instance address
 * @param authentication         how to sign in
 * @param encrypt                TLS on (default true)
 * @param trustServerCertificate accept any server certificate (opt-in, warned)
 * @param hostNameInCertificate  name to expect in the certificate when it differs from the host, or null
 * @param trustStore             PKCS12/JKS trust store for the server certificate, or null for the JDK's
 * @param trustStorePassword     its password, or null
 * @param loginTimeout           connect + login timeout
 * @param queryTimeout           per-query timeout
 */
public record ConnectionSettings(SqlTarget target, Authentication authentication, boolean encrypt,
                                 boolean trustServerCertificate, String hostNameInCertificate, Path trustStore,
                                 Secret trustStorePassword, Duration loginTimeout, Duration queryTimeout) {
}
