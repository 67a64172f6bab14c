import { useEffect, useState } from 'react';
import { useNavigate, useParams } from 'react-router';
import { api, ApiProblem, read, send } from '../../api/client.ts';
import { endSession } from '../../auth/session.ts';
import { config } from '../../config.ts';
import { now } from '../../lib/clock.ts';
import { windowLabel } from '../hall/calls.ts';
import { startPolling } from '../hall/poller.ts';
import { phaseOf, ratingLevels, reviewIdFor, type RatingLevel } from './display.ts';
import './window.css';

type Display = Awaited<ReturnType<typeof loadDisplay>>;

const loadDisplay = (id: string, signal: AbortSignal) => read(api().GET('/windows/{id}/display', { params: { path: { id } }, signal }));

const refused = (error: unknown) => error instanceof ApiProblem && (error.status === 401 || error.status === 403 || error.status === 404);

/** How long the thanks stay after a rating, before the display goes back to waiting. */
const THANKS_MS = 15_000;

/** What this display did with a finished visit's rating. */
type Rating = { ticketId: string; state: 'sending' } | { ticketId: string; state: 'thanked'; until: number } | { ticketId: string; state: 'failed'; message: string };

/**
 * 窗口屏: the small screen at a window (its rating device, 评价器). Shows the window's number, what it
 * does and its department, the visitor being called or served with the clerk's name and badge number,
 * and after `finish` asks the visitor to rate the service, posting the rating to each case of the visit.
 */
export default function WindowDisplay() {
  const { windowId = '' } = useParams();
  const navigate = useNavigate();
  const [display, setDisplay] = useState<Display>();
  const [offline, setOffline] = useState(false);
  const [refusal, setRefusal] = useState<string>();
  const [rating, setRating] = useState<Rating>();
  const [clock, setClock] = useState(() => now().getTime());

  useEffect(() => {
    const expired = () => {
      endSession();
      void navigate(`/sign-in?expired=1&next=${encodeURIComponent(`/window/${windowId}`)}`);
    };
    window.addEventListener('banjian:signed-out', expired);
    return () => window.removeEventListener('banjian:signed-out', expired);
  }, [navigate, windowId]);

  useEffect(() => {
    const timer = setInterval(() => setClock(now().getTime()), 1000);
    return () => clearInterval(timer);
  }, []);

  useEffect(() => {
    const poll = startPolling({
      load: (signal) => loadDisplay(windowId, signal),
      intervalMs: 2000,
      onData: (next) => {
        setDisplay(next);
        setOffline(false);
      },
      onFailure: (error) => {
        if (!refused(error)) setOffline(true);
        else if (error instanceof ApiProblem && error.status !== 401) setRefusal(error.status === 404 ? `没有 ${windowId} 窗口` : '此设备不能显示该窗口');
      },
      fatal: refused,
    });
    const online = () => poll.poke();
    window.addEventListener('online', online);
    return () => {
      window.removeEventListener('online', online);
      poll.stop();
    };
  }, [windowId]);

  const ticket = display?.ticket ?? null;
  const phase = phaseOf(ticket, clock);
  const mine = rating && ticket && rating.ticketId === ticket.ticketId ? rating : undefined;
  const thanked = mine?.state === 'thanked' && clock < mine.until;
  const showRating = phase === 'rating' && (mine?.state !== 'thanked' || thanked);

  const rate = async (level: RatingLevel) => {
    if (!ticket || mine?.state === 'sending') return;
    const { ticketId, caseIds } = ticket;
    setRating({ ticketId, state: 'sending' });
    try {
      let rated = 0;
      for (const caseId of caseIds) {
        try {
          await send((headers) => api().POST('/cases/{id}/reviews', { params: { path: { id: caseId } }, headers, body: { level, channel: 'window-device', reviewId: reviewIdFor(ticketId, caseId) } }));
          rated++;
        } catch (error) {
          // 409: a case not accepted yet cannot be rated (reviews start at acceptance); the visit's other cases still can.
          if (!(error instanceof ApiProblem) || error.status !== 409) throw error;
        }
      }
      if (rated > 0) setRating({ ticketId, state: 'thanked', until: now().getTime() + THANKS_MS });
      else setRating({ ticketId, state: 'failed', message: '本次办件尚未受理，暂不能评价' });
    } catch (error) {
      if (!(error instanceof ApiProblem)) throw error;
      setRating({ ticketId, state: 'failed', message: error.status === 0 ? '网络连接失败，请再按一次' : '评价未能提交，请告知窗口工作人员' });
    }
  };

  const w = windowLabel(display?.windowId ?? windowId, display?.windowName ?? windowId);
  const time = new Intl.DateTimeFormat('zh-CN', { timeZone: config().county.timeZone, hour: '2-digit', minute: '2-digit', hourCycle: 'h23' }).format(clock);
  return (
    <div className="wd">
      <header className="wd-header">
        <div className="wd-number" data-testid="window-number">
          {w.label}
        </div>
        <div className="wd-names">
          <div className="wd-service">{w.service || display?.windowName}</div>
          <div className="wd-department">{display?.departmentName ?? ''}</div>
        </div>
        <time className="wd-clock">{time}</time>
      </header>

      <main className="wd-main" aria-live="polite">
        {refusal ? (
          <div className="wd-idle" role="alert">
            {refusal}
          </div>
        ) : !display ? (
          <div className="wd-idle">正在连接…</div>
        ) : showRating && ticket ? (
          <section className="wd-rating" aria-label="服务评价" data-testid="rating">
            {thanked ? (
              <div className="wd-thanks" role="status">
                感谢您的评价
              </div>
            ) : ticket.caseIds.length === 0 ? (
              <>
                <div className="wd-prompt">{ticket.number} 号，本次服务已办结</div>
                {/* Ratings belong to a case (办件): a visit that registered none has nothing to rate here. */}
                <div className="wd-note">本次未登记办件，无需在此评价。对服务有意见建议，请拨打 12345 政务服务便民热线。</div>
              </>
            ) : (
              <>
                <div className="wd-prompt">请您对本次服务进行评价</div>
                <div className="wd-levels" role="group" aria-label="评价等级">
                  {ratingLevels.map(({ level, label }) => (
                    <button key={level} type="button" className={`wd-level wd-level-${level}`} disabled={mine?.state === 'sending'} onClick={() => void rate(level)}>
                      {label}
                    </button>
                  ))}
                </div>
                {mine?.state === 'failed' ? (
                  <div className="wd-note wd-error" role="alert">
                    {mine.message}
                  </div>
                ) : (
                  <div className="wd-note">{ticket.number} 号 · 您的评价将用于改进窗口服务</div>
                )}
              </>
            )}
          </section>
        ) : phase === 'called' || phase === 'serving' ? (
          <section className="wd-ticket" data-testid="ticket">
            <div className="wd-status">{phase === 'called' ? '请' : '正在办理'}</div>
            <div className="wd-ticket-number">
              {ticket?.number}
              {phase === 'called' ? <span> 号</span> : null}
            </div>
            {phase === 'called' ? <div className="wd-status-sub">到本窗口办理</div> : null}
          </section>
        ) : (
          <div className="wd-idle">等待叫号</div>
        )}
      </main>

      <footer className="wd-footer">
        {ticket?.servedBy && phase !== 'idle' ? (
          <div className="wd-clerk" data-testid="clerk">
            工作人员：<b>{ticket.servedBy.name}</b>
            {ticket.servedBy.badgeNo ? (
              <span className="wd-badge">
                工号：<b>{ticket.servedBy.badgeNo}</b>
              </span>
            ) : null}
          </div>
        ) : (
          <div className="wd-clerk">{config().county.name}行政审批服务中心</div>
        )}
        {offline ? <span className="wd-offline">连接中断，正在重试</span> : null}
      </footer>
    </div>
  );
}
