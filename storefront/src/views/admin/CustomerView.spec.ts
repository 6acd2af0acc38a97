import type { VueWrapper } from '@vue/test-utils'
import { afterEach, describe, expect, it, vi } from 'vitest'
import { useSession } from '@/stores/session'
import { fakeApi, mountPage, problem, settle } from '@/testing/app'
import { confirmBox } from '@/testing/forms'
import { profile } from '@/testing/profiles'
import { standing } from './analytics/fixtures'

vi.setConfig({ testTimeout: 30_000 })

const me = profile({
  id: '11111111-1111-4111-8111-111111111111',
  email: 'boss@example.com',
  displayName: '店长',
  roles: ['ADMIN', 'CUSTOMER'],
  createdAt: '2024-01-01T00:00:00Z',
})
const reader = profile({
  addresses: [{ recipient: '读者', phone: '13800000000', line1: '长安街 1 号', city: '北京', postalCode: '100000', country: 'CN' }],
})
const noOrders = { items: [], page: 0, size: 20, total: 0 }

const mounted: VueWrapper[] = []
afterEach(() => {
  mounted.splice(0).forEach((wrapper) => wrapper.unmount())
  document.body.innerHTML = ''
  vi.unstubAllGlobals()
})

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

describe('a customer’s access', () => {
  it('shows whether the account is active and its address verified, and disables it once confirmed', async () => {
    let current = reader
    const api = fakeApi([])
    api.fetch.mockImplementation(async (input: string, init: RequestInit = {}) => {
      const url = new URL(input, 'http://shop.test')
      const method = init.method ?? 'GET'
      api.requests.push({ method, url, body: undefined, headers: {} })
      if (method === 'POST' && url.pathname === `/api/users/${reader.id}/disable`) current = { ...reader, status: 'DISABLED' }
      const body = url.pathname === '/api/orders' ? noOrders : current
      return new Response(JSON.stringify(body), { status: 200, headers: { 'Content-Type': 'application/json' } })
    })
    const { wrapper } = await mountPage(`/admin/customers/${reader.id}`)
    mounted.push(wrapper)
    expect(wrapper.get('[data-test="customer-status"]').text()).toBe('Active')
    expect(wrapper.get('[data-test="customer-verified"]').text()).toBe('Verified')
    await wrapper.get('[data-test="customer-disable"]').trigger('click')
    ;(await confirmBox('Disable account')).click()
    await vi.waitFor(() => expect(wrapper.get('[data-test="customer-status"]').text()).toBe('Disabled'))
    expect(api.requests.filter((request) => request.method === 'POST').map((request) => request.url.pathname)).toEqual([
      `/api/users/${reader.id}/disable`,
    ])
    expect(wrapper.find('[data-test="customer-disable"]').exists()).toBe(false)
    expect(wrapper.find('[data-test="customer-enable"]').exists()).toBe(true)
    expect(document.body.textContent).toContain('The account of 读者 is disabled.')
  })

  it('enables a disabled account again and shows the pending address of an unverified one', async () => {
    const disabled = { ...reader, status: 'DISABLED' as const, emailVerified: false, pendingEmail: 'new@example.com' }
    const api = fakeApi([
      { method: 'POST', path: `/api/users/${reader.id}/enable`, body: { ...disabled, status: 'ACTIVE' } },
      { path: `/api/users/${reader.id}`, body: disabled },
      { path: '/api/orders', body: noOrders },
    ])
    const { wrapper } = await mountPage(`/admin/customers/${reader.id}`, 'zh-CN')
    mounted.push(wrapper)
    expect(wrapper.get('[data-test="customer-status"]').text()).toBe('已停用')
    expect(wrapper.get('[data-test="customer-unverified"]').text()).toBe('未验证')
    expect(wrapper.get('[data-test="customer-pending-email"]').text()).toBe('new@example.com')
    await wrapper.get('[data-test="customer-enable"]').trigger('click')
    ;(await confirmBox('启用账户')).click()
    await vi.waitFor(() => expect(api.requests.some((request) => request.method === 'POST')).toBe(true))
    expect(api.requests.find((request) => request.method === 'POST')!.url.pathname).toBe(`/api/users/${reader.id}/enable`)
  })

  it('closes an account only once its e-mail address is typed, then goes back to the list', async () => {
    const api = fakeApi([
      { method: 'DELETE', path: `/api/users/${reader.id}`, status: 204 },
      { path: `/api/users/${reader.id}`, body: reader },
      { path: '/api/users', body: { items: [], page: 0, size: 20, total: 0 } },
      { path: '/api/orders', body: noOrders },
    ])
    const { wrapper, router } = await mountPage(`/admin/customers/${reader.id}`)
    mounted.push(wrapper)
    await wrapper.get('[data-test="customer-close"]').trigger('click')
    await settle()
    const submit = () => document.querySelector<HTMLButtonElement>('[data-test="close-customer-submit"]')!
    expect(submit().disabled).toBe(true)
    const typed = document.querySelector<HTMLInputElement>('#close-confirm-email')!
    typed.value = 'someone@example.com'
    typed.dispatchEvent(new Event('input'))
    await settle()
    expect(submit().disabled).toBe(true)
    typed.value = ' Reader@Example.com '
    typed.dispatchEvent(new Event('input'))
    await settle()
    expect(submit().disabled).toBe(false)
    submit().click()
    await vi.waitFor(() => expect(router.currentRoute.value.name).toBe('admin-customers'))
    expect(api.requests.filter((request) => request.method === 'DELETE').map((request) => request.url.pathname)).toEqual([
      `/api/users/${reader.id}`,
    ])
    expect(document.body.textContent).toContain('The account of 读者 is closed and its personal data erased.')
  })

  it('shows the refusal user-service answers, in words', async () => {
    fakeApi([
      { method: 'POST', path: `/api/users/${reader.id}/disable`, status: 409, body: problem('cannot-lock-yourself-out', 409) },
      { path: `/api/users/${reader.id}`, body: reader },
      { path: '/api/orders', body: noOrders },
    ])
    const { wrapper } = await mountPage(`/admin/customers/${reader.id}`)
    mounted.push(wrapper)
    await wrapper.get('[data-test="customer-disable"]').trigger('click')
    ;(await confirmBox('Disable account')).click()
    await vi.waitFor(() =>
      expect(wrapper.get('.access [data-test="problem"]').text()).toBe(
        'You cannot disable or close your own account; another administrator must.',
      ),
    )
    expect(wrapper.text()).not.toContain('English detail')
    expect(wrapper.get('[data-test="customer-status"]').text()).toBe('Active')
  })

  it('does not offer an admin to disable or close their own account', async () => {
    fakeApi([
      { path: `/api/users/${me.id}`, body: me },
      { path: '/api/orders', body: noOrders },
    ])
    const { wrapper } = await mountPage(`/admin/customers/${me.id}`)
    mounted.push(wrapper)
    useSession().profile = me
    await settle()
    expect(wrapper.get('[data-test="access-self"]').text()).toContain('another administrator has to disable or close it')
    expect(wrapper.get('[data-test="customer-disable"]').attributes('disabled')).toBeDefined()
    expect(wrapper.get('[data-test="customer-close"]').attributes('disabled')).toBeDefined()
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
