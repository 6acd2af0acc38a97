package bookstore.payment;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import bookstore.testsupport.architecture.ArchitectureRules;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

@AnalyzeClasses(packages = "bookstore.payment", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTests {

    @ArchTest
    static final ArchRule domainIsFreeOfFrameworks = ArchitectureRules.DOMAIN_IS_FREE_OF_FRAMEWORKS;

    @ArchTest
    static final ArchRule domainDoesNotReachOutwards = ArchitectureRules.DOMAIN_DOES_NOT_REACH_OUTWARDS;

    @ArchTest
    static final ArchRule domainKnowsNoPaymentProvider = noClasses()
            .that()
            .resideInAPackage("..domain..")
            .should()
            .dependOnClassesThat()
            .resideInAPackage("com.stripe..")
            .because("the payment rules must read and test without any provider");

    @ArchTest
    static final ArchRule onlyTheStripeAdapterTalksToStripe = noClasses()
            .that()
            .resideOutsideOfPackage("bookstore.payment.provider.stripe..")
            .should()
            .dependOnClassesThat()
            .resideInAPackage("com.stripe..")
            .because("Stripe is one provider behind the PaymentProvider port");

    @ArchTest
    static final ArchRule useCasesDoNotReachIntoAdapters = noClasses()
            .that()
            .resideInAPackage("..payments.application..")
            .should()
            .dependOnClassesThat()
            .resideInAnyPackage("..web..", "..persistence..", "..messaging..", "..provider..", "..webhook..");
}
