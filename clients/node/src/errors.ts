/** One problem with one field of a payload or envelope, named by its dotted path (`registration.personalInfo.lastName`). */
export interface FieldError {
  field: string;
  message: string;
}

/**
 * Thrown before anything is sent when a document cannot become a valid event: a helper found a field it needs missing,
 * or the payload does not match its shared-events JSON Schema. The message names every offending field.
 */
export class InvalidEventError extends Error {
  readonly eventType: string;
  readonly errors: FieldError[];

  constructor(eventType: string, errors: FieldError[]) {
    super(`Invalid ${eventType} event: ${errors.map((e) => `${e.field} ${e.message}`).join('; ')}`);
    this.name = 'InvalidEventError';
    this.eventType = eventType;
    this.errors = errors;
  }
}
