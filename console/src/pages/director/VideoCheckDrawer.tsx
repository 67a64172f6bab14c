import { Drawer } from 'antd';
import type { RosterEntry, VideoCheckBody } from './labels.ts';
import { VideoCheckForm } from './VideoCheckForm.tsx';

/** The video-check form in a side panel over today's checks; loaded when first needed (its form, checkboxes and inputs are not on the first screen). */
export function VideoCheckDrawer(props: {
  entry: RosterEntry | undefined;
  rosterDate: string;
  windowLabel: (id: string) => string;
  now: { date: string; time: string };
  timeZone: string;
  submit: (body: VideoCheckBody) => Promise<unknown>;
  onFiled: (entry: RosterEntry, body: VideoCheckBody) => void;
  onClose: () => void;
}) {
  const { entry } = props;
  return (
    <Drawer title="视频督查" open={entry !== undefined} onClose={props.onClose} size="large" destroyOnHidden>
      {entry ? (
        <VideoCheckForm
          entry={entry}
          rosterDate={props.rosterDate}
          windowLabel={props.windowLabel(entry.windowId)}
          now={props.now}
          timeZone={props.timeZone}
          submit={props.submit}
          onCancel={props.onClose}
          onFiled={(body) => props.onFiled(entry, body)}
        />
      ) : null}
    </Drawer>
  );
}
