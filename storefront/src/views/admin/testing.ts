// Helpers for the console's component tests (never imported by the app itself).
import { flushPromises, mount } from '@vue/test-utils'
import { createPinia, setActivePinia } from 'pinia'
import { vi } from 'vitest'
import { type Component, defineComponent, h, nextTick } from 'vue'
import { createMemoryHistory, createRouter, RouterView, type RouteRecordRaw } from 'vue-router'
import { i18n, type Locale, setLocale } from '@/i18n'

const Blank = defineComponent({ render: () => null })

/** The console's routes as the app declares them, plus the shop pages its links name. */
export const routes: RouteRecordRaw[] = [
  { path: '/', name: 'home', component: Blank },
  { path: '/books/:id', name: 'book', component: Blank },
  {
    path: '/admin',
    component: () => import('./AdminLayout.vue'),
    children: [
      { path: '', redirect: { name: 'admin-books' } },
      { path: 'books', name: 'admin-books', component: () => import('./BooksView.vue') },
      { path: 'books/new', name: 'admin-book-new', component: () => import('./BookEditView.vue') },
      { path: 'books/:id', name: 'admin-book', component: () => import('./BookEditView.vue'), props: true },
      { path: 'inventory', name: 'admin-inventory', component: () => import('./InventoryView.vue') },
      { path: 'inventory/:bookId', name: 'admin-stock', component: () => import('./StockView.vue'), props: true },
      { path: 'orders', name: 'admin-orders', component: () => import('./OrdersView.vue') },
      { path: 'orders/:id', name: 'admin-order', component: () => import('./OrderView.vue'), props: true },
      { path: 'customers', name: 'admin-customers', component: () => import('./CustomersView.vue') },
      { path: 'customers/:id', name: 'admin-customer', component: () => import('./CustomerView.vue'), props: true },
    ],
  },
]

export interface Reply {
  method?: string
  /** The path, or a pattern tested against path and query. */
  path: string | RegExp
  status?: number
  body?: unknown
}

export interface Request {
  method: string
  url: URL
  body: unknown
  headers: Record<string, string>
}

const PROBLEM_TYPES = 'https://bookstore.example/problems/'

/** A problem body as the services answer it. */
export function problem(slug: string, status: number, extra: Record<string, unknown> = {}) {
  return { type: PROBLEM_TYPES + slug, title: slug, status, detail: `English detail of ${slug}`, ...extra }
}

/**
 * Replaces fetch with the given replies, the first whose method and path match answering; anything
 * else is a 404 problem. Every request is recorded.
 */
export function fakeApi(replies: Reply[]) {
  const requests: Request[] = []
  const fetch = vi.fn(async (input: string, init: RequestInit = {}) => {
    const url = new URL(input, 'http://shop.test')
    const method = init.method ?? 'GET'
    requests.push({
      method,
      url,
      body: init.body ? JSON.parse(String(init.body)) : undefined,
      headers: (init.headers ?? {}) as Record<string, string>,
    })
    const reply = replies.find(
      (candidate) =>
        (candidate.method ?? 'GET') === method &&
        (typeof candidate.path === 'string'
          ? candidate.path === url.pathname
          : candidate.path.test(url.pathname + url.search)),
    )
    const status = reply?.status ?? (reply ? 200 : 404)
    const body = reply ? reply.body : problem('not-found', 404)
    return new Response(status === 204 ? null : JSON.stringify(body ?? {}), {
      status,
      headers: { 'Content-Type': status >= 400 ? 'application/problem+json' : 'application/json' },
    })
  })
  vi.stubGlobal('fetch', fetch)
  return { fetch, requests }
}

/** Lets answers, validation and rendering finish. */
export async function settle() {
  for (let i = 0; i < 4; i++) {
    await flushPromises()
    await nextTick()
  }
}

/** Sets up the app's plugins: a language, a store, a router at the path. */
async function plugins(path: string, locale: Locale) {
  setLocale(locale)
  const pinia = createPinia()
  setActivePinia(pinia)
  const router = createRouter({ history: createMemoryHistory(), routes })
  await router.push(path)
  await router.isReady()
  return { pinia, router }
}

/** The console at a URL, through its layout, as the app shows it. */
export async function mountAt(path: string, locale: Locale = 'en') {
  const { pinia, router } = await plugins(path, locale)
  const host = defineComponent({ render: () => h(RouterView) })
  const wrapper = mount(host, { global: { plugins: [pinia, router, i18n] }, attachTo: document.body })
  await settle()
  return { wrapper, router }
}

/** One component on its own (with the console's messages loaded), for a part of a page. */
export async function mountPart(component: Component, props: Record<string, unknown>, locale: Locale = 'en') {
  await import('./AdminLayout.vue') // adds the console's messages
  const { pinia, router } = await plugins('/', locale)
  const wrapper = mount(component, { props, global: { plugins: [pinia, router, i18n] }, attachTo: document.body })
  await settle()
  return { wrapper, router }
}
