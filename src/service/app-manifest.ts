// The GitHub App the service publishes as: its permissions and events, for the manifest flow of
// `bind-probe app create` and for app.yml (a test keeps the two the same).
export const APP_PERMISSIONS = {
  checks: 'write',
  pull_requests: 'write',
  contents: 'read',
  actions: 'read',
  metadata: 'read',
} as const

export const APP_EVENTS = ['check_run', 'workflow_job', 'repository'] as const

export interface ManifestOptions {
  name: string
  /** The service's public URL: webhooks go to its /api/v1/github/webhooks. */
  publicUrl: string
  /** Where GitHub sends the browser back with the code. */
  redirectUrl: string
}

export function appManifest(options: ManifestOptions) {
  return {
    name: options.name,
    url: 'https://github.com/bind-probe/bind-probe',
    description:
      "Publishes bind-probe's report (one comment, one check run) once every expected platform has reported.",
    hook_attributes: { url: `${options.publicUrl}/api/v1/github/webhooks` },
    redirect_url: options.redirectUrl,
    public: false,
    default_permissions: { ...APP_PERMISSIONS },
    default_events: [...APP_EVENTS],
  }
}
