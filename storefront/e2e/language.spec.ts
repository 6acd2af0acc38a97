import { expect, test } from '@playwright/test'
import { findBooks, useLanguage } from './support'

const CJK = /[\u3400-\u9fff\uff01-\uff5e\u3000-\u303f]/

/**
 * The shop's own words on the page (header, footer, headings, buttons, labels, notices), leaving out
 * what is marked translate="no" (the catalogue's titles, authors and publishers, what the customer
 * typed, names) and the language switch, which names Chinese in Chinese.
 */
async function chrome(page: import('@playwright/test').Page) {
  return page.evaluate(() => {
    const selectors = 'header, footer, h1, h2, button, label, [role=alert], .el-empty__description, .el-pagination'
    return [...document.querySelectorAll<HTMLElement>(selectors)]
      .filter((element) => !element.closest('[data-test="language-switch"], [data-test="book-card"], [translate="no"]'))
      .map((element) => {
        const copy = element.cloneNode(true) as HTMLElement
        copy.querySelectorAll('[data-test="language-switch"], [data-test="book-card"], [translate="no"]').forEach((e) => e.remove())
        return copy.innerText
      })
      .join('\n')
  })
}

test('switching to English translates the whole page, and the choice is remembered', async ({ page, request }) => {
  await page.goto('/')
  await expect(page.locator('html')).toHaveAttribute('lang', 'zh-CN')
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('值得一读的中文与英文图书')
  expect(await chrome(page)).toMatch(CJK)

  await useLanguage(page, 'en')
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Books worth reading, in Chinese and English')
  await expect(page.getByRole('heading', { name: 'Bestsellers' })).toBeVisible()
  expect(await chrome(page), 'Chinese left in the shop’s own words').not.toMatch(CJK)
  await expect(page).toHaveTitle(/Bookstore/)

  await page.reload()
  await expect(page.locator('html')).toHaveAttribute('lang', 'en')
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Books worth reading, in Chinese and English')

  await page.goto('/search?q=%E4%B8%89%E4%BD%93')
  await expect(page.getByTestId('book-card').first()).toBeVisible()
  await expect(page.getByText('Category', { exact: true })).toBeVisible()
  expect(await chrome(page)).not.toMatch(CJK)

  const [book] = await findBooks(request, { q: '三体' })
  await page.goto(`/books/${book.id}`)
  await expect(page.getByTestId('add-to-cart')).toHaveText('Log in to buy')
  await expect(page.getByTestId('book-price')).toHaveText(/^¥\d+\.\d\d$/)

  await useLanguage(page, 'zh-CN')
  await expect(page.getByTestId('add-to-cart')).toHaveText('登录后购买')
})
