import { flushPromises, mount } from '@vue/test-utils'
import ElementPlus from 'element-plus'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import type { Order } from '@/api/types'
import { i18n, setLocale, type Locale } from '@/i18n'
import { fakeApi } from '@/testing/app'
import PaymentStep from './PaymentStep.vue'
import { drawQr, safeLink } from './qr'

const NOW = Date.parse('2026-12-07T04:00:00Z')
const QR_CONTENT = 'http://localhost:8080/api/payments/sandbox/pay/alipay-7f3a'

function awaiting(action: Partial<NonNullable<Order['paymentAction']>> = {}): Order {
  return {
    id: '5f0c8a52-0000-4000-8000-000000000001',
    customerId: 'c0ffee00-0000-4000-8000-000000000001',
    status: 'AWAITING_PAYMENT',
    paymentAction: { provider: 'alipay', kind: 'QR_CODE', value: QR_CONTENT, expiresAt: '2026-12-07T04:02:05Z', ...action },
    payBy: '2026-12-07T04:15:00Z',
    items: [{ bookId: 'b1', title: '三体', quantity: 1, unitPrice: { amount: 2300, currency: 'CNY' }, lineTotal: { amount: 2300, currency: 'CNY' } }],
    total: { amount: 2300, currency: 'CNY' },
    statusHistory: [{ status: 'PENDING', at: '2026-12-07T03:59:58Z' }, { status: 'AWAITING_PAYMENT', at: '2026-12-07T04:00:00Z' }],
    placedAt: '2026-12-07T03:59:58Z',
    shippingAddress: { recipient: '韩梅梅', line1: '人民路 1 号', city: '北京', postalCode: '100000', country: 'CN' },
    paymentMethod: 'alipay_qr',
  }
}

function mountStep(order: Order, locale: Locale = 'en') {
  setLocale(locale)
  return mount(PaymentStep, { props: { order }, global: { plugins: [i18n, ElementPlus] }, attachTo: document.body })
}

describe('the payment step', () => {
  beforeEach(() => {
    vi.useFakeTimers()
    vi.setSystemTime(NOW)
  })

  afterEach(() => {
    vi.useRealTimers()
    vi.unstubAllGlobals()
  })

  it('draws the QR code in the page, with the amount, the time left and a link to pay here', () => {
    const wrapper = mountStep(awaiting())

    const qr = wrapper.get('[data-test="payment-qr"]')
    expect(qr.element.tagName.toLowerCase()).toBe('svg')
    expect(qr.attributes('aria-label')).toBe('Alipay payment QR code')
    expect(qr.get('path').attributes('d')).toBe(drawQr(QR_CONTENT).path)
    expect(wrapper.find('img').exists(), 'nothing is fetched to draw it').toBe(false)
    expect(wrapper.get('[data-test="payment-amount"]').text()).toBe('¥23.00')
    expect(wrapper.get('[data-test="payment-countdown"]').text()).toBe('Time left to pay: 02:05')
    const here = wrapper.get('[data-test="payment-open-here"]')
    expect(here.attributes('href')).toBe(QR_CONTENT)
    expect(here.text()).toBe('Pay on this device')
    expect(wrapper.text()).toContain('Open the Alipay app')
    wrapper.unmount()
  })

  it('counts down every second and says when the QR code has expired', async () => {
    const wrapper = mountStep(awaiting(), 'zh-CN')
    expect(wrapper.get('[data-test="payment-countdown"]').text()).toBe('剩余支付时间 02:05')

    await vi.advanceTimersByTimeAsync(5_000)
    expect(wrapper.get('[data-test="payment-countdown"]').text()).toBe('剩余支付时间 02:00')

    await vi.advanceTimersByTimeAsync(120_000)
    expect(wrapper.get('[data-test="payment-countdown"]').text()).toBe('二维码已过期，请刷新二维码。')
    expect(wrapper.get('[data-test="payment-qr"]').classes()).toContain('stale')
    wrapper.unmount()
  })

  it('counts down to when the order stops waiting when the QR code names no expiry', () => {
    const wrapper = mountStep(awaiting({ provider: 'wechatpay', value: 'weixin://wxpay/bizpayurl?pr=abc', expiresAt: null }), 'zh-CN')

    expect(wrapper.get('[data-test="payment-countdown"]').text()).toBe('剩余支付时间 15:00')
    expect(wrapper.get('h2').text()).toBe('微信支付付款')
    expect(wrapper.get('[data-test="payment-open-here"]').attributes('href')).toBe('weixin://wxpay/bizpayurl?pr=abc')
    wrapper.unmount()
  })

  it('asks for a fresh QR code and tells the page to read the order again', async () => {
    const api = fakeApi([{ method: 'POST', path: /\/payment-action\/renew$/, status: 202 }])
    const wrapper = mountStep(awaiting())

    await wrapper.get('[data-test="payment-renew"]').trigger('click')
    await flushPromises()

    expect(api.requests.map((r) => `${r.method} ${r.url.pathname}`)).toEqual([
      'POST /api/orders/5f0c8a52-0000-4000-8000-000000000001/payment-action/renew',
    ])
    expect(wrapper.emitted('renewed')).toHaveLength(1)
    wrapper.unmount()
  })

  it('sends the customer to the provider for a redirect, and only to a web address', () => {
    const page = 'http://localhost:8080/api/payments/sandbox/pay/card-pi_sbx_1'
    const wrapper = mountStep(awaiting({ provider: 'sandbox', kind: 'REDIRECT', value: page, expiresAt: null }))

    const go = wrapper.get('[data-test="payment-redirect"]')
    expect(go.attributes('href')).toBe(page)
    expect(go.text()).toBe('Continue to pay')
    expect(wrapper.text()).toContain('3-D Secure')
    expect(wrapper.find('[data-test="payment-qr"]').exists()).toBe(false)
    expect(wrapper.find('[data-test="payment-renew"]').exists()).toBe(false)
    wrapper.unmount()

    const hostile = mountStep(awaiting({ kind: 'REDIRECT', value: 'javascript:alert(1)' }))
    expect(hostile.find('[data-test="payment-redirect"]').exists()).toBe(false)
    hostile.unmount()
  })

  it('never links a QR code whose content is no payment address', () => {
    const wrapper = mountStep(awaiting({ value: 'javascript:alert(1)' }))
    expect(wrapper.find('[data-test="payment-qr"]').exists()).toBe(true)
    expect(wrapper.find('[data-test="payment-open-here"]').exists()).toBe(false)
    wrapper.unmount()
    expect(safeLink('data:text/html,<b>x</b>')).toBeNull()
    expect(safeLink('not a url')).toBeNull()
    expect(safeLink('alipays://platformapi/startapp?saId=10000007')).not.toBeNull()
  })
})

describe('drawing a QR code', () => {
  it('squares the modules with a quiet zone and differs by content', () => {
    const one = drawQr('https://qr.alipay.com/bax01234')
    // 29 modules a side (version 3 at level M) and two blank modules around them.
    expect(one.size).toBe(29 + 4)
    expect(one.path).toMatch(/^(M\d+ \d+h1v1h-1z)+$/)
    // The finder pattern's dark corner, just inside the quiet zone.
    expect(one.path.startsWith('M2 2h1v1h-1z')).toBe(true)
    expect(drawQr('https://qr.alipay.com/bax56789').path).not.toBe(one.path)
  })
})
