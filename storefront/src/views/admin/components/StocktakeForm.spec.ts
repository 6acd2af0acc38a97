import { afterEach, describe, expect, it, vi } from 'vitest'
import { fakeApi, mountAt, problem, settle } from '@/testing/app'
import '../messages'
import StocktakeForm from './StocktakeForm.vue'

const stock = { bookId: 'b-1', onHand: 12, reserved: 3, available: 9, lowStockThreshold: 5 }
const movement = {
  id: 41,
  bookId: 'b-1',
  kind: 'STOCKTAKE',
  onHandChange: -2,
  reservedChange: 0,
  onHand: 10,
  reserved: 3,
  available: 7,
  version: 9,
  occurredAt: '2026-03-01T08:00:00Z',
}

const mounted: { unmount(): void }[] = []
afterEach(() => {
  mounted.splice(0).forEach((wrapper) => wrapper.unmount())
  vi.unstubAllGlobals()
})

async function form(locale: 'en' | 'zh-CN' = 'en') {
  const { wrapper } = await mountAt(StocktakeForm, '/', locale, { stock })
  mounted.push(wrapper)
  await settle()
  const count = async (text: string) => {
    await wrapper.get('input[data-test="stocktake-counted"]').setValue(text)
    await settle()
  }
  return { wrapper, count, preview: () => wrapper.get('[data-test="stocktake-preview"]').text() }
}

describe('the stocktake form', () => {
  it('previews the variance against the recorded quantity as the count is typed', async () => {
    const { count, preview, wrapper } = await form()
    expect(preview()).toBe('')
    await count('10')
    expect(preview()).toContain('Recorded on hand: 12')
    expect(wrapper.get('[data-test="stocktake-variance"]').text()).toBe('Variance: −2')
    expect(wrapper.get('[data-test="stocktake-variance"]').classes()).toContain('loss')
    await count('15')
    expect(wrapper.get('[data-test="stocktake-variance"]').text()).toBe('Variance: +3')
    await count('12')
    expect(preview()).toContain('The count matches the records.')
  })

  it('previews in Chinese too', async () => {
    const { count, preview } = await form('zh-CN')
    await count('7')
    expect(preview()).toContain('账面在库：12')
    expect(preview()).toContain('差异：−5')
  })

  it('refuses a count below the reserved copies before sending it, as inventory would', async () => {
    const api = fakeApi([])
    const { count, wrapper } = await form()
    await count('2')
    expect(wrapper.text()).toContain('3 copies are reserved for open orders')
    await wrapper.get('form').trigger('submit')
    await settle()
    expect(api.requests).toHaveLength(0)
  })

  it('sends the count, says what it changed and clears the form', async () => {
    const api = fakeApi([{ method: 'POST', path: '/api/inventory/b-1/stocktakes', status: 201, body: movement }])
    const { count, wrapper } = await form()
    await count('10')
    await wrapper.get('input[data-test="stocktake-note"]').setValue('shelf B3')
    await wrapper.get('form').trigger('submit')
    await settle()
    expect(api.requests[0].body).toEqual({ counted: 10, note: 'shelf B3' })
    expect(wrapper.findComponent(StocktakeForm).emitted('done')?.[0]).toEqual([movement])
    expect(document.body.textContent).toContain('Count recorded (variance −2).')
    expect((wrapper.get('input[data-test="stocktake-counted"]').element as HTMLInputElement).value).toBe('')
  })

  it('shows a refusal of the API as a sentence in the reader’s language', async () => {
    fakeApi([{ method: 'POST', path: '/api/inventory/b-1/stocktakes', status: 409, body: problem('insufficient-stock', 409) }])
    const { count, wrapper } = await form('zh-CN')
    await count('10')
    await wrapper.get('form').trigger('submit')
    await settle()
    expect(wrapper.get('[data-test="problem"]').text()).toContain('库存不足。')
    expect(wrapper.text()).not.toContain('English detail')
  })
})
