import { useState } from 'react';
import { Progress, Typography, Upload } from 'antd';
import { InboxOutlined } from '@ant-design/icons';
import type { UploadProgress } from '../api/http';

/**
 * antd's drag-and-drop upload driving one of our uploads (`api.upload` via `upload`), with its progress shown. The
 * upload function resolves or rejects; the caller shows success and failure messages.
 */
export function FileDropzone({
  label,
  hint = 'PDF, JPEG or PNG, up to 10 MB',
  accept = '.pdf,.jpg,.jpeg,.png,application/pdf,image/jpeg,image/png',
  disabled,
  upload,
}: {
  label: string;
  hint?: string;
  accept?: string;
  disabled?: boolean;
  upload: (file: File, onProgress: (progress: UploadProgress) => void) => Promise<unknown>;
}) {
  const [percent, setPercent] = useState<number | null>(null);
  return (
    <div>
      <Upload.Dragger
        accept={accept}
        multiple={false}
        showUploadList={false}
        disabled={disabled || percent !== null}
        aria-label={label}
        customRequest={({ file, onSuccess, onError }) => {
          setPercent(0);
          upload(file as File, (p) => setPercent(p.percent)).then(
            (result) => {
              setPercent(null);
              onSuccess?.(result);
            },
            (error) => {
              setPercent(null);
              onError?.(error);
            },
          );
        }}
      >
        <p className="ant-upload-drag-icon">
          <InboxOutlined aria-hidden />
        </p>
        <Typography.Paragraph style={{ marginBottom: 4 }}>{label}</Typography.Paragraph>
        <Typography.Text type="secondary">Drop a file here or click to choose one · {hint}</Typography.Text>
      </Upload.Dragger>
      {percent !== null ? <Progress percent={percent} size="small" aria-label="Upload progress" /> : null}
    </div>
  );
}
