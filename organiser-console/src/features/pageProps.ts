/** What every page takes, in the app (from the route) and in the library (from the host). */
export interface PageProps {
  eventId: string;
}
