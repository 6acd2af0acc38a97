package bookstore.analytics.forecast;

/**
 * How many copies to order now so that the expected demand over the supplier's lead time is covered with the wanted
 * probability.
 *
 * @param leadTimeDays days from ordering to having the copies, counted from the forecast's first week or from the day given
 * @param serviceLevel the wanted probability of not running out before the copies arrive
 * @param leadTimeDemand expected copies sold over the lead time
 * @param demandStdDev the standard deviation of the forecast error over the lead time
 * @param safetyStock copies kept against that error: z(service level) × {@code demandStdDev}
 * @param reorderPoint {@code leadTimeDemand + safetyStock}: order when what is available falls to this
 * @param available copies available now (on hand less reserved)
 * @param orderQuantity whole copies to order now: what the reorder point exceeds availability by, rounded up, or 0
 */
public record ReorderSuggestion(
        int leadTimeDays,
        double serviceLevel,
        double leadTimeDemand,
        double demandStdDev,
        double safetyStock,
        double reorderPoint,
        int available,
        int orderQuantity) {

    public boolean shouldOrder() {
        return orderQuantity > 0;
    }
}
