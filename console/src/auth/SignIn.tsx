import { Alert, Button, Card, Typography } from 'antd';
import { lazy, Suspense } from 'react';
import { useSearchParams } from 'react-router';
import { config } from '../config.ts';
import { authorizeUrl, redirectUri } from './cognito.ts';

// Only the local build has it: in the AWS build __LOCAL_SIGN_IN__ is false and the import is dropped.
const DevSignIn = __LOCAL_SIGN_IN__ ? lazy(() => import('./DevSignIn.tsx')) : undefined;

/** The sign-in page: the county's managed login on AWS, the list of local accounts under `npm start`. */
export default function SignIn() {
  const [params] = useSearchParams();
  const next = params.get('next') ?? '';
  const { auth, county } = config();
  const expired = params.get('expired') === '1' ? <Alert type="warning" showIcon message="登录已过期，请重新登录" style={{ marginBottom: 16 }} /> : null;
  if (auth.kind === 'local' && DevSignIn) {
    return (
      <Suspense>
        {expired}
        <DevSignIn next={next} />
      </Suspense>
    );
  }
  if (auth.kind !== 'cognito') return <Alert type="error" message="此版本的工作台不能在本地登录" />;
  const go = async () => {
    sessionStorage.setItem('banjian.next', next);
    window.location.assign(await authorizeUrl(auth, redirectUri(window.location.origin, import.meta.env.BASE_URL)));
  };
  return (
    <Card style={{ maxWidth: 420, margin: '15vh auto' }}>
      {expired}
      <Typography.Title level={3}>{county.name}行政审批服务中心</Typography.Title>
      <Typography.Paragraph>请使用您的工作账号登录（需要动态验证码）。</Typography.Paragraph>
      <Button type="primary" size="large" block onClick={() => void go()} autoFocus>
        登录
      </Button>
    </Card>
  );
}
