/**
 * Git over HTTPS with a GitHub token, without ever writing it down: the token travels as an
 * `http.extraHeader` given on the command line of each git call (`-c`), never in a URL, never in
 * `.git/config`, never in a credential helper. (It is visible in the process list of the machine
 * while git runs, as with any `-c`; on shared machines prefer a short-lived installation token.)
 */
export function authConfig(token: string | undefined): string[] {
  if (token === undefined || token === '') return [];
  const basic = Buffer.from(`x-access-token:${token}`).toString('base64');
  return [`http.extraHeader=Authorization: Basic ${basic}`];
}

/** Removes anything that looks like a token or an auth header from a message before it is shown. */
export function redact(message: string, token: string | undefined): string {
  let out = message.replace(/Authorization: \S+ \S+/gi, 'Authorization: ***');
  if (token) {
    out = out.split(token).join('***');
    out = out.split(Buffer.from(`x-access-token:${token}`).toString('base64')).join('***');
  }
  return out;
}
