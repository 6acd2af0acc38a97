// The orders list's filters as the URL keeps them (local calendar days) and as the API takes them
// (instants: placedAt ≥ from and < to).
import type { Query } from '@/api/http'
import type { OrderStatus } from '@/api/types'
import { ORDER_STATUSES } from './api'

export interface OrderFilters {
  status: string
  /** An account id. */
  customer: string
  /** yyyy-MM-dd, the first day shown, in the browser's time zone. */
  from: string
  /** yyyy-MM-dd, the last day shown. */
  to: string
}

/** Midnight at the start of a calendar day in the browser's time zone, or null if it is no such day. */
export function startOfLocalDay(day: string, plusDays = 0): Date | null {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(day)
  if (!match) return null
  const [year, month, date] = [Number(match[1]), Number(match[2]), Number(match[3])]
  const start = new Date(year, month - 1, date)
  if (start.getFullYear() !== year || start.getMonth() !== month - 1 || start.getDate() !== date) return null
  // Constructing the day after (not adding 24 h) stays right across a daylight-saving change.
  return new Date(year, month - 1, date + plusDays)
}

export function orderStatusOf(text: string): OrderStatus | undefined {
  return (ORDER_STATUSES as string[]).includes(text) ? (text as OrderStatus) : undefined
}

/**
 * The query for GET /api/orders: from = the start of the first day, to = the start of the day after
 * the last, so the last day is included whole. `page` is 1-based; the API's is 0-based.
 */
export function ordersQuery(filters: OrderFilters, page: number, size: number): Query {
  return {
    status: orderStatusOf(filters.status),
    customerId: filters.customer.trim() || undefined,
    from: startOfLocalDay(filters.from)?.toISOString(),
    to: startOfLocalDay(filters.to, 1)?.toISOString(),
    page: page - 1,
    size,
  }
}
