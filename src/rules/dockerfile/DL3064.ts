import { defineDockerfileRule } from '../define.js'
import { propertyInstructions, pairs } from '../../dockerfile/properties.js'

/** Variable names that are credentials as a rule (CI/cloud/registry tokens and passwords). */
const KNOWN = new Set(
  `ACCESS_TOKEN APPLICATION_KEY APP_SECRET AUTH_TOKEN AWS_ACCESS_KEY_ID AWS_SECRET_ACCESS_KEY
AWS_SESSION_TOKEN AZURE_CLIENT_SECRET BITTREX_API_KEY BITTREX_API_SECRET CF_PASSWORD CF_USERNAME
CIRCLE_TOKEN CI_DEPLOY_PASSWORD CI_DEPLOY_USER CODECOV_TOKEN DOCKERHUB_PASSWORD DOCKER_EMAIL
DOCKER_PASSWORD DOCKER_USERNAME FACEBOOK_ACCESS_TOKEN FACEBOOK_APP_ID FACEBOOK_APP_SECRET
FIREBASE_API_TOKEN FIREBASE_TOKEN FOSSA_API_KEY GH_ENTERPRISE_TOKEN GH_TOKEN GITHUB_ENTERPRISE_TOKEN
GITHUB_TOKEN GITLAB_TOKEN GOOGLE_APPLICATION_CREDENTIALS HEROKU_API_KEY HEROKU_API_USER HF_TOKEN
NPM_AUTH_TOKEN NPM_TOKEN NUGET_API_KEY OKTA_AUTHN_GROUPID OKTA_CLIENT_ORGURL OKTA_CLIENT_TOKEN
OKTA_OAUTH2_CLIENTID OKTA_OAUTH2_CLIENTSECRET OPENAI_API_KEY OS_PASSWORD OS_USERNAME POSTGRES_PASSWORD
SENTRY_AUTH_TOKEN SLACK_TOKEN SONAR_TOKEN STRIPE_API_KEY STRIPE_DEVICE_NAME TRAVIS_OS_NAME
TRAVIS_SECURE_ENV_VARS TRAVIS_SUDO VAULT_CLIENT_KEY VAULT_TOKEN`.split(/\s+/)
)

/** Fragments that make a name look like a credential. */
const SUSPICIOUS = /api_key|client_key|password|private|secret|token|username/i
/**
 * Names that point at a secret instead of holding it (`POSTGRES_PASSWORD_FILE=/run/secrets/db`,
 * the pattern Docker recommends), public values, and the conventional container user name.
 */
const NOT_A_SECRET = /(_FILE|_PATH|_DIR|_FILENAME)$|PUBLIC|^USERNAME$|^USER_NAME$/i

export function looksSecret(name: string): boolean {
  if (KNOWN.has(name.toUpperCase())) return true
  return SUSPICIOUS.test(name) && !NOT_A_SECRET.test(name)
}

export const DL3064 = defineDockerfileRule({
  id: 'DL3064',
  aliases: ['AVD-DS-0031'],
  severity: 'warning',
  perInstruction: true,
  description: 'Potentially sensitive data should not be used in the `ARG` or `ENV` commands.',
  check(doc, ctx) {
    for (const keyword of ['ARG', 'ENV'] as const) {
      for (const inst of propertyInstructions(doc, keyword, true)) {
        for (const pair of pairs(doc, inst)) {
          if (!looksSecret(pair.name)) continue
          ctx.report({
            message: `\`${keyword} ${pair.name}\` looks like a secret: ${keyword} values are stored in the image metadata and history. Pass it with \`RUN --mount=type=secret,id=…\` instead.`,
            range: pair.nameSpan.range
          })
        }
      }
    }
  }
})
