// Reports shaped for charts: periods into series, a forecast into its band, a backtest into a verdict.
// Plain data and ECharts options only (no ECharts code here), so each shape is tested on its own.
import { minorUnits } from '@/format'
import type {
  Backtest,
  CustomersReport,
  DemandReport,
  Granularity,
  OutcomesReport,
  SalesReport,
  Segment,
  SegmentsReport,
  Share,
} from './api'
import { SEGMENTS } from './api'

/** yyyy-mm-dd of a day `days` after another (calendar days, no time zone involved). */
export function plusDays(day: string, days: number): string {
  const [year, month, date] = day.split('-').map(Number)
  return new Date(Date.UTC(year, month - 1, date + days)).toISOString().slice(0, 10)
}

/** The number of days from one day to another (negative when it is before). */
export function daysBetween(from: string, to: string): number {
  const at = (day: string) => {
    const [year, month, date] = day.split('-').map(Number)
    return Date.UTC(year, month - 1, date)
  }
  return Math.round((at(to) - at(from)) / 86_400_000)
}

/** The Mondays of `count` weeks from a first one. */
export function weeksFrom(firstWeek: string, count: number): string[] {
  return Array.from({ length: count }, (_, week) => plusDays(firstWeek, 7 * week))
}

/** A period as its axis names it: the month for months, else the first day. */
export function periodLabel(start: string, granularity: Granularity): string {
  return granularity === 'MONTH' ? start.slice(0, 7) : start
}

/** Money in major units (yuan), for an axis. */
export function major(amount: number, currency: string): number {
  return amount / minorUnits(currency)
}

export interface SalesSeries {
  periods: string[]
  /** In major units of the report's currency. */
  revenue: number[]
  orders: number[]
  units: number[]
  currency: string
}

/** Revenue, orders and copies per period, every period of the range (also those without sales). */
export function salesSeries(report: SalesReport): SalesSeries {
  const currency = report.total?.revenue.currency ?? report.periods[0]?.revenue.currency ?? 'CNY'
  return {
    periods: report.periods.map((period) => periodLabel(period.start, report.granularity)),
    revenue: report.periods.map((period) => major(period.revenue.amount, period.revenue.currency)),
    orders: report.periods.map((period) => period.orders),
    units: report.periods.map((period) => period.units),
    currency,
  }
}

export interface DemandSeries {
  weeks: string[]
  /** Copies sold per week; null in the weeks forecast. */
  actual: (number | null)[]
  /** The point forecast; null before the forecast, except the last week sold, so the two lines join. */
  forecast: (number | null)[]
  /** The interval's lower bound, and its height above it (upper − lower): a band stacked on the lower bound. */
  lower: (number | null)[]
  band: (number | null)[]
  /** Index of the first week forecast. */
  firstForecast: number
}

const rounded = (value: number) => Math.round(value * 10) / 10

/**
 * Weekly copies sold (the last `historyWeeks` of them) followed by the forecast with its interval, on one
 * axis of Mondays. The forecast starts the week after the last one sold in.
 */
export function demandSeries(report: DemandReport, historyWeeks = 52): DemandSeries {
  const values = report.history.values
  const skip = Math.max(0, values.length - historyWeeks)
  const shown = values.slice(skip)
  const firstShown = plusDays(report.history.firstWeek, 7 * skip)
  const { mean, lower, upper } = report.forecast
  // The forecast starts where analytics says: normally the week after the last one of history.
  const gap = Math.max(0, Math.round(daysBetween(plusDays(firstShown, 7 * shown.length), report.forecast.firstWeek) / 7))
  const offset = shown.length + gap
  const length = offset + mean.length
  const weeks = weeksFrom(firstShown, length)
  const empty = () => Array<number | null>(length).fill(null)
  const actual = empty()
  const forecast = empty()
  const low = empty()
  const band = empty()
  shown.forEach((value, week) => (actual[week] = rounded(value)))
  if (shown.length > 0 && gap === 0) forecast[shown.length - 1] = rounded(shown[shown.length - 1])
  mean.forEach((value, week) => {
    forecast[offset + week] = rounded(value)
    low[offset + week] = rounded(lower[week])
    band[offset + week] = rounded(Math.max(0, upper[week] - lower[week]))
  })
  return { weeks, actual, forecast, lower: low, band, firstForecast: offset }
}

/** The segments' sizes at each snapshot, every segment named (zero when the snapshot leaves it out). */
export function segmentSeries(report: SegmentsReport): { dates: string[]; sizes: Record<Segment, number[]> } {
  const sizes = Object.fromEntries(
    SEGMENTS.map((segment) => [segment, report.snapshots.map((snapshot) => snapshot.sizes[segment] ?? 0)]),
  ) as Record<Segment, number[]>
  return { dates: report.snapshots.map((snapshot) => snapshot.asOf), sizes }
}

export function customersSeries(report: CustomersReport) {
  return {
    periods: report.periods.map((period) => periodLabel(period.start, report.granularity)),
    newCustomers: report.periods.map((period) => period.newCustomers),
    returning: report.periods.map((period) => period.returningCustomers),
    registrations: report.periods.map((period) => period.registrations),
  }
}

export function outcomesSeries(report: OutcomesReport) {
  return {
    periods: report.periods.map((period) => periodLabel(period.start, report.granularity)),
    confirmed: report.periods.map((period) => period.confirmed),
    rejected: report.periods.map((period) => period.rejected),
    cancelled: report.periods.map((period) => period.cancelled),
  }
}

/** Reasons, most frequent first. */
export function reasons(counts: Record<string, number>): { reason: string; count: number }[] {
  return Object.entries(counts)
    .map(([reason, count]) => ({ reason, count }))
    .sort((a, b) => b.count - a.count || a.reason.localeCompare(b.reason))
}

export type Verdict =
  /** No origin to test from: the history is too short. */
  | { kind: 'untested' }
  /** Errors smaller than the baseline's by `change` (0–1) of them. */
  | { kind: 'better'; change: number }
  | { kind: 'worse'; change: number }
  /** Within 2 % of the baseline's, or either could not be measured. */
  | { kind: 'even' }

/**
 * How the model did against the baseline (last year's same week, or last week) on the same past weeks,
 * from their MASE: how much smaller (or larger) its errors were.
 */
export function verdict(backtest: Backtest): Verdict {
  if (backtest.origins === 0) return { kind: 'untested' }
  const { mase, baselineMase } = backtest
  if (mase == null || baselineMase == null || baselineMase === 0) return { kind: 'even' }
  const change = (baselineMase - mase) / baselineMase
  if (Math.abs(change) < 0.02) return { kind: 'even' }
  return change > 0 ? { kind: 'better', change } : { kind: 'worse', change: -change }
}

/** A share list's names and units, largest first, with the rest of the range summed as one "other". */
export function shareSeries(shares: Share[], totalUnits?: number) {
  const sorted = [...shares].sort((a, b) => b.units - a.units)
  const listed = sorted.reduce((sum, share) => sum + share.units, 0)
  const other = totalUnits !== undefined ? Math.max(0, totalUnits - listed) : 0
  return { names: sorted.map((share) => share.name), units: sorted.map((share) => share.units), other }
}

// ECharts options. Colours: the shop's ink and red, and calm tones that stay apart for colour-blind readers.
export const COLOURS = {
  ink: '#2b2623',
  red: '#8b2e16',
  blue: '#2f6690',
  teal: '#3a7d6b',
  amber: '#b7791f',
  grey: '#8a817a',
  band: 'rgba(47, 102, 144, 0.18)',
}

export const SEGMENT_COLOURS: Record<Segment, string> = {
  CHAMPIONS: '#1f5f4a',
  LOYAL: '#3a7d6b',
  POTENTIAL: '#7fb685',
  NEW: '#2f6690',
  NEEDS_ATTENTION: '#e0a458',
  AT_RISK: '#b4442a',
  HIBERNATING: '#8a817a',
}

// Axis labels and names stay inside the chart (ECharts 6's outer bounds), however long.
const grid = { left: 8, right: 8, top: 40, bottom: 8, outerBoundsMode: 'same' as const, outerBoundsContain: 'all' as const }
const legend = { top: 0, type: 'scroll' as const }
const tooltip = { trigger: 'axis' as const, confine: true }

export interface SalesLabels {
  revenue: string
  orders: string
  money: (value: number) => string
}

export function salesOption(series: SalesSeries, labels: SalesLabels) {
  return {
    color: [COLOURS.red, COLOURS.blue],
    grid: { ...grid, right: 12 },
    legend,
    tooltip,
    xAxis: { type: 'category', data: series.periods },
    yAxis: [
      { type: 'value', name: labels.revenue, axisLabel: { formatter: labels.money } },
      { type: 'value', name: labels.orders, minInterval: 1, splitLine: { show: false } },
    ],
    series: [
      { name: labels.revenue, type: 'bar', data: series.revenue, tooltip: { valueFormatter: labels.money } },
      { name: labels.orders, type: 'line', yAxisIndex: 1, data: series.orders, symbolSize: 5 },
    ],
  }
}

export interface DemandLabels {
  actual: string
  forecast: string
  interval: string
  copies: string
}

export function demandOption(series: DemandSeries, labels: DemandLabels) {
  const forecastStart = series.weeks[series.firstForecast]
  return {
    color: [COLOURS.ink, COLOURS.blue, COLOURS.band, COLOURS.band],
    grid,
    legend: { ...legend, data: [labels.actual, labels.forecast, labels.interval] },
    tooltip: { ...tooltip, valueFormatter: (value: unknown) => (value == null ? '—' : String(value)) },
    xAxis: { type: 'category', data: series.weeks, boundaryGap: false },
    yAxis: { type: 'value', name: labels.copies, min: 0 },
    series: [
      { name: labels.actual, type: 'line', data: series.actual, showSymbol: false, lineStyle: { width: 1.5 } },
      {
        name: labels.forecast,
        type: 'line',
        data: series.forecast,
        showSymbol: false,
        lineStyle: { width: 2, type: 'dashed' },
        markLine: forecastStart
          ? { symbol: 'none', silent: true, label: { show: false }, lineStyle: { color: COLOURS.grey }, data: [{ xAxis: forecastStart }] }
          : undefined,
      },
      // The interval: its lower bound (not drawn), with the band stacked on it.
      { name: 'lower', type: 'line', data: series.lower, stack: 'interval', lineStyle: { opacity: 0 }, showSymbol: false, tooltip: { show: false } },
      {
        name: labels.interval,
        type: 'line',
        data: series.band,
        stack: 'interval',
        lineStyle: { opacity: 0 },
        showSymbol: false,
        areaStyle: { color: COLOURS.band },
        tooltip: { show: false },
      },
    ],
  }
}

export function stackedOption(
  periods: string[],
  parts: { name: string; data: number[]; colour: string }[],
  kind: 'bar' | 'area' = 'bar',
) {
  return {
    color: parts.map((part) => part.colour),
    grid,
    legend,
    tooltip,
    xAxis: { type: 'category', data: periods, boundaryGap: kind === 'bar' },
    yAxis: { type: 'value', minInterval: 1 },
    series: parts.map((part) =>
      kind === 'bar'
        ? { name: part.name, type: 'bar', stack: 'all', data: part.data }
        : { name: part.name, type: 'line', stack: 'all', areaStyle: {}, showSymbol: false, data: part.data },
    ),
  }
}

export function sharesOption(names: string[], units: number[], label: string) {
  return {
    color: [COLOURS.teal],
    grid: { ...grid, top: 8, right: 24 },
    tooltip: { ...tooltip, axisPointer: { type: 'shadow' } },
    // Largest at the top.
    yAxis: { type: 'category', data: [...names].reverse(), axisLabel: { width: 140, overflow: 'truncate' } },
    xAxis: { type: 'value', minInterval: 1 },
    series: [{ name: label, type: 'bar', data: [...units].reverse(), label: { show: true, position: 'right' } }],
  }
}
