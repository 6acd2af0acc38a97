package bookstore.payment.provider.sandbox.alipay;

import io.r2dbc.spi.Readable;
import java.time.Instant;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.transaction.reactive.TransactionalOperator;
import reactor.core.publisher.Mono;

/**
 * The sandbox Alipay's books: its trades and refunds, in tables of its own. The callers make each
 * gateway call or wallet action one transaction ({@link #inTransaction}), as a call to Alipay is.
 */
class SandboxAlipayTrades {

    private static final String COLUMNS = "out_trade_no, trade_no, app_id, product_code, subject, total_amount,"
            + " status, token, notify_url, time_expire, created_at, paid_at";

    private final DatabaseClient database;
    private final TransactionalOperator transactions;

    SandboxAlipayTrades(DatabaseClient database, TransactionalOperator transactions) {
        this.database = database;
        this.transactions = transactions;
    }

    <T> Mono<T> inTransaction(Mono<T> work) {
        return transactions.transactional(work);
    }

    /** Stores a new trade; false if one with its {@code out_trade_no} exists. */
    Mono<Boolean> insert(SandboxAlipayTrade trade) {
        var insert = database.sql("INSERT INTO sandbox_alipay_trade (" + COLUMNS + """
                        ) VALUES (:outTradeNo, :tradeNo, :appId, :productCode, :subject, :totalAmount, :status,
                        :token, :notifyUrl, :timeExpire, :createdAt, NULL)
                        ON CONFLICT (out_trade_no) DO NOTHING
                        """)
                .bind("outTradeNo", trade.outTradeNo())
                .bind("tradeNo", trade.tradeNo())
                .bind("appId", trade.appId())
                .bind("productCode", trade.productCode())
                .bind("subject", trade.subject())
                .bind("totalAmount", trade.totalAmount())
                .bind("status", trade.status())
                .bind("token", trade.token())
                .bind("timeExpire", trade.timeExpire())
                .bind("createdAt", trade.createdAt());
        insert = trade.notifyUrl() == null
                ? insert.bindNull("notifyUrl", String.class)
                : insert.bind("notifyUrl", trade.notifyUrl());
        return insert.fetch().rowsUpdated().map(rows -> rows == 1);
    }

    /** The trade, locked until the transaction ends. */
    Mono<SandboxAlipayTrade> lock(String outTradeNo) {
        return select("out_trade_no", outTradeNo, true);
    }

    Mono<SandboxAlipayTrade> find(String outTradeNo) {
        return select("out_trade_no", outTradeNo, false);
    }

    /** The trade the token is the current one of, locked; empty for an unknown or replaced token. */
    Mono<SandboxAlipayTrade> lockByToken(String token) {
        return select("token", token, true);
    }

    Mono<SandboxAlipayTrade> findByToken(String token) {
        return select("token", token, false);
    }

    /** The trade whose {@code column} (a unique one) has the value. */
    private Mono<SandboxAlipayTrade> select(String column, String value, boolean lock) {
        return database.sql("SELECT " + COLUMNS + " FROM sandbox_alipay_trade WHERE " + column + " = :value"
                        + (lock ? " FOR UPDATE" : ""))
                .bind("value", value)
                .map(SandboxAlipayTrades::toTrade)
                .one();
    }

    /** Saves a trade's status, token and time of payment. */
    Mono<SandboxAlipayTrade> update(SandboxAlipayTrade trade) {
        var update = database.sql("UPDATE sandbox_alipay_trade SET status = :status, token = :token, paid_at = :paidAt"
                        + " WHERE out_trade_no = :no")
                .bind("no", trade.outTradeNo())
                .bind("status", trade.status())
                .bind("token", trade.token());
        update = trade.paidAt() == null
                ? update.bindNull("paidAt", Instant.class)
                : update.bind("paidAt", trade.paidAt());
        return update.fetch().rowsUpdated().thenReturn(trade);
    }

    /** The amount refunded under a request number (fen); empty if there was no such refund. */
    Mono<Long> refund(String outTradeNo, String outRequestNo) {
        return database.sql("SELECT refund_amount FROM sandbox_alipay_refund"
                        + " WHERE out_trade_no = :no AND out_request_no = :request")
                .bind("no", outTradeNo)
                .bind("request", outRequestNo)
                .map(row -> row.get(0, Long.class))
                .one();
    }

    /** All that was refunded of a trade (fen). */
    Mono<Long> refunded(String outTradeNo) {
        return database.sql(
                        "SELECT coalesce(sum(refund_amount), 0) FROM sandbox_alipay_refund WHERE out_trade_no = :no")
                .bind("no", outTradeNo)
                .map(row -> row.get(0, Number.class).longValue())
                .one();
    }

    Mono<Void> insertRefund(String outTradeNo, String outRequestNo, long amount, Instant at) {
        return database.sql(
                        "INSERT INTO sandbox_alipay_refund (out_trade_no, out_request_no, refund_amount, created_at)"
                                + " VALUES (:no, :request, :amount, :at)")
                .bind("no", outTradeNo)
                .bind("request", outRequestNo)
                .bind("amount", amount)
                .bind("at", at)
                .then();
    }

    private static SandboxAlipayTrade toTrade(Readable row) {
        return new SandboxAlipayTrade(
                row.get("out_trade_no", String.class),
                row.get("trade_no", String.class),
                row.get("app_id", String.class),
                row.get("product_code", String.class),
                row.get("subject", String.class),
                row.get("total_amount", Long.class),
                row.get("status", String.class),
                row.get("token", String.class),
                row.get("notify_url", String.class),
                row.get("time_expire", Instant.class),
                row.get("created_at", Instant.class),
                row.get("paid_at", Instant.class));
    }
}
