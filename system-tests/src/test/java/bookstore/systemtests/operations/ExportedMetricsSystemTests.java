package bookstore.systemtests.operations;

import static bookstore.systemtests.support.Orders.DECLINED;
import static bookstore.systemtests.support.Orders.VISA;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import bookstore.launcher.Service;
import bookstore.systemtests.support.Books;
import bookstore.systemtests.support.Customer;
import bookstore.systemtests.support.Orders;
import bookstore.systemtests.support.Shop;
import bookstore.systemtests.support.SystemTest;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * What the dashboards and alert rules in k8s/ may name is listed in k8s/tools/exported-metrics.txt,
 * and validate.sh holds them to that list. This holds the list to the services: after a confirmed, a
 * declined and a rejected order and a search, every service's /actuator/prometheus shows each series
 * the list names for it as there "always" or after such a "load". Series listed as "rare" (a first
 * reconciliation mismatch, a mail given up on), "k8s" (switched on by the manifests) or from an
 * exporter outside the services are not asked for here.
 */
@SystemTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ExportedMetricsSystemTests {

    private static final Path LIST =
            Path.of(System.getProperty("bookstore.repository", ".."), "k8s", "tools", "exported-metrics.txt");
    private static final Set<String> ASKED_FOR = Set.of("always", "load");
    /** A family's name in the exposition format: the series name before its labels or value. */
    private static final Pattern SERIES = Pattern.compile("^([a-zA-Z_:][a-zA-Z0-9_:]*)(?:\\{| )", Pattern.MULTILINE);
    /** Kafka clients' metrics are looked for once a minute; a mail goes out after the order's event. */
    private static final Duration SHOWS_WITHIN = Duration.ofSeconds(150);

    private final Shop shop;

    ExportedMetricsSystemTests(Shop shop) {
        this.shop = shop;
    }

    @BeforeAll
    void someOrdersAndASearch() {
        String book = Books.addOrderable(shop, "The Measured Shop", 2_500, 3);
        Customer customer = shop.newCustomer();
        String confirmed = placed(customer, book, 1, VISA);
        String declined = placed(customer, book, 1, DECLINED);
        String rejected = placed(customer, book, 5, VISA);
        Orders.awaitStatus(customer, confirmed, "CONFIRMED");
        Orders.awaitStatus(customer, declined, "CANCELLED");
        Orders.awaitStatus(customer, rejected, "REJECTED");
        shop.client()
                .get("/api/books?q=" + URLEncoder.encode("Measured", StandardCharsets.UTF_8))
                .expect(200);
    }

    @Test
    void everyServiceExportsWhatTheDashboardsAndAlertsExpectOfIt() {
        Map<Service, Set<String>> expected = expected();
        assertThat(expected.keySet())
                .as("every service has series in %s", LIST)
                .containsExactlyInAnyOrder(Service.values());
        await().atMost(SHOWS_WITHIN).pollInterval(Duration.ofSeconds(5)).untilAsserted(() -> {
            Map<Service, Set<String>> missing = new LinkedHashMap<>();
            expected.forEach((service, series) -> {
                Set<String> absent = new TreeSet<>(series);
                absent.removeAll(exported(shop.metrics(service)));
                if (!absent.isEmpty()) {
                    missing.put(service, absent);
                }
            });
            assertThat(missing)
                    .as("series %s lists that the services do not export (fix the list or the service)", LIST)
                    .isEmpty();
        });
    }

    @Test
    void theListItselfIsReadable() {
        List<String> lines = lines();
        List<String> unreadable =
                lines.stream().filter(line -> line.split("\\s+").length != 3).toList();
        assertThat(unreadable).isEmpty();
        assertThat(lines).anyMatch(line -> line.startsWith("bookstore_orders_placed_total "));
    }

    private static String placed(Customer customer, String book, int copies, String paymentMethod) {
        return Orders.place(customer, book, copies, paymentMethod)
                .expect(202)
                .json()
                .get("id")
                .asString();
    }

    /** For each service, the series the list says it exports always or once the shop has taken orders. */
    private static Map<Service, Set<String>> expected() {
        Map<Service, Set<String>> expected = new LinkedHashMap<>();
        for (String line : lines()) {
            String[] columns = line.split("\\s+");
            if (!ASKED_FOR.contains(columns[2])) {
                continue;
            }
            for (String source : columns[1].split(",")) {
                Service service = Arrays.stream(Service.values())
                        .filter(candidate -> candidate.module().equals(source))
                        .findFirst()
                        .orElseThrow(() -> new AssertionError(LIST + " names " + source + ", which is no service"));
                expected.computeIfAbsent(service, unused -> new TreeSet<>()).add(columns[0]);
            }
        }
        return expected;
    }

    private static List<String> lines() {
        try {
            List<String> lines = new ArrayList<>();
            for (String line : Files.readAllLines(LIST)) {
                String content = line.replaceFirst("#.*", "").strip();
                if (!content.isEmpty()) {
                    lines.add(content);
                }
            }
            return lines;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Set<String> exported(String scrape) {
        Set<String> series = new TreeSet<>();
        Matcher matcher = SERIES.matcher(scrape);
        while (matcher.find()) {
            series.add(matcher.group(1));
        }
        return series;
    }
}
