import { useI18n } from 'vue-i18n'
import type { Order, OrderStatus } from '@/api/types'

/** Statuses after which nothing more happens to an order without someone acting. */
export const SETTLED: readonly OrderStatus[] = ['CONFIRMED', 'REJECTED', 'CANCELLED', 'SHIPPED', 'IN_TRANSIT', 'DELIVERED', 'RECEIVED']
/** Statuses in which the customer may still cancel. */
export const CANCELLABLE: readonly OrderStatus[] = ['PENDING', 'AWAITING_PAYMENT', 'CONFIRMED']

/** Statuses of an order whose payment was taken (and not given back by a cancellation). */
export const PAID: readonly OrderStatus[] = ['CONFIRMED', 'SHIPPED', 'IN_TRANSIT', 'DELIVERED', 'RECEIVED']

/** Statuses in which the customer has the books and may review them. */
export const REVIEWABLE: readonly OrderStatus[] = ['DELIVERED', 'RECEIVED']

const PAYMENT_FAILED = 'payment failed: '

/** The order's failure reason, which the API gives in English, as a sentence in the reader's language. */
export function useFailureReason() {
  const { t, te } = useI18n()
  return (order: Pick<Order, 'failureReason'>): string | null => {
    const reason = order.failureReason?.trim()
    if (!reason) return null
    if (reason.startsWith(PAYMENT_FAILED)) {
      const code = reason.substring(PAYMENT_FAILED.length).trim()
      return te(`failure.payment.${code}`) ? t(`failure.payment.${code}`) : t('failure.payment.other')
    }
    return te(`failure.${reason}`) ? t(`failure.${reason}`) : t('failure.other')
  }
}

export function statusType(status: OrderStatus): 'success' | 'warning' | 'danger' | 'info' | 'primary' {
  switch (status) {
    case 'CONFIRMED':
    case 'DELIVERED':
    case 'RECEIVED':
      return 'success'
    case 'SHIPPED':
    case 'IN_TRANSIT':
      return 'primary'
    case 'REJECTED':
    case 'CANCELLED':
      return 'danger'
    default:
      return 'warning'
  }
}
