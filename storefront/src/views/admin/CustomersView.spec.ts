import { describe, expect, it, vi } from 'vitest'
import { fakeApi, mountPage, unmountAfterEach } from '@/testing/app'
import { profile } from '@/testing/profiles'

vi.setConfig({ testTimeout: 30_000 })

const active = profile()
const disabled = profile({
  id: '33333333-3333-4333-8333-333333333333',
  email: 'quiet@example.com',
  displayName: 'Quiet Reader',
  emailVerified: false,
  status: 'DISABLED',
})

const mounted = unmountAfterEach()

describe('the customers page', () => {
  it('shows each account’s status and whether its address is verified', async () => {
    fakeApi([{ path: '/api/users', body: { items: [active, disabled], page: 0, size: 20, total: 2 } }])
    const { wrapper } = await mountPage('/admin/customers')
    mounted.push(wrapper)
    const [first, second] = wrapper.findAll('[data-test="customer-row"]')
    expect(first.get('[data-test="customer-status"]').text()).toBe('Active')
    expect(first.find('[data-test="customer-verified"]').text()).toBe('Verified')
    expect(second.get('[data-test="customer-status"]').text()).toBe('Disabled')
    expect(second.find('[data-test="customer-unverified"]').text()).toBe('Not verified')
  })

  it('filters by status as the URL says, in Chinese too', async () => {
    const api = fakeApi([{ path: '/api/users', body: { items: [disabled], page: 0, size: 20, total: 1 } }])
    const { wrapper } = await mountPage('/admin/customers?status=DISABLED', 'zh-CN')
    mounted.push(wrapper)
    expect(api.requests[0].url.searchParams.get('status')).toBe('DISABLED')
    expect(wrapper.get('[data-test="customer-status"]').text()).toBe('已停用')
  })

  it('never sends a status user-service does not know', async () => {
    const api = fakeApi([{ path: '/api/users', body: { items: [], page: 0, size: 20, total: 0 } }])
    const { wrapper } = await mountPage('/admin/customers?status=GONE')
    mounted.push(wrapper)
    expect(api.requests[0].url.searchParams.has('status')).toBe(false)
  })
})
