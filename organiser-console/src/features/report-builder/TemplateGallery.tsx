import { Button, Card, Col, Row, Tag, Typography } from 'antd';
import { BarChartOutlined, StarOutlined } from '@ant-design/icons';
import { QueryState } from '../../shared/PageStates';
import { useTemplates, type ReportTemplate } from './api';

/** The ready-made reports, each a card to open (its data and chart) or mark as a favourite. */
export function TemplateGallery({ onOpen, onFavorite }: { onOpen: (id: string) => void; onFavorite: (template: ReportTemplate) => void }) {
  const templates = useTemplates();
  return (
    <QueryState query={templates}>
      {(list) => (
        <Row gutter={[16, 16]}>
          {list.map((template) => (
            <Col key={template.id} xs={24} sm={12} lg={8}>
              <Card
                size="small"
                title={template.name}
                style={{ height: '100%' }}
                actions={[
                  <Button key="open" type="link" icon={<BarChartOutlined />} onClick={() => onOpen(template.id)} aria-label={`Open ${template.name}`}>
                    Open
                  </Button>,
                  <Button key="fav" type="link" icon={<StarOutlined />} onClick={() => onFavorite(template)} aria-label={`Add ${template.name} to favourites`}>
                    Favourite
                  </Button>,
                ]}
              >
                <Typography.Paragraph style={{ marginBottom: 8 }}>{template.description}</Typography.Paragraph>
                <Tag>{template.definition.dataType}</Tag>
                {template.definition.chartType ? <Tag color="blue">{template.definition.chartType} chart</Tag> : null}
              </Card>
            </Col>
          ))}
        </Row>
      )}
    </QueryState>
  );
}
