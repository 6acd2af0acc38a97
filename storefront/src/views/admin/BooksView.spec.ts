import type { VueWrapper } from '@vue/test-utils'
import { afterEach, describe, expect, it, vi } from 'vitest'
import { fakeApi, mountPage, problem, settle } from '@/testing/app'

vi.setConfig({ testTimeout: 30_000 })

const book = (id: string, title: string, extra: Record<string, unknown> = {}) => ({
  id,
  isbn: '9787536692930',
  title,
  authors: ['刘慈欣'],
  translators: [],
  categories: [],
  price: { amount: 2300, currency: 'CNY' },
  status: 'ACTIVE',
  availability: { inStock: true, available: 2 },
  version: 7,
  createdAt: '2025-01-01T00:00:00Z',
  updatedAt: '2025-01-02T00:00:00Z',
  ...extra,
})
const catalogue = {
  items: [book('b-1', '三体'), book('b-2', 'Old Book', { status: 'DISCONTINUED' })],
  page: 0,
  size: 20,
  total: 2,
}
const stock = {
  items: [{ bookId: 'b-1', onHand: 5, reserved: 3, available: 2, lowStockThreshold: 5 }],
  page: 0,
  size: 2,
  total: 1,
}

const mounted: VueWrapper[] = []
afterEach(() => {
  mounted.splice(0).forEach((wrapper) => wrapper.unmount())
  document.body.innerHTML = ''
  vi.unstubAllGlobals()
})

describe('the books page', () => {
  it('lists the catalogue as the URL says, with the stock of the books on the page', async () => {
    const api = fakeApi([
      { path: '/api/books/catalogue', body: catalogue },
      { path: '/api/inventory', body: stock },
    ])
    const { wrapper } = await mountPage('/admin/books?q=liu&status=ACTIVE&page=2&size=50')
    mounted.push(wrapper)
    expect(Object.fromEntries(api.requests[0].url.searchParams)).toEqual({ q: 'liu', status: 'ACTIVE', page: '1', size: '50' })
    expect(api.requests[1].url.searchParams.getAll('bookId')).toEqual(['b-1', 'b-2'])
    const [first, second] = wrapper.findAll('[data-test="book-row"]')
    expect(first.get('[data-test="book-row-available"]').text()).toBe('2 Low')
    expect(first.text()).toContain('On sale')
    expect(second.text()).toContain('Discontinued')
    expect(second.find('[data-test="book-discontinue"]').exists()).toBe(false)
    expect((wrapper.get('input[data-test="book-search"]').element as HTMLInputElement).value).toBe('liu')
  })

  it('discontinues a book once confirmed, naming the version it saw, and shows the new state', async () => {
    const api = fakeApi([
      { method: 'DELETE', path: '/api/books/b-1', status: 204 },
      { path: '/api/books/catalogue', body: catalogue },
      { path: '/api/inventory', body: stock },
    ])
    const { wrapper } = await mountPage('/admin/books', 'zh-CN')
    mounted.push(wrapper)
    await wrapper.get('[data-test="book-discontinue"]').trigger('click')
    const confirm = await vi.waitFor(() => {
      const button = [...document.querySelectorAll<HTMLButtonElement>('.el-message-box button')].find(
        (candidate) => candidate.textContent?.trim() === '停售',
      )
      if (!button) throw new Error('no confirmation yet')
      return button
    })
    expect(document.querySelector('.el-message-box')?.textContent).toContain('《三体》将从搜索中移除')
    confirm.click()
    await vi.waitFor(() => expect(api.requests.some((request) => request.method === 'DELETE')).toBe(true))
    await settle()
    const deleted = api.requests.find((request) => request.method === 'DELETE')!
    expect(deleted.headers['If-Match']).toBe('"7"')
    expect(api.requests.filter((request) => request.url.pathname === '/api/books/catalogue')).toHaveLength(2)
    expect(document.body.textContent).toContain('《三体》已停售。')
  })

  it('shows a failed listing as a translated message with a way to try again', async () => {
    fakeApi([{ path: '/api/books/catalogue', status: 503, body: problem('service-unavailable', 503) }])
    const { wrapper } = await mountPage('/admin/books')
    mounted.push(wrapper)
    expect(wrapper.get('[data-test="problem"]').text()).toContain(
      'Part of the shop is unavailable right now. Please try again shortly.',
    )
    expect(wrapper.get('[data-test="problem"]').text()).toContain('Try again')
  })
})
