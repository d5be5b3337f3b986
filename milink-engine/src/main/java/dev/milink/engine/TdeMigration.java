// SPDX-License-Identifier: Apache-2.0
package dev.milink.engine;

import dev.milink.azure.fix.TdeCertificateUpload;
import dev.milink.core.check.FixStep;
import dev.milink.core.error.CoreError;
import dev.milink.core.error.MilinkException;
import dev.milink.core.secret.Secret;
import dev.milink.sqlserver.connect.ConnectionSettings;
import dev.milink.sqlserver.connect.SqlConnector;
import dev.milink.sqlserver.tde.TdeCertificateExport;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Arrays;
import java.util.Locale;
import java.util.function.Supplier;

/**
 * MIL-D14's upload step at apply time: reads the certificate and its private key over the SQL Server connection
 * ({@link TdeCertificateExport}), builds the PFX in memory with a random password (or, when the DBA keeps a copy
 * with {@code --tde-pfx-out DIR}, the password from {@code MILINK_TDE_PFX_PASSWORD}), writes that copy owner-only,
 * and hands back the step with the body filled for {@link dev.milink.azure.fix.ArmFixExecutor}. Passwords live in
 * char arrays that are cleared; nothing here prints or logs them.
 */
final class TdeMigration {
    /** The environment variable with the password of the PFX copy written with {@code --tde-pfx-out}. */
    static final String PFX_PASSWORD_VARIABLE = "MILINK_TDE_PFX_PASSWORD";

    private final Supplier<ConnectionSettings> sqlServer;
    private final Path pfxOut;
    private final Secret pfxPassword;

    /**
     * @param pfxOut      where to keep a copy of each PFX, or null
     * @param pfxPassword the copy's password (required with {@code pfxOut}), or null for a random one
     */
    TdeMigration(Supplier<ConnectionSettings> sqlServer, Path pfxOut, Secret pfxPassword) {
        this.sqlServer = sqlServer;
        this.pfxOut = pfxOut;
        this.pfxPassword = pfxPassword;
        if (pfxOut != null && (pfxPassword == null || pfxPassword.isEmpty())) {
            throw new MilinkException(CoreError.USAGE, "--tde-pfx-out keeps a copy of the TDE certificate's PFX, "
                    + "whose password must come from the environment variable " + PFX_PASSWORD_VARIABLE
                    + "; it is not set.");
        }
    }

    /**
     * The step ready to send, with what it uploads.
     *
     * @param step        the filled step (holds the secret: send it, never show it)
     * @param description what is uploaded, for the fix result: certificate, thumbprint, subject, and the copy kept
     */
    record Prepared(FixStep step, String description) {}

    Prepared prepare(FixStep step, TdeCertificateUpload.Source source) {
        TdeCertificateExport.Exported tde;
        ConnectionSettings settings = sqlServer.get();
        try (Connection c = SqlConnector.open(settings)) {
            tde = TdeCertificateExport.read(c, source.certificate(), source.thumbprint());
        } catch (SQLException e) {
            throw dev.milink.sqlserver.connect.SqlExceptionTranslator.translate(e, settings.target().endpoint());
        }
        char[] password = pfxPassword != null ? pfxPassword.reveal().toCharArray()
                : TdeCertificateExport.randomPassword(32);
        try {
            byte[] pfx = tde.toPfx(password);
            String kept = pfxOut == null ? "" : "; a copy is in " + keep(tde, pfx) + " (password from "
                    + PFX_PASSWORD_VARIABLE + ")";
            return new Prepared(TdeCertificateUpload.filled(step, pfx, password), "TDE certificate '" + tde.name()
                    + "' (thumbprint 0x" + tde.thumbprint() + ", subject " + tde.certificate().getSubjectX500Principal()
                    .getName() + ")" + kept);
        } finally {
            Arrays.fill(password, '\0');
        }
    }

    /** Writes the PFX copy owner-only, never over an existing file. */
    private Path keep(TdeCertificateExport.Exported tde, byte[] pfx) {
        String name = tde.name().replaceAll("[^A-Za-z0-9._-]+", "_") + "-" + tde.thumbprint().substring(0, 8)
                .toLowerCase(Locale.ROOT) + ".pfx";
        Path file = pfxOut.resolve(name);
        try {
            Files.createDirectories(pfxOut);
            boolean posix = Files.getFileStore(pfxOut).supportsFileAttributeView("posix");
            if (posix) {
                Files.createFile(file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
            } else {
                Files.createFile(file);
            }
            try (OutputStream out = Files.newOutputStream(file, StandardOpenOption.WRITE,
                    StandardOpenOption.TRUNCATE_EXISTING)) {
                out.write(pfx);
            }
            return file.toAbsolutePath();
        } catch (FileAlreadyExistsException e) {
            throw new MilinkException(CoreError.USAGE, "Cannot keep the TDE certificate's PFX: " + file.toAbsolutePath()
                    + " already exists; move it to your key safe first or choose another --tde-pfx-out directory.");
        } catch (IOException e) {
            throw new MilinkException(CoreError.USAGE, "Cannot write the TDE certificate's PFX to " + file
                    .toAbsolutePath() + ": " + e.getClass().getSimpleName() + ".", e);
        }
    }
}
