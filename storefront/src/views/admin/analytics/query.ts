// The dashboard's choices as its URL keeps them: the days, the granularity, what sales are split by and
// the title whose forecast is shown. Anything missing or invalid falls back to the default.
import type { LocationQuery } from 'vue-router'
import { single } from '../composables'
import { type Dimension, DIMENSIONS, type Granularity, GRANULARITIES } from './api'
import { daysBetween, plusDays } from './charts'

/** The shop's calendar (analytics counts days in it). */
export const SHOP_ZONE = 'Asia/Shanghai'
/** Shown when the URL names no range: the last 90 days, by week. */
export const DEFAULT_DAYS = 90
/** analytics-service's longest range. */
export const MAX_DAYS = 3660

export interface DashboardQuery {
  from: string
  to: string
  granularity: Granularity
  dimension: Dimension
  book: string
  bookTitle: string
}

/** Today on the shop's calendar, yyyy-mm-dd. */
export function today(now = new Date()): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone: SHOP_ZONE, year: 'numeric', month: '2-digit', day: '2-digit' }).format(now)
}

const DAY = /^\d{4}-\d{2}-\d{2}$/
const isDay = (text: string) => DAY.test(text) && plusDays(text, 0) === text

export function dashboardQuery(query: LocationQuery, todayIs: string): DashboardQuery {
  let from = single(query.from)
  let to = single(query.to)
  if (!isDay(from) || !isDay(to) || daysBetween(from, to) < 0 || daysBetween(from, to) >= MAX_DAYS) {
    to = todayIs
    from = plusDays(todayIs, 1 - DEFAULT_DAYS)
  }
  const granularity = single(query.granularity)
  const dimension = single(query.by)
  const book = single(query.book).slice(0, 100)
  return {
    from,
    to,
    granularity: (GRANULARITIES as readonly string[]).includes(granularity) ? (granularity as Granularity) : 'WEEK',
    dimension: (DIMENSIONS as readonly string[]).includes(dimension) ? (dimension as Dimension) : 'CATEGORY',
    book,
    bookTitle: book ? single(query.bookTitle).slice(0, 300) || book : '',
  }
}
