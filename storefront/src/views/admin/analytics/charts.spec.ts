import { describe, expect, it } from 'vitest'
import type { Backtest } from './api'
import {
  daysBetween,
  demandSeries,
  periodLabel,
  plusDays,
  reasons,
  salesSeries,
  segmentSeries,
  shareSeries,
  verdict,
  weeksFrom,
} from './charts'
import { categories, monthlySales, segments, shopDemand, weeklySales } from './fixtures'
import { dashboardQuery, today } from './query'

describe('days on the shop’s calendar', () => {
  it('add and count across months and leap days', () => {
    expect(plusDays('2028-02-28', 1)).toBe('2028-02-29')
    expect(plusDays('2026-12-31', 1)).toBe('2027-01-01')
    expect(plusDays('2026-03-01', -1)).toBe('2026-02-28')
    expect(daysBetween('2026-01-01', '2026-12-31')).toBe(364)
    expect(weeksFrom('2026-12-28', 2)).toEqual(['2026-12-28', '2027-01-04'])
  })

  it('are today in Asia/Shanghai, whatever the browser’s zone', () => {
    // 20:00 UTC on 7 December is already 8 December in Beijing.
    expect(today(new Date('2026-12-07T20:00:00Z'))).toBe('2026-12-08')
  })
})

describe('sales as a chart', () => {
  it('has a point per period, revenue in yuan and orders as counted', () => {
    const series = salesSeries(weeklySales)
    expect(series.periods).toEqual(['2026-11-02', '2026-11-09', '2026-11-16'])
    expect(series.revenue).toEqual([450, 1800.5, 500])
    expect(series.orders).toEqual([10, 40, 12])
    expect(series.currency).toBe('CNY')
  })

  it('names months by their month', () => {
    expect(salesSeries(monthlySales).periods).toEqual(['2026-11'])
    expect(periodLabel('2026-11-01', 'DAY')).toBe('2026-11-01')
  })
})

describe('demand with its forecast band', () => {
  it('follows the weeks sold with the forecast weeks, the band stacked on the lower bound', () => {
    const series = demandSeries(shopDemand)
    expect(series.weeks).toEqual(['2026-10-19', '2026-10-26', '2026-11-02', '2026-11-09', '2026-11-16', '2026-11-23'])
    expect(series.actual).toEqual([100, 120, 300, 110, null, null])
    // The forecast line starts at the last week sold, so the two lines join.
    expect(series.forecast).toEqual([null, null, null, 110, 105, 98.3])
    expect(series.lower).toEqual([null, null, null, null, 80, 70])
    expect(series.band).toEqual([null, null, null, null, 50, 56.5])
    expect(series.firstForecast).toBe(4)
  })

  it('shows the last weeks of a long history only', () => {
    const series = demandSeries(shopDemand, 2)
    expect(series.weeks[0]).toBe('2026-11-02')
    expect(series.actual.slice(0, 2)).toEqual([300, 110])
    expect(series.weeks).toHaveLength(4)
  })

  it('leaves a gap when the forecast starts later than the week after the history', () => {
    const later = { ...shopDemand, forecast: { ...shopDemand.forecast, firstWeek: '2026-11-23' } }
    const series = demandSeries(later)
    expect(series.firstForecast).toBe(5)
    expect(series.forecast[3]).toBeNull()
    expect(series.weeks.at(-1)).toBe('2026-11-30')
  })
})

describe('segments over time', () => {
  it('name every segment at every month end, zero where the snapshot has none', () => {
    const series = segmentSeries(segments)
    expect(series.dates).toEqual(['2026-09-30', '2026-10-31'])
    expect(series.sizes.POTENTIAL).toEqual([0, 20])
    expect(series.sizes.HIBERNATING).toEqual([200, 200])
    expect(Object.keys(series.sizes)).toHaveLength(7)
  })
})

describe('shares and reasons', () => {
  it('list the largest first', () => {
    expect(shareSeries(categories.shares).names).toEqual(['科幻', '小说'])
    expect(reasons({ timeout: 1, 'payment failed': 3, abandoned: 1 })).toEqual([
      { reason: 'payment failed', count: 3 },
      { reason: 'abandoned', count: 1 },
      { reason: 'timeout', count: 1 },
    ])
  })
})

describe('the backtest’s verdict', () => {
  const tested: Backtest = { ...shopDemand.forecast.backtest }
  it('says by how much the model’s errors are smaller or larger than the baseline’s', () => {
    expect(verdict({ ...tested, mase: 0.6, baselineMase: 0.8 })).toEqual({ kind: 'better', change: expect.closeTo(0.25, 5) })
    expect(verdict({ ...tested, mase: 1.2, baselineMase: 0.8 })).toEqual({ kind: 'worse', change: expect.closeTo(0.5, 5) })
    expect(verdict({ ...tested, mase: 0.795, baselineMase: 0.8 })).toEqual({ kind: 'even' })
  })

  it('has nothing to say without origins, and calls it even when a measure is undefined', () => {
    expect(verdict({ ...tested, origins: 0, mase: null, baselineMase: null })).toEqual({ kind: 'untested' })
    expect(verdict({ ...tested, mase: null })).toEqual({ kind: 'even' })
  })
})

describe('the dashboard’s URL', () => {
  it('keeps a valid range, granularity and split', () => {
    expect(dashboardQuery({ from: '2025-01-01', to: '2025-12-31', granularity: 'MONTH', by: 'AUTHOR' }, '2026-12-07')).toMatchObject({
      from: '2025-01-01',
      to: '2025-12-31',
      granularity: 'MONTH',
      dimension: 'AUTHOR',
      book: '',
    })
  })

  it('falls back to the last 90 days by week for a missing, backwards, impossible or too long range', () => {
    const fallback = { from: '2026-09-09', to: '2026-12-07', granularity: 'WEEK', dimension: 'CATEGORY' }
    expect(dashboardQuery({}, '2026-12-07')).toMatchObject(fallback)
    expect(dashboardQuery({ from: '2026-12-01', to: '2026-11-01' }, '2026-12-07')).toMatchObject(fallback)
    expect(dashboardQuery({ from: '2026-02-30', to: '2026-03-01' }, '2026-12-07')).toMatchObject(fallback)
    expect(dashboardQuery({ from: '2000-01-01', to: '2026-12-01', granularity: 'YEAR' }, '2026-12-07')).toMatchObject(fallback)
  })

  it('names a chosen title by its id, and by the id when no title came with it', () => {
    expect(dashboardQuery({ book: 'book-1', bookTitle: '三体' }, '2026-12-07')).toMatchObject({ book: 'book-1', bookTitle: '三体' })
    expect(dashboardQuery({ book: 'book-1' }, '2026-12-07').bookTitle).toBe('book-1')
  })
})
