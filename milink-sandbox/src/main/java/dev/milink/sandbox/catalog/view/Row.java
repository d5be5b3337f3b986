// SPDX-License-Identifier: Apache-2.0
package dev.milink.sandbox.catalog.view;

import java.util.LinkedHashMap;
import java.util.Map;

/** Builds one view row by column name; {@link dev.milink.sandbox.catalog.CatalogFunctions} checks the names. */
public final class Row {
    private final Map<String, Object> values = new LinkedHashMap<>();

    public static Row of() {
        return new Row();
    }

    public Row set(String column, Object value) {
        values.put(column, value);
        return this;
    }

    public Map<String, Object> map() {
        return values;
    }
}
