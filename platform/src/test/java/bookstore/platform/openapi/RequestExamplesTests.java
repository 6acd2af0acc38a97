package bookstore.platform.openapi;

import static org.assertj.core.api.Assertions.assertThat;

import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.PathItem;
import io.swagger.v3.oas.models.Paths;
import io.swagger.v3.oas.models.media.ArraySchema;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.IntegerSchema;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.ObjectSchema;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.media.StringSchema;
import io.swagger.v3.oas.models.parameters.RequestBody;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class RequestExamplesTests {

    static OpenAPI api(Schema<?> body, String mediaType) {
        return new OpenAPI()
                .components(new Components()
                        .addSchemas(
                                "Price",
                                new ObjectSchema()
                                        .addProperty("amount", new IntegerSchema().format("int64"))
                                        .addProperty("currency", new StringSchema().pattern("[A-Z]{3}")))
                        .addSchemas(
                                "Node",
                                new ObjectSchema()
                                        .addProperty("name", new StringSchema())
                                        .addProperty("children", new ArraySchema().items(ref("Node")))))
                .paths(new Paths()
                        .addPathItem(
                                "/api/things",
                                new PathItem()
                                        .post(new Operation()
                                                .requestBody(new RequestBody()
                                                        .content(new Content()
                                                                .addMediaType(
                                                                        mediaType, new MediaType().schema(body)))))));
    }

    static Schema<?> ref(String name) {
        return new Schema<>().$ref("#/components/schemas/" + name);
    }

    static Object exampleOf(OpenAPI api, String mediaType) {
        new RequestExamples().customise(api);
        return api.getPaths()
                .get("/api/things")
                .getPost()
                .getRequestBody()
                .getContent()
                .get(mediaType)
                .getExample();
    }

    @Test
    void aBodyGetsAnExampleFromItsSchemaThatItsPatternsEnumsAndBoundsAccept() {
        Schema<?> order = new ObjectSchema()
                .addProperty("email", new StringSchema().format("email"))
                .addProperty("language", new StringSchema().pattern("zh-CN|en"))
                .addProperty("paymentMethod", new StringSchema().pattern("pm_[A-Za-z0-9_]+|alipay_qr"))
                .addProperty("status", new StringSchema()._enum(List.of("PAID", "OPEN")))
                .addProperty("quantity", new IntegerSchema().minimum(BigDecimal.valueOf(2)))
                .addProperty(
                        "rating", new IntegerSchema().minimum(BigDecimal.ONE).maximum(BigDecimal.valueOf(5)))
                .addProperty("price", ref("Price"))
                .addProperty(
                        "roles",
                        new ArraySchema()
                                .items(new StringSchema()._enum(List.of("CUSTOMER", "ADMIN")))
                                .uniqueItems(true)
                                .minItems(1))
                .addProperty("given", new StringSchema().example("as the handler says"));

        Object example = exampleOf(api(order, "application/json"), "application/json");

        assertThat(example)
                .isEqualTo(Map.of(
                        "email", "reader@example.com",
                        "language", "zh-CN",
                        "paymentMethod", "pm_card_visa",
                        "status", "PAID",
                        "quantity", 2L,
                        "rating", 1L,
                        "price", Map.of("amount", 4800L, "currency", "CNY"),
                        "roles", List.of("CUSTOMER"),
                        "given", "as the handler says"));
    }

    @Test
    void aSchemaThatRefersToItselfEndsAndAnExampleAlreadyGivenIsKept() {
        Object example = exampleOf(api(ref("Node"), "application/merge-patch+json"), "application/merge-patch+json");
        assertThat(example).isEqualTo(Map.of("name", "name", "children", List.of()));

        OpenAPI given = api(ref("Price"), "application/json");
        given.getPaths()
                .get("/api/things")
                .getPost()
                .getRequestBody()
                .getContent()
                .get("application/json")
                .setExample(Map.of("amount", 100));
        assertThat(exampleOf(given, "application/json")).isEqualTo(Map.of("amount", 100));
    }

    @Test
    void onlyJsonBodiesGetOne() {
        assertThat(exampleOf(api(new StringSchema(), "text/csv"), "text/csv")).isNull();
    }
}
