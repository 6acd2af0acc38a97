import type { VueWrapper } from '@vue/test-utils'
import { afterEach, describe, expect, it, vi } from 'vitest'
import type { Order, OrderReturn, Refund } from '@/api/types'
import { fakeApi, mountPage, problem, settle } from '@/testing/app'

// The first page mounted loads the console's modules; that takes a while on a busy machine.
vi.setConfig({ testTimeout: 30_000 })

const ID = '0f3a9c1e-aaaa-bbbb-cccc-000000000001'
const yuan = (amount: number) => ({ amount, currency: 'CNY' })

function aReturn(status: OrderReturn['status'], extra: Partial<OrderReturn> = {}): OrderReturn {
  return {
    id: 'r1',
    status,
    items: [
      { bookId: 'b-1', title: '三体', quantity: 2, unitPrice: yuan(2300) },
      { bookId: 'b-2', title: '活着', quantity: 1, unitPrice: yuan(1800) },
    ],
    reason: '<i>印刷模糊</i>',
    refundAmount: yuan(6400),
    requestedAt: '2026-12-07T10:00:00Z',
    deadline: '2026-12-09T10:00:00Z',
    history: [{ status: 'REQUESTED', at: '2026-12-07T10:00:00Z' }],
    ...extra,
  }
}

function order(returns: OrderReturn[] = [], refunds: Refund[] = [], extra: Partial<Order> = {}): Order {
  return {
    id: ID,
    status: 'RECEIVED',
    customerId: 'c0ffee00-1111-2222-3333-444444444444',
    items: [
      { bookId: 'b-1', title: '三体', quantity: 2, unitPrice: yuan(2300), lineTotal: yuan(4600) },
      { bookId: 'b-2', title: '活着', quantity: 1, unitPrice: yuan(1800), lineTotal: yuan(1800) },
    ],
    total: yuan(6400),
    statusHistory: [{ status: 'PENDING', at: '2026-12-01T01:00:00Z' }],
    placedAt: '2026-12-01T01:00:00Z',
    shippingAddress: { recipient: '王', line1: '长安街 1 号', city: '北京', postalCode: '100000', country: 'CN' },
    paymentMethod: 'pm_card_visa',
    returnableUntil: '2026-12-13T10:00:00Z',
    returns,
    refunds,
    ...extra,
  }
}

const pending: Refund = { id: 'f1', amount: yuan(500), reason: '封面破损', status: 'PENDING', requestedAt: '2026-12-07T11:00:00Z' }

async function confirmWith(label: string) {
  const button = await vi.waitFor(() => {
    const found = [...document.querySelectorAll<HTMLButtonElement>('.el-message-box button')].find(
      (candidate) => candidate.textContent?.trim() === label,
    )
    if (!found) throw new Error('no confirmation yet')
    return found
  })
  button.click()
}

const mounted: VueWrapper[] = []
afterEach(() => {
  mounted.splice(0).forEach((wrapper) => wrapper.unmount())
  document.body.innerHTML = ''
  vi.unstubAllGlobals()
})

describe('the returns queue', () => {
  it('lists the orders with something open after the sale, and what is open', async () => {
    const api = fakeApi([{ path: '/api/orders', body: { items: [order([aReturn('SENT_BACK')], [pending])], page: 0, size: 20, total: 1 } }])
    const { wrapper } = await mountPage('/admin/returns', 'zh-CN')
    mounted.push(wrapper)
    expect(Object.fromEntries(api.requests[0].url.searchParams)).toEqual({ afterSale: 'open', page: '0', size: '20' })
    const row = wrapper.get('[data-test="order-row"]')
    expect(row.get('[data-test="after-sale-return"]').text()).toBe('退货：寄回中')
    expect(row.get('[data-test="after-sale-refund"]').text()).toBe('退款 ¥5.00 处理中')
    expect(row.get('[data-test="order-row-link"]').attributes('href')).toBe(`/admin/orders/${ID}`)
    expect(wrapper.get('[data-test="admin-nav-returns"]').classes()).toContain('current')
  })
})

describe('returns on the console’s order page', () => {
  it('approves a requested return once confirmed', async () => {
    const approved = order([aReturn('APPROVED')])
    const api = fakeApi([
      { method: 'POST', path: `/api/orders/${ID}/returns/r1/approve`, body: approved },
      {
        path: `/api/orders/${ID}`,
        // The order as it is: approved once the approval was sent.
        get body() {
          return api.requests.some((request) => request.method === 'POST') ? approved : order([aReturn('REQUESTED')])
        },
      },
    ])
    const { wrapper } = await mountPage(`/admin/orders/${ID}`)
    mounted.push(wrapper)
    const card = wrapper.get('[data-test="return"]')
    expect(card.get('[data-test="return-reason"]').text()).toBe('<i>印刷模糊</i>')
    expect(card.find('i').exists()).toBe(false)
    expect(card.find('[data-test="return-receive"]').exists()).toBe(false)

    await card.get('[data-test="return-approve"]').trigger('click')
    expect(document.querySelector('.el-message-box')?.textContent).toContain('send 3 copies back, and refunded ¥64.00')
    await confirmWith('Approve')
    await vi.waitFor(() => expect(api.requests.some((request) => request.method === 'POST')).toBe(true))
    await settle()
    expect(wrapper.get('[data-test="return-status"]').attributes('data-status')).toBe('APPROVED')
    expect(wrapper.find('[data-test="return-approve"]').exists()).toBe(false)
    expect(wrapper.find('[data-test="return-receive"]').exists()).toBe(true)
  })

  it('rejects only with a reason, which is sent as typed', async () => {
    const api = fakeApi([
      {
        method: 'POST',
        path: `/api/orders/${ID}/returns/r1/reject`,
        body: order([aReturn('REJECTED', { outcomeReason: '已超过七天', deadline: null })]),
      },
      { path: `/api/orders/${ID}`, body: order([aReturn('REQUESTED')]) },
    ])
    const { wrapper } = await mountPage(`/admin/orders/${ID}`)
    mounted.push(wrapper)
    await wrapper.get('[data-test="return-reject"]').trigger('click')
    await wrapper.get('form').trigger('submit')
    await settle()
    expect(wrapper.get('[data-test="return-reject-error"]').text()).toBe('Please fill this in.')
    expect(api.requests.filter((request) => request.method === 'POST')).toHaveLength(0)

    await wrapper.get('textarea[data-test="return-reject-reason"]').setValue('已超过七天')
    await wrapper.get('[data-test="return-reject-submit"]').trigger('submit')
    await settle()
    expect(api.requests.find((request) => request.method === 'POST')?.body).toEqual({ reason: '已超过七天' })
    expect(wrapper.get('[data-test="return-outcome"]').text()).toBe('Why: 已超过七天')
  })

  it('records a return received: all copies resalable unless told, the damaged ones taken off', async () => {
    const api = fakeApi([
      { method: 'POST', path: `/api/orders/${ID}/returns/r1/receive`, body: order([aReturn('RECEIVED')]) },
      { path: `/api/orders/${ID}`, body: order([aReturn('SENT_BACK')]) },
    ])
    const { wrapper } = await mountPage(`/admin/orders/${ID}`)
    mounted.push(wrapper)
    await wrapper.get('[data-test="return-receive"]').trigger('click')
    await settle()
    const books = wrapper.findAll('[data-test="return-receive-item"]')
    expect(books.map((book) => (book.get('[data-test="return-resalable"] input').element as HTMLInputElement).value)).toEqual(['2', '1'])
    const damaged = books[0].get('[data-test="return-damaged"] input')
    await damaged.setValue('1')
    await damaged.trigger('change')
    await settle()
    expect((books[0].get('[data-test="return-resalable"] input').element as HTMLInputElement).value).toBe('1')

    await wrapper.get('[data-test="return-receive-submit"]').trigger('submit')
    expect(document.querySelector('.el-message-box')?.textContent).toContain('2 copies go back into stock and 1 are recorded damaged')
    await confirmWith('Record received')
    await vi.waitFor(() => expect(api.requests.some((request) => request.method === 'POST')).toBe(true))
    expect(api.requests.find((request) => request.method === 'POST')?.body).toEqual({
      copies: [
        { bookId: 'b-1', resalable: 1, damaged: 1 },
        { bookId: 'b-2', resalable: 1, damaged: 0 },
      ],
    })
  })

  it('refunds part of the order in yuan, sent in fen, no more than is left to refund', async () => {
    const refunded = order([], [{ ...pending, id: 'f2', amount: yuan(1250), reason: '封面破损' }])
    const api = fakeApi([
      { method: 'POST', path: `/api/orders/${ID}/refunds`, status: 201, body: refunded },
      { path: `/api/orders/${ID}`, body: order([], [pending], { refunded: yuan(1000) }) },
    ])
    const { wrapper } = await mountPage(`/admin/orders/${ID}`, 'zh-CN')
    mounted.push(wrapper)
    // ¥64.00 less ¥10.00 refunded and ¥5.00 being refunded.
    expect(wrapper.get('[data-test="order-after-sale"]').text()).toContain('最多 ¥49.00')
    const amount = wrapper.get('input[data-test="refund-amount"]')
    for (const [typed, message] of [
      ['12.345', '请输入金额'],
      ['0', '请输入大于零的数'],
      ['49.01', '0.01'],
    ]) {
      await amount.setValue(typed)
      await settle()
      expect(wrapper.get('[data-test="refund-amount-error"]').text()).toContain(message)
    }
    await amount.setValue('12.5')
    await wrapper.get('textarea[data-test="refund-reason"]').setValue('封面破损')
    await wrapper.get('[data-test="refund-submit"]').trigger('submit')
    await confirmWith('退款')
    await vi.waitFor(() => expect(api.requests.some((request) => request.method === 'POST')).toBe(true))
    await settle()
    expect(api.requests.find((request) => request.method === 'POST')?.body).toEqual({ amount: 1250, reason: '封面破损' })
    expect(wrapper.findAll('[data-test="refund"]').map((refund) => refund.attributes('data-status'))).toEqual(['PENDING'])
  })

  it('says in words why the API refused a step', async () => {
    fakeApi([
      { method: 'POST', path: `/api/orders/${ID}/refunds`, status: 400, body: problem('invalid-order', 400) },
      { path: `/api/orders/${ID}`, body: order() },
    ])
    const { wrapper } = await mountPage(`/admin/orders/${ID}`)
    mounted.push(wrapper)
    await wrapper.get('input[data-test="refund-amount"]').setValue('1')
    await wrapper.get('textarea[data-test="refund-reason"]').setValue('x')
    await wrapper.get('[data-test="refund-submit"]').trigger('submit')
    await confirmWith('Refund')
    await vi.waitFor(() => expect(wrapper.find('[data-test="problem"]').exists()).toBe(true))
    expect(wrapper.get('[data-test="problem"]').text()).toContain('Please check the copies, the amount and the reason.')
  })

  it('shows an erased order of a closed account without its address', async () => {
    fakeApi([{ path: `/api/orders/${ID}`, body: order([], [], { shippingAddress: null, customerErased: true }) }])
    const { wrapper } = await mountPage(`/admin/orders/${ID}`, 'zh-CN')
    mounted.push(wrapper)
    await settle()
    expect(wrapper.get('[data-test="order-address-erased"]').text()).toBe('客户已注销账户：姓名、地址和电话号码已删除。')
    expect(wrapper.find('address').exists()).toBe(false)
    expect(wrapper.text()).toContain('¥64.00')
  })
})
