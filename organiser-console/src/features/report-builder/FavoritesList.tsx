import { App, Button, Empty, List, Popconfirm, Tag } from 'antd';
import { DeleteOutlined } from '@ant-design/icons';
import { QueryState } from '../../shared/PageStates';
import { errorMessage } from '../../shared/forms';
import { useFavorites, useRemoveFavorite, type Favorite } from './api';

/** The caller's favourite reports of this conference: saved builder reports and ready-made ones. */
export function FavoritesList({ eventId, onOpen }: { eventId: string; onOpen: (favorite: Favorite) => void }) {
  const favorites = useFavorites(eventId);
  const remove = useRemoveFavorite(eventId);
  const { message } = App.useApp();
  return (
    <QueryState query={favorites} isEmpty={(list) => list.length === 0} empty={<Empty description="No favourite yet: run a report and save it." />}>
      {(list) => (
        <List
          bordered
          dataSource={list}
          renderItem={(favorite) => (
            <List.Item
              actions={[
                <Button key="open" onClick={() => onOpen(favorite)} aria-label={`Open favourite ${favorite.name}`}>
                  Open
                </Button>,
                <Popconfirm
                  key="del"
                  title={`Remove “${favorite.name}” from favourites?`}
                  okText="Remove"
                  onConfirm={() => remove.mutateAsync(favorite._id).catch((error) => message.error(errorMessage(error)))}
                >
                  <Button danger icon={<DeleteOutlined />} aria-label={`Remove favourite ${favorite.name}`} />
                </Popconfirm>,
              ]}
            >
              <List.Item.Meta title={favorite.name} description={<Tag>{favorite.kind === 'builder' ? 'built report' : 'ready-made'}</Tag>} />
            </List.Item>
          )}
        />
      )}
    </QueryState>
  );
}
