import { afterEach, describe, expect, it, vi } from 'vitest'
import type { VueWrapper } from '@vue/test-utils'
import { fakeApi, mountPage, problem, settle } from '@/testing/app'

// The first page mounted loads the console's modules; that takes a while on a busy machine.
vi.setConfig({ testTimeout: 30_000 })

const book = {
  id: '5d1c3a7e-0000-4000-8000-000000000001',
  isbn: '9787536692930',
  isbn10: '7536692935',
  title: '三体',
  subtitle: null,
  authors: ['刘慈欣'],
  translators: [],
  publisher: '重庆出版社',
  publicationDate: '2008-01',
  language: 'zh',
  categories: ['科幻'],
  pageCount: 302,
  format: 'PAPERBACK',
  edition: null,
  description: null,
  coverImage: null,
  price: { amount: 2300, currency: 'CNY' },
  status: 'ACTIVE',
  availability: { inStock: true, available: 5 },
  version: 3,
  createdAt: '2025-01-01T00:00:00Z',
  updatedAt: '2025-01-02T00:00:00Z',
}

const NO_REVIEWS = { items: [], page: 0, size: 20, total: 0, rating: { average: null, count: 0 } }

function review(id: string, text: string, hidden?: { reason: string; hiddenAt: string }) {
  return {
    id,
    bookId: book.id,
    rating: 2,
    text,
    author: { name: null, verifiedBuyer: true },
    createdAt: '2026-12-01T08:00:00Z',
    updatedAt: '2026-12-01T08:00:00Z',
    edited: false,
    helpfulCount: 3,
    mine: false,
    votedHelpful: false,
    ...(hidden ? { hidden } : {}),
  }
}

const mounted: VueWrapper[] = []
afterEach(() => {
  mounted.splice(0).forEach((wrapper) => wrapper.unmount())
  vi.unstubAllGlobals()
})

async function open(path: string, locale: 'en' | 'zh-CN' = 'en') {
  const { wrapper, router } = await mountPage(path, locale)
  mounted.push(wrapper)
  const fill = async (field: string, value: string) => {
    await wrapper.get(`[data-test="${field}"]`).setValue(value)
  }
  const save = async () => {
    await wrapper.get('form').trigger('submit')
    await settle()
  }
  return { wrapper, router, fill, save }
}

async function fillNewBook(fill: (field: string, value: string) => Promise<void>) {
  await fill('book-isbn', '978-7-5366-9293-0')
  await fill('book-title', '三体')
  await fill('book-authors', '刘慈欣，  宝树')
  await fill('book-price', '23.5')
  await fill('book-stock', '12')
}

describe('adding a book', () => {
  it('checks the form before sending anything, and says which fields need work', async () => {
    const api = fakeApi([])
    const { wrapper, save } = await open('/admin/books/new')
    await save()
    expect(api.requests.filter((request) => request.method === 'POST')).toHaveLength(0)
    expect(wrapper.text()).toContain('Please correct the marked fields.')
    expect(wrapper.get('[data-test="book-isbn-error"]').text()).toBe('Please fill this in.')
    expect(wrapper.get('input[data-test="book-title"]').attributes('aria-invalid')).toBe('true')
    expect(wrapper.text()).toContain('Please enter at least one name.')
  })

  it('sends the book as the catalogue takes it and goes on to edit it', async () => {
    const api = fakeApi([
      { method: 'POST', path: '/api/books', status: 201, body: book },
      { path: `/api/books/${book.id}`, body: book },
      { path: `/api/books/${book.id}/reviews`, body: NO_REVIEWS },
    ])
    const { fill, save, router, wrapper } = await open('/admin/books/new')
    await fillNewBook(fill)
    await save()
    const post = api.requests.find((request) => request.method === 'POST')!
    expect(post.body).toEqual({
      isbn: '978-7-5366-9293-0',
      title: '三体',
      authors: ['刘慈欣', '宝树'],
      language: 'zh',
      price: { amount: 2350, currency: 'CNY' },
      initialStock: 12,
    })
    await vi.waitFor(() => expect(router.currentRoute.value.path).toBe(`/admin/books/${book.id}`))
    await settle()
    expect(document.body.textContent).toContain('“三体” was added.')
    expect(wrapper.get('h1').text()).toBe('Edit “三体”')
  })

  it('shows a refused ISBN as a translated message, on the ISBN field too', async () => {
    fakeApi([{ method: 'POST', path: '/api/books', status: 409, body: problem('duplicate-isbn', 409) }])
    const { fill, save, wrapper } = await open('/admin/books/new', 'zh-CN')
    await fillNewBook(fill)
    await save()
    expect(wrapper.get('[data-test="problem"]').text()).toBe('已存在相同 ISBN 的图书。')
    expect(wrapper.get('[data-test="book-isbn-error"]').text()).toBe('已存在相同 ISBN 的图书。')
    expect(wrapper.text()).not.toContain('English detail')
  })

  it('puts the fields a validation problem names onto the form', async () => {
    fakeApi([
      {
        method: 'POST',
        path: '/api/books',
        status: 400,
        body: problem('validation', 400, {
          errors: [
            { field: 'price.amount', message: 'must be less than or equal to 100000000' },
            { field: 'authors[1]', message: 'must not be blank' },
          ],
        }),
      },
    ])
    const { fill, save, wrapper } = await open('/admin/books/new')
    await fillNewBook(fill)
    await save()
    expect(wrapper.get('[data-test="problem"]').text()).toBe(
      'Some of what you entered is not valid. Please check: price.amount, authors[1]',
    )
    const messages = wrapper.findAll('.field-error').map((error) => error.text())
    expect(messages).toEqual([
      'The shop did not accept this value. Please check it.',
      'The shop did not accept this value. Please check it.',
    ])
    expect(wrapper.get('input[data-test="book-price"]').attributes('aria-invalid')).toBe('true')
    // Editing the field takes the API's word on it back.
    await fill('book-price', '23.80')
    await settle()
    expect(wrapper.get('input[data-test="book-price"]').attributes('aria-invalid')).toBe('false')
  })
})

describe('editing a book', () => {
  it('sends the version it edits, and no stock', async () => {
    const api = fakeApi([
      { path: `/api/books/${book.id}`, body: book },
      { path: `/api/books/${book.id}/reviews`, body: NO_REVIEWS },
      { method: 'PUT', path: `/api/books/${book.id}`, body: { ...book, title: '三体 I', version: 4 } },
    ])
    const { fill, save, wrapper } = await open(`/admin/books/${book.id}`)
    expect((wrapper.get('input[data-test="book-price"]').element as HTMLInputElement).value).toBe('23.00')
    expect(wrapper.find('[data-test="book-stock"]').exists()).toBe(false)
    await fill('book-title', '三体 I')
    await save()
    const put = api.requests.find((request) => request.method === 'PUT')!
    expect(put.headers['If-Match']).toBe('"3"')
    expect(put.body).toMatchObject({ title: '三体 I', price: { amount: 2300, currency: 'CNY' }, pageCount: 302 })
    expect(put.body).not.toHaveProperty('initialStock')
    expect(wrapper.get('h1').text()).toBe('Edit “三体 I”')
  })

  it('offers the latest version when someone else changed the book in the meantime', async () => {
    fakeApi([
      { path: `/api/books/${book.id}`, body: book },
      { path: `/api/books/${book.id}/reviews`, body: NO_REVIEWS },
      { method: 'PUT', path: `/api/books/${book.id}`, status: 412, body: problem('stale-version', 412) },
    ])
    const { fill, save, wrapper } = await open(`/admin/books/${book.id}`, 'zh-CN')
    await fill('book-title', '三体 I')
    await save()
    expect(wrapper.get('[data-test="problem"]').text()).toBe('内容已被他人修改，请刷新后查看最新版本。')
    await wrapper.get('[data-test="book-reload"]').trigger('click')
    await settle()
    expect((wrapper.get('input[data-test="book-title"]').element as HTMLInputElement).value).toBe('三体')
    expect(wrapper.find('[data-test="problem"]').exists()).toBe(false)
  })
})

describe('moderating the reviews of a book', () => {
  it('lists hidden reviews with their reason, and hides one only with a reason', async () => {
    const markup = '<img src=x onerror="window.__xss=1">'
    const api = fakeApi([
      { path: `/api/books/${book.id}`, body: book },
      {
        path: `/api/books/${book.id}/reviews`,
        body: {
          items: [review('r-1', markup), review('r-2', '广告', { reason: '含有广告', hiddenAt: '2026-12-02T08:00:00Z' })],
          page: 0,
          size: 20,
          total: 2,
          rating: { average: 2, count: 1 },
        },
      },
      { method: 'POST', path: `/api/books/${book.id}/reviews/r-1/hide`, body: review('r-1', markup, { reason: '不当', hiddenAt: '2026-12-03T08:00:00Z' }) },
    ])
    const { wrapper } = await open(`/admin/books/${book.id}`, 'zh-CN')
    const items = wrapper.findAll('[data-test="review-moderation"] [data-test="review"]')
    expect(items).toHaveLength(2)
    // Shown as the characters typed, not as an element.
    expect(items[0].get('[data-test="review-text-shown"]').text()).toBe(markup)
    expect(items[0].find('img').exists()).toBe(false)
    expect(items[1].get('[data-test="review-hidden-reason"]').text()).toContain('含有广告')
    expect(items[1].find('[data-test="review-unhide"]').exists()).toBe(true)

    await items[0].get('[data-test="review-hide"]').trigger('click')
    await settle()
    await wrapper.get('[data-test="review-moderation"] form').trigger('submit')
    await settle()
    expect(wrapper.get('[data-test="review-moderation"] [role="alert"]').text()).toBe('请填写原因。')
    expect(api.requests.some((request) => request.method === 'POST')).toBe(false)
  })
})
