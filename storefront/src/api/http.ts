import { ApiProblem } from './problem'

/**
 * Where the current access token comes from and how a new one is fetched when the API says it
 * expired. The session store registers itself here, so this module needs no store of its own.
 */
export interface TokenSource {
  accessToken(): string | null
  /** A fresh access token, or null when the session has ended. */
  renew(): Promise<string | null>
}

let tokens: TokenSource = { accessToken: () => null, renew: async () => null }

export function useTokenSource(source: TokenSource) {
  tokens = source
}

export type Query = Record<string, string | number | boolean | string[] | null | undefined>

export interface RequestOptions {
  query?: Query
  body?: unknown
  headers?: Record<string, string>
  /** Send the access token (default true when there is one). */
  authenticated?: boolean
  signal?: AbortSignal
}

/** `?a=1&b=x` from the defined, non-empty values; arrays repeat the name. */
export function queryString(query: Query = {}): string {
  const params = new URLSearchParams()
  for (const [name, value] of Object.entries(query)) {
    if (value === undefined || value === null || value === '') continue
    if (Array.isArray(value)) value.forEach((one) => params.append(name, one))
    else params.append(name, String(value))
  }
  const text = params.toString()
  return text ? `?${text}` : ''
}

async function send(method: string, path: string, options: RequestOptions, token: string | null) {
  const headers: Record<string, string> = { Accept: 'application/json', ...options.headers }
  if (options.body !== undefined) headers['Content-Type'] ??= 'application/json'
  if (token && options.authenticated !== false) headers.Authorization = `Bearer ${token}`
  try {
    return await fetch(path + queryString(options.query), {
      method,
      headers,
      body: options.body === undefined ? undefined : JSON.stringify(options.body),
      credentials: 'same-origin',
      signal: options.signal,
    })
  } catch (error) {
    if (error instanceof DOMException && error.name === 'AbortError') throw error
    throw new ApiProblem(0, { title: 'Network error' })
  }
}

async function problemOf(response: Response): Promise<ApiProblem> {
  let body: Record<string, unknown> = {}
  try {
    body = (await response.json()) as Record<string, unknown>
  } catch {
    body = { title: response.statusText }
  }
  const retryAfter = Number(response.headers.get('Retry-After'))
  return new ApiProblem(response.status, body, Number.isFinite(retryAfter) && retryAfter > 0 ? retryAfter : undefined)
}

/**
 * One call to the shop's API. Answers the parsed JSON body (undefined for none: a 204, a 202 that
 * only says the request was taken); throws an
 * {@link ApiProblem} for anything else. A 401 to a request that carried a token renews the token
 * once and asks again, so an expired access token never reaches the user.
 */
export async function api<T>(method: string, path: string, options: RequestOptions = {}): Promise<T> {
  const token = tokens.accessToken()
  let response = await send(method, path, options, token)
  if (response.status === 401 && token && options.authenticated !== false) {
    const renewed = await tokens.renew()
    if (renewed) response = await send(method, path, options, renewed)
  }
  if (!response.ok) throw await problemOf(response)
  if (response.status === 204 || response.headers.get('Content-Length') === '0') return undefined as T
  const text = await response.text()
  return (text ? JSON.parse(text) : undefined) as T
}

export const http = {
  get: <T>(path: string, options?: RequestOptions) => api<T>('GET', path, options),
  post: <T>(path: string, body?: unknown, options?: RequestOptions) => api<T>('POST', path, { ...options, body }),
  put: <T>(path: string, body?: unknown, options?: RequestOptions) => api<T>('PUT', path, { ...options, body }),
  patch: <T>(path: string, body?: unknown, options?: RequestOptions) =>
    api<T>('PATCH', path, {
      ...options,
      body,
      headers: { 'Content-Type': 'application/merge-patch+json', ...options?.headers },
    }),
  delete: <T>(path: string, options?: RequestOptions) => api<T>('DELETE', path, options),
}
