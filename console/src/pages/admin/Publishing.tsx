import { Col, Row } from 'antd';
import { useNames } from '../director/use-names.ts';
import { PublishCallbackList } from './PublishCallbackList.tsx';
import { PublishRoster } from './PublishRoster.tsx';

/** Publishing by hand what the timers publish each working day: the video-check roster and the callback list. */
export function Publishing() {
  const names = useNames();
  return (
    <Row gutter={[16, 16]}>
      <Col xs={24} xxl={12}>
        <PublishRoster names={names} />
      </Col>
      <Col xs={24} xxl={12}>
        <PublishCallbackList />
      </Col>
    </Row>
  );
}
