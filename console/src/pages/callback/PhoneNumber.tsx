import { App, Button, Space, Typography } from 'antd';
import { groupedPhone, isMasked } from './model.ts';

/**
 * The applicant's whole number, large enough to dial from across the desk, with a copy button for a
 * softphone. This page is the only place the console shows a number whole (the API masks it for
 * every other role).
 */
export function PhoneNumber({ phone }: { phone: string }) {
  const { message } = App.useApp();
  const copy = async () => {
    try {
      await navigator.clipboard.writeText(phone);
      message.success(`已复制号码 ${phone}`);
    } catch {
      message.error('无法访问剪贴板，请手动抄写号码');
    }
  };
  if (isMasked(phone)) {
    return (
      <Space vertical size={0}>
        <Typography.Text style={{ fontSize: 28 }}>{phone}</Typography.Text>
        <Typography.Text type="warning">号码已超过保存期限，只能显示部分</Typography.Text>
      </Space>
    );
  }
  return (
    <Space align="center" size="middle" wrap>
      <Typography.Text strong data-testid="phone" aria-label={`联系电话 ${phone}`} style={{ fontSize: 34, letterSpacing: 2, fontVariantNumeric: 'tabular-nums', lineHeight: 1.2 }}>
        {groupedPhone(phone)}
      </Typography.Text>
      <Button onClick={() => void copy()}>复制号码</Button>
    </Space>
  );
}
