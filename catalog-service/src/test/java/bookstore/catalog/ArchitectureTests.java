package bookstore.catalog;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import bookstore.testsupport.architecture.ArchitectureRules;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/** The shape the catalogue keeps: a plain domain, capabilities that do not reach into each other's insides. */
@AnalyzeClasses(packages = "bookstore.catalog", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTests {

    @ArchTest
    static final ArchRule domainIsFreeOfFrameworks = ArchitectureRules.DOMAIN_IS_FREE_OF_FRAMEWORKS;

    @ArchTest
    static final ArchRule domainDoesNotReachOutwards = ArchitectureRules.DOMAIN_DOES_NOT_REACH_OUTWARDS;

    @ArchTest
    static final ArchRule domainKnowsNoFrameworks = noClasses()
            .that()
            .resideInAPackage("..book.domain..")
            .should()
            .dependOnClassesThat()
            .resideInAnyPackage(
                    "org.springframework..",
                    "reactor..",
                    "com.mongodb..",
                    "org.bson..",
                    "org.apache.kafka..",
                    "org.apache.lucene..",
                    "tools.jackson..",
                    "com.fasterxml..",
                    "bookstore.events..",
                    "bookstore.platform..");

    @ArchTest
    static final ArchRule applicationDoesNotDependOnAdapters = noClasses()
            .that()
            .resideInAPackage("..application..")
            .should()
            .dependOnClassesThat()
            .resideInAnyPackage("..web..", "..persistence..", "..messaging..", "..index..");

    @ArchTest
    static final ArchRule onlyPersistenceTalksToMongo = noClasses()
            .that()
            .resideOutsideOfPackages("..persistence..", "bookstore.catalog.messaging..")
            .should()
            .dependOnClassesThat()
            .resideInAnyPackage("org.springframework.data.mongodb..", "com.mongodb..");

    @ArchTest
    static final ArchRule bookCapabilityDoesNotKnowSearch = noClasses()
            .that()
            .resideInAPackage("bookstore.catalog.book..")
            .should()
            .dependOnClassesThat()
            .resideInAPackage("bookstore.catalog.search..");
}
