import { flushPromises } from '@vue/test-utils'
import { afterEach, describe, expect, it, vi } from 'vitest'
import type { Order } from '@/api/types'
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
})
