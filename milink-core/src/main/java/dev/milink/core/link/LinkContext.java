// SPDX-License-Identifier: Apache-2.0
package dev.milink.core.link;

import dev.milink.core.check.azure.support.ArmRequest;
import dev.milink.core.model.SqlVersion;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * What failover and delete plans read: the links as observed, SQL Server's version, the managed instance's
 * resource id and the api-version.
 *
 * @param links        one per database, with its names and what both ends show
 * @param sqlVersion   SQL Server's version (2016-2019 cannot fail back: "break the link" instead)
 * @param miResourceId {@code /subscriptions/…/managedInstances/{mi}}
 * @param apiVersion   ARM api-version
 * @since 0.3
 */
public record LinkContext(List<Link> links, SqlVersion sqlVersion, String miResourceId, String apiVersion) {

    /** SQL Server 2022 CU13: the first build with {@code ALTER AVAILABILITY GROUP … FAILOVER} for the link. */
    public static final SqlVersion TSQL_FAILOVER = SqlVersion.parse("16.0.4125.3");

    /** One database's link. */
    public record Link(LinkNames names, LinkObservation observed) {}

    public LinkContext {
        links = List.copyOf(links);
        Objects.requireNonNull(sqlVersion, "sqlVersion");
        Objects.requireNonNull(miResourceId, "miResourceId");
        Objects.requireNonNull(apiVersion, "apiVersion");
    }

    String linkPath(LinkNames n) {
        return miResourceId + "/distributedAvailabilityGroups/" + CreatePlanner.pathSegment(n.linkName());
    }

    String arm(String method, LinkNames n, String action, Map<String, ?> body) {
        return ArmRequest.of(method, linkPath(n) + action + "?api-version=" + apiVersion, body);
    }

    String names() {
        return String.join(", ", links.stream().map(l -> l.names().linkName()).toList());
    }
}
