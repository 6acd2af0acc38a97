import { afterEach, describe, expect, it, vi } from 'vitest'
import type { Review } from '@/api/types'
import { useSession } from '@/stores/session'
import { fakeApi, mountAt, settle } from '@/testing/app'
import BookReviews from './BookReviews.vue'

const BOOK = 'b0000000-0000-4000-8000-000000000001'
const MARKUP = '<img src=x onerror="window.__xss=1"><b>bold</b>'

function review(id: string, extra: Partial<Review> = {}): Review {
  return {
    id,
    bookId: BOOK,
    rating: 4,
    text: `review ${id}`,
    author: { name: null, verifiedBuyer: true },
    createdAt: '2026-12-01T08:00:00Z',
    updatedAt: '2026-12-01T08:00:00Z',
    edited: false,
    helpfulCount: 0,
    mine: false,
    votedHelpful: false,
    ...extra,
  }
}

function listing(items: Review[]) {
  return { items, page: 0, size: 10, total: items.length, rating: { average: 4, count: items.length } }
}

async function open(standing: unknown, items: Review[], locale: 'en' | 'zh-CN' = 'en') {
  const api = fakeApi([
    { path: `/api/books/${BOOK}/reviews/mine`, body: standing },
    { path: `/api/books/${BOOK}/reviews`, body: listing(items) },
    { method: 'POST', path: `/api/books/${BOOK}/reviews`, status: 201, body: review('new', { mine: true }) },
    { method: 'POST', path: `/api/books/${BOOK}/reviews/r-2/helpful`, body: review('r-2', { helpfulCount: 1, votedHelpful: true }) },
  ])
  const { wrapper } = await mountAt(BookReviews, `/books/${BOOK}`, locale, { bookId: BOOK })
  useSession().accessToken = 'a-token'
  await settle()
  return { api, wrapper }
}

describe('the reviews of a book', () => {
  afterEach(() => vi.unstubAllGlobals())

  it('shows a review from a closed account by its stars alone, named as from a closed account', async () => {
    const closed = review('r-9', { text: null, author: { name: null, verifiedBuyer: true, accountClosed: true } })
    const { wrapper } = await open({ verifiedBuyer: false, review: null }, [closed, review('r-1')], 'zh-CN')
    const [first, second] = wrapper.findAll('[data-test="review-author"]')
    expect(first.text()).toBe('已注销的账户')
    expect(second.text()).toBe('已购读者')
    expect(wrapper.findAll('[data-test="review-text-shown"]')).toHaveLength(1)
    wrapper.unmount()
  })

  it('tells a reader who did not receive the book why they cannot review it', async () => {
    const { wrapper } = await open({ verifiedBuyer: false, review: null }, [review('r-1')], 'zh-CN')
    expect(wrapper.get('[data-test="review-not-eligible"]').text()).toBe('只有已收到这本书的读者才能评价。')
    expect(wrapper.find('[data-test="review-form"]').exists()).toBe(false)
    wrapper.unmount()
  })

  it('lets a verified buyer write one, with stars required and the text limit counted', async () => {
    const { api, wrapper } = await open({ verifiedBuyer: true, review: null }, [])
    expect(wrapper.get('[data-test="review-form"]').text()).toContain('0 / 2000')
    await wrapper.get('[data-test="review-form"]').trigger('submit')
    await settle()
    expect(wrapper.get('[data-test="review-form"] [role="alert"]').text()).toBe('Please choose 1 to 5 stars.')
    expect(api.requests.some((request) => request.method === 'POST')).toBe(false)

    await wrapper.findAll('.el-rate__item')[2].trigger('click')
    await wrapper.get('textarea').setValue(MARKUP)
    await wrapper.get('[data-test="review-form"]').trigger('submit')
    await settle()
    const post = api.requests.find((request) => request.method === 'POST')!
    expect(post.body).toEqual({ rating: 3, text: MARKUP })
    wrapper.unmount()
  })

  it('shows the reader’s own review once, marked, with its actions, and the others as text with helpful votes', async () => {
    const own = review('r-1', { mine: true, text: 'mine' })
    const { api, wrapper } = await open({ verifiedBuyer: true, review: own }, [own, review('r-2', { text: MARKUP })])
    const shown = wrapper.findAll('[data-test="review"]')
    expect(shown).toHaveLength(2)
    expect(shown[0].attributes('data-mine')).toBe('true')
    expect(shown[0].get('[data-test="review-mine"]').text()).toBe('Your review')
    expect(shown[0].find('[data-test="review-edit"]').exists()).toBe(true)
    expect(shown[0].find('[data-test="review-delete"]').exists()).toBe(true)
    expect(shown[1].get('[data-test="review-text-shown"]').text()).toBe(MARKUP)
    expect(shown[1].find('img').exists()).toBe(false)
    expect(shown[1].find('b').exists()).toBe(false)

    await shown[1].get('[data-test="review-helpful"]').trigger('click')
    await settle()
    expect(api.requests.some((request) => request.url.pathname.endsWith('/r-2/helpful'))).toBe(true)
    expect(wrapper.findAll('[data-test="review"]')[1].get('[data-test="review-helpful"]').text()).toBe('You found this helpful (1)')
    wrapper.unmount()
  })
})
