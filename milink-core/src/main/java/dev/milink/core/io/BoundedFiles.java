// SPDX-License-Identifier: Apache-2.0
package dev.milink.core.io;

import dev.milink.core.error.CoreError;
import dev.milink.core.error.ErrorCode;
import dev.milink.core.error.MilinkException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;

/**
 * Reads a file the user named (facts, password, config, build reference) with a size cap, so that
 * {@code --facts /dev/zero} or a mistaken multi-gigabyte file is a one-line error, not an {@code OutOfMemoryError}.
 * The cap is enforced while reading, so devices and pipes that report no size are bounded too.
 *
 * <pre>{@code
 * byte[] bytes = BoundedFiles.read(file, BoundedFiles.FACTS_MAX, "facts file", CoreError.FACTS_FILE_INVALID);
 * }</pre>
 *
 * @since 0.1
 */
public final class BoundedFiles {

    /** A secret file holds one line: a password, a client secret. */
    public static final long SECRET_MAX = 64 * 1024;
    /** {@code milink.yaml}. */
    public static final long CONFIG_MAX = 1024 * 1024;
    /** A build reference JSON (the bundled one is about 100 KB). */
    public static final long BUILD_REFERENCE_MAX = 16 * 1024 * 1024;
    /** The collect script's output: a large instance with thousands of databases stays far below this. */
    public static final long FACTS_MAX = 64 * 1024 * 1024;

    private BoundedFiles() {
    }

    /**
     * @param what how the message names the file, e.g. "password file"
     * @param code the error code to throw (its exit status is the command's usage status)
     * @throws MilinkException {@code code} when the file is missing, unreadable, a directory or larger than {@code max}
     */
    public static byte[] read(Path file, long max, String what, ErrorCode code) {
        if (Files.isDirectory(file)) {
            throw new MilinkException(code, "The " + what + " " + file + " is a directory, not a file.");
        }
        try (InputStream in = Files.newInputStream(file)) {
            byte[] bytes = in.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, max + 1));
            if (bytes.length > max) {
                throw new MilinkException(code, "The " + what + " " + file + " is larger than " + human(max)
                        + "; milink reads at most that much. Is it the right file?");
            }
            return bytes;
        } catch (IOException e) {
            throw new MilinkException(code, "Cannot read the " + what + " " + file + ": " + describe(e) + ".", e);
        }
    }

    /** "no such file", "permission denied" … rather than the exception class name. */
    public static String describe(IOException e) {
        return switch (e) {
            case NoSuchFileException n -> "no such file";
            case AccessDeniedException a -> "permission denied";
            default -> e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        };
    }

    static String human(long bytes) {
        return bytes >= 1024 * 1024 ? bytes / (1024 * 1024) + " MB" : bytes / 1024 + " KB";
    }
}
