package bookstore.order.shipping.carrier;

import bookstore.order.shipping.application.CallbackRefusedException;
import bookstore.order.shipping.domain.TrackingEvent;
import bookstore.order.shipping.domain.TrackingReport;
import bookstore.order.shipping.domain.TrackingStatus;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Kuaidi100's push callback (推送接口), which the sandbox carrier speaks too: a form POST with
 * {@code param}, the JSON of the push, and {@code sign}, the MD5 of {@code param} followed by the
 * subscription's salt, in upper-case hex. The push carries the monitoring status ({@code polling},
 * {@code shutdown}, {@code abort}, {@code updateall}) and {@code lastResult}: the parcel's state
 * ({@code state}: 0 在途, 1 揽收, 2 疑难, 3 签收, 4 退签, 5 派件, 6 退回, 8 清关, 14 拒签…), company
 * ({@code com}), number ({@code nu}) and its whole timeline newest first ({@code data}: {@code
 * context}, {@code time}/{@code ftime} in China time, and with {@code resultv2=1} the entry's state
 * name {@code status} and its place {@code areaName}).
 */
final class Kuaidi100Format {

    static final String PARAM = "param";
    static final String SIGN = "sign";

    /** Kuaidi100's times are local to China and carry no zone. */
    static final ZoneId CHINA = ZoneId.of("Asia/Shanghai");

    static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss", Locale.ROOT);

    /** The answer Kuaidi100 expects from a callback it may consider delivered; anything else is re-sent later. */
    static final Map<String, Object> ACKNOWLEDGEMENT = orderedMap("result", true, "returnCode", "200", "message", "成功");

    private final JsonMapper json = JsonMapper.builder().build();

    /** MD5 of the param followed by the salt, upper-case hex, as Kuaidi100 signs its pushes. */
    static String sign(String param, String salt) {
        try {
            byte[] digest = MessageDigest.getInstance("MD5").digest((param + salt).getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().withUpperCase().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("the JDK has no MD5", e);
        }
    }

    /** Checks the signature against the raw param, then reads it. */
    TrackingReport read(Map<String, String> form, String salt) {
        String param = form.get(PARAM);
        String sign = form.get(SIGN);
        if (param == null || param.isEmpty()) {
            throw CallbackRefusedException.malformed("The callback has no param");
        }
        if (sign == null
                || !MessageDigest.isEqual(
                        sign(param, salt).getBytes(StandardCharsets.US_ASCII),
                        sign.toUpperCase(Locale.ROOT).getBytes(StandardCharsets.US_ASCII))) {
            throw CallbackRefusedException.forged("The callback's sign does not match its param");
        }
        try {
            return report(json.readTree(param));
        } catch (JacksonException | DateTimeParseException | IllegalArgumentException | NullPointerException e) {
            throw CallbackRefusedException.malformed("The callback's param is not a Kuaidi100 push: " + e.getMessage());
        }
    }

    /** The param of a push, as Kuaidi100 writes it, for the sandbox carrier. */
    String param(String monitoringStatus, String company, String number, String state, List<Entry> newestFirst) {
        List<Map<String, Object>> data = new ArrayList<>();
        for (Entry entry : newestFirst) {
            String time = TIME.format(entry.at().atZone(CHINA));
            data.add(orderedMap(
                    "context", entry.context(),
                    "time", time,
                    "ftime", time,
                    "status", entry.statusName(),
                    "areaName", entry.place()));
        }
        Map<String, Object> lastResult = new LinkedHashMap<>();
        lastResult.put("message", "ok");
        lastResult.put("nu", number);
        lastResult.put("ischeck", "3".equals(state) ? "1" : "0");
        lastResult.put("condition", "00");
        lastResult.put("com", company);
        lastResult.put("status", "200");
        lastResult.put("state", state);
        lastResult.put("data", data);
        Map<String, Object> push = new LinkedHashMap<>();
        push.put("status", monitoringStatus);
        push.put("billstatus", "3".equals(state) ? "check" : "sending");
        push.put("message", "");
        push.put("lastResult", lastResult);
        return json.writeValueAsString(push);
    }

    private static TrackingReport report(JsonNode push) {
        JsonNode last = push.get("lastResult");
        String company = last.get("com").asString();
        String number = last.get("nu").asString();
        List<TrackingEvent> events = new ArrayList<>();
        JsonNode data = last.get("data");
        if (data != null) {
            for (JsonNode entry : data) {
                events.add(new TrackingEvent(
                        byName(text(entry, "status")),
                        text(entry, "context"),
                        text(entry, "areaName"),
                        LocalDateTime.parse(time(entry), TIME).atZone(CHINA).toInstant()));
            }
        }
        return new TrackingReport(company, number, byCode(text(last, "state")), events);
    }

    private static String time(JsonNode entry) {
        String formatted = text(entry, "ftime");
        return formatted.isEmpty() ? text(entry, "time") : formatted;
    }

    private static String text(JsonNode node, String field) {
        JsonNode value = node.get(field);
        return value == null || value.isNull() ? "" : value.asString();
    }

    /** Kuaidi100's main states by code. */
    static TrackingStatus byCode(String state) {
        return switch (state) {
            case "0" -> TrackingStatus.IN_TRANSIT;
            case "1" -> TrackingStatus.COLLECTED;
            case "2" -> TrackingStatus.PROBLEM;
            case "3" -> TrackingStatus.DELIVERED;
            case "4", "6", "14" -> TrackingStatus.RETURNED;
            case "5" -> TrackingStatus.OUT_FOR_DELIVERY;
            case "8" -> TrackingStatus.CUSTOMS;
            default -> TrackingStatus.OTHER;
        };
    }

    /** Kuaidi100's main states by the name an entry carries with {@code resultv2=1}. */
    static TrackingStatus byName(String name) {
        return switch (name) {
            case "在途" -> TrackingStatus.IN_TRANSIT;
            case "揽收" -> TrackingStatus.COLLECTED;
            case "疑难" -> TrackingStatus.PROBLEM;
            case "签收" -> TrackingStatus.DELIVERED;
            case "退签", "退回", "拒签" -> TrackingStatus.RETURNED;
            case "派件" -> TrackingStatus.OUT_FOR_DELIVERY;
            case "清关" -> TrackingStatus.CUSTOMS;
            default -> TrackingStatus.OTHER;
        };
    }

    private static Map<String, Object> orderedMap(Object... keysAndValues) {
        Map<String, Object> map = new LinkedHashMap<>();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            map.put((String) keysAndValues[i], keysAndValues[i + 1]);
        }
        return java.util.Collections.unmodifiableMap(map);
    }

    /** One entry of a timeline as the sandbox writes it. */
    record Entry(String statusName, String context, String place, java.time.Instant at) {}
}
