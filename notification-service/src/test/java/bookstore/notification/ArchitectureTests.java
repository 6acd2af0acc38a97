package bookstore.notification;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import bookstore.testsupport.architecture.ArchitectureRules;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/** The notification service's rules of the house, kept by the build rather than by review. */
@AnalyzeClasses(packages = "bookstore.notification", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTests {

    @ArchTest
    static final ArchRule domainIsFreeOfFrameworks = ArchitectureRules.DOMAIN_IS_FREE_OF_FRAMEWORKS;

    /** A mail's rules speak the service's language; mapping the contracts is the application's job. */
    @ArchTest
    static final ArchRule domainKnowsNeitherContractsNorPlatform = noClasses()
            .that()
            .resideInAPackage("..domain..")
            .should()
            .dependOnClassesThat()
            .resideInAnyPackage("bookstore.events..", "bookstore.platform..");

    /** Use cases reach storage, SMTP and the web through ports, never the adapters. */
    @ArchTest
    static final ArchRule useCasesDoNotReachIntoAdapters = noClasses()
            .that()
            .resideInAnyPackage("bookstore.notification..domain..", "bookstore.notification..application..")
            .should()
            .dependOnClassesThat()
            .resideInAnyPackage(
                    "bookstore.notification..persistence..",
                    "bookstore.notification..web..",
                    "bookstore.notification..messaging..",
                    "bookstore.notification..smtp..");

    /** The directory knows nothing of mail; mail reads the directory. */
    @ArchTest
    static final ArchRule theDirectoryDoesNotDependOnMail = noClasses()
            .that()
            .resideInAPackage("bookstore.notification.directory..")
            .should()
            .dependOnClassesThat()
            .resideInAPackage("bookstore.notification.mail..");
}
