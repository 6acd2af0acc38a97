/** An RFC 9457 problem the API answered, or a failure to reach it at all (status 0). */
export class ApiProblem extends Error {
  readonly status: number
  /** The last segment of the problem's type, e.g. `insufficient-stock`; `network` when nothing answered. */
  readonly slug: string
  readonly title: string
  readonly detail?: string
  readonly retryAfter?: number
  readonly errors: { field: string; message: string }[]
  readonly body: Record<string, unknown>

  constructor(status: number, body: Record<string, unknown>, retryAfter?: number) {
    const type = typeof body.type === 'string' ? body.type : ''
    const title = typeof body.title === 'string' ? body.title : `HTTP ${status}`
    super(typeof body.detail === 'string' ? body.detail : title)
    this.status = status
    this.slug = type ? type.substring(type.lastIndexOf('/') + 1) : status === 0 ? 'network' : `http-${status}`
    this.title = title
    this.detail = typeof body.detail === 'string' ? body.detail : undefined
    this.retryAfter = retryAfter
    this.errors = Array.isArray(body.errors)
      ? (body.errors as { field?: unknown; message?: unknown }[]).map((error) => ({
          field: String(error.field ?? ''),
          message: String(error.message ?? ''),
        }))
      : []
    this.body = body
  }
}

export function isProblem(error: unknown, slug?: string): error is ApiProblem {
  return error instanceof ApiProblem && (slug === undefined || error.slug === slug)
}
