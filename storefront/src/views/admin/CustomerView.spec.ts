import type { VueWrapper } from '@vue/test-utils'
import { afterEach, describe, expect, it, vi } from 'vitest'
import { useSession } from '@/stores/session'
import { fakeApi, mountPage, problem, settle } from '@/testing/app'
import { standing } from './analytics/fixtures'

vi.setConfig({ testTimeout: 30_000 })

const me = {
  id: '11111111-1111-4111-8111-111111111111',
  email: 'boss@example.com',
  displayName: '店长',
  roles: ['ADMIN', 'CUSTOMER'],
  addresses: [],
  createdAt: '2024-01-01T00:00:00Z',
}
const reader = {
  id: '22222222-2222-4222-8222-222222222222',
  email: 'reader@example.com',
  displayName: '读者',
  roles: ['CUSTOMER'],
  addresses: [{ recipient: '读者', phone: '13800000000', line1: '长安街 1 号', city: '北京', postalCode: '100000', country: 'CN' }],
  createdAt: '2025-01-01T00:00:00Z',
}
const noOrders = { items: [], page: 0, size: 20, total: 0 }

const mounted: VueWrapper[] = []
afterEach(() => {
  mounted.splice(0).forEach((wrapper) => wrapper.unmount())
  document.body.innerHTML = ''
  vi.unstubAllGlobals()
})

async function confirmBox(text: string) {
  return vi.waitFor(() => {
    const button = [...document.querySelectorAll<HTMLButtonElement>('.el-message-box button')].find(
      (candidate) => candidate.textContent?.trim() === text,
    )
    if (!button) throw new Error('no confirmation yet')
    return button
  })
}

describe('a customer’s page', () => {
  it('shows the account and asks for the customer’s orders only', async () => {
    const api = fakeApi([
      { path: `/api/users/${reader.id}`, body: reader },
      { path: '/api/orders', body: noOrders },
    ])
    const { wrapper } = await mountPage(`/admin/customers/${reader.id}`)
    mounted.push(wrapper)
    expect(wrapper.get('h1').text()).toBe('Customer: 读者')
    expect(wrapper.get('[data-test="customer-email"]').text()).toBe('reader@example.com')
    expect(wrapper.text()).toContain('长安街 1 号')
    const orders = api.requests.find((request) => request.url.pathname === '/api/orders')!
    expect(orders.url.searchParams.get('customerId')).toBe(reader.id)
    expect(wrapper.text()).toContain('This customer has no orders.')
  })

  it('makes a customer an administrator once confirmed, and shows the new roles', async () => {
    const api = fakeApi([
      { method: 'PUT', path: `/api/users/${reader.id}/roles`, body: { ...reader, roles: ['ADMIN', 'CUSTOMER'] } },
      { path: `/api/users/${reader.id}`, body: reader },
      { path: '/api/orders', body: noOrders },
    ])
    const { wrapper } = await mountPage(`/admin/customers/${reader.id}`)
    mounted.push(wrapper)
    expect(wrapper.get('[data-test="roles-save"]').attributes('disabled')).toBeDefined()
    await wrapper.get('[data-test="role-ADMIN"] input').setValue(true)
    await wrapper.get('form.roles-form').trigger('submit')
    ;(await confirmBox('Save roles')).click()
    await vi.waitFor(() => expect(api.requests.some((request) => request.method === 'PUT')).toBe(true))
    await settle()
    expect(api.requests.find((request) => request.method === 'PUT')!.body).toEqual({ roles: ['CUSTOMER', 'ADMIN'] })
    expect(api.requests.filter((request) => request.url.pathname === `/api/users/${reader.id}`)).toHaveLength(2)
    expect(document.body.textContent).toContain('Roles of 读者 were saved.')
  })

  it('does not let an admin take away their own admin role, as user-service would not', async () => {
    const api = fakeApi([
      { path: `/api/users/${me.id}`, body: me },
      { path: '/api/orders', body: noOrders },
    ])
    const { wrapper } = await mountPage(`/admin/customers/${me.id}`, 'zh-CN')
    mounted.push(wrapper)
    useSession().profile = me
    await settle()
    await wrapper.get('[data-test="role-ADMIN"] input').setValue(false)
    expect(wrapper.get('[data-test="roles-problem"]').text()).toBe('不能移除自己的管理员角色，需由其他管理员操作。')
    expect(wrapper.get('[data-test="roles-save"]').attributes('disabled')).toBeDefined()
    expect(api.requests.some((request) => request.method === 'PUT')).toBe(false)
  })

  it('says so when the account does not exist', async () => {
    fakeApi([
      { path: `/api/users/${reader.id}`, status: 404, body: problem('user-not-found', 404) },
      { path: '/api/orders', body: noOrders },
    ])
    const { wrapper } = await mountPage(`/admin/customers/${reader.id}`, 'zh-CN')
    mounted.push(wrapper)
    expect(wrapper.get('[data-test="problem"]').text()).toContain('没有这个账户。')
  })
})

describe('a customer’s segment on their page', () => {
  const pseudonym = 'a'.repeat(64)

  it('shows the segment and RFM scores analytics has under the pseudonym order-service gives', async () => {
    const api = fakeApi([
      { path: `/api/users/${reader.id}`, body: reader },
      { path: '/api/orders', body: noOrders },
      { path: `/api/orders/customers/${reader.id}/pseudonym`, body: { customerId: reader.id, pseudonym } },
      { path: `/api/analytics/customers/${pseudonym}`, body: standing },
    ])
    const { wrapper } = await mountPage(`/admin/customers/${reader.id}`)
    mounted.push(wrapper)
    await settle()
    const segment = wrapper.get('[data-test="customer-segment"]')
    expect(segment.get('[data-test="customer-segment-name"]').text()).toBe('Champions')
    expect(segment.get('[data-test="rfm-recency"]').text()).toBe('5 of 5')
    expect(segment.get('[data-test="rfm-monetary"]').text()).toBe('3 of 5')
    expect(segment.text()).toContain('¥1,234.50')
    expect(api.requests.some((request) => request.url.pathname === `/api/analytics/customers/${reader.id}`)).toBe(false)
  })

  it('says "no purchases yet" when analytics knows no order of the customer', async () => {
    fakeApi([
      { path: `/api/users/${reader.id}`, body: reader },
      { path: '/api/orders', body: noOrders },
      { path: `/api/orders/customers/${reader.id}/pseudonym`, body: { customerId: reader.id, pseudonym } },
      { path: `/api/analytics/customers/${pseudonym}`, status: 404, body: problem('customer-not-found', 404) },
    ])
    const { wrapper } = await mountPage(`/admin/customers/${reader.id}`, 'zh-CN')
    mounted.push(wrapper)
    await settle()
    expect(wrapper.get('[data-test="customer-no-purchases"]').text()).toBe('尚无购买记录。')
    expect(wrapper.find('[data-test="customer-segment"] [data-test="problem"]').exists()).toBe(false)
  })

  it('says calmly when analytics is still loading', async () => {
    fakeApi([
      { path: `/api/users/${reader.id}`, body: reader },
      { path: '/api/orders', body: noOrders },
      { path: `/api/orders/customers/${reader.id}/pseudonym`, body: { customerId: reader.id, pseudonym } },
      { path: `/api/analytics/customers/${pseudonym}`, status: 503, body: problem('analytics-unavailable', 503) },
    ])
    const { wrapper } = await mountPage(`/admin/customers/${reader.id}`)
    mounted.push(wrapper)
    await settle()
    expect(wrapper.get('[data-test="customer-segment"] [data-test="analytics-unavailable"]').text()).toContain(
      'Analytics is still reading the shop’s history',
    )
  })
})
