package bookstore.order.shipping;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;
import org.springframework.util.LinkedMultiValueMap;
import tools.jackson.databind.json.JsonMapper;

/**
 * Posts callbacks as Kuaidi100 documents them (form fields {@code param} and {@code sign} = upper-case
 * MD5 of param + salt) to the service's real port, signed with a salt of the test's choosing.
 */
final class CarrierCallbacks {

    private static final DateTimeFormatter CHINA_TIME =
            DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss").withZone(ZoneId.of("Asia/Shanghai"));

    private final WebTestClient http;

    CarrierCallbacks(int port) {
        http = WebTestClient.bindToServer().baseUrl("http://localhost:" + port).build();
    }

    WebTestClient.ResponseSpec post(String carrier, String param, String sign) {
        var form = new LinkedMultiValueMap<String, String>();
        form.add("param", param);
        form.add("sign", sign);
        return http.post()
                .uri("/api/shipping/callbacks/{carrier}", carrier)
                .contentType(MediaType.APPLICATION_FORM_URLENCODED)
                .bodyValue(form)
                .exchange();
    }

    static String sign(String param, String salt) throws Exception {
        byte[] md5 = MessageDigest.getInstance("MD5").digest((param + salt).getBytes(StandardCharsets.UTF_8));
        return HexFormat.of().withUpperCase().formatHex(md5);
    }

    /** A push's param: the monitoring status, the parcel's state code and its timeline, newest first. */
    static String param(String status, String company, String number, String state, List<Entry> newestFirst) {
        var data = newestFirst.stream()
                .map(entry -> Map.of(
                        "context", entry.context(),
                        "time", CHINA_TIME.format(entry.at()),
                        "ftime", CHINA_TIME.format(entry.at()),
                        "status", entry.status(),
                        "areaName", entry.place()))
                .toList();
        return JsonMapper.builder()
                .build()
                .writeValueAsString(Map.of(
                        "status",
                        status,
                        "billstatus",
                        "",
                        "message",
                        "",
                        "lastResult",
                        Map.of(
                                "message",
                                "ok",
                                "state",
                                state,
                                "status",
                                "200",
                                "condition",
                                "00",
                                "ischeck",
                                "3".equals(state) ? "1" : "0",
                                "com",
                                company,
                                "nu",
                                number,
                                "data",
                                data)));
    }

    /** @param status the entry's state name as Kuaidi100 writes it (揽收, 在途, 派件, 签收…) */
    record Entry(String status, String context, String place, Instant at) {}
}
