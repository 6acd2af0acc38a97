package bookstore.events;

/**
 * The envelope of every record, after the CloudEvents Kafka protocol binding in binary mode: the
 * value is the event's JSON, the CloudEvents attributes travel as {@code ce_}-prefixed headers and
 * the W3C trace context as {@code traceparent}.
 */
public final class CloudEvents {

    public static final String SPEC_VERSION = "1.0";

    public static final String ID = "ce_id";
    public static final String TYPE = "ce_type";
    public static final String SOURCE = "ce_source";
    public static final String TIME = "ce_time";
    public static final String SPECVERSION = "ce_specversion";
    public static final String CONTENT_TYPE = "content-type";
    public static final String TRACEPARENT = "traceparent";

    public static final String JSON = "application/json";

    private static final String TYPE_PREFIX = "bookstore.";

    private CloudEvents() {}

    /**
     * The {@code ce_type} of an event record: {@code bookstore.<producer>.<EventName>}, where the
     * producer is the package the record lives in (e.g. {@code bookstore.catalog.BookAdded}).
     */
    public static String typeOf(Class<? extends IntegrationEvent> eventType) {
        String producer =
                eventType.getPackageName().substring(eventType.getPackageName().lastIndexOf('.') + 1);
        return TYPE_PREFIX + producer + "." + eventType.getSimpleName();
    }

    /** The {@code ce_source} of records a service publishes. */
    public static String sourceOf(String serviceName) {
        return "/bookstore/" + serviceName;
    }
}
