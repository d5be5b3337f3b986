// SPDX-License-Identifier: Apache-2.0
package dev.milink.core.link;

import dev.milink.core.script.ScriptTemplate;
import java.util.HashMap;
import java.util.Map;

/**
 * The link's T-SQL, rendered from the templates in {@code fix/MIL-L/}: every identifier is quoted as a T-SQL
 * name and every string as an {@code N'...'} literal by the template's placeholder syntax.
 */
final class LinkSql {

    static final String TEMPLATES = "MIL-L";

    private LinkSql() {
    }

    static String render(String template, Map<String, String> values) {
        return ScriptTemplate.fix(TEMPLATES, template).render(values);
    }

    /** The plain values every availability-group template uses for one database's link. */
    static Map<String, String> names(LinkNames n, String miFqdn) {
        Map<String, String> v = new HashMap<>();
        v.put("database", n.database());
        v.put("ag", n.sqlAvailabilityGroup());
        v.put("miAg", n.miAvailabilityGroup());
        v.put("dag", n.linkName());
        v.put("miFqdn", miFqdn);
        return v;
    }

    /** The managed instance's short name: the first label of its FQDN. */
    static String shortName(String fqdn) {
        int dot = fqdn.indexOf('.');
        return dot < 0 ? fqdn : fqdn.substring(0, dot);
    }
}
