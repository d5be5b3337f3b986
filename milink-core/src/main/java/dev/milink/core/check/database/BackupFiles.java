// SPDX-License-Identifier: Apache-2.0
package dev.milink.core.check.database;

import dev.milink.core.check.CheckContext;
import dev.milink.core.script.FileNames;
import dev.milink.core.script.ScriptTemplate;
import dev.milink.core.model.Fact;
import dev.milink.core.model.ServerFacts;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/**
 * Where fix scripts write backup and certificate files: {@code <dir><sep><safe name>_<yyyyMMddHHmmss>.<ext>}.
 * The directory is the user's {@code --backup-dir}; without one it is the sqlcmd variable
 * {@value #DIR_VARIABLE}, and steps using it are not appliable (milink runs T-SQL without sqlcmd).
 */
final class BackupFiles {

    /** The sqlcmd variable standing in for the backup directory when none was given. */
    static final String DIR_VARIABLE = "MILINK_BACKUP_DIR";

    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMddHHmmss", Locale.ROOT)
            .withZone(ZoneOffset.UTC);

    private BackupFiles() {
    }

    /** Whether a script may use the user's directory (true) or must fall back to the sqlcmd variable (false). */
    static boolean hasDirectory(CheckContext context) {
        return context.backupPath().filter(p -> !p.isBlank()).isPresent();
    }

    /** Full path of a new file, as the SQL Server service will see it (not quoted). */
    static String path(CheckContext context, Fact<ServerFacts.HostInfo> host, String baseName, String extension) {
        char sep = host.asOptional().map(ServerFacts.HostInfo::isLinux).orElse(false) ? '/' : '\\';
        String dir = context.backupPath().filter(p -> !p.isBlank()).orElse("$(" + DIR_VARIABLE + ")");
        String prefix = dir.endsWith("/") || dir.endsWith("\\") ? dir : dir + sep;
        return prefix + fileName(context, baseName, extension);
    }

    /** {@code <safe name>_<yyyyMMddHHmmss>.<ext>} in UTC from the context's clock. */
    static String fileName(CheckContext context, String baseName, String extension) {
        return safeName(baseName) + "_" + STAMP.format(context.clock().instant()) + "." + extension;
    }

    /** A file name stem safe on Windows and Linux for any name: {@link FileNames#safe}. */
    static String safeName(String name) {
        return FileNames.safe(name);
    }

    /**
     * The {@code , COMPRESSION} backup option when the edition can create compressed backups (Enterprise,
     * Developer, Evaluation, Standard), otherwise empty. Express and Web cannot; an unreadable edition gets no
     * compression, which always works.
     */
    static String compressionOption(Fact<ServerFacts.Product> product) {
        boolean supported = product.asOptional().map(p -> p.engineEdition() == 3
                || (p.engineEdition() == 2 && !p.edition().toLowerCase(Locale.ROOT).contains("web")))
                .orElse(false);
        return supported ? ScriptTemplate.fix("MIL-D7", "compression-option").render(java.util.Map.of()) : "";
    }
}
