import { describe, expect, it } from 'vitest'
import type { Order, OrderReturn, Refund, ReturnStatus } from '@/api/types'
import {
  afterSaleOpen,
  afterSaleSettling,
  canRequestReturn,
  customerActions,
  refundableAmount,
  refundOf,
  returnableQuantities,
  staffActions,
} from './returns'

const yuan = (amount: number) => ({ amount, currency: 'CNY' })
const NOW = Date.parse('2026-12-10T00:00:00Z')

function aReturn(status: ReturnStatus, items: [string, number][]): OrderReturn {
  return {
    id: `r-${status}`,
    status,
    items: items.map(([bookId, quantity]) => ({ bookId, title: bookId, quantity, unitPrice: yuan(2300) })),
    reason: '不想要了',
    refundAmount: yuan(2300),
    requestedAt: '2026-12-09T00:00:00Z',
    history: [],
  }
}

function aRefund(status: Refund['status'], amount: number): Refund {
  return { id: `f-${status}-${amount}`, amount: yuan(amount), reason: '破损', status, requestedAt: '2026-12-09T00:00:00Z' }
}

function order(returns: OrderReturn[] = [], extra: Partial<Order> = {}) {
  return {
    items: [
      { bookId: 'b1', title: '三体', quantity: 2, unitPrice: yuan(2300), lineTotal: yuan(4600) },
      { bookId: 'b2', title: '活着', quantity: 1, unitPrice: yuan(1800), lineTotal: yuan(1800) },
    ],
    total: yuan(6400),
    returns,
    refunds: [] as Refund[],
    refunded: null,
    returnableUntil: '2026-12-13T10:00:00Z',
    ...extra,
  }
}

describe('returnable quantities', () => {
  it('are every copy of every line before any return', () => {
    expect(Object.fromEntries(returnableQuantities(order()))).toEqual({ b1: 2, b2: 1 })
  })

  it('leave out copies other returns cover, except rejected and cancelled ones', () => {
    const returns = [
      aReturn('REQUESTED', [['b1', 1]]),
      aReturn('COMPLETED', [['b2', 1]]),
      aReturn('REJECTED', [['b1', 1]]),
      aReturn('CANCELLED', [['b1', 1]]),
    ]
    expect(Object.fromEntries(returnableQuantities(order(returns)))).toEqual({ b1: 1, b2: 0 })
  })

  it('never go below zero', () => {
    const returns = [aReturn('APPROVED', [['b2', 1]]), aReturn('SENT_BACK', [['b2', 1]])]
    expect(returnableQuantities(order(returns)).get('b2')).toBe(0)
  })
})

describe('asking for a return', () => {
  it('is possible while the window is open and a copy is left', () => {
    expect(canRequestReturn(order(), NOW)).toBe(true)
  })

  it('is not possible once the window closed, or without one', () => {
    expect(canRequestReturn(order([], { returnableUntil: '2026-12-09T23:59:59Z' }), NOW)).toBe(false)
    expect(canRequestReturn(order([], { returnableUntil: null }), NOW)).toBe(false)
  })

  it('is not possible when every copy is being returned already', () => {
    expect(canRequestReturn(order([aReturn('REQUESTED', [['b1', 2], ['b2', 1]])]), NOW)).toBe(false)
  })
})

describe('the steps of a return', () => {
  it.each([
    ['REQUESTED', ['withdraw'], ['approve', 'reject']],
    ['APPROVED', ['sendBack', 'withdraw'], ['receive']],
    ['SENT_BACK', [], ['receive']],
    ['RECEIVED', [], []],
    ['COMPLETED', [], []],
    ['REJECTED', [], []],
    ['CANCELLED', [], []],
  ] as const)('in %s: the customer may %j, staff may %j', (status, customer, staff) => {
    expect(customerActions(status)).toEqual(customer)
    expect(staffActions(status)).toEqual(staff)
  })
})

describe('after the sale', () => {
  it('is open while a return has not ended or a refund is pending', () => {
    expect(afterSaleOpen(order())).toBe(false)
    expect(afterSaleOpen(order([aReturn('COMPLETED', [['b1', 1]]), aReturn('REJECTED', [['b2', 1]])]))).toBe(false)
    expect(afterSaleOpen(order([aReturn('SENT_BACK', [['b1', 1]])]))).toBe(true)
    expect(afterSaleOpen({ ...order(), refunds: [aRefund('REFUNDED', 100), aRefund('PENDING', 200)] })).toBe(true)
  })

  it('settles by itself once a return is received or a refund is at payment', () => {
    expect(afterSaleSettling(order([aReturn('APPROVED', [['b1', 1]])]))).toBe(false)
    expect(afterSaleSettling(order([aReturn('RECEIVED', [['b1', 1]])]))).toBe(true)
    expect(afterSaleSettling({ ...order(), refunds: [aRefund('PENDING', 200)] })).toBe(true)
    expect(afterSaleSettling({ ...order(), refunds: [aRefund('REFUSED', 200)] })).toBe(false)
  })

  it('refunds at most the total less what was refunded and what is pending', () => {
    expect(refundableAmount(order())).toBe(6400)
    const refunds = [aRefund('REFUNDED', 2300), aRefund('PENDING', 500), aRefund('REFUSED', 1000)]
    expect(refundableAmount({ ...order(), refunds, refunded: yuan(2300) })).toBe(3600)
    expect(refundableAmount({ ...order(), refunded: yuan(6400), refunds: [aRefund('PENDING', 100)] })).toBe(0)
  })

  it('refunds a return at quantity × unit price of its lines', () => {
    expect(refundOf(order(), { b1: 1, b2: 1 })).toEqual(yuan(4100))
    expect(refundOf(order(), {})).toEqual(yuan(0))
  })
})
