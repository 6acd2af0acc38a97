import { describe, expect, it, vi } from 'vitest'
import { fakeApi, mountPage, problem, settle, unmountAfterEach } from '@/testing/app'
import { fill, submitAround } from '@/testing/forms'

vi.setConfig({ testTimeout: 30_000 })

const TOKEN = 'q5cM0m7d1mZkq1wG8eN4rY3vX2tU6sP9oA0bC7dE-_f'

const mounted = unmountAfterEach()

async function open(path: string, locale: 'en' | 'zh-CN' = 'en') {
  const page = await mountPage(path, locale)
  mounted.push(page.wrapper)
  return page
}

describe('resetting a password from the mailed link', () => {
  it('sets the new password with the link’s token and sends the customer to log in', async () => {
    const api = fakeApi([{ method: 'POST', path: '/api/auth/password-reset/confirm', status: 204 }])
    const { wrapper, router } = await open(`/reset-password?token=${TOKEN}`)
    await fill('reset-password', 'Brand-New-Password-2')
    await fill('reset-repeat', 'Brand-New-Password-2')
    await submitAround(wrapper, 'reset-submit')
    await vi.waitFor(() => expect(router.currentRoute.value.name).toBe('login'))
    expect(api.requests[0].body).toEqual({ token: TOKEN, newPassword: 'Brand-New-Password-2' })
    expect(document.body.textContent).toContain('Your password is changed. Please log in with the new one.')
  })

  it('wants the new password twice and as long as the shop asks', async () => {
    const api = fakeApi([])
    const { wrapper } = await open(`/reset-password?token=${TOKEN}`, 'zh-CN')
    await fill('reset-password', 'short')
    await fill('reset-repeat', 'shorter')
    await submitAround(wrapper, 'reset-submit')
    await vi.waitFor(() => expect(wrapper.text()).toContain('两次输入的密码不一致。'))
    expect(wrapper.text()).toContain('至少 10 个字符。')
    expect(wrapper.text()).toContain('至少 10 个字符，不能是常见密码。')
    expect(api.requests).toHaveLength(0)
  })

  it('says a used or expired link is no good, and where to ask for another', async () => {
    fakeApi([{ method: 'POST', path: '/api/auth/password-reset/confirm', status: 400, body: problem('invalid-token', 400) }])
    const { wrapper, router } = await open(`/reset-password?token=${TOKEN}`)
    await fill('reset-password', 'Brand-New-Password-2')
    await fill('reset-repeat', 'Brand-New-Password-2')
    await submitAround(wrapper, 'reset-submit')
    await vi.waitFor(() => expect(wrapper.find('[data-test="reset-invalid"]').exists()).toBe(true))
    expect(wrapper.get('[data-test="reset-invalid"]').text()).toBe(
      'This link is invalid or has expired: each link works once, for a limited time.',
    )
    expect(wrapper.text()).not.toContain('session')
    expect(wrapper.get('[data-test="reset-ask-again"]').attributes('href')).toBe(router.resolve({ name: 'forgot-password' }).href)
  })

  it('says a weak password is refused, in words', async () => {
    fakeApi([{ method: 'POST', path: '/api/auth/password-reset/confirm', status: 400, body: problem('weak-password', 400) }])
    const { wrapper } = await open(`/reset-password?token=${TOKEN}`)
    await fill('reset-password', 'password1234')
    await fill('reset-repeat', 'password1234')
    await submitAround(wrapper, 'reset-submit')
    await settle()
    expect(wrapper.get('[data-test="problem"]').text()).toBe('Please choose a stronger password: at least 10 characters, not a common one.')
  })

  it('asks nothing of the shop for a link without a token', async () => {
    const api = fakeApi([])
    const { wrapper } = await open('/reset-password?token=%3Cscript%3E')
    expect(wrapper.find('[data-test="reset-invalid"]').exists()).toBe(true)
    expect(wrapper.find('[data-test="reset-password"]').exists()).toBe(false)
    expect(api.requests).toHaveLength(0)
  })
})
