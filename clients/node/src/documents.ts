/**
 * The parts of ONSITE ATLAS's mongoose models (server/src/models/*.js, described in the integration contract) that
 * the helpers read. Each helper takes a mongoose document (or the plain object of `toObject()`/`lean()`): ids may be
 * ObjectIds, strings or populated documents, dates may be Dates or ISO strings, `customFields` a Map or an object.
 */

/** An ObjectId, its hex string, or a populated document that has one as `_id`. */
export type IdLike = string | { toHexString(): string } | { _id: IdLike } | { toString(): string };
export type DateLike = Date | string | number;

export interface VenueDoc {
  name?: string | null;
  address?: string | null;
  city?: string | null;
  state?: string | null;
  country?: string | null;
  zipCode?: string | null;
}

/** `Event.js` (the conference). */
export interface EventDoc {
  _id: IdLike;
  name: string;
  startDate?: DateLike | null;
  endDate?: DateLike | null;
  /** Not in ONSITE ATLAS's model today; read when present. */
  timezone?: string | null;
  status?: 'draft' | 'published' | 'archived' | string | null;
  venue?: VenueDoc | null;
  pricingSettings?: { currency?: string | null } | null;
  emailSettings?: { enabled?: boolean | null; senderName?: string | null; senderEmail?: string | null; replyToEmail?: string | null } | null;
  abstractSettings?: { categories?: Array<{ _id?: IdLike; name?: string }> | null } | null;
  [other: string]: unknown;
}

export interface PersonalInfoDoc {
  firstName?: string | null;
  lastName?: string | null;
  email?: string | null;
  phone?: string | null;
  organization?: string | null;
  designation?: string | null;
  country?: string | null;
}

/** `Category.js`, when the registration's `category` is populated or passed separately. */
export interface CategoryDoc {
  _id?: IdLike;
  name: string;
}

/** `Registration.js`. */
export interface RegistrationDoc {
  _id: IdLike;
  registrationId: string;
  event?: IdLike;
  category?: IdLike | CategoryDoc | null;
  personalInfo?: PersonalInfoDoc | null;
  customFields?: Map<string, unknown> | Record<string, unknown> | null;
  registrationType?: string | null;
  status?: 'active' | 'cancelled' | 'no-show' | string | null;
  paymentStatus?: 'pending' | 'paid' | 'failed' | string | null;
  amountCents?: number | null;
  currency?: string | null;
  checkIn?: { isCheckedIn?: boolean | null; checkedInAt?: DateLike | null; checkedInBy?: IdLike | null } | null;
  [other: string]: unknown;
}

/** `Payment.js`. */
export interface PaymentDoc {
  _id: IdLike;
  event?: IdLike;
  registration?: IdLike;
  provider: string;
  providerPaymentId?: string | null;
  status?: 'initiated' | 'paid' | 'failed' | 'refunded' | 'partial-refund' | string | null;
  amountCents: number;
  currency?: string | null;
  method?: string | null;
  capturedAt?: DateLike | null;
  invoiceUrl?: string | null;
  [other: string]: unknown;
}

/** `Workshop.js` (the collection) or an embedded `Event.workshops[]` entry. */
export interface WorkshopDoc {
  _id: IdLike;
  /** `Workshop.title`; embedded workshops have `name` instead. */
  title?: string | null;
  name?: string | null;
  startDateTime?: DateLike | null;
  endDateTime?: DateLike | null;
  venue?: string | { name?: string | null } | null;
  /** `Workshop.price`, in major units. */
  price?: number | null;
  /** Embedded workshops' price. */
  priceCents?: number | null;
  currency?: string | null;
  [other: string]: unknown;
}

/** `Abstract.js`. */
export interface AbstractDoc {
  _id: IdLike;
  event?: IdLike;
  registration?: IdLike | RegistrationDoc | null;
  abstractNumber?: string | null;
  title: string;
  topic?: string | null;
  subTopic?: string | null;
  submissionType?: string | null;
  category?: IdLike | CategoryDoc | null;
  authors?: string | null;
  status?: string | null;
  [other: string]: unknown;
}

/** `Resource.js` (a scan). */
export interface ResourceDoc {
  _id: IdLike;
  event?: IdLike;
  registration?: IdLike;
  type: 'food' | 'kitBag' | 'certificate' | 'certificatePrinting' | string;
  status?: 'created' | 'assigned' | 'used' | 'voided' | string | null;
  isVoided?: boolean | null;
  resourceOption?: IdLike | null;
  resourceOptionName?: string | null;
  actionBy?: IdLike | null;
  actionDate?: DateLike | null;
  createdAt?: DateLike | null;
  [other: string]: unknown;
}

/** `EventSponsor.js` (its `toJSON` plugin renames `_id` to `id`; both are read). */
export interface SponsorDoc {
  _id?: IdLike;
  id?: string;
  sponsorId: string;
  companyName: string;
  authorizedPerson?: string | null;
  email?: string | null;
  displayPhoneNumber?: string | null;
  /** Major units (rupees), as the sponsor form takes it. */
  sponsoringAmount?: number | null;
  registrantAllotment?: number | null;
  status?: 'Active' | 'Inactive' | string | null;
  [other: string]: unknown;
}
