package bookstore.systemtests.storefront;

import static org.assertj.core.api.Assertions.assertThat;

import bookstore.systemtests.support.Shop;
import bookstore.systemtests.support.SystemTest;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The storefront and the staff console used in a real browser (Debian's Chromium, driven by
 * Playwright) against this shop, as customers and admins use them: the suites under
 * {@code storefront/e2e}. Their report and screenshots stay in {@code target/storefront-e2e}.
 */
@SystemTest
class StorefrontBrowserSystemTests {

    private static final Duration AT_MOST = Duration.ofMinutes(15);
    private static final Pattern SUMMARY =
            Pattern.compile("<testsuites [^>]*tests=\"(\\d+)\"[^>]*failures=\"(\\d+)\"[^>]*errors=\"(\\d+)\"");

    private final Shop shop;

    StorefrontBrowserSystemTests(Shop shop) {
        this.shop = shop;
    }

    @Test
    void everyFlowOfTheStorefrontAndTheConsoleWorksInChromium() throws Exception {
        Path storefront = Path.of(System.getProperty("bookstore.storefront", "../storefront"))
                .toAbsolutePath();
        Path output = Path.of(System.getProperty("bookstore.storefront.output", "target/storefront-e2e"))
                .toAbsolutePath();
        deleteRecursively(output);
        Files.createDirectories(output);
        Path log = output.resolve("playwright.log");

        ProcessBuilder playwright = new ProcessBuilder(
                        storefront.resolve("node_modules/.bin/playwright").toString(), "test")
                .directory(storefront.toFile())
                .redirectErrorStream(true)
                .redirectOutput(log.toFile());
        Map<String, String> environment = playwright.environment();
        environment.put("STOREFRONT_BASE_URL", shop.gateway().toString().replaceAll("/$", ""));
        environment.put("BOOKSTORE_ADMIN_EMAIL", Shop.ADMIN_EMAIL);
        environment.put("BOOKSTORE_ADMIN_PASSWORD", Shop.ADMIN_PASSWORD);
        // The account tests read the verification and reset links the shop mailed.
        environment.put("MAILBOX_URL", shop.mail().mailboxUrl());
        environment.put("STOREFRONT_E2E_OUTPUT", output.toString());
        environment.put("STOREFRONT_SCREENSHOTS", output.resolve("screenshots").toString());
        environment.put("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1");
        environment.put("CI", "1");

        Process run = playwright.start();
        boolean ended = run.waitFor(AT_MOST.toSeconds(), TimeUnit.SECONDS);
        if (!ended) {
            run.descendants().forEach(ProcessHandle::destroyForcibly);
            run.destroyForcibly();
        }
        String report = Files.readString(log);

        assertThat(ended)
                .as("Playwright ended within %s:%n%s", AT_MOST, tail(report))
                .isTrue();
        assertThat(run.exitValue())
                .as("Playwright's exit code:%n%s", tail(report))
                .isZero();
        Matcher summary = SUMMARY.matcher(Files.readString(output.resolve("junit.xml")));
        assertThat(summary.find()).as("a JUnit summary from Playwright").isTrue();
        assertThat(Integer.parseInt(summary.group(1))).as("browser tests run").isGreaterThanOrEqualTo(10);
        assertThat(Integer.parseInt(summary.group(2)) + Integer.parseInt(summary.group(3)))
                .as("browser tests failed")
                .isZero();
        List<String> screenshots;
        try (Stream<Path> files = Files.list(output.resolve("screenshots"))) {
            screenshots = files.map(file -> file.getFileName().toString()).toList();
        }
        for (String page : List.of("home", "search", "book", "cart", "checkout", "orders", "admin-books")) {
            assertThat(screenshots)
                    .as("screenshots of %s", page)
                    .contains("desktop-" + page + "-zh-CN.png", "desktop-" + page + "-en.png");
        }
    }

    private static String tail(String text) {
        return text.length() <= 6_000 ? text : "…" + text.substring(text.length() - 6_000);
    }

    private static void deleteRecursively(Path folder) throws IOException {
        if (!Files.exists(folder)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(folder)) {
            for (Path path :
                    paths.sorted((a, b) -> b.getNameCount() - a.getNameCount()).toList()) {
                Files.delete(path);
            }
        }
    }
}
