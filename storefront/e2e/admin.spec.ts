import { expect, test } from '@playwright/test'
import { admin, field, findBooks, logIn, newCustomer, newIsbn, placeConfirmedOrder, screenshot, tokenOf, watchConsole } from './support'

test('an admin adds a book and receives stock, and the storefront then finds it', async ({ page, browser }) => {
  const console = watchConsole(page)
  await logIn(page, admin())
  const title = `E2E 测试之书 ${Date.now()}`

  await page.goto('/admin/books/new')
  await field(page, 'book-isbn').fill('978-7-5366-9293-1')
  await expect(page.getByTestId('book-isbn-error').or(page.getByText(/校验位|check digit/))).toBeVisible()
  await field(page, 'book-isbn').fill(newIsbn())
  await field(page, 'book-title').fill(title)
  await field(page, 'book-authors').fill('测试作者')
  await field(page, 'book-price').fill('39.90')
  await field(page, 'book-stock').fill('0')
  await page.getByTestId('book-save').click()
  await expect(page).toHaveURL(/\/admin\/books\/(?!new$)[^/]+$/)
  const bookId = page.url().split('/').pop()!

  await page.goto(`/admin/inventory/${bookId}`)
  await field(page, 'receipt-quantity').fill('7')
  await page.getByTestId('receipt-submit').click()
  await expect(page.getByTestId('stock-available')).toHaveText('7')
  await screenshot(page, 'admin-stock')

  // A visitor, signed out, finds the book once the catalogue has indexed the receipt.
  const visitor = await browser.newPage({ locale: 'zh-CN' })
  await expect(async () => {
    await visitor.goto(`/search?q=${encodeURIComponent(title)}`)
    const card = visitor.getByTestId('book-card').filter({ hasText: title })
    await expect(card).toBeVisible({ timeout: 2_000 })
    await expect(card.getByTestId('availability')).toHaveText('有货', { timeout: 2_000 })
  }).toPass({ timeout: 30_000 })
  await visitor.close()
  console.expectClean()
})

test('an admin ships an order and the customer sees it shipped with the tracking number', async ({ page, browser, request }) => {
  const customer = await newCustomer(request, '收件人')
  const token = await tokenOf(request, customer)
  const [, , book] = await findBooks(request, { language: 'zh' })
  const orderId = await placeConfirmedOrder(request, token, book.id)

  await logIn(page, admin())
  await page.goto(`/admin/orders?status=CONFIRMED`)
  await page.locator(`[data-test="order-row"][data-order-id="${orderId}"]`).getByTestId('order-row-link').click()
  await expect(page).toHaveURL(new RegExp(`/admin/orders/${orderId}`))
  // Kuaidi100's company code, as the form's list offers it; the customer sees the carrier's name.
  await field(page, 'ship-carrier').fill('shunfeng')
  await field(page, 'ship-tracking').fill('SF1234567890123')
  await page.getByTestId('ship-submit').click()
  // The sandbox carrier reports the parcel a second apart in the test shop: the order may already be on its way.
  await expect(page.getByTestId('order-status')).toHaveAttribute('data-status', /SHIPPED|IN_TRANSIT|DELIVERED/)
  await expect(page.getByTestId('tracking-timeline')).toContainText('SF1234567890123')
  await screenshot(page, 'admin-order-shipped')

  const own = await browser.newPage({ locale: 'zh-CN' })
  await logIn(own, customer)
  await own.goto(`/orders/${orderId}`)
  await expect(own.getByTestId('order-status')).toHaveAttribute('data-status', /SHIPPED|IN_TRANSIT|DELIVERED/)
  await expect(own.getByTestId('tracking')).toContainText('SF1234567890123')
  await expect(own.getByTestId('tracking')).toContainText('顺丰速运')
  await own.close()
})
