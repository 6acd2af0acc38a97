package bookstore.gateway.storefront;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class PrecompressedVariantsTests {

    @ParameterizedTest(name = "Accept-Encoding: {0} → br {1}, gzip {2}")
    @CsvSource(
            delimiter = '|',
            value = {
                "gzip, deflate, br, zstd | true  | true",
                "gzip                    | false | true",
                "BR;q=0.5                | true  | false",
                "br;q=0, gzip            | false | true",
                "*                       | true  | true",
                "*;q=0.1, gzip;q=0       | true  | false",
                "identity                | false | false",
                "br;q=nonsense, gzip;q=1 | false | true",
                "''                      | false | false"
            })
    void acceptsACodingNamedOrCoveredByAStarWithAQualityAboveZero(String header, boolean brotli, boolean gzip) {
        List<String> acceptEncoding = List.of(header);

        assertThat(PrecompressedVariants.accepts(acceptEncoding, "br")).isEqualTo(brotli);
        assertThat(PrecompressedVariants.accepts(acceptEncoding, "gzip")).isEqualTo(gzip);
    }
}
