package bookstore.testsupport.architecture;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.tngtech.archunit.core.importer.ClassFileImporter;
import org.junit.jupiter.api.Test;

class ArchitectureRulesTests {

    private final ClassFileImporter importer = new ClassFileImporter();

    @Test
    void aDomainOnTheJdkAlonePasses() {
        var classes = importer.importPackages("bookstore.testsupport.architecture.fixture.clean");

        assertThatCode(() -> ArchitectureRules.DOMAIN_IS_FREE_OF_FRAMEWORKS.check(classes))
                .doesNotThrowAnyException();
    }

    @Test
    void aDomainThatUsesReactorFails() {
        var classes = importer.importPackages("bookstore.testsupport.architecture.fixture.leaky");

        assertThatThrownBy(() -> ArchitectureRules.DOMAIN_IS_FREE_OF_FRAMEWORKS.check(classes))
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining("LeakyShelf")
                .hasMessageContaining("reactor.core.publisher.Mono");
    }

    @Test
    void aServiceWithoutDomainClassesFails() {
        var classes = importer.importPackages("bookstore.testsupport.architecture.nothing.here");

        assertThatThrownBy(() -> ArchitectureRules.DOMAIN_IS_FREE_OF_FRAMEWORKS.check(classes))
                .isInstanceOf(AssertionError.class);
    }
}
