package bookstore.testsupport.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.lang.ArchRule;

/**
 * Architecture rules every service checks in its own {@code ArchitectureTests}. One definition, so
 * the services cannot drift apart in what "a framework-free domain" means.
 */
public final class ArchitectureRules {

    /**
     * A service's domain model knows nothing of Spring, Kafka, Reactor, the stores or JSON mapping:
     * those belong to the adapters around it. The rule fails when a service has no domain classes at
     * all, so it cannot pass by looking at nothing.
     */
    public static final ArchRule DOMAIN_IS_FREE_OF_FRAMEWORKS = noClasses()
            .that()
            .resideInAPackage("..domain..")
            .should()
            .dependOnClassesThat()
            .resideInAnyPackage(
                    "org.springframework..",
                    "org.apache.kafka..",
                    "reactor..",
                    "io.r2dbc..",
                    "com.mongodb..",
                    "org.bson..",
                    "tools.jackson..",
                    "com.fasterxml.jackson..",
                    "io.micrometer..",
                    "jakarta.persistence..")
            .as("the domain model is free of Spring, Kafka, Reactor, store drivers and JSON mapping");

    private ArchitectureRules() {}
}
