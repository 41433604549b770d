/** The caller asked for something this machine cannot give: the message says what and how to fix it. */
export class ProbeSetupError extends Error {
  override name = 'ProbeSetupError'
}
