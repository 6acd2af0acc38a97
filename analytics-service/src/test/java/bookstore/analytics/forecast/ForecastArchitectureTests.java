package bookstore.analytics.forecast;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/** Forecasting is plain Java the streams and web layers call: no Spring, no Kafka, no Reactor, no JSON library. */
@AnalyzeClasses(packages = "bookstore.analytics.forecast", importOptions = ImportOption.DoNotIncludeTests.class)
class ForecastArchitectureTests {

    @ArchTest
    static final ArchRule forecastingNeedsOnlyTheJdkAndItsMathLibraries = classes()
            .that()
            .resideInAPackage("bookstore.analytics.forecast")
            .should()
            .onlyDependOnClassesThat()
            .resideInAnyPackage(
                    "bookstore.analytics.forecast", "java..", "org.apache.commons.math3..", "com.github.signaflo..");
}
