package io.cioconnect.bootstrap;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.Architectures.onionArchitecture;

import static com.tngtech.archunit.base.DescribedPredicate.alwaysTrue;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaConstructorCall;
import com.tngtech.archunit.core.domain.JavaModifier;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.core.importer.Location;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.ConditionEvents;
import com.tngtech.archunit.lang.SimpleConditionEvent;

/**
 * The hexagon, checked on the compiled main classes of every module. Rules fail when the packages they
 * name are empty (ArchUnit's failOnEmptyShould), so a renamed package cannot silently pass.
 */
@AnalyzeClasses(packages = "io.cioconnect",
        importOptions = {ImportOption.DoNotIncludeTests.class, ArchitectureTest.WithoutTestJars.class})
class ArchitectureTest {

    /** Test fixtures shipped in the modules' test-jars are tests too, though they sit in a jar. */
    static final class WithoutTestJars implements ImportOption {
        @Override
        public boolean includes(Location location) {
            return !location.contains("-tests.jar");
        }
    }

    private static final String DOMAIN = "io.cioconnect.domain..";
    private static final String APPLICATION = "io.cioconnect.application..";
    private static final String PORT_IN = "io.cioconnect.application.port.in..";
    private static final String PORT_OUT = "io.cioconnect.application.port.out..";
    private static final String SERVICES = "io.cioconnect.application.service..";
    private static final String IN_MEMORY = "io.cioconnect.application.memory..";
    private static final String HTTP = "io.cioconnect.adapter.http..";
    private static final String PERSISTENCE = "io.cioconnect.adapter.persistence..";
    private static final String PROVIDERS = "io.cioconnect.adapter.customerio..";
    private static final String WEBHOOKS = "io.cioconnect.adapter.webhook..";
    private static final String BOOTSTRAP = "io.cioconnect.bootstrap..";
    private static final String DEV_SANDBOX = "io.cioconnect.devsandbox..";

    @ArchTest
    static final ArchRule domainDependsOnlyOnTheJdk = classes().that().resideInAPackage(DOMAIN)
            .should().onlyDependOnClassesThat().resideInAnyPackage(DOMAIN, "java..");

    @ArchTest
    static final ArchRule applicationDependsOnlyOnTheDomainAndSlf4j = classes().that().resideInAPackage(APPLICATION)
            .should().onlyDependOnClassesThat().resideInAnyPackage(APPLICATION, DOMAIN, "java..", "org.slf4j..");

    @ArchTest
    static final ArchRule layersPointInward = onionArchitecture()
            .domainModels(DOMAIN)
            .domainServices(PORT_IN, PORT_OUT, "io.cioconnect.application")
            .applicationServices(SERVICES)
            .adapter("http", HTTP)
            .adapter("persistence", PERSISTENCE)
            .adapter("providers", PROVIDERS)
            .adapter("webhooks", WEBHOOKS)
            .adapter("dev sandbox", DEV_SANDBOX) // the outer ring too: it may use the domain's value types
            .ignoreDependency(resideInAPackage(BOOTSTRAP), alwaysTrue())
            .because("adapters never see each other, and the core never sees an adapter");

    /** The in-memory stores are test fixtures: they ship in application's test-jar, never in a production jar. */
    @ArchTest
    static final ArchRule productionCodeHoldsNoInMemoryStores = noClasses().should().resideInAPackage(IN_MEMORY)
            .orShould().haveSimpleNameStartingWith("InMemory");

    @ArchTest
    static final ArchRule adaptersNeverReachServicesOrInMemoryStores = noClasses()
            .that().resideInAnyPackage(HTTP, PERSISTENCE, PROVIDERS, WEBHOOKS)
            .should().dependOnClassesThat().resideInAnyPackage(SERVICES, IN_MEMORY);

    @ArchTest
    static final ArchRule httpAdapterCallsOnlyInPorts = noClasses().that().resideInAPackage(HTTP)
            .should().dependOnClassesThat().resideInAPackage(PORT_OUT);

    @ArchTest
    static final ArchRule drivenAdaptersOnlyImplementOutPorts = noClasses()
            .that().resideInAnyPackage(PERSISTENCE, PROVIDERS, WEBHOOKS)
            .should().dependOnClassesThat().resideInAPackage(PORT_IN);

    @ArchTest
    static final ArchRule onlyBootstrapKnowsBootstrap = noClasses().that().resideOutsideOfPackage(BOOTSTRAP)
            .should().dependOnClassesThat().resideInAPackage(BOOTSTRAP);

    /** The sandbox provider and console of {@code dev}: only the composition root wires them. */
    @ArchTest
    static final ArchRule onlyBootstrapKnowsTheDevSandbox = noClasses()
            .that().resideOutsideOfPackages(BOOTSTRAP, DEV_SANDBOX)
            .should().dependOnClassesThat().resideInAPackage(DEV_SANDBOX);

    /** The sandbox stands in for a provider out there: it knows the domain's value types, never the service's parts. */
    @ArchTest
    static final ArchRule devSandboxReachesNoServiceOrAdapter = noClasses().that().resideInAPackage(DEV_SANDBOX)
            .should().dependOnClassesThat().resideInAnyPackage(APPLICATION, HTTP, PERSISTENCE, PROVIDERS, WEBHOOKS,
                    BOOTSTRAP);

    @ArchTest
    static final ArchRule eachServiceImplementsExactlyOneInPort = classes()
            .that().resideInAPackage(SERVICES).and().arePublic().and().areTopLevelClasses()
            .and().haveSimpleNameEndingWith("Service")
            .should(implementExactlyOneInPort());

    /** Steps services share (built by the composition root, so public) are not use cases of their own. */
    @ArchTest
    static final ArchRule sharedStepsOfServicesAreNoUseCases = noClasses()
            .that().resideInAPackage(SERVICES).and().arePublic().and().areTopLevelClasses()
            .and().haveSimpleNameNotEndingWith("Service")
            .should().implement(resideInAPackage(PORT_IN));

    @ArchTest
    static final ArchRule onlyTheCompositionRootBuildsSharedCollaborators = noClasses()
            .that().resideOutsideOfPackage(BOOTSTRAP)
            .should().callConstructorWhere(constructingASharedCollaborator())
            .because("a use case is handed the collaborators it shares with others; it never builds its own");

    private static DescribedPredicate<JavaConstructorCall> constructingASharedCollaborator() {
        return new DescribedPredicate<>("construct a public collaborator of the services") {
            @Override
            public boolean test(JavaConstructorCall call) {
                JavaClass owner = call.getTargetOwner();
                return owner.isTopLevelClass() && owner.getPackageName().equals("io.cioconnect.application.service")
                        && owner.getModifiers().contains(JavaModifier.PUBLIC)
                        && !owner.getSimpleName().endsWith("Service");
            }
        };
    }

    private static ArchCondition<JavaClass> implementExactlyOneInPort() {
        return new ArchCondition<>("implement exactly one in-port") {
            @Override
            public void check(JavaClass service, ConditionEvents events) {
                long inPorts = service.getRawInterfaces().stream()
                        .filter(type -> type.getPackageName().equals("io.cioconnect.application.port.in"))
                        .count();
                if (inPorts != 1 || service.getRawInterfaces().size() != 1) {
                    events.add(SimpleConditionEvent.violated(service,
                            service.getName() + " implements " + service.getRawInterfaces().size()
                                    + " interfaces, " + inPorts + " of them in-ports"));
                }
            }
        };
    }
}
