import { Alert, Spin } from 'antd';
import { useEffect, useState } from 'react';
import { useNavigate } from 'react-router';
import { config } from '../config.ts';
import { completeSignIn, redirectUri } from './cognito.ts';
import { homeOf, startSession } from './session.ts';

/** Where the managed login sends the browser back with a code. */
export default function AuthReturn() {
  const navigate = useNavigate();
  const [error, setError] = useState<string>();
  useEffect(() => {
    const { auth } = config();
    if (auth.kind !== 'cognito') return;
    completeSignIn(auth, redirectUri(window.location.origin, import.meta.env.BASE_URL), new URLSearchParams(window.location.search))
      .then((token) => {
        const session = startSession(token);
        const next = sessionStorage.getItem('banjian.next');
        sessionStorage.removeItem('banjian.next');
        void navigate(next || homeOf(session), { replace: true });
      })
      // The reason (state mismatch, the token endpoint's answer) is for the browser's console, not the person.
      .catch((e: Error) => {
        console.warn('sign-in did not complete:', e.message);
        setError('登录过程被中断或已过期，请重新登录。');
      });
  }, [navigate]);
  return error ? <Alert type="error" showIcon message="登录未完成" description={error} action={<a href="/console/sign-in">重新登录</a>} /> : <Spin fullscreen tip="正在登录…" />;
}
