package bookstore.launcher;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.EnumSet;
import org.junit.jupiter.api.Test;

class LaunchOptionsTests {

    @Test
    void runsEveryServiceOnTheKeptDataByDefault() {
        LaunchOptions options = LaunchOptions.parse();

        assertThat(options.fresh()).isFalse();
        assertThat(options.help()).isFalse();
        assertThat(options.services()).isEqualTo(EnumSet.allOf(Service.class));
        assertThat(options.data()).isEqualTo(Path.of(".local-data"));
        assertThat(options.portOffset()).isZero();
        assertThat(options.throughput()).isFalse();
    }

    @Test
    void throughputRunsTheServicesAsInProduction() {
        assertThat(LaunchOptions.parse("--throughput").throughput()).isTrue();
    }

    @Test
    void dataAndPortOffsetPlaceASecondShopBesideTheFirst() {
        LaunchOptions options = LaunchOptions.parse("--data=/tmp/bench", "--port-offset=1000");

        assertThat(options.data()).isEqualTo(Path.of("/tmp/bench"));
        assertThat(options.portOffset()).isEqualTo(1000);
    }

    @Test
    void rejectsAPortOffsetThatIsNotANumberOrPushesPortsPastTheLast() {
        assertThatThrownBy(() -> LaunchOptions.parse("--port-offset=lots"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("lots");
        assertThatThrownBy(() -> LaunchOptions.parse("--port-offset=40000"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("38000");
        assertThatThrownBy(() -> LaunchOptions.parse("--port-offset=-1")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> LaunchOptions.parse("--data=")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void freshStartsFromEmptyServers() {
        assertThat(LaunchOptions.parse("--fresh").fresh()).isTrue();
    }

    @Test
    void onlyAcceptsShortAndModuleNames() {
        assertThat(LaunchOptions.parse("--only=catalog,order-service, gateway").services())
                .containsExactlyInAnyOrder(Service.CATALOG, Service.ORDER, Service.GATEWAY);
    }

    @Test
    void rejectsAnUnknownServiceNamingTheValidOnes() {
        assertThatThrownBy(() -> LaunchOptions.parse("--only=shipping"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("shipping")
                .hasMessageContaining("catalog, user, order, inventory, payment");
    }

    @Test
    void rejectsAnEmptyOnlyList() {
        assertThatThrownBy(() -> LaunchOptions.parse("--only=")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void rejectsAnUnknownOption() {
        assertThatThrownBy(() -> LaunchOptions.parse("--fast"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("--fast");
    }

    @Test
    void helpExplainsEveryOption() {
        assertThat(LaunchOptions.parse("--help").help()).isTrue();
        assertThat(LaunchOptions.USAGE)
                .contains(
                        "--fresh",
                        "--only=",
                        "--data=",
                        "--port-offset=",
                        "--help",
                        "KAFKA_BOOTSTRAP_SERVERS",
                        "POSTGRES_URL",
                        "MONGODB_URI");
    }
}
