import { Flex, Select, Typography } from 'antd';
import { useDataSource } from '../exports/api';
import { reportTitle, useFavorites, type ReportRequest } from '../report-builder/api';
import { describeDefinition } from './api';

/**
 * The source "Built report" of a schedule: a short summary of the report builder request it keeps (data type, groups,
 * chart), and the builder favourites to pick another one from. A form control: `value` is the request.
 */
export function BuiltReportField({
  id,
  eventId,
  value,
  onChange,
  disabled,
}: {
  id?: string;
  eventId: string;
  value?: ReportRequest;
  onChange?: (value: ReportRequest) => void;
  disabled?: boolean;
}) {
  const favorites = (useFavorites(eventId).data ?? []).filter((f) => f.kind === 'builder' && f.definition);
  const fields = useDataSource(value?.reportType).data?.fields ?? [];
  const label = (name: string) => fields.find((f) => f.name === name)?.label ?? name;
  return (
    <Flex vertical gap={8}>
      {value ? (
        <div data-testid="built-report-summary">
          <Typography.Text strong>{reportTitle(value)}</Typography.Text>
          <div>
            <Typography.Text type="secondary">{describeDefinition(value, label)}</Typography.Text>
          </div>
        </div>
      ) : (
        <Typography.Text type="secondary">
          No report yet: build one in the Report builder and choose “Schedule…”, or pick one of your saved reports.
        </Typography.Text>
      )}
      {favorites.length ? (
        <Select
          id={id}
          aria-label="Pick a saved built report"
          placeholder="Replace with a saved built report"
          disabled={disabled}
          value={null}
          style={{ maxWidth: 420 }}
          options={favorites.map((f) => ({ value: f._id, label: f.name }))}
          onChange={(picked) => {
            const favorite = favorites.find((f) => f._id === picked);
            if (favorite?.definition) onChange?.({ ...favorite.definition, name: favorite.definition.name || favorite.name });
          }}
        />
      ) : null}
    </Flex>
  );
}
