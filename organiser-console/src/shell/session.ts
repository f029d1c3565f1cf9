/** The app's sign-out signal: any 401 from the API ends the session and sends the user to sign in. */
export const sessionEvents = new EventTarget();

export function announceUnauthorized(): void {
  sessionEvents.dispatchEvent(new Event('unauthorized'));
}
