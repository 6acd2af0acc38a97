import { type APIRequestContext, expect, test } from '@playwright/test'
import {
  admin,
  confirmDialog,
  deliveredBuyer,
  expectAccessible,
  findBooks,
  logIn,
  newCustomer,
  placeConfirmedOrder,
  screenshot,
  shipOrder,
  tokenOf,
  useLanguage,
  watchConsole,
} from './support'

// Markup a reader might type: shown as these very characters, never run.
const MARKUP = '<img src=x onerror="window.__xss=1"><b>bold</b>'

/** A book in stock, picked at random, so runs against the same shop spread their reviews. */
async function someBook(request: APIRequestContext) {
  const books = await findBooks(request, { language: 'zh' })
  return books[Math.floor(Math.random() * books.length)]
}

test('a customer follows the parcel to DELIVERED, confirms receipt and reviews the book, markup shown as text', async ({ page, request }) => {
  const console = watchConsole(page)
  const book = await someBook(request)
  const customer = await newCustomer(request, '读者')
  const token = await tokenOf(request, customer)
  const orderId = await placeConfirmedOrder(request, token, book.id)
  await shipOrder(request, orderId)

  await logIn(page, customer)
  await page.goto(`/orders/${orderId}`)
  await expect(page.getByTestId('tracking-timeline')).toBeVisible()
  // The page follows the carrier by itself: no reload.
  await expect(page.getByTestId('order-status')).toHaveAttribute('data-status', 'DELIVERED', { timeout: 60_000 })
  const events = page.getByTestId('tracking-event')
  await expect(events.first()).toHaveAttribute('data-status', 'DELIVERED')
  await expect(events.first()).toContainText('已签收')
  expect(await events.count()).toBeGreaterThanOrEqual(3)
  await expect(events.last()).toHaveAttribute('data-status', 'COLLECTED')
  await expectAccessible(page, 'order tracking')
  await screenshot(page, 'order-tracking')
  await useLanguage(page, 'en')
  await expect(events.first()).toContainText('Delivered')
  await screenshot(page, 'order-tracking')
  await useLanguage(page, 'zh-CN')

  await page.getByTestId('receive-order').click()
  await confirmDialog(page, '确认收货')
  await expect(page.getByTestId('order-status')).toHaveAttribute('data-status', 'RECEIVED')
  await expect(page.getByTestId('receive-order')).toHaveCount(0)

  await page.getByTestId('write-review').first().click()
  await expect(page).toHaveURL(new RegExp(`/books/${book.id}#reviews`))
  const form = page.getByTestId('review-form')
  await expect(form).toBeVisible()
  await form.locator('.el-rate__item').nth(3).click()
  await form.locator('textarea').fill(MARKUP)
  await expect(form).toContainText(`${MARKUP.length} / 2000`)
  await form.getByTestId('review-submit').click()

  const mine = page.locator('[data-test="review"][data-mine="true"]')
  await expect(mine.first()).toBeVisible()
  await expect(mine.first().getByTestId('review-text-shown')).toHaveText(MARKUP)
  await expect(mine.first().getByTestId('review-stars')).toHaveAttribute('data-rating', '4')
  await expect(page.getByTestId('reviews').locator('img[src="x"], b')).toHaveCount(0)
  expect(await page.evaluate(() => (window as unknown as { __xss?: number }).__xss)).toBeUndefined()
  await expect(page.getByTestId('book-rating').first()).toBeVisible()
  await expect(page.getByTestId('review-form')).toHaveCount(0)
  await expectAccessible(page, 'book with reviews')
  await page.evaluate(() => window.scrollTo(0, 0))
  // The "published" note has gone.
  await expect(page.locator('.el-message')).toHaveCount(0)
  await screenshot(page, 'book-reviews')
  await useLanguage(page, 'en')
  await expect(mine.first().getByTestId('review-mine')).toHaveText('Your review')
  await screenshot(page, 'book-reviews')
  await useLanguage(page, 'zh-CN')

  // The reader edits their review; the list shows the new stars, marked edited.
  await page.getByTestId('review-edit').click()
  await page.getByTestId('review-form').locator('.el-rate__item').nth(4).click()
  await page.getByTestId('review-submit').click()
  await expect(mine.first().getByTestId('review-stars')).toHaveAttribute('data-rating', '5')
  await expect(mine.first()).toContainText('已编辑')

  // The rating shows in search, and a minimum rating keeps the book.
  await page.goto(`/search?q=${encodeURIComponent(book.title)}&minRating=1`)
  const card = page.getByTestId('book-card').filter({ hasText: book.title }).first()
  await expect(card.getByTestId('book-rating')).toBeVisible()
  expect(Number(await card.getByTestId('book-rating').getAttribute('data-count'))).toBeGreaterThanOrEqual(1)
  expect(await page.evaluate(() => (window as unknown as { __xss?: number }).__xss)).toBeUndefined()

  // Deleting it (after a confirmation) leaves the reader free to write one again.
  await page.goto(`/books/${book.id}`)
  await page.getByTestId('review-delete').click()
  await confirmDialog(page, '删除')
  await expect(page.locator('[data-test="review"][data-mine="true"]')).toHaveCount(0)
  await expect(page.getByTestId('review-form')).toBeVisible()
  console.expectClean()
})

test('a customer who did not receive the book is told why they cannot review it', async ({ page, request }) => {
  const book = await someBook(request)
  const customer = await newCustomer(request)
  await logIn(page, customer)
  await page.goto(`/books/${book.id}`)
  await expect(page.getByTestId('review-not-eligible')).toHaveText('只有已收到这本书的读者才能评价。')
  await expect(page.getByTestId('review-form')).toHaveCount(0)
  await useLanguage(page, 'en')
  await expect(page.getByTestId('review-not-eligible')).toHaveText('Only readers who received this book can review it.')
})

test('an admin hides a review with a reason and customers no longer see it, until it is shown again', async ({ page, browser, request }) => {
  const book = await someBook(request)
  const { token } = await deliveredBuyer(request, book.id)
  const text = `看完很受启发 ${Date.now()}`
  const written = await request.post(`/api/books/${book.id}/reviews`, {
    headers: { Authorization: `Bearer ${token}` },
    data: { rating: 2, text },
  })
  expect(written.status(), await written.text()).toBe(201)

  const visitor = await browser.newPage({ locale: 'zh-CN' })
  await visitor.goto(`/books/${book.id}`)
  await expect(visitor.getByTestId('review').filter({ hasText: text })).toBeVisible()

  await logIn(page, admin())
  await page.goto(`/admin/books/${book.id}`)
  const review = page.getByTestId('review-moderation').getByTestId('review').filter({ hasText: text })
  await expect(review).toBeVisible()
  await review.getByTestId('review-hide').click()
  await review.getByTestId('review-hide-submit').click()
  await expect(review.getByRole('alert')).toHaveText('请填写原因。')
  await review.locator('[data-test="review-hide-reason"] input, input[data-test="review-hide-reason"]').fill('含有广告')
  await review.getByTestId('review-hide-submit').click()
  await confirmDialog(page, '隐藏评价')
  await expect(review.getByTestId('review-hidden-reason')).toContainText('含有广告')
  await expect(review.getByTestId('review-unhide')).toBeVisible()
  await expectAccessible(page, 'admin review moderation')

  await visitor.reload()
  await expect(visitor.getByTestId('reviews')).toBeVisible()
  await expect(visitor.getByTestId('review').filter({ hasText: text })).toHaveCount(0)

  // Shown again, it is back for customers.
  await review.getByTestId('review-unhide').click()
  await confirmDialog(page, '重新显示')
  await expect(review.getByTestId('review-hidden-reason')).toHaveCount(0)
  await visitor.reload()
  await expect(visitor.getByTestId('review').filter({ hasText: text })).toBeVisible()
  await visitor.close()
})
