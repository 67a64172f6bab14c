import { App as AntApp, ConfigProvider } from 'antd';
import zhCN from 'antd/locale/zh_CN';
import dayjs from 'dayjs';
import 'dayjs/locale/zh-cn';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { BrowserRouter } from 'react-router';
import { Routes } from './routes.tsx';
import { loadConfig } from './config.ts';

dayjs.locale('zh-cn');

const root = createRoot(document.getElementById('root')!);
try {
  await loadConfig();
  root.render(
    <StrictMode>
      <ConfigProvider locale={zhCN} button={{ autoInsertSpace: false }} theme={{ token: { colorPrimary: '#1d4ed8', fontSize: 15 } }}>
        <AntApp>
          <BrowserRouter basename="/console">
            <Routes />
          </BrowserRouter>
        </AntApp>
      </ConfigProvider>
    </StrictMode>,
  );
} catch (error) {
  console.error('config.json:', error);
  root.render(<p role="alert">工作台配置读取失败，请刷新页面；仍不行请联系管理员。</p>);
}
