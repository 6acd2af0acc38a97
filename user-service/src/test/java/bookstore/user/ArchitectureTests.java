package bookstore.user;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import bookstore.testsupport.architecture.ArchitectureRules;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

@AnalyzeClasses(packages = "bookstore.user", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTests {

    @ArchTest
    static final ArchRule domainIsFreeOfFrameworks = ArchitectureRules.DOMAIN_IS_FREE_OF_FRAMEWORKS;

    @ArchTest
    static final ArchRule domainDoesNotReachOutwards = ArchitectureRules.DOMAIN_DOES_NOT_REACH_OUTWARDS;

    /** Stricter here: the account and token rules depend on the JDK alone. */
    @ArchTest
    static final ArchRule domainKnowsNothingOfFrameworks = classes()
            .that()
            .resideInAPackage("..domain..")
            .should()
            .onlyDependOnClassesThat()
            .resideInAnyPackage("..domain..", "java..");

    @ArchTest
    static final ArchRule applicationDoesNotReachIntoAdapters = noClasses()
            .that()
            .resideInAPackage("..application..")
            .should()
            .dependOnClassesThat()
            .resideInAnyPackage("..web..", "..persistence..", "bookstore.user.keys..", "bookstore.user.config..");

    @ArchTest
    static final ArchRule accountsDoNotDependOnLoginSessions = noClasses()
            .that()
            .resideInAPackage("bookstore.user.account..")
            .should()
            .dependOnClassesThat()
            .resideInAPackage("bookstore.user.auth..");
}
