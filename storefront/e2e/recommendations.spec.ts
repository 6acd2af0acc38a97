import { type APIRequestContext, type Browser, devices, expect, type Page, test } from '@playwright/test'
import { type Customer, expectAccessible, findBooks, logIn, newCustomer, screenshot, useLanguage, watchConsole } from './support'

interface Recommendations {
  boughtTogether: { id: string; title: string }[]
  similar: { id: string; title: string }[]
}

async function recommendationsOf(request: APIRequestContext, bookId: string) {
  const answer = await request.get(`/api/books/${bookId}/recommendations`)
  expect(answer.status(), await answer.text()).toBe(200)
  return (await answer.json()) as Recommendations
}

/** A bestseller customers bought with other books, once analytics has worked through the shop's sales history. */
async function aBookBoughtWithOthers(request: APIRequestContext) {
  let found: { id: string; title: string } | undefined
  await expect(async () => {
    for (const book of await findBooks(request, {})) {
      if ((await recommendationsOf(request, book.id)).boughtTogether.length > 0) {
        found = book
        return
      }
    }
    throw new Error('no bestseller has books bought with it yet: has analytics taken in the sales history?')
  }).toPass({ timeout: 60_000 })
  return found!
}

/**
 * The page again on a phone-sized screen, in a browser context of its own (signed in there first if a customer is
 * given: the session lives in its context); nothing on it wider than the screen.
 */
async function onAPhone(browser: Browser, path: string, ready: (phone: Page) => Promise<void>, name: string, who?: Customer) {
  const context = await browser.newContext({ ...devices['Pixel 7'], locale: 'zh-CN', timezoneId: 'Asia/Shanghai' })
  const phone = await context.newPage()
  if (who) await logIn(phone, who, who.name)
  await phone.goto(path)
  await ready(phone)
  expect(await phone.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth)).toBe(true)
  await screenshot(phone, `${name}-phone`)
  await context.close()
}

test('the book page shows similar books, by the same author among them, without any sales history', async ({ page, request, browser }) => {
  const console = watchConsole(page)
  const [threeBody] = await findBooks(request, { q: '三体', author: '刘慈欣' })
  await page.goto(`/books/${threeBody.id}`)
  await expect(page.getByTestId('book-title')).toHaveText(threeBody.title)

  const similar = page.getByRole('region', { name: '相似图书' })
  await expect(similar).toBeVisible()
  await expect(similar.getByTestId('book-card').first()).toBeVisible()
  // No book is in both lists: where the shop has sales history (the seeded shop has), the author's other books can be
  // in "bought together" instead. Either way one of them is recommended.
  const recommended = page
    .getByRole('region', { name: /相似图书|买了这本书的人还买了/ })
    .getByTestId('book-card')
    .filter({ hasText: '刘慈欣' })
  await expect(recommended.first()).toBeVisible()
  await expect(similar.getByRole('heading', { level: 3, name: threeBody.title, exact: true })).toHaveCount(0)
  await expectAccessible(page, 'book with recommendations')
  await similar.scrollIntoViewIfNeeded()
  await screenshot(page, 'book-similar')
  await useLanguage(page, 'en')
  await expect(page.getByRole('region', { name: 'Similar books' })).toBeVisible()
  await screenshot(page, 'book-similar')
  await useLanguage(page, 'zh-CN')

  // A similar book opens on the same page, with recommendations of its own.
  const next = similar.getByTestId('book-card').first().getByRole('heading', { level: 3 })
  const nextTitle = (await next.textContent())!.trim()
  await next.click()
  await expect(page.getByTestId('book-title')).toHaveText(nextTitle)
  await expect(page.getByRole('region', { name: '相似图书' }).getByTestId('book-card').first()).toBeVisible()
  console.expectClean()

  await onAPhone(
    browser,
    `/books/${threeBody.id}`,
    (phone) => expect(phone.getByRole('region', { name: '相似图书' }).getByTestId('book-card').first()).toBeVisible(),
    'book-similar',
  )
})

test('the book page shows what customers bought with it, from the shop’s sales history', async ({ page, request, browser }) => {
  const console = watchConsole(page)
  const book = await aBookBoughtWithOthers(request)
  const expected = (await recommendationsOf(request, book.id)).boughtTogether
  await page.goto(`/books/${book.id}`)

  const together = page.getByRole('region', { name: '买了这本书的人还买了' })
  await expect(together).toBeVisible()
  // Analytics may publish a newer list meanwhile: the books shown are among those it recommends, best first.
  await expect(together.getByTestId('book-card').first()).toBeVisible()
  const shown = await together.getByTestId('book-card').getByRole('heading', { level: 3 }).allTextContents()
  expect(shown.length).toBeLessThanOrEqual(6)
  expect(expected.map((one) => one.title)).toEqual(expect.arrayContaining(shown.map((title) => title.trim())))
  await expect(together.getByRole('heading', { level: 3, name: book.title, exact: true })).toHaveCount(0)
  await expectAccessible(page, 'book with books bought together')
  await together.scrollIntoViewIfNeeded()
  await screenshot(page, 'book-bought-together')
  await useLanguage(page, 'en')
  await expect(page.getByRole('region', { name: 'Customers who bought this also bought' })).toBeVisible()
  await screenshot(page, 'book-bought-together')
  await useLanguage(page, 'zh-CN')
  console.expectClean()

  await onAPhone(
    browser,
    `/books/${book.id}`,
    (phone) => expect(phone.getByRole('region', { name: '买了这本书的人还买了' }).getByTestId('book-card').first()).toBeVisible(),
    'book-bought-together',
  )
})

test('a signed-in customer finds books picked for them on the home page; a new one the shop’s bestsellers', async ({ page, request, browser }) => {
  const console = watchConsole(page)
  await page.goto('/')
  await expect(page.getByRole('heading', { level: 2, name: '畅销书' })).toBeVisible()
  await expect(page.getByRole('region', { name: '为你推荐' })).toHaveCount(0)

  const customer = await newCustomer(request, '新读者')
  await logIn(page, customer, '新读者')
  await page.goto('/')
  const picks = page.getByRole('region', { name: '为你推荐' })
  await expect(picks).toBeVisible()
  await expect(picks).toContainText('读者们最近在读')
  await expect(picks.getByTestId('book-card').first()).toBeVisible()
  await expectAccessible(page, 'home with picks')
  await screenshot(page, 'home-picked-for-you')
  await useLanguage(page, 'en')
  await expect(page.getByRole('region', { name: 'Picked for you' })).toContainText('Popular with readers right now')
  await screenshot(page, 'home-picked-for-you')
  await useLanguage(page, 'zh-CN')
  console.expectClean()

  await onAPhone(
    browser,
    '/',
    (phone) => expect(phone.getByRole('region', { name: '为你推荐' }).getByTestId('book-card').first()).toBeVisible(),
    'home-picked-for-you',
    customer,
  )
})
