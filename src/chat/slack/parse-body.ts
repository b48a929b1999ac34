/**
 * Slack posts slash commands form-encoded, interactivity as a form field `payload`
 * holding JSON, and Events API callbacks as JSON. Returns the body Bolt expects.
 */
export function parseSlackBody(raw: Buffer, contentType: string | undefined): Record<string, unknown> | { error: string } {
  const text = raw.toString('utf8');
  try {
    if ((contentType ?? '').includes('application/json')) return JSON.parse(text) as Record<string, unknown>;
    const form = Object.fromEntries(new URLSearchParams(text));
    if (typeof form.payload === 'string') return JSON.parse(form.payload) as Record<string, unknown>;
    return form;
  } catch {
    return { error: 'body could not be parsed' };
  }
}
