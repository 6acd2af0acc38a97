import { flushPromises, mount, type VueWrapper } from '@vue/test-utils'
import ElementPlus from 'element-plus'
import { createPinia, setActivePinia } from 'pinia'
import { afterEach, vi } from 'vitest'
import { type Component, defineComponent, h, nextTick } from 'vue'
import { createMemoryHistory, createRouter, RouterView } from 'vue-router'
import { i18n, setLocale, type Locale } from '@/i18n'
import { routes } from '@/router'

/** One answer of the fake API: a status and a JSON body, for a method and path (query ignored unless given). */
export interface Answer {
  method?: string
  path: string | RegExp
  status?: number
  body?: unknown
  headers?: Record<string, string>
}

/**
 * Replaces fetch with answers given in order of preference: the first whose method and path match
 * answers. Every request is recorded, so a test can check what the page asked for.
 */
export function fakeApi(answers: Answer[]) {
  const requests: { method: string; url: URL; body: unknown; headers: Record<string, string> }[] = []
  const fetch = vi.fn(async (input: string, init: RequestInit = {}) => {
    const url = new URL(input, 'http://shop.test')
    const method = init.method ?? 'GET'
    requests.push({
      method,
      url,
      body: init.body ? JSON.parse(String(init.body)) : undefined,
      headers: (init.headers ?? {}) as Record<string, string>,
    })
    const answer = answers.find(
      (candidate) =>
        (candidate.method ?? 'GET') === method &&
        (typeof candidate.path === 'string' ? candidate.path === url.pathname : candidate.path.test(url.pathname + url.search)),
    )
    if (!answer) return new Response(JSON.stringify({ type: 'https://bookstore.example/problems/not-found', title: 'Not Found', status: 404 }), { status: 404 })
    const status = answer.status ?? 200
    return new Response(status === 204 ? null : JSON.stringify(answer.body ?? {}), {
      status,
      headers: { 'Content-Type': status >= 400 ? 'application/problem+json' : 'application/json', ...answer.headers },
    })
  })
  vi.stubGlobal('fetch', fetch)
  return { fetch, requests }
}

/** A problem body as the services answer it (an English detail, which pages never show). */
export function problem(slug: string, status: number, extra: Record<string, unknown> = {}) {
  return { type: `https://bookstore.example/problems/${slug}`, title: slug, status, detail: `English detail of ${slug}`, ...extra }
}

/** Lets answers, validation and rendering finish. */
export async function settle() {
  for (let i = 0; i < 4; i++) {
    await flushPromises()
    await nextTick()
  }
}

/** The app's plugins (a language, a store, a router at the path), as a page has them. */
async function plugins(path: string, locale: Locale) {
  setLocale(locale)
  const pinia = createPinia()
  setActivePinia(pinia)
  const router = createRouter({ history: createMemoryHistory(), routes })
  await router.push(path)
  await router.isReady()
  return { pinia, router, global: { plugins: [pinia, router, i18n, ElementPlus] } }
}

/** The whole app's plugins around one view, at a URL, in a language. */
export async function mountAt(view: Component, path: string, locale: Locale = 'en', props: Record<string, unknown> = {}) {
  const { router, global } = await plugins(path, locale)
  const host = defineComponent({ render: () => h(view, props) })
  const wrapper = mount(host, { global, attachTo: document.body })
  return { wrapper, router, messages: i18n.global }
}

/**
 * The page the app's routes show at a URL, through its layouts (the console's adds its messages),
 * once it has loaded what it asks for. No route guards: the test plays the signed-in user itself.
 */
export async function mountPage(path: string, locale: Locale = 'en') {
  const { router, global } = await plugins(path, locale)
  const host = defineComponent({ render: () => h(RouterView) })
  const wrapper = mount(host, { global, attachTo: document.body })
  await settle()
  return { wrapper, router }
}

/**
 * The pages a test file mounts (push each one): after every test they are unmounted, the document
 * emptied (message boxes and dialogs live outside the page) and fetch put back.
 */
export function unmountAfterEach(): VueWrapper[] {
  const mounted: VueWrapper[] = []
  afterEach(() => {
    mounted.splice(0).forEach((wrapper) => wrapper.unmount())
    document.body.innerHTML = ''
    vi.unstubAllGlobals()
  })
  return mounted
}
