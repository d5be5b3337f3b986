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
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Arrays;
import java.util.Collections;
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
            String kept = "";
            if (pfxOut != null) {
                Kept copy = keep(tde, pfx, password);
                pfx = copy.pfx();
                kept = "; " + (copy.earlier() ? "the copy kept by an earlier run is " : "a copy is in ") + copy.file()
                        + " (password from " + PFX_PASSWORD_VARIABLE + ")";
            }
            return new Prepared(TdeCertificateUpload.filled(step, pfx, password), "TDE certificate '" + tde.name()
                    + "' (thumbprint 0x" + tde.thumbprint() + ", subject " + tde.certificate().getSubjectX500Principal()
                    .getName() + ")" + kept);
        } finally {
            Arrays.fill(password, '\0');
        }
    }

    /** The PFX kept with --tde-pfx-out: the file, its bytes (what is uploaded), and whether an earlier run wrote it. */
    private record Kept(Path file, byte[] pfx, boolean earlier) {}

    /**
     * Writes the PFX copy owner-only, never over an existing file. A file of that name from an earlier run (an
     * upload that failed, then a re-run) is used as it is when it opens with the password and holds this
     * certificate, so the key safe's copy is exactly what is uploaded.
     */
    private Kept keep(TdeCertificateExport.Exported tde, byte[] pfx, char[] password) {
        String name = tde.name().replaceAll("[^A-Za-z0-9._-]+", "_") + "-" + tde.thumbprint().substring(0, 8)
                .toLowerCase(Locale.ROOT) + ".pfx";
        Path file = pfxOut.resolve(name).toAbsolutePath();
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
            return new Kept(file, pfx, false);
        } catch (FileAlreadyExistsException e) {
            byte[] earlier = sameCertificate(file, tde, password);
            if (earlier == null) {
                throw new MilinkException(CoreError.USAGE, "Cannot keep the TDE certificate's PFX: " + file
                        + " already exists and is not this certificate with the password in " + PFX_PASSWORD_VARIABLE
                        + "; move it to your key safe first or choose another --tde-pfx-out directory.");
            }
            return new Kept(file, earlier, true);
        } catch (IOException e) {
            throw new MilinkException(CoreError.USAGE, "Cannot write the TDE certificate's PFX to " + file + ": "
                    + e.getClass().getSimpleName() + ".", e);
        }
    }

    /** The bytes of {@code file} when it is a PKCS#12 that opens with {@code password} and holds this certificate. */
    private static byte[] sameCertificate(Path file, TdeCertificateExport.Exported tde, char[] password) {
        try {
            byte[] bytes = Files.readAllBytes(file);
            KeyStore ks = KeyStore.getInstance("PKCS12");
            ks.load(new ByteArrayInputStream(bytes), password);
            for (String alias : Collections.list(ks.aliases())) {
                if (ks.isKeyEntry(alias) && tde.certificate().equals(ks.getCertificate(alias))) {
                    return bytes;
                }
            }
            return null;
        } catch (IOException | GeneralSecurityException e) {
            return null;
        }
    }
}
