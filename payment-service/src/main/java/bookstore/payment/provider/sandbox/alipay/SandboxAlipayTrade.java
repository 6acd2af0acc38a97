package bookstore.payment.provider.sandbox.alipay;

import java.time.Instant;

/**
 * A trade in the sandbox Alipay's books.
 *
 * @param totalAmount fen
 * @param status as stored; {@link #status(Instant)} is what Alipay would say now
 * @param token what the current QR code or cashier link carries
 * @param notifyUrl where the trade's notifications go; null for none
 */
record SandboxAlipayTrade(
        String outTradeNo,
        String tradeNo,
        String appId,
        String productCode,
        String subject,
        long totalAmount,
        String status,
        String token,
        String notifyUrl,
        Instant timeExpire,
        Instant createdAt,
        Instant paidAt) {

    static final String WAIT_BUYER_PAY = "WAIT_BUYER_PAY";
    static final String TRADE_SUCCESS = "TRADE_SUCCESS";
    static final String TRADE_CLOSED = "TRADE_CLOSED";
    static final String TRADE_FINISHED = "TRADE_FINISHED";

    /** A waiting trade is closed by Alipay once its time has run out, and can no longer be paid. */
    String status(Instant now) {
        return isExpired(now) ? TRADE_CLOSED : status;
    }

    boolean isExpired(Instant now) {
        return WAIT_BUYER_PAY.equals(status) && !now.isBefore(timeExpire);
    }

    boolean isWaiting(Instant now) {
        return WAIT_BUYER_PAY.equals(status(now));
    }

    boolean isPaid() {
        return TRADE_SUCCESS.equals(status) || TRADE_FINISHED.equals(status);
    }

    SandboxAlipayTrade withStatus(String newStatus, Instant newPaidAt) {
        return with(newStatus, token, newPaidAt);
    }

    SandboxAlipayTrade withToken(String newToken) {
        return with(status, newToken, paidAt);
    }

    private SandboxAlipayTrade with(String newStatus, String newToken, Instant newPaidAt) {
        return new SandboxAlipayTrade(
                outTradeNo,
                tradeNo,
                appId,
                productCode,
                subject,
                totalAmount,
                newStatus,
                newToken,
                notifyUrl,
                timeExpire,
                createdAt,
                newPaidAt);
    }
}
