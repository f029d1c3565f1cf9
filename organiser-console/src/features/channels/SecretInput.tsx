import { Input } from 'antd';

/**
 * A write-only secret: the stored value never comes back (the API shows a mask), so the field starts empty and says
 * whether something is stored. Empty keeps the stored secret.
 */
export function SecretInput({
  value,
  onChange,
  stored,
  id,
  disabled,
  ...rest
}: {
  value?: string;
  onChange?: (value: string) => void;
  stored?: string | null;
  id?: string;
  disabled?: boolean;
  'aria-describedby'?: string;
}) {
  return (
    <Input.Password
      id={id}
      value={value}
      disabled={disabled}
      onChange={(e) => onChange?.(e.target.value)}
      autoComplete="new-password"
      placeholder={stored ? `Stored (${stored}): leave empty to keep` : 'Not set'}
      {...rest}
    />
  );
}
