package bookstore.payment.provider.wechatpay;

import java.net.URI;
import java.time.Duration;
import java.util.Set;
import java.util.function.Supplier;
import okhttp3.HttpUrl;
import okhttp3.Interceptor;
import okhttp3.OkHttpClient;

/**
 * The HTTP client the SDK calls WeChat Pay with. The SDK addresses {@code https://api.mch.weixin.qq.com}
 * itself; when the API is elsewhere (recorded responses in tests, the sandbox's emulation) an
 * interceptor sends each request there, after the SDK has signed it for its original path.
 */
public final class WechatPayHttp {

    private static final Set<String> API_HOSTS = Set.of("api.mch.weixin.qq.com", "api2.mch.weixin.qq.com");

    private WechatPayHttp() {}

    /**
     * A client for the API at {@code baseUrl} (a path prefix is kept: {@code …/v3/…} follows it),
     * asked at each request, so that an address known only once the server runs works.
     */
    public static OkHttpClient towards(Supplier<URI> baseUrl, Duration timeout) {
        var builder = new OkHttpClient.Builder()
                .connectTimeout(timeout)
                .readTimeout(timeout)
                .writeTimeout(timeout)
                // A request that failed on the way is the caller's to make again, under the same keys.
                .retryOnConnectionFailure(false);
        return builder.addInterceptor(rerouting(baseUrl)).build();
    }

    private static Interceptor rerouting(Supplier<URI> baseUrl) {
        return chain -> {
            var request = chain.request();
            HttpUrl url = request.url();
            URI base = baseUrl.get();
            if (!API_HOSTS.contains(url.host())
                    || URI.create(WechatPayProperties.API).equals(base)) {
                return chain.proceed(request);
            }
            HttpUrl target = HttpUrl.get(base.toString());
            String prefix = target.encodedPath().replaceAll("/+$", "");
            HttpUrl rerouted = url.newBuilder()
                    .scheme(target.scheme())
                    .host(target.host())
                    .port(target.port())
                    .encodedPath(prefix + url.encodedPath())
                    .build();
            return chain.proceed(request.newBuilder().url(rerouted).build());
        };
    }
}
