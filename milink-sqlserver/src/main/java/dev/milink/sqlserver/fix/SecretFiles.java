// SPDX-License-Identifier: Apache-2.0
package dev.milink.sqlserver.fix;

import dev.milink.core.error.CoreError;
import dev.milink.core.error.MilinkException;
import dev.milink.core.io.BoundedFiles;
import dev.milink.core.secret.Secret;
import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.AclEntry;
import java.nio.file.attribute.AclEntryPermission;
import java.nio.file.attribute.AclEntryType;
import java.nio.file.attribute.AclFileAttributeView;
import java.nio.file.attribute.PosixFilePermissions;
import java.nio.file.attribute.UserPrincipal;
import java.util.EnumSet;
import java.util.List;

/**
 * Writes a secret to a new file only its owner can read: created with POSIX mode 600 where the file system has
 * POSIX permissions (so it is never readable by others, not even for a moment), otherwise an ACL granting the
 * current user alone (Windows). An existing file is never overwritten.
 *
 * <pre>{@code
 * Path file = SecretFiles.writeOwnerOnly(Path.of("milink-dmk-password.txt"), password);
 * }</pre>
 *
 * @since 0.1
 */
public final class SecretFiles {

    private SecretFiles() {
    }

    /**
     * @return the file's absolute path
     * @throws MilinkException USAGE when the file exists or cannot be written (the message never holds the secret)
     */
    public static Path writeOwnerOnly(Path file, Secret secret) {
        Path target = file.toAbsolutePath();
        try {
            if (target.getParent() != null) {
                Files.createDirectories(target.getParent());
            }
            boolean posix = Files.getFileStore(target.getParent()).supportsFileAttributeView("posix");
            if (posix) {
                Files.createFile(target, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
            } else {
                Files.createFile(target);
                restrictToOwner(target);
            }
            try (Writer w = Files.newBufferedWriter(target, StandardCharsets.UTF_8, StandardOpenOption.TRUNCATE_EXISTING)) {
                w.write(secret.reveal());
                w.write(System.lineSeparator());
            }
            return target;
        } catch (FileAlreadyExistsException e) {
            throw new MilinkException(CoreError.USAGE, "The file " + target + " exists already; milink does not "
                    + "overwrite a secret file. To reuse the password in it, name it with --dmk-password-file "
                    + target + "; otherwise move it away or name another file.", e);
        } catch (IOException e) {
            throw new MilinkException(CoreError.USAGE, "Cannot write the secret file " + target + ": "
                    + e.getClass().getSimpleName() + ".", e);
        }
    }

    /**
     * The secret on the first line of a file milink wrote earlier (e.g. a master key password whose step did not
     * complete), read with a size cap.
     *
     * @throws MilinkException USAGE when it cannot be read or its first line is empty (the message never holds it)
     */
    public static Secret read(Path file) {
        byte[] bytes = BoundedFiles.read(file, BoundedFiles.SECRET_MAX, "secret file", CoreError.USAGE);
        String first = new String(bytes, StandardCharsets.UTF_8).lines().findFirst().orElse("").strip();
        java.util.Arrays.fill(bytes, (byte) 0);
        if (first.isEmpty()) {
            throw new MilinkException(CoreError.USAGE, "The file " + file.toAbsolutePath() + " exists but its first"
                    + " line is empty; put the password there, or move the file away to let milink generate one.");
        }
        return Secret.of(first);
    }

    private static void restrictToOwner(Path file) throws IOException {
        AclFileAttributeView acl = Files.getFileAttributeView(file, AclFileAttributeView.class);
        if (acl == null) {
            return; // neither POSIX nor ACL: nothing finer than the directory's own protection exists
        }
        UserPrincipal owner = Files.getOwner(file);
        AclEntry entry = AclEntry.newBuilder().setType(AclEntryType.ALLOW).setPrincipal(owner)
                .setPermissions(EnumSet.of(AclEntryPermission.READ_DATA, AclEntryPermission.WRITE_DATA,
                        AclEntryPermission.APPEND_DATA, AclEntryPermission.READ_ATTRIBUTES,
                        AclEntryPermission.WRITE_ATTRIBUTES, AclEntryPermission.READ_ACL,
                        AclEntryPermission.WRITE_ACL, AclEntryPermission.DELETE, AclEntryPermission.SYNCHRONIZE,
                        AclEntryPermission.READ_NAMED_ATTRS, AclEntryPermission.WRITE_NAMED_ATTRS))
                .build();
        acl.setAcl(List.of(entry)); // replaces inherited entries: only the owner remains
    }
}
