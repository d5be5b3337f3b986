// SPDX-License-Identifier: Apache-2.0
package dev.milink.cli;

import static com.tngtech.archunit.base.DescribedPredicate.not;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAnyPackage;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.members;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaConstructor;
import com.tngtech.archunit.core.domain.JavaCodeUnit;
import com.tngtech.archunit.core.domain.JavaField;
import com.tngtech.archunit.core.domain.JavaMember;
import com.tngtech.archunit.core.domain.JavaModifier;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.core.importer.Location;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.ConditionEvents;
import com.tngtech.archunit.lang.SimpleConditionEvent;
import com.tngtech.archunit.library.GeneralCodingRules;
import dev.milink.core.check.Check;
import dev.milink.core.catalog.CheckCatalog;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The architecture in {@code docs/architecture.md}, enforced (test tier e). Runs over the production classes of
 * every module (this module sees them all); test classes and test jars are left out.
 *
 * <p>When a rule fails, fix the dependency rather than the rule: each {@code because} says what the rule
 * protects. A deliberate exception goes into the rule with its own {@code because}.
 */
@AnalyzeClasses(packages = "dev.milink", importOptions = {ImportOption.DoNotIncludeTests.class,
        ArchitectureTest.DoNotIncludeTestJars.class})
class ArchitectureTest {

    private static final String CORE = "dev.milink.core..";
    private static final String CHECKS = "dev.milink.core.check..";
    private static final String SQLSERVER = "dev.milink.sqlserver..";
    private static final String NETWORK = "dev.milink.network..";
    private static final String AZURE = "dev.milink.azure..";
    private static final String REPORT = "dev.milink.report..";
    private static final String SANDBOX = "dev.milink.sandbox..";
    private static final String ENGINE = "dev.milink.engine..";
    private static final String CLI = "dev.milink.cli..";
    private static final String JACKSON = "com.fasterxml.jackson..";
    private static final String CORE_INTERNAL = "dev.milink.core.internal..";

    /** No class in {@code pkg} may depend on a class in any of {@code forbidden}: a layer rule. */
    private static ArchRule neverUses(String pkg, String... forbidden) {
        return noClasses().that().resideInAPackage(pkg).should().dependOnClassesThat().resideInAnyPackage(forbidden);
    }

    @ArchTest
    static final ArchRule coreDependsOnNothingOfOurs = noClasses().that().resideInAPackage(CORE)
            .should().dependOnClassesThat(resideInAPackage("dev.milink..").and(not(resideInAPackage(CORE))))
            .because("milink-core is the model every module shares; it must build and be tested alone, "
                    + "and a check must never reach a collector, renderer or the CLI");

    @ArchTest
    static final ArchRule coreHasNoJdbc = neverUses(CORE, "java.sql..", "javax.sql..")
            .because("collect first, judge second: JDBC lives in milink-sqlserver, and core (facts, checks, "
                    + "assessor) must run on hand-built or saved facts with no server");

    @ArchTest
    static final ArchRule checksReadOnlyFacts = neverUses(CHECKS, "java.sql..", "javax.sql..", SQLSERVER,
                    "java.net.http..")
            .because("checks are pure functions of Facts: no Connection, no HTTP client, so each is unit-tested "
                    + "on TestFacts and a facts file can be judged offline");

    @ArchTest
    static final ArchRule coreModelAndChecksAreJacksonFree = noClasses()
            .that().resideInAnyPackage("dev.milink.core.model..", CHECKS, "dev.milink.core.assess..")
            .should().dependOnClassesThat().resideInAPackage(JACKSON)
            .because("the domain model is plain records; serialisation formats (facts files, JSON report) are "
                    + "adapters that may change without touching the model");

    @ArchTest
    static final ArchRule corePublicApiHasNoJacksonTypes = members()
            .that().areDeclaredInClassesThat().resideInAPackage(CORE)
            .and().areDeclaredInClassesThat().resideOutsideOfPackage(CORE_INTERNAL)
            .and().areDeclaredInClassesThat().arePublic()
            .and().arePublic()
            .should(notExposeTypesFrom(JACKSON))
            .because("Jackson may parse files inside core (e.g. the build reference data), but callers of core "
                    + "must not need Jackson on their compile path or break when we replace it; core.internal "
                    + "(not API, shared by milink's own modules) is the one place that may hand out Jackson types");

    @ArchTest
    static final ArchRule oneJacksonConfiguration = noClasses()
            .that().resideOutsideOfPackages(CORE_INTERNAL, SANDBOX)
            .should().callCodeUnitWhere(DescribedPredicate.describe("a Jackson mapper or factory is built",
                    call -> (call.getTargetOwner().isAssignableTo(ObjectMapper.class)
                            || call.getTargetOwner().isAssignableTo(JsonFactory.class))
                            && (call.getTarget().getName().equals(JavaConstructor.CONSTRUCTOR_NAME)
                            || call.getTarget().getName().equals("builder"))))
            .because("every file is read and every JSON output written with one configuration (dev.milink.core"
                    + ".internal.Json: duplicate keys rejected, one output style); the sandbox stands alone and "
                    + "keeps its own scenario reader");

    @ArchTest
    static final ArchRule onlyTheCliPrints = noClasses().that().resideOutsideOfPackage(CLI)
            .should(GeneralCodingRules.ACCESS_STANDARD_STREAMS)
            .because("the CLI owns stdout and stderr (one error format, JSON on stdout with --output json); "
                    + "libraries return data or write to a Writer they are given, and log through the logger");

    @ArchTest
    static final ArchRule noGenericExceptions = GeneralCodingRules.NO_CLASSES_SHOULD_THROW_GENERIC_EXCEPTIONS
            .because("users see errors through MilinkException and its ErrorCode (exit code, docs entry); a bare "
                    + "RuntimeException/Exception/Throwable carries neither");

    /**
     * Every package is a slice; the check catalog sits above the check API, so product code needs no exception.
     * The sandbox's catalog engine ({@code sandbox.catalog} and its {@code agent}, {@code command}, {@code view},
     * {@code tsql} subpackages) counts as one unit: it is one T-SQL interpreter of a test double whose parts share
     * the instance state, split into packages only to keep files small.
     */
    @ArchTest
    static final ArchRule noPackageCycles = slices().matching("dev.milink.(**)").should().beFreeOfCycles()
            .ignoreDependency(resideInAPackage("dev.milink.sandbox.catalog.."),
                    resideInAPackage("dev.milink.sandbox.catalog.."))
            .because("every package can then be understood, tested and moved on its own; a cycle means two "
                    + "packages are really one");

    @ArchTest
    static final ArchRule sqlServerIsBelowReportAndCli = neverUses(SQLSERVER, REPORT, ENGINE, CLI)
            .because("collectors and the T-SQL executor produce facts and results; presenting them is the job "
                    + "of report and cli, which sit above");

    @ArchTest
    static final ArchRule azureDependsOnlyOnCore = neverUses(AZURE, SQLSERVER, NETWORK, REPORT, SANDBOX, ENGINE, CLI)
            .because("the Azure module reads and writes the managed instance end through ARM and returns facts "
                    + "and results; it needs only core's model, and the sandbox's ARM stand-in must stay a "
                    + "test double it cannot share code (or bugs) with");

    @ArchTest
    static final ArchRule armWireRecordsStayInTheAzureModule = noClasses().that().resideOutsideOfPackage(AZURE)
            .should().dependOnClassesThat().resideInAPackage("dev.milink.azure.internal..")
            .because("ARM JSON DTOs stay inside the Azure adapter (practice 4): everything else sees "
                    + "ManagedInstanceFacts");

    @ArchTest
    static final ArchRule reportReadsOnlyTheReport = neverUses(REPORT, SQLSERVER, SANDBOX, NETWORK, AZURE, ENGINE,
                    CLI)
            .because("renderers and the docs generator read AssessmentReport and CheckMetadata only (results "
                    + "are data), so a saved report renders the same without a server");

    @ArchTest
    static final ArchRule sandboxStandsAlone = neverUses(SANDBOX, SQLSERVER, NETWORK, AZURE, REPORT, ENGINE, CLI)
            .because("the sandbox stands in for SQL Server and Azure; if it used our client code it could hide "
                    + "the very bugs the integration tests are there to catch");

    @ArchTest
    static final ArchRule networkIsBelowTheEngine = neverUses(NETWORK, REPORT, ENGINE, CLI)
            .because("the network test and probes produce results and facts; judging and presenting them is the "
                    + "engine's and the CLI's job");

    @ArchTest
    static final ArchRule theEngineIsALibrary = neverUses(ENGINE, SANDBOX, "picocli..")
            .because("milink-engine is what a Java program embeds: it never needs the SQL Server stand-in or a "
                    + "command-line parser on its class path");

    @ArchTest
    static final ArchRule onlyTheCliUsesTheEngine = noClasses().that().resideOutsideOfPackages(ENGINE, CLI)
            .should().dependOnClassesThat().resideInAPackage(ENGINE)
            .because("the engine orchestrates the modules below it (collect, judge, plan, apply, test the "
                    + "network); a module below that reached up to it would make a cycle of modules");

    @ArchTest
    static final ArchRule theCliTalksToTheEngineOnly = neverUses(CLI, "dev.milink.sqlserver.collect..",
                    "dev.milink.sqlserver.fix..", "java.sql..", "javax.sql..", "com.microsoft.sqlserver..",
                    "dev.milink.network.test..", "dev.milink.azure.fix..")
            .because("the CLI is option parsing + the facade (dev.milink.engine.Milink) + a renderer: collectors, "
                    + "JDBC, the fix executors (SQL Server and ARM) and the network test are reached through the "
                    + "engine, so a Java "
                    + "program can do everything the CLI does and no command copies the wiring");

    @ArchTest
    static final ArchRule onlyTheCliDependsOnTheCli = noClasses().that().resideOutsideOfPackage(CLI)
            .should().dependOnClassesThat().resideInAPackage(CLI)
            .because("the CLI is the outermost layer; everything it does must be reachable as a library");

    @ArchTest
    static final ArchRule everyCheckIsInTheCatalog = classes().that().implement(Check.class)
            .and().areNotInterfaces().and().doNotHaveModifier(JavaModifier.ABSTRACT)
            .should(beListedIn(CheckCatalog.standard()))
            .because("the catalog is the one explicit list of what milink runs (practice 1); a check class that "
                    + "is not listed would silently never run, and would have no docs page (a parametrised check "
                    + "such as MinimumBuildCheck is listed once per instance, each with its own id)");

    private static ArchCondition<JavaClass> beListedIn(CheckCatalog catalog) {
        Set<String> listed = catalog.checks().stream().map(c -> c.getClass().getName()).collect(Collectors.toSet());
        return new ArchCondition<>("be listed in CheckCatalog.standard()") {
            @Override
            public void check(JavaClass c, ConditionEvents events) {
                if (!listed.contains(c.getName())) {
                    events.add(SimpleConditionEvent.violated(c, c.getName() + " implements Check but is not in "
                            + "CheckCatalog.standard(); add it to its area's ALL list"));
                }
            }
        };
    }

    /** Fails for a public member whose type, parameter types, return type or thrown types come from {@code pkg}. */
    private static ArchCondition<JavaMember> notExposeTypesFrom(String pkg) {
        return new ArchCondition<>("not expose types from " + pkg + " in their signature") {
            @Override
            public void check(JavaMember member, ConditionEvents events) {
                List<JavaClass> types = new ArrayList<>();
                if (member instanceof JavaField f) {
                    types.add(f.getRawType());
                } else if (member instanceof JavaCodeUnit cu) {
                    types.add(cu.getRawReturnType());
                    types.addAll(cu.getRawParameterTypes());
                    types.addAll(cu.getThrowsClause().getTypes());
                }
                for (JavaClass t : types) {
                    JavaClass base = t.isArray() ? t.getBaseComponentType() : t;
                    if (resideInAnyPackage(pkg).test(base) && !member.getModifiers().contains(JavaModifier.SYNTHETIC)) {
                        events.add(SimpleConditionEvent.violated(member,
                                member.getFullName() + " exposes " + base.getName()));
                    }
                }
            }
        };
    }

    /** Leaves out {@code *-tests.jar} (shared test fixtures such as TestFacts), which DoNotIncludeTests keeps. */
    static final class DoNotIncludeTestJars implements ImportOption {
        @Override
        public boolean includes(Location location) {
            return !location.contains("-tests.jar");
        }
    }
}
