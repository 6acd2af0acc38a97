import { i18n } from '@/i18n'
import { ApiProblem } from './problem'

/**
 * A problem the API answered, as a sentence in the reader's language. The API's own detail is
 * English and meant for developers, so it is never shown; the problem's type chooses the message,
 * from `context` first when given (e.g. `returns.problems`: what an invalid order means for a return).
 */
export function describeProblem(error: unknown, context?: string): string {
  const { t, te } = i18n.global
  if (!(error instanceof ApiProblem)) return t('problems.generic', { status: '—' })
  const key = [context && `${context}.${error.slug}`, `problems.${error.slug}`].find((candidate) => candidate && te(candidate))
  if (!key) return t('problems.generic', { status: error.status })
  return t(key, {
    seconds: error.retryAfter ?? 1,
    status: error.status,
    fields: error.errors.map((e) => e.field).join(', ') || '—',
  })
}
