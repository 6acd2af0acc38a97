package bookstore.analytics.web;

import bookstore.analytics.report.BookRanking;
import bookstore.analytics.report.Breakdown;
import bookstore.analytics.report.CustomerSegment;
import bookstore.analytics.report.CustomersReport;
import bookstore.analytics.report.DemandReport;
import bookstore.analytics.report.Granularity;
import bookstore.analytics.report.OutcomesReport;
import bookstore.analytics.report.ReorderReport;
import bookstore.analytics.report.ReportRange;
import bookstore.analytics.report.Reports;
import bookstore.analytics.report.SalesReport;
import bookstore.analytics.report.SegmentsReport;
import bookstore.analytics.report.StockReport;
import bookstore.analytics.streams.ShopCalendar;
import bookstore.platform.web.Problems;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.Clock;
import java.time.LocalDate;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.web.ErrorResponseException;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

/**
 * Sales, stock and customer reports for staff, over a range of days on the shop's calendar (the last 30 days when
 * none is given), as JSON or, with {@code Accept: text/csv}, as CSV.
 */
@RestController
@RequestMapping("/api/analytics")
@Tag(
        name = "reports",
        description = "Sales, stock, customers, segments, forecasts and reorder suggestions, as JSON or CSV (admins)")
class ReportsController {

    private static final String JSON = MediaType.APPLICATION_JSON_VALUE;
    private static final String CSV = CsvEncoding.TEXT_CSV_VALUE;
    private static final int DEFAULT_DAYS = 30;

    private final Reports reports;
    private final ShopCalendar calendar;
    private final Clock clock;

    ReportsController(Reports reports, ShopCalendar calendar) {
        this.reports = reports;
        this.calendar = calendar;
        this.clock = Clock.systemUTC();
    }

    @Operation(summary = "Revenue, copies, orders and average order value per day, week or month")
    @GetMapping(
            path = "/sales",
            produces = {JSON, CSV})
    Mono<SalesReport> sales(
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
            @RequestParam(defaultValue = "DAY") Granularity granularity,
            @Parameter(hidden = true) @RequestHeader(value = HttpHeaders.AUTHORIZATION, required = false)
                    String caller) {
        return reports.sales(range(from, to), granularity, caller);
    }

    @Operation(summary = "The books that sold the most copies")
    @GetMapping(
            path = "/top-sellers",
            produces = {JSON, CSV})
    Mono<BookRanking> topSellers(
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
            @RequestParam(defaultValue = "10") @Min(1) @Max(100) int limit,
            @Parameter(hidden = true) @RequestHeader(value = HttpHeaders.AUTHORIZATION, required = false)
                    String caller) {
        return reports.topSellers(range(from, to), limit, caller);
    }

    @Operation(summary = "Books in stock that sold the fewest copies (none first)")
    @GetMapping(
            path = "/slow-movers",
            produces = {JSON, CSV})
    Mono<BookRanking> slowMovers(
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
            @RequestParam(defaultValue = "10") @Min(1) @Max(100) int limit,
            @Parameter(hidden = true) @RequestHeader(value = HttpHeaders.AUTHORIZATION, required = false)
                    String caller) {
        return reports.slowMovers(range(from, to), limit, caller);
    }

    @Operation(summary = "Sales split by book, category, author or publisher")
    @GetMapping(
            path = "/sales/by/{dimension}",
            produces = {JSON, CSV})
    Mono<Breakdown> breakdown(
            @PathVariable Breakdown.Dimension dimension,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
            @RequestParam(defaultValue = "20") @Min(1) @Max(100) int limit,
            @Parameter(hidden = true) @RequestHeader(value = HttpHeaders.AUTHORIZATION, required = false)
                    String caller) {
        return reports.breakdown(range(from, to), dimension, limit, caller);
    }

    @Operation(summary = "What became of the orders placed: confirmed, rejected and cancelled, with rates and reasons")
    @GetMapping(
            path = "/order-outcomes",
            produces = {JSON, CSV})
    Mono<OutcomesReport> outcomes(
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
            @RequestParam(defaultValue = "DAY") Granularity granularity,
            @Parameter(hidden = true) @RequestHeader(value = HttpHeaders.AUTHORIZATION, required = false)
                    String caller) {
        return reports.outcomes(range(from, to), granularity, caller);
    }

    @Operation(summary = "Stock against recent sales: days of cover and dead stock, running out soonest first")
    @GetMapping(
            path = "/stock",
            produces = {JSON, CSV})
    Mono<StockReport> stock(
            @RequestParam(defaultValue = "28") @Min(1) @Max(365) int recentDays,
            @RequestParam(defaultValue = "90") @Min(1) @Max(3650) int deadAfterDays,
            @Parameter(hidden = true) @RequestHeader(value = HttpHeaders.AUTHORIZATION, required = false)
                    String caller) {
        return reports.stock(today(), recentDays, deadAfterDays, caller);
    }

    @Operation(summary = "Customers per period, new and returning, accounts opened, and the repeat-purchase rate")
    @GetMapping(
            path = "/customers",
            produces = {JSON, CSV})
    Mono<CustomersReport> customers(
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
            @RequestParam(defaultValue = "DAY") Granularity granularity,
            @Parameter(hidden = true) @RequestHeader(value = HttpHeaders.AUTHORIZATION, required = false)
                    String caller) {
        return reports.customers(range(from, to), granularity, caller);
    }

    @Operation(summary = "Customer segments (RFM) and their sizes at each month's end")
    @GetMapping(
            path = "/segments",
            produces = {JSON, CSV})
    Mono<SegmentsReport> segments(
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
            @Parameter(hidden = true) @RequestHeader(value = HttpHeaders.AUTHORIZATION, required = false)
                    String caller) {
        return reports.segments(range(from, to, 365), caller);
    }

    @Operation(summary = "One customer's RFM scores and segment, by the pseudonym the shop's events know them by")
    @GetMapping(path = "/customers/{customer}", produces = JSON)
    Mono<CustomerSegment> customer(
            @PathVariable @Pattern(regexp = "[0-9a-f]{64}", message = "is a customer pseudonym: 64 hex digits")
                    String customer,
            @Parameter(hidden = true) @RequestHeader(value = HttpHeaders.AUTHORIZATION, required = false)
                    String caller) {
        return reports.customer(customer, today(), caller)
                .switchIfEmpty(Mono.error(() -> new ErrorResponseException(
                        HttpStatus.NOT_FOUND,
                        Problems.of(
                                HttpStatus.NOT_FOUND,
                                "customer-not-found",
                                "Customer not found",
                                "Analytics knows no order of this customer."),
                        null)));
    }

    @Operation(summary = "A title's weekly demand and its forecast, with interval and backtest against seasonal-naive")
    @GetMapping(
            path = "/forecasts/{bookId}",
            produces = {JSON, CSV})
    Mono<DemandReport> bookForecast(
            @PathVariable @Size(max = 100) String bookId,
            @Parameter(hidden = true) @RequestHeader(value = HttpHeaders.AUTHORIZATION, required = false)
                    String caller) {
        return reports.bookDemand(bookId, today(), caller)
                .switchIfEmpty(Mono.error(
                        () -> notFound("book-not-found", "Book not found", "Analytics knows no book " + bookId + ".")));
    }

    @Operation(summary = "The whole shop's weekly demand (copies) and its forecast")
    @GetMapping(
            path = "/forecasts/shop",
            produces = {JSON, CSV})
    Mono<DemandReport> shopForecast(
            @Parameter(hidden = true) @RequestHeader(value = HttpHeaders.AUTHORIZATION, required = false)
                    String caller) {
        return reports.shopDemand(today(), caller);
    }

    @Operation(summary = "A category's weekly demand and its forecast")
    @GetMapping(
            path = "/forecasts/categories/{category}",
            produces = {JSON, CSV})
    Mono<DemandReport> categoryForecast(
            @PathVariable @Size(max = 100) String category,
            @Parameter(hidden = true) @RequestHeader(value = HttpHeaders.AUTHORIZATION, required = false)
                    String caller) {
        return reports.categoryDemand(category, today(), caller)
                .switchIfEmpty(Mono.error(() -> notFound(
                        "category-not-found", "Category not found", "No book is filed under " + category + ".")));
    }

    @Operation(
            summary =
                    "Books to order now: forecast demand over the lead time plus safety stock, less what is available")
    @GetMapping(
            path = "/reorder-suggestions",
            produces = {JSON, CSV})
    Mono<ReorderReport> reorderSuggestions(
            @RequestParam(defaultValue = "14") @Min(1) @Max(150) int leadTimeDays,
            @RequestParam(defaultValue = "0.95") @DecimalMin("0.5") @DecimalMax("0.999") double serviceLevel,
            @RequestParam(defaultValue = "50") @Min(1) @Max(500) int limit,
            @Parameter(hidden = true) @RequestHeader(value = HttpHeaders.AUTHORIZATION, required = false)
                    String caller) {
        return reports.reorders(today(), leadTimeDays, serviceLevel, limit, caller);
    }

    private static ErrorResponseException notFound(String kind, String title, String detail) {
        return new ErrorResponseException(
                HttpStatus.NOT_FOUND, Problems.of(HttpStatus.NOT_FOUND, kind, title, detail), null);
    }

    private ReportRange range(LocalDate from, LocalDate to) {
        return range(from, to, DEFAULT_DAYS);
    }

    private ReportRange range(LocalDate from, LocalDate to, int defaultDays) {
        return ReportRange.of(from, to, today(), defaultDays);
    }

    private LocalDate today() {
        return calendar.today(clock.instant());
    }
}
