import { flushPromises } from '@vue/test-utils'
import { afterEach, describe, expect, it, vi } from 'vitest'
import type { Order, OrderReturn, Tracking } from '@/api/types'
import { fakeApi, mountAt, settle } from '@/testing/app'
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

describe('returns on the order page', () => {
  const yuan = (amount: number) => ({ amount, currency: 'CNY' })
  const MARKUP = '<b>破损</b><img src=x onerror="window.__xss=1">'

  function received(returns: OrderReturn[] = [], returnableUntil: string | null = '2099-01-01T00:00:00Z'): Order {
    return {
      ...order('RECEIVED'),
      items: [
        { bookId: 'b1', title: '三体', quantity: 2, unitPrice: yuan(2300), lineTotal: yuan(4600) },
        { bookId: 'b2', title: '活着', quantity: 1, unitPrice: yuan(1800), lineTotal: yuan(1800) },
      ],
      total: yuan(6400),
      shipment: null,
      returnableUntil,
      returns,
      refunds: [],
    }
  }

  function aReturn(status: OrderReturn['status'], extra: Partial<OrderReturn> = {}): OrderReturn {
    return {
      id: 'r1',
      status,
      items: [{ bookId: 'b1', title: '三体', quantity: 1, unitPrice: yuan(2300) }],
      reason: MARKUP,
      refundAmount: yuan(2300),
      requestedAt: '2026-12-07T10:00:00Z',
      deadline: '2026-12-09T10:00:00Z',
      history: [{ status: 'REQUESTED', at: '2026-12-07T10:00:00Z' }],
      ...extra,
    }
  }

  afterEach(() => vi.unstubAllGlobals())

  it('asks for a return of chosen copies with a reason, then shows it with its reason as text', async () => {
    const api = fakeApi([
      { path: /\/api\/orders\/[^/]+$/, body: received() },
      { method: 'POST', path: /\/returns$/, status: 201, body: received([aReturn('REQUESTED')]) },
    ])
    const { wrapper } = await mountAt(OrderView, '/orders/x', 'en', { id: 'x' })
    await settle()
    await wrapper.get('[data-test="return-start"]').trigger('click')
    await settle()

    const lines = wrapper.findAll('[data-test="return-quantity"]')
    expect(lines.map((line) => line.attributes('data-book-id'))).toEqual(['b1', 'b2'])
    await wrapper.get('[data-test="return-submit"]').trigger('submit')
    await settle()
    expect(wrapper.text()).toContain('Please choose at least one copy.')
    expect(wrapper.text()).toContain('Please tell us why.')
    expect(api.requests.filter((request) => request.method === 'POST')).toHaveLength(0)

    const copies = lines[0].get('input')
    await copies.setValue('1')
    await copies.trigger('change')
    await wrapper.get('textarea[data-test="return-reason-input"]').setValue(MARKUP)
    await settle()
    expect(wrapper.get('[data-test="return-preview"]').text()).toContain('¥23.00')
    expect(wrapper.get('[data-test="return-form"]').text()).toContain(`${MARKUP.length} / 500`)
    await wrapper.get('[data-test="return-form"]').trigger('submit')
    await settle()

    const sent = api.requests.find((request) => request.method === 'POST')
    expect(sent?.url.pathname).toBe(`/api/orders/${received().id}/returns`)
    expect(sent?.body).toEqual({ items: [{ bookId: 'b1', quantity: 1 }], reason: MARKUP })
    const card = wrapper.get('[data-test="return"]')
    expect(card.get('[data-test="return-status"]').attributes('data-status')).toBe('REQUESTED')
    expect(card.get('[data-test="return-reason"]').text()).toBe(MARKUP)
    expect(card.find('b').exists()).toBe(false)
    expect(card.find('img').exists()).toBe(false)
    expect(card.get('[data-test="return-refund"]').text()).toBe('Refund ¥23.00')
    expect(card.get('[data-test="return-deadline"]').text()).toContain('approved automatically')
    expect(card.find('[data-test="return-withdraw"]').exists()).toBe(true)
    expect(card.find('[data-test="return-send-back"]').exists()).toBe(false)
    // One copy of 三体 and the copy of 活着 are left to return.
    expect(wrapper.find('[data-test="return-start"]').exists()).toBe(true)
    wrapper.unmount()
  })

  it('offers no return once the window has closed, and none of the copies already being returned', async () => {
    fakeApi([{ path: /\/api\/orders\//, body: received([], null) }])
    const closed = await mountAt(OrderView, '/orders/x', 'zh-CN', { id: 'x' })
    await settle()
    expect(closed.wrapper.find('[data-test="return-start"]').exists()).toBe(false)
    expect(closed.wrapper.find('[data-test="order-returns"]').exists()).toBe(false)
    closed.wrapper.unmount()

    const busy = aReturn('APPROVED', { items: [{ bookId: 'b1', title: '三体', quantity: 2, unitPrice: yuan(2300) }] })
    fakeApi([{ path: /\/api\/orders\//, body: received([busy]) }])
    const open = await mountAt(OrderView, '/orders/x', 'zh-CN', { id: 'x' })
    await settle()
    await open.wrapper.get('[data-test="return-start"]').trigger('click')
    await settle()
    const lines = open.wrapper.findAll('[data-test="return-quantity"]')
    expect(lines.map((line) => line.attributes('data-book-id'))).toEqual(['b2'])
    expect(open.wrapper.text()).toContain('最多 1 本')
    open.wrapper.unmount()
  })

  it('says an approved return is sent back, with the carrier and the tracking number', async () => {
    const approved = aReturn('APPROVED')
    const sentBack = aReturn('SENT_BACK', { carrier: 'shunfeng', trackingNumber: 'SF123', deadline: null })
    const api = fakeApi([
      { path: /\/api\/orders\/[^/]+$/, body: received([approved]) },
      { method: 'POST', path: /\/returns\/r1\/send-back$/, body: received([sentBack]) },
    ])
    const { wrapper } = await mountAt(OrderView, '/orders/x', 'en', { id: 'x' })
    await settle()
    expect(wrapper.get('[data-test="return-deadline"]').text()).toContain('Please send the books back by')
    await wrapper.get('[data-test="return-send-back"]').trigger('click')
    await settle()
    await wrapper.get('input[data-test="send-back-tracking"]').setValue(' SF123 ')
    await wrapper.get('[data-test="send-back-form"]').trigger('submit')
    await settle()

    const sent = api.requests.find((request) => request.method === 'POST')
    expect(sent?.body).toEqual({ carrier: null, trackingNumber: 'SF123' })
    expect(wrapper.get('[data-test="return-status"]').attributes('data-status')).toBe('SENT_BACK')
    expect(wrapper.get('[data-test="return-parcel"]').text()).toBe('Sent back with SF Express, tracking number SF123')
    expect(wrapper.find('[data-test="return-withdraw"]').exists()).toBe(false)
    wrapper.unmount()
  })

  it('shows why a return was rejected, and the refunds with the refunded total', async () => {
    const rejected = aReturn('REJECTED', { outcomeReason: '图书已有使用痕迹', deadline: null })
    const withdrawn = aReturn('CANCELLED', { id: 'r0', requestedAt: '2026-12-07T09:00:00Z', outcomeReason: 'withdrawn by the customer', deadline: null })
    const refunded: Order = {
      ...received([withdrawn, rejected]),
      refunded: yuan(500),
      refunds: [{ id: 'f1', amount: yuan(500), reason: '封面破损', status: 'REFUNDED', requestedAt: '2026-12-07T11:00:00Z', settledAt: '2026-12-07T11:00:01Z' }],
    }
    fakeApi([{ path: /\/api\/orders\//, body: refunded }])
    const { wrapper } = await mountAt(OrderView, '/orders/x', 'zh-CN', { id: 'x' })
    await settle()
    // Newest first; the shop's own phrase in Chinese, the admin's words as they are.
    expect(wrapper.findAll('[data-test="return-outcome"]').map((outcome) => outcome.text())).toEqual(['原因：图书已有使用痕迹', '原因：顾客已撤销'])
    expect(wrapper.find('[data-test="return-withdraw"]').exists()).toBe(false)
    expect(wrapper.find('[data-test="return-deadline"]').exists()).toBe(false)
    const refund = wrapper.get('[data-test="refund"]')
    expect(refund.attributes('data-status')).toBe('REFUNDED')
    expect(refund.text()).toContain('¥5.00')
    expect(refund.text()).toContain('封面破损')
    expect(wrapper.get('[data-test="order-refunded"]').text()).toBe('¥5.00')
    wrapper.unmount()
  })

  it('shows the payment step while the order awaits payment, every 2 s, and moves on once paid', async () => {
    vi.useFakeTimers()
    vi.setSystemTime(Date.parse('2026-12-06T10:00:05Z'))
    const waiting: Order = {
      ...order('AWAITING_PAYMENT'),
      paymentMethod: 'wechat_native',
      paymentAction: { provider: 'wechatpay', kind: 'QR_CODE', value: 'weixin://wxpay/bizpayurl?pr=abc', expiresAt: '2026-12-06T10:15:00Z' },
      payBy: '2026-12-06T10:15:00Z',
    }
    const paid: Order = { ...order('CONFIRMED'), paymentMethod: 'wechat_native' }
    const answers = [waiting, waiting, paid]
    const api = fakeApi([])
    api.fetch.mockImplementation(async () => new Response(JSON.stringify(answers.shift() ?? paid), { status: 200 }))
    const { wrapper } = await mountAt(OrderView, '/orders/x?placed=1', 'zh-CN', { id: waiting.id })
    await flushPromises()
    expect(wrapper.get('[data-test="order-status"]').text()).toBe('待支付')
    expect(wrapper.get('[data-test="payment-step"]').attributes('data-kind')).toBe('QR_CODE')
    expect(wrapper.get('[data-test="payment-method"]').text()).toBe('微信支付')
    expect(wrapper.text(), 'the payment step, not "we are confirming your order"').not.toContain('我们正在确认您的订单')

    await vi.advanceTimersByTimeAsync(1_999)
    expect(api.fetch.mock.calls.length, 'not read again before 2 s').toBe(1)
    await vi.advanceTimersByTimeAsync(1)
    expect(api.fetch.mock.calls.length).toBe(2)
    await vi.advanceTimersByTimeAsync(2_000)
    await flushPromises()

    expect(wrapper.get('[data-test="order-status"]').text()).toBe('已确认')
    expect(wrapper.find('[data-test="payment-step"]').exists()).toBe(false)
    expect(wrapper.get('[data-test="payment-paid"]').text()).toContain('支付成功')
    wrapper.unmount()
  })

  it('says an order that was not paid in time was cancelled', async () => {
    // order-service gives the payment deadline's cancellation its saga timeout's reason.
    fakeApi([{ path: /\/api\/orders\//, body: { ...order('CANCELLED', 'timeout'), paymentMethod: 'alipay_qr' } }])
    const { wrapper } = await mountAt(OrderView, '/orders/x', 'en', { id: 'x' })
    await flushPromises()
    expect(wrapper.get('[data-test="failure-reason"]').text()).toContain('could not be completed in time')
    expect(wrapper.find('[data-test="payment-step"]').exists()).toBe(false)
    expect(wrapper.find('[data-test="payment-paid"]').exists()).toBe(false)
    wrapper.unmount()
  })
})
