package bookstore.order.shipping.carrier;

import bookstore.order.shipping.application.Carrier;
import bookstore.order.shipping.domain.TrackedShipment;
import bookstore.order.shipping.domain.TrackingReport;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import reactor.core.publisher.Mono;

/**
 * A carrier that does not leave the building but behaves like Kuaidi100: registering a shipment
 * schedules its updates (collected in the warehouse's city, in transit through a sorting centre,
 * out for delivery and delivered in the customer's city), one every {@code pace}, which {@link
 * SandboxCarrierPushes} posts as real, signed callbacks in Kuaidi100's format when they are due.
 * Registering the same shipment again changes nothing.
 */
class SandboxCarrier implements Carrier {

    static final String NAME = "sandbox";

    static final String ORIGIN = "上海市";
    static final String HUB = "杭州市";

    private final SandboxSchedule schedule;
    private final SandboxCarrierProperties properties;
    private final String salt;
    private final Clock clock;
    private final Kuaidi100Format format = new Kuaidi100Format();

    SandboxCarrier(SandboxSchedule schedule, SandboxCarrierProperties properties, String salt, Clock clock) {
        this.schedule = schedule;
        this.properties = properties;
        this.salt = salt;
        this.clock = clock;
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public Mono<Void> subscribe(TrackedShipment shipment) {
        return schedule.plan(shipment.company(), shipment.trackingNumber(), steps(shipment, clock.instant()));
    }

    /** How carriers name themselves in their updates, for the common Kuaidi100 company codes. */
    private static final Map<String, String> COMPANY_NAMES = Map.of(
            "shunfeng", "顺丰速运",
            "ems", "EMS",
            "jd", "京东物流",
            "zhongtong", "中通快递",
            "yuantong", "圆通速递",
            "yunda", "韵达快递",
            "shentong", "申通快递");

    /** The shipment's updates, each {@code pace} after the one before. */
    List<SandboxSchedule.Step> steps(TrackedShipment shipment, Instant registered) {
        String destination =
                shipment.destination() == null || shipment.destination().isBlank() ? "收件城市" : shipment.destination();
        String company = COMPANY_NAMES.getOrDefault(shipment.company(), shipment.company());
        List<String[]> plan = List.of(
                new String[] {"1", "【" + ORIGIN + "】" + company + " 快递员已揽收", ORIGIN},
                new String[] {"0", "【" + ORIGIN + "】快件已发往 " + HUB + "转运中心", ORIGIN},
                new String[] {"0", "【" + HUB + "】快件已到达 " + HUB + "转运中心，正发往 " + destination, HUB},
                new String[] {"5", "【" + destination + "】快递员正在派件，请保持电话畅通", destination},
                new String[] {"3", "【" + destination + "】已签收，签收人：本人。感谢使用 " + company, destination});
        return java.util.stream.IntStream.range(0, plan.size())
                .mapToObj(i -> {
                    String[] step = plan.get(i);
                    Instant at = registered.plus(properties.pace().multipliedBy(i + 1L));
                    return new SandboxSchedule.Step(i, step[0], step[1], step[2], at);
                })
                .toList();
    }

    @Override
    public TrackingReport read(Map<String, String> form) {
        return format.read(form, salt);
    }

    @Override
    public Map<String, Object> acknowledgement() {
        return Kuaidi100Format.ACKNOWLEDGEMENT;
    }
}
