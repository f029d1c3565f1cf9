import { Alert, Descriptions, Flex, Spin, Tag, Typography } from 'antd';
import { ErrorState } from '../../shared/PageStates';
import { ApiError } from '../../api/http';
import type { Preview } from './api';

/** Wraps the rendered HTML so the preview shows non-Latin names in the console's fonts. */
function htmlDocument(html: string): string {
  return `<!doctype html><html><head><meta charset="utf-8"><style>body{margin:12px;font-family:-apple-system,'Segoe UI',Roboto,'Noto Sans','Noto Sans Devanagari','Noto Sans Arabic','Noto Sans CJK SC',sans-serif;font-size:14px;line-height:1.5;color:#1f1f1f}img{max-width:100%}</style></head><body>${html}</body></html>`;
}

function Warnings({ preview }: { preview: Preview }) {
  const items: { title: string; names: string[]; type: 'warning' | 'info' }[] = [
    { title: 'Unknown variables: no trigger provides them, they render empty', names: preview.unknownVariables, type: 'warning' },
    { title: 'Required variables the template does not use', names: preview.missingRequired, type: 'warning' },
    { title: 'Variables with no value in this data', names: preview.emptyVariables, type: 'info' },
  ];
  return (
    <>
      {items
        .filter((i) => i.names.length)
        .map((i) => (
          <Alert
            key={i.title}
            type={i.type}
            showIcon
            title={i.title}
            description={
              <Flex wrap gap={4}>
                {i.names.map((n) => (
                  <Tag key={n}>{`{{${n}}}`}</Tag>
                ))}
              </Flex>
            }
          />
        ))}
    </>
  );
}

/** The live preview: rendered subject, HTML and text, SMS length, WhatsApp parameters and the template's problems. */
export function PreviewPanel({ preview, error, fetching, onRetry }: { preview?: Preview; error: unknown; fetching: boolean; onRetry?: () => void }) {
  if (error && !(error instanceof ApiError && error.status === 400)) return <ErrorState error={error} onRetry={onRetry} />;
  return (
    <Flex vertical gap={12} aria-live="polite" aria-busy={fetching}>
      {error instanceof ApiError ? (
        <Alert
          type="error"
          showIcon
          title="The preview cannot render this template"
          description={error.fieldErrors.length ? error.fieldErrors.map((f) => `${f.field}: ${f.message}`).join('; ') : error.message}
        />
      ) : null}
      {!preview ? (
        <Spin aria-label="Rendering the preview" />
      ) : (
        <>
          <Flex justify="space-between" align="center" wrap gap={8}>
            <Typography.Text type="secondary">
              {preview.dataSource === 'registration' ? 'Rendered with the chosen registration' : 'Rendered with sample values'}
            </Typography.Text>
            {fetching ? <Spin size="small" aria-label="Updating the preview" /> : null}
          </Flex>
          {preview.channel === 'email' ? (
            <>
              <div>
                <Typography.Text type="secondary">Subject</Typography.Text>
                <Typography.Paragraph strong style={{ margin: 0 }} data-testid="preview-subject">
                  {preview.subject || '—'}
                </Typography.Paragraph>
              </div>
              <iframe title="E-mail preview" sandbox="" className="atlas-preview-frame" srcDoc={htmlDocument(preview.html ?? '')} />
              <details>
                <summary>Text part</summary>
                <pre className="atlas-preview-text">{preview.text}</pre>
              </details>
            </>
          ) : (
            <div>
              <Typography.Text type="secondary">Message</Typography.Text>
              <pre className="atlas-preview-text" data-testid="preview-text" style={{ background: '#fafafa', padding: 8, borderRadius: 6 }}>
                {preview.text || '—'}
              </pre>
            </div>
          )}
          {preview.sms ? (
            <Descriptions size="small" layout="vertical" column={3} bordered items={[
              { key: 'c', label: 'Characters', children: preview.sms.characters },
              { key: 'e', label: 'Encoding', children: preview.sms.encoding },
              { key: 's', label: 'Segments', children: preview.sms.segments },
            ]} />
          ) : null}
          {preview.sms && preview.sms.encoding !== 'GSM-7' ? (
            <Typography.Text type="secondary">
              UCS-2 (a character outside GSM-7, e.g. Devanagari or an emoji): 70 characters per segment, 67 when split.
            </Typography.Text>
          ) : null}
          {preview.whatsapp ? (
            <Descriptions size="small" column={1} bordered title="Approved WhatsApp template" items={[
              { key: 'n', label: 'Template', children: preview.whatsapp.templateName },
              ...preview.whatsapp.parameters.map((p, i) => ({ key: `p${i}`, label: `{{${i + 1}}}`, children: p || '—' })),
            ]} />
          ) : null}
          <Warnings preview={preview} />
        </>
      )}
    </Flex>
  );
}
