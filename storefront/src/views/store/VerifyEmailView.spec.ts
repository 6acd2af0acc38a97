import { describe, expect, it, vi } from 'vitest'
import { useSession } from '@/stores/session'
import { fakeApi, mountPage, problem, settle, unmountAfterEach } from '@/testing/app'
import { profile } from '@/testing/profiles'

vi.setConfig({ testTimeout: 30_000 })

const TOKEN = 'q5cM0m7d1mZkq1wG8eN4rY3vX2tU6sP9oA0bC7dE-_f'

const mounted = unmountAfterEach()

async function open(path: string, locale: 'en' | 'zh-CN' = 'en') {
  const page = await mountPage(path, locale)
  mounted.push(page.wrapper)
  return page
}

describe('the verification link', () => {
  it('verifies the address as the page loads, without anyone signed in', async () => {
    const api = fakeApi([{ method: 'POST', path: '/api/users/email-verification', body: { email: 'reader@example.com' } }])
    const { wrapper, router } = await open(`/verify-email?token=${TOKEN}`, 'zh-CN')
    expect(api.requests).toHaveLength(1)
    expect(api.requests[0].body).toEqual({ token: TOKEN })
    expect(wrapper.get('[data-test="verify-done"]').text()).toBe('谢谢！reader@example.com 已通过验证。')
    expect(wrapper.get('[data-test="verify-to-login"]').attributes('href')).toBe(router.resolve({ name: 'login' }).href)
  })

  it('reads a signed-in customer’s profile again, so the account page shows the address verified', async () => {
    let release: () => void = () => undefined
    const answered = new Promise<void>((resolve) => (release = resolve))
    const api = fakeApi([])
    api.fetch.mockImplementation(async (input: string, init: RequestInit = {}) => {
      const url = new URL(input, 'http://shop.test')
      api.requests.push({ method: init.method ?? 'GET', url, body: undefined, headers: {} })
      if (url.pathname === '/api/users/email-verification') {
        await answered
        return new Response(JSON.stringify({ email: 'reader@example.com' }), { status: 200 })
      }
      return new Response(JSON.stringify(profile({ emailVerified: true })), { status: 200 })
    })
    const { wrapper } = await open(`/verify-email?token=${TOKEN}`)
    expect(wrapper.get('[data-test="verify-pending"]').text()).toBe('Verifying your address…')
    // Signed in while the page waits for the answer.
    const session = useSession()
    session.accessToken = 'access-token'
    session.profile = profile({ emailVerified: false })
    release()
    await settle()
    expect(api.requests.map((request) => `${request.method} ${request.url.pathname}`)).toEqual([
      'POST /api/users/email-verification',
      'GET /api/users/me',
    ])
    expect(session.profile.emailVerified).toBe(true)
    expect(wrapper.find('[data-test="verify-to-account"]').exists()).toBe(true)
  })

  it('tells a customer who opens a used link again that the address is verified already', async () => {
    fakeApi([{ method: 'POST', path: '/api/users/email-verification', status: 400, body: problem('invalid-token', 400) }])
    const { wrapper } = await open(`/verify-email?token=${TOKEN}`)
    const session = useSession()
    session.accessToken = 'access-token'
    session.profile = profile({ emailVerified: true })
    await settle()
    expect(wrapper.get('[data-test="verify-already"]').text()).toBe('reader@example.com is already verified.')
    expect(wrapper.find('[data-test="verify-invalid"]').exists()).toBe(false)
  })

  it('says a used or expired link is no good, and where to ask for another', async () => {
    fakeApi([{ method: 'POST', path: '/api/users/email-verification', status: 400, body: problem('invalid-token', 400) }])
    const { wrapper, router } = await open(`/verify-email?token=${TOKEN}`)
    expect(wrapper.get('[data-test="verify-invalid"]').text()).toBe(
      'This link is invalid or has expired: each link works once, for a limited time.',
    )
    expect(wrapper.get('[data-test="verify-ask-again"]').attributes('href')).toBe(router.resolve({ name: 'account' }).href)
  })

  it('says when another account took the new address meanwhile', async () => {
    fakeApi([{ method: 'POST', path: '/api/users/email-verification', status: 409, body: problem('email-taken', 409) }])
    const { wrapper } = await open(`/verify-email?token=${TOKEN}`)
    expect(wrapper.get('[data-test="problem"]').text()).toContain('Another account uses this address now')
    expect(wrapper.find('[data-test="problem"] .retry').exists()).toBe(false)
  })

  it('asks nothing of the shop for a link without a token', async () => {
    const api = fakeApi([])
    const { wrapper } = await open('/verify-email')
    expect(wrapper.find('[data-test="verify-invalid"]').exists()).toBe(true)
    expect(api.requests).toHaveLength(0)
  })
})
