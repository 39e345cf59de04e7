import { fileModel, isLoadable } from '../../compose/file.js'
import { defineComposeRule } from '../define.js'

/**
 * DCLint's require-project-name-field: no top-level `name:`, so the project name comes from the
 * folder name. Off by default: overrides and fragments never carry one, and some deployers
 * (Portainer) set it themselves.
 */
export const DC2004 = defineComposeRule({
  id: 'DC2004',
  aliases: ['require-project-name-field'],
  severity: 'info',
  enabledByDefault: false,
  description: 'The file has no top-level name (DCLint require-project-name-field).',
  check(doc, ctx) {
    if (!isLoadable(doc)) return
    const model = fileModel(doc)
    if (!model.root || model.root.entries.has('name')) return
    ctx.report({
      message:
        "The file sets no top-level 'name:', so the project is named after its folder; set 'name: <project>' to make it explicit.",
      range: doc.rangeOf(0, 0)
    })
  }
})
