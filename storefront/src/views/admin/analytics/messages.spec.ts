import { describe, expect, it } from 'vitest'
import en from '@/i18n/locales/en/analytics'
import zh from '@/i18n/locales/zh-CN/analytics'
import { DIMENSIONS, GRANULARITIES, SEGMENTS } from './api'

// Every console source file, to find the analytics message keys it names.
const sources = import.meta.glob<string>(['../**/*.vue', '../**/*.ts', '!../**/*.spec.ts'], {
  query: '?raw',
  import: 'default',
  eager: true,
})

function has(messages: unknown, key: string): boolean {
  const value = key.split('.').reduce<unknown>((node, part) => (node as Record<string, unknown> | undefined)?.[part], messages)
  return typeof value === 'string' && value.trim() !== ''
}

describe('the analytics messages', () => {
  it('have every key a console file names literally, in both languages', () => {
    const named = new Set<string>()
    for (const text of Object.values(sources)) {
      for (const match of text.matchAll(/['"`](analytics\.[A-Za-z0-9_.-]+[A-Za-z0-9_])['"`]/g)) named.add(match[1])
    }
    // The problems' messages are named by their context (ProblemAlert's `context`), each by its problem's type.
    named.delete('analytics.problems')
    expect(named.size).toBeGreaterThan(80)
    expect([...named].filter((key) => !has(en, key) || !has(zh, key))).toEqual([])
  })

  it('name every value of the API the dashboard translates', () => {
    const keys = [
      ...SEGMENTS.flatMap((s) => [`analytics.segments.${s}`, `analytics.segmentMeaning.${s}`]),
      ...GRANULARITIES.map((g) => `analytics.granularity.${g}`),
      ...DIMENSIONS.map((d) => `analytics.shares.${d}`),
      // Forecast.model and Backtest.baseline as analytics-service documents them.
      ...['seasonal-regression', 'seasonal-arima', 'linear-trend', 'mean', 'zero'].map((m) => `analytics.models.${m}`),
      ...['seasonal-naive', 'naive'].map((b) => `analytics.baselines.${b}`),
      ...['recency', 'frequency', 'monetary'].map((score) => `analytics.customer.${score}`),
      // The problems analytics-service answers that the dashboard words itself.
      ...['analytics-unavailable', 'customer-not-found', 'invalid-range', 'book-not-found'].map((p) => `analytics.problems.${p}`),
    ]
    expect(keys.filter((key) => !has(en, key) || !has(zh, key))).toEqual([])
  })
})
