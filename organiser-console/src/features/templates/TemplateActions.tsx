import { App, Button, Popconfirm, Switch, Tooltip } from 'antd';
import { DeleteOutlined } from '@ant-design/icons';
import { errorMessage } from '../../shared/forms';
import { useDeleteTemplate, useSaveTemplate, type Template } from './api';

/** Activate/deactivate (triggers send only active templates) and delete with confirmation. */
export function TemplateActions({
  eventId,
  template,
  onDeleted,
  compact,
  withToggle = true,
}: {
  eventId: string;
  template: Template;
  onDeleted?: () => void;
  compact?: boolean;
  /** The editor has its own Active field (saved with the rest), so it shows only Delete. */
  withToggle?: boolean;
}) {
  const { message } = App.useApp();
  const save = useSaveTemplate(eventId);
  const remove = useDeleteTemplate(eventId);

  const toggle = async (isActive: boolean) => {
    try {
      await save.mutateAsync({ id: template._id, input: { isActive } });
      message.success(`${template.name} ${isActive ? 'activated' : 'deactivated'}`);
    } catch (error) {
      message.error(errorMessage(error));
    }
  };

  const confirmDelete = async () => {
    try {
      await remove.mutateAsync(template._id);
      message.success(`${template.name} deleted`);
      onDeleted?.();
    } catch (error) {
      message.error(errorMessage(error));
    }
  };

  return (
    <>
      {withToggle ? (
      <Tooltip title={template.isActive ? 'Active: triggers may send it' : 'Inactive: triggers skip it'}>
        <Switch
          checked={template.isActive}
          loading={save.isPending}
          onChange={toggle}
          checkedChildren="Active"
          unCheckedChildren="Inactive"
          aria-label={`${template.name} active`}
        />
      </Tooltip>
      ) : null}
      <Popconfirm
        title={`Delete “${template.name}”?`}
        description="Triggers that use it will no longer send it. This cannot be undone."
        okText="Delete"
        okButtonProps={{ danger: true, loading: remove.isPending, style: { background: '#cf1322', borderColor: '#cf1322' } }}
        onConfirm={confirmDelete}
      >
        {/* antd's danger red (#ff4d4f) is below AA contrast as text: the labelled button keeps the red for its icon. */}
        {compact ? (
          <Button danger type="text" icon={<DeleteOutlined />} aria-label={`Delete ${template.name}`} />
        ) : (
          <Button icon={<DeleteOutlined style={{ color: '#cf1322' }} />} aria-label={`Delete ${template.name}`}>
            Delete
          </Button>
        )}
      </Popconfirm>
    </>
  );
}
