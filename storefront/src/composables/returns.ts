// The rules of returns (退货) and refunds as the order resource states them (see order-service/README.md),
// for the customer's order page and the console alike: what may still be returned, which step each
// side may take in each status, and what is still open.
import { useI18n } from 'vue-i18n'
import type { Money, Order, OrderReturn, Refund, ReturnStatus } from '@/api/types'

/** The statuses every return ends in. */
export const RETURN_TERMINAL: readonly ReturnStatus[] = ['COMPLETED', 'REJECTED', 'CANCELLED']
/** Statuses whose return no longer holds copies of the order: they may be returned again. */
const RELEASED: readonly ReturnStatus[] = ['REJECTED', 'CANCELLED']
/** A return's reason, and an admin's reason to reject or refund: 1 to this many characters. */
export const REASON_MAX = 500

export type CustomerReturnAction = 'withdraw' | 'sendBack'
export type StaffReturnAction = 'approve' | 'reject' | 'receive'

export const isOpenReturn = (entry: Pick<OrderReturn, 'status'>) => !RETURN_TERMINAL.includes(entry.status)
const isPending = (refund: Pick<Refund, 'status'>) => refund.status === 'PENDING'

/**
 * Copies of each line (by book id) the customer may still ask to return: what the order holds minus
 * what other returns cover, rejected and cancelled ones aside.
 */
export function returnableQuantities(order: Pick<Order, 'items' | 'returns'>): Map<string, number> {
  const left = new Map(order.items.map((item) => [item.bookId, item.quantity]))
  for (const entry of order.returns ?? []) {
    if (RELEASED.includes(entry.status)) continue
    for (const item of entry.items) left.set(item.bookId, Math.max(0, (left.get(item.bookId) ?? 0) - item.quantity))
  }
  return left
}

/** Whether the customer may ask for a return now: within the window, with a copy left to return. */
export function canRequestReturn(order: Pick<Order, 'items' | 'returns' | 'returnableUntil'>, now = Date.now()): boolean {
  if (!order.returnableUntil || Date.parse(order.returnableUntil) <= now) return false
  return [...returnableQuantities(order).values()].some((quantity) => quantity > 0)
}

/** What a customer may do to their return: withdraw it until it is sent, say it is sent once approved. */
export function customerActions(status: ReturnStatus): CustomerReturnAction[] {
  switch (status) {
    case 'REQUESTED':
      return ['withdraw']
    case 'APPROVED':
      return ['sendBack', 'withdraw']
    default:
      return []
  }
}

/** What staff may do: decide a requested return, record an approved or sent-back one received. */
export function staffActions(status: ReturnStatus): StaffReturnAction[] {
  switch (status) {
    case 'REQUESTED':
      return ['approve', 'reject']
    case 'APPROVED':
    case 'SENT_BACK':
      return ['receive']
    default:
      return []
  }
}

/** An order with a return not yet ended or a refund not yet settled (what the returns queue lists). */
export function afterSaleOpen(order: Pick<Order, 'returns' | 'refunds'>): boolean {
  return (order.returns ?? []).some(isOpenReturn) || (order.refunds ?? []).some(isPending)
}

/** Something about to change without anyone acting: a received return being refunded, a refund at payment. */
export function afterSaleSettling(order: Pick<Order, 'returns' | 'refunds'>): boolean {
  return (order.returns ?? []).some((entry) => entry.status === 'RECEIVED') || (order.refunds ?? []).some(isPending)
}

/** What may still be refunded, in minor units: the total less what was refunded and what is being refunded. */
export function refundableAmount(order: Pick<Order, 'total' | 'refunded' | 'refunds'>): number {
  const pending = (order.refunds ?? []).filter(isPending).reduce((sum, refund) => sum + refund.amount.amount, 0)
  return Math.max(0, order.total.amount - (order.refunded?.amount ?? 0) - pending)
}

/** What returning these copies refunds: quantity × unit price of each line chosen. */
export function refundOf(order: Pick<Order, 'items' | 'total'>, quantities: Record<string, number>): Money {
  const amount = order.items.reduce((sum, item) => sum + (quantities[item.bookId] ?? 0) * item.unitPrice.amount, 0)
  return { amount, currency: order.total.currency }
}

/** A return's status as a tag colour. */
export function returnStatusType(status: ReturnStatus): 'success' | 'warning' | 'danger' | 'info' | 'primary' {
  switch (status) {
    case 'REQUESTED':
      return 'warning'
    case 'COMPLETED':
      return 'success'
    case 'REJECTED':
      return 'danger'
    case 'CANCELLED':
      return 'info'
    default:
      return 'primary'
  }
}

/**
 * A return's reason for a step: the shop's own fixed English phrases (withdrawn, timed out) in the
 * reader's language; what an admin typed (a rejection) as it is.
 */
export function useReturnReason() {
  const { t, te } = useI18n()
  return (reason: string) => (te(`returns.reasons.${reason}`) ? t(`returns.reasons.${reason}`) : reason)
}
