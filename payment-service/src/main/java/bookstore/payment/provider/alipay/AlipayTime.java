package bookstore.payment.provider.alipay;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;

/** Times on Alipay's wire: {@code yyyy-MM-dd HH:mm:ss} in China's time zone. */
public final class AlipayTime {

    public static final ZoneId CHINA = ZoneId.of("Asia/Shanghai");

    private static final DateTimeFormatter FORMAT = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");

    private AlipayTime() {}

    public static String format(Instant instant) {
        return FORMAT.format(instant.atZone(CHINA));
    }

    /**
     * @throws java.time.format.DateTimeParseException if it is not such a time
     */
    public static Instant parse(String text) {
        return LocalDateTime.parse(text.trim(), FORMAT).atZone(CHINA).toInstant();
    }
}
