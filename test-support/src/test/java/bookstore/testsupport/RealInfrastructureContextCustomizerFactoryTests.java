package bookstore.testsupport;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.springframework.test.context.ContextCustomizer;

class RealInfrastructureContextCustomizerFactoryTests {

    private final RealInfrastructureContextCustomizerFactory factory = new RealInfrastructureContextCustomizerFactory();

    @Test
    void leavesTestsWithoutTheAnnotationsAlone() {
        assertThat(customizerFor(PlainTest.class)).isNull();
    }

    @Test
    void collectsEveryRequestedServer() {
        assertThat(customizerFor(KafkaAndPostgresTest.class))
                .isEqualTo(new RealInfrastructureContextCustomizer(
                        java.util.EnumSet.of(RealServer.KAFKA, RealServer.POSTGRES)));
    }

    @Test
    void findsTheAnnotationsThroughComposedAnnotationsAndEnclosingClasses() {
        assertThat(customizerFor(ComposedTest.class))
                .isEqualTo(new RealInfrastructureContextCustomizer(java.util.EnumSet.of(RealServer.MONGO)));
        assertThat(customizerFor(KafkaAndPostgresTest.Inner.class))
                .isEqualTo(customizerFor(KafkaAndPostgresTest.class));
    }

    @Test
    void letsClassesAskingForTheSameServersShareACachedContext() {
        assertThat(customizerFor(KafkaAndPostgresTest.class))
                .isEqualTo(customizerFor(AnotherKafkaAndPostgresTest.class));
        assertThat(customizerFor(KafkaAndPostgresTest.class)).isNotEqualTo(customizerFor(ComposedTest.class));
    }

    private ContextCustomizer customizerFor(Class<?> testClass) {
        return factory.createContextCustomizer(testClass, List.of());
    }

    static class PlainTest {}

    @RealKafka
    @RealPostgres
    static class KafkaAndPostgresTest {

        @Nested
        class Inner {}
    }

    @RealPostgres
    @RealKafka
    static class AnotherKafkaAndPostgresTest {}

    @java.lang.annotation.Retention(java.lang.annotation.RetentionPolicy.RUNTIME)
    @RealMongo
    @interface CatalogueTest {}

    @CatalogueTest
    static class ComposedTest {}
}
