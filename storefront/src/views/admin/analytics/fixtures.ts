// Answers of analytics-service as its records serialise them, for the console's tests.
import type {
  BookRanking,
  Breakdown,
  CustomersReport,
  CustomerStanding,
  DemandReport,
  OutcomesReport,
  ReorderReport,
  SalesPeriod,
  SalesReport,
  SegmentsReport,
  StockReport,
} from './api'

const cny = (amount: number) => ({ amount, currency: 'CNY' })

export function salesPeriod(start: string, end: string, orders: number, revenue: number): SalesPeriod {
  return {
    start,
    end,
    orders,
    units: orders * 2,
    revenue: cny(revenue),
    averageOrderValue: orders ? cny(Math.round(revenue / orders)) : null,
    returned: 0,
  }
}

export const weeklySales: SalesReport = {
  from: '2026-11-02',
  to: '2026-11-22',
  granularity: 'WEEK',
  periods: [
    salesPeriod('2026-11-02', '2026-11-08', 10, 45_000),
    salesPeriod('2026-11-09', '2026-11-15', 40, 180_050),
    salesPeriod('2026-11-16', '2026-11-22', 12, 50_000),
  ],
  total: salesPeriod('2026-11-02', '2026-11-22', 62, 275_050),
}

export const monthlySales: SalesReport = {
  ...weeklySales,
  granularity: 'MONTH',
  periods: [salesPeriod('2026-11-01', '2026-11-22', 62, 275_050)],
}

export const shopDemand: DemandReport = {
  subject: 'shop',
  title: 'shop',
  history: { firstWeek: '2026-10-19', values: [100, 120, 300, 110] },
  forecast: {
    model: 'seasonal-regression',
    firstWeek: '2026-11-16',
    mean: [105, 98.25],
    lower: [80, 70],
    upper: [130, 126.5],
    backtest: {
      origins: 12,
      horizonWeeks: 8,
      baseline: 'seasonal-naive',
      mase: 0.6,
      mape: 18.4,
      baselineMase: 0.8,
      baselineMape: 25.1,
      candidates: { 'seasonal-regression': 0.6, 'seasonal-arima': 0.7 },
      cumulativeErrors: [10, 14],
    },
  },
}

export const bookDemand: DemandReport = {
  ...shopDemand,
  subject: 'book-1',
  title: '三体',
  forecast: { ...shopDemand.forecast, model: 'linear-trend', backtest: { ...shopDemand.forecast.backtest, mase: 1.2, baselineMase: 0.8 } },
}

export const topSellers: BookRanking = {
  from: '2026-11-02',
  to: '2026-11-22',
  books: [
    {
      rank: 1,
      bookId: 'book-1',
      title: '三体',
      authors: ['刘慈欣'],
      category: '科幻',
      publisher: '重庆出版社',
      units: 120,
      revenue: cny(2_388_000),
      lines: 110,
      available: 40,
    },
    {
      rank: 2,
      bookId: 'book-2',
      title: '<b>活着</b>',
      authors: ['余华'],
      category: '小说',
      publisher: '作家出版社',
      units: 80,
      revenue: cny(1_600_000),
      lines: 75,
      available: null,
    },
  ],
}

export const slowMovers: BookRanking = { ...topSellers, books: [{ ...topSellers.books[1], rank: 1, units: 0, revenue: cny(0), lines: 0 }] }

export const categories: Breakdown = {
  from: '2026-11-02',
  to: '2026-11-22',
  dimension: 'CATEGORY',
  shares: [
    { key: '小说', name: '小说', units: 80, revenue: cny(1_600_000), books: 3, unitsShare: 0.4 },
    { key: '科幻', name: '科幻', units: 120, revenue: cny(2_388_000), books: 2, unitsShare: 0.6 },
  ],
}

export const outcomes: OutcomesReport = {
  from: '2026-11-02',
  to: '2026-11-22',
  granularity: 'WEEK',
  periods: [
    { start: '2026-11-02', end: '2026-11-08', placed: 12, confirmed: 10, rejected: 1, cancelled: 1, rejectionRate: 1 / 12, cancellationRate: 1 / 12 },
  ],
  total: { start: '2026-11-02', end: '2026-11-22', placed: 12, confirmed: 10, rejected: 1, cancelled: 1, rejectionRate: 1 / 12, cancellationRate: 1 / 12 },
  rejectionReasons: { 'insufficient stock': 1 },
  cancellationReasons: { timeout: 1, 'payment failed': 3 },
}

export const customers: CustomersReport = {
  from: '2026-11-02',
  to: '2026-11-22',
  granularity: 'WEEK',
  periods: [{ start: '2026-11-02', end: '2026-11-08', customers: 9, newCustomers: 4, returningCustomers: 5, registrations: 2 }],
  customersToDate: 500,
  repeatCustomers: 160,
  repeatPurchaseRate: 0.32,
}

export const segments: SegmentsReport = {
  from: '2025-11-23',
  to: '2026-11-22',
  snapshots: [
    { asOf: '2026-09-30', customers: 400, sizes: { CHAMPIONS: 40, LOYAL: 60, NEW: 100, HIBERNATING: 200 } },
    {
      asOf: '2026-10-31',
      customers: 450,
      sizes: { CHAMPIONS: 45, LOYAL: 70, POTENTIAL: 20, NEW: 90, NEEDS_ATTENTION: 15, AT_RISK: 10, HIBERNATING: 200 },
    },
  ],
}

export const stock: StockReport = {
  asOf: '2026-11-22',
  recentDays: 28,
  deadAfterDays: 90,
  books: [
    { bookId: 'book-1', title: '三体', category: '科幻', available: 40, recentUnits: 56, dailySales: 2, daysOfCover: 20, lastSale: '2026-11-22', dead: false },
    { bookId: 'book-3', title: '古文观止', category: '古籍', available: 9, recentUnits: 0, dailySales: 0, daysOfCover: null, lastSale: null, dead: true },
  ],
}

export const reorders: ReorderReport = {
  asOf: '2026-11-22',
  leadTimeDays: 14,
  serviceLevel: 0.95,
  books: [
    {
      bookId: 'book-1',
      title: '三体',
      category: '科幻',
      available: 40,
      leadTimeDemand: 52.4,
      safetyStock: 11.2,
      reorderPoint: 63.6,
      orderQuantity: 24,
      model: 'seasonal-regression',
    },
  ],
}

export const standing: CustomerStanding = {
  customer: 'a'.repeat(64),
  asOf: '2026-11-22',
  firstOrder: '2025-03-01',
  lastOrder: '2026-11-20',
  orders: 7,
  spent: cny(123_450),
  recency: 5,
  frequency: 4,
  monetary: 3,
  segment: 'CHAMPIONS',
}
