import { App, Button, Popconfirm, Space, Table, Tag } from 'antd';
import { DeleteOutlined, EditOutlined, PlayCircleOutlined } from '@ant-design/icons';
import { errorMessage } from '../../shared/forms';
import { useDeleteConfig, useGenerate, type ExportConfig, type ExportJob } from './api';

/** The export configs, each with generate, edit and delete. */
export function ConfigsTable({
  eventId,
  configs,
  canWrite,
  onEdit,
  onGenerated,
}: {
  eventId: string;
  configs: ExportConfig[];
  canWrite: boolean;
  onEdit: (id: string) => void;
  onGenerated: (job: ExportJob) => void;
}) {
  const { message } = App.useApp();
  const generate = useGenerate(eventId);
  const remove = useDeleteConfig();

  const run = async (config: ExportConfig) => {
    try {
      const job = await generate.mutateAsync(config);
      message.success(`Export of “${config.name}” queued`);
      onGenerated(job);
    } catch (error) {
      message.error(errorMessage(error));
    }
  };

  return (
    <Table<ExportConfig>
      rowKey="_id"
      size="middle"
      dataSource={configs}
      pagination={false}
      scroll={{ x: 'max-content' }}
      columns={[
        { title: 'Name', dataIndex: 'name', render: (name: string, c) => (c.isGlobal ? <>{name} <Tag>global</Tag></> : name) },
        { title: 'Data type', dataIndex: 'dataType' },
        { title: 'Format', dataIndex: 'exportType', render: (t: string) => <Tag>{t.toUpperCase()}</Tag> },
        { title: 'Columns', dataIndex: 'fields', render: (f: string[]) => f.length },
        {
          title: 'Actions',
          key: 'actions',
          render: (_, config) => (
            <Space wrap>
              <Button
                type="primary"
                icon={<PlayCircleOutlined />}
                aria-label={`Generate ${config.name}`}
                loading={generate.isPending && generate.variables?._id === config._id}
                onClick={() => run(config)}
              >
                Generate
              </Button>
              {canWrite ? (
                <>
                  <Button icon={<EditOutlined />} aria-label={`Edit ${config.name}`} onClick={() => onEdit(config._id)} />
                  <Popconfirm
                    title={`Delete “${config.name}”?`}
                    okText="Delete"
                    okButtonProps={{ danger: true }}
                    onConfirm={() =>
                      remove.mutateAsync(config._id).then(
                        () => message.success('Export config deleted'),
                        (error) => message.error(errorMessage(error)),
                      )
                    }
                  >
                    <Button danger icon={<DeleteOutlined />} aria-label={`Delete ${config.name}`} />
                  </Popconfirm>
                </>
              ) : null}
            </Space>
          ),
        },
      ]}
    />
  );
}
