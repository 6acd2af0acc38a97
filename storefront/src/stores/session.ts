import { defineStore } from 'pinia'
import { computed, ref } from 'vue'
import { http, useTokenSource } from '@/api/http'
import { isProblem } from '@/api/problem'
import type { Profile, Tokens } from '@/api/types'

// The refresh token lives in an HttpOnly cookie the page never sees (ADR 11); this companion cookie,
// which holds no secret, only says whether there is a session worth renewing on page load.
const SIGNED_IN_COOKIE = 'bookstore_signed_in'
// Sent with every call to the cookie endpoints: a header a cross-site form cannot add (ADR 11).
const SESSION_HEADERS = { 'X-Requested-With': 'bookstore-storefront' }
// Renew this long before the access token expires.
const RENEW_MARGIN_MS = 60_000

/**
 * Each renewal rotates the refresh cookie, and presenting a rotated-away cookie ends the session
 * (reuse detection), so tabs of one browser renew one at a time: the second finds the new cookie.
 */
function oneTabAtATime<T>(renewal: () => Promise<T>): Promise<T> {
  const locks = typeof navigator === 'undefined' ? undefined : navigator.locks
  return locks ? (locks.request('bookstore-session-renewal', renewal) as Promise<T>) : renewal()
}

function hasSessionCookie() {
  return typeof document !== 'undefined' && document.cookie.split('; ').some((c) => c === `${SIGNED_IN_COOKIE}=1`)
}

/**
 * Who is signed in. The access token is kept in memory only; a reload gets a new one through the
 * refresh cookie. Concurrent renewals share one request, since each renewal rotates the cookie.
 */
export const useSession = defineStore('session', () => {
  const accessToken = ref<string | null>(null)
  const profile = ref<Profile | null>(null)
  const restored = ref(false)
  let renewal: Promise<string | null> | null = null
  let timer: ReturnType<typeof setTimeout> | undefined

  const signedIn = computed(() => accessToken.value !== null)
  const isAdmin = computed(() => profile.value?.roles.includes('ADMIN') ?? false)

  function accept(tokens: Tokens) {
    accessToken.value = tokens.accessToken
    clearTimeout(timer)
    const renewIn = Math.max(tokens.expiresIn * 1000 - RENEW_MARGIN_MS, 10_000)
    timer = setTimeout(() => void renew(), renewIn)
  }

  function forget() {
    clearTimeout(timer)
    accessToken.value = null
    profile.value = null
  }

  async function loadProfile() {
    profile.value = await http.get<Profile>('/api/users/me')
  }

  function renew(): Promise<string | null> {
    renewal ??= oneTabAtATime(() =>
      http.post<Tokens>('/api/auth/session/refresh', undefined, { headers: SESSION_HEADERS, authenticated: false }),
    )
      .then((tokens) => {
        accept(tokens)
        return tokens.accessToken
      })
      .catch((error) => {
        if (isProblem(error) && error.status === 401) forget()
        return null
      })
      .finally(() => {
        renewal = null
      })
    return renewal
  }

  /** On page load: picks the session up again if the browser holds one. */
  async function restore() {
    try {
      if (hasSessionCookie() && (await renew())) await loadProfile()
    } catch {
      forget()
    } finally {
      restored.value = true
    }
  }

  async function logIn(email: string, password: string) {
    const tokens = await http.post<Tokens>(
      '/api/auth/session',
      { email, password },
      { headers: SESSION_HEADERS, authenticated: false },
    )
    accept(tokens)
    await loadProfile()
  }

  async function register(email: string, password: string, displayName: string, language: Profile['language']) {
    await http.post<Profile>('/api/users', { email, password, displayName, language }, { authenticated: false })
    await logIn(email, password)
  }

  async function logOut() {
    try {
      await http.delete<void>('/api/auth/session', { headers: SESSION_HEADERS, authenticated: false })
    } finally {
      forget()
    }
  }

  useTokenSource({ accessToken: () => accessToken.value, renew })

  return {
    accessToken,
    profile,
    restored,
    signedIn,
    isAdmin,
    restore,
    logIn,
    register,
    logOut,
    loadProfile,
    renew,
  }
})
