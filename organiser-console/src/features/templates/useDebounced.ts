// Shared with the lodging forms' registrant picker; kept here so the template editor's imports stay as they are.
export { useDebounced } from '../../shared/useDebounced';
