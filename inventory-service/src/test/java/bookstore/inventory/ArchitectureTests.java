package bookstore.inventory;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import bookstore.testsupport.architecture.ArchitectureRules;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/** The inventory's rules of the house, kept by the build rather than by review. */
@AnalyzeClasses(packages = "bookstore.inventory", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTests {

    @ArchTest
    static final ArchRule domainIsFreeOfFrameworks = ArchitectureRules.DOMAIN_IS_FREE_OF_FRAMEWORKS;

    /** Stock and reservation rules speak inventory's language; mapping to the contracts is the adapters' job. */
    @ArchTest
    static final ArchRule domainKnowsNeitherContractsNorPlatform = noClasses()
            .that()
            .resideInAPackage("..domain..")
            .should()
            .dependOnClassesThat()
            .resideInAnyPackage("bookstore.events..", "bookstore.platform..");

    /** Use cases reach storage through their ports, never through the adapters. */
    @ArchTest
    static final ArchRule useCasesDoNotReachIntoAdapters = noClasses()
            .that()
            .resideInAnyPackage("bookstore.inventory..domain..", "bookstore.inventory..application..")
            .should()
            .dependOnClassesThat()
            .resideInAnyPackage(
                    "bookstore.inventory..persistence..",
                    "bookstore.inventory..web..",
                    "bookstore.inventory..messaging..");

    /** Reservations move stock only through the stock capability's ledger, never its adapters. */
    @ArchTest
    static final ArchRule reservationsPostStockOnlyThroughTheLedger = noClasses()
            .that()
            .resideInAPackage("bookstore.inventory.reservation..")
            .should()
            .dependOnClassesThat()
            .resideInAnyPackage(
                    "bookstore.inventory.stock.persistence..",
                    "bookstore.inventory.stock.web..",
                    "bookstore.inventory.stock.messaging..");
}
