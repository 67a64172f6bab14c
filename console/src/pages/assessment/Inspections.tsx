import { Alert, App, Button, Checkbox, Col, DatePicker, Form, Input, Row, Select, Space, Tag, Typography } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useState } from 'react';
import { ApiProblem } from '../../api/client.ts';
import { DataTable } from '../../layout/DataTable.tsx';
import { Panel } from '../../layout/Panel.tsx';
import { countyToday } from '../../lib/dates.ts';
import { useLoad } from '../../lib/useLoad.ts';
import type { Names } from '../director/use-names.ts';
import { readInspections, readSiteList, recordInspection } from './api.ts';
import { chineseMonth, inspectionBody, inspectionFailed, inspectionItems, siteName, siteOptions, type SiteInspection } from './model.ts';
import { explain } from './refusals.ts';

interface Values {
  siteId: string;
  date: Dayjs;
  passed: string[];
  note?: string;
}

/** How far back an inspection may be recorded (the API's own limit). */
const REACH_DAYS = 62;
const allPassed = () => inspectionItems.map((i) => i.key as string);

/**
 * 实地检查: the center's on-site inspections of township service centers and village points. The
 * form (the site, the day, the six items ticked when 符合, a note) beside the month's inspections;
 * each item found wanting costs the site points on 乡镇考核.
 */
export function Inspections({ month, names }: { month: string; names: Names }) {
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const [problem, setProblem] = useState<string>();
  const [sending, setSending] = useState(false);
  const today = countyToday();
  const sites = useLoad(readSiteList, []);
  const list = useLoad(() => readInspections(month), [month]);
  const passed = Form.useWatch('passed', form) ?? allPassed();
  const failed = inspectionItems.filter((i) => !passed.includes(i.key));
  const nameOf = (id: string) => {
    const site = sites.data?.find((s) => s.id === id);
    return site ? siteName(site) : id;
  };

  const submit = async (v: Values) => {
    setProblem(undefined);
    setSending(true);
    const body = inspectionBody({ siteId: v.siteId, date: v.date.format('YYYY-MM-DD'), passed: v.passed, ...(v.note ? { note: v.note } : {}) });
    try {
      await recordInspection(body);
      void message.success(`已登记 ${nameOf(body.siteId)} ${body.date} 的实地检查${failed.length ? `，不符合 ${failed.length} 项` : '，全部符合'}`);
      form.resetFields(['siteId', 'passed', 'note']);
      list.reload();
    } catch (error) {
      if (!(error instanceof ApiProblem)) throw error;
      // The API names the site by its code; the page by its name.
      setProblem(explain(error).replace(body.siteId, nameOf(body.siteId)));
      form.setFields(error.shown.fields.filter((f) => ['siteId', 'date', 'note'].includes(String(f.name[0]))).map((f) => ({ name: f.name[0] as keyof Values, errors: [f.message] })));
    } finally {
      setSending(false);
    }
  };

  const rows = list.data ?? [];
  return (
    <Row gutter={[16, 16]}>
      <Col xs={24} xl={10}>
        <Panel title="实地检查登记" aria-label="实地检查登记">
          <Form<Values> form={form} name="site-inspection" aria-label="实地检查登记" layout="vertical" disabled={sending} initialValues={{ date: dayjs(today), passed: allPassed() }} onFinish={(v) => void submit(v)}>
            {problem ? <Alert type="error" showIcon role="alert" title={problem} style={{ marginBottom: 16 }} /> : null}
            <Form.Item name="siteId" label="检查站点" rules={[{ required: true, message: '请选择站点' }]}>
              <Select placeholder="选择乡镇便民服务中心或村级代办点" showSearch={{ optionFilterProp: 'label' }} loading={sites.loading} options={siteOptions(sites.data ?? [])} />
            </Form.Item>
            <Form.Item name="date" label="检查日期" rules={[{ required: true, message: '请选择日期' }]} extra="默认今天；可补登两个月内的检查">
              <DatePicker allowClear={false} disabledDate={(d) => d.format('YYYY-MM-DD') > today || dayjs(today).diff(d, 'day') > REACH_DAYS} />
            </Form.Item>
            <Form.Item name="passed" label={<span id="inspection-items-label">检查内容（勾选表示符合，不符合的请取消勾选）</span>}>
              <Checkbox.Group aria-labelledby="inspection-items-label" role="group" style={{ display: 'grid', gridTemplateColumns: 'repeat(auto-fill, minmax(150px, 1fr))', rowGap: 8 }} options={inspectionItems.map((i) => ({ value: i.key, label: i.label }))} />
            </Form.Item>
            <div aria-live="polite" style={{ marginBottom: 16 }}>
              {failed.length === 0 ? (
                <Tag color="green">全部符合</Tag>
              ) : (
                <Space wrap size={4}>
                  <Typography.Text type="danger" strong>
                    不符合 {failed.length} 项：
                  </Typography.Text>
                  {failed.map((f) => (
                    <Tag key={f.key} color="red">
                      {f.failed}
                    </Tag>
                  ))}
                </Space>
              )}
            </div>
            <Form.Item name="note" label="情况说明" rules={[{ max: 500, message: '最多 500 字' }]}>
              <Input.TextArea rows={3} placeholder={failed.length ? '请写明看到的情况，例如：14:00 仍未开门' : '可不填'} />
            </Form.Item>
            <Button type="primary" htmlType="submit" loading={sending}>
              提交检查记录
            </Button>
          </Form>
        </Panel>
      </Col>
      <Col xs={24} xl={14}>
        <Panel
          title={`${chineseMonth(month)}实地检查（${rows.length} 次）`}
          aria-label="本月实地检查"
          extra={
            <Button onClick={list.reload} loading={list.loading && !!list.data}>
              刷新
            </Button>
          }
        >
          {list.error ? <Alert type="error" showIcon title={`读取失败：${list.error}`} style={{ marginBottom: 12 }} /> : null}
          <DataTable<SiteInspection>
            label="本月实地检查"
            rows={rows}
            rowKey={(i) => `${i.siteId}#${i.date}`}
            loading={!list.data && !list.error}
            empty="本月还没有实地检查"
            rowData={(i) => ({ 'data-site': i.siteId, 'data-date': i.date })}
            columns={[
              { title: '日期', nowrap: true, render: (i) => i.date },
              { title: '站点', render: (i) => nameOf(i.siteId) },
              {
                title: '结果',
                render: (i) =>
                  i.failed.length === 0 ? (
                    <Tag color="green">全部符合</Tag>
                  ) : (
                    <Space size={4} wrap>
                      {i.failed.map((f) => (
                        <Tag key={f} color="red">
                          {inspectionFailed(f)}
                        </Tag>
                      ))}
                    </Space>
                  ),
              },
              { title: '情况说明', render: (i) => i.note ?? '—' },
              { title: '检查人', nowrap: true, render: (i) => names.director(i.inspectorId) },
            ]}
          />
        </Panel>
      </Col>
    </Row>
  );
}
