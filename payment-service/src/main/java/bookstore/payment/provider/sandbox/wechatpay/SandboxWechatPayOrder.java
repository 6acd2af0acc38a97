package bookstore.payment.provider.sandbox.wechatpay;

import bookstore.payment.provider.sandbox.SandboxWallet;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.Map;

/** A Native order as the sandbox's WeChat Pay keeps it, with WeChat Pay's trade states. */
record SandboxWechatPayOrder(
        String outTradeNo,
        String appid,
        String mchid,
        String description,
        String attach,
        long amount,
        String currency,
        String notifyUrl,
        Instant timeExpire,
        String tradeState,
        String token,
        String transactionId,
        Instant successTime) {

    static final String NOTPAY = "NOTPAY";
    static final String SUCCESS = "SUCCESS";
    static final String REFUND = "REFUND";
    static final String CLOSED = "CLOSED";

    /** The shop's name as the sandbox's payer sees it. */
    static final String MERCHANT_NAME = "Bookstore 图书商城";

    private static final DateTimeFormatter RFC_3339 = DateTimeFormatter.ISO_OFFSET_DATE_TIME;

    boolean paid() {
        return SUCCESS.equals(tradeState) || REFUND.equals(tradeState);
    }

    /** The order as WeChat Pay's query answers it and its notification's resource carries it. */
    Map<String, Object> transaction() {
        Map<String, Object> amount = new LinkedHashMap<>();
        amount.put("total", this.amount);
        amount.put("currency", currency);
        Map<String, Object> transaction = new LinkedHashMap<>();
        transaction.put("appid", appid);
        transaction.put("mchid", mchid);
        transaction.put("out_trade_no", outTradeNo);
        transaction.put("trade_type", "NATIVE");
        transaction.put("trade_state", tradeState);
        transaction.put("trade_state_desc", description(tradeState));
        if (attach != null) {
            transaction.put("attach", attach);
        }
        if (transactionId != null) {
            transaction.put("transaction_id", transactionId);
            transaction.put("bank_type", "OTHERS");
            transaction.put("success_time", rfc3339(successTime));
            transaction.put("payer", Map.of("openid", "oSandboxPayer0000000000000000"));
            amount.put("payer_total", this.amount);
            amount.put("payer_currency", currency);
        }
        transaction.put("amount", amount);
        return transaction;
    }

    /** The trade as the scan-to-pay page shows it. */
    SandboxWallet.Bill bill(Instant now) {
        String status =
                switch (tradeState) {
                    case SUCCESS, REFUND -> "PAID";
                    case CLOSED -> "CLOSED";
                    default -> timeExpire.isAfter(now) ? "WAITING" : "EXPIRED";
                };
        return new SandboxWallet.Bill(
                token, SandboxWechatPay.NAME, MERCHANT_NAME, description, amount, currency, status, timeExpire);
    }

    static String rfc3339(Instant instant) {
        return instant.atOffset(ZoneOffset.ofHours(8)).format(RFC_3339);
    }

    private static String description(String tradeState) {
        return switch (tradeState) {
            case SUCCESS -> "支付成功";
            case REFUND -> "转入退款";
            case CLOSED -> "已关闭";
            default -> "未支付";
        };
    }
}
