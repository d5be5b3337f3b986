// SPDX-License-Identifier: Apache-2.0
package dev.milink.sqlserver.collect.internal;

import dev.milink.core.internal.Json;
import dev.milink.core.error.CoreError;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import dev.milink.core.error.MilinkException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * Reads the collect script's output (sqlcmd file or SSMS "Results to Text") into {@link RawResults}. Lines that are
 * not JSON objects (headers, dashes, "Msg …" lines, "(1 rows affected)") are skipped; a JSON object that a tool
 * wrapped over several lines is joined again.
 */
public final class ScriptOutputReader {

    private static final int MAX_JOINED_LINES = 200;

    private ScriptOutputReader() {
    }

    /**
     * @param bytes  the file's content (UTF-8, or UTF-16 with a byte order mark, as {@code sqlcmd -u} writes)
     * @param source file name for messages
     * @param expectedFormat the format number the current script writes
     * @throws MilinkException FACTS_FILE_INVALID when it is not the output of the collect script
     */
    public static RawResults read(byte[] bytes, String source, int expectedFormat) {
        String text = decode(bytes);
        String[] lines = text.split("\\R", -1);
        RawResults raw = new RawResults();
        Set<String> open = new HashSet<>();
        boolean header = false;
        int jsonLines = 0;
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i].strip();
            if (!line.startsWith("{")) {
                continue;
            }
            JsonNode node = null;
            StringBuilder joined = new StringBuilder(line);
            int j = i;
            while (true) {
                node = parse(joined.toString());
                if (node != null || j + 1 >= lines.length || j - i >= MAX_JOINED_LINES) {
                    break;
                }
                joined.append(lines[++j].strip());
            }
            if (node == null) {
                throw new MilinkException(CoreError.FACTS_FILE_INVALID, source + " line " + (i + 1)
                        + " starts a JSON object that never ends (" + Math.min(line.length(), 60) + " characters: '"
                        + line.substring(0, Math.min(line.length(), 60)) + "…'). Was the output cut? In SSMS set"
                        + " Results to Text to 8192 characters per column; with sqlcmd use -y 0.");
            }
            i = j;
            if (!node.isObject() || !node.hasNonNull("_section")) {
                continue;
            }
            jsonLines++;
            String section = node.get("_section").asText();
            if (section.equals("milink")) {
                int format = node.path("format").asInt(-1);
                if (format != expectedFormat) {
                    throw new MilinkException(CoreError.FACTS_FILE_INVALID, source + " was written by collect"
                            + " script format " + format + ", but this milink reads format " + expectedFormat
                            + ". Generate the script again with this milink and re-run it.");
                }
                header = true;
            } else if (node.has("_error")) {
                raw.fail(section, node.path("_error").asInt(), node.path("_message").asText(""));
                open.remove(section);
            } else if (node.has("_end")) {
                raw.markDone(section);
                open.remove(section);
            } else {
                Map<String, Object> row = new LinkedHashMap<>();
                node.properties().forEach(e -> {
                    if (!e.getKey().equals("_section")) {
                        row.put(e.getKey(), value(e.getValue()));
                    }
                });
                raw.addRows(section, java.util.List.of(RawResults.row(row)));
                open.add(section);
            }
        }
        if (!header || jsonLines == 0) {
            throw new MilinkException(CoreError.FACTS_FILE_INVALID, source + " is not the output of milink's collect"
                    + " script: no line like {\"_section\":\"milink\",\"format\":" + expectedFormat + "}. Run the"
                    + " script from 'milink collect-script' with sqlcmd -h -1 -y 0 (or SSMS Results to Text) and pass"
                    + " its output.");
        }
        if (raw.get("server") == null) {
            throw new MilinkException(CoreError.FACTS_FILE_INVALID, source + " has no 'server' section: the script"
                    + " output is incomplete. Run the whole script again and save all of its output.");
        }
        for (String section : open) {
            raw.fail(section, 0, "the output ends before this query finished (file cut off?)");
        }
        return raw;
    }

    private static JsonNode parse(String s) {
        try {
            return Json.mapper().readTree(s);
        } catch (JsonProcessingException e) {
            return null;
        }
    }

    private static Object value(JsonNode v) {
        if (v == null || v.isNull()) {
            return null;
        }
        if (v.isBoolean()) {
            return v.booleanValue();
        }
        if (v.isIntegralNumber()) {
            return v.longValue();
        }
        if (v.isNumber()) {
            return v.doubleValue();
        }
        return v.isValueNode() ? v.asText() : v.toString();
    }

    private static String decode(byte[] b) {
        Charset cs = StandardCharsets.UTF_8;
        int skip = 0;
        if (b.length >= 3 && (b[0] & 0xFF) == 0xEF && (b[1] & 0xFF) == 0xBB && (b[2] & 0xFF) == 0xBF) {
            skip = 3;
        } else if (b.length >= 2 && (b[0] & 0xFF) == 0xFF && (b[1] & 0xFF) == 0xFE) {
            cs = StandardCharsets.UTF_16LE;
            skip = 2;
        } else if (b.length >= 2 && (b[0] & 0xFF) == 0xFE && (b[1] & 0xFF) == 0xFF) {
            cs = StandardCharsets.UTF_16BE;
            skip = 2;
        } else if (b.length >= 4 && b[1] == 0 && b[3] == 0 && b[0] != 0) {
            cs = StandardCharsets.UTF_16LE;
        }
        return new String(b, skip, b.length - skip, cs);
    }
}
