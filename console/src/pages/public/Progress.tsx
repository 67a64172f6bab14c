import { Alert, Button, Form, Input, Tag } from 'antd';
import { useEffect, useRef, useState } from 'react';
import { useSearchParams } from 'react-router';
import { ApiProblem } from '../../api/client.ts';
import { config } from '../../config.ts';
import { lookUpProgress, type Progress as ProgressAnswer } from './api.ts';
import { CASE_NO, collectionHint, collectionMethods, decisions, normalizeCaseNo, normalizeCode, progressRefusal, QUERY_CODE, statusOf, stepLabel, when } from './model.ts';
import { Block, PublicLayout } from './PublicLayout.tsx';

interface LookupForm {
  caseNo: string;
  code: string;
}

/** 办件进度查询: the case number and the query code, then where the case stands. */
export default function Progress() {
  const [params, setParams] = useSearchParams();
  const [form] = Form.useForm<LookupForm>();
  const [result, setResult] = useState<ProgressAnswer>();
  const [refusal, setRefusal] = useState<string>();
  const [busy, setBusy] = useState(false);
  const resultRef = useRef<HTMLElement>(null);

  useEffect(() => {
    if (result) resultRef.current?.scrollIntoView({ behavior: 'smooth', block: 'start' });
  }, [result]);

  const submit = async (values: LookupForm) => {
    const caseNo = normalizeCaseNo(values.caseNo);
    const code = normalizeCode(values.code);
    setBusy(true);
    setRefusal(undefined);
    setResult(undefined);
    try {
      setResult(await lookUpProgress(caseNo, code));
      // The case number stays in the address (to bookmark, to share with the family); the code never does.
      if (params.get('caseNo') !== caseNo) setParams({ caseNo }, { replace: true });
    } catch (error) {
      if (!(error instanceof ApiProblem)) throw error;
      setRefusal(progressRefusal(error.status));
    } finally {
      setBusy(false);
    }
  };

  const initialCaseNo = params.get('caseNo') ?? '';
  return (
    <PublicLayout title="办件进度查询">
      <Block>
        <Form<LookupForm> form={form} layout="vertical" size="large" requiredMark={false} initialValues={{ caseNo: initialCaseNo, code: '' }} onFinish={(v) => void submit(v)}>
          <Form.Item
            name="caseNo"
            label="办件号"
            normalize={(v: string) => v.replace(/[\s\u3000]/g, '')}
            rules={[
              { required: true, message: '请填写办件号' },
              { validator: (_, v: string) => (!v || CASE_NO.test(normalizeCaseNo(v)) ? Promise.resolve() : Promise.reject(new Error('办件号格式如 331022-20261102-00042'))) },
            ]}
            extra="受理回执或短信上的办件号"
          >
            <Input placeholder="如 331022-20261102-00042" autoComplete="off" inputMode="numeric" autoFocus={!initialCaseNo} />
          </Form.Item>
          <Form.Item
            name="code"
            label="查询码"
            rules={[
              { required: true, message: '请填写查询码' },
              { validator: (_, v: string) => (!v || QUERY_CODE.test(normalizeCode(v)) ? Promise.resolve() : Promise.reject(new Error('请填写手机号后 4 位，或回执上的 6 位查询码'))) },
            ]}
            extra="申请时所留手机号的后四位；未留手机号的，填受理回执上的查询码"
          >
            <Input placeholder="手机号后四位或回执上的查询码" autoComplete="off" inputMode="numeric" maxLength={6} autoFocus={!!initialCaseNo} />
          </Form.Item>
          {refusal ? <Alert type="warning" showIcon title={refusal} role="alert" style={{ marginBottom: 16 }} /> : null}
          <Button type="primary" htmlType="submit" block loading={busy}>
            查询
          </Button>
        </Form>
      </Block>
      {result ? <CaseProgress progress={result} ref={resultRef} /> : null}
    </PublicLayout>
  );
}

function CaseProgress({ progress, ref }: { progress: ProgressAnswer; ref: React.Ref<HTMLElement> }) {
  const tz = config().county.timeZone;
  const status = statusOf(progress.status);
  const finished = progress.completion !== null || ['rejected', 'completed', 'delivered'].includes(progress.status);
  return (
    <>
      <Block ref={ref} aria-label="办件进度" data-testid="progress-result">
        <div className="pub-case-head">
          <div>
            <div className="pub-case-item">{progress.itemName}</div>
            <div className="pub-case-no">办件号 {progress.caseNo}</div>
          </div>
          <Tag color={status.color} className="pub-status">
            {status.label}
          </Tag>
        </div>
        <dl className="pub-facts">
          <dt>受理日期</dt>
          <dd>{progress.acceptedDate ? when(progress.acceptedDate, tz) : '尚未受理'}</dd>
          <dt>承诺办结</dt>
          <dd>{progress.deadline ? `${when(progress.deadline, tz)}前` : '受理后确定'}</dd>
          {progress.completion ? (
            <>
              <dt>办结</dt>
              <dd>
                {when(progress.completion.date, tz)}，{decisions[progress.completion.decision] ?? progress.completion.decision}
              </dd>
            </>
          ) : null}
          {progress.collection ? (
            <>
              <dt>送达</dt>
              <dd>
                {when(progress.collection.deliveredDate, tz)}，{collectionMethods[progress.collection.method] ?? progress.collection.method}
              </dd>
            </>
          ) : progress.completion && progress.status === 'completed' ? (
            <>
              <dt>领取</dt>
              <dd>{collectionHint(progress.completion.decision)}</dd>
            </>
          ) : null}
        </dl>
      </Block>
      <Block title="办理过程">
        <ol className="pub-timeline">
          {progress.steps.map((s, i) => (
            <li key={`${s.step}-${i}`} className={finished && i === progress.steps.length - 1 ? 'pub-timeline-done' : undefined}>
              <div className="pub-timeline-step">{stepLabel(s.step)}</div>
              <div className="pub-step-date">{when(s.date, tz)}</div>
            </li>
          ))}
          {!finished && progress.deadline ? (
            <li className="pub-timeline-next">
              <div className="pub-timeline-step">办结（预计）</div>
              <div className="pub-step-date">{when(progress.deadline, tz)}前</div>
            </li>
          ) : null}
        </ol>
      </Block>
    </>
  );
}
