// SPDX-License-Identifier: Apache-2.0
package dev.milink.sandbox.catalog.view;

import dev.milink.sandbox.scenario.Scenario;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** Every catalog object the sandbox has, looked up by schema and name. Shared by all instances. */
public final class ViewRegistry {
    private static final Map<String, CatalogView> VIEWS = new HashMap<>();

    static {
        List<CatalogView> all = new ArrayList<>();
        all.addAll(DatabaseViews.all());
        all.addAll(StorageViews.all());
        all.addAll(SecurityViews.all());
        all.addAll(ServerViews.all());
        all.addAll(EndpointViews.all());
        all.addAll(HadrViews.all());
        all.addAll(LinkViews.all());
        all.addAll(MsdbViews.all());
        all.addAll(CmsViews.all());
        for (CatalogView v : all) {
            VIEWS.put(key(v.schema(), v.name()), v);
        }
    }

    private ViewRegistry() {}

    /** The object {@code schema.name} if it exists on this instance, else null. */
    public static CatalogView find(Scenario s, String schema, String name) {
        CatalogView v = VIEWS.get(key(schema, name));
        return v != null && v.exists().test(s) ? v : null;
    }

    /** All objects, for tests that check every view's rows against its columns. */
    public static List<CatalogView> all() {
        return List.copyOf(VIEWS.values());
    }

    private static String key(String schema, String name) {
        return (schema + "." + name).toLowerCase(Locale.ROOT);
    }
}
