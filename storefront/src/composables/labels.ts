import { useI18n } from 'vue-i18n'

/** Names of catalogue values the API sends in English (categories, languages), in the reader's language. */
export function useLabels() {
  const { t, te } = useI18n()
  return {
    category: (value: string) => (te(`categories.${value}`) ? t(`categories.${value}`) : value),
    language: (value: string) => (te(`languages.${value}`) ? t(`languages.${value}`) : value),
  }
}
