package bookstore.events;

import static org.assertj.core.api.Assertions.assertThat;

import bookstore.events.order.OrderPlaced;
import bookstore.events.order.OrderRefunded;
import bookstore.events.order.RefundAmount;
import bookstore.events.order.ReturnReceived;
import bookstore.events.order.ReturnRequested;
import bookstore.events.order.ReturnSentBack;
import bookstore.events.order.SaleReturned;
import bookstore.events.payment.PaymentActionRequired;
import com.networknt.schema.InputFormat;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SchemaRegistryConfig;
import com.networknt.schema.SpecificationVersion;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;
import tools.jackson.dataformat.yaml.YAMLMapper;

/**
 * The published contract and the code agree: every event record of the catalogue has a JSON Schema
 * that accepts what Jackson makes of the record and names exactly the record's fields, and
 * {@code asyncapi.yaml} documents every topic with exactly its events. Changing a record without its
 * schema (or the catalogue without the AsyncAPI document) fails here.
 */
class EventContractTests {

    /** Serializes as the platform's event codec does: a plain Jackson 3 mapper. */
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private static final SchemaRegistry SCHEMAS = SchemaRegistry.withDefaultDialect(
            SpecificationVersion.DRAFT_7,
            registry -> registry.schemaRegistryConfig(
                    SchemaRegistryConfig.builder().formatAssertionsEnabled(true).build()));

    static Stream<Class<? extends IntegrationEvent>> eventTypes() {
        return Topics.all().stream()
                .flatMap(topic -> topic.eventTypes().stream())
                .map(type -> type.asSubclass(IntegrationEvent.class));
    }

    @ParameterizedTest
    @MethodSource("eventTypes")
    void theSchemaAcceptsTheEventAsItIsPublished(Class<? extends IntegrationEvent> type) {
        IntegrationEvent sample = (IntegrationEvent) Samples.of(type);
        String json = JSON.writeValueAsString(sample);

        assertThat(schemaOf(type).validate(json, InputFormat.JSON))
                .as("%s against %s", json, schemaPath(type))
                .isEmpty();
    }

    @ParameterizedTest
    @MethodSource("eventTypes")
    void theSchemaNamesExactlyTheRecordsFieldsAndRequiresThem(Class<? extends IntegrationEvent> type) {
        JsonNode schema = readJson(schemaPath(type));
        Set<String> expected = componentNames(type);
        expected.add("schemaVersion");

        assertThat(propertyNames(schema)).as(schemaPath(type)).isEqualTo(expected);
        assertThat(stringsOf(schema.get("required")))
                .as(schemaPath(type) + " required")
                .isEqualTo(expected);
        assertThat(schema.get("x-cloudevents-type").asString()).isEqualTo(CloudEvents.typeOf(type));
        for (RecordComponent component : type.getRecordComponents()) {
            assertNestedRecordMatches(
                    schema,
                    schema.get("properties").get(component.getName()),
                    component.getGenericType(),
                    type.getSimpleName() + "." + component.getName());
        }
    }

    @Test
    void schemasRejectEventsThatBreakThem() {
        ObjectNode placed = (ObjectNode) JSON.valueToTree(Samples.of(OrderPlaced.class));
        Schema schema = schemaOf(OrderPlaced.class);

        ObjectNode withoutId = placed.deepCopy();
        withoutId.remove("eventId");
        ObjectNode fractionalMoney = placed.deepCopy();
        ((ObjectNode) fractionalMoney.get("total")).put("amount", 12.5);
        ObjectNode rawCustomerId = placed.deepCopy();
        rawCustomerId.put("customer", "user-42@example.com");

        assertThat(schema.validate(placed)).isEmpty();
        assertThat(schema.validate(withoutId)).isNotEmpty();
        assertThat(schema.validate(fractionalMoney)).isNotEmpty();
        assertThat(schema.validate(rawCustomerId)).isNotEmpty();
    }

    @Test
    void schemasRejectPaymentActionsThatBreakThem() {
        ObjectNode action = (ObjectNode) JSON.valueToTree(Samples.of(PaymentActionRequired.class));
        Schema schema = schemaOf(PaymentActionRequired.class);

        ObjectNode unknownKind = action.deepCopy();
        unknownKind.put("kind", "CLIENT_SECRET");
        ObjectNode emptyValue = action.deepCopy();
        emptyValue.put("value", "");
        ObjectNode withoutExpiry = action.deepCopy();
        withoutExpiry.putNull("expiresAt");

        assertThat(schema.validate(action)).isEmpty();
        assertThat(schema.validate(withoutExpiry)).isEmpty();
        assertThat(schema.validate(unknownKind)).isNotEmpty();
        assertThat(schema.validate(emptyValue)).isNotEmpty();
    }

    @Test
    void schemasRejectReturnEventsThatBreakThem() {
        ObjectNode received = (ObjectNode) JSON.valueToTree(Samples.of(ReturnReceived.class));
        Schema schema = schemaOf(ReturnReceived.class);

        ObjectNode nothingCameBack = received.deepCopy();
        copiesOf(nothingCameBack).put("resalable", 0).put("damaged", 0);
        ObjectNode onlyDamaged = received.deepCopy();
        copiesOf(onlyDamaged).put("resalable", 0).put("damaged", 1);
        ObjectNode negativeDamaged = received.deepCopy();
        copiesOf(negativeDamaged).put("resalable", 2).put("damaged", -1);
        ObjectNode noCopies = received.deepCopy();
        noCopies.putArray("copies");
        ObjectNode returnIdNotAUuid = received.deepCopy();
        returnIdNotAUuid.put("returnId", "return-1");

        assertThat(schema.validate(received)).isEmpty();
        assertThat(schema.validate(onlyDamaged)).isEmpty();
        assertThat(schema.validate(nothingCameBack)).isNotEmpty();
        assertThat(schema.validate(negativeDamaged)).isNotEmpty();
        assertThat(schema.validate(noCopies)).isNotEmpty();
        assertThat(schema.validate(returnIdNotAUuid)).isNotEmpty();

        ObjectNode requested = (ObjectNode) JSON.valueToTree(Samples.of(ReturnRequested.class));
        ObjectNode zeroCopies = requested.deepCopy();
        ((ObjectNode) zeroCopies.get("items").get(0)).put("quantity", 0);
        assertThat(schemaOf(ReturnRequested.class).validate(requested)).isEmpty();
        assertThat(schemaOf(ReturnRequested.class).validate(zeroCopies)).isNotEmpty();

        ObjectNode returned = (ObjectNode) JSON.valueToTree(Samples.of(SaleReturned.class));
        ObjectNode negativeReturn = returned.deepCopy();
        negativeReturn.put("quantity", -2);
        assertThat(schemaOf(SaleReturned.class).validate(negativeReturn)).isNotEmpty();

        ObjectNode refund = (ObjectNode) JSON.valueToTree(Samples.of(RefundAmount.class));
        ObjectNode zeroRefund = refund.deepCopy();
        ((ObjectNode) zeroRefund.get("amount")).put("amount", 0);
        assertThat(schemaOf(RefundAmount.class).validate(refund)).isEmpty();
        assertThat(schemaOf(RefundAmount.class).validate(zeroRefund)).isNotEmpty();
    }

    @Test
    void fieldsTheRecordsAllowToBeNullAcceptNullAndNothingElseDoes() {
        ReturnSentBack untracked = new ReturnSentBack(
                UUID.randomUUID(),
                Instant.now(),
                UUID.randomUUID().toString(),
                UUID.randomUUID().toString(),
                null,
                null);
        OrderRefunded withoutReturn = new OrderRefunded(
                UUID.randomUUID(),
                Instant.now(),
                UUID.randomUUID().toString(),
                UUID.randomUUID().toString(),
                null,
                new Money(500, "CNY"),
                "damaged copy kept by the customer");
        ObjectNode refundedWithoutId = (ObjectNode) JSON.valueToTree(withoutReturn);
        refundedWithoutId.putNull("refundId");

        assertThat(schemaOf(ReturnSentBack.class).validate(JSON.writeValueAsString(untracked), InputFormat.JSON))
                .isEmpty();
        assertThat(schemaOf(OrderRefunded.class).validate(JSON.writeValueAsString(withoutReturn), InputFormat.JSON))
                .isEmpty();
        assertThat(schemaOf(OrderRefunded.class).validate(refundedWithoutId)).isNotEmpty();
    }

    /** The Kafka binding's topic settings as Kafka spells them: lists joined by commas, numbers as text. */
    private static Map<String, String> topicConfiguration(JsonNode kafkaBinding) {
        Map<String, String> settings = new HashMap<>();
        JsonNode configuration = kafkaBinding.get("topicConfiguration");
        if (configuration != null) {
            configuration
                    .properties()
                    .forEach(setting -> settings.put(
                            setting.getKey(),
                            setting.getValue().isArray()
                                    ? String.join(",", stringsOf(setting.getValue()))
                                    : setting.getValue().asString()));
        }
        return settings;
    }

    private static ObjectNode copiesOf(ObjectNode event) {
        return (ObjectNode) event.get("copies").get(0);
    }

    @Test
    void asyncApiDocumentsEveryTopicWithItsEventsAndPartitions() {
        JsonNode api = asyncApi();
        assertThat(api.get("asyncapi").asString()).isEqualTo("3.0.0");

        List<String> addresses = new ArrayList<>();
        api.get("channels")
                .forEach(channel -> addresses.add(channel.get("address").asString()));
        assertThat(addresses)
                .containsExactlyInAnyOrderElementsOf(
                        Topics.all().stream().map(Topic::name).toList());

        for (Topic<?> topic : Topics.all()) {
            JsonNode channel = channel(api, topic.name());
            assertThat(channel.get("bindings").get("kafka").get("partitions").asInt())
                    .as(topic.name())
                    .isEqualTo(topic.partitions());
            assertThat(topicConfiguration(channel.get("bindings").get("kafka")))
                    .as(topic.name() + " topicConfiguration")
                    .isEqualTo(topic.retention().topicConfig());
            assertThat(channel.get("messages").propertyNames())
                    .as(topic.name())
                    .containsExactlyInAnyOrderElementsOf(topic.eventTypes().stream()
                            .map(Class::getSimpleName)
                            .toList());
        }
    }

    @ParameterizedTest
    @MethodSource("eventTypes")
    void asyncApiMessagesCarryTheirCloudEventsTypeAndTheirEventsSchema(Class<? extends IntegrationEvent> type) {
        JsonNode message = asyncApi().get("components").get("messages").get(type.getSimpleName());

        assertThat(message).as(type.getSimpleName()).isNotNull();
        assertThat(message.get("headers")
                        .get("allOf")
                        .get(1)
                        .get("properties")
                        .get("ce_type")
                        .get("const")
                        .asString())
                .isEqualTo(CloudEvents.typeOf(type));
        assertThat(message.get("payload").get("schema").get("$ref").asString()).isEqualTo("./" + schemaPath(type));
    }

    private static void assertNestedRecordMatches(JsonNode root, JsonNode property, Type type, String where) {
        Class<?> raw = type instanceof ParameterizedType parameterized
                ? (Class<?>) parameterized.getRawType()
                : (Class<?>) type;
        if (List.class.isAssignableFrom(raw)) {
            Type element = ((ParameterizedType) type).getActualTypeArguments()[0];
            assertNestedRecordMatches(root, resolve(root, property).get("items"), element, where + "[]");
        } else if (raw.isRecord()) {
            JsonNode nested = resolve(root, property);
            assertThat(propertyNames(nested)).as(where).isEqualTo(componentNames(raw));
            for (RecordComponent component : raw.getRecordComponents()) {
                assertNestedRecordMatches(
                        root,
                        nested.get("properties").get(component.getName()),
                        component.getGenericType(),
                        where + "." + component.getName());
            }
        }
    }

    /** Follows a local {@code $ref} such as {@code #/definitions/money}. */
    private static JsonNode resolve(JsonNode root, JsonNode node) {
        JsonNode ref = node.get("$ref");
        return ref == null ? node : root.at(ref.asString().substring(1));
    }

    private static Set<String> componentNames(Class<?> record) {
        Set<String> names = new LinkedHashSet<>();
        for (RecordComponent component : record.getRecordComponents()) {
            names.add(component.getName());
        }
        return names;
    }

    private static Set<String> propertyNames(JsonNode schema) {
        return new HashSet<>(schema.get("properties").propertyNames());
    }

    private static Set<String> stringsOf(JsonNode array) {
        Set<String> strings = new HashSet<>();
        array.forEach(value -> strings.add(value.asString()));
        return strings;
    }

    private static JsonNode channel(JsonNode api, String address) {
        for (JsonNode channel : api.get("channels")) {
            if (address.equals(channel.get("address").asString())) {
                return channel;
            }
        }
        throw new AssertionError("asyncapi.yaml has no channel for " + address);
    }

    /** {@code schemas/<producer>/<EventName>.json}, the producer being the record's package. */
    private static String schemaPath(Class<?> type) {
        String packageName = type.getPackageName();
        return "schemas/" + packageName.substring(packageName.lastIndexOf('.') + 1) + "/" + type.getSimpleName()
                + ".json";
    }

    private static Schema schemaOf(Class<?> type) {
        return SCHEMAS.getSchema(read(schemaPath(type)), InputFormat.JSON);
    }

    private static JsonNode readJson(String path) {
        return JSON.readTree(read(path));
    }

    private static JsonNode asyncApi() {
        return YAMLMapper.builder().build().readTree(read("asyncapi.yaml"));
    }

    private static String read(String path) {
        try (InputStream in = EventContractTests.class.getClassLoader().getResourceAsStream(path)) {
            assertThat(in).as("classpath resource " + path).isNotNull();
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A plausible instance of any event record, built from its components' types. */
    static final class Samples {

        static Object of(Class<?> record) {
            RecordComponent[] components = record.getRecordComponents();
            Object[] values = new Object[components.length];
            Class<?>[] types = new Class<?>[components.length];
            for (int i = 0; i < components.length; i++) {
                types[i] = components[i].getType();
                values[i] = value(record, components[i].getName(), components[i].getGenericType());
            }
            try {
                return record.getDeclaredConstructor(types).newInstance(values);
            } catch (ReflectiveOperationException e) {
                throw new IllegalStateException("cannot build a sample " + record.getName(), e);
            }
        }

        private static Object value(Class<?> record, String name, Type type) {
            if (type instanceof ParameterizedType list && list.getRawType() == List.class) {
                return List.of(value(record, name, list.getActualTypeArguments()[0]));
            }
            Class<?> raw = (Class<?>) type;
            if (raw == UUID.class) {
                return UUID.randomUUID();
            }
            if (raw == Instant.class) {
                return Instant.parse("2026-11-22T10:15:30.123456Z");
            }
            if (raw == int.class || raw == long.class) {
                return raw == int.class ? (Object) 3 : (Object) 7L;
            }
            if (raw == boolean.class) {
                return true;
            }
            if (raw == double.class) {
                return 0.42;
            }
            if (raw == Money.class) {
                return new Money(2300, "CNY");
            }
            if (raw == String.class) {
                return string(record, name);
            }
            if (raw.isRecord()) {
                return of(raw);
            }
            if (raw.isEnum()) {
                return raw.getEnumConstants()[0];
            }
            throw new IllegalStateException("no sample for a " + type + " named " + name);
        }

        /**
         * Strings as the system makes them: order, return and refund ids are UUIDs (imported orders are named by the
         * import), customers HMAC pseudonyms, ISBNs ISBN-13, one-time tokens URL-safe Base64.
         */
        private static String string(Class<?> record, String name) {
            boolean analytics = record.getPackageName().endsWith(".analytics");
            return switch (name) {
                case "orderId" ->
                    analytics ? "import:A-1001" : UUID.randomUUID().toString();
                case "returnId", "refundId" -> UUID.randomUUID().toString();
                case "customer" -> "9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08";
                case "kind" -> analytics ? "BOUGHT_TOGETHER" : "QR_CODE";
                case "isbn" -> "9787572610912";
                case "subject" -> "book:sample-bookId";
                case "email" -> "li.lei@example.com";
                case "language" -> "zh-CN";
                case "token" -> "q3Vw8l1kZr9yTQx0aBcDeFgHiJkLmNoPqRsTuVwXyZ0";
                default -> "sample-" + name;
            };
        }
    }
}
