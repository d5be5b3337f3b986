// SPDX-License-Identifier: Apache-2.0
package dev.milink.engine.inventory;

import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.dataformat.csv.CsvParser;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;
import dev.milink.core.internal.Json;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * CSV as spreadsheets export it, parsed by jackson-dataformat-csv: RFC 4180 quoting (separators, doubled quotes
 * and line breaks inside quotes), a header row with the field names ({@link Columns}), and the separator of the
 * header row ({@code ;} from Excel in many locales, {@code ,}, or a tab) used for the whole file. The BOM is
 * removed before (see {@link Inventory#load}).
 */
final class CsvInventory {

    private CsvInventory() {
    }

    static List<InventoryEntry> parse(String text, String file) {
        char separator = separator(text);
        CsvSchema schema = CsvSchema.emptySchema().withColumnSeparator(separator).withQuoteChar('"');
        List<InventoryEntry> entries = new ArrayList<>();
        try (CsvParser p = Json.csv().getFactory().createParser(text)) {
            p.setSchema(schema);
            List<String> fields = null;
            int headerLine = 0;
            while (p.nextToken() == JsonToken.START_ARRAY) {
                int line = -1;
                List<String> cells = new ArrayList<>();
                while (p.nextToken() == JsonToken.VALUE_STRING) {
                    if (line < 0) {
                        line = p.currentTokenLocation().getLineNr(); // START_ARRAY sits at the previous row's end
                    }
                    cells.add(p.getText());
                }
                if (fields == null) {
                    if (cells.stream().allMatch(String::isBlank)) {
                        continue; // blank lines before the header
                    }
                    headerLine = line;
                    fields = header(cells, file + ":" + line);
                    if (!fields.contains(Columns.TARGET)) {
                        throw Inventory.invalid(file + ":" + headerLine + ": the header names no 'server' column"
                                + " (also accepted: target, host, instance); the separator found was '"
                                + (separator == '\t' ? "\\t" : String.valueOf(separator)) + "'");
                    }
                    continue;
                }
                Map<String, String> row = new HashMap<>();
                for (int i = 0; i < cells.size() && i < fields.size(); i++) {
                    if (fields.get(i) != null) {
                        row.merge(fields.get(i), cells.get(i), (a, b) -> a.isBlank() ? b : a);
                    }
                }
                InventoryEntry e = Columns.entry(row, file + ":" + line);
                if (e != null) {
                    entries.add(e);
                }
            }
            if (fields == null) {
                throw Inventory.invalid("Inventory " + file + " is empty: it needs a header row (server, databases,"
                        + " tags …) and one row per SQL Server");
            }
            return entries;
        } catch (IOException e) {
            String where = e instanceof com.fasterxml.jackson.core.JsonProcessingException j && j.getLocation() != null
                    ? file + ":" + j.getLocation().getLineNr() : file;
            throw Inventory.invalid(where + ": not valid CSV (" + firstLine(e.getMessage()) + ")");
        }
    }

    private static List<String> header(List<String> cells, String where) {
        List<String> fields = new ArrayList<>();
        for (String c : cells) {
            fields.add(Columns.field(c, where));
        }
        return fields;
    }

    /** The separator the header row uses most, outside quotes: {@code ;}, {@code ,} or a tab. */
    static char separator(String text) {
        int semicolons = 0;
        int commas = 0;
        int tabs = 0;
        boolean quoted = false;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '"') {
                quoted = !quoted;
            } else if (!quoted) {
                if (c == '\n' && semicolons + commas + tabs > 0) {
                    break;
                }
                switch (c) {
                    case ';' -> semicolons++;
                    case ',' -> commas++;
                    case '\t' -> tabs++;
                    default -> { }
                }
            }
        }
        if (tabs > commas && tabs > semicolons) {
            return '\t';
        }
        return semicolons > commas ? ';' : ',';
    }

    private static String firstLine(String s) {
        if (s == null) {
            return "unreadable";
        }
        int nl = s.indexOf('\n');
        return (nl < 0 ? s : s.substring(0, nl)).strip();
    }
}
