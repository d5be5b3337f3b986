// SPDX-License-Identifier: Apache-2.0
package dev.milink.core.link;

import dev.milink.core.check.FixTemplates;
import dev.milink.core.tsql.TSql;
import java.util.HashMap;
import java.util.Map;

/**
 * The link's T-SQL, rendered from the templates in {@code fix/MIL-L/}. Every identifier goes through
 * {@link TSql#quoteName} and every string through {@link TSql#literal}.
 */
final class LinkSql {

    static final String TEMPLATES = "MIL-L";

    private LinkSql() {
    }

    static String render(String template, Map<String, String> values) {
        return FixTemplates.render(TEMPLATES, template, values);
    }

    /** The placeholders every availability-group template uses for one database's link. */
    static Map<String, String> names(LinkNames n, String miFqdn) {
        Map<String, String> v = new HashMap<>();
        v.put("database", TSql.quoteName(n.database()));
        v.put("databaseLiteral", TSql.literal(n.database()));
        v.put("ag", TSql.quoteName(n.sqlAvailabilityGroup()));
        v.put("agLiteral", TSql.literal(n.sqlAvailabilityGroup()));
        v.put("miAgLiteral", TSql.literal(n.miAvailabilityGroup()));
        v.put("dag", TSql.quoteName(n.linkName()));
        v.put("dagLiteral", TSql.literal(n.linkName()));
        v.put("miFqdnLiteral", TSql.literal(miFqdn));
        return v;
    }

    /** The managed instance's short name: the first label of its FQDN. */
    static String shortName(String fqdn) {
        int dot = fqdn.indexOf('.');
        return dot < 0 ? fqdn : fqdn.substring(0, dot);
    }
}
