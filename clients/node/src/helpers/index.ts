// One typed helper per event type ONSITE ATLAS produces, by topic family.
export { atlasEvent, defaultValidator, type HelperOptions, type RegistrationOptions } from './common';
export * from './conference';
export * from './registration';
export * from './payment';
export * from './abstract';
export * from './resource';
export * from './sponsor';
