package bookstore.user;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

@AnalyzeClasses(packages = "bookstore.user", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTests {

    /** The rules about accounts and tokens read as plain Java: no framework, no database, no Reactor. */
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
