// The analytics reports the console shows, as analytics-service answers them (through the gateway, ADMIN only).
// Each report is asked for by a ReportRequest, so the same request gives the JSON for the page and the CSV
// the admin downloads.
import { http, type Query, queryString } from '@/api/http'
import { ApiProblem } from '@/api/problem'
import type { Money } from '@/api/types'
import { useSession } from '@/stores/session'

export const GRANULARITIES = ['DAY', 'WEEK', 'MONTH'] as const
export type Granularity = (typeof GRANULARITIES)[number]

export const DIMENSIONS = ['CATEGORY', 'AUTHOR', 'PUBLISHER'] as const
export type Dimension = (typeof DIMENSIONS)[number]

/** The named segments, best customers first, as analytics-service's Segment enum has them. */
export const SEGMENTS = ['CHAMPIONS', 'LOYAL', 'POTENTIAL', 'NEW', 'NEEDS_ATTENTION', 'AT_RISK', 'HIBERNATING'] as const
export type Segment = (typeof SEGMENTS)[number]

/** Days on the shop's calendar, both included, as yyyy-mm-dd. */
export interface DayRange {
  from: string
  to: string
}

export interface SalesPeriod {
  start: string
  end: string
  orders: number
  units: number
  revenue: Money
  averageOrderValue: Money | null
  returned: number
}

export interface SalesReport extends DayRange {
  granularity: Granularity
  periods: SalesPeriod[]
  total: SalesPeriod
}

export interface RankedBook {
  rank: number
  bookId: string
  title: string
  authors: string[]
  category: string | null
  publisher: string | null
  units: number
  revenue: Money
  lines: number
  available: number | null
}

export interface BookRanking extends DayRange {
  books: RankedBook[]
}

export interface Share {
  key: string
  name: string
  units: number
  revenue: Money
  books: number
  /** 0 to 1 */
  unitsShare: number
}

export interface Breakdown extends DayRange {
  dimension: Dimension | 'BOOK'
  shares: Share[]
}

export interface OutcomesPeriod {
  start: string
  end: string
  placed: number
  confirmed: number
  rejected: number
  cancelled: number
  rejectionRate: number
  cancellationRate: number
}

export interface OutcomesReport extends DayRange {
  granularity: Granularity
  periods: OutcomesPeriod[]
  total: OutcomesPeriod
  rejectionReasons: Record<string, number>
  cancellationReasons: Record<string, number>
}

export interface CustomersPeriod {
  start: string
  end: string
  customers: number
  newCustomers: number
  returningCustomers: number
  registrations: number
}

export interface CustomersReport extends DayRange {
  granularity: Granularity
  periods: CustomersPeriod[]
  customersToDate: number
  repeatCustomers: number
  /** 0 to 1 */
  repeatPurchaseRate: number
}

export interface SegmentSnapshot {
  asOf: string
  customers: number
  sizes: Partial<Record<Segment, number>>
}

export interface SegmentsReport extends DayRange {
  snapshots: SegmentSnapshot[]
}

export interface BookStock {
  bookId: string
  title: string
  category: string | null
  available: number
  recentUnits: number
  dailySales: number
  daysOfCover: number | null
  lastSale: string | null
  dead: boolean
}

export interface StockReport {
  asOf: string
  recentDays: number
  deadAfterDays: number
  books: BookStock[]
}

export interface Reorder {
  bookId: string
  title: string
  category: string | null
  available: number
  leadTimeDemand: number
  safetyStock: number
  reorderPoint: number
  orderQuantity: number
  model: string
}

export interface ReorderReport {
  asOf: string
  leadTimeDays: number
  serviceLevel: number
  books: Reorder[]
}

export interface Backtest {
  origins: number
  horizonWeeks: number
  baseline: 'seasonal-naive' | 'naive' | null
  mase: number | null
  mape: number | null
  baselineMase: number | null
  baselineMape: number | null
  candidates: Record<string, number>
  cumulativeErrors: number[]
}

export interface Forecast {
  model: string
  /** The Monday of the first week forecast. */
  firstWeek: string
  mean: number[]
  lower: number[]
  upper: number[]
  backtest: Backtest
}

/** Weekly copies sold of a title, a category or the whole shop, and the forecast of the weeks after. */
export interface DemandReport {
  subject: string
  title: string
  history: { firstWeek: string; values: number[] }
  forecast: Forecast
}

export interface CustomerStanding {
  customer: string
  asOf: string
  firstOrder: string
  lastOrder: string
  orders: number
  spent: Money
  recency: number
  frequency: number
  monetary: number
  segment: Segment
}

/** One report as asked for: where, with what, and the name its CSV is saved under. */
export interface ReportRequest {
  path: string
  query: Query
  file: string
}

const segment = (text: string) => encodeURIComponent(text)
const named = (name: string, ...parts: (string | number)[]) => `${[name, ...parts].join('_')}.csv`

/** The requests for every report the dashboard shows. */
export const reports = {
  sales: (range: DayRange, granularity: Granularity): ReportRequest => ({
    path: '/api/analytics/sales',
    query: { ...range, granularity },
    file: named('sales', range.from, range.to, granularity.toLowerCase()),
  }),
  topSellers: (range: DayRange, limit = 10): ReportRequest => ({
    path: '/api/analytics/top-sellers',
    query: { ...range, limit },
    file: named('top-sellers', range.from, range.to),
  }),
  slowMovers: (range: DayRange, limit = 10): ReportRequest => ({
    path: '/api/analytics/slow-movers',
    query: { ...range, limit },
    file: named('slow-movers', range.from, range.to),
  }),
  breakdown: (range: DayRange, dimension: Dimension, limit = 10): ReportRequest => ({
    path: `/api/analytics/sales/by/${dimension}`,
    query: { ...range, limit },
    file: named(`sales-by-${dimension.toLowerCase()}`, range.from, range.to),
  }),
  outcomes: (range: DayRange, granularity: Granularity): ReportRequest => ({
    path: '/api/analytics/order-outcomes',
    query: { ...range, granularity },
    file: named('order-outcomes', range.from, range.to, granularity.toLowerCase()),
  }),
  customers: (range: DayRange, granularity: Granularity): ReportRequest => ({
    path: '/api/analytics/customers',
    query: { ...range, granularity },
    file: named('customers', range.from, range.to, granularity.toLowerCase()),
  }),
  segments: (range: DayRange): ReportRequest => ({
    path: '/api/analytics/segments',
    query: { ...range },
    file: named('segments', range.from, range.to),
  }),
  stock: (recentDays: number, deadAfterDays: number): ReportRequest => ({
    path: '/api/analytics/stock',
    query: { recentDays, deadAfterDays },
    file: named('stock', `recent-${recentDays}`, `dead-${deadAfterDays}`),
  }),
  reorders: (leadTimeDays: number, serviceLevel: number, limit = 50): ReportRequest => ({
    path: '/api/analytics/reorder-suggestions',
    query: { leadTimeDays, serviceLevel, limit },
    file: named('reorder-suggestions', `lead-${leadTimeDays}`, `service-${serviceLevel}`),
  }),
  shopForecast: (): ReportRequest => ({
    path: '/api/analytics/forecasts/shop',
    query: {},
    file: named('forecast', 'shop'),
  }),
  bookForecast: (bookId: string): ReportRequest => ({
    path: `/api/analytics/forecasts/${segment(bookId)}`,
    query: {},
    file: named('forecast', bookId),
  }),
}

/** A report's JSON. */
export function fetchReport<T>(request: ReportRequest): Promise<T> {
  return http.get<T>(request.path, { query: request.query })
}

/** A customer's RFM standing: the pseudonym order-service gives their events, then analytics' scores. */
export async function customerStanding(accountId: string): Promise<CustomerStanding> {
  const { pseudonym } = await http.get<{ customerId: string; pseudonym: string }>(
    `/api/orders/customers/${segment(accountId)}/pseudonym`,
  )
  return http.get<CustomerStanding>(`/api/analytics/customers/${segment(pseudonym)}`)
}

/**
 * A report's CSV (UTF-8 with its BOM, as analytics writes it), with the admin's token; renewed once
 * when it has expired. Throws an {@link ApiProblem} for a problem answer, like every other call.
 */
export async function fetchCsv(request: ReportRequest): Promise<Blob> {
  const session = useSession()
  const send = (token: string | null) =>
    fetch(request.path + queryString(request.query), {
      headers: { Accept: 'text/csv', ...(token ? { Authorization: `Bearer ${token}` } : {}) },
      credentials: 'same-origin',
    }).catch(() => {
      throw new ApiProblem(0, { title: 'Network error' })
    })
  let response = await send(session.accessToken)
  if (response.status === 401 && session.accessToken) {
    const renewed = await session.renew()
    if (renewed) response = await send(renewed)
  }
  if (!response.ok) {
    const body = (await response.json().catch(() => ({ title: response.statusText }))) as Record<string, unknown>
    throw new ApiProblem(response.status, body)
  }
  return response.blob()
}

/** Saves a report's CSV under its file name, as the browser saves any download. */
export async function downloadCsv(request: ReportRequest): Promise<void> {
  const blob = await fetchCsv(request)
  const url = URL.createObjectURL(blob)
  try {
    const link = document.createElement('a')
    link.href = url
    link.download = request.file
    link.hidden = true
    document.body.append(link)
    link.click()
    link.remove()
  } finally {
    // After the click has handed the file to the browser.
    setTimeout(() => URL.revokeObjectURL(url), 10_000)
  }
}
