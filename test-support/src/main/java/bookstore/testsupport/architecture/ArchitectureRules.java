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
                    "jakarta.persistence..",
                    "bookstore.platform..",
                    "bookstore.events..")
            .as("the domain model is free of Spring, Kafka, Reactor, store drivers, JSON mapping,"
                    + " the platform and the integration contracts");

    /** Dependencies point inwards: the domain never reaches into the layers built around it. */
    public static final ArchRule DOMAIN_DOES_NOT_REACH_OUTWARDS = noClasses()
            .that()
            .resideInAPackage("..domain..")
            .should()
            .dependOnClassesThat()
            .resideInAnyPackage("..application..", "..web..", "..persistence..", "..messaging..", "..config..")
            .as("the domain does not depend on the application, web, persistence, messaging or config layers");

    private ArchitectureRules() {}
}
