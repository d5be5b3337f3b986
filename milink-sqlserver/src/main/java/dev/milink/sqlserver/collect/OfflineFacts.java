// SPDX-License-Identifier: Apache-2.0
package dev.milink.sqlserver.collect;

import dev.milink.core.error.CoreError;
import dev.milink.core.error.MilinkException;
import dev.milink.core.io.BoundedFiles;
import dev.milink.core.model.ServerFacts;
import dev.milink.sqlserver.collect.internal.FactsMapper;
import dev.milink.sqlserver.collect.internal.RawResults;
import dev.milink.sqlserver.collect.internal.ScriptOutputReader;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;

/**
 * Reads the output of {@link CollectScript} (saved from sqlcmd or SSMS) into the same {@link ServerFacts} the
 * online collector produces, through the same mapping.
 *
 * <pre>{@code
 * ServerFacts facts = OfflineFacts.read(Path.of("facts.txt"), "sql01.contoso.local");
 * }</pre>
 *
 * @since 0.1
 */
public final class OfflineFacts {

    private OfflineFacts() {
    }

    /**
     * @param file       the saved output
     * @param targetName how reports should name the instance
     * @throws MilinkException FACTS_FILE_INVALID when the file cannot be read or is not the script's output
     */
    public static ServerFacts read(Path file, String targetName) {
        byte[] bytes;
        Instant modified;
        bytes = BoundedFiles.read(file, BoundedFiles.FACTS_MAX, "facts file", CoreError.FACTS_FILE_INVALID);
        try {
            modified = Files.getLastModifiedTime(file).toInstant();
        } catch (IOException e) {
            throw new MilinkException(CoreError.FACTS_FILE_INVALID, "Cannot read the facts file " + file + ": "
                    + BoundedFiles.describe(e) + ".", e);
        }
        return parse(bytes, file.getFileName().toString(), targetName, modified);
    }

    /** Reads output held in memory (e.g. captured by a test or piped in). */
    public static ServerFacts parse(byte[] output, String sourceName, String targetName, Instant fallbackTime) {
        RawResults raw = ScriptOutputReader.read(output, sourceName, CollectScript.FORMAT);
        try {
            return FactsMapper.map(targetName, raw, null, fallbackTime);
        } catch (RuntimeException e) {
            throw new MilinkException(CoreError.FACTS_FILE_INVALID, sourceName + " holds a value milink cannot"
                    + " interpret (" + e.getMessage() + "); was it edited by hand?", e);
        }
    }
}
