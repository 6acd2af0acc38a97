import type { VueWrapper } from '@vue/test-utils'
import { afterEach, describe, expect, it, vi } from 'vitest'
import { fakeApi, mountPage, problem, settle } from '@/testing/app'

vi.setConfig({ testTimeout: 30_000 })

const id = '5d1c3a7e-0000-4000-8000-000000000001'
const book = { id, isbn: '9787536692930', title: '三体', authors: ['刘慈欣'], version: 1 }
const stock = (onHand: number) => ({ bookId: id, onHand, reserved: 0, available: onHand, lowStockThreshold: 5 })
const receipt = {
  id: 2,
  bookId: id,
  kind: 'RECEIPT',
  onHandChange: 7,
  reservedChange: 0,
  onHand: 7,
  reserved: 0,
  available: 7,
  version: 2,
  note: '供应商 A',
  occurredAt: '2026-03-01T08:00:00Z',
}
const opening = { ...receipt, id: 1, kind: 'OPENING', onHandChange: 0, onHand: 0, available: 0, note: null }
const ledger = (...items: unknown[]) => ({ items, page: 0, size: 20, total: items.length })

const mounted: VueWrapper[] = []
afterEach(() => {
  mounted.splice(0).forEach((wrapper) => wrapper.unmount())
  document.body.innerHTML = ''
  vi.unstubAllGlobals()
})

describe('a book’s stock page', () => {
  it('records a receipt and shows the new levels and ledger', async () => {
    const replies = [
      { path: `/api/books/${id}`, body: book },
      { path: `/api/inventory/${id}`, body: stock(0) },
      { path: `/api/inventory/${id}/movements`, body: ledger(opening) },
      { method: 'POST', path: `/api/inventory/${id}/receipts`, status: 201, body: receipt },
    ]
    const api = fakeApi(replies)
    const { wrapper } = await mountPage(`/admin/inventory/${id}`)
    mounted.push(wrapper)
    expect(wrapper.get('h1').text()).toBe('Stock: 三体')
    expect(wrapper.get('[data-test="stock-available"]').text()).toBe('0')
    expect(wrapper.findAll('[data-test="movement-row"]')).toHaveLength(1)

    replies[1] = { path: `/api/inventory/${id}`, body: stock(7) }
    replies[2] = { path: `/api/inventory/${id}/movements`, body: ledger(receipt, opening) }
    await wrapper.get('input[data-test="receipt-quantity"]').setValue('7')
    expect(wrapper.get('[data-test="receipt-preview"]').text()).toBe('On hand: 0 → 7')
    await wrapper.get('input[data-test="receipt-note"]').setValue('供应商 A')
    await wrapper.get('section[aria-labelledby="receipt-heading"] form').trigger('submit')
    await settle()
    expect(api.requests.find((request) => request.method === 'POST')!.body).toEqual({ quantity: 7, note: '供应商 A' })
    expect(wrapper.get('[data-test="stock-available"]').text()).toBe('7')
    const rows = wrapper.findAll('[data-test="movement-row"]')
    expect(rows).toHaveLength(2)
    expect(rows[0].text()).toContain('Receipt')
    expect(rows[0].text()).toContain('+7')
    expect(rows[0].text()).toContain('供应商 A')
    expect(document.body.textContent).toContain('7 copies received.')
  })

  it('waits for the stock record of a book just added instead of calling it missing', async () => {
    fakeApi([
      { path: `/api/books/${id}`, body: book },
      { path: `/api/inventory/${id}`, status: 404, body: problem('stock-not-found', 404) },
      { path: `/api/inventory/${id}/movements`, body: ledger() },
    ])
    const { wrapper } = await mountPage(`/admin/inventory/${id}`, 'zh-CN')
    mounted.push(wrapper)
    expect(wrapper.get('[data-test="stock-setting-up"]').text()).toBe('正在为这本书建立库存记录…')
    expect(wrapper.find('[data-test="problem"]').exists()).toBe(false)

    fakeApi([
      { path: `/api/books/${id}`, body: book },
      { path: `/api/inventory/${id}`, body: stock(0) },
      { path: `/api/inventory/${id}/movements`, body: ledger(opening) },
    ])
    await vi.waitFor(() => expect(wrapper.find('[data-test="stock-available"]').exists()).toBe(true), { timeout: 3000 })
    await settle()
    expect(wrapper.find('[data-test="stock-setting-up"]').exists()).toBe(false)
    expect(wrapper.findAll('[data-test="movement-row"]')).toHaveLength(1)
    expect(wrapper.text()).toContain('期初库存')
  })

  it('shows a customer’s returned copies, the damaged ones as written off', async () => {
    const returned = { ...receipt, id: 3, kind: 'RETURN', onHandChange: 1, onHand: 8, available: 8, note: null, returnId: 'r-1', writtenOff: 0 }
    const damaged = { ...returned, id: 4, kind: 'DAMAGED', onHandChange: 0, writtenOff: 1 }
    fakeApi([
      { path: `/api/books/${id}`, body: book },
      { path: `/api/inventory/${id}`, body: stock(8) },
      { path: `/api/inventory/${id}/movements`, body: ledger(damaged, returned, receipt) },
    ])
    const { wrapper } = await mountPage(`/admin/inventory/${id}`, 'zh-CN')
    mounted.push(wrapper)
    const rows = wrapper.findAll('[data-test="movement-row"]')
    expect(rows[0].text()).toContain('退回破损，已报损')
    expect(rows[0].get('[data-test="movement-written-off"]').text()).toBe('报损 1 本')
    expect(rows[1].text()).toContain('客户退回')
    expect(rows[1].find('[data-test="movement-written-off"]').exists()).toBe(false)
  })
})
