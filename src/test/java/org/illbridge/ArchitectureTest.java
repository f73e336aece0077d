package org.illbridge;

import static com.tngtech.archunit.base.DescribedPredicate.not;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.simpleNameEndingWith;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/**
 * The package layout is the architecture: the codec and the protocol stand alone; what illbridge
 * does with an APDU in and out (inbound, outbound) is plain Java with no Camel in it; camel/ holds
 * routes and the adapters between them and those services, and no business rule.
 */
@AnalyzeClasses(packages = "org.illbridge", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

    @ArchTest
    static final ArchRule codecAndProtocolKnowNothingOfCamelSpringOrNetty = noClasses()
            .that().resideInAnyPackage("org.illbridge.codec..", "org.illbridge.protocol..")
            .should().dependOnClassesThat().resideInAnyPackage(
                    "org.apache.camel..", "org.springframework..", "io.netty..", "org.illbridge.camel..",
                    "org.illbridge.store..", "org.illbridge.web..", "org.illbridge.inbound..", "org.illbridge.outbound..");

    @ArchTest
    static final ArchRule storesKnowNothingOfCamelOrTheWeb = noClasses()
            .that().resideInAPackage("org.illbridge.store..")
            .should().dependOnClassesThat().resideInAnyPackage(
                    "org.apache.camel..", "io.netty..", "org.illbridge.camel..", "org.illbridge.web..",
                    "org.illbridge.inbound..", "org.illbridge.outbound..");

    @ArchTest
    static final ArchRule theServicesKnowNothingOfCamelNettyOrTheWeb = noClasses()
            .that().resideInAnyPackage("org.illbridge.inbound..", "org.illbridge.outbound..")
            .should().dependOnClassesThat().resideInAnyPackage(
                    "org.apache.camel..", "io.netty..", "org.illbridge.camel..", "org.illbridge.web..");

    /** Routes and adapters decide nothing: the protocol machine, the rules and the message file are the services'. */
    @ArchTest
    static final ArchRule camelHoldsRoutesAndAdaptersOnly = noClasses()
            .that().resideInAPackage("org.illbridge.camel..").and(not(simpleNameEndingWith("Configuration")))
            .should().dependOnClassesThat().resideInAnyPackage("org.illbridge.protocol..", "org.illbridge.codec.asn1..")
            .orShould().dependOnClassesThat().haveSimpleName("MessageFileStore")
            .orShould().dependOnClassesThat().haveSimpleName("DeadLetterStore")
            .orShould().dependOnClassesThat().haveSimpleName("OutboxStore")
            .orShould().dependOnClassesThat().haveSimpleName("TransactionTemplate");

    @ArchTest
    static final ArchRule noCycles = slices().matching("org.illbridge.(*)..").should().beFreeOfCycles();
}
