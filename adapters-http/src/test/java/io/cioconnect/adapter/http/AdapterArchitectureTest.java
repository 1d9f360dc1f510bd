package io.cioconnect.adapter.http;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/** The adapter drives the application through its in-ports only (the whole-house rules live in bootstrap). */
@AnalyzeClasses(packages = "io.cioconnect.adapter.http", importOptions = ImportOption.DoNotIncludeTests.class)
class AdapterArchitectureTest {

    @ArchTest
    static final ArchRule usesOnlyInPortsOfTheApplication = noClasses()
            .should().dependOnClassesThat().resideInAnyPackage(
                    "io.cioconnect.application.port.out..",
                    "io.cioconnect.application.service..",
                    "io.cioconnect.application.memory..")
            .orShould().dependOnClassesThat().haveFullyQualifiedName("io.cioconnect.application.ConnectSettings");
}
