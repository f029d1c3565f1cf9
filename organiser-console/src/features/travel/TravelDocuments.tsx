import { useState } from 'react';
import { App, Button, Flex, Input, List, Popconfirm, Select, Tag, Typography } from 'antd';
import { DeleteOutlined, DownloadOutlined, LockOutlined } from '@ant-design/icons';
import { FileDropzone } from '../../shared/FileDropzone';
import { formatDateTime } from '../../shared/dates';
import { errorMessage } from '../../shared/forms';
import { DOCUMENT_TYPES, useDeleteDocument, useDownloadDocument, useUploadDocument, type DocumentType, type TravelInfo } from './api';

/** A travel record's documents: upload (type, drag and drop, progress), authenticated download, delete with confirmation. */
export function TravelDocuments({
  eventId,
  travel,
  zone,
  canChange,
}: {
  eventId: string;
  travel: TravelInfo;
  zone: string;
  canChange: boolean;
}) {
  const { message } = App.useApp();
  const [type, setType] = useState<DocumentType>('flight-ticket');
  const [name, setName] = useState('');
  const upload = useUploadDocument(eventId);
  const remove = useDeleteDocument(eventId);
  const download = useDownloadDocument(eventId);
  const documents = travel.documents ?? [];
  const typeLabel = (t: string) => DOCUMENT_TYPES.find((d) => d.value === t)?.label ?? t;
  return (
    <Flex vertical gap={12}>
      <List
        bordered
        size="small"
        locale={{ emptyText: <Typography.Text>No document yet</Typography.Text> }}
        dataSource={documents}
        renderItem={(doc) => (
          <List.Item
            actions={[
              <Button
                key="download"
                icon={<DownloadOutlined />}
                aria-label={`Download ${doc.name ?? doc.fileName}`}
                onClick={() => download(travel._id, doc).catch((error) => message.error(errorMessage(error)))}
              />,
              ...(canChange
                ? [
                    <Popconfirm
                      key="delete"
                      title={`Delete ${doc.name ?? doc.fileName}?`}
                      description="The stored file is deleted too."
                      okText="Delete"
                      okButtonProps={{ danger: true }}
                      onConfirm={() =>
                        remove.mutateAsync({ id: travel._id, documentId: doc._id }).then(
                          () => message.success('Document deleted'),
                          (error) => message.error(errorMessage(error)),
                        )
                      }
                    >
                      <Button danger icon={<DeleteOutlined />} aria-label={`Delete ${doc.name ?? doc.fileName}`} />
                    </Popconfirm>,
                  ]
                : []),
            ]}
          >
            <List.Item.Meta
              title={
                <span>
                  {doc.name ?? doc.fileName} <Tag>{typeLabel(doc.type)}</Tag>
                  {doc.encrypted ? <Tag icon={<LockOutlined aria-hidden />} color="blue">Encrypted</Tag> : null}
                </span>
              }
              description={`${doc.fileName}${doc.fileSize ? ` · ${Math.ceil(doc.fileSize / 1024)} KB` : ''} · ${formatDateTime(doc.uploadedAt, zone)}`}
            />
          </List.Item>
        )}
      />
      {canChange ? (
        <>
          <Flex wrap gap={8}>
            <Flex vertical gap={4} style={{ flex: '1 1 180px' }}>
              <Typography.Text id="doc-type-label">Document type</Typography.Text>
              <Select aria-labelledby="doc-type-label" value={type} onChange={setType} options={DOCUMENT_TYPES} style={{ width: '100%' }} />
            </Flex>
            <Flex vertical gap={4} style={{ flex: '2 1 220px' }}>
              <Typography.Text id="doc-name-label">Name (optional)</Typography.Text>
              <Input aria-labelledby="doc-name-label" value={name} onChange={(e) => setName(e.target.value)} maxLength={200} />
            </Flex>
          </Flex>
          <FileDropzone
            label="Upload a travel document"
            hint="PDF, JPEG or PNG, up to 10 MB; passports and visas are stored encrypted"
            upload={(file, onProgress) =>
              upload.mutateAsync({ id: travel._id, file, type, name: name.trim() || undefined, onProgress }).then(
                () => {
                  setName('');
                  message.success('Document uploaded');
                },
                (error) => {
                  message.error(errorMessage(error));
                  throw error;
                },
              )
            }
          />
        </>
      ) : null}
    </Flex>
  );
}
