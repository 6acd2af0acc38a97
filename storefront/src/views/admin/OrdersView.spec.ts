import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest'
import { ordersQuery, startOfLocalDay } from './orderFilters'
import OrdersView from './OrdersView.vue'
import { fakeApi, mountPage, settle } from '@/testing/app'

// The first page mounted loads the console's modules; that takes a while on a busy machine.
vi.setConfig({ testTimeout: 30_000 })

// The date range is in the browser's time zone; the API wants instants. Shanghai is UTC+8 all year.
const zone = process.env.TZ
beforeAll(() => {
  process.env.TZ = 'Asia/Shanghai'
})
afterAll(() => {
  process.env.TZ = zone
})

const order = (id: string, extra: Record<string, unknown> = {}) => ({
  id,
  status: 'CONFIRMED',
  customerId: 'c0ffee00-1111-2222-3333-444444444444',
  items: [{ bookId: 'b-1', title: '三体', quantity: 2, unitPrice: { amount: 2300, currency: 'CNY' }, lineTotal: { amount: 4600, currency: 'CNY' } }],
  total: { amount: 4600, currency: 'CNY' },
  statusHistory: [{ status: 'PENDING', at: '2025-03-02T01:00:00Z' }],
  placedAt: '2025-03-02T01:00:00Z',
  shippingAddress: { recipient: '王', line1: '长安街 1 号', city: '北京', postalCode: '100000', country: 'CN' },
  paymentMethod: 'pm_card_visa',
  ...extra,
})
const page = (items: unknown[]) => ({ items, page: 0, size: 20, total: items.length })

const mounted: { unmount(): void }[] = []
afterEach(() => {
  mounted.splice(0).forEach((wrapper) => wrapper.unmount())
  vi.unstubAllGlobals()
})

describe('the orders filter, as the API takes it', () => {
  it('turns the chosen days into instants: from the start of the first day to the start of the day after the last', () => {
    expect(ordersQuery({ status: 'SHIPPED', customer: ' u-1 ', from: '2025-03-01', to: '2025-03-31' }, 3, 50)).toEqual({
      status: 'SHIPPED',
      customerId: 'u-1',
      from: '2025-02-28T16:00:00.000Z',
      to: '2025-03-31T16:00:00.000Z',
      page: 2,
      size: 50,
    })
  })

  it('leaves out what is not chosen, and what is not a status or not a day', () => {
    expect(ordersQuery({ status: 'LOST', customer: '', from: '2025-02-30', to: 'yesterday' }, 1, 20)).toEqual({
      status: undefined,
      customerId: undefined,
      from: undefined,
      to: undefined,
      page: 0,
      size: 20,
    })
  })

  it('takes a one-day range as that whole day', () => {
    const query = ordersQuery({ status: '', customer: '', from: '2025-12-31', to: '2025-12-31' }, 1, 20)
    expect(query.from).toBe('2025-12-30T16:00:00.000Z')
    expect(query.to).toBe('2025-12-31T16:00:00.000Z')
    expect(startOfLocalDay('2024-02-29', 1)?.toISOString()).toBe('2024-02-29T16:00:00.000Z')
  })
})

describe('the orders page', () => {
  it('asks the API for what the URL says, dates as instants and pages counted from one', async () => {
    const api = fakeApi([{ path: '/api/orders', body: page([order('0f3a9c1e-aaaa-bbbb-cccc-000000000001')]) }])
    const { wrapper } = await mountPage('/admin/orders?status=CONFIRMED&from=2025-03-01&to=2025-03-31&page=2')
    mounted.push(wrapper)
    expect(Object.fromEntries(api.requests[0].url.searchParams)).toEqual({
      status: 'CONFIRMED',
      from: '2025-02-28T16:00:00.000Z',
      to: '2025-03-31T16:00:00.000Z',
      page: '1',
      size: '20',
    })
    const row = wrapper.get('[data-test="order-row"]')
    expect(row.text()).toContain('0f3a9c1e')
    expect(row.text()).toContain('¥46.00')
    expect(row.text()).toContain('Confirmed')
  })

  it('puts the chosen filters into the URL, from page one, and asks again', async () => {
    const api = fakeApi([{ path: '/api/orders', body: page([]) }])
    const { wrapper, router } = await mountPage('/admin/orders?page=3')
    mounted.push(wrapper)
    const view = wrapper.findComponent(OrdersView)
    // The date picker's value, as picking two days leaves it.
    ;(view.vm as unknown as { inputs: { range: [string, string] } }).inputs.range = ['2025-03-01', '2025-03-07']
    await wrapper.get('input[data-test="orders-customer"]').setValue('7c1e2f4a-0000-4000-8000-000000000000')
    await wrapper.get('form').trigger('submit')
    await settle()
    expect(router.currentRoute.value.query).toEqual({
      customer: '7c1e2f4a-0000-4000-8000-000000000000',
      from: '2025-03-01',
      to: '2025-03-07',
    })
    const asked = api.requests.at(-1)!.url.searchParams
    expect(asked.get('customerId')).toBe('7c1e2f4a-0000-4000-8000-000000000000')
    expect(asked.get('from')).toBe('2025-02-28T16:00:00.000Z')
    expect(asked.get('to')).toBe('2025-03-07T16:00:00.000Z')
    expect(asked.get('page')).toBe('0')
    expect(wrapper.get('[data-test="empty"]').text()).toBe('Nothing matches these filters.')
  })

  it('says whose each order is', async () => {
    fakeApi([{ path: '/api/orders', body: page([order('0f3a9c1e-aaaa-bbbb-cccc-000000000001')]) }])
    const { wrapper } = await mountPage('/admin/orders')
    mounted.push(wrapper)
    expect(wrapper.get('thead').text()).toContain('Customer')
    const customer = wrapper.get('[data-test="order-row"] a[href="/admin/customers/c0ffee00-1111-2222-3333-444444444444"]')
    expect(customer.text()).toBe('c0ffee00')
  })

  it('opens an order when its row is clicked', async () => {
    fakeApi([{ path: '/api/orders', body: page([order('0f3a9c1e-aaaa-bbbb-cccc-000000000001')]) }])
    const { wrapper, router } = await mountPage('/admin/orders', 'zh-CN')
    mounted.push(wrapper)
    await wrapper.get('[data-test="order-row"] td:nth-child(2)').trigger('click')
    await vi.waitFor(() =>
      expect(router.currentRoute.value.fullPath).toBe('/admin/orders/0f3a9c1e-aaaa-bbbb-cccc-000000000001'),
    )
  })
})
