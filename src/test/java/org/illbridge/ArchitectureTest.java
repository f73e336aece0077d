package org.illbridge;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/** The package layout is the architecture: the codec and the protocol stand alone. */
@AnalyzeClasses(packages = "org.illbridge", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

    @ArchTest
    static final ArchRule codecAndProtocolKnowNothingOfCamelSpringOrNetty = noClasses()
            .that().resideInAnyPackage("org.illbridge.codec..", "org.illbridge.protocol..")
            .should().dependOnClassesThat().resideInAnyPackage(
                    "org.apache.camel..", "org.springframework..", "io.netty..", "org.illbridge.camel..",
                    "org.illbridge.store..", "org.illbridge.web..");

    @ArchTest
    static final ArchRule storesKnowNothingOfCamelOrTheWeb = noClasses()
            .that().resideInAPackage("org.illbridge.store..")
            .should().dependOnClassesThat().resideInAnyPackage(
                    "org.apache.camel..", "io.netty..", "org.illbridge.camel..", "org.illbridge.web..");
}
