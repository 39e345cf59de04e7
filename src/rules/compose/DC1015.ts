import { atKey } from './lib/report.js'
import { get, getIn, str } from '../../compose/model.js'
import { defineComposeRule } from '../define.js'
import { eachRunningService } from './lib/services.js'

/**
 * Docker's default `json-file` log driver never rotates: a chatty container fills the disk. Set
 * `max-size` (and `max-file`), or use the `local` driver, which rotates by default. Checked on the
 * merged project; reported at the `logging` block when there is one, else at the service.
 */
export const DC1015 = defineComposeRule({
  id: 'DC1015',
  severity: 'info',
  description:
    'A service logs with json-file (the default) without max-size, so its logs grow without bound.',
  check(doc, ctx) {
    eachRunningService(doc, ctx, (svc) => {
      const logging = svc.value.entries.get('logging')
      const driver = str(get(logging?.value, 'driver'))
      if (driver !== undefined && driver !== 'json-file') return
      if (getIn(logging?.value, ['options', 'max-size'])) return
      const message = `Service '${svc.name}' logs with json-file without 'max-size', so its log grows until the disk is full; set logging.options max-size (and max-file), or use the 'local' driver.`
      if (logging) ctx.report({ ...atKey(doc, logging), message })
      else ctx.report({ ...atKey(doc, svc.layers[0]), message })
    })
  }
})
