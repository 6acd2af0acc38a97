import { afterEach, describe, expect, it, vi } from 'vitest'
import type { BookRecommendations, Picks } from '@/api/recommendations'
import type { BookHit } from '@/api/types'
import { useSession } from '@/stores/session'
import { fakeApi, mountAt, mountPage, settle } from '@/testing/app'
import BookRecommendationsView from './BookRecommendations.vue'
import PickedForYou from './PickedForYou.vue'

const BOOK = 'b0000000-0000-4000-8000-000000000001'
const MARKUP = '<img src=x onerror="window.__xss=1"><b>bold</b>'

function hit(id: string, title: string): BookHit {
  return {
    id,
    isbn: '9787536692930',
    title,
    authors: ['刘慈欣'],
    categories: ['科幻'],
    price: { amount: 2300, currency: 'CNY' },
    coverImage: null,
    availability: { inStock: true, available: 5 },
    rating: null,
  }
}

function forBook(boughtTogether: BookHit[], similar: BookHit[]): BookRecommendations {
  return { bookId: BOOK, boughtTogether, similar }
}

const recommendationsPath = `/api/books/${BOOK}/recommendations`

describe('a book’s recommendations', () => {
  afterEach(() => vi.unstubAllGlobals())

  it('shows the books bought with it and the similar ones under their headings, titles as text', async () => {
    const api = fakeApi([
      { path: recommendationsPath, body: forBook([hit('t-1', MARKUP), hit('t-2', '球状闪电')], [hit('s-1', '流浪地球')]) },
    ])
    const { wrapper } = await mountAt(BookRecommendationsView, `/books/${BOOK}`, 'zh-CN', { bookId: BOOK })
    await settle()

    const together = wrapper.get('[data-test="bought-together"]')
    expect(together.get('h2').text()).toBe('买了这本书的人还买了')
    expect(together.findAll('[data-test="book-card"]')).toHaveLength(2)
    expect(together.findAll('[data-test="book-card"] h3')[0].text()).toBe(MARKUP)
    expect(together.find('img[src="x"]').exists()).toBe(false)
    expect(wrapper.get('[data-test="similar-books"] h2').text()).toBe('相似图书')
    expect(wrapper.get('[data-test="similar-books"]').text()).toContain('流浪地球')
    expect(api.requests[0].url.searchParams.get('limit')).toBe('6')
    wrapper.unmount()
  })

  it('hides a section without books, in English too', async () => {
    fakeApi([{ path: recommendationsPath, body: forBook([], [hit('s-1', 'The Dark Forest')]) }])
    const { wrapper } = await mountAt(BookRecommendationsView, `/books/${BOOK}`, 'en', { bookId: BOOK })
    await settle()

    expect(wrapper.find('[data-test="bought-together"]').exists()).toBe(false)
    expect(wrapper.get('[data-test="similar-books"] h2').text()).toBe('Similar books')
    wrapper.unmount()
  })

  it('shows nothing when recommendations cannot be had', async () => {
    fakeApi([{ path: recommendationsPath, status: 503, body: { title: 'Unavailable', status: 503 } }])
    const { wrapper } = await mountAt(BookRecommendationsView, `/books/${BOOK}`, 'en', { bookId: BOOK })
    await settle()

    expect(wrapper.find('[data-test="bought-together"]').exists()).toBe(false)
    expect(wrapper.find('[data-test="similar-books"]').exists()).toBe(false)
    expect(wrapper.find('[role="alert"]').exists()).toBe(false)
    wrapper.unmount()
  })

  it('asks with the customer’s token once they sign in, so what they bought is left out', async () => {
    const api = fakeApi([{ path: recommendationsPath, body: forBook([], [hit('s-1', '三体Ⅱ')]) }])
    const { wrapper } = await mountAt(BookRecommendationsView, `/books/${BOOK}`, 'en', { bookId: BOOK })
    await settle()
    expect(api.requests[0].headers.Authorization).toBeUndefined()

    useSession().accessToken = 'a-token'
    await settle()
    expect(api.requests).toHaveLength(2)
    expect(api.requests[1].headers.Authorization).toBe('Bearer a-token')
    wrapper.unmount()
  })
})

describe('picks for the signed-in customer', () => {
  afterEach(() => vi.unstubAllGlobals())

  function answering(picks: Picks) {
    return fakeApi([{ path: '/api/recommendations/me', body: picks }])
  }

  it('are not asked for a visitor who has not signed in', async () => {
    const api = answering({ picks: [hit('p-1', '三体')], basedOn: 'PURCHASES' })
    const { wrapper } = await mountAt(PickedForYou, '/', 'zh-CN')
    await settle()

    expect(api.requests).toHaveLength(0)
    expect(wrapper.find('[data-test="picked-for-you"]').exists()).toBe(false)
    wrapper.unmount()
  })

  it('show the customer’s own picks with what they are based on', async () => {
    answering({ picks: [hit('p-1', '三体'), hit('p-2', MARKUP)], basedOn: 'PURCHASES' })
    const { wrapper } = await mountAt(PickedForYou, '/', 'zh-CN')
    useSession().accessToken = 'a-token'
    await settle()

    const section = wrapper.get('[data-test="picked-for-you"]')
    expect(section.get('h2').text()).toBe('为你推荐')
    expect(section.text()).toContain('根据你和相似读者的购买记录')
    expect(section.findAll('[data-test="book-card"]')).toHaveLength(2)
    expect(section.findAll('[data-test="book-card"] h3')[1].text()).toBe(MARKUP)
    wrapper.unmount()
  })

  it('say so when they are the shop’s bestsellers, for a new customer', async () => {
    answering({ picks: [hit('p-1', 'Ball Lightning')], basedOn: 'BESTSELLERS' })
    const { wrapper } = await mountAt(PickedForYou, '/', 'en')
    useSession().accessToken = 'a-token'
    await settle()

    expect(wrapper.get('[data-test="picked-for-you"] h2').text()).toBe('Picked for you')
    expect(wrapper.get('[data-test="picked-for-you"]').text()).toContain('Popular with readers right now')
    wrapper.unmount()
  })

  it('appear on the home page above the bestsellers', async () => {
    fakeApi([
      { path: '/api/recommendations/me', body: { picks: [hit('p-1', '三体')], basedOn: 'PURCHASES' } },
      { path: '/api/books', body: { items: [hit('b-1', '活着')], page: 0, size: 12, total: 1, facets: {} } },
    ])
    const { wrapper } = await mountPage('/', 'en')
    useSession().accessToken = 'a-token'
    await settle()

    const headings = wrapper.findAll('h2').map((heading) => heading.text())
    expect(headings.indexOf('Picked for you')).toBeGreaterThanOrEqual(0)
    expect(headings.indexOf('Picked for you')).toBeLessThan(headings.indexOf('Bestsellers'))
    wrapper.unmount()
  })
})
