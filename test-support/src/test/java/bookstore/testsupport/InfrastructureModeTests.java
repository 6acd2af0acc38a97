package bookstore.testsupport;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class InfrastructureModeTests {

    @Test
    void usesContainersWhenDockerIsReachableAndNothingIsForced() {
        assertThat(InfrastructureMode.choose(null, () -> true)).isEqualTo(InfrastructureMode.CONTAINERS);
    }

    @Test
    void usesEmbeddedServersWhenDockerIsNotReachable() {
        assertThat(InfrastructureMode.choose("", () -> false)).isEqualTo(InfrastructureMode.EMBEDDED);
    }

    @Test
    void forcedEmbeddedModeWinsEvenWithDocker() {
        assertThat(InfrastructureMode.choose("embedded", () -> true)).isEqualTo(InfrastructureMode.EMBEDDED);
    }

    @Test
    void forcedContainerModeDoesNotAskDocker() {
        assertThat(InfrastructureMode.choose(" Containers ", () -> {
                    throw new AssertionError("Docker must not be probed when the mode is forced");
                }))
                .isEqualTo(InfrastructureMode.CONTAINERS);
    }

    @Test
    void rejectsAnUnknownSetting() {
        assertThatThrownBy(() -> InfrastructureMode.choose("docker", () -> true))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("TEST_INFRA")
                .hasMessageContaining("docker");
    }
}
