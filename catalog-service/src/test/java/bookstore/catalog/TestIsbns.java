package bookstore.catalog;

import java.util.concurrent.ThreadLocalRandom;

/** Valid, made-up ISBN-13s for tests that need a fresh one (979-prefixed, so never a real 978 book). */
public final class TestIsbns {

    private TestIsbns() {}

    public static String next() {
        StringBuilder digits = new StringBuilder("979");
        for (int i = 0; i < 9; i++) {
            digits.append(ThreadLocalRandom.current().nextInt(10));
        }
        int sum = 0;
        for (int i = 0; i < 12; i++) {
            sum += (digits.charAt(i) - '0') * (i % 2 == 0 ? 1 : 3);
        }
        return digits.append((10 - sum % 10) % 10).toString();
    }
}
