package bookstore.payment.provider.sandbox.alipay;

import com.alipay.api.AlipayApiException;
import com.alipay.api.internal.util.AlipaySignature;
import java.util.HashMap;
import java.util.Map;
import tools.jackson.databind.json.JsonMapper;

/**
 * Alipay's signatures, as the sandbox plays Alipay: it checks a request's RSA2 signature with the
 * app's public key (over every parameter but {@code sign}, sorted by name), and signs with Alipay's
 * private key what Alipay signs: an answer's response object exactly as it appears in the body
 * ({@code {"alipay_trade_query_response":{…},"sign":"…"}}), a notification's parameters but {@code
 * sign} and {@code sign_type}.
 */
class SandboxAlipaySigning {

    static final String CHARSET = "UTF-8";
    static final String SIGN_TYPE = "RSA2";

    private final SandboxAlipayKeys keys;
    private final JsonMapper json = JsonMapper.builder().build();

    SandboxAlipaySigning(SandboxAlipayKeys keys) {
        this.keys = keys;
    }

    String appId() {
        return keys.appId();
    }

    /** Whether the request's parameters are signed by the app. */
    boolean isSignedByApp(Map<String, String> params) {
        if (!SIGN_TYPE.equals(params.get("sign_type")) || params.get("sign") == null) {
            return false;
        }
        try {
            return AlipaySignature.rsaCheckV2(new HashMap<>(params), keys.appPublicKey(), CHARSET, SIGN_TYPE);
        } catch (AlipayApiException | RuntimeException e) {
            return false;
        }
    }

    /** The body of an answer to {@code method}, e.g. {@code alipay.trade.query}, signed. */
    String answer(String method, Map<String, Object> response) {
        String content = json.writeValueAsString(response);
        String node = method.replace('.', '_') + "_response";
        return "{\"" + node + "\":" + content + ",\"sign\":\"" + sign(content) + "\"}";
    }

    /** The {@code sign} of a notification's parameters. */
    String signNotification(Map<String, String> params) {
        return sign(AlipaySignature.getSignCheckContentV1(params));
    }

    private String sign(String content) {
        try {
            return AlipaySignature.rsa256Sign(content, keys.alipayPrivateKey(), CHARSET);
        } catch (AlipayApiException e) {
            throw new IllegalStateException("the sandbox could not sign as Alipay", e);
        }
    }
}
