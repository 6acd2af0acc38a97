package bookstore.catalog.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import bookstore.platform.TransientFailures;
import com.mongodb.MongoSocketException;
import com.mongodb.ServerAddress;
import java.io.IOException;
import org.junit.jupiter.api.Test;

/**
 * The catalogue runs without R2DBC on its class path: the platform's judgement of failures (which
 * decides between a 503 and a 500 problem, and between a retry and a dead letter) still answers here
 * for every kind of failure, rather than failing itself on the driver's missing types.
 */
class FailuresWithoutR2dbcTests {

    @Test
    void r2dbcIsNotOnTheCataloguesClassPath() {
        assertThatThrownBy(() -> Class.forName("io.r2dbc.spi.R2dbcException"))
                .isInstanceOf(ClassNotFoundException.class);
    }

    @Test
    void failuresOfEveryKindAreJudgedWithoutTheDriver() {
        assertThat(TransientFailures.isTransient(new IllegalStateException("a bug")))
                .isFalse();
        assertThat(TransientFailures.isTransient(new IllegalArgumentException("bad record")))
                .isFalse();
        assertThat(TransientFailures.isTransient(new IOException("connection reset")))
                .isTrue();
        assertThat(TransientFailures.isTransient(
                        new RuntimeException(new MongoSocketException("gone", new ServerAddress()))))
                .isTrue();
    }
}
