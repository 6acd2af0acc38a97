import { ElMessageBox } from 'element-plus'
import 'element-plus/es/components/message-box/style/css'
import { i18n } from '@/i18n'

/** Asks the customer before a step they cannot take back; true when they confirmed. */
export async function confirmed(options: { title: string; message: string; confirm: string; type?: 'warning' | 'info' }) {
  try {
    await ElMessageBox.confirm(options.message, options.title, {
      confirmButtonText: options.confirm,
      cancelButtonText: i18n.global.t('actions.back'),
      type: options.type ?? 'warning',
    })
    return true
  } catch {
    return false
  }
}
