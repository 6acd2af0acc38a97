import { describe, expect, it, vi } from 'vitest'
import { fakeApi, mountPage, problem, unmountAfterEach } from '@/testing/app'
import { fill, submitAround } from '@/testing/forms'

vi.setConfig({ testTimeout: 30_000 })

const mounted = unmountAfterEach()

async function ask(email: string, locale: 'en' | 'zh-CN' = 'en') {
  const { wrapper } = await mountPage('/forgot-password', locale)
  mounted.push(wrapper)
  await fill('forgot-email', email)
  await submitAround(wrapper, 'forgot-submit')
  return wrapper
}

describe('asking for a password reset', () => {
  it('sends the address without a token and says a link went out if the account exists', async () => {
    const api = fakeApi([{ method: 'POST', path: '/api/auth/password-reset', status: 202, body: {} }])
    const wrapper = await ask(' reader@example.com ')
    expect(api.requests).toHaveLength(1)
    expect(api.requests[0].body).toEqual({ email: 'reader@example.com' })
    expect(api.requests[0].headers.Authorization).toBeUndefined()
    expect(wrapper.get('[data-test="forgot-sent"]').text()).toContain(
      'If an account exists for reader@example.com, we have sent it a link to choose a new password.',
    )
    expect(wrapper.find('[data-test="forgot-email"]').exists()).toBe(false)
  })

  it('shows a typed address as text, never as markup', async () => {
    fakeApi([{ method: 'POST', path: '/api/auth/password-reset', status: 202, body: {} }])
    const wrapper = await ask('"<b>x</b>"@example.com')
    const sent = wrapper.get('[data-test="forgot-sent"]')
    expect(sent.find('b').exists()).toBe(false)
    expect(sent.text()).toContain('"<b>x</b>"@example.com')
  })

  it('says calmly to wait when asked too often, as for any address', async () => {
    fakeApi([
      {
        method: 'POST',
        path: '/api/auth/password-reset',
        status: 429,
        body: problem('too-many-requests', 429),
        headers: { 'Retry-After': '900' },
      },
    ])
    const wrapper = await ask('reader@example.com', 'zh-CN')
    expect(wrapper.get('[data-test="forgot-throttled"]').text()).toBe(
      '您在短时间内已多次申请。请查找已发送的链接（包括垃圾邮件），或几分钟后再试。',
    )
    expect(wrapper.find('.el-alert--info').exists()).toBe(true)
    expect(wrapper.find('.el-alert--error').exists()).toBe(false)
    expect(wrapper.find('[data-test="problem"]').exists()).toBe(false)
    expect(wrapper.find('[data-test="forgot-sent"]').exists()).toBe(false)
  })

  it('checks the address before sending anything', async () => {
    const api = fakeApi([])
    const wrapper = await ask('not-an-address')
    await vi.waitFor(() => expect(wrapper.text()).toContain('Please enter an email address'))
    expect(api.requests).toHaveLength(0)
  })

  it('is reached from the log-in page', async () => {
    fakeApi([])
    const { wrapper, router } = await mountPage('/login', 'zh-CN')
    mounted.push(wrapper)
    const link = wrapper.get('[data-test="forgot-password-link"]')
    expect(link.text()).toBe('忘记密码？')
    expect(link.attributes('href')).toBe(router.resolve({ name: 'forgot-password' }).href)
  })
})
