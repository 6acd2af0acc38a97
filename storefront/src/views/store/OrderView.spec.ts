import { flushPromises } from '@vue/test-utils'
import { afterEach, describe, expect, it, vi } from 'vitest'
import type { Order, Tracking } from '@/api/types'
import { fakeApi, mountAt } from '@/testing/app'
import OrderView from './OrderView.vue'

function order(status: Order['status'], failureReason: string | null = null): Order {
  return {
    id: '5f0c8a52-0000-4000-8000-000000000001',
    customerId: 'c0ffee00-0000-4000-8000-000000000001',
    status,
    items: [{ bookId: 'b1', title: '三体', quantity: 1, unitPrice: { amount: 2300, currency: 'CNY' }, lineTotal: { amount: 2300, currency: 'CNY' } }],
    total: { amount: 2300, currency: 'CNY' },
    statusHistory: [{ status: 'PENDING', at: '2026-12-06T10:00:00Z' }, ...(status === 'PENDING' ? [] : [{ status, at: '2026-12-06T10:00:02Z', reason: failureReason }])],
    failureReason,
    placedAt: '2026-12-06T10:00:00Z',
    shippingAddress: { recipient: '韩梅梅', line1: '人民路 1 号', city: '北京', postalCode: '100000', country: 'CN' },
    paymentMethod: 'pm_card_visa',
  }
}

describe('the order page', () => {
  afterEach(() => {
    vi.useRealTimers()
    vi.unstubAllGlobals()
  })

  it('follows the saga by itself until the order is decided', async () => {
    vi.useFakeTimers()
    const answers = [order('PENDING'), order('PENDING'), order('CONFIRMED')]
    const api = fakeApi([])
    api.fetch.mockImplementation(async () => new Response(JSON.stringify(answers.shift() ?? order('CONFIRMED')), { status: 200 }))
    const { wrapper } = await mountAt(OrderView, '/orders/x', 'en', { id: order('PENDING').id })
    await flushPromises()
    expect(wrapper.get('[data-test="order-status"]').text()).toBe('Processing')

    await vi.advanceTimersByTimeAsync(500)
    await vi.advanceTimersByTimeAsync(1000)
    await flushPromises()

    expect(wrapper.get('[data-test="order-status"]').text()).toBe('Confirmed')
    const calls = api.fetch.mock.calls.length
    await vi.advanceTimersByTimeAsync(10_000)
    expect(api.fetch.mock.calls.length, 'no more polling once confirmed').toBe(calls)
    expect(wrapper.find('[data-test="cancel-order"]').exists()).toBe(true)
    wrapper.unmount()
  })

  it('explains a declined payment in plain words, in Chinese too', async () => {
    fakeApi([{ path: /\/api\/orders\//, body: order('CANCELLED', 'payment failed: card_declined') }])
    const { wrapper } = await mountAt(OrderView, '/orders/x', 'zh-CN', { id: 'x' })
    await flushPromises()
    expect(wrapper.get('[data-test="order-status"]').text()).toBe('已取消')
    expect(wrapper.get('[data-test="failure-reason"]').text()).toContain('发卡行拒绝了这笔付款')
    expect(wrapper.text()).not.toContain('card_declined')
    expect(wrapper.find('[data-test="cancel-order"]').exists()).toBe(false)
    wrapper.unmount()
  })

  it('follows the carrier until delivered, newest entry first, then offers receipt and reviews', async () => {
    vi.useFakeTimers()
    const shipped = { ...order('IN_TRANSIT'), shipment: { carrier: 'shunfeng', trackingNumber: 'SF1' } }
    const delivered = { ...shipped, status: 'DELIVERED' as const }
    const received = { ...shipped, status: 'RECEIVED' as const }
    const collected = { status: 'COLLECTED' as const, description: '快递员已揽收', place: '上海市', at: '2026-12-06T10:01:00Z' }
    const tracking = (orderStatus: Order['status'], events: Tracking['events']): Tracking => ({
      orderId: shipped.id,
      carrier: 'shunfeng',
      trackingNumber: 'SF1',
      status: events[0]?.status ?? null,
      orderStatus,
      events,
    })
    let current: Order = shipped
    const trackings = [
      tracking('IN_TRANSIT', [collected]),
      tracking('DELIVERED', [{ status: 'DELIVERED', description: '已签收', place: '北京', at: '2026-12-06T10:03:00Z' }, collected]),
    ]
    const api = fakeApi([])
    api.fetch.mockImplementation(async (input: string, init: RequestInit = {}) => {
      if (input.endsWith('/tracking')) {
        const next = trackings.length > 1 ? trackings.shift()! : trackings[0]
        if (next.orderStatus === 'DELIVERED') current = delivered
        return new Response(JSON.stringify(next), { status: 200 })
      }
      if (input.endsWith('/receive') && init.method === 'POST') return new Response(JSON.stringify(received), { status: 200 })
      return new Response(JSON.stringify(current), { status: 200 })
    })
    const { wrapper } = await mountAt(OrderView, '/orders/x', 'en', { id: shipped.id })
    await flushPromises()
    expect(wrapper.findAll('[data-test="tracking-event"]')).toHaveLength(1)
    expect(wrapper.find('[data-test="receive-order"]').exists()).toBe(false)
    expect(wrapper.find('[data-test="write-review"]').exists()).toBe(false)

    await vi.advanceTimersByTimeAsync(3000)
    await flushPromises()
    const events = wrapper.findAll('[data-test="tracking-event"]')
    expect(events.map((event) => event.attributes('data-status'))).toEqual(['DELIVERED', 'COLLECTED'])
    expect(events[0].text()).toContain('Delivered')
    expect(events[0].text()).toContain('北京')
    expect(wrapper.get('[data-test="tracking"]').text()).toBe('SF Express, tracking number SF1')
    expect(wrapper.get('[data-test="order-status"]').text()).toBe('Delivered')
    expect(wrapper.find('[data-test="receive-order"]').exists()).toBe(true)
    expect(wrapper.get('[data-test="write-review"]').attributes('href')).toBe('/books/b1#reviews')

    const calls = api.fetch.mock.calls.length
    await vi.advanceTimersByTimeAsync(10_000)
    expect(api.fetch.mock.calls.length, 'no more tracking reads once delivered').toBe(calls)
    wrapper.unmount()
  })
})
