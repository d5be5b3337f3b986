// SPDX-License-Identifier: Apache-2.0
package dev.milink.engine.example;

import dev.milink.core.check.Finding;
import dev.milink.core.check.Status;
import dev.milink.core.fix.FixPlan;
import dev.milink.core.fix.PlannedStep;
import dev.milink.core.model.Direction;
import dev.milink.core.model.LinkSettings;
import dev.milink.core.secret.Secret;
import dev.milink.engine.Assessment;
import dev.milink.engine.AssessmentRequest;
import dev.milink.engine.Milink;
import dev.milink.engine.Source;
import dev.milink.sqlserver.connect.Authentication;
import dev.milink.sqlserver.connect.ConnectionSettings;
import dev.milink.sqlserver.connect.SqlTarget;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;

/**
 * The example of {@code docs/library.md}, compiled and run by {@code EmbeddingExampleTest} against the sandbox.
 * The lines between the {@code tag} markers are the snippet the page shows; the test keeps them equal.
 */
public final class EmbeddingExample {

    private EmbeddingExample() {
    }

    /** Assesses one SQL Server instance, prints what blocks the link and the fix plan; returns the exit code. */
    public static int run(String host, int port, String user, Secret password, Path trustStore, Secret storePassword,
                          PrintWriter out) {
        // tag::embed[]
        ConnectionSettings sql01 = ConnectionSettings.of(new SqlTarget(host, port, null),
                        new Authentication.SqlLogin(user, password))
                .withHostNameInCertificate("localhost")
                .withTrustStore(trustStore, storePassword);

        Milink milink = Milink.configure().load();
        Assessment assessment = milink.assess(AssessmentRequest.of(List.of(Source.live(sql01)))
                .withLink(LinkSettings.of(Direction.SQL_TO_MI)));

        out.println(assessment.report().verdict());
        for (Finding f : assessment.report().findings()) {
            if (f.status() == Status.FAIL) {
                out.println(f.checkId() + " " + f.target() + ": " + f.message());
            }
        }
        for (FixPlan plan : milink.plan(assessment, "/var/opt/mssql/backup")) {
            for (PlannedStep step : plan.steps()) {
                out.println(step.number() + ". " + step.step().title() + (step.appliable() ? " (T-SQL)" : ""));
            }
        }
        return assessment.exitStatus().code();
        // end::embed[]
    }
}
