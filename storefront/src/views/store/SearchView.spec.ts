import { flushPromises } from '@vue/test-utils'
import { afterEach, describe, expect, it, vi } from 'vitest'
import { fakeApi, mountAt } from '@/testing/app'
import SearchView from './SearchView.vue'

const page = {
  items: [],
  page: 0,
  size: 24,
  total: 0,
  facets: {
    category: [{ value: 'Science Fiction', count: 3 }],
    price: [{ value: '20-50', count: 2, from: 2000, to: 4999 }],
    inStock: [{ value: 'true', count: 2 }],
  },
}

describe('the search page', () => {
  afterEach(() => vi.unstubAllGlobals())

  it('asks the API for what the URL says, pages counted from one', async () => {
    const api = fakeApi([{ path: '/api/books', body: page }])
    const { wrapper } = await mountAt(SearchView, '/search?q=三体&category=Science%20Fiction&inStock=true&sort=newest&page=3')
    await flushPromises()
    const asked = api.requests[0].url.searchParams
    expect(Object.fromEntries(asked)).toEqual({
      q: '三体',
      category: 'Science Fiction',
      inStock: 'true',
      sort: 'newest',
      page: '2',
      size: '24',
    })
    wrapper.unmount()
  })

  it('keeps a chosen facet in the URL and starts again at page one', async () => {
    fakeApi([{ path: '/api/books', body: page }])
    const { wrapper, router } = await mountAt(SearchView, '/search?q=liu&page=4', 'zh-CN')
    await flushPromises()
    const price = wrapper.get('[data-test="facet-price"]')
    expect(price.text()).toContain('¥20.00 – ¥50.00')
    await price.trigger('click')
    await flushPromises()
    expect(router.currentRoute.value.query).toEqual({ q: 'liu', minPrice: '2000', maxPrice: '4999' })
    expect(wrapper.get('[data-test="facet-category"]').text()).toContain('科幻')
    wrapper.unmount()
  })

  it('sorts by rating and keeps a minimum rating in the URL, asked of the API', async () => {
    const api = fakeApi([{ path: '/api/books', body: page }])
    const { wrapper, router } = await mountAt(SearchView, '/search?q=liu&sort=rating', 'en')
    await flushPromises()
    expect(api.requests[0].url.searchParams.get('sort')).toBe('rating')
    const fourUp = wrapper.findAll('[data-test="facet-rating"]').find((button) => button.attributes('data-value') === '4')!
    expect(fourUp.text()).toBe('4 stars & up')
    await fourUp.trigger('click')
    await flushPromises()
    expect(router.currentRoute.value.query).toEqual({ q: 'liu', sort: 'rating', minRating: '4' })
    expect(api.requests.at(-1)!.url.searchParams.get('minRating')).toBe('4')
    wrapper.unmount()
  })
})
