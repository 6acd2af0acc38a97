import { expect, type Page, test } from '@playwright/test'
import { admin, expectAccessible, field, findBooks, logIn, newCustomer, screenshot, useLanguage, watchConsole } from './support'

test('the home page is accessible and shows bestsellers, new arrivals and categories', async ({ page }) => {
  const console = watchConsole(page)
  await page.goto('/')
  await expect(page.getByTestId('book-card').first()).toBeVisible()
  await expect(page.getByRole('heading', { name: '畅销书' })).toBeVisible()
  await expect(page.getByRole('heading', { name: '按分类浏览' })).toBeVisible()
  await expectAccessible(page, 'home')
  await useLanguage(page, 'en')
  await expectAccessible(page, 'home (en)')
  console.expectClean()
})

test('search suggests as you type and narrows by facets kept in the URL', async ({ page }) => {
  await page.goto('/')
  await field(page, 'search-input').pressSequentially('三体', { delay: 50 })
  const suggestion = page.getByTestId('suggestion').filter({ hasText: '三体' }).first()
  await expect(suggestion).toBeVisible()
  await suggestion.click()
  await expect(page).toHaveURL(/\/books\//)

  await page.goto('/search?sort=newest')
  await page.getByTestId('facet-language').filter({ hasText: '英文' }).click()
  await expect(page).toHaveURL(/language=en/)
  await page.getByTestId('in-stock').click()
  await expect(page).toHaveURL(/inStock=true/)
  await page.reload()
  await expect(page.getByTestId('facet-language').filter({ hasText: '英文' })).toHaveAttribute('aria-pressed', 'true')
  await expectAccessible(page, 'search with filters')
})

/** Every main page, in the language the page is in now. */
async function shootAll(page: Page, bookId: string, orderId: string | null) {
  const pages: [string, string][] = [
    ['home', '/'],
    ['search', '/search?q=%E4%B8%89%E4%BD%93'],
    ['book', `/books/${bookId}`],
    ['cart', '/cart'],
    ['checkout', '/checkout'],
    ['orders', '/orders'],
    ['account', '/account'],
    ['admin-books', '/admin/books'],
    ['admin-inventory', '/admin/inventory'],
    ['admin-orders', '/admin/orders'],
    ['admin-customers', '/admin/customers'],
  ]
  if (orderId) pages.push(['order', `/orders/${orderId}`])
  for (const [name, path] of pages) {
    await page.goto(path)
    // The page has drawn what it fetched: something in <main>, no placeholder still waiting.
    await expect(page.locator('main > *').first()).toBeVisible()
    await expect(page.locator('main .el-skeleton, main [data-test="loading"]')).toHaveCount(0)
    await page.evaluate(() => document.fonts.ready)
    await screenshot(page, name)
  }
}

test('screenshots of every main page in both languages', async ({ page, request }) => {
  test.setTimeout(180_000)
  // The admin sees every page, the console's too; a cart with a book makes cart and checkout worth seeing.
  const [book] = await findBooks(request, { q: '三体' })
  await logIn(page, admin())
  await page.goto(`/books/${book.id}`)
  await page.getByTestId('add-to-cart').click()
  await expect(page.getByTestId('cart-count')).not.toHaveCount(0)

  for (const locale of ['zh-CN', 'en'] as const) {
    await page.goto('/')
    await useLanguage(page, locale)
    await shootAll(page, book.id, null)
  }
  // The admin's cart is left as it was found: empty.
  await page.goto(`/cart`)
  for (let lines = await page.getByTestId('cart-line').count(); lines > 0; lines--) {
    await page.getByTestId('cart-remove').first().click()
    await expect(page.getByTestId('cart-line')).toHaveCount(lines - 1)
  }

  const visitor = await newCustomer(request)
  const fresh = await page.context().browser()!.newPage({ locale: 'zh-CN' })
  await fresh.goto('/login')
  await screenshot(fresh, 'login')
  await logIn(fresh, visitor)
  await fresh.goto('/admin')
  await screenshot(fresh, 'forbidden')
  await fresh.close()
})
