import { describe, expect, it, vi } from 'vitest'
import { fakeApi, mountPage, unmountAfterEach } from '@/testing/app'
import { fill, submitAround } from '@/testing/forms'
import { profile, TOKENS } from '@/testing/profiles'

vi.setConfig({ testTimeout: 30_000 })

const mounted = unmountAfterEach()

function shop() {
  return fakeApi([
    { method: 'POST', path: '/api/users', status: 201, body: profile() },
    { method: 'POST', path: '/api/auth/session', body: TOKENS },
    { path: '/api/users/me', body: profile() },
    { path: '/api/books', body: { items: [], page: 0, size: 12, total: 0, facets: {} } },
  ])
}

async function register(locale: 'en' | 'zh-CN', language?: 'en' | 'zh-CN') {
  const page = await mountPage('/register', locale)
  mounted.push(page.wrapper)
  await fill('register-name', '新读者')
  await fill('register-email', 'new@example.com')
  await fill('register-password', 'Reading-Lamp-and-Tea-7')
  if (language) await page.wrapper.get(`[data-test="register-language-${language}"] input`).setValue(true)
  await submitAround(page.wrapper, 'register-submit')
  return page
}

describe('registering', () => {
  it('offers the page’s language as the one to be written to in, and sends it', async () => {
    const api = shop()
    const { router } = await register('en')
    await vi.waitFor(() => expect(router.currentRoute.value.name).toBe('home'))
    const created = api.requests.find((request) => request.method === 'POST' && request.url.pathname === '/api/users')!
    expect(created.body).toEqual({ email: 'new@example.com', password: 'Reading-Lamp-and-Tea-7', displayName: '新读者', language: 'en' })
    expect(document.documentElement.lang).toBe('en')
  })

  it('sends the other language when chosen, and the pages switch to it', async () => {
    const api = shop()
    const { router } = await register('zh-CN', 'en')
    await vi.waitFor(() => expect(router.currentRoute.value.name).toBe('home'))
    const created = api.requests.find((request) => request.method === 'POST' && request.url.pathname === '/api/users')!
    expect((created.body as { language: string }).language).toBe('en')
    expect(document.documentElement.lang).toBe('en')
  })
})
