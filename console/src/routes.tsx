import { Spin } from 'antd';
import { lazy, Suspense, type ReactNode } from 'react';
import { Navigate, Route, Routes as RouterRoutes } from 'react-router';
import { currentSession, homeOf, type Role } from './auth/session.ts';
import { Shell } from './layout/Shell.tsx';

// Each page is its own chunk: a clerk's PC never downloads the director's pages.
const SignIn = lazy(() => import('./auth/SignIn.tsx'));
const AuthReturn = lazy(() => import('./auth/AuthReturn.tsx'));
const ClerkDesk = lazy(() => import('./pages/clerk/ClerkDesk.tsx'));
const CasePage = lazy(() => import('./pages/clerk/CasePage.tsx'));
const Register = lazy(() => import('./pages/clerk/Register.tsx'));
const Callbacks = lazy(() => import('./pages/callback/Callbacks.tsx'));
const Director = lazy(() => import('./pages/director/Director.tsx'));
const Admin = lazy(() => import('./pages/admin/Admin.tsx'));
const Dashboard = lazy(() => import('./pages/dashboard/Dashboard.tsx'));
const Assessment = lazy(() => import('./pages/assessment/Assessment.tsx'));
const MyAssessment = lazy(() => import('./pages/assessment/MyAssessment.tsx'));
const HallScreen = lazy(() => import('./pages/hall/HallScreen.tsx'));
const WindowDisplay = lazy(() => import('./pages/window/WindowDisplay.tsx'));
const JointInbox = lazy(() => import('./pages/joint/JointInbox.tsx'));
const JointCase = lazy(() => import('./pages/joint/JointCase.tsx'));
const AgentWorklist = lazy(() => import('./pages/agent/AgentWorklist.tsx'));
const ProjectPage = lazy(() => import('./pages/agent/ProjectPage.tsx'));
const IntermediaryDesk = lazy(() => import('./pages/market/IntermediaryDesk.tsx'));
const OwnerDesk = lazy(() => import('./pages/market/OwnerDesk.tsx'));
const DraftForm = lazy(() => import('./pages/market/DraftForm.tsx'));
const MarketAdmin = lazy(() => import('./pages/market/MarketAdmin.tsx'));
const MarketProjectPage = lazy(() => import('./pages/market/MarketProjectPage.tsx'));
// The citizens' pages (no sign-in): their own chunks, none of the staff pages' code.
const PublicProgress = lazy(() => import('./pages/public/Progress.tsx'));
const PublicAppointments = lazy(() => import('./pages/public/Appointments.tsx'));
const PublicRate = lazy(() => import('./pages/public/Rate.tsx'));

const loading = <Spin size="large" style={{ display: 'block', margin: '20vh auto' }} tip="加载中…" fullscreen />;

/**
 * A page for these roles only; without a session, the sign-in page (and back here after it). `bare`
 * pages fill the screen without the console's frame: the hall's TV and a window's display.
 */
function Guard({ roles, bare = false, children }: { roles: Role[]; bare?: boolean; children: ReactNode }) {
  const session = currentSession();
  if (!session) return <Navigate to={`/sign-in?next=${encodeURIComponent(window.location.pathname.replace(/^\/console/, ''))}`} replace />;
  if (!roles.some((r) => session.roles.includes(r))) return <Navigate to={homeOf(session)} replace />;
  return bare ? children : <Shell session={session}>{children}</Shell>;
}

export function Routes() {
  const session = currentSession();
  return (
    <Suspense fallback={loading}>
      <RouterRoutes>
        <Route path="/sign-in" element={<SignIn />} />
        <Route path="/auth/callback" element={<AuthReturn />} />
        <Route path="/clerk" element={<Guard roles={['clerk', 'admin']}><ClerkDesk /></Guard>} />
        <Route path="/clerk/register" element={<Guard roles={['clerk', 'admin']}><Register /></Guard>} />
        <Route path="/cases/:caseId" element={<Guard roles={['clerk', 'director', 'callback', 'admin']}><CasePage /></Guard>} />
        <Route path="/callbacks" element={<Guard roles={['callback', 'admin']}><Callbacks /></Guard>} />
        <Route path="/director" element={<Guard roles={['director', 'admin']}><Director /></Guard>} />
        <Route path="/admin" element={<Guard roles={['admin']}><Admin /></Guard>} />
        <Route path="/joint" element={<Guard roles={['reviewer', 'director', 'admin']}><JointInbox /></Guard>} />
        <Route path="/joint/cases/:caseId" element={<Guard roles={['reviewer', 'director', 'admin']}><JointCase /></Guard>} />
        <Route path="/agent" element={<Guard roles={['agent', 'director', 'admin']}><AgentWorklist /></Guard>} />
        <Route path="/agent/projects/:projectId" element={<Guard roles={['agent', 'director', 'admin']}><ProjectPage /></Guard>} />
        <Route path="/intermediary" element={<Guard roles={['intermediary']}><IntermediaryDesk /></Guard>} />
        <Route path="/intermediary/projects/:projectId" element={<Guard roles={['intermediary']}><MarketProjectPage /></Guard>} />
        <Route path="/owner" element={<Guard roles={['owner']}><OwnerDesk /></Guard>} />
        <Route path="/owner/projects/new" element={<Guard roles={['owner']}><DraftForm /></Guard>} />
        <Route path="/owner/projects/:projectId" element={<Guard roles={['owner']}><MarketProjectPage /></Guard>} />
        <Route path="/market" element={<Guard roles={['director', 'admin']}><MarketAdmin /></Guard>} />
        <Route path="/market/projects/:projectId" element={<Guard roles={['director', 'admin']}><MarketProjectPage /></Guard>} />
        <Route path="/dashboard" element={<Guard roles={['director', 'admin']}><Dashboard /></Guard>} />
        <Route path="/assessment" element={<Guard roles={['director', 'admin']}><Assessment /></Guard>} />
        <Route path="/my-assessment" element={<Guard roles={['clerk']}><MyAssessment /></Guard>} />
        <Route path="/hall" element={<Guard roles={['hall-screen', 'director', 'admin']} bare><HallScreen /></Guard>} />
        <Route path="/window/:windowId" element={<Guard roles={['rating-device', 'clerk', 'director', 'admin']} bare><WindowDisplay /></Guard>} />
        <Route path="/public/progress" element={<PublicProgress />} />
        <Route path="/public/appointments" element={<PublicAppointments />} />
        <Route path="/public/rate/:token" element={<PublicRate />} />
        <Route path="/public/*" element={<Navigate to="/public/progress" replace />} />
        <Route path="*" element={<Navigate to={session ? homeOf(session) : '/sign-in'} replace />} />
      </RouterRoutes>
    </Suspense>
  );
}
