import { Navigate, Route, Routes } from 'react-router-dom';
import { useSession } from './auth/session';
import { Loading } from './components/Loading';
import { Layout } from './layout/Layout';
import { SignInPage } from './pages/SignInPage';
import { OidcCallbackPage } from './auth/OidcCallbackPage';
import { callbackPath } from './auth/oidc';
import { InboxPage } from './pages/InboxPage';
import { CasesPage } from './pages/CasesPage';
import { CasePage } from './pages/CasePage';
import { CouncilPage } from './pages/CouncilPage';
import { CouncilRequestPage } from './pages/CouncilRequestPage';
import { ApprovalsPage } from './pages/ApprovalsPage';
import { AuditorPage } from './pages/AuditorPage';
import { AdminPage } from './pages/AdminPage';
import { UsersPage } from './pages/admin/users/UsersPage';
import { HandoverPage } from './pages/HandoverPage';
import { CallsPage } from './pages/CallsPage';
import { CallPage } from './pages/CallPage';
import { EuropeanAlignmentPage } from './pages/european/EuropeanAlignmentPage';
import { PortfolioPage } from './pages/PortfolioPage';

export function App() {
  const { user, loading } = useSession();
  if (loading) return <Loading />;
  if (!user) {
    return (
      <Routes>
        <Route path={callbackPath} element={<OidcCallbackPage />} />
        <Route path="*" element={<SignInPage />} />
      </Routes>
    );
  }
  return (
    <Layout>
      <Routes>
        <Route path="/" element={<InboxPage />} />
        <Route path="/cases" element={<CasesPage />} />
        <Route path="/cases/:id" element={<CasePage />} />
        <Route path="/council" element={<CouncilPage />} />
        <Route path="/council/requests/:id" element={<CouncilRequestPage />} />
        <Route path="/approvals" element={<ApprovalsPage />} />
        <Route path="/audit" element={<AuditorPage />} />
        <Route path="/admin" element={<AdminPage />} />
        <Route path="/admin/users" element={<UsersPage />} />
        <Route path="/handover" element={<HandoverPage />} />
        <Route path="/calls" element={<CallsPage />} />
        <Route path="/calls/:id" element={<CallPage />} />
        <Route path="/european-alignment" element={<EuropeanAlignmentPage />} />
        <Route path="/portfolio" element={<PortfolioPage />} />
        <Route path="*" element={<Navigate to="/" replace />} />
      </Routes>
    </Layout>
  );
}
