import type { VueWrapper } from '@vue/test-utils'
import { afterEach, describe, expect, it, vi } from 'vitest'
import { type Answer, fakeApi, mountPage, problem, settle } from '@/testing/app'
import * as fixtures from './analytics/fixtures'

vi.setConfig({ testTimeout: 30_000 })

const RANGE = 'from=2026-11-02&to=2026-11-22'

/** Every report the dashboard asks for, answered as analytics-service answers them. */
function reportsAnswered(overrides: Answer[] = []): Answer[] {
  return [
    ...overrides,
    { path: /^\/api\/analytics\/sales\?.*granularity=MONTH/, body: fixtures.monthlySales },
    { path: /^\/api\/analytics\/sales\?/, body: fixtures.weeklySales },
    { path: '/api/analytics/forecasts/shop', body: fixtures.shopDemand },
    { path: '/api/analytics/forecasts/book-1', body: fixtures.bookDemand },
    { path: '/api/analytics/top-sellers', body: fixtures.topSellers },
    { path: '/api/analytics/slow-movers', body: fixtures.slowMovers },
    { path: /^\/api\/analytics\/sales\/by\/CATEGORY/, body: fixtures.categories },
    { path: '/api/analytics/order-outcomes', body: fixtures.outcomes },
    { path: '/api/analytics/customers', body: fixtures.customers },
    { path: '/api/analytics/segments', body: fixtures.segments },
    { path: '/api/analytics/stock', body: fixtures.stock },
    { path: '/api/analytics/reorder-suggestions', body: fixtures.reorders },
  ]
}

const mounted: VueWrapper[] = []
afterEach(() => {
  mounted.splice(0).forEach((wrapper) => wrapper.unmount())
  document.body.innerHTML = ''
  vi.unstubAllGlobals()
  vi.restoreAllMocks()
  vi.useRealTimers()
})

async function open(path: string, answers: Answer[], locale: 'en' | 'zh-CN' = 'en') {
  const api = fakeApi(answers)
  const page = await mountPage(path, locale)
  mounted.push(page.wrapper)
  await settle()
  return { ...page, api }
}

describe('the analytics dashboard', () => {
  it('shows sales per week with their totals, the shop’s forecast band, rankings, split, outcomes, customers and segments', async () => {
    const { wrapper, api } = await open(`/admin/analytics?${RANGE}&granularity=WEEK`, reportsAnswered())
    expect(wrapper.get('h1').text()).toBe('Analytics')

    const sales = api.requests.find((request) => request.url.pathname === '/api/analytics/sales')!
    expect(Object.fromEntries(sales.url.searchParams)).toEqual({ from: '2026-11-02', to: '2026-11-22', granularity: 'WEEK' })
    expect(wrapper.get('[data-test="sales-chart"]').attributes('data-periods')).toBe('3')
    expect(wrapper.get('[data-test="sales-chart"]').attributes('aria-label')).toContain('3 periods from 2026-11-02 to 2026-11-22')
    expect(wrapper.get('[data-test="sales-revenue"]').text()).toBe('¥2,750.50')

    // The whole shop's demand: the next weeks expected, and the backtest in words.
    const shop = wrapper.get('[data-test="report-shop-forecast"]')
    expect(shop.get('[data-test="forecast-summary"]').text()).toBe(
      'Next 2 weeks from 2026-11-16: about 203 copies expected (model: seasonal regression (trend and time of year)).',
    )
    expect(shop.get('[data-test="backtest-verdict"]').text()).toBe(
      'Its errors were 25% smaller than those of repeating the same week last year: the model is worth using.',
    )
    expect(shop.get('[data-test="demand-chart"]').attributes('data-forecast-weeks')).toBe('2')

    // Titles are text, never markup.
    const titles = wrapper.get('[data-test="report-top-sellers"]').findAll('[data-test="ranked-title"]')
    expect(titles.map((title) => title.text())).toEqual(['三体', '<b>活着</b>'])
    expect(wrapper.get('[data-test="report-top-sellers"]').find('b').exists()).toBe(false)

    expect(wrapper.findAll('[data-test="share"]').map((share) => share.text())).toEqual([
      expect.stringContaining('小说'),
      expect.stringContaining('科幻'),
    ])
    expect(wrapper.get('[data-test="rejection-rate"]').text()).toBe('8.3%')
    expect(wrapper.findAll('[data-test="cancellation-reason"]').map((reason) => reason.text())).toEqual([
      'payment failed: 3',
      'timeout: 1',
    ])
    expect(wrapper.get('[data-test="repeat-rate"]').text()).toBe('32%')
    expect(wrapper.get('[data-test="segments-chart"]').attributes('data-snapshots')).toBe('2')
    expect(wrapper.get('[data-test="segment-sizes"]').text()).toContain('Champions45')
    expect(wrapper.findAll('[data-test="stock-row"]')).toHaveLength(2)
    expect(wrapper.get('[data-test="dead-count"]').text()).toContain('1')
    expect(wrapper.get('[data-test="reorder-row"]').text()).toContain('24')
    // The segments cover at least the year up to the range's end.
    const segmentsAsked = api.requests.find((request) => request.url.pathname === '/api/analytics/segments')!
    expect(segmentsAsked.url.searchParams.get('from')).toBe('2025-11-23')
    // Charts are drawn (as SVG).
    expect(wrapper.get('[data-test="sales-chart"]').find('svg').exists()).toBe(true)
  })

  it('asks again per month when the granularity changes, and keeps it in the URL', async () => {
    const { wrapper, api, router } = await open(`/admin/analytics?${RANGE}&granularity=WEEK`, reportsAnswered())
    await wrapper.get('[data-test="granularity-MONTH"] input').setValue(true)
    await settle()
    expect(router.currentRoute.value.query.granularity).toBe('MONTH')
    const asked = api.requests.filter((request) => request.url.pathname === '/api/analytics/sales')
    expect(asked.at(-1)!.url.searchParams.get('granularity')).toBe('MONTH')
    expect(wrapper.get('[data-test="sales-chart"]').attributes('data-periods')).toBe('1')
    expect(wrapper.get('[data-test="sales-chart"]').attributes('data-granularity')).toBe('MONTH')
  })

  it('shows a top seller’s forecast against what it sold, when its Forecast is chosen', async () => {
    const { wrapper, router } = await open(`/admin/analytics?${RANGE}`, reportsAnswered())
    expect(wrapper.find('[data-test="title-none"]').exists()).toBe(true)
    await wrapper.get('[data-test="report-top-sellers"] [data-test="ranked-forecast"]').trigger('click')
    await settle()
    expect(router.currentRoute.value.query.book).toBe('book-1')
    const forecast = wrapper.get('[data-test="report-title-forecast"]')
    expect(forecast.get('[data-test="title-chosen"]').text()).toBe('三体')
    expect(forecast.get('[data-test="backtest-verdict"]').attributes('data-verdict')).toBe('worse')
    expect(forecast.get('[data-test="backtest-verdict"]').text()).toContain('50% larger')
  })

  it('says calmly that analytics is still loading, and asks again by itself', async () => {
    vi.useFakeTimers({ shouldAdvanceTime: true })
    let ready = false
    const unavailable = problem('analytics-unavailable', 503)
    const api = fakeApi(reportsAnswered())
    const answered = api.fetch.getMockImplementation()!
    api.fetch.mockImplementation(async (input: string, init?: RequestInit) =>
      !ready && String(input).startsWith('/api/analytics/top-sellers')
        ? new Response(JSON.stringify(unavailable), { status: 503, headers: { 'Content-Type': 'application/problem+json' } })
        : answered(input, init),
    )
    const { wrapper } = await mountPage(`/admin/analytics?${RANGE}`, 'zh-CN')
    mounted.push(wrapper)
    await settle()
    const card = wrapper.get('[data-test="report-top-sellers"]')
    expect(card.get('[data-test="analytics-unavailable"]').text()).toContain('数据分析正在读取店铺的历史数据')
    expect(card.find('[data-test="problem"]').exists()).toBe(false)
    ready = true
    await vi.advanceTimersByTimeAsync(10_000)
    await settle()
    expect(card.find('[data-test="analytics-unavailable"]').exists()).toBe(false)
    expect(card.findAll('[data-test="ranked-book"]')).toHaveLength(2)
  })

  it('downloads a report as CSV, asked for with Accept text/csv, under a file name that says what it holds', async () => {
    const { wrapper, api } = await open(`/admin/analytics?${RANGE}&granularity=WEEK`, reportsAnswered())
    const saved: { href: string; download: string }[] = []
    vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(function (this: HTMLAnchorElement) {
      saved.push({ href: this.href, download: this.download })
    })
    const created = vi.spyOn(URL, 'createObjectURL').mockReturnValue('blob:csv-1')
    vi.spyOn(URL, 'revokeObjectURL').mockReturnValue(undefined)
    await wrapper.get('[data-test="csv-sales"]').trigger('click')
    await settle()
    const csv = api.requests.at(-1)!
    expect(csv.url.pathname).toBe('/api/analytics/sales')
    expect(csv.headers.Accept).toBe('text/csv')
    expect(Object.fromEntries(csv.url.searchParams)).toEqual({ from: '2026-11-02', to: '2026-11-22', granularity: 'WEEK' })
    expect(created).toHaveBeenCalledWith(expect.any(Blob))
    expect(saved).toEqual([{ href: 'blob:csv-1', download: 'sales_2026-11-02_2026-11-22_week.csv' }])
  })

  it('says why a CSV could not be had', async () => {
    const { wrapper } = await open(`/admin/analytics?${RANGE}`, reportsAnswered())
    fakeApi([{ path: '/api/analytics/stock', status: 400, body: problem('invalid-range', 400) }])
    await wrapper.get('[data-test="csv-stock"]').trigger('click')
    await settle()
    expect(wrapper.get('[data-test="report-stock"] [data-test="problem"]').text()).toContain('Please choose a range')
  })
})
