// SPDX-License-Identifier: Apache-2.0
package dev.milink.sandbox.catalog.command;

import dev.milink.sandbox.catalog.TsqlException;
import java.util.List;

/** A system procedure's evaluated arguments, by name ({@code @job_name = …}) or position. */
public final class ProcArgs {
    private final List<String> names;
    private final List<Object> values;

    ProcArgs(List<String> names, List<Object> values) {
        this.names = names;
        this.values = values;
    }

    /** The argument named {@code @name}, else the one at {@code position} if passed positionally, else null. */
    public Object get(String name, int position) {
        for (int i = 0; i < names.size(); i++) {
            if (names.get(i) != null && names.get(i).equalsIgnoreCase(name)) {
                return values.get(i);
            }
        }
        return position < values.size() && names.get(position) == null ? values.get(position) : null;
    }

    public String string(String name, int position) {
        Object v = get(name, position);
        return v == null ? null : v.toString();
    }

    public Integer integer(String name, int position) {
        Object v = get(name, position);
        if (v == null) {
            return null;
        }
        return v instanceof Number n ? n.intValue() : Integer.valueOf(v.toString().strip());
    }

    /** A required argument; 201 when missing, as SQL Server reports it. */
    public String required(String proc, String name, int position) throws TsqlException {
        String v = string(name, position);
        if (v == null) {
            throw TsqlException.of(201, 4, 16, "Procedure or function '" + proc + "' expects parameter '" + name
                    + "', which was not supplied.");
        }
        return v;
    }

    public int size() {
        return values.size();
    }
}
