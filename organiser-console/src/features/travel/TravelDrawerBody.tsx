import { Alert, App, Button, Flex, Popconfirm, Typography } from 'antd';
import { DeleteOutlined } from '@ant-design/icons';
import { errorMessage } from '../../shared/forms';
import { useDeleteTravel, type TravelInfo } from './api';
import { TravelForm } from './TravelForm';
import { TravelDocuments } from './TravelDocuments';

/** One itinerary in the drawer: its warnings, the form (read-only roles see it disabled), documents and deletion. */
export function TravelDrawerBody({
  eventId,
  travel,
  zone,
  canWrite,
  onDeleted,
}: {
  eventId: string;
  travel: TravelInfo;
  zone: string;
  canWrite: boolean;
  onDeleted: () => void;
}) {
  const { message } = App.useApp();
  const remove = useDeleteTravel(eventId);
  return (
    <Flex vertical gap={16}>
      {travel.warnings?.map((w) => <Alert key={w.code} type="warning" showIcon title={w.message} />)}
      <TravelForm eventId={eventId} travel={travel} zone={zone} readOnly={!canWrite} onDone={() => undefined} />
      <div>
        <Typography.Title level={3} style={{ fontSize: 16 }}>Documents</Typography.Title>
        <TravelDocuments eventId={eventId} travel={travel} zone={zone} canChange={canWrite} />
      </div>
      {canWrite ? (
        <Popconfirm
          title="Delete this itinerary?"
          description="Its documents are deleted with it."
          okText="Delete"
          okButtonProps={{ danger: true }}
          onConfirm={() =>
            remove.mutateAsync(travel._id).then(
              () => {
                message.success('Itinerary deleted');
                onDeleted();
              },
              (error) => message.error(errorMessage(error)),
            )
          }
        >
          <Button danger icon={<DeleteOutlined />} style={{ alignSelf: 'flex-start' }}>
            Delete itinerary
          </Button>
        </Popconfirm>
      ) : null}
    </Flex>
  );
}
