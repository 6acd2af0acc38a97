package bookstore.payment.provider.sandbox.wechatpay;

import io.r2dbc.spi.Readable;
import java.net.URI;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.transaction.reactive.TransactionalOperator;
import reactor.core.publisher.Mono;

/**
 * The sandbox WeChat Pay's books: its orders and refunds, in tables of their own so that it survives
 * restarts as WeChat Pay would, and so tests can hold our payments against what it captured. Each
 * operation is one transaction with the order locked, as one call to WeChat Pay is. Refunds of an
 * order never add up to more than was paid.
 */
class SandboxWechatPayLedger {

    private static final String COLUMNS = "out_trade_no, appid, mchid, description, attach, amount, currency,"
            + " notify_url, time_expire, trade_state, token, transaction_id, success_time";

    private final DatabaseClient database;
    private final TransactionalOperator transactions;
    private final Clock clock;
    private final Function<String, URI> codeUrls;
    private final SecureRandom random = new SecureRandom();

    /**
     * @param codeUrls what a token's QR code carries: the sandbox's scan-to-pay page for it
     */
    SandboxWechatPayLedger(
            DatabaseClient database, TransactionalOperator transactions, Clock clock, Function<String, URI> codeUrls) {
        this.database = database;
        this.transactions = transactions;
        this.clock = clock;
        this.codeUrls = codeUrls;
    }

    /**
     * A Native order (下单): new, or the same order asked for again while it waits, which gets a new
     * QR code (the old one stops working). An order paid or closed, or asked for with another amount,
     * is refused with WeChat Pay's code.
     */
    Mono<Reply> prepay(SandboxWechatPayOrder order) {
        Mono<Reply> prepay = lock(order.outTradeNo())
                .then(find(order.outTradeNo())
                        .flatMap(existing -> {
                            if (existing.paid()) {
                                return Mono.just(Reply.error(400, "ORDERPAID", "该订单已支付"));
                            }
                            if (SandboxWechatPayOrder.CLOSED.equals(existing.tradeState())) {
                                return Mono.just(Reply.error(400, "ORDER_CLOSED", "当前订单已关闭，请重新下单"));
                            }
                            if (existing.amount() != order.amount()
                                    || !existing.currency().equals(order.currency())) {
                                return Mono.just(Reply.error(403, "OUT_TRADE_NO_USED", "商户订单号重复"));
                            }
                            String token = newToken();
                            return database.sql(
                                            "UPDATE sandbox_wechatpay_order SET token = :token WHERE out_trade_no = :no")
                                    .bind("token", token)
                                    .bind("no", order.outTradeNo())
                                    .then()
                                    .thenReturn(Reply.ok(Map.of("code_url", codeUrl(token))));
                        })
                        .switchIfEmpty(Mono.defer(() -> insert(order))));
        return transactions.transactional(prepay);
    }

    private Mono<Reply> insert(SandboxWechatPayOrder order) {
        String token = newToken();
        var insert = database.sql("INSERT INTO sandbox_wechatpay_order (" + COLUMNS + """
                        , created_at) VALUES (:no, :appid, :mchid, :description, :attach, :amount, :currency,
                        :notifyUrl, :timeExpire, 'NOTPAY', :token, NULL, NULL, :now)
                        """)
                .bind("no", order.outTradeNo())
                .bind("appid", order.appid())
                .bind("mchid", order.mchid())
                .bind("description", order.description())
                .bind("amount", order.amount())
                .bind("currency", order.currency())
                .bind("notifyUrl", order.notifyUrl())
                .bind("timeExpire", order.timeExpire())
                .bind("token", token)
                .bind("now", clock.instant());
        insert = order.attach() == null
                ? insert.bindNull("attach", String.class)
                : insert.bind("attach", order.attach());
        return insert.then().thenReturn(Reply.ok(Map.of("code_url", codeUrl(token))));
    }

    Mono<SandboxWechatPayOrder> find(String outTradeNo) {
        return database.sql("SELECT " + COLUMNS + " FROM sandbox_wechatpay_order WHERE out_trade_no = :no")
                .bind("no", outTradeNo)
                .map(SandboxWechatPayLedger::toOrder)
                .one();
    }

    Mono<SandboxWechatPayOrder> findByToken(String token) {
        return database.sql("SELECT " + COLUMNS + " FROM sandbox_wechatpay_order WHERE token = :token")
                .bind("token", token)
                .map(SandboxWechatPayLedger::toOrder)
                .one();
    }

    /** 关闭订单: a waiting order is closed (and a closed one stays so); a paid one cannot be. */
    Mono<Reply> close(String outTradeNo) {
        return database.sql("UPDATE sandbox_wechatpay_order SET trade_state = 'CLOSED'"
                        + " WHERE out_trade_no = :no AND trade_state = 'NOTPAY'")
                .bind("no", outTradeNo)
                .fetch()
                .rowsUpdated()
                .flatMap(closed -> closed == 1
                        ? Mono.just(Reply.noContent())
                        : find(outTradeNo)
                                .map(order ->
                                        order.paid() ? Reply.error(400, "ORDERPAID", "该订单已支付") : Reply.noContent())
                                .defaultIfEmpty(Reply.error(404, "ORDER_NOT_EXIST", "订单不存在")));
    }

    /** The payer pays the order the token names, if it still waits and has not expired. */
    Mono<SandboxWechatPayOrder> pay(String token) {
        Instant now = clock.instant();
        return database.sql("UPDATE sandbox_wechatpay_order SET trade_state = 'SUCCESS', transaction_id = :id,"
                        + " success_time = :now WHERE token = :token AND trade_state = 'NOTPAY'"
                        + " AND time_expire > :now RETURNING " + COLUMNS)
                .bind("id", "4200" + SandboxWechatPayKeys.digits(24))
                .bind("now", now)
                .bind("token", token)
                .map(SandboxWechatPayLedger::toOrder)
                .one();
    }

    /**
     * 申请退款, idempotent by {@code out_refund_no}: a repeated one answers the first refund. Only a
     * paid order is refunded, against its total, and never beyond what is left of it.
     */
    Mono<Reply> refund(String outTradeNo, String outRefundNo, long amount, long total, String currency) {
        Mono<Reply> refund = lock(outTradeNo)
                .then(find(outTradeNo))
                .flatMap(order -> database.sql("SELECT refund_id, amount FROM sandbox_wechatpay_refund"
                                + " WHERE out_refund_no = :no AND out_trade_no = :order")
                        .bind("no", outRefundNo)
                        .bind("order", outTradeNo)
                        .map(row -> refunded(
                                order, outRefundNo, row.get("refund_id", String.class), row.get("amount", Long.class)))
                        .one()
                        .switchIfEmpty(Mono.defer(() -> newRefund(order, outRefundNo, amount, total, currency))))
                .defaultIfEmpty(Reply.error(404, "RESOURCE_NOT_EXISTS", "订单不存在"));
        return transactions.transactional(refund);
    }

    private Mono<Reply> newRefund(
            SandboxWechatPayOrder order, String outRefundNo, long amount, long total, String currency) {
        if (!order.paid()) {
            return Mono.just(Reply.error(400, "INVALID_REQUEST", "订单未支付"));
        }
        if (amount <= 0 || total != order.amount() || !order.currency().equals(currency)) {
            return Mono.just(Reply.error(400, "PARAM_ERROR", "订单金额或退款金额与之前请求不一致"));
        }
        return database.sql("SELECT coalesce(sum(amount), 0) FROM sandbox_wechatpay_refund WHERE out_trade_no = :no")
                .bind("no", order.outTradeNo())
                .map(row -> row.get(0, Long.class))
                .one()
                .flatMap(already -> {
                    if (already + amount > order.amount()) {
                        return Mono.just(Reply.error(400, "INVALID_REQUEST", "申请退款金额超过订单可退金额"));
                    }
                    String refundId = "5030" + SandboxWechatPayKeys.digits(25);
                    return database.sql("""
                                    INSERT INTO sandbox_wechatpay_refund (out_refund_no, refund_id, out_trade_no, amount,
                                    created_at) VALUES (:no, :id, :order, :amount, :now)
                                    """)
                            .bind("no", outRefundNo)
                            .bind("id", refundId)
                            .bind("order", order.outTradeNo())
                            .bind("amount", amount)
                            .bind("now", clock.instant())
                            .then()
                            .then(database.sql("UPDATE sandbox_wechatpay_order SET trade_state = 'REFUND'"
                                            + " WHERE out_trade_no = :no")
                                    .bind("no", order.outTradeNo())
                                    .then())
                            .thenReturn(refunded(order, outRefundNo, refundId, amount));
                });
    }

    /** The refund as WeChat Pay answers it; the sandbox gives money back at once (SUCCESS). */
    private Reply refunded(SandboxWechatPayOrder order, String outRefundNo, String refundId, long amount) {
        String now = SandboxWechatPayOrder.rfc3339(clock.instant());
        Map<String, Object> money = new LinkedHashMap<>();
        money.put("total", order.amount());
        money.put("refund", amount);
        money.put("from", List.of());
        money.put("payer_total", order.amount());
        money.put("payer_refund", amount);
        money.put("settlement_refund", amount);
        money.put("settlement_total", order.amount());
        money.put("discount_refund", 0);
        money.put("currency", order.currency());
        Map<String, Object> refund = new LinkedHashMap<>();
        refund.put("refund_id", refundId);
        refund.put("out_refund_no", outRefundNo);
        refund.put("transaction_id", order.transactionId());
        refund.put("out_trade_no", order.outTradeNo());
        refund.put("channel", "ORIGINAL");
        refund.put("user_received_account", "支付用户零钱");
        refund.put("success_time", now);
        refund.put("create_time", now);
        refund.put("status", "SUCCESS");
        refund.put("funds_account", "AVAILABLE");
        refund.put("amount", money);
        return Reply.ok(refund);
    }

    /** Serialises the calls about one order until the transaction ends, its first prepay included. */
    private Mono<Void> lock(String outTradeNo) {
        return database.sql("SELECT pg_advisory_xact_lock(hashtext('sandbox_wechatpay:' || :no))")
                .bind("no", outTradeNo)
                .then();
    }

    private String newToken() {
        byte[] bytes = new byte[16];
        random.nextBytes(bytes);
        return SandboxWechatPay.NAME + "-" + HexFormat.of().formatHex(bytes);
    }

    private String codeUrl(String token) {
        return codeUrls.apply(token).toString();
    }

    private static SandboxWechatPayOrder toOrder(Readable row) {
        return new SandboxWechatPayOrder(
                row.get("out_trade_no", String.class),
                row.get("appid", String.class),
                row.get("mchid", String.class),
                row.get("description", String.class),
                row.get("attach", String.class),
                row.get("amount", Long.class),
                row.get("currency", String.class),
                row.get("notify_url", String.class),
                row.get("time_expire", Instant.class),
                row.get("trade_state", String.class),
                row.get("token", String.class),
                row.get("transaction_id", String.class),
                row.get("success_time", Instant.class));
    }

    /**
     * What the emulated API answers: a status and a JSON body (none for 204), an error being {@code
     * {"code","message"}} as WeChat Pay's are.
     */
    record Reply(int status, Object body) {

        static Reply ok(Object body) {
            return new Reply(200, body);
        }

        static Reply noContent() {
            return new Reply(204, null);
        }

        static Reply error(int status, String code, String message) {
            return new Reply(status, Map.of("code", code, "message", message));
        }
    }
}
