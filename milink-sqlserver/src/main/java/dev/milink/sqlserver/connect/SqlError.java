// SPDX-License-Identifier: Apache-2.0
package dev.milink.sqlserver.connect;

import dev.milink.core.error.ErrorCode;
import dev.milink.core.error.ErrorDoc;
import dev.milink.core.error.ExitStatus;

/**
 * The error codes of the SQL Server module: connecting, collecting, and fix steps that fail. Each constant carries
 * its "Caused by / Solution" text, from which {@code docs/errors.md} is generated.
 */
public enum SqlError implements ErrorCode {
    SQL_LOGIN_FAILED(ExitStatus.CONNECT,
            """
            SQL Server refused the login (error 18456): wrong user or password, a disabled login, SQL \
            authentication turned off on the server, or an Entra identity without a login on the instance.""",
            """
            check the login with `sqlcmd -S host -U user`; for Entra modes make sure the principal has a login \
            (`CREATE LOGIN … FROM EXTERNAL PROVIDER`). milink needs `VIEW SERVER STATE` and, for some checks, \
            sysadmin."""),
    SQL_TLS_UNTRUSTED(ExitStatus.CONNECT,
            """
            the server's TLS certificate is not trusted by the JDK (self-signed, or issued by an internal CA), \
            or its name does not match the host you connected to.""",
            """
            pass `--trust-store FILE` with your CA or the server certificate (PKCS12/JKS; its password in \
            `MILINK_TRUST_STORE_PASSWORD`), and `--host-name-in-certificate NAME` when you connect by IP or \
            alias. `--trust-server-certificate` also works but turns validation off: a man-in-the-middle could \
            then read the login and the data, so milink warns every time."""),
    SQL_UNREACHABLE(ExitStatus.CONNECT,
            """
            nothing accepts TCP connections at the host and port (connection refused, DNS name unknown, a \
            firewall dropping packets, SQL Server Browser not answering for a named instance).""",
            """
            check the name and port the message shows (`HOST,PORT` or `HOST\\INSTANCE`), that SQL Server listens \
            on TCP (SQL Server Configuration Manager or `mssql-conf`), and that a firewall allows the port from \
            this machine."""),
    SQL_TIMEOUT(ExitStatus.CONNECT,
            """
            the connection or a query took longer than allowed (`--login-timeout`, 15 s by default), often a \
            firewall that drops instead of rejecting, or a server under heavy load.""",
            """
            retry with a larger `--login-timeout`; check the network path; run `milink collect-script` on the \
            server instead if it cannot be reached from here."""),
    SQL_PERMISSION_DENIED(ExitStatus.CONNECT,
            """
            the login connected but may not read what milink needs at all (error 229/297/300, e.g. no `VIEW \
            SERVER STATE`). Individual facts that cannot be read do not cause this; they become UNKNOWN \
            findings.""",
            """
            grant `VIEW SERVER STATE` and `VIEW ANY DEFINITION`, or use a sysadmin login for the assessment."""),
    SQL_QUERY_FAILED(ExitStatus.CONNECT,
            """
            a collection query failed for a reason other than permissions (an unexpected server version or \
            configuration).""",
            """
            run with `--verbose` and report the message; meanwhile `milink collect-script` plus `milink check \
            --facts` may still work."""),
    SQL_VALUE_UNREADABLE(ExitStatus.INTERNAL,
            """
            the server returned a value milink cannot interpret, such as a `SERVERPROPERTY('ProductVersion')` \
            with five parts (`15.0.4261.1.7`), text where a number belongs, or NULL where a row's id belongs. The \
            message names the column and the value. In a fleet run only that server is affected: it gets an \
            ERROR finding with the message and every other server is reported in full (exit 70 unless something \
            worse happened).""",
            """
            report the message (it names the value) as a milink bug; meanwhile check that server by hand."""),
    FIX_STEP_FAILED(ExitStatus.FIX_FAILED,
            """
            a fix step (`milink fix --apply`) failed on the server; the steps before it were applied.""",
            """
            read the step's error, fix the cause, and run `milink fix` again: steps are idempotent and re-check \
            their preconditions."""),
    TDE_EXPORT_FAILED(ExitStatus.FIX_FAILED,
            """
            milink could not read a TDE certificate with its private key over T-SQL (`CERTENCODED`, \
            `CERTPRIVATEKEY`) to upload it to the managed instance: the certificate is gone, SQL Server returned \
            no private key (the login lacks `CONTROL` on the certificate, the certificate was imported without \
            its private key, or master's database master key cannot be opened), or the key did not decode.""",
            """
            run `milink fix --apply` with a sysadmin login; if the certificate has no private key on this \
            server, restore it from the backup made when TDE was set up (`CREATE CERTIFICATE … FROM FILE … WITH \
            PRIVATE KEY`). Otherwise use the manual steps (`milink fix` without `--mi` writes them).""");

    SqlError(ExitStatus exitStatus, String causedBy, String solution) {
        ErrorDoc.declare(this, exitStatus, causedBy, solution);
    }
}
