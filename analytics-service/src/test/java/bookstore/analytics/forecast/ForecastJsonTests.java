package bookstore.analytics.forecast;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The web layer answers with these records and the streams layer may keep them in stores, both as JSON. */
class ForecastJsonTests {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final DemandForecaster forecaster = new DemandForecaster(DemandForecaster.Settings.defaults());

    @Test
    void aForecastIsWrittenAsItsFieldsAndReadBackTheSame() {
        Forecast forecast = forecaster.forecast(SyntheticSeries.of(104, 40, 0.3, 15, 3, 1), 4);

        String json = JSON.writeValueAsString(forecast);
        JsonNode tree = JSON.readTree(json);

        assertThat(tree.propertyNames())
                .containsExactlyInAnyOrder("model", "firstWeek", "mean", "lower", "upper", "backtest");
        assertThat(tree.get("firstWeek").asString()).isEqualTo("2025-12-29");
        assertThat(tree.get("mean").size()).isEqualTo(4);
        assertThat(tree.get("backtest").get("baseline").asString()).isEqualTo(Backtest.SEASONAL_NAIVE);
        assertThat(tree.get("backtest").get("candidates").propertyNames()).hasSize(4);
        assertThat(JSON.readValue(json, Forecast.class)).isEqualTo(forecast);
    }

    @Test
    void measuresThatAreUndefinedAreNullNeverNaN() {
        Forecast forecast = forecaster.forecast(new WeeklySeries(SyntheticSeries.FIRST_WEEK, new double[20]), 2);

        String json = JSON.writeValueAsString(forecast);

        assertThat(json).doesNotContain("NaN").contains("\"mase\":null", "\"mape\":null");
        assertThat(JSON.readValue(json, Forecast.class)).isEqualTo(forecast);
    }

    @Test
    void aReorderSuggestionIsWrittenAsItsFields() {
        Forecast forecast = forecaster.forecast(SyntheticSeries.of(104, 40, 0.3, 15, 3, 1), 4);
        ReorderSuggestion suggestion = new ReorderPlanner().suggest(forecast, 5, 14, 0.95);

        JsonNode tree = JSON.readTree(JSON.writeValueAsString(suggestion));

        assertThat(tree.propertyNames())
                .containsExactlyInAnyOrder(
                        "leadTimeDays",
                        "serviceLevel",
                        "leadTimeDemand",
                        "demandStdDev",
                        "safetyStock",
                        "reorderPoint",
                        "available",
                        "orderQuantity");
        assertThat(tree.get("orderQuantity").asInt()).isEqualTo(suggestion.orderQuantity());
    }
}
