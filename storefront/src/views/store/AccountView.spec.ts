import { describe, expect, it, vi } from 'vitest'
import { fakeApi, mountPage, problem, settle, unmountAfterEach } from '@/testing/app'
import { confirmBox, fill, submitAround } from '@/testing/forms'
import { profile } from '@/testing/profiles'

vi.setConfig({ testTimeout: 30_000 })

const mounted = unmountAfterEach()

async function open(locale: 'en' | 'zh-CN' = 'en') {
  const { wrapper, router } = await mountPage('/account', locale)
  mounted.push(wrapper)
  return { wrapper, router }
}

const posted = (api: ReturnType<typeof fakeApi>, path: string) =>
  api.requests.filter((request) => request.method === 'POST' && request.url.pathname === path)

describe('the profile on the account page', () => {
  it('saves the language with the name, and the pages switch to it', async () => {
    const api = fakeApi([
      { method: 'PATCH', path: '/api/users/me', body: profile({ displayName: 'Reader', language: 'en' }) },
      { path: '/api/users/me', body: profile() },
    ])
    const { wrapper } = await open('zh-CN')
    expect(wrapper.get('h1').text()).toBe('我的账户')
    expect(wrapper.get('[data-test="account-language-zh-CN"]').classes()).toContain('is-checked')
    await fill('account-name', 'Reader')
    await wrapper.get('[data-test="account-language-en"] input').setValue(true)
    await submitAround(wrapper, 'account-profile-save')
    const patch = api.requests.find((request) => request.method === 'PATCH')!
    expect(patch.body).toEqual({ displayName: 'Reader', language: 'en' })
    expect(patch.headers['Content-Type']).toBe('application/merge-patch+json')
    expect(document.documentElement.lang).toBe('en')
    expect(wrapper.get('h1').text()).toBe('My account')
  })

  it('refuses an empty name without asking the shop', async () => {
    const api = fakeApi([{ path: '/api/users/me', body: profile() }])
    const { wrapper } = await open()
    await fill('account-name', '   ')
    await submitAround(wrapper, 'account-profile-save')
    await vi.waitFor(() => expect(wrapper.text()).toContain('Please fill this in.'))
    expect(api.requests.some((request) => request.method === 'PATCH')).toBe(false)
  })
})

describe('the e-mail address on the account page', () => {
  it('says the address is verified', async () => {
    fakeApi([{ path: '/api/users/me', body: profile() }])
    const { wrapper } = await open()
    expect(wrapper.get('[data-test="account-email"]').text()).toBe('reader@example.com')
    expect(wrapper.get('[data-test="email-verified"]').text()).toBe('Verified')
    expect(wrapper.find('[data-test="resend-verification"]').exists()).toBe(false)
  })

  it('sends the verification mail again for an unverified address, and says so calmly when asked too often', async () => {
    const api = fakeApi([
      { method: 'POST', path: '/api/users/me/email-verification', status: 202 },
      { path: '/api/users/me', body: profile({ emailVerified: false }) },
    ])
    const { wrapper } = await open()
    expect(wrapper.get('[data-test="email-unverified"]').text()).toBe('Not verified')
    await wrapper.get('[data-test="resend-verification"]').trigger('click')
    await settle()
    expect(posted(api, '/api/users/me/email-verification')).toHaveLength(1)
    expect(wrapper.get('[data-test="verification-sent"]').text()).toBe('We sent a new link to reader@example.com.')

    fakeApi([
      {
        method: 'POST',
        path: '/api/users/me/email-verification',
        status: 429,
        body: problem('too-many-requests', 429),
        headers: { 'Retry-After': '600' },
      },
    ])
    await wrapper.get('[data-test="resend-verification"]').trigger('click')
    await settle()
    expect(wrapper.get('[data-test="verification-throttled"]').text()).toContain('try again in a few minutes')
    expect(wrapper.find('[data-test="problem"]').exists()).toBe(false)
  })

  it('asks to move to a new address with the password, and shows it pending until its link is opened', async () => {
    let current = profile()
    const api = fakeApi([])
    api.fetch.mockImplementation(async (input: string, init: RequestInit = {}) => {
      const url = new URL(input, 'http://shop.test')
      const body = init.body ? JSON.parse(String(init.body)) : undefined
      api.requests.push({ method: init.method ?? 'GET', url, body, headers: {} })
      if (url.pathname === '/api/users/me/email') {
        current = profile({ pendingEmail: body.newEmail })
        return new Response(null, { status: 202 })
      }
      return new Response(JSON.stringify(current), { status: 200, headers: { 'Content-Type': 'application/json' } })
    })
    const { wrapper } = await open('zh-CN')
    await wrapper.get('[data-test="email-change-open"]').trigger('click')
    await fill('email-new', 'new@example.com')
    await fill('email-password', 'Reading-Lamp-and-Tea-7')
    await submitAround(wrapper, 'email-change-submit')
    expect(posted(api, '/api/users/me/email')[0].body).toEqual({ newEmail: 'new@example.com', currentPassword: 'Reading-Lamp-and-Tea-7' })
    expect(wrapper.get('[data-test="email-change-sent"]').text()).toBe('我们已向 new@example.com 发送了链接。打开链接后，您的邮箱即会更换。')
    expect(wrapper.get('[data-test="email-pending"]').text()).toContain('new@example.com')
    expect(wrapper.get('[data-test="account-email"]').text()).toBe('reader@example.com')
    expect(wrapper.find('[data-test="resend-verification"]').exists()).toBe(true)
  })

  it('says when the new address belongs to another account or the password is wrong', async () => {
    fakeApi([
      { method: 'POST', path: '/api/users/me/email', status: 409, body: problem('email-taken', 409) },
      { path: '/api/users/me', body: profile() },
    ])
    const { wrapper } = await open()
    await wrapper.get('[data-test="email-change-open"]').trigger('click')
    await fill('email-new', 'taken@example.com')
    await fill('email-password', 'Reading-Lamp-and-Tea-7')
    await submitAround(wrapper, 'email-change-submit')
    expect(wrapper.get('[data-test="problem"]').text()).toBe('An account with this email already exists. Log in, or use another address.')

    fakeApi([{ method: 'POST', path: '/api/users/me/email', status: 400, body: problem('invalid-password', 400) }])
    await submitAround(wrapper, 'email-change-submit')
    expect(wrapper.get('[data-test="problem"]').text()).toBe('The current password is not right.')
    expect(wrapper.text()).not.toContain('English detail')
  })
})

describe('changing the password', () => {
  it('checks the repeated password before asking the shop', async () => {
    const api = fakeApi([{ path: '/api/users/me', body: profile() }])
    const { wrapper } = await open('zh-CN')
    await fill('password-current', 'Old-Password-123')
    await fill('password-new', 'short')
    await fill('password-repeat', 'something else')
    await submitAround(wrapper, 'password-submit')
    await vi.waitFor(() => expect(wrapper.text()).toContain('两次输入的密码不一致。'))
    expect(wrapper.text()).toContain('至少 10 个字符。')
    expect(posted(api, '/api/users/me/password')).toHaveLength(0)
  })

  it('says so when the current password is wrong', async () => {
    fakeApi([
      { method: 'POST', path: '/api/users/me/password', status: 400, body: problem('invalid-password', 400) },
      { path: '/api/users/me', body: profile() },
    ])
    const { wrapper } = await open()
    await fill('password-current', 'Not-My-Password-1')
    await fill('password-new', 'Brand-New-Password-2')
    await fill('password-repeat', 'Brand-New-Password-2')
    await submitAround(wrapper, 'password-submit')
    expect(wrapper.get('[data-test="problem"]').text()).toBe('The current password is not right.')
  })

  it('changes it, and this browser stays signed in (user-service keeps the caller’s session)', async () => {
    const api = fakeApi([
      { method: 'POST', path: '/api/users/me/password', status: 204 },
      { path: '/api/users/me', body: profile() },
    ])
    const { wrapper } = await open()
    await fill('password-current', 'Old-Password-123')
    await fill('password-new', 'Brand-New-Password-2')
    await fill('password-repeat', 'Brand-New-Password-2')
    await submitAround(wrapper, 'password-submit')
    expect(posted(api, '/api/users/me/password')[0].body).toEqual({
      currentPassword: 'Old-Password-123',
      newPassword: 'Brand-New-Password-2',
    })
    const steps = api.requests.map((request) => `${request.method} ${request.url.pathname}`)
    expect(steps.slice(steps.indexOf('POST /api/users/me/password'))).toEqual(['POST /api/users/me/password'])
    expect(document.body.textContent).toContain('Your password is changed. Other devices were signed out.')
    expect((document.querySelector('input[data-test="password-current"]') as HTMLInputElement).value).toBe('')
  })
})

describe('closing the account', () => {
  it('says what is erased and what is kept, asks for the password and a confirmation, then signs out and goes home', async () => {
    const api = fakeApi([
      { method: 'POST', path: '/api/users/me/close', status: 204 },
      { method: 'DELETE', path: '/api/auth/session', status: 204 },
      { path: '/api/users/me', body: profile() },
      { path: '/api/books', body: { items: [], page: 0, size: 12, total: 0, facets: {} } },
    ])
    const { wrapper, router } = await open()
    expect(wrapper.get('[data-test="close-erased"]').text()).toContain('Your saved addresses and phone numbers')
    expect(wrapper.get('[data-test="close-kept"]').text()).toContain('the amounts, books and dates of your orders')
    await submitAround(wrapper, 'close-account')
    await vi.waitFor(() => expect(wrapper.text()).toContain('Please fill this in.'))
    expect(document.querySelector('.el-message-box')).toBeNull()

    await fill('close-password', 'Reading-Lamp-and-Tea-7')
    await submitAround(wrapper, 'close-account')
    ;(await confirmBox('Close my account')).click()
    await vi.waitFor(() => expect(router.currentRoute.value.name).toBe('home'))
    expect(posted(api, '/api/users/me/close')[0].body).toEqual({ password: 'Reading-Lamp-and-Tea-7' })
    expect(api.requests.some((request) => request.method === 'DELETE' && request.url.pathname === '/api/auth/session')).toBe(true)
    await vi.waitFor(() => expect(document.body.textContent).toContain('Your account is closed and your personal data erased.'))
  })

  it('keeps the account when the password is wrong, and when the customer thinks again', async () => {
    const api = fakeApi([
      { method: 'POST', path: '/api/users/me/close', status: 400, body: problem('invalid-password', 400) },
      { path: '/api/users/me', body: profile() },
    ])
    const { wrapper, router } = await open('zh-CN')
    await fill('close-password', 'Not-My-Password-1')
    await submitAround(wrapper, 'close-account')
    ;(await confirmBox('返回')).click()
    await settle()
    expect(posted(api, '/api/users/me/close')).toHaveLength(0)

    await submitAround(wrapper, 'close-account')
    ;(await confirmBox('注销我的账户')).click()
    await vi.waitFor(() => expect(wrapper.find('[data-test="problem"]').exists()).toBe(true))
    expect(wrapper.get('[data-test="problem"]').text()).toBe('当前密码不正确。')
    expect(router.currentRoute.value.name).toBe('account')
  })
})
