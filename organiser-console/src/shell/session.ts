/**
 * The app's session signals. Any 401 from the API ends the session: the user goes to sign-in with the "session
 * expired" notice. Signing out ends it too, without the notice.
 */
export const sessionEvents = new EventTarget();

export function announceUnauthorized(): void {
  sessionEvents.dispatchEvent(new Event('unauthorized'));
}

export function announceSignOut(): void {
  sessionEvents.dispatchEvent(new Event('signout'));
}
