import { Alert, Button, Input, Spin } from 'antd';
import { useRef, useState } from 'react';
import { useParams } from 'react-router';
import { ApiProblem, settled } from '../../api/client.ts';
import { config } from '../../config.ts';
import { levels, type Level } from '../../lib/levels.ts';
import { useLoad } from '../../lib/useLoad.ts';
import { postReview, readReviewLink } from './api.ts';
import { commentLength, COMMENT_MAX, linkMessages, linkState, when, type LinkState } from './model.ts';
import { Block, PublicLayout } from './PublicLayout.tsx';

/** A notice in place of the form: thanks, or why the link cannot be used. */
function Notice({ mark, title, text, testId }: { mark: string; title: string; text: string; testId: string }) {
  return (
    <Block>
      <div className="pub-done" role="status" data-testid={testId}>
        <div className="pub-done-mark" aria-hidden>
          {mark}
        </div>
        <div className="pub-done-title">{title}</div>
        <div className="pub-hint">{text}</div>
      </div>
    </Block>
  );
}

const marks: Record<LinkState, string> = { invalid: '⚠️', expired: '⌛', used: '✅', busy: '⏳', offline: '📶', failed: '⚠️' };

/** 服务评价: the rating link of the invitation SMS. The item and its dates, five levels, an optional comment. */
export default function Rate() {
  const { token = '' } = useParams();
  const link = useLoad(() => readReviewLink(token), [token]);
  const [level, setLevel] = useState<Level>();
  const [comment, setComment] = useState('');
  const [busy, setBusy] = useState(false);
  const [refusal, setRefusal] = useState<string>();
  const [done, setDone] = useState<'thanked' | LinkState>();
  const pendingKey = useRef<string | undefined>(undefined);
  const tz = config().county.timeZone;

  const submit = async () => {
    if (!level) {
      setRefusal('请先选择满意程度');
      return;
    }
    if (commentLength(comment) > COMMENT_MAX) {
      setRefusal(`意见建议最多 ${COMMENT_MAX} 字`);
      return;
    }
    setBusy(true);
    setRefusal(undefined);
    pendingKey.current ??= crypto.randomUUID();
    try {
      const text = comment.trim();
      await postReview(token, { level, ...(text ? { comment: text } : {}) }, pendingKey.current);
      pendingKey.current = undefined;
      setDone('thanked');
    } catch (error) {
      if (settled(error)) pendingKey.current = undefined;
      if (!(error instanceof ApiProblem)) throw error;
      const state = linkState(error.status);
      if (state === 'invalid' || state === 'expired' || state === 'used') setDone(state);
      else setRefusal(linkMessages[state].title + (state === 'failed' ? '，请稍后再试' : ''));
    } finally {
      setBusy(false);
    }
  };

  const body = () => {
    if (done === 'thanked') return <Notice mark="🙏" title="感谢您的评价" text="您的评价已提交。我们将认真听取您的意见，不断改进服务。" testId="rate-thanks" />;
    if (done) return <Notice mark={marks[done]} {...linkMessages[done]} testId={`rate-${done}`} />;
    if (link.loading && !link.data) return <Spin size="large" style={{ display: 'block', margin: '48px auto' }} />;
    if (link.problem) {
      const state = linkState(link.problem.status);
      return <Notice mark={marks[state]} {...linkMessages[state]} testId={`rate-${state}`} />;
    }
    const review = link.data!;
    if (review.rated) return <Notice mark={marks.used} {...linkMessages.used} testId="rate-used" />;
    const over = commentLength(comment) > COMMENT_MAX;
    return (
      <>
        <Block aria-label="评价的办件">
          <div className="pub-case-item">{review.itemName}</div>
          <dl className="pub-facts" style={{ marginTop: 12 }}>
            {review.acceptedDate ? (
              <>
                <dt>受理日期</dt>
                <dd>{when(review.acceptedDate, tz)}</dd>
              </>
            ) : null}
            {review.completedDate ? (
              <>
                <dt>办结日期</dt>
                <dd>{when(review.completedDate, tz)}</dd>
              </>
            ) : null}
          </dl>
        </Block>
        <Block title="您对本次服务满意吗？">
          <div className="pub-levels" role="radiogroup" aria-label="满意程度">
            {levels.map((l) => (
              <Button key={l.value} role="radio" aria-checked={level === l.value} className="pub-level" type={level === l.value ? 'primary' : 'default'} danger={level === l.value && (l.value === 'dissatisfied' || l.value === 'very-dissatisfied')} block onClick={() => setLevel(l.value)}>
                {l.label}
              </Button>
            ))}
          </div>
        </Block>
        <Block title="意见建议（选填）">
          <Input.TextArea aria-label="意见建议" value={comment} onChange={(e) => setComment(e.target.value)} rows={4} placeholder="请写下您的意见或建议" status={over ? 'error' : undefined} />
          <div className="pub-hint" style={{ textAlign: 'right', marginTop: 4, color: over ? '#dc2626' : undefined }}>
            {commentLength(comment)} / {COMMENT_MAX}
          </div>
          {refusal ? <Alert type="warning" showIcon title={refusal} role="alert" style={{ margin: '8px 0' }} /> : null}
          <Button type="primary" size="large" block loading={busy} disabled={!level || over} onClick={() => void submit()} style={{ marginTop: 8 }}>
            提交评价
          </Button>
        </Block>
      </>
    );
  };

  return (
    <PublicLayout title="服务评价" nav={false}>
      {body()}
    </PublicLayout>
  );
}
