import { useI18n } from 'vue-i18n'

/** Kuaidi100's company codes of the common carriers, which the API takes as a parcel's carrier. */
export const CARRIERS = ['shunfeng', 'ems', 'jd', 'zhongtong', 'yuantong', 'yunda'] as const

/** A carrier's name in the reader's language, from its code (an unknown code as it is). */
export function useCarrierName() {
  const { t, te } = useI18n()
  return (code: string) => (te(`tracking.carriers.${code}`) ? t(`tracking.carriers.${code}`) : code)
}
